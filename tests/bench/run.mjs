// The goroutine benchmark (`npm run bench`): not a test, a measurement of the release build.
//
// For N = 10^4, 10^5, 10^6 tasks that each sleep D = 100 ms once, five ways:
//   runtime      the notebook's runtime, browser driver (window.wasmBindings.benchRuntime)
//   interpreted  the same in Go (tests/bench/interp/sleepers.go) run by the Go interpreter on
//                the same browser driver (benchInterpreted)
//   naive        one wasm_bindgen_futures::spawn_local + gloo TimeoutFuture per task (benchNaive)
//   promises     plain JS in the page: one async function + one setTimeout per task
//   go           native Go 1.27.3, the oracle in .venv-go/ (tests/bench/go/, built once)
// Each browser measurement runs in a fresh page load (wasm memory never shrinks). Then the
// page's own UI: the share link ?scenario=many&goroutines=100000&pause_ms=1000&speed=1&run=1,
// from mount to « Programme terminé », and its long tasks.
//
// The bench* exports exist only with the `bench` cargo feature, so this script makes its own
// build first: `trunk build --release --features bench --dist target/dist-bench`.
//
// Env: BENCH_DIST (use this build instead of making one; it must have the bench feature),
// CHROMIUM, BENCH_N (comma-separated, default 10000,100000,1000000), BENCH_SLEEP_MS (default
// 100), BENCH_JSON (write all raw results to this file), GO_ORACLE (default .venv-go/bin/go).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/serve.mjs';
import { launch as launchChromium } from '../e2e/support.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const NS = (process.env.BENCH_N ?? '10000,100000,1000000').split(',').map(Number);
const D = Number(process.env.BENCH_SLEEP_MS ?? 100);
const WAY_TIMEOUT = 180_000;
const UI_N = 100_000;
const UI_PAUSE_MS = 1000;
const BENCH_EXPORTS = ['benchRuntime', 'benchInterpreted', 'benchNaive'];

/** The build to measure: BENCH_DIST as given, else a fresh `--features bench` build. */
function benchDist() {
  if (process.env.BENCH_DIST) return process.env.BENCH_DIST;
  const dist = join(ROOT, 'target', 'dist-bench');
  console.log(`building: trunk build --release --features bench --dist ${dist}`);
  execFileSync('trunk', ['build', '--release', '--offline', '--features', 'bench', '--dist', dist], {
    cwd: ROOT,
    // wasm-opt from npm's binaryen comes first (Trunk.toml pins its version); never download.
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH}`, TRUNK_OFFLINE: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return dist;
}

const DIST = benchDist();
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`no ${DIST}/index.html: unset BENCH_DIST to let the benchmark build, or build it there`);
  process.exit(1);
}
if (!readFileSync(join(DIST, 'index.html'), 'utf8').includes('window.wasmBindings')) {
  console.error(`${DIST}/index.html does not expose window.wasmBindings (trunk 0.21 loader expected)`);
  process.exit(1);
}
{
  const glue = readdirSync(DIST).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DIST, f), 'utf8'));
  const missing = BENCH_EXPORTS.filter((name) => !glue.some((js) => js.includes(name)));
  if (missing.length) {
    console.error(`${DIST} lacks ${missing.join(', ')}: build it with \`--features bench\` (or unset BENCH_DIST)`);
    process.exit(1);
  }
}

// ---- native Go -------------------------------------------------------------------------------

// The Go corpus' oracle (scripts/lib.sh ensure_go_oracle), in module mode: without a go.mod at
// go 1.27, cmd/go would apply older GODEBUG defaults.
const GO = process.env.GO_ORACLE ?? join(ROOT, '.venv-go', 'bin', 'go');
const GO_ENV = { ...process.env, GOTOOLCHAIN: 'local', GO111MODULE: 'on', GOFLAGS: '', GOPROXY: 'off' };

