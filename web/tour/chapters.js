// The tour: one chapter per part of the notes the page is built from, in
// their order. Each loads an example, points at the part of the page it is
// about, asks a question before the run is shown, and may set a small task.
// Nothing here is an answer written down: the choices come from the
// program's timings, and which one is right, and whether a task is solved,
// from the run itself (the Summary's figures and the replay model's
// snapshots), so a learner who changes a timing first gets the answer for
// the program they changed.
import { formatMs } from '../dom.js';
import { LANES, LANE_NAMES } from '../replay/merge.js';
import { whyTheyDiffered } from '../replay/compare.js';
import { CONTENTS } from './contents.js';

/** @import { RunResult, RunSummary, Snapshot, Lane } from '../types.js' */

/**
 * What a question or a task reads of a run.
 * @typedef {object} Facts
 * @property {RunResult} run
 * @property {RunSummary} summary
 * @property {Snapshot[]} replay
 */
/**
 * @typedef {object} Choice
 * @property {string} id
 * @property {string} text
 */
/**
 * The run's verdict on a question: the right choice (null if the run
 * matches none of them), why, and the replay position that shows it.
 * @typedef {object} Decision
 * @property {string | null} answer
 * @property {string} why
 * @property {number | null} position
 */
/**
 * @typedef {object} Question
 * @property {string} prompt
 * @property {(timers: number[]) => Choice[]} choices from the program's timings, before the run
 * @property {(facts: Facts) => Decision} decide
 * @property {'trace' | 'state-machine' | 'timeline' | 'inside'} [shows] where the deciding step is
 *   seen best: its row in its lane's trace (the default), the State machine, the Timeline, or
 *   Inside the Rust lane
 */
/**
 * @typedef {object} Task
 * @property {string} prompt
 * @property {(facts: Facts) => {done: boolean, said: string}} check
 */
/**
 * @typedef {object} Chapter
 * @property {string} id
 * @property {string} title
 * @property {string[]} text paragraphs, 2 to 6 sentences in all
 * @property {string} preset the example it loads
 * @property {'then' | 'await'} style how the Promises lane is written
 * @property {boolean} [compare] turns on Compare with spawn_local (a chapter without it leaves it as it is)
 * @property {string} focus the id of the part of the page it is about
 * @property {string} focusName that part, as the page names it
 * @property {Question} [question]
 * @property {Task} [task]
 */

/** @param {number | null} t */
const at = (t) => (t === null ? 'never' : `at ${formatMs(t)}`);

/**
 * "When does a lane log its last line?": after the sum of the delays, the
 * longest, or never; the choices that coincide are one.
 * @param {number[]} timers
 * @returns {Choice[]}
 */
function whenChoices(timers) {
  const sum = timers.reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...timers);
  const times = [...new Set([max, sum])].sort((a, b) => a - b);
  return [...times.map((t) => ({ id: String(t), text: at(t) })), { id: 'never', text: 'never' }];
}

/**
 * The replay position of `lane`'s last event of `kind`, if any.
 * @param {Snapshot[]} replay
 * @param {Lane} lane
 * @param {string} kind
 */
function lastPosition(replay, lane, kind) {
  const found = replay.findLast((s) => s.entry.lane === lane && s.entry.event.kind === kind);
  return found ? found.position : null;
}

/**
 * Decides "when does `lane` log its last line?" from the run.
 * @param {Lane} lane
 * @param {Facts} facts
 * @returns {Decision}
 */
function decideWhen(lane, { summary, replay }) {
  const { lastLog } = summary.lanes[lane];
  const answer = lastLog === null ? 'never' : String(lastLog);
  return {
    answer,
    why: `The ${LANE_NAMES[lane]} lane logged its last line ${at(lastLog)}.`,
    position: lastLog === null ? null : lastPosition(replay, lane, 'log'),
  };
}

/**
 * The lanes' last logs, said: "Callbacks at 350 ms, Promises at 350 ms and
 * Rust futures never".
 * @param {RunSummary} summary
 */
function lastLogs(summary) {
  return LANES.map((lane) => `${LANE_NAMES[lane]} ${at(summary.lanes[lane].lastLog)}`).join(', ');
}

