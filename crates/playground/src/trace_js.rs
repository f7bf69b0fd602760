//! A trace as plain JS objects, `{seq, t, kind, ...fields}`, as the page's trace
//! format (docs/trace-format.md) says.

use js_sys::{Array, Object};
use runtime::{Event, Trace, Value};
use wasm_bindgen::JsValue;

use crate::js_value::set;
use crate::machine::StepNames;

/// `names` says which step each timer and log came from: timer events get
/// `label` and `step`, log events `step`, so lanes compare step by step.
/// `logs_before` is how many of the run's logs earlier calls reported.
pub(crate) fn events(trace: &Trace, names: &StepNames, logs_before: usize) -> Array {
    let events = Array::new();
    let mut logs = names.logs.iter().skip(logs_before);
    for record in &trace.records {
        let event = Object::new();
        set(&event, "seq", &JsValue::from(record.seq));
        set(&event, "t", &JsValue::from(record.t));
        set(&event, "kind", &JsValue::from_str(record.event.kind()));
        let text = record.event.text().map(|text| trace.text(text));
        record.event.fields(|name, value| {
            let js = match (name, value) {
                ("text", _) => JsValue::from_str(text.unwrap_or_default()),
                (_, Value::Int(n)) => JsValue::from(n as f64),
                (_, Value::Ms(ms)) => JsValue::from(ms),
                (_, Value::Name(s)) => JsValue::from_str(s),
            };
            set(&event, name, &js);
            if let ("timer", Value::Int(timer)) = (name, value) {
                let named = names.timers.iter().find(|(t, _, _)| u64::from(*t) == timer);
                if let Some((_, label, step)) = named {
                    set(&event, "label", &JsValue::from_str(label));
                    set(&event, "step", &JsValue::from_str(step));
                }
            }
        });
        if let Event::Log { .. } = record.event {
            if let Some(step) = logs.next() {
                set(&event, "step", &JsValue::from_str(step));
            }
        }
        events.push(&event);
    }
    events
}
