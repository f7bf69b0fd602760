//! The executor's scheduling rules, each test asserting the whole trace.

mod common;
use common::*;
use runtime::{spawn, yield_now, Counters, Event, JoinError, Runtime, VirtualHost};
use std::cell::RefCell;
use std::rc::Rc;

#[test]
fn many_wakes_before_a_poll_give_one_poll() {
    let (host, rt) = virtual_runtime();
    let gate = Gate::new();
    let _task = rt.spawn(gate.wait());
    host.run_until_stalled();
    rt.take_trace();
    gate.open();
    for _ in 0..3 {
        gate.waker().wake_by_ref();
    }
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 wake task=1 by=external outcome=queued",
            // The task is already queued: these wakes add no poll.
            "0 wake task=1 by=external outcome=already_queued",
            "0 wake task=1 by=external outcome=already_queued",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=ready",
        ],
    );
    assert_eq!(gate.probe().polls.get(), 2);
}

#[test]
fn self_wake_during_poll_polls_again_in_the_next_batch() {
    let (host, rt) = virtual_runtime();
    let _task = rt.spawn(async {
        yield_now().await;
    });
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            // A wake during its own poll queues it, when the poll ends...
            "0 wake task=1 by=self outcome=queued",
            "0 poll_end task=1 result=pending",
            // ...for the next batch, not recursively.
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=ready",
        ],
    );
}

#[test]
fn a_batch_polls_only_tasks_queued_when_it_began() {
    let (host, rt) = virtual_runtime();
    let _a = rt.spawn(async {
        let _b = spawn(async {});
    });
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            // Spawning inside a poll only queues: no re-entrant poll of task 2.
            "0 spawn task=2",
            "0 poll_end task=1 result=ready",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=2",
            "0 poll_end task=2 result=ready",
        ],
    );
}

#[test]
fn a_wake_from_another_task_names_the_waker() {
    let (host, rt) = virtual_runtime();
    let gate = Gate::new();
    let _waiter = rt.spawn(gate.wait());
    host.run_until_stalled();
    let opener = gate.clone();
    let _other = rt.spawn(async move { opener.open_and_wake() });
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=pending",
            "0 spawn task=2",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=2",
            "0 wake task=1 by=task by_task=2 outcome=queued",
            "0 poll_end task=2 result=ready",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=ready",
        ],
    );
}

#[test]
fn a_task_that_finishes_wakes_its_handles_awaiter_as_itself() {
    let (host, rt) = virtual_runtime();
    let _parent = rt.spawn(async {
        let child = spawn(async {});
        child.await.unwrap();
    });
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 spawn task=2",
            "0 poll_end task=1 result=pending",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=2",
            // Its output is in: it wakes task 1, which awaits its handle,
            // within its own poll (not "external", from outside).
            "0 wake task=1 by=task by_task=2 outcome=queued",
            "0 poll_end task=2 result=ready",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=ready",
        ],
    );
}

#[test]
fn wakes_after_completion_and_stale_wakers_do_nothing() {
    let (host, rt) = virtual_runtime();
    let gate = Gate::new();
    let _first = rt.spawn(gate.wait());
    host.run_until_stalled();
    gate.open_and_wake();
    host.run_until_stalled();
    let stale = gate.waker(); // task 1 has finished; its slot is free
                              // Task 2 reuses task 1's slot (a new generation).
    let second_gate = Gate::new();
    let second = rt.spawn(second_gate.wait());
    host.run_until_stalled();
    rt.take_trace();
    stale.wake_by_ref();
    stale.wake();
    assert!(!host.turn_pending(), "a stale wake must not ask for a turn");
    host.run_until_stalled();
    assert_trace(
        &rt,
        &[
            "0 wake task=1 by=external outcome=ignored",
            "0 wake task=1 by=external outcome=ignored",
        ],
    );
    assert_eq!(second_gate.probe().polls.get(), 1, "task 2 was not polled");
    assert!(!second.is_finished());
}

