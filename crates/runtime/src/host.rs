//! The host: where time comes from and who calls the runtime back.
//!
//! The executor and reactor never touch the browser directly. They ask a [`Host`]
//! for the time, for one timeout and for turns to run in, and the host calls back
//! through a [`RuntimeRef`]. [`crate::BrowserHost`] does this with `setTimeout` and
//! `queueMicrotask`; [`crate::VirtualHost`] with a manual clock, so the same code
//! runs deterministically and instantly in tests and on the page's Virtual clock.

use std::rc::Weak;

use crate::executor::Executor;
use crate::trace::Turn;

/// The largest delay a browser's `setTimeout` takes: it converts the delay with
/// ToInt32, so anything longer would fire at once. Longer waits re-arm in chunks.
pub const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

/// What the runtime needs from its environment.
///
/// A host keeps at most one timeout: [`Host::arm`] replaces the armed one.
pub trait Host {
    /// Called once by [`crate::Runtime::new`]: the handle to call back through.
    fn connect(&self, runtime: RuntimeRef);
    /// The current time in milliseconds.
    fn now(&self) -> f64;
    /// Call [`RuntimeRef::timeout`] after `delay_ms` (0 to [`MAX_TIMEOUT_MS`]),
    /// replacing any armed timeout.
    fn arm(&self, delay_ms: f64);
    /// Cancel the armed timeout, if any.
    fn disarm(&self);
    /// Call [`RuntimeRef::turn`] once, in a turn of this kind.
    fn request_turn(&self, turn: Turn);
    /// How many host timeouts are armed right now (0 or 1).
    fn armed_timeouts(&self) -> usize;
    /// Whether a new browser task has begun since the runtime's last
    /// callback ended (see [`Host::callback_ended`]). A wake from outside
    /// the runtime's callbacks may come from a microtask of the task the
    /// runtime last ran in (a resolved promise's reaction, as a `JsFuture`
    /// gets): then the time slice goes on instead of starting again, so a
    /// task woken that way in a loop still yields. Hosts that cannot tell,
    /// and virtual clocks, say true (a new slice).
    fn new_task_began(&self) -> bool {
        true
    }
    /// A runtime callback (a turn or a timeout) ended, and no turn is
    /// pending: from now on, note when a new browser task begins, for
    /// [`Host::new_task_began`]. Done here, after the polls, rather than when
    /// a turn is asked for, so that what it costs does not delay a spawned
    /// task's first poll.
    fn callback_ended(&self) {}
    /// Keeps the thread busy for `ms` milliseconds ([`crate::block_ms`]). A
    /// busy loop on [`Host::now`]; a virtual clock moves by exactly `ms`
    /// instead.
    fn block(&self, ms: f64) {
        let end = self.now() + ms;
        while self.now() < end {
            std::hint::spin_loop();
        }
    }
    /// Whether the clock stands still during a callback (a virtual clock).
    /// Then a poll budget ([`crate::DEFAULT_BUDGET`]) bounds each browser
    /// task; on a moving clock the time slice does, with no poll budget.
    fn clock_is_virtual(&self) -> bool;
}

/// The host's way back into the runtime. It does not keep the runtime alive:
/// once the runtime is dropped, its calls do nothing.
#[derive(Clone, Debug)]
pub struct RuntimeRef(pub(crate) Weak<Executor>);

impl RuntimeRef {
    /// Run a batch of queued tasks (the turn the host was asked for).
    pub fn turn(&self, turn: Turn) {
        if let Some(inner) = self.0.upgrade() {
            inner.turn(turn);
        }
    }

    /// The armed timeout fired: expire every due timer and re-arm.
    pub fn timeout(&self) {
        if let Some(inner) = self.0.upgrade() {
            inner.timeout();
        }
    }
}
