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
use crate::special::{self, Parts, Special};
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
        (Some(which), Some(Parts { label, ms, text })) => {
            // Where the panel's run() can suspend: the states rustc gives it.
            let points = special::code(which, step).suspension_points();
            // One sleep (timer 1 of the run, but for interop, whose timer is
            // a JS one), then one log: name their steps now.
            let mut names = labels.borrow_mut();
            names.calls.push("scenario.steps[1]".into());
            if which != Special::Interop {
                names.timers.push((1, label, "scenario.steps[0]".into()));
            }
            drop(names);
            // One async fn each, so one spawn each.
            match which {
                Special::SelfRef => {
                    spawner.spawn(report_states(
                        special::self_ref(ms, text),
                        points,
                        at_its_one_point,
                    ));
                }
                Special::LostWake => {
                    spawner.spawn(report_states(
                        special::lost_wake(ms, text),
                        points,
                        at_its_one_point,
                    ));
                }
                Special::Interop => {
                    spawner.spawn(report_states(interop(ms, text), points, at_its_one_point));
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

/// Where a special preset's `async fn` is suspended: it has one point, so
/// it can only be at that one ([`crate::suspension`]).
fn at_its_one_point<F>(_: &F) -> Option<String> {
    None
}
