// The parts the playground page and its embed (embed.html) both show: the
// three lanes (code, event loop, trace), the replay bar and the timeline; and
// the page's fourth lane, "Rust on spawn_local", shown when the comparison runs.
// Built here once, so the two pages have the same markup and the same
// accessible names; each page's HTML has an empty element where they go.
import { el, svg } from '../dom.js';

/** @param {string} text @returns {HTMLElement} */
const code = (text) => el('code', {}, text);

/**
 * One place of an event loop: its heading and its list.
 * @param {string} id the list's id
 * @param {string} title
 * @param {...HTMLElement} extra what follows the heading (the Rust lane's JS twin)
 */
function place(id, title, ...extra) {
  return el('div', { class: 'place' },
    el('h3', { id: `${id}-title` }, title),
    ...extra.slice(0, 1),
    el('ul', { id, class: 'place-list', 'aria-labelledby': `${id}-title` }),
    ...extra.slice(1));
}

/** @param {string} text */
const twin = (text) => el('p', { class: 'twin' }, text);

/**
 * A lane's section: its heading, code panel, event loop and trace.
 * @param {import('../types.js').ShownLane} lane
 * @param {string} name
 * @param {HTMLElement[]} places
 * @param {{beforeCode?: HTMLElement[], afterPlaces?: HTMLElement[], afterCode?: HTMLElement[]}} [more]
 */
function lane(lane, name, places, more = {}) {
  return el('section', { 'aria-labelledby': `lane-${lane}`, class: 'lane', dataset: { lane } },
    el('h2', { id: `lane-${lane}` }, name),
    ...(more.beforeCode ?? []),
    el('pre', { class: 'code', tabindex: 0, 'aria-label': `${name} code` }, el('code', { id: `code-${lane}` })),
    ...(more.afterCode ?? []),
    el('div', { class: 'places', id: `places-${lane}` }, ...places),
    ...(more.afterPlaces ?? []),
    el('ol', { id: `trace-${lane}`, class: 'trace', 'aria-label': `${name} trace` }));
}

/** @param {'callbacks' | 'promises' | 'spawnLocal'} id @param {string} name */
function jsLane(id, name, more = {}) {
  return lane(id, name, [
    place(`webapis-${id}`, 'Web APIs'),
    place(`tasks-${id}`, 'Task queue'),
    place(`microtasks-${id}`, 'Microtask queue'),
    place(`stack-${id}`, 'Call stack'),
  ], more);
}

/** The Rust program on spawn_local: its places are the JS event loop's,
 * where spawn_local's executor runs. Hidden until a run compares. */
function spawnLocalLane() {
  const section = jsLane('spawnLocal', 'Rust on spawn_local', {
    beforeCode: [el('p', { class: 'twin' }, 'The same Rust program; only its ', code('use'), ' lines change, to ',
      code('use spawn_local_lane::prelude::*;'), ' and the like, which bring in functions with the same names but other implementations: ',
      code('spawn'), ' hands tasks to ', code('wasm_bindgen_futures::spawn_local'), ', which polls them in JS microtasks (where '
      + 'promise callbacks run), and ', code('sleep_ms'), ' is a sleep from ', code('gloo_timers'), ', which sets a browser timer of '
      + 'its own. ', code('join!'), ', ', code('select!'), ' and ', code('yield_now'), ' are the same futures in both lanes.'),
    el('p', { id: 'spawn-local-refused', class: 'read-only-note', role: 'status', hidden: true })],
    afterPlaces: [el('p', { class: 'twin' }, 'This trace is recorded from outside spawn_local and gloo-timers. It shows each poll and '
      + 'wake, each browser timer set, fired or cleared, and each microtask queued, but not what the libraries do in between.')],
  });
  section.hidden = true;
  return section;
}

/** @param {boolean} withStateMachine the page's; the embed leaves it out */
function rustLane(withStateMachine) {
  const readOnly = el('p', { id: 'rust-read-only', class: 'read-only-note', hidden: true },
    'You can\'t edit this example\'s Rust code: it needs code of its own that the editor does not read (a '
    + 'hand-written future, a report of addresses, or a JS Promise). You can still change its timing under Timings, above.');
  const stateMachine = el('section', { id: 'state-machine', class: 'state-machine', 'aria-labelledby': 'state-machine-title' },
    el('h3', { id: 'state-machine-title' }, 'State machine'),
    el('p', { class: 'twin' }, 'What the Rust compiler (rustc) makes of ', code('async fn run()'), ': an enum, one variant '
      + 'per place the future can be paused, each holding the locals it still needs there; ', code('__awaitee'),
      ' is the future it is waiting on.'),
    // Hidden until there is an enum to show (StateMachineView).
    el('div', { class: 'enum', hidden: true }, code('enum RunFuture {'),
      el('ol', { id: 'state-variants', class: 'variants', 'aria-label': 'Variants of run()\'s future' }),
      code('}')),
    el('p', { id: 'state-size', class: 'size' }),
    el('div', { id: 'state-helpers' }));
  return lane('futures', 'Rust futures', [
    place('timer-queue', 'Reactor: timer queue', twin('JS twin: Web APIs'),
      el('p', { class: 'armed' }, 'Browser timeout: ', el('span', { id: 'armed-timeout' }))),
    place('task-queue-futures', 'Browser: task queue', twin('JS twin: Task queue')),
    place('ready-queue', 'Executor: ready queue', twin('JS twin: Microtask queue')),
    place('polling', 'Executor: polling', twin('JS twin: Call stack')),
  ], {
    beforeCode: [readOnly, el('p', { id: 'editor-failed', class: 'read-only-note', role: 'status', hidden: true })],
    afterCode: [el('p', { id: 'rust-problem', class: 'problem', hidden: true }),
      // Shown once the editor is in, where the example's code can be edited.
      // Under the code, as the JS panels' lines: the panels start level, on the first screen.
      el('p', { id: 'rust-editable', class: 'code-note', hidden: true }, 'Edit this code; the JS panels update to match.')],
    afterPlaces: withStateMachine ? [stateMachine] : [],
  });
}

