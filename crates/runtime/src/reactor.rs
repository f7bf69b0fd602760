//! The reactor: every timer in one queue (`timer_queue.rs`) and one host
//! timeout, armed for the earliest deadline, as tokio's time driver sleeps once
//! for its whole wheel. When the timeout fires, the executor expires what is
//! due ([`Reactor::pop_due`]) and wakes each timer's task.
//!
//! Changes made during a runtime callback (a poll adds or cancels timers) are
//! gathered and the timeout re-armed once, when the callback ends.

use std::cell::{Cell, RefCell};
use std::task::Waker;

use crate::host::{Host, MAX_TIMEOUT_MS};
use crate::timer_queue::{Expired, TimerId, TimerQueue};
use crate::trace::Event;

#[derive(Default)]
pub(crate) struct Reactor {
    timers: RefCell<TimerQueue>,
    /// The deadline the host timeout is armed for, if one is armed.
    armed_for: Cell<Option<f64>>,
    /// Timers changed since the timeout was last armed.
    changed: Cell<bool>,
}

impl Reactor {
    /// Registers a timer due at `deadline` that wakes `waker`; returns its id
    /// and its number in traces.
    pub(crate) fn add(&self, deadline: f64, waker: &Waker) -> (TimerId, u32) {
        self.changed.set(true);
        self.timers.borrow_mut().insert(deadline, waker.clone())
    }

    /// A number for a timer that is never registered (see
    /// [`TimerQueue::number`]).
    pub(crate) fn number(&self) -> u32 {
        self.timers.borrow_mut().number()
    }

    /// Whether the timer fired; if not, `waker` is the one it will wake.
    pub(crate) fn poll_fired(&self, id: TimerId, waker: &Waker) -> bool {
        self.timers.borrow_mut().poll_fired(id, waker)
    }

    /// Frees a timer. If it had not fired (a cancellation), returns its
    /// number and its waker, for the caller to drop with no borrow held.
    pub(crate) fn remove(&self, id: TimerId) -> Option<(u32, Waker)> {
        let cancelled = self.timers.borrow_mut().remove(id)?;
        self.changed.set(true);
        Some(cancelled)
    }

    /// The host timeout fired: nothing is armed now.
    pub(crate) fn timeout_fired(&self) {
        self.armed_for.set(None);
        self.changed.set(true);
    }

    /// Expires the earliest timer if it is due at `now` (one at a time, so
    /// that no borrow is held while its waker runs).
    pub(crate) fn pop_due(&self, now: f64) -> Option<Expired> {
        self.timers.borrow_mut().pop_due(now)
    }

    /// Whether timers changed since the timeout was last armed.
    pub(crate) fn changed(&self) -> bool {
        self.changed.get()
    }

    /// Arms the host timeout for the earliest deadline, if that changed;
    /// returns what it did, for the trace.
    pub(crate) fn rearm(&self, host: &dyn Host) -> Option<Event> {
        self.changed.set(false);
        let earliest = self.timers.borrow_mut().earliest();
        if earliest == self.armed_for.get() {
            return None;
        }
        self.armed_for.set(earliest);
        Some(match earliest {
            Some(deadline) => {
                // From the host's clock now, not the callback's start: the
                // batch that changed the timers took time too.
                let delay = (deadline - host.now()).clamp(0.0, MAX_TIMEOUT_MS);
                host.arm(delay);
                Event::ReactorArm { deadline, delay }
            }
            None => {
                host.disarm();
                Event::ReactorClear
            }
        })
    }

    /// Timers registered and neither fired nor cancelled.
    pub(crate) fn pending(&self) -> usize {
        self.timers.borrow().pending()
    }

    /// Numbers the next timer 1 again (after a shutdown).
    pub(crate) fn restart_numbering(&self) {
        self.timers.borrow_mut().restart_numbering();
    }
}
