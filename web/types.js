// The page's data shapes, as JSDoc types for `tsc --checkJs` (see
// tsconfig.json). Nothing here runs and the page never loads this file: other
// files import its types in a comment, `/** @import { Trace } from './types.js' */`.

// Lanes, clocks, promise styles.

/** @typedef {'callbacks' | 'promises' | 'futures'} Lane */
/** @typedef {'real' | 'virtual'} ClockName */
/** @typedef {'then' | 'await'} PromiseStyle */

// Scenarios (README, "Scenarios are trees of steps"), as validation returns
// them. Leaves declare `steps?: undefined` (they have none), so code may read
// `step.steps ?? []` of any step.

/** @typedef {{type: 'sleep', label: string, ms: number, steps?: undefined}} SleepStep */
/** @typedef {{type: 'log', text: string, steps?: undefined}} LogStep */
/** @typedef {{type: 'block', ms: number, steps?: undefined}} BlockStep */
/** @typedef {{type: 'seq' | 'all' | 'race' | 'create_then_await', steps: Step[]}} CompositeStep */
/** @typedef {SleepStep | LogStep | BlockStep | CompositeStep} Step */
/** @typedef {Step} Scenario the root step, at path `scenario` */

// Traces (docs/trace-format.md). Which fields an event must have follows
// docs/trace.schema.json; the rest are optional, as the views expect.

/**
 * What every event has, and the fields several kinds share.
 * @typedef {object} EventBase
 * @property {number} seq 0, 1, 2… in order
 * @property {number} t ms since the run started
 * @property {string} [step] the scenario step it belongs to: `scenario.steps[1]`
 * @property {number} [line] that step's line (from 1) in the lane's code
 */

// Every lane.
/** @typedef {EventBase & {kind: 'timer_set', timer: number, ms: number, label?: string, task?: number, deadline?: number}} TimerSetEvent `task`, `deadline`: Rust only */
/** @typedef {EventBase & {kind: 'timer_fired', timer: number, label?: string, late?: number}} TimerFiredEvent */
/** @typedef {EventBase & {kind: 'log', text: string}} LogEvent */
/** @typedef {EventBase & {kind: 'block', ms: number, task?: number}} BlockEvent the thread was kept busy for `ms`; `task`: Rust only */
// Both JS lanes: the script and the timer callbacks, as tasks.
/** @typedef {EventBase & {kind: 'script_start'}} ScriptStartEvent the panel's script started */
/** @typedef {EventBase & {kind: 'script_end'}} ScriptEndEvent the script's synchronous part returned */
/** @typedef {EventBase & {kind: 'callback_end', timer: number, label?: string}} CallbackEndEvent a timer's callback returned */
// The Promises lane: its microtasks (jobs).
/**
 * What a job runs: a `.then` callback of the panel, the rest of an async
 * function after an `await`, or one of the engine's own jobs (Promise.all's
 * or Promise.race's element function; the job that subscribes a `.then`
 * promise to the promise its callback returned, and the reaction by which it
 * takes that promise's value).
 * @typedef {'then' | 'await' | 'all' | 'race' | 'thenable' | 'adopt'} Handler
 */
/**
 * What queued a job: a promise fulfilled (a timer's, a `.then`'s, an async
 * function's, a Promise.all's or Promise.race's), a reaction registered on a
 * promise already fulfilled (or an `await` of a value), or a `.then` callback
 * that returned a promise.
 * @typedef {'timer' | 'then' | 'async' | 'all' | 'race' | 'settled' | 'return'} EnqueueBy
 */
