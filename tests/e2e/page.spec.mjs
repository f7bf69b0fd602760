// The playground page as a user drives it: edit, run, step, share, export,
// bad input, accessibility, and screenshots (saved under tests/artifacts/, the
// README links them). PAGE_ROOT=dist runs these against the production build.
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { test, expect, openPlayground } from './fixtures.mjs';
import { seekEnd } from './replay-steps.mjs';

const require = createRequire(import.meta.url);
const ARTIFACTS = new URL('../artifacts/', import.meta.url);

test.use({ root: process.env.PAGE_ROOT ?? 'web' });

const lane = (page, name) => page.getByRole('region', { name });
/** The time shown on a lane's first log event. */
const logTime = (page, id) => page.locator(`#trace-${id} li[data-kind="log"] .t`).first();
/** Exactly `text`, whitespace and all (a string would be whitespace-normalised). */
const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

test('on load the notes example has run in all three lanes', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByLabel('Example')).toHaveValue('sequential');
  for (const [id, name] of [['callbacks', 'Callbacks'], ['promises', 'Promises'], ['futures', 'Rust futures']]) {
    // The trace's log event reads `text=I'm the last one`.
    await expect(lane(page, name).getByText("text=I'm the last one")).toBeVisible();
    await expect(logTime(page, id), name).toHaveText('350 ms');
  }
  await expect(page.locator('#code-futures')).toContainText('sleep_ms(200).await; // Timer 1');
  await expect(page.locator('#summary-sentence')).toContainText('Every lane logged its last line at 350 ms');
  // The Rust lane says what it runs: the example's compiled code, or for a
  // program of your own, futures put together as it says.
  const note = page.locator('#inside-rust .note');
  await expect(note).toContainText("An example's Rust code, with any timings and texts, was compiled to WebAssembly in advance");
  await expect(note).toContainText('other code you write is read by the page and run from the same futures');
});

test('editing a timing by keyboard updates the code, and Run runs it', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Timer 1 (ms)').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('500');
  // The code follows the input before anything runs.
  await expect(page.locator('#code-futures')).toContainText('sleep_ms(500)');
  await expect(page.locator('#code-callbacks')).toContainText('}, 500);');
  await expect(page.locator('#code-promises')).toContainText('timer(500)');
  await expect(logTime(page, 'futures'), 'the old run is still shown').toHaveText('350 ms');
  await page.keyboard.press('Tab'); // leave the field
  await page.getByRole('button', { name: 'Run' }).click();
  for (const id of ['futures', 'callbacks', 'promises']) await expect(logTime(page, id), id).toHaveText('650 ms');
  await expect(page).toHaveURL(/s=Q\(S\(Timer%201,500\)/);
});

test('every preset runs under both clocks from the controls', async ({ page }) => {
  await openPlayground(page);
  const presets = await page.locator('#example option').evaluateAll((os) => os.map((o) => o.value));
  expect(presets).toEqual(['sequential', 'join', 'race', 'cancel-at-await', 'lazy', 'nested', 'spawn', 'early-sleep', 'blocking', 'starve', 'overdue', 'lost-wake', 'self-ref', 'interop']);
  for (const preset of presets) {
    await page.getByLabel('Example').selectOption(preset);
    for (const clock of ['Real', 'Virtual']) {
      await page.getByRole('radio', { name: clock }).check();
      // Short timings keep the real-clock runs quick.
      const inputs = page.locator('#timings-list input');
      for (let i = 0; i < await inputs.count(); i += 1) await inputs.nth(i).fill(String(10 + 5 * i));
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      // Every lane logs; lost-wake's never gets there, but its timer fires.
      const last = preset === 'lost-wake' ? 'timer_fired' : 'log';
      for (const id of ['callbacks', 'promises', 'futures']) {
        await expect(page.locator(`#trace-${id} li[data-kind="${last}"]`).first()).toBeVisible({ timeout: 5_000 });
      }
      await expect(page.locator('#error'), `${preset} ${clock}`).toBeHidden();
    }
  }
  // Self-ref shows where s and borrowed live.
  await page.getByLabel('Example').selectOption('self-ref');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await seekEnd(page);
  await expect(page.locator('#memory')).toContainText('inside the future');
  await expect(page.locator('#memory')).toHaveText(/borrowed points to 0x[0-9a-f]+: at s/);
});

