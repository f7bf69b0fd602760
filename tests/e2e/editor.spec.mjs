// The Rust panel as an editor, as a user drives it: type a program with the
// keyboard, see the other panels and the timings follow, run it, make a
// mistake, share it, paste a link into the open page, go Back, Reset; and
// `playground.parse` / `playground.run({rust})` from a script.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test, expect, openPlayground } from './fixtures.mjs';

const require = createRequire(import.meta.url);

const editor = (page) => page.getByRole('textbox', { name: 'Rust code' });
/** The editor's text, exactly (CodeMirror's document, through the page's panel). */
const editorText = (page) => page.locator('#code-futures .cm-content').evaluate((content) => {
  const view = content.closest('.cm-editor');
  return [...view.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n');
});
/** The time shown on a lane's first log event. */
const logTime = (page, id) => page.locator(`#trace-${id} li[data-kind="log"] .t`).first();
const LANES = ['callbacks', 'promises', 'futures'];

/** Selects everything in the Rust editor and types `keys` there: strings are
 * typed, `[key]` pressed (the editor closes brackets as it goes, as for
 * anyone typing). */
async function typeProgram(page, ...keys) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  for (const key of keys) {
    if (Array.isArray(key)) await page.keyboard.press(key[0]);
    else await page.keyboard.type(key);
  }
}

/** Replaces the Rust editor's whole text with `text`, as a paste does. */
async function pasteProgram(page, text) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

/** A join of two sleeps, then a log; `{` `(` `"` are closed by the editor. */
const BREAKFAST = [
  'use runtime::prelude::*;', ['Enter'],
  '// breakfast, both at once', ['Enter'],
  'async fn run() {', ['Enter'],
  'join!(', ['Enter'],
  'sleep_ms(100), // Kettle', ['Enter'],
  'sleep_ms(250), // Toast',
  ['ArrowDown'], ['End'], ';', ['Enter'],
  'log("Breakfast");',
];
const BREAKFAST_TEXT = [
  'use runtime::prelude::*;',
  '// breakfast, both at once',
  'async fn run() {',
  '    join!(',
  '        sleep_ms(100), // Kettle',
  '        sleep_ms(250), // Toast',
  '    );',
  '    log("Breakfast");',
  '}',
].join('\n');

test('the Rust panel becomes an editor with the same text; the JS panels are read-only editors', async ({ page }) => {
  await openPlayground(page);
  const code = await page.evaluate(() => window.playground.code({ preset: 'sequential' }));
  await expect(editor(page)).toBeVisible();
  await expect(editor(page)).toBeEditable();
  expect(await editorText(page)).toBe(code.futures.code);
  for (const name of ['Callbacks code', 'Promises code']) {
    await expect(page.getByRole('textbox', { name })).toHaveAttribute('aria-readonly', 'true');
  }
  await expect(page.getByRole('textbox', { name: 'Callbacks code' })).toContainText('setTimeout(() => { // Timer 1');
});

test('a program typed with the keyboard: panels and timings follow, Run runs it in all three lanes', async ({ page }) => {
  await openPlayground(page);
  await typeProgram(page, ...BREAKFAST);
  expect(await editorText(page)).toBe(BREAKFAST_TEXT);
  // Before anything runs: the timings, the other panels, the Example.
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('100');
  await expect(page.getByLabel('Toast (ms)')).toHaveValue('250');
  await expect(page.locator('#code-callbacks')).toContainText("console.log(\"Breakfast\");");
  await expect(page.locator('#code-callbacks')).toContainText('}, 250);');
  await expect(page.locator('#code-promises')).toContainText('Promise.all');
  await expect(page.getByLabel('Example')).toHaveValue('custom');
  await expect(page.locator('#explanation')).toContainText('Your own program');
  await expect(logTime(page, 'futures'), 'the last run stays until Run').toHaveText('350 ms');
  await expect(page).toHaveURL(/rust=use%20runtime/);
  await page.getByRole('button', { name: 'Run' }).click();
  for (const [id, name] of [['callbacks', 'Callbacks'], ['promises', 'Promises'], ['futures', 'Rust futures']]) {
    await expect(logTime(page, id), name).toHaveText('250 ms');
    await expect(page.getByRole('region', { name }).getByText('text=Breakfast')).toBeVisible();
  }
  // The trace names lines of the text as typed: the log is on line 8.
  const lines = await page.evaluate(() => window.playground.lastRun().futures.events
    .filter((e) => e.kind === 'log' || e.kind === 'state').map((e) => (e.kind === 'state' ? `${e.variant} ${e.line}` : e.line)));
  expect(lines).toContain(8);
  expect(lines).toContain('Suspend0 4');
});

