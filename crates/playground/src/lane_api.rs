//! What the page's first module exports (feature `page`): scenarios in and
//! out (validated here, once), presets, each lane's code, share-link
//! fragments, and the Rust lane on either clock. What reads a program's text
//! is in the second module (text_api.rs).

use std::cell::{Cell, RefCell};
use std::future::Future;

use js_sys::{Function, Promise};
use runtime::{BrowserHost, Event, Runtime, VirtualHost};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::js_value::{self, to_js};
use crate::program::presets::Special;
use crate::program::scenario::Step;
use crate::program::step_path::StepPath;
use crate::program::{editing, fragment, presets, validate};
use crate::rust_lane::prelude::RuntimePrelude;
use crate::rust_lane::special;
use crate::rust_lane::step_names::TimerLabels;
use crate::rust_lane::trace_events;
use crate::{render, rust_lane};

fn refuse(problems: &[validate::Problem]) -> JsError {
    JsError::new(&validate::describe(problems))
}

/// The presets, as [`presets::PresetInfo`]s.
#[wasm_bindgen(js_name = presets)]
pub fn preset_list() -> JsValue {
    to_js(
        &presets::PRESETS
            .iter()
            .map(presets::Preset::info)
            .collect::<Vec<_>>(),
    )
}

/// Validates a run's scenario: a preset id or a scenario object, then timings.
/// Returns the scenario as a plain object; throws naming every bad field.
#[wasm_bindgen(js_name = resolveScenario)]
pub fn resolve_scenario(
    preset: JsValue,
    scenario: JsValue,
    timings: JsValue,
) -> Result<JsValue, JsError> {
    let mut step = resolve(&preset, &scenario)?;
    if !timings.is_undefined() {
        validate::apply_timings(&mut step, &js_value::read(&timings)).map_err(|p| refuse(&p))?;
    }
    Ok(to_js(&step))
}

fn resolve(preset: &JsValue, scenario: &JsValue) -> Result<Step, JsError> {
    if !scenario.is_undefined() {
        if !preset.is_undefined() {
            return Err(JsError::new("preset, scenario: give one of them, not both"));
        }
        return validate::scenario(&js_value::read(scenario)).map_err(|p| refuse(&p));
    }
    let id = if preset.is_undefined() {
        presets::PRESETS[0].id.to_string()
    } else {
        preset.as_string().unwrap_or_default()
    };
    presets::find(&id).map(|p| (p.scenario)()).ok_or_else(|| {
        let ids: Vec<&str> = presets::PRESETS.iter().map(|p| p.id).collect();
        JsError::new(&format!("preset: must be one of {}", ids.join(", ")))
    })
}

/// What the page shows and allows for a program (a scenario object):
/// `{preset, timers, textEditable, canAddTimer, canRemoveTimer}`. `chosen`
/// is the example picked last (program/editing.rs). Throws naming every bad
/// field of the scenario.
#[wasm_bindgen(js_name = describeProgram)]
pub fn describe_program(scenario: JsValue, chosen: Option<String>) -> Result<JsValue, JsError> {
    let step = validate::scenario(&js_value::read(&scenario)).map_err(|p| refuse(&p))?;
    Ok(to_js(&editing::describe(&step, chosen.as_deref())))
}

/// The program with a timer added (`delta` 1) or removed (-1), as the
/// Add timer and Remove timer buttons do; throws if it cannot be (as
/// `describeProgram` with the same `chosen` example says).
#[wasm_bindgen(js_name = changeTimers)]
pub fn change_timers(
    scenario: JsValue,
    delta: i32,
    chosen: Option<String>,
) -> Result<JsValue, JsError> {
    let step = validate::scenario(&js_value::read(&scenario)).map_err(|p| refuse(&p))?;
    let chosen = chosen.as_deref();
    let changed = match delta {
        1 => editing::add_timer(&step, chosen),
        -1 => editing::remove_timer(&step, chosen),
        _ => return Err(JsError::new("delta: must be 1 or -1")),
    };
    changed
        .map(|step| to_js(&step))
        .ok_or_else(|| JsError::new("timers: this program has no timer to change there"))
}

/// One lane's code, and the first line (from 1) of each step.
#[derive(Serialize, tsify::Tsify)]
struct LaneCode {
    /// The panel's text.
    code: String,
    /// Each step's first line, in the order of the text.
    steps: Vec<StepLine>,
}

