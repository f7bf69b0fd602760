// One place to edit and see (issue 23, points 4 and 5): Run beside a line
// saying what the views show, Ctrl+Enter, the parse error in words, the
// first screen, the replay opening at its start, the bar that stays in view,
// panels that scroll their line into view, trace rows and timeline marks
// that move the replay, a Real run's progress; the keyboard (one tab stop
// for the timeline, a skip link, arrows that step) and a phone.
import { test, expect, openPlayground } from './fixtures.mjs';
import { merge } from '../../web/replay/merge.js';

const status = (page) => page.locator('#program-status');
const position = (page) => page.locator('#position');
const rustEditor = (page) => page.getByRole('textbox', { name: 'Rust code' });
const logTime = (page, lane) => page.locator(`#trace-${lane} li[data-kind="log"] .t`).last();

/** Replaces the Rust panel's text by typing, as a learner would. */
async function typeProgram(page, text) {
  await rustEditor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

test('the replay opens at its first step; the status line says the views show the program as it is', async ({ page }) => {
  await openPlayground(page);
  await expect(position(page)).toHaveText(/^Event 1 of \d+, in Callbacks at 0 ms: the lane's script starts running \(script_start\)$/);
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Step back' })).toBeDisabled();
  await expect(status(page)).toHaveText('Up to date: the views show a run of the program as it is now (virtual clock).');
  // A timing typed but not run: the line says so, and Run brings it back.
  await page.getByLabel('Timer 3 (ms)').fill('70');
  await expect(status(page)).toHaveText('The program or its settings changed since the last run, which is still shown. Press Run (Ctrl+Enter) to run it.');
  await expect(status(page)).toHaveAttribute('data-state', 'stale');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(status(page)).toHaveAttribute('data-state', 'current');
  await expect(logTime(page, 'futures')).toHaveText('370 ms');
});

test('Ctrl+Enter in the editor runs the edited text, and inserts no line', async ({ page }) => {
  await openPlayground(page);
  const text = 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(40).await;\n    log("typed");\n}\n';
  await typeProgram(page, text);
  await page.keyboard.press('Control+Enter');
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
  await expect(logTime(page, 'promises')).toHaveText('40 ms');
  expect(await page.evaluate(() => window.playground.lastRun().futures.events.find((e) => e.kind === 'log').text)).toBe('typed');
  // The editor kept the text as typed: Ctrl+Enter ran it, and added no line.
  await expect(page.locator('#code-futures .cm-line')).toHaveCount(text.split('\n').length);
  await expect(status(page)).toHaveAttribute('data-state', 'current');
  // Meta+Enter (macOS) too.
  await typeProgram(page, text.replace('40', '30'));
  await page.keyboard.press('Meta+Enter');
  await expect(logTime(page, 'futures')).toHaveText('30 ms');
});

test('a text that does not parse: the error in words under the code and in the status line; the last run stays', async ({ page }) => {
  await openPlayground(page);
  await typeProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(20).awiat;\n}\n');
  const problem = page.locator('#rust-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveText(/^Can't run: line 4, column \d+: .*did you mean `\.await`\?/);
  await expect(status(page)).toHaveText('Line 4 of the Rust code has an error (explained under the code). Fix it, then press Run. '
    + 'The last run is still shown.');
  await expect(status(page)).toHaveAttribute('data-state', 'problem');
  // Run does nothing while it does not parse: the last run stays on screen.
  await page.keyboard.press('Control+Enter');
  await expect(logTime(page, 'futures')).toHaveText('350 ms');
  // Fixed: the words go, and Run runs it.
  await typeProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(20).await;\n    log("fixed");\n}\n');
  await expect(problem).toBeHidden();
  await page.keyboard.press('Control+Enter');
  await expect(logTime(page, 'futures')).toHaveText('20 ms');
});

test('at 1440x900 the first screen shows Run, the program and the start of the lanes', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page);
  const boxes = await page.evaluate(() => Object.fromEntries(['#run', '#code-futures', '#code-callbacks', '#code-promises', '#step-forward']
    .map((s) => [s, document.querySelector(s).getBoundingClientRect().top])));
  for (const [selector, top] of Object.entries(boxes)) expect(top, selector).toBeLessThan(900 - 100);
});

