// Shared helpers for the end-to-end tests and the measurement script.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

import { startServer } from './serve.mjs';

export { startServer };

export const DIST = process.env.E2E_DIST ?? 'dist';
export const DIST_SUBPATH = process.env.E2E_DIST_SUBPATH ?? 'target/dist-subpath';
export const SUBPATH = '/carnet/goroutines/'; // must match scripts/test.sh
export const SCREENSHOTS = 'tests/e2e/screenshots';

/** Debian's Chromium, headless; nothing may phone home. `extraArgs` add flags (the bench's). */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/**
 * A page that records console errors, page errors, CSP violations and every request URL.
 * `problems()` lists what went wrong; `foreignRequests()` lists requests not to 127.0.0.1.
 */
export async function trackedPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  // Init scripts run outside the page's CSP, so this listener is always installed.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return {
    page,
    context,
    requests,
    problems: () => [...errors],
    foreignRequests: () =>
      requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1'),
  };
}

/**
 * Screenshots at 1280 and 375 px wide, light and dark, into tests/e2e/screenshots/.
 * `scrollTo`: a selector brought to the top of the viewport before each shot.
 */
export async function screenshots(page, name, { fullPage = false, scrollTo } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const files = [];
  for (const [width, height] of [[1280, 800], [375, 812]]) {
    for (const colorScheme of ['light', 'dark']) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      // Two animation frames after each change: laid out at the new size, then painted where
      // the scroll put it.
      const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await frames();
      if (scrollTo) await page.$eval(scrollTo, (el) => el.scrollIntoView({ block: 'start' }));
      await frames();
      const path = join(SCREENSHOTS, `${name}-${width}-${colorScheme}.png`);
      await page.screenshot({ path, fullPage });
      files.push(path);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return files;
}

/** Normalised text content (collapses whitespace, including non-breaking spaces). */
export const text = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Serves `root` and launches Chromium once for the calling test file (node:test hooks).
 * Returns an object whose `server` and `browser` are set before the first test runs.
 */
export function servedApp(root = DIST) {
  const app = { server: undefined, browser: undefined };
  before(async () => {
    app.server = await startServer({ root });
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
