//! The page's or worker's global scope, through web-sys: the timers, the
//! clock and microtasks that [`crate::BrowserHost`] uses.
//!
//! `setTimeout`, `clearTimeout`, `queueMicrotask` and `performance` live on
//! `Window` in a page and on `WorkerGlobalScope` in a worker, and web-sys binds
//! them on each type separately, so this picks the one `js_sys::global()` is
//! (gloo-timers binds them globally instead; this keeps to web-sys's types).

use js_sys::Function;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{Performance, Window, WorkerGlobalScope};

/// A page's `window` or a worker's `self`.
pub(crate) enum GlobalScope {
    Window(Window),
    Worker(WorkerGlobalScope),
}

impl GlobalScope {
    /// The scope this code runs in. Throws anywhere else (a JS engine with
    /// no timers of the web's kind).
    pub(crate) fn get() -> GlobalScope {
        let global = js_sys::global();
        match global.dyn_into::<Window>() {
            Ok(window) => GlobalScope::Window(window),
            Err(global) => GlobalScope::Worker(
                global
                    .dyn_into()
                    .expect_throw("BrowserHost runs in a page or a worker"),
            ),
        }
    }

    pub(crate) fn performance(&self) -> Performance {
        match self {
            GlobalScope::Window(window) => window.performance(),
            GlobalScope::Worker(worker) => worker.performance(),
        }
        .expect_throw("performance.now() is needed for the clock")
    }

    /// `setTimeout(handler, delay_ms)`: its handle. The browser converts the
    /// delay with ToInt32, so callers keep it within `MAX_TIMEOUT_MS`.
    pub(crate) fn set_timeout(&self, handler: &Function, delay_ms: f64) -> i32 {
        let delay = delay_ms as i32;
        match self {
            GlobalScope::Window(w) => {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(handler, delay)
            }
            GlobalScope::Worker(w) => {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(handler, delay)
            }
        }
        // It throws only for a handler that is not callable; ours are.
        .unwrap_throw()
    }

    pub(crate) fn clear_timeout(&self, handle: i32) {
        match self {
            GlobalScope::Window(window) => window.clear_timeout_with_handle(handle),
            GlobalScope::Worker(worker) => worker.clear_timeout_with_handle(handle),
        }
    }

    /// Whether `queueMicrotask` exists (every current browser and worker has
    /// it; older engines do not, and web-sys's binding would throw there).
    pub(crate) fn has_queue_microtask(&self) -> bool {
        let scope: &JsValue = match self {
            GlobalScope::Window(window) => window,
            GlobalScope::Worker(worker) => worker,
        };
        js_sys::Reflect::get(scope, &JsValue::from_str("queueMicrotask"))
            .is_ok_and(|f| f.is_function())
    }

    pub(crate) fn queue_microtask(&self, callback: &Function) {
        match self {
            GlobalScope::Window(window) => window.queue_microtask(callback),
            GlobalScope::Worker(worker) => worker.queue_microtask(callback),
        }
    }
}
