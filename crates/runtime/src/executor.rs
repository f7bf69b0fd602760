//! The executor: spawns tasks, polls the ready ones in batches, and drives the
//! reactor's timer queue through the host.
//!
//! A task's life, as the trace records it:
//!
//! ```text
//!  spawn ──► queued ──batch──► poll_start ──► poll_end(pending) ──► waiting
//!              ▲                    │                                  │
//!              └──── wake(queued) ──┼──────────────────────────────────┘
//!                                   └──► poll_end(ready): future dropped, slot freed
//! ```
//!
//! - A wake sets the task's `scheduled` flag and queues it; while the flag is
//!   set, more wakes add nothing, so N wakes before a poll give one poll.
//! - The flag is cleared just before the poll, so a wake during the poll (from
//!   the task itself or anyone else) queues it once more, for the next batch.
//! - A batch polls only the tasks queued when it began, within a time slice
//!   per browser task (8 ms; on a virtual clock, 16,384 polls); then the
//!   executor asks for a macrotask, so timers fire and the page paints even if
//!   a task wakes itself forever.
//! - Nothing polls re-entrantly: spawns and wakes during a poll only queue, and a
//!   host callback that arrives while the runtime is busy is deferred.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::task::Waker;

use crate::context;
use crate::host::{Host, RuntimeRef, MAX_TIMEOUT_MS};
use crate::join_handle::JoinHandle;
use crate::reactor::{Expired, TimerId, TimerQueue};
use crate::ready::{Batch, ReadyQueue};
use crate::task::{Header, LiveTasks, Runnable, TaskCell};
use crate::trace::{Combinator, Event, Recorder, Trace, Turn, WakeOutcome, WakeSource};
use crate::waker;

/// Polls per browser task before the executor yields to the browser, on a
/// virtual clock (where time does not move during a turn, so the time slice
/// cannot end one). On a real clock only the time slice applies.
pub const DEFAULT_BUDGET: u32 = 16_384;

/// Milliseconds of polling per browser task before the executor yields to the
/// browser, so the page keeps painting (half a 60 Hz frame).
pub const DEFAULT_SLICE_MS: f64 = 8.0;

/// How often (in polls) the time slice is checked: reading the clock is a
/// call into JS that costs about as much as a hundred quick polls. The first
/// check comes after `CHECK_FIRST` polls; the interval then doubles (up to
/// `CHECK_MOST`) while an interval takes under `CHECK_QUICK_MS`, and halves
/// when one takes longer, so slow polls are caught within a few of them.
const CHECK_FIRST: u32 = 16;
const CHECK_MOST: u32 = 1_024;
const CHECK_QUICK_MS: f64 = 1.0;

/// What the runtime holds right now. After a run completes, or after
/// [`Runtime::shutdown`], every count is zero.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct Counters {
    /// Tasks spawned and not yet finished or dropped.
    pub live_tasks: usize,
    /// Tasks on the ready queue.
    pub queued_tasks: usize,
    /// Timers registered and neither fired nor cancelled.
    pub pending_timers: usize,
    /// Host timeouts armed (0 or 1).
    pub armed_timeouts: usize,
}

/// A single-threaded executor with a timer reactor, driven by a [`Host`].
///
/// Dropping the runtime shuts it down: its tasks are dropped and its timeout is
/// cleared.
pub struct Runtime {
    inner: Rc<Inner>,
}

pub(crate) struct Inner {
    host: Box<dyn Host>,
    tasks: RefCell<LiveTasks>,
    ready: RefCell<ReadyQueue>,
    /// Live tasks with `scheduled` set (the ready queue may also hold tasks
    /// dropped since they were queued; they are skipped).
    queued: Cell<usize>,
    timers: RefCell<TimerQueue>,
    /// Timers were added or removed during a callback: re-arm when it ends.
    timers_changed: Cell<bool>,
    recorder: RefCell<Recorder>,
    tracing: Cell<bool>,
    /// Host time at the start of the current callback.
    now: Cell<f64>,
    /// The number (in traces) of the task being polled, while tracing.
    polling: Cell<Option<u32>>,
    /// The timer whose waker is being woken.
    firing: Cell<Option<u32>>,
    /// Inside a turn, a timeout or a shutdown.
    busy: Cell<bool>,
    turn_requested: Cell<bool>,
    /// The pending turn was asked for from outside any callback (so it comes
    /// at this JS task's microtask checkpoint), and `now` was read then.
    now_read_for_turn: Cell<bool>,
    turn_polls: Cell<u32>,
    /// When the time slice is checked next (in `turn_polls`), how many polls
    /// apart the checks are now, and the host time at the last one.
    next_check: Cell<u32>,
    check_every: Cell<u32>,
    last_check: Cell<f64>,
    /// Host time when the current browser task began.
    turn_started: Cell<f64>,
    /// The poll budget or time slice of this browser task ran out.
    exhausted: Cell<bool>,
    budget: Cell<u32>,
    slice_ms: Cell<f64>,
    next_serial: Cell<u32>,
    /// Counts shutdowns; wakers carry the epoch of their task's spawn.
    epoch: Cell<u32>,
    /// The host's clock stands still during callbacks (see [`Host`]).
    clock_is_virtual: bool,
}

