//! The presets' `async fn run()`s as the Rust lane runs them (all but the
//! special ones, which run their own `async fn`, crate::rust_lane::special): compiled
//! into the wasm (`preset_panels.rs`), so the future the lane polls is the
//! one rustc makes of the panel's code, with its size and its states.
//!
//! A program with a preset's shape but its own timings and texts runs on the
//! same compiled code. The panel shows them as literals, `sleep_ms(200)`; a
//! function compiled once cannot have them, so in the compiled copy each
//! such call reads its value from the scenario being run: `sleep_ms(200)` is
//! `crate::rust_lane::compiled::sleep::<0>()` (the scenario's first leaf, in reading
//! order), on the same line. Passing the values as arguments of `run()`
//! would keep them inside the future, making it bigger than the panel's; read
//! this way, the future has the panel's size exactly (its only other type is
//! [`LeafSleep`], a transparent `Sleep`; tests/compiled_panels.rs checks the
//! sizes equal).
//! [`Running`] makes the scenario current for the length of each poll, as the
//! runtime makes itself current for its tasks.
//!
//! The calls also note what the lane's trace names: which step each timer
//! and log comes from, and which sleep the future is suspended on, so the
//! lane can name the `.await` of `run()` that waits for it
//! ([`crate::rust_lane::suspension`]).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use pin_project_lite::pin_project;
use runtime::Sleep;

use crate::program::scenario::Step;
use crate::program::step_path::StepPath;
use crate::render;
use crate::rust_lane::spawner::Spawner;
use crate::rust_lane::step_names::TimerLabels;
use crate::rust_lane::suspension::report_states;

/// The scenario a compiled `run()` is running with.
struct Scenario {
    /// The sleeps, logs, blocks and yields, in reading order, with their
    /// step paths.
    leaves: Vec<(StepPath, Step)>,
    labels: TimerLabels,
    /// The sleep last polled to Pending in the current poll of `run()`.
    pending: Cell<Option<usize>>,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Scenario>>> = const { RefCell::new(None) };
}

impl Scenario {
    fn of(step: &Step, labels: &TimerLabels) -> Scenario {
        let mut leaves = Vec::new();
        collect_leaves(step, &StepPath::root(), &mut leaves);
        Scenario {
            leaves,
            labels: labels.clone(),
            pending: Cell::new(None),
        }
    }
}

fn collect_leaves(step: &Step, path: &StepPath, out: &mut Vec<(StepPath, Step)>) {
    match step {
        Step::Sleep { .. }
        | Step::Log { .. }
        | Step::Block { .. }
        | Step::Yield
        | Step::AwaitHandle { .. }
        | Step::Call { .. } => {
            out.push((path.clone(), step.clone()));
        }
        Step::Repeat { .. } => {
            // Its count is read from the scenario too; then its body's leaves.
            out.push((path.clone(), step.clone()));
            for (i, child) in step.children().iter().enumerate() {
                collect_leaves(child, &path.child(i), out);
            }
        }
        _ => {
            for (i, child) in step.children().iter().enumerate() {
                collect_leaves(child, &path.child(i), out);
            }
        }
    }
}

/// Leaf `k` of the running scenario, with its step path.
fn with_leaf<R>(k: usize, f: impl FnOnce(&Scenario, &StepPath, &Step) -> R) -> R {
    let scenario = CURRENT
        .with(|c| c.borrow().clone())
        .expect("a compiled preset's leaf called outside Running::poll");
    let (path, step) = &scenario.leaves[k];
    f(&scenario, path, step)
}

// What a leaf call reads from the running scenario and notes in it, for
// either prelude: the runtime's here, spawn_local's in `on_spawn_local`.

/// Leaf `k`'s delay (a sleep).
pub(crate) fn sleep_ms_of(k: usize) -> u32 {
    with_leaf(k, |_, path, step| match step {
        Step::Sleep { ms, .. } => *ms,
        _ => panic!("{path} is not a sleep: the scenario has another shape"),
    })
}

