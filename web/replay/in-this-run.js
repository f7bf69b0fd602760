// "In this run": the figures of the run just made, said under the example's
// explanation. The explanation says what is true of every run of the
// program (it is written once, with no numbers); these sentences give this
// run's numbers, read from the Summary's figures and the traces, so they
// follow any timings.

import { formatMs } from '../dom.js';
import { LANES, LANE_NAMES } from './merge.js';
import { abortCancels } from './summary.js';
import { allLogged, and, rustTasksWere, sliceName, timerLabel as label } from './names.js';

/** @import { Lane, RunResult, EventOf, LaneSummary } from '../types.js' */

/** @param {number} n `once`, `twice`, `3 times` */
const times = (n) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** @param {Lane[]} lanes */
const names = (lanes) => and(lanes.map((l) => LANE_NAMES[l]));

/**
 * When each lane logged its last line, lanes with the same time together.
 * @param {Record<Lane, LaneSummary>} lanes
 * @param {RunResult} result whether the spawn_local lane ran, and when it logged
 */
function lastLogs(lanes, result) {
  /** @type {Map<string, Lane[]>} */
  const byTime = new Map();
  for (const lane of LANES) {
    const { lastLog } = lanes[lane];
    if (lastLog !== null) byTime.set(formatMs(lastLog), [...(byTime.get(formatMs(lastLog)) ?? []), lane]);
  }
  const silent = LANES.filter((lane) => lanes[lane].lastLog === null);
  if (byTime.size === 0) return 'no lane logged';
  const [[time, first], ...rest] = byTime;
  if (rest.length === 0 && silent.length === 0) return allLogged(time, result);
  const said = [[`${names(first)} logged ${first.length === 1 ? 'its' : 'their'} last line at ${time}`,
    ...rest.map(([t, l]) => `${names(l)} at ${t}`)].join(', ')];
  if (silent.length) said.push(`${names(silent)} never logged`);
  return said.join('; ');
}

/**
 * The Rust lane's polls and wakes, and the wakes that added no poll.
 * @param {LaneSummary} futures
 * @param {RunResult} result
 */
function pollsAndWakes({ polls, wakes }, result) {
  const { events } = result.futures;
  const tasks = events.filter((e) => e.kind === 'spawn').length;
  const queued = events.filter((e) => e.kind === 'wake' && e.outcome === 'already_queued').length;
  const who = rustTasksWere(tasks, Boolean(result.spawnLocal));
  const noPoll = queued ? ` (${queued} of those wakes came while it was already queued to be polled: ${queued === 1 ? 'it' : 'they'} added no poll)` : '';
  return `${who} polled ${times(polls)} and ${wakes ? `woken ${times(wakes)}${noPoll}` : 'never woken'}`;
}

/**
 * Timers the Rust lane cancelled with a task it aborted, and the timers the
 * JS lanes' abort cleared.
 * @param {RunResult} result
 */
function aborted(result) {
  const cancels = [...abortCancels(result.futures.events)];
  if (!cancels.length) return null;
  const { events } = result.futures;
  /** @param {number} timer */
  const owner = (timer) => /** @type {EventOf<'timer_set'> | undefined} */ (events.find((e) => e.kind === 'timer_set' && e.timer === timer))?.task;
  const tasks = [...new Set(cancels.map((e) => owner(e.timer)))].map(String);
  const one = tasks.length === 1;
  const timers = cancels.length === 1 ? `its pending timer ${label(cancels[0])}` : `${one ? 'its' : 'their'} ${cancels.length} pending timers, ${and(cancels.map(label))},`;
  const rust = `aborting task${one ? '' : 's'} ${and(tasks)} dropped (destroyed) ${one ? 'it' : 'them'}, and ${timers} went with `
    + `${one ? 'it' : 'them'}, so ${cancels.length === 1 ? 'that timer' : 'they'} never fired`;
  /** @param {Lane} lane */
  const cleared = (lane) => {
    const timers = result[lane].events.filter((e) => e.kind === 'timer_cancel')
      .map((e) => `${label(/** @type {EventOf<'timer_cancel'>} */ (e))} at ${formatMs(e.t)}`);
    return timers.length ? `${LANE_PLACES[lane]} cleared ${and(timers)}` : `${LANE_PLACES[lane]} had no timer left to clear`;
  };
  return `${rust}; the JS versions imitate this with clearTimeout: ${cleared('callbacks')}, and ${cleared('promises')}`;
}

