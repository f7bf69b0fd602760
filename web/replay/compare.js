// The Summary's sentence on the two Rust lanes: the same program on our
// executor and on spawn_local, compared from what each recorded. Pure: no DOM.
import { formatMs } from '../dom.js';

/** @import { RunResult, TraceEvent, EventKind } from '../types.js' */

/** `1 poll`, `3 polls`, `2 batches`. @param {number} n @param {string} noun */
const count = (n, noun) => `${n} ${noun}${n === 1 ? '' : /(ch|sh|s|x)$/.test(noun) ? 'es' : 's'}`;
/** @param {TraceEvent[]} events @param {EventKind} kind */
const number = (events, kind) => events.filter((e) => e.kind === kind).length;
/** The lines logged, in order. @param {TraceEvent[]} events */
const printed = (events) => events.flatMap((e) => (e.kind === 'log' ? [e.text] : []));
/** `“a”, then “b”`. @param {string[]} lines */
const inOrder = (lines) => lines.map((line) => `“${line}”`).join(', then ');

/**
 * How the spawn_local lane's run differed from the Rust lane's, in one or
 * two sentences; null when the comparison did not run.
 * @param {RunResult} result
 * @returns {string | null}
 */
export function compareRust(result) {
  if (!result.spawnLocal) return null;
  const ours = result.futures.events;
  const theirs = result.spawnLocal.events;
  const [oursPrinted, theirsPrinted] = [printed(ours), printed(theirs)];
  const out = [];
  if (oursPrinted.join('\n') !== theirsPrinted.join('\n')) {
    // The same lines in another order, or other lines (an unbiased
    // select! draws its first branch on ours, starts at the first on theirs).
    out.push(`The two Rust lanes printed ${reordered(oursPrinted, theirsPrinted) ? 'in different orders' : 'differently'}: the page's executor printed `
      + `${inOrder(oursPrinted) || 'nothing'}; spawn_local printed ${inOrder(theirsPrinted) || 'nothing'}.`);
  } else {
    const [a, b] = [ours, theirs].map((events) => events.findLast((e) => e.kind === 'log')?.t);
    if (a !== undefined && b !== undefined) {
      out.push(a === b ? `Both Rust lanes logged their last line at ${formatMs(a)}.`
        : `The page's executor logged its last line at ${formatMs(a)}, spawn_local at ${formatMs(b)}.`);
    }
  }
  const why = lateTimer(ours, theirs) ?? (reordered(oursPrinted, theirsPrinted) ? overdueTogether(ours, theirs) : null);
  if (why) out.push(why);
  const timers = number(theirs, 'timer_set');
  const arms = number(ours, 'reactor_arm');
  const peak = peakPending(theirs);
  const timersSaid = timers === 0 && arms === 0 ? 'Neither Rust lane set a browser timer.'
    : timers === arms && peak <= 1 ? `Each set ${count(timers, 'browser timer')}: gloo one per sleep, the page's executor one at `
      + 'a time, for the sleep due next.'
      : `gloo set ${count(timers, 'browser timer')}, one per sleep${peak > 1 ? `, up to ${peak} pending at once` : ''}; the page's `
        + `executor keeps one browser timer pending at a time (it set ${arms} in all).`;
  out.push(`${timersSaid} spawn_local ran its ${count(number(theirs, 'poll_start'), 'poll')} in `
    + `${count(number(theirs, 'microtask_start'), 'microtask')}; the page's executor ran its `
    + `${count(number(ours, 'poll_start'), 'poll')} in ${count(number(ours, 'batch'), 'batch')}.`);
  return out.join(' ');
}

/** The same lines, not in the same order.
 * @param {string[]} a @param {string[]} b */
const reordered = (a, b) => a.join('\n') !== b.join('\n') && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * The most browser timers the lane had pending at once.
 * @param {TraceEvent[]} events
 */
function peakPending(events) {
  let pending = 0;
  let peak = 0;
  for (const e of events) {
    if (e.kind === 'timer_set') peak = Math.max(peak, ++pending);
    else if (e.kind === 'timer_fired' || e.kind === 'timer_cancel') pending -= 1;
  }
  return peak;
}

/**
 * Why a timer fired later on spawn_local than on ours, where microtasks
 * kept it waiting: the first such timer, said in a sentence; else null.
 * @param {TraceEvent[]} ours
 * @param {TraceEvent[]} theirs
 * @returns {string | null}
 */
