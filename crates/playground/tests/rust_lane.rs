//! The Rust lane on the virtual clock: each preset's finish time and poll
//! counts, and the hand-written state machines against real `async fn`s.

use playground::program::presets;
use playground::program::scenario::{LoopStyle, Step};
use playground::program::step_path::StepPath;
use playground::rust_lane;
use playground::rust_lane::step_names::TimerLabels;
use runtime::{join, log, select, sleep_ms, Counters, Event, Runtime, Trace, VirtualHost};
use std::future::Future;

fn run_future(future: impl Future<Output = ()> + 'static) -> (f64, Trace) {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    rt.spawn(future).detach();
    let end = host.run();
    assert_eq!(rt.counters(), Counters::default());
    (end, rt.take_trace())
}

/// The lane's program for `step` (`preset` picks a special preset's own
/// `async fn`), spawned as the page spawns it (`rust_lane::spawn`: a preset's
/// compiled `run()` or the composed futures, reporting `run()`'s state), on
/// a virtual clock, not yet run.
fn spawn_step(step: &Step, preset: Option<&str>) -> (VirtualHost, Runtime, TimerLabels) {
    struct OnVirtualHost<'a>(&'a Runtime);
    impl rust_lane::Spawner for OnVirtualHost<'_> {
        fn spawn<F: Future<Output = ()> + 'static>(self, program: F) {
            self.0.spawn(program).detach();
        }
    }
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    let labels = TimerLabels::default();
    let no_interop = |_, _| async { unreachable!("no preset here is interop") };
    rust_lane::spawn(step, preset, &labels, no_interop, OnVirtualHost(&rt));
    (host, rt, labels)
}

/// `spawn_step`'s program run to its end, which leaves nothing behind.
fn run_step(step: &Step) -> (f64, Trace, TimerLabels) {
    let (host, rt, labels) = spawn_step(step, None);
    let end = host.run();
    assert_eq!(rt.counters(), Counters::default());
    (end, rt.take_trace(), labels)
}

fn preset(id: &str) -> Step {
    (presets::find(id).expect("preset exists").scenario)()
}

fn count(trace: &Trace, kind: &str) -> usize {
    trace
        .records
        .iter()
        .filter(|r| r.event.kind() == kind)
        .count()
}

fn log_time(trace: &Trace) -> f64 {
    trace
        .records
        .iter()
        .find(|r| r.event.kind() == "log")
        .expect("a log event")
        .t
}

/// The trace's `state` events (only the lane records them).
fn states(trace: &Trace) -> Vec<String> {
    trace
        .lines()
        .into_iter()
        .filter(|l| l.contains(" state "))
        .collect()
}

/// Each timer the lane noted, as `number=label@step`.
fn timer_steps(labels: &TimerLabels) -> Vec<String> {
    labels
        .borrow()
        .timers
        .iter()
        .map(|(t, l, p)| format!("{t}={l}@{p}"))
        .collect()
}

/// The trace without `state` events (only the lane records them).
fn without_states(trace: &Trace) -> Vec<String> {
    trace
        .lines()
        .into_iter()
        .filter(|l| !l.contains(" state "))
        .collect()
}

#[test]
fn sequential_logs_at_350_after_four_polls_with_states() {
    let (end, trace, labels) = run_step(&preset("sequential"));
    assert_eq!(end, 350.0);
    assert_eq!(log_time(&trace), 350.0);
    assert_eq!(count(&trace, "poll_start"), 4);
    assert_eq!(
        states(&trace),
        [
            // One state per poll: the three awaits are run()'s Suspend0..2
            // (lines 4 to 6 of the panel); the log (line 7) is no suspension
            // point.
            "0 state task=1 variant=Suspend0 point=0 line=4",
            "200 state task=1 variant=Suspend1 point=1 line=5",
            "300 state task=1 variant=Suspend2 point=2 line=6",
            "350 state task=1 variant=Returned",
        ]
    );
    assert_eq!(
        timer_steps(&labels),
        [
            "1=Timer 1@scenario.steps[0]",
            "2=Timer 2@scenario.steps[1]",
            "3=Timer 3@scenario.steps[2]"
        ]
    );
    let calls = &labels.borrow().calls;
    assert_eq!(calls, &[StepPath::at(&[3])]);
    assert_eq!(calls[0].to_string(), "scenario.steps[3]");
}

