// How the sentences of What happened and the Summary name timers, lines,
// lanes and tasks.

import { formatMs } from '../dom.js';
import { LANES, LANE_NAMES } from './merge.js';

/** @import { RunResult } from '../types.js' */

/** A timer's label as a name: "Timer 1" as it is, "Kettle" as `the “Kettle” timer`.
 * @param {string} label */
export const named = (label) => (/^timer\b/i.test(label) ? label : `the “${label}” timer`);

/** A timer's label, or `timer 3` where it has none (a timer no sleep named).
 * @param {{timer?: number, label?: string}} e */
export const timerLabel = (e) => e.label ?? `timer ${e.timer}`;

/** A timer's name, from its label (else its number).
 * @param {{timer?: number, label?: string}} e */
export const timerName = (e) => (e.label === undefined ? timerLabel(e) : named(e.label));

/** `1 task`, `2 tasks`, `2 batches`. @param {number} n @param {string} noun */
export const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : /(ch|sh|s|x)$/.test(noun) ? 'es' : 's'}`;

/** An address as the trace's readers write it: `0x1a2b`. @param {number} addr */
export const hex = (addr) => `0x${addr.toString(16)}`;

/** `A`, `A and B`, `A, B and C`. @param {string[]} items */
export const and = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** ` on line 4`, or nothing without a line.
 * @param {number | undefined} line */
export const onLine = (line) => (line ? ` on line ${line}` : '');

/** The three lanes logged their last line at `time`: "every lane", or,
 * where the spawn_local lane ran beside them, "all four" if it did too, else
 * the three by name.
 * @param {string} time `350 ms`, as printed
 * @param {RunResult} result */
export const allLogged = (time, result) => {
  if (!result.spawnLocal) return `every lane logged its last line at ${time}`;
  const last = result.spawnLocal.events.findLast((e) => e.kind === 'log')?.t;
  if (last !== undefined && formatMs(last) === time) return `all four lanes logged their last line at ${time}`;
  return `the ${and(LANES.map((lane) => LANE_NAMES[lane]))} lanes logged their last line at ${time}`;
};

/** What ended our executor's slice of a browser task, as its `yield`
 * records it (`limit`).
 * @param {string} limit `polls` or `time` */
export const sliceName = (limit) => (limit === 'polls' ? 'budget of polls' : 'time slice');

/** `the Rust task was`, `the 2 Rust tasks were`; where the spawn_local lane
 * ran too, on which executor.
 * @param {number} tasks @param {boolean} compared */
export const rustTasksWere = (tasks, compared) => {
  const on = compared ? " on the page's executor" : '';
  return tasks === 1 ? `the Rust task${on} was` : `the ${tasks} Rust tasks${on} were`;
};
