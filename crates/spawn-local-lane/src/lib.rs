//! The Rust lane's programs on the executor most Rust in a browser runs on:
//! `wasm_bindgen_futures::spawn_local`, with `gloo_timers`' sleeps
//! (issue 27, "Two executors, one program"): the lane "Rust on spawn_local".
//! A program written against `runtime::prelude` (and `runtime::time`,
//! `runtime::println!`) compiles against [`prelude`] (and [`time`],
//! [`println!`]) unchanged: only its `use` lines differ.
//!
//! That executor's insides cannot be instrumented, so what it does is
//! recorded at its edges ([`record`]): each poll of each task (a wrapper
//! future), each wake (a waker that records, then wakes the executor's),
//! each spawn, log and block. The browser timers gloo sets, clears and sees
//! fire, and the microtasks the executor queues, are calls of the global
//! `setTimeout`, `clearTimeout` and `queueMicrotask`: the host sees them and
//! tells the lane ([`record::host`]; on the page, web/lanes/spawn-local.js
//! gives the lane a realm whose globals are its own).
//!
//! Tested in a browser without a host (`tests/browser.rs`, `just
//! test-browser`), and on the page (tests/e2e/spawn-local*.spec.mjs).

pub mod prelude;
pub mod record;

/// tokio's path for the sleep, as `runtime::time` has it: a program's `use
/// runtime::time::{sleep, Duration};` is `use spawn_local_lane::time::{sleep,
/// Duration};` here.
pub mod time {
    pub use crate::prelude::{sleep, Sleep};
    pub use std::time::Duration;
}

/// Prints a line, as std's `println!`, into the lane's records: a log, as
/// `runtime::println!` is. Brought in by name, `use spawn_local_lane::println;`.
#[macro_export]
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::prelude::log(::std::format!($($arg)*))
    };
}
