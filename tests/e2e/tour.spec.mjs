// The tour (web/tour/): every chapter driven as a learner would, from its
// link: its example loads, its part of the page is outlined, its question's
// right answer is accepted and a wrong one explained (the answer is the
// run's: change a timing first and it changes), its task refused with what
// is missing and accepted when solved; by keyboard, at phone width, with
// progress kept in the browser. tests/replay/tour.test.mjs decides the same
// questions on the golden traces.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test, expect } from './fixtures.mjs';

const require = createRequire(import.meta.url);

const tour = (page) => page.getByRole('region', { name: /^Tour, chapter/ });
const verdict = (page) => tour(page).locator('.verdict').first();
const taskSaid = (page) => tour(page).locator('.verdict').nth(1);

/** Opens `path` and waits until the app has started (a chapter with a
 * question shows no run until it is answered). */
async function open(page, path) {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(page.locator('body')).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
}

/** Picks `choice` and answers. */
async function answer(page, choice) {
  await tour(page).getByRole('radio', { name: choice, exact: true }).check();
  await tour(page).getByRole('button', { name: 'Answer, then run' }).click();
}

/** Each chapter: its example, the part of the page outlined, its right answer and a wrong one. */
const CHAPTERS = [
  ['callbacks', 'sequential', 'lane-callbacks', 'at 350 ms', 'at 200 ms'],
  ['promises', 'sequential', 'lane-promises', 'at the same time', 'sooner'],
  ['async-await', 'sequential', 'lane-promises', 'at 350 ms', 'never'],
  ['polling', 'sequential', 'lane-futures', '4 times', 'once'],
  ['waker', 'lost-wake', 'inside-title', 'never', 'at 100 ms'],
  ['lazy', 'lazy', 'lane-futures', 'at 350 ms', 'at 200 ms'],
  ['concurrency', 'race', 'timeline-title', '2', 'none'],
  ['executors', 'overdue', 'lane-futures', 'Timer 1 done', 'Timer 2 done'],
  ['state-machine', 'sequential', 'state-machine-title', 'Suspend0', 'Returned'],
  ['pin', 'self-ref', 'inside-title', 'no', 'yes'],
  ['your-own', 'sequential', 'lane-futures', null, null],
];

test('playground.tour() lists the chapters in order; a bad chapter in a link is named', async ({ page }) => {
  await open(page, '/#tour=nope');
  await expect(page.getByRole('alert')).toContainText('Link: tour must be one of callbacks, promises, async-await');
  // And on a link opened in the page (Back, Forward, a pasted address).
  await page.evaluate(() => { location.hash = '#preset=join'; });
  await expect(page.getByRole('alert')).toBeHidden();
  await page.evaluate(() => { location.hash = '#tour=later&preset=race'; });
  await expect(page.getByRole('alert')).toContainText('Link: tour must be one of callbacks, promises, async-await');
  const chapters = await page.evaluate(() => window.playground.tour());
  expect(chapters.map((c) => c.id)).toEqual(CHAPTERS.map(([id]) => id));
  expect(chapters[0]).toEqual({ id: 'callbacks', title: 'Callbacks' });
});

