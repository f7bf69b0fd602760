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

test('dist/embed.html runs with its own hashed bundle and the shared wasm, without the editor', async ({ page }) => {
  const html = await readFile(new URL('../../dist/embed.html', import.meta.url), 'utf8');
  expect(html).toMatch(/assets\/embed-[0-9a-f]{10}\.js/);
  expect(html).toMatch(/assets\/playground-[0-9a-f]{10}\.wasm/);
  /** @type {string[]} */
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto('/embed.html#preset=sequential&lanes=futures&t=350');
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(page.locator('#position')).toHaveText(/in Rust futures at 350 ms$/);
  expect(loaded.filter((p) => p.includes('editor-'))).toEqual([]);
});
