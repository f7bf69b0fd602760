// What happened, for the lane "Rust on spawn_local": one sentence per event,
// from the event and the lane's places after it (spawn-local-lane.js). The
// lane's executor is wasm-bindgen-futures' spawn_local and its sleeps are
// gloo-timers': each sentence says what that machinery did, in the words of
// the JS event loop it runs in. Pure: no DOM.

import { formatMs } from '../dom.js';
import { timerName, onLine, hex, and } from './names.js';

/** @import { TraceEvent } from '../types.js' */
/** @import { SpawnLocalPlaces } from './spawn-local-lane.js' */

/** `task 1`, `tasks 1 and 2`; `no task`. @param {number[]} tasks */
const tasksNamed = (tasks) => (tasks.length === 0 ? 'no task' : `${tasks.length === 1 ? 'task' : 'tasks'} ${and(tasks.map(String))}`);

/** The task being polled, if one is. @param {SpawnLocalPlaces | undefined} places */
function polled(places) {
  const frame = places?.callStack.at(-1);
  return frame?.kind === 'poll' ? frame.task : undefined;
}

/**
 * The sentence for `e`, without its time; null for a kind it does not know.
 * @param {TraceEvent} e
 * @param {SpawnLocalPlaces | undefined} after the places after `e`
 * @param {SpawnLocalPlaces | undefined} before the places before it
 * @returns {string | null}
 */
export function spawnLocalSentence(e, after, before) {
  switch (e.kind) {
    case 'spawn':
      return `task ${e.task} was handed to spawn_local. None of its code has run yet: a future runs only when polled, and `
        + 'spawn_local polls it later, in a microtask';
    case 'microtask_queued':
      return 'spawn_local queued a microtask (queueMicrotask) to poll the tasks waiting on its queue: it runs as soon '
        + 'as the call stack is empty, before any timer\'s callback';
    case 'microtask_start': {
      const queued = after?.ready ?? [];
      const pollable = queued.filter((task) => !after?.done.has(task));
      if (pollable.length === 0) {
        const finished = queued.length === 1 ? `its only queued task, task ${queued[0]}, has` : `its queued ${tasksNamed(queued)} have`;
        return `spawn_local's microtask starts, but ${finished} already finished: there is nothing to poll`;
      }
      return `spawn_local's microtask starts: it polls the tasks queued before it started (here, ${tasksNamed(pollable)}). `
        + 'A task woken during this microtask is polled in the next one';
    }
    case 'poll_start':
      return `spawn_local polls task ${e.task}: it calls poll on the task's future, which runs until it reaches an .await `
        + 'that is not ready yet, or until it finishes';
    case 'poll_end':
      return e.result === 'ready'
        ? `task ${e.task}'s poll returned Ready: the task is done, and spawn_local drops its future`
        : `task ${e.task}'s poll returned Pending: it waits until something wakes it`;
    case 'microtask_end':
      if ((after?.microtasks ?? 0) > 0) return 'spawn_local\'s microtask returned; another one is queued, and runs next';
      if ((after?.webApis.length ?? 0) + (after?.taskQueue.length ?? 0) > 0) {
        return 'spawn_local\'s microtask returned: nothing in this lane runs until a timer fires';
      }
      return 'spawn_local\'s microtask returned';
    case 'timer_set':
      return `the sleep for ${timerName(e)} set a browser timer of ${formatMs(e.ms)} (setTimeout)${onLine(e.line)}`
        + `${e.clamped === undefined ? '' : `, which the browser makes wait ${formatMs(e.clamped)} (a short timer set from deep in nested timer callbacks)`}. `
        + 'gloo-timers starts a sleep\'s timer as soon as the sleep is created, before anything awaits it; most futures '
        + 'do nothing until they are polled';
    case 'timer_fired': {
      const late = e.late ? `, ${formatMs(e.late)} after it was due (the thread was busy until then)` : '';
      return `${timerName(e)} fired: the browser runs gloo's callback as a separate browser task${late}`;
    }
    case 'callback_end':
      return (after?.microtasks ?? 0) > 0
        ? `${timerName(e)}'s callback returned; the microtask spawn_local queued when the callback woke the task runs now, `
          + 'before the browser takes the next task from the task queue'
        : `${timerName(e)}'s callback returned`;
    case 'timer_cancel':
      return `gloo cleared ${timerName(e)}'s browser timer (clearTimeout): its sleep was dropped before it fired`;
    case 'wake': {
      const woke = e.by === 'timer' ? `${timerName(e)}'s callback woke task ${e.task}`
        : e.by === 'self' ? `task ${e.task} woke itself during its own poll (yield_now does this; so does dropping a gloo sleep)`
          : e.by === 'task' ? `task ${e.by_task}'s poll woke task ${e.task}` : `code outside the lane's tasks woke task ${e.task}`;
      if (e.outcome === 'already_queued') return `${woke}, which was already waiting to be polled: this adds no poll`;
      const finished = before?.done.has(e.task) ? ' (it has finished: the microtask will find nothing to poll)' : '';
      return `${woke}: spawn_local puts it on its own queue (not the browser's microtask queue), to poll in a microtask${finished}`;
    }
    case 'address': {
      const earlier = before?.addresses[e.name];
      const same = earlier === undefined ? '' : earlier === e.addr ? '; the same as at the last poll: it never moved' : '; it moved';
      if (e.name === 'borrowed') {
        const at = after?.addresses.s === e.addr ? ', where s lives: the future points into itself' : '';
        return `in task ${e.task}'s future, borrowed points at ${hex(e.addr)}${at}${same}`;
      }
      return `in task ${e.task}'s future, ${e.name} lives at ${hex(e.addr)}${same}`;
    }
    case 'log': {
      const task = polled(after);
      return `${task === undefined ? 'the program' : `task ${task}`} logged “${e.text}”${onLine(e.line)}`;
    }
    case 'block': {
      const task = polled(after);
      return `${task === undefined ? 'the program' : `task ${task}`} kept the thread busy for ${formatMs(e.ms)}${onLine(e.line)}: `
        + 'nothing else runs meanwhile, not even a timer callback that is now due';
    }
    default:
      return null;
  }
}
