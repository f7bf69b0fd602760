//! What the page's controls may do to a program, asked of the program and
//! the presets rather than decided in the page: which example it is, its
//! timers, whether its Rust text can be edited, and adding or removing a
//! timer.
//!
//! An *example* is a preset as the page's Example menu names it; a program
//! that is none is "Custom". Two programs are the same example when they
//! differ only in their timers' delays: their steps, timer labels, log texts
//! and block durations must match. That is stricter than having a preset's
//! shape ([`presets::of_shape`], which ignores labels, texts and every
//! duration, and says which compiled `run()` the Rust lane runs): a program
//! with a preset's steps and other texts runs on that preset's code, and is
//! still Custom.

use serde::Serialize;

use crate::program::presets::{self, Preset};
use crate::program::scenario::{limits, Step};
use crate::program::step_path::StepPath;

/// A timer of the program, as the timing inputs show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Timer {
    /// The input's label.
    pub label: String,
    /// Its delay.
    pub ms: u32,
}

/// What the page shows and allows for a program; JS sees
/// `{preset, timers, textEditable, canAddTimer, canRemoveTimer}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Described {
    /// The example the program is, if any (else the page says "Custom").
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub preset: Option<&'static str>,
    /// The timers, in reading order.
    pub timers: Vec<Timer>,
    /// The Rust panel can be edited: false exactly when the chosen example
    /// is a special preset, whose Rust lane runs an `async fn` of its own,
    /// outside what the editor reads (only its timings can change).
    pub text_editable: bool,
    /// A timer can be added: some step holds sleeps directly (of any
    /// composite kind: the first such step gets it), and the limits leave
    /// room.
    pub can_add_timer: bool,
    /// A timer can be removed: the program has more than one timer, and some
    /// step holds sleeps directly (the last sleep of the first such step is
    /// the one removed).
    pub can_remove_timer: bool,
}

/// What the page shows and allows for `step`. `chosen` is the page's
/// current example. If it is a special preset, the program is that
/// preset's, whatever its timings (its own code runs), and its text cannot
/// be edited. Otherwise, if `step` is the same example as several presets,
/// `chosen` is preferred.
pub fn describe(step: &Step, chosen: Option<&str>) -> Described {
    let timers = step
        .timers()
        .into_iter()
        .map(|(label, ms)| Timer {
            label: label.to_string(),
            ms,
        })
        .collect::<Vec<_>>();
    if let Some(special) = chosen
        .and_then(presets::find)
        .filter(|p| p.special.is_some())
    {
        return Described {
            preset: Some(special.id),
            timers,
            text_editable: false,
            can_add_timer: false,
            can_remove_timer: false,
        };
    }
    let count = timers.len();
    let mut steps = 0;
    step.visit(&mut |_| steps += 1);
    let has_container = container(step, StepPath::root()).is_some();
    Described {
        preset: example(step, chosen).map(|p| p.id),
        timers,
        text_editable: true,
        can_add_timer: has_container && count < limits::MAX_TIMERS && steps < limits::MAX_STEPS,
        can_remove_timer: has_container && count > 1,
    }
}

/// The (not special) preset `step` is the same example as, the chosen one
/// first.
fn example(step: &Step, chosen: Option<&str>) -> Option<&'static Preset> {
    let mine = without_delays(step);
    let same = |p: &&Preset| p.special.is_none() && without_delays(&(p.scenario)()) == mine;
    chosen
        .and_then(presets::find)
        .filter(same)
        .or_else(|| presets::PRESETS.iter().find(same))
}

fn without_delays(step: &Step) -> Step {
    let mut step = step.clone();
    for ms in step.timer_ms_mut() {
        *ms = 0;
    }
    step
}

/// The first step, in reading order, holding sleeps directly: where the
/// timer controls add and remove timers.
fn container(step: &Step, path: StepPath) -> Option<StepPath> {
    if step
        .children()
        .iter()
        .any(|s| matches!(s, Step::Sleep { .. }))
    {
        return Some(path);
    }
    step.children()
        .iter()
        .enumerate()
        .find_map(|(i, child)| container(child, path.child(i)))
}

/// The steps held by the composite step at `path` (child indices from `step`).
fn held_mut<'a>(step: &'a mut Step, path: &[usize]) -> Option<&'a mut Vec<Step>> {
    let (Step::Seq(steps)
    | Step::All(steps)
    | Step::JoinAll(steps)
    | Step::Race(steps)
    | Step::RandomRace(steps)
    | Step::CreateThenAwait(steps)
    | Step::Module(steps)
    | Step::AsyncFn { steps, .. }) = step
    else {
        return None;
    };
    match path.split_first() {
        None => Some(steps),
        Some((&i, rest)) => held_mut(steps.get_mut(i)?, rest),
    }
}

/// The steps of `step`'s [`container`], to change.
fn container_mut(step: &mut Step) -> Option<&mut Vec<Step>> {
    let at = container(step, StepPath::root())?;
    held_mut(step, at.indices())
}

/// `step` with one more timer, "Timer n" (the first n not taken, from the
/// count plus one) of 100 ms, after the last sleep of the first step that
/// holds sleeps; None if [`describe`], with the same `chosen` example,
/// says no timer can be added.
pub fn add_timer(step: &Step, chosen: Option<&str>) -> Option<Step> {
    if !describe(step, chosen).can_add_timer {
        return None;
    }
    let taken: Vec<String> = step.timers().iter().map(|(l, _)| l.to_string()).collect();
    let mut n = taken.len() + 1;
    while taken.contains(&format!("Timer {n}")) {
        n += 1;
    }
    let mut next = step.clone();
    let steps = container_mut(&mut next)?;
    let at = steps
        .iter()
        .rposition(|s| matches!(s, Step::Sleep { .. }))
        .map_or(0, |k| k + 1);
    steps.insert(at, Step::sleep(&format!("Timer {n}"), 100));
    Some(next)
}

/// `step` without the last sleep of the first step that holds sleeps; None
/// if [`describe`], with the same `chosen` example, says no timer can be
/// removed.
pub fn remove_timer(step: &Step, chosen: Option<&str>) -> Option<Step> {
    if !describe(step, chosen).can_remove_timer {
        return None;
    }
    let mut next = step.clone();
    let steps = container_mut(&mut next)?;
    let at = steps
        .iter()
        .rposition(|s| matches!(s, Step::Sleep { .. }))?;
    steps.remove(at);
    Some(next)
}
