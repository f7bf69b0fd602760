//! The Rust lane for a program of no preset's shape (a preset's shape runs
//! the preset's compiled `run()`, crate::rust_lane::compiled): the scenario run as one
//! hand-written `Future` per step, composed with the runtime's `join` and
//! `select`. Each makes its futures when the panel's `async fn run()` would
//! (a sequence's step when it is awaited, `create_then_await`'s at its first
//! poll, `join!`'s and `select!`'s where they stand), so it traces exactly
//! like the panel compiled (tests/compiled_panels.rs).
//! [`Machine::suspended_at`] tells which of the panel's awaits it waits at,
//! for the lane's `state` events ([`crate::rust_lane::suspension`]), which the panel as
//! shown does not record.
//!
//! Its leaves (sleeps, logs, blocks, spawns) are a prelude's, `P`: the
//! runtime's for the Rust lane, spawn_local's and gloo-timers' for the lane
//! "Rust on spawn_local" ([`crate::rust_lane::prelude`]).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use std::cell::RefCell;
use std::rc::Rc;

use runtime::{join, select, select_random, Join, Select, YieldNow};

use crate::program::log_text;
use crate::program::scenario::Step;
use crate::program::step_path::StepPath;
use crate::rust_lane::prelude::LanePrelude;
use crate::rust_lane::step_names::TimerLabels;

/// The counts of the loops around a step whose variables are named, each
/// with its name, innermost last: what a log that reads them prints.
pub type LoopVars = Rc<Vec<(String, u32)>>;

/// What a step's future can see around it: the counts of the loops around
/// it, the module's helper `async fn`s (for its calls), and the handles of
/// the tasks its function spawned (each call of a helper has its own, as
/// each call's locals are its own).
pub struct Scope<P: LanePrelude> {
    counts: LoopVars,
    fns: Rc<[Helper]>,
    handles: Handles<P::Handle>,
}

impl<P: LanePrelude> Clone for Scope<P> {
    fn clone(&self) -> Self {
        Scope {
            counts: self.counts.clone(),
            fns: self.fns.clone(),
            handles: self.handles.clone(),
        }
    }
}

impl<P: LanePrelude> Default for Scope<P> {
    fn default() -> Self {
        Scope {
            counts: LoopVars::default(),
            fns: Rc::new([]),
            handles: Handles::default(),
        }
    }
}

/// The handles of a function's spawned tasks, by handle number: a spawn
/// puts its handle here, the await of that handle takes it.
pub struct Handles<H>(Rc<RefCell<Vec<(u32, H)>>>);

impl<H> Clone for Handles<H> {
    fn clone(&self) -> Self {
        Handles(self.0.clone())
    }
}

impl<H> Default for Handles<H> {
    fn default() -> Self {
        Handles(Rc::default())
    }
}

impl<H> Handles<H> {
    /// A spawn's handle, kept for its await.
    fn keep(&self, number: u32, handle: H) {
        self.0.borrow_mut().push((number, handle));
    }

    /// The handle `number`, taken by its await.
    fn take(&self, number: u32) -> Option<H> {
        let mut handles = self.0.borrow_mut();
        let at = handles.iter().position(|(n, _)| *n == number)?;
        Some(handles.remove(at).1)
    }

    /// Aborts the task of handle `number` (validation: kept, never awaited):
    /// our runtime drops it now, spawn_local at the task's next poll. The
    /// handle stays, for another abort.
    fn abort<P: LanePrelude<Handle = H>>(&self, number: u32) {
        // Out of the list while the task's future drops.
        if let Some(handle) = self.take(number) {
            P::abort(&handle);
            self.keep(number, handle);
        }
    }
}

/// A helper `async fn` of the module: its name, path, parameters and body.
struct Helper {
    name: String,
    at: StepPath,
    params: Vec<String>,
    steps: Vec<Step>,
}

impl<P: LanePrelude> Scope<P> {
    /// The scope of `run()`'s body in `root`'s program.
    fn of(root: &Step) -> Scope<P> {
        let fns = root.signatures().map(|(i, name, params, steps)| Helper {
            name: name.to_string(),
            at: StepPath::root().child(i),
            params: params.to_vec(),
            steps: steps.to_vec(),
        });
        Scope {
            fns: fns.collect(),
            ..Scope::default()
        }
    }

    /// The scope of `helper`'s body, called from here with `args`: its
    /// parameters hold them; no loop around it, no handle of its caller's.
    fn of_call(&self, helper: &Helper, args: &[u32]) -> Scope<P> {
        let params = helper.params.iter().cloned().zip(args.iter().copied());
        Scope {
            counts: Rc::new(params.collect()),
            fns: self.fns.clone(),
            handles: Handles::default(),
        }
    }

