//! What the tests of the Rust panels share: the corpus (every preset but
//! interop, then 300 random valid scenarios, the same on every machine) and
//! the panel the page shows for each.
#![allow(dead_code)]

use playground::program::presets;
use playground::program::presets::Special;
use playground::program::scenario::{LoopStyle, Step};
use playground::render;
use playground::rust_lane::special;

pub const RANDOM_SCENARIOS: usize = 300;

/// `(name, preset id if any, scenario)`: the presets, then random scenarios.
pub fn corpus() -> Vec<(String, Option<&'static str>, Step)> {
    let mut cases: Vec<_> = presets::PRESETS
        .iter()
        .filter(|p| p.special != Some(Special::Interop))
        .map(|p| (p.id.replace('-', "_"), Some(p.id), (p.scenario)()))
        .collect();
    // A task spawned in a loop, its text reading the loop's count: the
    // count is copied into the task (`async move`), so rustc keeps it only
    // where the spawn is still to come.
    cases.push((
        "loop_spawn".into(),
        None,
        playground::parse::parse(
            "use runtime::prelude::*;\n\nasync fn run() {\n    for i in 0..2 {\n        \
             sleep_ms(5).await;\n        let h = spawn(async move {\n            \
             sleep_ms(10).await;\n            log(format!(\"task {i}\"));\n        });\n        \
             h.await.unwrap();\n    }\n}\n",
        )
        .expect("a valid program"),
    ));
    // Helpers' parameters: copied into a sleep, read by a later text (a
    // borrow, by `format!`), read again in a loop's next round, borrowed by
    // an `async` block: rustc keeps each where the body still needs it.
    cases.push((
        "params".into(),
        None,
        playground::parse::parse(
            "use runtime::prelude::*;\n\nasync fn run() {\n    brew(10).await;\n    \
             join!(brew(5), steep(3));\n    steep(1).await;\n}\n\nasync fn brew(ms: u32) {\n    \
             sleep_ms(ms).await;\n    sleep_ms(5).await;\n    log(format!(\"brewed {ms}\"));\n    \
             sleep_ms(1).await;\n}\n\nasync fn steep(n: u32) {\n    sleep_ms(n).await;\n    \
             for _ in 0..2 {\n        sleep_ms(1).await;\n        block_ms(n);\n    }\n    \
             join!(async { sleep_ms(n).await; }, sleep_ms(n));\n    sleep_ms(2).await;\n}\n",
        )
        .expect("a valid program"),
    ));
    let mut random = Random(0x5eed_cafe);
    for i in 0..RANDOM_SCENARIOS {
        let mut names = 0;
        let step = random.scenario(&mut names);
        cases.push((format!("random_{i:03}"), None, step));
    }
    cases
}

