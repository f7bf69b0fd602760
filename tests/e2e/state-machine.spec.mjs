// The State machine beside the Rust lane's code: the enum rustc makes of the
// panel's `async fn run()`, one variant a line, the live one marked
// aria-current="step" as the replay moves (Step back/forward, the scrubber,
// Play, on both clocks), and the future's size: rustc's for a preset's
// program, "not known" for any other.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test, expect, openPlayground } from './fixtures.mjs';
import { seekTo, seekEnd, runOnRealClock } from './replay-steps.mjs';

const require = createRequire(import.meta.url);

const machine = (page) => page.getByRole('region', { name: 'State machine', exact: true });
const variants = (page) => machine(page).getByRole('listitem');
const current = (page) => machine(page).locator('[aria-current="step"]');

test('the default example: Unresumed before the first poll, Suspend0 while Timer 1 is pending, Returned at the end', async ({ page }) => {
  await openPlayground(page);
  // In the Rust futures lane, with the enum written one variant a line.
  const region = page.getByRole('region', { name: 'Rust futures', exact: true }).getByRole('region', { name: 'State machine', exact: true });
  await expect(region).toBeVisible();
  await expect(machine(page)).toContainText('enum RunFuture {');
  await expect(variants(page)).toHaveText([
    /^Unresumed, \/\/ /,
    /^Suspend0 \{ __awaitee: Sleep \}, \/\/ suspended at line 4$/,
    /^Suspend1 \{ __awaitee: Sleep \}, \/\/ suspended at line 5$/,
    /^Suspend2 \{ __awaitee: Sleep \}, \/\/ suspended at line 6$/,
    /^Returned, \/\/ /,
    /^Panicked, \/\/ /,
  ]);
  await expect(page.locator('#state-size')).toHaveText(/^size_of: \d+ bytes: all the memory one run\(\) future takes, as rustc lays it out/);
  await expect(page.locator('#state-size')).toContainText('was compiled into the page, and the lane runs that very future');
  // The replay opens at the start, before the first poll: Unresumed.
  await expect(current(page)).toHaveCount(1);
  await expect(current(page)).toHaveAttribute('data-variant', 'Unresumed');
  // The run is over: Returned.
  await seekEnd(page);
  await expect(current(page)).toHaveAttribute('data-variant', 'Returned');
  await page.getByLabel('Replay position').fill('0');
  await expect(current(page)).toHaveAttribute('data-variant', 'Unresumed');
  await seekTo(page, /poll_start in Rust futures at 0 ms/);
  await expect(current(page)).toHaveAttribute('data-variant', 'Unresumed');
  // The first poll suspends at Timer 1's await; it stays there while Timer 1
  // waits in the reactor, until it fires.
  const index = await seekTo(page, /state in Rust futures at 0 ms/);
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend0');
  await expect(current(page)).toHaveText(/Suspend0 \{ __awaitee: Sleep \}/);
  await expect(page.locator('#timer-queue')).toContainText('Timer 1: due at 200 ms');
  // Step back and forward follow.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(current(page)).toHaveAttribute('data-variant', 'Unresumed');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('#position')).toHaveText(new RegExp(`^Event ${index + 1} of`));
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend0');
  await seekTo(page, /timer_fired in Rust futures at 200 ms/);
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend0');
  await seekTo(page, /state in Rust futures at 200 ms/);
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend1');
  // Play to the end.
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('#position')).toHaveText(/Event (\d+) of \1,/, { timeout: 30_000 });
  await expect(current(page)).toHaveAttribute('data-variant', 'Returned');
});

test('on the Real clock the State machine follows Play from Unresumed to Returned', async ({ page }) => {
  await openPlayground(page);
  await runOnRealClock(page);
  await seekEnd(page);
  await expect(current(page)).toHaveAttribute('data-variant', 'Returned');
  // Timings do not change the future's type: still rustc's size.
  await expect(page.locator('#state-size')).toHaveText(/^size_of: \d+ bytes/);
  await page.getByLabel('Replay position').fill('0');
  await expect(current(page)).toHaveAttribute('data-variant', 'Unresumed');
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend0', { timeout: 30_000 });
  await expect(current(page)).toHaveAttribute('data-variant', 'Returned', { timeout: 30_000 });
});

