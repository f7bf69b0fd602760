// The spawn_local lane through window.playground (`run({compare: true})`):
// every example's trace on the Virtual clock is golden and the same on every
// run; the facts the comparison teaches, read from both Rust lanes' traces;
// the Real clock; and what it refuses. UPDATE_GOLDEN=1 rewrites
// tests/golden/spawn-local/ (then review the diff).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import { GOLDEN, goldenText } from '../golden.mjs';
import { random, scenario } from '../random-scenario.mjs';
import { buildReplay } from '../../web/replay/index.js';
import { summarize } from '../../web/replay/summary.js';
import { formatMs } from '../../web/dom.js';

test.describe.configure({ mode: 'default' }); // in order, on one page

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const DIR = new URL('spawn-local/', GOLDEN);
// Every example.
const PRESETS = ['sequential', 'join', 'race', 'cancel-at-await', 'lazy', 'nested', 'spawn', 'early-sleep', 'blocking', 'starve', 'overdue', 'lost-wake', 'interop', 'self-ref'];

const run = (page, options) => page.evaluate((o) => window.playground.run({ compare: true, ...o }), options);
const all = (trace, kind) => trace.events.filter((e) => e.kind === kind);
const logs = (trace) => all(trace, 'log').map((e) => [e.t, e.text]);
/** The trace without the addresses and sizes of this build. */
const stable = (trace) => ({
  ...trace,
  events: trace.events.map((e) => ({ ...e, ...(e.addr === undefined ? {} : { addr: 'addr' }), ...(e.size === undefined ? {} : { size: 'size' }) })),
});

for (const preset of PRESETS) {
  test(`golden spawn_local trace: ${preset}, virtual clock, the same 100 runs in a row`, async ({ sharedPage: page }) => {
    const { trace: last, distinct } = await page.evaluate(async (id) => {
      const seen = new Set();
      let trace;
      for (let i = 0; i < 100; i += 1) {
        trace = (await window.playground.run({ preset: id, compare: true })).spawnLocal;
        seen.add(JSON.stringify(trace.events.map((e) => ({ ...e, addr: 0, size: 0 }))));
      }
      return { trace, distinct: seen.size };
    }, preset);
    expect(distinct, 'different traces in 100 runs').toBe(1);
    const trace = stable(last);
    const file = new URL(`${preset}.json`, DIR);
    if (UPDATE) {
      await mkdir(DIR, { recursive: true });
      await writeFile(file, goldenText(trace));
      return;
    }
    const want = JSON.parse(await readFile(file, 'utf8'));
    for (let i = 0; i < Math.max(want.events.length, trace.events.length); i += 1) {
      expect(trace.events[i], `event ${i} differs (UPDATE_GOLDEN=1 rewrites on purpose)`).toStrictEqual(want.events[i]);
    }
    expect(trace).toStrictEqual(want);
  });
}

test('the notes\' example: both Rust lanes log at 350, by different machinery', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'sequential' });
  expect(logs(r.futures)).toEqual([[350, "I'm the last one"]]);
  expect(logs(r.spawnLocal)).toEqual([[350, "I'm the last one"]]);
  // Ours: one browser timeout at a time (the reactor's), re-armed per
  // deadline. gloo: one browser timer per sleep, set when the sleep is made.
  expect(all(r.spawnLocal, 'timer_set').map((e) => [e.t, e.label, e.ms, e.line])).toEqual([
    [0, 'Timer 1', 200, 4], [200, 'Timer 2', 100, 5], [300, 'Timer 3', 50, 6],
  ]);
  // Each timer's callback wakes task 1, which the executor polls in the
  // microtask it queued, after the callback returned.
  const kinds = r.spawnLocal.events.filter((e) => e.t === 200).map((e) => e.kind);
  expect(kinds).toEqual([
    'timer_fired', 'wake', 'microtask_queued', 'callback_end',
    'microtask_start', 'poll_start', 'timer_set', 'poll_end', 'microtask_end',
  ]);
  expect(all(r.spawnLocal, 'wake').map((e) => [e.task, e.by, e.label, e.outcome])).toEqual([
    [1, 'timer', 'Timer 1', 'queued'], [1, 'timer', 'Timer 2', 'queued'], [1, 'timer', 'Timer 3', 'queued'],
  ]);
  expect(all(r.spawnLocal, 'poll_start')).toHaveLength(4);
});