test('a question below the panel\'s bottom: Question below shows it; the status line asks for the answer until the run', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '/#tour=callbacks');
  const status = page.locator('#program-status');
  await expect(status).toHaveText(/^The run is hidden until you answer the tour's question/);
  const more = tour(page).getByRole('button', { name: 'Question below ↓' });
  const choice = tour(page).getByRole('radio', { name: 'at 350 ms', exact: true });
  /** The choice is above the buttons that stay at the panel's bottom. */
  const inSight = async () => {
    const [box, nav] = await Promise.all([choice.boundingBox(), tour(page).locator('.tour-nav').boundingBox()]);
    return box !== null && nav !== null && box.y + box.height <= nav.y;
  };
  // The panel is a third of the screen: the choices are below its bottom.
  await expect(more).toBeVisible();
  expect(await inSight()).toBe(false);
  await more.click();
  await expect.poll(inSight).toBe(true);
  await expect(more).toBeHidden();
  // At the bottom, the focus went on to the question (Next would skip it).
  await expect(tour(page).getByRole('radio').first()).toBeFocused();
  await answer(page, 'at 350 ms');
  await expect(status).toHaveText(/^Up to date/);
  // Folded to its heading, the panel has nothing below.
  await tour(page).evaluate((root) => { root.scrollTop = 0; });
  await expect(more).toBeVisible();
  // The question in sight, and a little more of the chapter below: More below.
  await tour(page).evaluate((root) => { root.scrollTop = root.scrollHeight - root.clientHeight - 20; });
  await expect(tour(page).getByRole('button', { name: 'More below ↓' })).toBeVisible();
  await tour(page).getByRole('button', { name: 'Hide text' }).click();
  await expect(more).toBeHidden();
  await expect(tour(page).getByRole('button', { name: /below ↓$/ })).toBeHidden();
  // Folded: the heading, Back and Next.
  await expect(tour(page).getByRole('button', { name: 'Close tour' })).toBeHidden();
  await expect(tour(page).getByRole('button', { name: 'Next' })).toBeVisible();
});

/** Where a chapter's deciding step is seen best, where not its trace row. */
const SHOWN = { concurrency: '#timeline-section', 'state-machine': '#state-variants [aria-current="step"]', pin: '#memory' };

test('every chapter: its example, its part of the page, a wrong answer explained, then the right one accepted, with the step that decides it', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [i, [id, preset, focus, right, wrong]] of CHAPTERS.entries()) {
    // A fresh page each time (a new fragment alone would keep the last run).
    await page.goto('about:blank');
    await open(page, `/#tour=${id}`);
    await expect(tour(page).getByRole('heading', { level: 2 })).toHaveText(new RegExp(`^Tour, chapter ${i + 1} of 11: `));
    await expect(page.getByLabel('Example')).toHaveValue(preset);
    // The chapter on another executor turns the comparison on; the others leave it off.
    await expect(page.getByRole('checkbox', { name: 'Compare with spawn_local' })).toBeChecked({ checked: id === 'executors' });
    await expect(page.locator('.tour-focus')).toHaveCount(1);
    expect(await page.locator('.tour-focus').evaluate((el, f) => el.contains(document.getElementById(f)), focus), id).toBe(true);
    expect(await page.evaluate(() => location.hash)).toMatch(new RegExp(`^#tour=${id}&`));
    if (!right) {
      // No question here: no choices, no Answer button.
      await expect(tour(page).getByRole('button', { name: 'Answer, then run' })).toBeHidden();
      continue;
    }
    // Predict first: no run of this chapter's program is shown yet.
    await expect(page.locator('#what-happened')).toHaveText('No run yet.');
    await answer(page, wrong);
    await expect(verdict(page)).toHaveText(new RegExp(`^Not quite: the answer is “${right}”\\. `));
    await answer(page, right);
    await expect(verdict(page)).toHaveText(/^Right\. /);
    await tour(page).getByRole('button', { name: 'Show the step that decides it' }).click();
    await expect(page.locator('#position')).not.toHaveText(/^Event 1 of/);
    // Where the step is seen best is in sight, below the Run bar and above
    // the tour's panel: its row in its lane's trace, or the part of the page
    // the question is about (its top, if it is taller than the space left).
    const lane = { Callbacks: 'callbacks', Promises: 'promises', 'Rust futures': 'futures' }[
      (await page.locator('#position').textContent()).match(/, in (.+?) at \d/)[1]];
    const shown = SHOWN[id] ?? `#trace-${lane} [aria-current="step"]`;
    await expect.poll(() => page.evaluate((selector) => {
      const target = document.querySelector(selector);
      const box = target?.getBoundingClientRect();
      const bar = document.querySelector('.bar').getBoundingClientRect();
      const panel = document.querySelector('#tour').getBoundingClientRect();
      const room = panel.top - bar.bottom;
      // A row is in sight only inside its list's own scrolled view, too.
      const list = target?.closest('.trace')?.getBoundingClientRect();
      const inList = !list || (box.top >= list.top - 1 && box.bottom <= list.bottom + 1);
      return Boolean(box) && inList && box.top >= bar.bottom - 1 && (box.bottom <= panel.top + 1 || (box.height > room && box.top < panel.top));
    }, shown), `${id}: the deciding step (${shown}) in sight`).toBe(true);
    // Asked again, it stays where it is.
    const before = await page.evaluate((selector) => document.querySelector(selector).getBoundingClientRect().top, shown);
    await tour(page).getByRole('button', { name: 'Show the step that decides it' }).click();
    await page.waitForTimeout(100);
    expect(Math.abs(await page.evaluate((selector) => document.querySelector(selector).getBoundingClientRect().top, shown) - before), id)
      .toBeLessThanOrEqual(2);
  }
});

