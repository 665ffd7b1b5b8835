// The runnable cells, on the release build in Chromium: runs, Go's semantics as a reader
// sees them, share links, reruns and hostile links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshots, servedApp, text, trackedPage } from './support.mjs';

const TIMEOUT = { timeout: 120_000 };
const app = servedApp();

/** Console lines of a cell as { ms, gid, text, stderr }. */
const consoleLines = (page, cell) =>
  page.$$eval(`#${cell} .console .line`, (lines) =>
    lines.map((l) => ({
      ms: Number(l.querySelector('.time').textContent.replace(/[^0-9]/g, '')),
      gid: l.querySelector('.gid').textContent,
      text: l.querySelector('.text').textContent,
      stderr: l.classList.contains('stderr'),
    })),
  );

const waitForEnd = (page, cell) =>
  page.waitForSelector(`#${cell} .console .status`, { timeout: 60_000 });

async function openCell(tracked, query, cell) {
  await tracked.page.goto(`${app.server.url}${query}`);
  await tracked.page.waitForSelector(`#${cell} button.run`, { timeout: 30_000 });
  return tracked.page;
}

test('the first program at its defaults prints what Go prints, when Go prints it', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-1');
  await page.click('#cellule-1 button.run');
  await waitForEnd(page, 'cellule-1');
  const lines = await consoleLines(page, 'cellule-1');
  const got = lines.map((l) => `${l.ms} ${l.text}`).sort();
  const want = [0, 200, 400]
    .flatMap((ms) => [`${ms} Goroutine 1`, `${ms} Goroutine 2`])
    .concat(['1000 Programme principal terminé'])
    .sort();
  assert.deepEqual(got, want);
  assert.equal(lines.at(-1).text, 'Programme principal terminé', 'main prints last');
  assert.equal(text(await page.textContent('#cellule-1 .console .status')), 'Programme terminé (code 0)');
  // One lane per goroutine, main first; nobody killed.
  assert.equal(await page.locator('#cellule-1 .timeline .lane').count(), 3);
  assert.equal(await page.locator('#cellule-1 .timeline .end.killed').count(), 0);
  await screenshots(page, 'cell-simple', { scrollTo: '#cellule-1 .controls' });
  assert.deepEqual(tracked.problems(), []);
  assert.deepEqual(tracked.foreignRequests(), []);
  await tracked.context.close();
});

test('the engine (interpreter) is fetched on the first run only, and runs in a worker', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-1');
  const engine = () => tracked.requests.filter((u) => /engine(_bg\.wasm|\.js|_loader\.js)$/.test(new URL(u).pathname));
  assert.deepEqual(engine(), [], 'opening the lesson does not load the engine');
  await page.click('#cellule-1 button.run');
  await waitForEnd(page, 'cellule-1');
  assert.equal(engine().length, 3, 'loader, glue and wasm, once each');
  assert.equal(page.workers().length, 1, 'one Web Worker runs the programs');
  await page.click('#cellule-2 button.run');
  await waitForEnd(page, 'cellule-2');
  assert.equal(engine().length, 3, 'the second cell reuses the same engine');
  assert.equal(page.workers().length, 1);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('premature: main returns early, goroutines are killed and their lines lost', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '?scenario=premature', 'cellule-1');
  assert.equal(await page.inputValue('#cell1-scenario'), 'premature');
  await page.click('#cellule-1 button.run');
  await waitForEnd(page, 'cellule-1');
  const lines = await consoleLines(page, 'cellule-1');
  assert.equal(lines.filter((l) => l.text.startsWith('Goroutine')).length, 4, 'only the lines at 0 and 200 ms');
  assert.ok((await page.locator('#cellule-1 .timeline .end.killed').count()) >= 2, 'killed lanes are marked');
  const lost = Number(text(await page.textContent('#cellule-1 .summary .lost strong')));
  assert.ok(lost > 0, `lines lost: ${lost}`);
  await screenshots(page, 'cell-premature', { scrollTo: '#cellule-1 .controls' });
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('forgotten-done ends with Go’s deadlock message and status 2', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '?scenario=forgotten-done&speed=10', 'cellule-2');
  await page.click('#cellule-2 button.run');
  await waitForEnd(page, 'cellule-2');
  const stderr = (await consoleLines(page, 'cellule-2')).filter((l) => l.stderr).map((l) => l.text);
  assert.ok(stderr.includes('fatal error: all goroutines are asleep - deadlock!'), stderr.join('\n'));
  assert.ok(stderr.some((l) => /^goroutine 1 \[sync\.WaitGroup\.Wait\]:/.test(l)), stderr.join('\n'));
  assert.equal(text(await page.textContent('#cellule-2 .console .status')), 'Programme terminé (code 2)');
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('a shared link restores its cell, scrolls to it, and edits replace the URL', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '?scenario=pool&jobs=7&workers=2&speed=5', 'cellule-2');
  assert.equal(await page.inputValue('#cell2-scenario'), 'pool');
  assert.equal(await page.inputValue('#cell2-jobs'), '7');
  assert.equal(await page.inputValue('#cell2-workers'), '2');
  assert.equal(await page.inputValue('#cell2-speed'), '5');
  assert.equal(await page.locator('#cellule-2 .console .line').count(), 0, 'no run without run=1');
  await page.waitForFunction(() => {
    const top = document.querySelector('#cellule-2').getBoundingClientRect().top;
    return top >= -5 && top < window.innerHeight / 2;
  });
  const historyLength = await page.evaluate(() => history.length);
  await page.fill('#cell2-job_ms', '120');
  await page.press('#cell2-job_ms', 'Tab');
  await page.waitForFunction(() => location.search.includes('job_ms=120'));
  assert.equal(new URL(page.url()).search, '?scenario=pool&jobs=7&workers=2&job_ms=120&speed=5');
  assert.equal(await page.evaluate(() => history.length), historyLength, 'replace, not push');
  // The editor shows the edited value, marked as changed, in the code that runs.
  const changed = await page.$$eval('#cellule-2 .editor-overlay mark.param-value.changed', (marks) =>
    marks.map((m) => m.textContent).join(''),
  );
  assert.ok(changed.includes('120 * time.Millisecond'), changed);
  assert.match(await page.inputValue('#cellule-2 textarea'), /time\.Sleep\(120 \* time\.Millisecond\)/);
  await tracked.context.close();
});

