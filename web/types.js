// The page's data shapes, as JSDoc types for `tsc --checkJs` (see
// tsconfig.json). Nothing here runs and the page never loads this file: other
// files import its types in a comment, `/** @import { Trace } from './types.js' */`.

// Lanes, clocks, promise styles.

/** @typedef {Exclude<import('./pkg/playground.js').Lane, 'spawn_local'>} Lane the page's three lanes (a trace's `lane` may also be `spawn_local`: the comparison's, run on request) */
/** @typedef {Lane | 'spawnLocal'} ShownLane a lane the replay shows: the three, and "Rust on spawn_local" when the comparison ran */
/** @typedef {import('./pkg/playground.js').ClockName} ClockName */
/** @typedef {'then' | 'await'} PromiseStyle */

// Scenarios (README, "Scenarios are trees of steps"), as validation returns
// them, declared by the Rust type that writes them (program/scenario.rs).

/** @typedef {import('./pkg/playground.js').Step} Step */
/** @typedef {Extract<Step, {type: 'sleep'}>} SleepStep */
/** @typedef {Step} Scenario the root step */

// Traces (docs/trace-format.md), as the Rust types declare them
// (crates/playground/src/trace.rs; tsify writes them into pkg/playground.d.ts,
// their docs are there): a JS lane that records a field or a value the
// format does not have fails `just lint`.

/** @typedef {import('./pkg/playground.js').Trace} Trace what one lane did during one run */
/** @typedef {import('./pkg/playground.js').TraceEvent} TraceEvent `{seq, t, kind, ...that kind's fields, line?}` */
/** @typedef {import('./pkg/playground.js').StepPath} StepPath a step's child indices from the root: `[1, 0]` */
/** @typedef {import('./pkg/playground.js').Handler} Handler what a Promises-lane job runs */
/** @typedef {import('./pkg/playground.js').EnqueueBy} EnqueueBy what queued a job */
/** @typedef {import('./pkg/playground.js').TimerWaker} TimerWaker whose waker the Rust reactor keeps for a timer */
/** @typedef {TraceEvent['kind']} EventKind */
/**
 * An event's own fields, without `seq`, `t` and `kind` (what a recorder is given).
 * @template {EventKind} K
 * @typedef {Omit<Extract<import('./pkg/playground.js').Kind, {kind: K}>, 'kind'>} EventFields
 */
/**
 * The event of kind `K`.
 * @template {EventKind} K
 * @typedef {Extract<TraceEvent, {kind: K}>} EventOf
 */
/**
 * What `playground.run()` resolves to: each lane's trace; with `compare`, the
 * spawn_local lane's too, or why it could not run the program.
 * @typedef {Record<Lane, Trace> & {spawnLocal?: Trace, spawnLocalRefused?: string}} RunResult
 */

// `playground.run()` and `playground.code()`, and what the wasm module returns.

/**
 * @typedef {object} RunOptions
 * @property {string} [preset] a preset id (or `scenario`, or `rust`)
 * @property {Scenario} [scenario]
 * @property {string} [rust] a Rust program text (README, "Writing your own program")
 * @property {(number | string | null)[]} [timings] ms per timer, in reading order (null: an empty field; text: a field that is not a number)
 * @property {ClockName} [clock]
 * @property {PromiseStyle} [promiseStyle]
 * @property {boolean} [oneByOne]
 * @property {number} [seed] what a `select!` without `biased;` draws from (0 to 4294967295; 0 by default)
 * @property {boolean} [compare] run the Rust program on spawn_local and gloo-timers too (`spawnLocal` in the result)
 */
