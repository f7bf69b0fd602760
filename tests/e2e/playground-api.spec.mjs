// window.playground: every preset in all three lanes, golden traces on the
// virtual clock, the cross-lane facts the presets teach, and bad input.
// All these tests drive one page (`sharedPage`), in order. UPDATE_GOLDEN=1
// rewrites tests/golden/ instead of comparing with it (then review the diff).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import { GOLDEN, stable, goldenText } from '../golden.mjs';
import { summarize } from '../../web/replay/summary.js';
import { inThisRun } from '../../web/replay/in-this-run.js';

test.describe.configure({ mode: 'default' }); // in order, even under --fully-parallel

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PRESETS = ['sequential', 'join', 'race', 'cancel-at-await', 'lazy', 'nested', 'spawn', 'early-sleep', 'blocking', 'starve', 'overdue', 'lost-wake', 'self-ref', 'interop'];
const LANES = ['callbacks', 'promises', 'futures'];
const IDLE = { liveTasks: 0, queuedTasks: 0, pendingTimers: 0, armedTimeouts: 0, stuckTasks: 0 };

const run = (page, options) => page.evaluate((o) => window.playground.run(o), options);
// A refused run must leave the last result as it was: nothing ran.
const runError = (page, options) => page.evaluate(async (o) => {
  const last = window.playground.lastRun();
  const got = await window.playground.run(o).then(() => 'resolved', (e) => `${e.constructor.name}: ${e.message}`);
  return got === 'resolved' || window.playground.lastRun() === last ? got : `${got} (and lastRun changed)`;
}, options);

const first = (trace, kind) => trace.events.find((e) => e.kind === kind);
const all = (trace, kind) => trace.events.filter((e) => e.kind === kind);
const logTime = (trace) => first(trace, 'log').t;

test('presets() lists the contract ids', async ({ sharedPage: page }) => {
  const presets = await page.evaluate(() => window.playground.presets());
  expect(presets.map((p) => p.id)).toEqual(PRESETS);
  for (const p of presets) {
    expect(p.name, p.id).toEqual(expect.any(String));
    expect(p.name, p.id).not.toBe('');
  }
});

for (const preset of PRESETS) {
  for (const promiseStyle of ['then', 'await']) {
    test(`golden trace: ${preset}, promises with ${promiseStyle}, virtual clock`, async ({ sharedPage: page }) => {
      const result = stable(await run(page, { preset, clock: 'virtual', promiseStyle }));
      const file = new URL(`${preset}-${promiseStyle}.json`, GOLDEN);
      if (UPDATE) {
        await mkdir(GOLDEN, { recursive: true });
        await writeFile(file, goldenText(result));
        return;
      }
      const expected = JSON.parse(await readFile(file, 'utf8'));
      for (const lane of LANES) {
        const want = expected[lane].events;
        const got = result[lane].events;
        for (let i = 0; i < Math.max(want.length, got.length); i += 1) {
          expect(got[i], `${lane} event ${i} differs (UPDATE_GOLDEN=1 rewrites on purpose)`).toStrictEqual(want[i]);
        }
      }
      expect(result).toStrictEqual(expected);
    });
  }
}

test('sequential logs at 350 in every lane; the Rust task is polled 4 times', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'sequential', clock: 'virtual' });
  for (const lane of LANES) expect(logTime(r[lane]), lane).toBe(350);
  expect(all(r.futures, 'poll_start')).toHaveLength(4);
});

test('join logs at 200 everywhere; 4 polls, or 2 when all timers are equal', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'join', clock: 'virtual' });
  for (const lane of LANES) expect(logTime(r[lane]), lane).toBe(200);
  expect(all(r.futures, 'poll_start')).toHaveLength(4);
  const equal = await run(page, { preset: 'join', clock: 'virtual', timings: [100, 100, 100] });
  expect(all(equal.futures, 'poll_start')).toHaveLength(2);
  expect(logTime(equal.futures)).toBe(100);
});

test('race: 50 everywhere; Rust cancels the losers, JS losers fire at 100 and 200', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'race', clock: 'virtual' });
  for (const lane of LANES) expect(logTime(r[lane]), lane).toBe(50);
  expect(all(r.futures, 'timer_cancel').map((e) => e.label)).toEqual(['Timer 1', 'Timer 2']);
  expect(all(r.futures, 'timer_fired').map((e) => e.label)).toEqual(['Timer 3']);
  for (const lane of ['callbacks', 'promises']) {
    const fired = all(r[lane], 'timer_fired').map((e) => [e.label, e.t]);
    expect(fired, lane).toEqual([['Timer 3', 50], ['Timer 2', 100], ['Timer 1', 200]]);
  }
});

test('lazy: JS finishes at the max (200), Rust at the sum (350)', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'lazy', clock: 'virtual' });
  expect(logTime(r.callbacks)).toBe(200);
  expect(logTime(r.promises)).toBe(200);
  expect(logTime(r.futures)).toBe(350);
});

test('early-sleep: a Sleep made first still ends at its deadline; every lane at 200', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'early-sleep', clock: 'virtual' });
  for (const lane of LANES) expect(logTime(r[lane]), lane).toBe(200);
  // Made at 0; Timer 1 registered at the first poll. Timers 2 and 3, first
  // polled at 200, are past their deadlines: Ready at once, no timer, as
  // tokio's are; late by what they waited past their deadline.
  expect(all(r.futures, 'timer_set').map((e) => [e.label, e.t, e.deadline, e.waker])).toEqual([['Timer 1', 0, 200, 'task']]);
  expect(all(r.futures, 'timer_fired').map((e) => [e.label, e.t, e.late])).toEqual([['Timer 1', 200, 0]]);
  expect(all(r.futures, 'timer_elapsed').map((e) => [e.label, e.t, e.ms, e.deadline, e.late])).toEqual(
    [['Timer 2', 200, 100, 100, 100], ['Timer 3', 200, 50, 50, 150]]);
  // One wait, so two polls for one wake.
  expect([all(r.futures, 'poll_start').length, all(r.futures, 'wake').length]).toEqual([2, 1]);
});

