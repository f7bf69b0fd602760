//! The futures playground's wasm module: the scenario model and its validation,
//! the presets, the Rust lane (the presets' `run()`s compiled, or the scenario
//! as composed futures, on our runtime), and what the page calls.

// The workspace only denies unsafe code (the runtime's waker needs some);
// here there is none, and none may come in.
#![forbid(unsafe_code)]

pub mod compiled;
pub mod fragment;
pub mod lane;
pub mod machine;
pub mod number;
pub mod parse;
/// Every preset's Rust panel compiled (written by tests/state_machine.rs):
/// the page shows their sizes, and the Rust lane runs those of every preset
/// but the special ones ([`compiled`]).
#[doc(hidden)]
#[rustfmt::skip]
#[allow(clippy::all, dead_code, unused_imports, missing_docs)]
pub mod preset_panels;
pub mod presets;
pub mod render;
pub mod scenario;
pub mod special;
pub mod state_machine;
pub mod suspension;
pub mod trace_events;
pub mod validate;
pub mod value;

#[cfg(target_arch = "wasm32")]
mod js_value;
#[cfg(target_arch = "wasm32")]
mod lane_api;
