//! The first page's lane: the notes' example on `BrowserHost`, in real time.

use std::cell::Cell;

use js_sys::{Function, Promise};
use runtime::{BrowserHost, Runtime};
use wasm_bindgen::prelude::*;

use crate::{notes_example, trace_js, NOTES_TIMINGS};

/// The notes' example on our executor, with its reactor on `setTimeout`.
#[wasm_bindgen]
pub struct NotesExample {
    runtime: Runtime,
    /// Host time when the current run started.
    started: Cell<f64>,
}

#[wasm_bindgen]
impl NotesExample {
    /// A fresh runtime on the browser's timers.
    #[wasm_bindgen(constructor)]
    pub fn new() -> NotesExample {
        NotesExample {
            runtime: Runtime::new(BrowserHost::new()),
            started: Cell::new(0.0),
        }
    }

    /// Runs the example once; the promise resolves when the task has finished.
    /// A run in flight is dropped first, with its timers.
    pub fn run(&self) -> Promise {
        self.runtime.shutdown();
        self.runtime.take_trace();
        self.started.set(self.runtime.now());
        let runtime = &self.runtime;
        Promise::new(&mut |resolve: Function, _reject| {
            let _task = runtime.spawn(async move {
                notes_example(NOTES_TIMINGS).await;
                // JS sees this after the current batch, so the final poll_end
                // is already in the trace.
                let _ = resolve.call0(&JsValue::UNDEFINED);
            });
        })
    }

    /// The events recorded since the run started or since the last call:
    /// `[{seq, t, kind, ...fields}]`, with `t` in ms since the run started.
    pub fn events(&self) -> js_sys::Array {
        let mut trace = self.runtime.take_trace();
        for record in &mut trace.records {
            record.t -= self.started.get();
        }
        trace_js::events(&trace)
    }

    /// `[live tasks, queued tasks, pending timers, armed timeouts]`.
    pub fn counters(&self) -> Vec<u32> {
        let c = self.runtime.counters();
        [
            c.live_tasks,
            c.queued_tasks,
            c.pending_timers,
            c.armed_timeouts,
        ]
        .map(|n| n as u32)
        .to_vec()
    }
}

impl Default for NotesExample {
    fn default() -> Self {
        Self::new()
    }
}
