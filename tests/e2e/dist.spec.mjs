// The production build (dist/, from `just build` or `node tools/build-dist.mjs`)
// works from a plain static server: hashed assets load, the strict CSP holds,
// the page runs.
import { readFile } from 'node:fs/promises';
import { test, expect, openPlayground } from './fixtures.mjs';

test.use({ root: 'dist' });

test('dist/ loads with hashed assets, no console errors and no CSP violations', async ({ page }) => {
  const html = await readFile(new URL('../../dist/index.html', import.meta.url), 'utf8');
  expect(html).toMatch(/assets\/main-[0-9a-f]{10}\.js/);
  expect(html).toMatch(/assets\/playground-[0-9a-f]{10}\.wasm/);
  expect(html).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  await openPlayground(page);
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).toHaveText('350 ms');
  const r = await page.evaluate(() => window.playground.run({ preset: 'lazy', clock: 'virtual' }));
  expect(r.futures.events.find((e) => e.kind === 'log').t).toBe(350);
});

test('dist/: the spawn_local lane loads its hashed module into its realm, under the page\'s CSP', async ({ page }) => {
  await openPlayground(page);
  const r = await page.evaluate(() => window.playground.run({ preset: 'sequential', compare: true }));
  expect(r.spawnLocal.events.filter((e) => e.kind === 'log').map((e) => e.t)).toEqual([350]);
});

test('dist/embed.html runs with its own hashed bundle and the shared wasm, without the editor or the parser', async ({ page }) => {
  const html = await readFile(new URL('../../dist/embed.html', import.meta.url), 'utf8');
  expect(html).toMatch(/assets\/embed-[0-9a-f]{10}\.js/);
  expect(html).toMatch(/assets\/playground-[0-9a-f]{10}\.wasm/);
  /** @type {string[]} */
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto('/embed.html#preset=sequential&lanes=futures&t=350');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(page.locator('#position')).toHaveText(/in Rust futures at 350 ms: /);
  expect(loaded.filter((p) => /\/assets\/(editor|text)-/.test(p))).toEqual([]);
});

test('the first run loads no parser; the editor brings it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
  // Each file the page fetched, and when it asked for it, against when its
  // first run was on screen.
  const { firstRunAt, fetched } = await page.evaluate(() => ({
    firstRunAt: window.__firstRunAt,
    fetched: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, at: r.startTime })),
  }));
  const before = fetched.filter((f) => f.at < firstRunAt).map((f) => f.path);
  const after = fetched.filter((f) => f.at >= firstRunAt).map((f) => f.path);
  expect(before.filter((p) => /^\/assets\/playground-[0-9a-f]{10}\.wasm$/.test(p))).toHaveLength(1);
  expect(before.filter((p) => /^\/assets\/(text|editor)-/.test(p))).toEqual([]);
  // The chunk main.js shares with the tour, preloaded beside it.
  expect(before.filter((p) => /^\/assets\/chunk-[0-9A-Z]{8}\.js$/.test(p))).toHaveLength(1);
  expect(after.filter((p) => /^\/assets\/text-[0-9a-f]{10}\.(js|wasm)$/.test(p))).toHaveLength(2);
  expect(after.filter((p) => /^\/assets\/editor-[0-9a-f]{10}\.js$/.test(p))).toHaveLength(1);
  // The first run was the example's, as its rendered panel says.
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).toHaveText('350 ms');
  const parsed = await page.evaluate(() => window.playground.parse('use runtime::prelude::*;\nasync fn run() {\n    sleep_ms(5).await; // Kettle\n}\n'));
  expect(parsed).toEqual({ type: 'seq', steps: [{ type: 'sleep', label: 'Kettle', ms: 5 }] });
  // Nor the tour: it loads when opened, under the page's CSP.
  expect(fetched.filter((f) => /^\/assets\/tour-/.test(f.path))).toEqual([]);
  await page.getByRole('button', { name: 'Tour' }).click();
  await expect(page.locator('#tour-title')).toHaveText('Tour, chapter 1 of 11: Callbacks');
  const tour = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.startsWith('/assets/tour-')));
  expect(tour).toHaveLength(1);
});

test('a link with a text of its own loads the parser before its first run, and shows and runs that text', async ({ page }) => {
  const text = 'use runtime::prelude::*;\nasync fn run() {\n    // Water first\n    sleep_ms(40).await; // Kettle\n    log("Tea");\n}';
  await page.goto(`/#rust=${encodeURIComponent(text)}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  const { firstRunAt, fetched } = await page.evaluate(() => ({
    firstRunAt: window.__firstRunAt,
    fetched: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, at: r.startTime })),
  }));
  expect(fetched.filter((f) => f.at < firstRunAt && /^\/assets\/text-[0-9a-f]{10}\.(js|wasm)$/.test(f.path))).toHaveLength(2);
  await expect(page.locator('#code-futures')).toContainText('// Water first');
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).toHaveText('40 ms');
  await expect(page.locator('#error')).toBeHidden();
});

test('a program the page rendered runs as the text it shows would: a link to a scenario written unlike its panel', async ({ page }) => {
  // A sequence in a sequence: the panel writes it as one, and reading the
  // panel's text gives the flat one. The first run is that one's.
  await page.goto('/#s=Q(Q(S(Kettle,30),S(Toast,20)),L(Tea))');
  await expect(page.locator('body')).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
  const { first, again } = await page.evaluate(async () => {
    const first = window.playground.lastRun();
    const text = window.playground.code({ scenario: { type: 'seq', steps: [{ type: 'seq', steps: [
      { type: 'sleep', label: 'Kettle', ms: 30 }, { type: 'sleep', label: 'Toast', ms: 20 }] }, { type: 'log', text: 'Tea' }] } }).futures.code;
    return { first, again: await window.playground.run({ rust: text }) };
  });
  // Where the allocator put a task is the one thing two runs may differ in.
  const events = (/** @type {{events: object[]}} */ trace) => trace.events.map((event) => ({ ...event, addr: undefined }));
  for (const lane of ['callbacks', 'promises', 'futures']) expect(events(first[lane]), lane).toEqual(events(again[lane]));
  expect(first.futures.events.filter((e) => e.kind === 'timer_set').map((e) => e.step)).toEqual([[0], [1]]);
});

test('where the parser cannot be downloaded, the examples still run, and a link with a text says why it is not opened', async ({ page, problems }) => {
  await page.route(/\/assets\/text-/, (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(page.locator('#editor-failed')).toContainText('The code editor did not download');
  await expect(page.locator('#error')).toBeHidden();
  // The State machine, read by the same module, says why it is not shown.
  await expect(page.locator('#state-size')).toHaveText(/^Could not load the editor's Rust support, which works this enum out from run\(\)\./);
  // Run still runs the example, with a changed timing.
  await page.getByLabel('Timer 3 (ms)').fill('70');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).toHaveText('370 ms');
  const text = 'use runtime::prelude::*;\nasync fn run() {\n    sleep_ms(40).await; // Kettle\n}';
  // A new document (the open page would tidy the link it refused away).
  await page.goto('about:blank');
  await page.goto(`/#rust=${encodeURIComponent(text)}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(page.locator('#error')).toContainText('Link: rust: the part of the page that understands Rust code did not download');
  // The example runs instead.
  await expect(page.locator('#trace-futures li[data-kind="log"] .t')).toHaveText('350 ms');
  // The failed downloads are the browser's own report; nothing else went wrong.
  const others = problems.filter((p) => !/^console: Failed to load resource: net::ERR_FAILED \(\S+\/assets\/text-/.test(p));
  problems.splice(0, problems.length, ...others);
});
