//! The futures playground's wasm module: the scenario model and its validation,
//! the presets, the Rust lane (the scenario as hand-written futures on our
//! runtime), and what the page calls.

// The workspace only denies unsafe code (the runtime's waker needs some);
// here there is none, and none may come in.
#![forbid(unsafe_code)]

#[macro_use]
mod text;

pub mod fragment;
pub mod machine;
pub mod presets;
pub mod render;
pub mod scenario;
pub mod special;
pub mod validate;
pub mod value;

/// The allocator: talc instead of std's dlmalloc, a few KB smaller in the
/// module. Single-threaded wasm only, which is what the page runs.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod js_value;
#[cfg(target_arch = "wasm32")]
mod lane_api;
#[cfg(target_arch = "wasm32")]
mod trace_js;
