//! Wakers point straight at their task's allocation (see `waker.rs`): these
//! tests pin down what they may and may not do. Run under Miri too (`just
//! miri`), which checks the reference counting for leaks, double frees and
//! data races.

mod common;
use common::*;
use runtime::Counters;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{mpsc, Arc, Barrier};

#[test]
fn a_waker_on_another_thread_does_nothing_there() {
    let (host, rt) = virtual_runtime();
    let gate = Gate::new();
    let task = rt.spawn(gate.wait());
    host.run_until_stalled();
    rt.take_trace();
    let waker = gate.waker();
    let (back, home) = mpsc::channel();
    std::thread::spawn(move || {
        // Away from its thread a waker must not touch its task (an `Rc`).
        let copy = waker.clone();
        waker.wake_by_ref();
        copy.wake_by_ref();
        copy.wake();
        back.send(waker).unwrap();
    })
    .join()
    .unwrap();
    assert!(
        !host.turn_pending(),
        "a wake on another thread queued the task"
    );
    assert_trace(&rt, &[]);
    // Back home, the same waker works.
    gate.open();
    home.recv().unwrap().wake();
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 wake task=1 by=external outcome=queued",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=ready",
        ],
    );
    assert!(task.is_finished());
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn a_waker_outliving_its_runtime_does_nothing() {
    let (host, rt) = virtual_runtime();
    let gate = parked_task(&host, &rt);
    let waker = gate.waker();
    drop(rt);
    assert!(
        gate.probe().dropped.get(),
        "dropping the runtime drops the task"
    );
    waker.wake_by_ref();
    let copy = waker.clone();
    copy.wake();
    assert!(!host.turn_pending());
    // The last waker frees the task (Miri reports a leak otherwise).
    drop(waker);
}

#[test]
fn a_task_aborting_itself_is_dropped_when_its_poll_returns() {
    let (host, rt) = virtual_runtime();
    let probe = Probe::default();
    let flag = DropFlag(probe.clone());
    let own_handle = Rc::new(RefCell::new(None::<runtime::JoinHandle<()>>));
    let inside = own_handle.clone();
    let dropped = probe.dropped.clone();
    let seen_during_poll = Rc::new(RefCell::new(None));
    let seen = seen_during_poll.clone();
    let handle = rt.spawn(async move {
        let _flag = flag;
        let me = inside.borrow_mut().take();
        if let Some(me) = me {
            me.abort();
        }
        // Still running: a future is never dropped in the middle of its poll.
        *seen.borrow_mut() = Some(dropped.get());
        std::future::pending::<()>().await;
    });
    *own_handle.borrow_mut() = Some(handle);
    host.run_until_stalled();
    assert_eq!(*seen_during_poll.borrow(), Some(false));
    assert!(probe.dropped.get(), "dropped once its poll returned");
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 task_drop task=1",
            "0 poll_end task=1 result=pending",
        ],
    );
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn a_task_that_wakes_then_aborts_itself_in_one_poll_is_not_queued_again() {
    let (host, rt) = virtual_runtime();
    let own_handle = Rc::new(RefCell::new(None::<runtime::JoinHandle<()>>));
    let inside = own_handle.clone();
    let handle = rt.spawn(std::future::poll_fn(move |cx| {
        cx.waker().wake_by_ref(); // marked woken, to be queued when the poll ends...
        if let Some(me) = inside.borrow_mut().take() {
            me.abort(); // ...but dropped first
        }
        std::task::Poll::Pending
    }));
    *own_handle.borrow_mut() = Some(handle);
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 wake task=1 by=self outcome=queued",
            "0 task_drop task=1",
            "0 poll_end task=1 result=pending",
        ],
    );
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn wakers_work_on_whichever_thread_their_task_lives() {
    // Each thread has its own runtime; a task's waker, used on the task's own
    // thread, wakes it, wherever that thread is.
    let on_thread = || {
        let (host, rt) = virtual_runtime();
        let gate = parked_task(&host, &rt);
        gate.open_and_wake();
        host.run_until_stalled();
        rt.counters()
    };
    let worker = std::thread::spawn(on_thread);
    assert_eq!(on_thread(), Counters::default());
    assert_eq!(worker.join().unwrap(), Counters::default());
}