#[test]
fn join_logs_at_200_after_four_polls() {
    let (_, trace, _) = run_step(&preset("join"));
    assert_eq!(log_time(&trace), 200.0);
    assert_eq!(count(&trace, "poll_start"), 4);
}

#[test]
fn join_of_equal_timers_polls_twice() {
    let mut step = preset("join");
    for ms in step.timer_ms_mut() {
        *ms = 100;
    }
    let (_, trace, _) = run_step(&step);
    assert_eq!(log_time(&trace), 100.0);
    assert_eq!(count(&trace, "poll_start"), 2);
}

#[test]
fn race_finishes_at_50_and_cancels_both_losers() {
    let (end, trace, labels) = run_step(&preset("race"));
    assert_eq!(end, 50.0);
    assert_eq!(log_time(&trace), 50.0);
    let cancelled: Vec<u32> = trace
        .records
        .iter()
        .filter_map(|r| match r.event {
            Event::TimerCancel { timer } => Some(timer),
            _ => None,
        })
        .collect();
    let label = |timer: u32| {
        let names = labels.borrow();
        names
            .timers
            .iter()
            .find(|(t, _, _)| *t == timer)
            .unwrap()
            .1
            .clone()
    };
    let cancelled: Vec<String> = cancelled.into_iter().map(label).collect();
    assert_eq!(cancelled, ["Timer 1", "Timer 2"]);
    assert_eq!(count(&trace, "timer_fired"), 1);
}

#[test]
fn lazy_async_blocks_finish_at_the_sum() {
    let (end, trace, _) = run_step(&preset("lazy"));
    assert_eq!(end, 350.0);
    assert_eq!(log_time(&trace), 350.0);
}

#[test]
fn sleeps_made_early_finish_at_the_longest() {
    let (end, trace, _) = run_step(&preset("early-sleep"));
    assert_eq!(end, 200.0);
    assert_eq!(log_time(&trace), 200.0);
}

#[test]
fn the_state_machines_trace_like_the_async_fns_they_desugar() {
    type AsyncFn = std::pin::Pin<Box<dyn Future<Output = ()>>>;
    let cases: Vec<(&str, AsyncFn)> = vec![
        (
            "sequential",
            Box::pin(async {
                sleep_ms(200).await;
                sleep_ms(100).await;
                sleep_ms(50).await;
                log("I'm the last one");
            }),
        ),
        (
            "join",
            Box::pin(async {
                join([sleep_ms(200), sleep_ms(100), sleep_ms(50)]).await;
                log("All three are done");
            }),
        ),
        (
            "race",
            Box::pin(async {
                select([sleep_ms(200), sleep_ms(100), sleep_ms(50)]).await;
                log("The fastest won");
            }),
        ),
        (
            "lazy",
            Box::pin(async {
                let a = async { sleep_ms(200).await };
                let b = async { sleep_ms(100).await };
                let c = async { sleep_ms(50).await };
                a.await;
                b.await;
                c.await;
                log("Done awaiting");
            }),
        ),
        (
            "early-sleep",
            Box::pin(async {
                let (a, b, c) = (sleep_ms(200), sleep_ms(100), sleep_ms(50));
                a.await;
                b.await;
                c.await;
                log("Done awaiting");
            }),
        ),
    ];
    for (id, async_fn) in cases {
        let (_, machine, _) = run_step(&preset(id));
        let (_, real) = run_future(async_fn);
        assert_eq!(without_states(&machine), real.lines(), "preset {id}");
    }
}

#[test]
fn lost_wake_leaves_its_task_stuck_and_says_so() {
    let (host, rt, _) = spawn_step(&preset("lost-wake"), Some("lost-wake"));
    assert_eq!(host.run(), 100.0);
    let lines: Vec<String> = rt
        .take_trace()
        .lines()
        .into_iter()
        .filter(|l| !l.contains(" state "))
        .collect();
    assert_eq!(
        lines,
        [
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            // The reactor keeps the waker it was handed: one that wakes nobody.
            "0 timer_set timer=1 task=1 ms=100 deadline=100 waker=noop",
            "0 poll_end task=1 result=pending",
            // The poll kept no waker of task 1: the runtime says so at once.
            "0 lost_waker task=1",
            "0 reactor_arm deadline=100 delay=100",
            // The timer fires, and wakes nobody: task 1 is not polled, no log.
            "100 timer_fired timer=1 late=0",
        ]
    );
    // Stuck: live, not queued, nothing pending, nothing will wake it.
    let stuck = Counters {
        live_tasks: 1,
        stuck_tasks: 1,
        ..Counters::default()
    };
    assert_eq!(rt.counters(), stuck);
}

