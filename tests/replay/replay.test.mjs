// The replay model (web/replay/) in plain Node: a run folded once into one
// snapshot per position. Over the golden traces (tests/golden/, recorded by
// the page) and hand-made ones: what each position holds, exactly, and that
// folding on never changes a snapshot already taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildReplay, merge } from '../../web/replay/index.js';

/** @param {string} name a file of tests/golden/ */
const golden = (name) => JSON.parse(readFileSync(new URL(`../golden/${name}.json`, import.meta.url), 'utf8'));

/** `run` with only `lane`'s events (the others empty). */
function only(run, lane) {
  return Object.fromEntries(Object.entries(run).map(([l, trace]) => [l, { ...trace, events: l === lane ? trace.events : [] }]));
}

/** A run of hand-made events in `lane`, with `seq` filled in. */
function handMade(lane, events) {
  const trace = (l) => ({ version: 4, lane: l, clock: 'virtual', events: l === lane ? events.map((e, seq) => ({ seq, ...e })) : [] });
  return { callbacks: trace('callbacks'), promises: trace('promises'), futures: trace('futures') };
}

test('the notes\' example in the Rust lane: every position\'s tasks, timers, timeout, variant and line', () => {
  const replay = buildReplay(only(golden('sequential-then'), 'futures'));
  assert.equal(replay.length, 30);
  assert.deepEqual(replay.map((at) => at.position), [...Array(30).keys()]);
  // run()'s state machine: Unresumed until the first poll reports Suspend0.
  assert.deepEqual(replay.map((at) => at.variant), [
    ...Array(4).fill('Unresumed'), ...Array(8).fill('Suspend0'), ...Array(8).fill('Suspend1'),
    ...Array(8).fill('Suspend2'), 'Returned', 'Returned',
  ]);
  // After the first poll: waiting on Timer 1, whose waker the reactor keeps.
  assert.deepEqual(replay[5].rust.tasks, [{ id: 1, state: 'waiting', polls: 1, wakes: 0, machine: { variant: 'Suspend0', line: 4 } }]);
  assert.deepEqual(replay[5].rust.timerQueue, [{ timer: 1, label: 'Timer 1', deadline: 200, waker: 'task', task: 1 }]);
  assert.equal(replay[5].rust.armed, null);
  assert.deepEqual(replay[6].rust.armed, { deadline: 200, delay: 200 });
  // At 200 ms the timeout fires: the timer leaves the queue, the timeout is spent.
  assert.deepEqual(replay[7].rust.timerQueue, []);
  assert.equal(replay[7].rust.armed, null);
  assert.equal(replay[7].told.text, '200 ms: the browser ran the reactor\'s one setTimeout; Timer 1 expired, and the reactor '
    + 'calls the waker it kept for task 1.');
  // The wake queues the task; its poll takes it off the ready queue.
  assert.deepEqual(replay[8].places.futures.ready, [1]);
  assert.equal(replay[8].rust.tasks[0].state, 'queued');
  assert.deepEqual(replay[10].places.futures.ready, []);
  assert.deepEqual(replay[10].places.futures.polling.map((t) => t.id), [1]);
  // The highlighted line: the latest event that ran code there (a state is not one).
  assert.equal(replay[3].lines.futures, 4);
  assert.equal(replay[12].lines.futures, 5);
  assert.equal(replay[27].lines.futures, 7);
  assert.equal(replay[27].told.text, '350 ms: during task 1\'s poll, run() logged “I\'m the last one”.');
  // The end: done after 4 polls for 3 wakes, and every place empty.
  const end = replay[29];
  assert.deepEqual(end.rust.tasks, [{ id: 1, state: 'done', polls: 4, wakes: 3, machine: { variant: 'Returned', line: undefined } }]);
  assert.deepEqual(end.places.futures, { timers: [], armed: null, taskQueue: [], ready: [], polling: [], problems: [] });
  assert.equal(end.current.futures, end.entry.event);
  assert.equal(end.entry.laneName, 'Rust futures');
  assert.equal(end.entry.time, '350 ms');
});

