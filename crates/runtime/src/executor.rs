//! The executor: spawns tasks, polls the ready ones in batches, and drives the
//! reactor through the host. Its parts live in their own files: the task
//! (`task_cell.rs`), the ready queue (`ready.rs`), the reactor (`reactor.rs`), the
//! tracer (`tracer.rs`), the time slice (`time_slice.rs`), the clock
//! (`clock.rs`) and the list of waited tasks (`waited_tasks.rs`); this file
//! keeps spawn, the turn and shutdown.
//!
//! A task's life, as the trace records it:
//!
//! ```text
//!  spawn ──► queued ──batch──► poll_start ──► poll_end(pending) ──► waiting
//!              ▲                    │                                  │
//!              └──── wake(queued) ──┼──────────────────────────────────┘
//!                                   └──► poll_end(ready): future dropped
//! ```
//!
//! - A live task is on the ready queue (or in the batch taken from it),
//!   being polled, or on the list of waited tasks, where its first
//!   `poll_end(pending)` with no wake puts it (and it stays until it is
//!   done). A shutdown finds every task there.
//! - A wake puts a waiting task on the ready queue (`Scheduled`); while it is
//!   there, more wakes add nothing, so N wakes before a poll give one poll.
//! - A wake during the task's own poll only marks it (`Notified`); when the
//!   poll ends, the executor queues it once more, for the next batch (as
//!   tokio does, with its `NOTIFIED` bit).
//! - A batch polls only the tasks queued when it began, within one time slice
//!   per browser task; then the executor yields (asks for a new browser task),
//!   so timers fire and the page paints even if a task wakes itself forever.
//! - Nothing polls re-entrantly: spawns and wakes during a poll only queue (or
//!   mark), and a host callback that arrives while the runtime is busy (in
//!   any `Phase` but `Idle`) is deferred.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::task::{Poll, Waker};

use crate::clock::Clock;
use crate::context;
use crate::host::{Host, RuntimeRef};
use crate::join_handle::JoinHandle;
use crate::reactor::Reactor;
use crate::ready::{Batch, ReadyQueue};
use crate::runtime::Counters;
use crate::task_cell::{AfterPending, Header, Runnable, Schedule, State, TaskCell};
use crate::time_slice::{Limits, TimeSlice, DEFAULT_BUDGET, DEFAULT_SLICE_MS};
use crate::timer_queue::{Expired, TimerId};
use crate::trace::{Combinator, Event, MachineState, Turn, WakeOutcome};
use crate::tracer::Tracer;
use crate::waited_tasks::WaitedTasks;

/// What the runtime's handle, its tasks (as their [`Schedule`]), its host
/// (through a [`RuntimeRef`]) and the futures it polls (through `context`)
/// share.
pub(crate) struct Executor {
    host: Box<dyn Host>,
    clock: Clock,
    /// Tasks spawned and not yet done.
    live: Cell<usize>,
    /// The live tasks that have waited. Every other live task is on the
    /// ready queue, in the batch taken from it, or being polled.
    waited: RefCell<WaitedTasks<Executor>>,
    ready: RefCell<ReadyQueue<Executor>>,
    /// Tasks scheduled: live ones on the ready queue (which may also hold
    /// tasks dropped since they were queued; they are skipped), and the one
    /// being polled, whatever becomes of it, until its poll ends; then it
    /// leaves the count unless it is queued again, so a task that yields
    /// keeps its count untouched. (Taking it off when its poll began and
    /// putting it back when it was queued again cost two writes per poll of
    /// a task that yields, and polls were measurably slower: see
    /// docs/benchmarks.md, "A polled task stays counted as scheduled".)
    queued: Cell<usize>,
    reactor: Reactor,
    tracer: Tracer,
    /// The limits the next browser task's slice gets.
    limits: Cell<Limits>,
    slice: Cell<TimeSlice>,
    /// Which of its callbacks the executor is in, if any.
    phase: Cell<Phase>,
    /// A turn was asked of the host and has not begun: spawns and wakes need
    /// not ask again. Not part of `phase`: it holds across phases (a turn is
    /// asked for while idle or as a callback ends, and a timeout or a
    /// shutdown may run before it comes). The clock keeps its own note of
    /// whether it was asked for from outside a callback (see
    /// `Clock::turn_asked_for`), as that is about which time events get.
    turn_requested: Cell<bool>,
    next_serial: Cell<u32>,
    /// Counts shutdowns; a task carries the count at its spawn.
    epoch: Cell<u32>,
    /// The state of the generator an unbiased `select` draws its first
    /// branch from (xorshift64, never 0), so a run repeats with its seed.
    random: Cell<u64>,
}