impl Runtime {
    /// A runtime driven by `host`, with tracing on.
    ///
    /// ```
    /// use runtime::{Runtime, VirtualHost};
    /// let rt = Runtime::new(VirtualHost::new());
    /// assert_eq!(rt.counters().live_tasks, 0);
    /// ```
    pub fn new(host: impl Host + 'static) -> Runtime {
        let clock_is_virtual = host.clock_is_virtual();
        let budget = if clock_is_virtual {
            DEFAULT_BUDGET
        } else {
            u32::MAX
        };
        let inner = Rc::new_cyclic(|weak| {
            let inner_ref = RuntimeRef(weak.clone());
            host.connect(inner_ref);
            Inner {
                host: Box::new(host),
                tasks: RefCell::default(),
                ready: RefCell::default(),
                queued: Cell::new(0),
                timers: RefCell::default(),
                timers_changed: Cell::new(false),
                recorder: RefCell::new(Recorder::new()),
                tracing: Cell::new(true),
                now: Cell::new(0.0),
                polling: Cell::new(None),
                firing: Cell::new(None),
                busy: Cell::new(false),
                turn_requested: Cell::new(false),
                now_read_for_turn: Cell::new(false),
                turn_polls: Cell::new(0),
                next_check: Cell::new(CHECK_FIRST),
                check_every: Cell::new(CHECK_FIRST),
                last_check: Cell::new(0.0),
                turn_started: Cell::new(0.0),
                exhausted: Cell::new(false),
                budget: Cell::new(budget),
                slice_ms: Cell::new(DEFAULT_SLICE_MS),
                next_serial: Cell::new(0),
                epoch: Cell::new(0),
                clock_is_virtual,
            }
        });
        inner.refresh_now();
        Runtime { inner }
    }

    /// Queues `future` as a new task. Nothing runs until the host gives the
    /// runtime a turn; the handle yields the task's output.
    ///
    /// ```
    /// use runtime::{Runtime, VirtualHost};
    /// let host = VirtualHost::new();
    /// let rt = Runtime::new(host.clone());
    /// let task = rt.spawn(async { 6 * 7 });
    /// assert_eq!(task.try_take(), None); // spawned, not yet polled
    /// host.run();
    /// assert_eq!(task.try_take(), Some(42));
    /// ```
    pub fn spawn<F>(&self, future: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        self.inner.spawn(future)
    }

    /// The host's current time in milliseconds.
    pub fn now(&self) -> f64 {
        self.inner.current_time()
    }

    /// What the runtime holds right now.
    pub fn counters(&self) -> Counters {
        let inner = &self.inner;
        Counters {
            live_tasks: inner.tasks.borrow().live(),
            queued_tasks: inner.queued.get(),
            pending_timers: inner.timers.borrow().pending(),
            armed_timeouts: inner.host.armed_timeouts(),
        }
    }

    /// Switches event recording on or off (it starts on).
    pub fn set_tracing(&self, on: bool) {
        self.inner.tracing.set(on);
    }

    /// Returns the events recorded so far and starts a new trace.
    pub fn take_trace(&self) -> Trace {
        self.inner.recorder.borrow_mut().take()
    }

    /// How many events are recorded so far.
    pub fn trace_len(&self) -> usize {
        self.inner.recorder.borrow().len()
    }

    /// Sets how many polls one browser task may run before the executor yields
    /// to the browser (at least 1; to start with, [`DEFAULT_BUDGET`] on a
    /// virtual clock and no limit on a real one, where the time slice applies).
    pub fn set_budget(&self, polls: u32) {
        self.inner.budget.set(polls.max(1));
    }