test('a helper async fn, typed: every lane runs it, a Rust call runs nothing until awaited, and it has an enum of its own', async ({ page }) => {
  await openPlayground(page);
  const program = [
    'use runtime::prelude::*;',
    '',
    'async fn run() {',
    '    let tea = brew();',
    '    let wait = sleep_ms(50);',
    '    wait.await;',
    '    tea.await;',
    '    join!(brew(), sleep_ms(20)); // Toast',
    '    log("done");',
    '}',
    '',
    'async fn brew() {',
    '    sleep_ms(100).await; // Kettle',
    '    log("boiled");',
    '}',
    '',
  ].join('\n');
  await pasteProgram(page, program);
  // One timing per written sleep: Kettle once, however often brew() runs.
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('100');
  await expect(page.getByLabel(/\(ms\)$/)).toHaveCount(3);
  await expect(page.locator('#code-callbacks')).toContainText('function brew(done) {');
  await expect(page.locator('#code-promises')).toContainText('function brew() {');
  await page.getByRole('button', { name: 'Run' }).click();
  /** @param {string} lane */
  const logs = (lane) => page.evaluate((l) => window.playground.lastRun()[l].events
    .filter((e) => e.kind === 'log').map((e) => `${e.t} ${e.text} line ${e.line}`), lane);
  // Rust: brew()'s Kettle starts when `tea` is awaited, at 50 ms.
  await expect.poll(() => logs('futures')).toEqual(['150 boiled line 14', '250 boiled line 14', '250 done line 9']);
  // JS: calling an async function starts it at once.
  for (const lane of ['callbacks', 'promises']) {
    expect((await logs(lane)).map((l) => l.split(' line')[0]), lane).toEqual(['100 boiled', '200 boiled', '200 done']);
  }
  // run()'s enum awaits brew()'s future; brew() has its own.
  await expect(page.getByRole('list', { name: 'Variants of run()\'s future' })).toContainText('Suspend1 { __awaitee: {async fn body of brew()} }, // suspended at line 7');
  const brew = page.getByRole('list', { name: 'Variants of brew()\'s future' });
  await expect(brew.getByRole('listitem')).toHaveText([
    'Unresumed, // made, not polled yet: brew() has not started',
    'Suspend0 { __awaitee: Sleep }, // suspended at line 13',
    'Returned, // brew() has finished',
    'Panicked, // a poll panicked (crashed) part-way; no program here panics',
  ]);
});

test('a helper with a parameter: each call waits its own time in every lane, and its text reads it', async ({ page }) => {
  await openPlayground(page);
  const program = [
    'use runtime::prelude::*;',
    'use runtime::println;',
    '',
    'async fn run() {',
    '    join!(brew(300), brew(100));',
    '    brew(50).await;',
    '}',
    '',
    'async fn brew(ms: u32) {',
    '    sleep_ms(ms).await; // Kettle',
    '    println!("brewed for {ms} ms");',
    '}',
    '',
  ].join('\n');
  await pasteProgram(page, program);
  // The sleep's time is each call's: no timing input for it.
  await expect(page.getByLabel(/\(ms\)$/)).toHaveCount(0);
  await expect(page.locator('#code-callbacks')).toContainText('function brew(ms, done) {');
  await expect(page.locator('#code-promises')).toContainText('console.log(`brewed for ${ms} ms`)');
  await page.getByRole('button', { name: 'Run' }).click();
  for (const lane of ['callbacks', 'promises', 'futures']) {
    await expect.poll(() => page.evaluate((l) => window.playground.lastRun()[l].events
      .filter((e) => e.kind === 'log' || e.kind === 'timer_set').map((e) => (e.kind === 'log' ? `${e.t} ${e.text}` : `${e.t} set ${e.ms}`)), lane), lane)
      .toEqual(['0 set 300', '0 set 100', '100 brewed for 100 ms', '300 brewed for 300 ms', '300 set 50', '350 brewed for 50 ms']);
  }
  await expect(page.getByRole('list', { name: 'Variants of brew()\'s future' }).getByRole('listitem').first())
    .toHaveText('Unresumed { ms: u32 }, // called: its arguments are stored, and brew() has not started');
});

