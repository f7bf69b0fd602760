// The production build (dist/, from `just build`) works from a plain static
// server: hashed assets load, the strict CSP holds, the page runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, openReadyPage } from './harness.mjs';

let env;
before(async () => {
  env = await start('dist');
});
after(async () => {
  await env?.close();
});

test('dist/ loads with hashed assets, no console errors and no CSP violations', async () => {
  const html = await readFile(new URL('../../dist/index.html', import.meta.url), 'utf8');
  assert.match(html, /assets\/main-[0-9a-f]{10}\.js/);
  assert.match(html, /assets\/playground-[0-9a-f]{10}\.wasm/);
  assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'/);
  const { page, problems } = await openReadyPage(env.browser, env.url);
  assert.equal(await page.locator('#trace-futures li[data-kind="log"] .t').textContent(), '350 ms');
  const r = await page.evaluate(() => window.playground.run({ preset: 'lazy', clock: 'virtual' }));
  assert.equal(r.futures.events.find((e) => e.kind === 'log').t, 350);
  assert.deepEqual(problems, []);
  await page.close();
});
