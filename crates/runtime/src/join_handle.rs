//! The handle `spawn` returns: the task's output, once it has one.

use std::cell::Cell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use crate::task_cell::JoinTarget;

/// Why awaiting a [`JoinHandle`] gave no output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinError {
    /// The task was dropped before it finished: aborted, or its runtime shut
    /// down.
    Cancelled,
    /// The task finished, but [`JoinHandle::try_take`] had already taken its
    /// output.
    Taken,
}

impl JoinError {
    /// Whether the task was dropped before it finished (aborted): tokio's
    /// `JoinError::is_cancelled`, so code written for tokio reads it here.
    pub fn is_cancelled(&self) -> bool {
        matches!(self, JoinError::Cancelled)
    }
}

impl fmt::Display for JoinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JoinError::Cancelled => "the task was dropped before it finished",
            JoinError::Taken => "the task finished, and try_take took its output",
        })
    }
}

impl std::error::Error for JoinError {}

/// A spawned task's output, as a future (`handle.await`) or by
/// [`JoinHandle::try_take`]. Dropping the handle detaches the task: it runs on.
/// Not `#[must_use]`, as tokio's is not: `spawn(async { … });` starts a task
/// nobody waits for, and a program written for tokio compiles here without
/// a warning.
pub struct JoinHandle<T> {
    task: Rc<dyn JoinTarget<T>>,
    /// `try_take` took the output (a handle is the only way to it).
    taken: Cell<bool>,
}

impl<T> JoinHandle<T> {
    pub(crate) fn new(task: Rc<dyn JoinTarget<T>>) -> Self {
        JoinHandle {
            task,
            taken: Cell::new(false),
        }
    }

    /// The output, if the task has finished and it was not taken yet.
    /// Awaiting the handle after this took it gives `Err(JoinError::Taken)`.
    pub fn try_take(&self) -> Option<T> {
        let output = self.task.take_output();
        if output.is_some() {
            self.taken.set(true);
        }
        output
    }

    /// Whether the task finished or was dropped.
    pub fn is_finished(&self) -> bool {
        self.task.is_done()
    }

    /// Lets the task run on with nobody waiting for its output (the same as
    /// dropping the handle, but says so).
    pub fn detach(self) {}

    /// Drops the task now, with its future and timers. Awaiting the handle then
    /// gives `Err(JoinError::Cancelled)`. Does nothing if the task already finished.
    pub fn abort(&self) {
        self.task.abort();
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = Result<T, JoinError>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(output) = self.task.take_output() {
            return Poll::Ready(Ok(output));
        }
        if self.taken.get() {
            return Poll::Ready(Err(JoinError::Taken));
        }
        if self.is_finished() {
            return Poll::Ready(Err(JoinError::Cancelled));
        }
        self.task.set_waiter(cx.waker());
        Poll::Pending
    }
}
