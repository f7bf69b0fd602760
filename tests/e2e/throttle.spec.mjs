// A frozen page (as a hidden or discarded tab is): timers stop; when it comes
// back, every due timer fires once, in order, in every lane, and the traces
// say how late (`late` on timer_fired). Driven through the Chrome DevTools
// Protocol.
import { test, expect, openPlayground } from './fixtures.mjs';

const FROZEN_MS = 1000;

test('after a freeze, every due timer fires once, in order, marked late', async ({ page }) => {
  await openPlayground(page);
  const cdp = await page.context().newCDPSession(page);
  // The debugger is on before the run starts, so the pause comes at once
  // after it: the first timer is due 300 ms in, time enough on a busy
  // machine (with 150 ms and the debugger enabled in between, a pause once
  // came 100 ms after the run's start).
  await cdp.send('Debugger.enable');
  await page.evaluate(() => {
    window.__frozenRun = window.playground.run({ preset: 'join', clock: 'real', timings: [300, 350, 400] });
  });
  // Pausing the page's JS stops it as a frozen tab is stopped: timers come
  // due but cannot run. (Page.setWebLifecycleState 'frozen' does not stop
  // timers in headless Chromium: tried.)
  await cdp.send('Debugger.pause');
  await new Promise((r) => setTimeout(r, FROZEN_MS));
  await cdp.send('Debugger.resume');
  const r = await page.evaluate(() => window.__frozenRun);

  for (const lane of ['callbacks', 'promises', 'futures']) {
    const fired = r[lane].events.filter((e) => e.kind === 'timer_fired');
    expect(fired.map((e) => e.label), `${lane}: once each, in order`).toEqual(['Timer 1', 'Timer 2', 'Timer 3']);
    for (const e of fired) expect(e.late, `${lane} ${e.label}: late by ${e.late} ms`).toBeGreaterThan(100);
    const log = r[lane].events.find((e) => e.kind === 'log');
    expect(log.t, `${lane} logs after the last timer`).toBeGreaterThanOrEqual(Math.max(...fired.map((e) => e.t)));
  }
  // The Rust lane's reactor expired all three in one late callback.
  const wakes = r.futures.events.filter((e) => e.kind === 'wake' && e.by === 'timer');
  expect(wakes).toHaveLength(3);
  expect(r.futures.events.filter((e) => e.kind === 'poll_start'), 'three wakes, one poll').toHaveLength(2);
  const counters = await page.evaluate(() => window.playground.counters('real'));
  expect(counters).toEqual({ liveTasks: 0, queuedTasks: 0, pendingTimers: 0, armedTimeouts: 0, stuckTasks: 0 });
});
