//! The ready queue: tasks woken (or spawned) and waiting for their poll, first
//! in, first out. Wakes push onto `next`; a batch takes all of it at once, so
//! it polls only what was queued when it began (a task that wakes itself is
//! polled again in the next batch, not in a loop within this one), and walks
//! it with no borrow held while its polls queue more. A batch cut short by the
//! time slice keeps its place: its rest is polled first next time, not
//! copied; what was queued meanwhile follows it.
//!
//! (A plain `VecDeque`, borrowed for each pop, is simpler, but polls ran
//! slower with it: see docs/benchmarks.md, "The ready queue hands out
//! batches".)
//!
//! It may also hold tasks dropped since they were queued: the executor skips
//! them.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::task_cell::Runnable;

/// A queued task, of a runtime `S` (the runtime's are
/// `Rc<dyn Runnable<Executor>>`; the queue needs nothing of the runtime).
pub(crate) type Ready<S> = Rc<dyn Runnable<S>>;

/// A batch, taken out of the queue: its polls queue for the next one.
pub(crate) type Batch<S> = VecDeque<Ready<S>>;

pub(crate) struct ReadyQueue<S> {
    /// What the last batch did not get to: polled first.
    rest: Batch<S>,
    /// Queued since the last batch began.
    next: Vec<Ready<S>>,
    /// The last batch's buffer, empty, kept for its capacity.
    spare: Vec<Ready<S>>,
}

// Not derived: that would ask `S: Default`.
impl<S> Default for ReadyQueue<S> {
    fn default() -> Self {
        ReadyQueue {
            rest: Batch::new(),
            next: Vec::new(),
            spare: Vec::new(),
        }
    }
}

impl<S> ReadyQueue<S> {
    pub(crate) fn push(&mut self, task: Ready<S>) {
        self.next.push(task);
    }

    /// Everything queued so far, as the next batch.
    pub(crate) fn take_batch(&mut self) -> Batch<S> {
        let next = std::mem::replace(&mut self.next, std::mem::take(&mut self.spare));
        if self.rest.is_empty() {
            // O(1): a `Vec` becomes a `VecDeque` without moving anything.
            Batch::from(next)
        } else {
            let mut batch = std::mem::take(&mut self.rest);
            batch.extend(next);
            batch
        }
    }

    /// Gives back a batch with what it did not poll.
    pub(crate) fn return_batch(&mut self, batch: Batch<S>) {
        if batch.is_empty() {
            self.spare = Vec::from(batch);
        } else {
            self.rest = batch;
        }
    }

    /// Empties the queue (a shutdown), handing back what it held.
    pub(crate) fn take_all(&mut self) -> Batch<S> {
        let mut all = std::mem::take(&mut self.rest);
        all.extend(std::mem::take(&mut self.next));
        all
    }
}
