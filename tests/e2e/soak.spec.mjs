// Soak: an impatient user. 1,000 Virtual runs and 200 Real runs, each started
// while the one before is still in flight. No trace may hold an event of an
// earlier run; the runtime must be empty when idle; memory must stop growing.
// The figures are printed, attached to the report and saved in
// tests/artifacts/soak.json. SOAK_VIRTUAL and SOAK_REAL change the counts.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { test, expect, openPlayground } from './fixtures.mjs';

const VIRTUAL_RUNS = Number(process.env.SOAK_VIRTUAL ?? 1000);
const REAL_RUNS = Number(process.env.SOAK_REAL ?? 200);
const MB = 1024 * 1024;
const ARTIFACTS = new URL('../artifacts/', import.meta.url);

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

test('1,000 virtual and 200 real runs, each cutting the last one short', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await openPlayground(page);
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
  await mkdir(ARTIFACTS, { recursive: true });
  const saved = fileURLToPath(new URL('soak.json', ARTIFACTS));
  await writeFile(saved, JSON.stringify(figures, null, 1));
  await testInfo.attach('soak.json', { path: saved, contentType: 'application/json' });

  for (const [name, result, count] of [['virtual', virtual, VIRTUAL_RUNS], ['real', real, REAL_RUNS]]) {
    expect(result.outcomes, name).toHaveLength(count);
    for (const o of new Set(result.outcomes)) {
      expect(['completed', 'cancelled'], `${name}: ${JSON.stringify(figures[name])}`).toContain(o);
    }
    expect(figures[name].completed ?? 0, `${name}: the last run completes`).toBeGreaterThanOrEqual(1);
    expect(result.counters, name).toEqual({ liveTasks: 0, queuedTasks: 0, pendingTimers: 0, armedTimeouts: 0, stuckTasks: 0 });
  }
  expect(figures.growth.wasm, 'wasm memory growth in bytes').toBeLessThanOrEqual(MB);
  expect(figures.growth.jsHeap, 'JS heap growth in bytes').toBeLessThanOrEqual(MB);
});
