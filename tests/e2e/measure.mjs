// Measurements of the release build (not a test): `npm run measure` after `trunk build --release`.
// Prints each wasm's size (raw, gzip -9): the page's, fetched on load, and the engine's (the
// interpreter, in a Web Worker fetched on the first run), the bytes transferred until the page is interactive
// (lesson rendered, Mermaid not loaded: the diagram is far below the fold and we don't scroll),
// the bytes once scrolled to the diagram (Mermaid loaded and rendered), and the time until the
// diagram is an SVG. Transfer sizes come from CDP Network.loadingFinished.encodedDataLength
// (headers + body as sent); tests/e2e/serve.mjs gzips text and wasm like a typical static host.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, launch, startServer } from './support.mjs';

const kB = (n) => `${(n / 1024).toFixed(1)} KiB`;

for (const wasmFile of readdirSync(DIST).filter((f) => f.endsWith('.wasm')).sort()) {
  const wasm = readFileSync(join(DIST, wasmFile));
  const role = wasmFile.startsWith('engine') ? 'engine, on first run' : 'page, on load';
  console.log(`release wasm ${wasmFile} (${role}): ${kB(wasm.length)} raw, ${kB(gzipSync(wasm, { level: 9 }).length)} gzip -9`);
}

const server = await startServer({ root: DIST });
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  const sizes = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => sizes.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength }));
  const total = (filter = () => true) => sizes.filter(filter).reduce((sum, s) => sum + s.bytes, 0);
  const isMermaid = (s) => s.url?.includes('/vendor/mermaid/');

  const t0 = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('article.lesson h1', { timeout: 30_000 });
  const interactiveMs = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  const before = { bytes: total(), requests: sizes.length, mermaid: total(isMermaid) };
  console.log(
    `until interactive, no Mermaid: ${kB(before.bytes)} in ${before.requests} requests` +
      ` (lesson h1 after ${interactiveMs} ms; Mermaid bytes so far: ${kB(before.mermaid)})`,
  );

  const t1 = Date.now();
  await page.locator('figure.diagram').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('figure.diagram svg g.node'), null, { timeout: 30_000 });
  const diagramMs = Date.now() - t1;
  await page.waitForLoadState('networkidle');
  console.log(
    `after scrolling to the diagram: ${kB(total())} in ${sizes.length} requests` +
      ` (Mermaid: ${kB(total(isMermaid))} in ${sizes.filter(isMermaid).length} requests)`,
  );
  console.log(`diagram is an SVG ${diagramMs} ms after scrolling to it (local server, no throttling)`);
} finally {
  await browser.close();
  await server.close();
}