    /// Sets how long (ms on the host clock) one browser task may poll before
    /// the executor yields ([`DEFAULT_SLICE_MS`] to start with). A virtual
    /// clock does not move during a turn, so there only the budget applies.
    pub fn set_time_slice(&self, ms: f64) {
        self.inner.slice_ms.set(ms);
    }

    /// Drops every task (their timers are cancelled as their futures drop) and
    /// clears the host timeout. The runtime stays usable; in its trace, tasks
    /// and timers are numbered from 1 again.
    ///
    /// ```
    /// use runtime::{sleep_ms, Counters, Runtime, VirtualHost};
    /// let host = VirtualHost::new();
    /// let rt = Runtime::new(host.clone());
    /// rt.spawn(sleep_ms(1_000));
    /// host.run_until_stalled(); // polled once: the timer is pending
    /// assert_eq!(rt.counters().pending_timers, 1);
    /// rt.shutdown();
    /// assert_eq!(rt.counters(), Counters::default());
    /// ```
    pub fn shutdown(&self) {
        self.inner.shutdown();
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.inner.shutdown();
    }
}

impl Inner {
    fn refresh_now(&self) -> f64 {
        let now = self.host.now();
        self.now.set(now);
        now
    }

    /// The time: fixed during a callback, fresh outside one.
    pub(crate) fn current_time(&self) -> f64 {
        if self.busy.get() {
            self.now.get()
        } else {
            self.refresh_now()
        }
    }

    /// The time for events. As `current_time`, except that on a real clock,
    /// outside a callback, while a turn asked for from outside a callback is
    /// pending (it comes at the next microtask checkpoint, so this is still
    /// the JS task that asked for it), the time read then is reused: spawning
    /// 100,000 tasks in a loop reads the clock once, not 100,000 times (a
    /// call into JS each).
    fn event_time(&self) -> f64 {
        if self.busy.get() || (self.now_read_for_turn.get() && !self.clock_is_virtual) {
            self.now.get()
        } else {
            self.refresh_now()
        }
    }

    #[inline]
    fn record(&self, event: Event) {
        if self.tracing.get() {
            let t = self.event_time();
            self.recorder.borrow_mut().push(t, event);
        }
    }

    pub(crate) fn log(&self, text: &str) {
        if self.tracing.get() {
            let t = self.event_time();
            self.recorder
                .borrow_mut()
                .push_text(t, text, |text| Event::Log { text });
        }
    }

    pub(crate) fn address(&self, name: &'static str, addr: usize) {
        let task = self.polling_serial();
        self.record(Event::Address { task, name, addr });
    }

    pub(crate) fn state(&self, text: &str) {
        if self.tracing.get() {
            let t = self.event_time();
            let task = self.polling_serial();
            self.recorder
                .borrow_mut()
                .push_text(t, text, |text| Event::State { task, text });
        }
    }

    fn polling_serial(&self) -> u32 {
        self.polling.get().unwrap_or(0)
    }

    pub(crate) fn spawn<F>(self: &Rc<Self>, future: F) -> JoinHandle<F::Output>
    where
        F: Future + 'static,
        F::Output: 'static,
    {
        let serial = self.next_serial.get() + 1;
        self.next_serial.set(serial);
        let task = Rc::new(TaskCell::new(
            Rc::downgrade(self),
            serial,
            self.epoch.get(),
            future,
        ));
        let runnable: Rc<dyn Runnable> = task.clone();
        self.tasks.borrow_mut().insert(runnable.clone());
        self.ready.borrow_mut().push(runnable);
        self.queued.set(self.queued.get() + 1);
        // The turn first: asking for it reads the clock, which the event uses.
        self.request_turn();
        let size = std::mem::size_of::<F>() as u32;
        self.record(Event::Spawn { task: serial, size });
        JoinHandle::new(task)
    }

    /// Asks the host for a turn, unless one is coming anyway. Called outside
    /// any callback of ours, so from some other browser task: the budget
    /// starts afresh.
    #[inline]
    fn request_turn(&self) {
        if !self.busy.get() && !self.turn_requested.get() {
            self.ask_for_turn();
        }
    }