test('replay steps move the highlight, the trace, the timeline and the panels', async ({ page }) => {
  await openPlayground(page);
  const position = page.locator('#position');
  const count = Number((await position.textContent()).match(/^Event 1 of (\d+),/)?.[1]);
  expect(count, 'the replay opens at its first event').toBeGreaterThan(40);
  await expect(position).toHaveText(new RegExp(`Event 1 of ${count}, in Callbacks at 0 ms: .*\\(script_start\\)`));
  await expect(page.getByRole('button', { name: 'Step back' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeEnabled();
  // The arrow keys step with the focus on a button (Run, here), not only on the page.
  await page.getByRole('button', { name: 'Run' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(new RegExp(`Event 2 of ${count}, in Callbacks at 0 ms: .*\\(timer_set\\)`));
  // And from a trace row clicked (which moves the replay to it): ↑ and ↓ move
  // between rows, ← and → step the replay.
  await page.locator('#trace-callbacks li').nth(2).click();
  await expect(position).toHaveText(new RegExp(`Event 3 of ${count}, in Callbacks at 0 ms: .*\\(script_end\\)`));
  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText(new RegExp(`Event 4 of ${count}, `));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText(new RegExp(`Event 2 of ${count}, in Callbacks at 0 ms: .*\\(timer_set\\)`));
  // The focused row followed: ↓ goes on from the event shown.
  await expect(page.locator('#trace-callbacks li').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#trace-callbacks li').nth(2)).toBeFocused();
  await expect(position).toHaveText(new RegExp(`Event 2 of ${count}, `));
  // The code panels are editors by now: a line is its text, without the newline.
  await expect(page.locator('#code-callbacks .current')).toHaveText(exactly('setTimeout(() => { // Timer 1'));
  await expect(page.locator('#trace-futures li.current'), 'no Rust event yet').toHaveCount(0);
  await expect(page.locator('#tasks')).toHaveText('No task yet: none has been spawned at this step.');
  // Forward, one step at a time, to the Rust lane's first poll.
  const step = page.getByRole('button', { name: 'Step forward' });
  const stepUntil = async (event) => {
    for (let i = 0; i < count && !event.test(await position.textContent()); i += 1) await step.click();
    await expect(position).toHaveText(event);
  };
  await stepUntil(/ in Rust futures at .*\(poll_start\)$/);
  await expect(page.locator('#tasks tr td').nth(1)).toHaveText('polling');
  await expect(page.locator('#ready-queue')).toHaveText('empty');
  await stepUntil(/ in Rust futures at .*\(reactor_arm\)$/);
  await expect(page.locator('#armed-timeout')).toContainText('one setTimeout, for 200 ms');
  await expect(page.locator('#timer-queue')).toContainText('Timer 1: due at 200 ms');
  await expect(page.locator('#tasks')).toContainText('Suspend0 at line 4');
  await expect(page.locator('#code-futures .current')).toHaveText(exactly('    sleep_ms(200).await; // Timer 1'));
  const cursor = page.locator('#timeline .cursor');
  const x1 = await cursor.getAttribute('x1');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(position).toHaveText(/ in Rust futures at .*: the poll returns Pending or Ready \(poll_end\)$/);
  // The scrubber and Play.
  await page.getByLabel('Replay position').fill('30');
  await expect(position).toHaveText(new RegExp(`Event 31 of ${count}`));
  await expect(cursor).not.toHaveAttribute('x1', x1);
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(position).toHaveText(new RegExp(`Event ${count} of ${count}`), { timeout: 30_000 });
});

test('the timeline explains a mark on focus', async ({ page }) => {
  await openPlayground(page, '/#preset=race&clock=virtual&style=then&s=Q(R(S(Timer%201,200),S(Timer%202,100),S(Timer%203,50)),L(The%20fastest%20won))');
  const cancelled = page.locator('#timeline .lane-futures .timer.cancelled');
  await expect(cancelled).toHaveCount(2);
  await cancelled.first().focus();
  await expect(page.locator('#timeline-detail')).toContainText('Timer 1: set at 0 ms for 200 ms, cancelled at 50 ms');
  await expect(page.locator('#timeline .lane-callbacks .timer.cancelled')).toHaveCount(0);
});

/**
 * Presses `key` until the focus reaches the bar that stays in view (or
 * `limit` presses): where each focused element was, after the page's own
 * scroll (in the next frame, after the browser's).
 */
async function focusStops(page, key, limit) {
  const stops = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(key);
    const at = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const bar = document.querySelector('#bar');
      const focused = /** @type {HTMLElement} */ (document.activeElement);
      const box = focused.getBoundingClientRect();
      resolve({ id: focused.id, inBar: bar.contains(focused), top: box.top, bottom: box.bottom, barBottom: bar.getBoundingClientRect().bottom, height: innerHeight });
    }))));
    if (at.inBar) break;
    stops.push(at);
  }
  return stops;
}