test('blocking: every timer due during a block fires when it ends, late by exactly the rest, in every lane', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'blocking', clock: 'virtual' });
  for (const lane of LANES) {
    expect(all(r[lane], 'block').map((e) => [e.t, e.ms]), lane).toEqual([[0, 100]]);
    // Due at 50 and 80, during the block: fired at its end; Timer 3, set after, on time.
    expect(all(r[lane], 'timer_fired').map((e) => [e.label, e.t, e.late]), lane).toEqual(
      [['Timer 1', 100, 50], ['Timer 2', 100, 20], ['Timer 3', 120, 0]]);
    expect(logTime(r[lane]), lane).toBe(120);
  }
  // A 100 ms block right after a timer due at once: that timer is 100 ms late.
  const scenario = { type: 'seq', steps: [
    { type: 'all', steps: [{ type: 'sleep', label: 'Now', ms: 0 }, { type: 'block', ms: 100 }] },
    { type: 'log', text: 'done' }] };
  for (const promiseStyle of ['then', 'await']) {
    const b = await run(page, { scenario, clock: 'virtual', promiseStyle });
    for (const lane of LANES) {
      expect(all(b[lane], 'timer_fired').map((e) => [e.t, e.late]), `${lane}, ${promiseStyle}`).toEqual([[100, 100]]);
    }
  }
  // Out of range, named as the timings are.
  expect(await runError(page, { scenario: { type: 'block', ms: 5001 }, clock: 'virtual' })).toBe(
    'Error: scenario.ms: must be a whole number of milliseconds from 0 to 5000, got 5001');
});

test('a yield: a new browser task in Callbacks, a microtask in Promises, our ready queue in Rust', async ({ sharedPage: page }) => {
  // join!(async { sleep_ms(0).await; log("timer") }, async { yield_now().await; log("after yield") })
  const scenario = { type: 'seq', steps: [{ type: 'all', steps: [
    { type: 'seq', steps: [{ type: 'sleep', label: 'T', ms: 0 }, { type: 'log', text: 'timer' }] },
    { type: 'seq', steps: [{ type: 'yield' }, { type: 'log', text: 'after yield' }] }] }] };
  const logs = (trace) => all(trace, 'log').map((e) => [e.text, e.t]);
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { scenario, clock: 'virtual', promiseStyle });
    // setTimeout(…, 0) is a timer like T's, set after it: it fires after it.
    expect(all(r.callbacks, 'timer_set').map((e) => [e.label, e.ms])).toEqual([['T', 0], ['yield', 0]]);
    expect(logs(r.callbacks)).toEqual([['timer', 0], ['after yield', 0]]);
    // A microtask runs before any timer: the yield's log comes first.
    expect(all(r.promises, 'timer_set').map((e) => e.label), promiseStyle).toEqual(['T']);
    expect(logs(r.promises), promiseStyle).toEqual([['after yield', 0], ['timer', 0]]);
  }
  // The yield wakes its own task, which our executor polls again in its
  // next batch, in a microtask: before the reactor's timeout for T.
  const r = await run(page, { scenario, clock: 'virtual' });
  expect(all(r.futures, 'timer_set').map((e) => [e.label, e.ms])).toEqual([['T', 0]]);
  expect(all(r.futures, 'wake').map((e) => [e.task, e.by, e.outcome])).toEqual([[1, 'self', 'queued'], [1, 'timer', 'queued']]);
  expect(all(r.futures, 'batch').map((e) => e.turn)).toEqual(['microtask', 'microtask', 'microtask']);
  expect(all(r.futures, 'poll_start')).toHaveLength(3);
  expect(logs(r.futures)).toEqual([['after yield', 0], ['timer', 0]]);
  // A share link writes it Y.
  expect(await page.evaluate(() => window.playground.decodeFragment('Q(A(Q(S(T,0),L(timer)),Q(Y,L(after%20yield))))')))
    .toEqual(scenario);
});

test('a select! arm\'s code runs after its future wins; the loser stops at its await in Rust, not in JS', async ({ sharedPage: page }) => {
  // select! { biased; _ = async { sleep_ms(100).await; log("Half-way"); sleep_ms(100).await; log("Saved"); } => {}
  //          _ = sleep_ms(150) => { log("Timed out"); sleep_ms(10).await; log("Cleaned up"); } }  log("Done");
  const scenario = { type: 'seq', steps: [
    { type: 'race', steps: [
      { type: 'seq', steps: [{ type: 'sleep', label: 'A', ms: 100 }, { type: 'log', text: 'Half-way' },
        { type: 'sleep', label: 'B', ms: 100 }, { type: 'log', text: 'Saved' }] },
      { type: 'arm', steps: [{ type: 'sleep', label: 'Timeout', ms: 150 },
        { type: 'seq', steps: [{ type: 'log', text: 'Timed out' }, { type: 'sleep', label: 'C', ms: 10 }, { type: 'log', text: 'Cleaned up' }] }] }] },
    { type: 'log', text: 'Done' }] };
  const logs = (trace) => all(trace, 'log').map((e) => [e.text, e.t]);
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { scenario, clock: 'virtual', promiseStyle });
    for (const lane of ['callbacks', 'promises']) {
      // Nothing stops the losing branch: it logs Saved after the race is over.
      expect(logs(r[lane]), `${lane}, ${promiseStyle}`).toEqual(
        [['Half-way', 100], ['Timed out', 150], ['Cleaned up', 160], ['Done', 160], ['Saved', 200]]);
    }
  }
  const r = await run(page, { scenario, clock: 'virtual' });
  // Dropped at its second await: B is cancelled as the arm wins, Saved never comes.
  expect(logs(r.futures)).toEqual([['Half-way', 100], ['Timed out', 150], ['Cleaned up', 160], ['Done', 160]]);
  expect(all(r.futures, 'timer_cancel').map((e) => [e.label, e.t])).toEqual([['B', 150]]);
  // The arm's body's await is one of run()'s: the state names its line.
  expect(all(r.futures, 'state').map((e) => [e.variant, e.line])).toEqual(
    [['Suspend0', 4], ['Suspend0', 4], ['Suspend1', 14], ['Returned', undefined]]);
  // A share link writes an arm M(future,body).
  const fragment = await page.evaluate((s) => window.playground.encodeFragment(s), scenario);
  expect(fragment).toBe('Q(R(Q(S(A,100),L(Half-way),S(B,100),L(Saved)),M(S(Timeout,150),Q(L(Timed%20out),S(C,10),L(Cleaned%20up)))),L(Done))');
  expect(await page.evaluate((f) => window.playground.decodeFragment(f), fragment)).toEqual(scenario);
  // An arm is a race's branch only.
  expect(await runError(page, { scenario: { type: 'seq', steps: [scenario.steps[0].steps[1]] }, clock: 'virtual' })).toBe(
    'Error: scenario.steps[0]: is an arm, which only a race\'s steps may be (an arm is a branch of a select! with a body)');
});

