// What happened: one sentence for the replay's current step (the replay model
// words it), in a live region, edged in the colour of the step's lane, and
// (on a phone, where the position line is left out) headed by its name.
import { qs } from '../dom.js';
import { LANE_NAMES } from '../replay/merge.js';

/** @import { ShownLane } from '../types.js' */

export class WhatHappened {
  /** @param {ParentNode} root */
  constructor(root) {
    /** @type {HTMLElement} */
    this.box = qs('#what-happened-box', root);
    /** @type {HTMLElement} */
    this.sentence = qs('#what-happened', root);
    /** @type {HTMLElement} */
    this.lane = qs('#what-happened-lane', root);
    /** @type {HTMLElement} said while the program has changed since the run shown */
    this.stale = qs('#what-happened-stale', root);
  }

  /** Whether the sentence is of a run of another program than the one
   * shown (edited since): its line numbers are the old code's.
   * @param {boolean} stale */
  showStale(stale) {
    this.stale.hidden = !stale;
  }

  /**
   * @param {string} text
   * @param {ShownLane | undefined} lane
   */
  show(text, lane) {
    this.sentence.textContent = text;
    this.lane.textContent = lane ? LANE_NAMES[lane] : '';
    if (lane) this.box.dataset.lane = lane;
    else delete this.box.dataset.lane;
  }
}
