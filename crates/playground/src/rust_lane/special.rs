//! Presets whose Rust lane is a real `async fn` rather than the scenario's
//! state machines, because what they show lives in the compiler's futures or
//! in a hand-written one: a self-referential future (the notes' generator,
//! pinned), a Rust future awaiting a JS Promise, and a future that loses its
//! waker (whose JS panels lose their continuation the same way).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use crate::program::presets::Special;
use crate::program::scenario::Step;
use crate::program::step_path::StepPath;
use crate::render::{Code, PromiseStyle};
use crate::rust_lane::prelude::LanePrelude;

/// The parts of a special preset's scenario (a sleep, then a log).
pub struct Parts {
    /// The sleep's label.
    pub label: String,
    /// The sleep's delay.
    pub ms: u32,
    /// The log line.
    pub text: String,
}

/// The parts, if the scenario has the special presets' shape.
pub fn parts(step: &Step) -> Option<Parts> {
    match step.children() {
        [Step::Sleep { label, ms }, Step::Log {
            text,
            format: false,
        }] => Some(Parts {
            label: label.clone(),
            ms: *ms,
            text: text.clone(),
        }),
        _ => None,
    }
}

/// The notes' generator as an `async fn`, on prelude `P`: `s` and `borrowed` are kept inside
/// the future across the suspension point, so the future points into itself.
/// The trace gets the address of `s` and the pointer in `borrowed`, before and
/// after the await: the same, because the pinned future never moved.
pub async fn self_ref<P: LanePrelude>(ms: u32, text: String) {
    let s = text;
    let borrowed = &s;
    P::address("s", std::ptr::addr_of!(s) as usize);
    P::address("borrowed", std::ptr::from_ref(borrowed) as usize);
    P::sleep_ms(ms).await;
    P::address("s", std::ptr::addr_of!(s) as usize);
    P::address("borrowed", std::ptr::from_ref(borrowed) as usize);
    P::log(borrowed);
}

/// The lost-wake bug: polls the sleep it waits on with a waker that wakes
/// nobody, instead of `cx.waker()`, so when the timer fires nothing polls the
/// task again. Returns `Pending` keeping no waker of its task: our runtime
/// records `lost_waker`. The sleep is either prelude's (`S`), as the panel's
/// `Sleep` is.
pub struct LostWake<S>(pub S);

impl<S: Future<Output = ()> + Unpin> Future for LostWake<S> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        let mut nobody = Context::from_waker(Waker::noop());
        Pin::new(&mut self.0).poll(&mut nobody)
    }
}

/// The lost-wake preset's program, on prelude `P`: never gets to its log.
pub async fn lost_wake<P: LanePrelude>(ms: u32, text: String) {
    LostWake(P::sleep_ms(ms)).await;
    P::log(&text);
}

/// The interop preset's program, on prelude `P`: a Rust future awaiting the
/// JS Promise that `make_promise(ms)` returns (made by the page, in the
/// lane's realm: wasm-bindgen checks it is a `Promise` of that realm), through
/// wasm-bindgen-futures' `JsFuture`, then its log.
#[cfg(target_arch = "wasm32")]
pub async fn interop<P: LanePrelude>(make_promise: js_sys::Function, ms: u32, text: String) {
    use js_sys::Promise;
    use wasm_bindgen::{JsCast, JsValue};
    let promise = make_promise
        .call1(&JsValue::NULL, &JsValue::from(ms))
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
        .unwrap_or_else(|| Promise::resolve(&JsValue::UNDEFINED));
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    P::log(&text);
}

/// The JS panels' code for a special preset, if it has its own: lost-wake's
/// timer never calls on (`None`: the scenario's panels, as rendered).
pub fn js_code(special: Special, step: &Step, promises: Option<PromiseStyle>) -> Option<Code> {
    let Parts { label, ms, text } = parts(step)?;
    if special != Special::LostWake {
        return None;
    }
    let quoted = crate::render::js_string(&text);
    let sleep = Some(&StepPath::at(&[0]));
    let log = Some(&StepPath::at(&[1]));
    let mut code = Code::default();
    match promises {
        None => {
            code.push(0, "setTimeout(() => {", sleep);
            code.push_noted(
                1,
                format!("// BUG: forgets to go on; the fix: console.log({quoted});"),
                None,
                sleep,
            );
            code.push_noted(0, format!("}}, {ms});"), Some(&label), sleep);
            code.push(0, format!("// console.log({quoted}) never runs"), log);
        }
        Some(style) => {
            code.push(0, "function timer(ms) {", None);
            code.push_noted(
                1,
                "return new Promise((resolve) => setTimeout(() => {}, ms));",
                Some("BUG: nobody resolves it; fix: setTimeout(resolve, ms)"),
                None,
            );
            code.push(0, "}", None);
            code.push(0, "", None);
            match style {
                PromiseStyle::Then => {
                    code.push_noted(0, format!("timer({ms})"), Some(&label), sleep);
                    code.push(1, format!(".then(() => console.log({quoted}));"), log);
                }
                PromiseStyle::Await => {
                    code.push(0, "async function run() {", None);
                    code.push_noted(1, format!("await timer({ms});"), Some(&label), sleep);
                    code.push(1, format!("console.log({quoted});"), log);
                    code.push(0, "}", None);
                    code.push(0, "", None);
                    code.push(0, "run();", None);
                }
            }
        }
    }
    Some(code)
}

