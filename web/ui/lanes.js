// The three lanes, and the spawn_local lane when the comparison ran: each lane's code, with the current event's line
// highlighted (and scrolled into the panel's view), and its trace as a list
// that follows the replay position; a click on a row, or Enter on it (the
// arrow keys move between rows: the list is one tab stop), moves the replay
// to its event.
// The code is plain text until the editor has loaded (`useEditor`), then
// CodeMirror: the Rust panel an editor named "Rust code", the others
// read-only.
import { qs, el, formatMs } from '../dom.js';
import { LANES, SHOWN_LANES, LANE_NAMES, traceOf } from '../replay/merge.js';
import { meaningOf } from './trace-words.js';
import { spawnLocalCode } from '../lanes/spawn-local.js';

/** @import { Lane, ShownLane, TraceEvent, Code, RunResult, CodeView, EditorModule, Problem } from '../types.js' */

/**
 * @typedef {object} Panel a lane's code and trace
 * @property {CodeView} code
 * @property {HTMLElement} trace
 * @property {HTMLElement[]} rows the trace's events
 * @property {number} [shown] the row marked current (-1: none yet); unset while no row is marked
 * @property {number} [line] the code line marked current (unset: none)
 */

/**
 * A code panel as plain text: the `<code>` element, one span per line.
 * @param {Element} code
 * @returns {CodeView}
 */
