//! The scenario: a small tree of steps that every lane runs in its own style.

use serde::{Serialize, Serializer};

use super::step_path::StepPath;

/// One step of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Wait `ms` milliseconds (a timer named `label`).
    Sleep {
        /// Unique among the scenario's timers: "Timer 1".
        label: String,
        /// 0 to 60,000.
        ms: u32,
    },
    /// Log a line.
    Log {
        /// 1 to 40 characters.
        text: String,
        /// Whether `text` reads the variables of the loops around it, as a
        /// Rust format string does ([`log_text`](super::log_text)):
        /// `"tick {round}"`, `{{` and `}}` for braces. Only then: a text
        /// without a `{name}` is plain.
        format: bool,
    },
    /// Keep the thread busy for `ms` milliseconds (a busy loop, as CPU-bound
    /// work would): nothing else runs meanwhile, so timers due then fire late.
    Block {
        /// 0 to 5,000.
        ms: u32,
    },
    /// A [`Step::Sleep`] whose delay is a parameter of the helper `async fn`
    /// it is in, `sleep_ms(ms)`: each call's argument. (JSON: a `sleep` with
    /// `param` in place of `ms`.)
    SleepFor {
        /// Unique among the scenario's timers.
        label: String,
        /// A parameter of its function.
        param: String,
    },
    /// A [`Step::Block`] for as long as a parameter of its helper says,
    /// `block_ms(ms)`. (JSON: a `block` with `param` in place of `ms`.)
    BlockFor {
        /// A parameter of its function.
        param: String,
    },
    /// Give the other work a turn, then go on: `yield_now().await` (our
    /// ready queue), `await null` (the microtask queue), `setTimeout(…, 0)`
    /// (a new browser task).
    Yield,
    /// Run the steps one after another.
    Seq(Vec<Step>),
    /// Run the steps together; done when all are (`join!` / `Promise.all`).
    All(Vec<Step>),
    /// An [`Step::All`] of futures of one type, written
    /// `join_all(vec![…]).await` in Rust (as `futures::future::join_all`):
    /// every step a sleep, every step a yield, or every step a call of one
    /// helper (or a single step). (JSON: an `all` with `join_all: true`;
    /// the JS lanes run it as an `all`.)
    JoinAll(Vec<Step>),
    /// Run the steps together; done when the first is (`select!` with
    /// `biased;` / `Promise.race`): each poll polls them in order. A step
    /// may be an [`Step::Arm`], whose body runs if it wins.
    Race(Vec<Step>),
    /// A race whose every poll starts at a step drawn at random, going on
    /// in order from there (`select!` without `biased;`, as tokio's); the
    /// draws come from the run's seed. The JS lanes run it as a race
    /// (`Promise.race` draws nothing).
    RandomRace(Vec<Step>),
    /// An arm of a race with a body, `_ = future => { body }`: the future
    /// raced, then the body (a sequence of its statements), which runs only
    /// if the future wins, after the other branches are dropped. Only a
    /// race's step (an arm without a body is written as its future).
    Arm(Box<[Step; 2]>),
    /// Make every step first, then await them in order. Promises start when
    /// made; futures start when awaited.
    CreateThenAwait(Vec<Step>),
    /// Run the steps one after another, `times` times over (`for _ in
    /// 0..times { … }`, or a counter's `while` or `loop`: `style`).
    Repeat {
        /// 0 to 100 (a `loop`: 1 to 100, as it checks its count after a
        /// round).
        times: u32,
        /// The name of its count (`for round in …`), if a log reads it; a
        /// `while` or `loop` always names its counter.
        var: Option<String>,
        /// How the Rust panel writes it.
        style: LoopStyle,
        /// The loop's body.
        steps: Vec<Step>,
    },
    /// Start the steps as a task of their own and go on at once (`spawn`);
    /// `handle`, if any, names it for an [`Step::AwaitHandle`] later in the
    /// same block.
    Spawn {
        /// 1 to [`limits::MAX_HANDLES`], unique in the scenario.
        handle: Option<u32>,
        /// The task's body.
        steps: Vec<Step>,
        /// The task's future is a helper's call itself, `spawn(brew(100))`
        /// (then `steps` is that one call), not an `async` block around the
        /// steps, `spawn(async { brew(100).await; })`: the same in Rust's
        /// trace, one async function fewer in the Promises panel's.
        direct: bool,
    },
    /// Wait until the task spawned with `handle` is done (`h.await`).
    AwaitHandle {
        /// A handle spawned before, in the same block, awaited once.
        handle: u32,
    },
    /// Cancel the task spawned with `handle` (`h.abort()`): it is dropped at
    /// once, with its timers, and never runs again. The JS lanes' twins
    /// clear its timers (an `AbortController` in the Promises lane).
    Abort {
        /// A handle spawned before, in the same block, not awaited.
        handle: u32,
    },
    /// A program with helper `async fn`s: its functions in the order
    /// written, each an [`Step::AsyncFn`], one of them `run` (what the lanes
    /// run). Only the root; a program without helpers is `run()`'s body, a
    /// [`Step::Seq`].
    Module(Vec<Step>),
    /// An `async fn` of a module, `async fn brew() { … }`: its name and body.
    /// Only a module's step.
    AsyncFn {
        /// [`log_text::is_name`](super::log_text::is_name), unique in the
        /// module, not a word the panels use.
        name: String,
        /// Its parameters' names, each a `u32` (`async fn brew(ms: u32)`):
        /// what its sleeps, blocks and texts may read. `run()` has none.
        params: Vec<String>,
        /// The function's body.
        steps: Vec<Step>,
    },
    /// A whole number with a name, `let cups = 3;`: the texts after it in
    /// its sequence (and inside what follows it there) read it as
    /// `{cups}`. A statement: it makes no future and takes no time.
    Let {
        /// A variable's name, once in the program.
        name: String,
        /// 0 to [`limits::MAX_VALUE`].
        value: u32,
    },
    /// A call of a helper `async fn` of the module, `brew(100)`: a future
    /// that runs the helper's body when awaited (a new one for each call).
    Call {
        /// An `async fn` of the module, other than `run`, that does not call
        /// back into the caller (rustc refuses recursive `async fn`s).
        name: String,
        /// One whole number per parameter, 0 to 60,000.
        args: Vec<u32>,
    },
}

