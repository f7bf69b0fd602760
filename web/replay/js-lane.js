// A JS lane's event loop, folded one event at a time: where its pending work
// sits after each event (docs/trace-format.md, "The four places").
//
// Web APIs (timers waiting), Task queue (timer callbacks due and not yet
// run), Microtask queue (jobs queued and not yet run), Call stack (the
// script, a timer callback or a job running now). Pure: no DOM.

/** @import { Lane, TraceEvent, Handler, EnqueueBy, StepPath } from '../types.js' */

/** @import { TimerPlace, CallbackFrame } from './browser-timers.js' */

import { sameStep } from '../lanes/step-path.js';
import { BrowserTimers } from './browser-timers.js';

/**
 * A microtask: queued (Microtask queue) or running (Call stack).
 * @typedef {{handler: Handler, step: StepPath, line?: number, by?: EnqueueBy, label?: string}} JobPlace
 */
/**
 * What runs on the call stack: the script, a timer's callback, or a job.
 * @typedef {{kind: 'script'} | CallbackFrame | ({kind: 'job'} & JobPlace)} Frame
 */
/**
 * A JS lane's four places at a position. `problems`: events that break the
 * event loop's rules (a task starting while something runs or a microtask
 * waits, a job starting that is not the first in the queue, an end of what
 * is not running…): none in a lane's trace; the tests check.
 * @typedef {object} JsPlaces
 * @property {TimerPlace[]} webApis by due time
 * @property {TimerPlace[]} taskQueue by due time
 * @property {JobPlace[]} microtasks in queue order
 * @property {Frame[]} callStack the running frame, or none
 * @property {string[]} problems
 */

/** The job a start event runs, and its step.
 * @param {TraceEvent} e
 * @returns {{handler: Handler, step: StepPath} | null} */
function startedJob(e) {
  if (e.kind === 'reaction') return { handler: 'then', step: e.step };
  if (e.kind === 'resume') return { handler: 'await', step: e.step };
  if (e.kind === 'engine_job') return { handler: e.handler, step: e.step };
  return null;
}

/** @type {Record<string, Frame['kind']>} */
const ENDS = { script_end: 'script', callback_end: 'callback', job_end: 'job' };

/** One JS lane's event loop, as its events so far left it. */
export class JsLane {
  /** @param {Lane} lane 'callbacks' or 'promises' */
  constructor(lane) {
    this.lane = lane;
    this.timers = new BrowserTimers();
    /** @type {Map<number, number>} every timer's delay, fired or not */
    this.delays = new Map();
    /** @type {JobPlace[]} */
    this.microtasks = [];
    /** @type {Frame | null} */
    this.running = null;
    /** @type {string[]} */
    this.problems = [];
  }

  /** The delay `timer` was set for, if it was.
   * @param {number} timer */
  delayOf(timer) {
    return this.delays.get(timer);
  }

  /** @param {TraceEvent} e @param {string} what */
  problem(e, what) {
    this.problems = [...this.problems, `${this.lane} event ${e.seq} (${e.kind}): ${what}`];
  }

  /** A task starts: nothing may run, no microtask may wait.
   * @param {TraceEvent} e */
  taskStarts(e) {
    if (this.running) this.problem(e, `a task started while ${this.running.kind} was running`);
    if (this.microtasks.length) this.problem(e, `a task started with ${this.microtasks.length} microtask(s) queued`);
    this.microtasks = [];
  }

  /** @param {TraceEvent} e the lane's next event */
  apply(e) {
    const job = startedJob(e);
    if (job) {
      const { handler, step } = job;
      if (this.running) this.problem(e, `a job started while ${this.running.kind} was running`);
      const head = this.microtasks[0];
      const queued = head && head.handler === handler && sameStep(head.step, step) ? head : undefined;
      if (queued) this.microtasks = this.microtasks.slice(1);
      else this.problem(e, `started, but the first job queued is ${head ? `${head.handler} [${head.step}]` : 'none'}`);
      this.running = { kind: 'job', handler, step, line: e.line, by: queued?.by, label: queued?.label };
      return;
    }
    switch (e.kind) {
      case 'script_start':
        this.taskStarts(e);
        this.running = { kind: 'script' };
        break;
      case 'timer_set':
        this.timers.set(e);
        this.delays.set(e.timer, e.ms);
        break;
      case 'timer_fired': {
        const { callback, wasSet } = this.timers.fire(e);
        if (!wasSet) this.problem(e, 'no such timer was set');
        this.taskStarts(e);
        this.running = callback;
        break;
      }
      case 'timer_cancel':
        // clearTimeout of a timer not yet fired: it leaves Web APIs (or
        // the task queue, if due), and its callback never runs.
        if (!this.timers.cancel(e)) this.problem(e, 'no such timer was pending');
        if (!this.running) this.problem(e, 'cleared a timer with nothing running');
        break;
      case 'enqueue':
        // A new array, not a push: snapshots taken before keep theirs.
        this.microtasks = [...this.microtasks, { handler: e.handler, step: e.step, line: e.line, by: e.by, label: e.label }];
        break;
      case 'script_end':
      case 'callback_end':
      case 'job_end': {
        const kind = ENDS[e.kind];
        const { running } = this;
        if (running?.kind !== kind) this.problem(e, `ends a ${kind}, but ${running ? `a ${running.kind}` : 'nothing'} was running`);
        else if (running.kind === 'callback' && e.kind === 'callback_end' && running.timer !== e.timer) this.problem(e, 'ends another timer\'s callback');
        else if (running.kind === 'job' && e.kind === 'job_end' && (running.handler !== e.handler || !sameStep(running.step, e.step))) this.problem(e, 'ends another job');
        this.running = null;
        break;
      }
      case 'log':
      case 'block':
        if (!this.running) this.problem(e, `${e.kind === 'log' ? 'logged' : 'blocked'} with nothing running`);
        break;
      default:
    }
  }

  /**
   * The four places at time `now` (a timer is due once `now` reaches its set
   * time plus its delay). The lane replaces its arrays rather than change
   * them, so a snapshot may share them.
   * @param {number} now
   * @returns {JsPlaces}
   */
  places(now) {
    return {
      ...this.timers.places(now),
      microtasks: this.microtasks,
      callStack: this.running ? [this.running] : [],
      problems: this.problems,
    };
  }
}
