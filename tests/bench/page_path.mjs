// The page path, phase by phase (not part of `npm run bench`, which keeps only its total): the
// share link ?scenario=many&goroutines=N&pause_ms=1000&speed=1&run=1 in a fresh browser context
// (nothing cached, as a first visit), from navigation to « Programme terminé ».
//
// Usage: node tests/bench/page_path.mjs [dist=dist] [N=100000] [runs=5]
// Prints per run: when the engine's worker was created, when the lesson's title appeared
// (« mount »), when the engine said it was ready, when the run started (its `Started` reply),
// when « Programme terminé » appeared, µs per goroutine from mount (the bench's figure) and
// the longest main-thread task; then the medians.
import { startServer } from '../e2e/serve.mjs';
import { launch } from '../e2e/support.mjs';

const [root = 'dist', n = '100000', runs = '5'] = process.argv.slice(2);
const PAUSE_MS = 1000;
const query = `?scenario=many&goroutines=${n}&pause_ms=${PAUSE_MS}&speed=1&run=1`;

/** Installed before any page script: stamps each phase with performance.now(). */
function stampPhases() {
  const at = (window.__phases = {});
  const stamp = (name) => (at[name] ??= performance.now());
  window.__longtasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The engine's replies are strings: `Y;` ready, `P;…` started, `B;…` a batch.
  const Native = window.Worker;
  window.Worker = function (...args) {
    stamp('worker');
    const worker = new Native(...args);
    worker.addEventListener('message', (event) => {
      const text = String(event.data);
      if (text.startsWith('Y;')) stamp('ready');
      if (text.startsWith('P;')) stamp('started');
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype; // the page checks `instanceof Worker`
  new MutationObserver(() => {
    if (document.querySelector('article.lesson h1')) stamp('mount');
    if ([...document.querySelectorAll('.status')].some((e) => e.textContent.includes('Programme terminé'))) stamp('end');
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

const server = await startServer({ root });
const browser = await launch([]);
const results = [];
for (let i = 0; i < Number(runs); i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`  pageerror: ${err.message}`));
  await page.addInitScript(stampPhases);
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => window.__phases?.end !== undefined, null, { timeout: 120_000, polling: 100 });
  const { phases, tasks } = await page.evaluate(() => ({ phases: window.__phases, tasks: window.__longtasks }));
  await context.close();
  const perGoroutine = ((phases.end - phases.mount - PAUSE_MS) * 1000) / Number(n);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  const longestAfterMount = Math.max(0, ...tasks.filter((t) => t.start >= phases.mount).map((t) => t.duration));
  results.push({ ...phases, perGoroutine, longest, longestAfterMount });
  const f = (v) => (v === undefined ? '   n/a' : v.toFixed(0).padStart(6));
  console.log(
    `run ${i}: worker ${f(phases.worker)}  mount ${f(phases.mount)}  ready ${f(phases.ready)}  started ${f(phases.started)}` +
      `  end ${f(phases.end)} ms  →  ${perGoroutine.toFixed(2)} µs/goroutine from mount; longest task ${longest.toFixed(0)} ms` +
      ` (after mount ${longestAfterMount.toFixed(0)} ms)`,
  );
}
await browser.close();
await server.close();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(
  `median of ${results.length}: ${median(results.map((r) => r.perGoroutine)).toFixed(2)} µs/goroutine from mount; ` +
    `navigation to « Programme terminé » ${median(results.map((r) => r.end)).toFixed(0)} ms; ` +
    `mount to run start ${median(results.map((r) => r.started - r.mount)).toFixed(0)} ms; ` +
    `longest task ${median(results.map((r) => r.longest)).toFixed(0)} ms`,
);
