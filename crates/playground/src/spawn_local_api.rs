//! What the spawn_local lane's module exports (feature `spawn-local`): the
//! same compiled presets as the Rust lane's, on wasm-bindgen-futures'
//! `spawn_local` and gloo-timers (`rust_lane/spawn_local_panels.rs`), and
//! the notes its host sends: each browser timer gloo set, fired or cleared,
//! and each microtask the executor queued and ran. The page loads this
//! module into a realm of its own, whose `setTimeout`, `clearTimeout`,
//! `queueMicrotask` and `performance.now` are the host's
//! (`web/lanes/spawn-local.js`), so its timers run on the page's clock.

use std::cell::{Cell, RefCell};
use std::future::Future;

use js_sys::{Function, Promise};
use spawn_local_lane::prelude;
use spawn_local_lane::record::{self, host};
use wasm_bindgen::prelude::*;

use crate::js_value::{self, to_js};
use crate::program::validate;
use crate::rust_lane::on_spawn_local::SpawnLocalPrelude;
use crate::rust_lane::special;
use crate::rust_lane::step_names::TimerLabels;
use crate::rust_lane::{self, spawn_local_events, Spawner};

/// The lane: one run at a time, in this realm.
#[wasm_bindgen]
pub struct SpawnLocalLane {
    labels: RefCell<TimerLabels>,
    started: Cell<f64>,
}

/// Spawns the lane's program with `spawn_local`; `done()` when it is over.
struct OnSpawnLocal<D> {
    done: D,
}

impl<D: FnOnce() + 'static> Spawner for OnSpawnLocal<D> {
    fn spawn<F: Future<Output = ()> + 'static>(self, program: F) {
        let done = self.done;
        // Detached: dropping the handle leaves the task running.
        prelude::spawn(async move {
            program.await;
            done();
        });
    }
}

impl Default for SpawnLocalLane {
    fn default() -> Self {
        SpawnLocalLane::new()
    }
}

#[wasm_bindgen]
impl SpawnLocalLane {
    /// A lane with no run yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> SpawnLocalLane {
        SpawnLocalLane {
            labels: RefCell::default(),
            started: Cell::new(0.0),
        }
    }

    /// Starts the scenario (a plain object, as `resolveScenario` gives it)
    /// as one task, as the Rust lane does: an example's shape as its
    /// compiled `run()`, any other as the composed futures. The promise
    /// resolves when that task has finished (never, for lost-wake's). A
    /// special example (`preset`) runs its own `async fn`, on this lane's
    /// prelude. `make_promise(ms)` gives the JS Promise the interop example
    /// awaits: one of this realm's, on its timers.
    pub fn start(
        &self,
        scenario: JsValue,
        preset: Option<String>,
        make_promise: Function,
    ) -> Result<Promise, JsError> {
        let step = validate::scenario(&js_value::read(&scenario))
            .map_err(|p| JsError::new(&validate::describe(&p)))?;
        record::reset();
        self.started.set(record::now());
        let labels = TimerLabels::default();
        *self.labels.borrow_mut() = labels.clone();
        Ok(Promise::new(&mut |resolve: Function, _reject| {
            let done = move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            };
            // As the Rust lane decides it (rust_lane::spawn_on), on this
            // lane's prelude. The interop promise's timer is set in this
            // lane's realm: one of its own.
            let interop =
                |ms, text| special::interop::<SpawnLocalPrelude>(make_promise.clone(), ms, text);
            rust_lane::spawn_on::<SpawnLocalPrelude, _>(
                &step,
                preset.as_deref(),
                &labels,
                interop,
                OnSpawnLocal { done },
            );
        }))
    }

    /// The run's events, with `t` in ms since it started; timer, log and
    /// block events name their `step` (and timers their `label`). Taken:
    /// called once, when the run is over.
    pub fn events(&self) -> JsValue {
        let names = self.labels.borrow().borrow().clone();
        let records = record::take();
        to_js(&spawn_local_events::events(
            &records,
            &names,
            self.started.get(),
        ))
    }
}

/// The host's `setTimeout(…, ms)` gave gloo the timer `id`, which waits
/// `delay` (more than `ms` where the browser clamps a nested timer).
#[wasm_bindgen(js_name = noteTimerSet)]
pub fn note_timer_set(id: u32, ms: u32, delay: u32) {
    host::timer_set(id, ms, delay);
}

/// Timer `id`'s callback is about to run, `late` ms after its due time.
#[wasm_bindgen(js_name = noteTimerFired)]
pub fn note_timer_fired(id: u32, late: f64) {
    host::timer_fired(id, late);
}

/// The running timer callback returned.
#[wasm_bindgen(js_name = noteCallbackEnd)]
pub fn note_callback_end() {
    host::callback_end();
}

/// gloo called `clearTimeout(id)`.
#[wasm_bindgen(js_name = noteTimerCleared)]
pub fn note_timer_cleared(id: u32) {
    host::timer_cleared(id);
}

/// The executor called `queueMicrotask`.
#[wasm_bindgen(js_name = noteMicrotaskQueued)]
pub fn note_microtask_queued() {
    host::microtask_queued();
}

/// A microtask the executor queued starts.
#[wasm_bindgen(js_name = noteMicrotaskStart)]
pub fn note_microtask_start() {
    host::microtask_start();
}

/// It returned.
#[wasm_bindgen(js_name = noteMicrotaskEnd)]
pub fn note_microtask_end() {
    host::microtask_end();
}