function lateTimer(ours, theirs) {
  const firings = (/** @type {TraceEvent[]} */ events) => events.filter((e) => e.kind === 'timer_fired');
  /** A firing's step and which firing of that step it is (a loop's sleep fires once a round). */
  const key = (/** @type {TraceEvent[]} */ events, /** @type {TraceEvent} */ fired) => {
    const step = JSON.stringify('step' in fired ? fired.step : null);
    const nth = firings(events).filter((e) => e.seq < fired.seq && JSON.stringify('step' in e ? e.step : null) === step).length;
    return `${step}#${nth}`;
  };
  for (const fired of firings(theirs)) {
    if (fired.kind !== 'timer_fired' || !fired.late) continue;
    const oursFired = firings(ours).find((e) => key(ours, e) === key(theirs, fired));
    if (oursFired && oursFired.t >= fired.t) continue;
    const due = fired.t - fired.late;
    const between = theirs.filter((e) => e.t >= due && e.t < fired.t);
    const microtasks = between.filter((e) => e.kind === 'microtask_start').length;
    // What the sentence says kept the timer waiting: tasks waking themselves.
    if (microtasks === 0 || !between.some((e) => e.kind === 'wake' && e.by === 'self')) continue;
    const label = fired.label ?? `timer ${fired.timer}`;
    const there = oursFired ? `, so ${label} fired at ${formatMs(oursFired.t)} there` : '';
    return 'On spawn_local, each time the task woke itself during its poll, spawn_local polled it again in a new microtask, '
      + `and the browser runs no timer callback until the microtask queue is empty: so ${label}'s callback waited, and fired `
      + `${formatMs(fired.late)} late (${count(microtasks, 'microtask')} ran after it was due). The page's executor polls in `
      + `batches and gives the browser a turn between them${there}.`;
  }
  return null;
}

/**
 * Why a task printed in another order on ours, where several of its sleeps
 * were overdue when our one browser timer fired: one wake and one poll
 * served them all, where gloo's timers fired one at a time, each followed by
 * a poll. The first such moment, said in a sentence; else null.
 * @param {TraceEvent[]} ours
 * @param {TraceEvent[]} theirs
 * @returns {string | null}
 */
function overdueTogether(ours, theirs) {
  const stepOf = (/** @type {TraceEvent} */ e) => JSON.stringify('step' in e ? e.step : null);
  for (let i = 0; i < ours.length; i += 1) {
    // One reactor callback: firings and their wakes, nothing between them.
    let end = i;
    while (end < ours.length && (ours[end].kind === 'timer_fired' || ours[end].kind === 'wake')) end += 1;
    const callback = ours.slice(i, end);
    const fired = callback.filter((e) => e.kind === 'timer_fired');
    const wakes = callback.filter((e) => e.kind === 'wake');
    const tasks = new Set(wakes.map((e) => ('task' in e ? e.task : undefined)));
    if (fired.length < 2 || wakes.length !== fired.length || tasks.size !== 1) {
      i = Math.max(i, end - 1);
      continue;
    }
    // On theirs: the same sleeps' firings, with a poll after each but the last.
    const steps = fired.map(stepOf);
    const theirFirings = theirs.filter((e) => e.kind === 'timer_fired' && steps.includes(stepOf(e)));
    if (theirFirings.length !== fired.length) return null;
    const polledBetween = theirFirings.slice(1).every((e, k) => theirs.some((p) => p.kind === 'poll_start'
      && p.seq > theirFirings[k].seq && p.seq < e.seq));
    if (!polledBetween) return null;
    // That poll printed two lines or more: the order its code reached them.
    const pollAt = ours.findIndex((e, k) => k >= end && e.kind === 'poll_start');
    const pollEnd = ours.findIndex((e, k) => k > pollAt && e.kind === 'poll_end');
    const lines = pollAt < 0 ? [] : printed(ours.slice(pollAt, pollEnd < 0 ? undefined : pollEnd));
    if (lines.length < 2 || ('task' in ours[pollAt] && !tasks.has(ours[pollAt].task))) return null;
    const name = (/** @type {TraceEvent} */ e) => ('label' in e && e.label) || `timer ${'timer' in e ? e.timer : ''}`;
    const labels = fired.map(name);
    const named = labels.length === 2 ? `${labels[0]} and ${labels[1]} were both` : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)} were all`;
    const [task] = tasks;
    const due = (/** @type {TraceEvent} */ e) => e.t - ('late' in e && e.late ? e.late : 0);
    const inDueOrder = theirFirings.every((e, k) => k === 0 || due(theirFirings[k - 1]) <= due(e));
    return `The page's executor keeps one setTimeout pending, for the sleep due next; its callback ran at ${formatMs(fired[0].t)}, `
      + `when ${named} overdue: each woke task ${task}, ${wakes.length === 2 ? 'the second wake' : 'every wake after the first'} `
      + `found it already queued, and the one poll that followed found ${labels.length === 2 ? 'both' : 'all'} sleeps done and `
      + `printed ${inOrder(lines)}, in the order its code reached them. On spawn_local, gloo had set a setTimeout per sleep: the `
      + `browser ran their callbacks one at a time (${theirFirings.map((e) => `${name(e)}'s`).join(', then ')}`
      + `${inDueOrder ? ', in the order they fell due' : ''}), and after each, spawn_local polled the task in a microtask, before `
      + 'the next callback, so each poll found one more sleep done.';
  }
  return null;
}
