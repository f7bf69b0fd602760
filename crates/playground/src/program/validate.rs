//! Validation: untrusted [`Value`]s become a [`Step`] tree, or a list of every
//! problem, each naming its field and what is allowed. It runs once, here, for
//! every way a scenario arrives (JS objects, URL fragments, timings).

mod functions;
mod handles;
mod loop_vars;

use std::fmt;

use crate::program::log_text;
use crate::program::number::to_js_string;
use crate::program::scenario::{limits, LoopStyle, Step};
use crate::program::step_path::StepPath;
use crate::program::value::{quote, Value};

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
    let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
    lines.join("\n")
}

/// The label of the timer the Callbacks lane sets for a `yield`
/// (web/lanes/callbacks.js): a sleep's label is never it, so the page tells
/// the two apart by it.
const YIELD_LABEL: &str = "yield";

const STEP_TYPES: &str = "sleep, log, block, yield, seq, all, race, arm, create_then_await, \
     repeat, spawn, await_handle, abort, module, async_fn, call or let";

/// Checks a whole scenario (its root step).
pub fn scenario(value: &Value) -> Result<Step, Vec<Problem>> {
    let mut check = Check::default();
    let step = check.step(value, &StepPath::root(), 1);
    if check.timers > limits::MAX_TIMERS {
        check.problem(
            "scenario",
            format!(
                "has {} timers; at most {} are allowed",
                check.timers,
                limits::MAX_TIMERS
            ),
        );
    }
    if check.steps > limits::MAX_STEPS {
        check.problem("scenario", too_many_steps(check.steps));
    }
    if let Some(step) = step.as_ref().filter(|_| check.problems.is_empty()) {
        for (path, problem) in misplaced_arms(step, &StepPath::root(), false) {
            check.problem(&path, problem);
        }
        for (path, problem) in functions::problems(step) {
            check.problem(&path, problem);
        }
    }
    // Counting what runs follows the calls: only once they are sound.
    if let Some(step) = step.as_ref().filter(|_| check.problems.is_empty()) {
        if let Some((path, problem)) = runs_too_long(step) {
            check.problem(&path, problem);
        }
        for (path, problem) in loop_vars::problems(step) {
            check.problem(&path, problem);
        }
        for (path, problem) in handles::problems(step) {
            check.problem(&path, problem);
        }
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
        .ms(value, path, limits::MAX_MS)
        .ok_or_else(|| check.problems.remove(0))
}

/// Sets the timers' delays, in reading order, from `timings` (an array of
/// numbers); every bad or surplus entry is a problem.
pub fn apply_timings(step: &mut Step, timings: &Value) -> Result<(), Vec<Problem>> {
    let Value::Array(timings) = timings else {
        return Err(vec![Problem {
            path: "timings".into(),
            message: format!(
                "must be an array of milliseconds, got {}",
                timings.describe()
            ),
        }]);
    };
    let mut slots = step.timer_ms_mut();
    let mut problems = Vec::new();
    if timings.len() > slots.len() {
        problems.push(Problem {
            path: "timings".into(),
            message: format!(
                "has {} entries but the scenario has {} timers",
                timings.len(),
                slots.len()
            ),
        });
    }
    for (i, (timing, slot)) in timings.iter().zip(slots.iter_mut()).enumerate() {
        match ms(timing, &format!("timings[{i}]")) {
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

    fn step(&mut self, value: &Value, at: &StepPath, depth: usize) -> Option<Step> {
        self.steps += 1;
        // Problems name the step and its field: `scenario.steps[1].ms`.
        let path = &at.to_string();
        if depth > limits::MAX_DEPTH {
            self.problem(
                path,
                format!("is nested too deep: at most {} levels", limits::MAX_DEPTH),
            );
            return None;
        }
        let Value::Object(fields) = value else {
            self.problem(
                path,
                format!("must be a step object, got {}", value.describe()),
            );
            return None;
        };
        let kind = match value.get("type") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(other) => {
                self.problem(
                    &format!("{path}.type"),
                    format!("must be one of {STEP_TYPES}, got {}", other.describe()),
                );
                return None;
            }
            None => {
                self.problem(
                    &format!("{path}.type"),
                    format!("is missing: one of {STEP_TYPES}"),
                );
                return None;
            }
        };
        let (allowed, listed): (&[&str], &str) = match kind {
            "sleep" => (&["type", "label", "ms", "param"], "type, label, ms, param"),
            "log" => (&["type", "text", "format"], "type, text, format"),
            "block" => (&["type", "ms", "param"], "type, ms, param"),
            "yield" => (&["type"], "type"),
            "seq" | "arm" | "create_then_await" => (&["type", "steps"], "type, steps"),
            "all" => (&["type", "join_all", "steps"], "type, join_all, steps"),
            "race" => (&["type", "random", "steps"], "type, random, steps"),
            "repeat" => (
                &["type", "times", "var", "style", "steps"],
                "type, times, var, style, steps",
            ),
            "spawn" => (
                &["type", "handle", "steps", "direct"],
                "type, handle, steps, direct",
            ),
            "await_handle" | "abort" => (&["type", "handle"], "type, handle"),
            "module" => (&["type", "steps"], "type, steps"),
            "async_fn" => (
                &["type", "name", "params", "steps"],
                "type, name, params, steps",
            ),
            "call" => (&["type", "name", "args"], "type, name, args"),
            "let" => (&["type", "name", "value"], "type, name, value"),
            _ => {
                self.problem(
                    &format!("{path}.type"),
                    format!("must be one of {STEP_TYPES}, got {}", quote(&clip(kind))),
                );
                return None;
            }
        };
        for (key, _) in fields {
            if !allowed.contains(&key.as_str()) {
                self.problem(
                    &format!("{path}.{}", clip(key)),
                    format!("is not a field of a {kind} step (allowed: {listed})"),
                );
            }
        }
        match kind {
            "sleep" => {
                self.timers += 1;
                let label = self.text(value.get("label"), &format!("{path}.label"));
                let delay = self.delay(value, path, limits::MAX_MS);
                let label = label?;
                if self.labels.contains(&label) {
                    self.problem(
                        &format!("{path}.label"),
                        format!(
                            "{} is used by another timer; labels must be unique",
                            quote(&label)
                        ),
                    );
                } else if label == YIELD_LABEL {
                    self.problem(
                        &format!("{path}.label"),
                        format!(
                            "{} names the timer the Callbacks lane sets to yield \
                             (`setTimeout(…, 0)`): name this one otherwise",
                            quote(&label)
                        ),
                    );
                }
                self.labels.push(label.clone());
                Some(match delay? {
                    Ok(ms) => Step::Sleep { label, ms },
                    Err(param) => Step::SleepFor { label, param },
                })
            }
            "log" => {
                let text = self.text(value.get("text"), &format!("{path}.text"));
                let format = match value.get("format") {
                    None => Some(false),
                    Some(Value::Bool(format)) => Some(*format),
                    Some(other) => {
                        self.problem(
                            &format!("{path}.format"),
                            format!(
                                "must be true (the text reads loop variables) or false, got {}",
                                other.describe()
                            ),
                        );
                        None
                    }
                };
                Some(Step::Log {
                    text: text?,
                    format: format?,
                })
            }
            "block" => Some(match self.delay(value, path, limits::MAX_BLOCK_MS)? {
                Ok(ms) => Step::Block { ms },
                Err(param) => Step::BlockFor { param },
            }),
            "yield" => Some(Step::Yield),
            "await_handle" => {
                let handle = self.handle(value.get("handle"), &format!("{path}.handle"))?;
                Some(Step::AwaitHandle { handle })
            }
            "abort" => {
                let handle = self.handle(value.get("handle"), &format!("{path}.handle"))?;
                Some(Step::Abort { handle })
            }
            "let" => {
                let name = match value.get("name") {
                    Some(name) => self.var(name, &format!("{path}.name")),
                    None => self.var(&Value::Null, &format!("{path}.name")),
                };
                let rule = (0, limits::MAX_VALUE, "");
                let number = self.whole(
                    value.get("value"),
                    &format!("{path}.value"),
                    rule.0,
                    rule.1,
                    rule.2,
                );
                let name = name?;
                if let Some(why) = functions::taken(&name) {
                    self.problem(
                        &format!("{path}.name"),
                        format!("is `{name}`, {why}: name it otherwise"),
                    );
                    return None;
                }
                Some(Step::Let {
                    name,
                    value: number?,
                })
            }
            "call" => {
                let name = self.fn_name(value.get("name"), &format!("{path}.name"));
                let args = match value.get("args") {
                    None => Some(Vec::new()),
                    Some(Value::Array(args)) if args.len() <= limits::MAX_PARAMS => {
                        let each = args.iter().enumerate().map(|(i, arg)| {
                            self.ms(arg, &format!("{path}.args[{i}]"), limits::MAX_MS)
                        });
                        each.collect::<Vec<_>>().into_iter().collect()
                    }
                    Some(other) => {
                        self.problem(
                            &format!("{path}.args"),
                            format!(
                                "must be an array of at most {} whole numbers, one per parameter, \
                                 got {}",
                                limits::MAX_PARAMS,
                                other.describe()
                            ),
                        );
                        None
                    }
                };
                Some(Step::Call {
                    name: name?,
                    args: args?,
                })
            }
            _ => {
                let times = match kind {
                    "repeat" => Some(self.times(value.get("times"), &format!("{path}.times"))),
                    _ => None,
                };
                let random = match (kind, value.get("random")) {
                    ("race", Some(Value::Bool(random))) => Some(*random),
                    ("race", Some(other)) => {
                        self.problem(
                            &format!("{path}.random"),
                            format!(
                                "must be true (each poll starts at a step drawn at random, as \
                                 select! without biased;) or false, got {}",
                                other.describe()
                            ),
                        );
                        None
                    }
                    _ => Some(false),
                };
                let var = match (kind, value.get("var")) {
                    ("repeat", Some(var)) => Some(self.var(var, &format!("{path}.var"))),
                    _ => None,
                };
                let style = match (kind, value.get("style")) {
                    ("repeat", Some(style)) => self.loop_style(style, &format!("{path}.style")),
                    _ => Some(LoopStyle::For),
                };
                let name = match kind {
                    "async_fn" => Some(self.fn_name(value.get("name"), &format!("{path}.name"))),
                    _ => None,
                };
                let params = match kind {
                    "async_fn" => Some(self.params(value.get("params"), &format!("{path}.params"))),
                    _ => None,
                };
                // A module's functions are each as deep as a program's root.
                let depth = if kind == "module" { depth - 1 } else { depth };
                // A spawn's handle is optional: a task nobody awaits.
                let handle = match (kind, value.get("handle")) {
                    ("spawn", Some(handle)) => {
                        Some(self.handle(Some(handle), &format!("{path}.handle")))
                    }
                    _ => None,
                };
                let steps_path = format!("{path}.steps");
                let children = match value.get("steps") {
                    Some(Value::Array(items)) if !items.is_empty() => items,
                    Some(Value::Array(_)) => {
                        self.problem(&steps_path, "must hold at least one step".into());
                        return None;
                    }
                    Some(other) => {
                        self.problem(
                            &steps_path,
                            format!("must be an array of steps, got {}", other.describe()),
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
                    .map(|(i, child)| self.step(child, &at.child(i), depth + 1))
                    .collect();
                let steps: Option<Vec<Step>> = steps.into_iter().collect();
                let steps = steps?;
                Some(match kind {
                    "seq" => Step::Seq(steps),
                    "all" => match value.get("join_all") {
                        None | Some(Value::Bool(false)) => Step::All(steps),
                        Some(Value::Bool(true)) => match one_type(&steps) {
                            Ok(()) => Step::JoinAll(steps),
                            Err(why) => {
                                self.problem(&steps_path, why);
                                return None;
                            }
                        },
                        Some(other) => {
                            self.problem(
                                &format!("{path}.join_all"),
                                format!(
                                    "must be true (Rust writes it `join_all(vec![…])`) or \
                                     false (`join!`), got {}",
                                    other.describe()
                                ),
                            );
                            return None;
                        }
                    },
                    "race" if random? => Step::RandomRace(steps),
                    "race" => Step::Race(steps),
                    "arm" => match <[Step; 2]>::try_from(steps) {
                        Ok(arm) => Step::Arm(Box::new(arm)),
                        Err(steps) => {
                            self.problem(
                                &steps_path,
                                format!(
                                    "must hold two steps, the future raced and the body run \
                                     if it wins, got {}",
                                    steps.len()
                                ),
                            );
                            return None;
                        }
                    },
                    "repeat" => {
                        let (times, style) = (times.flatten()?, style?);
                        // Absent, or given and valid.
                        let var = match var {
                            Some(var) => Some(var?),
                            None => None,
                        };
                        if style != LoopStyle::For && var.is_none() {
                            self.problem(
                                &format!("{path}.var"),
                                format!(
                                    "is missing: a {} loop counts with a variable it names",
                                    style.name()
                                ),
                            );
                            return None;
                        }
                        if style == LoopStyle::Loop && times == 0 {
                            self.problem(
                                &format!("{path}.times"),
                                "must be from 1 to 100 in a `loop`, which checks `i == N` only \
                                 after a round, when `i` is already 1: at 0 it would never end \
                                 (`while i < 0` runs the body 0 times)"
                                    .into(),
                            );
                            return None;
                        }
                        Step::Repeat {
                            times,
                            var,
                            style,
                            steps,
                        }
                    }
                    "spawn" => {
                        let direct = match value.get("direct") {
                            None => false,
                            Some(Value::Bool(direct)) => *direct,
                            Some(other) => {
                                self.problem(
                                    &format!("{path}.direct"),
                                    format!(
                                        "must be true (the task is a helper's call, \
                                         `spawn(brew())`) or false, got {}",
                                        other.describe()
                                    ),
                                );
                                return None;
                            }
                        };
                        if direct && !matches!(steps.as_slice(), [Step::Call { .. }]) {
                            self.problem(
                                &format!("{path}.steps"),
                                "must be one call step when `direct` is true: `spawn(brew())` \
                                 spawns a helper's call"
                                    .into(),
                            );
                            return None;
                        }
                        Step::Spawn {
                            // Absent, or given and valid.
                            handle: match handle {
                                Some(handle) => Some(handle?),
                                None => None,
                            },
                            steps,
                            direct,
                        }
                    }
                    "module" => Step::Module(steps),
                    "async_fn" => Step::AsyncFn {
                        name: name.flatten()?,
                        params: params.flatten()?,
                        steps,
                    },
                    _ => Step::CreateThenAwait(steps),
                })
            }
        }
    }

    /// A loop variable's name ([`log_text::is_name`]).
    fn var(&mut self, value: &Value, path: &str) -> Option<String> {
        match value {
            Value::String(name) if log_text::is_name(name) => Some(name.clone()),
            other => {
                let got = match other {
                    Value::String(name) => quote(&clip(name)),
                    other => other.describe(),
                };
                self.problem(
                    path,
                    format!(
                        "must be a variable's name (lowercase letters, digits and _, 1 to 20, \
                         not a keyword), got {got}"
                    ),
                );
                None
            }
        }
    }

    /// A function's name: a variable's ([`log_text::is_name`]), and not
    /// one the panels use for something else ([`functions::taken`]).
    fn fn_name(&mut self, value: Option<&Value>, path: &str) -> Option<String> {
        let name = match value {
            Some(Value::String(name)) if log_text::is_name(name) => name,
            other => {
                let got = match other {
                    Some(Value::String(name)) => quote(&clip(name)),
                    Some(other) => other.describe(),
                    None => "nothing".into(),
                };
                self.problem(
                    path,
                    format!(
                        "must be a function's name (lowercase letters, digits and _, 1 to 20, \
                         not a keyword), got {got}"
                    ),
                );
                return None;
            }
        };
        if let Some(why) = functions::taken(name) {
            self.problem(path, format!("is `{name}`, {why}: name it otherwise"));
            return None;
        }
        Some(name.clone())
    }

    /// A function's parameters: at most [`limits::MAX_PARAMS`] names, each
    /// once (absent: none).
    fn params(&mut self, value: Option<&Value>, path: &str) -> Option<Vec<String>> {
        let items = match value {
            None => return Some(Vec::new()),
            Some(Value::Array(items)) if items.len() <= limits::MAX_PARAMS => items,
            Some(other) => {
                self.problem(
                    path,
                    format!(
                        "must be an array of at most {} parameter names, got {}",
                        limits::MAX_PARAMS,
                        other.describe()
                    ),
                );
                return None;
            }
        };
        let mut out: Vec<String> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let name = self.var(item, &format!("{path}[{i}]"))?;
            if let Some(why) = functions::taken(&name) {
                self.problem(
                    &format!("{path}[{i}]"),
                    format!("is `{name}`, {why}: name it otherwise"),
                );
                return None;
            }
            if out.contains(&name) {
                self.problem(
                    &format!("{path}[{i}]"),
                    format!(
                        "is `{name}`, a parameter before it: each is named once (rustc: E0415)"
                    ),
                );
                return None;
            }
            out.push(name);
        }
        Some(out)
    }

    /// A sleep's or a block's delay: its `ms` (up to `max`), or `param`, the
    /// name of a parameter of its function (`Err`), one of the two.
    fn delay(&mut self, value: &Value, path: &str, max: u32) -> Option<Result<u32, String>> {
        match (value.get("ms"), value.get("param")) {
            (Some(_), Some(_)) => {
                self.problem(
                    &format!("{path}.param"),
                    "is given with ms: a delay is one or the other".into(),
                );
                None
            }
            (None, Some(param)) => self.var(param, &format!("{path}.param")).map(Err),
            (ms, None) => self.ms_field(ms, &format!("{path}.ms"), max).map(Ok),
        }
    }

    /// How a loop is written: `"for"`, `"while"` or `"loop"`.
    fn loop_style(&mut self, value: &Value, path: &str) -> Option<LoopStyle> {
        let styles = [LoopStyle::For, LoopStyle::While, LoopStyle::Loop];
        match value {
            Value::String(name) => {
                let style = styles.into_iter().find(|s| s.name() == name);
                if style.is_none() {
                    self.problem(
                        path,
                        format!("must be for, while or loop, got {}", quote(&clip(name))),
                    );
                }
                style
            }
            other => {
                self.problem(
                    path,
                    format!("must be for, while or loop, got {}", other.describe()),
                );
                None
            }
        }
    }

    /// A handle: a whole number from 1 to [`limits::MAX_HANDLES`].
    fn handle(&mut self, value: Option<&Value>, path: &str) -> Option<u32> {
        self.whole(value, path, 1, limits::MAX_HANDLES, "")
    }

    /// A loop's count: a whole number from 0 to [`limits::MAX_TIMES`].
    fn times(&mut self, value: Option<&Value>, path: &str) -> Option<u32> {
        self.whole(value, path, 0, limits::MAX_TIMES, " of times")
    }

    /// A whole number from `min` to `max`; `unit` is how the rule names it
    /// (`" of times"`).
    fn whole(
        &mut self,
        value: Option<&Value>,
        path: &str,
        min: u32,
        max: u32,
        unit: &str,
    ) -> Option<u32> {
        let rule = format!("must be a whole number{unit} from {min} to {max}");
        let range = f64::from(min)..=f64::from(max);
        match value {
            Some(Value::Number(n)) if n.fract() == 0.0 && range.contains(n) => Some(*n as u32),
            Some(other) => {
                self.problem(path, format!("{rule}, got {}", other.describe()));
                None
            }
            None => {
                self.problem(path, format!("is missing: {rule}"));
                None
            }
        }
    }

    fn ms_field(&mut self, value: Option<&Value>, path: &str, max: u32) -> Option<u32> {
        match value {
            Some(value) => self.ms(value, path, max),
            None => {
                self.problem(path, ms_rule("is missing", max));
                None
            }
        }
    }

    fn ms(&mut self, value: &Value, path: &str, max: u32) -> Option<u32> {
        match value {
            Value::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(max)).contains(n) => {
                Some(*n as u32)
            }
            Value::Number(n) if n.is_finite() && n.fract() != 0.0 => {
                self.problem(
                    path,
                    ms_rule(
                        &format!("got {}, which is not whole", to_js_string(*n)),
                        max,
                    ),
                );
                None
            }
            // A timing field with letters in it (the browser hands the
            // page that text, or none with `validity.badInput`), or a link's "200".
            Value::String(_) => {
                self.problem(path, ms_rule("got text, not a number", max));
                None
            }
            other => {
                self.problem(path, ms_rule(&format!("got {}", other.describe()), max));
                None
            }
        }
    }

    fn text(&mut self, value: Option<&Value>, path: &str) -> Option<String> {
        let rule = format!("must be text of 1 to {} characters", limits::MAX_TEXT);
        let text = match value {
            Some(Value::String(text)) => text,
            Some(other) => {
                self.problem(path, format!("{rule}, got {}", other.describe()));
                return None;
            }
            None => {
                self.problem(path, format!("is missing: {rule}"));
                return None;
            }
        };
        let chars = text.chars().count();
        if text.chars().all(char::is_whitespace) || chars > limits::MAX_TEXT {
            self.problem(path, format!("{rule}, got {chars}"));
            return None;
        }
        if text.chars().any(forbidden) {
            self.problem(
                path,
                format!(
                    "{rule}, without control characters, bidirectional overrides \
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

/// Every arm that is not a race's step: `in_race` says
/// whether `step` is one.
fn misplaced_arms(step: &Step, at: &StepPath, in_race: bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if matches!(step, Step::Arm(_)) && !in_race {
        out.push((
            at.to_string(),
            "is an arm, which only a race's steps may be (an arm is a branch of a \
             select! with a body)"
                .into(),
        ));
    }
    let race = matches!(step, Step::Race(_) | Step::RandomRace(_));
    for (i, child) in step.children().iter().enumerate() {
        out.extend(misplaced_arms(child, &at.child(i), race));
    }
    out
}

/// If `root` would run more than [`limits::MAX_RUN_STEPS`] steps, the loop
/// to blame (the first of those that run the most, with its `times` path)
/// and what to say; a program without loops never does (64 steps at most).
fn runs_too_long(root: &Step) -> Option<(String, String)> {
    let total = root.run_steps();
    if total <= limits::MAX_RUN_STEPS {
        return None;
    }
    // Each loop's steps run: its enclosing loops' repeats counted, and the
    // times its function runs (each call of a helper runs its body). Worked
    // out per function, never by expanding the calls, which a chain of
    // helpers calling the next many times would make exponential.
    // Each function: its name and its body's steps with their paths (a
    // program without helpers is one body, the root).
    let bodies: Vec<(&str, Vec<(StepPath, &Step)>)> = match root {
        Step::Module(_) => root
            .functions()
            .map(|(i, name, steps)| {
                let at = StepPath::root().child(i);
                (
                    name,
                    steps
                        .iter()
                        .enumerate()
                        .map(|(k, s)| (at.child(k), s))
                        .collect(),
                )
            })
            .collect(),
        _ => vec![("run", vec![(StepPath::root(), root)])],
    };
    // In each body: its calls and its loops, each with how many times it
    // runs per run of the body (the repeats of the loops around it).
    let mut calls: Vec<(usize, String, u64)> = Vec::new();
    let mut in_body: Vec<(usize, StepPath, &Step, u64)> = Vec::new();
    fn walk<'a>(
        body: usize,
        step: &'a Step,
        at: &StepPath,
        outer: u64,
        calls: &mut Vec<(usize, String, u64)>,
        loops: &mut Vec<(usize, StepPath, &'a Step, u64)>,
    ) {
        let inner = match step {
            Step::Repeat { times, .. } => {
                loops.push((body, at.clone(), step, outer));
                outer.saturating_mul(u64::from(*times))
            }
            Step::Call { name, .. } => {
                calls.push((body, name.clone(), outer));
                outer
            }
            _ => outer,
        };
        for (i, child) in step.children().iter().enumerate() {
            walk(body, child, &at.child(i), inner, calls, loops);
        }
    }
    for (k, (_, steps)) in bodies.iter().enumerate() {
        for (at, step) in steps {
            walk(k, step, at, 1, &mut calls, &mut in_body);
        }
    }
    // How many times each function runs: run() once, a helper as often as
    // its calls do (no helper calls itself, so this settles in a round per
    // function).
    let mut runs: Vec<u64> = bodies
        .iter()
        .map(|(name, _)| u64::from(*name == "run"))
        .collect();
    for _ in 0..bodies.len() {
        for (k, (name, _)) in bodies.iter().enumerate() {
            if *name == "run" {
                continue;
            }
            runs[k] = calls
                .iter()
                .filter(|(_, callee, _)| callee == name)
                .map(|(caller, _, times)| runs[*caller].saturating_mul(*times))
                .fold(0, u64::saturating_add);
        }
    }
    let mut loops: Vec<(StepPath, u64)> = Vec::new();
    for (k, at, step, outer) in in_body {
        let each = runs[k].saturating_mul(outer);
        loops.push((at, each.saturating_mul(root.steps_run_by(step))));
    }
    let most = loops.iter().map(|(_, n)| *n).max()?;
    let (at, runs) = loops.into_iter().find(|(_, n)| *n == most)?;
    let this = if runs < total {
        format!(", {runs} of them in this loop")
    } else {
        String::new()
    };
    Some((
        format!("{at}.times"),
        format!(
            "makes the program run {total} steps in all (sleeps, logs, blocks and yields, \
             each loop's repeats counted{this}); at most {} are allowed",
            limits::MAX_RUN_STEPS
        ),
    ))
}

fn ms_rule(got: &str, max: u32) -> String {
    format!("must be a whole number of milliseconds from 0 to {max}, {got}")
}

fn too_many_steps(steps: usize) -> String {
    format!(
        "has {steps} steps; at most {} are allowed",
        limits::MAX_STEPS
    )
}

/// At most 40 characters of untrusted text, for messages.
fn clip(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Whether `steps` can be one `join_all(vec![…])`: a `Vec` holds values of
/// one type, so every step is a sleep (a `Sleep`), every step a yield, or
/// every step a call of one helper (its future's type), unless there is
/// only one; else why not, as rustc says it.
fn one_type(steps: &[Step]) -> Result<(), String> {
    // A key for a step's future type: none for an `async` block, each a
    // type of its own.
    fn ty(s: &Step) -> Option<&str> {
        match s {
            Step::Sleep { .. } | Step::SleepFor { .. } => Some("Sleep"),
            Step::Yield => Some("YieldNow"),
            Step::Call { name, .. } => Some(name),
            _ => None,
        }
    }
    let first = steps.first().map(ty);
    if steps
        .iter()
        .skip(1)
        .all(|s| ty(s).is_some() && Some(ty(s)) == first)
    {
        Ok(())
    } else {
        Err(
            "must be all sleeps, all yields, or all calls of one helper, when `join_all` is \
             true: a `Vec` holds futures of one type (rustc: mismatched types, E0308); `join!` \
             takes any"
                .into(),
        )
    }
}
