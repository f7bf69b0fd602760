//! The reactor: one timer queue, one host timeout, every timer fired once.

mod common;
use common::*;
use runtime::{sleep, sleep_ms, Counters, Sleep, MAX_TIMEOUT_MS};
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

#[test]
fn a_zero_ms_sleep_still_goes_through_the_reactor() {
    let (host, rt) = virtual_runtime();
    let _task = rt.spawn(sleep_ms(0));
    assert_eq!(host.run(), 0.0);
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=0 deadline=0 waker=task",
            "0 poll_end task=1 result=pending",
            "0 reactor_arm deadline=0 delay=0",
            "0 timer_fired timer=1 late=0",
            "0 wake task=1 by=timer timer=1 outcome=queued",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=ready",
        ],
    );
}

#[test]
fn equal_deadlines_fire_in_registration_order_from_one_timeout() {
    let (host, rt) = virtual_runtime();
    for _ in 0..3 {
        rt.spawn(sleep_ms(100)).detach();
    }
    host.run();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 spawn task=2",
            "0 spawn task=3",
            "0 batch turn=microtask tasks=3",
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=100 deadline=100 waker=task",
            "0 poll_end task=1 result=pending",
            "0 poll_start task=2",
            "0 timer_set timer=2 task=2 ms=100 deadline=100 waker=task",
            "0 poll_end task=2 result=pending",
            "0 poll_start task=3",
            "0 timer_set timer=3 task=3 ms=100 deadline=100 waker=task",
            "0 poll_end task=3 result=pending",
            // Three timers, one browser timeout.
            "0 reactor_arm deadline=100 delay=100",
            "100 timer_fired timer=1 late=0",
            "100 wake task=1 by=timer timer=1 outcome=queued",
            "100 timer_fired timer=2 late=0",
            "100 wake task=2 by=timer timer=2 outcome=queued",
            "100 timer_fired timer=3 late=0",
            "100 wake task=3 by=timer timer=3 outcome=queued",
            "100 batch turn=microtask tasks=3",
            "100 poll_start task=1",
            "100 poll_end task=1 result=ready",
            "100 poll_start task=2",
            "100 poll_end task=2 result=ready",
            "100 poll_start task=3",
            "100 poll_end task=3 result=ready",
        ],
    );
}

#[test]
fn the_timeout_is_rearmed_only_when_the_earliest_deadline_changes() {
    let (host, rt) = virtual_runtime();
    for ms in [300, 200, 400, 100] {
        rt.spawn(sleep_ms(ms)).detach();
    }
    host.run_until_stalled();
    let arms = lines_with(&rt, &["reactor_"]);
    // Four registrations in one batch: one arm, for the earliest.
    assert_eq!(arms, ["0 reactor_arm deadline=100 delay=100"]);
    rt.spawn(sleep_ms(500)).detach(); // later than the armed deadline
    host.run_until_stalled();
    assert!(lines_with(&rt, &["reactor_"]).is_empty());
    rt.spawn(sleep_ms(50)).detach(); // earlier: re-arm
    host.run_until_stalled();
    let arms = lines_with(&rt, &["reactor_"]);
    assert_eq!(arms, ["0 reactor_arm deadline=50 delay=50"]);
    assert_eq!(host.next_timeout(), Some(50.0));
}

#[test]
fn cancelling_the_earliest_timer_rearms_for_the_next() {
    let (host, rt) = virtual_runtime();
    let early = rt.spawn(sleep_ms(50));
    let _late = rt.spawn(sleep_ms(100));
    host.run_until_stalled();
    rt.take_trace();
    early.abort();
    assert_trace(
        &rt,
        &[
            "0 task_drop task=1",
            "0 timer_cancel timer=1",
            "0 reactor_arm deadline=100 delay=100",
        ],
    );
    assert_eq!(host.next_timeout(), Some(100.0));
    assert_eq!(host.run(), 100.0);
}