/// How a loop of a known count is written in Rust (the JS panels write
/// each the same way). The body sees its count, from 0, in every form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LoopStyle {
    /// `for i in 0..N { … }`.
    #[default]
    For,
    /// `let mut i = 0; while i < N { …; i += 1; }`.
    While,
    /// `let mut i = 0; loop { …; i += 1; if i == N { break; } }`.
    Loop,
}

impl LoopStyle {
    /// As scenarios write it: `"for"`, `"while"`, `"loop"`.
    pub fn name(self) -> &'static str {
        match self {
            LoopStyle::For => "for",
            LoopStyle::While => "while",
            LoopStyle::Loop => "loop",
        }
    }
}

/// Limits every scenario keeps, wherever it comes from.
pub mod limits {
    /// Milliseconds a timer may last.
    pub const MAX_MS: u32 = 60_000;
    /// Milliseconds a block may keep the thread busy (on the Real clock the
    /// page is frozen that long).
    pub const MAX_BLOCK_MS: u32 = 5_000;
    /// Characters in a label or log text.
    pub const MAX_TEXT: usize = 40;
    /// Timers in one scenario.
    pub const MAX_TIMERS: usize = 32;
    /// Nesting depth (a flat sequence has depth 2).
    pub const MAX_DEPTH: usize = 6;
    /// Steps in one scenario, all kinds counted.
    pub const MAX_STEPS: usize = 64;
    /// Times a loop may run its body.
    pub const MAX_TIMES: u32 = 100;
    /// Sleeps, logs, blocks and yields one run may do, each loop's repeats
    /// counted: what the lanes record and the replay shows grows with it.
    pub const MAX_RUN_STEPS: u64 = 500;
    /// Handles a scenario may name.
    pub const MAX_HANDLES: u32 = 16;
    /// Tasks one run may spawn, each loop's repeats counted (`run()` is
    /// one more).
    pub const MAX_RUN_SPAWNS: u64 = 16;
    /// Helper `async fn`s in a module, besides `run`.
    pub const MAX_HELPERS: usize = 8;
    /// Parameters of one helper.
    pub const MAX_PARAMS: usize = 4;
    /// The largest whole number a `let` names.
    pub const MAX_VALUE: u32 = 1_000_000;
}

