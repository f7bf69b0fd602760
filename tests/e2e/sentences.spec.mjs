// The page's sentences about a run state only numbers the run shows. Every
// preset runs with its own timings and with 20 random ones (zeros and ties
// among them); each number in "In this run" and in the Summary's sentence
// is found by the phrase around it (a regular expression per phrase) and
// compared with the trace: a last log's time, a timer's firing time or
// lateness, a count of polls or wakes (a time as the page writes one:
// `350 ms`, `1.1 s`). A number no phrase accounts for fails the test too,
// so a new sentence cannot state an unchecked number.
import { test, expect, openPlayground } from './fixtures.mjs';
import { random } from '../random-scenario.mjs';
import { formatMs } from '../../web/dom.js';

const LANE = { Callbacks: 'callbacks', Promises: 'promises', 'Rust futures': 'futures' };
const LANES = String.raw`(?:Callbacks|Promises|Rust futures)`;
/** A time as the page writes it, captured. */
const T = String.raw`([\d.]+ m?s)`;
/** @param {string} source @returns {RegExp} */
const re = (source) => new RegExp(source, 'g');

/**
 * Checks `sentence` against `run`; returns the problems found.
 * @param {string} sentence
 * @param {object} run `{callbacks, promises, futures}` traces
 */
function check(sentence, run) {
  const problems = [];
  let rest = sentence;
  const events = (lane) => run[lane].events;
  const lastLog = (lane) => events(lane).findLast((e) => e.kind === 'log')?.t;
  const idle = (lane) => events(lane).at(-1)?.t ?? 0;
  const done = (lane) => lastLog(lane) ?? idle(lane);
  const polls = events('futures').filter((e) => e.kind === 'poll_start').length;
  const wakes = events('futures').filter((e) => e.kind === 'wake' && e.outcome !== 'ignored').length;
  const logged = (lane, time) => lastLog(lane) !== undefined && formatMs(lastLog(lane)) === time;
  /** Removes what `pattern` matches after checking it with `ok`. */
  const phrase = (pattern, ok, what) => {
    rest = rest.replace(pattern, (...m) => {
      if (!ok(...m)) problems.push(`${what}: "${m[0]}"`);
      return '';
    });
  };
  const lanesIn = (names) => names.split(/, | and /).map((n) => LANE[n]);
  const times = (said) => ({ once: 1, twice: 2 })[said] ?? +said.replace(/ times$/, '');
  // "every lane logged its last line at 350 ms" / "Every lane logged …"
  phrase(re(String.raw`[Ee]very lane logged its last line at ${T}`),
    (_, t) => ['callbacks', 'promises', 'futures'].every((l) => logged(l, t)), 'every last log');
  // "Callbacks and Promises logged their last line at 200 ms, Rust futures at 350 ms"
  phrase(re(String.raw`(${LANES}(?:(?:, | and )${LANES})*) logged (?:its|their) last line at ${T}((?:, (?:${LANES}(?:, | and )?)+ at [\d.]+ m?s)*)`),
    (_, names, t, more) => [[names, t], ...[...more.matchAll(re(String.raw`, ((?:${LANES}(?:, | and )?)+) at ${T}`))].map((g) => [g[1], g[2]])]
      .every(([n, time]) => lanesIn(n).every((l) => logged(l, time))), 'last logs by lane');
  phrase(/the (?:(\d+) )?Rust tasks? (?:was|were) polled (once|twice|\d+ times) and (?:woken (once|twice|\d+ times)|never woken)/g,
    (_, tasks, p, w) => times(p) === polls && (w === undefined ? 0 : times(w)) === wakes
      && (tasks === undefined || +tasks === events('futures').filter((e) => e.kind === 'spawn').length), 'polls and wakes');
  // "Rust cancelled Timer 1 and Timer 2 when their sleeps were dropped; in the JS lanes they still fired, and nothing waited for them: Timer 2 at 100 ms and Timer 1 at 200 ms"
  phrase(re(String.raw`Rust cancelled (.+?) when (?:its sleep was|their sleeps were) dropped(?:; in the JS lanes (?:it|they) still fired, and nothing waited for (?:it|them): ((?:Timer \d+ at [\d.]+ m?s(?:, | and )?)+))?`),
    (_, labels, at) => {
      const names = labels.split(/, | and /);
      const cancelled = events('futures').filter((e) => e.kind === 'timer_cancel').map((e) => e.label);
      const fired = events('promises').filter((e) => e.kind === 'timer_fired' && names.includes(e.label)).map((e) => `${e.label} ${formatMs(e.t)}`);
      const said = at ? [...at.matchAll(re(String.raw`(Timer \d+) at ${T}`))].map((m) => `${m[1]} ${m[2]}`) : [];
      return JSON.stringify(names) === JSON.stringify(cancelled) && JSON.stringify(said) === JSON.stringify(fired);
    }, 'cancelled timers');
  // "In every lane Timer 1 fired 50 ms after its deadline and Timer 2 fired 20 ms after its deadline" (or "In the Rust lane …")
  phrase(re(String.raw`[Ii]n (every lane|the Rust lane) ((?:Timer \d+ fired [\d.]+ m?s after its deadline(?:, | and )?)+)`),
    (_, where, said) => (where === 'every lane' ? ['callbacks', 'promises', 'futures'] : ['futures']).every((lane) =>
      [...said.matchAll(re(String.raw`(Timer \d+) fired ${T} after its deadline`))].every(([, label, late]) =>
        events(lane).some((e) => e.kind === 'timer_fired' && e.label === label && formatMs(e.late) === late))),
    'late timers');
  // Summary: "Rust logged its last line at 350 ms, JS at 200 ms: the Rust lane set Timer 2 at 200 ms, the JS lanes at 0 ms"
  phrase(re(String.raw`Rust logged its last line at ${T}, JS at ${T}`),
    (_, rust, js) => formatMs(done('futures')) === rust && formatMs(Math.max(done('callbacks'), done('promises'))) === js, 'Rust against JS');
  phrase(re(String.raw`the Rust lane set (.+?) at ${T}, the JS lanes at ${T}`),
    (_, label, rust, js) => {
      const set = (lane) => events(lane).find((e) => e.kind === 'timer_set' && e.label === label)?.t;
      return formatMs(set('futures')) === rust && formatMs(Math.min(set('callbacks'), set('promises'))) === js;
    }, 'timer set later');
  // "(1 of those wakes came while it was already queued to be polled …)"
  phrase(/\((\d+) of those wakes came while it was already queued/g,
    (_, n) => +n === events('futures').filter((e) => e.kind === 'wake' && e.outcome === 'already_queued').length, 'wakes that added no poll');
  phrase(/Rust's select dropped (\d+) losing timers?/g,
    (_, n) => +n === events('futures').filter((e) => e.kind === 'timer_cancel').length, 'dropped timers');
  phrase(/polled (\d+) times? for (\d+) wakes?/g, (_, p, w) => +p === polls && +w === wakes, 'summary polls and wakes');
  phrase(/Task (\d+) is Pending/g, (_, task) => events('futures').some((e) => e.kind === 'lost_waker' && e.task === +task), 'lost waker');
  // "the deadline of Timer 2 and Timer 3, fixed when …, had passed when they were first polled": each was Ready at once.
  phrase(/the deadline of ((?:Timer \d+(?:, | and )?)+), fixed when/g,
    (_, labels) => labels.split(/, | and /).every((label) => events('futures').some((e) => e.kind === 'timer_elapsed' && e.label === label && e.deadline < e.t)),
    'polled after the deadline');
  // Labels name timers; they are not figures.
  rest = rest.replace(/Timer \d+/g, '');
  const unchecked = rest.match(/\d+(\.\d+)?/g);
  if (unchecked) problems.push(`numbers no phrase accounts for: ${unchecked.join(', ')} in "${sentence}"`);
  return problems;
}

test('every number the run\'s sentences state is the trace\'s, for every preset with its own and 20 random timings', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const presets = await page.evaluate(() => window.playground.presets().map((p) => ({ id: p.id })));
  const next = random(0x5e7c);
  const runs = [];
  for (const { id } of presets) {
    // As many timings as the example has timers: its first run shows them.
    const count = await page.evaluate(async (preset) => (await window.playground.run({ preset, clock: 'virtual' }))
      .callbacks.events.filter((e) => e.kind === 'timer_set').length, id);
    const choices = [0, 10, 20, 20, 50, 100, 150, 200, 350, 1000];
    const timings = [undefined, ...Array.from({ length: 20 }, () => Array.from({ length: count }, () => choices[next(choices.length)]))];
    for (const t of timings) {
      runs.push(await page.evaluate(async ({ preset, timings: ts }) => {
        const base = new URL('.', location.href);
        const { inThisRun } = await import(new URL('replay/in-this-run.js', base).href);
        const { summarize } = await import(new URL('replay/summary.js', base).href);
        const run = await window.playground.run({ preset, timings: ts, clock: 'virtual' });
        const { lanes, sentence } = summarize(run);
        return { name: `${preset} ${JSON.stringify(ts)}`, run, sentences: [inThisRun(run, lanes), sentence] };
      }, { preset: id, timings: t }));
    }
  }
  expect(runs.length).toBeGreaterThanOrEqual(9 * 21);
  const problems = runs.flatMap(({ name, run, sentences }) => sentences.flatMap((s) => check(s, run).map((p) => `${name}: ${p}`)));
  expect(problems).toEqual([]);
  // The checker itself: a wrong number is caught, and so is a number no
  // phrase accounts for; and each kind of sentence was checked at least once.
  const { run, sentences } = runs[0];
  expect(check(sentences[0].replace(/(\d+) ms/, (_, n) => `${+n + 1} ms`), run)).not.toEqual([]);
  expect(check(`${sentences[0]} It took 12 ms.`, run)).not.toEqual([]);
  const said = runs.flatMap((r) => r.sentences).join(' ');
  for (const kind of ['Callbacks and Promises logged their last line', 'Rust cancelled', 'Ready at once', 'In every lane Timer', 'already queued', ' s;', 'no lane logged']) {
    expect(said, kind).toContain(kind);
  }
});

test('"In this run" follows the timings, and says so when the program changed after the run', async ({ page }) => {
  await openPlayground(page);
  const said = page.locator('#in-this-run');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(said).toHaveText('In this run, every lane logged its last line at 350 ms; the Rust task was polled 4 times and woken 3 times.');
  await page.getByRole('spinbutton', { name: 'Timer 1 (ms)' }).fill('10');
  await expect(said).toHaveText('In the last run, before your edit (press Run to run the edited program), every lane logged its last line at 350 ms; the Rust task was polled 4 times and woken 3 times.');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(said).toHaveText('In this run, every lane logged its last line at 160 ms; the Rust task was polled 4 times and woken 3 times.');
  // The explanation states no number: it is true of every timing.
  await expect(page.locator('#explanation')).not.toHaveText(/\d/);
});