test('a loop: each round a new timer, in every lane and both styles; too many rounds are refused', async ({ sharedPage: page }) => {
  // for _ in 0..3 { sleep_ms(100).await; log("tick"); } log("done");
  const scenario = { type: 'seq', steps: [
    { type: 'repeat', times: 3, steps: [{ type: 'sleep', label: 'T', ms: 100 }, { type: 'log', text: 'tick' }] },
    { type: 'log', text: 'done' }] };
  const logs = (trace) => all(trace, 'log').map((e) => [e.text, e.t]);
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { scenario, clock: 'virtual', promiseStyle });
    for (const lane of LANES) {
      expect(logs(r[lane]), `${lane}, ${promiseStyle}`).toEqual([['tick', 100], ['tick', 200], ['tick', 300], ['done', 300]]);
      expect(all(r[lane], 'timer_set').map((e) => [e.label, e.t, e.step]), `${lane}, ${promiseStyle}`)
        .toEqual([['T', 0, [0, 0]], ['T', 100, [0, 0]], ['T', 200, [0, 0]]]);
    }
  }
  // A share link writes it F(times,steps…).
  expect(await page.evaluate(() => window.playground.decodeFragment('Q(F(3,S(T,100),L(tick)),L(done))'))).toEqual(scenario);
  // 100 rounds of 10 logs run 1000 steps: refused, the loop named.
  const long = { type: 'seq', steps: [{ type: 'repeat', times: 100, steps: [
    { type: 'repeat', times: 10, steps: [{ type: 'log', text: 'x' }] }] }] };
  expect(await runError(page, { scenario: long, clock: 'virtual' })).toBe(
    'Error: scenario.steps[0].times: makes the program run 1000 steps in all (sleeps, logs, blocks and yields, each loop\'s repeats counted); at most 500 are allowed');
  expect(await runError(page, { scenario: { type: 'repeat', times: 101, steps: [{ type: 'yield' }] }, clock: 'virtual' })).toBe(
    'Error: scenario.times: must be a whole number of times from 0 to 100, got 101');
});

test('select! without biased: each poll starts at a branch drawn from the run\'s seed; the same seed, the same run', async ({ sharedPage: page }) => {
  // select! { _ = sleep_ms(10) => { log("A won"); } _ = sleep_ms(10) => { log("B won"); } }: a tie.
  const arm = (label) => ({ type: 'arm', steps: [{ type: 'sleep', label, ms: 10 }, { type: 'seq', steps: [{ type: 'log', text: `${label} won` }] }] });
  const scenario = { type: 'seq', steps: [{ type: 'race', random: true, steps: [arm('A'), arm('B')] }] };
  const logs = (trace) => all(trace, 'log').map((e) => [e.text, e.t]);
  const winners = new Set();
  for (let seed = 0; seed < 8; seed++) {
    const r = await run(page, { scenario, clock: 'virtual', seed });
    // Promise.race draws nothing: the timer set first fires first.
    expect(logs(r.callbacks), `seed ${seed}`).toEqual([['A won', 10]]);
    expect(logs(r.promises), `seed ${seed}`).toEqual([['A won', 10]]);
    // Our select! polls from a drawn branch: the first polled of the two ready wins.
    const first = all(r.futures, 'child_poll').filter((e) => e.t === 10)[0].child;
    expect(logs(r.futures), `seed ${seed}`).toEqual([[first === 0 ? 'A won' : 'B won', 10]]);
    winners.add(first);
    // The same seed, the same run, event for event.
    const again = await run(page, { scenario, clock: 'virtual', seed });
    expect(again.futures.events.map((e) => [e.kind, e.t, e.child])).toEqual(r.futures.events.map((e) => [e.kind, e.t, e.child]));
  }
  expect([...winners].sort()).toEqual([0, 1]);
  // The Rust panel writes no biased; and says where its picks come from.
  const code = await page.evaluate((s) => window.playground.code({ scenario: s }), scenario);
  expect(code.futures.code).toContain('select! { // each poll starts at a branch drawn at random');
  expect(code.futures.code).not.toContain('biased');
  // A share link writes it U(…).
  expect(await page.evaluate((s) => window.playground.encodeFragment(s), scenario)).toBe(
    'Q(U(M(S(A,10),Q(L(A%20won))),M(S(B,10),Q(L(B%20won)))))');
  expect(await runError(page, { scenario, clock: 'virtual', seed: -1 })).toBe(
    'Error: seed: must be a whole number from 0 to 4294967295, got -1');
  expect(await runError(page, { scenario, clock: 'virtual', seed: 1.5 })).toBe(
    'Error: seed: must be a whole number from 0 to 4294967295, got 1.5');
});

