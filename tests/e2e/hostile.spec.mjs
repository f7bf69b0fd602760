// Hostile input, as a table: share links and window.playground.run arguments
// with wrong types, huge numbers, deep or enormous scenarios, markup and script
// in labels, and Unicode edge cases. Each gets a clear message (or, if valid,
// is shown as plain text); the page keeps working; no markup ever reaches the
// DOM from a label; no CSP violations (the `problems` fixture). Add a row to
// add a case.
import { test, expect, openPlayground } from './fixtures.mjs';

const deep = (levels) => {
  let step = { type: 'log', text: 'x' };
  for (let i = 0; i < levels; i += 1) step = { type: 'seq', steps: [step] };
  return step;
};
const sleeps = (n, label = (i) => `T${i}`) => ({
  type: 'seq', steps: Array.from({ length: n }, (_, i) => ({ type: 'sleep', label: label(i), ms: 1 })),
});

// [name, options (JSON-able, or a string of JS for values JSON cannot carry), expected]
// expected: an error message fragment, or {ok: label text that must show as text}.
const RUN_CASES = [
  ['options not an object', '"sequential"', 'options: must be an object'],
  ['options null', 'null', 'options: must be an object'],
  ['options an array', '[1, 2]', 'options: must be an object'],
  ['preset a number', { preset: 42 }, 'preset: must be one of'],
  ['timings a string', { timings: '200,100' }, 'timings: must be an array of milliseconds, got a string'],
  ['timings an object', { timings: { 0: 5 } }, 'timings: must be an array of milliseconds, got an object'],
  ['timing NaN', '({ timings: [NaN] })', 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got NaN'],
  ['timing Infinity', '({ timings: [Infinity] })', 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got Infinity'],
  ['timing -0.5', { timings: [-0.5] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got -0.5'],
  ['timing 1e308', { timings: [1e308] }, 'got 1e+308'],
  ['timing a BigInt', '({ timings: [10n] })', 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got a value that is not plain data'],
  ['timing an object', { timings: [{ valueOf: 5 }] }, 'timings[0]: must be a whole number of milliseconds from 0 to 60000, got an object'],
  ['too many timings', { timings: [1, 2, 3, 4] }, 'timings: has 4 entries but the scenario has 3 timers'],
  ['too many timings (huge array)', '({ timings: new Array(100000).fill(1) })', 'timings: must be an array of milliseconds, got an array with too many items'],
  ['scenario and preset', { preset: 'join', scenario: { type: 'log', text: 'x' } }, 'preset, scenario: give one of them, not both'],
  ['scenario a function', '({ scenario: () => 1 })', 'scenario: must be a step object, got a function'],
  ['scenario a symbol', '({ scenario: Symbol("x") })', 'scenario: must be a step object, got a value that is not plain data'],
  ['scenario with a throwing getter', '({ scenario: { type: "log", get text() { throw new Error("boom"); } } })', 'scenario.text: must be text of 1 to 40 characters, got a field that throws when read'],
  ['scenario cyclic', '(() => { const s = { type: "seq", steps: [] }; s.steps.push(s); return { scenario: s }; })()', 'is nested too deep: at most 6 levels'],
  ['scenario too deep', { scenario: deep(50) }, 'is nested too deep: at most 6 levels'],
  ['scenario enormous', { scenario: sleeps(5000) }, 'scenario.steps: must be an array of steps, got an array with too many items'],
  ['scenario 33 timers', { scenario: sleeps(33) }, 'scenario: has 33 timers; at most 32 are allowed'],
  ['label very long', { scenario: { type: 'sleep', label: 'x'.repeat(5000), ms: 1 } }, 'scenario.label: must be text of 1 to 40 characters, got a very long string'],
  ['label with a newline', { scenario: { type: 'sleep', label: 'a\nb', ms: 1 } }, 'without control characters'],
  ['label with NUL', { scenario: { type: 'log', text: 'a\u0000b' } }, 'without control characters'],
  ['label a lone surrogate', { scenario: { type: 'log', text: 'a\ud800b' } }, 'broken (lone surrogate)'],
  ['label RTL override', { scenario: { type: 'log', text: 'abc\u202Eevil' } }, 'bidirectional overrides'],
  ['unknown step type', { scenario: { type: 'eval', code: 'alert(1)' } }, 'scenario.type: must be one of sleep, log, block, yield, seq, all, race, arm, create_then_await, repeat, spawn, await_handle, abort, module, async_fn, call or let, got "eval"'],
  ['prototype pollution key', '({ scenario: JSON.parse(\'{"type":"log","text":"x","__proto__":{"polluted":1}}\') })', 'scenario.__proto__: is not a field of a log step'],
  ['script in a label', { scenario: { type: 'seq', steps: [{ type: 'sleep', label: '<script>alert(1)</script>', ms: 1 }, { type: 'log', text: '<img src=x onerror=alert(2)>' }] } }, { ok: '<script>alert(1)</script>' }],
  ['Arabic, RTL text', { scenario: { type: 'seq', steps: [{ type: 'sleep', label: 'مؤقت ١', ms: 1 }, { type: 'log', text: 'انتهى' }] } }, { ok: 'مؤقت ١' }],
  ['combining marks', { scenario: { type: 'seq', steps: [{ type: 'sleep', label: 'Z̷̢a̴l̸g̵o̶', ms: 1 }, { type: 'log', text: 'é' }] } }, { ok: 'Z̷̢a̴l̸g̵o̶' }],
  ['emoji', { scenario: { type: 'seq', steps: [{ type: 'sleep', label: '⏱️ 🦀', ms: 1 }, { type: 'log', text: '👩‍👩‍👧‍👦 done' }] } }, { ok: '⏱️ 🦀' }],
];

test('hostile run() arguments', async ({ page }) => {
  await openPlayground(page);
  for (const [name, options, expected] of RUN_CASES) {
    const source = typeof options === 'string' ? options : JSON.stringify(options);
    const outcome = await page.evaluate(async (src) => {
      const options = Function(`"use strict"; return (${src});`)();
      try {
        const r = await window.playground.run(options);
        return { ok: true, labels: r.futures.events.filter((e) => e.label).map((e) => e.label) };
      } catch (error) {
        return { ok: false, message: `${error.constructor.name}: ${error.message}` };
      }
    }, source);
    if (typeof expected === 'string') {
      expect(outcome.ok, `${name} ran`).toBe(false);
      expect(outcome.message, name).toMatch(/^Error: /);
      expect(outcome.message, name).toContain(expected);
    } else {
      expect(outcome.ok, `${name}: ${outcome.message}`).toBe(true);
      expect(outcome.labels, name).toContain(expected.ok);
    }
  }
  // Still working after all that.
  const r = await page.evaluate(() => window.playground.run({ preset: 'sequential' }));
  expect(r.futures.events.find((e) => e.kind === 'log').t).toBe(350);
});

const LINK_CASES = [
  ['a label with markup', '#s=Q(S(%3Cscript%3Ealert(1)%3C%2Fscript%3E,5))', 'expected'],
  ['markup, escaped', '#s=Q(S(%3Cscript%3Ealert%281%29%3C%2Fscript%3E,5),L(%3Cimg%20src%3Dx%3E))', { ok: '<script>alert(1)</script> (ms)' }],
  ['RTL and emoji', '#s=Q(S(%D9%85%D8%A4%D9%82%D8%AA%20%F0%9F%A6%80,5),L(ok))', { ok: 'مؤقت 🦀 (ms)' }],
  ['a lone surrogate in UTF-8', '#s=L(%ED%A0%80)', 'not valid UTF-8'],
  ['overlong UTF-8', '#s=L(%C0%AF)', 'not valid UTF-8'],
  ['a truncated escape', '#s=L(%E2%82)', 'not valid UTF-8'],
  ['a bad escape', '#s=L(%G1)', 'two hex digits after %'],
  ['javascript: in the preset', '#preset=javascript%3Aalert(1)', 'Link: preset must be one of'],
  ['huge number', '#s=S(A,1e400)', 'got Infinity'],
  ['negative zero', '#s=Q(S(A,-0),L(ok))', { ok: 'A (ms)' }],
  ['many timers', `#s=Q(${Array.from({ length: 40 }, (_, i) => `S(T${i},1)`).join(',')})`, 'has 40 timers; at most 32'],
  ['empty', '#s=', 'ends before its program does (was the link cut short when it was copied?)'],
  ['a special preset with other timers', '#preset=interop&s=Q(S(A,1),S(B,2),S(C,3),L(x))', 'timings: has 3 entries but the scenario has 1 timers'],
];

test('hostile share links', async ({ context, problems }) => {
  for (const [name, hash, expected] of LINK_CASES) {
    const page = await openPlayground(await context.newPage(), `/${hash}`);
    if (typeof expected === 'string') {
      await expect(page.getByRole('alert'), name).toContainText(expected);
    } else {
      await expect(page.getByLabel(expected.ok, { exact: true }), name).toBeVisible({ timeout: 5_000 });
      await expect(page.getByRole('alert'), name).toBeHidden();
    }
    await expect(page.locator('main script, main img, main b'), `${name}: markup reached the DOM`).toHaveCount(0);
    await expect(page.locator('#trace-futures li[data-kind="log"]').first(), `${name}: the page ran`).toBeAttached();
    expect(problems, name).toEqual([]);
    await page.close();
  }
});
