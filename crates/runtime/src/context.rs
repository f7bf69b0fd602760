//! The runtime whose tasks are being polled right now, so that `Sleep`, `spawn`,
//! `log` and the combinators can find it without being handed it (as `async fn`
//! bodies cannot be), and the functions that use it.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use crate::executor::Executor;
use crate::join_handle::JoinHandle;
use crate::trace::MachineState;

thread_local! {
    static CURRENT: Cell<Option<Rc<Executor>>> = const { Cell::new(None) };
}

/// Makes `executor` current until the guard is dropped; restores the previous
/// one, so runtimes may nest.
pub(crate) struct Enter {
    previous: Option<Rc<Executor>>,
}

pub(crate) fn enter(executor: &Rc<Executor>) -> Enter {
    let previous = CURRENT.with(|c| c.replace(Some(executor.clone())));
    Enter { previous }
}

impl Drop for Enter {
    fn drop(&mut self) {
        let previous = self.previous.take();
        // Take the old value out before dropping it: dropping an `Rc<Executor>`
        // must not happen while the cell is being written.
        let ours = CURRENT.with(|c| c.replace(previous));
        drop(ours);
    }
}

/// The current runtime, if a task of one is being polled.
pub(crate) fn current() -> Option<Rc<Executor>> {
    CURRENT.with(|c| {
        let executor = c.take();
        let copy = executor.clone();
        c.set(executor);
        copy
    })
}

/// Spawns a task on the runtime whose task is being polled.
///
/// # Panics
/// Outside a task of a [`Runtime`](crate::Runtime); use
/// [`Runtime::spawn`](crate::Runtime::spawn) there.
pub fn spawn<F>(future: F) -> JoinHandle<F::Output>
where
    F: Future + 'static,
    F::Output: 'static,
{
    current()
        .expect("runtime::spawn called outside a task; use Runtime::spawn")
        .spawn(future)
}

/// Records a `state` event (a hand-written future's state-machine variant,
/// such as `Suspend1` at line 5) in the trace of the runtime whose task is
/// being polled (does nothing outside a task).
pub fn state(state: MachineState) {
    if let Some(runtime) = current() {
        runtime.state(state);
    }
}

/// Records an `address` event: where something of the polled task lives, or
/// where a reference points, e.g. `address("s", &s as *const String as usize)`.
/// Only the number is recorded; nothing is dereferenced.
pub fn address(name: &'static str, addr: usize) {
    if let Some(runtime) = current() {
        runtime.address(name, addr);
    }
}

/// Keeps the thread busy for `ms` milliseconds, as CPU-bound work inside a
/// poll would: no other task, timer callback or painting runs meanwhile, so
/// every timer due in that time fires late. On a virtual clock the time moves
/// by exactly `ms`. Recorded as a `block` event; does nothing outside a task.
/// (In an async runtime, such work belongs on another thread:
/// `tokio::task::spawn_blocking`, or a Web Worker in the browser.)
pub fn block_ms(ms: u32) {
    if let Some(runtime) = current() {
        runtime.block(f64::from(ms));
    }
}

/// Records a `log` event in the trace of the runtime whose task is being
/// polled (does nothing outside a task). Takes a `&str` or a `String`, so
/// `log(format!("round {i}"))` reads as it does with `println!`.
pub fn log(text: impl AsRef<str>) {
    if let Some(runtime) = current() {
        runtime.log(text.as_ref());
    }
}