test('a loop\'s variable read in a text: each lane logs each round\'s count, a loop in a loop reads both', async ({ sharedPage: page }) => {
  // for round in 0..2 { for step in 0..2 { sleep_ms(10).await; println!("{round}.{step} {{ok}}"); } log(format!("`${round}` done")); }
  const scenario = { type: 'seq', steps: [{ type: 'repeat', times: 2, var: 'round', steps: [
    { type: 'repeat', times: 2, var: 'step', steps: [{ type: 'sleep', label: 'T', ms: 10 },
      { type: 'log', text: '{round}.{step} {{ok}}', format: true }] },
    { type: 'log', text: '`${round}` done', format: true }] }] };
  const logs = (trace) => all(trace, 'log').map((e) => [e.text, e.t]);
  const want = [['0.0 {ok}', 10], ['0.1 {ok}', 20], ['`$0` done', 20], ['1.0 {ok}', 30], ['1.1 {ok}', 40], ['`$1` done', 40]];
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { scenario, clock: 'virtual', promiseStyle });
    for (const lane of LANES) expect(logs(r[lane]), `${lane}, ${promiseStyle}`).toEqual(want);
  }
  // The Rust lane keeps each count across the awaits of its loop: the State machine has it.
  const machine = await page.evaluate((s) => window.playground.stateMachine({ scenario: s }), scenario);
  const suspend = machine.variants.find((v) => v.name === 'Suspend0');
  expect(suspend.fields.map((f) => `${f.name}: ${f.type}`).sort()).toEqual(
    ['__awaitee: Sleep', 'iter: Range<i32>', 'iter: Range<i32>', 'round: i32', 'step: i32']);
  // A share link writes a loop's variable after its count, and a text that reads one V(…).
  const fragment = await page.evaluate((s) => window.playground.encodeFragment(s), scenario);
  expect(fragment).toBe('Q(F(2,round,F(2,step,S(T,10),V(%7Bround%7D.%7Bstep%7D%20%7B%7Bok%7D%7D)),V(%60%24%7Bround%7D%60%20done)))');
  expect(await page.evaluate((f) => window.playground.decodeFragment(f), fragment)).toEqual(scenario);
  // A text that reads a name no loop around it gives is refused.
  const stray = { type: 'seq', steps: [{ type: 'log', text: 'at {round}', format: true }] };
  expect(await runError(page, { scenario: stray, clock: 'virtual' })).toBe(
    'Error: scenario.steps[0].text: reads `{round}`, which is no variable here (rustc: cannot find value `round`): a text reads the variables of the loops it is in, and the numbers a `let` names earlier in its own block or in a block around it');
});

test('spawn: a task runs without being awaited; JS starts it at once, Rust at its first poll; its handle awaits it', async ({ sharedPage: page }) => {
  // let h1 = spawn(async { sleep_ms(100).await; log("child done"); });
  // log("spawned"); sleep_ms(50).await; log("parent done"); h1.await.unwrap(); log("all done");
  const scenario = { type: 'seq', steps: [
    { type: 'spawn', handle: 1, steps: [{ type: 'sleep', label: 'Child', ms: 100 }, { type: 'log', text: 'child done' }] },
    { type: 'log', text: 'spawned' },
    { type: 'sleep', label: 'Parent', ms: 50 },
    { type: 'log', text: 'parent done' },
    { type: 'await_handle', handle: 1 },
    { type: 'log', text: 'all done' }] };
  const logs = (trace) => all(trace, 'log').map((e) => [e.text, e.t]);
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { scenario, clock: 'virtual', promiseStyle });
    for (const lane of LANES) {
      expect(logs(r[lane]), `${lane}, ${promiseStyle}`).toEqual([['spawned', 0], ['parent done', 50], ['child done', 100], ['all done', 100]]);
    }
    // JS runs the task's first steps when it is made; Rust polls it only
    // once run() has yielded, so its timer is set after the parent's.
    expect(all(r.callbacks, 'timer_set').map((e) => e.label)).toEqual(['Child', 'Parent']);
    expect(all(r.futures, 'timer_set').map((e) => e.label)).toEqual(['Parent', 'Child']);
    if (promiseStyle === 'await') expect(all(r.promises, 'timer_set').map((e) => e.label)).toEqual(['Child', 'Parent']);
    // Two tasks; the child's end wakes run(), which waits on its handle.
    expect(all(r.futures, 'spawn').map((e) => e.task)).toEqual([1, 2]);
    expect(all(r.futures, 'wake').filter((e) => e.by === 'task').map((e) => [e.task, e.by_task])).toEqual([[1, 2]]);
  }
  // A share link writes it P(handle,steps…) and W(handle).
  expect(await page.evaluate(() => window.playground.decodeFragment(
    'Q(P(1,S(Child,100),L(child%20done)),L(spawned),S(Parent,50),L(parent%20done),W(1),L(all%20done))'))).toEqual(scenario);
  // A handle awaited before its spawn, or twice, is refused, named.
  const early = { type: 'seq', steps: [{ type: 'await_handle', handle: 1 }, scenario.steps[0]] };
  expect(await runError(page, { scenario: early, clock: 'virtual' })).toBe(
    'Error: scenario.steps[0].handle: is 1, which no spawn step before this one in the same block made');
  const twice = { type: 'seq', steps: [...scenario.steps, { type: 'await_handle', handle: 1 }] };
  expect(await runError(page, { scenario: twice, clock: 'virtual' })).toBe(
    'Error: scenario.steps[6].handle: is 1, which an earlier step awaited already: a handle is awaited once');
});

