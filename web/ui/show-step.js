// A replay position in the views the page and the embed both have: each
// lane's row and code line, the timeline's cursor, the state machine's
// variant, the event loops, the position and What happened.
/** @import { Snapshot } from '../types.js' */
/** @import { Lanes } from './lanes.js' */
/** @import { Timeline } from './timeline.js' */
/** @import { StateMachineView } from './state-machine.js' */
/** @import { Machinery } from './machinery.js' */
/** @import { ReplayControls } from './replay-controls.js' */
/** @import { WhatHappened } from './what-happened.js' */

/**
 * @param {{lanes: Lanes, timeline: Timeline, stateMachine: StateMachineView, machinery: Machinery,
 *   replay: ReplayControls, whatHappened: WhatHappened}} views
 * @param {Snapshot} at
 * @param {number} count the replay's positions
 */
export function showStep(views, at, count) {
  views.lanes.showPosition(at.current, at.lines);
  views.timeline.showCursor(at.entry.event.t);
  views.stateMachine.showCurrent(at.variant);
  views.machinery.show(at.places);
  views.replay.showPosition(at.position, count, at.entry);
  views.whatHappened.show(at.told.text, at.entry.lane);
}
