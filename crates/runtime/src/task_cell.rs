//! A task: one reference-counted allocation holding what the executor, the
//! task's wakers and its `JoinHandle` share: a header (number, state), the
//! pinned future, and later its output and whoever awaits it.
//!
//! One allocation per spawn, and a waker that points straight at it (see
//! `waker.rs`), is what makes spawning and polling cheap: the ready queue holds
//! the tasks themselves, so a wake is a state change and a push (during the
//! task's own poll, the state change alone), and a poll a pop and a call.
//!
//! A task does not know the runtime, only a [`Schedule`]: what its wakers
//! and its handle ask of whoever runs it. The runtime's tasks are
//! `TaskCell<F, Executor>`; the tests below run tasks under a scheduler that
//! only writes down what it is asked. (A type parameter, not a `dyn
//! Schedule`: the executor's poll is compiled for each future type, see
//! [`Schedule::poll`], and a generic method cannot be called through `dyn`.)

use std::cell::{Cell, UnsafeCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use crate::trace::WakeOutcome;
use crate::waker::{self, ThreadToken};

/// Where a task is in its life (see the diagram in `executor.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    /// On the ready queue: more wakes add nothing until it is polled.
    Scheduled,
    /// Being polled; `traced`: the poll goes in the trace (and so do its
    /// wakes).
    Running { traced: bool },
    /// Woken during its poll: its executor queues it again, for the next
    /// batch, when the poll ends.
    Notified,
    /// Pending, off the queue: polled again only once woken.
    Waiting,
    /// Finished, aborted or dropped by a shutdown: wakes are ignored, and a
    /// queued entry is skipped.
    Done,
}

/// What a task needs from the runtime that runs it.
pub(crate) trait Schedule: Sized + 'static {
    /// A waker of `task` was used, with this `outcome`; if that was `Queued`,
    /// `queue` is the task, to put on the ready queue, or `None` if the task
    /// is being polled (it is queued when its poll ends; only a traced poll's
    /// wakes are told).
    fn woken(
        &self,
        task: &Header<Self>,
        outcome: WakeOutcome,
        queue: Option<Rc<dyn Runnable<Self>>>,
    );
    /// Drops the task now (its `JoinHandle::abort`).
    fn abort(&self, task: &dyn Runnable<Self>);
    /// `task` waits and no waker of it is left: it will never be polled again.
    fn lost(&self, task: &Header<Self>);
    /// Polls `task` once: the runtime's part around
    /// [`TaskCell::poll_future`] (its bookkeeping, its trace). Called by the
    /// task's [`Runnable::run`], so it is compiled for each future type and
    /// the future's poll inlines into it (fewer instructions than a call
    /// through `dyn Runnable`: see docs/benchmarks.md, "The executor's poll,
    /// compiled per future type"). Returns false if the task was dropped
    /// since it was queued.
    fn poll<F: Future + 'static>(&self, task: Rc<TaskCell<F, Self>>) -> bool;
}

/// What every task has, whatever its future.
pub(crate) struct Header<S> {
    /// Weak: a task (kept by a waker or a `JoinHandle`) must not keep its
    /// runtime, with its host and timers, alive.
    pub(crate) scheduler: Weak<S>,
    /// The task's number in traces: 1 for the first spawned, and so on.
    pub(crate) serial: u32,
    /// The runtime's shutdown count at spawn: wakes from before a shutdown are
    /// ignored silently.
    pub(crate) epoch: u32,
    state: Cell<State>,
    /// Wakers of this task alive now (clones of the one its polls lend; the
    /// lent one is not counted). None left while it waits: a lost waker.
    wakers: Cell<u32>,
    /// Where the runtime's list of waited tasks holds it: `NOT_LISTED` until
    /// its first poll that returns `Pending` with no wake, and once done.
    pub(crate) slot: Cell<u32>,
    /// The thread the task lives on: its wakers do nothing anywhere else.
    pub(crate) owner: ThreadToken,
}

