//! The tasks that have waited: listed at their first poll that returns
//! `Pending` with no wake to come back for, so a shutdown can drop them all (a
//! waiting task is held only by whoever holds its wakers, if anybody), and an
//! abort can let go of them.
//!
//! Every other live task is on the ready queue (or in the batch taken from
//! it) or being polled, where a shutdown finds it, once the batch has ended.
//! So a task that finishes in its first poll, or only yields, is never
//! listed. (Every task was listed at spawn before: an insert and a removal
//! per task made spawns slower; see docs/benchmarks.md, "A task is listed
//! only once it first waits".)

use std::rc::Rc;

use crate::free_slots::FreeSlots;
use crate::task_cell::{Header, Runnable, NOT_LISTED};

/// The waited tasks of a runtime `S` (the runtime's are
/// `WaitedTasks<Executor>`; the list needs nothing of the runtime).
pub(crate) struct WaitedTasks<S> {
    slots: Vec<Option<Rc<dyn Runnable<S>>>>,
    free: FreeSlots,
}

// Not derived: that would ask `S: Default`.
impl<S> Default for WaitedTasks<S> {
    fn default() -> Self {
        WaitedTasks {
            slots: Vec::new(),
            free: FreeSlots::default(),
        }
    }
}

impl<S> WaitedTasks<S> {
    /// Lists `task`; `live`: how many tasks are live now. When the list is
    /// full, it grows to hold them all at once (or doubles, if that is more):
    /// tasks are listed during a batch, when nothing else is allocated to
    /// fill the holes each doubling leaves in wasm memory, which never
    /// shrinks (see docs/benchmarks.md, "The list of waited tasks grows to
    /// hold every live task at once").
    pub(crate) fn insert(&mut self, task: Rc<dyn Runnable<S>>, live: usize) {
        let slot = self.free.take();
        task.header().slot.set(slot);
        if slot as usize == self.slots.len() {
            if self.slots.len() == self.slots.capacity() {
                self.slots.reserve(live.saturating_sub(self.slots.len()));
            }
            self.slots.push(Some(task));
        } else {
            self.slots[slot as usize] = Some(task);
        }
    }

    /// Takes `header`'s task off the list; `None` if it is not on it.
    pub(crate) fn remove(&mut self, header: &Header<S>) -> Option<Rc<dyn Runnable<S>>> {
        let slot = header.slot.replace(NOT_LISTED);
        let task = self.slots.get_mut(slot as usize)?.take()?;
        self.free.give_back(slot);
        Some(task)
    }

    /// Takes every task off the list (for shutdown).
    pub(crate) fn drain(&mut self) -> Vec<Rc<dyn Runnable<S>>> {
        let mut tasks = Vec::with_capacity(self.len());
        for slot in &mut self.slots {
            if let Some(task) = slot.take() {
                task.header().slot.set(NOT_LISTED);
                tasks.push(task);
            }
        }
        self.free.all_free();
        tasks
    }

    /// How many listed tasks `test` holds for.
    pub(crate) fn count(&self, test: impl Fn(&Header<S>) -> bool) -> usize {
        self.slots
            .iter()
            .flatten()
            .filter(|task| test(task.header()))
            .count()
    }

    pub(crate) fn len(&self) -> usize {
        self.free.in_use()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task_cell::{Schedule, TaskCell};
    use crate::trace::WakeOutcome;
    use std::future::Future;
    use std::rc::Weak;

    /// A runtime that is never asked anything: the list only holds tasks.
    struct Unused;

    impl Schedule for Unused {
        fn woken(&self, _: &Header<Self>, _: WakeOutcome, _: Option<Rc<dyn Runnable<Self>>>) {
            unreachable!("no task is woken")
        }
        fn abort(&self, _: &dyn Runnable<Self>) {
            unreachable!("no task is aborted")
        }
        fn lost(&self, _: &Header<Self>) {
            unreachable!("no task has a waker")
        }
        fn poll<F: Future + 'static>(&self, _: Rc<TaskCell<F, Self>>) -> bool {
            unreachable!("no task is polled")
        }
    }

    fn task() -> Rc<dyn Runnable<Unused>> {
        TaskCell::new(Weak::new(), 1, 0, async {})
    }

    #[test]
    fn an_emptied_list_hands_out_its_slots_in_order_again() {
        let mut listed = WaitedTasks::default();
        let first: Vec<_> = (0..3).map(|_| task()).collect();
        for task in &first {
            listed.insert(task.clone(), 3);
        }
        // Finished in another order than listed: slots 1, 2, 0 freed.
        for i in [1, 2, 0] {
            assert!(listed.remove(first[i].header()).is_some());
            assert!(!first[i].header().is_listed());
        }
        assert!(listed.remove(first[0].header()).is_none(), "not listed");
        assert_eq!(listed.len(), 0);
        let next: Vec<_> = (0..3).map(|_| task()).collect();
        for task in &next {
            listed.insert(task.clone(), 3);
        }
        let slots: Vec<u32> = next.iter().map(|task| task.header().slot.get()).collect();
        assert_eq!(slots, [0, 1, 2]);
        // So after a shutdown's drain.
        assert_eq!(listed.drain().len(), 3);
        let after: Vec<_> = (0..2).map(|_| task()).collect();
        for task in &after {
            listed.insert(task.clone(), 3);
        }
        let slots: Vec<u32> = after.iter().map(|task| task.header().slot.get()).collect();
        assert_eq!(slots, [0, 1]);
        assert_eq!(listed.len(), 2);
    }
}
