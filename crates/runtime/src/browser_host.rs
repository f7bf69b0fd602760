//! `BrowserHost`: the real thing. One `setTimeout` for the reactor, microtasks
//! for batches, a `MessageChannel` message to yield to the browser.
//!
//! Everything is bound from the global scope (not `window`), so it also works
//! in a worker. The three callbacks are made once per host and handed to JS as
//! functions that JS owns: a microtask or message still queued when the runtime
//! is dropped calls a function that finds the runtime gone and does nothing,
//! instead of a freed closure.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;

use crate::host::{Host, RuntimeRef};
use crate::trace::Turn;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, delay: f64) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: &JsValue);

    /// A Promise, typed here so `then` takes a plain function.
    type Thenable;
    #[wasm_bindgen(method, js_name = then)]
    fn then_call(this: &Thenable, callback: &Function) -> JsValue;

    type MessageChannel;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<MessageChannel, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn port1(this: &MessageChannel) -> MessagePort;
    #[wasm_bindgen(method, getter)]
    fn port2(this: &MessageChannel) -> MessagePort;

    type MessagePort;
    #[wasm_bindgen(method, setter)]
    fn set_onmessage(this: &MessagePort, handler: Option<&Function>);
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &MessagePort, message: &JsValue);
    #[wasm_bindgen(method)]
    fn close(this: &MessagePort);
}

/// How microtasks are queued: `queueMicrotask`, or a resolved Promise where that
/// is missing.
enum Microtasks {
    Queue(Function),
    Promise(Thenable),
}

/// The browser host: `performance.now`, `setTimeout`/`clearTimeout`,
/// `queueMicrotask` (or a Promise) and a `MessageChannel` (or `setTimeout(0)`).
pub struct BrowserHost {
    state: Rc<State>,
}

struct State {
    microtasks: Microtasks,
    /// `(receiving port, sending port)`, if `MessageChannel` exists.
    channel: Option<(MessagePort, MessagePort)>,
    callbacks: RefCell<Option<Callbacks>>,
    /// The handle of the armed timeout.
    armed: RefCell<Option<JsValue>>,
}

struct Callbacks {
    timeout: Function,
    microtask: Function,
    macrotask: Function,
}

impl BrowserHost {
    /// Binds the browser's timers from the global scope.
    pub fn new() -> Self {
        let global = js_sys::global();
        let queue = Reflect::get(&global, &JsValue::from_str("queueMicrotask"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok());
        let microtasks = match queue {
            Some(queue) => Microtasks::Queue(queue),
            None => Microtasks::Promise(Promise::resolve(&JsValue::UNDEFINED).unchecked_into()),
        };
        let channel = MessageChannel::new()
            .ok()
            .map(|channel| (channel.port1(), channel.port2()));
        BrowserHost {
            state: Rc::new(State {
                microtasks,
                channel,
                callbacks: RefCell::new(None),
                armed: RefCell::new(None),
            }),
        }
    }

    /// Whether microtasks go through `queueMicrotask` (else through a Promise).
    pub fn uses_queue_microtask(&self) -> bool {
        matches!(self.state.microtasks, Microtasks::Queue(_))
    }
}

impl Default for BrowserHost {
    fn default() -> Self {
        Self::new()
    }
}

fn callback(f: impl FnMut() + 'static) -> Function {
    Closure::<dyn FnMut()>::new(f)
        .into_js_value()
        .unchecked_into()
}

impl Host for BrowserHost {
    fn connect(&self, runtime: RuntimeRef) {
        let state: Weak<State> = Rc::downgrade(&self.state);
        let timeout = {
            let runtime = runtime.clone();
            callback(move || {
                // This timeout is spent: forget its handle before the runtime re-arms.
                if let Some(state) = state.upgrade() {
                    state.armed.borrow_mut().take();
                }
                runtime.timeout();
            })
        };
        let microtask = {
            let runtime = runtime.clone();
            callback(move || runtime.turn(Turn::Microtask))
        };
        let macrotask = callback(move || runtime.turn(Turn::Macrotask));
        if let Some((receiver, _)) = &self.state.channel {
            receiver.set_onmessage(Some(&macrotask));
        }
        *self.state.callbacks.borrow_mut() = Some(Callbacks {
            timeout,
            microtask,
            macrotask,
        });
    }

    fn now(&self) -> f64 {
        performance_now()
    }

    fn arm(&self, delay_ms: f64) {
        self.disarm();
        let callbacks = self.state.callbacks.borrow();
        let Some(callbacks) = callbacks.as_ref() else {
            return;
        };
        let handle = set_timeout(&callbacks.timeout, delay_ms);
        *self.state.armed.borrow_mut() = Some(handle);
    }

    fn disarm(&self) {
        let handle = self.state.armed.borrow_mut().take();
        if let Some(handle) = handle {
            clear_timeout(&handle);
        }
    }

    fn request_turn(&self, turn: Turn) {
        let callbacks = self.state.callbacks.borrow();
        let Some(callbacks) = callbacks.as_ref() else {
            return;
        };
        match (turn, &self.state.microtasks, &self.state.channel) {
            (Turn::Microtask, Microtasks::Queue(queue), _) => {
                let _ = queue.call1(&JsValue::UNDEFINED, &callbacks.microtask);
            }
            (Turn::Microtask, Microtasks::Promise(resolved), _) => {
                let _ = resolved.then_call(&callbacks.microtask);
            }
            (Turn::Macrotask, _, Some((_, sender))) => sender.post_message(&JsValue::NULL),
            (Turn::Macrotask, _, None) => {
                let _ = set_timeout(&callbacks.macrotask, 0.0);
            }
        }
    }

    fn armed_timeouts(&self) -> usize {
        usize::from(self.state.armed.borrow().is_some())
    }
}

impl Drop for BrowserHost {
    fn drop(&mut self) {
        self.disarm();
        if let Some((receiver, sender)) = &self.state.channel {
            receiver.set_onmessage(None);
            receiver.close();
            sender.close();
        }
    }
}
