// window.playground: every preset in all three lanes, golden traces on the
// virtual clock, the cross-lane facts the presets teach, and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { start, openPage } from './harness.mjs';

const GOLDEN = new URL('../golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const PRESETS = ['sequential', 'join', 'race', 'lazy', 'self-ref', 'interop'];

let env;
let page;
let problems;
before(async () => {
  env = await start('web');
  ({ page, problems } = await openPage(env.browser, env.url));
  await page.waitForFunction(() => window.playground !== undefined);
});
after(async () => {
  await env?.close();
});

const run = (options) => page.evaluate((o) => window.playground.run(o), options);
// A refused run must leave the last result as it was: nothing ran.
const runError = (options) => page.evaluate(async (o) => {
  const last = window.playground.lastRun();
  const got = await window.playground.run(o).then(() => 'resolved', (e) => `${e.constructor.name}: ${e.message}`);
  return got === 'resolved' || window.playground.lastRun() === last ? got : `${got} (and lastRun changed)`;
}, options);

/** Addresses differ between builds; everything else must match exactly. */
function stable(result) {
  const mask = (e) => ({
    ...e,
    ...(e.addr === undefined ? {} : { addr: 'addr' }),
    ...(e.size === undefined ? {} : { size: 'size' }),
  });
  const strip = (trace) => ({ ...trace, events: trace.events.map(mask) });
  return { callbacks: strip(result.callbacks), promises: strip(result.promises), futures: strip(result.futures) };
}

const first = (trace, kind) => trace.events.find((e) => e.kind === kind);
const all = (trace, kind) => trace.events.filter((e) => e.kind === kind);
const logTime = (trace) => first(trace, 'log').t;

test('presets() lists the contract ids', async () => {
  const presets = await page.evaluate(() => window.playground.presets());
  assert.deepEqual(presets.map((p) => p.id), PRESETS);
  assert.ok(presets.every((p) => typeof p.name === 'string' && p.name.length > 0));
});

for (const preset of PRESETS) {
  for (const promiseStyle of ['then', 'await']) {
    test(`golden trace: ${preset}, promises with ${promiseStyle}, virtual clock`, async () => {
      const result = stable(await run({ preset, clock: 'virtual', promiseStyle }));
      const file = new URL(`${preset}-${promiseStyle}.json`, GOLDEN);
      const actual = `${JSON.stringify(result, null, 1)}\n`;
      if (UPDATE) {
        await mkdir(GOLDEN, { recursive: true });
        await writeFile(file, actual);
        return;
      }
      const expected = JSON.parse(await readFile(file, 'utf8'));
      for (const lane of ['callbacks', 'promises', 'futures']) {
        const want = expected[lane].events;
        const got = result[lane].events;
        for (let i = 0; i < Math.max(want.length, got.length); i += 1) {
          assert.deepEqual(got[i], want[i], `${lane} event ${i} differs (UPDATE_GOLDEN=1 rewrites on purpose)`);
        }
      }
      assert.deepEqual(result, expected);
    });
  }
}

test('sequential logs at 350 in every lane; the Rust task is polled 4 times', async () => {
  const r = await run({ preset: 'sequential', clock: 'virtual' });
  for (const lane of ['callbacks', 'promises', 'futures']) assert.equal(logTime(r[lane]), 350, lane);
  assert.equal(all(r.futures, 'poll_start').length, 4);
});

test('join logs at 200 everywhere; 4 polls, or 2 when all timers are equal', async () => {
  const r = await run({ preset: 'join', clock: 'virtual' });
  for (const lane of ['callbacks', 'promises', 'futures']) assert.equal(logTime(r[lane]), 200, lane);
  assert.equal(all(r.futures, 'poll_start').length, 4);
  const equal = await run({ preset: 'join', clock: 'virtual', timings: [100, 100, 100] });
  assert.equal(all(equal.futures, 'poll_start').length, 2);
  assert.equal(logTime(equal.futures), 100);
});

test('race: 50 everywhere; Rust cancels the losers, JS losers fire at 100 and 200', async () => {
  const r = await run({ preset: 'race', clock: 'virtual' });
  for (const lane of ['callbacks', 'promises', 'futures']) assert.equal(logTime(r[lane]), 50, lane);
  assert.deepEqual(all(r.futures, 'timer_cancel').map((e) => e.label), ['Timer 1', 'Timer 2']);
  assert.deepEqual(all(r.futures, 'timer_fired').map((e) => e.label), ['Timer 3']);
  for (const lane of ['callbacks', 'promises']) {
    const fired = all(r[lane], 'timer_fired').map((e) => [e.label, e.t]);
    assert.deepEqual(fired, [['Timer 3', 50], ['Timer 2', 100], ['Timer 1', 200]], lane);
  }
});

test('lazy: JS finishes at the max (200), Rust at the sum (350)', async () => {
  const r = await run({ preset: 'lazy', clock: 'virtual' });
  assert.equal(logTime(r.callbacks), 200);
  assert.equal(logTime(r.promises), 200);
  assert.equal(logTime(r.futures), 350);
});

test('lanes can run one after another with the same traces', async () => {
  const together = stable(await run({ preset: 'join', clock: 'virtual' }));
  const apart = stable(await run({ preset: 'join', clock: 'virtual', oneByOne: true }));
  assert.deepEqual(apart, together);
});

test('real clock: sequential 30/20/10 logs at or after 60 ms in every lane', async () => {
  const r = await run({ preset: 'sequential', clock: 'real', timings: [30, 20, 10] });
  for (const lane of ['callbacks', 'promises', 'futures']) {
    assert.ok(logTime(r[lane]) >= 60, `${lane} logged at ${logTime(r[lane])}`);
    assert.equal(r[lane].clock, 'real');
  }
  // Reported, not asserted: how far the Rust lane's firings trail raw setTimeout.
  const lags = all(r.futures, 'timer_fired').map((e, i) => e.t - all(r.callbacks, 'timer_fired')[i].t);
  lags.sort((a, b) => a - b);
  console.log(`# Rust timer_fired minus callbacks timer_fired, median: ${lags[1].toFixed(2)} ms`);
});

test('a new run cancels the one in flight; its events never leak', async () => {
  const outcome = await page.evaluate(async () => {
    const slow = window.playground.run({ preset: 'sequential', clock: 'real', timings: [5000, 5000, 5000] });
    const slowResult = slow.then(() => 'resolved', (e) => e.message);
    await new Promise((r) => setTimeout(r, 20));
    const fast = await window.playground.run({ preset: 'join', clock: 'real', timings: [10, 20, 30] });
    return { slow: await slowResult, fast, counters: window.playground.counters('real') };
  });
  assert.equal(outcome.slow, 'run: cancelled by a newer run');
  for (const lane of ['callbacks', 'promises', 'futures']) {
    const labels = new Set(all(outcome.fast[lane], 'timer_set').map((e) => e.ms));
    assert.deepEqual([...labels].sort(), [10, 20, 30], lane);
  }
  assert.deepEqual(outcome.counters, { liveTasks: 0, queuedTasks: 0, pendingTimers: 0, armedTimeouts: 0 });
});

test('a run one lane at a time, cut short, starts no more lanes', async () => {
  const outcome = await page.evaluate(async () => {
    const first = window.playground.run({ preset: 'sequential', clock: 'virtual', oneByOne: true, timings: [7, 7, 7] })
      .then(() => 'resolved', (e) => e.message);
    const second = await window.playground.run({ preset: 'join', clock: 'virtual', timings: [11, 12, 13] });
    return { first: await first, second, counters: window.playground.counters('virtual') };
  });
  assert.equal(outcome.first, 'run: cancelled by a newer run');
  for (const lane of ['callbacks', 'promises', 'futures']) {
    const ms = outcome.second[lane].events.filter((e) => e.kind === 'timer_set').map((e) => e.ms);
    assert.deepEqual(ms, [11, 12, 13], lane);
  }
  assert.deepEqual(outcome.counters, { liveTasks: 0, queuedTasks: 0, pendingTimers: 0, armedTimeouts: 0 });
});

test('bad input rejects with an Error naming the field; nothing runs', async () => {
  const cases = [
    [{ preset: 'nope' }, 'preset: must be one of sequential, join, race, lazy, self-ref, interop'],
    [{ timings: [-5] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got -5'],
    [{ timings: ['abc'] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got a string'],
    [{ timings: [1e9] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got 1000000000'],
    [{ clock: 'fast' }, 'clock: must be "real" or "virtual"'],
    [{ promiseStyle: 'callbacks' }, 'promiseStyle: must be "then" or "await"'],
    [{ colour: 'red' }, 'options.colour: is not an option'],
    [{ scenario: { type: 'sleep', label: '<img src=x onerror=alert(1)>', ms: 10 } }, 'resolved'],
    [{ scenario: { type: 'sleep', label: 'x'.repeat(41), ms: 10 } }, 'scenario.label: must be text of 1 to 40 characters, got 41'],
    [{ scenario: { type: 'seq', steps: [] } }, 'scenario.steps: must hold at least one step'],
  ];
  for (const [options, expected] of cases) {
    const got = await runError(options);
    assert.ok(got.includes(expected), `${JSON.stringify(options)}: got ${got}`);
    if (expected !== 'resolved') {
      assert.match(got, /^Error: /);
      assert.ok(!got.endsWith('(and lastRun changed)'), `${JSON.stringify(options)} ran: ${got}`);
    }
  }
});

test('toChromeTrace gives one track per lane with slices and flows', async () => {
  const trace = await page.evaluate(async () => {
    const result = await window.playground.run({ preset: 'join', clock: 'virtual' });
    return window.playground.toChromeTrace(result);
  });
  const names = trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args.name);
  assert.deepEqual(names, ['Callbacks', 'Promises', 'Rust futures']);
  for (const e of trace.traceEvents) {
    assert.ok(['M', 'X', 'i', 'b', 'e', 's', 'f'].includes(e.ph), e.ph);
    assert.equal(typeof e.pid, 'number');
    assert.equal(typeof e.tid, 'number');
    if (e.ph !== 'M') assert.equal(typeof e.ts, 'number');
  }
  const polls = trace.traceEvents.filter((e) => e.ph === 'X' && e.name.startsWith('poll task'));
  assert.equal(polls.length, 4);
  const flows = trace.traceEvents.filter((e) => e.ph === 's').length;
  assert.equal(flows, trace.traceEvents.filter((e) => e.ph === 'f').length);
  assert.equal(flows, 3);
});

test('no console errors or CSP violations', () => {
  assert.deepEqual(problems, []);
});

test('every timer and log event names its line in its lane\'s code', async () => {
  const { result, code } = await page.evaluate(async () => ({
    result: await window.playground.run({ preset: 'sequential', clock: 'virtual', promiseStyle: 'await' }),
    code: window.playground.code({ preset: 'sequential', promiseStyle: 'await' }),
  }));
  for (const lane of ['callbacks', 'promises', 'futures']) {
    const lines = code[lane].code.split('\n');
    for (const e of result[lane].events.filter((ev) => ['timer_set', 'timer_fired', 'log'].includes(ev.kind))) {
      assert.ok(e.line, `${lane} ${e.kind} has no line`);
      const text = lines[e.line - 1];
      if (e.kind === 'log') assert.match(text, /I'm the last one/, `${lane}: ${text}`);
      else assert.match(text, new RegExp(e.label), `${lane}: ${text}`);
    }
  }
  assert.match(code.futures.code, /sleep_ms\(200\)\.await; \/\/ Timer 1/);
});

test('self-ref: s lives inside the pinned future, borrowed points at it, nothing moves', async () => {
  const r = await run({ preset: 'self-ref', clock: 'virtual' });
  const f = r.futures.events;
  const size = first(r.futures, 'spawn').size;
  const polls = all(r.futures, 'poll_start').map((e) => e.addr);
  assert.equal(polls.length, 2);
  assert.equal(polls[0], polls[1], 'the future did not move between polls');
  const addresses = f.filter((e) => e.kind === 'address');
  assert.deepEqual(addresses.map((e) => e.name), ['s', 'borrowed', 's', 'borrowed']);
  const s = addresses[0].addr;
  assert.ok(s >= polls[0] && s < polls[0] + size, `s at ${s} is inside the future [${polls[0]}, +${size})`);
  assert.ok(addresses.every((e) => e.addr === s), 'borrowed points at s, before and after the await');
  assert.equal(logTime(r.futures), 100);
  assert.equal(first(r.futures, 'log').text, 'foo');
});

test('interop: the Rust task is woken by a JS Promise, not by our reactor', async () => {
  for (const clock of ['virtual', 'real']) {
    const r = await run({ preset: 'interop', clock, timings: [30] });
    for (const lane of ['callbacks', 'promises', 'futures']) assert.ok(logTime(r[lane]) >= 30, `${clock} ${lane}`);
    assert.equal(all(r.futures, 'timer_set').length, 0, 'no Rust timer');
    assert.deepEqual(all(r.futures, 'wake').map((e) => e.by), ['external']);
    if (clock === 'virtual') assert.equal(logTime(r.futures), 30);
  }
});

test('both clocks run every preset in the served page', async () => {
  for (const preset of PRESETS) {
    for (const clock of ['virtual', 'real']) {
      const r = await run({ preset, clock, timings: preset === 'self-ref' || preset === 'interop' ? [5] : [5, 3, 1] });
      for (const lane of ['callbacks', 'promises', 'futures']) {
        assert.equal(r[lane].clock, clock);
        assert.ok(first(r[lane], 'log'), `${preset} ${clock} ${lane} logged`);
      }
    }
  }
});
