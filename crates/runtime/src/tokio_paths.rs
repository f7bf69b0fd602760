//! tokio's paths for what this runtime has, so a program written against
//! tokio runs here once its `tokio::` paths become `runtime::`, except where
//! the right column says otherwise:
//!
//! | tokio | here |
//! |---|---|
//! | `use tokio::time::{sleep, Duration};` | `use runtime::time::{sleep, Duration};` |
//! | `use tokio::task::{self, yield_now};` | `use runtime::task::{self, yield_now};` |
//! | `tokio::spawn(fut)`, `tokio::task::spawn(fut)` | `runtime::spawn(fut)`, `runtime::task::spawn(fut)` |
//! | `tokio::join!(a, b)` | `runtime::join!(a, b)` (a `Vec` of the outputs, where tokio's is a tuple) |
//! | `tokio::select! { biased; … }` | `runtime::select! { biased; … }` (the `biased` form only, arms `_ = fut => { … }`) |
//!
//! What differs underneath is said where each is defined: one thread, one
//! browser timeout for every timer, a trace of everything. What tokio has
//! and this runtime does not (`#[tokio::main]`, `time::interval`,
//! `spawn_blocking`, channels, I/O) has no path here.

/// Time, as `tokio::time`: [`sleep`] takes a [`Duration`], and the `Sleep`
/// it returns fixes its deadline when made, as tokio's does (inside a task;
/// made outside one, at its first poll).
pub mod time {
    pub use crate::sleep::{sleep, Sleep};
    pub use std::time::Duration;
}

/// Tasks, as `tokio::task`: [`spawn`] from inside a task, [`JoinHandle`]
/// (awaiting it gives `Result<T, JoinError>`, as tokio's does), and
/// [`yield_now`].
pub mod task {
    pub use crate::context::spawn;
    pub use crate::join_handle::{JoinError, JoinHandle};
    pub use crate::yield_now::{yield_now, YieldNow};
}
