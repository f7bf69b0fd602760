// The embed (embed.html), as a writer uses it: the lanes a link chooses and
// only those, at the link's moment; a bad value falls back with a message,
// never a blank frame; inside a sandboxed cross-origin <iframe> it runs and
// tells its host its height; "Open in the playground" opens the same run at
// the same event; `edit=1` makes the Rust panel an editor. And the page's
// Share section: the embed's snippet, the Markdown link, the timeline as
// SVG and PNG.
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { test, expect, openPlayground } from './fixtures.mjs';

const require = createRequire(import.meta.url);

const LANE_NAMES = { callbacks: 'Callbacks', promises: 'Promises', futures: 'Rust futures' };
const SEQUENTIAL = 'preset=sequential&clock=virtual&style=then';

/** Opens the embed at `fragment` and waits for its first run. */
async function openEmbed(page, fragment) {
  await page.goto(`/embed.html#${fragment}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
}

/** The lanes the embed shows: their headings, and the timeline's rows. */
async function shownLanes(page) {
  const headings = await page.locator('.lanes > section:visible h2').allTextContents();
  const rows = await page.locator('#timeline .lane-label').allTextContents();
  return { headings, rows };
}

test('each lanes choice shows those lanes and only those, and steps through their events only', async ({ page }) => {
  await openEmbed(page, SEQUENTIAL);
  const all = Number((await page.locator('#position').textContent()).match(/of (\d+)/)[1]);
  expect(await shownLanes(page)).toEqual({ headings: Object.values(LANE_NAMES), rows: Object.values(LANE_NAMES) });
  /** @type {Record<string, number>} each lane's events alone */
  const counts = {};
  for (const lanes of [['callbacks'], ['promises'], ['futures'], ['promises', 'futures'], ['futures', 'callbacks']]) {
    await page.goto('about:blank');
    await openEmbed(page, `${SEQUENTIAL}&lanes=${lanes.join(',')}`);
    const names = ['callbacks', 'promises', 'futures'].filter((l) => lanes.includes(l)).map((l) => LANE_NAMES[l]);
    expect(await shownLanes(page), lanes.join()).toEqual({ headings: names, rows: names });
    await expect(page).toHaveTitle('Futures playground: Sequential timers');
    await expect(page.locator('#timeline')).toHaveAttribute('aria-label', lanes.length === 1
      ? `Timeline of ${names[0]}` : `Timeline of ${names.join(' and ')}`);
    const count = Number((await page.locator('#position').textContent()).match(/of (\d+)/)[1]);
    if (lanes.length === 1) counts[lanes[0]] = count;
    else expect(count, lanes.join()).toBe(lanes.reduce((sum, l) => sum + counts[l], 0));
    // Stepping to the end never leaves the lanes shown.
    await page.locator('#scrubber').fill(String(count - 1));
    for (const name of Object.values(LANE_NAMES).filter((n) => !names.includes(n))) {
      await expect(page.locator('#position')).not.toContainText(`in ${name} at`);
    }
    await expect(page.getByRole('alert')).toBeHidden();
  }
  expect(counts.callbacks + counts.promises + counts.futures).toBe(all);
});

test('step= and t= open the embed at that moment, as the page counts events', async ({ page }) => {
  // All lanes: the embed counts as the page does.
  await openEmbed(page, `${SEQUENTIAL}&step=13`);
  await expect(page.locator('#position')).toHaveText(/^Event 13 of \d+, /);
  await page.goto('about:blank');
  await openEmbed(page, `${SEQUENTIAL}&t=200`);
  await expect(page.locator('#position')).toHaveText(/ at 200 ms: /);
  // The page's last event is the Rust lane's: an embed of Callbacks alone opens at its own last.
  await page.goto('about:blank');
  await openEmbed(page, `${SEQUENTIAL}&lanes=callbacks&step=75`);
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(page.locator('#position')).toHaveText(/^Event (\d+) of \1, in Callbacks at 350 ms: /);
  // One lane: the page's event 13, or that lane's first event after it.
  await page.goto('about:blank');
  await openEmbed(page, `${SEQUENTIAL}&lanes=futures&step=13`);
  await expect(page.locator('#position')).toHaveText(/in Rust futures at/);
  const open = await page.getByRole('link', { name: 'Open in the playground' }).getAttribute('href');
  const step = Number(open.match(/&step=(\d+)$/)[1]);
  expect(step).toBeGreaterThanOrEqual(13);
  // The page at that step shows a Rust event; the page's events between 13 and it are of other lanes.
  for (let n = 13; n <= step; n += 1) {
    await page.goto('about:blank');
    await openPlayground(page, `/#${SEQUENTIAL}&step=${n}`);
    const lane = n === step ? /in Rust futures at/ : /in (Callbacks|Promises) at/;
    await expect(page.locator('#position'), `page event ${n}`).toHaveText(lane);
  }
});