#[test]
fn the_future_is_dropped_as_soon_as_it_is_ready() {
    let (host, rt) = virtual_runtime();
    let probe = Probe::default();
    let flag = DropFlag(probe.clone());
    let seen = Rc::new(RefCell::new(None));
    let seen_in_next = seen.clone();
    let dropped = probe.dropped.clone();
    let _task = rt.spawn(async move {
        let _flag = flag;
    });
    // Task 2 is polled right after task 1, in the same batch.
    let _next = rt.spawn(async move {
        *seen_in_next.borrow_mut() = Some(dropped.get());
    });
    host.run_until_stalled();
    assert_eq!(*seen.borrow(), Some(true));
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn join_handle_gives_output_or_cancelled() {
    let (host, rt) = virtual_runtime();
    let answer = rt.spawn(async { 41 + 1 });
    let doomed = rt.spawn(Gate::new().wait());
    host.run_until_stalled();
    doomed.abort();
    let waiter = rt.spawn(async move { (answer.await, doomed.await) });
    host.run_until_stalled();
    assert_eq!(waiter.try_take(), Some((Ok(42), Err(JoinError::Cancelled))));
    assert_eq!(rt.counters(), Counters::default());
    // tokio's question, asked the same way.
    assert!(JoinError::Cancelled.is_cancelled());
    assert!(!JoinError::Taken.is_cancelled());
}

#[test]
fn awaiting_a_handle_whose_output_try_take_took_says_so() {
    let (host, rt) = virtual_runtime();
    let answer = rt.spawn(async { 41 + 1 });
    host.run_until_stalled();
    assert_eq!(answer.try_take(), Some(42));
    assert_eq!(answer.try_take(), None); // taken once
    let waiter = rt.spawn(answer);
    host.run_until_stalled();
    // Not Cancelled: the task finished; its output went to try_take.
    assert_eq!(waiter.try_take(), Some(Err(JoinError::Taken)));
}

#[test]
fn a_task_dropped_by_shutdown_wakes_whoever_awaits_it() {
    // The awaiter lives on a second runtime, so it survives the first's shutdown.
    let (host_a, rt_a) = virtual_runtime();
    let (host_b, rt_b) = virtual_runtime();
    let doomed = rt_a.spawn(Gate::new().wait());
    host_a.run_until_stalled();
    let waiter = rt_b.spawn(doomed);
    host_b.run_until_stalled();
    assert!(!waiter.is_finished());
    rt_b.take_trace();
    rt_a.shutdown();
    host_b.run_until_stalled();
    assert_eq!(waiter.try_take(), Some(Err(JoinError::Cancelled)));
    assert_trace(
        &rt_b,
        &[
            "0 wake task=1 by=external outcome=queued",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=ready",
        ],
    );
}

#[test]
fn abort_drops_the_task_and_its_queued_entry() {
    let (host, rt) = virtual_runtime();
    let gate = Gate::new();
    let task = rt.spawn(gate.wait());
    assert_eq!(rt.counters().queued_tasks, 1);
    task.abort();
    assert_eq!(rt.counters(), Counters::default());
    host.run_until_stalled();
    assert_trace(&rt, &["0 spawn task=1", "0 task_drop task=1"]);
    assert_eq!(gate.probe().polls.get(), 0);
    assert!(gate.probe().dropped.get());
    assert!(task.is_finished());
}

#[test]
fn reentrant_host_callbacks_during_a_poll_do_not_panic() {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    let inner_host = host.clone();
    let _task = rt.spawn(async move {
        yield_now().await; // a turn is now requested...
        inner_host.run_until_stalled(); // ...and a JS callback tries to run it
        inner_host.fire_timeout_at(0.0);
    });
    host.run();
    assert_eq!(rt.counters(), Counters::default());
    let kinds: Vec<_> = rt
        .take_trace()
        .records
        .iter()
        .map(|r| r.event.kind())
        .collect();
    assert_eq!(
        kinds,
        [
            "spawn",
            "batch",
            "poll_start",
            "wake",
            "poll_end",
            "batch",
            "poll_start",
            "poll_end"
        ]
    );
}

#[test]
fn a_task_that_yields_forever_still_lets_timers_fire() {
    let (host, rt) = virtual_runtime();
    rt.set_budget(4);
    let spins = Rc::new(RefCell::new(0u32));
    let counter = spins.clone();
    let spinner = rt.spawn(async move {
        loop {
            *counter.borrow_mut() += 1;
            yield_now().await;
        }
    });
    let sleeper = rt.spawn(runtime::sleep_ms(0));
    // Let it spin for a while, one host callback at a time.
    for _ in 0..20 {
        host.step();
    }
    assert!(
        sleeper.is_finished(),
        "the 0 ms timer fired despite the spinner"
    );
    assert!(*spins.borrow() >= 4);
    let trace = rt.take_trace();
    assert!(trace
        .records
        .iter()
        .any(|r| matches!(r.event, Event::Yield { queued: 1, .. })));
    spinner.abort();
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn slow_polls_yield_when_the_time_slice_is_over_not_later() {
    // Each poll keeps the thread busy 4 ms (the Virtual clock moves by
    // exactly that): the 8 ms slice is over after 2 polls, and the executor
    // yields there, saying why. (It read the clock every 16 polls at first:
    // 64 ms, eight slices' worth, before a timer could fire.)
    let (host, rt) = virtual_runtime();
    let spinner = rt.spawn(async move {
        loop {
            runtime::block_ms(4);
            yield_now().await;
        }
    });
    for _ in 0..4 {
        host.step();
    }
    let lines = lines_with(&rt, &["poll_start", "yield", "batch"]);
    assert_eq!(
        lines[..6],
        [
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "4 batch turn=microtask tasks=1",
            "4 poll_start task=1",
            "8 yield queued=1 limit=time",
            "8 batch turn=macrotask tasks=1",
        ]
    );
    spinner.abort();
}

#[test]
fn a_budget_set_inside_a_task_applies_from_the_next_browser_task() {
    let host = VirtualHost::new();
    let rt = Rc::new(Runtime::new(host.clone()));
    let inside = rt.clone();
    let yields_after_a_timer = || async {
        runtime::sleep_ms(1).await;
        for _ in 0..3 {
            yield_now().await;
        }
    };
    rt.spawn(async move {
        inside.set_budget(2);
        yields_after_a_timer().await;
    })
    .detach();
    rt.spawn(yields_after_a_timer()).detach();
    host.run();
    // The timer's callback is a new browser task: from there on, two polls
    // per browser task, then a yield to the browser. (Before, the batch that
    // set it wrote its copy of the old slice back over the new budget.)
    let yields: Vec<String> = lines_with(&rt, &["yield", "timer_fired", "batch"]);
    assert_eq!(
        yields,
        [
            "0 batch turn=microtask tasks=2",
            "1 timer_fired timer=1 late=0",
            "1 timer_fired timer=2 late=0",
            "1 batch turn=microtask tasks=2",
            "1 yield queued=2 limit=polls",
            "1 batch turn=macrotask tasks=2",
            "1 yield queued=2 limit=polls",
            "1 batch turn=macrotask tasks=2",
            "1 yield queued=2 limit=polls",
            "1 batch turn=macrotask tasks=2",
        ]
    );
    rt.shutdown();
}

#[test]
fn wakers_from_before_a_shutdown_stay_out_of_the_next_trace() {
    let (host, rt) = virtual_runtime();
    let old = parked_task(&host, &rt).waker();
    rt.shutdown();
    rt.take_trace();
    // The next run's first task is numbered 1 again...
    let next = Gate::new();
    rt.spawn(next.wait()).detach();
    host.run_until_stalled();
    // ...so a late wake of the old task 1 must not show up as "task 1".
    old.wake();
    assert!(!host.turn_pending());
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 poll_end task=1 result=pending",
        ],
    );
}

