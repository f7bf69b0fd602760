//! The ready queue. Wakes push onto `next`; a batch takes all of it at once
//! (so it polls only what was queued when it began) and walks it with no
//! borrow held, while its polls queue more for the next batch. A batch cut
//! short (time slice or poll budget) keeps its place: its rest is polled
//! first next time, not copied; what was queued meanwhile follows it.

use std::collections::VecDeque;
use std::rc::Rc;

use crate::task::Runnable;

pub(crate) type Batch = VecDeque<Rc<dyn Runnable>>;

#[derive(Default)]
pub(crate) struct ReadyQueue {
    /// What the last batch did not get to.
    rest: Batch,
    next: Vec<Rc<dyn Runnable>>,
    /// The last batch's buffer, empty, kept for its capacity.
    spare: Vec<Rc<dyn Runnable>>,
}

impl ReadyQueue {
    #[inline]
    pub(crate) fn push(&mut self, task: Rc<dyn Runnable>) {
        self.next.push(task);
    }

    /// Everything queued so far, as the next batch.
    pub(crate) fn take_batch(&mut self) -> Batch {
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
    pub(crate) fn return_batch(&mut self, batch: Batch) {
        if batch.is_empty() {
            self.spare = Vec::from(batch);
        } else {
            self.rest = batch;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rest.is_empty() && self.next.is_empty()
    }
}
