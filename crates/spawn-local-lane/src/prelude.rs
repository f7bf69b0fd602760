//! The names `runtime::prelude` has, on `spawn_local` and gloo-timers, so a
//! program compiles against either: `use spawn_local_lane::prelude::*;`
//! instead of `use runtime::prelude::*;`. `join!`, `select!`, `join_all` and
//! `yield_now` are the runtime's own: they are plain futures, and work on
//! any executor (on this one they record no child polls, and `select!`
//! without `biased;` starts at its first branch).

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

pub use runtime::{join, join_all, select, yield_now};

use crate::record::{self, Event, Traced};

/// A sleep: gloo-timers' future, one browser `setTimeout` made when the
/// sleep is made, and cleared when it is dropped.
pub type Sleep = gloo_timers::future::TimeoutFuture;

/// A sleep of `ms` milliseconds (at most about 24.8 days). gloo hands its
/// delay to `setTimeout` as an `i32`, so a longer one would fire at once
/// (gloo #121): it is clamped to what a browser timer holds, as the runtime
/// clamps its own.
pub fn sleep_ms(ms: u32) -> Sleep {
    // 2^31 - 1: exactly a u32.
    Sleep::new(ms.min(runtime::MAX_TIMEOUT_MS as u32))
}

/// A sleep of `duration`, in whole milliseconds (at most about 24.8 days).
pub fn sleep(duration: Duration) -> Sleep {
    sleep_ms(u32::try_from(duration.as_millis()).unwrap_or(u32::MAX))
}

/// Keeps the thread busy for `ms` milliseconds of the global clock
/// (`performance.now()`): nothing else runs meanwhile, not even the timers
/// that fall due. Recorded as a block. A host that gives the lane a
/// virtual clock waits on it instead (`spawnLocalLaneBlock`).
pub fn block_ms(ms: u32) {
    record::record(Event::Block { ms });
    record::busy(ms);
}

/// Notes where `name` lives (or points) in the task being polled, as
/// `runtime::address` does: the self-ref example shows its future does not
/// move between polls.
pub fn address(name: &'static str, addr: usize) {
    record::address(name, addr);
}

/// Logs a line.
pub fn log(text: impl AsRef<str>) {
    record::record(Event::Log {
        text: text.as_ref().to_string(),
    });
}

/// Why a task gave no output: it was aborted (as `runtime::JoinError`).
pub use runtime::JoinError;

/// What a task and its handles share.
struct Shared<T> {
    output: Option<Result<T, JoinError>>,
    /// The task is over (done or aborted): its output, if not yet taken, is
    /// in `output`.
    finished: bool,
    /// The handle's waker, woken when the output is in.
    awaiting: Option<Waker>,
    /// `abort` was called: the task drops its future at its next poll.
    aborted: bool,
    /// The task's own waker, so `abort` can have it polled.
    task: Option<Waker>,
}

/// Spawns `future` as a task on `spawn_local`, recorded at its edges.
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + 'static,
    F::Output: 'static,
{
    let task = record::spawned(std::mem::size_of_val(&future));
    let shared = Rc::new(RefCell::new(Shared {
        output: None,
        finished: false,
        awaiting: None,
        aborted: false,
        task: None,
    }));
    let in_task = shared.clone();
    let future = Box::pin(future);
    // A wasm32 address is a u32.
    let addr = &*future as *const F as usize as u32;
    wasm_bindgen_futures::spawn_local(Traced::new(
        task,
        addr,
        Abortable {
            future: Some(future),
            shared: in_task,
        },
    ));
    JoinHandle { shared }
}

/// The task's future, until it is done or aborted; then its output is
/// handed to the handle.
struct Abortable<F: Future> {
    future: Option<Pin<Box<F>>>,
    shared: Rc<RefCell<Shared<F::Output>>>,
}

impl<F: Future> Future for Abortable<F> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        // `Abortable` is `Unpin` (its future is boxed).
        let this = self.get_mut();
        let Some(future) = this.future.as_mut() else {
            return Poll::Ready(());
        };
        let output = if this.shared.borrow().aborted {
            Err(JoinError::Cancelled)
        } else {
            match future.as_mut().poll(cx) {
                Poll::Ready(output) => Ok(output),
                Poll::Pending => {
                    this.shared.borrow_mut().task = Some(cx.waker().clone());
                    return Poll::Pending;
                }
            }
        };
        // Dropped now, as tokio drops an aborted task's future: its sleeps
        // clear their browser timers.
        this.future = None;
        let awaiting = {
            let mut shared = this.shared.borrow_mut();
            shared.output = Some(output);
            shared.finished = true;
            shared.task = None;
            shared.awaiting.take()
        };
        // Woken with nothing borrowed: a waker may poll at once.
        if let Some(waker) = awaiting {
            waker.wake();
        }
        Poll::Ready(())
    }
}

/// Awaits a task's output; `abort` stops the task.
pub struct JoinHandle<T> {
    shared: Rc<RefCell<Shared<T>>>,
}

impl<T> JoinHandle<T> {
    /// Stops the task: its future is dropped when the executor next polls
    /// it (woken now), and the handle gives `Err(JoinError::Cancelled)`.
    /// Nothing, if the task is done.
    pub fn abort(&self) {
        let task = {
            let mut shared = self.shared.borrow_mut();
            if shared.finished {
                return;
            }
            shared.aborted = true;
            shared.task.take()
        };
        if let Some(task) = task {
            task.wake();
        }
    }
}

impl<T> fmt::Debug for JoinHandle<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JoinHandle").finish_non_exhaustive()
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = Result<T, JoinError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut shared = self.shared.borrow_mut();
        match shared.output.take() {
            Some(output) => Poll::Ready(output),
            // Polled again after it gave the output (as runtime's handle says).
            None if shared.finished => Poll::Ready(Err(JoinError::Taken)),
            None => {
                shared.awaiting = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
