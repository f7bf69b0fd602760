//! A trace as plain JS objects, `{seq, t, kind, ...fields}`, as the page's trace
//! format (docs/trace-format.md) says.

use js_sys::{Array, Object};
use runtime::{Trace, Value};
use wasm_bindgen::JsValue;

use crate::js_value::set;

/// `label_of(timer)` names a timer's step; it is added to timer events as
/// `label`, so lanes can be compared timer by timer.
pub(crate) fn events(trace: &Trace, label_of: impl Fn(u32) -> Option<String>) -> Array {
    let events = Array::new();
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
                if let Some(label) = label_of(timer as u32) {
                    set(&event, "label", &JsValue::from_str(&label));
                }
            }
        });
        events.push(&event);
    }
    events
}