test('going back up the page by keyboard, what gets the focus is never under the bar that stays in view', async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 800 }]) {
    await page.setViewportSize(viewport);
    await openPlayground(page);
    await page.locator('#copy-link').focus();
    const seen = await focusStops(page, 'Shift+Tab', 80);
    // Trace rows, the Summary, the timeline: a good part of the page.
    expect(seen.length, `${viewport.width}`).toBeGreaterThan(8);
    expect(seen.filter((at) => at.top < at.barBottom), `${viewport.width}`).toEqual([]);
  }
  // The controls before the bar are left where the browser scrolls them: in
  // sight, on a phone held sideways too.
  await page.setViewportSize({ width: 844, height: 390 });
  await openPlayground(page);
  await page.locator('#example').focus();
  const controls = await focusStops(page, 'Tab', 30);
  expect(controls.map((at) => at.id)).toContain('compare');
  expect(controls.filter((at) => at.top < 0 || at.bottom > at.height)).toEqual([]);
});

test('on a phone the bar that stays in view is under 30% of the screen: the speed beside Step forward, its name still read', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const at = await page.evaluate(() => {
    const top = (s) => document.querySelector(s).getBoundingClientRect().top;
    return { bar: document.querySelector('#bar').getBoundingClientRect().height, forward: top('#step-forward'), speed: top('#speed') };
  });
  expect(at.bar).toBeLessThan(0.3 * 844);
  expect(Math.abs(at.speed - at.forward)).toBeLessThan(10);
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('1');
});

test('on a phone a long sentence of What happened keeps the bar under 30% of the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // A Promises step of the starve example: a sentence of five lines at 16 px.
  await openPlayground(page, '/#preset=starve&clock=virtual&style=then&step=600');
  await expect(page.locator('#what-happened')).toHaveText(/^30 ms: the engine's job that gives the \.then on line 13 /);
  expect(await page.locator('#bar').evaluate((bar) => bar.getBoundingClientRect().height)).toBeLessThan(0.3 * 844);
  // Step through and the scrubber share a row; Step through's name is still read.
  const top = (s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().top);
  expect(Math.abs(await top('#step-lane') - await top('#scrubber'))).toBeLessThan(20);
  await expect(page.getByRole('combobox', { name: 'Step through' })).toHaveValue('');
});

test('on a phone the Summary turns: a row per figure, a column per lane, all in the screen\'s width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page, '/#preset=starve&clock=virtual&style=then&compare=1');
  const summary = page.locator('#summary');
  await expect(summary.locator('table.summary-wide')).toBeHidden();
  await expect(summary.locator('table.summary-narrow')).toBeVisible();
  expect(await summary.evaluate((s) => s.scrollWidth - s.clientWidth)).toBeLessThanOrEqual(0);
  // The same cells as the wide table's, turned a quarter (names with their explanations).
  const cells = (rows) => summary.locator(rows).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const wide = [await cells('.summary-wide tr'), await cells('.summary-narrow tr')];
  expect(wide[0].length).toBe(5);
  const turned = wide[0][0].map((_, col) => wide[0].map((row) => row[col]));
  // Its corner is empty: the column under it holds the figures' names, not lanes.
  turned[0][0] = '';
  expect(wide[1]).toEqual(turned);
  await expect(summary.locator('.summary-narrow tbody th abbr[title^="when the lane logged its last line"]')).toHaveText('Last log');
});