#[test]
fn run_at_most_gives_up_on_work_that_never_settles() {
    let (host, rt) = virtual_runtime();
    let spinner = rt.spawn(async {
        loop {
            yield_now().await;
        }
    });
    assert_eq!(host.run_at_most(50), None);
    spinner.abort();
    rt.spawn(runtime::sleep_ms(5)).detach();
    assert_eq!(host.run_at_most(50), Some(5.0));
}

#[test]
fn shutdown_ignores_wakes_among_the_tasks_it_drops() {
    let (host, rt) = virtual_runtime();
    let first = rt.spawn(Gate::new().wait());
    // Task 2 awaits task 1: dropping task 1 wakes it, but it is being dropped
    // by the same shutdown.
    rt.spawn(async move {
        let _ = first.await;
    })
    .detach();
    host.run_until_stalled();
    rt.take_trace();
    rt.shutdown();
    assert_trace(
        &rt,
        &[
            "0 task_drop task=1",
            "0 task_drop task=2",
            "0 wake task=2 by=external outcome=ignored",
        ],
    );
    assert_eq!(rt.counters(), Counters::default());
}

/// Wakes its task, then is ready at once (with its task woken).
struct WakeThenReady<T>(Option<T>);

impl<T: Unpin> std::future::Future for WakeThenReady<T> {
    type Output = T;
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<T> {
        cx.waker().wake_by_ref();
        std::task::Poll::Ready(self.0.take().expect("polled once"))
    }
}

