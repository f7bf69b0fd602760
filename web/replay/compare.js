// The Summary's sentence on the two Rust lanes: the same program on our
// executor and on spawn_local, compared from what each recorded. Pure: no DOM.
import { formatMs } from '../dom.js';
import { count, and, sliceName, timerLabel } from './names.js';

/** @import { RunResult, TraceEvent, EventKind, EventOf } from '../types.js' */

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
  const why = whyTheyDiffered(result);
  if (why) out.push(why);
  const timers = number(theirs, 'timer_set');
  const arms = number(ours, 'reactor_arm');
  const peak = peakPending(theirs);
  const timersSaid = timers === 0 && arms === 0 ? 'Neither Rust lane set a browser timer.'
    : timers === arms && peak <= 1 ? `Each set ${count(timers, 'browser timer')}: gloo-timers (spawn_local's sleeps) one per sleep, the page's executor one at `
      + 'a time, for the sleep due next.'
      : `gloo-timers (spawn_local's sleeps) set ${count(timers, 'browser timer')}, one per sleep${peak > 1 ? `, up to ${peak} pending at once` : ''}; the page's `
        + `executor keeps one browser timer pending at a time (it set ${arms} in all).`;
  out.push(`${timersSaid} spawn_local ran its ${count(number(theirs, 'poll_start'), 'poll')} in `
    + `${count(number(theirs, 'microtask_start'), 'microtask')}; the page's executor ran its `
    + `${count(number(ours, 'poll_start'), 'poll')} in ${count(number(ours, 'batch'), 'batch')}.`);
  return out.join(' ');
}

/**
 * Why the spawn_local lane did something else than ours, where the traces
 * show a reason the page can name: a timer kept waiting by self-wakes in
 * microtasks, or lines printed in another order because several sleeps were
 * overdue at once; else null. (The Summary's sentence says it; so does the
 * tour's chapter on another executor.)
 * @param {RunResult} result
 * @returns {string | null}
 */
export function whyTheyDiffered(result) {
  if (!result.spawnLocal) return null;
  const [ours, theirs] = [result.futures.events, result.spawnLocal.events];
  return lateTimer(ours, theirs) ?? (reordered(printed(ours), printed(theirs)) ? overdueTogether(ours, theirs) : null);
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
  for (const fired of firings(theirs)) {
    if (fired.kind !== 'timer_fired' || !fired.late) continue;
    const oursFired = firings(ours).find((e) => firingKey(ours, e) === firingKey(theirs, fired));
    if (oursFired && oursFired.t >= fired.t) continue;
    const due = fired.t - fired.late;
    const between = theirs.filter((e) => e.t >= due && e.t < fired.t);
    const microtasks = between.filter((e) => e.kind === 'microtask_start').length;
    // What the sentence says kept the timer waiting: tasks waking themselves.
    if (microtasks === 0 || !between.some((e) => e.kind === 'wake' && e.by === 'self')) continue;
    const label = timerLabel(fired);
    const there = oursFired ? `: ${label} fired at ${formatMs(oursFired.t)} there` : '';
    // What ended our executor's slice before it fired, as the runtime recorded it.
    const yielded = ours.find((e) => e.kind === 'yield' && e.t >= due && (!oursFired || e.seq < oursFired.seq));
    const slice = sliceName(yielded?.kind === 'yield' ? yielded.limit : 'time');
    return 'On spawn_local, each time the task woke itself during its poll, spawn_local polled it again in a new microtask, '
      + `and the browser runs no timer callback until the microtask queue is empty: so ${label}'s callback waited, and fired `
      + `${formatMs(fired.late)} late (${count(microtasks, 'microtask')} ran after it was due). The page's executor polls only `
      + `until its ${slice} is used up, then gives the browser a turn, so timers can fire${there}.`;
  }
  return null;
}

/** A firing's step and which firing of that step it is (a loop's sleep
 * fires once a round): the same firing in both lanes has the same key.
 * @param {TraceEvent[]} events
 * @param {TraceEvent} fired
 */
function firingKey(events, fired) {
  const step = JSON.stringify('step' in fired ? fired.step : null);
  const nth = events.filter((e) => e.kind === 'timer_fired' && e.seq < fired.seq && JSON.stringify('step' in e ? e.step : null) === step).length;
  return `${step}#${nth}`;
}

/** Whether `lines` are in `all` in that order (not always one after another).
 * @param {string[]} lines @param {string[]} all */
function inThatOrder(lines, all) {
  let k = 0;
  for (const line of all) if (line === lines[k]) k += 1;
  return k === lines.length;
}

