//! What the Rust lane runs for a scenario, the same on the page (`lane_api`)
//! and in the tests: a special preset's own `async fn` (self-ref, interop,
//! lost-wake); a preset's compiled `run()` for a program with that preset's
//! shape, whatever its timings and texts ([`crate::compiled`]); the futures
//! composed from the runtime's combinators ([`Machine`]) for a program of any
//! other shape. Each reports `run()`'s state after every poll
//! ([`crate::suspension`]) and names the steps of its timers and logs as
//! they happen.

use std::future::Future;

use crate::compiled::WithScenario;
use crate::machine::{Machine, TimerLabels};
use crate::preset_panels;
use crate::presets;
use crate::render;
use crate::scenario::Step;
use crate::special::{self, Special};
use crate::suspension::report_states;

/// Where the lane's program goes: the page's runtime, or a test's.
pub trait Spawner {
    /// Spawns `program` as it is, not boxed on its own, so its locals live
    /// inside the task's future (self-ref shows where). A compiled preset's
    /// `run()` comes boxed ([`WithScenario`] says why).
    fn spawn<F: Future<Output = ()> + 'static>(self, program: F);
}

/// Spawns the lane's program for `step` (`preset` picks a special preset's
/// own `async fn`) through `spawner`, noting in `labels` which step each
/// timer and log comes from. `interop(ms, text)` makes the interop preset's
/// program, which awaits a JS Promise only the page can make.
pub fn spawn<I: Future<Output = ()> + 'static>(
    step: &Step,
    preset: Option<&str>,
    labels: &TimerLabels,
    interop: impl FnOnce(u32, String) -> I,
    spawner: impl Spawner,
) {
    let special = preset.and_then(presets::find).and_then(|p| p.special);
    match (special, special::parts(step)) {
        (Some(which), Some(parts)) => {
            // Where the panel's run() can suspend: the states rustc gives it.
            let points = special::code(which, step).suspension_points();
            // One sleep (timer 1 of the run, if it is a Rust timer), then one
            // log: name their steps now.
            let mut names = labels.borrow_mut();
            names.calls.push("scenario.steps[1]".into());
            match which {
                Special::SelfRef => {
                    names
                        .timers
                        .push((1, parts.label, "scenario.steps[0]".into()));
                    let program = special::self_ref(parts.ms, parts.text);
                    spawner.spawn(report_states(program, points, |_| None));
                }
                Special::Interop => {
                    let program = interop(parts.ms, parts.text);
                    spawner.spawn(report_states(program, points, |_| None));
                }
                Special::LostWake => {
                    names
                        .timers
                        .push((1, parts.label, "scenario.steps[0]".into()));
                    let program = special::lost_wake(parts.ms, parts.text);
                    spawner.spawn(report_states(program, points, |_| None));
                }
            }
        }
        _ => match presets::of_shape(step) {
            Some(preset) => {
                let compiled = WithScenario {
                    step,
                    labels,
                    spawner,
                };
                if preset_panels::spawn(preset.id, compiled).is_err() {
                    unreachable!("src/preset_panels.rs lacks {}: regenerate it", preset.id);
                }
            }
            None => {
                let points = render::rust(step).suspension_points();
                let program = Machine::new(step, "scenario", labels);
                spawner.spawn(report_states(program, points, Machine::suspended_at));
            }
        },
    }
}
