// The README's pictures (docs/pictures/), made the same way each time:
// `just screenshots` serves web/, opens fixed links in Chromium (CHROME,
// default /usr/bin/chromium), light scheme, and writes one PNG per picture.
// Review the diff as for golden files before committing: a picture should
// change only where the page did.
import { mkdir, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const OUT = new URL('../docs/pictures/', import.meta.url);

/**
 * @typedef {object} Picture
 * @property {string} file
 * @property {string} path the page's path and link
 * @property {{width: number, height: number}} viewport
 * @property {(page: import('playwright-core').Page) => Promise<void>} [before] what to do before the picture
 * @property {string} [element] only this element (else the viewport)
 */

/** @type {Picture[]} */
const PICTURES = [
  {
    // The first screen, at the moment the Rust task is woken.
    file: 'first-screen.png',
    path: '/#preset=sequential&clock=virtual&style=then&step=27',
    viewport: { width: 1200, height: 760 },
    before: async (page) => page.evaluate(() => document.querySelector('#bar')?.scrollIntoView()),
  },
  {
    file: 'tour.png',
    path: '/#tour=polling',
    viewport: { width: 1200, height: 760 },
  },
  {
    // The embed as a blog column shows it: the Rust lane alone, at its wake.
    file: 'embed.png',
    path: '/embed.html#preset=sequential&clock=virtual&style=then&lanes=futures&step=27',
    viewport: { width: 640, height: 1000 },
    element: 'main',
  },
  {
    file: 'phone.png',
    path: '/#preset=race&clock=virtual&style=await&step=12',
    viewport: { width: 390, height: 844 },
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const server = await serve(new URL('../web/', import.meta.url).pathname, { port: 0 });
try {
  await mkdir(OUT, { recursive: true });
  for (const picture of PICTURES) {
    const page = await browser.newPage({ viewport: picture.viewport, colorScheme: 'light', deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${server.address().port}${picture.path}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    await picture.before?.(page);
    // No caret or hover in a picture.
    await page.mouse.move(0, 0);
    const shot = picture.element
      ? await page.locator(picture.element).screenshot({ animations: 'disabled', caret: 'hide' })
      : await page.screenshot({ animations: 'disabled', caret: 'hide' });
    await writeFile(new URL(picture.file, OUT), shot);
    console.log(`docs/pictures/${picture.file}: ${shot.length.toLocaleString('en')} B`);
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}
