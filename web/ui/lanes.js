// The three lanes: each lane's code, with the current event's line
// highlighted, and its trace as a list that follows the replay position.
import { qs, el, formatMs } from '../dom.js';
import { LANES } from '../replay.js';

/** @import { Lane, TraceEvent, Code, RunResult } from '../types.js' */

/**
 * @typedef {object} Panel a lane's code and trace
 * @property {Element} code
 * @property {HTMLElement} trace
 * @property {HTMLElement[]} lines the code's lines
 * @property {HTMLElement[]} rows the trace's events
 */

const HIDDEN = new Set(['seq', 't', 'kind', 'line', 'step', 'addr', 'size']);

/** @param {TraceEvent} event */
export function detail(event) {
  return Object.entries(event)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : value}`)
    .join(' ');
}

export class Lanes {
  /** @param {ParentNode} root */
  constructor(root) {
    this.panels = Object.fromEntries(LANES.map((lane) => [lane, /** @type {Panel} */ ({
      code: qs(`#code-${lane}`, root),
      trace: qs(`#trace-${lane}`, root),
      lines: [],
      rows: [],
    })]));
  }

  /** @param {Code} code */
  showCode(code) {
    for (const lane of LANES) {
      const panel = this.panels[lane];
      const text = code[lane].code.replace(/\n$/, '');
      panel.lines = text.split('\n').map((line, i) => el('span', { class: 'line', dataset: { line: i + 1 } }, line, '\n'));
      panel.code.replaceChildren(...panel.lines);
    }
  }

  /** @param {RunResult} result */
  showTraces(result) {
    for (const lane of LANES) {
      const panel = this.panels[lane];
      panel.rows = result[lane].events.map((event) => el(
        'li', { dataset: { kind: event.kind } },
        el('span', { class: 't' }, formatMs(event.t)),
        el('span', { class: 'kind' }, event.kind),
        el('span', { class: 'detail' }, detail(event)),
      ));
      panel.trace.replaceChildren(...panel.rows);
    }
  }

  /**
   * Marks each lane's current event and line; later events are dimmed.
   * @param {Partial<Record<Lane, TraceEvent>>} current
   * @param {Partial<Record<Lane, number>>} lines
   */
  showPosition(current, lines) {
    for (const lane of LANES) {
      const panel = this.panels[lane];
      const seq = current[lane]?.seq ?? -1;
      panel.rows.forEach((row, i) => {
        row.classList.toggle('future', i > seq);
        row.classList.toggle('current', i === seq);
        if (i === seq) row.setAttribute('aria-current', 'step');
        else row.removeAttribute('aria-current');
      });
      const row = panel.rows[seq];
      // Scroll the list (not the page) so the current row is in view.
      if (row) panel.trace.scrollTop = row.offsetTop - panel.trace.clientHeight / 2;
      panel.lines.forEach((line, i) => {
        const on = i + 1 === lines[lane];
        line.classList.toggle('current', on);
        if (on) line.setAttribute('aria-current', 'true');
        else line.removeAttribute('aria-current');
      });
    }
  }
}