/**
 * Timers the Rust lane cancelled (not with an aborted task: a `select!`'s
 * losers), and when the JS lanes' same timers fired.
 * @param {RunResult} result
 */
function cancelled(result) {
  const withTask = abortCancels(result.futures.events);
  const cancels = /** @type {EventOf<'timer_cancel'>[]} */ (result.futures.events.filter((e) => e.kind === 'timer_cancel'));
  const labels = cancels.filter((e) => !withTask.has(e)).map(label);
  if (!labels.length) return null;
  const { events } = result.promises;
  const fired = /** @type {EventOf<'timer_fired'>[]} */ (events
    .filter((e) => e.kind === 'timer_fired' && labels.includes(label(e))));
  // Whether the code after the timer, in its own sequence, went on in the
  // Promises lane: a log from a later step of that sequence, after it fired
  // (a select! branch dropped at an await in Rust runs to its end in JS).
  /** @param {EventOf<'timer_fired'>} e */
  const wentOn = (e) => {
    const timer = events.find((t) => t.kind === 'timer_set' && t.timer === e.timer);
    const at = timer && 'step' in timer ? timer.step : undefined;
    if (!at?.length) return false;
    const parent = at.slice(0, -1);
    return events.some((l) => {
      const step = l.kind === 'log' ? l.step : undefined;
      return step !== undefined && l.t >= e.t && step.length > parent.length
        && parent.every((k, i) => step[i] === k) && step[parent.length] > at[parent.length];
    });
  };
  const named = (/** @type {EventOf<'timer_fired'>} */ e) => `${label(e)} at ${formatMs(e.t)}`;
  const on = fired.filter(wentOn).map(named);
  const idle = fired.filter((e) => !wentOn(e)).map(named);
  const they = (/** @type {string[]} */ l) => (l.length === 1 ? 'it' : 'they');
  const them = (/** @type {string[]} */ l) => (l.length === 1 ? 'it' : 'them');
  const js = [
    idle.length ? `${they(idle)} still fired, and nothing waited for ${them(idle)}: ${and(idle)}` : '',
    on.length ? `${they(on)} still fired, and the code after ${them(on)} ran on: ${and(on)}` : '',
  ].filter(Boolean);
  const inJs = js.length ? `; in the JS lanes ${js.join('; ')}` : '';
  return `Rust cancelled ${and(labels)} when ${labels.length === 1 ? 'its sleep was' : 'their sleeps were'} dropped${inJs}`;
}

/**
 * Tasks the Rust lane still polled after run(), its first task, returned:
 * our executor (like the JS lanes) runs every task to its end, where tokio,
 * when `main` returns, shuts its runtime down and drops them.
 * @param {RunResult} result
 */
function outlived(result) {
  const { events } = result.futures;
  const root = /** @type {EventOf<'spawn'> | undefined} */ (events.find((e) => e.kind === 'spawn'))?.task;
  const returned = /** @type {EventOf<'poll_end'> | undefined} */ (events.find((e) => e.kind === 'poll_end' && e.task === root && e.result === 'ready'));
  if (root === undefined || !returned) return null;
  const later = /** @type {EventOf<'poll_start'>[]} */ (events.filter((e) => e.kind === 'poll_start' && e.seq > returned.seq && e.task !== root));
  if (!later.length) return null;
  const tasks = [...new Set(later.map((e) => e.task))];
  const one = tasks.length === 1;
  return `task${one ? '' : 's'} ${and(tasks.map(String))} outlived run(), which returned at ${formatMs(returned.t)}: `
    + `${one ? 'it was' : 'they were'} last polled at ${formatMs(/** @type {EventOf<'poll_start'>} */ (later.at(-1)).t)}; our executor, `
    + 'like the JS lanes, runs every task to its end, but in tokio, once main returns, the runtime shuts down and drops '
    + 'unfinished tasks (await a task\'s JoinHandle to keep it)';
}

/** How "In this run" names a lane. */
// By the lane's name on the page: "the Rust lane" could be either Rust
// lane once spawn_local's is shown.
const LANE_PLACES = { callbacks: 'the Callbacks lane', promises: 'the Promises lane', futures: 'the Rust futures lane' };

