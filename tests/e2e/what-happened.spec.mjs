// What happened: one plain-English sentence for every step of the replay
// (web/replay/sentences.js, through the replay model), in a live region named "What happened" beside the
// replay controls. The wording, run here in Node over real traces: every step
// of every preset (both clocks, both promise styles) and of 50 random
// programs has a sentence of its own, never a fallback, never "undefined";
// every kind docs/trace-format.md lists is worded, the ones no preset makes
// through hand-made traces. Then the page: the region follows Step
// back/forward, the keyboard, the scrubber and Play, on both clocks and at
// phone width, and reads as expected at the steps a learner looks at.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test, expect, openPlayground } from './fixtures.mjs';
import { seekTo, runOnRealClock } from './replay-steps.mjs';
import { buildReplay } from '../../web/replay/index.js';
import { formatMs } from '../../web/dom.js';
import { random, scenario } from '../random-scenario.mjs';

const require = createRequire(import.meta.url);

/** The region, by its role and accessible name. */
const region = (page) => page.getByRole('status', { name: 'What happened', exact: true });

// ---- The wording, over real and hand-made traces ----

/** What is wrong with the sentences of a run, if anything; adds each
 * `lane:kind` worded to `seen`. */
function check(result, name, seen) {
  const problems = [];
  buildReplay(result).forEach(({ entry: { lane, event }, told: { text, fallback } }, p) => {
    const at = `${name} @${p} (${lane} ${event.kind}): ${JSON.stringify(text)}`;
    if (fallback) problems.push(`no sentence of its own: ${at}`);
    else seen.add(`${lane}:${event.kind}`);
    if (!/^\d+(\.\d+)? m?s: \S.{20,}\.$/.test(text)) problems.push(`not "<time>: <sentence>.": ${at}`);
    // (`await null` is code: the Promises panel's yield.)
    if (/undefined|NaN|(?<!await )null|\[object|Infinity/.test(text)) problems.push(`a missing value: ${at}`);
    if (!text.startsWith(`${formatMs(event.t)}: `)) problems.push(`not the event's time: ${at}`);
  });
  return problems;
}


/** A run of hand-made events, one lane's, with `seq` filled in. */
function handMade(lane, events, clock = 'virtual') {
  const trace = (l) => ({
    version: 3, lane: l, clock, events: l === lane ? events.map((e, seq) => ({ seq, ...e })) : [],
  });
  return { callbacks: trace('callbacks'), promises: trace('promises'), futures: trace('futures') };
}

// What no preset makes: the lost wake (as crates/runtime/tests/wakers.rs
// records it), wakes by the task itself, by another task, of a finished
// task, and one already queued; a yield and the macrotask batch after it; a
// dropped task; a block; a timeout re-armed in chunks.
const LOST_WAKE = handMade('futures', [
  { t: 0, kind: 'spawn', task: 1, size: 16 },
  { t: 0, kind: 'batch', turn: 'microtask', tasks: 1 },
  { t: 0, kind: 'poll_start', task: 1, addr: 1024 },
  { t: 0, kind: 'poll_end', task: 1, result: 'pending' },
  { t: 0, kind: 'lost_waker', task: 1 },
]);
const RUST_RARE = handMade('futures', [
  { t: 0, kind: 'spawn', task: 1, size: 16 },
  { t: 0, kind: 'spawn', task: 2, size: 16 },
  { t: 0, kind: 'batch', turn: 'microtask', tasks: 2 },
  { t: 0, kind: 'poll_start', task: 1, addr: 1024 },
  { t: 0, kind: 'wake', task: 1, by: 'self', outcome: 'queued' },
  { t: 0, kind: 'block', task: 1, ms: 30 },
  { t: 30, kind: 'poll_end', task: 1, result: 'pending' },
  { t: 30, kind: 'poll_start', task: 2, addr: 2048 },
  { t: 30, kind: 'wake', task: 1, by: 'task', by_task: 2, outcome: 'already_queued' },
  { t: 30, kind: 'timer_set', timer: 1, task: 2, ms: 3e9, deadline: 3e9 + 30, label: 'Timer 1' },
  { t: 30, kind: 'poll_end', task: 2, result: 'pending' },
  { t: 30, kind: 'reactor_arm', deadline: 3e9 + 30, delay: 2147483647 },
  { t: 30, kind: 'yield', queued: 1, limit: 'time' },
  { t: 31, kind: 'batch', turn: 'macrotask', tasks: 1 },
  { t: 31, kind: 'poll_start', task: 1, addr: 1024 },
  { t: 31, kind: 'poll_end', task: 1, result: 'ready' },
  { t: 32, kind: 'wake', task: 1, by: 'external', outcome: 'ignored' },
  { t: 32, kind: 'task_drop', task: 2 },
  { t: 32, kind: 'timer_cancel', timer: 1, label: 'Timer 1' },
  { t: 32, kind: 'reactor_clear' },
], 'real');
const jsBlock = (lane) => handMade(lane, [
  { t: 0, kind: 'script_start' },
  { t: 0, kind: 'block', ms: 100, step: [0], line: 1 },
  { t: 100, kind: 'script_end' },
]);
const JS_BLOCK = jsBlock('callbacks');

/** The kinds docs/trace-format.md lists, per lane, from its tables. */
async function documentedKinds() {
  const doc = await readFile(new URL('../../docs/trace-format.md', import.meta.url), 'utf8');
  const lanesOf = {
    'Kinds every lane emits': ['callbacks', 'promises', 'futures'],
    'Kinds of both JS lanes': ['callbacks', 'promises'],
    'Kinds of the Promises lane': ['promises'],
    'Kinds of the Rust lane': ['futures'],
  };
  const kinds = [];
  for (const section of doc.split(/^## /m)) {
    const lanes = lanesOf[section.split('\n')[0].trim()];
    if (!lanes) continue;
    for (const [, kind] of section.matchAll(/^\| `(\w+)` \|/gm)) kinds.push(...lanes.map((lane) => `${lane}:${kind}`));
  }
  return kinds;
}

test('every step of every preset, both clocks and both styles, and of 50 random programs, has its sentence', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const next = random(0x3a7e);
  const scenarios = Array.from({ length: 50 }, () => scenario(next));
  const runs = await page.evaluate(async (list) => {
    const out = [];
    for (const { id } of window.playground.presets()) {
      for (const clock of ['virtual', 'real']) {
        for (const promiseStyle of ['then', 'await']) {
          const options = { preset: id, clock, promiseStyle };
          out.push({ name: JSON.stringify(options), result: await window.playground.run(options) });
        }
      }
    }
    for (const [i, s] of list.entries()) {
      for (const promiseStyle of ['then', 'await']) {
        out.push({ name: `random ${i} ${promiseStyle} ${JSON.stringify(s)}`, result: await window.playground.run({ scenario: s, promiseStyle }) });
      }
    }
    return out;
  }, scenarios);
  expect(runs.length, '7 presets or more, 4 ways each, and 100 random runs').toBeGreaterThanOrEqual(7 * 4 + 100);
  const seen = new Set();
  const problems = runs.flatMap(({ name, result }) => check(result, name, seen));
  problems.push(...check(LOST_WAKE, 'lost wake', seen), ...check(RUST_RARE, 'rare Rust kinds', seen), ...check(JS_BLOCK, 'JS block', seen), ...check(jsBlock('promises'), 'JS block', seen));
  expect(problems).toEqual([]);
  // Every kind of every lane in docs/trace-format.md has been worded.
  const documented = await documentedKinds();
  expect(documented.length, 'the kinds read from the tables').toBeGreaterThan(30);
  const missing = documented.filter((k) => !seen.has(k));
  expect(missing, 'kinds documented but never worded (add a run or a hand-made trace that has them)').toEqual([]);
});

test('a kind the page does not know still reads, but is marked a fallback', () => {
  const run = handMade('futures', [{ t: 12, kind: 'teleport', task: 3, step: [0] }]);
  expect(buildReplay(run)[0].told).toEqual({
    text: '12 ms: the Rust futures lane recorded a “teleport” event (task 3).',
    fallback: true,
  });
  expect(check(run, 'unknown', new Set())).toEqual([expect.stringMatching(/^no sentence of its own/)]);
});

test('the rare kinds read true to what they mean', () => {
  const say = (run) => buildReplay(run).map((at) => at.told.text);
  expect(say(LOST_WAKE).at(-1)).toBe('0 ms: task 1 is waiting and nothing holds its waker: it will never be polled again '
    + '(its last poll returned Pending without keeping cx.waker()).');
  const rare = say(RUST_RARE);
  expect(rare[4]).toBe('0 ms: task 1 woke its own waker during its poll (as yield_now does): the executor marks it woken, and puts it '
    + 'back on the ready queue for the next batch if this poll returns Pending (as tokio does; the twin of a promise reaction joining '
    + 'the microtask queue).');
  expect(rare[6]).toBe('30 ms: task 1\'s poll returned Pending; it woke itself during the poll, so the executor puts it back on the '
    + 'ready queue now, for the next batch.');
  expect(rare[5]).toMatch(/^0 ms: during task 1's poll, block_ms\(30\) kept the thread busy for 30 ms: nothing else runs meanwhile/);
  expect(rare[8]).toBe('30 ms: task 2 woke task 1\'s waker during its poll, but it was already on the ready queue: '
    + 'this wake adds no poll (many wakes, one poll).');
  expect(rare[11]).toMatch(/call back in 2147483.6 s \(the browser's longest delay: it re-arms in chunks\)\.$/);
  expect(rare[12]).toBe('30 ms: our executor used up its time slice (8 ms of polling per browser task), so it yields: it asks the '
    + 'browser for a new browser task and stops. The 1 Rust task queued waits for that one; meanwhile the browser may run timers that are due and paint the page.');
  expect(rare[13]).toMatch(/^31 ms: our executor's turn begins in a new browser task, after its yield/);
  expect(rare[16]).toMatch(/^32 ms: something outside our executor .* woke task 1's waker, but it has finished: the wake does nothing\.$/);
  expect(rare[17]).toMatch(/^32 ms: task 2 was dropped before it finished/);
  expect(say(JS_BLOCK)[1]).toMatch(/^0 ms: the script kept the thread busy for 100 ms \(a busy loop\)/);
});

// ---- The region on the page ----

test('What happened is a polite live region, and changes on every step of the default example', async ({ page }) => {
  await openPlayground(page);
  const what = region(page);
  await expect(what).toHaveAttribute('aria-live', 'polite');
  // A run opens at its first step, and says it.
  await expect(what).toHaveText("0 ms: this lane's first task: the Callbacks panel's script starts, top to bottom.");
  const count = Number(await page.getByLabel('Replay position').getAttribute('max')) + 1;
  await page.getByLabel('Replay position').fill(String(count - 1));
  await expect(what).toHaveText("350 ms: task 1's poll 4 returned Ready: run() is done, and its future is dropped.");
  await page.getByLabel('Replay position').fill('0');
  await expect(what).toHaveText("0 ms: this lane's first task: the Callbacks panel's script starts, top to bottom.");
  const forward = page.getByRole('button', { name: 'Step forward' });
  let previous = await what.textContent();
  for (let i = 1; i < count; i += 1) {
    await forward.click();
    await expect(page.locator('#position')).toHaveText(new RegExp(`^Event ${i + 1} of ${count},`));
    await expect(what, `step ${i + 1}`).not.toHaveText(previous);
    previous = await what.textContent();
    expect(previous, `step ${i + 1}`).toMatch(/^\d+ ms: \S.{20,}\.$/);
  }
  // Step back, and the keyboard, change it too.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(what).toHaveText("350 ms: run()'s state machine is now Returned: its body has run to the end.");
  await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement).blur());
  await page.keyboard.press('ArrowRight');
  await expect(what).toHaveText(previous);
});

test('the steps a learner looks at read as expected', async ({ page }) => {
  await openPlayground(page);
  const what = region(page);
  await seekTo(page, /timer_set in Promises at 0 ms/);
  await expect(what).toHaveText('0 ms: the script called timer(200), which made a promise and called setTimeout for Timer 1: '
    + 'a browser timer of its own, held in Web APIs until 200 ms.');
  await seekTo(page, /reactor_arm in Rust futures at 0 ms/);
  await expect(what).toHaveText('0 ms: our reactor armed its one browser setTimeout for the earliest deadline, 200 ms, to call back in 200 ms.');
  // The Promises lane's Timer 1: its promise fulfils, its reaction is queued.
  await seekTo(page, /enqueue in Promises at 200 ms/);
  await expect(what).toHaveText("200 ms: Timer 1's callback fulfilled the promise from timer(200), so its .then callback on line 6 "
    + 'joined the microtask queue.');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(what).toHaveText("200 ms: Timer 1's callback returned: it queued 1 reaction to the promise from timer(200); "
    + 'the microtask queue runs next: the .then callback on line 6.');
  // The Rust lane's Timer 1: the reactor's one setTimeout, then task 1's waker.
  await seekTo(page, /timer_fired in Rust futures at 200 ms/);
  await expect(what).toHaveText("200 ms: the browser ran the reactor's one setTimeout; Timer 1 expired, and the reactor calls "
    + 'the waker it kept for task 1.');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(what).toHaveText("200 ms: Timer 1's waker put task 1 on the executor's ready queue (the twin of a promise reaction "
    + 'joining the microtask queue).');
  await seekTo(page, /poll_end in Rust futures at 200 ms/);
  await expect(what).toHaveText("200 ms: task 1's poll returned Pending: run() stays suspended at line 5 (Suspend1); it waits for "
    + 'Timer 2 (due at 300 ms), and the reactor keeps its waker.');
  // The await style: the await resumes as a microtask.
  await page.getByRole('radio', { name: 'async/await' }).check();
  const run = page.getByRole('button', { name: 'Run' });
  await run.click();
  await expect(run).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#code-promises')).toContainText('await timer(200)');
  await seekTo(page, /enqueue in Promises at 300 ms/);
  await expect(what).toHaveText("300 ms: Timer 2's callback fulfilled the promise from timer(100), so the resumption of the await "
    + 'on line 7 joined the microtask queue.');
  // select! drops its losers, in the race example.
  await page.getByLabel('Example').selectOption('race');
  await expect(run).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#trace-futures li[data-kind="timer_cancel"]')).toHaveCount(2);
  await seekTo(page, /timer_cancel in Rust futures at 50 ms/);
  await expect(what).toHaveText('50 ms: select! dropped its losing branches, and with this one the Sleep it waited on, so our reactor removed Timer 1: '
    + 'it will never fire.');
});

test('it follows the scrubber and Play on the Real clock, at phone width, and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  const what = region(page);
  await runOnRealClock(page);
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).not.toHaveText('350 ms');
  // The scrubber: a real-clock time, the actors of that step.
  await seekTo(page, /timer_set in Callbacks at [\d.]+ ms/);
  await expect(what).toHaveText(/^[\d.]+ ms: the script called setTimeout for Timer 1 \(30 ms\): the browser holds it in Web APIs until [\d.]+ ms\.$/);
  // Fits the phone's width, beside the controls.
  const box = await what.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390, `inside the viewport: ${JSON.stringify(box)}`).toBe(true);
  // Play runs to the end; the region follows it, every step.
  const texts = new Set();
  await page.exposeFunction('__whatSaid', (text) => texts.add(text));
  await page.evaluate(() => new MutationObserver(() => window.__whatSaid(document.querySelector('#what-happened').textContent))
    .observe(document.querySelector('#what-happened'), { childList: true, characterData: true, subtree: true }));
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('#position')).toHaveText(/Event (\d+) of \1,/);
  expect(texts.size, 'Play showed many steps').toBeGreaterThan(20);
  for (const text of texts) expect(text).toMatch(/^[\d.]+ m?s: \S.{20,}\.$/);
  // Accessible: no serious or critical axe-core violation, as page.spec.mjs checks.
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`)).toEqual([]);
});