pub(crate) const NOT_LISTED: u32 = u32::MAX;

/// What becomes of a task whose poll returned `Pending`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AfterPending {
    /// It waits for a wake.
    Waits,
    /// It was woken during the poll: the executor queues it again.
    Requeue,
    /// It waits, and no waker of it is left: it will never be polled again.
    Lost,
    /// It was aborted during the poll (it is done).
    Dropped,
}

impl<S: Schedule> Header<S> {
    #[cfg(test)]
    pub(crate) fn state(&self) -> State {
        self.state.get()
    }

    pub(crate) fn is_done(&self) -> bool {
        self.state.get() == State::Done
    }

    /// Waiting, with no waker left to wake it.
    pub(crate) fn is_stuck(&self) -> bool {
        self.state.get() == State::Waiting && self.wakers.get() == 0
    }

    /// A waker of this task was used; `task` makes the reference the ready
    /// queue keeps, if it needs one.
    #[inline(always)]
    pub(crate) fn wake(&self, task: impl FnOnce() -> Rc<dyn Runnable<S>>) {
        if self.state.get() == (State::Running { traced: false }) {
            // Woken during its own poll (a yield, say): the executor polling
            // it queues it again when the poll ends, with the reference it
            // holds, so the wake need not reach the runtime (as tokio's
            // NOTIFIED bit): no `Weak` upgraded and no count taken on such a
            // wake, and this path alone inlined into the waker, the rest a
            // call; each made polls faster (see docs/benchmarks.md, "A wake
            // during the task's own poll only marks it").
            self.state.set(State::Notified);
        } else {
            self.wake_and_tell(task);
        }
    }

    /// A wake the runtime hears of (and the trace records).
    #[inline(never)]
    fn wake_and_tell(&self, task: impl FnOnce() -> Rc<dyn Runnable<S>>) {
        let Some(scheduler) = self.scheduler.upgrade() else {
            return; // the runtime is gone, and the task with it
        };
        match self.state.get() {
            State::Running { .. } => {
                // Traced: the runtime records it; the executor queues the
                // task again when the poll ends.
                self.state.set(State::Notified);
                scheduler.woken(self, WakeOutcome::Queued, None);
            }
            State::Waiting => {
                self.state.set(State::Scheduled);
                scheduler.woken(self, WakeOutcome::Queued, Some(task()));
            }
            State::Scheduled | State::Notified => {
                scheduler.woken(self, WakeOutcome::AlreadyQueued, None);
            }
            State::Done => scheduler.woken(self, WakeOutcome::Ignored, None),
        }
    }

    /// Taken off the ready queue: false if it was dropped since it was queued
    /// (then it is not polled). `traced`: whether the poll goes in the trace.
    ///
    /// Only a `Scheduled` task is polled: so a task is never polled inside its
    /// own poll, which `poll_future` relies on.
    pub(crate) fn begin_poll(&self, traced: bool) -> bool {
        if self.state.get() != State::Scheduled {
            return false;
        }
        self.state.set(State::Running { traced });
        true
    }

    /// Its poll returned `Pending`: what becomes of it.
    pub(crate) fn end_poll_pending(&self) -> AfterPending {
        match self.state.get() {
            State::Running { .. } => {
                self.state.set(State::Waiting);
                if self.wakers.get() > 0 {
                    AfterPending::Waits
                } else {
                    AfterPending::Lost
                }
            }
            State::Notified => {
                self.state.set(State::Scheduled);
                AfterPending::Requeue
            }
            State::Done => AfterPending::Dropped,
            // A running task becomes scheduled or waiting only here.
            State::Scheduled | State::Waiting => {
                debug_assert!(false, "a poll ended in state {:?}", self.state.get());
                AfterPending::Dropped
            }
        }
    }

    /// A waker of this task was cloned.
    pub(crate) fn waker_cloned(&self) {
        self.wakers.set(self.wakers.get() + 1);
    }

