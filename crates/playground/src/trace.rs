//! The trace format (docs/trace-format.md): what one lane did during one
//! run, as the page receives it and exports it. Each lane records it: the
//! Rust lane here (`rust_lane/trace_events.rs` names the runtime's events),
//! the JS lanes in JS (`web/lanes/recorder.js`). These types are its one
//! definition: serde writes the Rust lane's events with them, and tsify
//! declares them for the page (`web/types.js` imports them), so a JS lane
//! that records a field these do not have fails `just lint`. A test reads
//! every golden trace of every lane back through them (`tests/trace_format.rs`).
//!
//! Optional fields are left out when absent, never written as `null`.
//!
//! `Turn`, `Combinator`, `WakeOutcome` and `TimerWaker` have twins in the runtime, which
//! records with those (small `Copy` values, no serde, no tsify: recording
//! stays cheap and the runtime stays free of the page's format); the
//! exhaustive matches in `rust_lane/trace_events.rs` keep each pair in step.

use serde::{Deserialize, Serialize};

use crate::program::step_path::StepPath;

/// The version of the format these types write (docs/trace-format.md,
/// "Versions").
pub const VERSION: u32 = 6;

/// A lane: Callbacks, Promises, or Futures (the Rust lane).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Lane {
    /// Nested callbacks.
    Callbacks,
    /// Chained promises (`.then` or `await`).
    Promises,
    /// Rust futures on our executor.
    Futures,
    /// The same Rust on wasm-bindgen-futures' `spawn_local` and gloo-timers.
    SpawnLocal,
}

/// Which clock a run used: the browser's timers, or a virtual clock that
/// jumps to the next deadline when every lane is idle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ClockName {
    /// The browser's timers.
    Real,
    /// Exact times: the clock jumps to the next deadline.
    Virtual,
}

/// What one lane did during one run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Trace {
    /// [`VERSION`].
    #[cfg_attr(target_arch = "wasm32", tsify(type = "6"))]
    pub version: u32,
    /// Whose trace it is.
    pub lane: Lane,
    /// The clock of the run.
    pub clock: ClockName,
    /// In the order they happened.
    pub events: Vec<TraceEvent>,
}

/// One event, numbered and timed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
// tsify would declare an interface extending `Kind`, which TypeScript refuses
// (`Kind` is a union): the same type, as an intersection.
#[cfg_attr(
    target_arch = "wasm32",
    tsify(type = "{ seq: number; t: number; line?: number } & Kind")
)]
pub struct TraceEvent {
    /// 0, 1, 2… in order.
    pub seq: u32,
    /// Milliseconds since the run started.
    pub t: f64,
    /// What happened: its `kind` and that kind's fields.
    #[serde(flatten)]
    pub kind: Kind,
    /// The line (from 1) in the lane's code of the event's `step` (the page
    /// adds it after the run), or of a `state` event's suspension point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// What an event is: its kind (`kind` in the trace) and that kind's fields.
/// Timer and task numbers count from 1 in each lane's trace. `step` is the
/// program's step the event belongs to; `label` the timer's label ("Timer
/// 1"), the same in every lane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(missing_docs)] // each field is documented with its kind in docs/trace-format.md
pub enum Kind {
    // Every lane.
    /// A timer was started, to fire `ms` later. The Rust lane adds the task
    /// that registered it and its deadline (fixed when the `Sleep` was made).
    TimerSet {
        timer: u32,
        ms: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        task: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        deadline: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        waker: Option<TimerWaker>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        callback: Option<TimerCallback>,
        /// The JS lanes: the delay the browser gives it, when not `ms`: a
        /// short timer set from a timer's task nested more than five deep
        /// waits at least 4 ms.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        clamped: Option<f64>,
    },
    /// The Rust lane: a `Sleep` made before its first poll found its
    /// deadline already passed at that poll, by `late` ms, and was Ready at
    /// once; no timer was registered.
    TimerElapsed {
        timer: u32,
        ms: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        task: Option<u32>,
        deadline: f64,
        late: f64,
    },
    /// The timer expired, `late` ms after its due time.
    TimerFired {
        timer: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        late: Option<f64>,
    },
    /// The program logged a line.
    Log {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
    },
    /// The program kept the thread busy for `ms` (in the Rust lane, `task`'s
    /// poll did).
    Block {
        ms: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        task: Option<u32>,
    },

    // Both JS lanes: the script and the timer callbacks, as tasks.
    /// The lane's script (the panel's code) started: the first task.
    ScriptStart,
    /// The script's synchronous part returned.
    ScriptEnd,
    /// A timer's callback returned.
    CallbackEnd {
        timer: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
    },

