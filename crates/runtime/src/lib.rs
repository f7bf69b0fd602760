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
//! Each part in its file, to read in this order: a file uses only those
//! above it and those in its own row, but for the executor's ties both ways:
//! the host calls it back through the `RuntimeRef` of `host.rs`, and it
//! makes itself the runtime being polled in `context.rs` and returns the
//! `Counters` of `runtime.rs`. (And the trace's checks take the host's
//! `MAX_TIMEOUT_MS`.)
//!
//! | file | what it is |
//! |---|---|
//! | `free_slots.rs` | which slots of the task list and the timer queue are free |
//! | `trace.rs`, `tracer.rs` | what is recorded, and the trace's checks |
//! | `task_cell.rs`, `waker.rs` | a task: its state (scheduled, running, notified, waiting, done), its future, and how a wake reschedules it; and the `Waker` that points at it (each file uses the other) |
//! | `join_handle.rs` | the handle `spawn` returns |
//! | `ready.rs` | the ready queue |
//! | `waited_tasks.rs` | the tasks that have waited, so a shutdown can drop them (the others are on the ready queue or being polled) |
//! | `time_slice.rs` | when a turn must yield to the browser |
//! | `host.rs`, `clock.rs` | the host's time and callbacks |
//! | `timer_queue.rs`, `reactor.rs` | the timers and the one host timeout |
//! | `executor.rs` | spawn, the turn (poll a batch of ready tasks) and shutdown |
//! | `context.rs` | the runtime being polled, for `spawn`, `log` and `Sleep` |
//! | `runtime.rs` | the handle a program holds |
//! | `sleep.rs`, `yield_now.rs`, `join.rs`, `select.rs`, `macros.rs` | the futures |
//! | `tokio_paths.rs` | tokio's paths (`time::sleep`, `task::spawn`…) for what the runtime has |
//! | `virtual_host.rs`, `browser_host.rs`, `global_scope.rs` | the two hosts |
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

// Every `unsafe` block says why it is sound (`// SAFETY:`), and every
// `unsafe fn` what its callers must keep (`# Safety`), private ones too
// (`check-private-items` in this crate's clippy.toml).
#![deny(clippy::undocumented_unsafe_blocks, clippy::missing_safety_doc)]

#[cfg(target_arch = "wasm32")]
mod browser_host;
mod clock;
mod context;
mod executor;
mod free_slots;
#[cfg(target_arch = "wasm32")]
mod global_scope;
mod host;
mod join;
mod join_handle;
#[doc(hidden)]
pub mod macros;
mod reactor;
mod ready;
mod runtime;
mod select;
mod sleep;
mod task_cell;
mod time_slice;
mod timer_queue;
mod tokio_paths;
mod trace;
mod tracer;
mod virtual_host;
mod waited_tasks;
mod waker;
mod yield_now;

#[cfg(target_arch = "wasm32")]
pub use browser_host::BrowserHost;
pub use context::{address, block_ms, log, spawn, state};
pub use host::{Host, RuntimeRef, MAX_TIMEOUT_MS};
pub use join::{join, join_all, Join};
pub use join_handle::{JoinError, JoinHandle};
pub use runtime::{Counters, Runtime};
pub use select::{select, select_random, Select};
pub use sleep::{sleep, sleep_ms, Sleep};
pub use time_slice::{SliceLimit, DEFAULT_BUDGET, DEFAULT_SLICE_MS};
pub use tokio_paths::{task, time};
pub use trace::{
    Combinator, Event, MachineState, Record, TimerWaker, Trace, Turn, Value, WakeOutcome,
    WakeSource,
};
pub use virtual_host::VirtualHost;
pub use yield_now::{yield_now, YieldNow};

/// What a program on this runtime uses: `use runtime::prelude::*;` is the
/// first line of every Rust panel of the playground.
pub mod prelude {
    pub use crate::{
        block_ms, join, join_all, log, select, sleep, sleep_ms, spawn, yield_now, Sleep,
    };
}

/// The README's examples, run as doctests so they stay true.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
