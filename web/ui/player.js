// Play: the replay steps forward by itself, at the speed chosen, until its
// last event; Play again from the end starts over. The page and the embed
// each have one, over their own replay. With a lane followed (Step
// through), it plays that lane's events.
import { stepFrom } from '../replay/steps.js';

/** @import { ReplayControls } from './replay-controls.js' */
/** @import { Snapshot } from '../types.js' */

export class Player {
  /**
   * @param {ReplayControls} controls Play / Pause, the speed, and the lane followed
   * @param {{position: () => number, replay: () => Snapshot[], seek: (position: number) => void}} replay
   */
  constructor(controls, replay) {
    this.controls = controls;
    this.replay = replay;
    /** @type {ReturnType<typeof setInterval> | undefined} while playing */
    this.timer = undefined;
  }

  toggle() {
    if (this.timer !== undefined) {
      this.stop();
      return;
    }
    const { position, replay, seek } = this.replay;
    // As Step forward goes: to the next event, or the followed lane's.
    const next = () => stepFrom(replay(), position(), 1, this.controls.lane());
    // At the end, from the start again (the followed lane's first event).
    if (next() === null) seek(stepFrom(replay(), -1, 1, this.controls.lane()) ?? 0);
    this.timer = setInterval(() => {
      const to = next();
      if (to === null) this.stop();
      else seek(to);
    }, 500 / this.controls.speedFactor());
    this.controls.showPlaying(true);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.controls.showPlaying(false);
  }
}
