// Fixtures for the end-to-end tests: the page served on a free port (one
// server per worker), and a record of every console error, uncaught exception
// and CSP violation, which must be empty when a test ends.
//
//   root         worker option: the directory served, 'web' unless a file says
//                `test.use({ root: 'dist' })`
//   server       worker: tools/serve.mjs serving `root` on 127.0.0.1, port 0
//   baseURL      that server, so `page.goto('/#s=...')` works
//   context      Playwright's, reporting CSP violations and collecting problems
//   problems     test, automatic: what went wrong in the test's pages; the
//                test fails if it is not empty at the end
//   workerPage   worker: one ready page and its problems, kept across tests
//   sharedPage   test: workerPage's page, for files whose tests drive one page
//                in order (playground-api.spec.mjs); the problems that arose
//                during the test (or, for the first, while loading) fail it
//
// openPlayground(page, path) goes to a page and waits until the app is ready.
//
// The browser (CHROME, default /usr/bin/chromium) is set in playwright.config.mjs.
import { test as base, expect } from '@playwright/test';
import { serve } from '../../tools/serve.mjs';

export { expect };

/** In the page, before any of its scripts: CSP violations become console
 * errors, which `collect` records. */
function reportCspViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
  });
}

/** Records `context`'s console errors and uncaught exceptions in `problems`. */
async function collect(context, problems) {
  context.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message}`));
  await context.addInitScript(reportCspViolations);
}

const urlOf = (server) => `http://127.0.0.1:${server.address().port}/`;

const NO_PROBLEMS = 'console errors, uncaught exceptions and CSP violations';

/** `page.goto(path)`, then wait until the app has started and shown its
 * first run, and the code panels have become editors (loaded after it). */
export async function openPlayground(page, path = '/') {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect(page.locator('body')).toHaveAttribute('data-editor', 'ready', { timeout: 15_000 });
  return page;
}

export const test = base.extend({
  root: ['web', { scope: 'worker', option: true }],

  server: [async ({ root }, use) => {
    const server = await serve(root, { port: 0 });
    await use(server);
    await new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    });
  }, { scope: 'worker' }],

  baseURL: async ({ server }, use) => {
    await use(urlOf(server));
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  problems: [async ({}, use) => {
    const problems = [];
    await use(problems);
    expect(problems, NO_PROBLEMS).toEqual([]);
  }, { auto: true }],

  context: async ({ context, problems }, use) => {
    await collect(context, problems);
    await use(context);
  },

  workerPage: [async ({ browser, server }, use) => {
    const context = await browser.newContext({ baseURL: urlOf(server) });
    const problems = [];
    await collect(context, problems);
    const page = await openPlayground(await context.newPage());
    // `checked`: how many problems earlier tests have already failed on.
    await use({ page, problems, checked: 0 });
    await context.close();
  }, { scope: 'worker' }],

  // The first test to use the page also answers for its loading.
  sharedPage: async ({ workerPage }, use) => {
    await use(workerPage.page);
    const fresh = workerPage.problems.slice(workerPage.checked);
    workerPage.checked = workerPage.problems.length;
    expect(fresh, NO_PROBLEMS).toEqual([]);
  },
});
