//! The host's clock as the runtime reads it: fixed during a runtime callback
//! (a poll batch or a timeout), so every event and deadline of one callback has
//! one time, as on a virtual clock; read afresh outside one.

use std::cell::Cell;

use crate::host::Host;

pub(crate) struct Clock {
    /// The time at the start of the current callback, or at the last read.
    now: Cell<f64>,
    /// A turn was asked for from outside a callback and the time read then.
    /// Until the turn comes (at this browser task's microtask checkpoint),
    /// events outside callbacks reuse that time on a real clock: spawning
    /// tasks in a loop reads the clock once, not once per spawn (a call into
    /// JS each, which made traced runs slower; see docs/benchmarks.md,
    /// "Events outside a callback reuse the time of the turn asked for").
    reuse: Cell<bool>,
    /// The host's clock stands still during callbacks (see [`Host`]).
    is_virtual: bool,
}

impl Clock {
    pub(crate) fn new(host: &dyn Host) -> Self {
        Clock {
            now: Cell::new(host.now()),
            reuse: Cell::new(false),
            is_virtual: host.clock_is_virtual(),
        }
    }

    /// Reads the host's clock (at the start of a callback, or outside one).
    pub(crate) fn read(&self, host: &dyn Host) -> f64 {
        let now = host.now();
        self.now.set(now);
        now
    }

    /// The time: fixed during a callback, fresh outside one.
    pub(crate) fn now(&self, host: &dyn Host, in_callback: bool) -> f64 {
        if in_callback {
            self.now.get()
        } else {
            self.read(host)
        }
    }

    /// The time for an event: as [`Clock::now`], but reusing the time read
    /// when a turn was asked for, while that turn is pending.
    pub(crate) fn event_time(&self, host: &dyn Host, in_callback: bool) -> f64 {
        let reuse = self.reuse.get() && !self.is_virtual;
        self.now(host, in_callback || reuse)
    }

    /// A turn was asked for from outside a callback, just after `read`.
    pub(crate) fn turn_asked_for(&self) {
        self.reuse.set(true);
    }

    /// The turn came, or was asked for from a callback: the next event
    /// outside a callback may be in another browser task; read again.
    pub(crate) fn stop_reuse(&self) {
        self.reuse.set(false);
    }
}
