// The page's sentences about a run state only numbers the run shows. Every
// preset runs with its own timings and with 20 random ones (zeros and ties
// among them); each number in "In this run" and in the Summary's sentence
// is found by the phrase around it (a regular expression per phrase) and
// compared with the trace: a last log's time, a timer's firing time or
// lateness, a count of polls or wakes (a time as the page writes one:
// `350 ms`, `1.1 s`). A number no phrase accounts for fails the test too,
// so a new sentence cannot state an unchecked number.
//
// The same for every step's sentence (What happened, web/replay/sentences.js)
// of those runs, in both promise styles: each phrase that states a number
// (a time, a ms, a line, a task, a count, an ordinal, an address, a timer's
// label) is checked against the event the step is and against the lane's
// trace up to it, walked here from the events alone (what runs, what is
// queued, which timers wait, whose waker the reactor kept, which timer fires
// next), not through the replay model the sentences come from. And for the
// timeline's tooltips: each mark's numbers are one event's of its lane.
import { test, expect, openPlayground } from './fixtures.mjs';
import { random } from '../random-scenario.mjs';
import { formatMs } from '../../web/dom.js';
import { buildReplay } from '../../web/replay/index.js';

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
  // Summary: "The Rust futures lane logged its last line at 350 ms, the JS lanes at 200 ms, because …", or
  // where the JS lanes differ, each named: "The Rust futures and Promises lanes logged their last line at 30 ms,
  // the Callbacks lane at 126 ms, because …". Before the phrase of last logs by lane, which would take its first half.
  phrase(re(String.raw`The Rust futures lane logged its last line at ${T}, the JS lanes at ${T}`),
    (_, rust, js) => formatMs(done('futures')) === rust && formatMs(done('callbacks')) === js && formatMs(done('promises')) === js, 'Rust against JS');
  phrase(re(String.raw`The Rust futures (?:lane|and (Callbacks|Promises) lanes) logged (?:its|their) last line at ${T}, `
    + String.raw`(?:the (Callbacks|Promises) lane at ${T}|the Callbacks lane at ${T} and the Promises lane at ${T})(?=, because|\.)`),
    (_, together, rust, apart, apartAt, callbacksAt, promisesAt) => formatMs(done('futures')) === rust
      && (together === undefined || formatMs(done(LANE[together])) === rust)
      && (apart === undefined || (formatMs(done(LANE[apart])) === apartAt && apartAt !== rust))
      && (callbacksAt === undefined || (formatMs(done('callbacks')) === callbacksAt && formatMs(done('promises')) === promisesAt)),
    'Rust against each JS lane');
  // "all four lanes logged their last line at 350 ms": the spawn_local lane too
  phrase(re(String.raw`[Aa]ll four lanes logged their last line at ${T}`),
    (_, t) => ['callbacks', 'promises', 'futures', 'spawnLocal'].every((l) => logged(l, t)), 'all four last logs');
  // A Real run's lanes within a millisecond: "Every lane logged its last line within a millisecond: from 357.5 to 357.6 ms"
  phrase(re(String.raw`(?:[Ee]very lane|[Tt]he Callbacks, Promises and Rust futures lanes) logged (?:its|their) last line within a millisecond: from ${T} to ${T}`),
    (_, from, to) => {
      const ends = ['callbacks', 'promises', 'futures'].map(done).sort((a, b) => a - b);
      return from !== to && formatMs(ends[0]) === from && formatMs(ends[2]) === to && ends[2] - ends[0] < 1;
    }, 'last logs within a millisecond');
  // "every lane logged its last line at 350 ms" / "Every lane logged …"
  phrase(re(String.raw`[Ee]very lane logged its last line at ${T}`),
    (_, t) => ['callbacks', 'promises', 'futures'].every((l) => logged(l, t)), 'every last log');
  // "Callbacks and Promises logged their last line at 200 ms, Rust futures at 350 ms"
  phrase(re(String.raw`(?:[Tt]he )?(${LANES}(?:(?:, | and )${LANES})*)(?: lanes)? logged (?:its|their) last line at ${T}((?:, (?:${LANES}(?:, | and )?)+ at [\d.]+ m?s)*)`),
    (_, names, t, more) => [[names, t], ...[...more.matchAll(re(String.raw`, ((?:${LANES}(?:, | and )?)+) at ${T}`))].map((g) => [g[1], g[2]])]
      .every(([n, time]) => lanesIn(n).every((l) => logged(l, time))), 'last logs by lane');
  phrase(/the (?:(\d+) )?Rust tasks? (?:on the page's executor )?(?:was|were) polled (once|twice|\d+ times) and (?:woken (once|twice|\d+ times)|never woken)/g,
    (_, tasks, p, w) => times(p) === polls && (w === undefined ? 0 : times(w)) === wakes
      && (tasks === undefined || +tasks === events('futures').filter((e) => e.kind === 'spawn').length), 'polls and wakes');
  // "Rust cancelled Timer 1 and Timer 2 when their sleeps were dropped; in the JS lanes they still fired, and nothing waited for them: Timer 2 at 100 ms and Timer 1 at 200 ms"
  // (or "…; it still fired, and the code after it ran on: Timer 2 at 200 ms", a select! branch's rest)
  phrase(re(String.raw`Rust cancelled (.+?) when (?:its sleep was|their sleeps were) dropped((?:;(?: in the JS lanes)? (?:it|they) still fired, and (?:nothing waited for (?:it|them)|the code after (?:it|them) ran on): (?:Timer \d+ at [\d.]+ m?s(?:, | and )?)+)*)`),
    (_, labels, at) => {
      const names = labels.split(/, | and /);
      const cancelled = events('futures').filter((e) => e.kind === 'timer_cancel').map((e) => e.label);
      const fired = events('promises').filter((e) => e.kind === 'timer_fired' && names.includes(e.label)).map((e) => `${e.label} ${formatMs(e.t)}`);
      const said = [...at.matchAll(re(String.raw`(Timer \d+) at ${T}`))].map((m) => `${m[1]} ${m[2]}`);
      return JSON.stringify(names) === JSON.stringify(cancelled) && JSON.stringify(said.sort()) === JSON.stringify(fired.sort());
    }, 'cancelled timers');
  // "In every lane Timer 1 fired 50 ms after its deadline and Timer 2 fired 20 ms after its deadline" (or "In the Rust futures lane …")
  const three = ['callbacks', 'promises', 'futures'];
  const places = { 'every lane': three, 'the Callbacks, Promises and Rust futures lanes': three, 'the Callbacks lane': ['callbacks'], 'the Promises lane': ['promises'], 'the Rust futures lane': ['futures'] };
  phrase(re(String.raw`[Ii]n (every lane|the Callbacks, Promises and Rust futures lanes|the Callbacks lane|the Promises lane|the Rust futures lane) ((?:Timer \d+ fired [\d.]+ m?s after its deadline(?:, | and )?)+)`),
    (_, where, said) => places[where].every((lane) =>
      [...said.matchAll(re(String.raw`(Timer \d+) fired ${T} after its deadline`))].every(([, label, late]) =>
        events(lane).some((e) => e.kind === 'timer_fired' && e.label === label && formatMs(e.late) === late))),
    'late timers');
  // "… because the Rust futures lane set Timer 2 at 200 ms, the JS lanes at 0 ms"
  phrase(re(String.raw`the browser made (\d+) of the (Callbacks|Promises) lane's timers wait ${T}`),
    (_, n, lane, wait) => {
      const clamped = events(LANE[lane]).filter((e) => e.kind === 'timer_set' && e.clamped !== undefined);
      return clamped.length === +n && clamped.every((e) => formatMs(e.clamped) === wait);
    }, 'clamped timers');
  phrase(re(String.raw`the Rust futures lane set (.+?) at ${T}, the JS lanes at ${T}`),
    (_, label, rust, js) => {
      const set = (lane) => events(lane).find((e) => e.kind === 'timer_set' && e.label === label)?.t;
      return formatMs(set('futures')) === rust && formatMs(Math.min(set('callbacks'), set('promises'))) === js;
    }, 'timer set later');
  // "(1 of those wakes came while it was already queued to be polled …)"
  phrase(/\((\d+) of those wakes came while it was already queued/g,
    (_, n) => +n === events('futures').filter((e) => e.kind === 'wake' && e.outcome === 'already_queued').length, 'wakes that added no poll');
  // A timer Rust cancelled with a task an abort dropped, or on its own (a
  // select!'s loser).
  const owner = (timer) => events('futures').find((e) => e.kind === 'timer_set' && e.timer === timer)?.task;
  const dropped = events('futures').filter((e) => e.kind === 'task_drop').map((e) => e.task);
  const rustCancels = events('futures').filter((e) => e.kind === 'timer_cancel');
  const withTask = rustCancels.filter((e) => dropped.includes(owner(e.timer)));
  const jsCleared = (lane) => events(lane).filter((e) => e.kind === 'timer_cancel');
  phrase(/Rust's select dropped (\d+) losing timers?/g,
    (_, n) => +n === rustCancels.length - withTask.length, 'dropped timers');
  const count = (said) => (said === 'none' ? 0 : +said);
  phrase(/the abort cancelled (\d+) pending timers? in Rust \(dropped with the task\), and clearTimeout cleared (\d+|none) in the Callbacks lane and (\d+|none) in the Promises lane/g,
    (_, n, callbacks, promises) => +n === withTask.length && count(callbacks) === jsCleared('callbacks').length
      && count(promises) === jsCleared('promises').length, 'aborted timers');
  // "aborting task 2 dropped (destroyed) it, and its pending timer Tick went with it, so that timer never fired; the JS versions
  // imitate this with clearTimeout: the Callbacks lane cleared Tick at 250 ms, and the Promises lane cleared Tick at 250 ms"
  phrase(re(String.raw`[Aa]borting tasks? ((?:\d+(?:, | and )?)+) dropped \(destroyed\) (?:it|them), and (?:its pending timer (.+?)|(?:its|their) (\d+) pending timers, (.+?),) went with (?:it|them), so (?:that timer|they) never fired; the JS versions imitate this with clearTimeout: the Callbacks lane (?:cleared (.+?)|had no timer left to clear), and the Promises lane (?:cleared (.+?)|had no timer left to clear)(?=$|\.)`),
    (_, tasks, one, n, several, callbacks, promises) => {
      const listed = (lane) => jsCleared(lane).map((e) => `${e.label} at ${formatMs(e.t)}`);
      const said = (text) => (text === undefined ? [] : text.split(/, | and /));
      const owners = [...new Set(withTask.map((e) => owner(e.timer)))];
      return JSON.stringify(tasks.split(/, | and /).map(Number)) === JSON.stringify(owners)
        && JSON.stringify(one !== undefined ? [one] : several.split(/, | and /)) === JSON.stringify(withTask.map((e) => e.label))
        && (n === undefined || +n === withTask.length)
        && JSON.stringify(said(callbacks)) === JSON.stringify(listed('callbacks'))
        && JSON.stringify(said(promises)) === JSON.stringify(listed('promises'));
    }, 'timers cleared by an abort');
  // "task 2 outlived run(), which returned at 0 ms: it was last polled at 100 ms"
  phrase(re(String.raw`[Tt]asks? ((?:\d+(?:, | and )?)+) outlived run\(\), which returned at ${T}: (?:it was|they were) last polled at ${T}`),
    (_, tasks, returned, until) => {
      const rust = events('futures');
      const root = rust.find((e) => e.kind === 'spawn')?.task;
      const end = rust.find((e) => e.kind === 'poll_end' && e.task === root && e.result === 'ready');
      const later = rust.filter((e) => e.kind === 'poll_start' && e.seq > end.seq && e.task !== root);
      return JSON.stringify(tasks.split(/, | and /).map(Number)) === JSON.stringify([...new Set(later.map((e) => e.task))])
        && formatMs(end.t) === returned && formatMs(later.at(-1).t) === until;
    }, 'tasks polled after run() returned');
  phrase(/the (\d+) Rust tasks (?:on the page's executor )?were (?=polled \d+ times? for)/g,
    (_, n) => +n === events('futures').filter((e) => e.kind === 'spawn').length, 'summary tasks');
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

/**
 * Every preset with its own timings (`timings` undefined) and 20 random
 * ones, zeros and ties among them: `[{preset, timings, nth}]`, `nth` 0 for
 * its own, 1 to 20 for the random ones.
 * @param {import('@playwright/test').Page} page
 */
async function presetTimings(page) {
  const presets = await page.evaluate(() => window.playground.presets().map((p) => p.id));
  const next = random(0x5e7c);
  const choices = [0, 10, 20, 20, 50, 100, 150, 200, 350, 1000];
  const out = [];
  for (const preset of presets) {
    // As many timings as the example has timers: its first run shows them.
    const count = await page.evaluate(async (id) => (await window.playground.run({ preset: id, clock: 'virtual' }))
      .callbacks.events.filter((e) => e.kind === 'timer_set' && e.label !== 'yield').map((e) => e.label), preset)
      .then((labels) => new Set(labels).size);
    out.push({ preset, timings: undefined, nth: 0 });
    for (let nth = 1; nth <= 20; nth += 1) out.push({ preset, timings: Array.from({ length: count }, () => choices[next(choices.length)]), nth });
  }
  return out;
}

test('every number the run\'s sentences state is the trace\'s, for every preset with its own and 20 random timings', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const runs = [];
  const timed = await presetTimings(page);
  // With the spawn_local lane beside them, the sentences name the lanes and
  // the executor they are about: each example once, compared.
  const compared = timed.filter((t) => t.nth === 0).map((t) => ({ ...t, compare: true }));
  for (const { preset, timings, compare } of [...timed, ...compared]) {
    runs.push(await page.evaluate(async ({ preset: id, timings: ts, compare: both }) => {
      const base = new URL('.', location.href);
      const { inThisRun } = await import(new URL('replay/in-this-run.js', base).href);
      const { summarize } = await import(new URL('replay/summary.js', base).href);
      const run = await window.playground.run({ preset: id, timings: ts, clock: 'virtual', compare: both });
      const { lanes, sentence } = summarize(run);
      return { name: `${id} ${JSON.stringify(ts)}${both ? ' compared' : ''}`, run, sentences: [inThisRun(run, lanes), sentence] };
    }, { preset, timings, compare: compare === true }));
  }
  expect(runs.length).toBeGreaterThanOrEqual(9 * 22);
  const problems = runs.flatMap(({ name, run, sentences }) => sentences.flatMap((s) => check(s, run).map((p) => `${name}: ${p}`)));
  expect(problems).toEqual([]);
  // The checker itself: a wrong number is caught, and so is a number no
  // phrase accounts for; and each kind of sentence was checked at least once.
  const { run, sentences } = runs[0];
  expect(check(sentences[0].replace(/(\d+) ms/, (_, n) => `${+n + 1} ms`), run)).not.toEqual([]);
  expect(check(`${sentences[0]} It took 12 ms.`, run)).not.toEqual([]);
  const said = runs.flatMap((r) => r.sentences).join(' ');
  // (The three lanes named, with the spawn_local lane's last line at
  // another time: no example does that; tests/replay checks it.)
  for (const kind of ['Callbacks and Promises logged their last line',
    'the Rust task on the page\'s executor was polled', 'all four lanes logged their last line', 'Rust cancelled', 'Ready at once', 'In every lane Timer', 'already queued', ' s;', 'no lane logged']) {
    expect(said, kind).toContain(kind);
  }
});

test('an abort\'s sentences say what each lane did with the aborted task\'s timers, and every number is the trace\'s', async ({ page }) => {
  await openPlayground(page);
  const { run, sentences } = await page.evaluate(async (scenario) => {
    const base = new URL('.', location.href);
    const { inThisRun } = await import(new URL('replay/in-this-run.js', base).href);
    const { summarize } = await import(new URL('replay/summary.js', base).href);
    const result = await window.playground.run({ scenario, clock: 'virtual' });
    const { lanes, sentence } = summarize(result);
    return { run: result, sentences: [inThisRun(result, lanes), sentence] };
  }, NO_PRESETS_KINDS[0]);
  expect(sentences).toEqual([
    'every lane logged its last line at 250 ms; the 2 Rust tasks were polled 5 times and woken 3 times. '
      + 'Aborting task 2 dropped (destroyed) it, and its pending timer Tick went with it, so that timer never fired; '
      + 'the JS versions imitate this with clearTimeout: the Callbacks lane cleared Tick at 250 ms, and the Promises lane cleared Tick at 250 ms.',
    'Every lane logged its last line at 250 ms; the abort cancelled 1 pending timer in Rust (dropped with the task), '
      + 'and clearTimeout cleared 1 in the Callbacks lane and 1 in the Promises lane.',
  ]);
  expect(sentences.flatMap((s) => check(s, run))).toEqual([]);
  // A task aborted before its first poll: JS ran its first steps at the
  // spawn, Rust none.
  const early = { type: 'seq', steps: [
    { type: 'spawn', handle: 1, steps: [{ type: 'log', text: 'a' }, { type: 'sleep', label: 'T', ms: 10 }, { type: 'log', text: 'b' }] },
    { type: 'abort', handle: 1 }] };
  const said = await page.evaluate(async (scenario) => {
    const { summarize } = await import(new URL('replay/summary.js', new URL('.', location.href)).href);
    const result = await window.playground.run({ scenario, clock: 'virtual' });
    return { run: result, sentence: summarize(result).sentence };
  }, early);
  expect(said.sentence).toBe('Callbacks and Promises logged their last line at 0 ms; Rust futures never logged: JS runs a spawned '
    + 'task\'s code up to its first wait as soon as it is spawned, but a Rust task does nothing until its executor first runs (polls) '
    + 'it, and the abort dropped it before that.');
  expect(check(said.sentence, said.run)).toEqual([]);
});

test('a task that outlives run() is said to, with what tokio does instead, and every number is the trace\'s', async ({ page }) => {
  await openPlayground(page);
  // spawn(async { sleep_ms(100).await; log("late"); }); log("run() returns");
  const scenario = { type: 'seq', steps: [
    { type: 'spawn', steps: [{ type: 'sleep', label: 'T', ms: 100 }, { type: 'log', text: 'late' }] },
    { type: 'log', text: 'run() returns' }] };
  const { run, said } = await page.evaluate(async (program) => {
    const base = new URL('.', location.href);
    const { inThisRun } = await import(new URL('replay/in-this-run.js', base).href);
    const { summarize } = await import(new URL('replay/summary.js', base).href);
    const result = await window.playground.run({ scenario: program, clock: 'virtual' });
    return { run: result, said: inThisRun(result, summarize(result).lanes) };
  }, scenario);
  expect(said).toContain('Task 2 outlived run(), which returned at 0 ms: it was last polled at 100 ms; our executor, like the JS lanes, '
    + 'runs every task to its end, but in tokio, once main returns, the runtime shuts down and drops unfinished tasks '
    + '(await a task\'s JoinHandle to keep it).');
  expect(check(said, run)).toEqual([]);
  // The checker catches a wrong time in it.
  expect(check(said.replace('last polled at 100 ms', 'last polled at 90 ms'), run)).not.toEqual([]);
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

test('"In this run" says whether the code after a timer Rust cancelled ran on in JS', async ({ page }) => {
  await openPlayground(page);
  const said = page.locator('#in-this-run');
  // race: the losers are bare timers; nothing waited for them.
  await page.getByLabel('Example').selectOption('race');
  await expect(said).toContainText('Rust cancelled Timer 1 and Timer 2 when their sleeps were dropped; in the JS lanes they still fired, and nothing waited for them: Timer 2 at 100 ms and Timer 1 at 200 ms');
  // cancel-at-await: the losing branch's Saved comes after its timer in JS.
  await page.getByLabel('Example').selectOption('cancel-at-await');
  await expect(said).toContainText('Rust cancelled Timer 2 when its sleep was dropped; in the JS lanes it still fired, and the code after it ran on: Timer 2 at 200 ms');
});

// ---- Every step's sentence (What happened) ----

/** Each lane as its trace left it, walked here from the events alone (not
 * through the replay model the sentences are built from). */
class TraceWalk {
  /** @param {object} run */
  constructor(run) {
    const js = () => ({ timers: new Map(), delays: new Map(), frame: null, queue: [], queued: 0 });
    this.lanes = { callbacks: js(), promises: js() };
    this.rust = {
      timers: new Map(), owners: new Map(), wakers: new Map(), polled: null, polls: new Map(), addrs: new Map(),
      sizes: new Map(), states: new Map(), armed: null, addresses: new Map(),
    };
    // For each JS event, the lane's next timer to fire after it.
    this.nextFired = new Map();
    for (const lane of ['callbacks', 'promises']) {
      let next;
      for (const e of [...run[lane].events].reverse()) {
        this.nextFired.set(e, next);
        if (e.kind === 'timer_fired') next = e;
      }
    }
    // For each Rust event, the lane's events before and after it.
    this.around = new Map(run.futures.events.map((e, i, all) => [e, { previous: all[i - 1], next: all[i + 1] }]));
    this.sets = new Map(['callbacks', 'promises', 'futures'].map((lane) =>
      [lane, new Map(run[lane].events.filter((e) => e.kind === 'timer_set').map((e) => [e.timer, e]))]));
  }

  /** Applies `e`; returns what a sentence about it may state. */
  step(lane, e) {
    return lane === 'futures' ? this.rustStep(e) : this.jsStep(lane, e);
  }

  jsStep(lane, e) {
    const s = this.lanes[lane];
    const before = s.frame;
    const problems = [];
    switch (e.kind) {
      case 'script_start': s.frame = { kind: 'script' }; break;
      case 'timer_set':
        s.timers.set(e.timer, { label: e.label, due: e.t + (e.clamped ?? e.ms) });
        s.delays.set(e.timer, e.ms);
        break;
      case 'timer_fired':
        s.timers.delete(e.timer);
        s.frame = { kind: 'callback', label: e.label, timer: e.timer };
        s.queued = 0;
        break;
      case 'enqueue': s.queue = [...s.queue, { handler: e.handler, line: e.line }]; s.queued += 1; break;
      case 'reaction': case 'resume': case 'engine_job': {
        const [job, ...rest] = s.queue;
        s.queue = rest;
        if (job?.line !== e.line) problems.push(`the job that starts is not the first queued (line ${job?.line})`);
        s.frame = { kind: 'job', handler: job?.handler, line: e.line };
        break;
      }
      case 'script_end': case 'callback_end': case 'job_end': s.frame = null; break;
      case 'timer_cancel': s.timers.delete(e.timer); break;
      default:
    }
    const next = this.nextFired.get(e);
    const nextSet = next && this.sets.get(lane).get(next.timer);
    return {
      before, frame: s.frame, queue: s.queue, queued: s.queued, pending: s.timers.size, problems,
      delay: (timer) => s.delays.get(timer),
      // The panel's function given to setTimeout does nothing (lost-wake's bug).
      noop: e.timer !== undefined && this.sets.get(lane).get(e.timer)?.callback === 'noop',
      next: next && { label: next.label, due: nextSet.t + (nextSet.clamped ?? nextSet.ms) },
    };
  }

  rustStep(e) {
    const s = this.rust;
    const armedBefore = s.armed;
    const stateBefore = e.task === undefined ? undefined : s.states.get(e.task);
    const pollAddrBefore = e.task === undefined ? undefined : s.addrs.get(e.task);
    const addressBefore = e.kind === 'address' ? s.addresses.get(e.name) : undefined;
    switch (e.kind) {
      case 'spawn': s.sizes.set(e.task, e.size); break;
      case 'poll_start':
        s.polled = e.task;
        s.polls.set(e.task, (s.polls.get(e.task) ?? 0) + 1);
        s.addrs.set(e.task, e.addr);
        break;
      case 'poll_end': s.polled = null; break;
      case 'timer_set':
        s.timers.set(e.timer, { label: e.label, deadline: e.deadline, task: e.task, timer: e.timer, waker: e.waker });
        s.owners.set(e.timer, e.task);
        s.wakers.set(e.timer, e.waker);
        break;
      case 'timer_elapsed': s.owners.set(e.timer, e.task); break;
      case 'timer_fired': s.timers.delete(e.timer); s.armed = null; break;
      case 'timer_cancel': s.timers.delete(e.timer); break;
      case 'reactor_arm': s.armed = e.deadline; break;
      case 'reactor_clear': s.armed = null; break;
      case 'state': s.states.set(e.task, e); break;
      case 'address': s.addresses.set(e.name, e.addr); break;
      default:
    }
    const timers = [...s.timers.values()].sort((a, b) => a.deadline - b.deadline || a.timer - b.timer);
    const { previous, next } = this.around.get(e);
    return {
      nextEvent: next,
      // A timer that expires right after another at the same time (or its
      // wake): the reactor's callback expires every timer due.
      sameCallback: previous?.t === e.t && (previous.kind === 'timer_fired' || (previous.kind === 'wake' && previous.by === 'timer')),
      armedBefore, stateBefore, pollAddrBefore, addressBefore, timers, problems: [],
      // The task being polled (at its poll_end, still the one that ends).
      polled: s.polled ?? (e.kind === 'poll_end' ? e.task : null),
      polls: e.task === undefined ? undefined : s.polls.get(e.task),
      owner: e.timer === undefined ? undefined : s.owners.get(e.timer),
      waker: e.timer === undefined ? undefined : s.wakers.get(e.timer),
      pollAddr: e.task === undefined ? undefined : s.addrs.get(e.task),
      size: e.task === undefined ? undefined : s.sizes.get(e.task),
      addresses: s.addresses,
    };
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinalOf = (n) => ORDINALS[n - 1] ?? `number ${n}`;
const ORD = String.raw`(${ORDINALS.join('|')}|number \d+)`;
/** A timer as the sentences name it: "Timer 1", or `the “Kettle” timer`. */
const nameOf = (label) => (/^timer\b/i.test(label) ? label : `the “${label}” timer`);
const LABEL = String.raw`(Timer \d+|the “[^”]*” timer)`;
const LABELS = String.raw`((?:Timer \d+|the “[^”]*” timer)(?:(?:, | and )(?:Timer \d+|the “[^”]*” timer))*)`;
const labelsOf = (said) => said.match(/Timer \d+|the “[^”]*” timer/g) ?? [];
const FUT = String.raw`(run\(\)|task \d+'s future)`;
const futureOf = (task) => (task === 1 ? 'run()' : `task ${task}'s future`);
const HEX = '(0x[0-9a-f]+)';
const hex = (addr) => `0x${addr.toString(16)}`;
const at = (ms, said) => ms !== undefined && said !== undefined && formatMs(ms) === said;
/** `said` states no number but `line N`s, each of them `line`. */
const lines = (said, line) => !/\d/.test(said.replace(/line (\d+)/g, (m, n) => (+n === line ? '' : m)));
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Who a JS sentence says runs: the script, a timer's callback, a job (by its line). */
function isRunning(said, frame) {
  if (said === 'the script') return frame?.kind === 'script';
  if (said.endsWith('\'s callback')) return frame?.kind === 'callback' && said === `${nameOf(frame.label)}'s callback`;
  return frame?.kind === 'job' && lines(said, frame.line);
}

/** What a JS lane does next, the tail of several sentences, against the trace. */
const NEXT = ['js:script_end', 'js:callback_end', 'promises:job_end'];

/** Programs with the kinds of step no preset has yet: a yield, a loop, a spawn, an abort. */
const NO_PRESETS_KINDS = [
  { type: 'seq', steps: [
    { type: 'spawn', handle: 1, steps: [{ type: 'repeat', times: 3, steps: [{ type: 'sleep', label: 'Tick', ms: 100 }, { type: 'log', text: 'tick' }] }] },
    { type: 'sleep', label: 'Parent', ms: 250 }, { type: 'abort', handle: 1 }, { type: 'log', text: 'aborted' }] },
  { type: 'seq', steps: [
    { type: 'spawn', handle: 1, steps: [{ type: 'sleep', label: 'Child', ms: 100 }, { type: 'log', text: 'child done' }] },
    { type: 'spawn', steps: [{ type: 'log', text: 'free' }] },
    { type: 'sleep', label: 'Parent', ms: 50 }, { type: 'await_handle', handle: 1 }, { type: 'log', text: 'all done' }] },
  { type: 'seq', steps: [{ type: 'repeat', times: 2, steps: [{ type: 'sleep', label: 'T', ms: 100 }, { type: 'yield' }, { type: 'log', text: 'tick' }] }] },
  { type: 'seq', steps: [{ type: 'log', text: 'a' }, { type: 'yield' }, { type: 'all', steps: [
    { type: 'seq', steps: [{ type: 'sleep', label: 'T', ms: 0 }, { type: 'log', text: 'timer' }] },
    { type: 'seq', steps: [{ type: 'yield' }, { type: 'log', text: 'after yield' }] }] }] },
];

/**
 * The phrases of the step sentences that state a number, in the order they
 * are read: for which events (`lane:kind`, `js:` for both JS lanes), the
 * phrase, and its check against the event `e` and the trace walked up to it
 * (`f`, from TraceWalk), given the phrase's groups. A phrase's match is
 * removed once checked; what is left must state no number.
 */
const STEP_PHRASES = [
  // The JS lanes.
  [['js:timer_set'], String.raw`^(.+) called setTimeout for ${LABEL} \((\d+) ms\): the browser holds it in Web APIs until ${T}(?=$| \(the browser made it)`,
    ({ e, f }, who, label, ms, due) => isRunning(who, f.before) && label === nameOf(e.label) && +ms === e.ms && at(e.t + (e.clamped ?? e.ms), due)],
  [['js:timer_set'], String.raw`the browser made it wait ${T}, not ${T}: a short timer set from inside timer callbacks nested more than five deep waits longer`,
    ({ e }, clamped, ms) => at(e.clamped, clamped) && at(e.ms, ms)],
  [['js:timer_set'], String.raw`runs as a new browser task, after any timer already due, at ${T} at the earliest`,
    ({ e }, due) => at(e.t + (e.clamped ?? e.ms), due)],
  [['js:timer_set'], String.raw`^(.+) called setTimeout\(…, (\d+)\) to yield\. `,
    ({ e, f }, who, ms) => isRunning(who, f.before) && +ms === e.ms && e.label === 'yield'],
  [['js:timer_set'], String.raw`^(.+) called timer\((\d+)\), which made a promise and called setTimeout for ${LABEL}: a browser timer of its own, held in Web APIs until ${T}(?=$| \(the browser made it)`,
    ({ e, f }, who, ms, label, due) => isRunning(who, f.before) && +ms === e.ms && label === nameOf(e.label) && at(e.t + (e.clamped ?? e.ms), due)],
  [['js:timer_fired'], String.raw`^${LABEL} was due(?: \(${T} late\))?, so the event loop takes its callback from the task queue and runs it as a new task`,
    ({ e }, label, late) => label === nameOf(e.label) && (e.late >= 0.5 ? at(e.late, late) : late === undefined)],
  [['js:timer_fired'], String.raw`the function passed to setTimeout on line (\d+) runs(, and its body is empty)?`,
    ({ e, f }, line, empty) => +line === e.line && Boolean(empty) === f.noop],
  [['promises:timer_fired'], String.raw`: the callback is (\(\) => \{\}, which does nothing|resolve)`, ({ f }, callback) => (callback !== 'resolve') === f.noop],
  [['promises:timer_fired', 'promises:callback_end', 'promises:enqueue'], String.raw`the promise from timer\((\d+)\)`,
    ({ e, f }, ms) => +ms === f.delay(e.timer)],
  [['js:callback_end'], String.raw`^${LABEL}'s callback returned( without (?:resolving|calling the next step))?`,
    ({ e, f }, label, without) => label === nameOf(e.label) && f.before?.label === e.label && Boolean(without) === f.noop],
  [['promises:callback_end'], String.raw`it queued (\d+) reactions? to`, ({ f }, n) => +n === f.queued && f.queued > 0],
  // (The promise it names was read by the phrase above.)
  [['promises:callback_end'], String.raw`nothing was waiting on +yet, so it queued no reaction`, ({ f }) => f.queued === 0],
  [NEXT, String.raw`; the microtask queue runs next: (.+)$`, ({ f }, job) => f.queue.length === 1 && lines(job, f.queue[0].line)],
  [NEXT, String.raw`; the (\d+) microtasks queued run next, in order; first, (.+)$`,
    ({ f }, n, job) => +n === f.queue.length && f.queue.length > 1 && lines(job, f.queue[0].line)],
  [NEXT, String.raw`; no microtask waits, so the next task runs: ${LABEL}'s callback, already due$`,
    ({ e, f }, label) => !f.queue.length && f.next && label === nameOf(f.next.label) && f.next.due <= e.t],
  [NEXT, String.raw`; no microtask waits and no task is due: this lane's next task is ${LABEL}'s callback, at ${T}$`,
    ({ e, f }, label, due) => !f.queue.length && f.next && label === nameOf(f.next.label) && at(f.next.due, due) && f.next.due > e.t],
  [NEXT, String.raw`; nothing is queued and no timer is waiting: this lane has finished$`,
    ({ f }) => !f.queue.length && !f.next && !f.pending],
  [['js:callback_end'], String.raw`; nothing is queued and no timer is waiting: this lane stops here, its program unfinished$`,
    ({ f }) => !f.queue.length && !f.next && !f.pending && f.noop],
  [['promises:enqueue'], String.raw`^${LABEL}'s callback fulfilled`, ({ e }, label) => label === nameOf(e.label)],
  // What queued the job and which: lines of the job that ran (a .then's
  // promise fulfilled as its callback returned) and of the job queued.
  [['promises:enqueue'], String.raw`^(.+) joined the microtask queue(?: \(${ORD} in line\))?$`,
    ({ e, f }, said, nth) => (f.queue.length > 1 ? nth === ordinalOf(f.queue.length) : nth === undefined)
      && (e.by === 'then'
        ? lines(said.split(', so ')[0], f.before?.line) && lines(said.split(', so ').slice(1).join(), e.line)
        : lines(said, e.line))],
  [['promises:reaction', 'promises:resume', 'promises:engine_job'], String.raw`^the call stack is empty, so the event loop runs the first microtask: (.+)$`,
    ({ e }, job) => lines(job, e.line)],
  [['promises:job_end'], String.raw`^(.+?) (?:returned|is done|ran to its next await or its end, and gave the thread back)(?=;|$)`,
    ({ e, f }, job) => lines(job, e.line) && f.before?.kind === 'job' && f.before.line === e.line],
  [['js:timer_cancel'], String.raw`^(.+) (?:called abort\(\) on the task's AbortController: the listener timer\(\) had put on its signal cleared|cleared the aborted task's timers:) ${LABEL}`,
    ({ e, f }, who, label) => isRunning(who, f.before) && label === nameOf(e.label)],
  [['js:log'], String.raw`^(.+) called console\.log: “(.*)”$`, ({ e, f }, who, text) => isRunning(who, f.before) && text === e.text],
  [['js:block'], String.raw`^(.+) kept the thread busy for ${T} \(a busy loop\)`, ({ e, f }, who, ms) => isRunning(who, f.before) && at(e.ms, ms)],
  [['js:script_start'], String.raw`^this lane's first task`, () => true],

  // The Rust lane.
  [['futures:spawn'], String.raw`^task (\d+) was spawned: ${FUT} is on`, ({ e }, task, fut) => +task === e.task && fut === futureOf(e.task)],
  [['futures:batch'], String.raw`it polls the (\d+) tasks? queued when it began`, ({ e }, n) => +n === e.tasks],
  [['futures:poll_start'], String.raw`^the executor took task (\d+) off the ready queue and called poll on its future: the first poll, so ${FUT}'s body starts only now$`,
    ({ e, f }, task, fut) => +task === e.task && f.polls === 1 && fut === futureOf(e.task)],
  [['futures:poll_start'], String.raw`^the executor took task (\d+) off the ready queue and polled its future again \(poll (\d+)\)(, at the same address as before: the future is pinned, it never moves)?$`,
    ({ e, f }, task, polls, pinned) => +task === e.task && +polls === f.polls && f.polls > 1 && (pinned ? f.pollAddrBefore === e.addr : f.pollAddrBefore !== e.addr)],
  // Ready says which poll it was (the count the question of the tour's polling chapter asks).
  [['futures:poll_end'], String.raw`^task (\d+)'s poll (?:(\d+) )?returned (Ready|Pending)`,
    ({ e, f }, task, n, result) => +task === e.task && result.toLowerCase() === e.result && (e.result === 'ready' ? +n === f.polls : n === undefined)],
  [['futures:poll_end'], String.raw`: ${FUT} is done, and its future is dropped(?: \(which cancels ${LABELS}, next\))?$`,
    ({ e, f }, fut, cancels) => fut === futureOf(e.task)
      && same(labelsOf(cancels ?? ''), f.timers.filter((t) => t.task === e.task).map((t) => nameOf(t.label)))],
  [['futures:poll_end'], String.raw`: ${FUT} stays suspended at line (\d+) \((Suspend\d+)\)`,
    ({ e, f }, fut, line, variant) => fut === futureOf(e.task) && +line === f.stateBefore?.line && variant === f.stateBefore.variant],
  [['futures:poll_end'], String.raw`it waits for ((?:${LABEL} \((?:due at ${T}|its deadline, ${T}, has passed)\)(?:, | and )?)+), `,
    ({ e, f }, said) => {
      const mine = f.timers.filter((t) => t.task === e.task);
      const items = [...said.matchAll(new RegExp(String.raw`${LABEL} \((?:due at ${T}|its deadline, ${T}, has passed)\)`, 'g'))];
      return items.length === mine.length && items.every(([, label, due, passed], i) => label === nameOf(mine[i].label)
        && (mine[i].deadline <= e.t ? at(mine[i].deadline, passed) && !due : at(mine[i].deadline, due) && !passed));
    }],
  [['futures:poll_end'], String.raw`and the reactor keeps its waker$`,
    ({ e, f }) => f.timers.filter((t) => t.task === e.task).every((t) => t.waker === 'task')],
  [['futures:poll_end'], String.raw`but for (it|them|${LABELS}) the reactor holds (?:only Waker::noop\(\), which wakes nobody|only a waker that is not task (\d+)'s)(?:; for ${LABELS} it keeps task (\d+)'s)?$`,
    ({ e, f }, those, _, other, keeps, own) => {
      const task = e.task;
      const mine = f.timers.filter((t) => t.task === e.task);
      const not = mine.filter((t) => t.waker !== 'task').map((t) => nameOf(t.label));
      const yes = mine.filter((t) => t.waker === 'task').map((t) => nameOf(t.label));
      return +task === e.task && (other === undefined ? mine.every((t) => t.waker !== 'other') : +other === e.task)
        && (keeps === undefined ? !yes.length && those === (not.length === 1 ? 'it' : 'them') : same(labelsOf(those), not) && same(labelsOf(keeps), yes) && +own === e.task);
    }],
  [['futures:poll_end'], String.raw`it waits until something wakes its waker \(no timer of our reactor holds it\)`,
    ({ e, f }) => !f.timers.some((t) => t.task === e.task)],
  [['futures:child_poll'], String.raw`^inside task (\d+)'s poll, (?:select! polled its ${ORD} branch|join! polled its ${ORD} future)`,
    ({ e }, task, branch, future) => +task === e.task && (branch ?? future) === ordinalOf(e.child + 1)
      && (e.combinator === 'select') === (branch !== undefined)],
  [['futures:wake'], String.raw`^${LABEL}'s waker(?:, kept by the reactor, woke| put) task (\d+)`,
    ({ e }, label, task) => e.by === 'timer' && label === nameOf(e.label) && +task === e.task],
  [['futures:wake'], String.raw`^task (\d+) woke its own waker`, ({ e }, task) => e.by === 'self' && +task === e.task],
  [['futures:wake'], String.raw`^task (\d+) woke task (\d+)'s waker`, ({ e }, by, task) => e.by === 'task' && +by === e.by_task && +task === e.task],
  [['futures:wake'], String.raw`\) woke task (\d+)'s waker`, ({ e }, task) => e.by === 'external' && +task === e.task],
  [['futures:wake'], String.raw`: task (\d+) joins the ready queue`, ({ e }, task) => +task === e.task],
  [['futures:task_drop'], String.raw`^task (\d+) was dropped`, ({ e }, task) => +task === e.task],
  [['futures:task_drop'], String.raw`^task (\d+) called abort\(\) on task (\d+)'s JoinHandle: our executor drops task (\d+) now`,
    ({ e, f }, by, task, again) => +by === f.polled && +task === e.task && +again === e.task],
  [['futures:timer_cancel'], String.raw`^task (\d+) was dropped, and with it the Sleep it was waiting on`, ({ f }, task) => +task === f.owner],
  [['futures:lost_waker'], String.raw`^task (\d+) is waiting and nothing holds its waker`, ({ e }, task) => +task === e.task],
  [['futures:timer_set', 'futures:timer_elapsed', 'futures:block', 'futures:log'], String.raw`^during task (\d+)'s poll, `,
    ({ e, f }, task) => +task === f.polled && (e.task === undefined || e.task === f.polled)],
  [['futures:log'], String.raw`(?:${FUT}|the program) logged “(.*)”$`,
    ({ e, f }, fut, text) => text === e.text && (fut === undefined ? f.polled === null : fut === futureOf(f.polled))],
  [['futures:timer_set'], String.raw`^sleep_ms\((\d+)\) registered ${LABEL} with our reactor, due at ${T}`,
    ({ e }, ms, label, due) => +ms === e.ms && label === nameOf(e.label) && at(e.deadline, due) && e.deadline - e.ms >= e.t - 0.001],
  [['futures:timer_set'], String.raw`^the Sleep from sleep_ms\((\d+)\), made at ${T}, registered ${LABEL} with our reactor only now, at its first poll: (?:its deadline, ${T}, is now, so it fires on the reactor's next callback|its deadline stays ${T})`,
    ({ e }, ms, made, label, now, stays) => +ms === e.ms && at(e.deadline - e.ms, made) && e.deadline - e.ms < e.t && label === nameOf(e.label)
      && (e.deadline <= e.t ? at(e.deadline, now) && !stays : at(e.deadline, stays) && !now)],
  [['futures:timer_set'], String.raw`; (?:the reactor keeps task (\d+)'s waker for it|the waker the reactor keeps is the one the Sleep was polled with: Waker::noop\(\), which wakes nobody, not task (\d+)'s \(the hand-written future did not pass its cx on\)|the reactor keeps the waker it was handed, which is not task (\d+)'s)$`,
    ({ e }, own, noop, other) => +(own ?? noop ?? other) === e.task
      && e.waker === (own ? 'task' : noop ? 'noop' : 'other')],
  [['futures:timer_elapsed'], String.raw`^the Sleep from sleep_ms\((\d+)\) was polled for the first time: made at ${T}, its deadline is ${T}, which passed ${T} ago`,
    ({ e }, ms, made, deadline, late) => +ms === e.ms && at(e.deadline - e.ms, made) && at(e.deadline, deadline) && at(e.late, late)
      && Math.abs(e.t - e.deadline - e.late) < 0.001 && e.late > 0],
  [['futures:timer_fired'], String.raw`^(?:the browser ran the reactor's one setTimeout; ${LABEL} expired(?: ${T} after its deadline)?|the same callback of the reactor's setTimeout also expired ${LABEL}, which was due too(?: \(it expired ${T} after its deadline\))?)`,
    ({ e, f }, label, late, also, lateToo) => (label ?? also) === nameOf(e.label) && (also === undefined) === !f.sameCallback
      && (e.late >= 0.5 ? at(e.late, late ?? lateToo) : (late ?? lateToo) === undefined)],
  [['futures:timer_fired'], String.raw`, and the reactor calls the waker it kept(?: for task (\d+)|: Waker::noop\(\), which does nothing, so task (\d+) is not woken|, which is not task (\d+)'s)$`,
    ({ e, f }, own, noop, other) => +(own ?? noop ?? other) === f.owner && f.waker === (own ? 'task' : noop ? 'noop' : 'other')
      // The task's own waker wakes it next; another wakes nobody the trace names.
      && (f.nextEvent?.kind === 'wake' && f.nextEvent.timer === e.timer && f.nextEvent.task === f.owner) === Boolean(own)],
  [['futures:timer_cancel'], String.raw`our reactor removed ${LABEL}: it will never fire`, ({ e }, label) => label === nameOf(e.label)],
  [['futures:reactor_arm'], String.raw`^our reactor (?:armed|re-armed) its one browser setTimeout(?: \(it was for ${T}\))? for the earliest deadline, ${T}, to call back in ${T}( \(the browser's longest delay: it re-arms in chunks\))?(?:(; the other timer waits behind it)|; the other (\d+) timers wait behind it)?$`,
    ({ e, f }, was, deadline, delay, longest, one, others) => (was === undefined ? f.armedBefore === null : at(f.armedBefore, was))
      && at(e.deadline, deadline) && e.deadline === f.timers[0]?.deadline && at(e.delay, delay) && Boolean(longest) === (e.delay >= 2147483647)
      && f.timers.length - 1 === (one ? 1 : +(others ?? 0)) && (others === undefined || +others > 1)],
  [['futures:reactor_arm'], String.raw`^the browser called the reactor's setTimeout back with nothing due(?:, before the deadline)?, so our reactor armed it again for ${T}, to call back in ${T}$`,
    ({ e, f }, deadline, delay) => f.armedBefore === e.deadline && at(e.deadline, deadline) && at(e.delay, delay)],
  [['futures:yield'], String.raw`and stops\. The (\d+) Rust tasks? queued waits? for that one; meanwhile the browser may run timers that are due and paint the page`, ({ e }, n) => +n === e.queued],
  // The runtime's limits (DEFAULT_SLICE_MS, DEFAULT_BUDGET), and which one the runtime said ended the slice.
  [['futures:yield'], String.raw`used up its time slice \(8 ms of polling per browser task\)`, ({ e }) => e.limit === 'time'],
  [['futures:yield'], String.raw`used up its budget of polls \(16,384 per browser task on the Virtual clock\)`, ({ e }) => e.limit === 'polls'],
  [['futures:state'], String.raw`^${FUT}'s state machine is now in (Suspend(\d+)): suspended at its ${ORD} suspension point, line (\d+)$`,
    ({ e }, fut, variant, k, nth, line) => fut === futureOf(e.task) && variant === e.variant && +k === e.point
      && nth === ordinalOf(e.point + 1) && +line === e.line],
  [['futures:state'], String.raw`^${FUT}'s state machine is now Returned`, ({ e }, fut) => fut === futureOf(e.task) && e.variant === 'Returned'],
  [['futures:state'], String.raw`^task (\d+) reported the state`, ({ e }, task) => +task === e.task],
  [['futures:address'], String.raw`^(s|borrowed) (?:lives|points) at ${HEX}`, ({ e }, name, addr) => name === e.name && addr === hex(e.addr)],
  [['futures:address'], String.raw`, inside task (\d+)'s future \(${HEX}, (\d+) bytes: the async fn's own future, and what the page `
    + String.raw`wraps around it to record its states\)`,
    ({ e, f }, task, start, size) => +task === e.task && start === hex(f.pollAddr) && +size === f.size
      && e.addr >= f.pollAddr && e.addr < f.pollAddr + f.size],
  [['futures:address'], ', where s lives: the future points into itself', ({ e, f }) => f.addresses.get('s') === e.addr],
  [['futures:address'], '; the same as at the last poll: it never moved$', ({ e, f }) => f.addressBefore === e.addr],
  [['futures:address'], '; it moved$', ({ e, f }) => f.addressBefore !== undefined && f.addressBefore !== e.addr],
  [['futures:block'], String.raw`block_ms\((\d+)\) kept the thread busy for ${T}`, ({ e }, ms, said) => +ms === e.ms && at(e.ms, said)],
].map(([kinds, source, ok]) => ({ kinds, pattern: new RegExp(source, 'g'), ok, source }));

/**
 * Checks one step's sentence against its event and the trace up to it;
 * returns the problems found. Counts each phrase it used in `used`.
 */
function checkStep(text, lane, e, f, used = new Map()) {
  const problems = [];
  const prefix = `${formatMs(e.t)}: `;
  if (!text.startsWith(prefix) || !text.endsWith('.')) return [`not "${prefix}….": "${text}"`];
  let rest = text.slice(prefix.length, -1);
  const kinds = [`${lane}:${e.kind}`, lane !== 'futures' ? `js:${e.kind}` : ''];
  const c = { e, f };
  for (const phrase of STEP_PHRASES) {
    if (!phrase.kinds.some((k) => kinds.includes(k))) continue;
    rest = rest.replace(phrase.pattern, (...m) => {
      used.set(phrase.source, (used.get(phrase.source) ?? 0) + 1);
      if (!phrase.ok(c, ...m.slice(1, -2))) problems.push(`"${m[0]}" is not what the trace says`);
      return '';
    });
  }
  const unchecked = rest.match(/\d+(\.\d+)?|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/g);
  if (unchecked) problems.push(`no phrase accounts for ${unchecked.join(', ')}`);
  return problems.map((p) => `${p} in "${text}"`);
}

/** A run of hand-made events, `seq` filled in: `events` per lane. */
function handMade(events) {
  const trace = (lane) => ({ version: 4, lane, clock: 'virtual', events: (events[lane] ?? []).map((e, seq) => ({ seq, ...e })) });
  return { callbacks: trace('callbacks'), promises: trace('promises'), futures: trace('futures') };
}

// What no preset makes, for the phrases that word it: two jobs queued at
// once; a task that wakes itself, one woken by another task, a state the
// lane cannot name, an address that moved, a yield, a timeout called back
// before its deadline, a dropped task.
const RARE = handMade({
  promises: [
    { t: 0, kind: 'script_start' },
    { t: 0, kind: 'enqueue', handler: 'then', by: 'settled', step: [1], line: 2 },
    { t: 0, kind: 'enqueue', handler: 'then', by: 'settled', step: [2], line: 3 },
    { t: 0, kind: 'script_end' },
    { t: 0, kind: 'reaction', step: [1], line: 2 },
    { t: 0, kind: 'job_end', handler: 'then', step: [1], line: 2 },
    { t: 0, kind: 'reaction', step: [2], line: 3 },
    { t: 0, kind: 'job_end', handler: 'then', step: [2], line: 3 },
  ],
  futures: [
    { t: 0, kind: 'spawn', task: 1, size: 16 },
    { t: 0, kind: 'spawn', task: 2, size: 32 },
    { t: 0, kind: 'batch', turn: 'microtask', tasks: 2 },
    { t: 0, kind: 'poll_start', task: 1, addr: 1024 },
    { t: 0, kind: 'wake', task: 1, by: 'self', outcome: 'queued' },
    { t: 0, kind: 'address', task: 1, name: 's', addr: 1030 },
    { t: 0, kind: 'state', task: 1, variant: 'Suspended' },
    { t: 0, kind: 'poll_end', task: 1, result: 'pending' },
    { t: 0, kind: 'poll_start', task: 2, addr: 2048 },
    { t: 0, kind: 'wake', task: 1, by: 'task', by_task: 2, outcome: 'already_queued' },
    { t: 0, kind: 'timer_set', timer: 1, task: 2, ms: 10, deadline: 10, label: 'Timer 1', waker: 'task' },
    { t: 0, kind: 'poll_end', task: 2, result: 'pending' },
    { t: 0, kind: 'reactor_arm', deadline: 10, delay: 10 },
    { t: 0, kind: 'yield', queued: 1, limit: 'polls' },
    { t: 1, kind: 'batch', turn: 'macrotask', tasks: 1 },
    { t: 1, kind: 'poll_start', task: 1, addr: 1024 },
    { t: 1, kind: 'address', task: 1, name: 's', addr: 1034 },
    { t: 1, kind: 'poll_end', task: 1, result: 'ready' },
    { t: 8, kind: 'reactor_arm', deadline: 10, delay: 2 },
    { t: 9, kind: 'task_drop', task: 2 },
    { t: 9, kind: 'timer_cancel', timer: 1, label: 'Timer 1' },
    { t: 9, kind: 'reactor_clear' },
  ],
});

/**
 * Every step of `run`: its sentence, checked. Returns the steps
 * (`{text, lane, e, f}`, to check again) and the problems.
 * @param {object} run
 * @param {string} name
 * @param {Map<string, number>} used
 */
function checkSteps(run, name, used) {
  const walk = new TraceWalk(run);
  const steps = buildReplay(run).map(({ entry: { lane, event }, told }) => ({ text: told.text, lane, e: event, f: walk.step(lane, event) }));
  const problems = steps.flatMap(({ text, lane, e, f }, position) => [...f.problems, ...checkStep(text, lane, e, f, used)]
    .map((p) => `${name} @${position}: ${p}`));
  return { steps, problems };
}

test('every number in every step\'s sentence is its event\'s, for every preset with its own and 20 random timings, in both promise styles', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const runs = await page.evaluate(async ({ list, scenarios }) => {
    const out = [];
    for (const { preset, timings } of list) {
      for (const promiseStyle of ['then', 'await']) {
        const run = await window.playground.run({ preset, timings, clock: 'virtual', promiseStyle });
        out.push({ name: `${preset} ${JSON.stringify(timings)} ${promiseStyle}`, run });
      }
    }
    for (const scenario of scenarios) {
      for (const promiseStyle of ['then', 'await']) {
        const run = await window.playground.run({ scenario, clock: 'virtual', promiseStyle });
        out.push({ name: `${JSON.stringify(scenario)} ${promiseStyle}`, run });
      }
    }
    return out;
  }, { list: await presetTimings(page), scenarios: NO_PRESETS_KINDS });
  expect(runs.length).toBeGreaterThanOrEqual(9 * 21 * 2);
  const used = new Map();
  const checked = [...runs, { name: 'rare kinds', run: RARE }].map(({ name, run }) => checkSteps(run, name, used));
  const steps = checked.flatMap((c) => c.steps);
  expect(steps.length).toBeGreaterThan(20_000);
  expect(checked.flatMap((c) => c.problems)).toEqual([]);

  // Every phrase was read somewhere, and every kind it is for.
  expect(STEP_PHRASES.filter((p) => !used.has(p.source)).map((p) => p.source), 'phrases never used').toEqual([]);
  const seen = new Set(steps.map(({ lane, e }) => `${lane}:${e.kind}`));
  const kinds = STEP_PHRASES.flatMap((p) => p.kinds).flatMap((k) => (k.startsWith('js:') ? [`callbacks:${k.slice(3)}`, `promises:${k.slice(3)}`] : [k]));
  expect([...new Set(kinds)].filter((k) => !seen.has(k)), 'kinds never seen').toEqual([]);

  // The checker itself: in one sentence of each shape, any number changed
  // (a time, a ms, a line, a task, a count, a label's, an address, an
  // ordinal that counts) is caught, and so is a number no phrase reads.
  const shapes = new Map();
  for (const step of steps) {
    shapes.set(`${step.lane} ${step.text.replace(/0x[0-9a-f]+/g, 'H').replace(/\d+(\.\d+)?/g, 'N').replace(/“[^”]*”/g, 'Q')}`, step);
  }
  expect(shapes.size).toBeGreaterThan(250);
  const missed = [];
  for (const { text, lane, e, f } of shapes.values()) {
    for (const m of text.matchAll(new RegExp(String.raw`0x[0-9a-f]+|\d+|\b(?:${ORDINALS.join('|')})(?= (?:in line|suspension point|branch|future))`, 'g'))) {
      const [said] = m;
      const changed = said.startsWith('0x') ? hex(parseInt(said, 16) + 8) : /^\d/.test(said) ? String(+said + 1) : ordinalOf(ORDINALS.indexOf(said) + 2);
      const wrong = `${text.slice(0, m.index)}${changed}${text.slice(m.index + said.length)}`;
      if (!checkStep(wrong, lane, e, f).length) missed.push(wrong);
    }
    if (!checkStep(`${text.slice(0, -1)}, 3 times.`, lane, e, f).length) missed.push(`${text} (with a number added)`);
  }
  expect(missed, 'changed numbers the check let through').toEqual([]);
});

// ---- The timeline's tooltips ----

/**
 * The timeline's tooltips, by the class of their mark: each phrase, and its
 * check (given `take`, which takes the first event of the lane not taken
 * yet that fits, and `after`, the lane's first event after one that fits).
 */
const TOOLTIPS = [
  ['timer', String.raw`^(.+): set at ${T} for ${T}(?: \(the browser made it wait ${T}: nested timers\))?, (?:(fired|cancelled) at ${T}|still pending)$`, ({ take, after }, lane, label, set, ms, clamped, how, end) => take(lane, (e) => {
    if (e.kind !== 'timer_set' || e.label !== label || !at(e.t, set) || !at(e.ms, ms)) return false;
    if (clamped === undefined ? e.clamped !== undefined : !at(e.clamped, clamped)) return false;
    // A Rust Sleep made before it was set says so (below).
    if (e.deadline !== undefined && e.deadline - e.ms < e.t - 0.001) return false;
    const ended = after(lane, e, (x) => (x.kind === 'timer_fired' || x.kind === 'timer_cancel') && x.timer === e.timer);
    return how === undefined ? !ended : ended?.kind === `timer_${how === 'fired' ? 'fired' : 'cancel'}` && at(ended.t, end)
      && (how === 'cancelled' || ended.t >= e.t + (e.clamped ?? e.ms) - 0.001);
  })],
  ['timer', String.raw`^(.+): made at ${T} for ${T}, due at ${T}; set when first polled, at ${T}, (?:(fired|cancelled) at ${T}|still pending)$`,
    ({ take, after }, lane, label, made, ms, due, set, how, end) => take(lane, (e) => {
      if (e.kind !== 'timer_set' || e.label !== label || !at(e.deadline - e.ms, made) || !at(e.ms, ms) || !at(e.deadline, due)
        || !at(e.t, set) || !(e.deadline - e.ms < e.t)) return false;
      const ended = after(lane, e, (x) => (x.kind === 'timer_fired' || x.kind === 'timer_cancel') && x.timer === e.timer);
      return how === undefined ? !ended : ended?.kind === `timer_${how === 'fired' ? 'fired' : 'cancel'}` && at(ended.t, end)
        && (how === 'cancelled' || ended.t >= e.deadline - 0.001);
    })],
  ['timer', String.raw`^(.+): made at ${T} for ${T}, due at ${T}; first polled at ${T}, already past its deadline: Ready at once, no timer registered$`,
    ({ take }, lane, label, made, ms, due, polled) => take(lane, (e) => e.kind === 'timer_elapsed' && e.label === label && at(e.deadline - e.ms, made)
      && at(e.ms, ms) && at(e.deadline, due) && at(e.t, polled) && e.deadline < e.t)],
  ['slice', String.raw`^callback for (.+) at ${T}$`, ({ take }, lane, label, when) => lane !== 'futures'
    && take(lane, (e) => e.kind === 'timer_fired' && (e.label ?? String(e.timer)) === label && at(e.t, when))],
  ['slice', String.raw`^poll task (\d+): (pending|ready) at ${T}$`, ({ take, after }, lane, task, result, when) => lane === 'futures'
    && take(lane, (e) => e.kind === 'poll_start' && e.task === +task && at(e.t, when)
      && after(lane, e, (x) => x.kind === 'poll_end' && x.task === e.task)?.result === result)],
  ['wake', String.raw`^wake task (\d+) by (timer|self|task|external)(?: \((.+)\))? at ${T}$`, ({ take }, lane, task, by, label, when) => take(lane,
    (e) => e.kind === 'wake' && e.outcome === 'queued' && e.task === +task && e.by === by && e.label === label && at(e.t, when))],
  ['log', String.raw`^log "(.*)" at ${T}$`, ({ take }, lane, text, when) => take(lane, (e) => e.kind === 'log' && e.text === text && at(e.t, when))],
].map(([kind, source, ok]) => ({ kind, pattern: new RegExp(source), ok, source }));

/**
 * Checks the timeline's marks of one run (`{lane, kind, detail, aria,
 * title}`, kind being the mark's class) against its traces: each mark's
 * tooltip matches one phrase, and its numbers one event of its lane, a
 * different one for each mark; every event the timeline draws has its mark.
 * Returns the problems found; counts each phrase used in `used`.
 */
function checkMarks(marks, run, used = new Map()) {
  const problems = [];
  const taken = new Set();
  /** The first event of `lane` not yet taken for which `ok` holds. */
  const take = (lane, ok) => {
    const found = run[lane].events.find((e) => !taken.has(e) && ok(e));
    if (found) taken.add(found);
    return found;
  };
  const after = (lane, e, ok) => run[lane].events.find((x) => x.seq > e.seq && ok(x));
  for (const { lane, kind, detail, aria, title } of marks) {
    const where = `${lane} ${kind}: "${detail}"`;
    // Its name and its <title> say the same, adding no number.
    if (!aria?.includes(detail) || /\d/.test(aria.replace(detail, ''))) problems.push(`${where}: its aria-label is "${aria}"`);
    if (title !== null && title !== detail) problems.push(`${where}: its title is "${title}"`);
    const phrase = TOOLTIPS.find((p) => kind.split(' ').includes(p.kind) && p.pattern.test(detail));
    if (!phrase) {
      problems.push(`${where}: no phrase reads it`);
      continue;
    }
    used.set(phrase.source, (used.get(phrase.source) ?? 0) + 1);
    if (!phrase.ok({ take, after }, lane, ...detail.match(phrase.pattern).slice(1))) problems.push(`${where}: no event of the trace says that`);
  }
  // And nothing the timeline draws is left out.
  for (const lane of ['callbacks', 'promises', 'futures']) {
    for (const e of run[lane].events) {
      const drawn = e.kind === 'timer_set' || e.kind === 'timer_elapsed' || e.kind === 'log'
        || (e.kind === 'timer_fired' && lane !== 'futures')
        || (e.kind === 'poll_start' && after(lane, e, (x) => x.kind === 'poll_end' && x.task === e.task))
        || (e.kind === 'wake' && e.outcome === 'queued' && after(lane, e, (x) => x.kind === 'poll_start' && x.task === e.task));
      if (drawn && !taken.has(e)) problems.push(`${lane} ${e.kind} ${e.seq} (t ${e.t}) has no mark`);
    }
  }
  return problems;
}

/** The timeline's marks as the page shows them: lane, class, tooltip, name and title.
 * @param {import('@playwright/test').Page} page */
const marksOf = (page) => page.locator('#timeline [data-detail]').evaluateAll((marks) => marks.map((mark) => ({
  lane: (mark.closest('g.lane')?.getAttribute('class') ?? '').replace(/^lane lane-/, ''),
  kind: mark.getAttribute('class') ?? '',
  detail: /** @type {HTMLElement} */ (mark).dataset.detail ?? '',
  aria: mark.getAttribute('aria-label'),
  title: mark.querySelector(':scope > title')?.textContent ?? null,
})));

test('every number in the timeline\'s tooltips is its event\'s, for every preset with its own and 5 random timings, run from the page', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  const runButton = page.getByRole('button', { name: 'Run', exact: true });
  const used = new Map();
  const problems = [];
  let count = 0;
  let first;
  let preset;
  /** One mark of each shape (numbers aside), with its run's marks. */
  const shapes = new Map();
  for (const choice of (await presetTimings(page)).filter((c) => c.nth <= 5)) {
    if (choice.preset !== preset) {
      preset = choice.preset;
      await page.getByLabel('Example').selectOption(preset);
      await page.getByRole('radio', { name: 'Virtual' }).check();
    }
    const inputs = page.locator('#timings-list input');
    if (choice.timings) {
      await expect(inputs).toHaveCount(choice.timings.length);
      for (const [i, ms] of choice.timings.entries()) await inputs.nth(i).fill(String(ms));
    }
    await runButton.click();
    await expect(runButton).not.toHaveAttribute('aria-busy', 'true');
    const run = await page.evaluate(() => window.playground.lastRun());
    // The run shown is the one asked for: its timers, its clock.
    expect(run.futures.clock).toBe('virtual');
    if (choice.timings) {
      // Each timing set a timer (nested's one timer twice, once per call).
      const distinct = (/** @type {number[]} */ ms) => [...new Set(ms)].sort((a, b) => a - b);
      expect(distinct(run.callbacks.events.filter((e) => e.kind === 'timer_set' && e.label !== 'yield').map((e) => e.ms)))
        .toEqual(distinct(choice.timings));
    }
    const marks = await marksOf(page);
    count += marks.length;
    first ??= { marks, run };
    for (const [i, mark] of marks.entries()) shapes.set(`${mark.lane} ${mark.kind} ${mark.detail.replace(/\d+/g, 'N')}`, { marks, run, i });
    problems.push(...checkMarks(marks, run, used).map((p) => `${preset} ${JSON.stringify(choice.timings)}: ${p}`));
  }
  expect(count).toBeGreaterThan(500);
  expect(problems).toEqual([]);
  expect(TOOLTIPS.filter((p) => !used.has(p.source)).map((p) => p.source), 'tooltip phrases never used').toEqual([]);

  // The checker itself: in a mark of each shape, any number changed is
  // caught; so is a mark that reads as no phrase, and an event left without
  // its mark.
  expect(shapes.size).toBeGreaterThan(40);
  const missed = [];
  for (const { marks, run, i } of shapes.values()) {
    const { detail } = marks[i];
    for (const m of detail.matchAll(/\d+/g)) {
      const wrong = `${detail.slice(0, m.index)}${+m[0] + 1}${detail.slice(m.index + m[0].length)}`;
      const changed = marks.map((mark, j) => (j === i ? { ...mark, detail: wrong, aria: mark.aria?.replace(detail, wrong) ?? null, title: wrong } : mark));
      if (!checkMarks(changed, run).length) missed.push(wrong);
    }
  }
  expect(missed, 'changed numbers the check let through').toEqual([]);
  const { marks, run } = first;
  expect(checkMarks([...marks, { ...marks[0], detail: `${marks[0].detail} (2 ms late)` }], run)).not.toEqual([]);
  expect(checkMarks(marks.slice(1), run)).not.toEqual([]);
});