test('on a phone the timeline scrolls sideways, and the lanes\' names stay at its left edge', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const scroller = page.locator('.timeline-scroll');
  const edges = () => page.evaluate(() => {
    const left = document.querySelector('.timeline-scroll').getBoundingClientRect().left;
    return [...document.querySelectorAll('#timeline .lane-label')].map((l) => Math.round(l.getBoundingClientRect().left - left));
  });
  const before = await edges();
  expect(before).toHaveLength(3);
  await scroller.evaluate((s) => { s.scrollLeft = 500; });
  await expect.poll(() => scroller.evaluate((s) => s.scrollLeft)).toBe(500);
  await expect.poll(edges).toEqual(before);
  expect(before.every((x) => x >= 0 && x < 20)).toBe(true);
});

test('a long explanation shows its first lines and Read more, so Run stays on a laptop\'s first screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  const explanation = page.locator('#explanation');
  const more = page.locator('#explanation-more');
  // The first example's fits: nothing to unfold.
  await expect(more).toBeHidden();
  await page.getByLabel('Example').selectOption('starve');
  await expect(more).toHaveText('Read more');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const lines = () => explanation.evaluate((p) => Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)));
  expect(await lines()).toBe(3);
  // The whole text is there for a screen reader, and Run is in sight.
  await expect(explanation).toContainText('the same Rust prints “Loop done” before “Timer 1 done”.');
  expect(await page.locator('#run').evaluate((b) => b.getBoundingClientRect().bottom)).toBeLessThan(720);
  await more.click();
  await expect(more).toHaveText('Read less');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  expect(await lines()).toBeGreaterThan(8);
  // Another example: folded again; a short one offers nothing.
  await page.getByLabel('Example').selectOption('overdue');
  await expect(more).toHaveText('Read more');
  expect(await lines()).toBe(3);
  await page.getByLabel('Example').selectOption('sequential');
  await expect(more).toBeHidden();
});

test('every piece of code an example\'s explanation names is in its panels (in one promise style or the other)', async ({ page }) => {
  await openPlayground(page);
  const missing = await page.evaluate(() => {
    const pg = window.playground;
    return pg.presets().flatMap(({ id }) => {
      const panels = ['then', 'await'].flatMap((promiseStyle) => Object.values(pg.code({ preset: id, promiseStyle })).map((c) => c.code)).join('\n');
      // Calls, macros, snake_case names, and the two ways a promise yields.
      const named = pg.explain(id).matchAll(/\.then\(\(\) => null\)|await null|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[a-zA-Z_]\w*!|\b[a-zA-Z_][\w.]*\(/g);
      return [...new Set([...named].map((m) => m[0]))].filter((code) => !panels.includes(code)).map((code) => `${id}: ${code}`);
    });
  });
  // Named on purpose, from outside the panels: tokio's way out of blocking,
  // the other executor, and the lost wake's fix.
  expect(missing).toEqual(['blocking: spawn_blocking', 'starve: spawn_local', 'overdue: spawn_local', 'lost-wake: cx.waker(']);
});

test('at a laptop\'s width long code lines wrap: no panel hides the end of a line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // The plain panels (the embed's, and the page's before its editors come)
  // and the editors, all three lanes side by side.
  await page.goto('/embed.html#preset=sequential&clock=virtual&style=then');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  const hidden = () => page.evaluate(() => [...document.querySelectorAll('.lane .code, .lane .cm-scroller')]
    .filter((panel) => panel.scrollWidth > panel.clientWidth + 1).map((panel) => panel.closest('.lane').dataset.lane));
  const wrapped = () => page.evaluate(() => {
    const line = [...document.querySelectorAll('#lane-promises .line, #lane-promises .cm-line, section[data-lane="promises"] .line, section[data-lane="promises"] .cm-line')]
      .find((l) => l.textContent.includes('return new Promise'));
    return line ? Math.round(line.getBoundingClientRect().height / parseFloat(getComputedStyle(line).lineHeight)) : null;
  });
  expect(await page.locator('.lane .line').count()).toBeGreaterThan(20);
  expect(await hidden()).toEqual([]);
  expect(await wrapped()).toBe(2);
  await openPlayground(page);
  expect(await hidden()).toEqual([]);
  expect(await wrapped()).toBe(2);
});