    /// A waker of this task was dropped (woken by value, or not): if it was
    /// the last and the task waits, nothing can wake it any more.
    pub(crate) fn waker_dropped(&self) {
        let left = self.wakers.get() - 1;
        self.wakers.set(left);
        if left == 0 && self.state.get() == State::Waiting {
            if let Some(scheduler) = self.scheduler.upgrade() {
                scheduler.lost(self);
            }
        }
    }

    /// On the runtime's list of waited tasks.
    pub(crate) fn is_listed(&self) -> bool {
        self.slot.get() != NOT_LISTED
    }

    /// No more polls (a queued entry is skipped); returns the state it was
    /// in.
    pub(crate) fn mark_done(&self) -> State {
        self.state.replace(State::Done)
    }
}

/// A task with its future of type `F`.
pub(crate) struct TaskCell<F: Future, S> {
    pub(crate) header: Header<S>,
    /// `None` once finished or dropped. Only `poll_future` (during the poll)
    /// and `drop_future` (never during one) write it. (Not a `RefCell`:
    /// setting and clearing its flag at each poll made polls measurably
    /// slower, and the task's state already says who may touch the future;
    /// see docs/benchmarks.md, "The future in an `UnsafeCell`".)
    future: UnsafeCell<Option<F>>,
    output: Cell<Option<F::Output>>,
    /// The waker of whoever awaits the `JoinHandle`.
    waiter: Cell<Option<Waker>>,
}

impl<F: Future + 'static, S: Schedule> TaskCell<F, S> {
    /// A new task, `Scheduled`: its spawner queues it.
    pub(crate) fn new(scheduler: Weak<S>, serial: u32, epoch: u32, future: F) -> Rc<Self> {
        Rc::new(TaskCell {
            header: Header {
                scheduler,
                serial,
                epoch,
                state: Cell::new(State::Scheduled),
                wakers: Cell::new(0),
                slot: Cell::new(NOT_LISTED),
                owner: waker::current_thread(),
            },
            future: UnsafeCell::new(Some(future)),
            output: Cell::new(None),
            waiter: Cell::new(None),
        })
    }
}

impl<F: Future + 'static, S: Schedule> TaskCell<F, S> {
    /// Polls the future once, with the task's own waker. When it is ready,
    /// its output is kept for the `JoinHandle` and the future dropped.
    ///
    /// Always inlined into the executor's poll: see "The hot path in wasm"
    /// in executor.rs.
    #[allow(unsafe_code)] // pinning the future in place
    #[inline(always)]
    pub(crate) fn poll_future(self: &Rc<Self>) -> Poll<()> {
        // SAFETY: this is the only reference to the future while it lives:
        // the executor calls this once `begin_poll` made the task `Running`
        // (from `Scheduled`, so never inside its own poll), `drop_future` is
        // never called during a poll, and `future_addr` only between polls.
        let slot = unsafe { &mut *self.future.get() };
        // Only a `Scheduled` task is polled, and a task loses its future
        // only once done.
        let future = slot.as_mut().expect("a scheduled task has its future");
        // SAFETY: the future is never moved: it lives in this `Rc` allocation
        // from spawn until it is dropped in place (`*slot = None`), and no
        // `&mut F` is handed out anywhere else.
        let future = unsafe { Pin::new_unchecked(future) };
        let waker = waker::borrowed(self);
        match future.poll(&mut Context::from_waker(&waker)) {
            Poll::Ready(output) => {
                *slot = None;
                self.output.set(Some(output));
                // Whoever awaits the JoinHandle is woken while this poll is
                // still the one running, so the trace says this task woke it
                // (as it finished), not someone outside. Here rather than in
                // the executor's poll, where LLVM then laid out the polls of
                // a Pending future slower (docs/benchmarks.md, "What limits
                // us": 1,000,000 polls from 0.80× to 0.93× of spawn_local's
                // speed, spawns from 1.34× to 1.18×).
                if let Some(waiter) = self.waiter.take() {
                    waiter.wake();
                }
                Poll::Ready(())
            }
            Poll::Pending => {
                if self.header.is_done() {
                    // Aborted during its own poll.
                    *slot = None;
                }
                Poll::Pending
            }
        }
    }

    /// Where the future lives (for traces): the same at every poll.
    #[allow(unsafe_code)] // reading the future's place between polls
    pub(crate) fn future_addr(&self) -> usize {
        // SAFETY: read between polls only (the executor asks as a poll
        // begins): no `&mut` to the future exists.
        let slot = unsafe { &*self.future.get() };
        slot.as_ref().map_or(0, |f| std::ptr::from_ref(f).addr())
    }
}

