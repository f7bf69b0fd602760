// Timers for the JS lanes: the browser's, or a virtual clock that only moves
// when the page's driver moves it (or a lane's block keeps it busy). Each
// lane gets its own handle, which counts its pending timers and can clear
// them all when a run is cancelled.

/** @typedef {RealClock | VirtualClock} Clock */

/**
 * Browsers make a timer set from a timer's task nested more than this deep
 * wait at least `CLAMPED_MS` (HTML's timer initialization steps: "if nesting
 * level is greater than 5, and timeout is less than 4, then set timeout to
 * 4"; Chromium clamps one level earlier). A yield by `setTimeout(…, 0)` in a
 * loop meets it from its sixth round on.
 */
export const NESTING_CLAMPED_ABOVE = 5;
export const CLAMPED_MS = 4;

/**
 * The delay a browser gives a timer of `ms` set from a task at timer
 * nesting `level` (0: not a timer's task).
 * @param {number} ms
 * @param {number} level
 */
export const browserDelay = (ms, level) => (level > NESTING_CLAMPED_ABOVE && ms < CLAMPED_MS ? CLAMPED_MS : Math.max(0, ms));

/**
 * The timer nesting level of the task running now, as a browser counts it:
 * a timer's callback runs at its timer's level (one more than the level it
 * was set at), and so do the microtasks after it, in the same task. The
 * lanes' code runs only in the script (level 0), their own timers' tasks and
 * those tasks' microtasks, so the last callback started tells the level.
 */
class Nesting {
  constructor() {
    this.level = 0;
  }
  /**
   * `fn` as the callback of a timer set now: it runs at the next level.
   * @param {() => void} fn
   * @returns {{level: number, run: () => void}}
   */
  callback(fn) {
    const level = this.level + 1;
    return { level, run: () => { this.level = level; fn(); } };
  }
}
/** The browser's clock and timers. */
export class RealClock {
  constructor() {
    this.nesting = new Nesting();
  }
  now() {
    return performance.now();
  }
  /** The delay the browser gives a timer of `ms` set now.
   * @param {number} ms */
  delay(ms) {
    return browserDelay(ms, this.nesting.level);
  }
  /**
   * @param {() => void} fn
   * @param {number} ms
   */
  setTimeout(fn, ms) {
    return globalThis.setTimeout(this.nesting.callback(fn).run, ms);
  }
  /** @param {number} id */
  clearTimeout(id) {
    globalThis.clearTimeout(id);
  }
  /** Keeps the thread busy for `ms`, as the panels' block(ms) does.
   * @param {number} ms */
  block(ms) {
    const end = performance.now() + ms;
    while (performance.now() < end) { /* busy */ }
  }
}

/** A deterministic clock: timers fire when `fireNext` is called, in deadline
 * order, ties first-in first-out; time jumps to the next deadline. Each lane
 * has its own (a block in one lane makes only its own timers late), numbering
 * timers from one shared `order` so that ties across lanes keep the order set.
 */
export class VirtualClock {
  /**
   * @param {number} [start]
   * @param {{n: number}} [order] shared by the clocks of one run
   */
  constructor(start = 0, order = { n: 0 }) {
    this.time = start;
    /** @type {{at: number, order: number, fn: () => void}[]} */
    this.timers = []; // sorted by (at, order)
    this.order = order;
    this.nesting = new Nesting();
  }
  now() {
    return this.time;
  }
  /** The delay a browser gives a timer of `ms` set now (clamped when nested).
   * @param {number} ms */
  delay(ms) {
    return browserDelay(ms, this.nesting.level);
  }
  /**
   * @param {() => void} fn
   * @param {number} ms
   */
  setTimeout(fn, ms) {
    const timer = { at: this.time + this.delay(ms), order: ++this.order.n, fn: this.nesting.callback(fn).run };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > timer.at) i -= 1;
    this.timers.splice(i, 0, timer);
    return timer.order;
  }
  /** @param {number} id */
  clearTimeout(id) {
    this.timers = this.timers.filter((t) => t.order !== id);
  }
  /** When the next timer is due, or undefined. */
  next() {
    return this.timers[0]?.at;
  }
  /** The next timer, if it is due now: `{at, order}`, or undefined. */
  due() {
    const timer = this.timers[0];
    return timer && timer.at <= this.time ? timer : undefined;
  }
  /** The thread is busy for `ms` (a block): time moves, nothing fires.
   * @param {number} ms */
  block(ms) {
    this.time += ms;
  }
  /** @param {number} t */
  advanceTo(t) {
    if (t > this.time) this.time = t;
  }
  /** Runs one due timer's callback; false if none is due. */
  fireNext() {
    const timer = this.timers[0];
    if (!timer || timer.at > this.time) return false;
    this.timers.shift();
    timer.fn();
    return true;
  }
}

/** One lane's view of a clock: counts and cancels its own timers. */
export class LaneTimers {
  /** @param {Clock} clock */
  constructor(clock) {
    this.clock = clock;
    /** @type {Set<number>} */
    this.live = new Set();
    this.cancelled = false;
    /** @type {(() => void)[]} */
    this.idleWaiters = [];
  }
  now() {
    return this.clock.now();
  }
  /** The delay a timer of `ms` set now really gets (see `browserDelay`).
   * @param {number} ms */
  delay(ms) {
    return this.clock.delay(ms);
  }
  /** @param {number} ms */
  block(ms) {
    this.clock.block(ms);
  }
  /**
   * @param {() => void} fn
   * @param {number} ms
   */
  setTimeout(fn, ms) {
    const id = this.clock.setTimeout(() => {
      this.live.delete(id);
      if (this.cancelled) return;
      fn();
      if (this.live.size === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    }, ms);
    this.live.add(id);
    return id;
  }
  /** The lane's `clearTimeout`: the timer will not fire.
   * @param {number} id */
  clearTimeout(id) {
    if (!this.live.delete(id)) return;
    this.clock.clearTimeout(id);
    if (this.live.size === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
  }
  /**
   * Resolves once no timer of this lane is pending.
   * @returns {Promise<void>}
   */
  idle() {
    if (this.live.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
  cancel() {
    this.cancelled = true;
    for (const id of this.live) this.clock.clearTimeout(id);
    this.live.clear();
  }
}
