// One time axis, a row per lane: timers as bars from set to fired (cancelled
// ones dashed; a Rust sleep's from when it was made, which fixed its
// deadline, and one already past its deadline at its first poll as a bar to
// its deadline and a thin line to that poll), polls and callbacks as slices, wakes as arrows into the poll
// they cause, logs as diamonds. Every mark can be hovered or focused, and a
// click or Enter on one moves the replay to its event. The timeline is one
// tab stop: the arrow keys move between its marks, in time order (a roving
// tabindex).
/** @import { ShownLane } from '../types.js' */
import { qs, svg, formatMs } from '../dom.js';
import { LANES, LANE_NAMES, traceOf } from '../replay/merge.js';
import { timelinePicture } from './timeline-picture.js';
import { and, timerLabel } from '../replay/names.js';

/** @import { TraceEvent, EventOf, RunResult } from '../types.js' */
/** @typedef {EventOf<'timer_set'>} TimerSetEvent */
/** @typedef {EventOf<'timer_fired'>} TimerFiredEvent */
/** @typedef {EventOf<'timer_cancel'>} TimerCancelEvent */
/** @typedef {EventOf<'timer_elapsed'>} TimerElapsedEvent */
/** @typedef {EventOf<'wake'>} WakeEvent */
/** @typedef {EventOf<'log'>} LogEvent */

/** @typedef {(t: number) => number} Scale a time (ms) to an x coordinate */
/**
 * @typedef {object} Bar a timer, from set to fired or cancelled
 * @property {TimerSetEvent | TimerElapsedEvent} set
 * @property {TimerFiredEvent | TimerCancelEvent | TimerElapsedEvent | null} end
 * @property {number} row which of the lane's stacked rows it is drawn in
 */
/** @typedef {{start: TraceEvent, end: TraceEvent, name: string}} Slice a poll, or a JS timer's callback */
/** @typedef {WakeEvent & {poll?: Slice}} WakeMark a wake, and the poll it causes */
/** @typedef {ReturnType<typeof layoutLane>} LaneLayout */
/** @typedef {{x: Scale, cursor: SVGLineElement, ring: SVGElement}} Drawn a drawing's scale, its cursor, and the ring around the mark of the event shown */
/** @typedef {{lane: ShownLane, event: TraceEvent}} Moment a replay's position: its event, and the event's lane */

const WIDTH = 1000;
const LEFT = 110;
const RIGHT = 16;
const AXIS = 26;
const BAR = 9;

/**
 * A step of 1, 2 or 5 × 10^k giving about six ticks over `span`.
 * @param {number} span
 * @returns {number} (10 × 10^k is always ≥ span / 6)
 */
function tickStep(span) {
  const raw = span / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  return /** @type {number} */ ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw));
}

export class Timeline {
  /** @param {ParentNode} root */
  constructor(root) {
    /** @type {SVGSVGElement} */
    this.svg = qs('#timeline', root);
    /** @type {HTMLElement} */
    this.detail = qs('#timeline-detail', root);
    /** @type {number | undefined} the frame that brings the cursor into sight */
    this.revealNext = undefined;
    /** When the reader last scrolled the drawing by hand (ms, performance.now()) */
    this.scrolledByHand = -Infinity;
    this.svg.addEventListener('focusin', (e) => this.explain(e.target));
    // On a phone the drawing is wider than the screen and scrolls sideways:
    // the lanes' names follow the scroll, so they stay at its left edge
    // (style.css moves them by --labels-x, in the drawing's units).
    const scroller = this.svg.parentElement;
    scroller?.addEventListener('scroll', () => this.followScroll(), { passive: true });
    // What the reader scrolls to by hand stays a while: a step does not pull
    // the drawing back under their finger (revealCursor).
    for (const type of ['pointerdown', 'wheel', 'touchstart']) {
      scroller?.addEventListener(type, () => { this.scrolledByHand = performance.now(); }, { passive: true });
    }
    this.svg.addEventListener('mouseover', (e) => this.explain(e.target));
    this.svg.addEventListener('click', (e) => this.explain(e.target)); // a tap, where nothing hovers
    this.svg.addEventListener('keydown', (e) => this.move(e));
    /** @type {SVGElement[]} the marks, in time order */
    this.marks = [];
    /** @type {Drawn | undefined} the run drawn, once `show` drew one */
    this.drawn = undefined;
  }

