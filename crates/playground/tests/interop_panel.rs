//! The interop preset's Rust panel, compiled for wasm32 (it awaits a JS
//! Promise through wasm-bindgen-futures): `just lint` builds it with clippy
//! `--all-targets --target wasm32-unknown-unknown`, and
//! tests/compiled_panels.rs proves the file is the panel the page shows.
#![cfg(target_arch = "wasm32")]

#[rustfmt::skip]
#[allow(dead_code, clippy::all)]
#[path = "panels/interop.rs"]
mod interop;
