// End-to-end tests of the page (tests/e2e/*.spec.mjs) in the system Chromium
// (CHROME, default /usr/bin/chromium; `npx playwright install` is not needed).
// Run: npx playwright test [file or title filter]. UPDATE_GOLDEN=1 rewrites
// tests/golden/. A failed test keeps its trace and screenshot under
// target/playwright/results/; the HTML report is in target/playwright/report/
// (npx playwright show-report target/playwright/report).
import process from 'node:process';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'target/playwright/results',
  // Two cores, shared with the Rust build: one browser at a time, and the
  // tests of a file in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  // The machine may be busy; the old waits allowed 15 to 30 s.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: 'target/playwright/report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROME ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