  /** Arrow keys, Home and End: the focus to another mark.
   * @param {KeyboardEvent} e */
  move(e) {
    const at = this.marks.indexOf(/** @type {SVGElement} */ (e.target));
    if (at < 0) return;
    const to = {
      ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: this.marks.length - 1,
    }[e.key];
    if (to === undefined || !this.marks[to]) return;
    e.preventDefault();
    this.marks[at].setAttribute('tabindex', '-1');
    this.marks[to].setAttribute('tabindex', '0');
    this.marks[to].focus();
  }

  /**
   * A click on a mark, or Enter on it, asks for its event.
   * @param {(lane: ShownLane, seq: number) => void} handler
   */
  bindSeek(handler) {
    /** @param {Event} e */
    const seek = (e) => {
      const mark = /** @type {SVGElement | null} */ (/** @type {Element} */ (e.target).closest?.('[data-seq]'));
      if (!mark) return false;
      handler(/** @type {ShownLane} */ (mark.dataset.lane), Number(mark.dataset.seq));
      return true;
    };
    this.svg.addEventListener('click', seek);
    this.svg.addEventListener('keydown', (e) => {
      if ((e.key === 'Enter' || e.key === ' ') && seek(e)) e.preventDefault();
    });
  }

  /** @param {EventTarget | null} target an element in the timeline */
  explain(target) {
    const mark = /** @type {Element} */ (target).closest?.('[data-detail]');
    const title = /** @type {SVGElement | null | undefined} */ (mark)?.dataset.detail;
    if (title) this.detail.textContent = title;
  }

  /**
   * @param {RunResult} result
   * @param {ShownLane[]} [lanes] the rows to draw (the embed may show fewer; the page adds the
   *   spawn_local lane when it ran)
   */
  show(result, lanes = LANES) {
    const all3 = LANES.every((lane) => lanes.includes(lane));
    this.svg.setAttribute('aria-label', all3 && lanes.length === 3 ? 'Timeline of all three lanes'
      : all3 ? 'Timeline of all four lanes'
        : `Timeline of ${and(lanes.map((lane) => LANE_NAMES[lane]))}`);
    this.drawn = draw(this.svg, result, lanes);
    // In time order, then top to bottom; only the first is a tab stop.
    this.marks = /** @type {SVGElement[]} */ ([...this.svg.querySelectorAll('[data-seq]')])
      .map((mark, order) => ({ mark, order, t: Number(mark.dataset.t) }))
      .sort((a, b) => a.t - b.t || a.order - b.order)
      .map(({ mark }) => mark);
    this.marks[0]?.setAttribute('tabindex', '0');
  }

  /** @param {Moment | undefined} at the replay's position: the cursor at its time, its event's mark ringed */
  showCursor(at) {
    if (!this.drawn) return;
    showMoment(this.svg, this.drawn, at);
    // In the next frame, when the step is drawn: read now, the layout would
    // be made twice (as the lanes' lists, ui/lanes.js).
    this.revealNext ??= requestAnimationFrame(() => {
      this.revealNext = undefined;
      this.revealCursor();
    });
  }

  /** Where the drawing scrolls sideways (a phone, a blog column), brings
   * the cursor a third of the way in if it is out of sight or near the right
   * edge (what follows the moment shown is in sight too). */
  revealCursor() {
    const scroller = this.svg.parentElement;
    if (!this.drawn || !scroller || scroller.scrollWidth <= scroller.clientWidth + 1) return;
    if (performance.now() - this.scrolledByHand < 2000) return;
    const scale = this.svg.getBoundingClientRect().width / WIDTH;
    const x = Number(this.drawn.cursor.getAttribute('x1')) * scale;
    // Left of it, the lanes' names cover the drawing.
    const names = LEFT * scale;
    if (x < scroller.scrollLeft + names || x > scroller.scrollLeft + scroller.clientWidth * 0.8) {
      scroller.scrollLeft = x - Math.max(names + 16, scroller.clientWidth / 3);
      // The names now, not a frame later with the scroll event.
      this.followScroll();
    }
  }