/// Where the executor is: idle, or in one of its callbacks (a task's own
/// states are `State`, in `task_cell.rs`). Only `Idle` reads the clock afresh,
/// re-arms the timeout when timers change and asks for a turn when a task
/// is queued; in the other phases, which are busy, the callback's time
/// holds, and the timeout and the next turn wait for the callback's end. A
/// turn or a timeout that the host calls while busy is deferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// In none of its callbacks.
    Idle,
    /// In a turn, outside its batch: before it, or after it; then
    /// `shutdown_asked` says a shutdown was asked for during the batch, to
    /// be made when the turn ends.
    Turn { shutdown_asked: bool },
    /// In a turn, polling its batch: user code that runs now runs in a
    /// poll, and the polled task, counted as scheduled until its poll ends,
    /// is not on the queue. A shutdown asked for now is only noted
    /// (`shutdown_asked`): the batch's tasks not yet polled, and the one
    /// being polled, are out of its reach until the batch ends.
    Polling { shutdown_asked: bool },
    /// In a timeout: expiring the timers due and waking their tasks.
    Timeout,
    /// Dropping every task.
    ShuttingDown,
}

impl Phase {
    /// In a turn, a timeout or a shutdown.
    fn is_busy(self) -> bool {
        !matches!(self, Phase::Idle)
    }

    /// Polling a batch.
    fn is_polling(self) -> bool {
        matches!(self, Phase::Polling { .. })
    }

    /// A shutdown was asked for during the turn's batch.
    fn shutdown_asked(self) -> bool {
        match self {
            Phase::Turn { shutdown_asked } | Phase::Polling { shutdown_asked } => shutdown_asked,
            Phase::Idle | Phase::Timeout | Phase::ShuttingDown => false,
        }
    }
}

impl Executor {
    pub(crate) fn new(host: impl Host + 'static) -> Rc<Executor> {
        let limits = Limits {
            polls: if host.clock_is_virtual() {
                DEFAULT_BUDGET
            } else {
                u32::MAX
            },
            ms: DEFAULT_SLICE_MS,
        };
        Rc::new_cyclic(|weak| {
            host.connect(RuntimeRef(weak.clone()));
            Executor {
                clock: Clock::new(&host),
                host: Box::new(host),
                live: Cell::new(0),
                waited: RefCell::default(),
                ready: RefCell::default(),
                queued: Cell::new(0),
                reactor: Reactor::default(),
                tracer: Tracer::new(),
                limits: Cell::new(limits),
                slice: Cell::new(TimeSlice::new(limits)),
                phase: Cell::new(Phase::Idle),
                turn_requested: Cell::new(false),
                next_serial: Cell::new(0),
                epoch: Cell::new(0),
                random: Cell::new(seed_state(0)),
            }
        })
    }

    /// Starts the generator an unbiased `select` draws from afresh.
    pub(crate) fn set_seed(&self, seed: u64) {
        self.random.set(seed_state(seed));
    }

    /// A number from 0 up to `below` (excluded), from the seeded generator.
    pub(crate) fn random_below(&self, below: usize) -> usize {
        let mut x = self.random.get();
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.random.set(x);
        (x % below as u64) as usize
    }

    /// What the runtime holds right now.
    pub(crate) fn counters(&self) -> Counters {
        Counters {
            live_tasks: self.live.get(),
            // During a batch, user code runs only inside a poll, and the
            // polled task, counted as scheduled until its poll ends, is not
            // on the queue.
            queued_tasks: self.queued.get() - usize::from(self.phase.get().is_polling()),
            pending_timers: self.reactor.pending(),
            armed_timeouts: self.host.armed_timeouts(),
            // A stuck task waits, so it is listed.
            stuck_tasks: self.waited.borrow().count(|task| task.is_stuck()),
        }
    }

