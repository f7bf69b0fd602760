// Steps the replay specs share (event-loop, state-machine, what-happened).
import { expect } from './fixtures.mjs';
import { merge } from '../../web/replay/merge.js';
import { formatMs } from '../../web/dom.js';

const LANE_NAMES = { callbacks: 'Callbacks', promises: 'Promises', futures: 'Rust futures' };

/** Moves the replay to the first event matching `pattern`, as the replay
 * names it ("kind in Lane at time"); returns its position. */
export async function seekTo(page, pattern) {
  const merged = merge(await page.evaluate(() => window.playground.lastRun()));
  const named = ({ lane, event: e }) => `${e.kind} in ${LANE_NAMES[lane]} at ${formatMs(e.t)}`;
  const index = merged.findIndex((m) => pattern.test(named(m)));
  expect(index, `no event matches ${pattern}`).toBeGreaterThanOrEqual(0);
  await page.getByLabel('Replay position').fill(String(index));
  // The position line: where and when, then the event in words, its kind in brackets.
  const { lane, event } = merged[index];
  await expect(page.locator('#position')).toHaveText(new RegExp(`^Event ${index + 1} of \\d+, in ${LANE_NAMES[lane]} at ${formatMs(event.t)}: .*\\(${event.kind}\\)$`));
  return index;
}

/** Runs the default example on the Real clock with timers of 30, 20 and
 * 10 ms, and waits until the run is over. */
export async function runOnRealClock(page) {
  await page.getByRole('radio', { name: 'Real' }).check();
  for (const [i, ms] of [30, 20, 10].entries()) await page.locator('#timings-list input').nth(i).fill(String(ms));
  const run = page.getByRole('button', { name: 'Run' });
  await run.click();
  await expect(run).not.toHaveAttribute('aria-busy', 'true');
}

/** Moves the replay to its last event (a run opens at its first). */
export async function seekEnd(page) {
  const scrubber = page.getByLabel('Replay position');
  const last = await scrubber.getAttribute('max');
  await scrubber.fill(String(last));
  await expect(page.locator('#position')).toHaveText(new RegExp(`^Event (\\d+) of \\1,`));
}