test('abort: the task stops at once in every lane; Rust drops it with its timer, JS clears the timer', async ({ sharedPage: page }) => {
  // let h1 = spawn(async { for i in 0..5 { sleep_ms(100).await; log(format!("tick {i}")); } });
  // sleep_ms(250).await; h1.abort(); log("aborted"); sleep_ms(200).await;
  const scenario = { type: 'seq', steps: [
    { type: 'spawn', handle: 1, steps: [{ type: 'repeat', times: 5, var: 'i', steps: [
      { type: 'sleep', label: 'Tick', ms: 100 }, { type: 'log', text: 'tick {i}', format: true }] }] },
    { type: 'sleep', label: 'Parent', ms: 250 },
    { type: 'abort', handle: 1 },
    { type: 'log', text: 'aborted' },
    { type: 'sleep', label: 'Rest', ms: 200 }] };
  const kinds = ['timer_set', 'timer_fired', 'timer_cancel', 'task_drop', 'log'];
  const seen = (trace) => trace.events.filter((e) => kinds.includes(e.kind)).map((e) => `${e.t} ${e.kind} ${e.label ?? e.text ?? e.task}`);
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { scenario, clock: 'virtual', promiseStyle });
    // The third Tick, due at 300, is cleared at 250 and never fires: no
    // "tick 2" anywhere. JS sets the task's first timer at once, Rust at
    // the task's first poll, after run() pauses.
    const js = ['0 timer_set Tick', '0 timer_set Parent', '100 timer_fired Tick', '100 log tick 0', '100 timer_set Tick',
      '200 timer_fired Tick', '200 log tick 1', '200 timer_set Tick', '250 timer_fired Parent', '250 timer_cancel Tick',
      '250 log aborted', '250 timer_set Rest', '450 timer_fired Rest'];
    expect(seen(r.callbacks), promiseStyle).toEqual(js);
    expect(seen(r.promises), promiseStyle).toEqual(js);
    expect(seen(r.futures), promiseStyle).toEqual(['0 timer_set Parent', '0 timer_set Tick', '100 timer_fired Tick', '100 log tick 0',
      '100 timer_set Tick', '200 timer_fired Tick', '200 log tick 1', '200 timer_set Tick', '250 timer_fired Parent', '250 task_drop 2',
      '250 timer_cancel Tick', '250 log aborted', '250 timer_set Rest', '450 timer_fired Rest']);
    // The aborted task is never polled again: three polls (0, 100, 200).
    expect(all(r.futures, 'poll_start').filter((e) => e.task === 2)).toHaveLength(3);
    expect(LANES.map((lane) => summarize(r).lanes[lane].timersCancelled)).toEqual([1, 1, 1]);
  }
  const code = await page.evaluate((o) => window.playground.code(o), { scenario, promiseStyle: 'await' });
  expect(code.futures.code).toContain('h1.abort();');
  expect(code.promises.code).toContain('const h1 = new AbortController();');
  expect(code.promises.code).toContain('await timer(100, h1.signal);');
  expect(code.callbacks.code).toContain('h1.timers.forEach(clearTimeout);');
  // A share link writes it X(handle).
  expect(await page.evaluate(() => window.playground.decodeFragment('Q(P(1,S(T,10)),X(1))')))
    .toEqual({ type: 'seq', steps: [{ type: 'spawn', handle: 1, steps: [{ type: 'sleep', label: 'T', ms: 10 }] }, { type: 'abort', handle: 1 }] });
  // An await after an abort is refused, named.
  const awaited = { type: 'seq', steps: [...scenario.steps, { type: 'await_handle', handle: 1 }] };
  expect(await runError(page, { scenario: awaited, clock: 'virtual' })).toBe(
    'Error: scenario.steps[5].handle: is 1, which an earlier step aborted: this playground does not read an await of an aborted task yet');
});

test('spawn(brew(100)): the task is the call itself; JS starts it at once, Rust at its first poll; await style, one async function fewer', async ({ sharedPage: page }) => {
  // async fn brew(ms: u32) { sleep_ms(ms).await; log("brewed"); }
  // run(): let h1 = spawn(brew(100)); sleep_ms(50).await; log("waiting"); h1.await.unwrap(); log("done");
  const brew = { type: 'async_fn', name: 'brew', params: ['ms'], steps: [{ type: 'sleep', label: 'Kettle', param: 'ms' }, { type: 'log', text: 'brewed' }] };
  const program = (spawn) => ({ type: 'module', steps: [brew, { type: 'async_fn', name: 'run', steps: [
    spawn, { type: 'sleep', label: 'Wait', ms: 50 }, { type: 'log', text: 'waiting' }, { type: 'await_handle', handle: 1 }, { type: 'log', text: 'done' }] }] });
  const call = { type: 'call', name: 'brew', args: [100] };
  const direct = program({ type: 'spawn', handle: 1, steps: [call], direct: true });
  const block = program({ type: 'spawn', handle: 1, steps: [call] });
  const jobs = (trace) => trace.events.filter((e) => e.kind === 'resume' || e.kind === 'engine_job').length;
  const r = await run(page, { scenario: direct, clock: 'virtual', promiseStyle: 'await' });
  for (const lane of LANES) {
    expect(all(r[lane], 'log').map((e) => [e.text, e.t]), lane).toEqual([['waiting', 50], ['brewed', 100], ['done', 100]]);
  }
  expect(all(r.promises, 'timer_set').map((e) => e.label)).toEqual(['Kettle', 'Wait']);
  expect(all(r.futures, 'timer_set').map((e) => e.label)).toEqual(['Wait', 'Kettle']);
  // The same program with an async block around the call: the same in
  // Rust; in the Promises lane, one more async function to resume.
  const b = await run(page, { scenario: block, clock: 'virtual', promiseStyle: 'await' });
  const rust = (trace) => trace.events.filter((e) => e.kind !== 'spawn').map((e) => `${e.t} ${e.kind}`);
  expect(rust(b.futures)).toEqual(rust(r.futures));
  expect(jobs(b.promises)).toBe(jobs(r.promises) + 1);
  const code = await page.evaluate((o) => window.playground.code(o), { scenario: direct, promiseStyle: 'await' });
  expect(code.futures.code).toContain('let h1 = spawn(brew(100));');
  expect(code.promises.code).toContain('const h1 = brew(100);');
  // A share link writes it T(handle,call).
  expect(await page.evaluate(() => window.playground.decodeFragment('D(N(brew,ms,S(Kettle,ms),L(brewed)),N(run,T(1,H(brew,100)),S(Wait,50),L(waiting),W(1),L(done)))'))).toEqual(direct);
});