/** @typedef {EventBase & {kind: 'enqueue', handler: Handler, step: string, by: EnqueueBy, timer?: number, label?: string}} EnqueueEvent a job joined the microtask queue */
/** @typedef {EventBase & {kind: 'reaction', step: string}} ReactionEvent a `.then` callback ran */
/** @typedef {EventBase & {kind: 'resume', step: string}} ResumeEvent an `await` resumed */
/** @typedef {EventBase & {kind: 'engine_job', handler: Handler, step: string}} EngineJobEvent one of the engine's own jobs started */
/** @typedef {EventBase & {kind: 'job_end', handler: Handler, step: string}} JobEndEvent the running job returned */
// The Rust lane.
/** @typedef {EventBase & {kind: 'spawn', task: number, size: number}} SpawnEvent */
/** @typedef {EventBase & {kind: 'batch', turn: 'microtask' | 'macrotask', tasks: number}} BatchEvent */
/** @typedef {EventBase & {kind: 'poll_start', task: number, addr: number}} PollStartEvent */
/** @typedef {EventBase & {kind: 'poll_end', task: number, result: 'pending' | 'ready'}} PollEndEvent */
/** @typedef {EventBase & {kind: 'child_poll', task: number, combinator: 'join' | 'select', child: number, result: 'pending' | 'ready'}} ChildPollEvent */
/**
 * @typedef {EventBase & {
 *   kind: 'wake', task: number, by: 'timer' | 'self' | 'task' | 'external',
 *   outcome: 'queued' | 'already_queued' | 'ignored', timer?: number, by_task?: number, label?: string,
 * }} WakeEvent
 */
/** @typedef {EventBase & {kind: 'task_drop', task: number}} TaskDropEvent */
/** @typedef {EventBase & {kind: 'lost_waker', task: number}} LostWakerEvent the task waits and no waker of it is left */
/** @typedef {EventBase & {kind: 'timer_cancel', timer: number, label?: string}} TimerCancelEvent */
/** @typedef {EventBase & {kind: 'reactor_arm', deadline: number, delay: number}} ReactorArmEvent */
/** @typedef {EventBase & {kind: 'reactor_clear'}} ReactorClearEvent */
/** @typedef {EventBase & {kind: 'yield', queued: number}} YieldEvent */
/**
 * After a poll, the variant of rustc's state machine the task's future is in:
 * `Suspend{point}` (with the point's index and line) or `Returned`.
 * @typedef {EventBase & {kind: 'state', task: number, variant: string, point?: number}} StateEvent
 */
/** @typedef {EventBase & {kind: 'address', task: number, name: string, addr: number}} AddressEvent */

/**
 * @typedef {TimerSetEvent | TimerFiredEvent | LogEvent | BlockEvent | LostWakerEvent | ScriptStartEvent | ScriptEndEvent | CallbackEndEvent
 *   | EnqueueEvent | ReactionEvent | ResumeEvent | EngineJobEvent | JobEndEvent | SpawnEvent | BatchEvent
 *   | PollStartEvent | PollEndEvent | ChildPollEvent | WakeEvent | TaskDropEvent | TimerCancelEvent
 *   | ReactorArmEvent | ReactorClearEvent | YieldEvent | StateEvent | AddressEvent} TraceEvent
 */
/** @typedef {TraceEvent['kind']} EventKind */
/**
 * An event's own fields, without `seq`, `t` and `kind` (what a recorder is given).
 * @template {EventKind} K
 * @typedef {Omit<Extract<TraceEvent, {kind: K}>, 'seq' | 't' | 'kind'>} EventFields
 */

/**
 * What one lane did during one run.
 * @typedef {object} Trace
 * @property {2} version
 * @property {Lane} lane
 * @property {ClockName} clock
 * @property {TraceEvent[]} events
 */
/** @typedef {Record<Lane, Trace>} RunResult what `playground.run()` resolves to */

// `playground.run()` and `playground.code()`, and what the wasm module returns.

/**
 * @typedef {object} RunOptions
 * @property {string} [preset] a preset id (or `scenario`, or `rust`)
 * @property {Scenario} [scenario]
 * @property {string} [rust] a Rust program text (README, "Writing your own program")
 * @property {(number | null)[]} [timings] ms per timer, in reading order (null: an empty field)
 * @property {ClockName} [clock]
 * @property {PromiseStyle} [promiseStyle]
 * @property {boolean} [oneByOne]
 */
