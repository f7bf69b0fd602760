//! What the tests of the Rust panels share: the corpus (every preset but
//! interop, then 300 random valid scenarios, the same on every machine) and
//! the panel the page shows for each.
#![allow(dead_code)]

use playground::program::presets;
use playground::program::presets::Special;
use playground::program::scenario::Step;
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
            // its handle later or never.
            if self.below(3) == 0 {
                let i = self.below(children.len() as u64) as usize;
                let handle = (self.below(4) > 0).then_some(1);
                let body = children[i].clone();
                children[i] = Step::Spawn {
                    handle,
                    steps: vec![body],
                };
                if let Some(handle) = handle {
                    let at = i + 1 + self.below((children.len() - i) as u64) as usize;
                    children.insert(at, Step::AwaitHandle { handle });
                }
            }
            let step = Step::Seq(children);
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
                    3 => Step::All(steps),
                    4 => Step::Race(self.arms(steps, names)),
                    _ if self.below(3) == 0 => Step::Repeat {
                        times: [0, 1, 2, 3][self.below(4) as usize],
                        steps,
                    },
                    _ => Step::CreateThenAwait(steps),
                }
            }
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
            Step::Log { text } => *text = format!("said \"{round}\" \\ {}", self.below(100)),
            Step::Yield => {}
            Step::Repeat { times, steps } => {
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
            Step::AwaitHandle { .. } => {}
            Step::Arm(arm) => {
                for child in arm.iter_mut() {
                    self.revalue(child, round);
                }
            }
            Step::Seq(steps)
            | Step::All(steps)
            | Step::Race(steps)
            | Step::CreateThenAwait(steps) => {
                for child in steps {
                    self.revalue(child, round);
                }
            }
        }
    }
}