test('a number named by let: the texts after it read it in every lane, and the State machine keeps it', async ({ page }) => {
  await openPlayground(page);
  const rust = [
    'use runtime::prelude::*;',
    '',
    'async fn run() {',
    '    let cups = 3;',
    '    sleep_ms(10).await;',
    '    log(format!("{cups} cups"));',
    '    sleep_ms(5).await;',
    '}',
    '',
  ].join('\n');
  const logs = await page.evaluate(async (text) => {
    const out = {};
    for (const promiseStyle of ['then', 'await']) {
      const r = await window.playground.run({ rust: text, promiseStyle });
      for (const lane of ['callbacks', 'promises', 'futures']) {
        out[`${lane} ${promiseStyle}`] = r[lane].events.filter((e) => e.kind === 'log').map((e) => `${e.t} ${e.text}`);
      }
    }
    return out;
  }, rust);
  for (const [lane, seen] of Object.entries(logs)) expect(seen, lane).toEqual(['10 3 cups']);
  // Needed after the first await, then borrowed by format!: kept in both
  // states, as rustc lays it out (checked with -Zprint-type-sizes).
  const machine = await page.evaluate((text) => window.playground.stateMachine({ rust: text }), rust);
  expect(machine.variants.map((v) => v.fields.map((f) => `${f.name}: ${f.type}`).join(', ')))
    .toEqual(['', 'cups: i32, __awaitee: Sleep', 'cups: i32, __awaitee: Sleep', '', '']);
});

test('tokio\'s spawn example, its use lines changed as the page says, runs in every lane: JS starts the task at once, Rust at the first await', async ({ page }) => {
  await openPlayground(page);
  const tokio = [
    'use tokio::time::{sleep, Duration};',
    '',
    '#[tokio::main]',
    'async fn main() {',
    '    let handle = tokio::spawn(async {',
    '        for i in 0..3 {',
    '            println!("hi number {i} from the spawned task!");',
    '            sleep(Duration::from_millis(100)).await;',
    '        }',
    '    });',
    '',
    '    for i in 0..2 {',
    '        println!("hi number {i} from the main task!");',
    '        sleep(Duration::from_millis(100)).await;',
    '    }',
    '',
    '    handle.await.unwrap();',
    '}',
    '',
  ];
  const said = await page.evaluate((text) => window.playground.run({ rust: text }).then(() => 'ran', (e) => e.message), tokio.join('\n'));
  expect(said).toContain('start with `use runtime::prelude::*;`, `use runtime::println;`, `use std::time::Duration;`; `async fn run()` for `#[tokio::main] async fn main()`; no `tokio::` before `spawn`');
  // What the message says, done: the use lines, run(), spawn.
  const fixed = ['use runtime::prelude::*;', 'use runtime::println;', 'use std::time::Duration;', '', 'async fn run() {',
    ...tokio.slice(4).join('\n').replace('tokio::spawn', 'spawn').split('\n')].join('\n');
  const logs = await page.evaluate(async (text) => {
    const r = await window.playground.run({ rust: text, promiseStyle: 'await' });
    return Object.fromEntries(['callbacks', 'promises', 'futures'].map((lane) => [lane, r[lane].events.filter((e) => e.kind === 'log').map((e) => `${e.t} ${e.text}`)]));
  }, fixed);
  const spawned = (i, t) => `${t} hi number ${i} from the spawned task!`;
  const main = (i, t) => `${t} hi number ${i} from the main task!`;
  // JS runs the task's first steps when it is spawned, before run() goes on;
  // Rust polls it once run() waits at its first await.
  const js = [spawned(0, 0), main(0, 0), spawned(1, 100), main(1, 100), spawned(2, 200)];
  expect(logs.callbacks).toEqual(js);
  expect(logs.promises).toEqual(js);
  expect(logs.futures).toEqual([main(0, 0), spawned(0, 0), main(1, 100), spawned(1, 100), spawned(2, 200)]);
});