    /// The value of the variable `name` here: a loop's count or a
    /// parameter (validation: one of them is named so).
    fn value(&self, name: &str) -> u32 {
        let found = self.counts.iter().rev().find(|(var, _)| var == name);
        found.map_or(0, |(_, value)| *value)
    }
}

/// One step, as a future.
pub enum Machine<P: LanePrelude> {
    /// Waits on a timer; notes which trace timer belongs to `label`.
    Sleep {
        /// The step's label.
        label: String,
        /// The step's path.
        path: StepPath,
        /// The timer future. Its timer's number is noted when the timer is
        /// set: at the first poll on our runtime, when it is made on gloo's.
        sleep: P::Sleep,
        /// Where to note the timer's number once it is registered.
        labels: TimerLabels,
    },
    /// Logs when first polled, then is Ready.
    Log {
        /// The line.
        text: String,
        /// The step's path.
        path: StepPath,
        /// Where to note that this step logged.
        labels: TimerLabels,
    },
    /// Keeps the thread busy when first polled, then is Ready.
    Block {
        /// How long.
        ms: u32,
        /// The step's path.
        path: StepPath,
        /// Where to note that this step blocked.
        labels: TimerLabels,
    },
    /// `yield_now()`: Pending once, after waking its own task.
    Yield {
        /// The step's path.
        path: StepPath,
        /// The runtime's future.
        future: YieldNow,
    },
    /// Awaits its steps one after another.
    Seq(Sequence<P>),
    /// `join!`: polls every unfinished step on each poll.
    All(MadeAtFirstPoll<Join<Machine<P>>>),
    /// `select!`: the first Ready step wins; the others are dropped; then
    /// the winner's arm runs its body, if it has one.
    Race(Race<P>),
    /// `for _ in 0..times`: its body, a sequence, made anew for each round.
    Repeat(Repeat<P>),
    /// `spawn(async { … })`: the steps as a task of their own; Ready at once.
    Spawn {
        /// The step's path.
        path: StepPath,
        /// Its handle's number, if the program awaits it.
        handle: Option<u32>,
        /// The task's steps.
        steps: Vec<Step>,
        /// Where the task's timers and logs are named.
        labels: TimerLabels,
        /// The loops' counts around it, for the task's logs.
        vars: Scope<P>,
    },
    /// `h.await`: Ready when the task spawned with `handle` is done.
    AwaitHandle {
        /// The step's path.
        path: StepPath,
        /// The handle's number.
        handle: u32,
        /// The spawned task's handle, once taken.
        task: Option<P::Handle>,
        /// Where the handle is kept.
        handles: Handles<P::Handle>,
    },
    /// `h.abort()`: stops the task spawned with `handle` (our runtime drops
    /// it now, with its timers; spawn_local at its next poll); Ready at once.
    Abort {
        /// The handle's number.
        handle: u32,
        /// Where the handle is kept.
        handles: Handles<P::Handle>,
    },
    /// `brew().await`: the helper's body, awaited as a statement sequence
    /// of its own (its future is made when the call is, and runs nothing
    /// until polled).
    Call {
        /// The call's step path.
        path: StepPath,
        /// The helper's body, at its own path.
        body: Box<Sequence<P>>,
    },
}

/// A loop: `body` is the current round's sequence (none before the first
/// poll and between rounds).
pub struct Repeat<P: LanePrelude> {
    path: StepPath,
    times: u32,
    /// Its variable's name, if a log reads it; the loops' counts around it.
    var: Option<String>,
    vars: Scope<P>,
    done: u32,
    steps: Vec<Step>,
    body: Option<Box<Sequence<P>>>,
    labels: TimerLabels,
}

/// A `select!`: its branches' futures raced, then the winner's body.
pub struct Race<P: LanePrelude> {
    race: MadeAtFirstPoll<Select<Machine<P>>>,
    /// Each branch's body and its path, if it has one.
    bodies: Vec<Option<(Step, StepPath)>>,
    /// The winner's body, once it won.
    body: Option<Pin<Box<Machine<P>>>>,
    labels: TimerLabels,
    vars: Scope<P>,
}

impl<P: LanePrelude> Race<P> {
    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        if self.body.is_none() {
            let Poll::Ready((winner, ())) = self.race.poll(cx) else {
                return Poll::Pending;
            };
            // The losers are dropped already; the winner's code runs now,
            // in the same poll, as the arm's body does in the panel.
            match &self.bodies[winner] {
                Some((step, path)) => {
                    let body = Machine::within(step, path, &self.labels, &self.vars);
                    self.body = Some(Box::pin(body));
                }
                None => return Poll::Ready(()),
            }
        }
        self.body.as_mut().expect("made above").as_mut().poll(cx)
    }
}