test('the Promises lane: a reaction joins the microtask queue, then runs on the call stack', () => {
  const replay = buildReplay(only(golden('sequential-then'), 'promises'));
  const queued = replay.findIndex((at) => at.entry.event.kind === 'enqueue');
  assert.ok(queued > 0);
  const before = replay[queued - 1].places.promises;
  const after = replay[queued].places.promises;
  assert.equal(after.microtasks.length, before.microtasks.length + 1);
  assert.equal(after.microtasks.at(-1).handler, 'then');
  const ran = replay.findIndex((at, p) => p > queued && at.entry.event.kind === 'reaction');
  assert.deepEqual(replay[ran].places.promises.callStack.map((f) => f.kind), ['job']);
  assert.equal(replay[ran].places.promises.microtasks.length, after.microtasks.length - 1);
  // Timer 1 is in Web APIs until its due time, then its callback runs.
  assert.deepEqual(replay[1].places.promises.webApis.map((t) => [t.label, t.due]), [['Timer 1', 200]]);
  for (const at of replay) assert.deepEqual(at.places.promises.problems, []);
  const end = replay.at(-1).places.promises;
  assert.deepEqual([end.webApis, end.taskQueue, end.microtasks, end.callStack], [[], [], [], []]);
});

test('a due timer waits in the task queue while another lane runs at its time', () => {
  // All three lanes: at 200 ms the callbacks lane runs first, so the
  // Promises lane's Timer 1 is due, not yet fired: in its Task queue.
  const replay = buildReplay(golden('sequential-then'));
  const at = replay.find((s) => s.entry.lane === 'callbacks' && s.entry.event.kind === 'timer_fired');
  assert.deepEqual(at.places.promises.taskQueue.map((t) => t.label), ['Timer 1']);
  assert.deepEqual(at.places.promises.webApis, []);
  assert.deepEqual(at.places.futures.taskQueue, [{ kind: 'reactor', deadline: 200 }]);
});

test('folding on never changes a snapshot already taken', () => {
  for (const name of ['sequential-then', 'join-await', 'race-then', 'self-ref-then', 'blocking-await']) {
    const run = golden(name);
    const replay = buildReplay(run);
    const merged = merge(run);
    assert.equal(replay.length, merged.length);
    for (let p = 0; p < merged.length; p += 1) {
      // The run as it stood after position p, folded on its own.
      const upTo = new Set(merged.slice(0, p + 1).map((m) => m.event));
      const prefix = Object.fromEntries(Object.entries(run).map(([l, t]) => [l, { ...t, events: t.events.filter((e) => upTo.has(e)) }]));
      const alone = buildReplay(prefix).at(-1);
      assert.deepEqual(replay[p], alone, `${name} @${p}`);
    }
  }
});

test('events that break the executor\'s or the event loop\'s rules are named as problems', () => {
  const rust = buildReplay(handMade('futures', [
    { t: 0, kind: 'poll_start', task: 1, addr: 8 },
    { t: 0, kind: 'poll_end', task: 2, result: 'pending' },
    { t: 1, kind: 'timer_fired', timer: 9, late: 0 },
  ]));
  assert.deepEqual(rust.at(-1).places.futures.problems, [
    'futures event 0 (poll_start): the task was not on the ready queue',
    'futures event 1 (poll_end): the task was not being polled',
    'futures event 2 (timer_fired): no such timer was pending',
  ]);
  // Earlier snapshots keep the problems found so far.
  assert.equal(rust[0].places.futures.problems.length, 1);
  const js = buildReplay(handMade('promises', [
    { t: 0, kind: 'reaction', step: [] },
    { t: 0, kind: 'log', text: 'x' },
  ]));
  assert.deepEqual(js.at(-1).places.promises.problems, ['promises event 0 (reaction): started, but the first job queued is none']);
});

test('a kind without a sentence of its own is marked a fallback', () => {
  const [at] = buildReplay(handMade('futures', [{ t: 12, kind: 'teleport', task: 3 }]));
  assert.deepEqual(at.told, { text: '12 ms: the Rust futures lane recorded a “teleport” event (task 3).', fallback: true });
});

/** Every sentence of `lane` in `run`, by position, without the time. */
const sentences = (run, lane) => buildReplay(only(run, lane)).map((at) => at.told.text.replace(/^[^:]*: /, ''));

