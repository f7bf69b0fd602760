// All lanes' events in one replay order: by time; at equal times, lanes in a
// fixed order, and each lane's own order kept.

/** @import { Lane, RunResult, MergedEvent } from '../types.js' */

/** @type {Lane[]} */
export const LANES = ['callbacks', 'promises', 'futures'];
/** @type {Record<Lane, string>} */
export const LANE_NAMES = { callbacks: 'Callbacks', promises: 'Promises', futures: 'Rust futures' };

/**
 * `[{lane, event}]` in time order; lanes in a fixed order at equal times.
 * @param {RunResult} result
 * @returns {MergedEvent[]}
 */
export function merge(result) {
  /** @type {(MergedEvent & {order: number})[]} */
  const all = [];
  LANES.forEach((lane, order) => {
    for (const event of result[lane].events) all.push({ lane, order, event });
  });
  all.sort((a, b) => a.event.t - b.event.t || a.order - b.order || a.event.seq - b.event.seq);
  return all.map(({ lane, event }) => ({ lane, event }));
}