    // The Promises lane: its microtasks (jobs).
    /// A job joined the microtask queue.
    Enqueue {
        handler: Handler,
        step: StepPath,
        by: EnqueueBy,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        timer: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// A `.then` callback of the panel ran.
    Reaction { step: StepPath },
    /// An `await` resumed.
    Resume { step: StepPath },
    /// One of the engine's own jobs started.
    EngineJob { handler: Handler, step: StepPath },
    /// The running job returned.
    JobEnd { handler: Handler, step: StepPath },

    // The Rust lane: the executor and the reactor.
    /// A task was spawned; its future takes `size` bytes.
    Spawn { task: u32, size: u32 },
    /// A host turn begins polling the `tasks` queued when it began.
    Batch { turn: Turn, tasks: u32 },
    /// The turn used up its slice (`limit`: its poll budget or its time);
    /// the `queued` rest waits for a macrotask.
    Yield { queued: u32, limit: SliceLimit },
    /// The executor calls `poll` on the task's future, which lives at `addr`.
    PollStart { task: u32, addr: u64 },
    /// `poll` returned.
    PollEnd { task: u32, result: PollResult },
    /// A combinator inside `task` polled its child number `child` (from 0).
    ChildPoll {
        task: u32,
        combinator: Combinator,
        child: u32,
        result: PollResult,
    },
    /// A waker for `task` was woken: by the reactor for `timer` (with its
    /// `label` and `step`), by the task itself, by task `by_task`, or from
    /// outside any poll.
    Wake {
        task: u32,
        by: WakeBy,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        timer: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by_task: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
        outcome: WakeOutcome,
    },
    /// A task was dropped before it finished.
    TaskDrop { task: u32 },
    /// `task` waits and no waker of it is left: it will never be polled again.
    LostWaker { task: u32 },
    /// A pending timer was removed because its `Sleep` was dropped.
    TimerCancel {
        timer: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<StepPath>,
    },
    /// The one browser timeout was (re)armed to call back after `delay` ms,
    /// for the earliest `deadline`.
    ReactorArm { deadline: f64, delay: f64 },
    /// The timer queue is empty: the browser timeout was cleared.
    ReactorClear,
    /// After a poll, the variant of rustc's state machine `task`'s future is
    /// in: `Suspend{point}` (its `point`; the record's `line` is the
    /// point's), `Suspended` (at a point it cannot name), or `Returned`.
    State {
        task: u32,
        variant: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        point: Option<u32>,
    },
    /// Where a local of `task`'s future lives (`name`: `s`), or where a
    /// reference inside it points (`borrowed`).
    Address { task: u32, name: String, addr: u64 },

    // The spawn_local lane: its executor runs in microtasks.
    /// `spawn_local`'s executor queued a microtask to poll its ready tasks.
    MicrotaskQueued,
    /// That microtask started: it polls the tasks queued before it.
    MicrotaskStart,
    /// That microtask returned.
    MicrotaskEnd,
}

/// What a Promises-lane job runs: a `.then` callback of the panel, the rest
/// of an async function after an `await`, or one of the engine's own jobs
/// (Promise.all's or Promise.race's element function; the job that
/// subscribes a `.then` promise to the promise its callback returned, and
/// the reaction by which it takes that promise's value).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Handler {
    /// A `.then` callback.
    Then,
    /// The rest of an async function after an `await`.
    Await,
    /// Promise.all's element function.
    All,
    /// Promise.race's element function.
    Race,
    /// Subscribes a `.then` promise to the promise its callback returned.
    Thenable,
    /// Takes that promise's value.
    Adopt,
}

/// What queued a job: a promise fulfilled (a timer's, a `.then`'s, an async
/// function's, a Promise.all's or Promise.race's), a reaction registered on a
/// promise already fulfilled (or an `await` of a value), or a `.then`
/// callback that returned a promise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum EnqueueBy {
    /// A timer's promise fulfilled.
    Timer,
    /// A `.then`'s promise fulfilled.
    Then,
    /// An async function's promise fulfilled.
    Async,
    /// Promise.all's promise fulfilled.
    All,
    /// Promise.race's promise fulfilled.
    Race,
    /// A reaction registered on a promise already fulfilled.
    Settled,
    /// A `.then` callback returned a promise.
    Return,
}

/// Whose waker the reactor keeps for a Rust timer (`timer_set`'s `waker`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum TimerWaker {
    /// The polled task's own (`cx.waker()`): the timer wakes that task.
    Task,
    /// `Waker::noop()`, which wakes nobody.
    Noop,
    /// Another waker: the trace cannot say whom it wakes.
    Other,
}

/// What a JS timer's callback does, when it does not carry the program on
/// (`timer_set`'s `callback`; absent: it does, by resolving the timer's
/// promise or calling the next step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum TimerCallback {
    /// `() => {}`: it does nothing (the lost-wake example's bug).
    Noop,
}

/// Which host turn a batch runs in: right after the current browser task,
/// or a fresh one (timers fire and the page paints before it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Turn {
    /// `queueMicrotask`: no painting in between.
    Microtask,
    /// A fresh browser task.
    Macrotask,
}

/// What ended the executor's slice of a browser task, so it yielded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum SliceLimit {
    /// Its budget of polls (on the Virtual clock, where time stands still
    /// but for `block_ms`).
    Polls,
    /// Its time slice: 8 ms of polling.
    Time,
}

/// What a `poll` returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum PollResult {
    /// Not finished: it will be polled again once woken.
    Pending,
    /// Finished.
    Ready,
}

/// The combinators whose child polls are recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Combinator {
    /// `join!`: waits for every child.
    Join,
    /// `select!`: the first child to finish wins.
    Select,
}

/// Who woke a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum WakeBy {
    /// The reactor, because a timer expired.
    Timer,
    /// The task itself, during its own poll.
    #[serde(rename = "self")]
    SelfWake,
    /// Another task, during that task's poll.
    Task,
    /// Code outside any poll or timer.
    External,
}

/// What a wake did: queued the task, found it queued already (no poll
/// added), or found it finished or dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum WakeOutcome {
    /// The task was put on the ready queue.
    Queued,
    /// It was on the ready queue already.
    AlreadyQueued,
    /// It had finished or was dropped.
    Ignored,
}
