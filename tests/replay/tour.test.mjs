// The tour's questions and tasks (web/tour/chapters.js) decided on the
// golden traces (tests/golden/, recorded by the page): each right answer is
// the run's, among the choices the program's timings give, and a run that
// differs gets another answer. The page's tests (tests/e2e/tour.spec.mjs)
// drive the same chapters in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildReplay } from '../../web/replay/index.js';
import { summarize } from '../../web/replay/summary.js';
import { CHAPTERS, chapter, raceResult } from '../../web/tour/chapters.js';
import { compareRust, whyTheyDiffered } from '../../web/replay/compare.js';

/** @param {string} name a file of tests/golden/ */
const golden = (name) => JSON.parse(readFileSync(new URL(`../golden/${name}.json`, import.meta.url), 'utf8'));

/** What a question or task reads of `run`. */
const facts = (run) => ({ run, summary: summarize(run), replay: buildReplay(run) });

/** The program's timings, as the Timings inputs hold them: its timers' delays in the Callbacks lane, in order. */
const timings = (run) => run.callbacks.events.filter((e) => e.kind === 'timer_set').map((e) => e.ms);

/** Each chapter's answer on its example's golden run. */
const ANSWERS = {
  callbacks: '350',
  promises: 'same',
  'async-await': '350',
  polling: '4',
  waker: 'never',
  lazy: '350',
  concurrency: '2',
  executors: 'Timer 1 done',
  'state-machine': 'Suspend0',
  pin: 'no',
};

test('eleven chapters in the notes\' order, each with words, an example and a part of the page', () => {
  assert.deepEqual(CHAPTERS.map((c) => c.id), ['callbacks', 'promises', 'async-await', 'polling', 'waker', 'lazy',
    'concurrency', 'executors', 'state-machine', 'pin', 'your-own']);
  for (const c of CHAPTERS) {
    const sentences = c.text.join(' ').split(/(?<=[.:?])\s+(?=[A-Z])/).length;
    assert.ok(sentences >= 1 && sentences <= 6, `${c.id}: ${sentences} sentences`);
    assert.ok(c.question || c.task, c.id);
  }
  assert.equal(CHAPTERS.filter((c) => c.question).length, 10);
  assert.equal(CHAPTERS.filter((c) => c.task).length, 7);
});

test('every question\'s right answer is the run\'s, one of its choices, with a step to show', () => {
  for (const c of CHAPTERS.filter((ch) => ch.question)) {
    const run = golden(`${c.preset}-${c.style}`);
    const decided = c.question.decide(facts(run));
    assert.equal(decided.answer, ANSWERS[c.id], c.id);
    const choices = c.question.choices(timings(run)).map((x) => x.id);
    assert.ok(choices.includes(decided.answer), `${c.id}: ${decided.answer} in ${choices}`);
    assert.equal(new Set(choices).size, choices.length, `${c.id}: distinct choices`);
    assert.ok(choices.length >= 2 && choices.length <= 4, c.id);
    assert.ok(decided.why.length > 0, c.id);
    assert.equal(typeof decided.position, 'number', `${c.id}: a step decides it`);
  }
});

test('another executor: the first line each Rust lane printed, and where the page says why they differ', () => {
  const run = { ...golden('overdue-then'), spawnLocal: golden('spawn-local/overdue') };
  const decided = chapter('executors').question.decide(facts(run));
  assert.equal(decided.answer, 'Timer 1 done');
  // The why is the Summary's, read from both runs.
  const why = whyTheyDiffered(run);
  assert.match(why, /^On the page's executor, Timer 2 and Timer 1 were both overdue when its one browser timer's callback ran, at 100 ms: /);
  assert.ok(compareRust(run).includes(why));
  assert.equal(decided.why, `The Rust futures lane printed “Timer 1 done” first. The same code on spawn_local printed “Timer 2 done” first. ${why}`);
  assert.equal(buildReplay(run)[decided.position].entry.event.kind, 'log');
  assert.ok(chapter('executors').compare);
  // Equal timings: both lanes print Timer 1's line first, and say so.
  const same = { ...golden('overdue-then'), spawnLocal: { ...golden('spawn-local/overdue'), events: golden('spawn-local/overdue').events
    .map((e) => (e.kind === 'log' ? { ...e, text: e.text === 'Timer 2 done' ? 'Timer 1 done' : 'Timer 2 done' } : e)) } };
  assert.equal(chapter('executors').question.decide(facts(same)).why, 'The Rust futures lane printed “Timer 1 done” first. So did the '
    + 'same code on spawn_local.');
});

test('the answers follow the run: other timings, another program, another answer', () => {
  // Sequential on its own timings: 350 ms; its choices are the sum and the longest.
  const sequential = golden('sequential-then');
  assert.deepEqual(chapter('callbacks').question.choices([200, 100, 50]).map((c) => c.text), ['at 200 ms', 'at 350 ms', 'never']);
  // Lazy's Rust lane logs at the sum; early-sleep's at the longest.
  assert.equal(chapter('lazy').question.decide(facts(golden('early-sleep-then'))).answer, '200');
  // The waker chapter on a run whose Rust lane logs: when it did.
  assert.equal(chapter('waker').question.decide(facts(sequential)).answer, '350');
  // Its reason follows the run: 3 wakes, 4 polls, none wasted.
  assert.equal(chapter('polling').question.decide(facts(sequential)).why,
    'The task was polled 4 times: once at the start, then once per wake (3 wakes). '
    + 'A poll that finds nothing ready returns Pending at once; nothing polls in a loop.');
  // The first poll of a program whose timers are all due returns Ready.
  const due = golden('sequential-then');
  due.futures.events = due.futures.events.map((e) => (e.kind === 'state' ? { ...e, variant: 'Returned' } : e));
  assert.match(chapter('state-machine').question.decide(facts(due)).why, /^Returned: every sleep was already due when first polled/);
  // A join polls once per wake, not once per timer.
  assert.equal(chapter('polling').question.decide(facts(golden('join-then'))).answer, '4');
  // No race, no cancelled timer.
  assert.equal(chapter('concurrency').question.decide(facts(sequential)).answer, '0');
  // A future that moved between polls: s at two addresses.
  const selfRef = golden('self-ref-then');
  let n = 0;
  const moved = { ...selfRef, futures: { ...selfRef.futures, events: selfRef.futures.events.map((e) => (e.kind === 'address' && e.name === 's' ? { ...e, addr: 1000 + (n++) * 64 } : e)) } };
  assert.equal(chapter('pin').question.decide(facts(moved)).answer, 'yes');
  assert.equal(chapter('pin').question.decide(facts(selfRef)).answer, 'no');
});

