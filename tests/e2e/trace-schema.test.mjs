// Every lane's trace, for every preset on both clocks and both promise styles,
// matches docs/trace.schema.json; and the schema refuses what it should.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Ajv from 'ajv';
import { start, openPage } from './harness.mjs';

let env;
let page;
let validate;
before(async () => {
  const schema = JSON.parse(await readFile(new URL('../../docs/trace.schema.json', import.meta.url), 'utf8'));
  validate = new Ajv({ allErrors: true }).compile(schema);
  env = await start('web');
  ({ page } = await openPage(env.browser, env.url));
  await page.waitForFunction(() => window.playground !== undefined);
});
after(async () => {
  await env?.close();
});

test('every trace matches the schema', async () => {
  const results = await page.evaluate(async () => {
    const out = [];
    for (const { id } of window.playground.presets()) {
      for (const clock of ['virtual', 'real']) {
        for (const promiseStyle of ['then', 'await']) {
          const timings = id === 'self-ref' || id === 'interop' ? [3] : [3, 2, 1];
          out.push(await window.playground.run({ preset: id, clock, promiseStyle, timings }));
        }
      }
    }
    return out;
  });
  assert.equal(results.length, 24);
  for (const result of results) {
    for (const lane of ['callbacks', 'promises', 'futures']) {
      const ok = validate(result[lane]);
      assert.ok(ok, `${lane}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  }
});

test('the schema refuses malformed traces', () => {
  const good = { version: 1, lane: 'futures', clock: 'virtual', events: [{ seq: 0, t: 0, kind: 'spawn', task: 1, size: 8 }] };
  assert.ok(validate(good));
  const bad = [
    { ...good, version: 2 },
    { ...good, lane: 'threads' },
    { ...good, events: [{ seq: 0, t: 0, kind: 'teleport' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'poll_end', task: 1, result: 'maybe' }] },
    { ...good, events: [{ seq: 0, t: 0, kind: 'timer_set', timer: 1 }] },
    { ...good, events: [{ seq: 0, t: -1, kind: 'log', text: 'x' }] },
  ];
  for (const trace of bad) assert.ok(!validate(trace), JSON.stringify(trace.events ?? trace));
});