test('run=1 runs on open; 20 rapid reruns leave only the last run’s lines', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const workers = [];
  tracked.page.on('worker', (worker) => workers.push(worker.url()));
  const page = await openCell(tracked, '?scenario=simple&pause_ms=50&main_wait_ms=200&speed=10&run=1', 'cellule-1');
  await page.waitForSelector('#cellule-1 .console .line');
  // engine_early.js starts the engine before the page's wasm; the page adopts that worker.
  assert.deepEqual(workers.map((url) => new URL(url).pathname), ['/engine_loader.js'], 'one engine, started early');
  for (let i = 0; i < 20; i++) await page.click('#cellule-1 button.run');
  await waitForEnd(page, 'cellule-1');
  const lines = await consoleLines(page, 'cellule-1');
  assert.equal(lines.length, 7, lines.map((l) => `${l.ms} ${l.text}`).join('\n'));
  assert.equal(lines.filter((l) => l.text === 'Programme principal terminé').length, 1);
  // Nothing trickles in afterwards. The engine answers in order, so once a later run (in the
  // other cell) has ended, everything the stopped runs could have sent has arrived.
  await page.selectOption('#cell2-speed', 'instant');
  await page.click('#cellule-2 button.run');
  await waitForEnd(page, 'cellule-2');
  assert.equal((await consoleLines(page, 'cellule-1')).length, 7);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('a run on open starts before its cell mounts, and the cell shows it exactly once', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  // Instant speed: the run is over before the cell mounts, so all of it is handed over at once.
  const page = await openCell(tracked, '?scenario=simple&speed=instant&run=1', 'cellule-1');
  await waitForEnd(page, 'cellule-1');
  const lines = await consoleLines(page, 'cellule-1');
  assert.equal(lines.length, 7, lines.map((l) => `${l.ms} ${l.text}`).join('\n'));
  assert.equal(lines.filter((l) => l.text === 'Programme principal terminé').length, 1);
  assert.match(await page.textContent('#cellule-1 .console .status'), /Programme terminé \(code 0\)/);
  // The rerun is an ordinary run: the same lines again, once.
  await page.click('#cellule-1 button.run');
  await waitForEnd(page, 'cellule-1');
  assert.equal((await consoleLines(page, 'cellule-1')).length, 7);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('an engine that cannot load ends the run with its reason, even when it started early', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  await tracked.context.route('**/engine_bg.wasm', (route) => route.fulfill({ status: 503, body: 'down' }));
  const page = await openCell(tracked, '?scenario=simple&speed=instant&run=1', 'cellule-1');
  await page.waitForFunction(
    () => document.querySelector('#cellule-1 .console')?.textContent.includes('Le moteur d’exécution s’est arrêté'),
    null,
    { timeout: 30_000 },
  );
  assert.equal(await page.locator('#cellule-1 button.run').isEnabled(), true, 'the reader can try again');
  await tracked.context.close();
});

test('a hostile link does nothing but show a notice as text', TIMEOUT, async () => {
  const payload = '<img src=x onerror="window.__pwned=1">';
  const tracked = await trackedPage(app.browser);
  const { page } = tracked;
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  for (const query of [
    `?scenario=${encodeURIComponent(payload)}`,
    `?scenario=simple&goroutines=${encodeURIComponent(payload)}&speed=${encodeURIComponent(payload)}&${encodeURIComponent(payload)}=1&cell=${encodeURIComponent(payload)}&run=${encodeURIComponent(payload)}`,
  ]) {
    await page.goto(`${app.server.url}${query}`);
    await page.waitForSelector('#cellule-1 button.run');
    await page.waitForSelector('.notices p, .notices li');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    const notices = text(await page.textContent('body'));
    assert.ok(notices.includes('<img src=x'), 'the payload is shown as text in a notice');
  }
  assert.equal(dialogs, 0);
  assert.deepEqual(tracked.foreignRequests(), []);
  await tracked.context.close();
});

test('Stop ends the run at once and nothing prints afterwards', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '?scenario=waitgroup&work_ms=3000', 'cellule-2');
  await page.click('#cellule-2 button.run');
  await page.waitForSelector('#cellule-2 .console .line');
  await page.click('#cellule-2 button.stop');
  const before = (await consoleLines(page, 'cellule-2')).length;
  // Nothing may print while the stopped program would have gone on: this wait is the
  // assertion (its workers sleep 3 s).
  await page.waitForTimeout(3500);
  assert.equal((await consoleLines(page, 'cellule-2')).length, before);
  assert.equal(text(await page.textContent('#cellule-2 .console .status')), 'Exécution arrêtée.');
  await tracked.context.close();
});

