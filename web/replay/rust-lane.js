// The Rust lane, folded one event at a time: its tasks, the executor's ready
// queue, the reactor's timers and its one browser timeout, the task being
// polled, the state machine's variant, the self-ref addresses; and the same
// in the event loop's four places, in our runtime's own terms (the reactor's
// timers and its one armed setTimeout, the browser's task queue, the
// executor's ready queue, the task being polled). Pure: no DOM.
//
// It follows the executor's rules (crates/runtime/src/executor.rs): a wake
// queues a task once; a task woken during its own poll is queued when that
// poll ends, as tokio does; a dropped task is not queued again.

import { timerLabel } from './names.js';

/** @import { TraceEvent, TaskView, RustState, TimerWaker } from '../types.js' */

/**
 * The Rust lane's four places at a position.
 * @typedef {object} RustPlaces
 * @property {RustState['timerQueue']} timers the reactor's timer queue (twin of Web APIs)
 * @property {RustState['armed']} armed its one browser setTimeout
 * @property {({kind: 'reactor', deadline: number} | {kind: 'turn', queued: number})[]} taskQueue the browser's
 *   task queue: the reactor's setTimeout when due, or the executor's turn after a yield (twin of Task queue)
 * @property {number[]} ready the executor's ready queue (twin of Microtask queue)
 * @property {TaskView[]} polling the task being polled (twin of Call stack)
 * @property {string[]} problems events that break the executor's rules (a
 *   poll of a task not on the ready queue, or while another is polled; a
 *   timer firing that was not set…): none in a lane's trace
 */

/**
 * What the events before one said, that its sentence needs.
 * @typedef {object} RustLookback
 * @property {TraceEvent | undefined} previous the lane's event before it
 * @property {number | undefined} pollAddr for a `poll_start`: the address at the task's poll before
 * @property {boolean} selectWon a `select!` finished in the current poll (its losers are dropped next)
 */

/** The Rust lane, as its events so far left it. */
export class RustLane {
  constructor() {
    /** @type {Map<number, TaskView>} */
    this.tasks = new Map();
    /** @type {number[]} the executor's ready queue */
    this.ready = [];
    /** @type {Set<number>} tasks woken during their own poll */
    this.notified = new Set();
    /** @type {number | null} the task being polled */
    this.polled = null;
    /** @type {Map<number, RustState['timerQueue'][number]>} pending timers */
    this.timers = new Map();
    /** @type {Map<number, number>} the task that set each timer, ended or not */
    this.owners = new Map();
    /** @type {Map<number, TimerWaker>} whose waker the reactor kept for each timer, ended or not */
    this.wakers = new Map();
    /** @type {RustState['armed']} */
    this.armed = null;
    /** @type {number | null} tasks waiting for a macrotask turn, after a yield */
    this.yielded = null;
    /** @type {RustState['addresses']} */
    this.addresses = {};
    /** @type {Map<number, number>} where each task's future was at its last poll */
    this.pollAddrs = new Map();
    /** @type {Map<number, number>} each task's future's size, from its spawn */
    this.sizes = new Map();
    /** @type {number | undefined} the task whose `address` events came last */
    this.addressTask = undefined;
    /** @type {number | undefined} */
    this.size = undefined;
    /** @type {number | undefined} */
    this.futureAddr = undefined;
    /** The live variant of run()'s state machine: Unresumed until its first `state`. */
    this.variant = 'Unresumed';
    /** @type {TraceEvent | undefined} */
    this.previous = undefined;
    this.selectWon = false;
    /** @type {string[]} */
    this.problems = [];
  }

  /** The task that set `timer`, if any.
   * @param {number} timer */
  ownerOf(timer) {
    return this.owners.get(timer);
  }

  /** Whose waker the reactor kept for `timer`, if it set one.
   * @param {number} timer */
  wakerOf(timer) {
    return this.wakers.get(timer);
  }

  /** @param {number} id */
  task(id) {
    let task = this.tasks.get(id);
    if (!task) {
      task = { id, state: 'queued', polls: 0, wakes: 0, machine: null };
      this.tasks.set(id, task);
    }
    return task;
  }

  /** Changes a task: a new object, so snapshots taken before keep theirs.
   * @param {number} id @param {Partial<TaskView>} change */
  update(id, change) {
    this.tasks.set(id, { ...this.task(id), ...change });
  }

  /** @param {TraceEvent} e @param {string} what */
  problem(e, what) {
    this.problems = [...this.problems, `futures event ${e.seq} (${e.kind}): ${what}`];
  }

  /** @param {number} id */
  enqueue(id) {
    this.ready = [...this.ready, id];
  }