/**
 * Why a timer of `lane` fired late, read from what the lane did between its
 * deadline and its firing: microtasks run before any task (a loop of
 * `await`s starves timers); our executor polled until its time slice (or
 * budget of polls) was used up; a block kept the thread busy; else the browser ran it late.
 * @param {RunResult} result
 * @param {Lane} lane
 * @param {EventOf<'timer_fired'>} fired
 */
function lateBecause(result, lane, fired) {
  const due = fired.t - (fired.late ?? 0);
  const between = result[lane].events.filter((e) => e.t >= due && e.seq < fired.seq);
  if (lane === 'promises' && between.some((e) => e.kind === 'resume' || e.kind === 'reaction')) {
    return 'microtasks ran first, and the event loop runs all microtasks, even those queued meanwhile, before the next task';
  }
  const yielded = lane === 'futures' ? between.find((e) => e.kind === 'yield') : undefined;
  if (yielded?.kind === 'yield') {
    return `our executor kept polling its ready queue until its ${sliceName(yielded.limit)} was used up, then gave the browser a turn`;
  }
  return result[lane].events.some((e) => e.kind === 'block') ? 'a block kept the thread busy' : 'the browser ran the callbacks late';
}

/**
 * Timers that fired at least 1 ms late because something kept the thread
 * busy past their deadline (a block, microtasks, polls, a hidden tab), in
 * every lane alike or lane by lane; and Rust sleeps first polled after their
 * deadline (a sleep fixes its deadline when it is made, and one already past
 * it when first polled is Ready at once, with no timer).
 * @param {RunResult} result
 * @returns {string[]}
 */
function lateTimers(result) {
  const polledLate = /** @type {EventOf<'timer_elapsed'>[]} */ (result.futures.events
    .filter((e) => e.kind === 'timer_elapsed'));
  /** @param {Lane} lane its timers that fired late */
  const lateIn = (lane) => /** @type {EventOf<'timer_fired'>[]} */ (result[lane].events
    .filter((e) => e.kind === 'timer_fired' && (e.late ?? 0) >= 1));
  /** @param {EventOf<'timer_fired'>[]} fired `Timer 1 fired 50 ms after its deadline`… */
  const said = (fired) => fired.map((e) => `${label(e)} fired ${formatMs(e.late ?? 0)} after its deadline`);
  const rust = said(lateIn('futures'));
  const out = [];
  const everywhere = rust.length > 0 && LANES.every((lane) => said(lateIn(lane)).sort().join() === [...rust].sort().join());
  if (everywhere) {
    const where = result.spawnLocal ? `in the ${names(LANES)} lanes` : 'in every lane';
    out.push(`${where} ${and(rust)}: ${lateBecause(result, 'futures', lateIn('futures')[0])}`);
  } else {
    for (const lane of LANES) {
      const late = lateIn(lane);
      if (late.length) out.push(`in ${LANE_PLACES[lane]} ${and(said(late))}: ${lateBecause(result, lane, late[0])}`);
    }
  }
  if (polledLate.length) {
    const one = polledLate.length === 1;
    out.push(`in ${LANE_PLACES.futures} the deadline of ${and(polledLate.map(label))}, fixed when ${one ? 'its sleep was' : 'their sleeps were'} made, `
      + `had passed when ${one ? 'it was' : 'they were'} first polled, so ${one ? 'it was' : 'they were'} Ready at once, `
      + 'with no timer set');
  }
  return out;
}

/**
 * The run's figures in one to three sentences, the first to follow "In this
 * run, " (or "In the last run, …", which the view writes): `every lane
 * logged its last line at 350 ms; …`.
 * @param {RunResult} result
 * @param {Record<Lane, LaneSummary>} lanes the Summary's figures of the same run
 * @returns {string}
 */
export function inThisRun(result, lanes) {
  const first = `${lastLogs(lanes, result)}; ${pollsAndWakes(lanes.futures, result)}.`;
  const more = [cancelled(result), aborted(result), outlived(result), ...lateTimers(result)].filter((x) => x !== null).map((x) => `${x[0].toUpperCase()}${x.slice(1)}.`);
  return [first, ...more].join(' ');
}
