// All lanes' events in one replay order: by time; at equal times, lanes in a
// fixed order, and each lane's own order kept.

/** @import { Lane, ShownLane, RunResult, MergedEvent, Trace } from '../types.js' */
import { TRACE_VERSION } from '../lanes/recorder.js';

/** @type {Lane[]} */
export const LANES = ['callbacks', 'promises', 'futures'];
/** @type {ShownLane[]} the three, then the spawn_local lane, shown when a run compares */
export const SHOWN_LANES = [...LANES, 'spawnLocal'];
/** @type {Record<ShownLane, string>} */
export const LANE_NAMES = { callbacks: 'Callbacks', promises: 'Promises', futures: 'Rust futures', spawnLocal: 'Rust on spawn_local' };

/**
 * The lanes of a run: the three, and the spawn_local lane if it ran.
 * @param {RunResult} result
 * @returns {ShownLane[]}
 */
export const lanesOf = (result) => (result.spawnLocal ? SHOWN_LANES : LANES);

/**
 * A lane's trace in a run.
 * @param {RunResult} result
 * @param {ShownLane} lane
 * @returns {Trace}
 */
export const traceOf = (result, lane) => (lane === 'spawnLocal'
  ? result.spawnLocal ?? { version: TRACE_VERSION, lane: 'spawn_local', clock: result.futures.clock, events: [] }
  : result[lane]);

/**
 * `[{lane, event}]` in time order; lanes in a fixed order at equal times.
 * @param {RunResult} result
 * @returns {MergedEvent[]}
 */
export function merge(result) {
  /** @type {(MergedEvent & {order: number})[]} */
  const all = [];
  lanesOf(result).forEach((lane, order) => {
    for (const event of traceOf(result, lane).events) all.push({ lane, order, event });
  });
  all.sort((a, b) => a.event.t - b.event.t || a.order - b.order || a.event.seq - b.event.seq);
  return all.map(({ lane, event }) => ({ lane, event }));
}
