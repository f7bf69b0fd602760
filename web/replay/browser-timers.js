// The browser timers (setTimeout) a lane has set that have not yet fired or
// been cleared. Lanes that run on the page's event loop keep them: both JS
// lanes, and the spawn_local lane, where each sleep (gloo-timers') sets one.
// A timer waits in Web APIs until it is due, then in the task queue until
// its callback runs (docs/trace-format.md, "The four places"). Pure: no DOM.

import { timerLabel } from './names.js';

/** @import { TraceEvent } from '../types.js' */

/**
 * A timer, waiting (Web APIs) or due (Task queue). `noop`: its callback
 * does nothing (the trace's `callback: "noop"`).
 * @typedef {{timer: number, label: string, due: number, line?: number, noop?: boolean}} TimerPlace
 */
/**
 * A timer's callback running.
 * @typedef {{kind: 'callback', timer: number, label: string, line?: number, noop?: boolean}} CallbackFrame
 */

/**
 * Browser timers set and not fired, at time `now`: those still ahead wait in
 * Web APIs; those due wait in the task queue for their callback's task. By
 * due time, then in the order set.
 * @param {Iterable<TimerPlace>} timers
 * @param {number} now
 * @returns {{webApis: TimerPlace[], taskQueue: TimerPlace[]}}
 */
export function timerPlaces(timers, now) {
  const waiting = [...timers].sort((a, b) => a.due - b.due || a.timer - b.timer);
  return { webApis: waiting.filter((t) => t.due > now), taskQueue: waiting.filter((t) => t.due <= now) };
}

/** A lane's pending browser timers, as its events so far left them. */
export class BrowserTimers {
  constructor() {
    /** @type {Map<number, TimerPlace>} */
    this.pending = new Map();
  }

  /** A `timer_set` event: the timer waits, due at its set time plus its
   * delay (the browser's clamped delay, where it raised the one asked for).
   * @param {Extract<TraceEvent, {kind: 'timer_set'}>} e */
  set(e) {
    this.pending.set(e.timer, {
      timer: e.timer, label: timerLabel(e), due: e.t + (e.clamped ?? e.ms), line: e.line, noop: e.callback === 'noop',
    });
  }

  /**
   * A `timer_fired` event: the timer leaves, and its callback runs.
   * @param {Extract<TraceEvent, {kind: 'timer_fired'}>} e
   * @returns {{callback: CallbackFrame, wasSet: boolean}} `wasSet`: false
   *   where no such timer was pending (a broken trace)
   */
  fire(e) {
    const timer = this.pending.get(e.timer);
    this.pending.delete(e.timer);
    return {
      callback: { kind: 'callback', timer: e.timer, label: timer?.label ?? timerLabel(e), line: e.line, noop: timer?.noop },
      wasSet: timer !== undefined,
    };
  }

  /** A `timer_cancel` event (clearTimeout): the timer leaves, and its
   * callback never runs.
   * @param {Extract<TraceEvent, {kind: 'timer_cancel'}>} e
   * @returns {boolean} whether it was pending */
  cancel(e) {
    return this.pending.delete(e.timer);
  }

  /** Where the timers are at time `now`.
   * @param {number} now */
  places(now) {
    return timerPlaces(this.pending.values(), now);
  }
}