/** @typedef {{clock: ClockName, promiseStyle: PromiseStyle, seed: number, compare: boolean}} PageOptions the page's own controls (`compare`: run the Rust program on spawn_local too) */
/** @typedef {import('./pkg/playground.js').PresetInfo} Preset a preset, as the wasm declares it */
/** @typedef {typeof import('./pkg/playground.js')} Wasm the first run's wasm module (wasm-bindgen's declarations) */
/** @typedef {typeof import('./pkg/playground_text.js')} TextWasm the program text's wasm module: parser, timings rewriter, line map (text-module.js) */
// What the wasm hands the page, declared by the Rust types themselves (tsify
// writes them into wasm-bindgen's pkg/playground.d.ts; their docs are
// there): a field renamed in Rust fails `just lint` wherever the page reads it.
/** @typedef {import('./pkg/playground.js').LaneCode} LaneCode a lane's code, and each step's first line */
/** @typedef {import('./pkg/playground.js').Lanes} Code each lane's code */
/** @typedef {import('./pkg/playground.js').Variant} StateVariant a variant of the enum rustc makes of the Rust panel's `run()` */
/** @typedef {import('./pkg/playground.js').StateMachine} StateMachine */
/** @typedef {import('./pkg/playground.js').Described} Described what the page shows and allows for a program */

/** @typedef {{preset?: string, s?: string, rust?: string, clock?: string, style?: string, seed?: string, compare?: string, tour?: string, step?: string, t?: string, lanes?: string, edit?: string}} Link a share link's fields, unvalidated (`tour`: the tour's chapter open; `step`/`t`: the replay's position, an event index or a time in ms; `lanes`/`edit`: the embed's lanes shown, and whether its Rust panel is an editor) */

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

/** @typedef {{lane: ShownLane, event: TraceEvent}} MergedEvent */
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
 * @property {{timer: number, label: string, deadline: number, waker: TimerWaker, task?: number}[]} timerQueue the
 *   reactor's, by deadline, each with whose waker it keeps and the task that set it
 * @property {{deadline: number, delay: number} | null} armed the one browser timeout
 * @property {Record<string, number>} addresses self-ref: where `s` and `borrowed` live
 * @property {number | undefined} size the size in bytes of the future the addresses are in (of the task whose `address` events came last; else the last spawned)
 * @property {number | undefined} futureAddr where that future lives
 */
/**
 * @typedef {object} LaneSummary
 * @property {number | null} lastLog when the lane logged its last line (null: it never logged)
 * @property {number} idle when its last event happened: nothing was left to run after it
 * @property {number} timersSet
 * @property {number} timersElapsed Rust sleeps already past their deadline when first polled: Ready at once, no timer set
 * @property {number} timersFired
 * @property {number} timersCancelled
 * @property {number} callbacks
 * @property {number} reactions
 * @property {number} polls
 * @property {number} wakes
 */
/**
 * @typedef {{lanes: Record<Lane, LaneSummary> & {spawnLocal?: LaneSummary}, sentence: string,
 *   rustLanes?: string}} RunSummary each lane's figures (the spawn_local lane's when it ran),
 *   how the three lanes differed, and (`rustLanes`) how the spawn_local lane differed from
 *   the Rust lane, when it ran
 */
/**
 * Everything the views show at one position of the replay (replay/index.js).
 * @typedef {object} Snapshot
 * @property {number} position
 * @property {ReplayEntry} entry the event at this position, and its lane
 * @property {Partial<Record<ShownLane, TraceEvent>>} current each lane's latest event
 * @property {Partial<Record<ShownLane, number>>} lines each lane's line to highlight: of its latest event naming one
 * @property {RustState} rust inside the Rust lane
 * @property {{callbacks: import('./replay/js-lane.js').JsPlaces, promises: import('./replay/js-lane.js').JsPlaces,
 *   futures: import('./replay/rust-lane.js').RustPlaces, spawnLocal?: import('./replay/spawn-local-lane.js').SpawnLocalPlaces}} places
 *   each lane's event loop (the Rust lane's twins)
 * @property {string} variant the live variant of run()'s state machine (Unresumed before its first poll)
 * @property {{text: string, fallback: boolean}} told What happened: the sentence, and whether it is the
 *   fallback for a kind without one of its own
 */

export {};
