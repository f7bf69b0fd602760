// Every lane's trace, for every preset on both clocks and both promise styles,
// matches docs/trace.schema.json; and the schema refuses what it should.
import { readFileSync } from 'node:fs';
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
          const timings = ['self-ref', 'interop', 'lost-wake'].includes(id) ? [3] : [3, 2, 1];
          out.push(await window.playground.run({ preset: id, clock, promiseStyle, timings }));
        }
      }
    }
    return out;
  });
  expect(results).toHaveLength(36); // 9 presets × 2 styles × 2 clocks
  for (const result of results) {
    for (const lane of ['callbacks', 'promises', 'futures']) {
      const ok = validate(result[lane]);
      expect(ok, `${lane}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  }
});

test('the schema refuses malformed traces', () => {
  const good = { version: 1, lane: 'futures', clock: 'virtual', events: [{ seq: 0, t: 0, kind: 'spawn', task: 1, size: 8 }] };
  expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
  const bad = [
    { ...good, version: 2 },
    { ...good, lane: 'threads' },
    { ...good, events: [{ seq: 0, t: 0, kind: 'teleport' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'poll_end', task: 1, result: 'maybe' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'timer_set', timer: 1 }] },
    { ...good, events: [{ seq: 0, t: -1, kind: 'log', text: 'x' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'enqueue', handler: 'teleport', step: 'scenario', by: 'timer' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'enqueue', handler: 'then', step: 'scenario' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'engine_job', handler: 'then', step: 'scenario' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'callback_end' }] },
  ];
  for (const trace of bad) expect(validate(trace), JSON.stringify(trace.events ?? trace)).toBe(false);
});
