//! Any JSON-like value as a scenario: validation must never panic, must name a
//! field for every problem, and what passes must keep the limits.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use playground::program::scenario::{limits, Step};
use playground::program::validate;
use playground::program::value::Value;

/// A value tree, biased towards the shapes scenarios have.
#[derive(Arbitrary, Debug)]
enum Input {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Key(Key),
    Array(Vec<Input>),
    Object(Vec<(Key, Input)>),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Key {
    Type,
    Label,
    Ms,
    Text,
    Steps,
    Times,
    Handle,
    Name,
    Params,
    Args,
    Param,
    Value,
    Style,
    Var,
    Direct,
    JoinAll,
    Other,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::Type => "type",
            Key::Label => "label",
            Key::Ms => "ms",
            Key::Text => "text",
            Key::Steps => "steps",
            Key::Times => "times",
            Key::Handle => "handle",
            Key::Name => "name",
            Key::Params => "params",
            Key::Args => "args",
            Key::Param => "param",
            Key::Value => "value",
            Key::Style => "style",
            Key::Var => "var",
            Key::Direct => "direct",
            Key::JoinAll => "join_all",
            Key::Other => "onclick",
        }
    }
}

const TYPES: [&str; 17] = [
    "sleep",
    "log",
    "block",
    "yield",
    "seq",
    "all",
    "race",
    "create_then_await",
    "repeat",
    "spawn",
    "await_handle",
    "abort",
    "arm",
    "module",
    "async_fn",
    "call",
    "let",
];

fn value(input: &Input) -> Value {
    match input {
        Input::Null => Value::Null,
        Input::Bool(b) => Value::Bool(*b),
        Input::Number(n) => Value::Number(*n),
        Input::Text(s) => Value::String(s.clone()),
        Input::Key(k) => Value::String(TYPES[*k as usize % TYPES.len()].into()),
        Input::Array(items) => Value::Array(items.iter().map(value).collect()),
        Input::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.name().to_string(), value(v)))
                .collect(),
        ),
    }
}

fn depth(step: &Step) -> usize {
    1 + step.children().iter().map(depth).max().unwrap_or(0)
}

fuzz_target!(|input: Input| {
    match validate::scenario(&value(&input)) {
        Ok(step) => {
            assert!(depth(&step) <= limits::MAX_DEPTH);
            assert!(step.timers().len() <= limits::MAX_TIMERS);
            assert!(step.timers().iter().all(|(_, ms)| *ms <= limits::MAX_MS));
            assert!(step.run_steps() <= limits::MAX_RUN_STEPS);
            assert!(step.run_spawns() <= limits::MAX_RUN_SPAWNS);
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            assert!(problems
                .iter()
                .all(|p| p.path.starts_with("scenario") && !p.message.is_empty()));
        }
    }
});
