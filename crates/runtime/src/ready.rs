//! The ready queue: tasks woken (or spawned) and waiting for their poll, first
//! in, first out. A batch polls the tasks that were queued when it began
//! (`len` then), so a task that wakes itself is polled again in the next
//! batch, not in a loop within this one; a batch cut short by the time slice
//! leaves the rest at the front, where the next batch starts.
//!
//! It may also hold tasks dropped since they were queued: the executor skips
//! them.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::executor::Executor;
use crate::task::Runnable;

pub(crate) type Ready = Rc<dyn Runnable<Executor>>;

#[derive(Default)]
pub(crate) struct ReadyQueue {
    tasks: VecDeque<Ready>,
}

impl ReadyQueue {
    pub(crate) fn push(&mut self, task: Ready) {
        self.tasks.push_back(task);
    }

    pub(crate) fn pop(&mut self) -> Option<Ready> {
        self.tasks.pop_front()
    }

    /// Entries, live or dropped.
    pub(crate) fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Empties the queue (a shutdown), handing back what it held.
    pub(crate) fn take_all(&mut self) -> VecDeque<Ready> {
        std::mem::take(&mut self.tasks)
    }
}