test('every poll runs inside a microtask the executor queued', async ({ sharedPage: page }) => {
  for (const preset of PRESETS) {
    const { spawnLocal } = await run(page, { preset });
    let inMicrotask = false;
    let queued = 0;
    for (const e of spawnLocal.events) {
      if (e.kind === 'microtask_queued') queued += 1;
      if (e.kind === 'microtask_start') {
        expect(queued, `${preset} #${e.seq}`).toBeGreaterThan(0);
        queued -= 1;
        inMicrotask = true;
      }
      if (e.kind === 'microtask_end') inMicrotask = false;
      if (e.kind === 'poll_start') expect(inMicrotask, `${preset} #${e.seq}`).toBe(true);
    }
    expect(queued, preset).toBe(0);
  }
});

test('a select! on spawn_local clears the losers\' browser timers; the spawned task starts in the next microtask', async ({ sharedPage: page }) => {
  const race = (await run(page, { preset: 'race' })).spawnLocal;
  expect(all(race, 'timer_cancel').map((e) => [e.t, e.label])).toEqual([[50, 'Timer 1'], [50, 'Timer 2']]);
  expect(all(race, 'timer_fired').map((e) => e.label)).toEqual(['Timer 3']);
  const spawn = (await run(page, { preset: 'spawn' })).spawnLocal;
  const at = (kind, task) => spawn.events.findIndex((e) => e.kind === kind && e.task === task);
  const ends = spawn.events.filter((e) => e.kind === 'microtask_end').map((e) => e.seq);
  // Task 2 is spawned during task 1's first poll, and first polled in the
  // microtask after the one that polled task 1.
  expect(at('spawn', 2)).toBeLessThan(at('poll_end', 1));
  expect(at('poll_start', 2)).toBeGreaterThan(ends[0]);
  expect(logs(spawn)).toEqual([[100, 'Task 2 is done'], [200, 'run() goes on'], [200, 'Done']]);
});

test('starve prints in another order on spawn_local: its yield_now never lets the timer fire', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'starve' });
  // Ours polls for a while, then yields to the browser: the timer fires
  // during the loop. spawn_local polls a woken task in the next microtask,
  // and microtasks run before any timer: the loop finishes first.
  expect(logs(r.futures)).toEqual([[8, 'Timer 1 done'], [30, 'Loop done']]);
  expect(logs(r.spawnLocal)).toEqual([[30, 'Loop done'], [30, 'Timer 1 done']]);
  // Timer 1 (5 ms) fires 25 ms late, once the loop is over.
  expect(all(r.spawnLocal, 'timer_fired').map((e) => [e.t, e.late])).toEqual([[30, 25]]);
});

