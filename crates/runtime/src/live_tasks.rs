//! The runtime's live tasks, so a shutdown can drop them all (a task waiting
//! on nothing is referenced by nobody else). Slots are reused, last freed first.

use std::rc::Rc;

use crate::executor::Executor;
use crate::task::{Header, Runnable, NOT_LIVE};

#[derive(Default)]
pub(crate) struct LiveTasks {
    slots: Vec<Option<Rc<dyn Runnable<Executor>>>>,
    free: Vec<u32>,
}

impl LiveTasks {
    pub(crate) fn insert(&mut self, task: Rc<dyn Runnable<Executor>>) {
        let slot = match self.free.pop() {
            Some(free) => {
                self.slots[free as usize] = Some(task.clone());
                free
            }
            None => {
                self.slots.push(Some(task.clone()));
                (self.slots.len() - 1) as u32
            }
        };
        task.header().slot.set(slot);
    }

    /// Takes `header`'s task off the list; `None` if it is not on it.
    pub(crate) fn remove(
        &mut self,
        header: &Header<Executor>,
    ) -> Option<Rc<dyn Runnable<Executor>>> {
        let slot = header.slot.replace(NOT_LIVE);
        let task = self.slots.get_mut(slot as usize)?.take()?;
        self.free.push(slot);
        if self.free.len() == self.slots.len() {
            // None live: the next tasks take the slots in order again, not in
            // the order these finished (see `TimerQueue::remove`).
            self.free.clear();
            self.free.extend((0..self.slots.len() as u32).rev());
        }
        Some(task)
    }

    /// Takes every task off the list (for shutdown), in slot order.
    pub(crate) fn drain(&mut self) -> Vec<Rc<dyn Runnable<Executor>>> {
        let mut tasks = Vec::with_capacity(self.live());
        for (index, slot) in self.slots.iter_mut().enumerate() {
            if let Some(task) = slot.take() {
                task.header().slot.set(NOT_LIVE);
                self.free.push(index as u32);
                tasks.push(task);
            }
        }
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
        self.slots.len() - self.free.len()
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
    }
}
