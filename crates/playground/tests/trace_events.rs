//! The trace as JS receives it: every event `{seq, t, kind, ...fields}` in the
//! documented order, timer events named by their sleep, logs by their step.
//! (The page turns the same serde output into JS objects; the golden traces
//! check it there, event by event.)
#![cfg(not(target_arch = "wasm32"))]

use playground::program::presets;
use playground::program::step_path::StepPath;
use playground::rust_lane::machine::Machine;
use playground::rust_lane::prelude::RuntimePrelude;
use playground::rust_lane::step_names::TimerLabels;
use playground::rust_lane::trace_events;
use runtime::{Runtime, VirtualHost};
use serde_json::{json, Value};

fn notes_example_events() -> Vec<Value> {
    let step = (presets::find("sequential").unwrap().scenario)();
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    let labels = TimerLabels::default();
    rt.spawn(Machine::<RuntimePrelude>::new(
        &step,
        &StepPath::root(),
        &labels,
    ))
    .detach();
    host.run();
    let trace = rt.take_trace();
    let names = labels.borrow().clone();
    let events = trace_events::records(&trace, &names, 0);
    match serde_json::to_value(&events).unwrap() {
        Value::Array(events) => events,
        other => panic!("not an array: {other}"),
    }
}

#[test]
fn timer_and_log_events_carry_their_step() {
    let events = notes_example_events();
    let of_kind =
        |kind: &str| -> Vec<&Value> { events.iter().filter(|e| e["kind"] == kind).collect() };

    let set = of_kind("timer_set");
    assert_eq!(set.len(), 3);
    assert_eq!(
        set[1],
        &json!({"seq": set[1]["seq"], "t": 200.0, "kind": "timer_set", "timer": 2,
                "label": "Timer 2", "step": [1], "task": 1,
                "ms": 100.0, "deadline": 300.0, "waker": "task"})
    );
    let wake = of_kind("wake");
    assert_eq!(
        wake[2],
        &json!({"seq": wake[2]["seq"], "t": 350.0, "kind": "wake", "task": 1, "by": "timer",
                "timer": 3, "label": "Timer 3", "step": [2], "outcome": "queued"})
    );
    assert_eq!(
        of_kind("log"),
        [
            &json!({"seq": of_kind("log")[0]["seq"], "t": 350.0, "kind": "log",
                 "text": "I'm the last one", "step": [3]})
        ]
    );
    assert_eq!(of_kind("poll_end").last().unwrap()["result"], "ready");
}

#[test]
fn events_are_numbered_in_order_and_keep_the_documented_field_order() {
    let events = notes_example_events();
    for (i, event) in events.iter().enumerate() {
        assert_eq!(event["seq"], i, "{event}");
        let keys: Vec<&str> = event
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys[..3], ["seq", "t", "kind"], "{event}");
    }
}
