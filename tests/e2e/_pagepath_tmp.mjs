import { launch, startServer } from './support.mjs';
const N = Number(process.argv[2] ?? 100000);
const server = await startServer({ root: process.argv[3] ?? 'dist' });
const browser = await launch();
for (let round = 0; round < 3; round++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longtasks = []; new MutationObserver(() => { if (!window.__h1 && document.querySelector('article.lesson h1')) window.__h1 = performance.now(); }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}?scenario=many&goroutines=${N}&pause_ms=1000&speed=1&run=1`);
  await page.waitForFunction(() => [...document.querySelectorAll('.status')].some((e) => e.textContent.includes('Programme terminé')), null, { timeout: 120000, polling: 'raf' });
  const r = await page.evaluate(() => ({ now: performance.now(), mount: window.__h1 ?? 0, tasks: window.__longtasks, status: [...document.querySelectorAll('.status')].map(e=>e.textContent) }));
  const total = r.now - r.mount;
  const longest = r.tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  console.log(`N=${N} mount→end ${total.toFixed(0)} ms; minus the 1000 ms pause: ${((total - 1000) * 1000 / N).toFixed(2)} µs/goroutine; longest task ${longest.toFixed(0)} ms; tasks>50ms: ${r.tasks.map(t=>t.duration.toFixed(0)).join(',')}`);
  await context.close();
}
await browser.close(); await server.close();
