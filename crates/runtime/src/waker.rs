//! How a `Waker` finds its task: its data pointer is the task's `Rc`
//! allocation (a `TaskCell<F, S>`), as in wasm-bindgen-futures and async-task, so
//! a wake is a state check and a push onto the ready queue (during the task's
//! own poll, the state change alone: the executor queues it when the poll
//! ends).
//!
//! `std::task::Waker` must be `Send + Sync`, but a task is an `Rc`. So each
//! task remembers its thread, and a waker used on any other thread never
//! touches the task: a wake there does nothing, a clone there is a waker that
//! does nothing, and a drop there leaks its reference (the task then outlives
//! its runtime; leaking is safe, a race on the reference count would not be).
//! On wasm32 there is one thread and the check is one comparison.
//!
//! A waker kept after its task finished keeps only the task's allocation
//! alive (the future is dropped when it finishes); waking it does nothing.

// Unsafe code: a waker's vtable over an `Rc` (the crate's only other unsafe
// code is the task's future, pinned in place in an `UnsafeCell`, in task_cell.rs,
// and the executor's drops of it, in executor.rs).
#![allow(unsafe_code)]

use std::cell::Cell;
use std::future::Future;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{RawWaker, RawWakerVTable, Waker};

use crate::task_cell::{Schedule, TaskCell};

/// Names a thread: 1, 2, ... in the order threads first spawn or wake (64
/// bits: never wraps, so no two threads ever share one).
pub(crate) type ThreadToken = u64;

static NEXT_THREAD: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static THREAD: Cell<ThreadToken> = const { Cell::new(0) };
}

pub(crate) fn current_thread() -> ThreadToken {
    THREAD.with(|t| match t.get() {
        0 => {
            let token = NEXT_THREAD.fetch_add(1, Ordering::Relaxed);
            t.set(token);
            token
        }
        token => token,
    })
}

/// The task's waker, borrowed for one poll: no reference count is taken, so it
/// must not outlive `task` (wakers cloned from it take their own).
pub(crate) fn borrowed<F: Future + 'static, S: Schedule>(
    task: &Rc<TaskCell<F, S>>,
) -> ManuallyDrop<Waker> {
    let data = Rc::as_ptr(task).cast::<()>();
    // SAFETY: `data` points at a `TaskCell<F, S>` in an `Rc` allocation (from
    // `Rc::as_ptr`, as `Rc::into_raw` would give), and the vtable is the one
    // for that `F` and `S`. The waker is never dropped (`ManuallyDrop`), so it
    // releases no count it did not take, and the caller keeps `task` alive
    // while it is used.
    ManuallyDrop::new(unsafe { Waker::from_raw(RawWaker::new(data, &TaskWaker::<F, S>::VTABLE)) })
}

/// The vtable's functions for tasks of future type `F`.
struct TaskWaker<F, S>(PhantomData<(F, S)>);

impl<F: Future + 'static, S: Schedule> TaskWaker<F, S> {
    const VTABLE: RawWakerVTable =
        RawWakerVTable::new(Self::clone, Self::wake, Self::wake_by_ref, Self::drop);

    /// Whether `data` may be used here: the task is on this thread.
    ///
    /// # Safety
    /// `data` is a `TaskCell<F, S>` kept alive by the waker being used.
    unsafe fn at_home(data: *const ()) -> bool {
        if cfg!(all(target_family = "wasm", not(target_feature = "atomics"))) {
            // Wasm without threads: there is no other thread to be on.
            return true;
        }
        // SAFETY: the cell is alive (the caller's waker holds a count), and
        // `owner` is never written after spawn, so reading it races with
        // nothing even from another thread.
        let owner = unsafe { (*data.cast::<TaskCell<F, S>>()).header.owner };
        owner == current_thread()
    }

    /// Another waker of the task, with a count of its own (on the task's
    /// thread; elsewhere a waker that does nothing).
    ///
    /// # Safety
    /// As for every function of the vtable: `data` came from `borrowed` or
    /// from this function, so it is a `TaskCell<F, S>` in an `Rc`
    /// allocation, kept alive by the waker being used.
    unsafe fn clone(data: *const ()) -> RawWaker {
        // SAFETY: the caller's `data` is such a cell (see `# Safety`).
        if unsafe { Self::at_home(data) } {
            let cell = data.cast::<TaskCell<F, S>>();
            // SAFETY: on the task's thread; the count is at least one.
            unsafe { Rc::increment_strong_count(cell) };
            // SAFETY: alive, and on its thread, so no other thread touches it.
            unsafe { &(*cell).header }.waker_cloned();
            RawWaker::new(data, &Self::VTABLE)
        } else {
            let noop = Waker::noop();
            RawWaker::new(noop.data(), noop.vtable())
        }
    }

    /// Wakes the task and lets go of the waker's count.
    ///
    /// # Safety
    /// As for [`Self::clone`]; and the waker holds a count of its own (it
    /// is not the one `borrowed` lends, which is never consumed), which
    /// this releases.
    unsafe fn wake(data: *const ()) {
        // SAFETY: see `# Safety`; this consumes the waker's count.
        unsafe {
            Self::wake_by_ref(data);
            Self::drop(data);
        }
    }

    /// Wakes the task (on its thread; elsewhere, nothing).
    ///
    /// # Safety
    /// As for [`Self::clone`].
    unsafe fn wake_by_ref(data: *const ()) {
        // SAFETY: see `# Safety`.
        if !unsafe { Self::at_home(data) } {
            return;
        }
        let cell = data.cast::<TaskCell<F, S>>();
        // SAFETY: alive, and on its thread, so no other thread touches it.
        let header = unsafe { &(*cell).header };
        header.wake(|| {
            // SAFETY: on the task's thread; the count is at least one, and the
            // new `Rc` owns the count taken here.
            unsafe {
                Rc::increment_strong_count(cell);
                Rc::from_raw(cell)
            }
        });
    }

    /// Lets go of the waker's count (on the task's thread; elsewhere the
    /// count is leaked).
    ///
    /// # Safety
    /// As for [`Self::wake`]: the waker holds a count of its own.
    unsafe fn drop(data: *const ()) {
        // SAFETY: see `# Safety`. Away from home the count is leaked, not
        // touched.
        if unsafe { Self::at_home(data) } {
            // SAFETY: releases the count this waker held.
            let task = unsafe { Rc::from_raw(data.cast::<TaskCell<F, S>>()) };
            task.header.waker_dropped();
        }
    }
}
