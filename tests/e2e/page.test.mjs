// The playground page as a user drives it: edit, run, step, share, export,
// bad input, accessibility, and screenshots (saved under tests/artifacts/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { start, openReadyPage } from './harness.mjs';

const require = createRequire(import.meta.url);
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const ROOT = process.env.PAGE_ROOT ?? 'web';

let env;
before(async () => {
  env = await start(ROOT);
  await mkdir(ARTIFACTS, { recursive: true });
});
after(async () => {
  await env?.close();
});

async function open(hash = '', options = {}) {
  return openReadyPage(env.browser, `${env.url}${hash}`, options);
}

const lane = (page, name) => page.getByRole('region', { name });
const logRow = (page, id) => page.locator(`#trace-${id} li[data-kind="log"] .t`).first().textContent();

test('on load the notes example has run in all three lanes', async () => {
  const { page, problems } = await open();
  assert.equal(await page.getByLabel('Example').inputValue(), 'sequential');
  for (const [id, name] of [['callbacks', 'Callbacks'], ['promises', 'Promises'], ['futures', 'Rust futures']]) {
    await lane(page, name).getByText("text=I'm the last one").waitFor();
    assert.equal(await logRow(page, id), '350 ms', name);
  }
  assert.match(await page.locator('#code-futures').textContent(), /sleep_ms\(200\)\.await; \/\/ Timer 1/);
  assert.match(await page.locator('#summary-sentence').textContent(), /All three lanes finished at 350 ms/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('editing a timing by keyboard updates the code, and Run runs it', async () => {
  const { page, problems } = await open();
  const input = page.getByLabel('Timer 1 (ms)');
  await input.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('500');
  // The code follows the input before anything runs.
  await page.locator('#code-futures', { hasText: 'sleep_ms(500)' }).waitFor();
  assert.match(await page.locator('#code-callbacks').textContent(), /}, 500\);/);
  assert.match(await page.locator('#code-promises').textContent(), /timer\(500\)/);
  assert.equal(await logRow(page, 'futures'), '350 ms', 'the old run is still shown');
  await page.keyboard.press('Tab'); // leave the field
  await page.getByRole('button', { name: 'Run' }).click();
  await page.locator('#trace-futures li[data-kind="log"] .t', { hasText: '650 ms' }).waitFor();
  for (const id of ['callbacks', 'promises']) assert.equal(await logRow(page, id), '650 ms');
  assert.match(page.url(), /s=Q\(S\(Timer%201,500\)/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('every preset runs under both clocks from the controls', async () => {
  const { page, problems } = await open();
  const presets = await page.locator('#example option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(presets, ['sequential', 'join', 'race', 'lazy', 'self-ref', 'interop']);
  for (const preset of presets) {
    await page.getByLabel('Example').selectOption(preset);
    for (const clock of ['Real', 'Virtual']) {
      await page.getByRole('radio', { name: clock }).check();
      // Short timings keep the real-clock runs quick.
      const inputs = page.locator('#timings-list input');
      for (let i = 0; i < await inputs.count(); i += 1) await inputs.nth(i).fill(String(10 + 5 * i));
      await page.getByRole('button', { name: 'Run' }).click();
      for (const id of ['callbacks', 'promises', 'futures']) {
        await page.locator(`#trace-${id} li[data-kind="log"]`).first().waitFor({ timeout: 5_000 });
      }
      assert.equal(await page.locator('#error').isHidden(), true, `${preset} ${clock}`);
    }
  }
  // Self-ref shows where s and borrowed live.
  await page.getByLabel('Example').selectOption('self-ref');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.locator('#memory', { hasText: 'inside the future' }).waitFor();
  assert.match(await page.locator('#memory').textContent(), /borrowed points to 0x[0-9a-f]+: at s/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('replay steps move the highlight, the trace, the timeline and the panels', async () => {
  const { page, problems } = await open();
  const position = () => page.locator('#position').textContent();
  assert.match(await position(), /Event 51 of 51/);
  // Back to the start with the keyboard.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 50; i += 1) await page.keyboard.press('ArrowLeft');
  assert.match(await position(), /Event 1 of 51: timer_set in Callbacks at 0 ms/);
  assert.equal(await page.locator('#code-callbacks .line.current').textContent(), 'setTimeout(() => { // Timer 1\n');
  assert.equal(await page.locator('#trace-futures li.current').count(), 0, 'no Rust event yet');
  // Forward to the Rust lane's first poll.
  const step = page.getByRole('button', { name: 'Step forward' });
  while (!/poll_start in Rust futures/.test(await position())) await step.click();
  assert.equal(await page.locator('#tasks tr td').nth(1).textContent(), 'polling');
  assert.equal(await page.locator('#ready-queue').textContent(), 'empty');
  while (!/reactor_arm in Rust futures/.test(await position())) await step.click();
  assert.match(await page.locator('#armed-timeout').textContent(), /one setTimeout, for 200 ms/);
  assert.match(await page.locator('#timer-queue').textContent(), /Timer 1: due at 200 ms/);
  assert.match(await page.locator('#tasks').textContent(), /awaiting step 1 of 4/);
  assert.equal(await page.locator('#code-futures .line.current').textContent(), '    sleep_ms(200).await; // Timer 1\n');
  const cursor = await page.locator('#timeline .cursor').getAttribute('x1');
  await page.getByRole('button', { name: 'Step back' }).click();
  assert.match(await position(), /poll_end in Rust futures/);
  // The scrubber and Play.
  await page.getByLabel('Replay position').fill('30');
  assert.match(await position(), /Event 31 of 51/);
  assert.notEqual(await page.locator('#timeline .cursor').getAttribute('x1'), cursor);
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.locator('#position', { hasText: 'Event 51 of 51' }).waitFor({ timeout: 10_000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the timeline explains a mark on focus', async () => {
  const { page } = await open('#preset=race&clock=virtual&style=then&s=Q(R(S(Timer%201,200),S(Timer%202,100),S(Timer%203,50)),L(The%20fastest%20won))');
  const cancelled = page.locator('#timeline .lane-futures .timer.cancelled');
  assert.equal(await cancelled.count(), 2);
  await cancelled.first().focus();
  assert.match(await page.locator('#timeline-detail').textContent(), /Timer 1: set at 0 ms for 200 ms, cancelled at 50 ms/);
  assert.equal(await page.locator('#timeline .lane-callbacks .timer.cancelled').count(), 0);
  await page.close();
});

test('a share link reproduces the scenario and options', async () => {
  const { page } = await open();
  await page.getByLabel('Example').selectOption('join');
  await page.getByLabel('Timer 2 (ms)').fill('250');
  await page.getByRole('radio', { name: 'async/await' }).check();
  await page.getByRole('button', { name: 'Run' }).click();
  await page.locator('#trace-futures li[data-kind="log"] .t', { hasText: '250 ms' }).waitFor();
  const link = page.url();
  await page.close();
  const { page: again, problems } = await open(link.slice(link.indexOf('#')));
  assert.equal(await again.getByLabel('Example').inputValue(), 'join');
  assert.equal(await again.getByLabel('Timer 2 (ms)').inputValue(), '250');
  assert.equal(await again.getByRole('radio', { name: 'async/await' }).isChecked(), true);
  assert.equal(await logRow(again, 'promises'), '250 ms');
  assert.match(await again.locator('#code-promises').textContent(), /await Promise\.all/);
  assert.deepEqual(problems, []);
  await again.close();
});

test('both exports download and parse', async () => {
  const { page } = await open();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const run = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.deepEqual(Object.keys(run), ['callbacks', 'promises', 'futures']);
  assert.equal(run.futures.version, 1);
  const [chrome] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Chrome trace' }).click()]);
  const trace = JSON.parse(await readFile(await chrome.path(), 'utf8'));
  assert.ok(trace.traceEvents.length > 10);
  for (const e of trace.traceEvents) {
    assert.ok('ph' in e && 'pid' in e && 'tid' in e, JSON.stringify(e));
    if (e.ph !== 'M') assert.equal(typeof e.ts, 'number');
  }
  await page.close();
});

test('bad input shows an alert naming the field and keeps the last run', async () => {
  const { page, problems } = await open();
  const alert = page.getByRole('alert');
  const run = page.getByRole('button', { name: 'Run' });
  for (const [value, message] of [
    ['-5', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got -5'],
    ['99999999', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got 99999999'],
    ['1.5', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got 1.5, which is not whole'],
    ['', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got nothing'],
  ]) {
    await page.getByLabel('Timer 1 (ms)').fill(value);
    assert.equal(await alert.textContent(), message);
    assert.equal(await run.isDisabled(), true);
    assert.equal(await page.getByLabel('Timer 1 (ms)').getAttribute('aria-invalid'), 'true');
    assert.equal(await logRow(page, 'futures'), '350 ms', 'the last good run stays');
    assert.match(await page.locator('#code-futures').textContent(), /sleep_ms\(200\)/, 'and its code');
  }
  await page.getByLabel('Timer 1 (ms)').fill('20');
  assert.equal(await alert.isHidden(), true);
  assert.equal(await run.isDisabled(), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad and hostile links are refused or shown as text, never as markup', async () => {
  const cases = [
    ['#s=Q(S(Timer%201,-5))', 'scenario.steps[0].ms: must be a whole number of milliseconds from 0 to 60000, got -5'],
    ['#s=X(', 'Link: fragment: expected a step (S, L, Q, A, R or C) at character 1'],
    ['#s=Q(S(A,1),S(A,2))', 'is used by another timer'],
    ['#preset=nope', 'Link: preset must be one of'],
    ['#clock=fast', 'Link: clock must be "real" or "virtual"'],
    [`#s=${'Q('.repeat(5000)}`, 'Link: fragment: is 10000 bytes long'],
    [`#s=${'Q('.repeat(30)}`, 'Link: fragment: is nested deeper than 12 levels'],
  ];
  for (const [hash, message] of cases) {
    const { page, problems } = await open(hash);
    const alert = await page.getByRole('alert').textContent();
    assert.ok(alert.includes(message), `${hash.slice(0, 40)}: ${alert}`);
    assert.equal(await logRow(page, 'futures'), '350 ms', 'the default example ran');
    assert.deepEqual(problems, []);
    await page.close();
  }
  const hostile = '#s=Q(S(%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E,20),L(%3Cb%3Ebold%3C%2Fb%3E))';
  const { page, problems } = await open(hostile);
  await page.getByLabel('<img src=x onerror=alert(1)> (ms)').waitFor();
  assert.equal(await page.locator('main img, main b').count(), 0, 'no markup from a label');
  await page.getByText('text=<b>bold</b>').first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('no serious or critical accessibility violations (axe-core)', async () => {
  const { page } = await open();
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`), []);
  await page.close();
});

test('screenshots: light, dark, and a phone', async () => {
  for (const [name, options] of [
    ['light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
    ['dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
    ['phone', { viewport: { width: 390, height: 844 }, colorScheme: 'light', isMobile: true }],
  ]) {
    const { page, problems } = await open('', options);
    await page.screenshot({ path: new URL(`screenshot-${name}.png`, ARTIFACTS).pathname, fullPage: true });
    if (name === 'phone') {
      const widths = await page.locator('.lane').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().width));
      assert.ok(widths.every((w) => w > 300), `lanes stack at phone width: ${widths}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no sideways scrolling: the page is ${width}px wide`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('a wasm trap is reported and the next Run restarts the module', async () => {
  const { page, problems } = await open();
  const message = await page.evaluate(() => {
    try {
      window.playground.debugTrap();
      return 'no trap';
    } catch (error) {
      return `${error.constructor.name}: ${error.message}`;
    }
  });
  assert.match(message, /^RuntimeError: unreachable/);
  assert.match(await page.getByRole('alert').textContent(), /The wasm module stopped \(unreachable.*\)\. Press Run to restart it\./);
  assert.equal(await logRow(page, 'futures'), '350 ms', 'the last run stays on screen');
  await page.getByLabel('Timer 3 (ms)').fill('70');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.locator('#trace-futures li[data-kind="log"] .t', { hasText: '370 ms' }).waitFor();
  assert.equal(await page.getByRole('alert').isHidden(), true);
  const again = await page.evaluate(() => window.playground.run({ preset: 'join' }));
  assert.equal(again.futures.events.find((e) => e.kind === 'log').t, 200);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the timeline stays readable from 10 ms to 60 s runs', async () => {
  const { page, problems } = await open();
  for (const [timings, last] of [[[4, 3, 3], '10 ms'], [[20000, 20000, 20000], '60 s']]) {
    const inputs = page.locator('#timings-list input');
    for (const [i, ms] of timings.entries()) await inputs.nth(i).fill(String(ms));
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('#trace-futures li[data-kind="log"] .t', { hasText: last }).waitFor();
    const ticks = await page.locator('#timeline .tick-label').allTextContents();
    assert.ok(ticks.length >= 4 && ticks.length <= 12, `${ticks}`);
    assert.equal(new Set(ticks).size, ticks.length, `distinct tick labels: ${ticks}`);
    assert.ok(ticks.every((t) => /^\d+(\.\d+)? (ms|s)$/.test(t)), `${ticks}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
