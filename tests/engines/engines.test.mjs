// The page in Firefox and WebKit, through W3C WebDriver (selenium-webdriver;
// Playwright cannot drive these stock builds). Run by `just test-engines`
// under xvfb-run (WebKit's MiniBrowser has no headless mode). Found through
// FIREFOX, GECKODRIVER, WEBKIT_WEBDRIVER and MINIBROWSER (tools/setup.sh
// engines); ENGINES=firefox (or webkit) runs one of them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { Builder, By, Key, until } from 'selenium-webdriver';
import { serve } from '../../tools/serve.mjs';
import { GOLDEN, stable } from '../golden.mjs';
import { runScript, logsOf } from '../js-panel.mjs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const PRESETS = ['sequential', 'join', 'race', 'cancel-at-await', 'lazy', 'nested', 'spawn', 'early-sleep', 'blocking', 'starve', 'overdue', 'lost-wake', 'self-ref', 'interop'];
const LANES = ['callbacks', 'promises', 'futures'];

const ALL_ENGINES = [
  {
    name: 'firefox',
    driver: process.env.GECKODRIVER ?? 'geckodriver',
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr', args: ['-headless'] },
    },
  },
  {
    name: 'webkit',
    driver: process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver',
    // WebKitGTK's MiniBrowser here; Safari where the driver is safaridriver.
    capabilities: /safaridriver$/.test(process.env.WEBKIT_WEBDRIVER ?? '')
      ? { browserName: 'safari' }
      : {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
          args: ['--automation'],
        },
      },
  },
];
const ENGINES = ALL_ENGINES.filter((e) => !process.env.ENGINES || process.env.ENGINES.split(',').includes(e.name));

/** A free TCP port on the loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Starts the engine's WebDriver server and a session on it. */
async function startSession(engine) {
  const port = await freePort();
  const server = spawn(engine.driver, [`--port=${port}`], { stdio: 'ignore' });
  const failed = new Promise((_, reject) => server.on('error', reject));
  let browser;
  for (let attempt = 0; !browser; attempt += 1) {
    try {
      browser = await Promise.race([
        new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(engine.capabilities).build(),
        failed,
      ]);
    } catch (error) {
      if (attempt >= 20 || error.code === 'ENOENT') throw error;
      await new Promise((resolve) => setTimeout(resolve, 250)); // the server is still starting
    }
  }
  await browser.manage().setTimeouts({ script: 30_000 });
  return { browser, server };
}