/** @typedef {{clock: ClockName, promiseStyle: PromiseStyle}} PageOptions the page's own radio buttons */
/** @typedef {import('./pkg/playground.js').PresetInfo} Preset a preset, as the wasm declares it */
/** @typedef {typeof import('./pkg/playground.js')} Wasm the wasm module (wasm-bindgen's declarations) */
// What the wasm hands the page, declared by the Rust types themselves (tsify
// writes them into wasm-bindgen's pkg/playground.d.ts; their docs are
// there): a field renamed in Rust fails `just lint` wherever the page reads it.
/** @typedef {import('./pkg/playground.js').LaneCode} LaneCode a lane's code, and each step's first line */
/** @typedef {import('./pkg/playground.js').Lanes} Code each lane's code */
/** @typedef {import('./pkg/playground.js').Variant} StateVariant a variant of the enum rustc makes of the Rust panel's `run()` */
/** @typedef {import('./pkg/playground.js').StateMachine} StateMachine */
/** @typedef {import('./pkg/playground.js').Described} Described what the page shows and allows for a program */

/** @typedef {{preset?: string, s?: string, rust?: string, clock?: string, style?: string}} Link a share link's fields, unvalidated */

// The code panels (ui/lanes.js: plain text first, then editor/index.js).

/** @typedef {{line: number, column: number, message: string}} Problem where a program text is not accepted (from 1) */
/**
 * A code panel: plain text, or an editor once it has loaded.
 * @typedef {object} CodeView
 * @property {() => string} text
 * @property {(text: string) => void} setText shows `text` (not reported as an edit)
 * @property {(on: boolean) => void} setReadOnly
 * @property {(line: number | undefined) => void} showLine highlights the current event's line (from 1)
 * @property {(problem: Problem | null) => void} showProblem underlines where the text is not accepted
 * @property {() => void} focus
 */
/**
 * @typedef {object} EditorModule what web/pkg/editor.js exports (editor/index.js)
 * @property {(replaced: Element, options: {text: string, label: string, readOnly: boolean, rust: boolean,
 *   onEdit?: (text: string) => void, onBlur?: () => void}) => CodeView} createCodeView
 */

// The replay model (replay/).

/** @typedef {{lane: Lane, event: TraceEvent}} MergedEvent */
/** @typedef {MergedEvent & {laneName: string, time: string}} ReplayEntry with the lane's name and the formatted time */

/**
 * @typedef {object} TaskView a Rust task at a replay position
 * @property {number} id
 * @property {'queued' | 'polling' | 'waiting' | 'done' | 'dropped' | 'stuck: lost its waker'} state
 * @property {number} polls
 * @property {number} wakes
 * @property {{variant: string, line?: number} | null} machine the state machine's last reported variant
 *   (and the line of its suspension point), none before its first poll
 */
/**
 * @typedef {object} RustState inside the Rust lane at a replay position
 * @property {TaskView[]} tasks
 * @property {number[]} ready the executor's ready queue
 * @property {{timer: number, label: string, deadline: number}[]} timerQueue the reactor's, by deadline
 * @property {{deadline: number, delay: number} | null} armed the one browser timeout
 * @property {Record<string, number>} addresses self-ref: where `s` and `borrowed` live
 * @property {number | undefined} size the future's size in bytes
 * @property {number | undefined} futureAddr where the future lives
 */
/**
 * @typedef {object} LaneSummary
 * @property {number} finish
 * @property {number} timersSet
 * @property {number} timersFired
 * @property {number} timersCancelled
 * @property {number} callbacks
 * @property {number} reactions
 * @property {number} polls
 * @property {number} wakes
 */
/** @typedef {{lanes: Record<Lane, LaneSummary>, sentence: string}} RunSummary */
/**
 * Everything the views show at one position of the replay (replay/index.js).
 * @typedef {object} Snapshot
 * @property {number} position
 * @property {ReplayEntry} entry the event at this position, and its lane
 * @property {Partial<Record<Lane, TraceEvent>>} current each lane's latest event
 * @property {Partial<Record<Lane, number>>} lines each lane's line to highlight: of its latest event naming one
 * @property {RustState} rust inside the Rust lane
 * @property {{callbacks: import('./replay/js-lane.js').JsPlaces, promises: import('./replay/js-lane.js').JsPlaces,
 *   futures: import('./replay/rust-lane.js').RustPlaces}} places each lane's event loop (the Rust lane's twins)
 * @property {string} variant the live variant of run()'s state machine (Unresumed before its first poll)
 * @property {{text: string, fallback: boolean}} told What happened: the sentence, and whether it is the
 *   fallback for a kind without one of its own
 */

export {};