    /// In a turn, a timeout or a shutdown (see `Phase`).
    fn is_busy(&self) -> bool {
        self.phase.get().is_busy()
    }

    pub(crate) fn tracer(&self) -> &Tracer {
        &self.tracer
    }

    pub(crate) fn spawn<F>(self: &Rc<Self>, future: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        let serial = self.next_serial.get() + 1;
        self.next_serial.set(serial);
        let task = TaskCell::new(Rc::downgrade(self), serial, self.epoch.get(), future);
        self.live.set(self.live.get() + 1);
        self.enqueue(task.clone());
        let size = std::mem::size_of::<F>() as u32;
        self.record(Event::Spawn { task: serial, size });
        JoinHandle::new(task)
    }

    /// Puts a task on the ready queue and makes sure a turn is coming.
    fn enqueue(&self, task: Rc<dyn Runnable<Executor>>) {
        self.ready.borrow_mut().push(task);
        self.queued.set(self.queued.get() + 1);
        if !self.is_busy() && !self.turn_requested.get() {
            self.ask_for_turn();
        }
    }

    /// A task woken during its poll goes back on the ready queue, for the
    /// next batch (the turn asks for it when it ends); it stays scheduled.
    fn requeue(&self, task: Rc<dyn Runnable<Executor>>) {
        self.ready.borrow_mut().push(task);
    }

    /// A polled task's poll ended, and it is not queued again.
    fn unschedule(&self) {
        self.queued.set(self.queued.get() - 1);
    }

    /// A polled task waits now: listed, if it is not yet, and no longer
    /// scheduled.
    fn wait(&self, task: Rc<dyn Runnable<Executor>>) {
        if !task.header().is_listed() {
            self.waited.borrow_mut().insert(task, self.live.get());
        }
        self.unschedule();
    }

    /// Asks the host for a turn from outside our callbacks: from a new browser
    /// task, or from a microtask of the one we last ran in, whose slice then
    /// goes on (see `Host::new_task_began`).
    fn ask_for_turn(&self) {
        let now = self.clock.read(&*self.host);
        if self.host.new_task_began() {
            self.begin_browser_task(now);
        }
        self.turn_requested.set(true);
        self.clock.turn_asked_for();
        self.host.request_turn(Turn::Microtask);
    }

    fn begin_browser_task(&self, now: f64) {
        let mut slice = self.slice.get();
        slice.begin(now, self.limits.get());
        self.slice.set(slice);
    }

    /// Changes the time slice's limits, from the next browser task on.
    pub(crate) fn change_limits(&self, change: impl FnOnce(&mut Limits)) {
        let mut limits = self.limits.get();
        change(&mut limits);
        self.limits.set(limits);
    }

    /// The host's turn: poll the tasks queued when it began.
    pub(crate) fn turn(self: &Rc<Self>, turn: Turn) {
        self.turn_requested.set(false);
        self.clock.stop_reuse();
        if self.is_busy() {
            // Re-entered from inside a poll: the running turn asks for another
            // when it ends if work is left.
            return;
        }
        self.phase.set(Phase::Turn {
            shutdown_asked: false,
        });
        let now = self.clock.read(&*self.host);
        if turn == Turn::Macrotask {
            self.begin_browser_task(now);
        }
        // The tasks queued now; the ones they wake wait for the next batch.
        let batch = self.ready.borrow_mut().take_batch();
        if !batch.is_empty() {
            let queued = self.queued.get() as u32;
            if queued > 0 {
                self.record(Event::Batch {
                    turn,
                    tasks: queued,
                });
            }
            let _current = context::enter(self);
            self.phase.set(Phase::Polling {
                shutdown_asked: false,
            });
            let mut unpolled = BatchEnd {
                executor: self,
                batch,
            };
            self.poll_batch(&mut unpolled.batch);
        }
        // A shutdown asked for during the batch (kept by `BatchEnd` when the
        // batch ended) happens now, as if asked for from outside: every task
        // is within reach.
        let shutdown_asked = self.phase.get().shutdown_asked();
        self.end_callback();
        if shutdown_asked {
            self.shutdown();
        }
    }

