//! Untrusted input as a plain tree, before validation: what a JS object, a
//! URL fragment or a test gives. Validation reads only this.

use crate::program::number::to_js_string;

/// A JSON-like value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null` or `undefined`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any JS number, including NaN and the infinities.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's own fields, in order.
    Object(Vec<(String, Value)>),
    /// Something no scenario holds (a function, a symbol, a cycle, or more
    /// than the converter reads); named for the error message.
    Other(&'static str),
}

impl Value {
    /// A field of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// What kind of value this is, for messages: "a string", "an array"...
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "nothing".into(),
            Value::Bool(b) => if *b { "true" } else { "false" }.into(),
            Value::Number(n) => to_js_string(*n),
            Value::String(_) => "a string".into(),
            Value::Array(_) => "an array".into(),
            Value::Object(_) => "an object".into(),
            Value::Other(what) => (*what).into(),
        }
    }
}

/// Shorthand for building values in tests and presets.
pub fn obj(fields: &[(&str, Value)]) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect(),
    )
}

/// A string value.
pub fn s(text: &str) -> Value {
    Value::String(text.into())
}

/// A number value.
pub fn n(number: f64) -> Value {
    Value::Number(number)
}

/// Text in double quotes, for messages.
pub fn quote(text: &str) -> String {
    format!("\"{text}\"")
}