test('a helper that spawns with a handle, called twice at once: each call awaits its own task, in every lane', async ({ sharedPage: page }) => {
  // async fn brew(ms: u32) { let h = spawn(async move { sleep_ms(ms).await; log("inner {ms}"); });
  //   sleep_ms(10).await; h.await.unwrap(); log("outer {ms}"); }   run(): join!(brew(100), brew(300));
  const scenario = { type: 'module', steps: [
    { type: 'async_fn', name: 'brew', params: ['ms'], steps: [
      { type: 'spawn', handle: 1, steps: [{ type: 'sleep', label: 'Inner', param: 'ms' }, { type: 'log', text: 'inner {ms}', format: true }] },
      { type: 'sleep', label: 'Outer', ms: 10 },
      { type: 'await_handle', handle: 1 },
      { type: 'log', text: 'outer {ms}', format: true }] },
    { type: 'async_fn', name: 'run', steps: [{ type: 'all', steps: [{ type: 'call', name: 'brew', args: [100] }, { type: 'call', name: 'brew', args: [300] }] }] }] };
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { scenario, clock: 'virtual', promiseStyle });
    for (const lane of LANES) {
      expect(all(r[lane], 'log').map((e) => [e.text, e.t]), `${lane}, ${promiseStyle}`)
        .toEqual([['inner 100', 100], ['outer 100', 100], ['inner 300', 300], ['outer 300', 300]]);
    }
  }
});

test('spawn: the spawned task finishes on its own; the await of its handle is Ready at once', async ({ sharedPage: page }) => {
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { preset: 'spawn', clock: 'virtual', promiseStyle });
    for (const lane of LANES) {
      expect(all(r[lane], 'log').map((e) => [e.text, e.t]), `${lane}, ${promiseStyle}`)
        .toEqual([['Task 2 is done', 100], ['run() goes on', 200], ['Done', 200]]);
    }
    // run() is polled three times: at the start, when Timer 2 fires, and
    // not again for the handle: the task had finished, so its await was
    // Ready in the same poll. Task 2 is polled twice.
    const polls = (task) => all(r.futures, 'poll_start').filter((e) => e.task === task).length;
    expect([polls(1), polls(2)]).toEqual([2, 2]);
  }
});

test('starve: a yielding loop lets the timer in at once (Callbacks), at its end (Promises), after a time slice (Rust)', async ({ sharedPage: page }) => {
  for (const promiseStyle of ['then', 'await']) {
    const r = await run(page, { preset: 'starve', clock: 'virtual', promiseStyle });
    const fired = (lane) => all(r[lane], 'timer_fired').filter((e) => e.label === 'Timer 1').map((e) => [e.t, e.late]);
    // Each round a setTimeout(…, 0): the timer's task comes between two
    // rounds. From the seventh round on, a yield is set from timer tasks
    // nested more than five deep, and the browser makes it wait 4 ms.
    expect(fired('callbacks')).toEqual([[5, 0]]);
    const yields = all(r.callbacks, 'timer_set').filter((e) => e.label === 'yield');
    expect(yields.map((e) => e.clamped ?? 0)).toEqual([...Array(6).fill(0), ...Array(24).fill(4)]);
    expect(all(r.callbacks, 'log').map((e) => [e.text, e.t])).toEqual([['Timer 1 done', 5], ['Loop done', 126]]);
    // Each round a microtask: every one runs before the timer's task.
    expect(fired('promises'), promiseStyle).toEqual([[30, 25]]);
    // A poll of 1 ms each (block_ms(1)), the clock read after each: the
    // 8 ms slice is used up at the 8th, the executor yields (saying why),
    // and the reactor's timeout runs, 3 ms after Timer 1's deadline; the
    // loop yields so every 8 ms until it ends, at 30.
    expect(fired('futures')).toEqual([[8, 3]]);
    expect(all(r.futures, 'yield').map((e) => [e.t, e.limit])).toEqual([[8, 'time'], [16, 'time'], [24, 'time']]);
    for (const lane of ['promises', 'futures']) expect(all(r[lane], 'log').at(-1)?.t, lane).toBe(30);
    const { lanes, sentence } = summarize(r);
    // The JS lanes finished apart: each is named (it said "the JS lanes at 126 ms").
    expect(sentence).toBe('The Rust futures and Promises lanes logged their last line at 30 ms, the Callbacks lane at 126 ms, because '
      + 'the browser made 24 of the Callbacks lane\'s timers wait 4 ms, as it does with a short timer set from inside timer callbacks '
      + 'nested more than five deep.');
    expect(inThisRun(r, lanes)).toBe('Callbacks logged its last line at 126 ms, Promises and Rust futures at 30 ms; the Rust task was polled 31 times and woken 31 times '
      + '(1 of those wakes came while it was already queued to be polled: it added no poll). '
      + 'In the Promises lane Timer 1 fired 25 ms after its deadline: microtasks ran first, and the event loop runs all microtasks, even those queued meanwhile, before the next task. '
      + 'In the Rust futures lane Timer 1 fired 3 ms after its deadline: our executor kept polling its ready queue until its time slice was used up, then gave the browser a turn.');
  }
});

