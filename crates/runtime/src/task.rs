//! Task storage: slots addressed by generation-tagged ids, so an id (or a waker)
//! that outlives its task never reaches the task that reuses its slot.

use std::future::Future;
use std::pin::Pin;
use std::task::Waker;

/// A boxed task future. Boxing pins it: it stays at one address for its whole
/// life, which is what makes self-referential `async fn` state safe to poll.
pub(crate) type TaskFuture = Pin<Box<dyn Future<Output = ()>>>;

/// A slot index and the generation of the task that held it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TaskId {
    index: u32,
    generation: u32,
}

pub(crate) struct Task {
    /// The task's number in traces: 1 for the first spawned, and so on.
    pub(crate) serial: u32,
    /// `None` while the executor is polling it (it holds it meanwhile).
    pub(crate) body: Option<Body>,
    /// On the ready queue: further wakes add nothing until it is polled.
    pub(crate) scheduled: bool,
}

/// What a poll needs: the pinned future and the task's own waker.
pub(crate) struct Body {
    pub(crate) future: TaskFuture,
    pub(crate) waker: Waker,
}

struct Slot {
    generation: u32,
    task: Option<Task>,
}

#[derive(Default)]
pub(crate) struct Tasks {
    slots: Vec<Slot>,
    free: Vec<u32>,
    live: usize,
}

impl Tasks {
    /// Stores the task built by `make` from its future id.
    pub(crate) fn insert(&mut self, make: impl FnOnce(TaskId) -> Task) -> TaskId {
        let index = self.free.pop().unwrap_or_else(|| {
            self.slots.push(Slot {
                generation: 0,
                task: None,
            });
            (self.slots.len() - 1) as u32
        });
        let slot = &mut self.slots[index as usize];
        let id = TaskId {
            index,
            generation: slot.generation,
        };
        slot.task = Some(make(id));
        self.live += 1;
        id
    }

    pub(crate) fn get_mut(&mut self, id: TaskId) -> Option<&mut Task> {
        let slot = self.slots.get_mut(id.index as usize)?;
        if slot.generation == id.generation {
            slot.task.as_mut()
        } else {
            None
        }
    }

    /// Frees the slot; the next task there gets a new generation.
    pub(crate) fn remove(&mut self, id: TaskId) -> Option<Task> {
        let slot = self.slots.get_mut(id.index as usize)?;
        if slot.generation != id.generation {
            return None;
        }
        let task = slot.task.take()?;
        slot.generation = slot.generation.wrapping_add(1);
        self.free.push(id.index);
        self.live -= 1;
        Some(task)
    }

    /// Removes every task (for shutdown).
    pub(crate) fn drain(&mut self) -> Vec<Task> {
        let mut tasks = Vec::with_capacity(self.live);
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if let Some(task) = slot.task.take() {
                slot.generation = slot.generation.wrapping_add(1);
                self.free.push(index as u32);
                tasks.push(task);
            }
        }
        self.live = 0;
        tasks
    }

    pub(crate) fn live(&self) -> usize {
        self.live
    }
}
