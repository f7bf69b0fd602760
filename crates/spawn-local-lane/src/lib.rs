//! The Rust lane's programs on the executor most Rust in a browser runs on:
//! `wasm_bindgen_futures::spawn_local`, with `gloo_timers`' sleeps
//! (issue 27, "Two executors, one program"). A program written against
//! `runtime::prelude` compiles against [`prelude`] unchanged: only its `use`
//! line differs.
//!
//! That executor's insides cannot be instrumented, so what it does is
//! recorded at its edges ([`record`]): each poll of each task (a wrapper
//! future), each wake (a waker that records, then wakes the executor's),
//! each spawn, log and block. The browser timers gloo sets, clears and sees
//! fire are not recorded here: they are calls of the global `setTimeout`
//! and `clearTimeout`, which the host sees (the page will give this lane a
//! realm whose timers are its own; see issue 27).
//!
//! Not on the page yet: this crate is the lane's first part, tested in a
//! browser (`tests/browser.rs`, `just test-browser`).

pub mod prelude;
pub mod record;