    // Out of line: keeps the wake path, where the runtime is usually busy
    // polling, small.
    #[cold]
    #[inline(never)]
    fn ask_for_turn(&self) {
        let now = self.refresh_now();
        // Outside our callbacks: a new browser task, or a microtask of the
        // one we last ran in, whose slice then goes on (see
        // `Host::new_task_began`).
        if self.host.new_task_began() {
            self.new_browser_task(now);
        }
        self.turn_requested.set(true);
        self.now_read_for_turn.set(true);
        self.host.request_turn(Turn::Microtask);
    }

    /// Called through a waker of the task with `header`; `task` makes the
    /// reference the ready queue keeps. A waker from before the last shutdown
    /// is ignored silently: its task number may belong to a new task now.
    #[inline]
    pub(crate) fn wake(&self, header: &Header, task: impl FnOnce() -> Rc<dyn Runnable>) {
        let outcome = if header.done.get() {
            // Every task of an earlier epoch is done (a shutdown drops all).
            if header.epoch != self.epoch.get() {
                return;
            }
            WakeOutcome::Ignored
        } else if header.scheduled.replace(true) {
            WakeOutcome::AlreadyQueued
        } else {
            self.ready.borrow_mut().push(task());
            self.queued.set(self.queued.get() + 1);
            WakeOutcome::Queued
        };
        if self.tracing.get() {
            self.record_wake(header.serial, outcome);
        }
        if outcome == WakeOutcome::Queued {
            self.request_turn();
        }
    }

    #[cold]
    fn record_wake(&self, task: u32, outcome: WakeOutcome) {
        let by = match (self.firing.get(), self.polling.get()) {
            (Some(timer), _) => WakeSource::Timer(timer),
            (None, Some(polling)) if polling == task => WakeSource::SelfWake,
            (None, Some(other)) => WakeSource::Task(other),
            (None, None) => WakeSource::External,
        };
        self.record(Event::Wake { task, by, outcome });
    }

    /// The host's turn: poll the tasks queued when it began.
    pub(crate) fn turn(self: &Rc<Self>, turn: Turn) {
        self.turn_requested.set(false);
        self.now_read_for_turn.set(false);
        if self.busy.replace(true) {
            // Re-entered from inside a poll: the running turn re-requests a turn
            // when it ends if work is left.
            return;
        }
        let now = self.refresh_now();
        if turn == Turn::Macrotask {
            self.new_browser_task(now);
        }
        // The batch may also hold tasks dropped since they were queued: they
        // are skipped.
        let batch = self.ready.borrow_mut().take_batch();
        if !batch.is_empty() {
            let live = self.queued.get() as u32;
            if live > 0 {
                self.record(Event::Batch { turn, tasks: live });
            }
            let _current = context::enter(self);
            let mut unpolled = BatchEnd {
                runtime: self,
                batch,
            };
            self.poll_batch(&mut unpolled.batch);
        }
        self.end_callback();
    }

    /// Polls the batch's tasks in order until it ends or this browser task's
    /// budget runs out; what it did not poll stays in `batch`.
    fn poll_batch(&self, batch: &mut Batch) {
        // Counted in locals: nothing else polls while a batch runs.
        let budget = self.budget.get();
        let mut polls = self.turn_polls.get();
        let mut exhausted = self.exhausted.get();
        let mut next_check = self.next_check.get();
        while !exhausted {
            if polls >= budget {
                exhausted = true;
                break;
            }
            if polls >= next_check {
                exhausted = self.slice_used_up();
                if exhausted {
                    break;
                }
                next_check = polls + self.check_every.get();
            }
            let Some(task) = batch.pop_front() else { break };
            polls += u32::from(task.run(self));
        }
        self.turn_polls.set(polls);
        self.next_check.set(next_check);
        self.exhausted.set(exhausted);
    }

    /// Reads the clock: whether this browser task's time slice is used up;
    /// if not, adapts how often to check (see `CHECK_FIRST`).
    #[cold]
    fn slice_used_up(&self) -> bool {
        let now = self.host.now();
        if now - self.turn_started.get() >= self.slice_ms.get() {
            return true;
        }
        let every = self.check_every.get();
        let every = if now - self.last_check.get() < CHECK_QUICK_MS {
            (every * 2).min(CHECK_MOST)
        } else {
            (every / 2).max(CHECK_FIRST)
        };
        self.check_every.set(every);
        self.last_check.set(now);
        false
    }

    /// A timer callback or a macrotask turn: the browser has painted since.
    fn new_browser_task(&self, now: f64) {
        self.turn_polls.set(0);
        self.next_check.set(CHECK_FIRST);
        self.check_every.set(CHECK_FIRST);
        self.last_check.set(now);
        self.turn_started.set(now);
        self.exhausted.set(false);
    }

