// What happened: one sentence for each step of the replay, what the event at
// that position did, in plain English, naming the actors (the event loop, a
// callback, a promise and its reactions; the executor, the reactor, a task
// and its waker), starting with the time. Built from the event and what the
// events before it left behind (the lanes' folds, js-lane.js and
// rust-lane.js, before and after it), never from anything the trace does not
// say. Pure: no DOM.
//
// Each kind's meaning is in docs/trace-format.md. Our runtime's parts are
// "our" (the reactor's one setTimeout, the executor's batches and time
// slice): other runtimes do these differently. A kind this file does not know
// still gets a readable sentence, marked `fallback` (the tests fail on one).

import { formatMs } from '../dom.js';
import { LANE_NAMES } from './merge.js';
import { named, timerName, onLine, count, hex, and, sliceName } from './names.js';
import { spawnLocalSentence } from './spawn-local-sentences.js';

/** @import { ShownLane, MergedEvent, TraceEvent, ClockName, Handler, TaskView, Snapshot, RustState } from '../types.js' */
/** @import { JsPlaces, Frame, JobPlace, JsLane } from './js-lane.js' */
/** @import { RustLane, RustLookback } from './rust-lane.js' */

/**
 * What a sentence is built from, besides its event.
 * @typedef {object} Context
 * @property {Snapshot | undefined} before the position before (none at the first)
 * @property {Pick<Snapshot, 'places' | 'rust'>} after this position
 * @property {JsLane} promises the Promises lane's fold, after the event
 * @property {RustLane} rust the Rust lane's fold, after the event
 * @property {RustLookback} lookback what the Rust lane's events before it said
 */

/**
 * @typedef {object} Told
 * @property {string} text the sentence
 * @property {boolean} fallback true if the event's kind has no sentence of
 *   its own (a kind added to the traces and not here)
 */

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
/** `first`, `second`… then `number 11`. @param {number} n from 1 */
const ordinal = (n) => ORDINALS[n - 1] ?? `number ${n}`;
/**
 * What `entry`'s event did, as one sentence.
 * @param {MergedEvent} entry
 * @param {Context} context
 * @returns {Told}
 */
export function whatHappened(entry, context) {
  const { lane, event } = entry;
  const said = lane === 'futures' ? rustSentence(event, context)
    : lane === 'spawnLocal' ? spawnLocalSentence(event, context.after.places.spawnLocal, context.before?.places.spawnLocal)
      : jsSentence(event, lane, context);
  if (said !== null) return { text: `${formatMs(event.t)}: ${said}.`, fallback: false };
  return { text: `${formatMs(event.t)}: ${fallbackSentence(lane, event)}.`, fallback: true };
}

/**
 * A kind with no sentence of its own: its name and fields, readably.
 * @param {ShownLane} lane
 * @param {TraceEvent} event
 */
