//! wasm-bindgen-futures' single-threaded executor (js-sys 0.3.107,
//! `futures/task/singlethread.rs` and `futures/queue.rs`), rebuilt natively
//! with the same structure so `just bench-native` can count its instructions
//! beside ours: `peer_executor polls` (10,000 tasks × 100 yields) and
//! `peer_executor spawns` (100,000 trivial tasks). Only the microtask hop is
//! left out (its queue is drained in a loop).
#![allow(unsafe_code)] // the peer's own waker, as it is written there

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::mem::ManuallyDrop;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, RawWaker, RawWakerVTable, Waker};

struct Inner {
    future: Pin<Box<dyn Future<Output = ()>>>,
    waker: Waker,
}

struct Task {
    inner: RefCell<Option<Inner>>,
    is_queued: Cell<bool>,
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Rc<Task>>> = const { RefCell::new(VecDeque::new()) };
}

impl Task {
    fn spawn<F: Future<Output = ()> + 'static>(future: F) {
        let this = Rc::new(Task {
            inner: RefCell::new(None),
            is_queued: Cell::new(true),
        });
        // SAFETY: single-threaded, as in the original (wasm without atomics).
        let waker = unsafe { Waker::from_raw(Task::into_raw_waker(Rc::clone(&this))) };
        *this.inner.borrow_mut() = Some(Inner {
            future: Box::pin(future),
            waker,
        });
        QUEUE.with(|q| q.borrow_mut().push_back(this));
    }

    fn wake_by_ref(this: &Rc<Self>) {
        if this.is_queued.replace(true) {
            return;
        }
        QUEUE.with(|q| q.borrow_mut().push_back(this.clone()));
    }

    unsafe fn into_raw_waker(this: Rc<Self>) -> RawWaker {
        unsafe fn raw_clone(ptr: *const ()) -> RawWaker {
            // SAFETY: `ptr` came from `Rc::into_raw` below.
            let ptr = ManuallyDrop::new(unsafe { Rc::from_raw(ptr.cast::<Task>()) });
            // SAFETY: as above.
            unsafe { Task::into_raw_waker(Rc::clone(&ptr)) }
        }
        unsafe fn raw_wake(ptr: *const ()) {
            // SAFETY: `ptr` came from `Rc::into_raw` below.
            let ptr = unsafe { Rc::from_raw(ptr.cast::<Task>()) };
            Task::wake_by_ref(&ptr);
        }
        unsafe fn raw_wake_by_ref(ptr: *const ()) {
            // SAFETY: `ptr` came from `Rc::into_raw` below.
            let ptr = ManuallyDrop::new(unsafe { Rc::from_raw(ptr.cast::<Task>()) });
            Task::wake_by_ref(&ptr);
        }
        unsafe fn raw_drop(ptr: *const ()) {
            // SAFETY: `ptr` came from `Rc::into_raw` below.
            drop(unsafe { Rc::from_raw(ptr.cast::<Task>()) });
        }
        static VTABLE: RawWakerVTable =
            RawWakerVTable::new(raw_clone, raw_wake, raw_wake_by_ref, raw_drop);
        RawWaker::new(Rc::into_raw(this).cast::<()>(), &VTABLE)
    }

    fn run(&self) {
        let mut borrow = self.inner.borrow_mut();
        let Some(inner) = borrow.as_mut() else { return };
        self.is_queued.set(false);
        let mut cx = Context::from_waker(&inner.waker);
        if inner.future.as_mut().poll(&mut cx).is_ready() {
            *borrow = None;
        }
    }
}

/// `QueueState::run_all`, once per microtask tick, until nothing is queued.
fn run_all() {
    loop {
        let mut left = QUEUE.with(|q| q.borrow().len());
        if left == 0 {
            return;
        }
        while left > 0 {
            left -= 1;
            let Some(task) = QUEUE.with(|q| q.borrow_mut().pop_front()) else {
                break;
            };
            task.run();
        }
    }
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("polls") => {
            for _ in 0..10_000 {
                Task::spawn(async {
                    for _ in 0..100 {
                        runtime::yield_now().await;
                    }
                });
            }
        }
        Some("spawns") => {
            for _ in 0..100_000 {
                Task::spawn(async {});
            }
        }
        _ => panic!("usage: peer_executor polls|spawns"),
    }
    run_all();
}
