//! What the lane records, in the order it happened: spawns, each poll's
//! start and end, wakes and logs, each with `performance.now()` as the
//! lane's global sees it (the host decides what clock that is).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use wasm_bindgen::prelude::*;

/// One thing the executor's edges saw.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A task was handed to `spawn_local`.
    Spawn {
        /// The new task.
        task: u32,
    },
    /// The executor began polling a task.
    PollStart {
        /// The task polled.
        task: u32,
    },
    /// The poll returned.
    PollEnd {
        /// The task polled.
        task: u32,
        /// It returned `Ready`: the task is done.
        ready: bool,
    },
    /// A waker of the task was called: the executor queues the task,
    /// unless it is queued already or done.
    Wake {
        /// The task woken.
        task: u32,
    },
    /// The program logged a line.
    Log {
        /// The line.
        text: String,
    },
    /// The program kept the thread busy (`block_ms`).
    Block {
        /// For how long.
        ms: u32,
    },
}

/// An [`Event`] and when it happened (ms, the global `performance.now()`).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// When.
    pub t: f64,
    /// What.
    pub event: Event,
}

#[wasm_bindgen]
extern "C" {
    // Looked up on the lane's global at each call, as gloo's `setTimeout` is.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

thread_local! {
    static RECORDS: RefCell<Vec<Record>> = const { RefCell::new(Vec::new()) };
    static NEXT_TASK: Cell<u32> = const { Cell::new(1) };
}

/// The global clock, now (ms).
pub(crate) fn now() -> f64 {
    performance_now()
}

/// Records `event`, now.
pub(crate) fn record(event: Event) {
    let t = now();
    RECORDS.with(|records| records.borrow_mut().push(Record { t, event }));
}

/// The records since the last call (or [`reset`]).
pub fn take() -> Vec<Record> {
    RECORDS.with(|records| std::mem::take(&mut *records.borrow_mut()))
}

/// Forgets the records, and numbers the next task 1: a new run.
pub fn reset() {
    take();
    NEXT_TASK.with(|next| next.set(1));
}

/// A number for a new task: 1, 2, … since the last [`reset`].
pub(crate) fn new_task() -> u32 {
    NEXT_TASK.with(|next| {
        let task = next.get();
        next.set(task + 1);
        task
    })
}

/// A task's future, recording each poll, and polling its future with a
/// waker that records each wake before it wakes the executor's.
pub(crate) struct Traced<F> {
    task: u32,
    // Boxed, so `Traced` is `Unpin` without unsafe pin projection.
    future: Pin<Box<F>>,
}

impl<F: Future> Traced<F> {
    pub(crate) fn new(task: u32, future: F) -> Self {
        Traced {
            task,
            future: Box::pin(future),
        }
    }
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let task = self.task;
        record(Event::PollStart { task });
        let waker = Waker::from(Arc::new(RecordingWaker {
            task,
            inner: cx.waker().clone(),
        }));
        let poll = self.future.as_mut().poll(&mut Context::from_waker(&waker));
        record(Event::PollEnd {
            task,
            ready: poll.is_ready(),
        });
        poll
    }
}

/// The executor's waker for a task, recording each wake first.
struct RecordingWaker {
    task: u32,
    inner: Waker,
}

impl Wake for RecordingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        record(Event::Wake { task: self.task });
        self.inner.wake_by_ref();
    }
}
