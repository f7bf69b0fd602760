// Per lane: finish time and counts; and the difference in one sentence.
import { qs, el, formatMs } from '../dom.js';
import { LANES, LANE_NAMES } from '../replay/merge.js';

/** @import { RunSummary, LaneSummary } from '../types.js' */

/** Timers set; and Rust sleeps that needed none (already past their deadline).
 * @param {LaneSummary} s */
const timersSet = (s) => (s.timersElapsed
  ? `${s.timersSet} (and ${s.timersElapsed} ${s.timersElapsed === 1
    ? 'sleep that needed no timer: its deadline had passed by its first poll'
    : 'sleeps that needed no timer: their deadlines had passed by their first polls'})`
  : s.timersSet);

export class Summary {
  /** @param {ParentNode} root */
  constructor(root) {
    this.rows = qs('#summary-rows', root);
    this.sentence = qs('#summary-sentence', root);
  }

  /** @param {RunSummary} summary */
  show({ lanes, sentence }) {
    this.rows.replaceChildren(...LANES.map((lane) => {
      const s = lanes[lane];
      return el(
        'tr', {},
        el('th', { scope: 'row' }, LANE_NAMES[lane]),
        ...[s.lastLog === null ? 'never' : formatMs(s.lastLog), formatMs(s.idle), timersSet(s), s.timersFired, s.timersCancelled, s.callbacks, s.reactions, s.polls, s.wakes]
          .map((v) => el('td', {}, String(v))),
      );
    }));
    this.sentence.textContent = sentence;
  }
}