test('lost-wake says who holds which waker, and that the JS callbacks do nothing', () => {
  const run = golden('lost-wake-then');
  const rust = sentences(run, 'futures');
  // The reactor keeps a waker that wakes nobody; task 1's own is lost at
  // once; the timer fires and wakes nobody: task 1 is never polled again.
  assert.match(rust[3], /registered Timer 1 with our reactor, due at 100 ms; the waker the reactor keeps is the one the Sleep was polled with: Waker::noop\(\), which wakes nobody, not task 1's \(the hand-written future did not pass its cx on\)\.$/);
  assert.match(rust[5], /it waits for Timer 1 \(due at 100 ms\), but for it the reactor holds only Waker::noop\(\), which wakes nobody\.$/);
  assert.equal(rust[6], 'task 1 is waiting and nothing holds its waker: it will never be polled again (its last poll returned Pending without keeping cx.waker()).');
  assert.equal(rust.at(-1), 'the browser ran the reactor\'s one setTimeout; Timer 1 expired, and the reactor calls the waker it kept: '
    + 'Waker::noop(), which does nothing, so task 1 is not woken.');
  assert.equal(rust.length, 9, 'nothing after the timer: no wake, no poll');
  for (const sentence of rust) assert.doesNotMatch(sentence, /keeps task 1's waker|waker it kept for task 1/);
  // The JS panels' bug: the callback is () => {}.
  const promises = sentences(run, 'promises');
  assert.equal(promises[3], 'Timer 1 was due, so the event loop takes its callback from the task queue and runs it as a new task: '
    + 'the callback is () => {}, which does nothing: it never calls resolve (the fix: setTimeout(resolve, ms)), so the promise from timer(100) stays pending.');
  assert.equal(promises[4], 'Timer 1\'s callback returned without resolving the promise from timer(100): it stays pending forever, so the code '
    + 'waiting on it never runs; nothing is queued and no timer is waiting: this lane stops here, its program unfinished.');
  for (const sentence of promises) assert.doesNotMatch(sentence, /fulfills|callback is resolve|nothing was waiting/);
  const callbacks = sentences(run, 'callbacks');
  assert.match(callbacks[3], /the function passed to setTimeout on line 1 runs, and its body is empty: it never calls the next step\.$/);
  // The Rust timer queue says whom each timer wakes.
  const queue = buildReplay(only(run, 'futures'))[5].rust.timerQueue;
  assert.deepEqual(queue, [{ timer: 1, label: 'Timer 1', deadline: 100, waker: 'noop', task: 1 }]);
});

test('early-sleep: a Sleep made early and first polled after its deadline is Ready at once', () => {
  const rust = sentences(golden('early-sleep-then'), 'futures');
  const elapsed = rust.filter((s) => s.includes('so it is Ready at once'));
  assert.deepEqual(elapsed, [
    'during task 1\'s poll, the Sleep from sleep_ms(100) was polled for the first time: made at 0 ms, its deadline is 100 ms, which '
      + 'passed 100 ms ago, so it is Ready at once, with no timer registered and no wake needed (tokio\'s sleep does the same).',
    'during task 1\'s poll, the Sleep from sleep_ms(50) was polled for the first time: made at 0 ms, its deadline is 50 ms, which '
      + 'passed 150 ms ago, so it is Ready at once, with no timer registered and no wake needed (tokio\'s sleep does the same).',
  ]);
  // One timer set, one fired, one wake: the later sleeps cost no wake.
  assert.equal(rust.filter((s) => s.includes('registered Timer')).length, 1);
  assert.equal(rust.filter((s) => s.includes('expired')).length, 1);
  for (const sentence of rust) assert.doesNotMatch(sentence, /after its deadline|fires at once/);
});

test('an address is placed in its own task\'s future, with that future\'s size', () => {
  const run = handMade('futures', [
    { t: 0, kind: 'spawn', task: 1, size: 100 },
    { t: 0, kind: 'spawn', task: 2, size: 50 },
    { t: 0, kind: 'batch', turn: 'microtask', tasks: 2 },
    { t: 0, kind: 'poll_start', task: 2, addr: 2000 },
    { t: 0, kind: 'address', task: 2, name: 's', addr: 2010 },
    { t: 0, kind: 'poll_end', task: 2, result: 'pending' },
    { t: 0, kind: 'poll_start', task: 1, addr: 1000 },
    { t: 0, kind: 'poll_end', task: 1, result: 'pending' },
  ]);
  const replay = buildReplay(run);
  assert.equal(replay[4].told.text, '0 ms: s lives at 0x7da, inside task 2\'s future (0x7d0, 50 bytes: the async fn\'s own future, '
    + 'and what the page wraps around it to record its states).');
  // Polling task 1 after leaves the addresses in task 2's future.
  assert.deepEqual([replay[7].rust.futureAddr, replay[7].rust.size], [2000, 50]);
});

test('an abort clears a task\'s timer from Web APIs, or from the task queue if it was due: the sentence says which', () => {
  // Two timers due at 10: the parent's (1) fires first and clears the
  // task's (2), which was due already; then it clears a later one (3).
  const replay = buildReplay(handMade('callbacks', [
    { t: 0, kind: 'script_start' },
    { t: 0, kind: 'timer_set', timer: 1, label: 'Parent', step: [1], ms: 10 },
    { t: 0, kind: 'timer_set', timer: 2, label: 'Tick', step: [0, 0], ms: 10 },
    { t: 0, kind: 'timer_set', timer: 3, label: 'Later', step: [0, 1], ms: 50 },
    { t: 0, kind: 'script_end' },
    { t: 10, kind: 'timer_fired', timer: 1, label: 'Parent', step: [1], late: 0 },
    { t: 10, kind: 'timer_cancel', timer: 2, label: 'Tick', step: [0, 0] },
    { t: 10, kind: 'timer_cancel', timer: 3, label: 'Later', step: [0, 1] },
    { t: 10, kind: 'callback_end', timer: 1, label: 'Parent', step: [1] },
  ]));
  assert.deepEqual(replay.map((at) => at.places.callbacks.problems).flat(), []);
  assert.equal(replay[6].told.text, '10 ms: the “Parent” timer\'s callback cleared the aborted task\'s timers: the “Tick” timer leaves '
    + 'the task queue before its callback runs; that callback would have carried the task on.');
  assert.equal(replay[7].told.text, '10 ms: the “Parent” timer\'s callback cleared the aborted task\'s timers: the “Later” timer leaves '
    + 'Web APIs before it fires; that callback would have carried the task on.');
  // Both are gone from the event loop's places; nothing is left at the end.
  assert.deepEqual(replay[7].places.callbacks.taskQueue, []);
  assert.deepEqual(replay[8].places.callbacks.webApis, []);
});

test('with the spawn_local lane beside them, the run\'s sentences say "all four lanes" only where it logged last at the same time', async () => {
  const { summarize } = await import('../../web/replay/summary.js');
  const { inThisRun } = await import('../../web/replay/in-this-run.js');
  const three = golden('sequential-then');
  /** @param {string} preset whose spawn_local trace joins the sequential example's three lanes */
  const sentences = (preset) => {
    const run = { ...three, spawnLocal: JSON.parse(readFileSync(new URL(`../golden/spawn-local/${preset}.json`, import.meta.url), 'utf8')) };
    const { lanes, sentence } = summarize(run);
    return [inThisRun(run, lanes).split('.')[0], sentence.split(';')[0]];
  };
  // Its own example: it logged last at 350 ms too.
  assert.deepEqual(sentences('sequential'), ['all four lanes logged their last line at 350 ms; the Rust task on the page\'s executor was polled 4 times and woken 3 times', 'All four lanes logged their last line at 350 ms']);
  // Another example's trace (last log at 200 ms): the sentence names the three lanes it is about.
  assert.deepEqual(sentences('join'), [
    'the Callbacks, Promises and Rust futures lanes logged their last line at 350 ms; the Rust task on the page\'s executor was polled 4 times and woken 3 times',
    'The Callbacks, Promises and Rust futures lanes logged their last line at 350 ms',
  ]);
});

test('lanes that logged last within a millisecond of each other (a Real run) are said as the range the table shows', async () => {
  const { summarize } = await import('../../web/replay/summary.js');
  const run = structuredClone(golden('sequential-then'));
  // Shift the Promises lane's last log by a tenth of a millisecond, as a Real run may.
  const last = run.promises.events.findLast((e) => e.kind === 'log');
  last.t += 0.1;
  for (const e of run.promises.events) if (e.seq > last.seq) e.t += 0.1;
  assert.equal(summarize(run).sentence.split(';')[0], 'Every lane logged its last line within a millisecond: from 350 ms to 350.1 ms');
  // The same times: one.
  assert.match(summarize(golden('sequential-then')).sentence, /^Every lane logged its last line at 350 ms;/);
});

test('a JS lane that finished before the others is named, and no reason of Rust against JS is given for it', async () => {
  const { summarize } = await import('../../web/replay/summary.js');
  const run = structuredClone(golden('sequential-then'));
  // The Callbacks lane logs at 200 ms, and stops there.
  const events = run.callbacks.events.filter((e) => e.t <= 200);
  events.push({ seq: events.length, t: 200, kind: 'log', text: 'early' });
  run.callbacks.events = events;
  assert.equal(summarize(run).sentence, 'The Rust futures and Promises lanes logged their last line at 350 ms, the Callbacks lane at 200 ms.');
});
