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
use crate::program::presets::Special;
use crate::program::step_path::StepPath;
use crate::program::{presets, validate};
use crate::rust_lane::machine::Machine;
use crate::rust_lane::on_spawn_local::SpawnLocalPrelude;
use crate::rust_lane::special::{self, Parts};
use crate::rust_lane::step_names::TimerLabels;
use crate::rust_lane::{compiled, spawn_local_events, spawn_local_panels, Spawner};

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
        // As the Rust lane decides (rust_lane::spawn): a special example
        // with its shape runs its own async fn (its scenario may have
        // another example's shape: the preset says which it is), on this
        // lane's prelude.
        let special = preset
            .as_deref()
            .and_then(presets::find)
            .and_then(|p| p.special);
        let mut own = match (special, special::parts(&step)) {
            (Some(which), Some(parts)) => Some((which, parts)),
            _ => None,
        };
        let shape = presets::of_shape(&step);
        record::reset();
        self.started.set(record::now());
        let labels = TimerLabels::default();
        *self.labels.borrow_mut() = labels.clone();
        Ok(Promise::new(&mut |resolve: Function, _reject| {
            let done = move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            };
            let spawner = OnSpawnLocal { done };
            if let Some((which, Parts { label, ms, text })) = own.take() {
                // As the Rust lane names its one timer and its one log: the
                // run's first timer (record::reset numbered from 1). The
                // interop promise's timer is set in this lane's realm, so it
                // is this lane's: it has the step's label too.
                let mut names = labels.borrow_mut();
                names.calls.push(StepPath::at(&[1]));
                names.timers.push((1, label, StepPath::at(&[0])));
                drop(names);
                match which {
                    Special::Interop => {
                        let promise = make_promise.clone();
                        spawner.spawn(special::interop::<SpawnLocalPrelude>(promise, ms, text));
                    }
                    Special::LostWake => {
                        spawner.spawn(special::lost_wake::<SpawnLocalPrelude>(ms, text));
                    }
                    Special::SelfRef => {
                        spawner.spawn(special::self_ref::<SpawnLocalPrelude>(ms, text));
                    }
                }
                return;
            }
            match shape {
                // An example's shape: its compiled run(), as the Rust lane's.
                Some(preset) => {
                    let program = compiled::WithScenario {
                        step: &step,
                        labels: &labels,
                        spawner,
                    };
                    if spawn_local_panels::spawn(preset.id, program).is_err() {
                        unreachable!(
                            "src/rust_lane/spawn_local_panels.rs lacks {}: regenerate it",
                            preset.id
                        );
                    }
                }
                // Any other: the composed futures, as the Rust lane's (with
                // no state events: those are our runtime's records).
                None => {
                    spawner.spawn(Machine::<SpawnLocalPrelude>::new(
                        &step,
                        &StepPath::root(),
                        &labels,
                    ));
                }
            }
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