/// A combinator whose steps are made at its first poll: in the panel,
/// `join!(…)` and `select! {…}` make their futures where they stand, when the
/// body around them gets there, which is when they are first polled (an
/// `async` block holding one is lazy like any other).
pub struct MadeAtFirstPoll<F> {
    path: StepPath,
    make: Option<Box<dyn FnOnce() -> F>>,
    made: Option<F>,
}

impl<F: Future + Unpin> MadeAtFirstPoll<F> {
    fn new(path: &StepPath, make: impl FnOnce() -> F + 'static) -> Self {
        MadeAtFirstPoll {
            path: path.clone(),
            make: Some(Box::new(make)),
            made: None,
        }
    }

    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<F::Output> {
        if let Some(make) = self.make.take() {
            self.made = Some(make());
        }
        let made = self.made.as_mut().expect("made at the first poll");
        Pin::new(made).poll(cx)
    }
}

/// A sequence of steps awaited in order. `made` holds the futures already
/// created: for `create_then_await`, all of them at the first poll (as the
/// `let f1 = …;` lines of an async body run then), otherwise each one just
/// before it is awaited.
pub struct Sequence<P: LanePrelude> {
    path: StepPath,
    steps: Vec<Step>,
    made: Vec<Option<Pin<Box<Machine<P>>>>>,
    /// `create_then_await`: every step is made at the first poll, then each
    /// awaited by its own `fN.await`.
    awaits_each: bool,
    current: usize,
    labels: TimerLabels,
    vars: Scope<P>,
}

impl<P: LanePrelude> Machine<P> {
    /// The future for `step`, at `path` (`scenario` for the root, then
    /// `scenario.steps[1]` and so on, as validation names fields).
    pub fn new(step: &Step, path: &StepPath, labels: &TimerLabels) -> Machine<P> {
        match step {
            Step::Module(_) => {
                let (at, entry) = step.entry();
                Machine::within(&entry, &at, labels, &Scope::of(step))
            }
            _ => Machine::within(step, path, labels, &Scope::default()),
        }
    }