#[test]
fn dropping_the_last_pending_sleep_clears_the_timeout() {
    let (host, rt) = virtual_runtime();
    let task = rt.spawn(sleep_ms(1_000));
    host.run_until_stalled();
    assert_eq!(rt.counters().armed_timeouts, 1);
    rt.take_trace();
    task.abort();
    assert_trace(
        &rt,
        &[
            "0 task_drop task=1",
            "0 timer_cancel timer=1",
            "0 reactor_clear",
        ],
    );
    assert_eq!(host.next_timeout(), None);
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn an_early_callback_expires_nothing_and_rearms_for_the_rest() {
    let (host, rt) = virtual_runtime();
    let _task = rt.spawn(sleep_ms(100));
    host.run_until_stalled();
    rt.take_trace();
    host.fire_timeout_at(60.0); // the browser called back 40 ms early
    host.run_until_stalled();
    assert_trace(&rt, &["60 reactor_arm deadline=100 delay=40"]);
    assert_eq!(host.run(), 100.0);
    assert!(lines(&rt).contains(&"100 timer_fired timer=1 late=0".to_string()));
}

#[test]
fn a_very_late_callback_expires_everything_due_once_in_order() {
    let (host, rt) = virtual_runtime();
    for ms in [30, 10, 1_000, 20] {
        rt.spawn(sleep_ms(ms)).detach();
    }
    host.run_until_stalled();
    rt.take_trace();
    host.fire_timeout_at(500.0); // a throttled tab: 490 ms late
    host.fire_timeout_at(500.0); // and a stray second callback
    host.run_until_stalled();
    let fired = lines_with(&rt, &["timer_fired", "reactor_"]);
    assert_eq!(
        fired,
        [
            "500 timer_fired timer=2 late=490",
            "500 timer_fired timer=4 late=480",
            "500 timer_fired timer=1 late=470",
            "500 reactor_arm deadline=1000 delay=500",
            // The stray callback finds nothing due and re-arms the same deadline.
            "500 reactor_arm deadline=1000 delay=500",
        ]
    );
    assert_eq!(host.run(), 1_000.0);
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn delays_beyond_the_browser_limit_rearm_in_chunks() {
    let (host, rt) = virtual_runtime();
    let ms = 3_000_000_000u64; // about 35 days, more than 2^31 - 1 ms
    let task = rt.spawn(sleep(Duration::from_millis(ms)));
    assert_eq!(host.run(), ms as f64);
    assert_eq!(task.try_take(), Some(()));
    let reactor = lines_with(&rt, &["reactor_", "timer_fired"]);
    assert_eq!(
        reactor,
        [
            "0 reactor_arm deadline=3000000000 delay=2147483647",
            // The first chunk ends with nothing due: arm for the remainder.
            "2147483647 reactor_arm deadline=3000000000 delay=852516353",
            "3000000000 timer_fired timer=1 late=0",
        ]
    );
    assert_eq!(MAX_TIMEOUT_MS, 2_147_483_647.0);
}

/// Polls a Sleep once in its own task, then hands it over.
struct PollOnce(Option<Sleep>, Rc<RefCell<Option<Sleep>>>);

impl Future for PollOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut sleep = self.0.take().unwrap();
        assert!(Pin::new(&mut sleep).poll(cx).is_pending());
        *self.1.borrow_mut() = Some(sleep);
        Poll::Ready(())
    }
}

#[test]
fn a_sleep_polled_by_a_new_task_wakes_the_new_task() {
    let (host, rt) = virtual_runtime();
    let handover = Rc::new(RefCell::new(None));
    let _first = rt.spawn(PollOnce(Some(sleep_ms(10)), handover.clone()));
    host.run_until_stalled();
    let sleep = handover.borrow_mut().take().unwrap();
    let _second = rt.spawn(sleep);
    host.run();
    let wakes = lines_with(&rt, &["wake", "timer_"]);
    assert_eq!(
        wakes,
        [
            "0 timer_set timer=1 task=1 ms=10 deadline=10 waker=task",
            "10 timer_fired timer=1 late=0",
            "10 wake task=2 by=timer timer=1 outcome=queued",
        ]
    );
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn a_fired_sleep_dropped_before_its_poll_is_not_a_cancel() {
    let (host, rt) = virtual_runtime();
    let task = rt.spawn(sleep_ms(10));
    host.run_until_stalled();
    host.fire_timeout_at(10.0); // fired and woken, not yet polled
    task.abort();
    host.run_until_stalled();
    assert_eq!(
        lines(&rt),
        [
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=10 deadline=10 waker=task",
            "0 poll_end task=1 result=pending",
            "0 reactor_arm deadline=10 delay=10",
            "10 timer_fired timer=1 late=0",
            "10 wake task=1 by=timer timer=1 outcome=queued",
            "10 task_drop task=1",
        ]
    );
    assert_eq!(rt.counters(), Counters::default());
}