/** Builds tests/bench/go once; a function of N, or null (said why) when Go is missing. */
function goBaseline() {
  let version;
  try {
    version = execFileSync(GO, ['version'], { env: GO_ENV, encoding: 'utf8' }).trim();
  } catch (err) {
    console.log(`  no Go oracle at ${GO} (${err.code ?? err.message}): the go rows are skipped; scripts/test.sh installs it`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gobench-'));
  const bin = join(dir, 'bench');
  execFileSync(GO, ['build', '-o', bin, '.'], {
    cwd: join(ROOT, 'tests', 'bench', 'go'),
    env: GO_ENV,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`  go: ${version}`);
  const run = (args) => JSON.parse(execFileSync(bin, args, { encoding: 'utf8', maxBuffer: 1 << 20 }));
  return (count) => {
    const time = run(['-mode', 'time', '-n', String(count), '-sleep', String(D)]);
    const mem = run(['-mode', 'mem', '-n', String(count)]);
    return { ...time, mem };
  };
}

// ---- browser ---------------------------------------------------------------------------------

// Precise memory figures and a callable gc() on top of the e2e tests' Chromium flags.
const launch = () => launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);

// Installed before any page script: records every long task (> 50 ms) with its start, and the
// moment the lesson's title appears (the end of the page's own start-up).
function observeLongTasks() {
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const mark = () => {
    if (window.__lessonShownAt === undefined && document.querySelector('article.lesson h1')) {
      window.__lessonShownAt = performance.now();
    }
  };
  // The moment a cell first says « Programme terminé » (the page-path row's end).
  const finished = () => {
    if (
      window.__finishedAt === undefined &&
      [...document.querySelectorAll('.status')].some((e) => e.textContent.includes('Programme terminé'))
    ) {
      window.__finishedAt = performance.now();
    }
  };
  new MutationObserver(() => (mark(), finished())).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}

/** A fresh page of the app, loaded and idle, with the long-task observer. */
async function freshPage(browser, url, query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const crashed = { yes: false };
  page.on('crash', () => (crashed.yes = true));
  page.on('pageerror', (err) => console.error(`  pageerror: ${err.message}`));
  await page.addInitScript(observeLongTasks);
  await page.goto(url + query);
  await page.waitForFunction(() => window.wasmBindings && document.querySelector('article.lesson h1'), null, {
    timeout: 60_000,
  });
  return { context, page, crashed };
}

/** Longest long task that started after `since` (ms, page clock). */
const longestSince = (page, since) =>
  page.evaluate(
    (since) => window.__longtasks.filter((t) => t.start >= since).reduce((m, t) => Math.max(m, t.duration), 0),
    since,
  );

async function inPage(browser, url, way, n, d = D) {
  const { context, page, crashed } = await freshPage(browser, url);
  try {
    // Let the start-up settle, collect its garbage, then start the clock for long tasks.
    await page.waitForTimeout(500);
    const since = await page.evaluate(() => {
      window.gc?.();
      return performance.now();
    });
    const raw = await Promise.race([
      page.evaluate(
        async ({ way, n, d }) => {
          if (way === 'runtime') return JSON.parse(await window.wasmBindings.benchRuntime(n, d));
          if (way === 'interpreted') return JSON.parse(await window.wasmBindings.benchInterpreted(n, d));
          if (way === 'naive') return JSON.parse(await window.wasmBindings.benchNaive(n, d));
          // promises: plain JS, one async function and one setTimeout per task.
          const heap = () => performance.memory?.usedJSHeapSize ?? null;
          const before = heap();
          let parked = 0;
          let remaining = n;
          let endAt = 0;
          let done;
          const finished = new Promise((ok) => (done = ok));
          const task = async () => {
            parked++;
            await new Promise((wake) => setTimeout(wake, d));
            parked--;
            if (--remaining === 0) {
              endAt = performance.now();
              done();
            }
          };
          const t0 = performance.now();
          for (let i = 0; i < n; i++) task();
          while (parked < n) await new Promise((ok) => setTimeout(ok, 0));
          await new Promise((ok) => setTimeout(ok, 0)); // same settling as the wasm ways
          const parkedAt = performance.now();
          const peak = heap();
          const parkedPeak = parked;
          await finished;
          const total = (endAt - t0) * 1000;
          return {
            way,
            n,
            sleep_ms: d,
            total_us: total,
            spawn_us: (parkedAt - t0) * 1000,
            spawn_us_per_task: ((parkedAt - t0) * 1000) / n,
            us_per_task_over_sleep: (total - d * 1000) / n,
            parked_peak: parkedPeak,
            wasm_growth_per_task: 0,
            heap_per_task: 0,
            js_heap_before: before,
            js_heap_peak: peak,
            js_heap_growth_per_task: peak === null ? null : (peak - before) / n,
          };
        },
        { way, n, d },
      ),
      new Promise((_, fail) => setTimeout(() => fail(new Error(`timeout after ${WAY_TIMEOUT} ms`)), WAY_TIMEOUT)),
    ]);
    await page.waitForTimeout(300); // long-task entries arrive asynchronously
    raw.longest_task_ms = await longestSince(page, since);
    return raw;
  } catch (err) {
    return { way, n, error: crashed.yes ? 'page crashed' : String(err.message ?? err).split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * The page path: the share link runs `many` (UI_N goroutines that each sleep UI_PAUSE_MS) at 1×
 * through the interpreter, with the cell's console and timeline. Timed from mount (the lesson's
 * title appears) to « Programme terminé », so it includes compiling the preset and the preview.
 */
async function uiRun(browser, url) {
  const query = `?scenario=many&goroutines=${UI_N}&pause_ms=${UI_PAUSE_MS}&speed=1&run=1`;
  const { context, page, crashed } = await freshPage(browser, url, query);
  try {
    const t0 = Date.now();
    await page.waitForFunction(
      () => [...document.querySelectorAll('.status')].some((e) => e.textContent.includes('Programme terminé')),
      null,
      { timeout: WAY_TIMEOUT, polling: 100 },
    );
    const wallMs = Date.now() - t0;
    await page.waitForTimeout(300);
    const result = await page.evaluate(() => ({
      lessonShownAt: window.__lessonShownAt,
      finishedAt: window.__finishedAt,
      tasks: window.__longtasks,
      status: [...document.querySelectorAll('.status')].map((e) => e.textContent.trim()),
      output: document.querySelector('.console')?.textContent.slice(-120) ?? '',
    }));
    const after = result.tasks.filter((t) => t.start >= result.lessonShownAt);
    const mountToEndMs = result.finishedAt - result.lessonShownAt;
    return {
      way: 'page',
      n: UI_N,
      sleep_ms: UI_PAUSE_MS,
      query,
      wallMs,
      mountToEndMs,
      us_per_task_over_sleep: ((mountToEndMs - UI_PAUSE_MS) * 1000) / UI_N,
      lessonShownAt: result.lessonShownAt,
      startupLongest: result.tasks
        .filter((t) => t.start < result.lessonShownAt)
        .reduce((m, t) => Math.max(m, t.duration), 0),
      runLongest: after.reduce((m, t) => Math.max(m, t.duration), 0),
      runTasks: after.map((t) => `${t.duration.toFixed(0)} ms @${t.start.toFixed(0)}`),
      status: result.status,
    };
  } catch (err) {
    return { query, error: crashed.yes ? 'page crashed' : String(err.message ?? err).split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}

/** The « Mesurer dans votre navigateur » widget: its figures and the long tasks it causes. */
async function widgetRun(browser, url) {
  const { context, page, crashed } = await freshPage(browser, url);
  try {
    await page.locator('.measure-widget').scrollIntoViewIfNeeded();
    // The diagram just below loads and renders Mermaid once in view: not the widget's cost.
    await page.waitForFunction(() => document.querySelector('figure.diagram svg g.node'), null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    const since = await page.evaluate(() => performance.now());
    await page.click('.measure-widget button.primary');
    await page.waitForFunction(
      () => document.querySelector('.measure-progress')?.textContent.includes('Terminé'),
      null,
      { timeout: WAY_TIMEOUT, polling: 100 },
    );
    await page.waitForTimeout(300);
    const cells = await page.$$eval('.measure-table tbody tr', (rows) =>
      rows.map((r) => [...r.children].map((c) => c.textContent.trim())),
    );
    return { cells, longest: await longestSince(page, since) };
  } catch (err) {
    return { error: crashed.yes ? 'page crashed' : String(err.message ?? err).split('\n')[0] };
  } finally {
    await context.close().catch(() => {});
  }
}

// ---- table -----------------------------------------------------------------------------------

const num = (v, digits = 2) =>
  v === null || v === undefined || Number.isNaN(v) ? 'n/a' : (Math.abs(v) < 0.5 * 10 ** -digits ? 0 : v).toFixed(digits);

/** Peak memory per parked task, bytes: everything the tab (or process) grew by. */
function memPerTask(r) {
  if (r.way === 'go') return r.mem?.sys_per_task;
  const js = r.js_heap_growth_per_task ?? 0;
  return (r.wasm_growth_per_task ?? 0) + js;
}

function row(r) {
  if (r.error) return [r.way, String(r.n), `ERROR: ${r.error}`];
  // The page path: only the time per goroutine and the long tasks are its own.
  if (r.way === 'page') {
    return [r.way, String(r.n), num(r.us_per_task_over_sleep), 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', num(r.runLongest, 0)];
  }
  return [
    r.way,
    String(r.n),
    num(r.us_per_task_over_sleep),
    num(r.spawn_us_per_task),
    num(memPerTask(r), 0),
    r.way === 'go' ? num(r.mem?.stack_inuse_per_task, 0) : num(r.heap_per_task, 0),
    r.way === 'go' ? 'n/a' : num(r.js_heap_growth_per_task, 0),
    r.way === 'go' ? String(r.mem?.parked_peak) : String(r.parked_peak),
    r.way === 'go' ? 'n/a' : num(r.longest_task_ms, 0),
  ];
}

function printTable(rows) {
  const head = [
    'way',
    'N',
    'µs/task over sleep',
    'spawn µs/task',
    'peak B/parked task',
    'heap B/task',
    'JS heap B/task',
    'parked peak',
    'longest task ms',
  ];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i < 2 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

// ---- main ------------------------------------------------------------------------------------

// 10^6 parked at once needs a sleep longer than the spawning (the driver hands goroutines out
// in slices so the page stays responsive, about 1.5 s for 10^6): like Go's `-mode mem`, a
// separate run where every goroutine sleeps PARKED_SLEEP_MS.
const PARKED_SLEEP_MS = 5000;

const server = await startServer({ root: DIST });
const results = [];
let ui;
let widget;
let million;
try {
  console.log(`dist: ${DIST}; N = ${NS.join(', ')}; D = ${D} ms; Chromium ${execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()}`);
  const go = goBaseline();
  for (const n of NS) {
    const browser = await launch();
    try {
      for (const way of ['runtime', 'interpreted', 'naive', 'promises']) {
        process.stdout.write(`  ${way} N=${n}… `);
        const r = await inPage(browser, server.url, way, n);
        const compile = r.compile_us == null ? '' : ` (compiled in ${num(r.compile_us / 1000, 2)} ms, not counted)`;
        console.log(r.error ? `error: ${r.error}` : `${num(r.us_per_task_over_sleep)} µs/task${compile}`);
        results.push(r);
      }
    } finally {
      await browser.close();
    }
    if (go) {
      process.stdout.write(`  go N=${n}… `);
      const r = go(n);
      console.log(`${num(r.us_per_task_over_sleep)} µs/task`);
      results.push(r);
    }
  }
  const browser = await launch();
  try {
    console.log(`  page UI, many with ${UI_N} goroutines at 1×…`);
    ui = await uiRun(browser, server.url);
    console.log('  widget « Mesurer dans votre navigateur »…');
    widget = await widgetRun(browser, server.url);
  } finally {
    await browser.close();
  }
  if (NS.includes(1_000_000)) {
    console.log(`  10^6 goroutines parked at once (each sleeping ${PARKED_SLEEP_MS} ms)…`);
    const parkedBrowser = await launch();
    try {
      million = await inPage(parkedBrowser, server.url, 'runtime', 1_000_000, PARKED_SLEEP_MS);
    } finally {
      await parkedBrowser.close();
    }
  }
} finally {
  await server.close();
}

console.log('');
console.log(`Tasks that each sleep ${D} ms once; "over sleep" = (total - ${D} ms) / N; spawn = start until all parked;`);
console.log('peak B/parked task: wasm memory + JS heap growth (browser, fresh page) or MemStats.Sys growth (Go, all parked);');
console.log('heap B/task: live Rust heap growth (counting allocator) or Go StackInuse growth;');
console.log(`page: the share link, mount to « Programme terminé », its ${UI_PAUSE_MS} ms pause taken off, per goroutine.`);
console.log('');
printTable([...results, ...(ui ? [ui] : [])].map(row));
console.log('');

const find = (way, n) => results.find((r) => r.way === way && r.n === n && !r.error);
for (const n of NS) {
  const rt = find('runtime', n);
  if (!rt) continue;
  const parts = [];
  for (const base of ['interpreted', 'naive', 'promises', 'go']) {
    const b = find(base, n);
    if (!b) continue;
    const over = b.us_per_task_over_sleep / rt.us_per_task_over_sleep;
    const spawn = b.spawn_us_per_task / rt.spawn_us_per_task;
    const mem = memPerTask(b) / memPerTask(rt);
    parts.push(`${base}: ${num(over, 1)}× over sleep, ${num(spawn, 1)}× spawn, ${num(mem, 1)}× memory`);
  }
  console.log(`N=${n} runtime is faster/smaller by — ${parts.join('; ')}`);
}
console.log('');
if (ui?.error) {
  console.log(`page UI ${ui.query}: ERROR ${ui.error}`);
} else if (ui) {
  console.log(
    `page UI ${ui.query}: « ${ui.status.join(' | ')} » ${num(ui.mountToEndMs, 0)} ms after mount ` +
      `(${num(ui.us_per_task_over_sleep)} µs/goroutine beyond the ${UI_PAUSE_MS} ms pause); longest main-thread task during the run ` +
      `${num(ui.runLongest, 0)} ms (target ≤ 50); start-up before the lesson showed: ${num(ui.startupLongest, 0)} ms`,
  );
  if (ui.runTasks.length) console.log(`  long tasks after start-up: ${ui.runTasks.join(', ')}`);
}
if (widget?.error) {
  console.log(`widget: ERROR ${widget.error}`);
} else if (widget) {
  console.log(
    `widget (10^5 goroutines in batches): ${widget.cells.map((c) => `${c[0]} = ${c[1]}`).join('; ')}; ` +
      `longest main-thread task from the click to « Terminé »: ${num(widget.longest, 0)} ms`,
  );
}
if (NS.includes(1_000_000)) {
  console.log(
    million
      ? `10^6 goroutines parked at once in one tab (each sleeping ${PARKED_SLEEP_MS} ms): ${million.parked_peak} parked, no crash, ` +
          `wasm memory ${num(million.wasm_peak / 2 ** 20, 0)} MiB at peak`
      : `10^6 goroutines: ${results.find((r) => r.way === 'runtime' && r.n === 1_000_000)?.error ?? 'not run'}`,
  );
}

// Targets of the issue, judged on this run (N = 10^5 unless said).
const target = (ok, text) => console.log(`${ok === undefined ? 'n/a ' : ok ? 'MET ' : 'MISS'}  ${text}`);
console.log('');
const [rt5, naive5, go5] = [find('runtime', 100_000), find('naive', 100_000), find('go', 100_000)];
const interp5 = find('interpreted', 100_000);
const ratio = (a, b) => (a && b ? b.us_per_task_over_sleep / a.us_per_task_over_sleep : undefined);
target(rt5 && interp5 ? ratio(rt5, interp5) <= 2 : undefined, `interpreted ≤ 2× the compiled runtime per goroutine: ${num(ratio(rt5, interp5), 2)}×`);
target(rt5 && naive5 && ratio(rt5, naive5) >= 10, `≥ 10× faster than naive spawn_local + TimeoutFuture: ${num(ratio(rt5, naive5), 1)}×`);
target(rt5 && go5 && ratio(rt5, go5) > 1, `faster than native Go per task: ${num(ratio(rt5, go5), 1)}×`);
const worstMem = Math.max(...NS.map((n) => find('runtime', n)).filter(Boolean).map(memPerTask));
target(Number.isFinite(worstMem) ? worstMem <= 256 : undefined, `≤ 256 B per parked goroutine: worst ${num(worstMem, 0)} B over N = ${NS.join(', ')}`);
if (NS.includes(1_000_000)) target(million?.parked_peak === 1_000_000, '10^6 goroutines parked at once without a crash');
target(ui && !ui.error ? ui.runLongest <= 50 : undefined, `no main-thread task > 50 ms while 10^5 goroutines run with the page's UI: ${num(ui?.runLongest, 0)} ms`);
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ results, ui, widget }, null, 2));
