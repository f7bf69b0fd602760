//! What the composed futures ([`super::machine`]) call for a program's
//! leaves, on either executor: the runtime's prelude ([`RuntimePrelude`],
//! the Rust lane) or spawn_local's and gloo-timers' (`on_spawn_local`'s
//! `SpawnLocalPrelude`, the lane "Rust on spawn_local"). The combinators
//! (`join`, `select`, `yield_now`) are the runtime's plain futures, which run
//! on either.

use std::future::Future;

use runtime::JoinError;

/// The leaves of a program, as one executor's prelude has them.
pub trait LanePrelude: 'static {
    /// A sleep's future.
    type Sleep: Future<Output = ()> + Unpin;
    /// A spawned task's handle: its output, or why there is none.
    type Handle: Future<Output = Result<(), JoinError>> + Unpin;

    /// `sleep_ms(ms)`.
    fn sleep_ms(ms: u32) -> Self::Sleep;
    /// The number (in the lane's trace) of the timer `sleep` set, once it set
    /// one: our `Sleep` at its first poll, gloo's when it is made.
    fn timer(sleep: &Self::Sleep) -> Option<u32>;
    /// `log(text)`.
    fn log(text: &str);
    /// `block_ms(ms)`.
    fn block_ms(ms: u32);
    /// `spawn(future)`: a task of its own. Dropping the handle detaches it.
    fn spawn<F: Future<Output = ()> + 'static>(future: F) -> Self::Handle;
    /// Notes where `name` lives (or points) in the task being polled.
    fn address(name: &'static str, addr: usize);
    /// `h.abort()`: our runtime drops the task's future now; spawn_local
    /// wakes the task, which drops it at its next poll.
    fn abort(handle: &Self::Handle);
}

/// The runtime's prelude: the Rust lane's.
pub struct RuntimePrelude;

impl LanePrelude for RuntimePrelude {
    type Sleep = runtime::Sleep;
    type Handle = runtime::JoinHandle<()>;

    fn sleep_ms(ms: u32) -> runtime::Sleep {
        runtime::sleep_ms(ms)
    }

    fn timer(sleep: &runtime::Sleep) -> Option<u32> {
        sleep.timer()
    }

    fn log(text: &str) {
        runtime::log(text);
    }

    fn block_ms(ms: u32) {
        runtime::block_ms(ms);
    }

    fn spawn<F: Future<Output = ()> + 'static>(future: F) -> runtime::JoinHandle<()> {
        runtime::spawn(future)
    }

    fn address(name: &'static str, addr: usize) {
        runtime::address(name, addr);
    }

    fn abort(handle: &runtime::JoinHandle<()>) {
        handle.abort();
    }
}