    /// The turn's loop: polls the first `batch` tasks of the ready queue until
    /// they are done or the time slice is; the rest stay at the front.
    fn poll_batch(&self, batch: &mut Batch<Executor>) {
        // A copy for the batch: nothing else uses the slice while it runs.
        let mut slice = self.slice.get();
        // The slice first, also after the last poll: if it is used up, the
        // turn ends with a yield rather than a turn that polls nothing. It is
        // asked how many polls it allows before it must be asked again, and
        // the inner loop runs that many, with one count and one comparison:
        // faster than asking before each poll (see docs/benchmarks.md, "The
        // turn asks the time slice once per stretch of polls").
        loop {
            let allowed = slice.polls_allowed(|| self.host.now());
            if allowed == 0 || batch.is_empty() {
                break;
            }
            let mut polled = 0;
            while polled < allowed {
                let Some(task) = batch.pop_front() else { break };
                polled += u32::from(task.run(self));
            }
            slice.polled(polled);
        }
        self.slice.set(slice);
    }

    /// No more polls for this task; a queued entry is skipped. (A task being
    /// polled leaves the scheduled count when its poll ends.)
    fn mark_done(&self, header: &Header<Executor>) -> State {
        let before = header.mark_done();
        match before {
            State::Done => return before,
            State::Scheduled => self.unschedule(),
            State::Running { .. } | State::Notified | State::Waiting => {}
        }
        self.live.set(self.live.get() - 1);
        before
    }

    /// Takes a task off the list of waited ones, if it is on it.
    fn unlist(&self, header: &Header<Executor>) -> Option<Rc<dyn Runnable<Executor>>> {
        if header.is_listed() {
            self.waited.borrow_mut().remove(header)
        } else {
            None
        }
    }

    /// The task's future returned `Ready`: done, and off the list. (The
    /// poll unschedules it last, see `Schedule::poll`.)
    fn finish(&self, header: &Header<Executor>) {
        self.mark_done(header);
        let listed = self.unlist(header);
        drop(listed);
    }

    /// Drops the future of a task just marked done (`before`: its state
    /// until then), or, if it is the one being polled, leaves that to its
    /// poll; with no borrow held: dropping may cancel timers, wake other
    /// tasks or even spawn.
    #[allow(unsafe_code)] // dropping the future of a task not being polled
    fn cancel(&self, task: &dyn Runnable<Executor>, before: State) {
        if matches!(before, State::Scheduled | State::Waiting) {
            // SAFETY: not being polled: a task is `Running` or `Notified`
            // from `begin_poll` until its poll returns (or `Done`, if marked
            // so during it), and only after that `Scheduled` or `Waiting`.
            unsafe { task.drop_future() };
        }
        task.wake_waiter();
    }

    /// The host's timeout fired: expire everything due, once, then re-arm.
    pub(crate) fn timeout(self: &Rc<Self>) {
        self.reactor.timeout_fired();
        if self.is_busy() {
            return; // re-entered: the running callback re-arms when it ends
        }
        self.phase.set(Phase::Timeout);
        let now = self.clock.read(&*self.host);
        self.begin_browser_task(now);
        while let Some(Expired {
            serial,
            deadline,
            waker,
        }) = self.reactor.pop_due(now)
        {
            let late = now - deadline;
            self.record(Event::TimerFired {
                timer: serial,
                late,
            });
            self.tracer.set_firing(Some(serial));
            waker.wake();
            self.tracer.set_firing(None);
        }
        self.end_callback();
    }