test('each task is refused with what is missing, and accepted when solved', () => {
  const sequential = facts(golden('sequential-then'));
  assert.deepEqual(chapter('callbacks').task.check(sequential),
    { done: false, said: 'Not yet: Callbacks at 350 ms, Promises at 350 ms, Rust futures at 350 ms.' });
  // Lazy as it is: the Rust lane at the sum, the JS lanes at the longest.
  assert.deepEqual(chapter('lazy').task.check(facts(golden('lazy-then'))),
    { done: false, said: 'Not yet: Callbacks at 200 ms, Promises at 200 ms, Rust futures at 350 ms.' });
  // Early-sleep is lazy with one line changed: every lane at the longest.
  assert.deepEqual(chapter('lazy').task.check(facts(golden('early-sleep-then'))),
    { done: true, said: 'All three lanes logged at 200 ms.' });
  // Removing every timer makes the lanes agree, at 0 ms: not the lesson.
  const none = golden('lazy-then');
  for (const lane of ['callbacks', 'promises', 'futures']) {
    none[lane].events = none[lane].events.filter((e) => !e.kind.startsWith('timer')).map((e) => (e.kind === 'log' ? { ...e, t: 0 } : e));
  }
  assert.deepEqual(chapter('lazy').task.check(facts(none)),
    { done: false, said: 'Not yet: keep at least two timers, so there is something to wait for together.' });
  assert.equal(chapter('your-own').task.check(sequential).done, false);
  assert.deepEqual(chapter('your-own').task.check(facts(golden('lazy-then'))),
    { done: true, said: 'The Rust lane logged at 350 ms, after the JS lanes.' });
  assert.deepEqual(chapter('promises').task.check(sequential), { done: false, said: 'Not yet: the Promises lane logged at 350 ms.' });
  assert.deepEqual(chapter('polling').task.check(sequential), { done: false, said: 'Not yet: the task was polled 4 times.' });
  // The race: Timer 3 (50 ms) wins; with Timer 1 the shortest, it wins.
  assert.deepEqual(chapter('concurrency').task.check(facts(golden('race-then'))), { done: false, said: 'Not yet: Timer 3 won the race in the Rust lane.' });
  const race = golden('race-then');
  const relabel = { 'Timer 1': 'Timer 3', 'Timer 3': 'Timer 1' };
  race.futures.events = race.futures.events.map((e) => (e.label in relabel ? { ...e, label: relabel[e.label] } : e));
  assert.deepEqual(chapter('concurrency').task.check(facts(race)), { done: true, said: 'Timer 1 won; select! dropped the others: Timer 3 and Timer 2 cancelled.' });
  assert.deepEqual(chapter('state-machine').task.check(sequential),
    { done: false, said: 'Not yet: run()\'s future went through Unresumed, Suspend0, Suspend1, Suspend2, Returned.' });
  // A run where every lane logs at 300 ms solves the first task.
  const at300 = golden('sequential-then');
  for (const lane of ['callbacks', 'promises', 'futures']) {
    at300[lane].events = at300[lane].events.map((e) => (e.kind === 'log' ? { ...e, t: 300 } : e));
  }
  assert.deepEqual(chapter('callbacks').task.check(facts(at300)), { done: true, said: 'Every lane logged at 300 ms.' });
});

test('the race\'s winner is the child select! found ready, even when timers fire at the same moment', () => {
  const poll = (child, result) => ({ kind: 'child_poll', combinator: 'select', task: 1, child, result });
  const timer = (kind, label) => ({ kind, label, timer: Number(label.slice(-1)) });
  // Timer 3 and Timer 1 due together: the reactor fires both, select! takes child 0 (Timer 1).
  const events = [
    timer('timer_set', 'Timer 1'), poll(0, 'pending'), timer('timer_set', 'Timer 2'), poll(1, 'pending'),
    timer('timer_set', 'Timer 3'), poll(2, 'pending'), timer('timer_fired', 'Timer 3'), timer('timer_fired', 'Timer 1'),
    poll(0, 'ready'), timer('timer_cancel', 'Timer 2'),
  ];
  assert.deepEqual(raceResult(events), { winner: 'Timer 1', fired: ['Timer 3', 'Timer 1'] });
  const replay = events.map((event, position) => ({ position, entry: { lane: 'futures', event } }));
  assert.deepEqual(chapter('concurrency').task.check({ replay }), {
    done: true,
    said: 'Timer 1 won; select! dropped the others: Timer 2 cancelled. Timer 3 fired at the same moment and was dropped unused.',
  });
  // No select! at all: no winner.
  assert.deepEqual(raceResult([timer('timer_set', 'Timer 1'), timer('timer_fired', 'Timer 1')]), { winner: null, fired: ['Timer 1'] });
});