test('overdue prints in another order on spawn_local: one reactor timer, one wake and one poll for both sleeps, against two timers and two polls', async ({ sharedPage: page }) => {
  for (const clock of ['virtual', 'real']) {
    const r = await run(page, { preset: 'overdue', clock });
    const texts = (trace) => all(trace, 'log').map((e) => e.text);
    // The JS lanes and spawn_local: in the order the timers fell due. Ours:
    // in the order join! polls its branches.
    for (const lane of ['callbacks', 'promises', 'spawnLocal']) expect(texts(r[lane]), `${clock} ${lane}`).toEqual(['Timer 2 done', 'Timer 1 done']);
    expect(texts(r.futures), clock).toEqual(['Timer 1 done', 'Timer 2 done']);
    if (clock === 'real') continue;
    const kinds = (trace, which) => trace.events.filter((e) => which.includes(e.kind)).map((e) => [e.t, e.kind, e.label ?? e.text ?? e.outcome ?? e.task]);
    // Ours: one browser timer, set once the block is over; both sleeps
    // overdue when it fires; the second wake finds the task queued; one poll.
    expect(all(r.futures, 'reactor_arm').map((e) => [e.t, e.deadline, e.delay])).toEqual([[100, 50, 0]]);
    expect(kinds(r.futures, ['timer_fired', 'wake', 'poll_start', 'log']).slice(1)).toEqual([
      [100, 'timer_fired', 'Timer 2'], [100, 'wake', 'Timer 2'], [100, 'timer_fired', 'Timer 1'], [100, 'wake', 'Timer 1'],
      [100, 'poll_start', 1], [100, 'log', 'Timer 1 done'], [100, 'log', 'Timer 2 done'],
    ]);
    expect(all(r.futures, 'wake').map((e) => e.outcome)).toEqual(['queued', 'already_queued']);
    // spawn_local: gloo set both timers in the first poll; each fires late
    // on its own, and the task is polled after each.
    expect(all(r.spawnLocal, 'timer_set').map((e) => [e.t, e.label, e.ms])).toEqual([[0, 'Timer 1', 80], [0, 'Timer 2', 50]]);
    expect(kinds(r.spawnLocal, ['timer_fired', 'poll_start', 'log']).slice(1)).toEqual([
      [100, 'timer_fired', 'Timer 2'], [100, 'poll_start', 1], [100, 'log', 'Timer 2 done'],
      [100, 'timer_fired', 'Timer 1'], [100, 'poll_start', 1], [100, 'log', 'Timer 1 done'],
    ]);
    expect(all(r.spawnLocal, 'timer_fired').map((e) => e.late)).toEqual([50, 20]);
  }
});

test('the Summary names the overdue timers that changed the order, not earlier ones due together on time', async ({ sharedPage: page }) => {
  const rust = `use runtime::prelude::*;

async fn run() {
    join!(
        async {
            sleep_ms(20).await;
            log("a");
        },
        async {
            sleep_ms(20).await;
            log("b");
        },
    );
    join!(
        async {
            sleep_ms(80).await;
            log("c");
        },
        async {
            sleep_ms(50).await;
            log("d");
        },
        async { block_ms(100) },
    );
}
`;
  const r = await run(page, { rust });
  expect(logs(r.futures).map(([, text]) => text)).toEqual(['a', 'b', 'c', 'd']);
  expect(logs(r.spawnLocal).map(([, text]) => text)).toEqual(['a', 'b', 'd', 'c']);
  const sentence = summarize(r).rustLanes;
  expect(sentence).toContain('On the page\'s executor, Timer 4 and Timer 3 were both overdue when its one browser timer\'s callback ran, '
    + 'at 120 ms: each woke task 1, the second wake found it already queued, and the one poll that followed found both sleeps done '
    + 'and printed “c”, then “d”, in the order its code reached them.');
  expect(checkComparison(sentence, r)).toEqual([]);
});

test('the Real clock: the spawn_local lane logs at its timers\' times', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'sequential', clock: 'real', timings: [60, 30, 10] });
  expect(r.spawnLocal.clock).toBe('real');
  const [[t]] = logs(r.spawnLocal);
  expect(t).toBeGreaterThanOrEqual(99);
  expect(t).toBeLessThan(100 + 250); // a shared, noisy machine
});

test('an edited program of an example\'s shape runs with its own timings and texts', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'sequential', timings: [5, 10, 20] });
  expect(logs(r.spawnLocal)).toEqual([[35, "I'm the last one"]]);
  expect(all(r.spawnLocal, 'timer_set').map((e) => e.ms)).toEqual([5, 10, 20]);
});

