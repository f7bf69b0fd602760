//! What the program text's module exports (feature `text`): the Rust panel's
//! text read into a scenario, its timings rewritten, its lines mapped to the
//! rendered panel's, and its state machine. The page loads this module with
//! the editor, after its first run, or first for a link that carries a text:
//! a program the page rendered itself runs without it.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use crate::js_value::{self, to_js};
use crate::parse::{self, ParseError};
use crate::program::validate;

/// A parse error as JS sees it: an `Error` whose message is
/// `line L, column C: …`, with numeric `line` and `column` (from 1).
fn parse_error(error: &ParseError) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    // Setting a data property on a fresh Error cannot fail.
    let _ = Reflect::set(&js, &"line".into(), &(error.line as f64).into());
    let _ = Reflect::set(&js, &"column".into(), &(error.column as f64).into());
    js.into()
}

/// The scenario a Rust program text describes (the Rust panel's subset of
/// async Rust), as a plain object; throws an `Error` with `line` and
/// `column` where the text is not accepted.
#[wasm_bindgen(js_name = parse)]
pub fn parse_program(text: &str) -> Result<JsValue, JsValue> {
    parse::parse(text)
        .map(|step| to_js(&step))
        .map_err(|e| parse_error(&e))
}

/// `text` with its timers' delays set to `ms`, in reading order: the numbers
/// rewritten where they are written, comments and layout kept.
#[wasm_bindgen(js_name = setTimings)]
pub fn set_timings(text: &str, ms: Vec<u32>) -> Result<String, JsValue> {
    parse::layout::set_timings(text, &ms).map_err(|e| parse_error(&e))
}

/// For each line of the panel that `text`'s scenario renders to (item `k`
/// for line `k + 1`), the line of `text` holding the same code.
#[wasm_bindgen(js_name = lineMap)]
pub fn line_map(text: &str) -> Result<Vec<u32>, JsValue> {
    parse::layout::line_map(text)
        .map(|map| map.into_iter().map(|line| line as u32).collect())
        .map_err(|e| parse_error(&e))
}

/// The enum rustc makes of the Rust panel's `async fn run()` for a scenario
/// (a plain object from `resolveScenario`; `preset` picks a special preset's
/// own code): `{variants: [{name, fields: [{name, type}], line}], size,
/// preset}`, `size` being `size_of_val(&run())` as rustc lays it out for
/// wasm32, or null where it is not known (a program that is no preset's).
/// Here, not in the first run's module: the page shows it once this module
/// is loaded, just after the first run, and the embed does not show it
/// (16.7 KB gzipped less before the first run; docs/benchmarks.md).
#[wasm_bindgen(js_name = stateMachine)]
pub fn state_machine(scenario: JsValue, preset: Option<String>) -> Result<JsValue, JsError> {
    let step = validate::scenario(&js_value::read(&scenario))
        .map_err(|p| JsError::new(&validate::describe(&p)))?;
    Ok(to_js(&crate::state_machine::of(&step, preset.as_deref())))
}

/// The enum rustc makes of `text`'s `async fn run()`, as `stateMachine`
/// gives it for the text's scenario, but with each field a
/// `let` made named as the text names it (`eggs: Sleep`), as rustc names it.
/// Its lines are those of the rendered panel (`lineMap` maps them).
#[wasm_bindgen(js_name = stateMachineOfText)]
pub fn state_machine_of_text(text: &str) -> Result<JsValue, JsValue> {
    crate::state_machine::of_text(text)
        .map(|machine| to_js(&machine))
        .map_err(|e| parse_error(&e))
}