impl Step {
    /// A timer of `ms` milliseconds named `label`.
    pub fn sleep(label: &str, ms: u32) -> Step {
        Step::Sleep {
            label: label.into(),
            ms,
        }
    }

    /// A log line.
    pub fn log(text: &str) -> Step {
        Step::Log {
            text: text.into(),
            format: false,
        }
    }

    /// The step's type name, as written in scenarios.
    pub fn kind(&self) -> &'static str {
        match self {
            Step::Sleep { .. } | Step::SleepFor { .. } => "sleep",
            Step::Log { .. } => "log",
            Step::Block { .. } | Step::BlockFor { .. } => "block",
            Step::Yield => "yield",
            Step::Seq(_) => "seq",
            Step::All(_) | Step::JoinAll(_) => "all",
            Step::Race(_) | Step::RandomRace(_) => "race",
            Step::Arm(_) => "arm",
            Step::CreateThenAwait(_) => "create_then_await",
            Step::Repeat { .. } => "repeat",
            Step::Spawn { .. } => "spawn",
            Step::AwaitHandle { .. } => "await_handle",
            Step::Abort { .. } => "abort",
            Step::Module(_) => "module",
            Step::AsyncFn { .. } => "async_fn",
            Step::Call { .. } => "call",
            Step::Let { .. } => "let",
        }
    }

    /// The children of a composite step (none for sleep and log).
    pub fn children(&self) -> &[Step] {
        match self {
            Step::Seq(s)
            | Step::All(s)
            | Step::JoinAll(s)
            | Step::Race(s)
            | Step::RandomRace(s)
            | Step::CreateThenAwait(s)
            | Step::Module(s) => s,
            Step::Arm(arm) => &arm[..],
            Step::Repeat { steps, .. }
            | Step::Spawn { steps, .. }
            | Step::AsyncFn { steps, .. } => steps,
            Step::Sleep { .. }
            | Step::SleepFor { .. }
            | Step::Log { .. }
            | Step::Block { .. }
            | Step::BlockFor { .. }
            | Step::Yield
            | Step::AwaitHandle { .. }
            | Step::Abort { .. }
            | Step::Call { .. }
            | Step::Let { .. } => &[],
        }
    }

    /// The module's `async fn`s, `(index, name, body)`, in the order
    /// written; none but a module has any.
    pub fn functions(&self) -> impl Iterator<Item = (usize, &str, &[Step])> {
        self.signatures()
            .map(|(i, name, _, steps)| (i, name, steps))
    }

    /// The module's `async fn`s with their parameters, `(index, name,
    /// params, body)`, in the order written.
    pub fn signatures(&self) -> impl Iterator<Item = (usize, &str, &[String], &[Step])> {
        let fns = match self {
            Step::Module(fns) => &fns[..],
            _ => &[],
        };
        fns.iter().enumerate().filter_map(|(i, f)| match f {
            Step::AsyncFn {
                name,
                params,
                steps,
            } => Some((i, name.as_str(), &params[..], &steps[..])),
            _ => None,
        })
    }

    /// The path and body of what the lanes run: `run()`'s body, the root
    /// itself for a program without helpers.
    pub fn entry(&self) -> (StepPath, Step) {
        match self.functions().find(|(_, name, _)| *name == "run") {
            Some((i, _, steps)) => (StepPath::root().child(i), Step::Seq(steps.to_vec())),
            None => (StepPath::root(), self.clone()),
        }
    }

    /// How many sleeps, logs, blocks and yields a run does: each loop's
    /// body counted as many times as it runs, each call as its helper's
    /// body. (A module must not call a helper recursively.)
    pub fn run_steps(&self) -> u64 {
        self.counted(&Costs::of(self, Step::run_steps_with), Step::run_steps_with)
    }

    /// How many sleeps, logs, blocks and yields `step`, a step of this
    /// program, runs each time it runs ([`Step::run_steps`], its calls of
    /// this program's helpers counted).
    pub fn steps_run_by(&self, step: &Step) -> u64 {
        step.run_steps_with(&Costs::of(self, Step::run_steps_with))
    }

    /// [`Step::run_steps`], each helper's known in `costs`.
    fn run_steps_with(&self, costs: &Costs) -> u64 {
        let each = |steps: &[Step]| -> u64 {
            let counts = steps.iter().map(|s| s.run_steps_with(costs));
            counts.fold(0, u64::saturating_add)
        };
        match self {
            Step::Sleep { .. }
            | Step::SleepFor { .. }
            | Step::Log { .. }
            | Step::Block { .. }
            | Step::BlockFor { .. }
            | Step::Yield => 1,
            Step::Call { name, .. } => costs.of_call(name),
            Step::Repeat { times, steps, .. } => u64::from(*times).saturating_mul(each(steps)),
            // Every branch may run its future; one body runs, at most the
            // longest.
            Step::Race(arms) | Step::RandomRace(arms) => {
                let future = |arm: &Step| match arm {
                    Step::Arm(arm) => arm[0].run_steps_with(costs),
                    other => other.run_steps_with(costs),
                };
                let body = |arm: &Step| match arm {
                    Step::Arm(arm) => arm[1].run_steps_with(costs),
                    _ => 0,
                };
                let futures = arms.iter().map(future).fold(0, u64::saturating_add);
                futures.saturating_add(arms.iter().map(body).max().unwrap_or(0))
            }
            _ => each(self.children()),
        }
    }

    /// How many tasks a run spawns: each loop's body counted as many times
    /// as it runs, each call as its helper's body. (A module must not call
    /// a helper recursively.)
    pub fn run_spawns(&self) -> u64 {
        self.counted(
            &Costs::of(self, Step::run_spawns_with),
            Step::run_spawns_with,
        )
    }

    /// [`Step::run_spawns`], each helper's known in `costs`.
    fn run_spawns_with(&self, costs: &Costs) -> u64 {
        let inner = self
            .children()
            .iter()
            .map(|s| s.run_spawns_with(costs))
            .fold(0, u64::saturating_add);
        match self {
            Step::Repeat { times, .. } => u64::from(*times).saturating_mul(inner),
            Step::Spawn { .. } => 1 + inner,
            Step::Call { name, .. } => costs.of_call(name),
            _ => inner,
        }
    }

    /// `count` of what runs: `run()`'s body in a module, else the step.
    fn counted(&self, costs: &Costs, count: fn(&Step, &Costs) -> u64) -> u64 {
        match self {
            Step::Module(_) => count(&self.entry().1, costs),
            _ => count(self, costs),
        }
    }

    fn children_mut(&mut self) -> &mut [Step] {
        match self {
            Step::Seq(s)
            | Step::All(s)
            | Step::JoinAll(s)
            | Step::Race(s)
            | Step::RandomRace(s)
            | Step::CreateThenAwait(s)
            | Step::Module(s) => s,
            Step::Arm(arm) => &mut arm[..],
            Step::Repeat { steps, .. }
            | Step::Spawn { steps, .. }
            | Step::AsyncFn { steps, .. } => steps,
            Step::Sleep { .. }
            | Step::Log { .. }
            | Step::Block { .. }
            | Step::Yield
            | Step::AwaitHandle { .. }
            | Step::Abort { .. }
            | Step::Call { .. }
            | Step::Let { .. }
            | Step::SleepFor { .. }
            | Step::BlockFor { .. } => &mut [],
        }
    }

    /// The timers' `(label, ms)` in reading order.
    pub fn timers(&self) -> Vec<(&str, u32)> {
        let mut out = Vec::new();
        self.visit(&mut |step| {
            if let Step::Sleep { label, ms } = step {
                out.push((label.as_str(), *ms));
            }
        });
        out
    }

    /// Calls `f` on every step, parents before children, in reading order.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Step)) {
        f(self);
        for child in self.children() {
            child.visit(f);
        }
    }

    /// The handles the program aborts (`h.abort();`).
    pub fn aborted_handles(&self) -> Vec<u32> {
        let mut aborted = Vec::new();
        self.visit(&mut |s| {
            if let Step::Abort { handle } = s {
                aborted.push(*handle);
            }
        });
        aborted
    }

    /// Calls `f` on every step and its path (this step's is `at`), parents
    /// before children, in reading order.
    pub fn visit_paths(&self, at: &StepPath, f: &mut impl FnMut(&Step, &StepPath)) {
        f(self, at);
        for (i, child) in self.children().iter().enumerate() {
            child.visit_paths(&at.child(i), f);
        }
    }

    /// The step with every delay and text blanked: programs of one shape
    /// have Rust panels that differ only in literals and comments, so their
    /// `run()`s have one future type.
    pub fn shape(&self) -> Step {
        let each = |steps: &[Step]| steps.iter().map(Step::shape).collect();
        match self {
            Step::Sleep { .. } => Step::Sleep {
                label: String::new(),
                ms: 0,
            },
            Step::Log { format, .. } => Step::Log {
                text: String::new(),
                format: *format,
            },
            Step::Block { .. } => Step::Block { ms: 0 },
            Step::Yield => Step::Yield,
            Step::Seq(s) => Step::Seq(each(s)),
            Step::All(s) => Step::All(each(s)),
            Step::JoinAll(s) => Step::JoinAll(each(s)),
            Step::Race(s) => Step::Race(each(s)),
            Step::RandomRace(s) => Step::RandomRace(each(s)),
            Step::Arm(arm) => Step::Arm(Box::new([arm[0].shape(), arm[1].shape()])),
            Step::CreateThenAwait(s) => Step::CreateThenAwait(each(s)),
            // A name no log reads changes nothing that runs; a counter's
            // is written, so it stays.
            Step::Repeat {
                steps, style, var, ..
            } => Step::Repeat {
                times: 0,
                var: var.clone().filter(|_| *style != LoopStyle::For),
                style: *style,
                steps: each(steps),
            },
            Step::Spawn {
                handle,
                steps,
                direct,
            } => Step::Spawn {
                handle: *handle,
                steps: each(steps),
                direct: *direct,
            },
            Step::AwaitHandle { handle } => Step::AwaitHandle { handle: *handle },
            Step::Abort { handle } => Step::Abort { handle: *handle },
            Step::Module(s) => Step::Module(each(s)),
            Step::AsyncFn {
                name,
                params,
                steps,
            } => Step::AsyncFn {
                name: name.clone(),
                params: params.clone(),
                steps: each(steps),
            },
            Step::Call { name, args } => Step::Call {
                name: name.clone(),
                args: vec![0; args.len()],
            },
            Step::SleepFor { param, .. } => Step::SleepFor {
                label: String::new(),
                param: param.clone(),
            },
            Step::BlockFor { param } => Step::BlockFor {
                param: param.clone(),
            },
            // A name no text reads is still one: it stays.
            Step::Let { name, .. } => Step::Let {
                name: name.clone(),
                value: 0,
            },
        }
    }

    /// The timers' delays, mutably, in reading order.
    pub fn timer_ms_mut(&mut self) -> Vec<&mut u32> {
        let mut out = Vec::new();
        collect_ms(self, &mut out);
        out
    }
}

