import { test, openPlayground } from './fixtures.mjs';
test('tmp', async ({ page }) => {
  await openPlayground(page);
  const scenario = { type: 'seq', steps: [{ type: 'all', steps: [
    { type: 'seq', steps: [{ type: 'sleep', label: 'Timer 1', ms: 5 }, { type: 'log', text: 'Timer 1 done' }] },
    { type: 'seq', steps: [{ type: 'repeat', times: 30, steps: [{ type: 'block', ms: 1 }, { type: 'yield' }] }, { type: 'log', text: 'Loop done' }] }] }] };
  for (const style of ['then', 'await']) {
    const r = await page.evaluate(([s, promiseStyle]) => window.playground.run({ scenario: s, clock: 'virtual', promiseStyle }), [scenario, style]);
    for (const lane of ['callbacks', 'promises', 'futures']) {
      console.log(style, lane, JSON.stringify(r[lane].events.filter((e) => ['timer_fired', 'log', 'yield', 'batch'].includes(e.kind) && !(e.label === 'yield')).map((e) => [e.kind, e.t, e.label ?? e.text ?? e.turn ?? e.queued])));
    }
  }
});