#[test]
fn a_yield_wakes_its_own_task_and_is_polled_again_in_the_next_batch() {
    // log("a"); yield_now().await; log("b"); run as the composed futures.
    let step = Step::Seq(vec![Step::log("a"), Step::Yield, Step::log("b")]);
    let (end, trace, labels) = run_step(&step);
    assert_eq!(end, 0.0);
    assert_eq!(
        without_states(&trace),
        [
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 log text=\"a\"",
            "0 wake task=1 by=self outcome=queued",
            "0 poll_end task=1 result=pending",
            // Its own wake put it back on our ready queue: the executor's
            // next batch, in a microtask, not a new browser task.
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 log text=\"b\"",
            "0 poll_end task=1 result=ready",
        ]
    );
    // The one state between the polls is run()'s await of the yield.
    assert_eq!(
        states(&trace),
        [
            "0 state task=1 variant=Suspend0 point=0 line=5",
            "0 state task=1 variant=Returned",
        ]
    );
    assert_eq!(
        labels.borrow().calls,
        [StepPath::at(&[0]), StepPath::at(&[2])]
    );
}

#[test]
fn a_loop_runs_its_body_round_after_round_in_one_task() {
    // for _ in 0..3 { sleep_ms(100).await; log("tick"); } log("done");
    let step = Step::Seq(vec![
        Step::Repeat {
            times: 3,
            var: None,
            style: LoopStyle::For,
            steps: vec![Step::sleep("T", 100), Step::log("tick")],
        },
        Step::log("done"),
    ]);
    let (end, trace, labels) = run_step(&step);
    assert_eq!(end, 300.0);
    let logs: Vec<String> = trace
        .lines()
        .into_iter()
        .filter(|l| l.contains(" log "))
        .collect();
    assert_eq!(
        logs,
        [
            "100 log text=\"tick\"",
            "200 log text=\"tick\"",
            "300 log text=\"tick\"",
            "300 log text=\"done\"",
        ]
    );
    // One poll to start, one per timer: each round's sleep is a new timer.
    assert_eq!(count(&trace, "poll_start"), 4);
    assert_eq!(count(&trace, "timer_set"), 3);
    // Every round waits at the same await, run()'s one suspension point.
    assert_eq!(
        states(&trace),
        [
            "0 state task=1 variant=Suspend0 point=0 line=5",
            "100 state task=1 variant=Suspend0 point=0 line=5",
            "200 state task=1 variant=Suspend0 point=0 line=5",
            "300 state task=1 variant=Returned",
        ]
    );
    assert_eq!(
        timer_steps(&labels),
        [
            "1=T@scenario.steps[0].steps[0]",
            "2=T@scenario.steps[0].steps[0]",
            "3=T@scenario.steps[0].steps[0]"
        ]
    );
    // Zero rounds: the body never runs.
    let none = Step::Seq(vec![
        Step::Repeat {
            times: 0,
            var: None,
            style: LoopStyle::For,
            steps: vec![Step::sleep("T", 100)],
        },
        Step::log("done"),
    ]);
    let (end, trace, _) = run_step(&none);
    assert_eq!((end, count(&trace, "timer_set")), (0.0, 0));
}

