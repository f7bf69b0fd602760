// What happened, for the lane "Rust on spawn_local": one sentence per event,
// from the event and the lane's places after it (spawn-local-lane.js). The
// lane's executor is wasm-bindgen-futures' spawn_local and its sleeps are
// gloo-timers': each sentence says what that machinery did, in the words of
// the JS event loop it runs in. Pure: no DOM.

import { formatMs } from '../dom.js';
import { timerName, onLine } from './names.js';

/** @import { TraceEvent } from '../types.js' */
/** @import { SpawnLocalPlaces } from './spawn-local-lane.js' */

/** `task 1`, `tasks 1 and 2`. @param {number[]} tasks */
const tasksNamed = (tasks) => (tasks.length === 1 ? `task ${tasks[0]}`
  : `tasks ${tasks.slice(0, -1).join(', ')} and ${tasks.at(-1)}`);

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
      return `task ${e.task} was handed to spawn_local, which will poll it in a microtask. Nothing of it runs yet: `
        + 'futures are lazy';
    case 'microtask_queued':
      return 'spawn_local queued a microtask (queueMicrotask) to poll its ready tasks: it runs as soon as the code '
        + 'running now returns, before any timer\'s callback';
    case 'microtask_start': {
      const ready = after?.ready ?? [];
      const pollable = ready.filter((task) => !after?.done.has(task));
      if (pollable.length === 0) {
        return `spawn_local's microtask starts. Its queue holds only ${tasksNamed(ready)}, already finished: `
          + 'there is nothing to poll';
      }
      return `spawn_local's microtask starts: it polls the ${pollable.length === 1 ? 'task' : 'tasks'} ready now, `
        + `${tasksNamed(pollable)}. A task woken while it runs waits for the next microtask`;
    }
    case 'poll_start':
      return `spawn_local polls task ${e.task}: it calls poll on the task's future, which runs to its next .await that is not ready`;
    case 'poll_end':
      return e.result === 'ready'
        ? `task ${e.task}'s poll returned Ready: the task is done, and spawn_local drops its future`
        : `task ${e.task}'s poll returned Pending: it waits until something wakes it`;
    case 'microtask_end':
      if ((after?.microtasks ?? 0) > 0) return 'spawn_local\'s microtask returned; another one is queued, and runs next';
      if ((after?.webApis.length ?? 0) + (after?.taskQueue.length ?? 0) > 0) {
        return 'spawn_local\'s microtask returned: nothing of this lane runs until a timer fires';
      }
      return 'spawn_local\'s microtask returned';
    case 'timer_set':
      return `the sleep for ${timerName(e)} set a browser timer of ${formatMs(e.ms)} (setTimeout)${onLine(e.line)}. `
        + 'gloo-timers sets one timer per sleep, when the sleep is made';
    case 'timer_fired': {
      const late = e.late ? `, ${formatMs(e.late)} after it was due (nothing else could run before)` : '';
      return `${timerName(e)} fired: the browser runs its callback, gloo's, as a task of its own${late}`;
    }
    case 'callback_end':
      return (after?.microtasks ?? 0) > 0
        ? `${timerName(e)}'s callback returned; the microtask it queued runs now, before any other timer`
        : `${timerName(e)}'s callback returned`;
    case 'timer_cancel':
      return `gloo cleared ${timerName(e)}'s browser timer (clearTimeout): its sleep was dropped before it fired`;
    case 'wake': {
      const by = e.by === 'timer' ? `${timerName(e)}'s callback`
        : e.by === 'self' ? `task ${e.task}'s own poll`
          : e.by === 'task' ? `task ${e.by_task}'s poll` : 'code outside the lane\'s tasks';
      if (e.outcome === 'already_queued') return `${by} woke task ${e.task}, which was already waiting to be polled: this adds no poll`;
      const finished = before?.done.has(e.task) ? ' (it has finished: the executor will find nothing to poll)' : '';
      return `${by} woke task ${e.task}: spawn_local puts it on its queue, to poll in a microtask${finished}`;
    }
    case 'log': {
      const task = polled(after);
      return `${task === undefined ? 'the program' : `task ${task}`} logged “${e.text}”${onLine(e.line)}`;
    }
    case 'block': {
      const task = polled(after);
      return `${task === undefined ? 'the program' : `task ${task}`} kept the thread busy for ${formatMs(e.ms)}${onLine(e.line)}: `
        + 'nothing else runs meanwhile, not even a timer that falls due';
    }
    default:
      return null;
  }
}
