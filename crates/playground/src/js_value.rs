//! JS values into [`Value`] trees, for validation, and our values out as
//! plain JS data. Reading is bounded, so a hostile object (huge, deep, cyclic, with getters
//! that throw) cannot hang or crash the module: what is past the bounds, or
//! not plain data, becomes `Value::Other` and fails validation with a message.

// The text module only writes values out; the reader is the first module's.
#![cfg_attr(not(feature = "page"), allow(dead_code))]

use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};

use crate::program::scenario::limits;
use crate::program::value::Value;

/// Deeper than any valid scenario (each step is two JS levels: the step
/// object and its `steps` array), so validation can name the depth problem.
const MAX_DEPTH: usize = 2 * limits::MAX_DEPTH + 4;
/// More items than any valid scenario has.
const MAX_ITEMS: u32 = limits::MAX_STEPS as u32 + 1;
/// Longer than any valid label, in UTF-16 units.
const MAX_STRING: u32 = 1_000;

/// `value` as plain JS data: objects (not `Map`s), arrays, numbers, strings.
pub(crate) fn to_js(value: &impl Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        // Our types hold only strings, small numbers and sequences: nothing
        // that fails to convert.
        .expect_throw("a value the page receives could not be converted")
}

/// Reads `value` as a plain tree.
pub(crate) fn read(value: &JsValue) -> Value {
    read_at(value, 0)
}

fn read_at(value: &JsValue, depth: usize) -> Value {
    if value.is_null() || value.is_undefined() {
        return Value::Null;
    }
    if let Some(b) = value.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = value.as_f64() {
        return Value::Number(n);
    }
    if let Some(text) = value.dyn_ref::<js_sys::JsString>() {
        if text.length() > MAX_STRING {
            return Value::Other("a very long string");
        }
        if !text.is_valid_utf16() {
            // Shown as U+FFFD, which validation refuses by name.
            return Value::String("\u{FFFD}".into());
        }
        return Value::String(String::from(text));
    }
    if depth > MAX_DEPTH {
        return Value::Other("a structure nested too deep");
    }
    if let Some(array) = value.dyn_ref::<Array>() {
        if array.length() > MAX_ITEMS {
            return Value::Other("an array with too many items");
        }
        return Value::Array(array.iter().map(|item| read_at(&item, depth + 1)).collect());
    }
    if value.is_function() {
        return Value::Other("a function");
    }
    if let Some(object) = value.dyn_ref::<Object>() {
        let keys = Object::keys(object);
        if keys.length() > MAX_ITEMS {
            return Value::Other("an object with too many fields");
        }
        let fields = keys
            .iter()
            .map(|key| {
                let name = key.as_string().unwrap_or_default();
                // A getter may throw: that is a bad value, not a crash.
                let item = Reflect::get(object, &key)
                    .map(|item| read_at(&item, depth + 1))
                    .unwrap_or(Value::Other("a field that throws when read"));
                (name, item)
            })
            .collect();
        return Value::Object(fields);
    }
    Value::Other("a value that is not plain data")
}