#[test]
fn a_helper_async_fn_runs_only_when_awaited_once_per_call_inside_its_callers_poll() {
    let program = "use runtime::prelude::*;\n\n\
        async fn run() {\n\
        \x20   let tea = brew();\n\
        \x20   let wait = sleep_ms(50);\n\
        \x20   wait.await;\n\
        \x20   tea.await;\n\
        \x20   join!(brew(), brew());\n\
        \x20   log(\"done\");\n\
        }\n\n\
        async fn brew() {\n\
        \x20   sleep_ms(100).await; // Kettle\n\
        \x20   log(\"boiled\");\n\
        }\n";
    let step = playground::parse::parse(program).expect("a valid program");
    let (end, trace, labels) = run_step(&step);
    // Calling brew() ran none of it: its Kettle starts when `tea` is first
    // awaited, at 50 (a JS async function would have started it at 0). Each
    // call is a future of its own: the join's two Kettles run at once.
    assert_eq!(end, 250.0);
    let logs: Vec<String> = trace
        .lines()
        .into_iter()
        .filter(|l| l.contains(" log "))
        .collect();
    assert_eq!(
        logs,
        [
            "150 log text=\"boiled\"",
            "250 log text=\"boiled\"",
            "250 log text=\"boiled\"",
            "250 log text=\"done\"",
        ]
    );
    // One task: the helpers' futures are polled inside run()'s polls (start,
    // 50, 150, 250: the two Kettles of the join fire together, one wake).
    assert_eq!(count(&trace, "spawn"), 1);
    assert_eq!(count(&trace, "poll_start"), 4);
    // run() waits at its own awaits, whatever the helper inside it waits
    // for: lines 7 and 8 of the panel the page renders (`f1.await;`,
    // `f2.await;`, after the `let`s and a comment), the join at 9; the page
    // maps them to the text's.
    assert_eq!(
        states(&trace),
        [
            "0 state task=1 variant=Suspend0 point=0 line=7",
            "50 state task=1 variant=Suspend1 point=1 line=8",
            "150 state task=1 variant=Suspend2 point=2 line=9",
            "250 state task=1 variant=Returned",
        ]
    );
    // `wait` is the first future of run()'s group of lets (run() is the
    // module's first function); every Kettle is the helper's one sleep, at
    // its place in the module (brew is its second function).
    assert_eq!(
        timer_steps(&labels),
        [
            "1=Timer 1@scenario.steps[0].steps[0].steps[0]",
            "2=Kettle@scenario.steps[1].steps[0]",
            "3=Kettle@scenario.steps[1].steps[0]",
            "4=Kettle@scenario.steps[1].steps[0]"
        ]
    );
}

#[test]
fn an_aborted_task_is_dropped_at_once_with_its_timer_and_never_polled_again() {
    let program = "use runtime::prelude::*;\n\n\
        async fn run() {\n\
        \x20   let h = spawn(async {\n\
        \x20       for i in 0..5 {\n\
        \x20           sleep_ms(100).await;\n\
        \x20           log(format!(\"tick {i}\"));\n\
        \x20       }\n\
        \x20   });\n\
        \x20   sleep_ms(250).await;\n\
        \x20   h.abort();\n\
        \x20   log(\"aborted\");\n\
        \x20   sleep_ms(200).await;\n\
        }\n";
    let step = playground::parse::parse(program).expect("a valid program");
    let (end, trace, _) = run_step(&step);
    assert_eq!(end, 450.0);
    let kept = [
        "spawn",
        "poll_start",
        "log",
        "timer_set",
        "timer_fired",
        "timer_cancel",
        "task_drop",
    ];
    let events: Vec<String> = trace
        .lines()
        .into_iter()
        .filter(|l| kept.iter().any(|k| l.split(' ').nth(1) == Some(k)))
        .collect();
    // The tick task (task 2) logs twice; at 250 run() aborts it during its
    // own poll: the task is dropped (task_drop) with its pending timer
    // (timer_cancel, due at 300), before run() logs. It is never polled
    // again, and "tick 2" never comes.
    assert_eq!(
        events,
        [
            "0 spawn task=1",
            "0 poll_start task=1",
            "0 spawn task=2",
            "0 timer_set timer=1 task=1 ms=250 deadline=250 waker=task",
            "0 poll_start task=2",
            "0 timer_set timer=2 task=2 ms=100 deadline=100 waker=task",
            "100 timer_fired timer=2 late=0",
            "100 poll_start task=2",
            "100 log text=\"tick 0\"",
            "100 timer_set timer=3 task=2 ms=100 deadline=200 waker=task",
            "200 timer_fired timer=3 late=0",
            "200 poll_start task=2",
            "200 log text=\"tick 1\"",
            "200 timer_set timer=4 task=2 ms=100 deadline=300 waker=task",
            "250 timer_fired timer=1 late=0",
            "250 poll_start task=1",
            "250 task_drop task=2",
            "250 timer_cancel timer=4",
            "250 log text=\"aborted\"",
            "250 timer_set timer=5 task=1 ms=200 deadline=450 waker=task",
            "450 timer_fired timer=5 late=0",
            "450 poll_start task=1",
        ]
    );
    assert_eq!(count(&trace, "task_drop"), 1);
    assert_eq!(count(&trace, "timer_cancel"), 1);
}
