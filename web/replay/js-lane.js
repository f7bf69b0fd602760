// Where each lane's pending work sits at a replay position, derived from the
// events up to it (docs/trace-format.md, "The four places"). Pure: no DOM.
//
// A JS lane: Web APIs (timers waiting), Task queue (timer callbacks due and
// not yet run), Microtask queue (jobs queued and not yet run), Call stack
// (the script, a timer callback or a job running now).
// The Rust lane, in its own terms: the reactor's timers and its one armed
// setTimeout, the browser's task queue (that setTimeout when due; the
// executor's turn after a yield), the executor's ready queue, the task being
// polled.

import { rustState } from './replay.js';

/** @import { Lane, MergedEvent, TraceEvent, Handler, EnqueueBy, RustState, TaskView } from './types.js' */

/**
 * A timer of a JS lane, waiting (Web APIs) or due (Task queue).
 * @typedef {{timer: number, label: string, due: number, line?: number}} TimerPlace
 */
/**
 * A microtask: queued (Microtask queue) or running (Call stack).
 * @typedef {{handler: Handler, step: string, line?: number, by?: EnqueueBy, label?: string}} JobPlace
 */
/**
 * What runs on the call stack: the script, a timer's callback, or a job.
 * @typedef {{kind: 'script'} | {kind: 'callback', timer: number, label: string, line?: number} | ({kind: 'job'} & JobPlace)} Frame
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

/** The job a start event runs.
 * @param {TraceEvent} e
 * @returns {Handler | null} */
function startedHandler(e) {
  if (e.kind === 'reaction') return 'then';
  if (e.kind === 'resume') return 'await';
  if (e.kind === 'engine_job') return e.handler;
  return null;
}

/**
 * The time at a position: that of its event (all lanes share the axis).
 * @param {MergedEvent[]} merged
 * @param {number} position
 */
export function timeAt(merged, position) {
  return merged[Math.max(0, Math.min(position, merged.length - 1))]?.event.t ?? 0;
}

/**
 * A JS lane's Web APIs, Task queue, Microtask queue and Call stack after the
 * event at `position` (a timer is due once the time of that event reaches
 * its set time plus its delay).
 * @param {MergedEvent[]} merged
 * @param {number} position
 * @param {Lane} lane 'callbacks' or 'promises'
 * @returns {JsPlaces}
 */
export function jsPlaces(merged, position, lane) {
  const now = timeAt(merged, position);
  /** @type {Map<number, TimerPlace>} */
  const timers = new Map();
  /** @type {JobPlace[]} */
  const microtasks = [];
  /** @type {Frame | null} */
  let running = null;
  /** @type {string[]} */
  const problems = [];
  /** @param {TraceEvent} e @param {string} what */
  const problem = (e, what) => problems.push(`${lane} event ${e.seq} (${e.kind}): ${what}`);
  /** A task starts: nothing may run, no microtask may wait.
   * @param {TraceEvent} e */
  const taskStarts = (e) => {
    if (running) problem(e, `a task started while ${running.kind} was running`);
    if (microtasks.length) problem(e, `a task started with ${microtasks.length} microtask(s) queued`);
    microtasks.length = 0;
  };
  for (let i = 0; i <= position && i < merged.length; i += 1) {
    if (merged[i].lane !== lane) continue;
    const e = merged[i].event;
    const handler = startedHandler(e);
    if (handler) {
      if (running) problem(e, `a job started while ${running.kind} was running`);
      const head = microtasks[0];
      const queued = head && head.handler === handler && head.step === e.step ? microtasks.shift() : undefined;
      if (!queued) problem(e, `started, but the first job queued is ${head ? `${head.handler} ${head.step}` : 'none'}`);
      running = { kind: 'job', handler, step: /** @type {string} */ (e.step), line: e.line, by: queued?.by, label: queued?.label };
      continue;
    }
    switch (e.kind) {
      case 'script_start':
        taskStarts(e);
        running = { kind: 'script' };
        break;
      case 'timer_set':
        timers.set(e.timer, { timer: e.timer, label: e.label ?? `timer ${e.timer}`, due: e.t + e.ms, line: e.line });
        break;
      case 'timer_fired': {
        const timer = timers.get(e.timer);
        if (!timer) problem(e, 'no such timer was set');
        timers.delete(e.timer);
        taskStarts(e);
        running = { kind: 'callback', timer: e.timer, label: timer?.label ?? e.label ?? `timer ${e.timer}`, line: e.line };
        break;
      }
      case 'enqueue':
        microtasks.push({ handler: e.handler, step: e.step, line: e.line, by: e.by, label: e.label });
        break;
      case 'script_end':
      case 'callback_end':
      case 'job_end': {
        const kind = { script_end: 'script', callback_end: 'callback', job_end: 'job' }[e.kind];
        if (running?.kind !== kind) problem(e, `ends a ${kind}, but ${running ? `a ${running.kind}` : 'nothing'} was running`);
        else if (running.kind === 'callback' && e.kind === 'callback_end' && running.timer !== e.timer) problem(e, 'ends another timer\'s callback');
        else if (running.kind === 'job' && e.kind === 'job_end' && (running.handler !== e.handler || running.step !== e.step)) problem(e, 'ends another job');
        running = null;
        break;
      }
      case 'log':
      case 'block':
        if (!running) problem(e, `${e.kind === 'log' ? 'logged' : 'blocked'} with nothing running`);
        break;
      default:
    }
  }
  /** @param {TimerPlace} a @param {TimerPlace} b */
  const byDue = (a, b) => a.due - b.due || a.timer - b.timer;
  const waiting = [...timers.values()].sort(byDue);
  return {
    webApis: waiting.filter((t) => t.due > now),
    taskQueue: waiting.filter((t) => t.due <= now),
    microtasks,
    callStack: running ? [running] : [],
    problems,
  };
}

