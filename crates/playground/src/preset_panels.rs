// Written by tests/state_machine.rs (UPDATE_PANELS=1): every preset's Rust
// panel compiled, and the size of its run()'s future as rustc lays it out
// (made, never polled). The Rust lane runs these (src/compiled.rs): a
// preset's program, or any with its shape, runs the panel's code line for
// line, each sleep, log and block reading its value from the scenario
// (`crate::compiled::sleep::<0>()` is the panel's first leaf). The special
// presets' panels are as the page shows them (their lane runs
// src/special.rs; tests/compiled_panels.rs runs these `case()`s).
// Interop's (wasm32 only: it awaits a JS Promise) is written without its
// `inline_js`, so the page needs no JS snippet; the future's type does
// not depend on where the JS function comes from.

pub mod sequential {
use runtime::prelude::*;

async fn run() {
    crate::compiled::sleep::<0>().await; // Timer 1
    crate::compiled::sleep::<1>().await; // Timer 2
    crate::compiled::sleep::<2>().await; // Timer 3
    crate::compiled::log::<3>();
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn program() -> impl std::future::Future<Output = ()> {
    run()
}
}

pub mod join {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        crate::compiled::sleep::<0>(), // Timer 1
        crate::compiled::sleep::<1>(), // Timer 2
        crate::compiled::sleep::<2>(), // Timer 3
    );
    crate::compiled::log::<3>();
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn program() -> impl std::future::Future<Output = ()> {
    run()
}
}

pub mod race {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = crate::compiled::sleep::<0>() => {} // Timer 1
        _ = crate::compiled::sleep::<1>() => {} // Timer 2
        _ = crate::compiled::sleep::<2>() => {} // Timer 3
    }
    crate::compiled::log::<3>();
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn program() -> impl std::future::Future<Output = ()> {
    run()
}
}

pub mod lazy {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        crate::compiled::sleep::<0>().await; // Timer 1
    };
    let f2 = async {
        crate::compiled::sleep::<1>().await; // Timer 2
    };
    let f3 = async {
        crate::compiled::sleep::<2>().await; // Timer 3
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    crate::compiled::log::<3>();
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn program() -> impl std::future::Future<Output = ()> {
    run()
}
}

pub mod early_sleep {
use runtime::prelude::*;

async fn run() {
    let f1 = crate::compiled::sleep::<0>(); // Timer 1
    let f2 = crate::compiled::sleep::<1>(); // Timer 2
    let f3 = crate::compiled::sleep::<2>(); // Timer 3
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    crate::compiled::log::<3>();
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn program() -> impl std::future::Future<Output = ()> {
    run()
}
}

pub mod blocking {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        crate::compiled::sleep::<0>(), // Timer 1
        crate::compiled::sleep::<1>(), // Timer 2
        async { crate::compiled::block::<2>() },
    );
    crate::compiled::sleep::<3>().await; // Timer 3
    crate::compiled::log::<4>();
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn program() -> impl std::future::Future<Output = ()> {
    run()
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

/// Spawns the compiled `run()` of preset `id` (not a special one) through
/// `spawner`; gives `spawner` back if there is none.
pub fn spawn<S: crate::lane::Spawner>(id: &str, spawner: S) -> Result<(), S> {
    match id {
        "sequential" => spawner.spawn(sequential::program()),
        "join" => spawner.spawn(join::program()),
        "race" => spawner.spawn(race::program()),
        "lazy" => spawner.spawn(lazy::program()),
        "early-sleep" => spawner.spawn(early_sleep::program()),
        "blocking" => spawner.spawn(blocking::program()),
        _ => return Err(spawner),
    }
    Ok(())
}

/// The special presets' `run()`, by module name, to run.
pub const CASES: &[(&str, fn() -> runtime::macros::BoxedFuture<'static, ()>)] = &[
    ("lost_wake", lost_wake::case),
    ("self_ref", self_ref::case),
    #[cfg(target_arch = "wasm32")]
    ("interop", interop::case),
];
