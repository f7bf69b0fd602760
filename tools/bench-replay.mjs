// The `replay` workload of `just bench`: the page's replay, stepped through
// every position of the largest program the limits allow, as a user steps it
// with the → key. What it measures is in docs/benchmarks.md ("Replay").

/** Steps nested from the root (depth 1) to `limits.MAX_DEPTH` (6). */
const DEPTH = 6;
const KINDS = ['all', 'seq', 'race', 'create_then_await'];

/**
 * The largest program the limits allow (crates/playground/src/program/scenario.rs
 * `limits`): 32 timers, 64 steps, nested 6 deep, with logs and blocks, so
 * every lane has all its kinds of events.
 */
export function largestProgram() {
  let timers = 0;
  let steps = 0;
  const sleep = () => {
    timers += 1;
    steps += 1;
    return { type: 'sleep', label: `Timer ${timers}`, ms: 10 + ((timers * 37) % 200) };
  };
  const log = (text) => {
    steps += 1;
    return { type: 'log', text };
  };
  /** A chain from `depth` down to DEPTH: a sleep, a log and the next level. */
  const chain = (depth, n) => {
    if (depth === DEPTH) return [sleep(), sleep()];
    steps += 1;
    const inner = { type: KINDS[(depth + n) % KINDS.length], steps: chain(depth + 1, n) };
    return [sleep(), log(`chain ${n} at ${depth}`), inner];
  };
  steps += 1; // the root
  const root = [log('start'), { type: 'block', ms: 5 }];
  steps += 1;
  for (let n = 0; n < 4; n += 1) {
    steps += 1;
    root.push({ type: KINDS[n], steps: chain(3, n) });
  }
  while (timers < 32 && steps < 63) root.push(sleep());
  root.push(log('done'));
  return { type: 'seq', steps: root };
}

/** The value below which `p` of the sorted `xs` lie. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
};
const spread = (xs) => ({ median: percentile(xs, 0.5), p95: percentile(xs, 0.95) });

/**
 * Opens `url` (a served page: dist/ for `just bench`) on the largest program,
 * Virtual clock, and steps its replay from the first position to the last.
 * - `build_ms`: building the replay model for the run (the page's
 *   `performance.measure('replay model')`);
 * - `step_work_ms`: a step's work: the → key dispatched, then a layout
 *   property read, so script, style and layout are done;
 * - `step_frame_ms`: from the key press to the next animation frame;
 * - `frame_floor_ms`: the same wait with no step, taken between steps, so
 *   `step_frame_ms - frame_floor_ms` is what a step costs on screen.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{positions?: number}} [options] step only this many positions (quick runs)
 */
export async function measureReplay(browser, url, { positions } = {}) {
  // The program's link, as the page writes it; then a page opened on it.
  const first = await browser.newPage();
  await first.goto(url);
  await first.waitForSelector('body[data-ready="true"]');
  const fragment = await first.evaluate((s) => window.playground.encodeFragment(s), largestProgram());
  await first.close();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${url}#clock=virtual&style=then&s=${fragment}`);
    await page.waitForSelector('body[data-ready="true"]');
    return await page.evaluate(async (limit) => {
      const run = window.playground.lastRun();
      const events = ['callbacks', 'promises', 'futures'].reduce((n, lane) => n + run[lane].events.length, 0);
      const build = performance.getEntriesByName('replay model').at(-1);
      if (!build) throw new Error('the page measured no "replay model"');
      const scrubber = /** @type {HTMLInputElement} */ (document.querySelector('#scrubber'));
      scrubber.value = '0';
      scrubber.dispatchEvent(new Event('input'));
      const count = Math.min(Number(scrubber.max), limit ?? Infinity);
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      const work = [];
      const frames = [];
      const floor = [];
      for (let i = 0; i < count; i += 1) {
        await frame();
        let t0 = performance.now();
        floor.push((await frame()) - t0);
        t0 = performance.now();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        void document.body.offsetHeight; // style and layout, now
        work.push(performance.now() - t0);
        frames.push((await frame()) - t0);
      }
      if (Number(scrubber.value) !== count) throw new Error(`stepped to ${scrubber.value}, not ${count}`);
      return { events, steps: count, build: build.duration, work, frames, floor };
    }, positions);
  } finally {
    await page.close();
  }
}

/** The figures of a `measureReplay` result, as results.json keeps them. */
export function replayFigures(r) {
  return {
    events: r.events,
    steps: r.steps,
    build_ms: r.build,
    step_work_ms: spread(r.work),
    step_frame_ms: spread(r.frames),
    frame_floor_ms: spread(r.floor),
  };
}
