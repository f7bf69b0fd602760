//! The rules a spawned task's handle keeps, as Rust's own scoping keeps
//! them in the panel: `let h1 = spawn(…);` names a task, `h1.await` waits
//! for it later in the same block (the handle is moved, so once), each
//! handle names one spawn, and a spawn or an await of a handle is a
//! statement, not a future inside `join!` or `select!`.

use crate::program::scenario::{limits, Step};
use crate::program::step_path::StepPath;

/// Every problem with `root`'s handles and spawns, as `(path, message)`.
pub(super) fn problems(root: &Step) -> Vec<(String, String)> {
    let mut check = Handles::default();
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
    problems: Vec<(String, String)>,
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
                    }
                    self.block(&body);
                }
                Step::AwaitHandle { handle } => {
                    let why = if awaited.contains(handle) {
                        Some("an earlier step awaited already: a handle is awaited once")
                    } else if !spawned.contains(handle) {
                        Some("no spawn step before this one in the same block made")
                    } else {
                        None
                    };
                    match why {
                        Some(why) => self.problems.push((
                            format!("{path}.handle"),
                            format!("is {handle}, which {why}"),
                        )),
                        None => awaited.push(*handle),
                    }
                }
                Step::Repeat { .. } => self.block(&body),
                Step::All(items)
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
                        if matches!(item, Step::Spawn { .. } | Step::AwaitHandle { .. }) {
                            self.problems.push((
                                at.to_string(),
                                format!(
                                    "is a {}, a statement: here a future is needed (put it \
                                     in a sequence)",
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
