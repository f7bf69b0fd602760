// Where a step of the replay goes: the next event (or the one before), or,
// while the learner follows one lane, that lane's next event. The lanes are
// separate runs; the replay merges their events in time order, so following
// one skips the others' events between its own.
/** @import { Snapshot, ShownLane } from '../types.js' */

/**
 * The position a step from `from` goes to, in `direction`, or null where
 * there is none (the replay's end, or the lane's last event that way).
 * @param {Snapshot[]} replay
 * @param {number} from a position, or -1 (before the first)
 * @param {1 | -1} direction forward or back
 * @param {ShownLane | ''} lane the lane followed; '' for every lane
 * @returns {number | null}
 */
export function stepFrom(replay, from, direction, lane) {
  for (let p = from + direction; p >= 0 && p < replay.length; p += direction) {
    if (lane === '' || replay[p].entry.lane === lane) return p;
  }
  return null;
}