/// Spawns on a runtime when dropped.
struct SpawnsWhenDropped(Rc<Runtime>);

impl Drop for SpawnsWhenDropped {
    fn drop(&mut self) {
        self.0.spawn(async {}).detach();
    }
}

#[test]
fn a_task_woken_in_its_last_poll_is_not_polled_again() {
    let (host, rt) = virtual_runtime();
    let answer = rt.spawn(WakeThenReady(Some(7)));
    host.run_until_stalled();
    assert_eq!(answer.try_take(), Some(7));
    assert_eq!(rt.counters(), Counters::default());
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 wake task=1 by=self outcome=queued",
            "0 poll_end task=1 result=ready",
        ],
    );
}

#[test]
fn counters_during_a_poll_leave_out_the_task_being_polled() {
    let host = VirtualHost::new();
    let rt = Rc::new(Runtime::new(host.clone()));
    let inside = rt.clone();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let seen_inside = seen.clone();
    rt.spawn(async move {
        seen_inside.borrow_mut().push(inside.counters());
        yield_now().await;
        seen_inside.borrow_mut().push(inside.counters());
    })
    .detach();
    rt.spawn(async {}).detach();
    host.run_until_stalled();
    let queued: Vec<(usize, usize)> = seen
        .borrow()
        .iter()
        .map(|c| (c.live_tasks, c.queued_tasks))
        .collect();
    // First poll: task 2 waits on the queue; last poll: nothing does.
    assert_eq!(queued, [(2, 1), (1, 0)]);
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn shutdown_survives_a_dropped_future_that_spawns() {
    let host = VirtualHost::new();
    let rt = Rc::new(Runtime::new(host.clone()));
    // Waits forever; dropping it (as the shutdown does) spawns a task.
    let spawns = SpawnsWhenDropped(rt.clone());
    rt.spawn(async move {
        let _spawns = spawns;
        std::future::pending::<()>().await;
    })
    .detach();
    host.run_until_stalled();
    assert_eq!(rt.counters().live_tasks, 1);
    rt.shutdown();
    // The task spawned while the tasks were dropped is dropped too.
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
fn a_panicking_poll_leaves_the_runtime_usable_and_the_rest_of_the_batch_runs() {
    // Natively (and in any `panic = "unwind"` build) a poll may panic; the
    // page's wasm aborts instead, and the page restarts the module.
    let (host, rt) = virtual_runtime();
    let bomb = rt.spawn(async { panic!("boom") });
    let after = rt.spawn(async { 7 });
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {})); // the panic is expected: keep the output clean
    let panicked =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| host.run_until_stalled()));
    std::panic::set_hook(hook);
    assert!(panicked.is_err());
    assert!(after.try_take().is_none(), "the panic cut the batch short");
    host.run_until_stalled();
    assert_eq!(after.try_take(), Some(7), "the rest of the batch ran");
    let waiter = rt.spawn(bomb);
    host.run_until_stalled();
    assert_eq!(waiter.try_take(), Some(Err(JoinError::Cancelled)));
    assert_eq!(rt.counters(), Counters::default());
    let trace = rt.take_trace();
    trace.check().unwrap();
    assert_eq!(
        trace.lines()[..11],
        [
            "0 spawn task=1",
            "0 spawn task=2",
            "0 batch turn=microtask tasks=2",
            "0 poll_start task=1",
            // The poll panicked: recorded as ending pending, then dropped.
            "0 poll_end task=1 result=pending",
            "0 task_drop task=1",
            // The runtime was not left busy: the rest of the batch runs next.
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=2",
            "0 poll_end task=2 result=ready",
            "0 spawn task=3",
            "0 batch turn=microtask tasks=1",
        ]
    );
}