test('Open in the playground opens the same program at the same event', async ({ page }) => {
  await openEmbed(page, 'preset=race&clock=virtual&style=await&step=9');
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(page.locator('#position')).toHaveText(/^Event 10 of (\d+), (.*)$/);
  const said = await page.locator('#what-happened').textContent();
  const href = await page.getByRole('link', { name: 'Open in the playground' }).getAttribute('href');
  expect(href).toMatch(/\/index\.html#preset=race&clock=virtual&style=await&s=.*&step=10$/);
  await page.goto('about:blank');
  await openPlayground(page, href.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.locator('#position')).toHaveText(/^Event 10 of /);
  await expect(page.locator('#what-happened')).toHaveText(said);
  await expect(page.getByLabel('Example')).toHaveValue('race');
  await expect(page.getByRole('radio', { name: 'async/await' })).toBeChecked();
});

test('another link in the same frame opens that link', async ({ page }) => {
  await openEmbed(page, 'preset=race&clock=virtual&style=then&step=4');
  await expect(page.locator('#embed-title')).toHaveText('Race (select!): the first one wins');
  // Only the fragment changes: the same document, as when a host page
  // changes its iframe's link.
  await page.evaluate(() => { location.hash = '#preset=sequential&clock=virtual&style=then&step=9'; });
  await expect(page.locator('#embed-title')).toHaveText('Sequential timers');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('#position')).toHaveText(/^Event 9 of /);
});