test('Pause holds the run still; Reprendre finishes it with every line', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-1');
  await page.click('#cellule-1 button.run');
  await page.waitForFunction(() => document.querySelectorAll('#cellule-1 .console .line').length >= 2);
  await page.click('#cellule-1 button.pause');
  await page.waitForSelector('#cellule-1 button.resume');
  const held = (await consoleLines(page, 'cellule-1')).length;
  // Nothing may happen while paused: this wait is the assertion (the run lasts 1 s).
  await page.waitForTimeout(1500);
  assert.equal((await consoleLines(page, 'cellule-1')).length, held, 'no line while paused');
  await page.click('#cellule-1 button.resume');
  await waitForEnd(page, 'cellule-1');
  const lines = await consoleLines(page, 'cellule-1');
  assert.equal(lines.length, 7, 'the six goroutine lines and main’s');
  assert.equal(lines.at(-1).text, 'Programme principal terminé');
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('Pas à pas starts a paused run and stops at each goroutine event', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-1');
  const count = async () => (await consoleLines(page, 'cellule-1')).length;
  // Each step's batch changes the cell (a lane, a line): wait for that, never for a time.
  const stepAndWait = async () => {
    const before = await page.innerHTML('#cellule-1');
    await page.click('#cellule-1 button.step');
    await page.waitForFunction((html) => document.querySelector('#cellule-1').innerHTML !== html, before, {
      timeout: 5_000,
    });
  };
  let clicks = 0;
  while ((await count()) === 0 && clicks < 20) {
    await stepAndWait().catch(() => {});
    clicks += 1;
  }
  assert.ok(clicks > 1, 'spawns and sleeps come before the first print');
  assert.equal(await count(), 1, 'one event at a time: the first print alone');
  assert.equal(await page.locator('#cellule-1 button.resume').count(), 1, 'the run stands paused');
  assert.equal(await page.locator('#cellule-1 .console .status').count(), 0, 'not ended');
  await page.click('#cellule-1 button.step');
  await page.waitForFunction(() => document.querySelectorAll('#cellule-1 .console .line').length === 2);
  await page.click('#cellule-1 button.resume');
  await waitForEnd(page, 'cellule-1');
  assert.equal(await count(), 7);
  await screenshots(page, 'cell-step', { scrollTo: '#cellule-1 .controls' });
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

const HELLO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("Bonjour depuis mon code")\n}\n';
const UNUSED = 'package main\n\nimport "os"\n\nfunc main() {\n\tx := 1\n}\n';

test('type a program into « Code Go », run it and read its lines; the link and a reload keep it', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-1');
  const editor = page.locator('#cellule-1').getByRole('textbox', { name: 'Code Go' });
  await editor.fill(HELLO);
  await page.waitForSelector('#cellule-1 .code-state');
  assert.match(await page.textContent('#cellule-1 .code-state'), /les curseurs ne s’appliquent plus/);
  assert.ok(await page.locator('#cell1-pause_ms').isDisabled(), 'the sliders step aside');
  await editor.press('Control+Enter');
  await waitForEnd(page, 'cellule-1');
  assert.deepEqual((await consoleLines(page, 'cellule-1')).map((l) => l.text), ['Bonjour depuis mon code']);
  // The address carries the code; opening it elsewhere restores it without running it.
  await page.waitForFunction(() => location.search.includes('code='));
  const link = page.url();
  const other = await tracked.context.newPage();
  await other.goto(link);
  await other.waitForSelector('#cellule-1 textarea');
  assert.equal(await other.inputValue('#cellule-1 textarea'), HELLO);
  assert.equal(await other.locator('#cellule-1 .console .line').count(), 0, 'no run without run=1');
  // A visit without a link shows the reader's own code from last time.
  await other.goto(app.server.url);
  await other.waitForSelector('#cellule-1 textarea');
  assert.equal(await other.inputValue('#cellule-1 textarea'), HELLO);
  // « Code de la leçon » brings the preset back; « Reprendre mon code » the reader's.
  await other.click('#cellule-1 button.restore-code');
  assert.match(await other.inputValue('#cellule-1 textarea'), /afficheMessage/);
  await other.click('#cellule-1 button.take-back-code');
  assert.equal(await other.inputValue('#cellule-1 textarea'), HELLO);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('compile errors print as Go prints them, are marked in the editor, and explained in French', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-2');
  const editor = page.locator('#cellule-2').getByRole('textbox', { name: 'Code Go' });
  await editor.fill(UNUSED);
  await page.click('#cellule-2 button.run');
  await waitForEnd(page, 'cellule-2');
  const lines = (await consoleLines(page, 'cellule-2')).map((l) => l.text);
  assert.deepEqual(lines, ['prog.go:3:8: "os" imported and not used', 'prog.go:6:2: declared and not used: x']);
  assert.equal(text(await page.textContent('#cellule-2 .console .status')), 'Programme terminé (code 1)');
  const help = await page.locator('#cellule-2 .go-help li').allTextContents();
  assert.equal(help.length, 2, 'French help under Go’s messages');
  const marks = page.locator('#cellule-2 .editor-marks button');
  assert.equal(await marks.count(), 2);
  await marks.nth(1).click();
  const caret = await page.$eval('#cellule-2 textarea', (t) => t.selectionStart);
  assert.equal(caret, UNUSED.indexOf('x := 1'), 'activating an error puts the caret on it');
  await screenshots(page, 'cell-compile-error', { scrollTo: '#cellule-2 .code-editor' });
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('a damaged code link opens the lesson code with a notice', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '?scenario=simple&code=AAAAtronqu', 'cellule-1');
  assert.match(await page.textContent('#cellule-1 .notices'), /illisible/);
  assert.match(await page.inputValue('#cellule-1 textarea'), /afficheMessage/);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('« À vous de jouer » closes the good practices and runs its own program', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-3');
  const cell = page.locator('#bonnes-pratiques').locator('xpath=ancestor::section').locator('#cellule-3');
  assert.equal(await cell.count(), 1, 'the free cell sits in the good practices section');
  assert.equal(text(await page.textContent('#cellule-3 h3')), 'À vous de jouer');
  assert.equal(await page.locator('#cellule-3 .params').count(), 0, 'no sliders');
  await page.click('#cellule-3 button.run');
  await waitForEnd(page, 'cellule-3');
  assert.deepEqual((await consoleLines(page, 'cellule-3')).map((l) => l.text), [
    'travailleur 1 : terminé',
    'travailleur 2 : terminé',
    'travailleur 3 : terminé',
    'Tous les résultats sont arrivés',
  ]);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});

test('« Formater » lays the code out as gofmt does', TIMEOUT, async () => {
  const tracked = await trackedPage(app.browser);
  const page = await openCell(tracked, '', 'cellule-3');
  const editor = page.locator('#cellule-3').getByRole('textbox', { name: 'Code Go' });
  await editor.fill('package main\nimport "fmt"\nfunc main(){\nfmt.Println( "a"+"b" )\n}');
  await page.click('#cellule-3 button.format');
  const want = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("a" + "b")\n}\n';
  await page.waitForFunction((w) => document.querySelector('#cellule-3 textarea').value === w, want);
  assert.deepEqual(tracked.problems(), []);
  await tracked.context.close();
});
