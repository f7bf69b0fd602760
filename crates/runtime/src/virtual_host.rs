//! `VirtualHost`: a manual clock. Time stands still while there is work, and
//! jumps to the next deadline when there is none: runs are instant, and the same
//! program gives the same trace every time.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::host::{Host, RuntimeRef, MAX_TIMEOUT_MS};
use crate::trace::Turn;

/// A host with a virtual clock, driven by [`VirtualHost::run`] or step by step.
///
/// Clones share one clock, so keep a clone to drive the runtime you gave it to.
///
/// ```
/// use runtime::{sleep_ms, Runtime, VirtualHost};
/// let host = VirtualHost::new();
/// let rt = Runtime::new(host.clone());
/// rt.spawn(async { sleep_ms(200).await; sleep_ms(100).await });
/// assert_eq!(host.run(), 300.0); // instant, and exactly 300 ms of virtual time
/// ```
#[derive(Clone, Default)]
pub struct VirtualHost {
    state: Rc<State>,
}

#[derive(Default)]
struct State {
    now: Cell<f64>,
    /// When the armed timeout calls back.
    armed_at: Cell<Option<f64>>,
    turn: Cell<Option<Turn>>,
    runtime: RefCell<Option<RuntimeRef>>,
}

impl VirtualHost {
    /// A clock at 0 ms, with nothing armed.
    pub fn new() -> Self {
        Self::default()
    }

    /// The virtual time in milliseconds.
    pub fn now(&self) -> f64 {
        self.state.now.get()
    }

    /// When the armed timeout will call back, if one is armed.
    pub fn next_timeout(&self) -> Option<f64> {
        self.state.armed_at.get()
    }

    /// Whether a turn was requested and has not run yet.
    pub fn turn_pending(&self) -> bool {
        self.state.turn.get().is_some()
    }

    fn runtime(&self) -> Option<RuntimeRef> {
        self.state.runtime.borrow().clone()
    }

    /// Runs the next host callback that is due without moving the clock:
    /// a requested microtask turn first, then a due timeout, then a yielded
    /// macrotask turn. Returns false if nothing was due.
    pub fn step(&self) -> bool {
        let Some(runtime) = self.runtime() else {
            return false;
        };
        let state = &self.state;
        if state.turn.get() == Some(Turn::Microtask) {
            state.turn.set(None);
            runtime.turn(Turn::Microtask);
        } else if state.armed_at.get().is_some_and(|at| at <= state.now.get()) {
            state.armed_at.set(None);
            runtime.timeout();
        } else if let Some(turn) = state.turn.take() {
            runtime.turn(turn);
        } else {
            return false;
        }
        true
    }

    /// Runs host callbacks until none is due without moving the clock.
    /// Returns how many ran.
    pub fn run_until_stalled(&self) -> usize {
        let mut callbacks = 0;
        while self.step() {
            callbacks += 1;
        }
        callbacks
    }

    /// Moves the clock forward to `t` (never back) without running anything.
    pub fn advance_to(&self, t: f64) {
        if t > self.state.now.get() {
            self.state.now.set(t);
        }
    }

    /// Calls the runtime's timeout at `t` whether or not it is armed for then:
    /// a browser timer that comes early, late, or twice.
    pub fn fire_timeout_at(&self, t: f64) {
        self.advance_to(t);
        self.state.armed_at.set(None);
        if let Some(runtime) = self.runtime() {
            runtime.timeout();
        }
    }

    /// Runs until there is nothing left to do: whenever everything is stalled,
    /// jumps the clock to the armed timeout. Returns the final time.
    pub fn run(&self) -> f64 {
        loop {
            self.run_until_stalled();
            match self.state.armed_at.get() {
                Some(at) => self.advance_to(at),
                None => return self.now(),
            }
        }
    }

    /// Like [`VirtualHost::run`], but gives up after `callbacks` host
    /// callbacks: `None` if the work never settles (a task that wakes itself
    /// forever, or a bug), instead of looping for ever.
    pub fn run_at_most(&self, callbacks: usize) -> Option<f64> {
        let mut ran = 0;
        loop {
            if self.step() {
                ran += 1;
                if ran >= callbacks {
                    return None;
                }
            } else if let Some(at) = self.state.armed_at.get() {
                self.advance_to(at);
            } else {
                return Some(self.now());
            }
        }
    }
}

impl Host for VirtualHost {
    fn connect(&self, runtime: RuntimeRef) {
        *self.state.runtime.borrow_mut() = Some(runtime);
    }

    fn now(&self) -> f64 {
        self.state.now.get()
    }

    fn arm(&self, delay_ms: f64) {
        // A browser would wrap a delay outside this range (see MAX_TIMEOUT_MS).
        debug_assert!(
            (0.0..=MAX_TIMEOUT_MS).contains(&delay_ms),
            "delay out of range"
        );
        self.state
            .armed_at
            .set(Some(self.state.now.get() + delay_ms));
    }

    fn disarm(&self) {
        self.state.armed_at.set(None);
    }

    fn request_turn(&self, turn: Turn) {
        assert!(
            self.state.turn.get().is_none(),
            "one turn request at a time"
        );
        self.state.turn.set(Some(turn));
    }

    fn armed_timeouts(&self) -> usize {
        usize::from(self.state.armed_at.get().is_some())
    }

    /// Time moves by exactly `ms`, and nothing runs meanwhile: a timeout due
    /// then calls back late, when the runtime is next driven.
    fn block(&self, ms: f64) {
        self.state.now.set(self.state.now.get() + ms);
    }

    fn clock_is_virtual(&self) -> bool {
        true
    }
}
