//! `BrowserHost`: the real thing. One `setTimeout` for the reactor, microtasks
//! for batches, a `MessageChannel` message to yield to the browser.
//!
//! Everything is bound from the global scope (not `window`), so it also works
//! in a worker.
//!
//! Browsers clamp a `setTimeout` to at least 4 ms when it is set from inside a
//! timer callback nested five deep, and the reactor re-arms from inside its own
//! callback, timer after timer. So a short re-arm from inside the callback is
//! made from a fresh task instead (a `MessageChannel` message), where nesting
//! starts again at zero. The three callbacks are made once per host and handed to JS as
//! functions that JS owns: a microtask or message still queued when the runtime
//! is dropped calls a function that finds the runtime gone and does nothing,
//! instead of a freed closure.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{MessageChannel, MessagePort, Performance};

use crate::global_scope::GlobalScope;
use crate::host::{Host, RuntimeRef};
use crate::trace::Turn;

/// How microtasks are queued: `queueMicrotask`, or a resolved Promise where that
/// is missing.
enum Microtasks {
    Queue,
    /// The resolved promise and its `then`. js-sys's `Promise::then` takes a
    /// `Closure` that Rust owns; ours are functions JS owns (see the module
    /// docs), so `then` is called as a plain function.
    Promise(Promise, Function),
}

/// The browser host: `performance.now`, `setTimeout`/`clearTimeout`,
/// `queueMicrotask` (or a Promise) and a `MessageChannel` (or `setTimeout(0)`).
pub struct BrowserHost {
    state: Rc<State>,
}

struct State {
    scope: GlobalScope,
    performance: Performance,
    microtasks: Microtasks,
    /// `(receiving port, sending port)`, if `MessageChannel` exists.
    channel: Option<(MessagePort, MessagePort)>,
    /// The same, for arming a timeout from a fresh task.
    arm_channel: Option<(MessagePort, MessagePort)>,
    callbacks: RefCell<Option<Callbacks>>,
    /// The handle of the armed timeout.
    armed: Cell<Option<i32>>,
    /// When a deferred arm (made from `arm_channel`'s message) should fire.
    deferred: Cell<Option<f64>>,
    /// Still in the browser task of our timeout callback (its microtasks
    /// included): from the callback until `arm_channel`'s message arrives.
    in_timeout: Cell<bool>,
    /// A message posted to learn when the current browser task is over: when
    /// it arrives, a new task has begun (`Host::new_task_began`).
    probe_channel: Option<(MessagePort, MessagePort)>,
    probe_posted: Cell<bool>,
    task_began: Cell<bool>,
}

struct Callbacks {
    timeout: Function,
    microtask: Function,
    macrotask: Function,
}

/// Below this, a timeout set inside a nested timer callback gets clamped.
const CLAMPED_BELOW_MS: f64 = 4.0;

impl BrowserHost {
    /// Binds the browser's timers from the global scope.
    pub fn new() -> Self {
        let scope = GlobalScope::get();
        let microtasks = if scope.has_queue_microtask() {
            Microtasks::Queue
        } else {
            let resolved = Promise::resolve(&JsValue::UNDEFINED);
            let then = Reflect::get(&resolved, &JsValue::from_str("then"))
                .ok()
                .and_then(|then| then.dyn_into().ok())
                .expect_throw("a Promise has then()");
            Microtasks::Promise(resolved, then)
        };
        let new_channel = || {
            MessageChannel::new()
                .ok()
                .map(|channel| (channel.port1(), channel.port2()))
        };
        let channel = new_channel();
        let arm_channel = new_channel();
        let probe_channel = new_channel();
        BrowserHost {
            state: Rc::new(State {
                performance: scope.performance(),
                scope,
                microtasks,
                channel,
                arm_channel,
                callbacks: RefCell::new(None),
                armed: Cell::new(None),
                deferred: Cell::new(None),
                in_timeout: Cell::new(false),
                probe_channel,
                probe_posted: Cell::new(false),
                task_began: Cell::new(true),
            }),
        }
    }