test('the bar with Run and the replay stays in view while the lanes scroll', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page);
  await page.locator('#summary').scrollIntoViewIfNeeded();
  for (const name of ['Run', 'Step forward', 'Play']) await expect(page.getByRole('button', { name, exact: true })).toBeInViewport();
  await expect(page.getByRole('status', { name: 'What happened' })).toBeInViewport();
  // And it still steps from there.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toHaveText(/^Event 2 of /);
});

test('Share and export ↓, in the bar, goes to Share with Copy link focused, out from under the bar', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPlayground(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await page.getByRole('button', { name: 'Go to Share and export' }).click();
  const copy = page.getByRole('button', { name: 'Copy link' });
  await expect(copy).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Share and export' })).toBeInViewport();
  const [bar, heading] = await Promise.all(['#bar', '#share-title'].map((css) => page.locator(css).boundingBox()));
  expect(heading.y, 'the heading is below the bar').toBeGreaterThanOrEqual(bar.y + bar.height);
  await copy.press('Enter');
  await expect(page.locator('#share-status')).toHaveText('Link copied: it opens this program at event 2 of 75.');
  // Changed since the run on screen: a link would open the new program at an
  // event of the old run, so the links wait for Run; the exports stay.
  await page.getByText('Embed in a web page').click();
  const snippet = page.getByLabel('HTML to paste');
  await expect(snippet).toHaveValue(/^<iframe /);
  await page.getByLabel('Timer 1 (ms)').fill('300');
  await expect(snippet, 'no snippet to copy by hand either').toHaveValue('');
  await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeDisabled();
  const stale = page.locator('#share-stale');
  await expect(stale).toHaveText('The program or its settings changed since this run. Press Run again to share a link or embed code, so that it '
    + 'matches what your readers will see. Pictures and files still export the run on screen.');
  await expect(copy).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Copy Markdown link' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Export timeline SVG' })).toBeEnabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(stale).toBeHidden();
  await expect(copy).toBeEnabled();
  await expect(snippet).toHaveValue(/sleep|preset=sequential/);
  // The last run's message went with it.
  await expect(page.locator('#share-status')).toHaveText('');
});

test('each panel scrolls its highlighted line into view (a 30-timer program)', async ({ page }) => {
  await openPlayground(page);
  const sleeps = Array.from({ length: 30 }, (_, i) => `    sleep_ms(${i + 1}).await;`).join('\n');
  await typeProgram(page, `use runtime::prelude::*;\n\nasync fn run() {\n${sleeps}\n    log("end");\n}\n`);
  await page.keyboard.press('Control+Enter');
  await expect(logTime(page, 'futures')).toHaveText('465 ms');
  const last = Number(await page.getByLabel('Replay position').getAttribute('max'));
  await page.getByLabel('Replay position').fill(String(last));
  for (const lane of ['callbacks', 'promises', 'futures']) {
    const current = page.locator(`#code-${lane} .current`);
    await expect(current, lane).toHaveCount(1);
    const [line, scroller] = await Promise.all([current.boundingBox(), page.locator(`#code-${lane} .cm-scroller`).boundingBox()]);
    expect(line.y, `${lane}: the line is below the panel's top`).toBeGreaterThanOrEqual(scroller.y - 1);
    expect(line.y + line.height, `${lane}: and above its bottom`).toBeLessThanOrEqual(scroller.y + scroller.height + 1);
  }
});

