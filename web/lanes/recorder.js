// A lane's trace as it happens: `{seq, t, kind, ...fields}`, `t` in ms since
// the lane started. A cancelled run records nothing more.

/** @import { TraceEvent, EventKind, Lane, ClockName, EventFields, Trace, StepPath } from '../types.js' */
/** @import { LaneTimers } from './clocks.js' */

/** The trace format's version (docs/trace-format.md, "Versions"): the Rust
 * types' `VERSION` (crates/playground/src/trace.rs), which every trace of
 * every lane writes (`tsc` checks it against the `Trace` type's, declared
 * from those types). */
export const TRACE_VERSION = 6;

export class Recorder {
  /**
   * @param {Lane} lane
   * @param {ClockName} clock
   * @param {LaneTimers} timers
   */
  constructor(lane, clock, timers) {
    this.lane = lane;
    this.clock = clock;
    this.timers = timers;
    this.start = timers.now();
    /** @type {TraceEvent[]} */
    this.events = [];
  }
  /**
   * @template {EventKind} K
   * @param {K} kind
   * @param {EventFields<K>} [fields] the kind's own fields
   */
  record(kind, fields = /** @type {EventFields<K>} */ ({})) {
    if (this.timers.cancelled) return;
    const t = this.timers.now() - this.start;
    this.events.push(/** @type {TraceEvent} */ ({ seq: this.events.length, t, kind, ...fields }));
  }
  /** Starts a timer of `ms` on the lane's timers: records timer_set now and,
   * when it fires, timer_fired with how late it came (a hidden or frozen tab,
   * a busy page); then calls `fire`, the callback, and records callback_end
   * when it returns. `callback: 'noop'` says that `fire` does nothing for
   * the program (the panel's callback is `() => {}`: lost-wake's bug).
   * A browser makes a short timer set from deep in nested timers wait
   * longer: `clamped` says how long (see clocks.js `browserDelay`).
   * Returns the panel's `clearTimeout(id)` of it: if it has not fired yet,
   * it never will, and timer_cancel is recorded; else it does nothing.
   * @param {{timer: number, label: string, step: StepPath, ms: number, callback?: 'noop'}} timer
   * @param {() => void} fire
   * @returns {() => void}
   */
  timer({ timer, label, step, ms, callback }, fire) {
    const delay = this.timers.delay(ms);
    const clamped = delay === ms ? {} : { clamped: delay };
    this.record('timer_set', callback ? { timer, label, step, ms, ...clamped, callback } : { timer, label, step, ms, ...clamped });
    const due = this.timers.now() + delay;
    let pending = true;
    const id = this.timers.setTimeout(() => {
      pending = false;
      const late = Math.max(0, this.timers.now() - due);
      this.record('timer_fired', { timer, label, step, late });
      fire();
      this.record('callback_end', { timer, label, step });
    }, ms);
    return () => {
      if (!pending) return;
      pending = false;
      this.timers.clearTimeout(id);
      this.record('timer_cancel', { timer, label, step });
    };
  }

  /** The panels' `block(ms)`: records block, then keeps the thread busy for
   * `ms` (a busy loop; on the virtual clock, the lane's time moves by `ms`).
   * @param {{ms: number, step: StepPath}} block
   */
  block({ ms, step }) {
    this.record('block', { ms, step });
    this.timers.block(ms);
  }

  /**
   * Runs the lane's script, `body`, between script_start and script_end: the
   * task that runs the panel's code at first, before any timer or microtask.
   * @template T
   * @param {() => T} body
   * @returns {T}
   */
  script(body) {
    this.record('script_start');
    const result = body();
    this.record('script_end');
    return result;
  }

  /** @returns {Trace} */
  trace() {
    return { version: TRACE_VERSION, lane: this.lane, clock: this.clock, events: this.events };
  }
}
