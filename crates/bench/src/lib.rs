//! Benchmark workloads, run in the browser by `just bench` (tools/bench.mjs):
//! each one on our runtime and on the executor people would otherwise use,
//! wasm-bindgen-futures' `spawn_local` with gloo-timers' `TimeoutFuture`.
//! Plain JS (setTimeout + Promise) runs beside them in `bench/bench.js`.
//! Every workload resolves to `{elapsed, overhead, worstLateness, completed}`.

pub mod deadlines;

#[cfg(target_arch = "wasm32")]
mod workloads;
