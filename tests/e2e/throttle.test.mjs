// A frozen page (as a hidden or discarded tab is): timers stop; when it comes
// back, every due timer fires once, in order, in every lane, and the traces
// say how late (`late` on timer_fired). Driven through the Chrome DevTools
// Protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openReadyPage } from './harness.mjs';

let env;
before(async () => {
  env = await start('web');
});
after(async () => {
  await env?.close();
});

const FROZEN_MS = 700;

test('after a freeze, every due timer fires once, in order, marked late', async () => {
  const { page, problems } = await openReadyPage(env.browser, env.url);
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(() => {
    window.__frozenRun = window.playground.run({ preset: 'join', clock: 'real', timings: [150, 200, 250] });
  });
  // Pausing the page's JS stops it as a frozen tab is stopped: timers come
  // due but cannot run. (Page.setWebLifecycleState 'frozen' does not stop
  // timers in headless Chromium: tried.)
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.pause');
  await new Promise((r) => setTimeout(r, FROZEN_MS));
  await cdp.send('Debugger.resume');
  const r = await page.evaluate(() => window.__frozenRun);

  for (const lane of ['callbacks', 'promises', 'futures']) {
    const fired = r[lane].events.filter((e) => e.kind === 'timer_fired');
    assert.deepEqual(fired.map((e) => e.label), ['Timer 1', 'Timer 2', 'Timer 3'], `${lane}: once each, in order`);
    for (const e of fired) {
      assert.ok(e.late > 100, `${lane} ${e.label}: late by ${e.late} ms`);
    }
    const log = r[lane].events.find((e) => e.kind === 'log');
    assert.ok(log.t >= Math.max(...fired.map((e) => e.t)), `${lane} logs after the last timer`);
  }
  // The Rust lane's reactor expired all three in one late callback.
  const wakes = r.futures.events.filter((e) => e.kind === 'wake' && e.by === 'timer');
  assert.equal(wakes.length, 3);
  assert.equal(r.futures.events.filter((e) => e.kind === 'poll_start').length, 2, 'three wakes, one poll');
  const counters = await page.evaluate(() => window.playground.counters('real'));
  assert.deepEqual(counters, { liveTasks: 0, queuedTasks: 0, pendingTimers: 0, armedTimeouts: 0 });
  assert.deepEqual(problems, []);
  await page.close();
});