test('self-ref on spawn_local: s and borrowed stay where they were across the await; the future points into itself', async ({ sharedPage: page }) => {
  const { spawnLocal } = await run(page, { preset: 'self-ref' });
  const addresses = all(spawnLocal, 'address').map((e) => [e.task, e.name, e.addr]);
  expect(addresses).toHaveLength(4);
  const [s1, b1, s2, b2] = addresses;
  expect([s1[1], b1[1], s2[1], b2[1]]).toEqual(['s', 'borrowed', 's', 'borrowed']);
  // borrowed points at s, and neither moved between the two polls.
  expect(new Set([s1[2], b1[2], s2[2], b2[2]]).size).toBe(1);
  // s lives inside the task's future: from where each poll says it is, for
  // the size its spawn gave.
  const [{ size }] = all(spawnLocal, 'spawn');
  const starts = new Set(all(spawnLocal, 'poll_start').map((e) => e.addr));
  expect(starts.size).toBe(1);
  const [start] = starts;
  expect(s1[2]).toBeGreaterThanOrEqual(start);
  expect(s1[2]).toBeLessThan(start + size);
  expect(logs(spawnLocal)).toEqual([[100, 'foo']]);
});

test('interop on spawn_local: JsFuture awaits a JS Promise of the lane\'s realm; the promise\'s reaction wakes the task', async ({ sharedPage: page }) => {
  const { spawnLocal, futures } = await run(page, { preset: 'interop' });
  expect(logs(spawnLocal)).toEqual(logs(futures));
  expect(spawnLocal.events.filter((e) => e.t === 100).map((e) => [e.kind, e.by ?? e.label ?? ''])).toEqual([
    ['timer_fired', 'JS promise'], ['callback_end', 'JS promise'],
    // The promise's reaction, a microtask the lane cannot see, wakes the task.
    ['wake', 'external'], ['microtask_queued', ''], ['microtask_start', ''], ['poll_start', ''], ['log', ''], ['poll_end', ''],
    ['microtask_end', ''],
  ]);
});

