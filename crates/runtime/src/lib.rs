//! A small single-threaded async runtime that shows its work.
//!
//! Three parts, as in the usual mental model of an async runtime:
//!
//! - the **executor** ([`Runtime`]) keeps spawned tasks and polls the ones that
//!   are ready, in batches;
//! - the **reactor** keeps every timer in one queue and asks the host for a
//!   single timeout, for the earliest deadline; when it fires, the reactor wakes
//!   the tasks whose timers expired;
//! - the **futures**: [`Sleep`] (a timer), [`yield_now`], [`join()`] and
//!   [`select()`], and any `async fn` built from them.
//!
//! A [`Waker`](std::task::Waker) is how a future that returned `Pending` gets
//! its task polled again: the reactor wakes it, the executor queues the task.
//! Everything that happens is recorded in a [`Trace`].
//!
//! The host supplies time and callbacks: [`BrowserHost`] (wasm32 only) uses
//! `setTimeout` and microtasks; [`VirtualHost`] is a manual clock for tests and
//! for deterministic, instant runs.
//!
//! ```
//! use runtime::{join, log, sleep_ms, Runtime, VirtualHost};
//!
//! let host = VirtualHost::new();
//! let rt = Runtime::new(host.clone());
//! let task = rt.spawn(async {
//!     sleep_ms(200).await; // poll: Pending; the reactor arms a timeout
//!     join([sleep_ms(100), sleep_ms(50)]).await; // both timers run at once
//!     log("I'm the last one");
//!     "done"
//! });
//! assert_eq!(host.run(), 300.0); // virtual milliseconds, instantly
//! assert_eq!(task.try_take(), Some("done"));
//!
//! let trace = rt.take_trace();
//! let polls = trace.lines().iter().filter(|l| l.contains("poll_start")).count();
//! assert_eq!(polls, 4); // start; after 200; after 250 (50 fired); after 300
//! assert_eq!(rt.counters(), Default::default()); // nothing left behind
//! ```

#[cfg(target_arch = "wasm32")]
mod browser_host;
mod context;
mod executor;
#[cfg(target_arch = "wasm32")]
mod global_scope;
mod host;
mod join;
mod join_handle;
#[doc(hidden)]
pub mod macros;
mod reactor;
mod ready;
mod select;
mod sleep;
mod task;
mod trace;
mod virtual_host;
mod waker;
mod yield_now;

#[cfg(target_arch = "wasm32")]
pub use browser_host::BrowserHost;
pub use executor::{Counters, Runtime, DEFAULT_BUDGET, DEFAULT_SLICE_MS};
pub use host::{Host, RuntimeRef, MAX_TIMEOUT_MS};
pub use join::{join, Join};
pub use join_handle::{JoinError, JoinHandle};
pub use select::{select, Select};
pub use sleep::{sleep, sleep_ms, Sleep};
pub use trace::{Combinator, Event, Record, Trace, Turn, Value, WakeOutcome, WakeSource};
pub use virtual_host::VirtualHost;
pub use yield_now::{yield_now, YieldNow};

use std::future::Future;

/// What a program on this runtime uses: `use runtime::prelude::*;` is the
/// first line of every Rust panel of the playground.
pub mod prelude {
    pub use crate::{join, log, select, sleep, sleep_ms, spawn, yield_now};
}

/// Spawns a task on the runtime whose task is being polled.
///
/// # Panics
/// Outside a task of a [`Runtime`]; use [`Runtime::spawn`] there.
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + 'static,
    F::Output: 'static,
{
    context::current()
        .expect("runtime::spawn called outside a task; use Runtime::spawn")
        .spawn(future)
}

/// Records a `state` event (a hand-written future's state-machine state, such
/// as "Suspend1 at line 5") in the trace of the runtime whose task is being
/// polled (does nothing outside a task).
pub fn state(text: &str) {
    if let Some(runtime) = context::current() {
        runtime.state(text);
    }
}

/// Records an `address` event: where something of the polled task lives, or
/// where a reference points, e.g. `address("s", &s as *const String as usize)`.
/// Only the number is recorded; nothing is dereferenced.
pub fn address(name: &'static str, addr: usize) {
    if let Some(runtime) = context::current() {
        runtime.address(name, addr);
    }
}

/// Records a `log` event in the trace of the runtime whose task is being
/// polled (does nothing outside a task).
pub fn log(text: &str) {
    if let Some(runtime) = context::current() {
        runtime.log(text);
    }
}

/// The README's examples, run as doctests so they stay true.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
