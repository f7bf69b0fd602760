// Written by tests/compiled_panels.rs (UPDATE_PANELS=1): the interop
// preset's Rust panel exactly as the page shows it.

use runtime::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = "export function timer(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }")] // the JS panels' timer(ms)
extern "C" {
    fn timer(ms: u32) -> js_sys::Promise;
}

async fn run() {
    let promise = timer(100); // a JS Promise, on a JS timer
    let _ = JsFuture::from(promise).await; // woken by the promise; Ok, as it resolves
    log("The promise resolved");
}
