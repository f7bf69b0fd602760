// "In this run": the figures of the run just made, said under the example's
// explanation. The explanation says what is true of every run of the
// program (it is written once, with no numbers); these sentences give this
// run's numbers, each read from the traces, so they follow any timings.

import { LANES, LANE_NAMES } from './merge.js';

/** @import { Lane, RunResult, TraceEvent, EventOf } from '../types.js' */

/** @param {number} t */
const ms = (t) => `${+t.toFixed(1)} ms`;

/** @param {string[]} items `a`, `a and b`, `a, b and c` */
const list = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** @param {number} n `once`, `twice`, `3 times` */
const times = (n) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/**
 * When each lane logged its last line, lanes with the same time together.
 * @param {RunResult} result
 */
function lastLogs(result) {
  /** @type {Map<string, Lane[]>} */
  const byTime = new Map();
  /** @type {Lane[]} */
  const silent = [];
  for (const lane of LANES) {
    const last = result[lane].events.findLast((e) => e.kind === 'log');
    if (!last) silent.push(lane);
    else byTime.set(ms(last.t), [...(byTime.get(ms(last.t)) ?? []), lane]);
  }
  const groups = [...byTime];
  const names = (/** @type {Lane[]} */ lanes) => list(lanes.map((l) => LANE_NAMES[l]));
  const said = [];
  if (groups.length === 0) return 'no lane logged';
  if (groups.length === 1 && silent.length === 0) said.push(`every lane logged its last line at ${groups[0][0]}`);
  else if (groups.length) {
    const [[time, lanes], ...rest] = groups;
    said.push([`${names(lanes)} logged ${lanes.length === 1 ? 'its' : 'their'} last line at ${time}`,
      ...rest.map(([t, l]) => `${names(l)} at ${t}`)].join(', '));
  }
  if (silent.length) said.push(`${names(silent)} never logged`);
  return said.join('; ');
}

/**
 * The Rust lane's polls and wakes.
 * @param {TraceEvent[]} events
 */
function pollsAndWakes(events) {
  const tasks = events.filter((e) => e.kind === 'spawn').length;
  const polls = events.filter((e) => e.kind === 'poll_start').length;
  const wakes = events.filter((e) => e.kind === 'wake' && e.outcome !== 'ignored').length;
  const who = tasks === 1 ? 'the Rust task was' : `the ${tasks} Rust tasks were`;
  return `${who} polled ${times(polls)} and ${wakes ? `woken ${times(wakes)}` : 'never woken'}`;
}

/**
 * Timers the Rust lane cancelled, and when the JS lanes' same timers fired.
 * @param {RunResult} result
 */
function cancelled(result) {
  const labels = result.futures.events.filter((e) => e.kind === 'timer_cancel').map((e) => e.label ?? `timer ${e.timer}`);
  if (!labels.length) return null;
  const fired = /** @type {EventOf<'timer_fired'>[]} */ (result.promises.events
    .filter((e) => e.kind === 'timer_fired' && labels.includes(e.label ?? '')))
    .map((e) => `${e.label} at ${ms(e.t)}`);
  const js = fired.length ? `; in the JS lanes ${labels.length === 1 ? 'it' : 'they'} still fired, with nothing waiting: ${list(fired)}` : '';
  return `Rust cancelled ${list(labels)} when ${labels.length === 1 ? "its sleep was" : "their sleeps were"} dropped${js}`;
}

/**
 * Rust timers whose deadline had passed when they were set: a sleep fixes
 * its deadline when it is made, and registers its timer when first polled.
 * @param {RunResult} result
 */
function setAfterDeadline(result) {
  const set = /** @type {EventOf<'timer_set'>[]} */ (result.futures.events.filter((e) => e.kind === 'timer_set' && e.deadline !== undefined && e.deadline < e.t));
  return set.map((e) => e.timer);
}

/**
 * Timers that fired at least 1 ms late in the Rust lane because something
 * kept the thread busy past their deadline (a block, a hidden tab), and
 * those first polled after their deadline.
 * @param {RunResult} result
 * @returns {string[]}
 */
function late(result) {
  const early = setAfterDeadline(result);
  const label = (/** @type {{label?: string, timer: number}} */ e) => e.label ?? `timer ${e.timer}`;
  const fired = /** @type {EventOf<'timer_fired'>[]} */ (result.futures.events.filter((e) => e.kind === 'timer_fired' && (e.late ?? 0) >= 1 && !early.includes(e.timer)));
  const said = [];
  if (fired.length) said.push(`in the Rust lane ${list(fired.map((e) => `${label(e)} fired ${ms(e.late ?? 0)} late`))}`);
  const polledLate = /** @type {EventOf<'timer_set'>[]} */ (result.futures.events.filter((e) => e.kind === 'timer_set' && early.includes(e.timer)));
  if (polledLate.length) {
    const one = polledLate.length === 1;
    said.push(`in the Rust lane the deadline of ${list(polledLate.map(label))}, fixed when ${one ? 'its sleep was' : 'their sleeps were'} made, `
      + `had passed when ${one ? 'it was' : 'they were'} first polled, so ${one ? 'its timer' : 'their timers'} fired at once`);
  }
  return said;
}

/**
 * The run's figures in one or two sentences: "In this run, …".
 * @param {RunResult} result
 * @returns {string}
 */
export function inThisRun(result) {
  const first = `In this run, ${lastLogs(result)}; ${pollsAndWakes(result.futures.events)}.`;
  const more = [cancelled(result), ...late(result)].filter((x) => x !== null).map((x) => `${x[0].toUpperCase()}${x.slice(1)}.`);
  return [first, ...more].join(' ');
}
