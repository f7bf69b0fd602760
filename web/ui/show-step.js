// A replay position in the views the page and the embed both have: each
// lane's row and code line, the timeline's cursor, the state machine's
// variant, the event loops, the position and What happened; and what moves
// the replay in those views.
import { stepFrom } from '../replay/steps.js';

/** @import { Snapshot, ShownLane } from '../types.js' */
/** @import { Lanes } from './lanes.js' */
/** @import { Timeline } from './timeline.js' */
/** @import { StateMachineView } from './state-machine.js' */
/** @import { Machinery } from './machinery.js' */
/** @import { ReplayControls } from './replay-controls.js' */
/** @import { WhatHappened } from './what-happened.js' */

/**
 * @param {{lanes: Lanes, timeline: Timeline, stateMachine?: StateMachineView, machinery: Machinery,
 *   replay: ReplayControls, whatHappened: WhatHappened}} views
 * @param {Snapshot[]} replay
 * @param {number} position
 */
export function showStep(views, replay, position) {
  const at = replay[position];
  views.lanes.showPosition(at.current, at.lines);
  views.timeline.showCursor(at.entry);
  views.stateMachine?.showCurrent(at.variant);
  views.machinery.show(at.places);
  views.replay.showPosition(replay, position);
  views.whatHappened.show(at.told.text, at.entry.lane);
}

/**
 * Whether the code panels show another program than the run's (edited
 * since): no line of theirs is marked, and What happened says its line
 * numbers are the old code's, until Run. The page and the embed alike.
 * @param {{lanes: Lanes, whatHappened: WhatHappened}} views
 * @param {boolean} stale
 */
export function showStale(views, stale) {
  views.lanes.showStale(stale);
  views.whatHappened.showStale(stale);
}

/**
 * Binds the replay to the views that move it, on both pages: a click on a
 * trace row or a timeline mark goes to that event; the controls step (to
 * the next event, or the followed lane's: `stepFrom`), go to the first or
 * last event (Home, End), play and scrub.
 * @param {{lanes: Lanes, timeline: Timeline, replay: ReplayControls}} views
 * @param {{positionOf: (event: string) => number | undefined, position: () => number,
 *   seek: (position: number) => void, toggle: () => void, replay: () => Snapshot[]}} replay
 *   `positionOf` takes an event as `lane:seq`
 */
export function bindReplay(views, { positionOf, position, seek, toggle, replay }) {
  const seekEvent = (/** @type {ShownLane} */ lane, /** @type {number} */ seq) => {
    const at = positionOf(`${lane}:${seq}`);
    if (at !== undefined) seek(at);
  };
  views.lanes.bindSeek(seekEvent);
  views.timeline.bindSeek(seekEvent);
  /** @param {1 | -1} direction */
  const step = (direction) => {
    const to = stepFrom(replay(), position(), direction, views.replay.lane());
    if (to !== null) seek(to);
  };
  // A lane followed from now on: the steps available change, not the position.
  const follow = () => {
    if (replay().length > 0) views.replay.showPosition(replay(), position());
  };
  /** The first event (-1 from before the start) or the last (1), of the lane followed if one is.
   * @param {1 | -1} direction */
  const edge = (direction) => {
    const to = stepFrom(replay(), direction > 0 ? replay().length : -1, /** @type {1 | -1} */ (-direction), views.replay.lane());
    if (to !== null) seek(to);
  };
  views.replay.bind({ back: () => step(-1), forward: () => step(1), first: () => edge(-1), last: () => edge(1), toggle, seek, follow });
}