/// What each helper of a module costs when called (a count of what its
/// body runs), worked out once each, callees first.
pub(crate) struct Costs<'a> {
    known: Vec<(&'a str, u64)>,
}

impl<'a> Costs<'a> {
    /// Each helper's `count` in `root` (none but a module's).
    fn of(root: &'a Step, count: fn(&Step, &Costs) -> u64) -> Costs<'a> {
        let mut costs = Costs { known: Vec::new() };
        let fns: Vec<(usize, &str, &[Step])> = root.functions().collect();
        // A helper's cost needs its callees': repeat until all are known
        // (at most one round per helper, as no helper calls itself).
        for _ in 0..fns.len() {
            for (_, name, body) in &fns {
                let ready = body.iter().all(|s| {
                    let mut ok = true;
                    s.visit(&mut |s| {
                        if let Step::Call { name, .. } = s {
                            ok &= costs.known.iter().any(|(n, _)| n == name);
                        }
                    });
                    ok
                });
                if ready && !costs.known.iter().any(|(n, _)| n == name) {
                    let cost = body
                        .iter()
                        .map(|s| count(s, &costs))
                        .fold(0, u64::saturating_add);
                    costs.known.push((name, cost));
                }
            }
        }
        costs
    }

    /// A helper's cost (0 for a name the module lacks, or one that calls
    /// itself back: validation refuses both).
    fn of_call(&self, name: &str) -> u64 {
        self.known
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(0, |(_, cost)| *cost)
    }
}

fn collect_ms<'a>(step: &'a mut Step, out: &mut Vec<&'a mut u32>) {
    if let Step::Sleep { ms, .. } = step {
        out.push(ms);
        return;
    }
    for child in step.children_mut() {
        collect_ms(child, out);
    }
}