    /// A turn or a timeout ends: re-arm if timers changed, and ask for a turn
    /// if tasks are queued (from a new browser task if the slice is used up);
    /// if none is asked for, tell the host (see `Host::callback_ended`).
    fn end_callback(&self) {
        if self.reactor.changed() {
            self.rearm();
        }
        self.phase.set(Phase::Idle);
        if self.queued.get() > 0 && !self.turn_requested.get() {
            let turn = if let Some(limit) = self.slice.get().ended() {
                let queued = self.queued.get() as u32;
                self.record(Event::Yield { queued, limit });
                Turn::Macrotask
            } else {
                Turn::Microtask
            };
            self.turn_requested.set(true);
            self.clock.stop_reuse();
            self.host.request_turn(turn);
        }
        if !self.turn_requested.get() {
            // The last callback before a wake from outside can ask for a
            // turn (see `ask_for_turn`).
            self.host.callback_ended();
        }
    }

    fn rearm(&self) {
        if let Some(event) = self.reactor.rearm(&*self.host) {
            self.record(event);
        }
    }

    /// Timers changed: re-arm now, or (during a callback) when it ends.
    fn timers_changed(&self) {
        if !self.is_busy() {
            self.rearm();
        }
    }

    /// Registers a timer due at `deadline`, for the `Sleep` being polled
    /// (made `ms` before it, for the trace); returns its id and its number in
    /// traces.
    pub(crate) fn add_timer(&self, deadline: f64, ms: f64, waker: &Waker) -> (TimerId, u32) {
        let (id, serial) = self.reactor.add(deadline, waker);
        if self.tracer.is_on() {
            self.record(Event::TimerSet {
                timer: serial,
                task: self.tracer.polling(),
                ms,
                deadline,
                waker: self.tracer.waker_of(waker),
            });
        }
        self.timers_changed();
        (id, serial)
    }

    /// A `Sleep` polled for the first time after its `deadline` (made `ms`
    /// before it) completes at once, with no timer; returns its number in
    /// traces.
    pub(crate) fn elapsed_timer(&self, deadline: f64, ms: f64) -> u32 {
        let serial = self.reactor.number();
        if self.tracer.is_on() {
            self.record(Event::TimerElapsed {
                timer: serial,
                task: self.tracer.polling(),
                ms,
                deadline,
            });
        }
        serial
    }

    /// Whether the timer fired; if not, `waker` is the one it will wake.
    pub(crate) fn timer_fired(&self, id: TimerId, waker: &Waker) -> bool {
        self.reactor.poll_fired(id, waker)
    }

    /// Frees a timer; if it had not fired, that is a cancellation.
    pub(crate) fn remove_timer(&self, id: TimerId) {
        if let Some((serial, waker)) = self.reactor.remove(id) {
            self.record(Event::TimerCancel { timer: serial });
            drop(waker);
            self.timers_changed();
        }
    }

    /// Drops every task. Asked for during a poll (by a task of this
    /// runtime), it happens when the turn ends: the batch's tasks not yet
    /// polled, and the one being polled, are out of reach until then.
    pub(crate) fn shutdown(&self) {
        let before = self.phase.get();
        if before.is_polling() {
            self.phase.set(Phase::Polling {
                shutdown_asked: true,
            });
            return;
        }
        self.phase.set(Phase::ShuttingDown);
        loop {
            // Taken out of their cells before anything is dropped: dropping
            // a task drops the waker of whoever awaits it, which may run code.
            let queue = self.ready.borrow_mut().take_all();
            // The live tasks that never waited are on the queue (once each).
            let never_waited: Vec<_> = queue
                .iter()
                .filter(|task| !task.header().is_done() && !task.header().is_listed())
                .cloned()
                .collect();
            let mut tasks = self.waited.borrow_mut().drain();
            if tasks.is_empty() && queue.is_empty() {
                break;
            }
            // The waited ones in list order, then the others in queue order.
            // (Not sorted by number: that made the page's wasm larger, see
            // docs/benchmarks.md, "A shutdown drops tasks in list order".)
            tasks.extend(never_waited);
            for task in &tasks {
                let task = task.header().serial;
                self.record(Event::TaskDrop { task });
            }
            // All are done before any future is dropped, so wakes from those
            // drops (a waiter among them) are ignored, not queued.
            let before: Vec<State> = tasks
                .iter()
                .map(|task| self.mark_done(task.header()))
                .collect();
            // Dropping the futures cancels their timers; a drop may even spawn,
            // hence the loop.
            for (task, before) in tasks.iter().zip(before) {
                self.cancel(&**task, before);
            }
            drop(tasks);
            drop(queue);
        }
        debug_assert_eq!(self.queued.get(), 0, "queued counts live tasks only");
        debug_assert_eq!(self.live.get(), 0, "every live task is found");
        self.queued.set(0);
        // A fresh start: the next run's tasks and timers count from 1 again,
        // and wakers of the tasks just dropped stay out of its trace.
        self.next_serial.set(0);
        self.epoch.set(self.epoch.get().wrapping_add(1));
        self.reactor.restart_numbering();
        // Back to what it was in: a shutdown may come from a timeout (a
        // waker of the user's that a timer wakes) or from another shutdown
        // (a dropped future's `Drop`).
        self.phase.set(before);
        self.timers_changed();
    }

