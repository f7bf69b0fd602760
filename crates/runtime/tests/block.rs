//! `block_ms`: a poll that keeps the thread busy. Nothing else runs meanwhile,
//! so every timer due in that time fires late by what is left of the block.

mod common;
use common::*;
use runtime::{block_ms, log, sleep_ms, Counters, Host, Runtime, RuntimeRef, Turn};
use std::cell::RefCell;
use std::time::Instant;

#[test]
fn on_a_virtual_clock_a_block_moves_time_by_exactly_its_length() {
    let (host, rt) = virtual_runtime();
    rt.spawn(async {
        sleep_ms(50).await;
        log("after 50 ms");
    })
    .detach();
    rt.spawn(async { block_ms(100) }).detach();
    assert_eq!(host.run(), 100.0);
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 spawn task=2",
            "0 batch turn=microtask tasks=2",
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=50 deadline=50 waker=task",
            "0 poll_end task=1 result=pending",
            "0 poll_start task=2",
            "0 block task=2 ms=100",
            // The rest of the batch happens when the block ends.
            "100 poll_end task=2 result=ready",
            // Due at 50, so the one timeout is armed at once.
            "100 reactor_arm deadline=50 delay=0",
            "100 timer_fired timer=1 late=50",
            "100 wake task=1 by=timer timer=1 outcome=queued",
            "100 batch turn=microtask tasks=1",
            "100 poll_start task=1",
            "100 log text=\"after 50 ms\"",
            "100 poll_end task=1 result=ready",
        ],
    );
    assert_eq!(rt.counters(), Counters::default());
}

/// A host on the machine's own clock: `block` is the default busy loop.
#[derive(Clone, Default)]
struct Wall {
    start: Option<Instant>,
    runtime: std::rc::Rc<RefCell<Option<RuntimeRef>>>,
}

impl Host for Wall {
    fn connect(&self, runtime: RuntimeRef) {
        *self.runtime.borrow_mut() = Some(runtime);
    }
    fn now(&self) -> f64 {
        self.start.unwrap().elapsed().as_secs_f64() * 1000.0
    }
    fn arm(&self, _: f64) {}
    fn disarm(&self) {}
    fn request_turn(&self, _: Turn) {}
    fn armed_timeouts(&self) -> usize {
        0
    }
    fn clock_is_virtual(&self) -> bool {
        false
    }
}

#[test]
fn on_a_real_clock_a_block_is_a_busy_loop_and_later_events_carry_its_end() {
    let host = Wall {
        start: Some(Instant::now()),
        ..Wall::default()
    };
    let rt = Runtime::new(host.clone());
    rt.spawn(async {
        block_ms(20);
        log("done");
    })
    .detach();
    let runtime = host.runtime.borrow().clone().unwrap();
    let before = host.now();
    runtime.turn(Turn::Microtask);
    assert!(host.now() - before >= 20.0, "the thread was busy for 20 ms");
    let trace = rt.take_trace();
    let time_of = |kind: &str| {
        let record = trace.records.iter().find(|r| r.event.kind() == kind);
        record.unwrap().t
    };
    assert!(time_of("log") - time_of("block") >= 20.0);
    assert!(time_of("poll_start") <= time_of("block"));
    trace.check().unwrap();
}