/// Leaf `k`'s line (a log), noting that it logs now.
pub(crate) fn log_text_of(k: usize) -> String {
    with_leaf(k, |scenario, path, step| {
        // No preset's log reads a variable: one that does has another shape.
        let Step::Log {
            text,
            format: false,
        } = step
        else {
            panic!("{path} is not a plain log: the scenario has another shape");
        };
        scenario.labels.borrow_mut().calls.push(path.clone());
        text.clone()
    })
}

/// Leaf `k`'s time (a block), noting that it blocks now.
pub(crate) fn block_ms_of(k: usize) -> u32 {
    with_leaf(k, |scenario, path, step| {
        let Step::Block { ms } = step else {
            panic!("{path} is not a block: the scenario has another shape");
        };
        scenario.labels.borrow_mut().calls.push(path.clone());
        *ms
    })
}

/// Leaf `k` is an await of a handle.
pub(crate) fn check_handle(k: usize) {
    with_leaf(k, |_, path, step| {
        assert!(
            matches!(step, Step::AwaitHandle { .. }),
            "{path} is not an await of a handle: the scenario has another shape"
        );
    });
}

/// `run()` waits on leaf `k` (it was left Pending in this poll).
pub(crate) fn waits_on(k: usize) {
    with_leaf(k, |scenario, _, _| scenario.pending.set(Some(k)));
}

/// `timer` (the lane's number) is leaf `k`'s (a sleep): its label and step.
pub(crate) fn name_timer(k: usize, timer: u32) {
    with_leaf(k, |scenario, path, step| {
        if let Step::Sleep { label, .. } = step {
            let named = (timer, label.clone(), path.clone());
            scenario.labels.borrow_mut().timers.push(named);
        }
    });
}

/// `future`, a task the panel spawns, reading the running scenario.
pub(crate) fn in_scenario<F: Future<Output = ()>>(future: F) -> InScenario<F> {
    let scenario = CURRENT
        .with(|c| c.borrow().clone())
        .expect("a compiled preset's spawn called outside Running::poll");
    InScenario { future, scenario }
}

/// The panel's `sleep_ms(ms)` for the scenario's leaf `K` (a sleep).
pub fn sleep<const K: usize>() -> LeafSleep<K> {
    LeafSleep {
        sleep: runtime::sleep_ms(sleep_ms_of(K)),
    }
}

/// The panel's `log("…")` for the scenario's leaf `K` (a log).
pub fn log<const K: usize>() {
    runtime::log(log_text_of(K));
}

/// The panel's `block_ms(ms)` for the scenario's leaf `K` (a block).
pub fn block<const K: usize>() {
    runtime::block_ms(block_ms_of(K));
}

/// The panel's call of a helper `async fn` for the scenario's leaf `K`:
/// the call's future, noting that `run()` waits on it.
pub fn call<const K: usize, F: Future>(future: F) -> LeafCall<F, Leaf<K>> {
    LeafCall {
        future,
        leaf: PhantomData,
    }
}

/// Leaf `K` as a type: what [`LeafCall`] notes (pin-project-lite, which
/// projects its pinned future, does not take const generics).
pub struct Leaf<const K: usize>;

/// A leaf's index, known from its type.
pub trait LeafIndex {
    /// The leaf's index in the scenario's leaves.
    const K: usize;
}

impl<const K: usize> LeafIndex for Leaf<K> {
    const K: usize = K;
}

pin_project! {
    /// A helper's future with nothing added (its `leaf` takes no room), as
    /// [`LeafSleep`]: it notes that `run()` waits on it (on the call, not on
    /// the sleep inside the helper that is Pending: the call is what
    /// `run()`'s body awaits).
    pub struct LeafCall<F, L> {
        #[pin]
        future: F,
        leaf: PhantomData<L>,
    }
}

impl<F: Future, L: LeafIndex> Future for LeafCall<F, L> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let poll = self.project().future.poll(cx);
        if poll.is_pending() {
            // After the helper's own leaves: the outermost call is noted last.
            waits_on(L::K);
        }
        poll
    }
}