    // ---- time and the trace ----

    /// The time: fixed during a callback, fresh outside one.
    pub(crate) fn current_time(&self) -> f64 {
        self.clock.now(&*self.host, self.is_busy())
    }

    fn record(&self, event: Event) {
        if self.tracer.is_on() {
            let t = self.clock.event_time(&*self.host, self.is_busy());
            self.tracer.push(t, event);
        }
    }

    fn record_text(&self, text: &str, make: impl FnOnce(u32) -> Event) {
        if self.tracer.is_on() {
            let t = self.clock.event_time(&*self.host, self.is_busy());
            self.tracer.push_text(t, text, make);
        }
    }

    pub(crate) fn log(&self, text: &str) {
        self.record_text(text, |text| Event::Log { text });
    }

    /// Busy for `ms`: the host's time moves on, and the callback's time with
    /// it (events after this one happen when it ends).
    pub(crate) fn block(&self, ms: f64) {
        let task = self.tracer.polling();
        self.record(Event::Block { task, ms });
        self.host.block(ms);
        self.clock.read(&*self.host);
    }

    pub(crate) fn state(&self, state: MachineState) {
        let task = self.tracer.polling();
        self.record(Event::State { task, state });
    }

    pub(crate) fn address(&self, name: &'static str, addr: usize) {
        let task = self.tracer.polling();
        self.record(Event::Address { task, name, addr });
    }

    pub(crate) fn record_child_poll(&self, combinator: Combinator, child: usize, ready: bool) {
        let task = self.tracer.polling();
        let child = child as u32;
        let event = Event::ChildPoll {
            task,
            combinator,
            child,
            ready,
        };
        self.record(event);
    }
}

/// How the runtime's tasks reach it.
impl Schedule for Executor {
    fn woken(
        &self,
        task: &Header<Executor>,
        outcome: WakeOutcome,
        queue: Option<Rc<dyn Runnable<Executor>>>,
    ) {
        if let Some(runnable) = queue {
            self.enqueue(runnable);
        }
        // A waker from before the last shutdown stays out of the trace: its
        // task's number may belong to a new task now.
        if self.tracer.is_on() && task.epoch == self.epoch.get() {
            let by = self.tracer.wake_source(task.serial);
            let task = task.serial;
            self.record(Event::Wake { task, by, outcome });
        }
    }

    fn lost(&self, task: &Header<Executor>) {
        let task = task.serial;
        self.record(Event::LostWaker { task });
    }

