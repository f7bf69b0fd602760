//! Helpers shared by the runtime's tests: tiny futures that count, and a way
//! to read a trace as lines.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use runtime::{Runtime, VirtualHost};

/// A runtime on a fresh virtual clock.
pub fn virtual_runtime() -> (VirtualHost, Runtime) {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    (host, rt)
}

/// Spawns a detached task that waits on a new gate, and runs until it waits.
pub fn parked_task(host: &VirtualHost, rt: &Runtime) -> Gate {
    let gate = Gate::new();
    rt.spawn(gate.wait()).detach();
    host.run_until_stalled();
    gate
}

/// The trace so far, one `t kind field=value...` line per event.
pub fn lines(rt: &Runtime) -> Vec<String> {
    rt.take_trace().lines()
}

/// The lines of the trace so far that contain any of `needles`.
pub fn lines_with(rt: &Runtime, needles: &[&str]) -> Vec<String> {
    lines(rt)
        .into_iter()
        .filter(|line| needles.iter().any(|n| line.contains(n)))
        .collect()
}

/// Asserts the whole trace, showing both sides on failure.
#[track_caller]
pub fn assert_trace(rt: &Runtime, expected: &[&str]) {
    let actual = lines(rt);
    let expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    assert!(
        actual == expected,
        "trace differs\n--- actual\n{}\n--- expected\n{}",
        actual.join("\n"),
        expected.join("\n")
    );
}

/// Counts how often a future was polled and whether it was dropped.
#[derive(Clone, Default)]
pub struct Probe {
    pub polls: Rc<Cell<u32>>,
    pub dropped: Rc<Cell<bool>>,
}

/// A future that is Pending until its `Gate` is opened, and keeps the wakers it
/// was polled with, so a test can wake them by hand.
#[derive(Clone, Default)]
pub struct Gate {
    open: Rc<Cell<bool>>,
    wakers: Rc<RefCell<Vec<Waker>>>,
    probe: Probe,
}

impl Gate {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn probe(&self) -> Probe {
        self.probe.clone()
    }
    /// The waker from the last poll.
    pub fn waker(&self) -> Waker {
        self.wakers
            .borrow()
            .last()
            .cloned()
            .expect("polled at least once")
    }
    /// Wakes every task that ever waited here.
    pub fn wake_all(&self) {
        let wakers = self.wakers.borrow().clone();
        for waker in wakers {
            waker.wake();
        }
    }
    pub fn open(&self) {
        self.open.set(true);
    }
    /// Opens the gate and wakes the waiting task.
    pub fn open_and_wake(&self) {
        self.open();
        self.waker().wake();
    }
    pub fn wait(&self) -> GateFuture {
        GateFuture { gate: self.clone() }
    }
}

pub struct GateFuture {
    gate: Gate,
}

impl Future for GateFuture {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let gate = &self.gate;
        gate.probe.polls.set(gate.probe.polls.get() + 1);
        let mut wakers = gate.wakers.borrow_mut();
        if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
            wakers.push(cx.waker().clone());
        }
        if gate.open.get() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

impl Drop for GateFuture {
    fn drop(&mut self) {
        self.gate.probe.dropped.set(true);
    }
}

/// Marks `probe.dropped` when dropped; wrap something in a task to see when
/// the task's future goes.
pub struct DropFlag(pub Probe);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.dropped.set(true);
    }
}