test('lost-wake: the run ends with task 1 stuck, reported, and no lane logs', async ({ sharedPage: page }) => {
  for (const clock of ['virtual', 'real']) {
    const r = await run(page, { preset: 'lost-wake', clock, timings: [20] });
    const kinds = r.futures.events.map((e) => e.kind);
    // Pending, and at once reported: the poll kept no waker of task 1.
    expect(kinds.slice(kinds.indexOf('poll_end'), kinds.indexOf('poll_end') + 2), clock).toEqual(['poll_end', 'lost_waker']);
    expect(first(r.futures, 'lost_waker').task).toBe(1);
    // The reactor kept the waker it was handed, which wakes nobody; the JS
    // panels' callback is () => {}.
    expect(first(r.futures, 'timer_set').waker, clock).toBe('noop');
    expect(first(r.callbacks, 'timer_set').callback, clock).toBe('noop');
    expect(first(r.promises, 'timer_set').callback, clock).toBe('noop');
    expect(all(r.futures, 'poll_start'), `${clock}: polled once, never again`).toHaveLength(1);
    for (const lane of LANES) {
      expect(all(r[lane], 'timer_fired'), `${clock} ${lane}: the timer fires`).toHaveLength(1);
      expect(all(r[lane], 'log'), `${clock} ${lane}: nothing goes on`).toHaveLength(0);
    }
    const counters = await page.evaluate((c) => window.playground.counters(c), clock);
    expect(counters, clock).toEqual({ ...IDLE, liveTasks: 1, stuckTasks: 1 });
  }
});

test('lanes can run one after another with the same traces', async ({ sharedPage: page }) => {
  const together = stable(await run(page, { preset: 'join', clock: 'virtual' }));
  const apart = stable(await run(page, { preset: 'join', clock: 'virtual', oneByOne: true }));
  expect(apart).toStrictEqual(together);
});

test('real clock: sequential 30/20/10 logs at or after 60 ms in every lane', async ({ sharedPage: page }, testInfo) => {
  const r = await run(page, { preset: 'sequential', clock: 'real', timings: [30, 20, 10] });
  for (const lane of LANES) {
    expect(logTime(r[lane]), lane).toBeGreaterThanOrEqual(60);
    expect(r[lane].clock, lane).toBe('real');
  }
  // Each Rust timer fires at or after its deadline, and says how late.
  for (const e of all(r.futures, 'timer_fired')) {
    const set = all(r.futures, 'timer_set').find((s) => s.timer === e.timer);
    expect(e.late, `${e.label}: late`).toBeGreaterThanOrEqual(0);
    expect(e.t - e.late, `${e.label}: fired late ms after its deadline`).toBeCloseTo(set.deadline, 6);
  }
  // How far the Rust lane's firings trail raw setTimeout (also reported):
  // the reactor's one setTimeout is armed in the same task as the panels'
  // own, so it fires within a few browser ticks of theirs, never a whole
  // timer later (a generous bound, for a busy machine).
  const lags = all(r.futures, 'timer_fired').map((e, i) => e.t - all(r.callbacks, 'timer_fired')[i].t);
  lags.sort((a, b) => a - b);
  const median = `${lags[1].toFixed(2)} ms`;
  console.log(`# Rust timer_fired minus callbacks timer_fired, median: ${median}`);
  testInfo.annotations.push({ type: 'Rust timer_fired minus callbacks timer_fired, median', description: median });
  expect(Math.abs(lags[1]), `median lag ${median}`).toBeLessThan(10);
});

test('a new run cancels the one in flight; its events never leak', async ({ sharedPage: page }) => {
  const outcome = await page.evaluate(async () => {
    const slow = window.playground.run({ preset: 'sequential', clock: 'real', timings: [5000, 5000, 5000] });
    const slowResult = slow.then(() => 'resolved', (e) => e.message);
    // Until the slow run is under way: its Rust lane has armed its timeout.
    while (window.playground.counters('real').armedTimeouts === 0) await new Promise((r) => setTimeout(r, 1));
    const fast = await window.playground.run({ preset: 'join', clock: 'real', timings: [10, 20, 30] });
    return { slow: await slowResult, fast, counters: window.playground.counters('real') };
  });
  expect(outcome.slow).toBe('run: cancelled by a newer run');
  for (const lane of LANES) {
    const ms = new Set(all(outcome.fast[lane], 'timer_set').map((e) => e.ms));
    expect([...ms].sort(), lane).toEqual([10, 20, 30]);
  }
  expect(outcome.counters).toEqual(IDLE);
});

test('a run one lane at a time, cut short, starts no more lanes', async ({ sharedPage: page }) => {
  const outcome = await page.evaluate(async () => {
    const first = window.playground.run({ preset: 'sequential', clock: 'virtual', oneByOne: true, timings: [7, 7, 7] })
      .then(() => 'resolved', (e) => e.message);
    const second = await window.playground.run({ preset: 'join', clock: 'virtual', timings: [11, 12, 13] });
    return { first: await first, second, counters: window.playground.counters('virtual') };
  });
  expect(outcome.first).toBe('run: cancelled by a newer run');
  for (const lane of LANES) {
    const ms = outcome.second[lane].events.filter((e) => e.kind === 'timer_set').map((e) => e.ms);
    expect(ms, lane).toEqual([11, 12, 13]);
  }
  expect(outcome.counters).toEqual(IDLE);
});