test('the summary says why the lanes differ, from what they recorded', async ({ page }) => {
  await openPlayground(page);
  const sentence = page.locator('#summary-sentence');
  await page.getByLabel('Example').selectOption('lazy');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(sentence).toHaveText('The Rust futures lane logged its last line at 350 ms, the JS lanes at 200 ms, because the Rust futures '
    + 'lane set Timer 2 at 200 ms, the JS lanes at 0 ms: a Rust async fn or block runs only when its executor polls it (a JS async '
    + 'function starts when it is called).');
  await page.getByLabel('Example').selectOption('early-sleep');
  await page.getByRole('button', { name: 'Run' }).click();
  // The later sleeps are past their deadlines when first polled: Ready at once.
  await expect(sentence).toHaveText('Every lane logged its last line at 200 ms; the Rust task was polled 2 times for 1 wake.');
  // lost-wake: the page names the stuck task and why.
  await page.getByLabel('Example').selectOption('lost-wake');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(sentence).toHaveText('Task 1 is Pending and nothing holds its waker: it will never be polled again; '
    + 'the JS lanes stall the same way: their timers fired, and nothing went on.');
  await seekEnd(page);
  await expect(page.locator('#inside-rust')).toContainText('stuck: lost its waker');
});

test('a share link reproduces the scenario and options', async ({ page, context }) => {
  await openPlayground(page);
  await page.getByLabel('Example').selectOption('join');
  await page.getByLabel('Timer 2 (ms)').fill('250');
  await page.getByRole('radio', { name: 'async/await' }).check();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(logTime(page, 'futures')).toHaveText('250 ms');
  const link = page.url();
  await page.close();
  const again = await openPlayground(await context.newPage(), link);
  await expect(again.getByLabel('Example')).toHaveValue('join');
  await expect(again.getByLabel('Timer 2 (ms)')).toHaveValue('250');
  await expect(again.getByRole('radio', { name: 'async/await' })).toBeChecked();
  await expect(logTime(again, 'promises')).toHaveText('250 ms');
  await expect(again.locator('#code-promises')).toContainText('await Promise.all');
});

test('the seed shows for a select! without biased;, goes into the link, and a bad one is refused', async ({ page }) => {
  await openPlayground(page);
  // The notes' example draws nothing: no seed.
  await expect(page.getByLabel('Seed')).toBeHidden();
  await openPlayground(page, '/#clock=virtual&style=then&seed=5&s=Q(U(M(S(A,10),Q(L(A%20won))),M(S(B,10),Q(L(B%20won)))))');
  await expect(page.getByLabel('Seed')).toBeVisible();
  await expect(page.getByLabel('Seed')).toHaveValue('5');
  await page.getByRole('button', { name: 'New seed' }).click();
  await expect(page.getByLabel('Seed')).toHaveValue('6');
  await expect.poll(() => page.url()).toContain('seed=6&');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#trace-futures li[data-kind="log"]')).toHaveCount(1);
  // Out of range: said with its range; the last good seed stays in the link.
  await page.getByLabel('Seed').fill('-3');
  await page.getByLabel('Seed').press('Tab');
  await expect(page.getByRole('alert')).toHaveText('Seed: must be a whole number from 0 to 4294967295');
  expect(page.url()).toContain('seed=6&');
  await page.getByLabel('Seed').fill('0');
  await page.getByLabel('Seed').press('Tab');
  await expect(page.getByRole('alert')).toBeHidden();
  // Seed 0 is the first: links leave it out.
  await expect.poll(() => page.url()).not.toContain('seed=');
});

test('a share link with a decimal reads it exactly: 7.00000 is 7', async ({ page }) => {
  await openPlayground(page, '/#s=Q(S(T,7.00000),L(done))');
  await expect(page.getByLabel('T (ms)')).toHaveValue('7');
  await expect(page.getByRole('alert')).toBeHidden();
  for (const id of ['callbacks', 'promises', 'futures']) await expect(logTime(page, id), id).toHaveText('7 ms');
});

