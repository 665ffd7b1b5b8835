// The release build itself: the CSP meta, vendored Mermaid, and a build for a sub-path
// (`trunk build --release --public-url /carnet/goroutines/`, see scripts/test.sh).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, DIST_SUBPATH, SUBPATH, launch, startServer, trackedPage } from './support.mjs';

const TIMEOUT = { timeout: 120_000 };
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('the CSP allows only the hashed trunk loader as inline script', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  assert.ok(csp, 'a CSP meta');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /base-uri 'self'/);
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
  assert.ok(!scriptSrc.includes('unsafe-inline') && !scriptSrc.includes("'unsafe-eval'"), scriptSrc);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'exactly one inline script: the trunk loader');
  const hash = createHash('sha256').update(inline[0]).digest('base64');
  assert.ok(csp.includes(`'sha256-${hash}'`), 'the loader hash is in the CSP');
  assert.ok(!html.includes('trunk-autoreload'), 'no live-reload script in a build');
});

test('the production bundle has no benchmark export (they need `--features bench`)', () => {
  const files = readdirSync(DIST).filter((f) => f.endsWith('.js') || f.endsWith('.wasm'));
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.js')), files.join(', '));
  const names = ['benchRuntime', 'benchInterpreted', 'benchNaive', 'bench_runtime', 'bench_interpreted', 'bench_naive'];
  for (const file of files) {
    const bytes = readFileSync(join(DIST, file), 'latin1');
    const found = names.filter((name) => bytes.includes(name));
    assert.deepEqual(found, [], `${file} exports the benchmark`);
  }
});

test('Mermaid is vendored and pruned to its ES module build', () => {
  const vendor = join(DIST, 'vendor', 'mermaid');
  assert.ok(existsSync(join(vendor, 'mermaid.esm.min.mjs')));
  assert.ok(existsSync(join(vendor, 'chunks', 'mermaid.esm.min')));
  assert.ok(!existsSync(join(vendor, 'mermaid.js')), 'pruned');
});

test('the build for a sub-path runs under that sub-path', TIMEOUT, async () => {
  const server = await startServer({ root: DIST_SUBPATH, base: SUBPATH });
  try {
    const tracked = await trackedPage(browser);
    const { page } = tracked;
    await page.goto(server.url);
    await page.waitForSelector('h1', { timeout: 30_000 });
    await page.locator('figure.diagram').scrollIntoViewIfNeeded();
    await page.waitForSelector('figure.diagram svg', { timeout: 30_000 });
    assert.deepEqual(tracked.problems(), [], 'no error (404s would show here)');
    assert.deepEqual(tracked.foreignRequests(), []);
    const outside = tracked.requests.filter((u) => !new URL(u).pathname.startsWith(SUBPATH));
    assert.deepEqual(outside, [], `every request stays under ${SUBPATH}`);
    assert.ok(tracked.requests.some((u) => u.includes(`${SUBPATH}vendor/mermaid/`)), 'Mermaid loaded');
    // A cell runs: the engine's worker loads from under the sub-path too.
    await page.goto(`${server.url}?scenario=simple&speed=instant&run=1`);
    await page.waitForSelector('#cellule-1 .console .status', { timeout: 60_000 });
    assert.match(await page.textContent('#cellule-1 .console .status'), /code 0/);
    assert.ok(tracked.requests.some((u) => u.endsWith(`${SUBPATH}engine_bg.wasm`)), 'engine loaded under the sub-path');
    const outsideAfterRun = tracked.requests.filter((u) => !new URL(u).pathname.startsWith(SUBPATH));
    assert.deepEqual(outsideAfterRun, []);
    assert.deepEqual(tracked.problems(), []);
    await tracked.context.close();
  } finally {
    await server.close();
  }
});