test('bad input rejects with an Error naming the field; nothing runs', async ({ sharedPage: page }) => {
  const cases = [
    [{ preset: 'nope' }, 'preset: must be one of sequential, join, race, cancel-at-await, lazy, nested, spawn, early-sleep, blocking, starve, overdue, lost-wake, self-ref, interop'],
    [{ timings: [-5] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got -5'],
    [{ timings: ['abc'] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got text, not a number'],
    [{ timings: [1e9] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got 1000000000'],
    [{ clock: 'fast' }, 'clock: must be "real" or "virtual"'],
    [{ promiseStyle: 'callbacks' }, 'promiseStyle: must be "then" or "await"'],
    [{ colour: 'red' }, 'options.colour: is not an option'],
    [{ scenario: { type: 'sleep', label: '<img src=x onerror=alert(1)>', ms: 10 } }, 'resolved'],
    [{ scenario: { type: 'sleep', label: 'x'.repeat(41), ms: 10 } }, 'scenario.label: must be text of 1 to 40 characters, got 41'],
    [{ scenario: { type: 'seq', steps: [] } }, 'scenario.steps: must hold at least one step'],
  ];
  for (const [options, expected] of cases) {
    const name = JSON.stringify(options);
    const got = await runError(page, options);
    expect(got, name).toContain(expected);
    if (expected !== 'resolved') {
      expect(got, name).toMatch(/^Error: /);
      expect(got, `${name} ran`).not.toMatch(/\(and lastRun changed\)$/);
    }
  }
});

test('toChromeTrace gives one track per lane with slices and flows', async ({ sharedPage: page }) => {
  const trace = await page.evaluate(async () => {
    const result = await window.playground.run({ preset: 'join', clock: 'virtual' });
    return window.playground.toChromeTrace(result);
  });
  const names = trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args.name);
  expect(names).toEqual(['Callbacks', 'Promises', 'Rust futures']);
  for (const e of trace.traceEvents) {
    const name = JSON.stringify(e);
    expect(['M', 'X', 'i', 'b', 'e', 's', 'f'], name).toContain(e.ph);
    expect(typeof e.pid, name).toBe('number');
    expect(typeof e.tid, name).toBe('number');
    if (e.ph !== 'M') expect(typeof e.ts, name).toBe('number');
  }
  const polls = trace.traceEvents.filter((e) => e.ph === 'X' && e.name.startsWith('poll task'));
  expect(polls).toHaveLength(4);
  const flows = trace.traceEvents.filter((e) => e.ph === 's').length;
  expect(trace.traceEvents.filter((e) => e.ph === 'f')).toHaveLength(flows);
  expect(flows).toBe(3);
});

test('every timer and log event names its line in its lane\'s code', async ({ sharedPage: page }) => {
  const { result, code } = await page.evaluate(async () => ({
    result: await window.playground.run({ preset: 'sequential', clock: 'virtual', promiseStyle: 'await' }),
    code: window.playground.code({ preset: 'sequential', promiseStyle: 'await' }),
  }));
  for (const lane of LANES) {
    const lines = code[lane].code.split('\n');
    for (const e of result[lane].events.filter((ev) => ['timer_set', 'timer_fired', 'log'].includes(ev.kind))) {
      expect(e.line, `${lane} ${e.kind} has no line`).toBeTruthy();
      const text = lines[e.line - 1];
      if (e.kind === 'log') expect(text, lane).toMatch(/I'm the last one/);
      else expect(text, lane).toMatch(new RegExp(e.label));
    }
  }
  expect(code.futures.code).toContain('sleep_ms(200).await; // Timer 1');
});

test('self-ref: s lives inside the pinned future, borrowed points at it, nothing moves', async ({ sharedPage: page }) => {
  const r = await run(page, { preset: 'self-ref', clock: 'virtual' });
  const size = first(r.futures, 'spawn').size;
  const polls = all(r.futures, 'poll_start').map((e) => e.addr);
  expect(polls).toHaveLength(2);
  expect(polls[1], 'the future did not move between polls').toBe(polls[0]);
  const addresses = all(r.futures, 'address');
  expect(addresses.map((e) => e.name)).toEqual(['s', 'borrowed', 's', 'borrowed']);
  const s = addresses[0].addr;
  const inside = `s at ${s} is inside the future [${polls[0]}, +${size})`;
  expect(s, inside).toBeGreaterThanOrEqual(polls[0]);
  expect(s, inside).toBeLessThan(polls[0] + size);
  for (const e of addresses) expect(e.addr, 'borrowed points at s, before and after the await').toBe(s);
  expect(logTime(r.futures)).toBe(100);
  expect(first(r.futures, 'log').text).toBe('foo');
});

test('interop: the Rust task is woken by a JS Promise, not by our reactor', async ({ sharedPage: page }) => {
  for (const clock of ['virtual', 'real']) {
    const r = await run(page, { preset: 'interop', clock, timings: [30] });
    for (const lane of LANES) expect(logTime(r[lane]), `${clock} ${lane}`).toBeGreaterThanOrEqual(30);
    expect(all(r.futures, 'timer_set'), 'no Rust timer').toHaveLength(0);
    expect(all(r.futures, 'wake').map((e) => e.by)).toEqual(['external']);
    if (clock === 'virtual') expect(logTime(r.futures)).toBe(30);
  }
});

test('both clocks run every preset in the served page', async ({ sharedPage: page }) => {
  for (const preset of PRESETS) {
    for (const clock of ['virtual', 'real']) {
      const oneTimer = ['self-ref', 'interop', 'lost-wake', 'starve', 'nested'].includes(preset);
      const timings = oneTimer ? [5] : ['spawn', 'overdue'].includes(preset) ? [5, 3] : [5, 3, 1];
      const r = await run(page, { preset, clock, timings });
      for (const lane of LANES) {
        expect(r[lane].clock).toBe(clock);
        // lost-wake never gets to its log: that is its lesson.
        expect(!!first(r[lane], 'log'), `${preset} ${clock} ${lane} logged`).toBe(preset !== 'lost-wake');
      }
    }
  }
});
