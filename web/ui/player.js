// Play: the replay steps forward by itself, at the speed chosen, until its
// last event; Play again from the end starts over. The page and the embed
// each have one, over their own replay.
/** @import { ReplayControls } from './replay-controls.js' */

export class Player {
  /**
   * @param {ReplayControls} controls Play / Pause, and the speed
   * @param {{position: () => number, count: () => number, seek: (position: number) => void}} replay
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
    const { position, count, seek } = this.replay;
    if (position() >= count() - 1) seek(0);
    this.timer = setInterval(() => {
      if (position() >= count() - 1) this.stop();
      else seek(position() + 1);
    }, 500 / this.controls.speedFactor());
    this.controls.showPlaying(true);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    this.controls.showPlaying(false);
  }
}