test('showing a run leaves its traces as they were recorded', async ({ page }) => {
  await openPlayground(page);
  // The views (the timeline pairs wakes with polls) work on copies: what
  // lastRun() and the exports give is the trace format, nothing added.
  const extra = await page.evaluate(() => {
    const known = new Set(['seq', 't', 'kind', 'task', 'timer', 'by', 'by_task', 'outcome', 'label', 'step', 'line',
      'size', 'turn', 'tasks', 'queued', 'addr', 'result', 'combinator', 'child', 'ms', 'deadline', 'late', 'delay',
      'text', 'name', 'handler', 'variant', 'point', 'waker', 'callback']);
    const run = window.playground.lastRun();
    return Object.values(run).flatMap((trace) => trace.events.flatMap((e) => Object.keys(e).filter((k) => !known.has(k))));
  });
  expect(extra).toEqual([]);
});

test('the exports download and parse: JSON, Chrome trace, Markdown transcript', async ({ page }) => {
  await openPlayground(page);
  const download = async (name) => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    return JSON.parse(await readFile(await (await downloaded).path(), 'utf8'));
  };
  const run = await download('Export JSON');
  expect(Object.keys(run)).toEqual(['callbacks', 'promises', 'futures']);
  expect(run.futures.version).toBe(6);
  const trace = await download('Export Chrome trace');
  expect(trace.traceEvents.length).toBeGreaterThan(10);
  for (const e of trace.traceEvents) {
    expect(Object.keys(e), JSON.stringify(e)).toEqual(expect.arrayContaining(['ph', 'pid', 'tid']));
    if (e.ph !== 'M') expect(typeof e.ts, JSON.stringify(e)).toBe('number');
  }
  // The Markdown transcript: a heading, the link, then one line per step of the replay.
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown transcript' }).click();
  const md = await readFile(await (await downloaded).path(), 'utf8');
  const lines = md.trimEnd().split('\n');
  expect(lines[0]).toBe('## Sequential timers');
  expect(lines[2]).toMatch(/^\[Open this run in the futures playground\]\(<http:\/\/127\.0\.0\.1:\d+\/#preset=sequential&/);
  const steps = await page.locator('#scrubber').getAttribute('max');
  expect(lines.slice(4)).toHaveLength(Number(steps) + 1);
  expect(lines.at(-1)).toMatch(/^- 350 ms, (Callbacks|Promises|Rust futures): /);
});

test('bad input shows an alert naming the field and keeps the last run', async ({ page }) => {
  await openPlayground(page);
  const alert = page.getByRole('alert');
  const run = page.getByRole('button', { name: 'Run' });
  const input = page.getByLabel('Timer 1 (ms)');
  for (const [value, message] of [
    ['-5', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got -5'],
    ['99999999', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got 99999999'],
    ['1.5', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got 1.5, which is not whole'],
    ['', 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got nothing'],
  ]) {
    await input.fill(value);
    await expect(alert).toHaveText(message);
    await expect(run).toBeDisabled();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(logTime(page, 'futures'), 'the last good run stays').toHaveText('350 ms');
    await expect(page.locator('#code-futures'), 'and its code').toContainText('sleep_ms(200)');
  }
  // Typed text that is no number reads as an empty field in a browser;
  // the message says what is there.
  await input.fill('');
  await input.pressSequentially('1e');
  await expect(alert).toHaveText('Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got text, not a number');
  await expect(run).toBeDisabled();
  await input.fill('20');
  await expect(alert).toBeHidden();
  await expect(run).toBeEnabled();
  // Enter in the field runs it, as a form's field submits the form.
  await input.press('Enter');
  await expect(logTime(page, 'futures')).toHaveText('170 ms');
  await expect(page.locator('#program-status')).toHaveAttribute('data-state', 'current');
});

test('bad and hostile links are refused or shown as text, never as markup', async ({ context, problems }) => {
  const cases = [
    ['#s=Q(S(Timer%201,-5))', 'scenario.steps[0].ms: must be a whole number of milliseconds from 0 to 60000, got -5'],
    ['#s=Z(', 'Link: s: is not a program this page can read: expected a step (S, L, V, B, Y, Q, A, J, R, U, M, C, F, G, K, P, T, W, X, D, N, H or E) at character 1'],
    ['#s=Q(S(A,1),S(A,2))', 'is used by another timer'],
    ['#preset=nope', 'Link: preset must be one of'],
    ['#preset=nope', 'Link: preset must be one of sequential, join, race, cancel-at-await, lazy, nested, spawn, early-sleep, blocking, starve, overdue, lost-wake, self-ref, interop; the first, sequential, is shown'],
    ['#clock=fast', 'Link: clock must be "real" or "virtual"; the virtual clock is used'],
    ['#style=later', 'Link: style must be "then" or "await"; "then" is used'],
    ['#seed=-1', 'Link: seed must be a whole number from 0 to 4294967295; seed 0 is used'],
    [`#s=${'Q('.repeat(5000)}`, 'Link: s: is 10000 bytes long'],
    [`#s=${'Q('.repeat(30)}`, 'Link: s: is nested deeper than 12 levels'],
  ];
  for (const [hash, message] of cases) {
    const name = hash.slice(0, 40);
    const page = await openPlayground(await context.newPage(), `/${hash}`);
    await expect(page.getByRole('alert'), name).toContainText(message);
    await expect(logTime(page, 'futures'), `${name}: the default example ran`).toHaveText('350 ms');
    await expect(page.getByRole('button', { name: 'Run' }), `${name}: the example shown can run`).toBeEnabled();
    // Said with the controls (off a phone's first screen): the line in the bar points at it.
    await expect(page.locator('#program-status'), name).toHaveText(/^Up to date: .* Part of the link was not used: the red message above says why\.$/);
    // And Run runs it: the link's message is no error of the program's.
    await page.evaluate(() => { window.shownRun = window.playground.lastRun(); });
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => page.evaluate(() => window.playground.lastRun() !== window.shownRun), `${name}: Run ran`).toBe(true);
    await expect(page.locator('#program-status'), name).toHaveText(/^Up to date/);
    await expect(page.getByRole('alert'), `${name}: the link's message went with the run it was about`).toBeHidden();
    await expect(page.locator('#program-status'), name).not.toContainText('Part of the link');
    expect(problems, name).toEqual([]);
    await page.close();
  }
  // A bad preset beside a program of the link's own: that program is shown, not the first example.
  const own = await openPlayground(await context.newPage(), '/#preset=nope&s=Q(S(A,5),L(x))');
  await expect(own.getByRole('alert')).toHaveText(/^Link: preset must be one of [a-z-, ]+interop$/);
  await expect(logTime(own, 'futures')).toHaveText('5 ms');
  await own.close();
  const hostile = '/#s=Q(S(%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E,20),L(%3Cb%3Ebold%3C%2Fb%3E))';
  const page = await openPlayground(await context.newPage(), hostile);
  await expect(page.getByLabel('<img src=x onerror=alert(1)> (ms)')).toBeVisible();
  await expect(page.locator('main img, main b'), 'no markup from a label').toHaveCount(0);
  await expect(page.getByText('text=<b>bold</b>').first()).toBeVisible();
});

test('no serious or critical accessibility violations (axe-core)', async ({ page }) => {
  await openPlayground(page);
  // Evaluated, not a <script> tag: the page's CSP allows no inline script.
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`)).toEqual([]);
});

for (const [name, options] of [
  ['light', { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }],
  ['dark', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' }],
  ['phone', { viewport: { width: 390, height: 844 }, colorScheme: 'light', isMobile: true }],
]) {
  test.describe(() => {
    test.use(options);

    test(`screenshot: ${name}`, async ({ page }) => {
      await openPlayground(page);
      await mkdir(ARTIFACTS, { recursive: true });
      const png = await page.screenshot({ path: fileURLToPath(new URL(`screenshot-${name}.png`, ARTIFACTS)), fullPage: true });
      // The picture is the whole page (PNG's header: width, then height).
      const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], 'the screenshot is the whole page').toEqual(size);
      // What it shows: the run, and the colour scheme asked for, page and editors alike.
      for (const id of ['callbacks', 'promises', 'futures']) await expect(logTime(page, id), id).toHaveText('350 ms');
      await expect(page.getByRole('status', { name: 'What happened' })).toHaveText(/^0 ms: /);
      const shades = await page.evaluate(() => {
        /** Relative luminance of a computed `rgb(...)` colour, 0 (black) to 1 (white). */
        const luminance = (color) => {
          const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((c) => {
            const v = Number(c) / 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const style = (el) => getComputedStyle(/** @type {Element} */ (el));
        return {
          background: luminance(style(document.body).backgroundColor),
          text: luminance(style(document.body).color),
          editor: luminance(style(document.querySelector('.cm-editor .cm-content')).color),
        };
      });
      if (name === 'dark') {
        expect(shades.background, 'a dark page').toBeLessThan(0.05);
        expect(shades.text, 'light text').toBeGreaterThan(0.5);
        expect(shades.editor, 'the editors are dark too: light code').toBeGreaterThan(0.3);
      } else {
        expect(shades.background, 'a light page').toBeGreaterThan(0.9);
        expect(shades.text, 'dark text').toBeLessThan(0.1);
        expect(shades.editor, 'dark code').toBeLessThan(0.2);
      }
      if (name !== 'phone') {
        const tops = await page.locator('.lanes > .lane:not([hidden])').evaluateAll((ls) => ls.map((l) => Math.round(l.getBoundingClientRect().top)));
        expect(new Set(tops).size, `the three lanes side by side at 1280 px: tops ${tops}`).toBe(1);
      }
      if (name === 'phone') {
        const widths = await page.locator('.lane:not([hidden])').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect().width));
        expect(widths.every((w) => w > 300), `lanes stack at phone width: ${widths}`).toBe(true);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, 'no sideways scrolling').toBeLessThanOrEqual(390);
      }
    });
  });
}

test('a wasm trap is reported and the next Run restarts the module', async ({ page }) => {
  await openPlayground(page);
  const message = await page.evaluate(() => {
    try {
      window.playground.debugTrap();
      return 'no trap';
    } catch (error) {
      return `${error.constructor.name}: ${error.message}`;
    }
  });
  expect(message).toMatch(/^RuntimeError: unreachable/);
  await expect(page.getByRole('alert')).toHaveText(/The wasm module stopped \(unreachable.*\)\. Press Run to restart it\./);
  await expect(logTime(page, 'futures'), 'the last run stays on screen').toHaveText('350 ms');
  await expect(page.locator('#program-status')).toHaveText('The wasm module stopped: press Run to restart it. Until then, the views show the run before it stopped.');
  // Run, at once: the message said to press it.
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(logTime(page, 'futures')).toHaveText('350 ms');
  // And again after a trap and an edit.
  await page.evaluate(() => {
    try {
      window.playground.debugTrap();
    } catch {
      // The trap, reported on the page.
    }
  });
  await expect(page.getByRole('alert')).toHaveText(/Press Run to restart it/);
  await page.getByLabel('Timer 3 (ms)').fill('70');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(logTime(page, 'futures')).toHaveText('370 ms');
  await expect(page.getByRole('alert')).toBeHidden();
  const again = await page.evaluate(() => window.playground.run({ preset: 'join' }));
  expect(again.futures.events.find((e) => e.kind === 'log').t).toBe(200);
});

test('the timeline stays readable from 10 ms to 60 s runs', async ({ page }) => {
  await openPlayground(page);
  for (const [timings, last] of [[[4, 3, 3], '10 ms'], [[20000, 20000, 20000], '60 s']]) {
    const inputs = page.locator('#timings-list input');
    for (const [i, ms] of timings.entries()) await inputs.nth(i).fill(String(ms));
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(logTime(page, 'futures')).toHaveText(last);
    const ticks = await page.locator('#timeline .tick-label').allTextContents();
    expect(ticks.length, `${ticks}`).toBeGreaterThanOrEqual(4);
    expect(ticks.length, `${ticks}`).toBeLessThanOrEqual(12);
    expect(new Set(ticks).size, `distinct tick labels: ${ticks}`).toBe(ticks.length);
    for (const tick of ticks) expect(tick, `${ticks}`).toMatch(/^\d+(\.\d+)? (ms|s)$/);
  }
});