  /** The lanes' names at the left edge of the part of the drawing in sight. */
  followScroll() {
    const scroller = this.svg.parentElement;
    const width = this.svg.getBoundingClientRect().width;
    if (scroller && width > 0) this.svg.style.setProperty('--labels-x', `${(scroller.scrollLeft * WIDTH) / width}px`);
  }
}

/**
 * Draws `lanes` of `result` into `drawing`, in place of what it held: the
 * time axis, a row per lane, and the cursor, last, at 0 ms.
 * @param {SVGSVGElement} drawing
 * @param {RunResult} result
 * @param {ShownLane[]} lanes
 * @param {number} [until] a time the axis must reach (ms): a moment of a
 *   lane left out may come after the last event drawn
 * @returns {Drawn}
 */
function draw(drawing, result, lanes, until = 0) {
  const all = lanes.flatMap((lane) => traceOf(result, lane).events);
  const end = Math.max(1, until, ...all.map((e) => e.t)) * 1.02;
  /** @type {Scale} */
  const x = (t) => LEFT + (t / end) * (WIDTH - LEFT - RIGHT);
  // The spawn_local lane's timers are browser timers, as the JS lanes': a
  // firing is a callback.
  const rows = lanes.map((lane) => layoutLane(traceOf(result, lane).events, lane !== 'futures'));
  const heights = rows.map((r) => 30 + r.barRows * (BAR + 3));
  const height = AXIS + heights.reduce((a, b) => a + b, 0) + 4;
  drawing.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
  drawing.replaceChildren(defs());

  const step = tickStep(end);
  for (let t = 0; t <= end; t += step) {
    drawing.append(
      svg('line', { class: 'tick', x1: x(t), x2: x(t), y1: AXIS - 6, y2: height }),
      svg('text', { class: 'tick-label', x: x(t), y: AXIS - 10, 'text-anchor': 'middle' }, null),
    );
    /** @type {ChildNode} */ (drawing.lastChild).textContent = formatMs(+t.toFixed(6));
  }

  let y = AXIS;
  lanes.forEach((lane, i) => {
    const g = svg('g', { class: `lane lane-${lane}` });
    g.append(svg('rect', { class: 'lane-bg', x: 0, y, width: WIDTH, height: heights[i] }));
    const label = svg('text', { class: 'lane-label', x: 6, y: y + 18 });
    label.textContent = LANE_NAMES[lane];
    g.append(label);
    drawLane(g, rows[i], x, y, lane);
    drawing.append(g);
    y += heights[i];
  });
  const cursor = /** @type {SVGLineElement} */ (svg('line', { class: 'cursor', x1: LEFT, x2: LEFT, y1: AXIS - 6, y2: height }));
  const ring = svg('circle', { class: 'moment-ring', r: 11, hidden: '' });
  drawing.append(cursor, ring);
  return { x, cursor, ring };
}

/**
 * The cursor at the moment's time, and its event's mark ringed (a wake, a
 * poll or callback, a timer set, a log: the others have none), in place of
 * the last moment's: in a picture, the wake a post is about stands out.
 * @param {SVGSVGElement} drawing
 * @param {Drawn} drawn
 * @param {Moment | undefined} at
 */
function showMoment(drawing, { x, cursor, ring }, at) {
  const to = String(x(at?.event.t ?? 0));
  cursor.setAttribute('x1', to);
  cursor.setAttribute('x2', to);
  drawing.querySelector('.moment')?.classList.remove('moment');
  const mark = at && drawing.querySelector(`[data-lane="${at.lane}"][data-seq="${at.event.seq}"]`);
  mark?.classList.add('moment');
  // A small mark (a wake's arrow, a poll, a log) is ringed too; a timer's
  // bar, long enough to see, is only outlined.
  const center = mark && !mark.classList.contains('timer') ? centerOf(mark) : null;
  ring.toggleAttribute('hidden', !center);
  if (center) {
    ring.setAttribute('cx', String(center.x));
    ring.setAttribute('cy', String(center.y));
  }
}

/**
 * The middle of a mark, from its attributes (a drawing off screen has no
 * layout to ask).
 * @param {Element} mark a line, a rect or a polygon
 */
