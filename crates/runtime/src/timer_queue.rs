//! The reactor's timer queue: every timer of the runtime in one Rust queue
//! (a binary heap of deadlines over a slab of timers), so the host needs just
//! one timeout, for the earliest deadline. Arming it is the reactor's part
//! (`reactor.rs`); this file only keeps the queue.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::task::Waker;

use crate::free_slots::FreeSlots;

/// A timer slot and the generation of the timer that held it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TimerId {
    index: u32,
    generation: u32,
}

enum TimerState {
    Vacant,
    Pending {
        serial: u32,
        waker: Waker,
    },
    /// Expired; the `Sleep` has not seen it yet.
    Fired,
}

struct Slot {
    generation: u32,
    state: TimerState,
}

/// A queue entry. Removing a timer leaves its entry behind; entries whose slot
/// no longer holds that pending timer are skipped when they reach the top.
struct Entry {
    deadline: f64,
    /// Registration order: equal deadlines fire first-in, first-out.
    order: u64,
    id: TimerId,
}

impl Ord for Entry {
    // Reversed, so that `BinaryHeap` (a max-heap) yields the earliest first.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .deadline
            .total_cmp(&self.deadline)
            .then(other.order.cmp(&self.order))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

/// A timer that just expired.
pub(crate) struct Expired {
    pub(crate) serial: u32,
    pub(crate) deadline: f64,
    pub(crate) waker: Waker,
}

#[derive(Default)]
pub(crate) struct TimerQueue {
    slots: Vec<Slot>,
    /// The vacant slots. (A slot's generation moves on when it is freed, so
    /// a stale id never finds the timer that reuses it.)
    free: FreeSlots,
    queue: BinaryHeap<Entry>,
    next_order: u64,
    next_serial: u32,
    pending: usize,
}

impl TimerQueue {
    /// The next number in traces, for a timer that is never inserted (a
    /// `Sleep` already past its deadline at its first poll).
    pub(crate) fn number(&mut self) -> u32 {
        self.next_serial += 1;
        self.next_serial
    }

    /// Adds a pending timer; returns its id and its number in traces.
    pub(crate) fn insert(&mut self, deadline: f64, waker: Waker) -> (TimerId, u32) {
        let serial = self.number();
        let index = self.free.take();
        if index as usize == self.slots.len() {
            self.slots.push(Slot {
                generation: 0,
                state: TimerState::Vacant,
            });
        }
        let slot = &mut self.slots[index as usize];
        slot.state = TimerState::Pending { serial, waker };
        let id = TimerId {
            index,
            generation: slot.generation,
        };
        self.next_order += 1;
        self.queue.push(Entry {
            deadline,
            order: self.next_order,
            id,
        });
        self.pending += 1;
        (id, serial)
    }

    fn slot(&mut self, id: TimerId) -> Option<&mut Slot> {
        self.slots
            .get_mut(id.index as usize)
            .filter(|slot| slot.generation == id.generation)
    }

    /// Whether the timer has expired. While pending, keeps `waker` as the one to
    /// wake, cloning it only if it would wake a different task.
    pub(crate) fn poll_fired(&mut self, id: TimerId, waker: &Waker) -> bool {
        match self.slot(id).map(|slot| &mut slot.state) {
            Some(TimerState::Pending { waker: stored, .. }) => {
                if !stored.will_wake(waker) {
                    stored.clone_from(waker);
                }
                false
            }
            Some(TimerState::Fired) => true,
            Some(TimerState::Vacant) | None => false,
        }
    }

    /// Frees the timer's slot. Returns the serial if it was still pending (a
    /// cancellation), with its waker so the caller can drop it outside any borrow.
    pub(crate) fn remove(&mut self, id: TimerId) -> Option<(u32, Waker)> {
        let slot = self.slot(id)?;
        let state = std::mem::replace(&mut slot.state, TimerState::Vacant);
        slot.generation = slot.generation.wrapping_add(1);
        self.free.give_back(id.index);
        let cancelled = match state {
            TimerState::Pending { serial, waker, .. } => {
                self.pending -= 1;
                Some((serial, waker))
            }
            TimerState::Fired | TimerState::Vacant => None,
        };
        // Cancelled entries are skipped lazily; if they pile up below the top
        // (timers cancelled while earlier ones stay pending), sweep them out.
        if self.queue.len() > 2 * self.pending + 64 {
            let slots = &self.slots;
            self.queue.retain(|entry| is_live(slots, entry));
        }
        cancelled
    }

    /// The earliest pending deadline, dropping stale entries on the way.
    pub(crate) fn earliest(&mut self) -> Option<f64> {
        while let Some(top) = self.queue.peek() {
            if is_live(&self.slots, top) {
                return Some(top.deadline);
            }
            self.queue.pop();
        }
        None
    }