/// The executor's view of a task, whatever its future.
pub(crate) trait Runnable<S> {
    fn header(&self) -> &Header<S>;
    /// The task's turn, taken off the ready queue: `scheduler.poll(self)`.
    fn run(self: Rc<Self>, scheduler: &S) -> bool;
    /// Drops the future now.
    ///
    /// # Safety
    /// The task is not being polled: its state before it was marked done was
    /// `Scheduled` or `Waiting`, or its poll has unwound. (A task marked done
    /// during its poll has its future dropped by the poll, when it returns.)
    #[allow(unsafe_code)] // a contract the caller keeps
    unsafe fn drop_future(&self);
    /// Wakes whoever awaits the `JoinHandle`.
    fn wake_waiter(&self);
}

impl<F: Future + 'static, S: Schedule> Runnable<S> for TaskCell<F, S> {
    fn header(&self) -> &Header<S> {
        &self.header
    }

    fn run(self: Rc<Self>, scheduler: &S) -> bool {
        scheduler.poll(self)
    }

    #[allow(unsafe_code)] // dropping the future when no poll holds it
    unsafe fn drop_future(&self) {
        // SAFETY: the caller promises no poll runs, so `poll_future` holds
        // no reference to the future. Dropped in place (pinned futures must
        // not move).
        unsafe { *self.future.get() = None };
    }

    fn wake_waiter(&self) {
        if let Some(waiter) = self.waiter.take() {
            waiter.wake();
        }
    }
}

/// The `JoinHandle`'s view of a task with output `T`.
pub(crate) trait JoinTarget<T> {
    /// Finished, aborted or dropped.
    fn is_done(&self) -> bool;
    /// Drops the task now, if it is not done.
    fn abort(&self);
    fn take_output(&self) -> Option<T>;
    /// Remembers `waker` as the one to wake when the task is done.
    fn set_waiter(&self, waker: &Waker);
}

impl<F: Future + 'static, S: Schedule> JoinTarget<F::Output> for TaskCell<F, S> {
    fn is_done(&self) -> bool {
        self.header.is_done()
    }

    fn abort(&self) {
        if let Some(scheduler) = self.header.scheduler.upgrade() {
            scheduler.abort(self);
        }
    }

    fn take_output(&self) -> Option<F::Output> {
        self.output.take()
    }

    fn set_waiter(&self, waker: &Waker) {
        let waiter = match self.waiter.take() {
            Some(w) if w.will_wake(waker) => w,
            _ => waker.clone(),
        };
        self.waiter.set(Some(waiter));
    }
}

#[cfg(test)]
mod tests {
    //! The task alone, under a scheduler that only writes down what it is
    //! asked.
    use super::*;
    use std::cell::RefCell;

    #[derive(Default)]
    struct Log {
        scheduled: Cell<u32>,
        lost: Cell<u32>,
        woken: RefCell<Vec<WakeOutcome>>,
        queue: RefCell<Vec<Rc<dyn Runnable<Log>>>>,
    }

