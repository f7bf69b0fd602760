// The words of the traces, for a learner: what each kind of event means
// (shown as a row's tooltip, and in the page's list "Words in the traces"),
// and what the fields that are not self-evident say. docs/trace-format.md
// has the full definitions, for contributors.
import { el } from '../dom.js';

/** @typedef {{kind: string, short: string | {js: string, rust: string, spawnLocal?: string}, lanes: 'js' | 'rust' | 'all',
 *   meaning: string}} Word
 * short: what happens, in a few words, for the replay's position line; in
 * two ways where a JS timer and a Rust sleep differ (the spawn_local lane's
 * timers are gloo's setTimeouts: its words are the JS ones, but where its
 * own say it better: a timer that fires there wakes a task, runs none of
 * its code) */

/** @type {Word[]} in the order a run meets them */
export const WORDS = [
  { kind: 'script_start', short: 'the lane\'s script starts running', lanes: 'js', meaning: 'the panel\'s script starts: it is the first task on the call stack' },
  { kind: 'script_end', short: 'the script returns; the call stack is empty', lanes: 'js', meaning: 'the script\'s own code is done: the call stack is empty, so the microtasks it queued run next' },
  { kind: 'spawn', short: 'a task is spawned; none of its code runs yet', lanes: 'rust', meaning: 'a task was made and queued for its first poll; nothing of its code runs yet (size: its future\'s bytes)' },
  { kind: 'batch', short: 'the executor starts polling its queued tasks', lanes: 'rust', meaning: 'the executor starts polling the tasks on its ready queue (tasks: how many), in a microtask (turn=microtask) or a new browser task (turn=macrotask)' },
  { kind: 'poll_start', short: 'the executor polls a task, running its code', lanes: 'rust', meaning: 'the executor calls the task\'s poll method (addr: where its future lives in memory)' },
  { kind: 'poll_end', short: 'the poll returns Pending or Ready', lanes: 'rust', meaning: 'poll returned: result=pending (not done: it will wait for a wake) or result=ready (done)' },
  { kind: 'state', short: 'the state the task\'s future is in now', lanes: 'rust', meaning: 'which variant of its state machine run()\'s future is in after this poll (point: which .await)' },
  { kind: 'child_poll', short: 'join!/select! polls a future within the task', lanes: 'rust', meaning: 'inside a poll, join! or select! polled one of its futures (child: which one, from 0) and got its result' },
  { kind: 'timer_set', short: { js: 'setTimeout is called', rust: 'a sleep gives its waker to the reactor' }, lanes: 'all', meaning: 'a timer started (ms: its delay). JS: setTimeout, kept by the browser in Web APIs. Rust: a sleep registered with the reactor, which keeps its waker' },
  { kind: 'reactor_arm', short: 'the reactor calls setTimeout for its next sleep', lanes: 'rust', meaning: 'the reactor set its one browser setTimeout for its earliest timer (deadline: when; delay: in how many ms)' },
  { kind: 'reactor_clear', short: 'no sleep left; the reactor clears its setTimeout', lanes: 'rust', meaning: 'no timer is left: the reactor cleared its browser setTimeout' },
  { kind: 'timer_fired', short: { js: 'a setTimeout callback runs', rust: 'a sleep is due; the reactor wakes its task', spawnLocal: 'gloo\'s setTimeout fires, waking the task' }, lanes: 'all', meaning: 'a timer\'s time came (late: how many ms after its due time). JS: its callback runs. Rust: the reactor wakes the sleep\'s task' },
  { kind: 'timer_elapsed', short: 'a sleep polled late is ready at once', lanes: 'rust', meaning: 'a sleep first polled after its deadline had passed: it is ready at once and sets no timer (a sleep counts from when it is made)' },
  { kind: 'timer_cancel', short: { js: 'a timer is cancelled', rust: 'a sleep is dropped, cancelling its timer' }, lanes: 'all', meaning: 'a timer was removed before it fired. JS: clearTimeout. Rust: its sleep was dropped (a select! loser, an aborted task)' },
  { kind: 'wake', short: 'a task is woken, not run yet', lanes: 'rust', meaning: 'a task\'s waker was called (by: who called it). outcome=queued: the task went on the ready queue, to be polled again; other outcomes: it was on it already, or it had finished' },
  { kind: 'callback_end', short: 'a timer\'s callback returns', lanes: 'js', meaning: 'a timer\'s callback returned' },
  { kind: 'enqueue', short: 'a microtask is queued', lanes: 'js', meaning: 'a job joined the microtask queue (handler: what it runs; by: what queued it, such as a timer\'s callback resolving a promise)' },
  { kind: 'reaction', short: 'a .then callback starts', lanes: 'js', meaning: 'one of the panel\'s .then callbacks started' },
  { kind: 'resume', short: 'an async function resumes after await', lanes: 'js', meaning: 'one of the panel\'s awaits resumed, its promise settled' },
  { kind: 'engine_job', short: 'the JS engine runs an extra microtask', lanes: 'js', meaning: 'a job the JavaScript engine adds by itself, running none of the panel\'s code. handler=thenable, then adopt: the two extra steps when a .then callback returns a promise (the chain waits for it, then takes its value). all, race: Promise.all or Promise.race noting one of its promises' },
  { kind: 'job_end', short: 'a microtask returns', lanes: 'js', meaning: 'the running microtask returned' },
  { kind: 'log', short: 'the program logs a line', lanes: 'all', meaning: 'the program logged a line' },
  { kind: 'block', short: 'the program keeps the thread busy', lanes: 'all', meaning: 'the program kept the thread busy for ms milliseconds: nothing else could run meanwhile' },
  { kind: 'yield', short: 'the executor gives the browser a turn', lanes: 'rust', meaning: 'the executor stopped polling for this browser task and asked for a new one; the queued Rust tasks wait for it, and meanwhile the browser may run due timers and paint' },
  { kind: 'task_drop', short: 'an unfinished task is dropped, cancelling it', lanes: 'rust', meaning: 'a task was dropped before it finished (aborted)' },
  { kind: 'lost_waker', short: 'the task waits with no waker left', lanes: 'rust', meaning: 'the task waits and no waker for it remains: nothing can wake it, so it will never be polled again' },
  { kind: 'address', short: 'the memory address of a local or reference', lanes: 'rust', meaning: 'where a local of the future lives in memory, or where a reference points' },
];