/// Where a step starts in a panel.
#[derive(Serialize, tsify::Tsify)]
struct StepLine {
    /// The step, as trace events name it.
    step: StepPath,
    /// Its first line (from 1).
    line: usize,
}

impl LaneCode {
    fn new(code: render::Code, indent: usize) -> Self {
        LaneCode {
            code: code.text(indent),
            steps: code
                .step_lines()
                .into_iter()
                .map(|(step, line)| StepLine { step, line })
                .collect(),
        }
    }
}

/// The code of all three lanes.
#[derive(Serialize, tsify::Tsify)]
struct Lanes {
    callbacks: LaneCode,
    promises: LaneCode,
    futures: LaneCode,
}

/// Each lane's code for a scenario (a plain object from `resolveScenario`):
/// `{callbacks, promises, futures}`, each `{code, steps}` where `steps` gives
/// each step's first line (from 1): `{step: [1], line: 5}`.
/// `preset` picks a special preset's own Rust code (self-ref, interop).
#[wasm_bindgen(js_name = renderCode)]
pub fn render_code(
    scenario: JsValue,
    promise_style: &str,
    preset: Option<String>,
) -> Result<JsValue, JsError> {
    let step = validate::scenario(&js_value::read(&scenario)).map_err(|p| refuse(&p))?;
    let style = match promise_style {
        "await" => render::PromiseStyle::Await,
        _ => render::PromiseStyle::Then,
    };
    let own =
        |promises| special(preset.as_deref()).and_then(|s| special::js_code(s, &step, promises));
    Ok(to_js(&Lanes {
        callbacks: LaneCode::new(own(None).unwrap_or_else(|| render::callbacks(&step)), 2),
        promises: LaneCode::new(
            own(Some(style)).unwrap_or_else(|| render::promises(&step, style)),
            2,
        ),
        futures: LaneCode::new(rust_code(&step, preset.as_deref()), 4),
    }))
}

fn special(preset: Option<&str>) -> Option<Special> {
    preset.and_then(presets::find).and_then(|p| p.special)
}

fn rust_code(step: &Step, preset: Option<&str>) -> render::Code {
    match special(preset) {
        Some(which) => special::code(which, step),
        None => render::rust(step),
    }
}

/// Spawns a lane's program on the page's runtime; `done()` when it is over.
struct OnPage<'a, D> {
    runtime: &'a Runtime,
    done: D,
}

impl<D: FnOnce() + 'static> rust_lane::Spawner for OnPage<'_, D> {
    fn spawn<F: Future<Output = ()> + 'static>(self, program: F) {
        let done = self.done;
        self.runtime
            .spawn(async move {
                program.await;
                done();
            })
            .detach();
    }
}

/// The one scenario the Rust panel of `scenario` parses back to
/// ([`canonical`](crate::program::canonical::canonical)): what the page runs
/// for a text it rendered itself, as if it had read the text.
#[wasm_bindgen(js_name = canonicalScenario)]
pub fn canonical_scenario(scenario: JsValue) -> Result<JsValue, JsError> {
    let step = validate::scenario(&js_value::read(&scenario)).map_err(|p| refuse(&p))?;
    Ok(to_js(&crate::program::canonical::canonical(&step)))
}

/// The scenario as a URL fragment (for share links).
#[wasm_bindgen(js_name = encodeFragment)]
pub fn encode_fragment(scenario: JsValue) -> Result<String, JsError> {
    let step = validate::scenario(&js_value::read(&scenario)).map_err(|p| refuse(&p))?;
    Ok(fragment::encode(&step))
}

/// A URL fragment's scenario, validated, as a plain object.
#[wasm_bindgen(js_name = decodeFragment)]
pub fn decode_fragment(text: &str) -> Result<JsValue, JsError> {
    fragment::decode(text)
        .map(|step| to_js(&step))
        .map_err(|p| refuse(&p))
}

/// The Rust lane: one runtime, on the browser's timers or on a virtual clock.
/// A new run drops the previous one first (its tasks and timers).
#[wasm_bindgen]
pub struct RustLane {
    runtime: Runtime,
    clock: Option<VirtualHost>,
    labels: RefCell<TimerLabels>,
    started: Cell<f64>,
    /// Log events of this run already returned by `events`.
    logs_reported: Cell<usize>,
}

