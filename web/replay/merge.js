// The replay model: all lanes' events merged in time order, and what the
// views need to know at a position (derived from the events, never stored).

/** @import { Lane, RunResult, MergedEvent, TraceEvent, TaskView, RustState, LaneSummary, RunSummary, EventKind } from './types.js' */

/** @type {Lane[]} */
export const LANES = ['callbacks', 'promises', 'futures'];
/** @type {Record<Lane, string>} */
export const LANE_NAMES = { callbacks: 'Callbacks', promises: 'Promises', futures: 'Rust futures' };

/**
 * `[{lane, event}]` in time order; lanes in a fixed order at equal times.
 * @param {RunResult} result
 * @returns {MergedEvent[]}
 */
export function merge(result) {
  /** @type {(MergedEvent & {order: number})[]} */
  const all = [];
  LANES.forEach((lane, order) => {
    for (const event of result[lane].events) all.push({ lane, order, event });
  });
  all.sort((a, b) => a.event.t - b.event.t || a.order - b.order || a.event.seq - b.event.seq);
  return all.map(({ lane, event }) => ({ lane, event }));
}

/**
 * For each lane, its latest event at or before `position`.
 * @param {MergedEvent[]} merged
 * @param {number} position
 */
export function currentByLane(merged, position) {
  /** @type {Partial<Record<Lane, TraceEvent>>} */
  const current = {};
  for (let i = 0; i <= position && i < merged.length; i += 1) {
    current[merged[i].lane] = merged[i].event;
  }
  return current;
}

/**
 * The line to highlight in a lane: its latest event that names a line.
 * @param {MergedEvent[]} merged
 * @param {number} position
 * @param {Lane} lane
 */
export function currentLine(merged, position, lane) {
  for (let i = Math.min(position, merged.length - 1); i >= 0; i -= 1) {
    if (merged[i].lane === lane && merged[i].event.line) return merged[i].event.line;
  }
  return undefined;
}

/**
 * Inside the Rust lane at a position: tasks, ready queue, timers, the armed
 * timeout, the state machine's state, and the self-ref addresses.
 * @param {MergedEvent[]} merged
 * @param {number} position
 * @returns {RustState}
 */
export function rustState(merged, position) {
  /** @type {Map<number, TaskView>} */
  const tasks = new Map();
  /** @type {number[]} */
  const ready = [];
  // Tasks woken during their own poll: the executor queues them when the
  // poll ends (as tokio does), not at the wake.
  /** @type {Set<number>} */
  const notified = new Set();
  /** @type {Map<number, RustState['timerQueue'][number]>} */
  const timers = new Map();
  /** @type {RustState['armed']} */
  let armed = null;
  /** @type {RustState['addresses']} */
  const addresses = {};
  /** @type {number | undefined} */
  let size;
  /** @type {number | undefined} */
  let futureAddr;
  /** @param {number} id */
  const task = (id) => {
    if (!tasks.has(id)) tasks.set(id, { id, state: 'queued', polls: 0, wakes: 0, machine: '' });
    return /** @type {TaskView} */ (tasks.get(id));
  };
  for (let i = 0; i <= position && i < merged.length; i += 1) {
    const { lane, event: e } = merged[i];
    if (lane !== 'futures') continue;
    switch (e.kind) {
      case 'spawn':
        task(e.task).state = 'queued';
        ready.push(e.task);
        size = e.size;
        break;
      case 'poll_start': {
        const t = task(e.task);
        t.state = 'polling';
        t.polls += 1;
        futureAddr = e.addr;
        const at = ready.indexOf(e.task);
        if (at >= 0) ready.splice(at, 1);
        break;
      }
      case 'poll_end':
        if (e.result === 'ready') task(e.task).state = 'done';
        else if (notified.has(e.task)) {
          task(e.task).state = 'queued';
          ready.push(e.task);
        } else task(e.task).state = 'waiting';
        notified.delete(e.task);
        break;
      case 'wake':
        task(e.task).wakes += 1;
        if (e.outcome === 'queued' && task(e.task).state === 'polling') notified.add(e.task);
        else if (e.outcome === 'queued') {
          task(e.task).state = 'queued';
          ready.push(e.task);
        }
        break;
      case 'task_drop':
        task(e.task).state = 'dropped';
        notified.delete(e.task); // a dropped task is not queued again
        break;
      case 'lost_waker':
        task(e.task).state = 'stuck: lost its waker';
        break;
      case 'state':
        task(e.task).machine = e.text;
        break;
      case 'timer_set':
        // The Rust lane's timer_set always has a deadline.
        timers.set(e.timer, { timer: e.timer, label: e.label ?? `timer ${e.timer}`, deadline: /** @type {number} */ (e.deadline) });
        break;
      case 'timer_fired':
        timers.delete(e.timer);
        armed = null; // the timeout that expired it is spent
        break;
      case 'timer_cancel':
        timers.delete(e.timer);
        break;
      case 'reactor_arm':
        armed = { deadline: e.deadline, delay: e.delay };
        break;
      case 'reactor_clear':
        armed = null;
        break;
      case 'address':
        addresses[e.name] = e.addr;
        break;
      default:
    }
  }
  const timerQueue = [...timers.values()].sort((a, b) => a.deadline - b.deadline || a.timer - b.timer);
  return { tasks: [...tasks.values()], ready, timerQueue, armed, addresses, size, futureAddr };
}

