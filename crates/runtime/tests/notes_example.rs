//! The notes' example, sleep 200, 100, 50 ms then log, traced event by event.

mod common;
use common::*;
use runtime::{log, sleep_ms, Counters};

#[test]
fn sequential_sleeps_poll_four_times_and_log_at_350() {
    let (host, rt) = virtual_runtime();
    let task = rt.spawn(async {
        sleep_ms(200).await;
        sleep_ms(100).await;
        sleep_ms(50).await;
        log("I'm the last one");
    });
    assert_eq!(host.run(), 350.0);
    assert_eq!(task.try_take(), Some(()));
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            // First poll: the first Sleep registers its timer; nothing else runs.
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=200 deadline=200 waker=task",
            "0 poll_end task=1 result=pending",
            // One browser timeout, armed when the batch ends.
            "0 reactor_arm deadline=200 delay=200",
            "200 timer_fired timer=1 late=0",
            "200 wake task=1 by=timer timer=1 outcome=queued",
            "200 batch turn=microtask tasks=1",
            "200 poll_start task=1",
            "200 timer_set timer=2 task=1 ms=100 deadline=300 waker=task",
            "200 poll_end task=1 result=pending",
            "200 reactor_arm deadline=300 delay=100",
            "300 timer_fired timer=2 late=0",
            "300 wake task=1 by=timer timer=2 outcome=queued",
            "300 batch turn=microtask tasks=1",
            "300 poll_start task=1",
            "300 timer_set timer=3 task=1 ms=50 deadline=350 waker=task",
            "300 poll_end task=1 result=pending",
            "300 reactor_arm deadline=350 delay=50",
            "350 timer_fired timer=3 late=0",
            "350 wake task=1 by=timer timer=3 outcome=queued",
            "350 batch turn=microtask tasks=1",
            "350 poll_start task=1",
            "350 log text=\"I'm the last one\"",
            // Ready: the future is dropped; the spent timeout needs no clearing.
            "350 poll_end task=1 result=ready",
        ],
    );
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn same_program_gives_same_trace() {
    let run = || {
        let (host, rt) = virtual_runtime();
        rt.spawn(async {
            sleep_ms(200).await;
            sleep_ms(100).await;
        })
        .detach();
        host.run();
        rt.take_trace()
    };
    let (a, b) = (run(), run());
    // Addresses may differ between runs; everything else is identical.
    assert_eq!(a.lines(), b.lines());
    assert_eq!(a.records.len(), 18);
}

#[test]
fn tracing_off_records_nothing_but_runs_the_same() {
    let (host, rt) = virtual_runtime();
    rt.set_tracing(false);
    let task = rt.spawn(async {
        sleep_ms(20).await;
        log("ignored");
        7
    });
    assert_eq!(host.run(), 20.0);
    assert_eq!(task.try_take(), Some(7));
    assert_eq!(rt.trace_len(), 0);
    rt.set_tracing(true);
    rt.spawn(async {}).detach();
    host.run();
    assert_eq!(
        lines(&rt),
        [
            "20 spawn task=2",
            "20 batch turn=microtask tasks=1",
            "20 poll_start task=2",
            "20 poll_end task=2 result=ready"
        ]
    );
}