/**
 * The Rust lane's four places after the event at `position`.
 * @param {MergedEvent[]} merged
 * @param {number} position
 * @returns {RustPlaces}
 */
export function rustPlaces(merged, position) {
  const now = timeAt(merged, position);
  const state = rustState(merged, position);
  /** @type {number | null} tasks waiting for a macrotask turn, after a yield */
  let yielded = null;
  /** @type {string[]} */
  const problems = [];
  /** @type {number[]} */
  const ready = [];
  /** @type {number | null} */
  let polled = null;
  /** @type {Set<number>} tasks woken during their own poll */
  const notified = new Set();
  /** @type {Set<number>} */
  const timers = new Set();
  for (let i = 0; i <= position && i < merged.length; i += 1) {
    const { lane, event: e } = merged[i];
    if (lane !== 'futures') continue;
    /** @param {string} what */
    const problem = (what) => problems.push(`futures event ${e.seq} (${e.kind}): ${what}`);
    switch (e.kind) {
      case 'yield':
        yielded = e.queued;
        break;
      case 'batch':
        if (e.turn === 'macrotask') yielded = null;
        break;
      case 'spawn':
        ready.push(e.task);
        break;
      case 'wake':
        // Woken during its own poll, a task is queued when that poll ends.
        if (e.outcome === 'queued' && polled === e.task) notified.add(e.task);
        else if (e.outcome === 'queued') {
          if (ready.includes(e.task)) problem('queued a task already on the ready queue');
          ready.push(e.task);
        }
        break;
      case 'poll_start':
        if (polled !== null) problem(`task ${polled} was being polled`);
        if (!ready.includes(e.task)) problem('the task was not on the ready queue');
        else ready.splice(ready.indexOf(e.task), 1);
        polled = e.task;
        break;
      case 'task_drop':
        notified.delete(e.task); // a dropped task is not queued again
        break;
      case 'poll_end':
        if (polled !== e.task) problem('the task was not being polled');
        if (notified.delete(e.task) && e.result === 'pending') ready.push(e.task);
        polled = null;
        break;
      case 'timer_set':
        timers.add(e.timer);
        break;
      case 'timer_fired':
      case 'timer_cancel':
        if (!timers.delete(e.timer)) problem('no such timer was pending');
        break;
      default:
    }
  }
  /** @type {RustPlaces['taskQueue']} */
  const taskQueue = [];
  if (state.armed && state.armed.deadline <= now) taskQueue.push({ kind: 'reactor', deadline: state.armed.deadline });
  if (yielded !== null) taskQueue.push({ kind: 'turn', queued: yielded });
  return {
    timers: state.timerQueue,
    armed: state.armed,
    taskQueue,
    ready: state.ready,
    polling: state.tasks.filter((t) => t.state === 'polling'),
    problems,
  };
}