test('self-ref holds s and borrowed in Suspend0; lost-wake ends at Suspend0', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Example').selectOption('self-ref');
  await expect(variants(page).nth(1)).toHaveText(/^Suspend0 \{ s: String, borrowed: &String, __awaitee: Sleep \},/);
  await seekEnd(page);
  await expect(current(page)).toHaveAttribute('data-variant', 'Returned');
  await expect(page.locator('#state-size')).toHaveText(/^size_of: \d+ bytes: all the memory one run\(\) future takes, as rustc lays it out/);
  // Its lane runs its own async fn (timing and text as arguments), not the measured run().
  await expect(page.locator('#state-size')).toContainText('The lane runs this example as its own async fn');
  await page.getByLabel('Example').selectOption('lost-wake');
  await expect(variants(page).nth(1)).toHaveText(/^Suspend0 \{ __awaitee: LostWake \},/);
  // Never polled again: it stays suspended at its one await.
  await seekEnd(page);
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend0');
  await page.getByLabel('Example').selectOption('lazy');
  await expect(variants(page).nth(1)).toHaveText(/^Suspend0 \{ f2: impl Future, f3: impl Future, __awaitee: impl Future \},/);
});

test('nested: run()\'s future holds brew()\'s, both sizes rustc\'s, and run() is suspended at each call in turn', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Example').selectOption('nested');
  await expect(variants(page)).toContainText([
    'Suspend0 { __awaitee: {async fn body of brew()} }, // suspended at line 9',
    'Suspend1 { __awaitee: {async fn body of brew()} }, // suspended at line 11',
  ]);
  const run = Number((await page.locator('#state-size').textContent()).match(/^size_of: (\d+) bytes/)[1]);
  const brew = machine(page).locator('.helper .size');
  await expect(brew).toHaveText(/^size_of: \d+ bytes: size_of_val\(&brew\(\)\) in this program compiled to WebAssembly/);
  const text = await brew.textContent();
  const own = Number(text.match(/^size_of: (\d+) bytes/)[1]);
  // The caller's future holds the callee's: it is the larger, and says so.
  expect(own).toBeLessThan(run);
  expect(text).toContain(`run()'s future (${run} bytes) holds it in __awaitee while it waits at brew().await`);
  expect(text).toContain('Its 2 states that wait on brew() keep that future in the same bytes');
  // The lane's states: at the first call while Timer 1 runs, then the second.
  await seekTo(page, /state in Rust futures at 0 ms/);
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend0');
  await seekTo(page, /state in Rust futures at 200 ms/);
  await expect(current(page)).toHaveAttribute('data-variant', 'Suspend1');
  await seekEnd(page);
  await expect(current(page)).toHaveAttribute('data-variant', 'Returned');
});

test('a custom program says its size is not known', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Add timer' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#state-size')).toHaveText(/^size_of: not known for this program\. .*\(a timer added, or code you wrote\)/);
  // Four sleeps: four Suspend variants.
  await expect(variants(page)).toHaveCount(4 + 3);
  await seekEnd(page);
  await expect(current(page)).toHaveAttribute('data-variant', 'Returned');
});

test('the State machine is accessible (axe-core) and fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page);
  await page.getByLabel('Replay position').fill('0');
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run('#state-machine', { resultTypes: ['violations'] }));
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`)).toEqual([]);
  const overflow = await machine(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'no sideways scrolling at phone width').toBeLessThanOrEqual(0);
});

test('before the module that reads it arrives (just after the first run), the State machine says so; then it shows the live variant', async ({ page }) => {
  /** @type {() => void} */
  let release = () => {};
  const held = new Promise((done) => { release = done; });
  await page.route(/playground_text_bg\.wasm/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/#preset=sequential&step=20');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(machine(page).locator('#state-size')).toHaveText(/^Loading: this enum is worked out from run\(\) by the editor's Rust support/);
  await expect(machine(page).locator('.enum')).toBeHidden();
  // The run is on screen meanwhile, at its step.
  await expect(page.locator('#position')).toHaveText(/^Event 20 of /);
  release();
  await expect(variants(page)).toHaveCount(6);
  await expect(current(page)).toHaveCount(1);
  await expect(current(page)).toHaveText(/^Suspend0 /);
});
