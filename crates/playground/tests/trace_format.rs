//! The trace format's types (`src/trace.rs`) are its one definition: every
//! golden trace of every lane, the JS lanes' included, reads back through
//! them and writes out unchanged. A field a lane records and the types lack
//! (or a value they do not allow) fails here, as a field the page reads and
//! the types lack fails `just lint`.
#![cfg(not(target_arch = "wasm32"))]

use playground::trace::{Trace, VERSION};
use serde_json::Value;

/// Numbers as f64, so `100` (JS) and `100.0` (an f64 written by serde) agree.
fn normal(value: Value) -> Value {
    match value {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.into_iter().map(normal).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, value)| (key, normal(value)))
                .collect(),
        ),
        other => other,
    }
}

#[test]
fn every_golden_trace_reads_back_through_the_types_unchanged() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 18, "{files:?}");
    let mut kinds = std::collections::BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Addresses and sizes are masked in the goldens: any number stands in.
        let text = text
            .replace(r#""addr": "addr""#, r#""addr": 8"#)
            .replace(r#""size": "size""#, r#""size": 8"#);
        let run: Value = serde_json::from_str(&text).unwrap();
        for lane in ["callbacks", "promises", "futures"] {
            let written = &run[lane];
            let trace: Trace = serde_json::from_value(written.clone())
                .unwrap_or_else(|e| panic!("{}, {lane}: {e}", file.display()));
            assert_eq!(trace.version, VERSION, "{}, {lane}", file.display());
            kinds.extend(trace.events.iter().map(|e| e.kind.clone()).map(|k| {
                serde_json::to_value(&k).unwrap()["kind"]
                    .as_str()
                    .unwrap()
                    .to_string()
            }));
            let again = serde_json::to_value(&trace).unwrap();
            assert_eq!(
                normal(again),
                normal(written.clone()),
                "{}, {lane}: not written back as it was",
                file.display()
            );
        }
    }
    // The goldens hold every kind but the rare ones (a yield needs a busy
    // ready queue, a task_drop a cancelled run, a lost_waker a bug on purpose).
    for kind in [
        "timer_set",
        "timer_fired",
        "log",
        "block",
        "script_start",
        "script_end",
        "callback_end",
        "enqueue",
        "reaction",
        "resume",
        "engine_job",
        "job_end",
        "spawn",
        "batch",
        "poll_start",
        "poll_end",
        "child_poll",
        "wake",
        "timer_cancel",
        "reactor_arm",
        "reactor_clear",
        "state",
        "address",
    ] {
        assert!(kinds.contains(kind), "no golden holds a {kind} event");
    }
}

#[test]
fn a_field_the_types_lack_is_refused_or_dropped() {
    let trace = serde_json::json!({"version": 3, "lane": "promises", "clock": "virtual",
        "events": [{"seq": 0, "t": 0, "kind": "enqueue", "handler": "then", "step": [1],
                    "by": "timer", "colour": "red"}]});
    let read: Trace = serde_json::from_value(trace.clone()).unwrap();
    assert_ne!(normal(serde_json::to_value(&read).unwrap()), normal(trace));
    for bad in [
        serde_json::json!({"seq": 0, "t": 0, "kind": "teleport"}),
        serde_json::json!({"seq": 0, "t": 0, "kind": "enqueue", "handler": "then", "step": "scenario", "by": "timer"}),
        serde_json::json!({"seq": 0, "t": 0, "kind": "poll_end", "task": 1, "result": "maybe"}),
    ] {
        let trace = serde_json::json!({"version": 3, "lane": "futures", "clock": "virtual", "events": [bad]});
        assert!(serde_json::from_value::<Trace>(trace).is_err());
    }
}

/// A `yield`'s sentence on the page states the runtime's limits: they are
/// the runtime's own figures, not copies that could drift.
#[test]
fn the_yield_sentence_states_the_runtimes_limits() {
    let sentences = include_str!("../../../web/replay/sentences.js");
    let budget = runtime::DEFAULT_BUDGET.to_string();
    let (thousands, rest) = budget.split_at(budget.len() - 3);
    for figure in [
        format!("'{thousands},{rest} per browser task on the Virtual clock'"),
        format!(
            "'{} ms of polling per browser task'",
            runtime::DEFAULT_SLICE_MS
        ),
    ] {
        assert!(sentences.contains(&figure), "{figure} not in sentences.js");
    }
}
