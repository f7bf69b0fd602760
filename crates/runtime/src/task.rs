//! A task: one reference-counted allocation holding what the executor, the
//! task's wakers and its `JoinHandle` share: a header (number, flags), the
//! pinned future, and later its output and whoever awaits it.
//!
//! One allocation per spawn, and a waker that points straight at it (see
//! `waker.rs`), is what makes spawning and polling cheap: the ready queue holds
//! the tasks themselves, so a wake is a flag and a push, and a poll a pop and a
//! call.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll, Waker};

use crate::executor::Inner;
use crate::waker::{self, ThreadToken};

/// What every task has, whatever its future.
pub(crate) struct Header {
    /// Weak: a task (kept by a waker or a `JoinHandle`) must not keep its
    /// runtime, with its host and timers, alive.
    pub(crate) runtime: Weak<Inner>,
    /// The task's number in traces: 1 for the first spawned, and so on.
    pub(crate) serial: u32,
    /// The runtime's shutdown count at spawn: wakes from before a shutdown are
    /// ignored silently.
    pub(crate) epoch: u32,
    /// On the ready queue: further wakes add nothing until it is polled.
    pub(crate) scheduled: Cell<bool>,
    /// Finished, aborted or dropped by a shutdown: wakes are ignored.
    pub(crate) done: Cell<bool>,
    /// Where the runtime's list of live tasks holds it (`NOT_LIVE` once done).
    pub(crate) slot: Cell<u32>,
    /// The thread the task lives on: its wakers do nothing anywhere else.
    pub(crate) owner: ThreadToken,
}

pub(crate) const NOT_LIVE: u32 = u32::MAX;

/// A task with its future of type `F`.
pub(crate) struct TaskCell<F: Future> {
    pub(crate) header: Header,
    /// `None` once finished or dropped. Borrowed only to poll or drop it.
    future: RefCell<Option<F>>,
    output: Cell<Option<F::Output>>,
    /// The waker of whoever awaits the `JoinHandle`.
    waiter: Cell<Option<Waker>>,
}

impl<F: Future + 'static> TaskCell<F> {
    pub(crate) fn new(runtime: Weak<Inner>, serial: u32, epoch: u32, future: F) -> Self {
        TaskCell {
            header: Header {
                runtime,
                serial,
                epoch,
                scheduled: Cell::new(true),
                done: Cell::new(false),
                slot: Cell::new(NOT_LIVE),
                owner: waker::current_thread(),
            },
            future: RefCell::new(Some(future)),
            output: Cell::new(None),
            waiter: Cell::new(None),
        }
    }
}

/// The executor's view of a task, whatever its future.
pub(crate) trait Runnable {
    fn header(&self) -> &Header;
    /// The executor's turn for this task, taken off the ready queue: polls it
    /// once, unless it was dropped meanwhile (then returns false).
    fn run(self: Rc<Self>, runtime: &Inner) -> bool;
    /// Drops the future now, or, if it is being polled (a task aborting
    /// itself), as soon as that poll returns.
    fn drop_future(&self);
    /// Wakes whoever awaits the `JoinHandle`.
    fn wake_waiter(&self);
}

impl<F: Future + 'static> TaskCell<F> {
    /// Polls the future once with `waker`; true when it finished. Its output
    /// is kept for the `JoinHandle`.
    #[inline]
    #[allow(unsafe_code)] // pinning the future in place
    pub(crate) fn poll(&self, waker: &Waker) -> bool {
        // Never polled re-entrantly: the executor polls one task at a time.
        let mut slot = self.future.borrow_mut();
        let Some(future) = slot.as_mut() else {
            return false;
        };
        // SAFETY: the future is never moved: it lives in this `Rc` allocation
        // from spawn until it is dropped in place (`*slot = None`), and no
        // `&mut F` is handed out anywhere else.
        let future = unsafe { Pin::new_unchecked(future) };
        match future.poll(&mut Context::from_waker(waker)) {
            Poll::Ready(output) => {
                *slot = None;
                drop(slot);
                self.output.set(Some(output));
                true
            }
            Poll::Pending => {
                if self.header.done.get() {
                    // Aborted during its own poll.
                    *slot = None;
                }
                false
            }
        }
    }

    /// Where the future lives (for traces): the same at every poll.
    pub(crate) fn future_addr(&self) -> usize {
        match self.future.try_borrow() {
            Ok(slot) => slot.as_ref().map_or(0, |f| std::ptr::from_ref(f).addr()),
            Err(_) => 0,
        }
    }
}

impl<F: Future + 'static> Runnable for TaskCell<F> {
    fn header(&self) -> &Header {
        &self.header
    }

    fn run(self: Rc<Self>, runtime: &Inner) -> bool {
        runtime.poll_task(&self)
    }

    fn drop_future(&self) {
        if let Ok(mut slot) = self.future.try_borrow_mut() {
            // Dropped in place (pinned futures must not move).
            *slot = None;
        }
    }

    fn wake_waiter(&self) {
        if let Some(waiter) = self.waiter.take() {
            waiter.wake();
        }
    }
}

/// The `JoinHandle`'s view of a task with output `T`.
pub(crate) trait JoinTarget<T> {
    fn header(&self) -> &Header;
    fn take_output(&self) -> Option<T>;
    /// Remembers `waker` as the one to wake when the task is done.
    fn set_waiter(&self, waker: &Waker);
}

impl<F: Future + 'static> JoinTarget<F::Output> for TaskCell<F> {
    fn header(&self) -> &Header {
        &self.header
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

/// The runtime's live tasks, so a shutdown can drop them all (a task waiting
/// on nothing is referenced by nobody else). Slots are reused, last freed first.
#[derive(Default)]
pub(crate) struct LiveTasks {
    slots: Vec<Option<Rc<dyn Runnable>>>,
    free: Vec<u32>,
}

impl LiveTasks {
    pub(crate) fn insert(&mut self, task: Rc<dyn Runnable>) {
        let slot = match self.free.pop() {
            Some(free) => {
                self.slots[free as usize] = Some(task.clone());
                free
            }
            None => {
                self.slots.push(Some(task.clone()));
                (self.slots.len() - 1) as u32
            }
        };
        task.header().slot.set(slot);
    }

    /// Takes `header`'s task off the list; `None` if it is not on it.
    pub(crate) fn remove(&mut self, header: &Header) -> Option<Rc<dyn Runnable>> {
        let slot = header.slot.replace(NOT_LIVE);
        let task = self.slots.get_mut(slot as usize)?.take()?;
        self.free.push(slot);
        Some(task)
    }

    /// Takes every task off the list (for shutdown), in slot order.
    pub(crate) fn drain(&mut self) -> Vec<Rc<dyn Runnable>> {
        let mut tasks = Vec::with_capacity(self.live());
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if let Some(task) = slot.take() {
                task.header().slot.set(NOT_LIVE);
                self.free.push(index as u32);
                tasks.push(task);
            }
        }
        tasks
    }

    pub(crate) fn live(&self) -> usize {
        self.slots.len() - self.free.len()
    }
}