  /**
   * Applies the lane's next event.
   * @param {TraceEvent} e
   * @returns {RustLookback} what the events before it said
   */
  apply(e) {
    /** @type {RustLookback} */
    const before = { previous: this.previous, pollAddr: undefined, selectWon: this.selectWon };
    this.previous = e;
    switch (e.kind) {
      case 'spawn':
        this.update(e.task, { state: 'queued' });
        this.enqueue(e.task);
        this.size = e.size;
        this.sizes.set(e.task, e.size);
        break;
      case 'batch':
        if (e.turn === 'macrotask') this.yielded = null;
        break;
      case 'yield':
        this.yielded = e.queued;
        break;
      case 'poll_start': {
        const task = this.task(e.task);
        if (this.polled !== null) this.problem(e, `task ${this.polled} was being polled`);
        if (this.ready.includes(e.task)) this.ready = this.ready.filter((id) => id !== e.task);
        else this.problem(e, 'the task was not on the ready queue');
        this.update(e.task, { state: 'polling', polls: task.polls + 1 });
        this.polled = e.task;
        before.pollAddr = this.pollAddrs.get(e.task);
        this.pollAddrs.set(e.task, e.addr);
        this.futureAddr = e.addr;
        this.selectWon = false;
        break;
      }
      case 'poll_end':
        if (this.polled !== e.task) this.problem(e, 'the task was not being polled');
        if (e.result === 'ready') this.update(e.task, { state: 'done' });
        else if (this.notified.has(e.task)) {
          this.update(e.task, { state: 'queued' });
          this.enqueue(e.task);
        } else this.update(e.task, { state: 'waiting' });
        this.notified.delete(e.task);
        this.polled = null;
        this.selectWon = false;
        break;
      case 'child_poll':
        if (e.combinator === 'select' && e.result === 'ready') this.selectWon = true;
        break;
      case 'wake': {
        this.update(e.task, { wakes: this.task(e.task).wakes + 1 });
        if (e.outcome !== 'queued') break;
        // Woken during its own poll, a task is queued when that poll ends.
        if (this.polled === e.task) this.notified.add(e.task);
        else {
          if (this.ready.includes(e.task)) this.problem(e, 'queued a task already on the ready queue');
          this.update(e.task, { state: 'queued' });
          this.enqueue(e.task);
        }
        break;
      }
      case 'task_drop':
        this.update(e.task, { state: 'dropped' });
        this.notified.delete(e.task); // a dropped task is not queued again
        // Aborted while queued: the executor skips it when its turn comes
        // (it is never polled), so it waits on the ready queue no more.
        this.ready = this.ready.filter((id) => id !== e.task);
        break;
      case 'lost_waker':
        this.update(e.task, { state: 'stuck: lost its waker' });
        break;
      case 'state':
        this.update(e.task, { machine: { variant: e.variant, line: e.line } });
        this.variant = e.variant;
        break;
      case 'timer_set':
        // The Rust lane's timer_set always has a deadline (and, from
        // version 4, `waker`; before, it was always the task's).
        this.timers.set(e.timer, {
          timer: e.timer, label: timerLabel(e), deadline: /** @type {number} */ (e.deadline), waker: e.waker ?? 'task', task: e.task,
        });
        this.wakers.set(e.timer, e.waker ?? 'task');
        if (e.task) this.owners.set(e.timer, e.task);
        break;
      case 'timer_elapsed':
        if (e.task) this.owners.set(e.timer, e.task);
        break;
      case 'timer_fired':
      case 'timer_cancel':
        if (!this.timers.delete(e.timer)) this.problem(e, 'no such timer was pending');
        if (e.kind === 'timer_fired') this.armed = null; // the timeout that expired it is spent
        break;
      case 'reactor_arm':
        this.armed = { deadline: e.deadline, delay: e.delay };
        break;
      case 'reactor_clear':
        this.armed = null;
        break;
      case 'address':
        this.addresses = { ...this.addresses, [e.name]: e.addr };
        this.addressTask = e.task;
        break;
      default:
    }
    return before;
  }

  /** What the Inspector shows: tasks, queues, timers, addresses.
   * @returns {RustState} */
  state() {
    return {
      tasks: [...this.tasks.values()],
      ready: this.ready,
      timerQueue: [...this.timers.values()].sort((a, b) => a.deadline - b.deadline || a.timer - b.timer),
      armed: this.armed,
      addresses: this.addresses,
      // The future the addresses are in (else the last spawned and polled).
      size: this.addressTask === undefined ? this.size : this.sizes.get(this.addressTask),
      futureAddr: this.addressTask === undefined ? this.futureAddr : this.pollAddrs.get(this.addressTask),
    };
  }

  /**
   * The four places at time `now`, from `state` (this lane's, at the same
   * position).
   * @param {RustState} state
   * @param {number} now
   * @returns {RustPlaces}
   */
  places(state, now) {
    /** @type {RustPlaces['taskQueue']} */
    const taskQueue = [];
    if (state.armed && state.armed.deadline <= now) taskQueue.push({ kind: 'reactor', deadline: state.armed.deadline });
    if (this.yielded !== null) taskQueue.push({ kind: 'turn', queued: this.yielded });
    return {
      timers: state.timerQueue,
      armed: state.armed,
      taskQueue,
      ready: state.ready,
      polling: state.tasks.filter((t) => t.state === 'polling'),
      problems: this.problems,
    };
  }
}