const BY_KIND = new Map(WORDS.map((w) => [w.kind, w]));

/** The spawn_local lane's own kinds (its trace is the comparison's, not
 * the format's), in a few words for the position line. */
const SPAWN_LOCAL_SHORT = new Map([
  ['microtask_queued', 'the executor queues a microtask to poll tasks'],
  ['microtask_start', 'the polling microtask starts'],
  ['microtask_end', 'the polling microtask returns'],
]);

/**
 * What a kind of event means, for a row's tooltip (undefined: a kind this
 * list does not know).
 * @param {string} kind
 */
export function meaningOf(kind) {
  return BY_KIND.get(kind)?.meaning;
}

/**
 * What happens at an event of this kind, in a few words, with the trace's
 * name for it after (the name alone: a kind this list does not know).
 * @param {string} kind
 * @param {string} lane the event's lane (a timer's words are a JS timer's or a Rust sleep's)
 */
export function inWords(kind, lane) {
  const words = BY_KIND.get(kind)?.short ?? SPAWN_LOCAL_SHORT.get(kind);
  const short = typeof words === 'object'
    ? (lane === 'futures' ? words.rust : lane === 'spawnLocal' ? words.spawnLocal ?? words.js : words.js) : words;
  return short ? `${short} (${kind})` : kind;
}

/** The list "Words in the traces": one term and its meaning per kind. */
export function wordList() {
  const where = { js: ' (JS lanes)', rust: ' (Rust lane)', all: ' (all lanes)' };
  return el('dl', { class: 'trace-words' }, ...WORDS.flatMap((w) => [
    el('dt', {}, el('code', {}, w.kind), where[w.lanes]),
    el('dd', {}, w.meaning),
  ]));
}
