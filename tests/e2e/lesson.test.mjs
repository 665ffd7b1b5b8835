// The lesson page, built with `trunk build --release` into dist/, in Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { screenshots, servedApp, text, trackedPage } from './support.mjs';

const TITLE = 'Utiliser les goroutines pour lancer des tâches';
const SECTIONS = [
  'Qu’est-ce qu’une goroutine ?',
  'Exemple simple de goroutine',
  'Attention à la terminaison du programme',
  'Exemple d’utilisation de sync.WaitGroup',
  'Goroutine vs Thread',
  'Diagramme Mermaid : Cycle de vie simple d’une goroutine',
  'Bonnes pratiques',
  'Sources et références',
];
const TIMEOUT = { timeout: 120_000 };

// One `g.node` per node id of the lesson's Mermaid flowchart (labels and edge texts removed).
const NODES = new Set(
  readFileSync('src/lesson/goroutines.fr.md', 'utf8')
    .match(/```mermaid\n[^\n]*\n([\s\S]*?)```/)[1] // skip the `flowchart TD` line
    .replace(/\[[^\]]*\]|\{[^}]*\}|\([^)]*\)|--\s[^\n]*?-->/g, ' ')
    .match(/[A-Za-z_]\w*/g),
).size;

const app = servedApp();

test('the lesson renders: title, sections, toc, table, code, diagram; no error, all local', TIMEOUT, async (t) => {
  const tracked = await trackedPage(app.browser);
  const { page } = tracked;
  await page.goto(app.server.url);
  await page.waitForSelector('article.lesson h1', { timeout: 30_000 });

  assert.equal(text(await page.textContent('article.lesson h1')), TITLE);
  const headings = await page.$$eval('article.lesson h2[id]', (hs) =>
    hs.map((h) => ({ id: h.id, text: h.textContent })),
  );
  assert.deepEqual(
    headings.map((h) => text(h.text)),
    SECTIONS,
    'section headings, in order',
  );
  for (const { id } of headings) {
    assert.ok(await page.locator(`h2[id="${id}"]`).isVisible(), `heading #${id} is visible`);
  }
  assert.ok(await page.locator('nav.toc').isVisible(), 'nav.toc is visible');
  for (const { id } of headings) {
    assert.ok(
      (await page.locator(`nav.toc a[href$="#${id}"]`).count()) >= 1,
      `nav.toc links to #${id}`,
    );
  }
  assert.equal(await page.locator('.breadcrumb').count() >= 1, true, '.breadcrumb present');
  assert.equal(await page.locator('table.lesson-table tbody tr').count(), 5, 'table rows');
  assert.ok((await page.locator('pre.code-go').count()) >= 2, 'at least two Go code blocks');

  await screenshots(page, 'lesson-top');

  // The diagram is rendered lazily: scroll to it and time until it is an SVG with all its nodes.
  await page.setViewportSize({ width: 1280, height: 800 });
  const start = Date.now();
  await page.locator('figure.diagram').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (n) => document.querySelectorAll('figure.diagram svg g.node').length === n,
    NODES,
    { timeout: 30_000 },
  );
  t.diagnostic(`diagram became an SVG with ${NODES} nodes ${Date.now() - start} ms after scrolling to it`);
  await screenshots(page, 'lesson-diagram', { scrollTo: 'figure.diagram' });

  assert.deepEqual(tracked.problems(), [], 'no console error, page error, CSP violation or HTTP error');
  assert.deepEqual(tracked.foreignRequests(), [], 'every request goes to 127.0.0.1');
  t.diagnostic(`${tracked.requests.length} requests, all to 127.0.0.1`);
  await tracked.context.close();
});

test('a deep link scrolls to its section', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const { page } = tracked;
  await page.goto(`${app.server.url}#goroutine-vs-thread`);
  await page.waitForSelector('h2#goroutine-vs-thread', { timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const top = document.getElementById('goroutine-vs-thread').getBoundingClientRect().top;
      return top >= -2 && top < window.innerHeight * 0.25;
    },
    null,
    { timeout: 10_000 },
  );
  assert.equal(text(await page.textContent('h2#goroutine-vs-thread')), 'Goroutine vs Thread');
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('at 360 px nothing makes the page wider than the screen', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser, { viewport: { width: 360, height: 800 } });
  const { page } = tracked;
  await page.goto(app.server.url);
  await page.waitForSelector('#cellule-3 textarea');
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.equal(scroll, client, 'no horizontal scroll of the page');
  await tracked.context.close();
});
