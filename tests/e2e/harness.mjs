// Shared set-up for the end-to-end tests: the page served on a free port, a
// headless Chromium (CHROME, default /usr/bin/chromium), and a record of every
// console error, uncaught exception and CSP violation.
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const CHROME = process.env.CHROME ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Serves `root`, launches Chromium; `close()` stops both. */
export async function start(root = 'web') {
  const server = await serve(root, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROME, args: ARGS });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** A new page whose problems are collected in `problems`; `options` are
 * Playwright's context options (viewport, colorScheme...). */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  // Its context goes with it (quietly, if the browser is already closing).
  page.on('close', () => context.close().catch(() => {}));
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, problems };
}

/** `openPage`, then wait until the app has started and shown its first run. */
export async function openReadyPage(browser, url, options = {}) {
  const opened = await openPage(browser, url, options);
  await opened.page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  return opened;
}