function fallbackSentence(lane, event) {
  const skip = new Set(['seq', 't', 'kind', 'step', 'line']);
  const fields = Object.entries(event)
    .filter(([key, value]) => !skip.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${key} ${value}`);
  return `the ${LANE_NAMES[lane]} lane recorded a “${event.kind}” event${fields.length ? ` (${fields.join(', ')})` : ''}`
    + `${onLine(event.line)}`;
}

// ---- The JS lanes ----

/** `the promise from timer(200)`, or `Timer 1's promise` if its ms is unknown.
 * @param {Context} context @param {{timer?: number, label?: string}} e */
function timerPromise(context, e) {
  const ms = e.timer === undefined ? undefined : context.promises.delayOf(e.timer);
  return ms === undefined ? `${timerName(e)}'s promise` : `the promise from timer(${ms})`;
}

/** Who runs: the script, a timer's callback, a `.then` callback…
 * @param {Frame | undefined} frame */
function who(frame) {
  if (!frame) return 'the lane';
  if (frame.kind === 'script') return 'the script';
  if (frame.kind === 'callback') return `${named(frame.label)}'s callback`;
  return jobName(frame);
}

/** A job, by what it runs.
 * @param {JobPlace} job */
function jobName(job) {
  /** @type {Record<Handler, string>} */
  const names = {
    then: `the .then callback${onLine(job.line)}`,
    await: `the async function (resumed at its await${onLine(job.line)})`,
    all: `Promise.all's job for its item${onLine(job.line)}`,
    race: `Promise.race's job for its item${onLine(job.line)}`,
    thenable: `the engine's job that follows the promise the .then callback${onLine(job.line)} returned`,
    adopt: `the engine's job that gives the .then${onLine(job.line)} that promise's value`,
  };
  return names[job.handler];
}

/** A queued job, as it joins the queue.
 * @param {JobPlace} job */
function queuedJob(job) {
  /** @type {Record<Handler, string>} */
  const names = {
    then: `its .then callback${onLine(job.line)}`,
    await: `the resumption of the await${onLine(job.line)}`,
    all: `Promise.all's job for the item${onLine(job.line)}`,
    race: `Promise.race's job for the item${onLine(job.line)}`,
    thenable: `the engine's own job to follow that promise`,
    adopt: `the engine's job to give its value to the .then${onLine(job.line)}`,
  };
  return names[job.handler];
}

/** What this lane's event loop does next, once the call stack is empty.
 * @param {JsPlaces} places after the event */
function nextUp(places) {
  const { microtasks, taskQueue, webApis } = places;
  const first = microtasks[0]?.handler === 'await'
    ? `the await${onLine(microtasks[0].line)} resumes its async function`
    : microtasks[0] && jobName(microtasks[0]);
  if (microtasks.length === 1) return `the microtask queue runs next: ${first}`;
  if (microtasks.length) return `the ${microtasks.length} microtasks queued run next, in order; first, ${first}`;
  if (taskQueue.length) return `no microtask waits, so the next task runs: ${named(taskQueue[0].label)}'s callback, already due`;
  if (webApis.length) {
    return `no microtask waits and no task is due: this lane's next task is ${named(webApis[0].label)}'s callback, at ${formatMs(webApis[0].due)}`;
  }
  return 'nothing is queued and no timer is waiting: this lane has finished';
}

/** What comes next after a callback that did nothing: more, or the lane
 * stopping there, its program unfinished.
 * @param {JsPlaces} places after the event */
function stops(places) {
  const { microtasks, taskQueue, webApis } = places;
  return microtasks.length || taskQueue.length || webApis.length
    ? nextUp(places)
    : 'nothing is queued and no timer is waiting: this lane stops here, its program unfinished';
}

/**
 * @param {TraceEvent} e
 * @param {'callbacks' | 'promises'} lane
 * @param {Context} context
 * @returns {string | null}
 */
function jsSentence(e, lane, context) {
  const after = context.after.places[lane];
  const before = context.before?.places[lane];
  const running = after.callStack[0];
  const promises = lane === 'promises';
  switch (e.kind) {
    case 'script_start':
      return `this lane's first task: the ${LANE_NAMES[lane]} panel's script starts, top to bottom`;
    case 'script_end':
      return `the script's synchronous part returned and the call stack is empty; ${nextUp(after)}`;
    case 'timer_set': {
      const due = formatMs(e.t + (e.clamped ?? e.ms));
      const clamped = e.clamped === undefined ? ''
        : ` (the browser made it wait ${formatMs(e.clamped)}, not ${formatMs(e.ms)}: a short timer set from inside timer callbacks nested more `
          + 'than five deep waits longer)';
      // (No sleep is labelled "yield": validation.rs `YIELD_LABEL`.)
      if (!promises && e.label === 'yield' && e.ms === 0) {
        return `${who(running)} called setTimeout(…, ${e.ms}) to yield. The rest of the program is its callback, which runs as a new `
          + `browser task, after any timer already due, at ${due} at the earliest${clamped}. `
          + '(In the Promises lane, await null resumes in a microtask instead, before any timer.)';
      }
      return promises
        ? `${who(running)} called timer(${e.ms}), which made a promise and called setTimeout for ${timerName(e)}: `
          + `a browser timer of its own, held in Web APIs until ${due}${clamped}`
        : `${who(running)} called setTimeout for ${timerName(e)} (${e.ms} ms): the browser holds it in Web APIs until ${due}${clamped}`;
    }
    case 'timer_cancel': {
      // A timer already due waits in the task queue: clearing it takes it
      // from there.
      const due = before?.taskQueue.some((t) => t.timer === e.timer);
      const place = due ? 'the task queue before its callback runs' : 'Web APIs before it fires';
      return promises
        ? `${who(running)} called abort() on the task's AbortController: the listener timer() had put on its signal cleared `
          + `${timerName(e)}, so that timer's promise stays pending and the task's code awaiting it never resumes (JS cannot cancel a `
          + 'promise, so the twin stops its timer instead)'
        : `${who(running)} cleared the aborted task's timers: ${timerName(e)} leaves ${place}; that callback would `
          + 'have carried the task on';
    }
    case 'timer_fired': {
      const late = e.late && e.late >= 0.5 ? ` (${formatMs(e.late)} late)` : '';
      const start = `${timerName(e)} was due${late}, so the event loop takes its callback from the task queue and runs it as a new task`;
      if (running?.kind === 'callback' && running.noop) {
        return promises
          ? `${start}: the callback is () => {}, which does nothing: it never calls resolve (the fix: setTimeout(resolve, ms)), `
            + `so ${timerPromise(context, e)} stays pending`
          : `${start}: the function passed to setTimeout${onLine(e.line)} runs, and its body is empty: it never calls the next step`;
      }
      return promises
        ? `${start}: the callback is resolve, and ${timerPromise(context, e)} fulfills now`
        : `${start}: the function passed to setTimeout${onLine(e.line)} runs`;
    }
    case 'callback_end': {
      const noop = before?.callStack[0]?.kind === 'callback' && before.callStack[0].noop;
      if (noop) {
        return promises
          ? `${timerName(e)}'s callback returned without resolving ${timerPromise(context, e)}: it stays pending forever, `
            + `so the code waiting on it never runs; ${stops(after)}`
          : `${timerName(e)}'s callback returned without calling the next step, so it never runs; ${stops(after)}`;
      }
      if (!promises) return `${timerName(e)}'s callback returned and the call stack is empty; ${nextUp(after)}`;
      const queued = after.microtasks.length;
      const what = queued
        ? `it queued ${count(queued, 'reaction')} to ${timerPromise(context, e)}`
        : `nothing was waiting on ${timerPromise(context, e)} yet, so it queued no reaction`;
      return `${timerName(e)}'s callback returned: ${what}; ${nextUp(after)}`;
    }
    case 'enqueue':
      return `${enqueueCause(context, e)} joined the microtask queue`
        + `${after.microtasks.length > 1 ? ` (${ordinal(after.microtasks.length)} in line)` : ''}`;
    case 'reaction':
    case 'resume':
    case 'engine_job':
      return `the call stack is empty, so the event loop runs the first microtask: ${jobStarts(/** @type {JobPlace} */ (running))}`;
    case 'job_end': {
      const ended = before?.callStack[0];
      const job = ended?.kind === 'job' ? ended : { handler: e.handler, step: e.step, line: e.line };
      const done = job.handler === 'await'
        ? `the async function (resumed at its await${onLine(job.line)}) ran to its next await or its end, and gave the thread back`
        : `${jobName(job)} ${job.handler === 'then' ? 'returned' : 'is done'}`;
      return `${done}; ${nextUp(after)}`;
    }
    case 'log':
      return `${who(running)} called console.log: “${e.text}”`;
    case 'block':
      return `${who(running)} kept the thread busy for ${formatMs(e.ms)} (a busy loop): nothing else runs meanwhile, `
        + 'no timer callback, no microtask, no painting, so a timer due meanwhile fires late';
    default:
      return null;
  }
}

/** A job that starts, and what it does.
 * @param {JobPlace} job */
function jobStarts(job) {
  switch (job.handler) {
    case 'then': return `the .then callback${onLine(job.line)} starts`;
    case 'await': return `the async function resumes after its await${onLine(job.line)}`;
    case 'all': return `the engine's own job: Promise.all notes that its item${onLine(job.line)} fulfilled (it fulfills once every item has)`;
    case 'race': return `the engine's own job: Promise.race hears that its item${onLine(job.line)} fulfilled (the first to settle settles the race; later ones change nothing)`;
    case 'thenable': return `the engine's own job subscribes the .then's promise to the promise its callback${onLine(job.line)} returned (no code of the panel runs)`;
    default: return `the engine's own job: the promise the .then callback${onLine(job.line)} returned has fulfilled, so the .then's own promise takes its value (no code of the panel runs)`;
  }
}

/**
 * Why a job joined the microtask queue, and which: "the promise from
 * timer(200) fulfilled, so its .then callback on line 6".
 * @param {Context} context
 * @param {Extract<TraceEvent, {kind: 'enqueue'}>} e
 */
function enqueueCause(context, e) {
  const job = { handler: e.handler, step: e.step, line: e.line };
  const what = queuedJob(job);
  const running = context.before?.places.promises.callStack[0];
  switch (e.by) {
    case 'timer':
      if (e.handler === 'adopt') {
        return `${timerName(e)}'s callback fulfilled ${timerPromise(context, e)}, the promise the .then callback${onLine(e.line)} `
          + 'returned, so the engine\'s job to give its value to that .then\'s own promise';
      }
      return `${timerName(e)}'s callback fulfilled ${timerPromise(context, e)}, so ${what}`;
    case 'then': {
      const cause = running?.kind === 'job' && running.handler === 'adopt'
        ? `the .then${onLine(running.line)} took the value of the promise its callback returned, fulfilling its own promise`
        : running?.kind === 'job' && running.handler === 'then'
          ? `the .then callback${onLine(running.line)} returned, fulfilling its .then's promise`
          : 'a .then\'s promise fulfilled';
      return `${cause}, so ${what.replace(/^its /, 'the next ')}`;
    }
    case 'async':
      return `an async function returned, fulfilling its promise, so ${what.replace(/^its /, 'the ')}`;
    case 'all':
      return `every item of Promise.all has fulfilled, so its promise fulfilled, and ${what.replace(/^its /, 'the ')}`;
    case 'race':
      return `an item of Promise.race fulfilled first, so the race's promise fulfilled, and ${what.replace(/^its /, 'the ')}`;
    case 'settled':
      if (e.handler === 'await') {
        return `the await${onLine(e.line)} is of a promise already fulfilled (or of a plain value), so its resumption`;
      }
      if (e.handler === 'adopt') {
        return `the promise the .then callback${onLine(e.line)} returned was already fulfilled, so the engine's job to give its value `
          + 'to that .then\'s own promise';
      }
      return `${what.replace(/^its /, 'the ')} was registered on a promise already fulfilled, so it`;
    case 'return':
      return `the .then callback${onLine(e.line)} returned a promise, so the engine's own job to follow it `
        + '(the first of two extra hops)';
    default:
      return `${what.replace(/^its /, 'the ')}`;
  }
}

// ---- The Rust lane ----

/**
 * Whose wakers the reactor holds for the timers `task` waits on: its own,
 * or (lost-wake's bug) one that wakes nobody.
 * @param {RustState['timerQueue']} mine @param {number} task
 */
function wakersHeld(mine, task) {
  const waking = mine.filter((t) => t.waker === 'task');
  const notWaking = mine.filter((t) => t.waker !== 'task');
  if (!notWaking.length) return 'and the reactor keeps its waker';
  const which = waking.length ? and(notWaking.map((t) => named(t.label))) : (mine.length === 1 ? 'it' : 'them');
  const held = notWaking.every((t) => t.waker === 'noop') ? 'only Waker::noop(), which wakes nobody' : `only a waker that is not task ${task}'s`;
  const rest = waking.length ? `; for ${and(waking.map((t) => named(t.label)))} it keeps task ${task}'s` : '';
  return `but for ${which} the reactor holds ${held}${rest}`;
}

/** `run()` for the lane's root task (task 1, what the lane spawns), else `task N's future`.
 * @param {number} task */
const futureOf = (task) => (task === 1 ? 'run()' : `task ${task}'s future`);

/** Suspend1 at line 5 → ": run() stays suspended at line 5 (Suspend1)"; else nothing.
 * @param {TaskView['machine'] | undefined} machine the task's last `state` @param {number} task */
function suspended(machine, task) {
  return machine?.line === undefined ? '' : `: ${futureOf(task)} stays suspended at line ${machine.line} (${machine.variant})`;
}

/**
 * @param {TraceEvent} e
 * @param {Context} context
 * @returns {string | null}
 */
function rustSentence(e, context) {
  const state = context.after.rust;
  const { lookback } = context;
  /** @param {number} timer */
  const ownerOf = (timer) => context.rust.ownerOf(timer);
  const task = (/** @type {number} */ id) => state.tasks.find((t) => t.id === id);
  switch (e.kind) {
    case 'spawn':
      return `task ${e.task} was spawned: ${futureOf(e.task)} is on the executor's ready queue, and none of its code has run `
        + '(futures are lazy: nothing happens until a poll)';
    case 'batch':
      return (e.turn === 'microtask'
        ? 'our executor\'s turn begins in a microtask, right after the current browser task'
        : 'our executor\'s turn begins in a new browser task, after its yield (timers could fire and the page paint in between)')
        + `: it polls the ${count(e.tasks, 'task')} queued when it began; tasks woken meanwhile wait for the next batch`;
    case 'poll_start': {
      const polls = task(e.task)?.polls ?? 1;
      if (polls === 1) {
        return `the executor took task ${e.task} off the ready queue and called poll on its future: `
          + `the first poll, so ${futureOf(e.task)}'s body starts only now`;
      }
      const pinned = lookback.pollAddr === e.addr ? ', at the same address as before: the future is pinned, it never moves' : '';
      return `the executor took task ${e.task} off the ready queue and polled its future again (poll ${polls})${pinned}`;
    }
    case 'poll_end': {
      if (e.result === 'ready') {
        const left = state.timerQueue.filter((t) => ownerOf(t.timer) === e.task);
        const polls = task(e.task)?.polls ?? 1;
        return `task ${e.task}'s poll ${polls} returned Ready: ${futureOf(e.task)} is done, and its future is dropped`
          + (left.length ? ` (which cancels ${and(left.map((t) => named(t.label)))}, next)` : '');
      }
      const machine = suspended(task(e.task)?.machine, e.task);
      if (state.ready.includes(e.task)) {
        return `task ${e.task}'s poll returned Pending${machine}; it woke itself during the poll, so the executor puts it back on the `
          + 'ready queue now, for the next batch';
      }
      const mine = state.timerQueue.filter((t) => ownerOf(t.timer) === e.task);
      const due = (/** @type {RustState['timerQueue'][number]} */ t) => `${named(t.label)} (${t.deadline <= e.t ? 'its deadline, ' : 'due at '}`
        + `${formatMs(t.deadline)}${t.deadline <= e.t ? ', has passed' : ''})`;
      const waits = mine.length
        ? `it waits for ${and(mine.map(due))}, ${wakersHeld(mine, e.task)}`
        : 'it waits until something wakes its waker (no timer of our reactor holds it)';
      return `task ${e.task}'s poll returned Pending${machine}; ${waits}`;
    }
    case 'child_poll': {
      const nth = ordinal(e.child + 1);
      if (e.combinator === 'select') {
        return `inside task ${e.task}'s poll, select! polled its ${nth} branch: `
          + (e.result === 'ready' ? 'Ready, so it wins, and select! drops the other branches now' : 'still Pending');
      }
      return `inside task ${e.task}'s poll, join! polled its ${nth} future: `
        + (e.result === 'ready' ? 'Ready (join! is done when every one of its futures is)' : 'still Pending');
    }
    case 'wake': {
      const twin = '(the twin of a promise reaction joining the microtask queue)';
      if (e.by === 'timer' && e.outcome === 'queued') {
        return `${timerName(e)}'s waker put task ${e.task} on the executor's ready queue ${twin}`;
      }
      const source = {
        timer: `${timerName(e)}'s waker, kept by the reactor, woke task ${e.task}`,
        self: `task ${e.task} woke its own waker during its poll (as yield_now does)`,
        task: `task ${e.by_task} woke task ${e.task}'s waker during its poll`,
        external: `something outside our executor (no poll, no timer of ours: JS such as a promise's callback, or a drop) woke task ${e.task}'s waker`,
      }[e.by];
      if (e.outcome === 'queued' && e.by === 'self') {
        return `${source}: the executor marks it woken, and puts it back on the ready queue for the next batch if this poll returns `
          + `Pending (as tokio does; ${twin.slice(1)}`;
      }
      if (e.outcome === 'queued') return `${source}: task ${e.task} joins the ready queue ${twin}`;
      if (e.outcome === 'already_queued' && e.by === 'self') {
        return `${source}, but it is already marked woken in this poll: this wake adds no poll (many wakes, one poll)`;
      }
      if (e.outcome === 'already_queued') {
        return `${source}, but it was already on the ready queue: this wake adds no poll (many wakes, one poll)`;
      }
      return `${source}, but it has finished: the wake does nothing`;
    }
    case 'task_drop': {
      const by = state.tasks.find((t) => t.state === 'polling' && t.id !== e.task)?.id;
      return by !== undefined
        ? `task ${by} called abort() on task ${e.task}'s JoinHandle: our executor drops task ${e.task} now (destroys its paused future) `
          + 'and never polls it again (tokio only marks it here, and drops it when its scheduler next takes the task up)'
        : `task ${e.task} was dropped before it finished (the run was torn down); dropping its future cancels any timer it held`;
    }
    case 'lost_waker': {
      const prev = lookback.previous;
      const why = prev?.kind === 'poll_end' && prev.task === e.task
        ? ' (its last poll returned Pending without keeping cx.waker())'
        : ' (whoever kept its last waker dropped it unused)';
      return `task ${e.task} is waiting and nothing holds its waker: it will never be polled again${why}`;
    }
    case 'timer_set': {
      const owner = e.task ? `during task ${e.task}'s poll, ` : '';
      const deadline = e.deadline ?? e.t + e.ms;
      const made = deadline - e.ms;
      const keeps = !e.task ? ''
        : e.waker === 'noop' ? `; the waker the reactor keeps is the one the Sleep was polled with: Waker::noop(), which wakes nobody, `
          + `not task ${e.task}'s (the hand-written future did not pass its cx on)`
          : e.waker === 'other' ? `; the reactor keeps the waker it was handed, which is not task ${e.task}'s`
            : `; the reactor keeps task ${e.task}'s waker for it`;
      if (made < e.t - 0.001) {
        const passed = deadline <= e.t
          ? `its deadline, ${formatMs(deadline)}, is now, so it fires on the reactor's next callback`
          : `its deadline stays ${formatMs(deadline)}`;
        return `${owner}the Sleep from sleep_ms(${e.ms}), made at ${formatMs(made)}, registered ${timerName(e)} with our reactor only now, `
          + `at its first poll: ${passed}${keeps}`;
      }
      return `${owner}sleep_ms(${e.ms}) registered ${timerName(e)} with our reactor, due at ${formatMs(deadline)}${keeps}`;
    }
    case 'timer_elapsed': {
      const owner = e.task ? `during task ${e.task}'s poll, ` : '';
      return `${owner}the Sleep from sleep_ms(${e.ms}) was polled for the first time: made at ${formatMs(e.deadline - e.ms)}, its `
        + `deadline is ${formatMs(e.deadline)}, which passed ${formatMs(e.late)} ago, so it is Ready at once, with no timer registered `
        + 'and no wake needed (tokio\'s sleep does the same)';
    }
    case 'timer_fired': {
      const owner = ownerOf(e.timer);
      const late = e.late && e.late >= 0.5 ? ` ${formatMs(e.late)} after its deadline` : '';
      const waker = context.rust.wakerOf(e.timer);
      const wakes = !owner ? ''
        : waker === 'noop' ? `, and the reactor calls the waker it kept: Waker::noop(), which does nothing, so task ${owner} is not woken`
          : waker === 'other' ? `, and the reactor calls the waker it kept, which is not task ${owner}'s`
            : `, and the reactor calls the waker it kept for task ${owner}`;
      const prev = lookback.previous;
      const same = prev && prev.t === e.t && (prev.kind === 'timer_fired' || (prev.kind === 'wake' && prev.by === 'timer'));
      // "Timer 2, which was due too (it expired 20 ms after its deadline)":
      // the lateness is the timer's, not its due time's.
      return same
        ? `the same callback of the reactor's setTimeout also expired ${timerName(e)}, which was due too${late ? ` (it expired${late})` : ''}${wakes}`
        : `the browser ran the reactor's one setTimeout; ${timerName(e)} expired${late}${wakes}`;
    }
    case 'timer_cancel': {
      const owner = ownerOf(e.timer);
      const aborted = owner !== undefined && task(owner)?.state === 'dropped';
      const why = lookback.selectWon
        ? 'select! dropped its losing branches, and with this one the Sleep it waited on'
        : aborted ? `task ${owner} was dropped, and with it the Sleep it was waiting on (the future sleep_ms returned; a dropped Sleep `
          + 'takes its timer off the reactor)'
          : 'its Sleep was dropped before it fired';
      return `${why}, so our reactor removed ${timerName(e)}: it will never fire`;
    }
    case 'reactor_arm': {
      const before = context.before?.rust.armed ?? null;
      const others = state.timerQueue.length - 1;
      if (before && before.deadline === e.deadline) {
        // The timeout came back with nothing due (browsers may call back a
        // little early): the reactor arms it again for the same deadline.
        return `the browser called the reactor's setTimeout back with nothing due${e.t < e.deadline ? ', before the deadline' : ''}, `
          + `so our reactor armed it again for ${formatMs(e.deadline)}, to call back in ${formatMs(e.delay)}`;
      }
      const verb = before ? `re-armed its one browser setTimeout (it was for ${formatMs(before.deadline)})` : 'armed its one browser setTimeout';
      const max = e.delay >= 2147483647 ? ' (the browser\'s longest delay: it re-arms in chunks)' : '';
      return `our reactor ${verb} for the earliest deadline, ${formatMs(e.deadline)}, to call back in ${formatMs(e.delay)}${max}`
        + (others === 1 ? '; the other timer waits behind it' : others > 1 ? `; the other ${others} timers wait behind it` : '');
    }
    case 'reactor_clear':
      return 'no timer is left in our reactor, so it cleared its browser setTimeout';
    case 'yield': {
      // What ended the slice, as the runtime recorded it: on the Virtual
      // clock time stands still but for block_ms, so a budget of polls
      // bounds a browser task there too. The figures are the runtime's
      // DEFAULT_BUDGET and DEFAULT_SLICE_MS (tests/trace_format.rs checks).
      const figure = e.limit === 'polls' ? '16,384 per browser task on the Virtual clock' : '8 ms of polling per browser task';
      return `our executor used up its ${sliceName(e.limit)} (${figure}), so it yields: it asks the browser for a new browser task `
        + `and stops. ${e.queued === 1 ? 'The 1 Rust task queued waits' : `The ${e.queued} Rust tasks queued wait`} for that one; meanwhile the `
        + 'browser may run timers that are due and paint the page';
    }
    case 'state': {
      if (e.point !== undefined && e.line !== undefined) {
        return `${futureOf(e.task)}'s state machine is now in ${e.variant}: suspended at its `
          + `${ordinal(e.point + 1)} suspension point, line ${e.line}`;
      }
      if (e.variant === 'Returned') return `${futureOf(e.task)}'s state machine is now Returned: its body has run to the end`;
      return `task ${e.task} reported the state of its state machine: ${e.variant}`;
    }
    case 'address': {
      // Task e.task's future: where its last poll found it, and its size.
      const start = context.rust.pollAddrs.get(e.task);
      const size = context.rust.sizes.get(e.task);
      const inside = start !== undefined && size !== undefined && e.addr >= start && e.addr < start + size;
      // The task's whole future: the State machine's size_of is of the
      // async fn's own, which the page wraps (it records its states).
      const where = inside ? `, inside task ${e.task}'s future (${hex(/** @type {number} */ (start))}, ${size} bytes: the async `
        + 'fn\'s own future, and what the page wraps around it to record its states)' : '';
      const earlier = context.before?.rust.addresses[e.name];
      const same = earlier === undefined ? '' : earlier === e.addr ? '; the same as at the last poll: it never moved' : '; it moved';
      if (e.name === 'borrowed') {
        const s = state.addresses.s;
        const at = s === e.addr ? `, where s lives: the future points into itself` : '';
        return `borrowed points at ${hex(e.addr)}${at}${same}`;
      }
      return `${e.name} lives at ${hex(e.addr)}${where}${same}`;
    }
    case 'block': {
      const owner = e.task ? `during task ${e.task}'s poll, ` : '';
      return `${owner}block_ms(${e.ms}) kept the thread busy for ${formatMs(e.ms)}: nothing else runs meanwhile, no timer callback, `
        + 'no other poll, no painting, so a timer due meanwhile fires late (anything due during the block happens after it ends). '
        + 'Calling std::thread::sleep in an async fn blocks the thread the same way, a classic bug (on tokio\'s multi-threaded '
        + 'runtime it blocks one worker thread): to wait while other futures run, await a sleep';
    }
    case 'log': {
      const polled = state.tasks.find((t) => t.state === 'polling');
      return polled ? `during task ${polled.id}'s poll, ${futureOf(polled.id)} logged “${e.text}”` : `the program logged “${e.text}”`;
    }
    default:
      return null;
  }
}
