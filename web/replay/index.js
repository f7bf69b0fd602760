// The replay model: a run folded once, after it ends, into one snapshot per
// position of the replay (all lanes' events merged in time order). A
// snapshot holds everything the views show at that position: each lane's
// latest event and code line, each lane's event loop (or the Rust lane's
// twins), the Rust lane's tasks and state machine, and the sentence for
// What happened. Views read a snapshot; none of them walks the trace.
//
// Folding is one pass: each lane's fold (js-lane.js, rust-lane.js) applies
// its lane's events in order, and a snapshot is taken after each event.
// Folds replace the arrays and objects they change rather than change them,
// so consecutive snapshots share what did not change.
import { formatMs } from '../dom.js';
import { merge, LANE_NAMES } from './merge.js';
import { JsLane } from './js-lane.js';
import { RustLane } from './rust-lane.js';
import { SpawnLocalLane } from './spawn-local-lane.js';
import { whatHappened } from './sentences.js';

/** @import { RunResult, Snapshot, ShownLane, TraceEvent } from '../types.js' */

export { merge };

/**
 * Every position's snapshot, in replay order.
 * @param {RunResult} run
 * @returns {Snapshot[]}
 */
export function buildReplay(run) {
  const callbacks = new JsLane('callbacks');
  const promises = new JsLane('promises');
  const rust = new RustLane();
  // The comparison's lane, when it ran.
  const spawnLocal = run.spawnLocal ? new SpawnLocalLane() : undefined;
  /** @type {Partial<Record<ShownLane, TraceEvent>>} */
  let current = {};
  /** @type {Partial<Record<ShownLane, number>>} */
  let lines = {};
  /** @type {Snapshot[]} */
  const snapshots = [];
  for (const [position, { lane, event }] of merge(run).entries()) {
    const before = snapshots[position - 1];
    const lookback = lane === 'futures' ? rust.apply(event) : { previous: undefined, pollAddr: undefined, selectWon: false };
    if (lane === 'callbacks') callbacks.apply(event);
    if (lane === 'promises') promises.apply(event);
    if (lane === 'spawnLocal') spawnLocal?.apply(event);
    current = { ...current, [lane]: event };
    // The line to highlight in a lane: its latest event that ran code there
    // and names a line (a `state` names where run() waits: the State
    // machine shows that).
    if (event.line && event.kind !== 'state') lines = { ...lines, [lane]: event.line };
    const now = event.t;
    const state = lane === 'futures' || !before ? rust.state() : before.rust;
    const after = {
      rust: state,
      places: {
        callbacks: callbacks.places(now),
        promises: promises.places(now),
        futures: rust.places(state, now),
        ...(spawnLocal ? { spawnLocal: spawnLocal.places(now) } : {}),
      },
    };
    const entry = { lane, event, laneName: LANE_NAMES[lane], time: formatMs(event.t) };
    snapshots.push({
      position,
      entry,
      current,
      lines,
      ...after,
      variant: rust.variant,
      told: whatHappened(entry, { before, after, promises, rust, lookback }),
    });
  }
  return snapshots;
}
