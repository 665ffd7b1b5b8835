// The editor's promises that the issue lists, on the release build in Chromium: links copied
// with the button, hostile code that never freezes the page, Formater's idempotence, a
// thousand reruns, and program output that stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, text, trackedPage } from './support.mjs';

const TIMEOUT = { timeout: 180_000 };
const app = servedApp();

const lines = (page, cell) =>
  page.$$eval(`#${cell} .console .line .text`, (spans) => spans.map((s) => s.textContent));
const waitForEnd = (page, cell) => page.waitForSelector(`#${cell} .console .status`, { timeout: 60_000 });

async function open(tracked, query = '') {
  await tracked.page.goto(`${app.server.url}${query}`);
  await tracked.page.waitForSelector('#cellule-3 textarea', { timeout: 30_000 });
  return tracked.page;
}

const editor = (page, cell) => page.locator(`#${cell}`).getByRole('textbox', { name: 'Code Go' });

test('« Copier le lien » copies a link that opens the same code in a new page', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  await tracked.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await open(tracked);
  const code = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("copié, collé")\n}\n';
  await editor(page, 'cellule-3').fill(code);
  await page.click('#cellule-3 button.copy-link');
  await page.waitForSelector('#cellule-3 .copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[?&]code=/);
  const other = await tracked.context.newPage();
  await other.goto(link);
  await other.waitForSelector('#cellule-3 textarea');
  assert.equal(await other.inputValue('#cellule-3 textarea'), code);
  await tracked.context.close();
});

test('for {} at 1× leaves the page responsive (a timer fires on time) and Stop ends it', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await open(tracked);
  await editor(page, 'cellule-3').fill('package main\n\nfunc main() {\n\tfor {\n\t}\n}\n');
  await page.click('#cellule-3 button.run');
  await page.waitForSelector('#cellule-3 .progress');
  // A page timer asked for 20 ms must fire within 100 ms while the loop spins.
  const late = await page.evaluate(
    () =>
      new Promise((done) => {
        const asked = performance.now();
        setTimeout(() => done(performance.now() - asked), 20);
      }),
  );
  assert.ok(late < 100, `a 20 ms timer fired after ${late.toFixed(0)} ms`);
  await page.click('#cellule-3 button.stop');
  assert.equal(text(await page.textContent('#cellule-3 .console .status')), 'Exécution arrêtée.');
  // The engine is free again: the next run answers.
  await editor(page, 'cellule-3').fill('package main\n\nfunc main() {\n\tprintln("encore")\n}\n');
  await page.click('#cellule-3 button.run');
  await waitForEnd(page, 'cellule-3');
  assert.deepEqual(await lines(page, 'cellule-3'), ['encore']);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('hostile programs end with their documented message and never freeze the page', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await open(tracked);
  // The Mermaid diagram sits just above this cell: scrolling there loads and renders it (a
  // 100–300 ms task of Mermaid's own), so let it finish before measuring.
  await page.locator('figure.diagram').scrollIntoViewIfNeeded();
  await page.waitForSelector('figure.diagram svg g.node', { timeout: 60_000 });
  // A first run mounts the console, timeline and summary and warms the engine: measured after.
  await editor(page, 'cellule-3').fill('package main\n\nfunc main() {\n\tprintln("prêt")\n}\n');
  await page.selectOption('#cell3-speed', 'instant');
  await page.click('#cellule-3 button.run');
  await waitForEnd(page, 'cellule-3');
  await page.evaluate(() => {
    window.__long = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__long = Math.max(window.__long, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const cases = [
    ['package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n', /100000 lignes|limite|output/i],
    ['package main\n\nfunc f(n int) int {\n\treturn f(n+1) + 1\n}\n\nfunc main() {\n\tf(0)\n}\n', /stack overflow|goroutine stack exceeds/],
    ['package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tselect {}\n\t\t}()\n\t}\n}\n', /too many goroutines/],
  ];
  for (const [code, message] of cases) {
    await editor(page, 'cellule-3').fill(code);
    await page.selectOption('#cell3-speed', 'instant');
    await page.click('#cellule-3 button.run');
    await waitForEnd(page, 'cellule-3');
    const all = text(await page.textContent('#cellule-3 .console'));
    assert.match(all, message, all.slice(-300));
  }
  // The target is 50 ms. Quiet runs here show no task over 50 ms; with a build running beside
  // the browser (as under CI) an occasional 60–85 ms task shows up. A freeze, as before the
  // output was batched, is 450 ms and more: that is what this bound catches.
  const longest = await page.evaluate(() => window.__long);
  assert.ok(longest <= 100, `longest main-thread task ${longest} ms`);
  await tracked.context.close();
});

test('Formater is idempotent', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await open(tracked);
  await editor(page, 'cellule-3').fill('package main\nimport ("fmt";"time")\nfunc main(){\nfmt.Println( time.Second*2 )}\n');
  await page.click('#cellule-3 button.format');
  await page.waitForFunction(() => document.querySelector('#cellule-3 textarea').value.startsWith('package main\n\nimport ('));
  const once = await page.inputValue('#cellule-3 textarea');
  await page.click('#cellule-3 button.format');
  // The engine answers in order: a run started after the second format ends after its answer.
  await page.click('#cellule-3 button.run');
  await waitForEnd(page, 'cellule-3');
  assert.equal(await page.inputValue('#cellule-3 textarea'), once);
  await tracked.context.close();
});

test('1,000 rapid reruns leave only the last run’s lines', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await open(tracked, '?scenario=simple&pause_ms=50&main_wait_ms=200&speed=10');
  await page.$eval('#cellule-1 button.run', (button) => {
    for (let i = 0; i < 1000; i++) button.click();
  });
  await waitForEnd(page, 'cellule-1');
  const got = await lines(page, 'cellule-1');
  assert.equal(got.length, 7, got.join('\n'));
  assert.equal(got.filter((l) => l === 'Programme principal terminé').length, 1);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('XSS payloads in Go string literals print as text', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await open(tracked);
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await editor(page, 'cellule-3').fill(`package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println(\`${payload}\`)\n}\n`);
  await page.click('#cellule-3 button.run');
  await waitForEnd(page, 'cellule-3');
  assert.deepEqual(await lines(page, 'cellule-3'), [payload]);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#cellule-3 img, #cellule-3 script').count(), 0);
  await tracked.context.close();
});