/// As the JS lanes read it: `{type: "sleep", label, ms}`, `{type: "log", text}`,
/// `{type: "seq", steps: [...]}`... (the form validation reads back), through
/// `written::Step` (below), whose declaration tsify writes for the page.
impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        written::Step::from(self).serialize(serializer)
    }
}

/// A step as it is written for JS: the same tree, with each variant's fields
/// named. (`super::Step` keeps its composites as tuple variants,
/// `Step::Seq(steps)`, which serde's `tag` cannot write.) Its own module so
/// that its declaration for the page is named `Step` too.
mod written {
    use serde::Serialize;

    /// A step of a program (a scenario is its root step).
    #[derive(Serialize)]
    #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
    #[serde(tag = "type", rename_all = "snake_case")]
    pub enum Step<'a> {
        /// Wait `ms` milliseconds (a timer named `label`), or as long as the
        /// parameter `param` of its helper `async fn` says: one of the two.
        Sleep {
            label: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            ms: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            param: Option<&'a str>,
        },
        /// Log a line.
        Log {
            text: &'a str,
            /// Absent: false.
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            format: bool,
        },
        /// Keep the thread busy for `ms` milliseconds, or as long as the
        /// parameter `param` of its helper `async fn` says: one of the two.
        Block {
            #[serde(skip_serializing_if = "Option::is_none")]
            ms: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            param: Option<&'a str>,
        },
        /// Give the other work a turn, then go on.
        Yield,
        /// One after another.
        Seq { steps: Vec<Step<'a>> },
        /// Together; done when all are (`join!` / `Promise.all`).
        All {
            steps: Vec<Step<'a>>,
            /// Rust writes it `join_all(vec![…])`; absent: false (`join!`).
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            join_all: bool,
        },
        /// Together; done when the first is (`select!` / `Promise.race`).
        /// `random`: each poll starts at a step drawn at random.
        Race {
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            random: bool,
            steps: Vec<Step<'a>>,
        },
        /// A race's arm with a body: `steps[0]` raced, `steps[1]` run if it
        /// wins.
        Arm { steps: Vec<Step<'a>> },
        /// Every step made first, then awaited in order.
        CreateThenAwait { steps: Vec<Step<'a>> },
        /// The steps one after another, `times` times over; `style`: how
        /// Rust writes it, `for` (absent), `while` or `loop` (a counter,
        /// `var`).
        Repeat {
            times: u32,
            #[serde(skip_serializing_if = "Option::is_none")]
            var: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            style: Option<&'static str>,
            steps: Vec<Step<'a>>,
        },
        /// The steps as a task of their own, started at once; `handle`
        /// names it for an `await_handle`; `direct`: the task is the one
        /// call in `steps` itself, `spawn(brew())`.
        Spawn {
            #[serde(skip_serializing_if = "Option::is_none")]
            handle: Option<u32>,
            steps: Vec<Step<'a>>,
            /// Absent: false.
            #[serde(skip_serializing_if = "std::ops::Not::not")]
            direct: bool,
        },
        /// Wait until the task spawned with `handle` is done.
        AwaitHandle { handle: u32 },
        /// Cancel the task spawned with `handle`.
        Abort { handle: u32 },
        /// A program with helper `async fn`s: its functions, in the order
        /// written, one of them named `run`.
        Module { steps: Vec<Step<'a>> },
        /// An `async fn` of a module, its parameters each a `u32`.
        AsyncFn {
            name: &'a str,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            params: &'a [String],
            steps: Vec<Step<'a>>,
        },
        /// A whole number with a name, which later texts read.
        Let { name: &'a str, value: u32 },
        /// A call of a helper `async fn` of the module, with one whole
        /// number per parameter.
        Call {
            name: &'a str,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            args: &'a [u32],
        },
    }

    impl<'a> From<&'a super::Step> for Step<'a> {
        fn from(step: &'a super::Step) -> Self {
            use super::Step as S;
            let steps = |steps: &'a [S]| steps.iter().map(Step::from).collect();
            match step {
                S::Sleep { label, ms } => Step::Sleep {
                    label,
                    ms: Some(*ms),
                    param: None,
                },
                S::SleepFor { label, param } => Step::Sleep {
                    label,
                    ms: None,
                    param: Some(param),
                },
                S::BlockFor { param } => Step::Block {
                    ms: None,
                    param: Some(param),
                },
                S::Log { text, format } => Step::Log {
                    text,
                    format: *format,
                },
                S::Block { ms } => Step::Block {
                    ms: Some(*ms),
                    param: None,
                },
                S::Yield => Step::Yield,
                S::Seq(s) => Step::Seq { steps: steps(s) },
                S::All(s) => Step::All {
                    steps: steps(s),
                    join_all: false,
                },
                S::JoinAll(s) => Step::All {
                    steps: steps(s),
                    join_all: true,
                },
                S::Race(s) => Step::Race {
                    random: false,
                    steps: steps(s),
                },
                S::RandomRace(s) => Step::Race {
                    random: true,
                    steps: steps(s),
                },
                S::Arm(arm) => Step::Arm {
                    steps: steps(&arm[..]),
                },
                S::CreateThenAwait(s) => Step::CreateThenAwait { steps: steps(s) },
                S::Repeat {
                    times,
                    var,
                    style,
                    steps: s,
                } => Step::Repeat {
                    times: *times,
                    var: var.as_deref(),
                    style: (*style != super::LoopStyle::For).then(|| style.name()),
                    steps: steps(s),
                },
                S::Spawn {
                    handle,
                    steps: s,
                    direct,
                } => Step::Spawn {
                    handle: *handle,
                    steps: steps(s),
                    direct: *direct,
                },
                S::AwaitHandle { handle } => Step::AwaitHandle { handle: *handle },
                S::Abort { handle } => Step::Abort { handle: *handle },
                S::Module(s) => Step::Module { steps: steps(s) },
                S::AsyncFn {
                    name,
                    params,
                    steps: s,
                } => Step::AsyncFn {
                    name,
                    params,
                    steps: steps(s),
                },
                S::Call { name, args } => Step::Call { name, args },
                S::Let { name, value } => Step::Let {
                    name,
                    value: *value,
                },
            }
        }
    }
}
