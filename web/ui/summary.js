// Per lane: finish time and counts; and the difference in one sentence.
// Two tables of the same cells: a row per lane, and on a phone, where that
// one is too wide for the screen, a row per figure.
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
    // The figures' names, as the wide table's head gives them (with their
    // explanations), for the narrow table's rows.
    this.figureNames = [...qs('.summary-wide thead tr', root).children].slice(1);
    this.narrowLanes = qs('#summary-narrow-lanes', root);
    this.narrowRows = qs('#summary-narrow-rows', root);
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
    const figures = rows.map(([, s]) => [s.lastLog === null ? 'never' : formatMs(s.lastLog), formatMs(s.idle), timersSet(s),
      s.timersFired, s.timersCancelled, s.callbacks, s.reactions, s.polls, s.wakes].map(String));
    this.rows.replaceChildren(...rows.map(([name], i) => el(
      'tr', {},
      el('th', { scope: 'row' }, name),
      ...figures[i].map((v) => el('td', {}, v)),
    )));
    // A phone shows this one instead (the page's stylesheet): the same cells, turned.
    // An empty corner: the column under it holds the figures' names, not lanes.
    this.narrowLanes.replaceChildren(el('td'), ...rows.map(([name]) => el('th', { scope: 'col' }, name)));
    this.narrowRows.replaceChildren(...this.figureNames.map((head, f) => el(
      'tr', {},
      el('th', { scope: 'row' }, ...[...head.childNodes].map((n) => n.cloneNode(true))),
      ...figures.map((lane) => el('td', {}, lane[f])),
    )));
    this.sentence.textContent = sentence;
    this.compared.textContent = rustLanes ?? '';
    this.compared.hidden = rustLanes === undefined;
  }
}
