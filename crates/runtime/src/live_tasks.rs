//! The runtime's live tasks, so a shutdown can drop them all (a task waiting
//! on nothing is referenced by nobody else).

use std::rc::Rc;

use crate::executor::Executor;
use crate::free_slots::FreeSlots;
use crate::task::{Header, Runnable, NOT_LIVE};

#[derive(Default)]
pub(crate) struct LiveTasks {
    slots: Vec<Option<Rc<dyn Runnable<Executor>>>>,
    free: FreeSlots,
}

impl LiveTasks {
    pub(crate) fn insert(&mut self, task: Rc<dyn Runnable<Executor>>) {
        let slot = self.free.take();
        if slot as usize == self.slots.len() {
            self.slots.push(None);
        }
        self.slots[slot as usize] = Some(task.clone());
        task.header().slot.set(slot);
    }

    /// Takes `header`'s task off the list; `None` if it is not on it.
    pub(crate) fn remove(
        &mut self,
        header: &Header<Executor>,
    ) -> Option<Rc<dyn Runnable<Executor>>> {
        let slot = header.slot.replace(NOT_LIVE);
        let task = self.slots.get_mut(slot as usize)?.take()?;
        self.free.give_back(slot);
        Some(task)
    }

    /// Takes every task off the list (for shutdown), in slot order.
    pub(crate) fn drain(&mut self) -> Vec<Rc<dyn Runnable<Executor>>> {
        let mut tasks = Vec::with_capacity(self.live());
        for slot in &mut self.slots {
            if let Some(task) = slot.take() {
                task.header().slot.set(NOT_LIVE);
                tasks.push(task);
            }
        }
        self.free.all_free();
        tasks
    }

    /// How many live tasks `test` holds for.
    pub(crate) fn count(&self, test: impl Fn(&Header<Executor>) -> bool) -> usize {
        self.slots
            .iter()
            .flatten()
            .filter(|task| test(task.header()))
            .count()
    }

    pub(crate) fn live(&self) -> usize {
        self.free.in_use()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::TaskCell;
    use std::rc::Weak;

    fn task() -> Rc<dyn Runnable<Executor>> {
        TaskCell::new(Weak::new(), 1, 0, async {})
    }

    #[test]
    fn an_emptied_list_hands_out_its_slots_in_order_again() {
        let mut live = LiveTasks::default();
        let first: Vec<_> = (0..3).map(|_| task()).collect();
        for task in &first {
            live.insert(task.clone());
        }
        // Finished in another order than spawned: slots 1, 2, 0 freed.
        for i in [1, 2, 0] {
            assert!(live.remove(first[i].header()).is_some());
        }
        assert_eq!(live.live(), 0);
        let next: Vec<_> = (0..3).map(|_| task()).collect();
        for task in &next {
            live.insert(task.clone());
        }
        let slots: Vec<u32> = next.iter().map(|task| task.header().slot.get()).collect();
        assert_eq!(slots, [0, 1, 2]);
        // So after a shutdown's drain.
        assert_eq!(live.drain().len(), 3);
        let after: Vec<_> = (0..2).map(|_| task()).collect();
        for task in &after {
            live.insert(task.clone());
        }
        let slots: Vec<u32> = after.iter().map(|task| task.header().slot.get()).collect();
        assert_eq!(slots, [0, 1]);
        assert_eq!(live.live(), 2);
    }
}