    /// Expires the earliest timer if it is due at `now`.
    pub(crate) fn pop_due(&mut self, now: f64) -> Option<Expired> {
        let deadline = self.earliest()?;
        if deadline > now {
            return None;
        }
        let entry = self.queue.pop()?;
        let slot = &mut self.slots[entry.id.index as usize];
        match std::mem::replace(&mut slot.state, TimerState::Fired) {
            TimerState::Pending { serial, waker, .. } => {
                self.pending -= 1;
                Some(Expired {
                    serial,
                    deadline,
                    waker,
                })
            }
            // `earliest` checked the entry is live.
            _ => unreachable!("a live queue entry points at a pending timer"),
        }
    }

    /// Numbers the next timer 1 again.
    pub(crate) fn restart_numbering(&mut self) {
        self.next_serial = 0;
    }

    pub(crate) fn pending(&self) -> usize {
        self.pending
    }
}

fn is_live(slots: &[Slot], entry: &Entry) -> bool {
    let slot = &slots[entry.id.index as usize];
    slot.generation == entry.id.generation && matches!(slot.state, TimerState::Pending { .. })
}

#[cfg(test)]
mod tests {
    use super::TimerQueue;
    use std::task::Waker;

    fn queue_of(deadlines: &[f64]) -> (TimerQueue, Vec<super::TimerId>) {
        let mut queue = TimerQueue::default();
        let ids = deadlines
            .iter()
            .map(|&d| queue.insert(d, Waker::noop().clone()).0)
            .collect();
        (queue, ids)
    }

    /// The serials `pop_due(now)` expires, in order.
    fn expire(queue: &mut TimerQueue, now: f64) -> Vec<u32> {
        std::iter::from_fn(|| queue.pop_due(now).map(|e| e.serial)).collect()
    }

    #[test]
    fn timers_expire_by_deadline_then_in_the_order_set() {
        let (mut queue, _) = queue_of(&[30.0, 10.0, 20.0, 10.0]);
        assert_eq!(queue.earliest(), Some(10.0));
        assert_eq!(expire(&mut queue, 9.0), [] as [u32; 0]);
        assert_eq!(expire(&mut queue, 20.0), [2, 4, 3]); // ties: first set, first out
        assert_eq!(queue.pending(), 1);
        assert_eq!(expire(&mut queue, 1e9), [1]);
        assert_eq!(queue.earliest(), None);
    }

    #[test]
    fn a_removed_timer_never_expires_and_its_slot_is_reused_safely() {
        let (mut queue, ids) = queue_of(&[10.0, 20.0]);
        assert_eq!(queue.remove(ids[0]).map(|(serial, _)| serial), Some(1));
        assert!(queue.remove(ids[0]).is_none(), "removed once");
        assert_eq!(queue.earliest(), Some(20.0));
        // The slot is reused by a new timer; the old id must not reach it.
        let (new, serial) = queue.insert(5.0, Waker::noop().clone());
        assert_eq!(serial, 3);
        assert_ne!(new, ids[0]);
        assert!(queue.remove(ids[0]).is_none(), "a stale id finds nothing");
        assert!(!queue.poll_fired(ids[0], Waker::noop()));
        assert_eq!(expire(&mut queue, 30.0), [3, 2]);
        assert!(queue.poll_fired(new, Waker::noop()), "fired, until removed");
        assert!(
            queue.remove(new).is_none(),
            "a fired timer is no cancellation"
        );
    }

    #[test]
    fn cancelled_entries_are_swept_once_they_outnumber_the_live_ones() {
        // Removal leaves the heap entry behind (cheap); past twice the live
        // timers plus 64, one sweep drops every dead entry.
        let deadlines: Vec<f64> = (0..300).map(f64::from).collect();
        let (mut queue, ids) = queue_of(&deadlines);
        for id in &ids[..250] {
            queue.remove(*id);
            let (entries, live) = (queue.queue.len(), queue.pending());
            assert!(
                entries <= 2 * live + 64,
                "{entries} entries for {live} timers"
            );
        }
        // The sweep ran when 117 were live (300 > 2 × 117 + 64); 67 more
        // were removed since.
        assert_eq!((queue.queue.len(), queue.pending()), (117, 50));
        assert_eq!(queue.earliest(), Some(250.0));
        assert_eq!(expire(&mut queue, 1e9), (251..=300).collect::<Vec<u32>>());
    }

    #[test]
    fn an_emptied_queue_hands_out_its_slots_in_order_again() {
        let (mut queue, ids) = queue_of(&[30.0, 10.0, 20.0]);
        let _ = expire(&mut queue, 1e9);
        // Freed in the order they fired: slots 1, 2, 0.
        for id in [ids[1], ids[2], ids[0]] {
            queue.remove(id);
        }
        let slots: Vec<u32> = (0..3)
            .map(|_| queue.insert(40.0, Waker::noop().clone()).0.index)
            .collect();
        assert_eq!(slots, [0, 1, 2]);
        // A stale id still finds nothing: the slots' generations moved on.
        assert!(queue.remove(ids[0]).is_none());
    }
}
