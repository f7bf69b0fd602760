//! The handle `spawn` returns: the task's output, once it has one.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use crate::executor::Inner;
use crate::task::TaskId;

/// The task was dropped before it finished: aborted, or its runtime shut down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cancelled;

impl fmt::Display for Cancelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the task was dropped before it finished")
    }
}

impl std::error::Error for Cancelled {}

pub(crate) struct JoinState<T> {
    output: RefCell<Option<T>>,
    finished: Cell<bool>,
    waiter: RefCell<Option<Waker>>,
}

/// Lives inside the task's future: stores the output, and on drop (finished or
/// cancelled) tells the handle.
pub(crate) struct Completion<T>(Rc<JoinState<T>>);

pub(crate) fn pair<T>() -> (Completion<T>, Rc<JoinState<T>>) {
    let state = Rc::new(JoinState {
        output: RefCell::new(None),
        finished: Cell::new(false),
        waiter: RefCell::new(None),
    });
    (Completion(state.clone()), state)
}

impl<T> Completion<T> {
    pub(crate) fn complete(self, output: T) {
        *self.0.output.borrow_mut() = Some(output);
    }
}

impl<T> Drop for Completion<T> {
    fn drop(&mut self) {
        self.0.finished.set(true);
        let waiter = self.0.waiter.borrow_mut().take();
        if let Some(waiter) = waiter {
            waiter.wake();
        }
    }
}

/// A spawned task's output, as a future (`handle.await`) or by
/// [`JoinHandle::try_take`]. Dropping the handle detaches the task: it runs on.
#[must_use = "dropping a JoinHandle detaches the task; keep it to get the output"]
pub struct JoinHandle<T> {
    runtime: Weak<Inner>,
    task: TaskId,
    state: Rc<JoinState<T>>,
}

impl<T> JoinHandle<T> {
    pub(crate) fn new(runtime: Weak<Inner>, task: TaskId, state: Rc<JoinState<T>>) -> Self {
        JoinHandle {
            runtime,
            task,
            state,
        }
    }

    /// The output, if the task has finished and it was not taken yet.
    pub fn try_take(&self) -> Option<T> {
        self.state.output.borrow_mut().take()
    }

    /// Whether the task finished or was dropped.
    pub fn is_finished(&self) -> bool {
        self.state.finished.get()
    }

    /// Lets the task run on with nobody waiting for its output (the same as
    /// dropping the handle, but says so).
    pub fn detach(self) {}

    /// Drops the task now, with its future and timers. Awaiting the handle then
    /// gives `Err(Cancelled)`. Does nothing if the task already finished.
    pub fn abort(&self) {
        if let Some(runtime) = self.runtime.upgrade() {
            runtime.abort(self.task);
        }
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = Result<T, Cancelled>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(output) = self.try_take() {
            return Poll::Ready(Ok(output));
        }
        if self.state.finished.get() {
            return Poll::Ready(Err(Cancelled));
        }
        let mut waiter = self.state.waiter.borrow_mut();
        match &mut *waiter {
            Some(w) if w.will_wake(cx.waker()) => {}
            slot => *slot = Some(cx.waker().clone()),
        }
        Poll::Pending
    }
}