/// The panel's `h.await` for the scenario's leaf `K` (an await of a
/// handle): the handle, noting that `run()` waits on it.
pub fn handle<const K: usize>(
    handle: runtime::JoinHandle<()>,
) -> Waited<K, runtime::JoinHandle<()>> {
    check_handle(K);
    Waited { future: handle }
}

/// A leaf's future (a handle, a yield; on spawn_local, a sleep too) with
/// nothing added, as [`LeafSleep`]: `repr(transparent)`, so the future
/// holding it has the panel's size. It notes that `run()` waits on it.
#[repr(transparent)]
#[derive(Debug)]
pub struct Waited<const K: usize, F> {
    pub(crate) future: F,
}

impl<const K: usize, F: Future + Unpin> Future for Waited<K, F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let poll = Pin::new(&mut self.get_mut().future).poll(cx);
        if poll.is_pending() {
            waits_on(K);
        }
        poll
    }
}

/// The panel's `spawn(async { … })`: the runtime's `spawn`, with the task's
/// polls reading the running scenario, as `run()`'s do.
pub fn spawn<F: Future<Output = ()> + 'static>(future: F) -> runtime::JoinHandle<()> {
    runtime::spawn(in_scenario(future))
}

pin_project! {
    /// A spawned task of a compiled `run()`, with the scenario it reads.
    pub struct InScenario<F> {
        #[pin]
        future: F,
        scenario: Rc<Scenario>,
    }
}

impl<F: Future<Output = ()>> Future for InScenario<F> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.project();
        let previous = CURRENT.with(|c| c.replace(Some(this.scenario.clone())));
        let _restore = Restore(previous);
        this.future.poll(cx)
    }
}

/// The count of the panel's `for _ in 0..times` for the scenario's leaf `K`
/// (a loop).
pub fn times<const K: usize>() -> u32 {
    with_leaf(K, |_, path, step| match step {
        Step::Repeat { times, .. } => *times,
        _ => panic!("{path} is not a loop: the scenario has another shape"),
    })
}

/// The panel's `yield_now()` for the scenario's leaf `K` (a yield).
pub fn yield_now<const K: usize>() -> Waited<K, runtime::YieldNow> {
    with_leaf(K, |_, path, step| {
        assert!(
            matches!(step, Step::Yield),
            "{path} is not a yield: the scenario has another shape"
        );
    });
    Waited {
        future: runtime::yield_now(),
    }
}

/// The runtime's `Sleep` for leaf `K`, with nothing added: `repr(transparent)`,
/// so the future holding it has the size the panel's has.
#[repr(transparent)]
#[derive(Debug)]
pub struct LeafSleep<const K: usize> {
    sleep: Sleep,
}

impl<const K: usize> Future for LeafSleep<K> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let sleep = &mut self.get_mut().sleep;
        let first = sleep.timer().is_none();
        let poll = Pin::new(&mut *sleep).poll(cx);
        // Our Sleep registers its timer at its first poll.
        if let (true, Some(timer)) = (first, sleep.timer()) {
            name_timer(K, timer);
        }
        if poll.is_pending() {
            waits_on(K);
        }
        poll
    }
}

pin_project! {
    /// A compiled `run()` with the scenario it reads, made current for the
    /// length of each of its polls.
    pub struct Running<F> {
        #[pin]
        future: F,
        scenario: Rc<Scenario>,
    }
}

/// Puts the previous scenario back, even if the poll panics.
struct Restore(Option<Rc<Scenario>>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = previous);
    }
}

impl<F: Future<Output = ()>> Future for Running<F> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.project();
        this.scenario.pending.set(None);
        let previous = CURRENT.with(|c| c.replace(Some(this.scenario.clone())));
        let _restore = Restore(previous);
        this.future.poll(cx)
    }
}

impl<F> Running<F> {
    /// The step of the sleep `run()` waits on after its last poll: inside the
    /// `.await`, `join!` or `select!` it is suspended at.
    pub fn suspended_at(&self) -> Option<StepPath> {
        let k = self.scenario.pending.get()?;
        Some(self.scenario.leaves[k].0.clone())
    }
}

