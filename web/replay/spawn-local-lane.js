// The spawn_local lane's event loop, folded one event at a time: where its
// pending work sits after each event. The lane runs in the page's event
// loop, as the JS lanes do, so it has their four places (docs/trace-format.md,
// "The spawn_local lane"):
//
// Web APIs: gloo's browser timers, one per sleep, set and not yet due;
// Task queue: those due and not yet fired; Microtask queue: the microtasks
// spawn_local's executor queued to poll its ready tasks, and which tasks are
// ready; Call stack: a timer's callback (gloo's, which wakes a task), or the
// executor's microtask and the task it is polling. Pure: no DOM.

import { BrowserTimers } from './browser-timers.js';

/** @import { TraceEvent } from '../types.js' */
/** @import { TimerPlace, CallbackFrame } from './browser-timers.js' */

/**
 * What runs: a timer's callback, or the executor's microtask (and the task
 * it polls).
 * @typedef {CallbackFrame | {kind: 'executor'} | {kind: 'poll', task: number}} SpawnLocalFrame
 */
/**
 * The lane's four places at a position. `problems`: events that break the
 * event loop's rules or the executor's (none in a lane's trace; the tests check).
 * @typedef {object} SpawnLocalPlaces
 * @property {TimerPlace[]} webApis by due time
 * @property {TimerPlace[]} taskQueue by due time
 * @property {number} microtasks the executor's microtasks queued and not yet started
 * @property {number[]} ready the tasks the executor will poll (spawned or woken, not yet polled)
 * @property {SpawnLocalFrame[]} callStack bottom first
 * @property {Set<number>} done the tasks that finished
 * @property {Record<string, number>} addresses self-ref: where `s` lives and where `borrowed` points, as last reported
 * @property {string[]} problems
 */

export class SpawnLocalLane {
  constructor() {
    this.timers = new BrowserTimers();
    this.microtasks = 0;
    /** @type {number[]} */
    this.ready = [];
    /** @type {SpawnLocalFrame[]} */
    this.stack = [];
    /** @type {Set<number>} */
    this.done = new Set();
    /** @type {number[]} the finished tasks the running microtask took off the queue */
    this.finishedTaken = [];
    /** @type {Record<string, number>} */
    this.addresses = {};
    /** @type {string[]} */
    this.problems = [];
  }

  /** @param {TraceEvent} e @param {string} what */
  problem(e, what) {
    this.problems = [...this.problems, `spawn_local event ${e.seq} (${e.kind}): ${what}`];
  }

  /** @param {TraceEvent} e the lane's next event */
  apply(e) {
    switch (e.kind) {
      case 'spawn':
        this.ready = [...this.ready, e.task];
        break;
      case 'timer_set':
        this.timers.set(e);
        break;
      case 'timer_fired': {
        const { callback, wasSet } = this.timers.fire(e);
        if (!wasSet) this.problem(e, 'no such timer was set');
        if (this.stack.length) this.problem(e, 'a task started while something ran');
        if (this.microtasks) this.problem(e, 'a task started with a microtask queued');
        this.stack = [callback];
        break;
      }
      case 'callback_end':
        if (this.stack[0]?.kind !== 'callback') this.problem(e, 'no callback was running');
        this.stack = [];
        break;
      case 'timer_cancel':
        if (!this.timers.cancel(e)) this.problem(e, 'no such timer was pending');
        break;
      case 'microtask_queued':
        this.microtasks += 1;
        break;
      case 'microtask_start':
        if (this.stack.length) this.problem(e, 'a microtask started while something ran');
        if (!this.microtasks) this.problem(e, 'no microtask was queued');
        this.microtasks -= 1;
        this.stack = [{ kind: 'executor' }];
        // It runs the tasks queued before it started, no more; a finished
        // one among them leaves the queue without a poll.
        this.finishedTaken = this.ready.filter((task) => this.done.has(task));
        break;
      case 'microtask_end': {
        if (this.stack.length !== 1 || this.stack[0].kind !== 'executor') this.problem(e, 'the executor\'s microtask was not what ran');
        this.stack = [];
        const taken = this.finishedTaken;
        this.ready = this.ready.filter((task) => !taken.includes(task));
        this.finishedTaken = [];
        break;
      }
      case 'poll_start':
        if (this.stack.length !== 1 || this.stack[0].kind !== 'executor') this.problem(e, 'a poll outside the executor\'s microtask');
        this.ready = this.ready.filter((task) => task !== e.task);
        this.stack = [...this.stack, { kind: 'poll', task: e.task }];
        break;
      case 'poll_end':
        if (this.stack.at(-1)?.kind !== 'poll') this.problem(e, 'no poll was running');
        this.stack = this.stack.slice(0, -1);
        if (e.result === 'ready') this.done = new Set(this.done).add(e.task);
        break;
      case 'wake':
        // A finished task woken is queued too (its flag is clear), and the
        // executor's next microtask finds nothing to poll for it.
        if (e.outcome === 'queued') this.ready = [...this.ready, e.task];
        break;
      case 'address':
        this.addresses = { ...this.addresses, [e.name]: e.addr };
        break;
      case 'log':
      case 'block':
        if (!this.stack.length) this.problem(e, `${e.kind === 'log' ? 'logged' : 'blocked'} with nothing running`);
        break;
      default:
    }
  }

  /**
   * The places at time `now` (a timer is due once `now` reaches its set time
   * plus its delay).
   * @param {number} now
   * @returns {SpawnLocalPlaces}
   */
  places(now) {
    return {
      ...this.timers.places(now),
      microtasks: this.microtasks,
      ready: this.ready,
      callStack: this.stack,
      done: this.done,
      addresses: this.addresses,
      problems: this.problems,
    };
  }
}