function plainCode(code) {
  /** @type {HTMLElement[]} */
  let lines = [];
  let text = '';
  /** @type {HTMLElement | undefined} the line marked current */
  let marked;
  return {
    text: () => text,
    setText(next) {
      if (next === text && lines.length > 0) return;
      text = next;
      // Line by line as the editor shows them (an empty one after a last newline).
      lines = next.split('\n').map((line, i) => el('span', { class: 'line', dataset: { line: i + 1 } }, line, '\n'));
      marked = undefined;
      code.replaceChildren(...lines);
    },
    setReadOnly() {},
    showLine(line) {
      // Only the line marked before and the one marked now change.
      const next = line === undefined ? undefined : lines[line - 1];
      if (next === marked) return;
      marked?.classList.remove('current');
      marked?.removeAttribute('aria-current');
      next?.classList.add('current');
      next?.setAttribute('aria-current', 'true');
      marked = next;
      // Into the panel's view (the panel scrolls, not the page).
      const pre = /** @type {HTMLElement} */ (code.parentElement);
      if (next && (next.offsetTop < pre.scrollTop || next.offsetTop + next.offsetHeight > pre.scrollTop + pre.clientHeight)) {
        pre.scrollTop = next.offsetTop - pre.clientHeight / 2;
      }
    },
    showProblem() {},
    focus: () => /** @type {HTMLElement} */ (code.parentElement).focus(),
  };
}

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
    this.root = root;
    this.panels = Object.fromEntries(SHOWN_LANES.map((lane) => [lane, /** @type {Panel} */ ({
      code: plainCode(qs(`#code-${lane}`, root)),
      trace: qs(`#trace-${lane}`, root),
      rows: [],
    })]));
    this.rustReadOnly = false;
    this.editor = false;
    /** The code shown is not the run's program (see `showStale`). */
    this.stale = false;
    /** @type {number | undefined} a frame that centres rows again, after a jump */
    this.centring = undefined;
    /** @type {Set<ShownLane>} the lists whose current row changed since the last frame */
    this.toCentre = new Set();
    /** @type {number | undefined} the frame that centres them */
    this.centringNext = undefined;
  }

  /**
   * Whether the code shown is another program than the run's (edited
   * since): then the replay's lines are not its lines, and none is marked
   * until Run (the steps still move the traces).
   * @param {boolean} stale
   */
  showStale(stale) {
    if (stale === this.stale) return;
    this.stale = stale;
    for (const lane of SHOWN_LANES) {
      const panel = this.panels[lane];
      panel.code.showLine(stale ? undefined : panel.line);
    }
  }

  /** @param {Code} code */
  showCode(code) {
    // As written, to the last newline: the Rust one is the program's text.
    for (const lane of LANES) {
      const panel = this.panels[lane];
      // Another text: the line marked was of the last one (the next step marks its own).
      if (panel.code.text() !== code[lane].code) panel.line = undefined;
      panel.code.setText(code[lane].code);
    }
    // The same program: the Rust panel with its `use runtime::` lines changed.
    this.panels.spawnLocal.code.setText(spawnLocalCode(code.futures.code));
  }

  /** Shows a text in the Rust panel, the others unchanged (a text being
   * fixed, brought back). @param {string} text */
  showRustText(text) {
    if (this.panels.futures.code.text() !== text) this.panels.futures.line = undefined;
    this.panels.futures.code.setText(text);
  }

  /** The Rust panel's text, as shown (and, once it is an editor, as edited). */
  rustText() {
    return this.panels.futures.code.text();
  }

  /**
   * The Rust panel can be edited, or not (a preset whose program is its own
   * `async fn`, not the subset the editor reads).
   * @param {boolean} on
   */
  showRustReadOnly(on) {
    this.rustReadOnly = on;
    this.panels.futures.code.setReadOnly(on);
    /** @type {HTMLElement} */ (qs('#rust-read-only', this.root)).hidden = !on;
    this.showEditable();
  }

  /** "Edit this code" under the Rust panel while it is an editor that takes edits. */
  showEditable() {
    /** @type {HTMLElement} */ (qs('#rust-editable', this.root)).hidden = !this.editor || this.rustReadOnly;
  }

  /**
   * Says that the code editor (or the reader of Rust code it needs) could
   * not be loaded: the panels stay plain text, and the examples still run.
   * @param {string} why the load's error
   */
  showEditorFailed(why) {
    const note = /** @type {HTMLElement} */ (qs('#editor-failed', this.root));
    note.textContent = 'The code editor did not download, so you can\'t change the Rust code for now. The '
      + `built-in examples still run. Check your connection, then reload the page. (Browser said: ${why.slice(0, 60)})`;
    note.hidden = false;
  }

  /**
   * Shows only `lanes`' sections (the embed may show fewer than three; the
   * spawn_local lane's is shown by `showTraces`, when a run compared).
   * @param {ShownLane[]} lanes
   */
  showLanes(lanes) {
    for (const lane of LANES) {
      /** @type {HTMLElement} */ (qs(`section[data-lane="${lane}"]`, this.root)).hidden = !lanes.includes(lane);
    }
  }

  /** Moves the focus to the Rust panel (the skip link's target). */
  focusRust() {
    this.panels.futures.code.focus();
  }

  /**
   * A click on a trace row, or Enter on it, asks for its event.
   * @param {(lane: ShownLane, seq: number) => void} handler
   */
  bindSeek(handler) {
    for (const lane of SHOWN_LANES) {
      const { trace } = this.panels[lane];
      /** @param {EventTarget | null} target */
      const rowOf = (target) => /** @type {HTMLElement | null} */ (/** @type {Element} */ (target).closest?.('li[data-seq]'));
      trace.addEventListener('click', (e) => {
        const row = rowOf(e.target);
        if (row) handler(lane, Number(row.dataset.seq));
      });
      trace.addEventListener('keydown', (e) => {
        const row = rowOf(e.target);
        if (!row) return;
        const { rows } = this.panels[lane];
        const i = Number(row.dataset.seq);
        const to = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 }[e.key];
        if (e.key === 'Enter' || e.key === ' ') handler(lane, i);
        else if (to !== undefined && rows[to]) this.focusRow(lane, to);
        else return;
        e.preventDefault();
      });
    }
    // The page's skip link (the embed has none).
    this.root.querySelector('#skip-to-code')?.addEventListener('click', (e) => {
      e.preventDefault();
      this.focusRust();
    });
  }

  /** The one row of `lane`'s trace in the tab order, focused.
   * @param {ShownLane} lane @param {number} seq
   * @param {boolean} [scroll] scroll it into view (else the lists' centring does) */
  focusRow(lane, seq, scroll = true) {
    const { rows } = this.panels[lane];
    for (const row of rows) if (row.tabIndex === 0) row.tabIndex = -1;
    rows[seq].tabIndex = 0;
    rows[seq].focus({ preventScroll: !scroll });
  }

  /**
   * Underlines where the Rust panel's text is not accepted (null: nowhere).
   * @param {Problem | null} problem
   */
  showProblem(problem) {
    this.panels.futures.code.showProblem(problem);
    // In words under the panel too: the underline's tooltip needs a hover.
    const note = qs('#rust-problem', this.root);
    note.textContent = problem ? `Can't run: ${problem.message}` : '';
    /** @type {HTMLElement} */ (note).hidden = !problem;
  }

  /**
   * Swaps the plain panels for editors, with the same text.
   * @param {EditorModule} editor
   * @param {{edit: (text: string) => void, blur: () => void}} handlers what the user does in the Rust editor
   */
  useEditor(editor, { edit, blur }) {
    for (const lane of LANES) {
      const panel = this.panels[lane];
      // The `<pre>` around the `<code>` goes: the editor takes its place.
      const pre = /** @type {Element} */ (qs(`#code-${lane}`, this.root).parentElement);
      pre.id = `code-${lane}`;
      const rust = lane === 'futures';
      panel.code = editor.createCodeView(pre, {
        text: panel.code.text(),
        label: rust ? 'Rust code' : `${LANE_NAMES[lane]} code`,
        readOnly: rust ? this.rustReadOnly : true,
        rust,
        onEdit: rust ? edit : undefined,
        onBlur: rust ? blur : undefined,
      });
      // The step shown keeps its line marked (a link to a moment, or steps
      // taken before the editor came).
      panel.code.showLine(this.stale ? undefined : panel.line);
    }
    this.editor = true;
    this.showEditable();
  }

  /**
   * Each lane's trace; the spawn_local lane's section is shown when the
   * comparison ran, or said why it could not run the program.
   * @param {RunResult} result
   */
  showTraces(result) {
    const compared = result.spawnLocal !== undefined || result.spawnLocalRefused !== undefined;
    /** @type {HTMLElement} */ (qs('section[data-lane="spawnLocal"]', this.root)).hidden = !compared;
    const refused = /** @type {HTMLElement} */ (qs('#spawn-local-refused', this.root));
    refused.textContent = result.spawnLocalRefused ?? '';
    refused.hidden = result.spawnLocalRefused === undefined;
    for (const lane of SHOWN_LANES) {
      const panel = this.panels[lane];
      // One tab stop per list (the first row), arrows between rows.
      panel.rows = traceOf(result, lane).events.map((event, i) => el(
        'li', { dataset: { kind: event.kind, seq: event.seq }, tabindex: i === 0 ? 0 : -1 },
        el('span', { class: 't' }, formatMs(event.t)),
        el('span', { class: 'kind', title: meaningOf(event.kind) }, event.kind),
        el('span', { class: 'detail' }, detail(event)),
      ));
      panel.trace.replaceChildren(...panel.rows);
      panel.shown = undefined;
    }
  }

  /**
   * Marks each lane's current event and line; later events are dimmed.
   * @param {Partial<Record<ShownLane, TraceEvent>>} current
   * @param {Partial<Record<ShownLane, number>>} lines
   */
  showPosition(current, lines) {
    /** @type {Partial<Record<ShownLane, boolean>>} the lanes whose current row changed */
    const moved = {};
    for (const lane of SHOWN_LANES) {
      const panel = this.panels[lane];
      const seq = current[lane]?.seq ?? -1;
      // Only the rows between the last position and this one change: a step
      // touches a few rows, not every row of a long trace.
      const was = panel.shown ?? -1;
      moved[lane] = panel.shown !== seq;
      const from = panel.shown === undefined ? 0 : Math.min(was, seq);
      const to = panel.shown === undefined ? panel.rows.length - 1 : Math.max(was, seq);
      for (let i = Math.max(0, from); i <= to && i < panel.rows.length; i += 1) {
        const row = panel.rows[i];
        row.classList.toggle('future', i > seq);
        row.classList.toggle('current', i === seq);
        if (i === seq) row.setAttribute('aria-current', 'step');
        else row.removeAttribute('aria-current');
      }
      panel.shown = seq;
      // A row focused in this list (clicked, or moved to with ↑ ↓) follows
      // the replay as ← and → step it: ↑, ↓ and Enter go on from there.
      if (moved[lane] && seq >= 0 && panel.rows[seq] && panel.trace.contains(document.activeElement)) this.focusRow(lane, seq, false);
      panel.line = lines[lane];
      panel.code.showLine(this.stale ? undefined : lines[lane]);
    }
    // Scroll each list whose row changed (not the page) so its current row
    // is in view; a list that did not move is not scrolled (a scroll
    // repaints it). In the next frame, when every view has shown this step:
    // read now, the rows' positions would make the browser lay the page out
    // before the other views write theirs, and again for the frame.
    for (const lane of SHOWN_LANES) if (moved[lane]) this.toCentre.add(lane);
    if (this.toCentre.size === 0) return;
    this.centringNext ??= requestAnimationFrame(() => {
      this.centringNext = undefined;
      const lanes = [...this.toCentre];
      this.toCentre.clear();
      // Since then, a new run may have left none of those lists: nothing
      // to centre, and another centring (the tour's) is not cut short.
      if (lanes.length > 0) this.centreRows(lanes, 4);
    });
  }

  /**
   * Scrolls `lanes`' lists so each current row is in the middle: all
   * positions read first, then all scrolls written, so layout runs once. Rows far
   * from view are laid out at an estimated height until shown (the rows'
   * content-visibility), so after a jump the row is not quite where the
   * estimate put it: once the rows around it are laid out (a frame or two
   * later), it is centred again, in each of the next `tries - 1` frames.
   * @param {ShownLane[]} lanes
   * @param {number} tries
   */
  centreRows(lanes, tries) {
    const tops = lanes.map((lane) => {
      const { rows, shown, trace } = this.panels[lane];
      const row = rows[shown ?? -1];
      return row ? Math.round(row.offsetTop - trace.clientHeight / 2 + row.offsetHeight / 2) : null;
    });
    lanes.forEach((lane, i) => {
      const top = tops[i];
      const { trace } = this.panels[lane];
      // A scroll repaints the list: only where the row is not there yet.
      if (top !== null && Math.abs(trace.scrollTop - Math.max(0, Math.min(top, trace.scrollHeight - trace.clientHeight))) > 1) {
        trace.scrollTop = top;
      }
    });
    cancelAnimationFrame(this.centring ?? 0);
    if (tries > 1) this.centring = requestAnimationFrame(() => this.centreRows(lanes, tries - 1));
  }
}
