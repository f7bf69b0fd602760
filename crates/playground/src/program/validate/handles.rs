//! The rules a spawned task's handle keeps, as Rust's own scoping keeps
//! them in the panel: `let h1 = spawn(…);` names a task, `h1.await` waits
//! for it later in the same block (the handle is moved, so once) and
//! `h1.abort()` cancels it there (not after an await), each handle names one
//! spawn, and a spawn or a use of a handle is a statement, not a future
//! inside `join!` or `select!`. Two are this playground's: an aborted task
//! is not awaited, and it neither calls a helper nor awaits another task
//! (its JS twins could not stop those: see [`unabortable`]).

use crate::program::scenario::{limits, Step};
use crate::program::step_path::StepPath;

/// Every problem with `root`'s handles and spawns, as `(path, message)`.
pub(super) fn problems(root: &Step) -> Vec<(String, String)> {
    let mut check = Handles {
        aborted: root.aborted_handles(),
        ..Handles::default()
    };
    match root {
        // Each function's body is a block of its own.
        Step::Module(_) => {
            for (i, _, _) in root.functions() {
                let at = StepPath::root().child(i);
                check.block(&body(&root.children()[i], &at));
            }
        }
        _ => check.block(&statements(root, &StepPath::root())),
    }
    let spawns = root.run_spawns();
    if spawns > limits::MAX_RUN_SPAWNS {
        check.problems.push((
            "scenario".into(),
            format!(
                "spawns {spawns} tasks as it runs (each loop's repeats counted); at most {} \
                 are allowed",
                limits::MAX_RUN_SPAWNS
            ),
        ));
    }
    check.problems
}

#[derive(Default)]
struct Handles {
    /// Every handle a spawn names, in reading order.
    named: Vec<u32>,
    /// Every handle an abort names.
    aborted: Vec<u32>,
    problems: Vec<(String, String)>,
}

/// The first step of an aborted task's body (not of a task it spawns) that
/// its JS twins could not stop, with its path: a helper's call (its timers
/// are the helper's, which take no signal) or an await of another task (it
/// goes on when that task ends).
fn unabortable(steps: &[Step], at: &StepPath) -> Option<(StepPath, &'static str)> {
    steps.iter().enumerate().find_map(|(i, step)| {
        let path = at.child(i);
        match step {
            Step::Call { .. } => Some((path, "a call of a helper async fn")),
            Step::AwaitHandle { .. } => Some((path, "an await of another task")),
            Step::Spawn { .. } => None,
            _ => unabortable(step.children(), &path),
        }
    })
}

/// The statements of a block: a sequence's steps are statements of the
/// block around it (the Rust panel writes them one after another).
fn statements<'a>(step: &'a Step, path: &StepPath) -> Vec<(StepPath, &'a Step)> {
    match step {
        Step::Seq(steps) => steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| statements(s, &path.child(i)))
            .collect(),
        _ => vec![(path.clone(), step)],
    }
}

/// The statements of the block a spawn or a loop holds.
fn body<'a>(step: &'a Step, path: &StepPath) -> Vec<(StepPath, &'a Step)> {
    step.children()
        .iter()
        .enumerate()
        .flat_map(|(i, s)| statements(s, &path.child(i)))
        .collect()
}

impl Handles {
    /// One block's statements: the handles spawned in it, awaited in it.
    fn block(&mut self, block: &[(StepPath, &Step)]) {
        let mut spawned: Vec<u32> = Vec::new();
        let mut awaited: Vec<u32> = Vec::new();
        let mut aborted: Vec<u32> = Vec::new();
        for (path, step) in block {
            let body = body(step, path);
            match step {
                Step::Spawn { handle, .. } => {
                    if let Some(handle) = *handle {
                        if self.named.contains(&handle) {
                            self.problems.push((
                                format!("{path}.handle"),
                                format!(
                                    "{handle} names another spawn above: each spawn's handle \
                                     must be its own"
                                ),
                            ));
                        }
                        self.named.push(handle);
                        spawned.push(handle);
                        if self.aborted.contains(&handle) {
                            if let Some((at, what)) = unabortable(step.children(), path) {
                                self.problems.push((
                                    at.to_string(),
                                    format!(
                                        "is {what} in the task of handle {handle}, which is \
                                         aborted: this playground does not read that yet"
                                    ),
                                ));
                            }
                        }
                    }
                    self.block(&body);
                }
                Step::AwaitHandle { handle } | Step::Abort { handle } => {
                    let is_await = matches!(step, Step::AwaitHandle { .. });
                    let why = if awaited.contains(handle) {
                        Some(if is_await {
                            "an earlier step awaited already: a handle is awaited once"
                        } else {
                            "an earlier step awaited: the await moved the handle (rustc: use \
                             of moved value)"
                        })
                    } else if is_await && aborted.contains(handle) {
                        Some(
                            "an earlier step aborted: this playground does not read an await \
                             of an aborted task yet",
                        )
                    } else if !spawned.contains(handle) {
                        Some("no spawn step before this one in the same block made")
                    } else {
                        None
                    };
                    let used = if is_await { &mut awaited } else { &mut aborted };
                    match why {
                        Some(why) => self.problems.push((
                            format!("{path}.handle"),
                            format!("is {handle}, which {why}"),
                        )),
                        None => used.push(*handle),
                    }
                }
                Step::Repeat { .. } => self.block(&body),
                Step::All(items)
                | Step::JoinAll(items)
                | Step::Race(items)
                | Step::RandomRace(items)
                | Step::CreateThenAwait(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let mut at = path.child(i);
                        // An arm: its future, then its body, a block of its own.
                        let item = match item {
                            Step::Arm(arm) => {
                                self.block(&statements(&arm[1], &at.child(1)));
                                at = at.child(0);
                                &arm[0]
                            }
                            item => item,
                        };
                        if matches!(
                            item,
                            Step::Spawn { .. } | Step::AwaitHandle { .. } | Step::Abort { .. }
                        ) {
                            self.problems.push((
                                at.to_string(),
                                format!(
                                    "is {} {}, a statement: here a future is needed (put it \
                                     in a sequence)",
                                    if item.kind().starts_with('a') {
                                        "an"
                                    } else {
                                        "a"
                                    },
                                    item.kind()
                                ),
                            ));
                            continue;
                        }
                        self.block(&statements(item, &at));
                    }
                }
                _ => {}
            }
        }
    }
}