    /// The future for `step`, inside loops whose counts are `vars`.
    fn within(step: &Step, path: &StepPath, labels: &TimerLabels, vars: &Scope<P>) -> Machine<P> {
        let child = |i: usize| path.child(i);
        match step {
            Step::Sleep { label, ms } => Machine::sleep(label, path, *ms, labels),
            Step::Log { text, format } => Machine::Log {
                text: match format {
                    false => text.clone(),
                    true => log_text::format(text, |name| Some(vars.value(name))),
                },
                path: path.clone(),
                labels: labels.clone(),
            },
            Step::Block { ms } => Machine::Block {
                ms: *ms,
                path: path.clone(),
                labels: labels.clone(),
            },
            Step::BlockFor { param } => Machine::Block {
                ms: vars.value(param),
                path: path.clone(),
                labels: labels.clone(),
            },
            Step::SleepFor { label, param } => {
                Machine::sleep(label, path, vars.value(param), labels)
            }
            Step::Yield => Machine::Yield {
                path: path.clone(),
                future: runtime::yield_now(),
            },
            Step::Seq(steps) => Machine::Seq(Sequence::new(path, steps, false, labels, vars)),
            // `spawn(brew())` and `spawn(async { brew().await; })` trace
            // alike: the task polls the call's future in both.
            Step::Spawn { handle, steps, .. } => Machine::Spawn {
                path: path.clone(),
                handle: *handle,
                steps: steps.clone(),
                labels: labels.clone(),
                vars: vars.clone(),
            },
            Step::AwaitHandle { handle } => Machine::AwaitHandle {
                path: path.clone(),
                handle: *handle,
                task: None,
                handles: vars.handles.clone(),
            },
            Step::Abort { handle } => Machine::Abort {
                handle: *handle,
                handles: vars.handles.clone(),
            },
            Step::Call { name, args } => {
                let called = vars.fns.iter().find(|helper| helper.name == *name);
                let helper = called.expect("validation: a call names a helper");
                let scope = vars.of_call(helper, args);
                let body = Sequence::new(&helper.at, &helper.steps, false, labels, &scope);
                Machine::Call {
                    path: path.clone(),
                    body: Box::new(body),
                }
            }
            // `let cups = 3;` does nothing when it runs (its sequence keeps
            // the number for the texts after it, `Sequence::make`): an
            // empty sequence, Ready at once.
            Step::Let { .. } => Machine::Seq(Sequence::new(path, &[], false, labels, vars)),
            // Only the root (Machine::new) and its functions.
            Step::Module(_) | Step::AsyncFn { .. } => {
                unreachable!("validation: a module is the root, an async fn its step")
            }
            Step::Repeat {
                times, var, steps, ..
            } => Machine::Repeat(Repeat {
                path: path.clone(),
                times: *times,
                var: var.clone(),
                vars: vars.clone(),
                done: 0,
                steps: steps.clone(),
                body: None,
                labels: labels.clone(),
            }),
            Step::CreateThenAwait(steps) => {
                Machine::Seq(Sequence::new(path, steps, true, labels, vars))
            }
            Step::All(steps)
            | Step::JoinAll(steps)
            | Step::Race(steps)
            | Step::RandomRace(steps) => {
                // Each branch's future, and its body if it is an arm.
                let mut futures = Vec::new();
                let mut bodies = Vec::new();
                for (i, s) in steps.iter().enumerate() {
                    match s {
                        Step::Arm(arm) => {
                            futures.push((arm[0].clone(), child(i).child(0)));
                            bodies.push(Some((arm[1].clone(), child(i).child(1))));
                        }
                        _ => {
                            futures.push((s.clone(), child(i)));
                            bodies.push(None);
                        }
                    }
                }
                let (made_labels, made_vars) = (labels.clone(), vars.clone());
                let make = move || -> Vec<Machine<P>> {
                    let machines = futures.iter();
                    machines
                        .map(|(s, path)| Machine::within(s, path, &made_labels, &made_vars))
                        .collect()
                };
                match step {
                    // `join!` and `join_all` are the runtime's one `Join`.
                    Step::All(_) | Step::JoinAll(_) => {
                        Machine::All(MadeAtFirstPoll::new(path, move || join(make())))
                    }
                    _ => Machine::Race(Race {
                        race: match step {
                            Step::Race(_) => MadeAtFirstPoll::new(path, move || select(make())),
                            _ => MadeAtFirstPoll::new(path, move || select_random(make())),
                        },
                        bodies,
                        body: None,
                        labels: labels.clone(),
                        vars: vars.clone(),
                    }),
                }
            }
            // Only a race's branch (above): its future, then its body.
            Step::Arm(arm) => Machine::Seq(Sequence::new(path, &arm[..], false, labels, vars)),
        }
    }
}

impl<P: LanePrelude> Machine<P> {
    /// A sleep of `ms`, noting its timer's label and step as soon as it has
    /// set its timer.
    fn sleep(label: &str, path: &StepPath, ms: u32, labels: &TimerLabels) -> Machine<P> {
        let sleep = P::sleep_ms(ms);
        if let Some(timer) = P::timer(&sleep) {
            let named = (timer, label.to_string(), path.clone());
            labels.borrow_mut().timers.push(named);
        }
        Machine::Sleep {
            label: label.to_string(),
            path: path.clone(),
            sleep,
            labels: labels.clone(),
        }
    }

    /// The step whose `.await` (or `join!`, `select!`) in the panel's
    /// `run()` this future, as `run()`'s body, is suspended at: a sequence's
    /// steps are statements of the same body, so a nested sequence answers
    /// for its current step; `create_then_await` awaits each step by its own
    /// `fN.await`. None for a log or a block, which never suspend.
    pub fn suspended_at(&self) -> Option<StepPath> {
        match self {
            Machine::Sleep { path, .. }
            | Machine::Yield { path, .. }
            | Machine::AwaitHandle { path, .. }
            | Machine::Call { path, .. } => Some(path.clone()),
            Machine::Log { .. }
            | Machine::Block { .. }
            | Machine::Spawn { .. }
            | Machine::Abort { .. } => None,
            Machine::All(made) => Some(made.path.clone()),
            Machine::Race(race) => match &race.body {
                Some(body) => body.suspended_at(),
                None => Some(race.race.path.clone()),
            },
            Machine::Seq(sequence) if sequence.awaits_each => {
                let step = sequence.current.min(sequence.steps.len() - 1);
                Some(sequence.path.child(step))
            }
            Machine::Seq(sequence) => sequence.suspended_at(),
            Machine::Repeat(repeat) => repeat.body.as_ref()?.suspended_at(),
        }
    }
}

impl<P: LanePrelude> Sequence<P> {
    fn new(
        path: &StepPath,
        steps: &[Step],
        awaits_each: bool,
        labels: &TimerLabels,
        vars: &Scope<P>,
    ) -> Self {
        Sequence {
            path: path.clone(),
            steps: steps.to_vec(),
            made: steps.iter().map(|_| None).collect(),
            awaits_each,
            current: 0,
            labels: labels.clone(),
            vars: vars.clone(),
        }
    }

