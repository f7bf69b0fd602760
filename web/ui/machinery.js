// Each lane's machinery beside its code, following the replay: for a JS lane
// its Web APIs, Task queue, Microtask queue and Call stack; for the Rust lane
// their twins: the reactor's timer queue and its one browser timeout, the
// browser's task queue, the executor's ready queue, the task being polled.
// What is where comes from the replay model (replay/js-lane.js,
// replay/rust-lane.js); this only words it.
import { qs, el, formatMs } from '../dom.js';

/** @import { JsPlaces, JobPlace, Frame } from '../replay/js-lane.js' */
/** @import { RustPlaces } from '../replay/rust-lane.js' */
/** @import { SpawnLocalPlaces, SpawnLocalFrame } from '../replay/spawn-local-lane.js' */
/** @import { Handler } from '../types.js' */

/** @type {Record<Handler, string>} */
const JOBS = {
  then: '.then callback',
  await: 'await resumes',
  all: 'Promise.all: an item fulfilled',
  race: 'Promise.race: an item fulfilled',
  thenable: 'engine: follow the promise the callback returned',
  adopt: 'engine: take that promise\'s value',
};

/** @param {{line?: number}} at */
const line = (at) => (at.line ? `, line ${at.line}` : '');

/** @param {JobPlace} job */
export const describeJob = (job) => `${JOBS[job.handler]}${line(job)}`;

/**
 * @param {Frame} frame
 * @param {boolean} resolves the callback is a promise's `resolve`
 */
export function describeFrame(frame, resolves) {
  if (frame.kind === 'script') return 'script: the panel\'s code';
  if (frame.kind === 'callback' && frame.noop) return `${frame.label}'s callback: () => {}, which does nothing`;
  if (frame.kind === 'callback') return `${frame.label}'s callback${resolves ? ' (resolve)' : ''}`;
  return describeJob(frame);
}

/** Whom a Rust timer's waker wakes.
 * @param {RustPlaces['timers'][number]} timer */
function wakes(timer) {
  if (timer.waker === 'noop') return 'wakes nobody (it holds Waker::noop())';
  if (timer.waker === 'other') return `wakes a waker that is not ${timer.task ? `task ${timer.task}'s` : 'a task\'s'}`;
  return timer.task ? `wakes task ${timer.task}` : 'wakes its task';
}

/** What each list shows now, so a step that leaves it as it was touches nothing. */
const shown = new WeakMap();

/**
 * A list's items as text; an empty list says so.
 * @param {Element} list
 * @param {string[]} items
 */
function fill(list, items) {
  const key = items.join('\n');
  if (shown.get(list) === key) return;
  shown.set(list, key);
  list.replaceChildren(...(items.length
    ? items.map((text) => el('li', {}, text))
    : [el('li', { class: 'empty' }, 'empty')]));
}

export class Machinery {
  /** @param {ParentNode} root */
  constructor(root) {
    /** @param {string} lane */
    const jsLists = (lane) => ({
      webApis: qs(`#webapis-${lane}`, root),
      taskQueue: qs(`#tasks-${lane}`, root),
      microtasks: qs(`#microtasks-${lane}`, root),
      callStack: qs(`#stack-${lane}`, root),
    });
    this.callbacks = jsLists('callbacks');
    this.promises = jsLists('promises');
    this.spawnLocal = jsLists('spawnLocal');
    this.futures = {
      timers: qs('#timer-queue', root),
      armed: qs('#armed-timeout', root),
      taskQueue: qs('#task-queue-futures', root),
      ready: qs('#ready-queue', root),
      polling: qs('#polling', root),
    };
  }

  /** @param {{callbacks: JsPlaces, promises: JsPlaces, futures: RustPlaces, spawnLocal?: SpawnLocalPlaces}} places */
  show(places) {
    if (places.spawnLocal) this.showSpawnLocal(places.spawnLocal);
    for (const lane of /** @type {const} */ (['callbacks', 'promises'])) {
      const p = places[lane];
      const lists = this[lane];
      fill(lists.webApis, p.webApis.map((t) => `${t.label}: due at ${formatMs(t.due)}`));
      fill(lists.taskQueue, p.taskQueue.map((t) => `${t.label}'s callback (due at ${formatMs(t.due)})`));
      fill(lists.microtasks, p.microtasks.map(describeJob));
      fill(lists.callStack, p.callStack.map((f) => describeFrame(f, lane === 'promises')));
    }
    const r = places.futures;
    const lists = this.futures;
    fill(lists.timers, r.timers.map((t) => `${t.label}: due at ${formatMs(t.deadline)}, ${wakes(t)}`));
    lists.armed.textContent = r.armed
      ? `one setTimeout, for ${formatMs(r.armed.deadline)} (delay ${formatMs(r.armed.delay)})`
      : 'none';
    fill(lists.taskQueue, r.taskQueue.map((t) => (t.kind === 'reactor'
      ? `the reactor's setTimeout callback (due at ${formatMs(t.deadline)})`
      : `the executor's turn, after a yield (${t.queued} task${t.queued === 1 ? '' : 's'} queued)`)));
    fill(lists.ready, r.ready.map((id) => `task ${id}`));
    fill(lists.polling, r.polling.map((t) => `poll task ${t.id}`));
  }

  /** The spawn_local lane's places: the JS event loop's, where its executor runs.
   * @param {SpawnLocalPlaces} p */
  showSpawnLocal(p) {
    const lists = this.spawnLocal;
    fill(lists.webApis, p.webApis.map((t) => `${t.label}: gloo's timer, due at ${formatMs(t.due)}`));
    fill(lists.taskQueue, p.taskQueue.map((t) => `${t.label}: gloo's callback (due at ${formatMs(t.due)})`));
    const ready = p.ready.filter((task) => !p.done.has(task));
    const polls = ready.length ? `: poll ${ready.map((task) => `task ${task}`).join(', ')}` : '';
    fill(lists.microtasks, Array.from({ length: p.microtasks }, () => `spawn_local's microtask${polls}`));
    fill(lists.callStack, p.callStack.map(describeSpawnLocalFrame).reverse());
  }
}

/** @param {SpawnLocalFrame} frame */
function describeSpawnLocalFrame(frame) {
  if (frame.kind === 'callback') return `${frame.label}: gloo's callback (wakes the sleep's task)`;
  if (frame.kind === 'executor') return 'spawn_local\'s microtask';
  return `poll task ${frame.task}`;
}
