//! The compiled presets' leaf calls on the second prelude,
//! `spawn_local_lane::prelude` (wasm-bindgen-futures' `spawn_local` and
//! gloo-timers): the same calls as [`super::compiled`]'s, reading the same
//! scenario, for the panels in `spawn_local_panels.rs`. Only what differs
//! is here: the sleep (gloo's, which sets its browser timer when it is
//! made), the log, the block, the spawn and its handle. `call`, `times` and
//! `yield_now` are the runtime's own, plain futures on either executor.
//!
//! And the same prelude for the composed futures that run a program of any
//! other shape ([`SpawnLocalPrelude`], for [`super::machine::Machine`]).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use spawn_local_lane::prelude::{self, JoinHandle, Sleep};
use spawn_local_lane::record;

use super::compiled::{
    block_ms_of, check_handle, in_scenario, log_text_of, name_timer, sleep_ms_of, InScenario,
    Waited,
};
pub use super::compiled::{call, times, yield_now};
use super::prelude::LanePrelude;

/// gloo's sleep of `ms`, and the number of the browser timer it set (gloo
/// sets it now, and the host tells the lane its number; without a host, as
/// in the crate's own tests, there is none).
fn timed_sleep(ms: u32) -> (Sleep, Option<u32>) {
    let before = record::last_timer();
    let sleep = prelude::sleep_ms(ms);
    let after = record::last_timer();
    (sleep, after.filter(|_| after != before))
}

/// The panel's `sleep_ms(ms)` for the scenario's leaf `K`: gloo sets the
/// browser timer now.
pub fn sleep<const K: usize>() -> Waited<K, Sleep> {
    let (sleep, timer) = timed_sleep(sleep_ms_of(K));
    if let Some(timer) = timer {
        name_timer(K, timer);
    }
    Waited { future: sleep }
}

/// The panel's `log("…")` for the scenario's leaf `K`.
pub fn log<const K: usize>() {
    prelude::log(log_text_of(K));
}

/// The panel's `block_ms(ms)` for the scenario's leaf `K`.
pub fn block<const K: usize>() {
    prelude::block_ms(block_ms_of(K));
}

/// The panel's `spawn(async { … })`: `spawn_local`, with the task's polls
/// reading the running scenario.
pub fn spawn<F: Future<Output = ()> + 'static>(future: F) -> JoinHandle<()> {
    prelude::spawn::<InScenario<F>>(in_scenario(future))
}

/// The panel's `h.await` for the scenario's leaf `K`.
pub fn handle<const K: usize>(handle: JoinHandle<()>) -> Waited<K, JoinHandle<()>> {
    check_handle(K);
    Waited { future: handle }
}

/// spawn_local's and gloo-timers' prelude, for the composed futures.
pub struct SpawnLocalPrelude;

/// gloo's sleep, with the number of the browser timer it set.
#[derive(Debug)]
pub struct TimedSleep {
    sleep: Sleep,
    timer: Option<u32>,
}

impl Future for TimedSleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        Pin::new(&mut self.get_mut().sleep).poll(cx)
    }
}

impl LanePrelude for SpawnLocalPrelude {
    type Sleep = TimedSleep;
    type Handle = JoinHandle<()>;

    fn sleep_ms(ms: u32) -> TimedSleep {
        let (sleep, timer) = timed_sleep(ms);
        TimedSleep { sleep, timer }
    }

    fn timer(sleep: &TimedSleep) -> Option<u32> {
        sleep.timer
    }

    fn log(text: &str) {
        prelude::log(text);
    }

    fn block_ms(ms: u32) {
        prelude::block_ms(ms);
    }

    fn spawn<F: Future<Output = ()> + 'static>(future: F) -> JoinHandle<()> {
        prelude::spawn(future)
    }

    fn address(name: &'static str, addr: usize) {
        prelude::address(name, addr);
    }

    fn abort(handle: &JoinHandle<()>) {
        handle.abort();
    }
}
