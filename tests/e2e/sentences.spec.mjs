// The page's sentences about a run state only numbers the run shows. Every
// preset runs with its own timings and with 20 random ones (zeros and ties
// among them); each number in "In this run" and in the Summary's sentence
// is found by the phrase around it (a regular expression per phrase) and
// compared with the trace: a last log's time, a timer's firing time or
// lateness, a count of polls or wakes. A number no phrase accounts for
// fails the test too, so a new sentence cannot state an unchecked number.
import { test, expect, openPlayground } from './fixtures.mjs';
import { random } from '../random-scenario.mjs';

const LANE = { Callbacks: 'callbacks', Promises: 'promises', 'Rust futures': 'futures', Rust: 'futures' };

/** `12 ms` as the page writes it. */
const ms = (t) => `${+t.toFixed(1)}`;

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
  /** Removes what `pattern` matches after checking it with `ok`. */
  const phrase = (pattern, ok, what) => {
    rest = rest.replace(pattern, (...m) => {
      if (!ok(...m)) problems.push(`${what}: "${m[0]}"`);
      return '';
    });
  };
  const lanesIn = (names) => names.split(/, | and /).map((n) => LANE[n]);
  // "every lane logged its last line at 350 ms" / "Every lane logged …"
  phrase(/[Ee]very lane logged its last line at ([\d.]+) ms/g,
    (_, t) => ['callbacks', 'promises', 'futures'].every((l) => lastLog(l) !== undefined && ms(lastLog(l)) === t), 'every last log');
  // "Callbacks and Promises logged their last line at 200 ms, Rust futures at 350 ms"
  phrase(/((?:Callbacks|Promises|Rust futures)(?:(?:, | and )(?:Callbacks|Promises|Rust futures))*) logged (?:its|their) last line at ([\d.]+) ms((?:, (?:(?:Callbacks|Promises|Rust futures)(?:, | and )?)+ at [\d.]+ ms)*)/g,
    (_, names, t, more) => {
      const groups = [[names, t], ...[...more.matchAll(/, ((?:(?:Callbacks|Promises|Rust futures)(?:, | and )?)+) at ([\d.]+) ms/g)].map((g) => [g[1], g[2]])];
      return groups.every(([n, time]) => lanesIn(n).every((l) => lastLog(l) !== undefined && ms(lastLog(l)) === time));
    }, 'last logs by lane');
  const times = (said) => ({ once: 1, twice: 2 })[said] ?? +said.replace(/ times$/, '');
  phrase(/the (?:(\d+) )?Rust tasks? (?:was|were) polled (once|twice|\d+ times) and (?:woken (once|twice|\d+ times)|never woken)/g,
    (_, tasks, p, w) => times(p) === polls && (w === undefined ? 0 : times(w)) === wakes
      && (tasks === undefined || +tasks === events('futures').filter((e) => e.kind === 'spawn').length), 'polls and wakes');
  // "Rust cancelled Timer 1 and Timer 2 when their sleeps were dropped; in the JS lanes they still fired, with nothing waiting: Timer 2 at 100 ms and Timer 1 at 200 ms"
  phrase(/Rust cancelled (.+?) when (?:its sleep was|their sleeps were) dropped(?:; in the JS lanes (?:it|they) still fired, with nothing waiting: ((?:Timer \d+ at [\d.]+ ms(?:, | and )?)+))?/g,
    (_, labels, at) => {
      const names = labels.split(/, | and /);
      const cancelled = events('futures').filter((e) => e.kind === 'timer_cancel').map((e) => e.label);
      const fired = events('promises').filter((e) => e.kind === 'timer_fired' && names.includes(e.label)).map((e) => `${e.label} ${ms(e.t)}`);
      const said = at ? [...at.matchAll(/(Timer \d+) at ([\d.]+) ms/g)].map((m) => `${m[1]} ${m[2]}`) : [];
      return JSON.stringify(names) === JSON.stringify(cancelled) && JSON.stringify(said) === JSON.stringify(fired);
    }, 'cancelled timers');
  // "In the Rust lane Timer 1 fired 50 ms late and Timer 2 fired 20 ms late"
  phrase(/(Timer \d+) fired ([\d.]+) ms late/g,
    (_, label, late) => events('futures').some((e) => e.kind === 'timer_fired' && e.label === label && ms(e.late) === late),
    'late timers');
  // Summary: "Rust logged its last line at 350 ms, JS at 200 ms: the Rust lane set Timer 2 at 200 ms, the JS lanes at 0 ms"
  phrase(/Rust logged its last line at ([\d.]+) ms, JS at ([\d.]+) ms/g,
    (_, rust, js) => ms(done('futures')) === rust && ms(Math.max(done('callbacks'), done('promises'))) === js, 'Rust against JS');
  phrase(/the Rust lane set (.+?) at ([\d.]+) ms, the JS lanes at ([\d.]+) ms/g,
    (_, label, rust, js) => {
      const set = (lane) => events(lane).find((e) => e.kind === 'timer_set' && e.label === label)?.t;
      return ms(set('futures')) === rust && ms(Math.min(set('callbacks'), set('promises'))) === js;
    }, 'timer set later');
  phrase(/Rust's select dropped (\d+) losing timers?/g,
    (_, n) => +n === events('futures').filter((e) => e.kind === 'timer_cancel').length, 'dropped timers');
  phrase(/polled (\d+) times? for (\d+) wakes?/g, (_, p, w) => +p === polls && +w === wakes, 'summary polls and wakes');
  phrase(/Task (\d+) is Pending/g, (_, task) => events('futures').some((e) => e.kind === 'lost_waker' && e.task === +task), 'lost waker');
  // "the deadline of Timer 2 and Timer 3, fixed when …, had passed when they were first polled": each was set after its deadline.
  phrase(/the deadline of ((?:Timer \d+(?:, | and )?)+), fixed when/g,
    (_, labels) => labels.split(/, | and /).every((label) => events('futures').some((e) => e.kind === 'timer_set' && e.label === label && e.deadline < e.t)),
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
    const count = ['self-ref', 'interop', 'lost-wake'].includes(id) ? 1 : 3;
    const choices = [0, 10, 20, 20, 50, 100, 150, 200, 350, 1000];
    const timings = [undefined, ...Array.from({ length: 20 }, () => Array.from({ length: count }, () => choices[next(choices.length)]))];
    for (const t of timings) {
      runs.push(await page.evaluate(async ({ preset, timings: ts }) => {
        const base = new URL('.', location.href);
        const { inThisRun } = await import(new URL('replay/in-this-run.js', base).href);
        const { summarize } = await import(new URL('replay/summary.js', base).href);
        const run = await window.playground.run({ preset, timings: ts, clock: 'virtual' });
        return { name: `${preset} ${JSON.stringify(ts)}`, run, sentences: [inThisRun(run), summarize(run).sentence] };
      }, { preset: id, timings: t }));
    }
  }
  expect(runs.length).toBeGreaterThanOrEqual(9 * 21);
  const problems = runs.flatMap(({ name, run, sentences }) => sentences.flatMap((s) => check(s, run).map((p) => `${name}: ${p}`)));
  expect(problems).toEqual([]);
  // The checker itself: a wrong number is caught.
  const { run, sentences } = runs[0];
  expect(check(sentences[0].replace(/(\d+) ms/, (_, n) => `${+n + 1} ms`), run)).not.toEqual([]);
  expect(check(`${sentences[0]} It took 12 ms.`, run)).not.toEqual([]);
});

test('"In this run" follows the timings, and says so when the program changed after the run', async ({ page }) => {
  await openPlayground(page);
  const said = page.locator('#in-this-run');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(said).toHaveText('In this run, every lane logged its last line at 350 ms; the Rust task was polled 4 times and woken 3 times.');
  await page.getByRole('spinbutton', { name: 'Timer 1 (ms)' }).fill('10');
  await expect(said).toContainText('From before your last change (press Run to see the edited program): In this run');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(said).toHaveText('In this run, every lane logged its last line at 160 ms; the Rust task was polled 4 times and woken 3 times.');
  // The explanation states no number: it is true of every timing.
  await expect(page.locator('#explanation')).not.toHaveText(/\d/);
});
