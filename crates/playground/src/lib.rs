//! The futures playground's wasm module: the program and its checks, the
//! code of each lane's panel, the Rust lane (the presets' `run()`s compiled,
//! or the program as composed futures, on our runtime), and what the page
//! calls.
//!
//! Its parts, in reading order (a module uses only those above it):
//!
//! | module | what it is |
//! |---|---|
//! | [`program`] | the scenario (a tree of steps) and a step's path in it, its limits and checks, the presets, what the page's controls may do to a program, share-link fragments, numbers as JS prints them |
//! | [`render`] | each lane's panel for a program: Callbacks, Promises (`.then` or `await`), Rust; each step's first line |
//! | [`parse`] | the Rust panel's text back into a program (lexer, grammar, checks), and timings written into a text (feature `text`) |
//! | [`trace`] | the trace format: what a lane's run records, event by event, as the page receives and exports it |
//! | [`rust_lane`] | what the Rust lane runs: a special preset's own `async fn`, a preset's compiled `run()` (generated `rust_lane/preset_panels.rs`), or composed futures; its `state` events and the steps its trace names; the same compiled `run()`s on `spawn_local` (generated `rust_lane/spawn_local_panels.rs`) and that lane's trace |
//! | [`state_machine`] | the enum rustc makes of the panel's `run()`, and its size where known |
//! | `lane_api`, `text_api`, `spawn_local_api`, `js_value` | the wasm exports the page calls (those of the first run, those of the program's text, and the spawn_local lane's, built as three modules by the features `page`, `text` and `spawn-local`), and the bounded reader of what JS passes in (wasm32 only) |
//!
//! `docs/architecture.md` has the data flow and the checklists to add a
//! preset, a step kind or a lane.

// The workspace only denies unsafe code (the runtime's waker needs some);
// here there is none, and none may come in.
#![forbid(unsafe_code)]

#[cfg(feature = "text")]
pub mod parse;
pub mod program;
pub mod render;
pub mod rust_lane;
pub mod state_machine;
pub mod trace;

#[cfg(target_arch = "wasm32")]
mod js_value;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
mod lane_api;
#[cfg(all(target_arch = "wasm32", feature = "spawn-local"))]
mod spawn_local_api;
#[cfg(all(target_arch = "wasm32", feature = "text"))]
mod text_api;
