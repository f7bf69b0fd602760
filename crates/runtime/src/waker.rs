//! How a `Waker` finds its task.
//!
//! `std::task::Waker` must be `Send + Sync`, but the runtime is single-threaded
//! (`Rc`, `RefCell`). Rather than an `unsafe` vtable over an `Rc` (sound only if no
//! waker ever leaves the thread), a waker holds plain numbers: which runtime, which
//! task slot and generation. Waking looks the runtime up in this thread's registry.
//! A waker woken on another thread, after its runtime is gone, or after its task
//! slot was reused finds nothing and does nothing.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::task::{Wake, Waker};

use crate::executor::Inner;
use crate::task::TaskId;

/// Identifies a runtime: its registry slot on its thread, and an id unique in the
/// process so a slot on another thread (or a reused slot) never matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RuntimeKey {
    slot: u32,
    id: u32,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

thread_local! {
    static REGISTRY: RefCell<Vec<(u32, Weak<Inner>)>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn register(inner: Weak<Inner>) -> RuntimeKey {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let slot = match r.iter().position(|(id, _)| *id == 0) {
            Some(free) => free,
            None => {
                r.push((0, Weak::new()));
                r.len() - 1
            }
        };
        r[slot] = (id, inner);
        RuntimeKey {
            slot: slot as u32,
            id,
        }
    })
}

pub(crate) fn unregister(key: RuntimeKey) {
    let _ = REGISTRY.try_with(|r| {
        if let Some(entry) = r.borrow_mut().get_mut(key.slot as usize) {
            if entry.0 == key.id {
                *entry = (0, Weak::new());
            }
        }
    });
}

fn lookup(key: RuntimeKey) -> Option<Rc<Inner>> {
    REGISTRY
        .try_with(|r| {
            let r = r.borrow();
            let (id, inner) = r.get(key.slot as usize)?;
            if *id == key.id {
                inner.upgrade()
            } else {
                None
            }
        })
        .ok()
        .flatten()
}

struct TaskWaker {
    runtime: RuntimeKey,
    task: TaskId,
    serial: u32,
    epoch: u32,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if let Some(inner) = lookup(self.runtime) {
            inner.wake(self.task, self.serial, self.epoch);
        }
    }
}

/// The waker of one task, made once at spawn.
pub(crate) fn task_waker(runtime: RuntimeKey, task: TaskId, serial: u32, epoch: u32) -> Waker {
    Waker::from(Arc::new(TaskWaker {
        runtime,
        task,
        serial,
        epoch,
    }))
}