test('each spawned async block shows its own enum: what it captured in Unresumed, its awaits, checked against rustc natively', async ({ page }) => {
  await openPlayground(page);
  const program = [
    'use runtime::prelude::*;',
    '',
    'async fn run() {',
    '    for i in 0..2 {',
    '        let h = spawn(async move {',
    '            sleep_ms(100).await;',
    '            log(format!("tick {i}"));',
    '        });',
    '        sleep_ms(10).await;',
    '        h.abort();',
    '    }',
    '}',
    '',
  ].join('\n');
  await pasteProgram(page, program);
  await expect(page.locator('#code-promises')).toContainText('new AbortController()');
  await page.getByRole('button', { name: 'Run' }).click();
  const list = page.getByRole('list', { name: 'Variants of the future of the task spawned on line 5' });
  await expect(list.getByRole('listitem')).toHaveText([
    'Unresumed { i: i32 }, // spawned, not polled yet: holds what it captured, no code has run',
    'Suspend0 { __awaitee: Sleep }, // suspended at line 6',
    'Returned, // ran to its end',
    'Panicked, // a poll panicked (crashed) part-way; no program here panics',
  ]);
  // run()'s own enum keeps only the handle (to its block's end) and its loop.
  const machine = await page.evaluate((text) => window.playground.stateMachine({ rust: text }), program);
  expect(machine.variants.map((v) => v.fields.map((f) => `${f.name}: ${f.type}`).join(', ')))
    .toEqual(['', 'iter: Range<i32>, h: JoinHandle<()>, __awaitee: Sleep', '', '']);
  expect(machine.tasks.map((t) => [t.line, t.handle, t.aborted])).toEqual([[5, 'h', true]]);
  await expect(page.locator('#state-helpers')).toContainText('It captures i (async move copies in what the block reads)');
  await expect(page.locator('#state-helpers')).toContainText('h.abort() drops the task in whatever state it is in');
});

test('join_all of a helper\'s calls: every lane waits for all, Rust polls them in one Join, the State machine names its type', async ({ page }) => {
  await openPlayground(page);
  const rust = [
    'use runtime::prelude::*;',
    '',
    'async fn run() {',
    '    join_all(vec![brew(100), brew(50)]).await;',
    '    log("both brewed");',
    '}',
    '',
    'async fn brew(ms: u32) {',
    '    sleep_ms(ms).await;',
    '    log(format!("{ms} done"));',
    '}',
    '',
  ].join('\n');
  const seen = await page.evaluate(async (text) => {
    const out = {};
    for (const promiseStyle of ['then', 'await']) {
      const r = await window.playground.run({ rust: text, promiseStyle });
      for (const lane of ['callbacks', 'promises', 'futures']) {
        out[`${lane} ${promiseStyle}`] = r[lane].events.filter((e) => e.kind === 'log').map((e) => `${e.t} ${e.text}`);
      }
      out[`polls ${promiseStyle}`] = r.futures.events.filter((e) => e.kind === 'poll_start').length;
    }
    return { out, code: window.playground.code({ rust: text, promiseStyle: 'await' }) };
  }, rust);
  for (const style of ['then', 'await']) {
    for (const lane of ['callbacks', 'promises', 'futures']) {
      expect(seen.out[`${lane} ${style}`], `${lane} ${style}`).toEqual(['50 50 done', '100 100 done', '100 both brewed']);
    }
    // One task, polled at the start, at 50 and at 100.
    expect(seen.out[`polls ${style}`]).toBe(3);
  }
  expect(seen.code.futures.code).toContain('join_all(vec![');
  expect(seen.code.promises.code).toContain('await Promise.all([');
  const machine = await page.evaluate((text) => window.playground.stateMachine({ rust: text }), rust);
  expect(machine.variants.map((v) => v.fields.map((f) => `${f.name}: ${f.type}`).join(', ')))
    .toEqual(['', '__awaitee: Join<{async fn body of brew()}>', '', '']);
});