/// The Rust lane's code for a special preset.
pub fn code(special: Special, step: &Step) -> Code {
    let Some(Parts { ms, text, .. }) = parts(step) else {
        return crate::render::rust(step);
    };
    let quoted = crate::render::js_string(&text);
    let sleep = Some(&StepPath::at(&[0]));
    let log = Some(&StepPath::at(&[1]));
    let mut code = Code::default();
    match special {
        Special::SelfRef => {
            code.push(0, crate::render::RUST_PRELUDE, None);
            code.push(0, "", None);
            code.push_noted(
                0,
                "async fn run() {",
                Some("a future that borrows from itself"),
                None,
            );
            code.push(1, format!("let s = String::from({quoted});"), None);
            code.push_noted(
                1,
                "let borrowed = &s;",
                Some("points into this future"),
                None,
            );
            code.push_noted(
                1,
                format!("sleep_ms({ms}).await;"),
                Some("s and borrowed wait inside the future"),
                sleep,
            );
            code.push_noted(
                1,
                "log(borrowed);",
                Some("still valid: the pinned future never moved"),
                log,
            );
            code.push(0, "}", None);
        }
        Special::LostWake => {
            code.push(0, "use std::future::Future;", None);
            code.push(0, "use std::pin::Pin;", None);
            code.push(0, "use std::task::{Context, Poll, Waker};", None);
            code.push(0, crate::render::RUST_PRELUDE, None);
            code.push(0, "", None);
            code.push(0, "struct LostWake(Sleep);", None);
            code.push(0, "", None);
            code.push(0, "impl Future for LostWake {", None);
            code.push(1, "type Output = ();", None);
            code.push(
                1,
                "fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {",
                None,
            );
            code.push_noted(
                2,
                "let mut nobody = Context::from_waker(Waker::noop());",
                Some("BUG: a waker that wakes nobody"),
                sleep,
            );
            code.push_noted(
                2,
                "Pin::new(&mut self.0).poll(&mut nobody)",
                Some("fix: .poll(cx), so the timer wakes this task"),
                sleep,
            );
            code.push(1, "}", None);
            code.push(0, "}", None);
            code.push(0, "", None);
            code.push(0, "async fn run() {", None);
            code.push_noted(
                1,
                format!("LostWake(sleep_ms({ms})).await;"),
                Some("Pending for ever: nothing holds this task's waker"),
                sleep,
            );
            code.push(1, format!("log({quoted});"), log);
            code.push(0, "}", None);
        }
        Special::Interop => {
            code.push(0, crate::render::RUST_PRELUDE, None);
            code.push(0, "use wasm_bindgen::prelude::*;", None);
            code.push(0, "use wasm_bindgen_futures::JsFuture;", None);
            code.push(0, "", None);
            code.push_noted(
                0,
                "#[wasm_bindgen(inline_js = \"export function timer(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }\")]",
                Some("the JS panels' timer(ms)"),
                None,
            );
            code.push(0, "extern \"C\" {", None);
            code.push(1, "fn timer(ms: u32) -> js_sys::Promise;", None);
            code.push(0, "}", None);
            code.push(0, "", None);
            code.push(0, "async fn run() {", None);
            code.push_noted(
                1,
                format!("let promise = timer({ms});"),
                Some("a JS Promise, on a JS timer"),
                sleep,
            );
            code.push_noted(
                1,
                "let _ = JsFuture::from(promise).await;",
                Some("woken by the promise; Ok, as it resolves"),
                sleep,
            );
            code.push(1, format!("log({quoted});"), log);
            code.push(0, "}", None);
        }
    }
    code
}