test('an unbiased select! whose branches are ready together: the two lanes may print other lines, and the Summary says so', async ({ sharedPage: page }) => {
  const text = 'use runtime::prelude::*;\n\nasync fn run() {\n    select! {\n        _ = sleep_ms(10) => { log("first") } // Timer 1\n'
    + '        _ = sleep_ms(10) => { log("second") } // Timer 2\n    }\n}\n';
  // Ours draws the branch it starts at from the seed; spawn_local's select! has no seed and starts at the first.
  const runs = await page.evaluate(async (rust) => {
    const out = [];
    for (let seed = 0; seed < 8; seed += 1) out.push(await window.playground.run({ rust, seed, compare: true }));
    return out;
  }, text);
  const split = runs.find((r) => logs(r.futures)[0][1] === 'second');
  expect(split, 'some seed has ours start at the second branch').toBeDefined();
  expect(logs(split.spawnLocal)).toEqual([[10, 'first']]);
  expect(summarize(split).rustLanes).toMatch(/^The two Rust lanes printed differently: the page's executor printed “second”; spawn_local printed “first”\. /);
});

test('lost-wake on spawn_local: the same bug, the same silence; gloo\'s timer fires and wakes nobody', async ({ sharedPage: page }) => {
  const { spawnLocal, futures } = await run(page, { preset: 'lost-wake' });
  expect(logs(spawnLocal)).toEqual([]);
  expect(logs(futures)).toEqual([]);
  expect(spawnLocal.events.map((e) => [e.t, e.kind])).toEqual([
    [0, 'spawn'], [0, 'microtask_queued'], [0, 'microtask_start'], [0, 'poll_start'], [0, 'timer_set'], [0, 'poll_end'],
    [0, 'microtask_end'], [100, 'timer_fired'], [100, 'callback_end'],
  ]);
});

test('a program of no example\'s shape runs on spawn_local as the same composed futures as the Rust lane\'s', async ({ sharedPage: page }) => {
  // A helper called twice in a loop, then a timer: no example has this shape.
  const text = 'use runtime::prelude::*;\n\nasync fn run() {\n    for _ in 0..2 {\n        brew(30).await;\n    }\n'
    + '    sleep_ms(10).await; // Timer 2\n}\n\nasync fn brew(ms: u32) {\n    sleep_ms(ms).await; // Kettle\n'
    + '    log("a cup");\n}\n';
  const r = await page.evaluate((rust) => window.playground.run({ rust, compare: true }), text);
  expect(r.spawnLocalRefused).toBeUndefined();
  expect(logs(r.spawnLocal)).toEqual([[30, 'a cup'], [60, 'a cup']]);
  expect(logs(r.spawnLocal)).toEqual(logs(r.futures));
  expect(all(r.spawnLocal, 'timer_set').map((e) => [e.t, e.label, e.line])).toEqual([[0, 'Kettle', 11], [30, 'Kettle', 11], [60, 'Timer 2', 7]]);
  // 40 random programs (loops, spawns, aborts, selects, blocks…): each runs,
  // its event loop keeps the rules, every step has its sentence, and it ends empty.
  const programs = Array.from({ length: 40 }, (_, i) => scenario(random(9000 + i)));
  const runs = await page.evaluate(async (list) => {
    const out = [];
    for (const s of list) out.push(await window.playground.run({ scenario: s, compare: true }).catch((e) => e.message));
    return out;
  }, programs);
  let ran = 0;
  for (const [i, result] of runs.entries()) {
    if (typeof result === 'string') continue; // a random program validation refuses
    ran += 1;
    expect(result.spawnLocalRefused, `program ${i}`).toBeUndefined();
    const replay = buildReplay(result);
    for (const at of replay.filter((a) => a.entry.lane === 'spawnLocal')) {
      expect(at.told.fallback, `program ${i} #${at.entry.event.seq}`).toBe(false);
      expect(at.places.spawnLocal.problems, `program ${i}`).toEqual([]);
    }
    const end = replay.at(-1).places.spawnLocal;
    expect([end.webApis, end.taskQueue, end.callStack, end.microtasks], `program ${i}`).toEqual([[], [], [], 0]);
  }
  expect(ran).toBeGreaterThan(20);
});

test('a task woken by another task\'s poll, and a wake of a task already queued, say so', async ({ sharedPage: page }) => {
  // spawn, with the task slower than run(): run() awaits its handle, and the
  // task's last poll wakes run().
  const r = (await run(page, { preset: 'spawn', timings: [300, 100] })).spawnLocal;
  expect(r.events.filter((e) => e.kind === 'wake' && e.by === 'task').map((e) => [e.t, e.task, e.by_task, e.outcome]))
    .toEqual([[300, 1, 2, 'queued']]);
  expect(r.events.filter((e) => e.kind === 'log').map((e) => [e.t, e.text])).toEqual([[100, 'run() goes on'], [300, 'Task 2 is done'], [300, 'Done']]);
  // race: the losers' sleeps, dropped in the task's last poll, wake it; the
  // first wake queues it (its flag was cleared when the poll began), the
  // second finds it queued.
  const race = (await run(page, { preset: 'race' })).spawnLocal;
  expect(race.events.filter((e) => e.kind === 'wake' && e.by === 'self').map((e) => e.outcome)).toEqual(['queued', 'already_queued']);
});

test('one lane after another (oneByOne), and a run cancelled while the lane loads', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'sequential', oneByOne: true });
  expect(logs(r.spawnLocal)).toEqual([[350, "I'm the last one"]]);
  // A newer run while the first one's realm loads: the first is cancelled,
  // the newer runs all its lanes, and no realm is left.
  const said = await page.evaluate(async () => {
    const first = window.playground.run({ preset: 'join', compare: true }).then(() => 'ran', (e) => e.message);
    const second = await window.playground.run({ preset: 'sequential' });
    return { first: await first, log: second.futures.events.find((e) => e.kind === 'log').t };
  });
  expect(said).toEqual({ first: 'run: cancelled by a newer run', log: 350 });
  expect(await page.locator('iframe').count()).toBe(0);
});