test('a mistake is underlined and named in the alert; the last program and run stay', async ({ page }) => {
  await openPlayground(page);
  const alert = page.getByRole('alert');
  await editor(page).click();
  // Line 4 is `    sleep_ms(200).await; // Timer 1`: delete `.await`.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 17; i += 1) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('Delete');
  await expect(alert).toHaveText('Rust code: line 4, column 18: missing `.await`: '
    + 'without `.await` this future is dropped, never polled, so nothing waits. rustc would only warn here ("futures do nothing '
    + 'unless you `.await` or poll them"), an easy bug to miss');
  await expect(page.locator('#code-futures .cm-lintRange-error')).toHaveText(';');
  await expect(page.getByRole('button', { name: 'Run' })).toBeDisabled();
  await expect(logTime(page, 'futures'), 'the last run stays').toHaveText('350 ms');
  await expect(page.getByLabel('Timer 1 (ms)'), 'and the last good program').toHaveValue('200');
  expect(await editorText(page), 'the text stays as typed').toContain('sleep_ms(200); // Timer 1');
  // Undo puts it back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(alert).toBeHidden();
  await expect(page.locator('#code-futures .cm-lintRange-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();
});

test('a timing input rewrites its number in the editor; comments stay', async ({ page }) => {
  await openPlayground(page);
  await typeProgram(page, ...BREAKFAST);
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('100');
  await page.getByLabel('Kettle (ms)').fill('120');
  await expect.poll(() => editorText(page)).toBe(BREAKFAST_TEXT.replace('sleep_ms(100)', 'sleep_ms(120)'));
});

test('the share link opens exactly what was typed', async ({ page, context }) => {
  await openPlayground(page);
  await typeProgram(page, ...BREAKFAST);
  await expect(page.getByLabel('Toast (ms)')).toHaveValue('250');
  const link = page.url();
  const again = await openPlayground(await context.newPage(), link);
  expect(await editorText(again)).toBe(BREAKFAST_TEXT);
  await expect(again.getByLabel('Example')).toHaveValue('custom');
  for (const id of LANES) await expect(logTime(again, id), id).toHaveText('250 ms');
  await again.reload();
  await expect(again.locator('body')).toHaveAttribute('data-editor', 'ready');
  expect(await editorText(again), 'reloaded').toBe(BREAKFAST_TEXT);
});

test('a link pasted into the open page opens its program; Back and Forward go between programs', async ({ page }) => {
  await openPlayground(page);
  const first = await editorText(page);
  const text = 'use runtime::prelude::*;\nasync fn run() {\n    sleep_ms(30).await; // Kettle\n    log("Tea");\n}';
  // As if pasted into the address bar: the same document, a new fragment.
  await page.goto(`/#rust=${encodeURIComponent(text)}`);
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('30');
  expect(await editorText(page)).toBe(text);
  await expect(logTime(page, 'futures'), 'and it ran').toHaveText('30 ms');
  await page.goBack();
  await expect(page.getByLabel('Timer 1 (ms)')).toHaveValue('200');
  expect(await editorText(page)).toBe(first);
  await expect(logTime(page, 'futures')).toHaveText('350 ms');
  await page.goForward();
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('30');
  // A typed program gets its own entry: Back returns to the one before it.
  await typeProgram(page, ...BREAKFAST);
  await expect(page.getByLabel('Toast (ms)')).toHaveValue('250');
  await page.goBack();
  await expect(page.getByLabel('Kettle (ms)')).toHaveValue('30');
  expect(await editorText(page)).toBe(text);
});

test('a link whose program is refused says why, and the example runs instead', async ({ context }) => {
  const cases = [
    [`#rust=${encodeURIComponent('fn main() {}')}`, 'Link: rust: line 1, column 1: expected `use`, found `fn`'],
    ['#rust=%E0%A4%A', 'Link: rust: is not percent-encoded UTF-8 text'],
    [`#rust=${'a'.repeat(20_000)}`, 'Link: rust: is 20000 characters long; at most 16384 are read'],
  ];
  for (const [hash, message] of cases) {
    const page = await openPlayground(await context.newPage(), `/${hash}`);
    await expect(page.getByRole('alert'), hash.slice(0, 30)).toHaveText(message + (message.endsWith('`fn`')
      ? ': the module starts with `use runtime::prelude::*;`' : '') + '. The example is shown as it is instead.');
    await expect(logTime(page, 'futures')).toHaveText('350 ms');
    // The example shown runs: the link's problem does not hold Run back.
    await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();
    await expect(page.getByLabel('Example')).toHaveValue('sequential');
    await page.close();
  }
});

test('Reset restores the example, Undo reset brings the typed program back; choosing an Example replaces the text', async ({ page }) => {
  await openPlayground(page);
  const sequential = await editorText(page);
  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  const undo = page.getByRole('button', { name: 'Undo reset' });
  const said = page.getByRole('status').filter({ hasText: 'Undo reset brings back' });
  // Nothing to discard: nothing to undo.
  await reset.click();
  await expect(page.locator('#program-status')).toHaveAttribute('data-state', 'current');
  await expect(undo).toBeHidden();
  await typeProgram(page, ...BREAKFAST);
  await expect(page.getByLabel('Example')).toHaveValue('custom');
  const typed = await editorText(page);
  await reset.click();
  await expect(page.getByLabel('Example')).toHaveValue('sequential');
  await expect(page.locator('#example option[value="custom"]')).toHaveCount(0);
  expect(await editorText(page)).toBe(sequential);
  await expect(page.getByLabel('Timer 1 (ms)')).toHaveValue('200');
  await expect(said).toHaveText('Reset put back the original example. Undo reset brings back what you had, until you change the program again.');
  // Undone: the typed program is back, runs, and the offer goes.
  await undo.click();
  await expect(page.getByLabel('Example')).toHaveValue('custom');
  expect(await editorText(page)).toBe(typed);
  await expect(undo).toBeHidden();
  await expect(said).toHaveCount(0);
  await expect(reset).toBeFocused();
  await expect(page.locator('#trace-futures li[data-kind="log"]').last()).toContainText('Breakfast');
  await expect(page.locator('#program-status')).toHaveAttribute('data-state', 'current');
  // Reset again; a setting changed is not the program changed: the offer stays.
  await reset.click();
  await expect(undo).toBeVisible();
  await page.getByRole('radio', { name: 'Real' }).check();
  await expect(page.locator('#program-status')).toHaveAttribute('data-state', 'stale');
  await expect(undo).toBeVisible();
  await page.getByRole('radio', { name: 'Virtual' }).check();
  // A change of the program's: the offer goes with it.
  await page.getByLabel('Timer 1 (ms)').fill('20');
  await expect(undo).toBeHidden();
  await reset.click();
  await expect(page.getByLabel('Timer 1 (ms)')).toHaveValue('200');
  await page.getByLabel('Example').selectOption('race');
  await expect(editor(page)).toContainText('select! {');
  await expect(page.locator('#explanation')).toContainText('first to fire');
  // A program typed to be a preset is that preset.
  const join = await page.evaluate(() => window.playground.code({ preset: 'join' }).futures.code);
  await pasteProgram(page, join.replace('sleep_ms(200)', 'sleep_ms(20)'));
  await expect(page.getByLabel('Example')).toHaveValue('join');
  await expect(page.getByLabel('Timer 1 (ms)')).toHaveValue('20');
});

test('Undo reset after Reset pressed twice, and after a bad timing typed since: the program back, running; a text typed since ends the offer', async ({ page }) => {
  await openPlayground(page);
  const reset = page.getByRole('button', { name: 'Reset', exact: true });
  const undo = page.getByRole('button', { name: 'Undo reset' });
  const mine = 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(40).await; // mine\n    log("typed");\n}\n';
  await pasteProgram(page, mine);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
  // Twice: the second has nothing of its own to discard, and the first's stays.
  await reset.click();
  await reset.click();
  await expect(logTime(page, 'futures')).toHaveText('350 ms');
  await expect(undo).toBeVisible();
  // A timing refused since (the program did not change): it goes, as with Reset.
  await page.getByLabel('Timer 1 (ms)').fill('-5');
  await expect(page.getByRole('alert')).toContainText('Timer 1 (ms): must be');
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(page.getByRole('alert')).toBeHidden();
  expect(await editorText(page)).toBe(mine);
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
  await expect(page.locator('#program-status')).toHaveAttribute('data-state', 'current');
  // A text typed since, even one that does not parse yet, is an edit: Undo
  // reset would lose it, and goes.
  await reset.click();
  await expect(undo).toBeVisible();
  await pasteProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(5).await // broken\n    log("x");\n}\n');
  await expect(page.getByRole('alert')).toContainText('Rust code: line 4');
  await expect(undo).toBeHidden();
});

test('pressing Run right after typing runs the text: Run stays under the pointer from the press to the click', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  await page.evaluate(() => {
    const run = document.querySelector('#run');
    window.runTops = [];
    // Captured: before Run's own click handler, which reads the text and changes the page.
    for (const type of ['pointerdown', 'click']) {
      document.addEventListener(type, (e) => { if (e.target === run) window.runTops.push(Math.round(run.getBoundingClientRect().top)); }, true);
    }
  });
  // Typed, then Run before the pause after typing ends (the text not read yet).
  await pasteProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(40).await; // mine\n    log("typed");\n}\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
  const tops = await page.evaluate(() => window.runTops);
  expect(tops).toHaveLength(2);
  expect(tops[1]).toBe(tops[0]);
});

test('Undo reset brings back a text being fixed as typed, its error said again, after a run of the last that parsed', async ({ page }) => {
  await openPlayground(page);
  await pasteProgram(page, 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(40).await;\n    log("typed");\n}\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
  const broken = 'use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(40).await // fixing\n    log("typed");\n}';
  await pasteProgram(page, broken);
  await expect(page.getByRole('alert')).toContainText('Rust code: line 4');
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByRole('alert')).toBeHidden();
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await expect(page.getByRole('alert')).toContainText('Rust code: line 4');
  expect(await editorText(page)).toBe(broken);
  await expect(logTime(page, 'futures')).toHaveText('40 ms');
  await expect(page.locator('#program-status')).toHaveAttribute('data-state', 'problem');
});

