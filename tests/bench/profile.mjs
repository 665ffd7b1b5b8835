// Where the time goes: a CPU profile (CDP Profiler, 100 µs sampling) of one workload, printed as
// self time per function and per busy segment (a run of non-idle samples, i.e. roughly one
// main-thread task). Not part of `npm run bench`.
//
// runtime/interpreted/naive call exports of the `bench` cargo feature: start from the build
// `npm run bench` makes (target/dist-bench; the same with $CARGO_TARGET_DIR's wasm below).
// Function names need a wasm with its name section; trunk's wasm-opt strips it. Make one:
//   cp -r target/dist-bench /tmp/prof && cd /tmp/prof && H=$(ls *.wasm | sed 's/_bg.wasm//') &&
//   wasm-bindgen --target web --no-typescript --keep-debug --out-dir . --out-name $H \
//     $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/goroutines-notebook.wasm &&
//   sed -i 's/ integrity="[^"]*"//g' index.html
// Usage: node tests/bench/profile.mjs DIST runtime|interpreted|naive|ui|widget [N=100000]
//   runtime/interpreted/naive: window.wasmBindings.benchRuntime/benchInterpreted/benchNaive(N, 100)
//   ui: the share link ?scenario=many&goroutines=N&run=1 until « Programme terminé »
//   widget: a click on « Mesurer dans votre navigateur » until « Terminé »
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/serve.mjs';

const [root = 'dist', way = 'runtime', n = '100000'] = process.argv.slice(2);
const server = await startServer({ root });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.error('pageerror', e.message));
const cdp = await page.context().newCDPSession(page);
const loaded = () => page.waitForFunction(() => window.wasmBindings && document.querySelector('article.lesson h1'));
const startProfiler = async () => {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
};

let result;
if (way === 'ui') {
  await page.addInitScript(() => {
    window.__lt = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__lt.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(server.url); // warm the cache, so the profiled load is mostly the run
  await loaded();
  await startProfiler();
  await page.goto(`${server.url}?scenario=many&goroutines=${n}&run=1`);
  await page.waitForFunction(
    () => [...document.querySelectorAll('.status')].some((e) => e.textContent.includes('Programme terminé')),
    null,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(300);
  result = { longtasks: await page.evaluate(() => window.__lt) };
} else if (way === 'widget') {
  await page.goto(server.url);
  await loaded();
  await page.locator('.measure-widget').scrollIntoViewIfNeeded();
  // The diagram below the widget loads Mermaid once in view: let it finish first.
  await page.waitForFunction(() => document.querySelector('figure.diagram svg g.node'), null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  await startProfiler();
  await page.click('.measure-widget button.primary');
  await page.waitForFunction(() => document.querySelector('.measure-progress')?.textContent.includes('Terminé'), null, {
    timeout: 120_000,
  });
  result = { table: await page.locator('.measure-table').innerText() };
} else {
  await page.goto(server.url);
  await loaded();
  await page.waitForTimeout(500);
  await startProfiler();
  const fn = { naive: 'benchNaive', interpreted: 'benchInterpreted' }[way] ?? 'benchRuntime';
  result = await page.evaluate(async ({ fn, n }) => JSON.parse(await window.wasmBindings[fn](n, 100)), {
    fn,
    n: Number(n),
  });
}
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
await server.close();
console.log(JSON.stringify(result));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const nameOf = (id) => byId.get(id).callFrame.functionName || `(${byId.get(id).callFrame.url.split('/').pop()})`;
const idle = (name) => name === '(idle)' || name === '(program)';
const top = (counts, k) => {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, c]) => `  ${((100 * c) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 120)}`)
    .join('\n');
};

const all = new Map();
const segments = [];
let t = profile.startTime;
let current = null;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i];
  const name = nameOf(id);
  if (idle(name)) {
    if (current && t - current.end > 3000) current = null;
    return;
  }
  all.set(name, (all.get(name) ?? 0) + 1);
  if (!current) segments.push((current = { start: t, end: t, counts: new Map() }));
  current.end = t;
  current.counts.set(name, (current.counts.get(name) ?? 0) + 1);
});
console.log(`self time, whole profile:\n${top(all, 25)}`);
for (const s of segments.filter((s) => s.end - s.start > 30_000)) {
  console.log(
    `busy segment at +${((s.start - profile.startTime) / 1000).toFixed(0)} ms lasting ` +
      `${((s.end - s.start) / 1000).toFixed(0)} ms:\n${top(s.counts, 12)}`,
  );
}
