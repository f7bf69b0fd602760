// The comparison on the page: the checkbox "Compare with spawn_local" adds
// the lane "Rust on spawn_local" (its code, event loop and trace), a row in
// the Timeline and in the Summary, and the Summary's sentence on the two Rust
// lanes; every step of the lane has a sentence of its own in What happened,
// whose numbers are the event's; the link keeps the comparison.
import { test, expect, openPlayground } from './fixtures.mjs';
import { formatMs } from '../../web/dom.js';
import { buildReplay } from '../../web/replay/index.js';

const PRESETS = ['sequential', 'join', 'race', 'cancel-at-await', 'lazy', 'nested', 'spawn', 'early-sleep', 'blocking', 'starve', 'overdue', 'lost-wake', 'interop', 'self-ref'];

test('the checkbox adds the lane: the Rust panel\'s code with the other prelude, its places and its trace', async ({ page }) => {
  await openPlayground(page, '/#preset=sequential');
  const lane = page.getByRole('region', { name: 'Rust on spawn_local' });
  await expect(lane).toBeHidden();
  const box = page.getByRole('checkbox', { name: 'Compare with spawn_local' });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(lane).toBeVisible();
  await expect(page).toHaveURL(/&compare=1&/);
  const run = await page.evaluate(() => window.playground.lastRun());
  await expect(lane.getByRole('list', { name: 'Rust on spawn_local trace' }).getByRole('listitem')).toHaveCount(run.spawnLocal.events.length);
  const ours = (await page.evaluate(() => window.playground.code({ preset: 'sequential' }))).futures.code;
  const theirs = await lane.locator('#code-spawnLocal').textContent();
  expect(theirs.replace(/\n+$/, '')).toBe(ours.replace('use runtime::prelude::*;', 'use spawn_local_lane::prelude::*;').replace(/\n+$/, ''));
  for (const place of ['Web APIs', 'Task queue', 'Microtask queue', 'Call stack']) {
    await expect(lane.getByRole('list', { name: place, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('group', { name: 'Timeline of all four lanes' })).toBeVisible();
  await expect(page.locator('#summary-rows th', { hasText: 'Rust on spawn_local' })).toHaveCount(1);
  await expect(page.locator('#summary-compare')).toHaveText('Both Rust lanes logged their last line at 350 ms. Each set 3 browser '
    + 'timers: gloo-timers (spawn_local\'s sleeps) one per sleep, the page\'s executor one at a time, for the sleep due next. spawn_local ran its 4 polls in 4 '
    + 'microtasks; the page\'s executor ran its 4 polls in 4 batches.');
  // The sentences about three lanes say which three, and which executor.
  await expect(page.locator('#summary-sentence')).toHaveText('All four lanes logged their last line at 350 ms; '
    + 'the Rust task on the page\'s executor was polled 4 times for 3 wakes.');
  await expect(page.locator('#in-this-run')).toHaveText('In this run, all four lanes logged their last line at 350 ms; the Rust task on the page\'s executor was polled 4 times and woken 3 times.');
  // Unchecked: the next run has three lanes again.
  await box.uncheck();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(lane).toBeHidden();
  await expect(page.locator('#summary-compare')).toBeHidden();
  await expect(page.locator('#summary-sentence')).toHaveText('Every lane logged its last line at 350 ms; the Rust task was polled 4 times for 3 wakes.');
  await expect(page).not.toHaveURL(/compare=/);
});

test('stepping through the lane: its places follow the executor, and What happened says what it did', async ({ page }) => {
  await openPlayground(page, '/#preset=sequential&compare=1');
  await expect(page.getByRole('checkbox', { name: 'Compare with spawn_local' })).toBeChecked();
  const lane = page.getByRole('region', { name: 'Rust on spawn_local' });
  await expect(lane).toBeVisible();
  // The 200 ms poll, in its microtask: a click on its row goes there.
  const rows = lane.getByRole('list', { name: 'Rust on spawn_local trace' }).getByRole('listitem');
  const at = (kind, t) => rows.filter({ has: page.locator(`.kind:text-is("${kind}")`) }).filter({ has: page.locator(`.t:text-is("${t}")`) });
  await at('poll_start', '200 ms').click();
  await expect(lane.getByRole('list', { name: 'Call stack' }).getByRole('listitem')).toHaveText(['poll task 1', 'spawn_local\'s microtask']);
  await expect(page.locator('#what-happened')).toHaveText('200 ms: spawn_local polls task 1: it calls poll on the task\'s future, '
    + 'which runs until it reaches an .await that is not ready yet, or until it finishes.');
  await at('timer_fired', '200 ms').click();
  await expect(lane.getByRole('list', { name: 'Call stack' }).getByRole('listitem')).toHaveText(['Timer 1: gloo\'s callback (wakes the sleep\'s task)']);
  await at('microtask_queued', '200 ms').click();
  await expect(lane.getByRole('list', { name: 'Microtask queue' }).getByRole('listitem')).toHaveText(['spawn_local\'s microtask: poll task 1']);
  await at('timer_set', '200 ms').click();
  await expect(page.locator('#what-happened')).toHaveText('200 ms: the sleep for Timer 2 set a browser timer of 100 ms (setTimeout) on '
    + 'line 5. gloo-timers starts a sleep\'s timer as soon as the sleep is created, before anything awaits it; most futures do '
    + 'nothing until they are polled.');
  await expect(lane.getByRole('list', { name: 'Web APIs' }).getByRole('listitem')).toHaveText(['Timer 2: gloo\'s timer, due at 300 ms']);
  await expect(lane.locator('#code-spawnLocal .line.current')).toHaveText('    sleep_ms(100).await; // Timer 2');
});

test('every step of the lane has its own sentence, with the event\'s numbers; its places obey the event loop and end empty', async ({ page }) => {
  await openPlayground(page);
  const runs = await page.evaluate(async (presets) => {
    const out = [];
    for (const preset of presets) out.push(await window.playground.run({ preset, compare: true }));
    return out;
  }, PRESETS);
  for (const [i, run] of runs.entries()) {
    const replay = buildReplay(run);
    const steps = replay.filter((at) => at.entry.lane === 'spawnLocal');
    expect(steps).toHaveLength(run.spawnLocal.events.length);
    for (const at of steps) {
      const e = at.entry.event;
      const where = `${PRESETS[i]} #${e.seq} ${e.kind}`;
      const { text, fallback } = at.told;
      expect(fallback, where).toBe(false);
      expect(text.startsWith(`${formatMs(e.t)}: `), where).toBe(true);
      expect(text, where).not.toMatch(/undefined|NaN|\bno task\b/);
      if (e.task !== undefined) expect(text, where).toContain(`task ${e.task}`);
      if (e.label !== undefined) expect(text, where).toContain(e.label);
      if (e.kind === 'timer_set') expect(text, where).toContain(`of ${formatMs(e.ms)}`);
      if (e.kind === 'timer_fired' && e.late) expect(text, where).toContain(`${formatMs(e.late)} after it was due`);
      if (e.kind === 'log') expect(text, where).toContain(`“${e.text}”`);
      if (e.line !== undefined && ['timer_set', 'log', 'block'].includes(e.kind)) expect(text, where).toContain(`line ${e.line}`);
      expect(at.places.spawnLocal.problems, where).toEqual([]);
    }
    const end = replay.at(-1).places.spawnLocal;
    expect([end.webApis, end.taskQueue, end.callStack, end.microtasks], PRESETS[i]).toEqual([[], [], [], 0]);
  }
});

test('starve: the Summary says the two Rust lanes printed in another order, and why', async ({ page }) => {
  await openPlayground(page, '/#preset=starve&compare=1');
  await expect(page.locator('#summary-compare')).toContainText('The two Rust lanes printed in different orders: the page\'s executor '
    + 'printed “Timer 1 done”, then “Loop done”; spawn_local printed “Loop done”, then “Timer 1 done”. On spawn_local, each time the '
    + 'task woke itself during its poll, spawn_local polled it again in a new microtask, and the browser runs no timer callback until '
    + 'the microtask queue is empty: so Timer 1\'s callback waited, and fired 25 ms late (25 microtasks ran after it was due). The '
    + 'page\'s executor polls only until its time slice is used up, then gives the browser a turn, so timers can fire: Timer 1 '
    + 'fired at 8 ms there.');
});

test('overdue: the Summary says the two Rust lanes printed in another order, and why', async ({ page }) => {
  await openPlayground(page, '/#preset=overdue&compare=1');
  await expect(page.locator('#summary-compare')).toHaveText('The two Rust lanes printed in different orders: the page\'s executor '
    + 'printed “Timer 1 done”, then “Timer 2 done”; spawn_local printed “Timer 2 done”, then “Timer 1 done”. On the page\'s '
    + 'executor, Timer 2 and Timer 1 were both overdue when its one browser timer\'s callback ran, at 100 ms: each woke task 1, the '
    + 'second wake found it already queued, and the one poll that followed found both sleeps done and printed “Timer 1 done”, then '
    + '“Timer 2 done”, in the order its code reached them. On spawn_local, gloo had set a browser timer per sleep: the browser ran '
    + 'their callbacks one at a time (Timer 2\'s, then Timer 1\'s, in the order they fell due), and after each, spawn_local polled '
    + 'the task in a microtask, before the next callback, so each poll found one more sleep done. gloo-timers (spawn_local\'s sleeps) set 2 browser timers, one '
    + 'per sleep, up to 2 pending at once; the page\'s executor keeps one browser timer pending at a time (it '
    + 'set 1 in all). spawn_local ran its 3 '
    + 'polls in 3 microtasks; the page\'s executor ran its 2 polls in 2 batches.');
});

test('self-ref runs on the lane too: What happened says borrowed points into the future, which never moved', async ({ page }) => {
  await openPlayground(page, '/#preset=self-ref&compare=1');
  const lane = page.getByRole('region', { name: 'Rust on spawn_local' });
  await expect(lane).toBeVisible();
  await expect(lane.locator('#spawn-local-refused')).toBeHidden();
  const rows = lane.getByRole('list', { name: 'Rust on spawn_local trace' }).getByRole('listitem');
  await rows.filter({ has: page.locator('.kind:text-is("address")') }).last().click();
  await expect(page.locator('#what-happened')).toHaveText(/^100 ms: in task 1's future, borrowed points at 0x[0-9a-f]+, where s lives: the future points into itself; the same as at the last poll: it never moved\.$/);
});

test('a bad compare= in a link is said, and the comparison stays as it was', async ({ page }) => {
  await openPlayground(page, '/#preset=join&compare=yes');
  const lane = page.getByRole('region', { name: 'Rust on spawn_local' });
  await expect(page.locator('#error')).toHaveText('Link: compare must be 1 (shows the spawn_local lane); the lane stays hidden');
  await expect(page.getByRole('checkbox', { name: 'Compare with spawn_local' })).not.toBeChecked();
  await expect(lane).toBeHidden();
  // With the comparison on, a bad link keeps it on (the page's last good state).
  await page.getByRole('checkbox', { name: 'Compare with spawn_local' }).check();
  await page.evaluate(() => { location.hash = '#preset=sequential&compare=2'; });
  await expect(page.locator('#error')).toHaveText('Link: compare must be 1 (shows the spawn_local lane); the lane stays shown');
  await expect(page.getByRole('checkbox', { name: 'Compare with spawn_local' })).toBeChecked();
});

test('where the spawn_local lane cannot be downloaded, the run has three lanes and says why', async ({ page, problems }) => {
  await page.route(/playground_spawn_local/, (route) => route.abort());
  await openPlayground(page, '/#preset=sequential&compare=1');
  const lane = page.getByRole('region', { name: 'Rust on spawn_local' });
  await expect(lane.locator('#spawn-local-refused')).toHaveText(/^The spawn_local lane could not be loaded, so this run has three lanes\./);
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).toHaveText('350 ms');
  // Run still runs.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).toHaveText('350 ms');
  // The failed downloads are the browser's own report; nothing else went wrong.
  const others = problems.filter((p) => !/^console: Failed to load resource: net::ERR_FAILED \(\S+\/pkg\/playground_spawn_local/.test(p));
  problems.splice(0, problems.length, ...others);
});
