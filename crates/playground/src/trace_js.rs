//! A trace as plain JS objects, `{seq, t, kind, ...fields}`, as the page's trace
//! format (docs/trace-format.md) says.

use js_sys::{Array, Object, Reflect};
use runtime::{Event, Trace, Value};
use wasm_bindgen::JsValue;

pub(crate) fn events(trace: &Trace) -> Array {
    let events = Array::new();
    for record in &trace.records {
        let event = Object::new();
        set(&event, "seq", JsValue::from(record.seq));
        set(&event, "t", JsValue::from(record.t));
        set(&event, "kind", JsValue::from_str(record.event.kind()));
        let log_text = match record.event {
            Event::Log { text } => Some(trace.text(text)),
            _ => None,
        };
        record.event.fields(|name, value| {
            let value = match (value, log_text) {
                (Value::Int(_), Some(text)) => JsValue::from_str(text),
                (Value::Int(n), None) => JsValue::from(n as f64),
                (Value::Ms(ms), _) => JsValue::from(ms),
                (Value::Name(s), _) => JsValue::from_str(s),
            };
            set(&event, name, value);
        });
        events.push(&event);
    }
    events
}

fn set(object: &Object, key: &str, value: JsValue) {
    // Setting a data property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}