/// Spawns a compiled `run()` through `spawner`, running `step`'s values and
/// reporting `run()`'s state after each poll.
pub struct WithScenario<'a, S> {
    /// The program, with the preset's shape.
    pub step: &'a Step,
    /// Where timers and logs are noted by step.
    pub labels: &'a TimerLabels,
    /// Where the program goes.
    pub spawner: S,
}

impl<S: Spawner> Spawner for WithScenario<'_, S> {
    fn spawn<F: Future<Output = ()> + 'static>(self, program: F) {
        let points = render::rust(self.step).suspension_points();
        // Boxed, so every preset shares one task type: 2.2 KB less wasm than
        // one per preset (`just build`, `gzip -9`: 123,107 to 120,865 bytes,
        // 2026-11-30). Its size is
        // still rustc's for the panel: the State machine measures `run()`.
        let running = Running {
            future: Box::pin(program) as Pin<Box<dyn Future<Output = ()>>>,
            scenario: Rc::new(Scenario::of(self.step, self.labels)),
        };
        let program = report_states(running, points, Running::suspended_at);
        self.spawner.spawn(program);
    }
}

/// The compiled copy of `step`'s Rust panel (`preset_panels.rs` is made of
/// these): the panel's text, line for line, with each sleep, log and block
/// call reading its value from the scenario.
pub fn source(step: &Step) -> String {
    source_reading_from(step, "crate::rust_lane::compiled")
}

/// [`source`], with the leaf calls in module `leaves_at` (the path of this
/// module, or of `on_spawn_local`: the same calls on spawn_local's prelude).
pub fn source_reading_from(step: &Step, leaves_at: &str) -> String {
    let mut leaves = Vec::new();
    collect_leaves(step, &StepPath::root(), &mut leaves);
    let mut code = render::rust(step);
    code.rewrite_calls(|path, line| {
        // A spawned task reads its leaves from the scenario too; the call
        // a task is (`spawn(brew(100))`) is on the spawn's line.
        if line.contains("spawn(") {
            *line = line.replacen("spawn(", &format!("{leaves_at}::spawn("), 1);
            let call = leaves.iter().position(|(p, _)| *p == path.child(0));
            if let Some(k) = call {
                rewrite_leaf(k, &leaves[k].1, line, leaves_at);
            }
            return;
        }
        if let Some(k) = leaves.iter().position(|(p, _)| p == path) {
            rewrite_leaf(k, &leaves[k].1, line, leaves_at);
        }
    });
    code.text(4)
}

/// Rewrites leaf `k`, `leaf`, on its panel line to read the scenario.
fn rewrite_leaf(k: usize, leaf: &Step, line: &mut String, leaves_at: &str) {
    let (literal, leaf) = match leaf {
        Step::Sleep { ms, .. } => (format!("sleep_ms({ms})"), "sleep"),
        Step::Log { text, .. } => (format!("log({})", render::js_string(text)), "log"),
        Step::Block { ms } => (format!("block_ms({ms})"), "block"),
        Step::Yield => ("yield_now()".into(), "yield_now"),
        Step::AwaitHandle { handle } => {
            let h = format!("h{handle}");
            let wrapped = format!("{leaves_at}::handle::<{k}>({h})");
            *line = line.replacen(&format!("{h}.await"), &format!("{wrapped}.await"), 1);
            return;
        }
        Step::Repeat { times, .. } => {
            let count = format!("0..{leaves_at}::times::<{k}>()");
            *line = line.replacen(&format!("0..{times}"), &count, 1);
            return;
        }
        // `brew()`: the call's future, noted as what `run()` waits on. (No
        // preset's helper takes arguments: a call with some, `brew(100)`,
        // has another shape and runs on the composed futures.)
        Step::Call { name, args } if args.is_empty() => {
            let wrapped = format!("{leaves_at}::call::<{k}, _>({name}())");
            *line = line.replacen(&format!("{name}()"), &wrapped, 1);
            return;
        }
        _ => return,
    };
    *line = line.replacen(&literal, &format!("{leaves_at}::{leaf}::<{k}>()"), 1);
}