/**
 * Which timer won a select! in the Rust lane (the child it found ready,
 * named by the timer that child set), and every timer that fired by then.
 * @param {import('../types.js').TraceEvent[]} rust the Rust lane's events
 * @returns {{winner: string | null, fired: string[]}}
 */
export function raceResult(rust) {
  /** @type {Map<number, string>} each child's timer, by child number */
  const timers = new Map();
  /** @type {string | null} a timer set since the last child's poll ended: that child's */
  let set = null;
  /** @type {string[]} */
  const fired = [];
  for (const e of rust) {
    if (e.kind === 'timer_set' && 'label' in e) set = e.label ?? null;
    else if (e.kind === 'timer_fired' && 'label' in e && e.label) fired.push(e.label);
    else if (e.kind === 'child_poll' && e.combinator === 'select') {
      if (set !== null && !timers.has(e.child)) timers.set(e.child, set);
      set = null;
      if (e.result === 'ready') return { winner: timers.get(e.child) ?? null, fired };
    }
  }
  return { winner: null, fired };
}

/** @type {Record<string, Omit<Chapter, 'id' | 'title'>>} each chapter but its id and title (contents.js), by id */
const BODIES = {
  callbacks: {
    text: [
      'Start with the oldest way to wait in JavaScript. This program waits on three timers, one after the other, '
        + 'then logs a line. With callbacks, setTimeout takes the function to call when the time is up, so each '
        + 'wait is written inside the one before it.',
      'Look at the Callbacks lane. A timer waits in Web APIs (the browser, outside your code); when it fires, its '
        + 'callback goes to the Task queue, and runs on the Call stack (the code running right now) once that is empty.',
    ],
    preset: 'sequential',
    style: 'then',
    focus: 'lane-callbacks',
    focusName: 'the Callbacks lane',
    question: {
      prompt: 'When does the Callbacks lane log its line?',
      choices: whenChoices,
      decide: (facts) => {
        const decided = decideWhen('callbacks', facts);
        // The waits add up where each timer was set as the one before it fired.
        const set = facts.run.callbacks.events.filter((e) => e.kind === 'timer_set');
        const chained = set.length > 1 && set.every((e, i) => i === 0 || e.t > set[i - 1].t);
        const sum = set.reduce((total, e) => total + ('ms' in e ? e.ms : 0), 0);
        const why = chained && sum === facts.summary.lanes.callbacks.lastLog
          ? ` Each timer is set only when the one before it fires, so the waits add up: ${set.map((e) => ('ms' in e ? e.ms : 0)).join(' + ')} = ${formatMs(sum)}.`
          : '';
        return { ...decided, why: `${decided.why}${why}` };
      },
    },
    task: {
      prompt: 'Change a timing (the numbers under Timings) so that every lane logs its line at 300 ms.',
      check: ({ summary }) => {
        const done = LANES.every((lane) => summary.lanes[lane].lastLog === 300);
        return { done, said: done ? 'Every lane logged at 300 ms.' : `Not yet: ${lastLogs(summary)}.` };
      },
    },
  },
  promises: {
    text: [
      'The same program with promises. timer(ms), a small helper that wraps setTimeout, returns a promise: an '
        + 'object that is pending until its timer fires, then fulfilled. .then(f) says what to run once it is '
        + 'fulfilled; each f returns the next timer\'s promise, so the next step waits for it: a chain instead of a nest.',
      'Look at the Promises lane. When a promise is fulfilled, its .then function does not run at once: it '
        + 'waits in the Microtask queue, which the browser empties before it takes the next task.',
    ],
    preset: 'sequential',
    style: 'then',
    focus: 'lane-promises',
    focusName: 'the Promises lane',
    question: {
      prompt: 'Compared with the Callbacks lane, when does the Promises lane log its line (to the millisecond)?',
      choices: () => [
        { id: 'sooner', text: 'sooner' },
        { id: 'same', text: 'at the same time' },
        { id: 'later', text: 'later' },
      ],
      decide: ({ summary, replay }) => {
        const [c, p] = [summary.lanes.callbacks.lastLog ?? Infinity, summary.lanes.promises.lastLog ?? Infinity];
        return {
          answer: p < c ? 'sooner' : p > c ? 'later' : 'same',
          why: `Callbacks logged ${at(summary.lanes.callbacks.lastLog)}, Promises ${at(summary.lanes.promises.lastLog)}`
            + (p === c ? ': each lane starts the next timer when the one before fires; promises change how the code is written, not when it runs.' : '.'),
          position: lastPosition(replay, 'promises', 'log'),
        };
      },
    },
    task: {
      prompt: 'Change the timings so that the Promises lane logs its line at 250 ms.',
      check: ({ summary }) => {
        const { lastLog } = summary.lanes.promises;
        return lastLog === 250
          ? { done: true, said: 'The Promises lane logged at 250 ms.' }
          : { done: false, said: `Not yet: the Promises lane logged ${at(lastLog)}.` };
      },
    },
  },
  'async-await': {
    text: [
      'The same again, written with async and await (this chapter switches Promise style to async/await for '
        + 'you): the Promises panel now reads top to bottom, like ordinary synchronous code.',
      'An async function runs like plain code until its first await, where it returns a pending promise to its '
        + 'caller. After each await, the rest runs later, as a microtask, once the awaited promise settles.',
    ],
    preset: 'sequential',
    style: 'await',
    focus: 'lane-promises',
    focusName: 'the Promises lane',
    question: {
      prompt: 'With await instead of .then, when does the Promises lane log its line?',
      choices: whenChoices,
      decide: (facts) => {
        const decided = decideWhen('promises', facts);
        return { ...decided, why: `${decided.why} await changes how the code reads, not when it runs: each timer still starts when the one before it is done.` };
      },
    },
  },
  polling: {
    text: [
      'Now the same program as Rust. Calling an async fn gives a future, Rust\'s counterpart of a promise, but '
        + 'nothing runs it by itself: an executor polls it, which means calling the future\'s poll method to ask '
        + 'whether it is done. Each poll runs the code up to the next .await that cannot finish yet and returns '
        + 'Pending, or runs to the end and returns Ready (the two answers a poll can give).',
      'Look at the Rust futures lane: each poll of the task (the future the executor runs) is two lines in its '
        + 'trace, poll_start and poll_end, which gives its result.',
    ],
    preset: 'sequential',
    style: 'then',
    focus: 'lane-futures',
    focusName: 'the Rust futures lane',
    question: {
      prompt: 'How many times is the Rust task polled?',
      choices: (timers) => [...new Set([1, timers.length, timers.length + 1])]
        .map((n) => ({ id: String(n), text: n === 1 ? 'once' : `${n} times` })),
      decide: ({ summary, replay }) => {
        const { polls, wakes } = summary.lanes.futures;
        return {
          answer: String(polls),
          // A wake while the task is already queued adds no poll: say so only when it happened.
          why: `The task was polled ${polls} times: once at the start, then once per wake (${wakes} wakes`
            + `${wakes > polls - 1 ? `, of which ${wakes - polls + 1} came while it was already queued and added no poll` : ''}). `
            + 'A poll that finds nothing ready returns Pending at once; nothing polls in a loop.',
          position: lastPosition(replay, 'futures', 'poll_end'),
        };
      },
    },
    task: {
      prompt: 'Make the Rust task be polled 5 times (Add timer adds a sleep to the program).',
      check: ({ summary }) => {
        const { polls } = summary.lanes.futures;
        return polls === 5
          ? { done: true, said: 'The task was polled 5 times: once to start, then once per wake.' }
          : { done: false, said: `Not yet: the task was polled ${polls} times.` };
      },
    },
  },
  waker: {
    text: [
      'Who polls the task again when a timer fires? Each poll is given a waker (inside the cx argument of poll): a '
        + 'handle that puts the task back on the executor\'s ready queue. A sleep that is not done hands that waker '
        + 'to the reactor, which keeps the timers (here, all of them behind one browser timeout), then returns '
        + 'Pending. When the timer is due, the reactor calls the waker, and the executor polls the task again.',
      'This example shows what goes wrong without the waker: a hand-written future (a struct with its own poll '
        + 'function instead of async) polls its timer with a waker that wakes nobody. Look at Inside the Rust lane: '
        + 'how often the task is polled and woken.',
    ],
    preset: 'lost-wake',
    style: 'then',
    focus: 'inside-title',
    focusName: 'Inside the Rust lane',
    question: {
      prompt: 'Its timer fires. When does the Rust lane log its line?',
      choices: whenChoices,
      decide: ({ summary, replay }) => {
        const { lastLog } = summary.lanes.futures;
        return {
          answer: lastLog === null ? 'never' : String(lastLog),
          why: lastLog === null
            ? 'Never: the timer fired and called a waker that wakes nobody, so nothing put the task back on the '
              + 'ready queue, and it was never polled again.'
            : `The Rust lane logged ${at(lastLog)}.`,
          position: lastPosition(replay, 'futures', 'timer_fired'),
        };
      },
    },
  },
  lazy: {
    text: [
      'Here three async blocks (async { … }: a future made from a few lines of code) are made first, each waiting '
        + 'on one timer, then awaited one by one. In JS, calling timer(ms) starts its setTimeout at once. A Rust '
        + 'future does nothing until it is polled: making it only stores what it needs, and the code inside a block '
        + 'runs only when the block is polled.',
      'One thing is stored when it is made: a sleep notes its deadline then (tokio\'s does too), so a sleep made '
        + 'early and awaited late is due early. Here each sleep is made inside its block, when the block first runs. '
        + 'When you edit the Rust code, the JS panels are rewritten to do the same.',
    ],
    preset: 'lazy',
    style: 'then',
    focus: 'lane-futures',
    focusName: 'the Rust futures lane',
    question: {
      prompt: 'When does the Rust lane log "Done awaiting"?',
      choices: whenChoices,
      decide: (facts) => {
        const decided = decideWhen('futures', facts);
        const { futures, callbacks } = facts.summary.lanes;
        const later = futures.lastLog !== null && callbacks.lastLog !== null && futures.lastLog > callbacks.lastLog;
        const why = later
          ? ' Each block\'s timer started only when the block was first awaited, after the one before it was done, so '
            + `the waits added up; the JS lanes started all their timers at once, and logged ${at(callbacks.lastLog)}.`
          : '';
        return { ...decided, why: `${decided.why}${why}` };
      },
    },
    task: {
      prompt: 'Edit the Rust code so that the Rust lane logs its last line when the JS lanes do. A hint: '
        + 'join!(f1, f2, f3) polls all three in the same task and is done when all are; put it in place of the three awaits.',
      check: ({ summary }) => {
        const { callbacks, promises, futures } = summary.lanes;
        // Waiting for nothing is not waiting together: two timers at least
        // (counted where every timer is set: a Rust sleep already due sets none).
        if (callbacks.timersSet < 2) return { done: false, said: 'Not yet: keep at least two timers, so there is something to wait for together.' };
        const done = futures.lastLog !== null && futures.lastLog === callbacks.lastLog && futures.lastLog === promises.lastLog;
        return { done, said: done ? `All three lanes logged ${at(futures.lastLog)}.` : `Not yet: ${lastLogs(summary)}.` };
      },
    },
  },
  concurrency: {
    text: [
      'Three timers race, and the first to fire wins. In Rust, the select! macro (tokio, the most used Rust '
        + 'runtime, has one too) polls them all; when one is ready, it drops the others, and dropping a sleep '
        + 'cancels its timer. A JS promise cannot be cancelled: after Promise.race, the losing timers still fire; '
        + 'the race ignores them.',
      'Look at the Timeline: one row per lane, with a mark for each timer set, fired or cancelled.',
    ],
    preset: 'race',
    style: 'then',
    focus: 'timeline-title',
    focusName: 'the Timeline',
    question: {
      shows: 'timeline',
      prompt: 'How many of the Rust lane\'s timers are cancelled before they fire?',
      choices: (timers) => [...new Set([0, Math.max(0, timers.length - 1), timers.length])]
        .map((n) => ({ id: String(n), text: n === 0 ? 'none' : String(n) })),
      decide: ({ summary, replay }) => {
        const { timersCancelled } = summary.lanes.futures;
        return {
          answer: String(timersCancelled),
          why: `select! dropped the losers: ${timersCancelled} timer${timersCancelled === 1 ? ' was' : 's were'} `
            + `cancelled in the Rust lane, ${summary.lanes.promises.timersCancelled} in the Promises lane.`,
          position: lastPosition(replay, 'futures', 'timer_cancel'),
        };
      },
    },
    task: {
      prompt: 'Change the timings so that Timer 1 wins the race in the Rust lane.',
      check: ({ replay }) => {
        const rust = replay.filter((s) => s.entry.lane === 'futures').map((s) => s.entry.event);
        const { winner, fired } = raceResult(rust);
        const cancelled = rust.filter((e) => e.kind === 'timer_cancel').map((e) => ('label' in e ? e.label : ''));
        // Timers that fired at the same moment as the winner lost too, not cancelled: their time had come.
        const tied = fired.filter((label) => label !== winner);
        const also = tied.length ? ` ${tied.join(' and ')} fired at the same moment and ${tied.length === 1 ? 'was' : 'were'} dropped unused.` : '';
        return winner === 'Timer 1'
          ? { done: true, said: `Timer 1 won; select! dropped the others: ${cancelled.join(' and ') || 'none'} cancelled.${also}` }
          : { done: false, said: `Not yet: ${winner ?? 'no timer'} won the race in the Rust lane.${also}` };
      },
    },
  },
  executors: {
    text: [
      'The tour\'s earlier chapters describe a runtime as two parts: a reactor, which turns timers into wake-ups for '
        + 'the tasks waiting on them, and an executor, which polls (resumes) the tasks that were woken. Runtimes need '
        + 'not share the work the same way. This page\'s executor '
        + 'keeps all its sleeps behind one setTimeout, set for the earliest deadline; when it fires, it wakes every sleep '
        + 'due by then, and then polls each woken task once, even a task woken twice. The usual browser executor, '
        + 'wasm-bindgen-futures\' spawn_local with gloo-timers\' sleeps, gives each sleep a setTimeout of its own, and '
        + 'polls a woken task in a microtask, right after the callback that woke it.',
      'This chapter turns on “Compare with spawn_local”, so the same Rust code also runs there, in a fourth lane. In '
        + 'join!\'s first poll both sleeps start, then block_ms keeps the thread busy without awaiting, so no timer '
        + 'callback can run until the block ends; with the example\'s own timings, both sleeps are overdue by then.',
    ],
    preset: 'overdue',
    style: 'then',
    compare: true,
    focus: 'lane-futures',
    focusName: 'the Rust futures lane',
    question: {
      prompt: 'In the Rust futures lane, which of the two lines comes first?',
      choices: () => ['Timer 1 done', 'Timer 2 done'].map((line) => ({ id: line, text: line })),
      decide: ({ run, replay }) => {
        const first = run.futures.events.find((e) => e.kind === 'log');
        const theirs = run.spawnLocal?.events.find((e) => e.kind === 'log');
        const shown = replay.find((s) => s.entry.lane === 'futures' && s.entry.event.kind === 'log');
        if (!first || first.kind !== 'log') return { answer: null, why: 'The Rust futures lane printed nothing.', position: null };
        const there = !theirs || theirs.kind !== 'log' ? ''
          : theirs.text === first.text ? ' So did the same code on spawn_local.'
            : ` The same code on spawn_local printed “${theirs.text}” first. ${whyTheyDiffered(run)
              ?? 'The sentence under the Summary compares the two runs.'}`;
        return { answer: first.text, why: `The Rust futures lane printed “${first.text}” first.${there}`, position: shown ? shown.position : null };
      },
    },
  },
  'state-machine': {
    text: [
      'How does a future remember where it stopped? The Rust compiler (rustc) turns an async fn into an enum, a '
        + 'type whose value is one of several variants (their names are rustc\'s, never written by you): one variant '
        + 'per place it can stop, Unresumed before the first poll, one Suspend variant per .await, then Returned. '
        + 'Each poll starts from the current variant and runs until an .await returns Pending, or to the end.',
      'After you answer, click Step forward (under Run) to follow the run: the State machine panel highlights the '
        + 'variant the future is in, that is, the .await it is paused at.',
    ],
    preset: 'sequential',
    style: 'then',
    focus: 'state-machine-title',
    focusName: 'the State machine',
    question: {
      shows: 'state-machine',
      prompt: 'Which variant is run()\'s future in after its first poll?',
      choices: () => ['Unresumed', 'Suspend0', 'Returned'].map((v) => ({ id: v, text: v })),
      decide: ({ replay }) => {
        const first = replay.find((s) => s.entry.lane === 'futures' && s.entry.event.kind === 'state');
        const variant = first ? first.variant : 'Unresumed';
        return {
          answer: variant,
          why: variant === 'Returned'
            ? 'Returned: every sleep was already due when first polled, so each .await was Ready at once, and the first poll returned Ready.'
            : `${variant}: the first poll ran up to the first .await, whose timer was not done, and stopped there.`,
          position: first ? first.position : null,
        };
      },
    },
    task: {
      prompt: 'Make run()\'s future pass through a variant named Suspend3 (a hint: Add timer adds an .await).',
      check: ({ replay }) => {
        const seen = [...new Set(replay.map((s) => s.variant))];
        return seen.includes('Suspend3')
          ? { done: true, said: `run()'s future went through ${seen.join(', ')}: one Suspend variant per .await.` }
          : { done: false, said: `Not yet: run()'s future went through ${seen.join(', ')}.` };
      },
    },
  },
  pin: {
    text: [
      'A future keeps inside itself the locals it still needs after an .await, so one of them can borrow another '
        + '(hold a reference to it): here borrowed points at s, and both live inside the future. If the future moved '
        + 'to another address between polls, borrowed would point at the old place. Pin guarantees that a future, '
        + 'pinned before its first poll, stays where it is until it is dropped; the executor pins each task\'s '
        + 'future, so async code never has to.',
      'Look at Inside the Rust lane: it shows where s lives and where borrowed points, at each poll.',
    ],
    preset: 'self-ref',
    style: 'then',
    focus: 'inside-title',
    focusName: 'Inside the Rust lane',
    question: {
      shows: 'inside',
      prompt: 'Between the polls, does s move to another address?',
      choices: () => [{ id: 'no', text: 'no' }, { id: 'yes', text: 'yes' }],
      decide: ({ replay }) => {
        const places = new Set(replay.map((s) => s.rust.addresses.s).filter((a) => a !== undefined));
        const last = replay.findLast((s) => s.entry.event.kind === 'address');
        return {
          answer: places.size > 1 ? 'yes' : 'no',
          why: places.size > 1
            ? `s was at ${places.size} different addresses.`
            : 'No: s stayed at one address at every poll, inside the pinned future, so borrowed stayed valid.',
          position: last ? last.position : null,
        };
      },
    },
  },
  'your-own': {
    text: [
      'The Rust code is editable: change it, press Run, and compare the lanes. The page rewrites the JS panels to '
        + 'match your Rust code; if it cannot read something, it says what and why under the code.',
    ],
    preset: 'sequential',
    style: 'then',
    focus: 'lane-futures',
    focusName: 'the Rust code',
    task: {
      prompt: 'Edit the Rust code so that the Rust lane logs its last line later than both JS lanes. A hint: '
        + 'the chapter on lazy futures.',
      check: ({ summary }) => {
        const { callbacks, promises, futures } = summary.lanes;
        const js = Math.max(callbacks.lastLog ?? -1, promises.lastLog ?? -1);
        const done = futures.lastLog !== null && futures.lastLog > js;
        return {
          done,
          said: done ? `The Rust lane logged ${at(futures.lastLog)}, after the JS lanes.`
            : `Not yet: ${lastLogs(summary)}. The JS panels follow your Rust; they differ where JS starts a timer when `
              + 'called and Rust only when first polled (the lazy chapter). A sleep counts from when it is made.',
        };
      },
    },
  },
};

/** @type {Chapter[]} in the contents' order */
export const CHAPTERS = CONTENTS.map(({ id, title }) => ({ id, title, ...BODIES[id] }));

/** @param {string} id */
export function chapter(id) {
  return CHAPTERS.find((c) => c.id === id);
}