/** Calls `window.playground[method](options)` in the page; resolves to its result. */
function call(browser, method, options) {
  return browser.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     Promise.resolve().then(() => window.playground[arguments[0]](arguments[1]))
       .then((r) => done({ ok: r }), (e) => done({ error: String(e) }));`,
    method,
    options,
  ).then((r) => {
    if (r.error) throw new Error(`${method}: ${r.error}`);
    return r.ok;
  });
}

/** An element's text (or attribute), found afresh: the page redraws. */
async function textOf(browser, css, attribute) {
  try {
    const element = await browser.findElement(By.css(css));
    return attribute ? await element.getAttribute(attribute) : await element.getText();
  } catch {
    return null; // redrawn between the lookup and the read: ask again
  }
}

let page;
before(async () => {
  page = await serve('web', { port: 0 });
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => page?.close());

/** Runs `check` in a window `width` px wide (at most 700: a phone's or a
 * blog column's layout), then puts the window back as it was. */
async function inNarrowWindow(browser, width, check) {
  const before = await browser.manage().window().getRect();
  await browser.manage().window().setRect({ width, height: 900 });
  try {
    await browser.wait(async () => (await browser.executeScript('return innerWidth')) <= 700, 5_000);
    await check(browser);
  } finally {
    await browser.manage().window().setRect(before);
  }
}

for (const engine of ENGINES) {
  describe(engine.name, () => {
    let session;
    const open = async () => {
      await session.browser.get(`http://127.0.0.1:${page.address().port}/`);
      await session.browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      return session.browser;
    };
    before(async () => {
      session = await startSession(engine);
    });
    after(async () => {
      await session?.browser.quit().catch(() => {});
      session?.server.kill();
    });

    test('the first page shows the notes example run in every lane, with no error', async () => {
      const browser = await open();
      for (const id of LANES) assert.equal(await textOf(browser, `#trace-${id} li[data-kind="log"] .t`), '350 ms', id);
      assert.match(await textOf(browser, '#trace-futures'), /I'm the last one/);
      // The drivers report no console (W3C): the page's own alert, where it
      // reports bad input and traps, must be silent.
      const alert = await browser.findElement(By.css('[role="alert"]'));
      assert.equal(await alert.isDisplayed(), false, await alert.getText());
      const shot = await browser.takeScreenshot();
      await writeFile(new URL(`screenshot-${engine.name}.png`, ARTIFACTS), Buffer.from(shot, 'base64'));
    });

    test('every preset in both promise styles traces as the golden traces, event by event', async () => {
      const browser = await open();
      for (const preset of PRESETS) {
        for (const promiseStyle of ['then', 'await']) {
          const got = stable(await call(browser, 'run', { preset, promiseStyle, clock: 'virtual' }));
          const want = JSON.parse(await readFile(new URL(`${preset}-${promiseStyle}.json`, GOLDEN), 'utf8'));
          for (const lane of LANES) {
            const events = Math.max(got[lane].events.length, want[lane].events.length);
            for (let i = 0; i < events; i += 1) {
              assert.deepEqual(got[lane].events[i], want[lane].events[i], `${preset}, ${promiseStyle}: ${lane} event ${i}`);
            }
          }
        }
      }
    });

    test('the spawn_local lane: each example\'s trace is the golden one, and a link with compare=1 shows the lane', async () => {
      const browser = await open();
      const mask = (e) => ({ ...e, ...(e.addr === undefined ? {} : { addr: 'addr' }), ...(e.size === undefined ? {} : { size: 'size' }) });
      for (const preset of PRESETS) {
        const got = (await call(browser, 'run', { preset, clock: 'virtual', compare: true })).spawnLocal.events.map(mask);
        const want = JSON.parse(await readFile(new URL(`spawn-local/${preset}.json`, GOLDEN), 'utf8')).events;
        for (let i = 0; i < Math.max(got.length, want.length); i += 1) assert.deepEqual(got[i], want[i], `${preset}: event ${i}`);
      }
      await browser.get(`http://127.0.0.1:${page.address().port}/#preset=starve&compare=1`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      const logs = () => browser.executeScript(
        'return [...document.querySelectorAll(\'#trace-spawnLocal li[data-kind="log"] .detail\')].map((e) => e.textContent)');
      await browser.wait(async () => (await logs()).length === 2, 10_000);
      // spawn_local's microtasks keep the timer waiting until the loop is done.
      assert.deepEqual(await logs(), ['text=Loop done', 'text=Timer 1 done']);
      assert.match(await textOf(browser, '#summary-compare'), /^The two Rust lanes printed in different orders/);
      // The embed of a link that compares, the two Rust lanes alone: overdue's two orders.
      await browser.get('about:blank');
      await browser.get(`http://127.0.0.1:${page.address().port}/embed.html#preset=overdue&compare=1&lanes=futures,spawnLocal`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      const laneLogs = (lane) => browser.executeScript(
        `return [...document.querySelectorAll('#trace-${lane} li[data-kind="log"] .detail')].map((e) => e.textContent)`);
      await browser.wait(async () => (await laneLogs('spawnLocal')).length === 2, 10_000);
      assert.deepEqual(await laneLogs('futures'), ['text=Timer 1 done', 'text=Timer 2 done']);
      assert.deepEqual(await laneLogs('spawnLocal'), ['text=Timer 2 done', 'text=Timer 1 done']);
      assert.deepEqual(await browser.executeScript(`return [...document.querySelectorAll('#timeline .lane-label')].map((l) => l.textContent)`),
        ['Rust futures', 'Rust on spawn_local']);
    });

    test('a real-clock run of 30/20/10 logs at or after 60 ms in every lane', async () => {
      const browser = await open();
      const r = await call(browser, 'run', { preset: 'sequential', clock: 'real', timings: [30, 20, 10] });
      for (const lane of LANES) {
        const [log] = logsOf(r[lane]);
        assert.ok(log && log[1] >= 60, `${lane}: ${JSON.stringify(log)}`);
      }
    });

    test('the JS panels, run as scripts, log what their lanes logged in this engine', async () => {
      const browser = await open();
      for (const preset of PRESETS) {
        for (const promiseStyle of ['then', 'await']) {
          const code = await call(browser, 'code', { preset, promiseStyle });
          const r = await call(browser, 'run', { preset, promiseStyle, clock: 'virtual' });
          for (const lane of ['callbacks', 'promises']) {
            assert.deepEqual(await runScript(code[lane].code), logsOf(r[lane]), `${preset}, ${promiseStyle}, ${lane}`);
          }
        }
      }
    });

    test('performance.now() reads to a millisecond or finer (the trace\'s real times)', async () => {
      const browser = await open();
      // The smallest step between two different readings, over 50 ms.
      const step = await browser.executeScript(`
        let smallest = Infinity;
        const end = performance.now() + 50;
        for (let last = performance.now(), now; (now = performance.now()) < end; last = now) {
          if (now > last) smallest = Math.min(smallest, now - last);
        }
        return smallest;`);
      console.log(`${engine.name}: performance.now() steps by ${step} ms`);
      assert.ok(step > 0 && step <= 1, `${step}`);
    });

    test('at 1440x900 the first screen shows Run and the program; a run opens at its first step; the arrows step from Run', async () => {
      const browser = await open();
      await browser.manage().window().setRect({ width: 1440, height: 900 });
      // The resize lands a moment later in some engines.
      await browser.wait(async () => (await browser.executeScript('return innerWidth')) > 1200, 5_000);
      const seen = await browser.executeScript(`
        const top = (s) => document.querySelector(s).getBoundingClientRect().top;
        return { height: innerHeight, run: top('#run'), rust: top('#code-futures'), callbacks: top('#code-callbacks') };`);
      for (const part of ['run', 'rust', 'callbacks']) assert.ok(seen[part] < seen.height - 50, `${part} at ${seen[part]} of ${seen.height}`);
      assert.match(await textOf(browser, '#position'), /^Event 1 of \d+, in Callbacks at 0 ms: the lane's script starts running \(script_start\)$/);
      await browser.executeScript("document.querySelector('#run').focus()");
      await browser.actions().sendKeys(Key.ARROW_RIGHT).perform();
      await browser.actions().sendKeys(Key.ARROW_RIGHT).perform();
      assert.match(await textOf(browser, '#position'), /^Event 3 of \d+, /);
      // The timeline is one tab stop; its arrows move between marks, Enter goes there.
      const stops = await browser.executeScript("return document.querySelectorAll('#timeline [tabindex=\"0\"]').length");
      assert.equal(stops, 1);
      await browser.executeScript("document.querySelector('#timeline [tabindex=\"0\"]').focus()");
      // Three marks on, then Enter: the replay goes to that mark's event.
      for (let i = 0; i < 3; i += 1) await browser.actions().sendKeys(Key.ARROW_RIGHT).perform();
      const want = await browser.executeScript(`
        const { lane, seq } = document.activeElement.dataset;
        const names = { callbacks: 'Callbacks', promises: 'Promises', futures: 'Rust futures' };
        const event = window.playground.lastRun()[lane].events[Number(seq)];
        return { kind: event.kind, lane: names[lane] };`);
      // Elsewhere first (the scrubber at the end, the focus kept on the mark).
      await browser.executeScript(`
        const scrubber = document.querySelector('#scrubber');
        scrubber.value = scrubber.max;
        scrubber.dispatchEvent(new Event('input'));`);
      assert.match(await textOf(browser, '#position'), /^Event (\d+) of \1, /);
      await browser.actions().sendKeys(Key.ENTER).perform();
      const at = await textOf(browser, '#position');
      assert.ok(at.includes(`, in ${want.lane} at `) && at.endsWith(`(${want.kind})`) && !/^Event (\d+) of \1, /.test(at), `${at} names ${want.kind} in ${want.lane}`);
    });

    test('stepping the replay by keyboard moves every view to the same step', async () => {
      const browser = await open();
      // From the first position, → until the Rust lane's Timer 1 fires.
      await browser.executeScript(`
        const scrubber = document.querySelector('#scrubber');
        scrubber.value = '0';
        scrubber.dispatchEvent(new Event('input'));
        document.activeElement.blur();`);
      assert.match(await textOf(browser, '#position'), /^Event 1 of \d+, in Callbacks at 0 ms: the lane's script starts running \(script_start\)$/);
      assert.match(await textOf(browser, '#what-happened'), /^0 ms: this lane's first task/);
      let steps = 0;
      while (!/, in Rust futures at 200 ms: .*\(timer_fired\)$/.test(await textOf(browser, '#position'))) {
        assert.ok((steps += 1) < 80, 'the Rust lane\'s Timer 1 fired within 80 steps');
        await browser.actions().sendKeys(Key.ARROW_RIGHT).perform();
      }
      assert.equal(await textOf(browser, '#what-happened'), '200 ms: the browser ran the reactor\'s one setTimeout; '
        + 'Timer 1 expired, and the reactor calls the waker it kept for task 1.');
      const seen = await browser.executeScript(`
        const row = document.querySelector('#trace-futures li[aria-current="step"]');
        const list = document.querySelector('#trace-futures').getBoundingClientRect();
        const box = row.getBoundingClientRect();
        return {
          row: row.dataset.kind,
          inView: box.top >= list.top - 1 && box.bottom <= list.bottom + 1,
          line: document.querySelector('#code-futures [aria-current="true"]')?.textContent,
          variant: document.querySelector('#state-variants [aria-current="step"]')?.dataset.variant,
          ready: document.querySelector('#ready-queue').textContent,
        };`);
      const { line, ...rest } = seen;
      assert.deepEqual(rest, { row: 'timer_fired', inView: true, variant: 'Suspend0', ready: 'empty' });
      assert.match(line ?? '', /sleep_ms\(200\)\.await/);
      // One more step: the wake puts task 1 on the ready queue.
      await browser.actions().sendKeys(Key.ARROW_RIGHT).perform();
      assert.match(await textOf(browser, '#position'), /, in Rust futures at 200 ms: a task is woken, not run yet \(wake\)$/);
      assert.equal(await textOf(browser, '#ready-queue'), 'task 1');
      // End and Home, from a button of the replay: the last event, then the first.
      await browser.executeScript("document.querySelector('#play').focus()");
      await browser.actions().sendKeys(Key.END).perform();
      assert.match(await textOf(browser, '#position'), /^Event (\d+) of \1, /);
      await browser.actions().sendKeys(Key.HOME).perform();
      assert.match(await textOf(browser, '#position'), /^Event 1 of \d+, in Callbacks at 0 ms: /);
    });

    test('a select! without biased; shows its seed from the link, and New seed moves to the next', async () => {
      const browser = session.browser;
      const link = '#clock=virtual&style=then&seed=5&s=Q(U(M(S(A,10),Q(L(A%20won))),M(S(B,10),Q(L(B%20won)))))';
      await browser.get(`http://127.0.0.1:${page.address().port}/${link}`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      assert.equal(await browser.findElement(By.id('seed-field')).isDisplayed(), true);
      assert.equal(await textOf(browser, '#seed', 'value'), '5');
      await browser.findElement(By.id('new-seed')).click();
      assert.equal(await textOf(browser, '#seed', 'value'), '6');
      await browser.wait(async () => (await browser.getCurrentUrl()).includes('seed=6&'), 5_000);
      // One branch wins: one log in each lane, at 10 ms.
      await browser.findElement(By.id('run')).click();
      for (const id of LANES) {
        const log = `#trace-${id} li[data-kind="log"] .t`;
        await browser.wait(async () => (await textOf(browser, log)) === '10 ms', 10_000, id);
      }
    });

    test('a program with a helper async fn from a link: its calls run in every lane, and its enum shows', async () => {
      const browser = session.browser;
      // run(): let tea = brew(); let wait = sleep_ms(50); wait.await;
      // tea.await; then brew(): sleep_ms(100).await; log("boiled").
      const link = '#clock=virtual&style=await&s=D(N(run,C(S(Wait,50),H(brew))),N(brew,S(Kettle,100),L(boiled)))';
      await browser.get(`http://127.0.0.1:${page.address().port}/${link}`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      // Rust starts the helper's body when it is awaited; JS at the call.
      const want = { callbacks: '100 ms', promises: '100 ms', futures: '150 ms' };
      for (const id of LANES) {
        const log = `#trace-${id} li[data-kind="log"] .t`;
        await browser.wait(async () => (await textOf(browser, log)) === want[id], 10_000, id);
      }
      assert.match(await textOf(browser, '#code-promises'), /async function brew\(\) \{/);
      const variants = await browser.executeScript(`
        const list = document.querySelector('#state-helpers ol');
        return [list.getAttribute('aria-label'), [...list.children].map((li) => li.textContent)];`);
      assert.equal(variants[0], 'Variants of brew()\'s future');
      assert.deepEqual(variants[1].map((v) => v.split(',')[0]), ['Unresumed', 'Suspend0 { __awaitee: Sleep }', 'Returned', 'Panicked']);
    });

    test('a program that aborts a task, from a link: every lane stops the task at 250 ms, and each clears its timer', async () => {
      const browser = session.browser;
      // let h1 = spawn(async { for i in 0..5 { sleep_ms(100).await; log(format!("tick {i}")); } });
      // sleep_ms(250).await; h1.abort(); log("aborted");
      const link = '#clock=virtual&style=await&s=Q(P(1,F(5,i,S(Tick,100),V(tick%20%7Bi%7D))),S(Parent,250),X(1),L(aborted))';
      await browser.get(`http://127.0.0.1:${page.address().port}/${link}`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      for (const id of LANES) {
        const logs = `#trace-${id} li[data-kind="log"]`;
        await browser.wait(async () => (await browser.findElements(By.css(logs))).length === 3, 10_000, id);
        const times = await browser.executeScript(`return [...document.querySelectorAll('${logs} .t')].map((t) => t.textContent);`);
        assert.deepEqual(times, ['100 ms', '200 ms', '250 ms'], id);
        assert.equal(await textOf(browser, `#trace-${id} li[data-kind="timer_cancel"] .t`), '250 ms', id);
      }
      assert.match(await textOf(browser, '#code-promises'), /const h1 = new AbortController\(\);/);
      assert.match(await textOf(browser, '#code-futures'), /h1\.abort\(\);/);
    });

    test('the tour from its link: the chapter waits for an answer, runs on it, says it was right, and Next moves on', async () => {
      const browser = session.browser;
      // A fresh page (a new fragment alone would keep the last run).
      await browser.get('about:blank');
      await browser.get(`http://127.0.0.1:${page.address().port}/#tour=callbacks`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      assert.equal(await textOf(browser, '#tour h2'), 'Tour, chapter 1 of 11: Callbacks');
      assert.equal(await textOf(browser, '#what-happened'), 'No run yet.');
      assert.equal(await browser.executeScript('return document.body.classList.contains("predicting")'), true);
      // Into the middle of the panel's view first, as a reader scrolls it: at
      // its bottom edge, the panel's Back / Next bar (which stays in sight) covers it.
      const choice = await browser.findElement(By.css('#tour input[value="350"]'));
      await browser.executeScript('arguments[0].scrollIntoView({ block: "center" })', choice);
      await choice.click();
      await browser.findElement(By.css('#tour button[type="submit"]')).click();
      await browser.wait(async () => /^Right\. /.test((await textOf(browser, '#tour .verdict')) ?? ''), 10_000);
      assert.equal(await textOf(browser, '#trace-callbacks li[data-kind="log"] .t'), '350 ms');
      const next = await browser.findElements(By.css('#tour nav button'));
      await next[1].click();
      await browser.wait(async () => (await textOf(browser, '#tour h2')) === 'Tour, chapter 2 of 11: Promises', 5_000);
      assert.match(await browser.getCurrentUrl(), /#tour=promises&/);
    });

    test('a link to a moment opens the replay at its step, and at its time', async () => {
      const browser = session.browser;
      for (const [at, want] of [['step=13', /^Event 13 of \d+, /], ['t=200', / at 200 ms: /]]) {
        await browser.get('about:blank');
        await browser.get(`http://127.0.0.1:${page.address().port}/#preset=sequential&clock=virtual&style=then&${at}`);
        await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
        await browser.wait(async () => want.test((await textOf(browser, '#position')) ?? ''), 10_000, at);
      }
      // Once the editors are in, the step's lines are still marked.
      await browser.wait(until.elementLocated(By.css('body[data-editor="ready"]')), 20_000);
      const marked = await browser.executeScript(`return [...document.querySelectorAll('.lane .cm-line.current')]
        .map((line) => line.closest('.lane').dataset.lane)`);
      assert.deepEqual(marked, ['callbacks', 'promises', 'futures']);
    });

    test('the Markdown transcript of the run shown: one line per step', async () => {
      const browser = await open();
      const out = await browser.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        Promise.all([import('./replay/transcript.js'), import('./replay/index.js')]).then(([{ transcript }, { buildReplay }]) => {
          const replay = buildReplay(window.playground.lastRun());
          const text = transcript(replay, { title: 'T <b>', link: location.href });
          done({ steps: replay.length, lines: text.trimEnd().split('\\n') });
        }, (e) => done({ error: String(e) }));`);
      assert.equal(out.error, undefined, out.error);
      assert.equal(out.lines[0], '## T \\<b\\>');
      assert.equal(out.lines.length - 4, out.steps);
      assert.match(out.lines.at(-1), /^- 350 ms, (Callbacks|Promises|Rust futures): /);
      assert.equal(await browser.findElement(By.id('export-markdown')).isEnabled(), true);
    });

    test('the embed shows the lanes chosen at the link\'s event, and the timeline exports as SVG, PNG and a replay GIF', async () => {
      const browser = session.browser;
      await browser.get('about:blank');
      await browser.get(`http://127.0.0.1:${page.address().port}/embed.html#preset=sequential&clock=virtual&style=then&lanes=promises,futures&t=200`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      assert.match(await textOf(browser, '#what-happened'), /^200 ms: /);
      const shown = await browser.executeScript(`return [...document.querySelectorAll('.lanes > section')]
        .filter((s) => !s.hidden).map((s) => s.querySelector('h2').textContent)`);
      assert.deepEqual(shown, ['Promises', 'Rust futures']);
      assert.deepEqual(await browser.executeScript(`return [...document.querySelectorAll('#timeline .lane-label')].map((l) => l.textContent)`),
        ['Promises', 'Rust futures']);
      assert.match(await browser.findElement(By.id('open-playground')).getAttribute('href'), /\/index\.html#preset=sequential&.*&step=\d+$/);
      // The picture, as the page's Export buttons make it: an SVG this engine parses, drawn into a 2x PNG.
      await open();
      const out = await browser.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        import('./ui/timeline-picture.js').then(async ({ timelinePicture, pngOf }) => {
          const picture = timelinePicture(document.querySelector('#timeline'), 'T');
          const doc = new DOMParser().parseFromString(picture.text, 'image/svg+xml');
          const png = await pngOf(picture);
          const bytes = new DataView(await png.arrayBuffer());
          done({ labels: [...doc.querySelectorAll('.lane-label')].map((l) => l.textContent), error: doc.querySelector('parsererror') === null ? null : 'parse',
            width: picture.width, height: picture.height, png: [bytes.getUint32(16), bytes.getUint32(20)] });
        }, (e) => done({ error: String(e) }));`);
      assert.equal(out.error, null, out.error);
      assert.deepEqual(out.labels, ['Callbacks', 'Promises', 'Rust futures']);
      assert.deepEqual(out.png, [2 * out.width, 2 * out.height]);
      // The replay's GIF, up to the fifth event, as the button makes it (the
      // encoder is called from the page: WebDriver's own scripts hand
      // Firefox's pixels over in a wrapper the encoder refuses).
      await browser.get(`http://127.0.0.1:${page.address().port}/#preset=sequential&clock=virtual&style=then&step=5`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      // The page was open: the link only changed its fragment, so it runs and
      // opens at event 5 after the page was ready.
      await browser.wait(async () => /^Event 5 of \d+, /.test((await textOf(browser, '#position')) ?? ''), 10_000, 'at event 5');
      await browser.executeScript("document.querySelector('#export-gif').click()");
      await browser.wait(async () => /^GIF downloaded: events 1 to 5, one frame per event/.test((await textOf(browser, '#share-status')) ?? ''),
        20_000, 'the GIF is made');
      // A picture of the lanes a writer ticks (drawn apart from the page's
      // timeline), at the first wake: its arrow outlined and ringed.
      const apart = await browser.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        import('./ui/timeline.js').then(({ picturesOf }) => {
          const run = window.playground.lastRun();
          const wake = run.futures.events.find((e) => e.kind === 'wake');
          const picture = picturesOf(run, ['futures'], wake.t)({ lane: 'futures', event: wake }, 'T');
          const doc = new DOMParser().parseFromString(picture.text, 'image/svg+xml');
          done({ labels: [...doc.querySelectorAll('.lane-label')].map((l) => l.textContent), moment: doc.querySelectorAll('.wake.moment').length,
            ringHidden: doc.querySelector('.moment-ring')?.hasAttribute('hidden') });
        }, (e) => done({ error: String(e) }));`);
      assert.deepEqual(apart, { labels: ['Rust futures'], moment: 1, ringHidden: false });
    });

    test('the embed in a blog column stacks its lanes, each code line whole and the four places in one row', async () => {
      await inNarrowWindow(session.browser, 700, async (browser) => {
        await browser.get('about:blank');
        await browser.get(`http://127.0.0.1:${page.address().port}/embed.html#preset=sequential&clock=virtual&style=then`);
        await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
        const layout = await browser.executeScript(`
          const lanes = [...document.querySelectorAll('.lanes > section:not([hidden])')];
          const lines = lanes.flatMap((l) => [...l.querySelectorAll('.code .line')]);
          return {
            width: innerWidth,
            lefts: new Set(lanes.map((l) => Math.round(l.getBoundingClientRect().left))).size,
            wrapped: lines.filter((line) => line.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(line).lineHeight)).length,
            rows: lanes.map((l) => new Set([...l.querySelectorAll('.place')].map((p) => Math.round(p.getBoundingClientRect().top))).size),
          };`);
        assert.ok(layout.width >= 600, `the window is ${layout.width} px wide`);
        assert.deepEqual({ ...layout, width: 0 }, { width: 0, lefts: 1, wrapped: 0, rows: [1, 1, 1] });
      });
    });

    test('in a narrow window the Summary turns to a row per figure, and fits', async () => {
      await inNarrowWindow(session.browser, 600, async (browser) => {
        await browser.get('about:blank');
        await browser.get(`http://127.0.0.1:${page.address().port}/#preset=starve&clock=virtual&style=then`);
        await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
        const seen = await browser.executeScript(`
          const summary = document.querySelector('#summary');
          const shown = (s) => getComputedStyle(summary.querySelector(s)).display !== 'none';
          return {
            wide: shown('.summary-wide'), narrow: shown('.summary-narrow'), over: summary.scrollWidth - summary.clientWidth,
            rows: summary.querySelectorAll('.summary-narrow tbody tr').length,
            lanes: [...summary.querySelectorAll('.summary-narrow thead th')].map((th) => th.textContent),
          };`);
        assert.deepEqual({ ...seen, over: Math.max(0, seen.over) }, {
          wide: false, narrow: true, over: 0, rows: 9, lanes: ['Callbacks', 'Promises', 'Rust futures'],
        });
      });
    });

    test('nested: brew()\'s size is shown, and run()\'s future holds it', async () => {
      const browser = await open();
      await browser.executeScript(`const s = document.querySelector('#example'); s.value = 'nested'; s.dispatchEvent(new Event('change'));`);
      await browser.wait(async () => /holds it in __awaitee/.test((await textOf(browser, '#state-helpers .size')) ?? ''), 10_000);
      const text = await textOf(browser, '#state-helpers .size');
      const [brew, run] = [...text.matchAll(/(\d+) bytes/g)].map((m) => Number(m[1]));
      assert.ok(brew > 0 && brew < run, text);
    });

    test('a spawned async block shows its own enum, what it captured in Unresumed', async () => {
      const browser = session.browser;
      // for i in 0..2 { spawn(async move { sleep_ms(100).await; log(format!("tick {i}")); }); } sleep_ms(300).await;
      const link = '#clock=virtual&style=await&s=Q(F(2,i,P(0,S(Tick,100),V(tick%20%7Bi%7D))),S(Wait,300))';
      await browser.get(`http://127.0.0.1:${page.address().port}/${link}`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      // The page may still be showing the last test's program (a new
      // fragment on the same page runs it after data-ready): wait for it.
      const read = () => browser.executeScript(`
        const list = [...document.querySelectorAll('#state-helpers ol')].find((l) => l.getAttribute('aria-label').includes('task spawned'));
        return list && [list.getAttribute('aria-label'), [...list.children].map((li) => li.textContent.split(',')[0])];`);
      await browser.wait(async () => (await read()) !== null, 10_000);
      const variants = await read();
      assert.deepEqual(variants, ['Variants of the future of the task spawned on line 5',
        ['Unresumed { i: i32 }', 'Suspend0 { __awaitee: Sleep }', 'Returned', 'Panicked']]);
    });

    test('a timing edited by keyboard, then Run, runs the edited program', async () => {
      const browser = await open();
      assert.equal(await textOf(browser, 'label[for="timing-0"]'), 'Timer 1 (ms)');
      await browser.findElement(By.id('timing-0')).click();
      // Typed into whatever has the focus (the page redraws the inputs as the
      // code follows them); "200" erased key by key, as select-all chords
      // differ between engines.
      const keys = [Key.END, Key.BACK_SPACE, Key.BACK_SPACE, Key.BACK_SPACE, '500', Key.TAB];
      await browser.actions().sendKeys(...keys).perform();
      assert.equal(await textOf(browser, '#timing-0', 'value'), '500');
      await browser.wait(async () => (await textOf(browser, '#code-futures'))?.includes('sleep_ms(500)'), 5_000);
      await browser.findElement(By.id('run')).click();
      for (const id of LANES) {
        const log = `#trace-${id} li[data-kind="log"] .t`;
        await browser.wait(async () => (await textOf(browser, log)) === '650 ms', 10_000, id);
      }
      // Text that is no number (Firefox keeps the letters, the others only the
      // "e"): the field reads as empty, and the message says what is there.
      await browser.findElement(By.id('timing-0')).click();
      await browser.actions().sendKeys(Key.END, Key.BACK_SPACE, Key.BACK_SPACE, Key.BACK_SPACE, '5e').perform();
      await browser.wait(async () => (await textOf(browser, '#error')) === 'Timer 1 (ms): must be a whole number of milliseconds from 0 to 60000, got text, not a number',
        5_000, 'the message for 5e');
    });

    test('Share and export ↓ in the bar goes to Share and export, Copy link focused', async () => {
      const browser = await open();
      await browser.findElement(By.id('to-share')).click();
      await browser.wait(async () => (await browser.executeScript('return document.activeElement.id')) === 'copy-link', 5_000);
      const below = await browser.executeScript(`return document.querySelector('#share-title').getBoundingClientRect().top
        >= document.querySelector('#bar').getBoundingClientRect().bottom`);
      assert.equal(below, true, 'the heading is below the bar that stays in view');
    });

    test('going back up the page by keyboard, what gets the focus is never under the bar that stays in view', async () => {
      const browser = await open();
      await browser.executeScript("document.querySelector('#copy-link').focus()");
      const seen = [];
      for (let i = 0; i < 40; i += 1) {
        await browser.actions().keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
        const at = await browser.executeAsyncScript(`
          const done = arguments[arguments.length - 1];
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const bar = document.querySelector('#bar');
            const focused = document.activeElement;
            done({ inBar: bar.contains(focused), top: focused.getBoundingClientRect().top, barBottom: bar.getBoundingClientRect().bottom, what: focused.outerHTML.slice(0, 60) });
          }));`);
        if (at.inBar) break;
        seen.push(at);
      }
      assert.ok(seen.length > 8, `${seen.length} stops below the bar`);
      assert.deepEqual(seen.filter((at) => at.top < at.barBottom), []);
    });

    test('a long explanation shows three lines and Read more, which shows the rest', async () => {
      const browser = session.browser;
      await browser.get('about:blank');
      await browser.get(`http://127.0.0.1:${page.address().port}/#preset=starve`);
      await browser.wait(until.elementLocated(By.css('body[data-ready="true"]')), 20_000);
      const lines = () => browser.executeScript(`const p = document.querySelector('#explanation');
        return Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));`);
      await browser.wait(async () => (await textOf(browser, '#explanation-more')) === 'Read more', 5_000, 'Read more is offered');
      assert.equal(await lines(), 3);
      await browser.findElement(By.id('explanation-more')).click();
      assert.equal(await textOf(browser, '#explanation-more'), 'Read less');
      assert.ok(await lines() > 3, 'the whole explanation');
    });

    test('while the run on screen is older than the program, the links wait for Run, and no line is marked', async () => {
      const browser = await open();
      await browser.findElement(By.id('timing-0')).click();
      await browser.actions().sendKeys(Key.END, Key.BACK_SPACE, '5', Key.TAB).perform();
      await browser.wait(async () => (await browser.findElement(By.id('share-stale')).isDisplayed()), 5_000);
      assert.equal(await browser.findElement(By.id('copy-link')).isEnabled(), false);
      // No line of the new code is marked with the old run's; What happened says whose its lines are.
      assert.equal(await browser.findElement(By.id('what-happened-stale')).isDisplayed(), true);
      assert.equal(await browser.executeScript("return document.querySelectorAll('.lane .current:is(.line, .cm-line)').length"), 0);
      await browser.findElement(By.id('run')).click();
      await browser.wait(async () => (await browser.findElement(By.id('copy-link')).isEnabled()), 10_000);
      assert.equal(await browser.findElement(By.id('share-stale')).isDisplayed(), false);
      assert.equal(await browser.findElement(By.id('what-happened-stale')).isDisplayed(), false);
    });

    test('a changed example is kept when another is chosen, and comes back with it', async () => {
      const browser = await open();
      await browser.findElement(By.id('timing-0')).click();
      await browser.actions().sendKeys(Key.END, Key.BACK_SPACE, Key.BACK_SPACE, Key.BACK_SPACE, '20', Key.TAB).perform();
      await browser.findElement(By.css('#example option[value="join"]')).click();
      await browser.wait(async () => (await textOf(browser, '#example option[value="sequential"]')) === 'Sequential timers (your changes)', 5_000);
      await browser.findElement(By.css('#example option[value="sequential"]')).click();
      await browser.wait(async () => (await textOf(browser, '#timing-0', 'value')) === '20', 5_000);
      await browser.wait(async () => (await textOf(browser, '#trace-futures li[data-kind="log"] .t')) === '170 ms', 10_000);
      assert.equal(await textOf(browser, '#example option[value="sequential"]'), 'Sequential timers');
    });

    test('Step through one lane: Step forward goes to that lane\'s next event', async () => {
      const browser = await open();
      await browser.findElement(By.css('#step-lane option[value="futures"]')).click();
      for (let i = 0; i < 3; i += 1) await browser.findElement(By.id('step-forward')).click();
      await browser.wait(async () => / in Rust futures at /.test((await textOf(browser, '#position')) ?? ''), 5_000);
      const third = Number(/^Event (\d+) of/.exec((await textOf(browser, '#position')) ?? '')?.[1]);
      // Three steps through every lane from event 1 end at event 4: the JS lanes' events between were skipped.
      assert.ok(third > 4, `event ${third}`);
    });

    test('Reset discards the changes, and Undo reset brings them back', async () => {
      const browser = await open();
      await browser.findElement(By.id('timing-0')).click();
      await browser.actions().sendKeys(Key.END, Key.BACK_SPACE, Key.BACK_SPACE, Key.BACK_SPACE, '20', Key.TAB).perform();
      await browser.wait(async () => (await textOf(browser, '#program-status', 'data-state')) === 'stale', 5_000);
      await browser.findElement(By.id('reset')).click();
      await browser.wait(async () => (await textOf(browser, '#timing-0', 'value')) === '200', 5_000);
      await browser.wait(async () => (await textOf(browser, '#reset-said')) === 'Reset put back the original example. Undo reset brings back what you had, until you change the program again.', 5_000);
      await browser.findElement(By.id('undo-reset')).click();
      await browser.wait(async () => (await textOf(browser, '#timing-0', 'value')) === '20', 5_000);
      await browser.wait(async () => (await textOf(browser, '#trace-futures li[data-kind="log"] .t')) === '170 ms', 10_000);
      assert.equal(await browser.findElement(By.id('undo-reset')).isDisplayed(), false);
    });
  });
}
