// Every lane's trace, for every preset on both clocks and both promise styles,
// matches docs/trace.schema.json; and the schema refuses what it should.
import { readFileSync, readdirSync } from 'node:fs';
import Ajv from 'ajv';
import { test, expect, openPlayground } from './fixtures.mjs';

const schema = JSON.parse(readFileSync(new URL('../../docs/trace.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

test('every trace matches the schema', async ({ page }) => {
  await openPlayground(page);
  const results = await page.evaluate(async () => {
    const out = [];
    for (const { id } of window.playground.presets()) {
      for (const clock of ['virtual', 'real']) {
        for (const promiseStyle of ['then', 'await']) {
          const timings = ['self-ref', 'interop', 'lost-wake', 'starve', 'nested'].includes(id) ? [3] : ['spawn', 'overdue'].includes(id) ? [3, 2] : [3, 2, 1];
          out.push(await window.playground.run({ preset: id, clock, promiseStyle, timings }));
        }
      }
    }
    return out;
  });
  expect(results).toHaveLength(56); // 14 presets × 2 styles × 2 clocks
  for (const result of results) {
    for (const lane of ['callbacks', 'promises', 'futures']) {
      const ok = validate(result[lane]);
      expect(ok, `${lane}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  }
});

test('every spawn_local trace matches the schema', async ({ page }) => {
  await openPlayground(page);
  const traces = await page.evaluate(async () => {
    const out = [];
    for (const { id } of window.playground.presets()) {
      for (const clock of ['virtual', 'real']) {
        const timings = ['starve', 'nested', 'lost-wake', 'interop', 'self-ref'].includes(id) ? [3] : ['spawn', 'overdue'].includes(id) ? [3, 2] : [3, 2, 1];
        out.push((await window.playground.run({ preset: id, clock, timings, compare: true })).spawnLocal);
      }
    }
    return out;
  });
  expect(traces).toHaveLength(28); // 14 presets × 2 clocks
  for (const trace of traces) {
    const ok = validate(trace);
    expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(trace.lane).toBe('spawn_local');
  }
});

test('the schema refuses malformed traces', () => {
  const good = { version: 3, lane: 'futures', clock: 'virtual', events: [{ seq: 0, t: 0, kind: 'spawn', task: 1, size: 8 }] };
  expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
  const suspended = { seq: 1, t: 0, kind: 'state', task: 1, variant: 'Suspend1', point: 1, line: 5 };
  expect(validate({ ...good, events: [suspended] }), JSON.stringify(validate.errors)).toBe(true);
  expect(validate({ ...good, events: [{ seq: 1, t: 0, kind: 'state', task: 1, variant: 'Returned' }] })).toBe(true);
  // Exports made before still validate: version 1 (state as text, steps as
  // text) and version 2 (state typed, steps as text).
  expect(validate({ ...good, version: 1, events: [{ seq: 1, t: 0, kind: 'state', task: 1, text: 'Suspend1 at line 5' }] })).toBe(true);
  const logAt = (step) => ({ seq: 0, t: 0, kind: 'log', text: 'x', step });
  expect(validate({ ...good, version: 2, events: [suspended, logAt('scenario.steps[1]')] }), JSON.stringify(validate.errors)).toBe(true);
  expect(validate({ ...good, events: [logAt([1, 0]), logAt([])] }), JSON.stringify(validate.errors)).toBe(true);
  // Version 4: a Sleep Ready at once (timer_elapsed), and whose waker or what callback a timer keeps.
  const elapsed = { seq: 0, t: 200, kind: 'timer_elapsed', timer: 2, ms: 100, task: 1, deadline: 100, late: 100 };
  const set = { seq: 0, t: 0, kind: 'timer_set', timer: 1, ms: 100 };
  const v4 = { ...good, version: 4 };
  for (const event of [elapsed, { ...set, waker: 'noop' }, { ...set, waker: 'task' }, { ...set, callback: 'noop' }]) {
    expect(validate({ ...v4, events: [event] }), JSON.stringify(validate.errors)).toBe(true);
  }
  // Version 5: a JS timer the browser clamps.
  const v5 = { ...good, version: 5 };
  expect(validate({ ...v5, events: [{ ...set, ms: 0, clamped: 4 }] }), JSON.stringify(validate.errors)).toBe(true);
  // Version 6: a yield says which limit ended the executor's slice.
  const v6 = { ...good, version: 6 };
  const yielded = { seq: 0, t: 8, kind: 'yield', queued: 1 };
  for (const limit of ['polls', 'time']) {
    expect(validate({ ...v6, events: [{ ...yielded, limit }] }), JSON.stringify(validate.errors)).toBe(true);
  }
  expect(validate({ ...v5, events: [yielded] }), JSON.stringify(validate.errors)).toBe(true);
  const bad = [
    { ...good, version: 7 },
    { ...v6, events: [yielded] },
    { ...v6, events: [{ ...yielded, limit: 'tired' }] },
    { ...v5, events: [{ ...yielded, limit: 'time' }] },
    { ...v4, events: [{ ...set, ms: 0, clamped: 4 }] },
    { ...v5, events: [{ ...set, ms: 0, clamped: -1 }] },
    { ...good, events: [elapsed] },
    { ...good, events: [{ ...set, waker: 'noop' }] },
    { ...v4, events: [{ ...set, waker: 'nobody' }] },
    { ...v4, events: [{ ...set, callback: 'resolve' }] },
    { ...v4, events: [{ ...elapsed, late: 0 }] },
    { ...v4, events: [{ ...elapsed, deadline: undefined }] },
    { ...good, events: [logAt('scenario.steps[1]')] },
    { ...good, version: 2, events: [logAt([1])] },
    { ...good, events: [logAt([-1])] },
    { ...good, events: [{ seq: 1, t: 0, kind: 'state', task: 1, text: 'Suspend1 at line 5' }] },
    { ...good, version: 1, events: [suspended] },
    { ...good, events: [{ ...suspended, line: undefined }] },
    { ...good, events: [{ ...suspended, variant: 'Suspend 1' }] },
    { ...good, lane: 'threads' },
    { ...good, events: [{ seq: 0, t: 0, kind: 'teleport' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'poll_end', task: 1, result: 'maybe' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'timer_set', timer: 1 }] },
    { ...good, events: [{ seq: 0, t: -1, kind: 'log', text: 'x' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'enqueue', handler: 'teleport', step: [], by: 'timer' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'enqueue', handler: 'then', step: [] }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'engine_job', handler: 'then', step: [] }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'callback_end' }] },
  ];
  for (const trace of bad) expect(validate(JSON.parse(JSON.stringify(trace))), JSON.stringify(trace.events ?? trace)).toBe(false);
});

test('every golden trace matches the schema', () => {
  const dir = new URL('../golden/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThanOrEqual(18);
  for (const file of files) {
    // Addresses and sizes are masked in the goldens (they differ between
    // builds): any count stands in for them here.
    const run = JSON.parse(readFileSync(new URL(file, dir), 'utf8'),
      (key, value) => ((key === 'addr' || key === 'size') && value === key ? 8 : value));
    for (const lane of ['callbacks', 'promises', 'futures']) {
      expect(validate(run[lane]), `${file} ${lane}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  }
});