test('a bad step, t, lanes or edit falls back to the default with a message, never a blank frame', async ({ page }) => {
  for (const [bad, said] of [
    ['step=99999', /^Link: step must be a whole number from 1 to \d+, the run's events in all three lanes; the replay opens at event 1$/],
    ['t=-1', /^Link: t must be a time in ms from 0 to 350, this run's length; the replay opens at event 1$/],
    ['lanes=rust', /^Link: lanes must be one or more of callbacks, promises, futures, separated by commas; all three are shown$/],
    ['lanes=', /^Link: lanes must be one or more of/],
    ['edit=yes', /^Link: edit must be 1 \(an editable Rust panel\) or left out$/],
    ['preset=nope', /^Link: preset must be one of /],
    ['s=Q(S(Timer%201,-5))', /^Link: scenario.steps\[0\].ms: must be a whole number of milliseconds from 0 to 60000, got -5\. The example is shown as it is instead\.$/],
  ]) {
    await page.goto('about:blank');
    await openEmbed(page, `${SEQUENTIAL}&${bad}`);
    await expect(page.getByRole('alert'), bad).toHaveText(said);
    await expect(page.locator('#position'), bad).toHaveText(/^Event 1 of \d+/);
    await expect(page.locator('#timeline .lane-label').first(), bad).toBeVisible();
  }
});

test('a link that compares: the spawn_local lane too, chosen like the others, counted as the page counts it', async ({ page }) => {
  const OVERDUE = 'preset=overdue&clock=virtual&style=then&compare=1';
  await openEmbed(page, OVERDUE);
  const names = [...Object.values(LANE_NAMES), 'Rust on spawn_local'];
  expect(await shownLanes(page)).toEqual({ headings: names, rows: names });
  await expect(page.locator('#timeline')).toHaveAttribute('aria-label', 'Timeline of all four lanes');
  await expect(page.getByRole('alert')).toBeHidden();
  // The two Rust lanes alone: the order they printed in, side by side.
  await page.goto('about:blank');
  await openEmbed(page, `${OVERDUE}&lanes=futures,spawnLocal`);
  expect(await shownLanes(page)).toEqual({ headings: ['Rust futures', 'Rust on spawn_local'], rows: ['Rust futures', 'Rust on spawn_local'] });
  await expect(page.locator('#trace-spawnLocal .kind:text-is("log")')).toHaveCount(2);
  await expect(page.locator('#trace-spawnLocal li:has(.kind:text-is("log"))').first()).toContainText('Timer 2 done');
  await expect(page.locator('#trace-futures li:has(.kind:text-is("log"))').first()).toContainText('Timer 1 done');
  // A step copied from the page with the comparison on: the same event.
  await page.goto('about:blank');
  await openPlayground(page, `/#${OVERDUE}&step=60`);
  const there = await page.locator('#position').textContent();
  await page.goto('about:blank');
  await openEmbed(page, `${OVERDUE}&step=60`);
  await expect(page.locator('#position')).toHaveText(there);
  // spawnLocal without the comparison: said, and the other lanes named shown.
  await page.goto('about:blank');
  await openEmbed(page, 'preset=overdue&lanes=futures,spawnLocal');
  await expect(page.getByRole('alert')).toHaveText('Link: lanes can name spawnLocal only with compare=1; the other lanes it names are shown');
  expect(await shownLanes(page)).toEqual({ headings: ['Rust futures'], rows: ['Rust futures'] });
  // Fewer lanes with the comparison: the page's moment, or the next of the lanes shown.
  for (const lanes of ['futures,spawnLocal', 'callbacks,promises,futures', 'spawnLocal']) {
    await page.goto('about:blank');
    await openEmbed(page, `${OVERDUE}&lanes=${lanes}&step=60`);
    const href = await page.getByRole('link', { name: 'Open in the playground' }).getAttribute('href');
    const step = Number(href.match(/&step=(\d+)$/)[1]);
    expect(step, lanes).toBeGreaterThanOrEqual(60);
    const [, lane, time] = (await page.locator('#position').textContent()).match(/, in (.+) at (\d+ ms): /);
    await page.goto('about:blank');
    await openPlayground(page, href.replace(/^https?:\/\/[^/]+/, ''));
    await expect(page.locator('#position'), lanes).toHaveText(new RegExp(`^Event ${step} of \\d+, in ${lane} at ${time}: `));
  }
  // Out of range, the four lanes' count is said.
  await page.goto('about:blank');
  await openEmbed(page, `${OVERDUE}&step=99999`);
  await expect(page.getByRole('alert')).toHaveText(/^Link: step must be a whole number from 1 to \d+, the run's events in all four lanes; /);
});

test('inside a sandboxed cross-origin iframe it runs and posts its height', async ({ page, baseURL }) => {
  // The host: another origin (localhost, not 127.0.0.1, on its own port),
  // the snippet's sandbox reduced to allow-scripts alone.
  const src = `${baseURL}embed.html#${SEQUENTIAL}&lanes=promises,futures&step=30`;
  const host = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>A post</title><p>Before the run.</p>
      <iframe id="run" sandbox="allow-scripts" width="640" height="150" src="${src}"></iframe><p>After the run.</p>
      <script>window.heights = [];
        addEventListener('message', (e) => {
          if (e.source !== document.getElementById('run').contentWindow || e.data?.type !== 'futures-playground:height') return;
          window.heights.push(e.data);
          document.getElementById('run').height = e.data.height;
        });</script>`);
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  try {
    await page.goto(`http://localhost:${host.address().port}/`);
    const frame = page.frameLocator('#run');
    await expect(frame.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await expect(frame.locator('#position')).toHaveText(/^Event \d+ of \d+, .* at 200 ms: /);
    await expect(frame.locator('.lanes > section:visible h2')).toHaveText(['Promises', 'Rust futures']);
    await expect.poll(() => page.evaluate(() => window.heights.some((h) => h.ready))).toBe(true);
    // The last height posted is the frame's whole content: the iframe, sized by it, shows all of it.
    const posted = await page.evaluate(() => window.heights.at(-1).height);
    const content = await frame.locator('html').evaluate((html) => html.getBoundingClientRect().height);
    expect(Math.abs(posted - content)).toBeLessThanOrEqual(1);
    expect(await page.locator('#run').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThanOrEqual(posted);
    // No storage: the sandbox's opaque origin would refuse it, and nothing failed.
    await expect(frame.getByRole('alert')).toBeHidden();
    // The comparison: the spawn_local lane's hidden frame needs the embed's
    // own origin. With allow-scripts alone the embed says so, and shows the
    // three lanes; with allow-same-origin too, the fourth runs.
    const reload = (compared, sandbox) => page.evaluate(([url, flags]) => {
      // A new frame (a new fragment alone would not load the page again).
      const old = document.getElementById('run');
      const next = /** @type {HTMLIFrameElement} */ (old.cloneNode());
      next.setAttribute('sandbox', flags);
      next.src = url;
      old.replaceWith(next);
    }, [compared, sandbox]);
    const compared = `${baseURL}embed.html#preset=overdue&compare=1&lanes=futures,spawnLocal`;
    const refused = 'Rust on spawn_local can\'t run in this embed. Use Open in the playground, above, to run it. (For the writer: '
      + 'this embed is sandboxed without allow-same-origin.)';
    await reload(compared, 'allow-scripts');
    await expect(frame.locator('#spawn-local-refused')).toHaveText(refused, { timeout: 15_000 });
    await expect(frame.locator('#trace-futures li:has(.kind:text-is("log"))').first()).toContainText('Timer 1 done');
    await expect(frame.locator('#timeline .lane-label')).toHaveText(['Rust futures']);
    // That lane alone: the three others instead, and why; a step counted with it cannot be kept.
    await reload(`${baseURL}embed.html#preset=overdue&compare=1&lanes=spawnLocal&step=40`, 'allow-scripts');
    await expect(frame.getByRole('alert')).toHaveText(`${refused}\nLink: step counts the events of Rust on spawn_local, which did `
      + 'not run here; the replay opens at event 1', { timeout: 15_000 });
    await expect(frame.locator('.lanes > section:visible h2')).toHaveText(['Callbacks', 'Promises', 'Rust futures']);
    await expect(frame.locator('#timeline .lane-label')).toHaveText(['Callbacks', 'Promises', 'Rust futures']);
    await expect(frame.locator('#position')).toHaveText(/^Event 1 of /);
    await reload(compared, 'allow-scripts allow-same-origin');
    await expect(frame.locator('.lanes > section:visible h2')).toHaveText(['Rust futures', 'Rust on spawn_local'], { timeout: 15_000 });
    await expect(frame.locator('#spawn-local-refused')).toBeHidden();
    await expect(frame.locator('#trace-spawnLocal li:has(.kind:text-is("log"))').first()).toContainText('Timer 2 done');
    await expect(frame.getByRole('alert')).toBeHidden();
  } finally {
    await new Promise((done) => {
      host.close(done);
      host.closeAllConnections();
    });
  }
});

test('a post opened from disk (file://), a writer\'s draft, may frame it', async ({ page, baseURL }) => {
  // `frame-ancestors *` would refuse it: `*` matches network schemes only.
  const draft = test.info().outputPath('draft.html');
  await writeFile(draft, `<!doctype html><title>A draft</title>
    <iframe id="run" sandbox="allow-scripts" width="640" height="600"
      src="${baseURL}embed.html#${SEQUENTIAL}&lanes=futures&step=27"></iframe>`);
  await page.goto(pathToFileURL(draft).href);
  const frame = page.frameLocator('#run');
  await expect(frame.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(frame.locator('#position')).toHaveText('Event 9 of 30, in Rust futures at 200 ms: a task is woken, not run yet (wake)');
});

test('edit=1: the Rust panel is an editor, and Run runs what it holds', async ({ page }) => {
  await openEmbed(page, `${SEQUENTIAL}&edit=1&lanes=futures`);
  await expect(page.locator('body')).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
  const editor = page.getByRole('textbox', { name: 'Rust code' });
  await expect(editor).toBeVisible();
  // The last event's line is marked.
  await page.locator('#scrubber').press('End');
  const marked = page.locator('#code-futures .cm-line.current');
  await expect(marked).toHaveCount(1);
  const stale = page.locator('#what-happened-stale');
  await expect(stale).toBeHidden();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('sleep_ms(25).await;');
  // Edited: as on the page, no line is marked with the old run's, and What happened says so.
  await expect(marked).toHaveCount(0);
  await expect(stale).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(stale).toBeHidden();
  await page.locator('#scrubber').press('End');
  await expect(marked).toHaveCount(1);
  await page.locator('#scrubber').press('End');
  await expect(page.locator('#position')).toHaveText(/ at 375 ms: /);
  // The link back carries the edited program.
  expect(await page.getByRole('link', { name: 'Open in the playground' }).getAttribute('href')).toMatch(/S\(Timer%204,25\)|sleep_ms\(25\)/);
  // A text that does not parse is named; the last run stays.
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('async fn run( {');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Rust code: /);
  await expect(page.locator('#position')).toHaveText(/ at 375 ms: /);
});

test('the embed has no serious or critical accessibility violations (axe-core)', async ({ page }) => {
  await openEmbed(page, `${SEQUENTIAL}&lanes=promises,futures`);
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('Share: the embed snippet at the replay position, measured; the Markdown link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page, `/#${SEQUENTIAL}&step=30`);
  await page.getByText('Embed in a web page').click();
  const code = page.getByLabel('HTML to paste');
  // Until its height is measured, there is no snippet to copy or select (it would have the last one's height).
  const copyEmbed = page.getByRole('button', { name: 'Copy embed code' });
  await expect(code).toHaveAttribute('aria-busy', 'true');
  await expect(code).toHaveValue('');
  await expect(copyEmbed).toBeDisabled();
  await expect(page.locator('#embed-said')).toHaveText('Measuring the embed\'s height: the HTML to paste appears in the box above in a moment…');
  await expect(code).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 });
  await expect(copyEmbed).toBeEnabled();
  await expect(page.locator('#embed-said')).toBeHidden();
  await expect(code).toHaveValue(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#preset=sequential&amp;clock=virtual&amp;style=then&amp;s=[^"]*&amp;step=30" title="Futures playground: Sequential timers" width="100%" height="(\d+)" style="max-width: 640px; border: 0" loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"><\/iframe>$/);
  const height = Number((await code.inputValue()).match(/height="(\d+)"/)[1]);
  // The height is the embed's own, at 640 px.
  const src = (await code.inputValue()).match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const embed = await context.newPage();
  await embed.setViewportSize({ width: 640, height: 6000 });
  await embed.goto(src);
  await expect(embed.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  const own = await embed.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  expect(Math.abs(own - height)).toBeLessThanOrEqual(2);
  await expect(embed.locator('#position')).toHaveText(/^Event 30 of /);
  await embed.close();
  // Fewer lanes: the snippet says so, and is shorter.
  await page.getByRole('checkbox', { name: 'Callbacks' }).uncheck();
  await expect(code).toHaveValue(/&amp;step=30&amp;lanes=promises,futures"/);
  await expect(code).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 });
  expect(Number((await code.inputValue()).match(/height="(\d+)"/)[1])).toBeLessThan(height);
  // A step moves the snippet's position.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(code).toHaveValue(/&amp;step=31&amp;lanes=promises,futures"/);
  await expect(code).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
  // An event of a lane the embed leaves out is said; no lane at all, nothing to copy.
  const said = page.locator('#embed-said');
  await expect(page.locator('#position')).toHaveText(/in (Callbacks|Promises|Rust futures) at/);
  const laneNow = (await page.locator('#position').textContent()).match(/, in (.+?) at \d/)[1];
  for (const box of ['Callbacks', 'Promises', 'Rust futures']) {
    await page.getByRole('checkbox', { name: box }).setChecked(box !== laneNow);
  }
  await expect(said).toHaveText(new RegExp(`^You left the ${laneNow} lane out of the embed, and this event \\(\\d+ ms\\) is in that lane\\. The embed will open at the next event in the lanes it shows \\(or their last, if none follows\\)\\.`));
  for (const box of ['Callbacks', 'Promises', 'Rust futures']) await page.getByRole('checkbox', { name: box }).uncheck();
  await expect(said).toHaveText('Choose at least one lane for the embed.');
  await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeDisabled();
  await page.getByRole('checkbox', { name: laneNow }).check();
  await expect(said).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeEnabled();
  // The Markdown link: the program's name and event, and the link.
  await page.getByRole('button', { name: 'Copy Markdown link' }).click();
  await expect(page.locator('#share-status')).toHaveText('Markdown link copied: it opens this program at the current event.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^\[Sequential timers at 200 ms\]\(http:\/\/127\.0\.0\.1:\d+\/#preset=sequential&.*&step=31\)$/);
  // The spawn_local lane is offered once a run shows it, unticked; ticked,
  // the snippet compares and keeps the embed's origin.
  const spawnLocalBox = page.locator('input[name="embed-lane"][value="spawnLocal"]');
  await expect(spawnLocalBox).toBeHidden();
  await page.getByRole('checkbox', { name: 'Compare with spawn_local' }).check();
  await expect(spawnLocalBox).toBeHidden();
  await expect(code).not.toHaveValue(/compare=1/);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(spawnLocalBox).toBeVisible();
  await expect(spawnLocalBox).not.toBeChecked();
  await expect(page.locator('#embed-spawn-local-note')).toHaveText(/^Rust on spawn_local needs allow-same-origin, so the snippet adds it to the iframe's sandbox\. Choose it only if your page is neither on this playground's host \(127\.0\.0\.1:\d+\) nor on another subdomain of the same parent domain\. /);
  for (const box of ['Callbacks', 'Promises', 'Rust futures']) await page.getByRole('checkbox', { name: box }).check();
  // At an event of the spawn_local lane, without that lane: no comparison,
  // and the position counted over the three lanes, at the next of theirs.
  const replay = await page.evaluate(() => window.playground.lastRun());
  const rows = page.getByRole('list', { name: 'Rust on spawn_local trace' }).getByRole('listitem');
  await rows.nth(5).click();
  await expect(page.locator('#position')).toHaveText(/ in Rust on spawn_local at /);
  const at = Number((await page.locator('#position').textContent()).match(/^Event (\d+) of/)[1]) - 1;
  const { merge } = await import('../../web/replay/merge.js');
  const threeLanes = merge(replay).slice(0, at).filter((e) => e.lane !== 'spawnLocal').length;
  await expect(code).toHaveValue(new RegExp(`#preset=sequential&amp;clock=virtual&amp;style=then&amp;s=[^"]*&amp;step=${threeLanes + 1}" .* sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox">`));
  await expect(page.locator('#embed-said')).toHaveText(/^You left the Rust on spawn_local lane out of the embed, and this event/);
  await spawnLocalBox.check();
  await expect(code).toHaveValue(new RegExp(`&amp;compare=1&amp;s=[^"]*&amp;step=${at + 1}" .* sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox">`));
  await expect(page.locator('#embed-said')).toBeHidden();
  // Compare turned off without a run: the settings are not the run's, so
  // the snippet waits for Run.
  await page.getByRole('checkbox', { name: 'Compare with spawn_local' }).uncheck();
  await expect(code).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeDisabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(spawnLocalBox).toBeHidden();
  await expect(code).not.toHaveValue(/compare=1|allow-same-origin/);
});

test('the timeline exports as a self-contained SVG naming every lane, and as a 2x PNG', async ({ page, context }) => {
  await openPlayground(page, `/#${SEQUENTIAL}&step=30`);
  /** @type {string[]} */
  const names = [];
  const download = async (name) => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    names.push((await downloaded).suggestedFilename());
    return readFile(await (await downloaded).path());
  };
  const svgText = (await download('Export timeline SVG')).toString('utf8');
  // Parsed in a blank page: the page's own CSP would refuse the picture's <style> (a file needs none).
  const blank = await context.newPage();
  const parsed = await blank.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      name: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      labels: [...doc.querySelectorAll('.lane-label')].map((l) => l.textContent),
      heading: doc.querySelector('svg > text')?.textContent,
      // The lines under the title: the event's What happened sentence.
      caption: [...doc.querySelectorAll('svg > text')].slice(1).map((t) => t.textContent).join(' '),
      styled: doc.querySelector('style')?.textContent.includes('.timer'),
      external: /(href|src)="(?!#)/.test(text),
    };
  }, svgText);
  await blank.close();
  expect(parsed).toEqual({
    error: null, name: 'svg', ns: 'http://www.w3.org/2000/svg', width: 1000, height: expect.any(Number),
    labels: ['Callbacks', 'Promises', 'Rust futures'],
    heading: 'Sequential timers: the run at 200 ms',
    caption: expect.stringMatching(/^(Callbacks|Promises|Rust futures), 200 ms: ./),
    styled: true, external: false,
  });
  await expect(page.locator('#what-happened')).toContainText(parsed.caption.replace(/^[^,]+, /, ''));
  await expect(page.locator('#share-status')).toHaveText('Timeline saved as an SVG picture (all three lanes, at the current event).');
  // No buttons in a picture: its marks are shapes.
  expect(svgText).not.toMatch(/role="button"|tabindex|Enter: go to this step|data-seq/);
  const png = await download('Export timeline PNG');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * parsed.width, 2 * parsed.height]);
  // Named for the program and the event, so two pictures do not overwrite each other.
  expect(names).toEqual(['futures-playground-sequential-event-30.svg', 'futures-playground-sequential-event-30.png']);
  // The lanes ticked are the picture's: the Rust lane alone, at its wake
  // (event 27), whose arrow is ringed and outlined in red; at an event of a
  // lane left out, the message says so.
  await openPlayground(page, `/#${SEQUENTIAL}&step=27`);
  await expect(page.locator('#position')).toHaveText('Event 27 of 75, in Rust futures at 200 ms: a task is woken, not run yet (wake)');
  for (const box of ['Callbacks', 'Promises']) await page.getByRole('checkbox', { name: box }).uncheck();
  const rust = (await download('Export timeline SVG')).toString('utf8');
  expect([...rust.matchAll(/class="lane-label"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Rust futures']);
  expect([...rust.matchAll(/<line class="wake moment"/g)]).toHaveLength(1);
  const ring = rust.match(/<circle class="moment-ring" r="11" cx="([\d.]+)" cy="([\d.]+)"/);
  const cursor = rust.match(/<line class="cursor" x1="([\d.]+)"/);
  expect(Math.abs(Number(ring[1]) - Number(cursor[1]))).toBeLessThan(12);
  expect(rust).toMatch(/\.moment-ring \{/);
  await expect(page.locator('#share-status')).toHaveText('Timeline saved as an SVG picture (Rust futures, at the current event).');
  // The same moment is marked on screen.
  await expect(page.locator('#timeline .wake.moment')).toHaveCount(1);
  await expect(page.locator('#timeline .moment-ring')).toBeVisible();
  // Back to the last event of another lane (at 200 ms too).
  while (/ in Rust futures at /.test(await page.locator('#position').textContent())) {
    await page.getByRole('button', { name: 'Step back' }).click();
  }
  await expect(page.locator('#position')).toHaveText(/^Event \d+ of 75, in (Callbacks|Promises) at 200 ms: /);
  const lane = (await page.locator('#position').textContent()).match(/ in (\w+) at /)[1];
  await download('Export timeline PNG');
  await expect(page.locator('#share-status')).toHaveText('Timeline saved as a PNG picture at 2× resolution (Rust futures, at the current '
    + `event). This event is in the ${lane} lane, which the picture leaves out: the red line marks its time, 200 ms.`);
  // No lane ticked: no picture, and why.
  await page.getByRole('checkbox', { name: 'Rust futures' }).uncheck();
  await page.getByRole('button', { name: 'Export timeline SVG' }).click();
  await expect(page.locator('#share-status')).toHaveText('No picture: tick at least one lane under "Lanes in the embed and pictures", above.');
  for (const box of ['Callbacks', 'Promises', 'Rust futures']) await page.getByRole('checkbox', { name: box }).check();
  // Compared: the picture has the fourth lane once it is ticked, and the message says four.
  await page.getByRole('checkbox', { name: 'Compare with spawn_local' }).check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Rust on spawn_local' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Rust on spawn_local' }).check();
  const four = (await download('Export timeline SVG')).toString('utf8');
  expect([...four.matchAll(/class="lane-label"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Callbacks', 'Promises', 'Rust futures', 'Rust on spawn_local']);
  await expect(page.locator('#share-status')).toHaveText('Timeline saved as an SVG picture (all four lanes, at the current event).');
});

test('a picture of lanes that ended before the moment shown still has its red line, at that moment', async ({ page }) => {
  // starve: the Rust lane ends at 30 ms, the Callbacks lane at 126 ms.
  await openPlayground(page, '/#preset=starve&clock=virtual&style=then&t=126');
  await expect(page.locator('#position')).toHaveText(/ in Callbacks at 126 ms: /);
  for (const box of ['Callbacks', 'Promises']) await page.getByRole('checkbox', { name: box }).uncheck();
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export timeline SVG' }).click();
  const text = (await readFile(await (await downloaded).path())).toString('utf8');
  const width = Number(text.match(/<svg [^>]*width="(\d+)"/)[1]);
  const cursor = Number(text.match(/<line class="cursor" x1="([\d.]+)"/)[1]);
  // Inside the drawing, right of every Rust mark (its last at 30 ms).
  expect(cursor).toBeLessThan(width);
  const marks = [...text.matchAll(/<(?:rect|line|polygon) class="(?:slice|wake|log)[^"]*" (?:x|x1|points)="([\d.]+)/g)].map((m) => Number(m[1]));
  expect(marks.length).toBeGreaterThan(0);
  expect(cursor).toBeGreaterThan(Math.max(...marks));
  await expect(page.locator('#share-status')).toHaveText('Timeline saved as an SVG picture (Rust futures, at the current event). This event is in '
    + 'the Callbacks lane, which the picture leaves out: the red line marks its time, 126 ms.');
});

/**
 * A GIF's frames, read block by block (GIF89a): each image's size and its
 * delay (ms), and whether it loops.
 * @param {Buffer} gif
 */
function gifFrames(gif) {
  let at = 13 + (gif[10] & 0x80 ? 3 * 2 ** ((gif[10] & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while (gif[at] !== 0) at += gif[at] + 1;
    at += 1;
  };
  const frames = [];
  let delay = 0;
  let loops = false;
  while (gif[at] !== 0x3b) {
    if (gif[at] === 0x21) {
      const label = gif[at + 1];
      if (label === 0xf9) delay = gif.readUInt16LE(at + 4) * 10;
      if (label === 0xff && gif.subarray(at + 3, at + 14).toString('latin1') === 'NETSCAPE2.0') loops = true;
      at += 2;
      skipSubBlocks();
    } else if (gif[at] === 0x2c) {
      const width = gif.readUInt16LE(at + 5);
      const height = gif.readUInt16LE(at + 7);
      const flags = gif[at + 9];
      at += 10 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0) + 1;
      skipSubBlocks();
      frames.push({ width, height, delay });
    } else {
      throw new Error(`not a GIF block at byte ${at}: ${gif[at]}`);
    }
  }
  return { header: gif.subarray(0, 6).toString('latin1'), frames, loops, bytes: gif.length };
}

test('the replay exports as an animated GIF: one frame per event up to the one shown, each with what happened', async ({ page }) => {
  await openPlayground(page, `/#${SEQUENTIAL}&step=30`);
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export GIF: event 1 to current' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('futures-playground-sequential-replay-to-event-30.gif');
  const gif = gifFrames(await readFile(await download.path()));
  expect(gif.header).toBe('GIF89a');
  expect(gif.loops).toBe(true);
  expect(gif.frames).toHaveLength(30);
  // Each frame the picture's size: the timeline, its title and a caption of one or more lines.
  expect(new Set(gif.frames.map((f) => f.width))).toEqual(new Set([1000]));
  expect(gif.frames.slice(0, -1).every((f) => f.delay === 2500)).toBe(true);
  expect(gif.frames.at(-1)?.delay).toBe(5000);
  await expect(page.locator('#share-status')).toHaveText(
    /^GIF downloaded: events 1 to 30, one frame per event, each captioned with what happened\. \d+ KB\. To change the end, step the replay and export again\.$/);
  // The replay is where it was: the export moved only the pictures' cursor.
  await expect(page.locator('#position')).toHaveText(/^Event 30 of 75, /);
  console.log(`GIF of the notes' example to event 30: ${gif.bytes} bytes`);
  // The Rust lane alone: a frame per event of that lane up to the one shown.
  for (const box of ['Callbacks', 'Promises']) await page.getByRole('checkbox', { name: box }).uncheck();
  const rustOnly = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export GIF: event 1 to current' }).click();
  const rustFrames = gifFrames(await readFile(await (await rustOnly).path())).frames;
  const replay = await page.evaluate(() => window.playground.lastRun());
  const { merge } = await import('../../web/replay/merge.js');
  expect(rustFrames).toHaveLength(merge(replay).slice(0, 30).filter((e) => e.lane === 'futures').length);
  await expect(page.locator('#share-status')).toHaveText(new RegExp(`^GIF downloaded: the events of Rust futures up to the current one, one frame per event, `));
});

test('in a blog column (640 px) the lanes stack, each code line whole and the four places in one row; on a phone a long line wraps under its text', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await openEmbed(page, SEQUENTIAL);
  const layout = await page.evaluate(() => {
    const lanes = [...document.querySelectorAll('.lanes > section:not([hidden])')];
    return {
      width: document.documentElement.scrollWidth,
      laneLefts: lanes.map((l) => Math.round(l.getBoundingClientRect().left)),
      laneWidths: lanes.map((l) => Math.round(l.getBoundingClientRect().width)),
      // A line that wraps is taller than the line with only its number.
      tallLines: lanes.flatMap((l) => [...l.querySelectorAll('.code .line')]).filter((line) => line.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(line).lineHeight)).length,
      lines: lanes.flatMap((l) => [...l.querySelectorAll('.code .line')]).length,
      placeTops: lanes.map((l) => new Set([...l.querySelectorAll('.place')].map((p) => Math.round(p.getBoundingClientRect().top))).size),
    };
  });
  expect(layout.width).toBe(640);
  expect(layout.laneLefts).toEqual([8, 8, 8]);
  expect(layout.laneWidths.every((w) => w >= 600)).toBe(true);
  expect(layout.lines).toBeGreaterThan(20);
  expect(layout.tallLines).toBe(0);
  expect(layout.placeTops).toEqual([1, 1, 1]);

  // A phone: the Callbacks panel's log line wraps, and its rest starts
  // where the line's text starts, not under the line numbers.
  await page.setViewportSize({ width: 390, height: 800 });
  const wrapped = await page.evaluate(() => {
    const line = [...document.querySelectorAll('.lane[data-lane="callbacks"] .code .line')].find((l) => l.textContent.includes('console.log'));
    const range = document.createRange();
    range.selectNodeContents(line);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return { rows: new Set(rects.map((r) => Math.round(r.top))).size, lefts: rects.map((r) => Math.round(r.left)), lineLeft: Math.round(line.getBoundingClientRect().left), width: document.documentElement.scrollWidth };
  });
  expect(wrapped.width).toBe(390);
  expect(wrapped.rows).toBeGreaterThan(1);
  // Every piece of text starts at least 2.5 em (30 px) right of the line's box: past the numbers.
  expect(Math.min(...wrapped.lefts) - wrapped.lineLeft).toBeGreaterThanOrEqual(30);
});

test('in a blog column the timeline keeps its size and scrolls sideways to the moment shown, the lanes\' names in sight', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  await openEmbed(page, `${SEQUENTIAL}&step=27`);
  await expect(page.locator('#position')).toHaveText('Event 27 of 75, in Rust futures at 200 ms: a task is woken, not run yet (wake)');
  const seen = () => page.evaluate(() => {
    const scroller = document.querySelector('.timeline-scroll').getBoundingClientRect();
    const cursor = document.querySelector('#timeline .cursor').getBoundingClientRect();
    return {
      // The tick labels at their size on the page: 11 px or more, not shrunk.
      tick: Math.round(document.querySelector('#timeline .tick-label').getBoundingClientRect().height),
      cursor: (cursor.left - scroller.left) / scroller.width,
      names: [...document.querySelectorAll('#timeline .lane-label')].map((l) => Math.round(l.getBoundingClientRect().left - scroller.left)),
    };
  });
  // The cursor in sight a third of the way in, the names at the edge, the words full size.
  await expect.poll(async () => {
    const at = await seen();
    return at.cursor > 0.2 && at.cursor < 0.8 && at.tick >= 11 && at.names.every((x) => x >= 0 && x < 20);
  }).toBe(true);
});
