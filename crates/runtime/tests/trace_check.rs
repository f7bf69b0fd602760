//! `Trace::check`, which the property tests and the schedule fuzzer trust to
//! catch a broken runtime, rejects each broken rule: one row per rule, each a
//! small trace that breaks only that rule (and the same trace mended passes).

use runtime::{Event, TimerWaker, Trace, Turn, WakeOutcome, WakeSource};

fn trace(events: &[(f64, Event)]) -> Trace {
    let mut trace = Trace::default();
    for &(t, event) in events {
        trace.records.push(runtime::Record { t, event });
    }
    trace
}

const SPAWN: Event = Event::Spawn { task: 1, size: 8 };
const BATCH: Event = Event::Batch {
    turn: Turn::Microtask,
    tasks: 1,
};
const START: Event = Event::PollStart { task: 1, addr: 64 };
const PENDING: Event = Event::PollEnd {
    task: 1,
    ready: false,
};
const READY: Event = Event::PollEnd {
    task: 1,
    ready: true,
};
const SET: Event = Event::TimerSet {
    timer: 1,
    task: 1,
    ms: 10.0,
    deadline: 10.0,
    waker: TimerWaker::Task,
};
const FIRED: Event = Event::TimerFired {
    timer: 1,
    late: 0.0,
};

fn wake(outcome: WakeOutcome) -> Event {
    Event::Wake {
        task: 1,
        by: WakeSource::Timer(1),
        outcome,
    }
}

/// A whole, valid run: spawn, poll (sets a timer), fire, wake, poll to Ready.
fn valid() -> Vec<(f64, Event)> {
    vec![
        (0.0, SPAWN),
        (0.0, BATCH),
        (0.0, START),
        (0.0, SET),
        (0.0, PENDING),
        (10.0, FIRED),
        (10.0, wake(WakeOutcome::Queued)),
        (10.0, START),
        (10.0, READY),
    ]
}

#[test]
fn a_valid_trace_passes() {
    assert_eq!(trace(&valid()).check(), Ok(()));
}

#[test]
fn each_broken_rule_is_rejected() {
    let v = valid();
    let with = |at: usize, event: (f64, Event)| {
        let mut events = v.clone();
        events.insert(at, event);
        events
    };
    let without = |at: usize| {
        let mut events = v.clone();
        events.remove(at);
        events
    };
    let replaced = |at: usize, event: (f64, Event)| {
        let mut events = v.clone();
        events[at] = event;
        events
    };
    let table: Vec<(&str, Vec<(f64, Event)>)> = vec![
        ("time went back", replaced(7, (5.0, START))),
        ("a poll inside a poll", with(3, (0.0, START))),
        ("a poll after Ready or a drop", with(9, (10.0, START))),
        ("a poll nobody woke", without(6)),
        ("a poll_end without its poll_start", with(5, (0.0, PENDING))),
        ("queued twice", with(1, (0.0, wake(WakeOutcome::Queued)))),
        (
            "already_queued, but not queued",
            with(5, (0.0, wake(WakeOutcome::AlreadyQueued))),
        ),
        (
            "ignored a live task",
            with(5, (0.0, wake(WakeOutcome::Ignored))),
        ),
        (
            "dropped a finished task",
            with(9, (10.0, Event::TaskDrop { task: 1 })),
        ),
        (
            "a timer set outside a poll",
            with(
                5,
                (
                    0.0,
                    Event::TimerSet {
                        timer: 2,
                        task: 1,
                        ms: 1.0,
                        deadline: 1.0,
                        waker: TimerWaker::Task,
                    },
                ),
            ),
        ),
        (
            "an unknown timer fired",
            with(
                6,
                (
                    10.0,
                    Event::TimerFired {
                        timer: 9,
                        late: 0.0,
                    },
                ),
            ),
        ),
        ("a timer ended twice", with(6, (10.0, FIRED))),
        (
            "fired early, or lateness wrong",
            replaced(
                5,
                (
                    10.0,
                    Event::TimerFired {
                        timer: 1,
                        late: 3.0,
                    },
                ),
            ),
        ),
        (
            "a delay no browser takes",
            with(
                5,
                (
                    0.0,
                    Event::ReactorArm {
                        deadline: 1e12,
                        delay: 1e12,
                    },
                ),
            ),
        ),
        ("the trace ends inside a poll", without(8)),
        (
            "timers never fired nor were cancelled",
            with(
                4,
                (
                    0.0,
                    Event::TimerSet {
                        timer: 2,
                        task: 1,
                        ms: 5.0,
                        deadline: 5.0,
                        waker: TimerWaker::Task,
                    },
                ),
            ),
        ),
    ];
    for (rule, events) in table {
        let got = trace(&events).check();
        assert!(
            got.as_ref().is_err_and(|why| why.contains(rule)),
            "{rule}: got {got:?}"
        );
    }
}
