//! Untrusted input as a plain tree, before validation: what a JS object, a
//! URL fragment or a test gives. Validation reads only this.

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
            Value::Number(n) => number(*n),
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

/// A number as people write it, without `f64`'s `Display` (whose float
/// formatting would be most of this module's wasm size).
pub fn number(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "inf" } else { "-inf" }.into();
    }
    if n.abs() >= 1e15 {
        return if n > 0.0 {
            "a huge number"
        } else {
            "a huge negative number"
        }
        .into();
    }
    let mut out = String::new();
    if n < 0.0 && (n.fract() != 0.0 || n as i64 != 0) {
        out.push('-');
    }
    if n.fract() == 0.0 {
        crate::text::push_u64(&mut out, n.abs() as u64);
        return out;
    }
    // Up to six decimals, trailing zeros trimmed.
    // Saturating at i64::MAX, as the message always did.
    let millionths = (n.abs() * 1e6).round() as i64 as u64;
    crate::text::push_u64(&mut out, millionths / 1_000_000);
    out.push('.');
    crate::text::push_digits(&mut out, millionths % 1_000_000, 6);
    while out.as_bytes().last() == Some(&b'0') {
        out.pop();
    }
    out
}

/// Text in double quotes, for messages (without `{:?}`'s escaping tables).
pub fn quote(text: &str) -> String {
    cat!("\"", text, "\"")
}