test('a special preset\'s Rust panel is read-only; its timings still edit it', async ({ page }) => {
  await openPlayground(page);
  await page.getByLabel('Example').selectOption('self-ref');
  await expect(editor(page)).toHaveAttribute('aria-readonly', 'true');
  await page.getByLabel('Timer 1 (ms)').fill('70');
  await expect(editor(page)).toContainText('sleep_ms(70)');
  // Text the browser inserts (an IME, a paste into the contenteditable) is dropped too.
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('fn main() {}');
  await expect(editor(page)).toContainText('sleep_ms(70)');
  await expect(editor(page)).not.toContainText('fn main() {}');
});

test('playground.parse and playground.run({rust}) from a script', async ({ page }) => {
  await openPlayground(page);
  const out = await page.evaluate(async (text) => {
    const scenario = window.playground.parse(text);
    let error;
    try {
      window.playground.parse('use runtime::prelude::*;\nasync fn run() {\n    sleep_ms(20);\n}\n');
    } catch (e) {
      error = { name: e.constructor.name, message: e.message, line: e.line, column: e.column };
    }
    const run = await window.playground.run({ rust: text, promiseStyle: 'await' });
    const timed = await window.playground.run({ rust: text, timings: [10, 40] });
    const refused = await window.playground.run({ rust: 'fn main() {}' }).then(() => 'resolved', (e) => `${e.message} ${e.line}:${e.column}`);
    return {
      scenario,
      error,
      logs: Object.values(run).map((t) => t.events.find((e) => e.kind === 'log').t),
      timedLog: timed.futures.events.find((e) => e.kind === 'log').t,
      refused,
    };
  }, BREAKFAST_TEXT);
  expect(out.scenario).toEqual({
    type: 'seq',
    steps: [
      { type: 'all', steps: [{ type: 'sleep', label: 'Kettle', ms: 100 }, { type: 'sleep', label: 'Toast', ms: 250 }] },
      { type: 'log', text: 'Breakfast' },
    ],
  });
  expect(out.error.name).toBe('Error');
  expect(out.error.message).toMatch(/^line 3, column 17: missing `\.await`/);
  expect(out.error.line).toBe(3);
  expect(out.error.column).toBe(17);
  expect(out.logs).toEqual([250, 250, 250]);
  expect(out.timedLog).toBe(40);
  expect(out.refused).toBe('line 1, column 1: expected `use`, found `fn`: the module starts with `use runtime::prelude::*;` 1:1');
});

test('no serious or critical accessibility violations with the editor focused (axe-core)', async ({ page }) => {
  await openPlayground(page);
  await editor(page).click();
  await expect(editor(page)).toBeFocused();
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' ')}`)).toEqual([]);
});
