//! The runtime's handle: what a program holds to spawn tasks, read the trace
//! and shut down. The work is the executor's (`executor.rs`).

use std::future::Future;
use std::rc::Rc;

use crate::executor::Executor;
use crate::host::Host;
use crate::join_handle::JoinHandle;
use crate::trace::Trace;

/// What the runtime holds right now. After a run completes, or after
/// [`Runtime::shutdown`] (called from outside its tasks), every count is
/// zero.
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
    /// Live tasks that wait with no waker left (a lost wake, recorded as
    /// `lost_waker`): nothing can wake them, so they are never polled again.
    pub stuck_tasks: usize,
}

/// A single-threaded executor with a timer reactor, driven by a [`Host`].
///
/// Dropping the runtime shuts it down: its tasks are dropped and its timeout is
/// cleared (from inside one of its tasks, when the turn ends, as with
/// [`Runtime::shutdown`]).
pub struct Runtime {
    executor: Rc<Executor>,
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
        Runtime {
            executor: Executor::new(host),
        }
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
        self.executor.spawn(future)
    }

    /// The host's current time in milliseconds.
    pub fn now(&self) -> f64 {
        self.executor.current_time()
    }

    /// What the runtime holds right now.
    pub fn counters(&self) -> Counters {
        self.executor.counters()
    }

    /// Switches event recording on or off (it starts on).
    pub fn set_tracing(&self, on: bool) {
        self.executor.tracer().set_on(on);
    }

    /// Returns the events recorded so far and starts a new trace.
    pub fn take_trace(&self) -> Trace {
        self.executor.tracer().take()
    }

    /// How many events are recorded so far.
    pub fn trace_len(&self) -> usize {
        self.executor.tracer().len()
    }

    /// Sets how many polls one browser task may run before the executor yields
    /// to the browser (at least 1; to start with, [`DEFAULT_BUDGET`](crate::DEFAULT_BUDGET) on a
    /// virtual clock and no limit on a real one, where the time slice applies).
    /// It applies from the next browser task the runtime polls in (set from
    /// inside a task too).
    pub fn set_budget(&self, polls: u32) {
        self.executor
            .change_limits(|limits| limits.polls = polls.max(1));
    }

    /// Seeds the generator an unbiased `select!` draws from (which branch it
    /// polls first, as tokio's does at random): the same seed, the same
    /// choices, so a run repeats exactly (tokio's `Builder::rng_seed` does
    /// the same, unstable). The seed is 0 until set.
    pub fn set_seed(&self, seed: u64) {
        self.executor.set_seed(seed);
    }

    /// Sets how long (ms on the host clock) one browser task may poll before
    /// the executor yields ([`DEFAULT_SLICE_MS`](crate::DEFAULT_SLICE_MS) to start with). A virtual
    /// clock moves during a turn only by `block_ms`, so there the budget
    /// ends a loop of quick polls. It applies from the next browser task the
    /// runtime polls in.
    pub fn set_time_slice(&self, ms: f64) {
        self.executor.change_limits(|limits| limits.ms = ms);
    }

    /// Drops every task (their timers are cancelled as their futures drop) and
    /// clears the host timeout. The runtime stays usable; in its trace, tasks
    /// and timers are numbered from 1 again. Called from inside one of its
    /// tasks, it happens when the turn polling a batch ends (a running poll
    /// cannot be dropped, and the batch's other tasks are out of reach until
    /// then), so those tasks are polled first, and tasks spawned in the
    /// meantime are dropped with the rest.
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
        self.executor.shutdown();
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.executor.shutdown();
    }
}
