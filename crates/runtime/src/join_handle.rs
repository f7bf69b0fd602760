//! The handle `spawn` returns: the task's output, once it has one.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use crate::task::JoinTarget;

/// The task was dropped before it finished: aborted, or its runtime shut down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the task was dropped before it finished")
    }
}

impl std::error::Error for Cancelled {}

/// A spawned task's output, as a future (`handle.await`) or by
/// [`JoinHandle::try_take`]. Dropping the handle detaches the task: it runs on.
#[must_use = "dropping a JoinHandle detaches the task; keep it to get the output"]
pub struct JoinHandle<T> {
    task: Rc<dyn JoinTarget<T>>,
}

impl<T> JoinHandle<T> {
    pub(crate) fn new(task: Rc<dyn JoinTarget<T>>) -> Self {
        JoinHandle { task }
    }

    /// The output, if the task has finished and it was not taken yet.
    pub fn try_take(&self) -> Option<T> {
        self.task.take_output()
    }

    /// Whether the task finished or was dropped.
    pub fn is_finished(&self) -> bool {
        self.task.header().done.get()
    }

    /// Lets the task run on with nobody waiting for its output (the same as
    /// dropping the handle, but says so).
    pub fn detach(self) {}

    /// Drops the task now, with its future and timers. Awaiting the handle then
    /// gives `Err(Cancelled)`. Does nothing if the task already finished.
    pub fn abort(&self) {
        let header = self.task.header();
        if let Some(runtime) = header.runtime.upgrade() {
            runtime.abort(header);
        }
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = Result<T, Cancelled>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(output) = self.try_take() {
            return Poll::Ready(Ok(output));
        }
        if self.is_finished() {
            return Poll::Ready(Err(Cancelled));
        }
        self.task.set_waiter(cx.waker());
        Poll::Pending
    }
}