    /// The step of the body's current statement that waits.
    fn suspended_at(&self) -> Option<StepPath> {
        self.made.get(self.current)?.as_ref()?.suspended_at()
    }

    fn make(&mut self, i: usize) {
        if self.made[i].is_none() {
            // A `let` names its number for the steps after it.
            if let Step::Let { name, value } = &self.steps[i] {
                Rc::make_mut(&mut self.vars.counts).push((name.clone(), *value));
            }
            let path = self.path.child(i);
            let step = Machine::within(&self.steps[i], &path, &self.labels, &self.vars);
            self.made[i] = Some(Box::pin(step));
        }
    }
}

impl<P: LanePrelude> Future for Machine<P> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // Every variant is Unpin: children are boxed.
        match self.get_mut() {
            Machine::Sleep {
                label,
                path,
                sleep,
                labels,
            } => {
                // Named already if it had its timer before this poll.
                let unnamed = P::timer(sleep).is_none();
                let poll = Pin::new(&mut *sleep).poll(cx);
                if let (true, Some(timer)) = (unnamed, P::timer(sleep)) {
                    labels
                        .borrow_mut()
                        .timers
                        .push((timer, label.clone(), path.clone()));
                }
                poll
            }
            Machine::Log { text, path, labels } => {
                P::log(text);
                labels.borrow_mut().calls.push(path.clone());
                Poll::Ready(())
            }
            Machine::Block { ms, path, labels } => {
                labels.borrow_mut().calls.push(path.clone());
                P::block_ms(*ms);
                Poll::Ready(())
            }
            Machine::Yield { future, .. } => Pin::new(future).poll(cx),
            Machine::Call { body, .. } => body.poll(cx),
            Machine::Seq(sequence) => sequence.poll(cx),
            Machine::All(all) => all.poll(cx).map(drop),
            Machine::Race(race) => race.poll(cx),
            Machine::Repeat(repeat) => repeat.poll(cx),
            Machine::Spawn {
                path,
                handle,
                steps,
                labels,
                vars,
            } => {
                // The task's handles are its own: two tasks of this spawn
                // (in a loop) each keep theirs.
                let scope = Scope {
                    handles: Handles::default(),
                    ..vars.clone()
                };
                let body = Machine::Seq(Sequence::new(path, steps, false, labels, &scope));
                let task = P::spawn(body);
                // A handle never awaited is dropped: the task goes on, detached.
                if let Some(number) = handle {
                    vars.handles.keep(*number, task);
                }
                Poll::Ready(())
            }
            Machine::AwaitHandle {
                handle,
                task,
                handles,
                ..
            } => {
                let task = task.get_or_insert_with(|| {
                    let kept = handles.take(*handle);
                    kept.expect("validation: a handle is awaited after its spawn, once")
                });
                // Done, the await is over (the panel unwraps: a task
                // awaited here is never aborted, validation).
                Pin::new(task).poll(cx).map(drop)
            }
            Machine::Abort { handle, handles } => {
                handles.abort::<P>(*handle);
                Poll::Ready(())
            }
        }
    }
}

impl<P: LanePrelude> Repeat<P> {
    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        while self.done < self.times {
            let (path, steps, labels) = (&self.path, &self.steps, &self.labels);
            // This round's count, for the logs that read it.
            let mut vars = self.vars.clone();
            if let Some(var) = &self.var {
                Rc::make_mut(&mut vars.counts).push((var.clone(), self.done));
            }
            let body = self
                .body
                .get_or_insert_with(|| Box::new(Sequence::new(path, steps, false, labels, &vars)));
            match body.poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(()) => {
                    // The round's futures are dropped with it, as a loop
                    // body's locals are.
                    self.body = None;
                    self.done += 1;
                }
            }
        }
        Poll::Ready(())
    }
}

impl<P: LanePrelude> Sequence<P> {
    fn poll(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        let count = self.steps.len();
        // The first poll: nothing made yet.
        if self.awaits_each && self.current == 0 && self.made[0].is_none() {
            for i in 0..count {
                self.make(i);
            }
        }
        while self.current < count {
            self.make(self.current);
            let step = self.made[self.current].as_mut().expect("made above");
            match step.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(()) => {
                    // Finished steps are dropped at once, as an async fn does.
                    self.made[self.current] = None;
                    self.current += 1;
                }
            }
        }
        Poll::Ready(())
    }
}