    impl Schedule for Log {
        fn woken(
            &self,
            _: &Header<Log>,
            outcome: WakeOutcome,
            queue: Option<Rc<dyn Runnable<Log>>>,
        ) {
            self.woken.borrow_mut().push(outcome);
            assert!(queue.is_none() || outcome == WakeOutcome::Queued);
            if let Some(task) = queue {
                self.scheduled.set(self.scheduled.get() + 1);
                self.queue.borrow_mut().push(task);
            }
        }
        fn abort(&self, _: &dyn Runnable<Log>) {}
        fn lost(&self, _: &Header<Log>) {
            self.lost.set(self.lost.get() + 1);
        }
        fn poll<F: Future + 'static>(&self, task: Rc<TaskCell<F, Log>>) -> bool {
            let _ = task.poll_future();
            true
        }
    }

    fn poll_once<F: Future + 'static>(task: &Rc<TaskCell<F, Log>>) -> Poll<()> {
        task.poll_future()
    }

    fn task_on<F: Future + 'static>(log: &Rc<Log>, future: F) -> Rc<TaskCell<F, Log>> {
        TaskCell::new(Rc::downgrade(log), 1, 0, future)
    }

    #[test]
    fn wakes_queue_a_task_once_until_it_is_polled() {
        for traced in [false, true] {
            let log = Rc::new(Log::default());
            let task = task_on(&log, crate::yield_now());
            let waker = {
                let task = task.clone();
                move || {
                    let runnable: Rc<dyn Runnable<Log>> = task.clone();
                    runnable
                }
            };
            // Spawned: scheduled already, so a wake adds nothing.
            task.header.wake(waker.clone());
            assert!(task.header.begin_poll(traced));
            // Its own wake during the poll (yield_now) marks it; the
            // scheduler hears of it only if the poll is traced, and queues
            // it again when the poll ends.
            assert_eq!(poll_once(&task), Poll::Pending);
            assert_eq!(task.header.state(), State::Notified);
            assert_eq!(task.header.end_poll_pending(), AfterPending::Requeue);
            assert_eq!(task.header.state(), State::Scheduled);
            assert!(task.header.begin_poll(traced));
            assert_eq!(poll_once(&task), Poll::Ready(()));
            assert_eq!(task.header.mark_done(), State::Running { traced });
            assert_eq!(task.header.mark_done(), State::Done);
            task.header.wake(waker);
            use WakeOutcome::*;
            let woken = if traced {
                vec![AlreadyQueued, Queued, Ignored]
            } else {
                vec![AlreadyQueued, Ignored]
            };
            assert_eq!(*log.woken.borrow(), woken, "traced: {traced}");
            assert_eq!(log.scheduled.get(), 0, "the scheduler queued nothing");
        }
    }

    #[test]
    fn a_waiting_task_is_queued_by_its_first_wake_only() {
        let log = Rc::new(Log::default());
        let task = task_on(&log, std::future::pending::<()>());
        assert!(task.header.begin_poll(false));
        assert_eq!(poll_once(&task), Poll::Pending);
        assert_eq!(task.header.end_poll_pending(), AfterPending::Lost);
        assert_eq!(task.header.state(), State::Waiting);
        let runnable = || -> Rc<dyn Runnable<Log>> { task.clone() };
        task.header.wake(runnable);
        task.header.wake(runnable);
        assert_eq!(task.header.state(), State::Scheduled);
        use WakeOutcome::*;
        assert_eq!(*log.woken.borrow(), [Queued, AlreadyQueued]);
        // Dropped while queued: its entry is skipped, not polled.
        assert_eq!(task.header.mark_done(), State::Scheduled);
        assert!(!task.header.begin_poll(false));
    }

    #[test]
    fn a_task_whose_runtime_is_gone_ignores_wakes() {
        let log = Rc::new(Log::default());
        let task = task_on(&log, std::future::pending::<()>());
        drop(log);
        task.header
            .wake(|| -> Rc<dyn Runnable<Log>> { unreachable!("nothing to queue on") });
        assert_eq!(task.header.state(), State::Scheduled);
    }
}
