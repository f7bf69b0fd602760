//! Validation: untrusted [`Value`]s become a [`Step`] tree, or a list of every
//! problem, each naming its field and what is allowed. It runs once, here, for
//! every way a scenario arrives (JS objects, URL fragments, timings).

use std::fmt;

use crate::scenario::{limits, Step};
use crate::value::{number, quote, Value};

/// One thing wrong with an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `steps[1].ms`, `timings[0]`, `fragment`...
    pub path: String,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// All problems, one per line.
pub fn describe(problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, problem) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&problem.path);
        out.push_str(": ");
        out.push_str(&problem.message);
    }
    out
}

const STEP_TYPES: &str = "sleep, log, seq, all, race or create_then_await";

/// Checks a whole scenario (its root step).
pub fn scenario(value: &Value) -> Result<Step, Vec<Problem>> {
    let mut check = Check::default();
    let step = check.step(value, "scenario", 1);
    if check.timers > limits::MAX_TIMERS {
        check.problem(
            "scenario",
            cat!(
                "has ",
                check.timers,
                " timers; at most ",
                limits::MAX_TIMERS,
                " are allowed"
            ),
        );
    }
    if check.steps > limits::MAX_STEPS {
        check.problem("scenario", too_many_steps(check.steps));
    }
    match step {
        Some(step) if check.problems.is_empty() => Ok(step),
        _ => Err(check.problems),
    }
}

/// Checks a delay given on its own (a timing), at `path`.
pub fn ms(value: &Value, path: &str) -> Result<u32, Problem> {
    let mut check = Check::default();
    check
        .ms(value, path)
        .ok_or_else(|| check.problems.remove(0))
}