/**
 * Why a task printed in another order on ours, where several of its sleeps
 * were overdue when our one browser timer fired: one wake and one poll
 * served them all, where gloo's timers fired one at a time, each followed by
 * a poll in a microtask. The first such moment whose lines spawn_local
 * printed in another order, said in a sentence; else null.
 * @param {TraceEvent[]} ours
 * @param {TraceEvent[]} theirs
 * @returns {string | null}
 */
function overdueTogether(ours, theirs) {
  const theirLines = printed(theirs);
  for (let i = 0; i < ours.length; i += 1) {
    // One reactor callback: late firings at one time, each followed by its
    // timer's wake; the first wake queued the task, the others found it so.
    /** @type {EventOf<'timer_fired'>[]} */
    const fired = [];
    /** @type {TraceEvent[]} */
    const wakes = [];
    let k = i;
    for (; k + 1 < ours.length; k += 2) {
      const [firing, wake] = [ours[k], ours[k + 1]];
      if (firing.kind !== 'timer_fired' || !firing.late || firing.t !== ours[i].t) break;
      if (wake.kind !== 'wake' || wake.by !== 'timer' || wake.timer !== firing.timer) break;
      fired.push(firing);
      wakes.push(wake);
    }
    if (fired.length < 2) continue;
    i = k - 1;
    const task = 'task' in wakes[0] ? wakes[0].task : undefined;
    const outcomes = wakes.map((w) => ('task' in w && w.task === task && 'outcome' in w ? w.outcome : null));
    if (outcomes[0] !== 'queued' || outcomes.slice(1).some((o) => o !== 'already_queued')) continue;
    // That task's next poll printed two lines or more: the order its code
    // reached them; spawn_local printed them in another order.
    const pollAt = ours.findIndex((e, j) => j >= k && e.kind === 'poll_start' && e.task === task);
    if (pollAt < 0) continue;
    const pollEnd = ours.findIndex((e, j) => j > pollAt && e.kind === 'poll_end' && e.task === task);
    const lines = printed(ours.slice(pollAt, pollEnd < 0 ? undefined : pollEnd));
    if (lines.length < 2 || inThatOrder(lines, theirLines)) continue;
    // On theirs: the same firings, one at a time, each but the last followed,
    // before the next, by a poll of the task it woke, in a microtask.
    const theirFirings = fired.map((f) => theirs.find((e) => e.kind === 'timer_fired' && firingKey(theirs, e) === firingKey(ours, f)));
    if (theirFirings.some((e) => !e)) continue;
    const one = /** @type {EventOf<'timer_fired'>[]} */ (theirFirings).sort((a, b) => a.seq - b.seq);
    const polledAfterEach = one.slice(0, -1).every((f, j) => {
      const wake = theirs.find((e) => e.kind === 'wake' && e.seq > f.seq && e.by === 'timer' && e.timer === f.timer);
      const poll = wake && theirs.find((e) => e.kind === 'poll_start' && e.seq > wake.seq && 'task' in wake && e.task === wake.task);
      return Boolean(poll) && /** @type {TraceEvent} */ (poll).seq < one[j + 1].seq
        && theirs.some((e) => e.kind === 'microtask_start' && e.seq > f.seq && e.seq < /** @type {TraceEvent} */ (poll).seq);
    });
    if (!polledAfterEach) continue;
    const labels = fired.map(timerLabel);
    const named = `${and(labels)} were ${labels.length === 2 ? 'both' : 'all'}`;
    const due = (/** @type {TraceEvent} */ e) => e.t - ('late' in e && e.late ? e.late : 0);
    const inDueOrder = one.every((e, j) => j === 0 || due(one[j - 1]) <= due(e));
    return `On the page's executor, ${named} overdue when its one browser timer's callback ran, at ${formatMs(fired[0].t)}: `
      + `each woke task ${task}, ${wakes.length === 2 ? 'the second wake' : 'every wake after the first'} found it already `
      + `queued, and the one poll that followed found ${labels.length === 2 ? 'both' : 'all'} sleeps done and printed `
      + `${inOrder(lines)}, in the order its code reached them. On spawn_local, gloo had set a browser timer per sleep: the `
      + `browser ran their callbacks one at a time (${one.map((e) => `${timerLabel(e)}'s`).join(', then ')}`
      + `${inDueOrder ? ', in the order they fell due' : ''}), and after each, spawn_local polled the task in a microtask, before `
      + 'the next callback, so each poll found one more sleep done.';
  }
  return null;
}
