// The Summary: per lane, figures counted from what it recorded, and one
// sentence on how the lanes differ. Read once per run, not per step.
import { formatMs as ms } from '../dom.js';
import { LANES, LANE_NAMES } from './merge.js';
import { compareRust } from './compare.js';
import { allLogged, rustTasksWere } from './names.js';

/** @import { Lane, RunResult, TraceEvent, LaneSummary, RunSummary, EventKind, EventOf } from '../types.js' */

/**
 * The Rust lane's `timer_cancel` events of timers whose task was aborted:
 * dropped (`task_drop`) during another task's poll (its `h.abort()`), the
 * timer cancelled with it. The other cancels are futures dropped inside a
 * task: a `select!`'s losers.
 * @param {TraceEvent[]} events the Rust lane's
 * @returns {Set<EventOf<'timer_cancel'>>}
 */
export function abortCancels(events) {
  /** @type {Map<number, number | undefined>} */
  const owners = new Map();
  /** @type {Set<number>} */
  const aborted = new Set();
  /** @type {number | null} */
  let polled = null;
  /** @type {Set<EventOf<'timer_cancel'>>} */
  const out = new Set();
  for (const e of events) {
    if (e.kind === 'poll_start') polled = e.task;
    else if (e.kind === 'poll_end') polled = null;
    else if (e.kind === 'timer_set') owners.set(e.timer, e.task);
    else if (e.kind === 'task_drop' && polled !== null && polled !== e.task) aborted.add(e.task);
    else if (e.kind === 'timer_cancel' && aborted.has(/** @type {number} */ (owners.get(e.timer)))) out.add(e);
  }
  return out;
}

/**
 * Whether an abort dropped a task before its first poll (`task_drop` of a
 * task with no `poll_start`).
 * @param {TraceEvent[]} events the Rust lane's
 */
function droppedBeforePolled(events) {
  const polled = new Set(events.filter((e) => e.kind === 'poll_start').map((e) => /** @type {EventOf<'poll_start'>} */ (e).task));
  return events.some((e) => e.kind === 'task_drop' && !polled.has(e.task));
}

/**
 * Per-lane figures and the one-sentence difference.
 * @param {RunResult} result
 * @returns {RunSummary}
 */
export function summarize(result) {
  const lanes = /** @type {RunSummary['lanes']} */ ({});
  for (const lane of LANES) lanes[lane] = figures(result[lane].events, lane === 'callbacks');
  const sentence = difference(lanes, result);
  if (!result.spawnLocal) return { lanes, sentence };
  lanes.spawnLocal = figures(result.spawnLocal.events, true);
  return { lanes, sentence, rustLanes: /** @type {string} */ (compareRust(result)) };
}

/**
 * A lane's figures, counted from its events.
 * @param {TraceEvent[]} events
 * @param {boolean} callbackLane a firing runs a callback of the lane's own: the Callbacks lane's, or gloo's in the spawn_local lane
 * @returns {LaneSummary}
 */
function figures(events, callbackLane) {
  /** @param {EventKind} kind */
  const count = (kind) => events.filter((e) => e.kind === kind).length;
  const logs = events.filter((e) => e.kind === 'log');
  return {
    lastLog: logs.at(-1)?.t ?? null,
    idle: events.at(-1)?.t ?? 0,
    timersSet: count('timer_set'),
    timersElapsed: count('timer_elapsed'),
    timersFired: count('timer_fired'),
    timersCancelled: count('timer_cancel'),
    callbacks: callbackLane ? count('timer_fired') : 0,
    reactions: count('reaction') + count('resume'),
    polls: count('poll_start'),
    wakes: events.filter((e) => e.kind === 'wake' && e.outcome !== 'ignored').length,
  };
}

/**
 * The first timer (by label) that the Rust lane set at least 1 ms later than
 * the first JS lane did, if any: a future's body ran only when polled.
 * @param {RunResult} result
 */
