//! Which slots of a slab (the task list, the timer queue) are free: the
//! last freed is reused first, and once every slot is free again they are
//! handed out from the first up, not in the order they were freed.
//! (Scattered slots made a runtime slower with use: a run after one that
//! freed its slots in another order than it took them was slower than the
//! same run on a fresh runtime; see docs/benchmarks.md, "Free slots are
//! handed out in order again".)

#[derive(Default)]
pub(crate) struct FreeSlots {
    /// Freed slots below `fresh`, to reuse.
    freed: Vec<u32>,
    /// The slots from here on are free and not in `freed`: handed out in
    /// order.
    fresh: u32,
}

impl FreeSlots {
    /// A slot to use. If it equals the slab's length, the slab grows by one.
    pub(crate) fn take(&mut self) -> u32 {
        self.freed.pop().unwrap_or_else(|| {
            self.fresh += 1;
            self.fresh - 1
        })
    }

    /// `slot` is free again.
    pub(crate) fn give_back(&mut self, slot: u32) {
        self.freed.push(slot);
        if self.freed.len() == self.fresh as usize {
            self.all_free();
        }
    }

    /// Every slot is free: hand them out from the first again.
    pub(crate) fn all_free(&mut self) {
        self.freed.clear();
        self.fresh = 0;
    }

    /// How many slots are in use.
    pub(crate) fn in_use(&self) -> usize {
        self.fresh as usize - self.freed.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn once_all_are_free_the_slots_come_in_order_again() {
        let mut slots = FreeSlots::default();
        let taken: Vec<u32> = (0..3).map(|_| slots.take()).collect();
        assert_eq!(taken, [0, 1, 2]);
        slots.give_back(1);
        assert_eq!(slots.take(), 1, "the last freed first");
        // Freed in another order than taken: slots 1, 2, 0.
        for slot in [1, 2, 0] {
            slots.give_back(slot);
        }
        assert_eq!(slots.in_use(), 0);
        let again: Vec<u32> = (0..3).map(|_| slots.take()).collect();
        assert_eq!(again, [0, 1, 2]);
    }
}