#[test]
fn shutdown_drops_tasks_that_waited_and_tasks_that_never_did() {
    let (host, rt) = virtual_runtime();
    let gates: Vec<Gate> = (0..3).map(|_| Gate::new()).collect();
    // Tasks 1 and 2 wait on their gates; task 3 is spawned and not polled.
    rt.spawn(gates[0].wait()).detach();
    rt.spawn(gates[1].wait()).detach();
    host.run_until_stalled();
    rt.spawn(gates[2].wait()).detach();
    // Task 1 is woken: queued again, and still on the list of waited tasks.
    gates[0].waker().wake();
    rt.take_trace();
    assert_eq!(rt.counters().live_tasks, 3);
    assert_eq!(rt.counters().queued_tasks, 2);
    rt.shutdown();
    // Each once: the tasks that waited, then the one on the queue.
    assert_trace(
        &rt,
        &[
            "0 task_drop task=1",
            "0 task_drop task=2",
            "0 task_drop task=3",
        ],
    );
    assert!(gates.iter().all(|gate| gate.probe().dropped.get()));
    assert_eq!(gates[2].probe().polls.get(), 0);
    assert_eq!(rt.counters(), Counters::default());
    host.run_until_stalled();
    assert_eq!(
        gates[0].probe().polls.get(),
        1,
        "not polled after the shutdown"
    );
}

#[test]
fn a_shutdown_asked_for_in_a_poll_happens_when_the_batch_ends() {
    let host = VirtualHost::new();
    let rt = Rc::new(Runtime::new(host.clone()));
    let inside = rt.clone();
    let gate = Gate::new();
    // Task 1 asks for the shutdown, spawns task 3, and then yields for ever
    // (never waiting, it is only ever on the ready queue); task 2, in the
    // same batch, waits.
    let spawned = Gate::new();
    let spawned_inside = spawned.clone();
    rt.spawn(async move {
        inside.shutdown();
        inside.spawn(spawned_inside.wait()).detach();
        loop {
            yield_now().await;
        }
    })
    .detach();
    rt.spawn(gate.wait()).detach();
    host.run_until_stalled();
    // The batch's polls had begun: task 2's poll still runs, as the running
    // poll must return before anything is dropped; then all three go.
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 spawn task=2",
            "0 batch turn=microtask tasks=2",
            "0 poll_start task=1",
            "0 spawn task=3",
            "0 wake task=1 by=self outcome=queued",
            "0 poll_end task=1 result=pending",
            "0 poll_start task=2",
            "0 poll_end task=2 result=pending",
            // The task that waited, then the ones on the queue, in its order.
            "0 task_drop task=2",
            "0 task_drop task=3",
            "0 task_drop task=1",
        ],
    );
    assert!(gate.probe().dropped.get());
    assert!(spawned.probe().dropped.get());
    assert_eq!(spawned.probe().polls.get(), 0);
    assert_eq!(rt.counters(), Counters::default());
    assert!(!host.turn_pending());
}

#[test]
fn counters_in_a_poll_that_aborted_its_own_task() {
    let host = VirtualHost::new();
    let rt = Rc::new(Runtime::new(host.clone()));
    let inside = rt.clone();
    let own: Rc<RefCell<Option<runtime::JoinHandle<()>>>> = Rc::default();
    let own_inside = own.clone();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let seen_inside = seen.clone();
    let task = rt.spawn(async move {
        yield_now().await;
        if let Some(handle) = own_inside.borrow().as_ref() {
            handle.abort();
        }
        let c = inside.counters();
        seen_inside
            .borrow_mut()
            .push((c.live_tasks, c.queued_tasks));
        yield_now().await;
        unreachable!("aborted");
    });
    *own.borrow_mut() = Some(task);
    rt.spawn(async {}).detach();
    host.run_until_stalled();
    // Task 1 is done, no longer live; nothing else waits on the queue.
    assert_eq!(*seen.borrow(), [(0, 0)]);
    assert_eq!(rt.counters(), Counters::default());
}

/// Reads its runtime's counters when dropped.
struct CountsWhenDropped(Rc<Runtime>, Rc<RefCell<Vec<Counters>>>);

impl Drop for CountsWhenDropped {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0.counters());
    }
}

#[test]
fn counters_while_a_finished_task_is_let_go() {
    // A detached task's output is dropped with the task, at the end of its
    // last poll; its runtime's counters then no longer count it.
    let host = VirtualHost::new();
    let rt = Rc::new(Runtime::new(host.clone()));
    let seen = Rc::new(RefCell::new(Vec::new()));
    let output = CountsWhenDropped(rt.clone(), seen.clone());
    rt.spawn(async move { output }).detach();
    host.run_until_stalled();
    assert_eq!(*seen.borrow(), [Counters::default()]);
}