test('a click or Enter on a trace row, or on a timeline mark, moves the replay to its event', async ({ page }) => {
  await openPlayground(page);
  // The Rust lane's first log: a click on its row. (Clicked again if the
  // page, busy at its start on a loaded machine, redrew the list under it.)
  await expect(async () => {
    await page.locator('#trace-futures li[data-kind="log"]').click();
    await expect(position(page)).toHaveText(/, in Rust futures at 350 ms: the program logs a line \(log\)$/, { timeout: 2_000 });
  }).toPass({ timeout: 10_000 });
  // Enter on a row reached with the arrow keys: the list is one tab stop.
  const rows = page.locator('#trace-callbacks li');
  await expect(page.locator('#trace-callbacks li[tabindex="0"]')).toHaveCount(1);
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(position(page)).toHaveText(/^Event 2 of \d+, in Callbacks at 0 ms: setTimeout is called \(timer_set\)$/);
  // A timeline mark: a click, then Enter on another.
  const marks = page.locator('#timeline [data-seq]');
  await page.locator('#timeline .lane-futures polygon.log').click();
  await expect(position(page)).toHaveText(/, in Rust futures at 350 ms: the program logs a line \(log\)$/);
  await expect(page.locator('#timeline-detail')).toHaveText('log "I\'m the last one" at 350 ms');
  // One tab stop: Tab reaches the first mark; the arrows move on, Enter goes there.
  await expect(page.locator('#timeline [tabindex="0"]')).toHaveCount(1);
  expect(await marks.count()).toBeGreaterThan(20);
  await page.locator('#timeline [tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => ({ lane: document.activeElement.dataset.lane, seq: document.activeElement.dataset.seq }));
  await expect(page.locator('#timeline [tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const at = await page.evaluate(({ lane, seq }) => {
    const names = { callbacks: 'Callbacks', promises: 'Promises', futures: 'Rust futures' };
    const event = window.playground.lastRun()[lane].events[Number(seq)];
    return { kind: event.kind, lane: names[lane] };
  }, focused);
  await expect(position(page)).toContainText(`, in ${at.lane} at `);
  await expect(position(page)).toContainText(`(${at.kind})`);
  // The focused mark's ring is drawn: a thick stroke.
  const ring = await page.evaluate(() => parseFloat(getComputedStyle(document.activeElement).strokeWidth));
  expect(ring).toBeGreaterThanOrEqual(4);
});

test('← and → step wherever the focus is but a field; the skip link reaches the editor', async ({ page }) => {
  await openPlayground(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the Rust code' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rustEditor(page)).toBeFocused();
  // In the editor the arrows move the cursor, not the replay.
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText(/^Event 1 of /);
  for (const name of ['Run', 'Reset', 'Play']) {
    await page.getByRole('button', { name, exact: true }).focus();
    await page.keyboard.press('ArrowRight');
  }
  await expect(position(page)).toHaveText(/^Event 4 of /);
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText(/^Event 3 of /);
  // A number field keeps its arrows.
  await page.getByLabel('Timer 1 (ms)').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText(/^Event 3 of /);
});

test('a Real run shows its progress against the expected end, and what Run will do', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('radio', { name: 'Real' }).check();
  for (const [i, ms] of [400, 300, 300].entries()) await page.locator('#timings-list input').nth(i).fill(String(ms));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(status(page)).toHaveText(/^Running in real time: (\d00 ms|0 ms|1 s) of about 1 s\. Pressing Run again restarts it\.$/);
  await expect(status(page)).toHaveAttribute('data-state', 'running');
  await expect(status(page)).toHaveText('Up to date: the views show a run of the program as it is now (real clock).', { timeout: 10_000 });
  await expect(logTime(page, 'futures')).toHaveText(/^1(\.\d+)? s$/);
});

test('tokio\'s spelling of a sleep and println! run as written, with their use lines', async ({ page }) => {
  await openPlayground(page);
  await typeProgram(page, 'use runtime::prelude::*;\nuse runtime::println;\nuse std::time::Duration;\n\nasync fn run() {\n'
    + '    sleep(Duration::from_millis(120)).await; // Kettle\n    println!("tea");\n}\n');
  await page.keyboard.press('Control+Enter');
  for (const lane of ['callbacks', 'promises', 'futures']) await expect(logTime(page, lane), lane).toHaveText('120 ms');
  expect(await page.evaluate(() => window.playground.lastRun().futures.events.find((e) => e.kind === 'log').text)).toBe('tea');
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('120');
  // The timing input rewrites the number where it is written.
  await page.getByLabel('Kettle (ms)').fill('90');
  await expect(page.locator('#code-futures')).toContainText('sleep(Duration::from_millis(90)).await; // Kettle');
  // The trace names the line written: the sleep is line 5 of the text (of
  // the run of it: until Run, the replay is of the text before).
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(logTime(page, 'futures')).toHaveText('90 ms');
  await page.locator('#trace-futures li[data-kind="timer_set"]').click();
  await expect(page.locator('#code-futures .current')).toHaveText('    sleep(Duration::from_millis(90)).await; // Kettle');
});

test('a delay written as a sum runs as its value; its timing input writes the one number', async ({ page }) => {
  await openPlayground(page);
  await typeProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(100 + 2 * 25).await; // Kettle\n    log("tea");\n}\n');
  await page.keyboard.press('Control+Enter');
  for (const lane of ['callbacks', 'promises', 'futures']) await expect(logTime(page, lane), lane).toHaveText('150 ms');
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('150');
  await page.getByLabel('Kettle (ms)').fill('90');
  await expect(page.locator('#code-futures')).toContainText('sleep_ms(90).await; // Kettle');
});

test('Add timer keeps the example\'s lesson in view, as that example\'s', async ({ page }) => {
  await openPlayground(page);
  const explanation = page.locator('#explanation');
  const lesson = await explanation.textContent();
  await page.getByRole('button', { name: 'Add timer' }).click();
  await expect(page.getByLabel('Example')).toHaveValue('custom');
  await expect(explanation).toHaveText('Custom program: the example “Sequential timers” with one more timer. '
    + `Press Reset to restore the original. That example's lesson: ${lesson}`);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(explanation).toHaveText(lesson);
});

test('the State machine names each field after the let that made it', async ({ page }) => {
  await openPlayground(page);
  await typeProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    let toast = sleep_ms(30);\n    let eggs = sleep_ms(20);\n'
    + '    toast.await;\n    eggs.await;\n    log("breakfast");\n}\n');
  await page.keyboard.press('Control+Enter');
  await expect(logTime(page, 'futures')).toHaveText('30 ms');
  await expect(page.locator('#state-variants li').nth(1)).toContainText('eggs: Sleep');
  await expect(page.locator('#state-variants')).not.toContainText('f2');
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('text is 12 px or more, targets 24 px or more, hints say tap, and no code is cut off', async ({ page }) => {
    await openPlayground(page);
    // The bar keeps to Run, the replay and What happened.
    await expect(page.getByRole('button', { name: 'Go to Share and export' })).toBeHidden();
    for (const preset of ['sequential', 'lost-wake']) {
      await page.getByLabel('Example').selectOption(preset);
      const small = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((e) => e.getClientRects().length && [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .filter((e) => getComputedStyle(e).display !== 'none')
        .map((e) => {
          // SVG text: its rendered size, as the viewBox scales it.
          const size = e instanceof SVGElement ? e.getBoundingClientRect().height : parseFloat(getComputedStyle(e).fontSize);
          return [`${e.tagName}#${e.id}.${e.getAttribute('class')}: ${e.textContent.trim().slice(0, 30)}`, size];
        })
        .filter(([, size]) => size < 11.5));
      expect(small, `${preset}: text under 12 px`).toEqual([]);
      // No panel hides part of a line: long lines wrap.
      const cut = await page.evaluate(() => [...document.querySelectorAll('.lane .cm-scroller')]
        .filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.closest('.lane').querySelector('h2').textContent));
      expect(cut, `${preset}: panels wider than their box`).toEqual([]);
    }
    await expect(page.locator('.cm-content').filter({ hasText: 'fix:' }).first()).toBeVisible();
    const targets = await page.evaluate(() => [...document.querySelectorAll('button, input, select, a')]
      .filter((e) => e.getClientRects().length && !e.closest('.skip-link'))
      .map((e) => ({ name: e.id || e.textContent, ...e.getBoundingClientRect().toJSON() }))
      .filter(({ width, height }) => width < 24 || height < 24)
      .map(({ name, width, height }) => `${name}: ${Math.round(width)}x${Math.round(height)}`));
    expect(targets, 'targets under 24 px').toEqual([]);
    await expect(page.locator('#timeline-detail .hint-touch')).toHaveText('Tap a mark for its details and to move the replay there.');
    await expect(page.locator('#timeline-detail .hint-touch')).toBeVisible();
    await expect(page.locator('#timeline-detail .hint-hover')).toBeHidden();
  });

  test('a step names its lane above what happened, as the position line (left out here) does', async ({ page }) => {
    await openPlayground(page);
    const lane = page.locator('#what-happened-lane');
    await expect(page.locator('#position')).toBeHidden();
    for (let i = 0; i < 8; i += 1) await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.locator('#what-happened')).toContainText('called poll');
    await expect(lane).toBeVisible();
    await expect(lane).toHaveText('Rust futures');
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(lane).toHaveText(/^(Callbacks|Promises|Rust futures)$/);
  });

  test('Step through one lane: the steps, the arrows and Play go to that lane\'s events only', async ({ page }) => {
    await openPlayground(page);
    const follow = page.getByLabel('Step through');
    const forward = page.getByRole('button', { name: 'Step forward' });
    const back = page.getByRole('button', { name: 'Step back' });
    await expect(follow.locator('option')).toHaveText(['Every lane', 'Callbacks only', 'Promises only', 'Rust futures only']);
    const run = await page.evaluate(() => window.playground.lastRun());
    const all = ['callbacks', 'promises', 'futures']
      .flatMap((lane) => run[lane].events.map((e) => ({ lane, t: e.t })));
    await follow.selectOption('futures');
    // From event 1 (a Callbacks event): each step is the Rust lane's next.
    const seen = [];
    for (let i = 0; i < 5; i += 1) {
      await forward.click();
      seen.push(await position(page).textContent());
    }
    for (const line of seen) expect(line).toMatch(/ in Rust futures at /);
    const numbers = seen.map((line) => Number(/^Event (\d+) of/.exec(line)[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(5);
    // The keyboard steps the same way.
    await page.getByRole('button', { name: 'Run' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(position(page)).toHaveText(new RegExp(`^Event ${numbers[3]} of`));
    // Home and End go to the lane's first and last event (in the merged order).
    const merged = merge(run);
    await page.keyboard.press('End');
    await expect(position(page)).toHaveText(new RegExp(`^Event ${merged.findLastIndex((m) => m.lane === 'futures') + 1} of`));
    await expect(forward).toBeDisabled();
    await page.keyboard.press('Home');
    await expect(position(page)).toHaveText(new RegExp(`^Event ${merged.findIndex((m) => m.lane === 'futures') + 1} of`));
    await expect(back).toBeDisabled();
    // Where the focus takes Home and End itself, the replay stays: a select, a trace row, the page.
    const at = await position(page).textContent();
    await page.getByLabel('Speed').focus();
    await page.keyboard.press('End');
    await page.locator('#trace-callbacks li').first().focus();
    await page.keyboard.press('End');
    await expect(page.locator('#trace-callbacks li').last()).toBeFocused();
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('End');
    await expect(position(page)).toHaveText(at);
    await page.getByLabel('Speed').selectOption('1');
    await page.getByRole('button', { name: 'Run' }).focus();
    // At the lane's last event, Step forward goes nowhere; Step back still does.
    const futures = run.futures.events.length;
    await page.getByLabel('Replay position').fill(String(all.length - 1));
    await expect(forward).toBeDisabled();
    await page.getByLabel('Replay position').fill('0');
    await expect(back).toBeDisabled();
    // Play from the start plays the Rust lane's events, each in turn.
    await page.getByLabel('Speed').selectOption('4');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: futures * 200 + 5_000 });
    await expect(position(page)).toHaveText(/ in Rust futures at /);
    await expect(forward).toBeDisabled();
    // Another example, still following the Rust lane: its run opens at
    // that lane's first event, not at the Callbacks lane's.
    await page.getByLabel('Example').selectOption('race');
    await expect(follow).toHaveValue('futures');
    await expect(position(page)).toHaveText(/^Event \d+ of \d+, in Rust futures at 0 ms: /);
    await expect(back).toBeDisabled();
    const first = Number(/^Event (\d+) of/.exec(await position(page).textContent())[1]);
    expect(first).toBeGreaterThan(1);
    // Every lane again: a step is the next event.
    await follow.selectOption('');
    await page.getByLabel('Example').selectOption('sequential');
    await expect(position(page)).toHaveText(/^Event 1 of/);
    await page.getByLabel('Replay position').fill(String(all.length - 1));
    await expect(forward).toBeDisabled();
    await back.click();
    await expect(position(page)).toHaveText(new RegExp(`^Event ${all.length - 1} of`));
    // Home and End: every lane's first and last event.
    await page.keyboard.press('Home');
    await expect(position(page)).toHaveText(/^Event 1 of/);
    await page.keyboard.press('End');
    await expect(position(page)).toHaveText(new RegExp(`^Event ${all.length} of`));
  });

  test('a read-only Rust panel says so, and why', async ({ page }) => {
    await openPlayground(page);
    const note = page.locator('#rust-read-only');
    // The editable panel says so once the editor is in; the JS ones, where their code comes from.
    const editable = page.getByText('Edit this code; the JS panels update to match.');
    await expect(note).toBeHidden();
    await expect(editable).toBeVisible();
    for (const lane of ['callbacks', 'promises']) {
      await expect(page.locator(`section[data-lane="${lane}"] .code-note`)).toHaveText('JS counterpart of the Rust program. Read-only.');
    }
    await page.getByLabel('Example').selectOption('self-ref');
    await expect(note).toBeVisible();
    await expect(editable).toBeHidden();
    await expect(note).toContainText('You can\'t edit this example\'s Rust code');
    await page.getByLabel('Example').selectOption('join');
    await expect(note).toBeHidden();
    await expect(editable).toBeVisible();
  });
});

test('changes to an example are kept when another is chosen, come back with it, and Reset forgets them', async ({ page }) => {
  await openPlayground(page);
  const example = page.getByLabel('Example');
  const option = (id) => example.locator(`option[value="${id}"]`);
  const timer1 = page.getByLabel('Timer 1 (ms)');
  // New timings: kept, and the list says so.
  await timer1.fill('20');
  await example.selectOption('join');
  await expect(option('sequential')).toHaveText('Sequential timers (your changes)');
  await expect(page.locator('#code-futures'), 'the other example is shown').toContainText('join!');
  await example.selectOption('sequential');
  await expect(timer1).toHaveValue('20');
  await expect(logTime(page, 'futures'), 'and the changed one ran').toHaveText('170 ms');
  await expect(option('sequential'), 'the example shown is not marked').toHaveText('Sequential timers');
  /** To Join and back: how the list named Sequential timers meanwhile, and Timer 1 after. */
  const awayAndBack = async (listed, timer) => {
    await example.selectOption('join');
    await expect(option('sequential')).toHaveText(listed);
    await example.selectOption('sequential');
    await expect(timer1).toHaveValue(timer);
  };
  // Changed back by hand: nothing is kept.
  await timer1.fill('200');
  await awayAndBack('Sequential timers', '200');
  await timer1.fill('20');
  await awayAndBack('Sequential timers (your changes)', '20');
  // Reset: the original, and the changes forgotten.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(timer1).toHaveValue('200');
  await awayAndBack('Sequential timers', '200');
  // Code typed: a Custom program, kept under the example it came from.
  await typeProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(40).await; // mine\n    log("typed");\n}\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(example).toHaveValue('custom');
  await example.selectOption('race');
  await expect(option('sequential')).toHaveText('Sequential timers (your changes)');
  await example.selectOption('sequential');
  await expect(example).toHaveValue('custom');
  await expect(rustEditor(page)).toContainText('// mine');
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
  // From Custom, its own example is the original; the changes stay kept.
  await example.selectOption('sequential');
  await expect(rustEditor(page)).not.toContainText('// mine');
  await expect(timer1).toHaveValue('200');
  await example.selectOption('join');
  await example.selectOption('sequential');
  await expect(rustEditor(page)).toContainText('// mine');
  // A text being fixed comes back as typed, its error said again, after a
  // run of the last text that parsed.
  await typeProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(40).await // mine\n    log("typed");\n}\n');
  await expect(page.getByRole('alert')).toContainText('Rust code: line 4');
  await example.selectOption('join');
  await expect(page.getByRole('alert')).toBeHidden();
  await example.selectOption('sequential');
  await expect(rustEditor(page)).toContainText('sleep_ms(40).await // mine');
  await expect(page.getByRole('alert')).toContainText('Rust code: line 4');
  await expect(status(page)).toHaveAttribute('data-state', 'problem');
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
});
