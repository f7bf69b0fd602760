// The JS panels are the programs that ran: each JS panel's text, run as a
// whole script in a fresh node:vm realm that has only setTimeout,
// clearTimeout and console.log (on a virtual clock), sets and fires the same
// timers and logs the same texts, in the same order and at the same times,
// as its lane did in the page, for every preset in both promise styles and
// for 100 random scenarios (yields, loops and spawns among them). (So the
// lane's recording of its microtasks moves nothing the panel shows.) (The
// Rust panel is compiled and checked the same way natively:
// crates/playground/tests/compiled_panels.rs.)
import { test, expect } from './fixtures.mjs';
import { runScript, scriptEvents, eventsOf } from '../js-panel.mjs';
import { random, scenario } from '../random-scenario.mjs';

test.describe.configure({ mode: 'default' });

const RANDOM_SCENARIOS = 100;


async function check(page, options, name) {
  const { code, result } = await page.evaluate(async (o) => ({
    code: window.playground.code(o),
    result: await window.playground.run({ ...o, clock: 'virtual' }),
  }), options);
  for (const lane of ['callbacks', 'promises']) {
    expect(await scriptEvents(code[lane].code), `${name}: the ${lane} panel, run as a script:\n${code[lane].code}`)
      .toEqual(eventsOf(result[lane]));
  }
}

test('every preset\'s JS panels, run as scripts, time and log what their lanes did, when they did', async ({ sharedPage: page }) => {
  const presets = await page.evaluate(() => window.playground.presets().map((p) => p.id));
  for (const preset of presets) {
    for (const promiseStyle of ['then', 'await']) await check(page, { preset, promiseStyle }, `${preset}, ${promiseStyle}`);
  }
});

test(`${RANDOM_SCENARIOS} random scenarios' JS panels, run as scripts, time and log what their lanes did`, async ({ sharedPage: page }) => {
  const next = random(0x5eed);
  for (let i = 0; i < RANDOM_SCENARIOS; i += 1) {
    const s = scenario(next);
    for (const promiseStyle of ['then', 'await']) {
      await check(page, { scenario: s, promiseStyle }, `random ${i} ${JSON.stringify(s)}, ${promiseStyle}`);
    }
  }
});

test('the script runner itself sees order and time: a panel that logged wrongly would fail', async () => {
  // The runner must tell apart a log at 0 from one at 10, and two orders.
  expect(await runScript('setTimeout(() => console.log("b"), 10); Promise.resolve().then(() => console.log("a"));'))
    .toEqual([['a', 0], ['b', 10]]);
  expect(await runScript('setTimeout(() => console.log("x"), 5); setTimeout(() => console.log("y"), 5);'))
    .toEqual([['x', 5], ['y', 5]]);
  // And when each timer was set and fired.
  expect(await scriptEvents('setTimeout(() => setTimeout(() => console.log("z"), 3), 5);'))
    .toEqual([['set', 5, 0], ['fired', 5], ['set', 3, 5], ['fired', 8], ['log', 'z', 8]]);
});