    /// Whether microtasks go through `queueMicrotask` (else through a Promise).
    pub fn uses_queue_microtask(&self) -> bool {
        matches!(self.state.microtasks, Microtasks::Queue)
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
            let state = state.clone();
            callback(move || {
                let Some(state) = state.upgrade() else { return };
                // This timeout is spent: forget its handle before the runtime re-arms.
                state.armed.take();
                // The message arrives in a later task: until then, re-arms
                // (from this callback or the microtask turns after it) would
                // be nested and clamped, so they wait for it.
                if let Some((_, sender)) = &state.arm_channel {
                    state.in_timeout.set(true);
                    post(sender);
                }
                runtime.timeout();
            })
        };
        if let Some((receiver, _)) = &self.state.arm_channel {
            let state = state.clone();
            let arm_later = callback(move || {
                if let Some(state) = state.upgrade() {
                    state.arm_deferred();
                }
            });
            receiver.set_onmessage(Some(&arm_later));
        }
        if let Some((receiver, _)) = &self.state.probe_channel {
            let state = state.clone();
            let task_ended = callback(move || {
                if let Some(state) = state.upgrade() {
                    state.probe_posted.set(false);
                    state.task_began.set(true);
                }
            });
            receiver.set_onmessage(Some(&task_ended));
        }
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
        self.state.performance.now()
    }

    fn arm(&self, delay_ms: f64) {
        self.disarm();
        let state = &self.state;
        match &state.arm_channel {
            Some(_) if state.in_timeout.get() && delay_ms < CLAMPED_BELOW_MS => {
                // The message posted by the timeout callback will arm it.
                state.deferred.set(Some(self.now() + delay_ms));
            }
            _ => state.set_timeout(delay_ms),
        }
    }

    fn disarm(&self) {
        // A deferred arm still in the channel finds nothing to do.
        self.state.deferred.set(None);
        if let Some(handle) = self.state.armed.take() {
            self.state.scope.clear_timeout(handle);
        }
    }

    fn request_turn(&self, turn: Turn) {
        let callbacks = self.state.callbacks.borrow();
        let Some(callbacks) = callbacks.as_ref() else {
            return;
        };
        match (turn, &self.state.microtasks, &self.state.channel) {
            (Turn::Microtask, Microtasks::Queue, _) => {
                self.state.scope.queue_microtask(&callbacks.microtask);
            }
            (Turn::Microtask, Microtasks::Promise(resolved, then), _) => {
                let _ = then.call1(resolved, &callbacks.microtask);
            }
            (Turn::Macrotask, _, Some((_, sender))) => post(sender),
            (Turn::Macrotask, _, None) => {
                self.state.scope.set_timeout(&callbacks.macrotask, 0.0);
            }
        }
    }

    fn new_task_began(&self) -> bool {
        let state = &self.state;
        if state.probe_channel.is_none() {
            return true; // no MessageChannel: cannot tell
        }
        state.task_began.replace(false)
    }

    /// Posts the probe, unless one is on its way. (Posted when a turn was
    /// asked for instead, it made every spawn from outside the runtime wait
    /// for it, as a `MessageChannel` post is a round trip through the
    /// browser's message pipes; see docs/benchmarks.md, "The new-task probe
    /// is posted when the runtime has nothing left to run".)
    fn callback_ended(&self) {
        let state = &self.state;
        if let Some((_, sender)) = &state.probe_channel {
            // The probe's message runs after this task and its microtasks.
            if !state.probe_posted.replace(true) {
                post(sender);
            }
        }
    }

    fn armed_timeouts(&self) -> usize {
        let state = &self.state;
        usize::from(state.armed.get().is_some() || state.deferred.get().is_some())
    }

    fn clock_is_virtual(&self) -> bool {
        false
    }
}

impl State {
    fn set_timeout(&self, delay_ms: f64) {
        let callbacks = self.callbacks.borrow();
        let Some(callbacks) = callbacks.as_ref() else {
            return;
        };
        let handle = self.scope.set_timeout(&callbacks.timeout, delay_ms);
        self.armed.set(Some(handle));
    }

    /// The timeout's browser task is over: arm a deferred timeout, if any,
    /// for what is left of its delay.
    fn arm_deferred(&self) {
        self.in_timeout.set(false);
        if let Some(at) = self.deferred.take() {
            self.set_timeout((at - self.performance.now()).max(0.0));
        }
    }
}

/// Posts an empty message: its `onmessage` runs in a new browser task.
fn post(sender: &MessagePort) {
    // Posting `null` cannot fail (nothing to clone, no transfer list).
    let _ = sender.post_message(&JsValue::NULL);
}

impl Drop for BrowserHost {
    fn drop(&mut self) {
        self.disarm();
        let state = &self.state;
        for (receiver, sender) in [&state.channel, &state.arm_channel, &state.probe_channel]
            .into_iter()
            .flatten()
        {
            receiver.set_onmessage(None);
            receiver.close();
            sender.close();
        }
    }
}