function laterStart(result) {
  /** @param {TraceEvent[]} events */
  const setTimes = (events) => new Map(events.filter((e) => e.kind === 'timer_set').map((e) => [e.label, e.t]));
  const rust = setTimes(result.futures.events);
  const js = [setTimes(result.callbacks.events), setTimes(result.promises.events)];
  for (const [label, t] of rust) {
    const jsTimes = js.map((m) => m.get(label)).filter((x) => x !== undefined);
    if (jsTimes.length && t - Math.min(...jsTimes) >= 1) return { label, rust: t, js: Math.min(...jsTimes) };
  }
  return null;
}

/**
 * The JS lane whose timers the browser clamped most (set from deep in
 * nested timer callbacks), if any: how many, and to what delay.
 * @param {RunResult} result
 */
function clampedTimers(result) {
  const lanes = /** @type {const} */ (['callbacks', 'promises']).map((lane) => {
    const clamped = /** @type {EventOf<'timer_set'>[]} */ (result[lane].events
      .filter((e) => e.kind === 'timer_set' && e.clamped !== undefined));
    return { lane: LANE_NAMES[lane], count: clamped.length, ms: clamped[0]?.clamped ?? 0 };
  });
  const most = lanes.reduce((a, b) => (b.count > a.count ? b : a));
  return most.count ? most : null;
}

/**
 * One sentence on how the lanes differ, from what they recorded.
 * @param {Record<Lane, LaneSummary>} lanes
 * @param {RunResult} result
 */