    /// Polls one task once, unless it was dropped since it was queued (then
    /// returns false). A poll that panics (natively, or in a build with
    /// `panic = "unwind"`) is recorded as ending `pending`, and its task is
    /// dropped as an abort would drop it (`task_drop`; awaiting its handle
    /// gives `Cancelled`); the panic goes on to whoever called the runtime,
    /// which stays usable.
    ///
    /// The hot path in wasm, straight code: `TaskCell::poll_future` is
    /// inlined by force (LLVM's wasm32 inliner left it a call, which was
    /// slower), and so is a task's wake of itself during its poll
    /// (`Header::wake`). Hints kept before and measured again after those
    /// are gone, as they no longer paid enough: inlining the enqueue,
    /// `woken` and the ready queue's push, and building the trace's events
    /// out of line. See docs/benchmarks.md, "Inlining on the hot path".
    fn poll<F: Future + 'static>(&self, task: Rc<TaskCell<F, Executor>>) -> bool {
        let header = &task.header;
        let tracing = self.tracer.is_on();
        if !header.begin_poll(tracing) {
            return false;
        }
        let serial = header.serial;
        if tracing {
            let addr = task.future_addr();
            self.record(Event::PollStart { task: serial, addr });
            // A waker's data is its task's allocation (waker.rs).
            self.tracer
                .set_polling(Some(serial), Rc::as_ptr(&task).cast::<()>());
        }
        let dropped_if_it_panics = AbortOnPanic {
            executor: self,
            task: &*task,
        };
        let poll = task.poll_future();
        std::mem::forget(dropped_if_it_panics);
        if tracing {
            self.tracer.set_polling(None, std::ptr::null());
            let ready = poll.is_ready();
            self.record(Event::PollEnd {
                task: serial,
                ready,
            });
        }
        match poll {
            Poll::Ready(()) => {
                self.finish(header);
                // Unscheduled last: until then `counters()`, called from the
                // waiter's wake or from the output's drop (if this was the
                // last reference), counts this task as the one being polled.
                drop(task);
                self.unschedule();
            }
            Poll::Pending => match header.end_poll_pending() {
                AfterPending::Waits => self.wait(task),
                AfterPending::Requeue => self.requeue(task),
                AfterPending::Lost => {
                    self.lost(header);
                    self.wait(task);
                }
                AfterPending::Dropped => {
                    // Aborted in its poll; unscheduled last, as above.
                    drop(task);
                    self.unschedule();
                }
            },
        }
        true
    }

    fn abort(&self, task: &dyn Runnable<Executor>) {
        let header = task.header();
        if header.is_done() {
            return;
        }
        self.record(Event::TaskDrop {
            task: header.serial,
        });
        // Let go of by the list after it is dropped: the caller may hold it
        // only by reference.
        let listed = self.unlist(header);
        let before = self.mark_done(header);
        self.cancel(task, before);
        drop(listed);
    }
}

/// Puts back what a batch did not poll and marks the batch over (the turn
/// goes on, keeping a shutdown asked for during the batch), also when a poll
/// panics; then (the normal end of the turn cannot run) ends the turn, so the
/// runtime is not left busy and the rest of the batch runs in the next turn,
/// and makes a shutdown asked for during the batch.
struct BatchEnd<'a> {
    executor: &'a Executor,
    batch: Batch<Executor>,
}

impl Drop for BatchEnd<'_> {
    fn drop(&mut self) {
        let executor = self.executor;
        let rest = std::mem::take(&mut self.batch);
        executor.ready.borrow_mut().return_batch(rest);
        let shutdown_asked = executor.phase.get().shutdown_asked();
        executor.phase.set(Phase::Turn { shutdown_asked });
        if std::thread::panicking() {
            executor.end_callback();
            if shutdown_asked {
                executor.shutdown();
            }
        }
    }
}

/// Dropped only if a poll panics (it is forgotten otherwise): ends the poll in
/// the trace and drops the task.
struct AbortOnPanic<'a> {
    executor: &'a Executor,
    task: &'a dyn Runnable<Executor>,
}

impl Drop for AbortOnPanic<'_> {
    #[allow(unsafe_code)] // dropping the future of a poll that unwound
    fn drop(&mut self) {
        let executor = self.executor;
        let task = self.task.header().serial;
        if executor.tracer.is_on() && executor.tracer.polling() == task {
            executor.tracer.set_polling(None, std::ptr::null());
            executor.record(Event::PollEnd { task, ready: false });
        }
        executor.abort(self.task);
        // SAFETY: its poll has ended: the panic unwound it.
        unsafe { self.task.drop_future() };
        executor.unschedule();
    }
}

/// The generator's state for `seed`: xorshift64 needs a state that is not 0,
/// and nearby seeds should not start alike (one splitmix64 step mixes them).
fn seed_state(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)).max(1)
}
