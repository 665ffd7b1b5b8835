// The live measurement under the goroutine-vs-thread table: it measures 10^5 of the notebook's
// goroutines in this browser, shows figures next to Go's reference values, and can be stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, text, trackedPage } from './support.mjs';

const TIMEOUT = { timeout: 120_000 };
const app = servedApp();

test('« Mesurer dans votre navigateur » shows measured figures beside Go’s', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const { page } = tracked;
  await page.goto(app.server.url);
  const widget = page.locator('.measure-widget');
  await widget.scrollIntoViewIfNeeded();
  assert.match(text(await widget.textContent()), /futures Rust\/wasm dans ce navigateur, sur un seul thread/);
  await widget.getByRole('button', { name: 'Mesurer dans votre navigateur' }).click();
  await page.waitForFunction(() => /Terminé/.test(document.querySelector('.measure-widget').textContent), null, {
    timeout: 60_000,
  });
  const cells = await page.$$eval('.measure-table tbody td strong', (tds) => tds.map((td) => td.textContent));
  assert.equal(cells.length, 2, cells.join(' | '));
  assert.match(cells[0], /^\d+(,\d+)? µs$/, 'creation cost in µs');
  assert.match(cells[1], /\d/, 'bytes per parked goroutine');
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('the measurement can be stopped', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const { page } = tracked;
  await page.goto(app.server.url);
  const widget = page.locator('.measure-widget');
  await widget.scrollIntoViewIfNeeded();
  await widget.getByRole('button', { name: 'Mesurer dans votre navigateur' }).click();
  await widget.getByRole('button', { name: 'Arrêter' }).click();
  await page.waitForFunction(() => /Mesure arrêtée/.test(document.querySelector('.measure-widget').textContent));
  assert.ok(await widget.getByRole('button', { name: 'Mesurer dans votre navigateur' }).isEnabled());
  await tracked.context.close();
});
