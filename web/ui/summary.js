// Per lane: finish time and counts; and the difference in one sentence.
import { qs, el, formatMs } from '../dom.js';
import { SHOWN_LANES, LANE_NAMES } from '../replay/merge.js';

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
    this.compared = /** @type {HTMLElement} */ (qs('#summary-compare', root));
  }

  /** @param {RunSummary} summary */
  show({ lanes, sentence, rustLanes }) {
    /** @type {[string, LaneSummary][]} */
    const rows = SHOWN_LANES.flatMap((lane) => {
      const figures = lanes[lane];
      return figures ? [[LANE_NAMES[lane], figures]] : [];
    });
    this.rows.replaceChildren(...rows.map(([name, s]) => el(
      'tr', {},
      el('th', { scope: 'row' }, name),
      ...[s.lastLog === null ? 'never' : formatMs(s.lastLog), formatMs(s.idle), timersSet(s), s.timersFired, s.timersCancelled, s.callbacks, s.reactions, s.polls, s.wakes]
        .map((v) => el('td', {}, String(v))),
    )));
    this.sentence.textContent = sentence;
    this.compared.textContent = rustLanes ?? '';
    this.compared.hidden = rustLanes === undefined;
  }
}
