// Written by tests/state_machine.rs (UPDATE_PANELS=1): every preset's Rust
// panel as the page shows it, and the size of its run()'s future, as
// rustc lays it out (made, never polled), and a `case()` that runs it
// (tests/compiled_panels.rs). Interop's panel (wasm32 only:
// it awaits a JS Promise) is written without its `inline_js`, so the page
// needs no JS snippet; the future's type does not depend on where the
// JS function comes from.

pub mod sequential {
use runtime::prelude::*;

async fn run() {
    sleep_ms(200).await; // Timer 1
    sleep_ms(100).await; // Timer 2
    sleep_ms(50).await; // Timer 3
    log("I'm the last one");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod join {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(200), // Timer 1
        sleep_ms(100), // Timer 2
        sleep_ms(50), // Timer 3
    );
    log("All three are done");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod race {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(200) => {} // Timer 1
        _ = sleep_ms(100) => {} // Timer 2
        _ = sleep_ms(50) => {} // Timer 3
    }
    log("The fastest won");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod lazy {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        sleep_ms(200).await; // Timer 1
    };
    let f2 = async {
        sleep_ms(100).await; // Timer 2
    };
    let f3 = async {
        sleep_ms(50).await; // Timer 3
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    log("Done awaiting");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod early_sleep {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(200); // Timer 1
    let f2 = sleep_ms(100); // Timer 2
    let f3 = sleep_ms(50); // Timer 3
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    log("Done awaiting");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod blocking {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(50), // Timer 1
        sleep_ms(80), // Timer 2
        async { block_ms(100) },
    );
    sleep_ms(20).await; // Timer 3
    log("Done");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod lost_wake {
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use runtime::prelude::*;

struct LostWake(Sleep);

impl Future for LostWake {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let mut nobody = Context::from_waker(Waker::noop()); // BUG: a waker that wakes nobody
        Pin::new(&mut self.0).poll(&mut nobody) // fix: .poll(cx), so the timer wakes this task
    }
}

async fn run() {
    LostWake(sleep_ms(100)).await; // Pending for ever: nothing holds this task's waker
    log("Never logged");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod self_ref {
use runtime::prelude::*;

async fn run() { // the notes' generator
    let s = String::from("foo");
    let borrowed = &s; // points into this future
    sleep_ms(100).await; // s and borrowed wait inside the future
    log(borrowed); // still valid: the pinned future never moved
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

#[cfg(target_arch = "wasm32")]
pub mod interop {
use runtime::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    fn timer(ms: u32) -> js_sys::Promise;
}

async fn run() {
    let promise = timer(100); // a JS Promise, on a JS timer
    let _ = JsFuture::from(promise).await; // woken by the promise; Ok, as it resolves
    log("The promise resolved");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

/// `size_of_val(&run())` for a preset's panel, by preset id.
pub fn size_of_run(id: &str) -> Option<usize> {
    match id {
        "sequential" => Some(sequential::size()),
        "join" => Some(join::size()),
        "race" => Some(race::size()),
        "lazy" => Some(lazy::size()),
        "early-sleep" => Some(early_sleep::size()),
        "blocking" => Some(blocking::size()),
        "lost-wake" => Some(lost_wake::size()),
        "self-ref" => Some(self_ref::size()),
        #[cfg(target_arch = "wasm32")]
        "interop" => Some(interop::size()),
        _ => None,
    }
}

/// Each preset's `run()`, by module name, to run.
pub const CASES: &[(&str, fn() -> runtime::macros::BoxedFuture<'static, ()>)] = &[
    ("sequential", sequential::case),
    ("join", join::case),
    ("race", race::case),
    ("lazy", lazy::case),
    ("early_sleep", early_sleep::case),
    ("blocking", blocking::case),
    ("lost_wake", lost_wake::case),
    ("self_ref", self_ref::case),
    #[cfg(target_arch = "wasm32")]
    ("interop", interop::case),
];