/// Checks that the generated file at `path` (from the crate's root) is
/// `want`; with `UPDATE_PANELS=1`, writes it instead. `test` names the test
/// file that writes it, for the message.
pub fn up_to_date(path: &str, want: &str, test: &str) {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var("UPDATE_PANELS").as_deref() == Ok("1") {
        std::fs::write(&file, want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        have == want,
        "{path} is out of date: run UPDATE_PANELS=1 cargo test -p playground --test {test} (then review the diff)"
    );
}

/// The panel the page shows for a case: the preset's own, or the scenario's.
pub fn panel(preset: Option<&str>, step: &Step) -> String {
    panel_code(preset, step).text(4)
}

/// The same panel, as the renderer's `Code`.
pub fn panel_code(preset: Option<&str>, step: &Step) -> render::Code {
    match preset.and_then(presets::find).and_then(|p| p.special) {
        Some(which) => special::code(which, step),
        None => render::rust(step),
    }
}

/// A small deterministic generator (xorshift), so the corpus is the same on
/// every machine and the generated file stays up to date.
pub struct Random(pub u64);

impl Random {
    /// A number from 0 up to `below` (excluded).
    pub fn below(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }

    /// One of `from`.
    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }

    /// A valid scenario: at most depth 4, 3 children a step, 32 timers.
    pub fn scenario(&mut self, names: &mut usize) -> Step {
        loop {
            let children = (0..1 + self.below(4))
                .map(|_| self.step(2, names))
                .collect();
            let mut children: Vec<Step> = children;
            // Some programs spawn one of their steps as a task, awaited by
            // its handle later, aborted later, or neither.
            if self.below(3) == 0 {
                let i = self.below(children.len() as u64) as usize;
                let use_of_handle = self.below(4);
                let handle = (use_of_handle > 0).then_some(1);
                let body = children[i].clone();
                children[i] = Step::Spawn {
                    handle,
                    steps: vec![body],
                    direct: false,
                };
                if let Some(handle) = handle {
                    let at = i + 1 + self.below((children.len() - i) as u64) as usize;
                    let using = match use_of_handle {
                        3 => Step::Abort { handle },
                        _ => Step::AwaitHandle { handle },
                    };
                    children.insert(at, using);
                }
            }
            // Some programs have a helper `async fn`: one of `run()`'s
            // statements (not a spawn or a handle's await, whose pair stays
            // in `run()`) moved into it, called where it stood, and some
            // called a second time, after it or joined with another step.
            // Some helpers take their first sleep's delay as a parameter,
            // `ms`, and a text may read it: each call passes its own.
            let movable = |s: &Step| {
                !matches!(
                    s,
                    Step::Spawn { .. } | Step::AwaitHandle { .. } | Step::Abort { .. }
                )
            };
            let i = self.below(children.len() as u64) as usize;
            let step = if self.below(4) == 0 && movable(&children[i]) {
                let name = format!("part{names}");
                let placeholder = Step::Yield;
                let mut body = match std::mem::replace(&mut children[i], placeholder) {
                    Step::Seq(steps) => steps,
                    other => vec![other],
                };
                let delay = if self.below(2) == 0 {
                    param_sleep(&mut body)
                } else {
                    None
                };
                let params: Vec<String> = delay.iter().map(|_| "ms".to_string()).collect();
                if delay.is_some() && self.below(2) == 0 {
                    for step in &mut body {
                        self.read_var(step, "ms");
                    }
                }
                let call = Step::Call {
                    name: name.clone(),
                    args: delay.into_iter().collect(),
                };
                children[i] = call.clone();
                // A second call passes another delay.
                let again = match &call {
                    Step::Call { name, args } if !args.is_empty() => Step::Call {
                        name: name.clone(),
                        args: vec![[0, 10, 30][self.below(3) as usize]],
                    },
                    other => other.clone(),
                };
                let call = again;
                match self.below(4) {
                    0 => {
                        let at = i + 1 + self.below((children.len() - i) as u64) as usize;
                        children.insert(at, call.clone());
                    }
                    // Or spawned, the task its call's future itself.
                    2 => {
                        let at = i + 1 + self.below((children.len() - i) as u64) as usize;
                        let task = Step::Spawn {
                            handle: None,
                            steps: vec![call.clone()],
                            direct: true,
                        };
                        children.insert(at, task);
                    }
                    1 => {
                        let j = self.below(children.len() as u64) as usize;
                        if movable(&children[j]) {
                            let other = children[j].clone();
                            children[j] = Step::All(vec![other, call.clone()]);
                        }
                    }
                    _ => {}
                }
                let run = Step::AsyncFn {
                    name: "run".into(),
                    params: Vec::new(),
                    steps: children,
                };
                let helper = Step::AsyncFn {
                    name,
                    params,
                    steps: body,
                };
                match self.below(2) {
                    0 => Step::Module(vec![run, helper]),
                    _ => Step::Module(vec![helper, run]),
                }
            } else {
                Step::Seq(children)
            };
            // Some name a number first, `let n = 7;`, which later texts
            // of run() read.
            let mut step = step;
            if self.below(4) == 0 {
                let name = format!("n{names}");
                let value = [0, 7, 42][self.below(3) as usize];
                let body = match &mut step {
                    Step::Module(fns) => fns.iter_mut().find_map(|f| match f {
                        Step::AsyncFn { name, steps, .. } if name == "run" => Some(steps),
                        _ => None,
                    }),
                    Step::Seq(steps) => Some(steps),
                    _ => None,
                };
                if let Some(body) = body {
                    for statement in body.iter_mut() {
                        self.read_var(statement, &name);
                    }
                    // A `let` no text reads is one rustc warns of: one does.
                    body.push(Step::Log {
                        text: format!("{{{name}}} in all"),
                        format: true,
                    });
                    body.insert(0, Step::Let { name, value });
                }
            }
            // Loops in loops could run too many steps, an arm then a spawn
            // nest too deep: draw again.
            fn depth(step: &Step) -> usize {
                1 + step.children().iter().map(depth).max().unwrap_or(0)
            }
            if step.run_steps() <= playground::program::scenario::limits::MAX_RUN_STEPS
                && depth(&step) <= playground::program::scenario::limits::MAX_DEPTH
            {
                return step;
            }
        }
    }

    fn step(&mut self, depth: usize, names: &mut usize) -> Step {
        *names += 1;
        let kind = if depth >= 4 {
            self.below(2)
        } else {
            self.below(6)
        };
        match kind {
            0 if self.below(3) == 0 => Step::Block {
                ms: [0, 10, 30][self.below(3) as usize],
            },
            0 if self.below(4) == 0 => Step::Yield,
            0 => Step::Log {
                text: format!("log {names}"),
                format: false,
            },
            1 => Step::Sleep {
                label: format!("Timer {names}"),
                ms: [0, 10, 20, 20, 50, 100][self.below(6) as usize],
            },
            _ => {
                let steps = (0..1 + self.below(3))
                    .map(|_| self.step(depth + 1, names))
                    .collect();
                match kind {
                    2 => Step::Seq(steps),
                    // Half the joins of sleeps only are `join_all`s.
                    3 if *names % 2 == 0
                        && steps.iter().all(|s| matches!(s, Step::Sleep { .. })) =>
                    {
                        Step::JoinAll(steps)
                    }
                    3 => Step::All(steps),
                    // A third are select!s without biased;.
                    4 if self.below(3) == 0 => Step::RandomRace(self.arms(steps, names)),
                    4 => Step::Race(self.arms(steps, names)),
                    _ if self.below(3) == 0 => {
                        // Half the loops name their count, and some logs in
                        // them, at any depth, read it.
                        let mut steps: Vec<Step> = steps;
                        let mut var = (self.below(2) == 0).then(|| format!("r{names}"));
                        if let Some(name) = &var {
                            for step in &mut steps {
                                self.read_var(step, name);
                            }
                            // A name no text reads is `_` (rustc would warn).
                            let read = format!("{{{name}}}");
                            let mut any = false;
                            steps.iter().for_each(|s| {
                                s.visit(&mut |s| {
                                    any |=
                                        matches!(s, Step::Log { text, .. } if text.contains(&read))
                                })
                            });
                            var = var.filter(|_| any);
                        }
                        // Some named loops count with a `while` or a `loop`
                        // (which runs at least once).
                        let style = match (var.is_some(), self.below(3)) {
                            (true, 1) => LoopStyle::While,
                            (true, 2) => LoopStyle::Loop,
                            _ => LoopStyle::For,
                        };
                        let least = u64::from(style == LoopStyle::Loop);
                        Step::Repeat {
                            times: (least + self.below(4 - least)) as u32,
                            var,
                            style,
                            steps,
                        }
                    }
                    _ => Step::CreateThenAwait(steps),
                }
            }
        }
    }

    /// Makes about half the logs in `step` read `var` too.
    fn read_var(&mut self, step: &mut Step, var: &str) {
        match step {
            Step::Log { text, format } if self.below(2) == 0 => {
                text.push_str(&format!(" {{{var}}}"));
                *format = true;
            }
            Step::Log { .. } => {}
            Step::Arm(arm) => arm.iter_mut().for_each(|s| self.read_var(s, var)),
            Step::Seq(steps)
            | Step::All(steps)
            | Step::JoinAll(steps)
            | Step::Race(steps)
            | Step::RandomRace(steps)
            | Step::CreateThenAwait(steps)
            | Step::Repeat { steps, .. }
            | Step::Spawn { steps, .. }
            | Step::Module(steps)
            | Step::AsyncFn { steps, .. } => steps.iter_mut().for_each(|s| self.read_var(s, var)),
            _ => {}
        }
    }

    /// A race's branches, some of them made `select!` arms with a body of
    /// one or two leaves (sleeps, logs, blocks, yields).
    fn arms(&mut self, branches: Vec<Step>, names: &mut usize) -> Vec<Step> {
        branches
            .into_iter()
            .map(|future| {
                if self.below(3) > 0 {
                    return future;
                }
                let body = (0..1 + self.below(2))
                    .map(|_| self.step(4, names))
                    .collect();
                Step::Arm(Box::new([future, Step::Seq(body)]))
            })
            .collect()
    }

    /// Gives every sleep, block and log of `step` new values (texts with
    /// quotes and backslashes too); the shape stays.
    pub fn revalue(&mut self, step: &mut Step, round: usize) {
        match step {
            Step::Sleep { ms, label } => {
                *ms = [0, 10, 20, 20, 50, 100, 200][self.below(7) as usize];
                label.push_str(&format!(" (round {round})"));
            }
            Step::Block { ms } => *ms = [0, 10, 30, 120][self.below(4) as usize],
            Step::SleepFor { label, .. } => label.push_str(&format!(" (round {round})")),
            Step::BlockFor { .. } => {}
            Step::Log { text, format } => {
                // A text that reads a variable keeps reading it.
                let reads = text
                    .find(" {")
                    .filter(|_| *format)
                    .map(|at| text[at..].to_string());
                *text = format!("said \"{round}\" \\ {}", self.below(100));
                text.push_str(reads.as_deref().unwrap_or_default());
            }
            Step::Yield => {}
            Step::Repeat { times, steps, .. } => {
                *times = [0, 1, 2, 3][self.below(4) as usize];
                for child in steps {
                    self.revalue(child, round);
                }
            }
            Step::Spawn { steps, .. } => {
                for child in steps {
                    self.revalue(child, round);
                }
            }
            Step::AwaitHandle { .. } | Step::Abort { .. } => {}
            Step::Let { value, .. } => *value = [0, 7, 42][self.below(3) as usize],
            Step::Call { args, .. } => {
                for arg in args {
                    *arg = [0, 10, 20, 50, 100][self.below(5) as usize];
                }
            }
            Step::Arm(arm) => {
                for child in arm.iter_mut() {
                    self.revalue(child, round);
                }
            }
            Step::Seq(steps)
            | Step::All(steps)
            | Step::JoinAll(steps)
            | Step::Race(steps)
            | Step::RandomRace(steps)
            | Step::CreateThenAwait(steps)
            | Step::Module(steps)
            | Step::AsyncFn { steps, .. } => {
                for child in steps {
                    self.revalue(child, round);
                }
            }
        }
    }
}

/// Makes the first sleep of `steps` (in reading order) read its delay from
/// the parameter `ms`; its delay, if there was one.
fn param_sleep(steps: &mut [Step]) -> Option<u32> {
    for step in steps {
        let found = match step {
            Step::Sleep { label, ms } => {
                let (label, ms) = (label.clone(), *ms);
                *step = Step::SleepFor {
                    label,
                    param: "ms".into(),
                };
                Some(ms)
            }
            Step::Arm(arm) => param_sleep(&mut arm[..]),
            Step::Seq(steps)
            | Step::All(steps)
            | Step::JoinAll(steps)
            | Step::Race(steps)
            | Step::RandomRace(steps)
            | Step::CreateThenAwait(steps)
            | Step::Repeat { steps, .. }
            | Step::Spawn { steps, .. } => param_sleep(steps),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}