/// Sets the timers' delays, in reading order, from `timings` (an array of
/// numbers); every bad or surplus entry is a problem.
pub fn apply_timings(step: &mut Step, timings: &Value) -> Result<(), Vec<Problem>> {
    let Value::Array(timings) = timings else {
        return Err(vec![Problem {
            path: "timings".into(),
            message: cat!("must be an array of milliseconds, got ", timings.describe()),
        }]);
    };
    let mut slots = step.timer_ms_mut();
    let mut problems = Vec::new();
    if timings.len() > slots.len() {
        problems.push(Problem {
            path: "timings".into(),
            message: cat!(
                "has ",
                timings.len(),
                " entries but the scenario has ",
                slots.len(),
                " timers"
            ),
        });
    }
    for (i, (timing, slot)) in timings.iter().zip(slots.iter_mut()).enumerate() {
        match ms(timing, &cat!("timings[", i, "]")) {
            Ok(value) => **slot = value,
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[derive(Default)]
struct Check {
    problems: Vec<Problem>,
    timers: usize,
    steps: usize,
    labels: Vec<String>,
}

impl Check {
    fn problem(&mut self, path: &str, message: String) {
        // A hostile input could produce thousands; the first ones say enough.
        if self.problems.len() < 20 {
            self.problems.push(Problem {
                path: path.into(),
                message,
            });
        }
    }

    fn step(&mut self, value: &Value, path: &str, depth: usize) -> Option<Step> {
        self.steps += 1;
        if depth > limits::MAX_DEPTH {
            self.problem(
                path,
                cat!("is nested too deep: at most ", limits::MAX_DEPTH, " levels"),
            );
            return None;
        }
        let Value::Object(fields) = value else {
            self.problem(path, cat!("must be a step object, got ", value.describe()));
            return None;
        };
        let kind = match value.get("type") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(other) => {
                self.problem(
                    &cat!(path, ".type"),
                    cat!("must be one of ", STEP_TYPES, ", got ", other.describe()),
                );
                return None;
            }
            None => {
                self.problem(
                    &cat!(path, ".type"),
                    cat!("is missing: one of ", STEP_TYPES),
                );
                return None;
            }
        };
        let (allowed, listed): (&[&str], &str) = match kind {
            "sleep" => (&["type", "label", "ms"], "type, label, ms"),
            "log" => (&["type", "text"], "type, text"),
            "seq" | "all" | "race" | "create_then_await" => (&["type", "steps"], "type, steps"),
            _ => {
                self.problem(
                    &cat!(path, ".type"),
                    cat!("must be one of ", STEP_TYPES, ", got ", quote(&clip(kind))),
                );
                return None;
            }
        };
        for (key, _) in fields {
            if !allowed.contains(&key.as_str()) {
                self.problem(
                    &cat!(path, ".", clip(key)),
                    cat!(
                        "is not a field of a ",
                        kind,
                        " step (allowed: ",
                        listed,
                        ")"
                    ),
                );
            }
        }
        match kind {
            "sleep" => {
                self.timers += 1;
                let label = self.text(value.get("label"), &cat!(path, ".label"));
                let ms = self.ms_field(value.get("ms"), &cat!(path, ".ms"));
                let label = label?;
                if self.labels.contains(&label) {
                    self.problem(
                        &cat!(path, ".label"),
                        cat!(
                            quote(&label),
                            " is used by another timer; labels must be unique"
                        ),
                    );
                }
                self.labels.push(label.clone());
                Some(Step::Sleep { label, ms: ms? })
            }
            "log" => {
                let text = self.text(value.get("text"), &cat!(path, ".text"))?;
                Some(Step::Log { text })
            }
            _ => {
                let steps_path = cat!(path, ".steps");
                let children = match value.get("steps") {
                    Some(Value::Array(items)) if !items.is_empty() => items,
                    Some(Value::Array(_)) => {
                        self.problem(&steps_path, "must hold at least one step".into());
                        return None;
                    }
                    Some(other) => {
                        self.problem(
                            &steps_path,
                            cat!("must be an array of steps, got ", other.describe()),
                        );
                        return None;
                    }
                    None => {
                        self.problem(&steps_path, "is missing: an array of steps".into());
                        return None;
                    }
                };
                if children.len() > limits::MAX_STEPS {
                    self.problem(&steps_path, too_many_steps(children.len()));
                    return None;
                }
                let steps: Vec<Option<Step>> = children
                    .iter()
                    .enumerate()
                    .map(|(i, child)| self.step(child, &cat!(steps_path, "[", i, "]"), depth + 1))
                    .collect();
                let steps: Option<Vec<Step>> = steps.into_iter().collect();
                let steps = steps?;
                Some(match kind {
                    "seq" => Step::Seq(steps),
                    "all" => Step::All(steps),
                    "race" => Step::Race(steps),
                    _ => Step::CreateThenAwait(steps),
                })
            }
        }
    }

    fn ms_field(&mut self, value: Option<&Value>, path: &str) -> Option<u32> {
        match value {
            Some(value) => self.ms(value, path),
            None => {
                self.problem(path, ms_rule("is missing"));
                None
            }
        }
    }

    fn ms(&mut self, value: &Value, path: &str) -> Option<u32> {
        match value {
            Value::Number(n)
                if n.fract() == 0.0 && (0.0..=f64::from(limits::MAX_MS)).contains(n) =>
            {
                Some(*n as u32)
            }
            Value::Number(n) if n.is_finite() && n.fract() != 0.0 => {
                self.problem(
                    path,
                    ms_rule(&cat!("got ", number(*n), ", which is not whole")),
                );
                None
            }
            other => {
                self.problem(path, ms_rule(&cat!("got ", other.describe())));
                None
            }
        }
    }

    fn text(&mut self, value: Option<&Value>, path: &str) -> Option<String> {
        let rule = cat!("must be text of 1 to ", limits::MAX_TEXT, " characters");
        let text = match value {
            Some(Value::String(text)) => text,
            Some(other) => {
                self.problem(path, cat!(rule, ", got ", other.describe()));
                return None;
            }
            None => {
                self.problem(path, cat!("is missing: ", rule));
                return None;
            }
        };
        let chars = char_count(text);
        if text.chars().all(char::is_whitespace) || chars > limits::MAX_TEXT {
            self.problem(path, cat!(rule, ", got ", chars));
            return None;
        }
        if text.chars().any(forbidden) {
            self.problem(
                path,
                cat!(
                    rule,
                    ", without control characters, bidirectional overrides \
                     or broken (lone surrogate) characters"
                ),
            );
            return None;
        }
        Some(text.clone())
    }
}

/// Characters no label or text may hold: controls (newlines would break the
/// code panels), bidirectional embeddings, overrides and isolates (they can
/// make code read differently from what runs: "Trojan Source"), and U+FFFD,
/// which stands for a lone surrogate the input had.
fn forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFD}')
}

fn ms_rule(got: &str) -> String {
    cat!(
        "must be a whole number of milliseconds from 0 to ",
        limits::MAX_MS,
        ", ",
        got
    )
}

fn too_many_steps(steps: usize) -> String {
    cat!(
        "has ",
        steps,
        " steps; at most ",
        limits::MAX_STEPS,
        " are allowed"
    )
}

/// Characters (Unicode scalar values) in `text`: `chars().count()` without
/// its unrolled counting loop.
fn char_count(text: &str) -> usize {
    // Every character has exactly one byte that is not a continuation byte.
    text.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// At most 40 characters of untrusted text, for messages.
fn clip(text: &str) -> String {
    let mut clipped = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == 40 {
            clipped.push('…');
            break;
        }
        clipped.push(c);
    }
    clipped
}