test('the Chrome trace export has the spawn_local lane\'s track when it ran', async ({ sharedPage: page }) => {
  const names = await page.evaluate(async () => {
    const trace = window.playground.toChromeTrace(await window.playground.run({ preset: 'sequential', compare: true }));
    return trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args.name);
  });
  expect(names).toEqual(['Callbacks', 'Promises', 'Rust futures', 'Rust on spawn_local']);
});

test('compare must be true or false; without it there is no spawn_local lane and no realm is left', async ({ sharedPage: page }) => {
  const said = await page.evaluate(() => window.playground.run({ compare: 'yes' }).then(() => 'ran', (e) => e.message));
  expect(said).toBe('compare: must be true or false');
  const r = await page.evaluate(() => window.playground.run({ preset: 'join' }));
  expect(r.spawnLocal).toBeUndefined();
  expect(r.spawnLocalRefused).toBeUndefined();
  await run(page, { preset: 'join' });
  expect(await page.locator('iframe').count()).toBe(0);
});

/**
 * The Summary's sentence on the two Rust lanes, checked against both traces,
 * counted here from the events: every number in it is one of theirs.
 * @returns {string[]} what does not match
 */
function checkComparison(sentence, run) {
  const problems = [];
  const ours = run.futures.events;
  const theirs = run.spawnLocal.events;
  const n = (events, kind) => events.filter((e) => e.kind === kind).length;
  const printed = (events) => events.filter((e) => e.kind === 'log').map((e) => `“${e.text}”`).join(', then ');
  const want = (what, got, expected) => { if (got !== expected) problems.push(`${what}: says ${got}, the traces ${expected}`); };
  const order = sentence.match(/^The two Rust lanes printed (in different orders|differently): the page's executor printed (.*?); spawn_local printed (.*?)\. /);
  if (order) {
    want('ours printed', order[2], printed(ours) || 'nothing');
    want('spawn_local printed', order[3], printed(theirs) || 'nothing');
    if (printed(ours) === printed(theirs)) problems.push('says they printed differently');
    const sorted = (events) => events.filter((e) => e.kind === 'log').map((e) => e.text).sort().join('\n');
    want('how they differ', order[1], sorted(ours) === sorted(theirs) ? 'in different orders' : 'differently');
  } else if (printed(ours) !== printed(theirs)) {
    problems.push('does not say they printed differently');
  }
  const lastLog = (events) => events.findLast((e) => e.kind === 'log')?.t;
  const both = sentence.match(/Both Rust lanes logged their last line at ([\d.]+ m?s)\./);
  if (both) {
    want('last log', both[1], formatMs(lastLog(ours)));
    want('last log', both[1], formatMs(lastLog(theirs)));
  }
  const apart = sentence.match(/The page's executor logged its last line at ([\d.]+ m?s), spawn_local at ([\d.]+ m?s)\./);
  if (apart) {
    want('our last log', apart[1], formatMs(lastLog(ours)));
    want('their last log', apart[2], formatMs(lastLog(theirs)));
  }
  if (!order && !both && !apart && lastLog(ours) !== undefined && lastLog(theirs) !== undefined) problems.push('says nothing of the logs');
  const late = sentence.match(/so (.+?)'s callback waited, and fired ([\d.]+ m?s) late \((\d+) microtasks? ran after it was due\)\. The page's executor polls only until its time slice is used up, then gives the browser a turn, so timers can fire(?:: (.+?) fired at ([\d.]+ m?s) there)?\./);
  if (late) {
    // The first late firing of that label, and the same firing (step, round) on ours.
    const fired = theirs.find((e) => e.kind === 'timer_fired' && e.label === late[1] && e.late);
    if (!fired) return [...problems, `no late firing of ${late[1]}`];
    want('late', late[2], formatMs(fired.late));
    const due = fired.t - fired.late;
    want('microtasks after due', Number(late[3]), theirs.filter((e) => e.kind === 'microtask_start' && e.t >= due && e.t < fired.t).length);
    const round = (events, e) => events.filter((x) => x.kind === 'timer_fired' && x.seq < e.seq && JSON.stringify(x.step) === JSON.stringify(e.step)).length;
    const oursFired = ours.filter((e) => e.kind === 'timer_fired' && JSON.stringify(e.step) === JSON.stringify(fired.step))[round(theirs, fired)];
    want('fired on ours at', late[5], oursFired && formatMs(oursFired.t));
  }
  const together = sentence.match(new RegExp('On the page\'s executor, (.+?) were (both|all) overdue when its one browser timer\'s '
    + 'callback ran, at ([\\d.]+ m?s): each woke task (\\d+), (the second wake|every wake after the first) found it already queued, '
    + 'and the one poll that followed found (both|all) sleeps done and printed (.+?), in the order its code reached them\\. On '
    + 'spawn_local, gloo had set a browser timer per sleep: the browser ran their callbacks one at a time \\((.+?)(, in the order '
    + 'they fell due)?\\), and after each, spawn_local polled the task in a microtask, before the next callback, so each poll '
    + 'found one more sleep done\\.'));
  if (together) {
    const [, named, bothOrAll, at, task, laterWakes, bothOrAll2, lines, order, inDueOrder] = together;
    const labels = named.split(/, | and /);
    const two = labels.length === 2;
    want('both or all', `${bothOrAll} ${bothOrAll2}`, two ? 'both both' : 'all all');
    want('the wakes after the first', laterWakes, two ? 'the second wake' : 'every wake after the first');
    // Ours: those firings, late, in that order, at that time, one after
    // another in one callback, each waking the task; then one poll of it,
    // which printed those lines.
    const first = ours.findIndex((e) => e.kind === 'timer_fired' && e.label === labels[0] && formatMs(e.t) === at);
    const callback = ours.slice(first, first + 2 * labels.length);
    const fired = callback.filter((e) => e.kind === 'timer_fired');
    want('fired together', JSON.stringify(fired.map((e) => [e.label, e.t])), JSON.stringify(labels.map((l) => [l, fired[0]?.t])));
    if (!fired.every((e) => e.late > 0)) problems.push('says overdue, but a timer was on time');
    want('their wakes', JSON.stringify(callback.filter((e) => e.kind === 'wake').map((e) => [e.task, e.by, e.outcome])),
      JSON.stringify(labels.map((_, k) => [Number(task), 'timer', k === 0 ? 'queued' : 'already_queued'])));
    const rest = ours.slice(first + 2 * labels.length);
    const poll = rest.findIndex((e) => e.kind === 'poll_start' && e.task === Number(task));
    const end = rest.findIndex((e, k) => k > poll && e.kind === 'poll_end');
    const inPoll = rest.slice(poll, end < 0 ? undefined : end);
    want('that poll printed', lines, printed(inPoll));
    if (poll < 0 || rest.slice(0, poll).some((e) => e.kind === 'poll_start' || e.kind === 'timer_fired')) problems.push('no poll of that task next');
    // Theirs: those lines in another order; the same timers one at a time,
    // in the order said, each but the last followed by a poll of the task
    // in a microtask before the next.
    const theirLines = theirs.filter((e) => e.kind === 'log').map((e) => `“${e.text}”`);
    const ourLines = lines.split(', then ');
    let k = 0;
    for (const line of theirLines) if (line === ourLines[k]) k += 1;
    if (k === ourLines.length) problems.push('spawn_local printed those lines in the same order');
    const theirOrder = order.split(', then ').map((l) => l.replace(/'s$/, ''));
    const theirFired = theirs.filter((e) => e.kind === 'timer_fired' && labels.includes(e.label));
    want('their order', JSON.stringify(theirFired.map((e) => e.label)), JSON.stringify(theirOrder));
    theirFired.slice(1).forEach((e, j) => {
      const p = theirs.find((x) => x.kind === 'poll_start' && x.seq > theirFired[j].seq);
      const micro = p && theirs.some((x) => x.kind === 'microtask_start' && x.seq > theirFired[j].seq && x.seq < p.seq);
      if (!p || p.seq > e.seq || !micro) problems.push(`no poll in a microtask between ${theirFired[j].label} and ${e.label}`);
    });
    const due = theirFired.map((e) => e.t - e.late);
    want('in due order', !!inDueOrder, due.every((d, j) => j === 0 || due[j - 1] <= d));
  } else if (/overdue/.test(sentence)) {
    problems.push('says overdue in words the check does not know');
  }
  const counts = sentence.match(new RegExp('(?:Neither Rust lane set a browser timer\\.'
    + '|Each set (?<each>\\d+) browser timers?: gloo-timers \\(spawn_local\'s sleeps\\) one per sleep, the page\'s executor one at a time, for the sleep due next\\.'
    + '|gloo-timers \\(spawn_local\'s sleeps\\) set (?<gloo>\\d+) browser timers?, one per sleep(?:, up to (?<peak>\\d+) pending at once)?; the page\'s executor keeps '
    + 'one browser timer pending at a time \\(it set (?<arms>\\d+) in all\\)\\.) spawn_local ran its (?<theirPolls>\\d+) polls? in '
    + '(?<microtasks>\\d+) microtasks?; the page\'s executor ran its (?<ourPolls>\\d+) polls? in (?<batches>\\d+) batch(?:es)?\\.$'));
  if (!counts) return [...problems, `no counts in: ${sentence}`];
  const said = counts.groups;
  let pending = 0;
  let peak = 0;
  for (const e of theirs) {
    if (e.kind === 'timer_set') peak = Math.max(peak, ++pending);
    if (e.kind === 'timer_fired' || e.kind === 'timer_cancel') pending -= 1;
  }
  want('gloo timers', Number(said.each ?? said.gloo ?? 0), n(theirs, 'timer_set'));
  want('reactor arms', Number(said.each ?? said.arms ?? 0), n(ours, 'reactor_arm'));
  // More than one pending at once is said; "each … one at a time" only when not.
  want('peak', said.peak === undefined ? 'one or none' : Number(said.peak), peak > 1 && said.each === undefined ? peak : 'one or none');
  if (said.each !== undefined && peak > 1) problems.push('says one at a time, but gloo had several pending');
  want('their polls', Number(said.theirPolls), n(theirs, 'poll_start'));
  want('microtasks', Number(said.microtasks), n(theirs, 'microtask_start'));
  want('our polls', Number(said.ourPolls), n(ours, 'poll_start'));
  want('batches', Number(said.batches), n(ours, 'batch'));
  return problems;
}

test('the Summary\'s sentence on the two Rust lanes states only the traces\' numbers, for every example and 30 random programs', async ({ sharedPage: page }) => {
  const programs = Array.from({ length: 30 }, (_, i) => scenario(random(7000 + i)));
  const runs = await page.evaluate(async ({ presets, list }) => {
    const out = [];
    for (const preset of presets) out.push(await window.playground.run({ preset, compare: true }));
    for (const s of list) out.push(await window.playground.run({ scenario: s, compare: true }).catch(() => null));
    return out;
  }, { presets: PRESETS, list: programs });
  let checked = 0;
  for (const [i, run] of runs.entries()) {
    if (!run) continue;
    const sentence = summarize(run).rustLanes;
    expect(checkComparison(sentence, run), `${PRESETS[i] ?? `program ${i - PRESETS.length}`}: ${sentence}`).toEqual([]);
    checked += 1;
  }
  expect(checked).toBeGreaterThan(PRESETS.length + 15);
});