function centerOf(mark) {
  const n = (/** @type {string} */ name) => Number(mark.getAttribute(name));
  if (mark.localName === 'line') return { x: (n('x1') + n('x2')) / 2, y: (n('y1') + n('y2')) / 2 };
  if (mark.localName === 'rect') return { x: n('x') + n('width') / 2, y: n('y') + n('height') / 2 };
  const points = (mark.getAttribute('points') ?? '').trim().split(/\s+/).map((p) => p.split(',').map(Number));
  return {
    x: points.reduce((sum, [px]) => sum + px, 0) / points.length,
    y: points.reduce((sum, [, py]) => sum + py, 0) / points.length,
  };
}

/**
 * The run's timeline of `lanes`, drawn apart from the page's (a writer's
 * picture may leave out lanes the page shows), for pictures of its moments:
 * each a self-contained SVG as `timelinePicture` makes it.
 * @param {RunResult} result
 * @param {ShownLane[]} lanes
 * @param {number} until the latest moment to be pictured (ms): the axis reaches it
 */
export function picturesOf(result, lanes, until) {
  const drawing = /** @type {SVGSVGElement} */ (svg('svg'));
  const drawn = draw(drawing, result, lanes, until);
  /**
   * @param {Moment} at
   * @param {string} title
   * @param {string} [caption]
   */
  return (at, title, caption) => {
    showMoment(drawing, drawn, at);
    return timelinePicture(drawing, title, caption);
  };
}

function defs() {
  const d = svg('defs');
  const marker = svg('marker', {
    // In the drawing's units, not the line's: a focused wake's thicker line keeps its arrow head.
    id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }));
  d.append(marker);
  return d;
}

/**
 * Pairs each lane's events into bars, slices, wakes and logs. In the JS
 * lanes, a timer firing is a callback: a slice of its own.
 * @param {TraceEvent[]} events
 * @param {boolean} js
 */
function layoutLane(events, js) {
  /** @type {Map<number, Bar>} */
  const timers = new Map();
  /** @type {Slice[]} */
  const slices = [];
  /** @type {WakeMark[]} */
  const wakes = [];
  /** @type {LogEvent[]} */
  const logs = [];
  /** @type {Map<number, TraceEvent>} */
  const polls = new Map();
  for (const e of events) {
    // Each bar gets its `row` below.
    if (e.kind === 'timer_set') timers.set(e.timer, /** @type {Bar} */ ({ set: e, end: null }));
    else if (e.kind === 'timer_elapsed') timers.set(e.timer, /** @type {Bar} */ ({ set: e, end: e }));
    else if ((e.kind === 'timer_fired' || e.kind === 'timer_cancel') && timers.has(e.timer)) {
      /** @type {Bar} */ (timers.get(e.timer)).end = e;
      if (e.kind === 'timer_fired' && js) {
        slices.push({ start: e, end: e, name: `callback for ${e.label ?? e.timer}` });
      }
    } else if (e.kind === 'poll_start') polls.set(e.task, e);
    else if (e.kind === 'poll_end' && polls.has(e.task)) {
      slices.push({ start: /** @type {TraceEvent} */ (polls.get(e.task)), end: e, name: `poll task ${e.task}: ${e.result}` });
      polls.delete(e.task);
    } else if (e.kind === 'wake' && e.outcome === 'queued') wakes.push({ ...e }); // a copy: `poll` (below) is the view's, not the trace's
    else if (e.kind === 'log') logs.push(e);
  }
  // Stack overlapping timer bars.
  const bars = [...timers.values()];
  /** @type {number[]} */
  const rowEnds = [];
  for (const bar of bars) {
    const from = madeAt(bar.set);
    let row = rowEnds.findIndex((endT) => endT < from);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = bar.end ? bar.end.t : Infinity;
    bar.row = row;
  }
  // Each wake points at the next poll of its task.
  for (const wake of wakes) {
    wake.poll = slices.find((s) => s.start.kind === 'poll_start' && s.start.task === wake.task && s.start.seq > wake.seq);
  }
  return { bars, slices, wakes, logs, barRows: Math.max(1, rowEnds.length) };
}

/** When a timer's wait began: in the Rust lane, when its Sleep was made
 * (which fixed its deadline), else when it was set.
 * @param {TimerSetEvent | TimerElapsedEvent} set */
const madeAt = (set) => (set.deadline === undefined ? set.t : set.deadline - set.ms);