#[test]
#[cfg_attr(not(miri), ignore = "only Miri can see a data race: just miri runs it")]
fn a_waker_used_on_two_threads_at_once_does_not_race() {
    // Both threads clone and drop the waker at the same time: if the one
    // away from home touched the task's `Rc` count, Miri would report a data
    // race (it does, with the thread check removed).
    let (host, rt) = virtual_runtime();
    let waker = parked_task(&host, &rt).waker();
    let waker_at_home = waker.clone();
    let start = Arc::new(Barrier::new(2));
    let start_away = start.clone();
    let away = std::thread::spawn(move || {
        start_away.wait();
        for _ in 0..3 {
            drop(waker.clone());
        }
        waker
    });
    start.wait();
    for _ in 0..3 {
        drop(waker_at_home.clone());
    }
    drop(away.join().unwrap());
}

/// Returns `Pending` and keeps nothing: the classic lost wake.
struct Forgetful;

impl std::future::Future for Forgetful {
    type Output = ();
    fn poll(self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        std::task::Poll::Pending // the fix: keep cx.waker() and wake it when ready
    }
}

#[test]
fn a_pending_poll_that_keeps_no_waker_is_a_lost_waker() {
    let (host, rt) = virtual_runtime();
    rt.spawn(Forgetful).detach();
    host.run();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=pending",
            "0 lost_waker task=1",
        ],
    );
    // Stuck: live, not queued, and nothing will ever wake it.
    let stuck = Counters {
        live_tasks: 1,
        stuck_tasks: 1,
        ..Counters::default()
    };
    assert_eq!(rt.counters(), stuck);
}

/// Pending for ever; keeps a clone of its waker where the test can reach it.
struct Keeps(Rc<RefCell<Option<std::task::Waker>>>);

impl std::future::Future for Keeps {
    type Output = ();
    fn poll(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        *self.0.borrow_mut() = Some(cx.waker().clone());
        std::task::Poll::Pending
    }
}

#[test]
fn a_waker_kept_elsewhere_is_not_lost_until_its_last_clone_is_dropped() {
    let (host, rt) = virtual_runtime();
    let kept = Rc::new(RefCell::new(None));
    rt.spawn(Keeps(kept.clone())).detach();
    host.run();
    rt.take_trace();
    let copy = kept.borrow().clone().unwrap(); // a second clone
    kept.borrow_mut().take(); // the first goes; `copy` can still wake the task
    assert_trace(&rt, &[]);
    assert_eq!(rt.counters().stuck_tasks, 0);
    drop(copy); // the last one: now nothing can
    assert_trace(&rt, &["0 lost_waker task=1"]);
    assert_eq!(rt.counters().stuck_tasks, 1);
}

#[test]
fn wakers_woken_by_value_or_stored_by_the_reactor_are_not_lost() {
    let (host, rt) = virtual_runtime();
    // The reactor keeps the Sleep's clone, then wakes it by value when it
    // fires: the task is queued by then, so the drop that follows loses
    // nothing.
    rt.spawn(async {
        runtime::sleep_ms(10).await;
        let gate = Gate::new();
        gate.open();
        gate.wait().await; // a clone stored, then dropped with the gate
    })
    .detach();
    host.run();
    assert!(!lines(&rt).iter().any(|l| l.contains("lost_waker")));
    assert_eq!(rt.counters(), Counters::default());
    rt.take_trace().check().unwrap();
}

/// Polls its Sleep with a waker of its choosing instead of `cx`'s.
struct PollsWith(runtime::Sleep, std::task::Waker);

impl std::future::Future for PollsWith {
    type Output = ();
    fn poll(self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        let this = self.get_mut();
        let mut cx = std::task::Context::from_waker(&this.1);
        std::pin::Pin::new(&mut this.0).poll(&mut cx)
    }
}

#[test]
fn a_timer_set_says_whose_waker_the_reactor_keeps() {
    // The lost-wake example's bug: a Sleep polled with `Waker::noop()`. The
    // reactor keeps a waker that wakes nobody; the task's own is dropped at
    // once, so it is lost; the timer fires and no task is woken.
    let (host, rt) = virtual_runtime();
    let noop = std::task::Waker::noop().clone();
    rt.spawn(PollsWith(runtime::sleep_ms(10), noop)).detach();
    host.run();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=10 deadline=10 waker=noop",
            "0 poll_end task=1 result=pending",
            "0 lost_waker task=1",
            "0 reactor_arm deadline=10 delay=10",
            "10 timer_fired timer=1 late=0",
        ],
    );
    // Another task's waker: the trace cannot say whom it wakes.
    let (host, rt) = virtual_runtime();
    let gate = Gate::new();
    rt.spawn(gate.wait()).detach();
    host.run_until_stalled();
    rt.spawn(PollsWith(runtime::sleep_ms(10), gate.waker()))
        .detach();
    host.run();
    assert!(
        lines(&rt)
            .iter()
            .any(|l| l.ends_with("ms=10 deadline=10 waker=other")),
        "{:#?}",
        lines(&rt)
    );
}