test('the chapter on another executor turns the comparison on for itself; the learner\'s own setting comes back after', async ({ page }) => {
  await open(page, '/#tour=executors');
  const box = page.getByRole('checkbox', { name: 'Compare with spawn_local' });
  await expect(box).toBeChecked();
  await answer(page, 'Timer 1 done');
  await expect(verdict(page)).toHaveText(/^Right\. The Rust futures lane printed “Timer 1 done” first\. The same code on spawn_local printed “Timer 2 done” first\. On the page's executor, Timer 2 and Timer 1 were both overdue /);
  await expect(page.getByRole('region', { name: 'Rust on spawn_local' })).toBeVisible();
  await tour(page).getByRole('button', { name: 'Next' }).click();
  await expect(box).not.toBeChecked();
  await expect(page).not.toHaveURL(/compare=1/);
  await tour(page).getByRole('button', { name: 'Back' }).click();
  await expect(box).toBeChecked();
  await tour(page).getByRole('button', { name: 'Close tour' }).click();
  await expect(box).not.toBeChecked();
  // Turned on by hand, it stays on after the tour.
  await page.goto('about:blank');
  await open(page, '/#tour=executors');
  await box.uncheck();
  await box.check();
  await tour(page).getByRole('button', { name: 'Close tour' }).click();
  await expect(box).toBeChecked();
});

test('the answer is the run\'s: a timing changed before answering changes it', async ({ page }) => {
  await open(page, '/#tour=callbacks');
  await expect(tour(page).getByRole('radio')).toHaveCount(3);
  await page.getByLabel('Timer 3 (ms)').fill('0');
  // The choices follow the timings: 300 ms is now the sum.
  await expect(tour(page).getByRole('radio', { name: 'at 300 ms', exact: true })).toHaveCount(1);
  await expect(tour(page).locator('.choices-said')).toHaveText('New choices for the timings you changed: answer for the program as it is now.');
  await answer(page, 'at 300 ms');
  await expect(verdict(page)).toHaveText('Right. The Callbacks lane logged its last line at 300 ms. '
    + 'Each timer is set only when the one before it fires, so the waits add up: 200 + 100 + 0 = 300 ms.');
  // Another timing: the verdict was on the program before; it goes.
  await page.getByLabel('Timer 1 (ms)').fill('100');
  await expect(verdict(page)).toBeHidden();
  await expect(tour(page).getByRole('radio', { name: 'at 200 ms', exact: true })).toHaveCount(1);
});

test('tasks: refused with what is missing, accepted when solved, by timings and by code', async ({ page }) => {
  await open(page, '/#tour=callbacks');
  const check = tour(page).getByRole('button', { name: 'Check my change' });
  await check.click();
  await expect(taskSaid(page)).toHaveText('Not yet: Callbacks at 350 ms, Promises at 350 ms, Rust futures at 350 ms.');
  await page.getByLabel('Timer 2 (ms)').fill('50');
  await check.click();
  await expect(taskSaid(page)).toHaveText('Well done! Every lane logged at 300 ms.');
  // The lazy example: make the Rust lane finish with the JS lanes, in the code.
  await tour(page).getByRole('button', { name: 'Close tour' }).click();
  await expect(tour(page)).toBeHidden();
  await open(page, '/#tour=lazy');
  await tour(page).getByRole('button', { name: 'Check my change' }).click();
  await expect(taskSaid(page)).toHaveText('Not yet: Callbacks at 200 ms, Promises at 200 ms, Rust futures at 350 ms.');
  const early = ['use runtime::prelude::*;', '', 'async fn run() {', '    join!(sleep_ms(200), sleep_ms(100), sleep_ms(50));',
    '    log("Done awaiting");', '}', ''].join('\n');
  await page.getByRole('textbox', { name: 'Rust code' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  // A text with an error is refused, never judged on the last good run.
  await page.keyboard.insertText('use runtime::prelude::*;\n\nasync fn run() {\n    join!(sleep_ms(5)).await;\n}\n');
  await tour(page).getByRole('button', { name: 'Check my change' }).click();
  await expect(taskSaid(page)).toHaveText(/^The program has an error/);
  await page.getByRole('textbox', { name: 'Rust code' }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(early);
  await tour(page).getByRole('button', { name: 'Check my change' }).click();
  await expect(taskSaid(page)).toHaveText('Well done! All three lanes logged at 200 ms.');
});

test('the other tasks: a timing, Add timer, each checked on the run', async ({ page }) => {
  const check = async () => tour(page).getByRole('button', { name: 'Check my change' }).click();
  await open(page, '/#tour=promises');
  await page.getByLabel('Timer 1 (ms)').fill('100');
  await check();
  await expect(taskSaid(page)).toHaveText('Well done! The Promises lane logged at 250 ms.');
  for (const id of ['polling', 'state-machine']) {
    await page.goto('about:blank');
    await open(page, `/#tour=${id}`);
    await check();
    await expect(taskSaid(page)).toHaveText(/^Not yet: /);
    await page.getByRole('button', { name: 'Add timer' }).click();
    await check();
    await expect(taskSaid(page), id).toHaveText(/^Well done! /);
  }
  await page.goto('about:blank');
  await open(page, '/#tour=concurrency');
  await check();
  await expect(taskSaid(page)).toHaveText('Not yet: Timer 3 won the race in the Rust lane.');
  await page.getByLabel('Timer 1 (ms)').fill('10');
  await check();
  await expect(taskSaid(page)).toHaveText('Well done! Timer 1 won; select! dropped the others: Timer 2 and Timer 3 cancelled.');
});

test('progress is kept in this browser, and Reset progress forgets it', async ({ page }) => {
  await open(page, '/#tour=promises');
  await answer(page, 'sooner');
  await expect(tour(page).locator('.tour-progress')).toContainText('1 of 10 questions answered, 0 of 7 tasks solved');
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(tour(page).locator('.tour-progress')).toContainText('1 of 10 questions answered');
  await tour(page).getByRole('button', { name: 'Reset progress' }).click();
  await expect(tour(page).locator('.tour-progress')).toContainText('0 of 10 questions answered');
  // Next and Back move through the chapters, and the link follows.
  await tour(page).getByRole('button', { name: 'Next' }).click();
  await expect(tour(page).getByRole('heading', { level: 2 })).toHaveText('Tour, chapter 3 of 11: async and await');
  // Its question waits: the last run (of the same program) is hidden until answered.
  await expect(page.getByRole('list', { name: 'Promises trace' })).toBeHidden();
  await answer(page, 'at 350 ms');
  await expect(page.getByRole('list', { name: 'Promises trace' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'async/await' })).toBeChecked();
  expect(await page.evaluate(() => location.hash)).toMatch(/^#tour=async-await&/);
  await tour(page).getByRole('button', { name: 'Back' }).click();
  await expect(tour(page).getByRole('heading', { level: 2 })).toHaveText('Tour, chapter 2 of 11: Promises');
});

test('by keyboard alone, at phone width: open, answer, move on; no sideways scrolling, no axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '/');
  await page.getByRole('button', { name: 'Tour', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(tour(page).getByRole('heading', { level: 2 })).toBeFocused();
  await expect(tour(page).getByRole('heading', { level: 2 })).toHaveText('Tour, chapter 1 of 11: Callbacks');
  // Past Hide text, Tab to the first choice, arrow to the second (350 ms), Tab to Answer.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveText(/^Right\. /);
  // Hide text folds the panel to its heading and Back / Next.
  await tour(page).getByRole('button', { name: 'Hide text' }).click();
  await expect(tour(page).getByRole('button', { name: 'Show text' })).toHaveAttribute('aria-expanded', 'false');
  await expect(verdict(page)).toBeHidden();
  await expect(tour(page).getByRole('button', { name: 'Next' })).toBeVisible();
  await expect(tour(page).getByRole('button', { name: 'Reset progress' })).toBeHidden();
  // Folded, it leaves most of a phone's screen to the page.
  expect(await tour(page).evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(844 / 5);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run('#tour', { resultTypes: ['violations'] }));
  expect(results.violations.map((v) => `${v.id} (${v.impact})`)).toEqual([]);
});

test('the tour loads when first opened; if it cannot, Tour says so and tries again', async ({ page, problems }) => {
  const loads = [];
  page.on('request', (r) => { if (/\/tour\/(tour|chapters|tour-view)\.js$/.test(r.url())) loads.push(new URL(r.url()).pathname); });
  await page.route(/\/tour\/tour\.js$/, (route) => route.abort());
  await open(page, '/');
  expect(loads, 'nothing of the tour before it is opened').toEqual([]);
  await page.getByRole('button', { name: 'Tour' }).click();
  await expect(page.locator('#tour-said')).toHaveText('The tour could not be downloaded (are you offline?): press Tour to try again, or reload the page.');
  await expect(page.getByRole('button', { name: 'Run', exact: true }), 'the page still runs').toBeEnabled();
  // Said beside Tour: a timing's error, where the controls say it, stays.
  await page.getByLabel('Timer 1 (ms)').fill('-5');
  await expect(page.locator('#error')).toContainText('got -5');
  await page.getByRole('button', { name: 'Tour' }).click();
  await expect(page.locator('#tour-said')).toHaveText(/^The tour could not be downloaded/);
  await expect(page.locator('#error')).toContainText('got -5');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.getByLabel('Timer 1 (ms)').fill('200');
  await page.unroute(/\/tour\/tour\.js$/);
  await page.getByRole('button', { name: 'Tour' }).click();
  await expect(tour(page)).toBeVisible();
  await expect(page.locator('#tour-title')).toHaveText('Tour, chapter 1 of 11: Callbacks');
  await expect(page.locator('#tour-said')).toBeEmpty();
  // The link of a chapter that cannot load shows the chapter's program, and says why.
  const other = await page.context().newPage();
  await other.route(/\/tour\/tour\.js$/, (route) => route.abort());
  await other.goto('/#tour=lazy&preset=lazy&clock=virtual&style=then');
  await expect(other.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(other.locator('#error')).toHaveText('Link: it opens a chapter of the tour, but the tour could not be downloaded (are you '
    + 'offline?); the chapter\'s example is shown instead. Press Tour to try again, or reload the page.');
  await expect(other.locator('#example')).toHaveValue('lazy');
  // Online again, Tour opens that chapter.
  await other.unroute(/\/tour\/tour\.js$/);
  await other.getByRole('button', { name: 'Tour' }).click();
  await expect(other.locator('#tour-title')).toHaveText(/: Lazy futures, eager promises$/);
  await other.close();
  // The loads refused on purpose, and only those.
  const others = problems.filter((p) => !/^console: Failed to load resource: net::ERR_FAILED \(\S+\/tour\/tour\.js\)$/.test(p));
  problems.splice(0, problems.length, ...others);
});

test('a link that came while a chapter\'s tour was loading is the one shown: the chapter does not open over it', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/tour\/tour\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/#tour=lazy&preset=lazy&clock=virtual&style=then');
  // The page is up, waiting for the tour: another link comes.
  await expect(page.locator('#example')).toHaveValue('lazy');
  await page.evaluate(() => { location.hash = '#preset=race&clock=virtual&style=then'; });
  await expect(page.locator('#example')).toHaveValue('race');
  release();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(page.locator('#example')).toHaveValue('race');
  await expect(page.locator('#tour')).toBeHidden();
  expect(new URL(page.url()).hash).toMatch(/^#preset=race&/);
  await expect(page.locator('#program-status')).toHaveAttribute('data-state', 'current');
});

