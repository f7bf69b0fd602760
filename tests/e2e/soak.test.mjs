// Soak: an impatient user. 1,000 Virtual runs and 200 Real runs, each started
// while the one before is still in flight. No trace may hold an event of an
// earlier run; the runtime must be empty when idle; memory must stop growing.
// The figures are printed and saved in tests/artifacts/soak.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { start, openReadyPage } from './harness.mjs';

const VIRTUAL_RUNS = Number(process.env.SOAK_VIRTUAL ?? 1000);
const REAL_RUNS = Number(process.env.SOAK_REAL ?? 200);
const MB = 1024 * 1024;

let env;
before(async () => {
  env = await start('web');
});
after(async () => {
  await env?.close();
});

/** In the page: `n` runs, each started before the previous one finished;
 * returns what each run's promise gave (were its traces its own?). */
const soak = async ([n, clockName]) => {
    const pg = window.playground;
    const outcomes = [];
    const pending = [];
    // Every run has its own timings, so a stray event shows by its `ms`.
    const timingsOf = (i) => (clockName === 'virtual' ? [1 + (i % 900), 2000 + i, 3] : [4 + (i % 5), 3, 2]);
    for (let i = 0; i < n; i += 1) {
      const timings = timingsOf(i);
      pending.push(pg.run({ preset: 'sequential', clock: clockName, timings }).then((r) => {
        const own = ['callbacks', 'promises', 'futures'].every((lane) => {
          const set = r[lane].events.filter((e) => e.kind === 'timer_set').map((e) => e.ms);
          return JSON.stringify(set) === JSON.stringify(timings);
        });
        outcomes.push(own ? 'completed' : 'mixed');
      }, (e) => outcomes.push(/cancelled by a newer run/.test(e.message) ? 'cancelled' : `error: ${e.message}`)));
      // Let the run get going (a few tasks), then click again.
      const waits = clockName === 'virtual' ? i % 3 : 1 + (i % 3);
      for (let w = 0; w < waits; w += 1) await new Promise((r) => setTimeout(r, clockName === 'virtual' ? 0 : 1));
    }
    await Promise.all(pending);
    return { outcomes, counters: pg.counters(clockName) };
};

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.playground.wasmMemoryBytes());
  return { jsHeap: usedSize, wasm };
}

test('1,000 virtual and 200 real runs, each cutting the last one short', { timeout: 300_000 }, async () => {
  const { page, problems } = await openReadyPage(env.browser, env.url);
  const cdp = await page.context().newCDPSession(page);
  // Warm up, so the allocator has its working set before we measure.
  await page.evaluate(soak, [50, 'virtual']);
  const before = await memory(page, cdp);

  const virtual = await page.evaluate(soak, [VIRTUAL_RUNS, 'virtual']);
  const real = await page.evaluate(soak, [REAL_RUNS, 'real']);
  const afterSoak = await memory(page, cdp);

  const tally = (outcomes) => outcomes.reduce((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});
  const figures = {
    virtual: tally(virtual.outcomes),
    real: tally(real.outcomes),
    memory: { before, after: afterSoak },
    growth: { jsHeap: afterSoak.jsHeap - before.jsHeap, wasm: afterSoak.wasm - before.wasm },
  };
  console.log(`# soak: ${JSON.stringify(figures)}`);
  await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
  await writeFile(new URL('../artifacts/soak.json', import.meta.url), JSON.stringify(figures, null, 1));

  for (const [name, result, count] of [['virtual', virtual, VIRTUAL_RUNS], ['real', real, REAL_RUNS]]) {
    assert.equal(result.outcomes.length, count, name);
    assert.ok(result.outcomes.every((o) => o === 'completed' || o === 'cancelled'), `${name}: ${JSON.stringify(figures[name])}`);
    assert.ok((figures[name].completed ?? 0) >= 1, `${name}: the last run completes`);
    assert.deepEqual(result.counters, { liveTasks: 0, queuedTasks: 0, pendingTimers: 0, armedTimeouts: 0 }, name);
  }
  assert.ok(figures.growth.wasm <= MB, `wasm memory grew ${figures.growth.wasm} bytes`);
  assert.ok(figures.growth.jsHeap <= MB, `JS heap grew ${figures.growth.jsHeap} bytes`);
  assert.deepEqual(problems, []);
  await page.close();
});
