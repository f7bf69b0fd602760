//! The one scenario of each set the Rust panel writes alike: what the
//! panel parses back to ([`crate::parse`]), and what the page runs for a
//! text it rendered itself (the first module has no parser).

use crate::program::scenario::Step;

/// The scenario the Rust panel of `step` parses back to: both render alike,
/// and `parse(&render::rust(step).text(4)) == Ok(canonical(step))` for every
/// valid `step` whose root is a sequence. The renderer writes some different
/// scenarios alike, so one is chosen: the root is a sequence (the body of
/// `run()`); a sequence in a sequence is spread into it (its statements are
/// written one after another); an `async` block that holds one `join!`,
/// `select!` or group of `let`s is that step, not a sequence of it. The
/// presets are canonical.
pub fn canonical(step: &Step) -> Step {
    match step {
        // A module's functions, each its body's statements; one of `run()`
        // alone is its body.
        Step::Module(fns) if fns.len() > 1 => Step::Module(
            fns.iter()
                .map(|f| match f {
                    Step::AsyncFn {
                        name,
                        params,
                        steps,
                    } => Step::AsyncFn {
                        name: name.clone(),
                        params: params.clone(),
                        steps: steps.iter().flat_map(statements).collect(),
                    },
                    other => other.clone(),
                })
                .collect(),
        ),
        Step::Module(fns) => Step::Seq(fns.iter().flat_map(statements).collect()),
        _ => Step::Seq(statements(step)),
    }
}

/// The steps of `step`'s statements, as the renderer writes them.
fn statements(step: &Step) -> Vec<Step> {
    match step {
        Step::Seq(steps) => steps.iter().flat_map(statements).collect(),
        Step::Sleep { .. }
        | Step::SleepFor { .. }
        | Step::Log { .. }
        | Step::Block { .. }
        | Step::BlockFor { .. }
        | Step::Yield => vec![step.clone()],
        Step::All(steps) => vec![Step::All(steps.iter().map(future).collect())],
        Step::JoinAll(steps) => vec![Step::JoinAll(steps.iter().map(future).collect())],
        Step::Race(steps) => vec![Step::Race(steps.iter().map(branch).collect())],
        Step::RandomRace(steps) => vec![Step::RandomRace(steps.iter().map(branch).collect())],
        // Only a race's branch.
        Step::Arm(_) => vec![branch(step)],
        Step::CreateThenAwait(steps) => {
            vec![Step::CreateThenAwait(steps.iter().map(future).collect())]
        }
        Step::Repeat {
            times,
            var,
            style,
            steps,
        } => vec![Step::Repeat {
            times: *times,
            var: var.clone(),
            style: *style,
            steps: steps.iter().flat_map(statements).collect(),
        }],
        Step::Spawn {
            handle,
            steps,
            direct,
        } => vec![Step::Spawn {
            handle: *handle,
            steps: steps.iter().flat_map(statements).collect(),
            direct: *direct,
        }],
        Step::AwaitHandle { .. } | Step::Abort { .. } | Step::Call { .. } | Step::Let { .. } => {
            vec![step.clone()]
        }
        // Only a module's (canonical, above).
        Step::Module(_) | Step::AsyncFn { .. } => {
            step.children().iter().flat_map(statements).collect()
        }
    }
}

/// A `select!` branch: its future, and its body's statements if it has one.
fn branch(step: &Step) -> Step {
    match step {
        Step::Arm(arm) => Step::Arm(Box::new([future(&arm[0]), Step::Seq(statements(&arm[1]))])),
        _ => future(step),
    }
}

/// `step` as a future (in `join!`, `select!` or `let`).
fn future(step: &Step) -> Step {
    match step {
        Step::Sleep { .. }
        | Step::SleepFor { .. }
        | Step::Log { .. }
        | Step::Block { .. }
        | Step::BlockFor { .. }
        | Step::Yield
        | Step::Call { .. } => step.clone(),
        _ => {
            let mut steps = statements(step);
            let composite = |s: &Step| {
                matches!(
                    s,
                    Step::All(_)
                        | Step::JoinAll(_)
                        | Step::Race(_)
                        | Step::RandomRace(_)
                        | Step::CreateThenAwait(_)
                        | Step::Repeat { .. }
                )
            };
            if steps.len() == 1 && composite(&steps[0]) {
                steps.remove(0)
            } else {
                Step::Seq(steps)
            }
        }
    }
}
