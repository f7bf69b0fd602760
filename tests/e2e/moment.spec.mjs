// Links to a moment of a run (`step=` an event index, `t=` a time in ms):
// the page opens the replay there; Copy link gives the link of the current
// step; a bad one is named in the alert and the replay opens at its start.
import { test, expect, openPlayground } from './fixtures.mjs';

test('step= and t= open the replay at that moment; a bad one is named', async ({ page }) => {
  await openPlayground(page, '/#preset=sequential&clock=virtual&style=then&step=13');
  await expect(page.locator('#position')).toHaveText(/^Event 13 of \d+, /);
  // Each lane's line at that step stays marked when the editors take the panels' place.
  const marked = () => page.evaluate(() => [...document.querySelectorAll('.lane .current:is(.line, .cm-line)')]
    .map((line) => `${/** @type {HTMLElement} */ (line.closest('.lane')).dataset.lane}: ${line.textContent}`));
  await expect(page.locator('.lane .cm-line.current')).toHaveCount(3);
  expect(await marked()).toEqual(['callbacks: setTimeout(() => { // Timer 1', 'promises: timer(200) // Timer 1', 'futures:     sleep_ms(200).await; // Timer 1']);
  // The moment's lanes are brought up, under the bar that stays at the top.
  const lanesTop = () => page.locator('.lanes').evaluate((lanes) => lanes.getBoundingClientRect().top);
  const barBottom = await page.locator('#bar').evaluate((bar) => bar.getBoundingClientRect().bottom);
  await expect.poll(lanesTop).toBeLessThan(barBottom + 20);
  expect(await lanesTop()).toBeGreaterThanOrEqual(barBottom);
  await page.goto('about:blank');
  await openPlayground(page, '/#preset=sequential&clock=virtual&style=then&t=200');
  // The first event at or after 200 ms.
  const first200 = await page.evaluate(() => {
    const r = window.playground.lastRun();
    return Math.min(...['callbacks', 'promises', 'futures'].map((l) => r[l].events.find((e) => e.t >= 200).t));
  });
  expect(first200).toBe(200);
  await expect(page.locator('#position')).toHaveText(/ at 200 ms: /);
  for (const [bad, said] of [['step=99999', /^Link: step must be a whole number from 1 to \d+, this run's events; the replay opens at event 1$/],
    ['step=0', /Link: step must be a whole number from 1/], ['step=abc', /Link: step must be a whole number/],
    ['t=-5', /Link: t must be a time in ms from 0 to 350, this run's length/], ['t=9000', /Link: t must be a time in ms from 0 to 350/]]) {
    await page.goto('about:blank');
    await openPlayground(page, `/#preset=sequential&clock=virtual&style=then&${bad}`);
    await expect(page.getByRole('alert'), bad).toHaveText(said);
    await expect(page.locator('#position'), bad).toHaveText(/^Event 1 of/);
    // Its message is at the top: the page stays there.
    expect(await page.evaluate(() => window.scrollY), bad).toBe(0);
  }
});

test('Copy link gives the link of the step shown, which opens there', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page, '/#preset=race&clock=virtual&style=await');
  await page.getByLabel('Replay position').fill('9');
  await expect(page.locator('#position')).toHaveText(/^Event 10 of (\d+)/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('#share-status')).toHaveText(/^Link copied: it opens this program at event 10 of \d+\.$/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#preset=race&.*&step=10$/);
  await page.goto('about:blank');
  await openPlayground(page, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.locator('#position')).toHaveText(/^Event 10 of/);
  // At the start, the link carries no step.
  await page.getByLabel('Replay position').fill('0');
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).not.toMatch(/step=/);
});

test('after an edit, the old run\'s lines are not marked on the new code, and What happened says whose they are', async ({ page }) => {
  await openPlayground(page, '/#preset=sequential&clock=virtual&style=then&step=21');
  await expect(page.locator('.lane .cm-line.current')).toHaveCount(3);
  const stale = page.locator('#what-happened-stale');
  await expect(stale).toBeHidden();
  const before = await page.locator('#what-happened').textContent();
  // Another promise style rewrites the Promises panel, not the run shown.
  await page.getByRole('radio', { name: 'async/await' }).check();
  await expect(page.locator('.lane .current:is(.line, .cm-line)')).toHaveCount(0);
  await expect(stale).toHaveText('Replaying your last run, from before your edit: its line numbers are that code\'s. Press Run to replay your current code.');
  await expect(page.locator('#what-happened')).toHaveText(before);
  // Steps still move the traces, with no line marked on code that did not run.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('#position')).toHaveText(/^Event 22 of /);
  await expect(page.locator('.lane .current:is(.line, .cm-line)')).toHaveCount(0);
  // Back as it was: the run is of the program shown again.
  await page.getByRole('radio', { name: '.then' }).check();
  await expect(stale).toBeHidden();
  await page.getByRole('radio', { name: 'async/await' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(stale).toBeHidden();
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('.lane .current:is(.line, .cm-line)').first()).toBeVisible();
  // Another clock changes no line of code: the run's lines stay marked.
  await page.getByRole('radio', { name: 'Real' }).check();
  await expect(page.locator('#program-status')).toContainText('changed since the last run');
  await expect(stale).toBeHidden();
  await expect(page.locator('.lane .current:is(.line, .cm-line)').first()).toBeVisible();
});