/**
 * Per-lane figures and the one-sentence difference.
 * @param {RunResult} result
 * @returns {RunSummary}
 */
export function summarize(result) {
  const lanes = /** @type {Record<Lane, LaneSummary>} */ ({});
  for (const lane of LANES) {
    const events = result[lane].events;
    /** @param {EventKind} kind */
    const count = (kind) => events.filter((e) => e.kind === kind).length;
    const logs = events.filter((e) => e.kind === 'log');
    lanes[lane] = {
      finish: logs.length ? /** @type {TraceEvent} */ (logs.at(-1)).t : events.at(-1)?.t ?? 0,
      timersSet: count('timer_set'),
      timersFired: count('timer_fired'),
      timersCancelled: count('timer_cancel'),
      callbacks: lane === 'callbacks' ? count('timer_fired') : 0,
      reactions: count('reaction') + count('resume'),
      polls: count('poll_start'),
      wakes: events.filter((e) => e.kind === 'wake' && e.outcome !== 'ignored').length,
    };
  }
  return { lanes, sentence: difference(lanes, result) };
}

/**
 * The first timer (by label) that the Rust lane set at least 1 ms later than
 * the first JS lane did, if any: a future's body ran only when polled.
 * @param {RunResult} result
 */
function laterStart(result) {
  /** @param {TraceEvent[]} events */
  const setTimes = (events) => new Map(events.filter((e) => e.kind === 'timer_set').map((e) => [e.label, e.t]));
  const rust = setTimes(result.futures.events);
  const js = [setTimes(result.callbacks.events), setTimes(result.promises.events)];
  for (const [label, t] of rust) {
    const jsTimes = js.map((m) => m.get(label)).filter((x) => x !== undefined);
    if (jsTimes.length && t - Math.min(...jsTimes) >= 1) return { label, rust: t, js: Math.min(...jsTimes) };
  }
  return null;
}

/**
 * One sentence on how the lanes differ, from what they recorded.
 * @param {Record<Lane, LaneSummary>} lanes
 * @param {RunResult} result
 */
function difference({ callbacks, promises, futures }, result) {
  /** @param {number} t */
  const ms = (t) => `${+t.toFixed(1)} ms`;
  const lost = result.futures.events.filter((e) => e.kind === 'lost_waker');
  if (lost.length > 0) {
    const task = /** @type {{task: number}} */ (lost[0]).task;
    let sentence = `Task ${task} is Pending and nothing holds its waker: it will never be polled again`;
    const jsStalled = [result.callbacks, result.promises].every((trace) =>
      trace.events.some((e) => e.kind === 'timer_fired') && !trace.events.some((e) => e.kind === 'log'));
    if (jsStalled) sentence += '; the JS lanes stall the same way: their timers fired, and nothing went on';
    return `${sentence}.`;
  }
  const js = Math.max(callbacks.finish, promises.finish);
  if (Math.abs(futures.finish - js) >= 1) {
    const later = laterStart(result);
    let why;
    if (futures.finish > js && later) {
      why = `the Rust lane set ${later.label} at ${ms(later.rust)}, the JS lanes at ${ms(later.js)}: `
        + 'the body of an async fn or block runs only when polled';
    } else if (futures.finish > js) {
      why = 'the same timers, set at the same times: the browser ran the Rust lane\'s callbacks later';
    } else if (futures.timersCancelled > 0) {
      why = 'the JS lanes waited for timers the Rust lane had already dropped';
    } else {
      why = 'the same timers, set at the same times: the browser ran the JS lanes\' callbacks later';
    }
    return `Rust finished at ${ms(futures.finish)}, JS at ${ms(js)}: ${why}.`;
  }
  if (futures.timersCancelled > 0) {
    return `All lanes finished at ${ms(futures.finish)}; Rust's select dropped ${futures.timersCancelled} losing `
      + `timer${futures.timersCancelled > 1 ? 's' : ''}, which still fired in the JS lanes.`;
  }
  return `All three lanes finished at ${ms(futures.finish)}; the Rust task was polled `
    + `${futures.polls} time${futures.polls === 1 ? '' : 's'} for ${futures.wakes} wake${futures.wakes === 1 ? '' : 's'}.`;
}