function difference({ callbacks, promises, futures }, result) {
  const lost = result.futures.events.filter((e) => e.kind === 'lost_waker');
  if (lost.length > 0) {
    const task = /** @type {{task: number}} */ (lost[0]).task;
    let sentence = `Task ${task} is Pending and nothing holds its waker: it will never be polled again`;
    const jsStalled = [result.callbacks, result.promises].every((trace) =>
      trace.events.some((e) => e.kind === 'timer_fired') && !trace.events.some((e) => e.kind === 'log'));
    if (jsStalled) sentence += '; the JS lanes stall the same way: their timers fired, and nothing went on';
    return `${sentence}.`;
  }
  // Some lanes logged and some never did (an aborted task's first steps,
  // which JS runs at the spawn and Rust only at a poll that never came).
  const silent = LANES.filter((lane) => result[lane].events.every((e) => e.kind !== 'log'));
  if (silent.length > 0 && silent.length < LANES.length) {
    const loud = LANES.filter((lane) => !silent.includes(lane));
    const times = [...new Set(loud.map((lane) => ms(/** @type {number} */ ({ callbacks, promises, futures }[lane].lastLog))))];
    const logged = times.length === 1
      ? `${loud.map((lane) => LANE_NAMES[lane]).join(' and ')} logged ${loud.length > 1 ? 'their' : 'its'} last line at ${times[0]}`
      : loud.map((lane) => `${LANE_NAMES[lane]} logged its last line at ${ms(/** @type {number} */ ({ callbacks, promises, futures }[lane].lastLog))}`).join(', ');
    const unpolled = silent.includes('futures') && droppedBeforePolled(result.futures.events);
    const why = unpolled
      ? ': JS runs a spawned task\'s code up to its first wait as soon as it is spawned, but a Rust task does nothing until its '
        + 'executor first runs (polls) it, and the abort dropped it before that'
      : '';
    return `${logged}; ${silent.map((lane) => LANE_NAMES[lane]).join(' and ')} never logged${why}.`;
  }
  /** @param {LaneSummary} lane when it logged its last line (or went idle, if it never logged) */
  const done = (lane) => lane.lastLog ?? lane.idle;
  const rust = done(futures);
  const jsLanes = /** @type {const} */ (['callbacks', 'promises']);
  const times = { callbacks: done(callbacks), promises: done(promises) };
  // By its name on the page: "Rust" alone could be either Rust lane once
  // spawn_local's is shown.
  const rustLane = 'Rust futures lane';
  const spread = Math.max(rust, times.callbacks, times.promises) - Math.min(rust, times.callbacks, times.promises);
  // The JS lanes that did not finish with the Rust lane (one may have).
  const apart = jsLanes.filter((lane) => ms(times[lane]) !== ms(rust));
  if (spread >= 1 && apart.length > 0) {
    const later = laterStart(result);
    const clamped = clampedTimers(result);
    const together = jsLanes.filter((lane) => !apart.includes(lane));
    const others = apart.length === 2 ? 'the JS lanes' : `the ${LANE_NAMES[apart[0]]} lane`;
    const othersAt = apart.length === 2 && ms(times.callbacks) !== ms(times.promises)
      ? `the Callbacks lane at ${ms(times.callbacks)} and the Promises lane at ${ms(times.promises)}`
      : `${others} at ${ms(times[apart[0]])}`;
    const first = together.length === 0 ? `The ${rustLane} logged its last line at ${ms(rust)}`
      : `The Rust futures and ${LANE_NAMES[together[0]]} lanes logged their last line at ${ms(rust)}`;
    // The reasons compare the Rust lane with JS lanes that all finished
    // after it, or all before it; one each side, no reason is given. Where a
    // JS lane finished with Rust, only the browser's clamping (a JS lane's
    // own) tells the lanes apart.
    const after = apart.every((lane) => times[lane] > rust);
    const before = together.length === 0 && apart.every((lane) => times[lane] < rust);
    let why = null;
    if (after && clamped) {
      why = `the browser made ${clamped.count} of the ${clamped.lane} lane's timers wait ${ms(clamped.ms)}, as it does with a short timer `
        + 'set from inside timer callbacks nested more than five deep';
    } else if (before && later) {
      why = `the ${rustLane} set ${later.label} at ${ms(later.rust)}, the JS lanes at ${ms(later.js)}: `
        + 'a Rust async fn or block runs only when its executor polls it (a JS async function starts when it is called)';
    } else if (before) {
      why = `the browser ran the ${rustLane}'s callbacks later (the same timers, set at the same times)`;
    } else if (after && together.length === 0 && futures.timersCancelled > abortCancels(result.futures.events).size) {
      why = `${others} waited for timers the ${rustLane} had already dropped`;
    } else if (after && together.length === 0) {
      why = `the browser ran ${apart.length === 2 ? 'the JS lanes\'' : `${others}'s`} callbacks later (the same timers, set at the same times)`;
    }
    return `${first}, ${othersAt}${why ? `, because ${why}` : ''}.`;
  }
  // Within a millisecond of each other (a Real run's): said as the range
  // the table shows, not as one time.
  const ends = [times.callbacks, times.promises, rust].sort((a, b) => a - b);
  const logged = ms(ends[0]) === ms(ends[2]) ? allLogged(ms(rust), result)
    : `${result.spawnLocal ? 'the Callbacks, Promises and Rust futures lanes' : 'every lane'} logged ${result.spawnLocal ? 'their' : 'its'} `
      + `last line within a millisecond: from ${ms(ends[0])} to ${ms(ends[2])}`;
  const allDone = `${logged[0].toUpperCase()}${logged.slice(1)}`;
  const aborts = abortCancels(result.futures.events).size;
  const losers = futures.timersCancelled - aborts;
  if (losers > 0) {
    return `${allDone}; Rust's select dropped ${losers} losing `
      + `timer${losers > 1 ? 's' : ''}, which still fired in the JS lanes.`;
  }
  if (aborts > 0) {
    /** @param {number} n */
    const some = (n) => (n === 0 ? 'none' : `${n}`);
    return `${allDone}; the abort cancelled ${aborts} pending timer${aborts > 1 ? 's' : ''} in Rust `
      + `(dropped with the task), and clearTimeout cleared ${some(callbacks.timersCancelled)} in the Callbacks lane and `
      + `${some(promises.timersCancelled)} in the Promises lane.`;
  }
  const tasks = result.futures.events.filter((e) => e.kind === 'spawn').length;
  return `${allDone}; ${rustTasksWere(tasks, Boolean(result.spawnLocal))} polled `
    + `${futures.polls} time${futures.polls === 1 ? '' : 's'} for ${futures.wakes} wake${futures.wakes === 1 ? '' : 's'}.`;
}