#[wasm_bindgen]
impl RustLane {
    /// A lane on the virtual clock (`virtual_clock`) or on `setTimeout`.
    #[wasm_bindgen(constructor)]
    pub fn new(virtual_clock: bool) -> RustLane {
        let (runtime, clock) = if virtual_clock {
            let host = VirtualHost::new();
            (Runtime::new(host.clone()), Some(host))
        } else {
            (Runtime::new(BrowserHost::new()), None)
        };
        RustLane {
            runtime,
            clock,
            labels: RefCell::default(),
            started: Cell::new(0.0),
            logs_reported: Cell::new(0),
        }
    }

    /// Starts the scenario (a plain object from `resolveScenario`) as one task.
    /// The promise resolves when the task has finished. `preset` picks a
    /// special preset's own program; `seed` starts the generator an unbiased
    /// `select!` draws from; `make_promise(ms)` gives the JS Promise the
    /// interop preset awaits.
    pub fn start(
        &self,
        scenario: JsValue,
        preset: Option<String>,
        seed: u32,
        make_promise: Function,
    ) -> Result<Promise, JsError> {
        let step = validate::scenario(&js_value::read(&scenario)).map_err(|p| refuse(&p))?;
        self.runtime.shutdown();
        self.runtime.take_trace();
        self.runtime.set_seed(u64::from(seed));
        let labels = TimerLabels::default();
        *self.labels.borrow_mut() = labels.clone();
        self.started.set(self.runtime.now());
        self.logs_reported.set(0);
        let runtime = &self.runtime;
        Ok(Promise::new(&mut |resolve: Function, _reject| {
            let done = move || {
                // JS sees this after the current batch: the final poll_end is
                // in the trace by then.
                let _ = resolve.call0(&JsValue::UNDEFINED);
            };
            let interop =
                |ms, text| special::interop::<RuntimePrelude>(make_promise.clone(), ms, text);
            rust_lane::spawn(
                &step,
                preset.as_deref(),
                &labels,
                interop,
                OnPage { runtime, done },
            );
        }))
    }

    /// Drops the run in flight: its tasks, timers and timeout.
    pub fn cancel(&self) {
        self.runtime.shutdown();
    }

    /// Events since the run started or the last call, with `t` and deadlines
    /// in ms since the start; timer and log events name their `step` (and
    /// timers their `label`).
    pub fn events(&self) -> JsValue {
        let mut trace = self.runtime.take_trace();
        let start = self.started.get();
        for record in &mut trace.records {
            record.t -= start;
            match &mut record.event {
                Event::TimerSet { deadline, .. }
                | Event::TimerElapsed { deadline, .. }
                | Event::ReactorArm { deadline, .. } => {
                    *deadline -= start;
                }
                _ => {}
            }
        }
        let names = self.labels.borrow().borrow().clone();
        let logs = trace
            .records
            .iter()
            .filter(|r| matches!(r.event, Event::Log { .. } | Event::Block { .. }))
            .count();
        let events = to_js(&trace_events::records(
            &trace,
            &names,
            self.logs_reported.get(),
        ));
        self.logs_reported.set(self.logs_reported.get() + logs);
        events
    }

    /// `{liveTasks, queuedTasks, pendingTimers, armedTimeouts, stuckTasks}`.
    pub fn counters(&self) -> JsValue {
        to_js(&self.runtime.counters())
    }

    /// Virtual clock: runs every callback due now; returns how many ran.
    #[wasm_bindgen(js_name = runUntilStalled)]
    pub fn run_until_stalled(&self) -> u32 {
        self.clock
            .as_ref()
            .map_or(0, |c| c.run_until_stalled() as u32)
    }

    /// Virtual clock: when the armed timeout is due, if any (ms, absolute).
    #[wasm_bindgen(js_name = nextTimeout)]
    pub fn next_timeout(&self) -> Option<f64> {
        self.clock.as_ref().and_then(VirtualHost::next_timeout)
    }

    /// Virtual clock: moves time forward to `t` (absolute ms).
    #[wasm_bindgen(js_name = advanceTo)]
    pub fn advance_to(&self, t: f64) {
        if let Some(clock) = &self.clock {
            clock.advance_to(t);
        }
    }

    /// The lane's clock now (absolute ms).
    pub fn now(&self) -> f64 {
        self.runtime.now()
    }
}

/// Traps the module on purpose (a wasm `unreachable`), so the page's recovery
/// can be seen and tested: it reports the trap and re-instantiates the module
/// on the next Run.
#[wasm_bindgen(js_name = debugTrap)]
pub fn debug_trap() {
    core::arch::wasm32::unreachable()
}

/// The module's linear memory, in bytes (it only grows): for soak tests.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}