    /// Polls one task once (called by the task's `run`). Returns false if it
    /// was dropped since it was queued. A poll that panics (natively, or in a
    /// build with `panic = "unwind"`) is recorded as ending `pending`, and its
    /// task is dropped as an abort would drop it (`task_drop`; awaiting its
    /// handle gives `Cancelled`); the panic goes on to whoever called the
    /// runtime, which stays usable.
    #[inline]
    pub(crate) fn poll_task<F: Future + 'static>(&self, task: &Rc<TaskCell<F>>) -> bool {
        let header = &task.header;
        if header.done.get() {
            return false;
        }
        header.scheduled.set(false);
        self.queued.set(self.queued.get() - 1);
        let serial = header.serial;
        // Which task is polling only matters to the trace.
        let tracing = self.tracing.get();
        if tracing {
            let addr = task.future_addr();
            self.record(Event::PollStart { task: serial, addr });
            self.polling.set(Some(serial));
        }
        let dropped_if_it_panics = AbortOnPanic {
            runtime: self,
            header,
        };
        let ready = task.poll(&waker::borrowed(task));
        std::mem::forget(dropped_if_it_panics);
        if tracing {
            self.polling.set(None);
            self.record(Event::PollEnd {
                task: serial,
                ready,
            });
        }
        if ready {
            self.finish(header);
            task.wake_waiter();
        }
        true
    }

    /// No more polls for this task: later wakes are ignored, and a queued
    /// entry is skipped.
    fn mark_done(&self, header: &Header) {
        header.done.set(true);
        if header.scheduled.replace(false) {
            self.queued.set(self.queued.get() - 1);
        }
    }

    /// The task's future returned `Ready`: off the live list.
    fn finish(&self, header: &Header) {
        self.mark_done(header);
        let listed = self.tasks.borrow_mut().remove(header);
        drop(listed);
    }

    pub(crate) fn abort(&self, header: &Header) {
        let Some(task) = self.tasks.borrow_mut().remove(header) else {
            return;
        };
        self.record(Event::TaskDrop {
            task: header.serial,
        });
        self.cancel(&task);
    }

    /// Marks a task done and drops its future (or has its poll drop it, if it
    /// is the one being polled), with no borrow held: dropping may cancel
    /// timers, wake other tasks or even spawn.
    fn cancel(&self, task: &Rc<dyn Runnable>) {
        self.mark_done(task.header());
        task.drop_future();
        task.wake_waiter();
    }

    /// The host's timeout fired: expire everything due, once, then re-arm.
    pub(crate) fn timeout(self: &Rc<Self>) {
        // Whatever the host had armed has now fired.
        self.timers.borrow_mut().armed_for = None;
        self.timers_changed.set(true);
        if self.busy.replace(true) {
            return; // re-entered: the running callback re-arms when it ends
        }
        let now = self.refresh_now();
        self.new_browser_task(now);
        // One timer at a time, with no borrow held while waking: a waker may
        // run arbitrary code.
        loop {
            let due = self.timers.borrow_mut().pop_due(now);
            let Some(Expired {
                serial,
                deadline,
                waker,
            }) = due
            else {
                break;
            };
            self.record(Event::TimerFired {
                timer: serial,
                late: now - deadline,
            });
            self.firing.set(Some(serial));
            waker.wake();
            self.firing.set(None);
        }
        self.end_callback();
    }

    fn end_callback(&self) {
        if self.timers_changed.take() {
            self.rearm();
        }
        self.busy.set(false);
        if self.queued.get() > 0 && !self.turn_requested.get() {
            let turn = if self.exhausted.get() {
                self.record(Event::Yield {
                    queued: self.queued.get() as u32,
                });
                Turn::Macrotask
            } else {
                Turn::Microtask
            };
            self.turn_requested.set(true);
            // Asked for from a callback: a later event outside callbacks may
            // come from another JS task, so it reads the clock again.
            self.now_read_for_turn.set(false);
            self.host.request_turn(turn);
        }
    }

    /// Arms the host timeout for the earliest deadline, if that changed.
    fn rearm(&self) {
        let earliest = {
            let mut timers = self.timers.borrow_mut();
            let earliest = timers.earliest();
            if earliest == timers.armed_for {
                return;
            }
            timers.armed_for = earliest;
            earliest
        };
        match earliest {
            Some(deadline) => {
                // From the host's clock now, not the callback's start: the
                // batch that changed the timers took time too.
                let delay = (deadline - self.host.now()).clamp(0.0, MAX_TIMEOUT_MS);
                self.host.arm(delay);
                self.record(Event::ReactorArm { deadline, delay });
            }
            None => {
                self.host.disarm();
                self.record(Event::ReactorClear);
            }
        }
    }

    fn timers_changed(&self) {
        if self.busy.get() {
            self.timers_changed.set(true);
        } else {
            self.rearm();
        }
    }

    /// Registers a timer due at `deadline`, for the `Sleep` being polled
    /// (made `ms` before it, for the trace); returns its id and its number in
    /// traces.
    pub(crate) fn add_timer(&self, deadline: f64, ms: f64, waker: &Waker) -> (TimerId, u32) {
        let (id, serial) = self.timers.borrow_mut().insert(deadline, waker.clone());
        self.record(Event::TimerSet {
            timer: serial,
            task: self.polling_serial(),
            ms,
            deadline,
        });
        self.timers_changed();
        (id, serial)
    }

    /// Whether the timer fired; if not, `waker` is the one it will wake.
    pub(crate) fn timer_fired(&self, id: TimerId, waker: &Waker) -> bool {
        self.timers.borrow_mut().poll_fired(id, waker)
    }

    /// Frees a timer; if it had not fired, that is a cancellation.
    pub(crate) fn remove_timer(&self, id: TimerId) {
        let cancelled = self.timers.borrow_mut().remove(id);
        if let Some((serial, waker)) = cancelled {
            self.record(Event::TimerCancel { timer: serial });
            drop(waker);
            self.timers_changed();
        }
    }

    pub(crate) fn record_child_poll(&self, combinator: Combinator, child: usize, ready: bool) {
        self.record(Event::ChildPoll {
            task: self.polling_serial(),
            combinator,
            child: child as u32,
            ready,
        });
    }

    fn shutdown(&self) {
        let was_busy = self.busy.replace(true);
        loop {
            let tasks = self.tasks.borrow_mut().drain();
            // Taken out of its cell before anything is dropped: dropping a
            // task's output may run code that spawns.
            let queue = std::mem::take(&mut *self.ready.borrow_mut());
            if tasks.is_empty() && queue.is_empty() {
                break;
            }
            for task in &tasks {
                self.record(Event::TaskDrop {
                    task: task.header().serial,
                });
            }
            // All are done before any future is dropped, so wakes from those
            // drops (a waiter among them) are ignored, not queued.
            for task in &tasks {
                self.mark_done(task.header());
            }
            // Dropping the futures cancels their timers; a drop may even spawn,
            // hence the loop.
            for task in &tasks {
                self.cancel(task);
            }
            drop(tasks);
            drop(queue);
        }
        debug_assert_eq!(self.queued.get(), 0, "queued counts live tasks only");
        self.queued.set(0);
        // A fresh start: the next run's tasks and timers count from 1 again,
        // and wakers of the tasks just dropped stay out of its trace.
        self.next_serial.set(0);
        self.epoch.set(self.epoch.get().wrapping_add(1));
        self.timers.borrow_mut().restart_numbering();
        self.busy.set(was_busy);
        self.timers_changed.set(false);
        self.timers_changed();
    }
}

/// Puts back what a batch did not poll, also when a poll panics; then (the
/// normal end of the turn cannot run) ends the turn, so the runtime is not
/// left busy and the rest of the batch runs in the next turn.
struct BatchEnd<'a> {
    runtime: &'a Inner,
    batch: Batch,
}

impl Drop for BatchEnd<'_> {
    fn drop(&mut self) {
        let rest = std::mem::take(&mut self.batch);
        self.runtime.ready.borrow_mut().return_batch(rest);
        if std::thread::panicking() {
            self.runtime.end_callback();
        }
    }
}

/// Dropped only if a poll panics (it is forgotten otherwise): ends the poll in
/// the trace and drops the task.
struct AbortOnPanic<'a> {
    runtime: &'a Inner,
    header: &'a Header,
}

impl Drop for AbortOnPanic<'_> {
    fn drop(&mut self) {
        let runtime = self.runtime;
        if runtime.polling.take().is_some() {
            runtime.record(Event::PollEnd {
                task: self.header.serial,
                ready: false,
            });
        }
        runtime.abort(self.header);
    }
}