/**
 * What a timer bar's tooltip says.
 * @param {Bar} bar
 */
function timerDetail({ set, end }) {
  const label = timerLabel(set);
  const made = madeAt(set);
  if (set.kind === 'timer_elapsed') {
    return `${label}: made at ${formatMs(made)} for ${formatMs(set.ms)}, due at ${formatMs(set.deadline)}; first polled at `
      + `${formatMs(set.t)}, already past its deadline: Ready at once, no timer registered`;
  }
  const start = made < set.t - 0.001
    ? `made at ${formatMs(made)} for ${formatMs(set.ms)}, due at ${formatMs(made + set.ms)}; set when first polled, at ${formatMs(set.t)}`
    : `set at ${formatMs(set.t)} for ${formatMs(set.ms)}`
      + (set.clamped === undefined ? '' : ` (the browser made it wait ${formatMs(set.clamped)}: nested timers)`);
  if (!end) return `${label}: ${start}, still pending`;
  return `${label}: ${start}, ${end.kind === 'timer_cancel' ? 'cancelled' : 'fired'} at ${formatMs(end.t)}`;
}

/**
 * A mark: its details as its name, and the event it stands for (a click or
 * Enter moves the replay there). Out of the tab order until the arrow keys
 * reach it.
 * @param {SVGElement} node
 * @param {string} detail
 * @param {ShownLane} lane
 * @param {TraceEvent} event
 */
function focusable(node, detail, lane, event) {
  node.setAttribute('tabindex', '-1');
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', `${detail} (Enter: go to this step)`);
  node.dataset.detail = detail;
  node.dataset.lane = lane;
  node.dataset.seq = String(event.seq);
  node.dataset.t = String(event.t);
  return node;
}

/**
 * @param {SVGElement} g
 * @param {LaneLayout} row
 * @param {Scale} x
 * @param {number} y
 * @param {ShownLane} lane
 */
function drawLane(g, row, x, y, lane) {
  const activity = y + 22;
  for (const bar of row.bars) {
    const by = y + 30 + bar.row * (BAR + 3);
    const cancelled = bar.end?.kind === 'timer_cancel';
    const elapsed = bar.set.kind === 'timer_elapsed';
    const detail = timerDetail(bar);
    const made = madeAt(bar.set);
    const x1 = x(made);
    // An elapsed sleep's bar ends at its deadline; a line leads on to its first poll.
    const x2 = x(elapsed ? made + bar.set.ms : bar.end?.t ?? made + bar.set.ms);
    if (elapsed) {
      g.append(svg('line', { class: 'timer-late-poll', x1: x2, x2: x(bar.set.t), y1: by + BAR / 2, y2: by + BAR / 2 }));
    }
    g.append(focusable(svg('rect', {
      class: `timer${cancelled ? ' cancelled' : ''}`, x: x1, y: by, width: Math.max(2, x2 - x1), height: BAR, rx: 2,
    }, detail), detail, lane, bar.set));
  }
  for (const s of row.slices) {
    const x1 = x(s.start.t);
    const detail = `${s.name} at ${formatMs(s.start.t)}`;
    g.append(focusable(svg('rect', {
      class: 'slice', x: x1 - 1.5, y: activity - 7, width: Math.max(3, x(s.end.t) - x1 + 3), height: 14, rx: 2,
    }, detail), detail, lane, s.start));
  }
  for (const w of row.wakes) {
    if (!w.poll) continue;
    const detail = `wake task ${w.task} by ${w.by}${w.label ? ` (${w.label})` : ''} at ${formatMs(w.t)}`;
    const from = x(w.t);
    const to = x(w.poll.start.t);
    g.append(focusable(svg('line', {
      class: 'wake', x1: from - 8, y1: activity - 18, x2: Math.max(to, from) - 1, y2: activity - 8, 'marker-end': 'url(#arrow)',
    }, detail), detail, lane, w));
  }
  for (const l of row.logs) {
    const cx = x(l.t);
    const detail = `log "${l.text}" at ${formatMs(l.t)}`;
    g.append(focusable(svg('polygon', {
      class: 'log', points: `${cx},${activity - 8} ${cx + 7},${activity} ${cx},${activity + 8} ${cx - 7},${activity}`,
    }, detail), detail, lane, l));
  }
}