/** The lanes, for `<div class="lanes">`.
 * @param {boolean} withStateMachine */
export function laneSections(withStateMachine) {
  // The JS panels are the Rust program, written again: a learner who types
  // in one of them finds nothing happens, and asks why.
  const written = () => ({ afterCode: [el('p', { class: 'code-note' }, 'JS counterpart of the Rust program. Read-only.')] });
  return [jsLane('callbacks', 'Callbacks', written()), jsLane('promises', 'Promises', written()), rustLane(withStateMachine),
    spawnLocalLane()];
}

/** Step back, Play, Step forward, speed, the scrubber, the position and
 * What happened, for `<section id="replay">`. */
export function replayParts() {
  // 1× is two events a second; a long run (a loop's, hundreds of events)
  // plays in under a minute at 8× or 16×.
  const speeds = [0.5, 1, 2, 4, 8, 16].map((s) => el('option', { value: s, selected: s === 1 }, `${s}×`));
  return [
    // The keys, said where a pointer rests (ReplayControls.bind).
    el('button', { type: 'button', id: 'step-back', title: 'Step back (← key; Home: the first event)', 'aria-keyshortcuts': 'ArrowLeft' }, 'Step back'),
    el('button', { type: 'button', id: 'play', title: 'Play or pause (Space)', 'aria-keyshortcuts': 'Space' }, 'Play'),
    el('button', { type: 'button', id: 'step-forward', title: 'Step forward (→ key; End: the last event)', 'aria-keyshortcuts': 'ArrowRight' }, 'Step forward'),
    el('span', { class: 'speed' }, el('label', { for: 'speed' }, 'Speed'), el('select', { id: 'speed', title: 'Speed' }, ...speeds)),
    // The lanes are separate runs, their events merged in time order: a
    // learner may follow one (the run's lanes are its options).
    el('span', { class: 'step-lane' }, el('label', { for: 'step-lane' }, 'Step through'),
      el('select', { id: 'step-lane' }, el('option', { value: '' }, 'Every lane'))),
    el('input', { type: 'range', id: 'scrubber', min: 0, max: 0, value: 0, 'aria-label': 'Replay position' }),
    // Not live: What happened, below, announces each step.
    el('p', { id: 'position', class: 'position' }),
    el('div', { class: 'what-happened', id: 'what-happened-box' },
      el('span', { id: 'what-happened-title', class: 'what-happened-title' }, 'What happened'),
      // On a phone, where the position line is left out: whose step it is.
      el('span', { id: 'what-happened-lane', class: 'what-happened-lane' }),
      // Where the program changed since the run shown: its lines are not the new code's.
      el('span', { id: 'what-happened-stale', class: 'what-happened-stale', hidden: '' },
        'Replaying your last run, from before your edit: its line numbers are that code\'s. Press Run to replay your current code.'),
      el('p', { id: 'what-happened', role: 'status', 'aria-live': 'polite', 'aria-labelledby': 'what-happened-title' }, 'No run yet.')),
  ];
}

/** The timeline's heading, its drawing and the line that explains a mark,
 * for `<section id="timeline-section">`. */
export function timelineParts() {
  const drawing = svg('svg', { id: 'timeline', role: 'group', 'aria-label': 'Timeline of all three lanes', preserveAspectRatio: 'none' });
  return [
    el('h2', { id: 'timeline-title' }, 'Timeline'),
    el('div', { class: 'timeline-scroll' }, drawing),
    el('p', { class: 'timeline-legend' }, 'Long bars: a timer, from when its deadline is set (JS: when setTimeout is called; a Rust sleep: when the '
      + 'future is created, before any poll) until it fires; dashed if cancelled (in Rust, its sleep dropped). Short marks: a callback or a poll running. Arrows: a waker waking a task. Diamonds: a line logged. '
      + 'Red line: the replay\'s current position; a red ring or outline: its event\'s mark, if it has one.'),
    el('p', { id: 'timeline-detail', class: 'timeline-detail', 'aria-live': 'polite' },
      el('span', { class: 'hint-hover' }, 'Hover over a mark, or focus one (Tab, then the arrow keys), for its details; '
        + 'click it or press Enter to move the replay there.'),
      el('span', { class: 'hint-touch' }, 'Tap a mark for its details and to move the replay there.')),
  ];
}

/**
 * Fills the page's empty places for the shared parts.
 * @param {ParentNode} root
 * @param {{stateMachine?: boolean}} [options] the Rust lane's State machine
 *   (the page's; the embed, for a column's width, leaves it out)
 */
export function buildParts(root, { stateMachine = true } = {}) {
  /** @type {HTMLElement} */ (root.querySelector('.lanes')).replaceChildren(...laneSections(stateMachine));
  /** @type {HTMLElement} */ (root.querySelector('#replay')).replaceChildren(...replayParts());
  /** @type {HTMLElement} */ (root.querySelector('#timeline-section')).replaceChildren(...timelineParts());
}
