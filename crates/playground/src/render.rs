//! Each lane's code, written from the scenario: callbacks as nested
//! `setTimeout`, promises as a `.then` chain or `async`/`await`, Rust as an
//! `async fn`. Every line knows the step it belongs to, so a trace event (which
//! names its step) can point at its line.

use std::cell::{Cell, RefCell};

use crate::program::log_text::{self, Piece};
use crate::program::scenario::{LoopStyle, Step};
use crate::program::step_path::StepPath;

/// Code, and the step path of each line (if any).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Code {
    lines: Vec<Line>,
    /// Sequences of two steps or more written with no line of their own,
    /// as their steps one after another, and their first step.
    sequences: Vec<(StepPath, StepPath)>,
}

/// One line: code, then a trailing `// comment` kept apart, so closing
/// brackets go after the code and never inside a comment or a string.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    indent: usize,
    code: String,
    comment: Option<String>,
    step: Option<StepPath>,
}

impl Code {
    pub(crate) fn push(&mut self, indent: usize, code: impl Into<String>, step: Option<&StepPath>) {
        self.push_noted(indent, code, None, step);
    }

    /// A line with a trailing comment (a timer's label, a hint).
    pub(crate) fn push_noted(
        &mut self,
        indent: usize,
        code: impl Into<String>,
        comment: Option<&str>,
        step: Option<&StepPath>,
    ) {
        self.lines.push(Line {
            indent,
            code: code.into(),
            comment: comment.map(String::from),
            step: step.cloned(),
        });
    }

    fn append(&mut self, indent: usize, other: Code) {
        for mut line in other.lines {
            line.indent += indent;
            self.lines.push(line);
        }
        self.sequences.extend(other.sequences);
    }

    /// Notes that the sequence at `path` of `steps` is written as its steps
    /// (a sequence of one is written as that step, and has no line).
    fn sequence(&mut self, path: &StepPath, steps: &[Step]) {
        if steps.len() > 1 && !path.indices().is_empty() {
            self.sequences.push((path.clone(), path.child(0)));
        }
    }

    /// Notes that the step at `inner` is written on `outer`'s line (the
    /// call a task is, `spawn(brew())`).
    fn same_line(&mut self, inner: &StepPath, outer: &StepPath) {
        self.sequences.push((inner.clone(), outer.clone()));
    }

    /// Adds `suffix` to the last line's code (closing brackets, commas).
    fn close(&mut self, suffix: &str) {
        if let Some(last) = self.lines.last_mut() {
            last.code.push_str(suffix);
        }
    }

    /// Rewrites the code (not the comment) of every line that belongs to a
    /// step: `f(step path, code)`.
    pub(crate) fn rewrite_calls(&mut self, mut f: impl FnMut(&StepPath, &mut String)) {
        for line in &mut self.lines {
            if let Some(step) = &line.step {
                f(step, &mut line.code);
            }
        }
    }

    /// The code as text, indented by two (JS) or four (Rust) spaces a level.
    pub fn text(&self, indent_width: usize) -> String {
        let mut out = String::new();
        for line in &self.lines {
            out.push_str(&" ".repeat(line.indent * indent_width));
            out.push_str(&line.code);
            if let Some(comment) = &line.comment {
                out.push_str(" // ");
                out.push_str(comment);
            }
            out.push('\n');
        }
        out
    }

    /// Where `async fn run()` can suspend, in order: each `.await`, `join!`
    /// and `select!` in its own body, loops' bodies included (not inside an
    /// `async` block, whose awaits belong to that block's future), with the
    /// step it awaits and its line (from 1). rustc gives `run()`'s future
    /// one `Suspend` state per point; a `log(…)` or `let` line is none.
    pub fn suspension_points(&self) -> Vec<(StepPath, usize)> {
        self.suspension_points_of("run")
    }

    /// [`Code::suspension_points`] of the `async fn` named `name`.
    pub fn suspension_points_of(&self, name: &str) -> Vec<(StepPath, usize)> {
        self.head_of(name)
            .map_or_else(Vec::new, |head| self.suspension_points_in(head))
    }

    /// The suspension points of the body that opens on line index `head`:
    /// an `async fn`'s, or a spawned `async` block's.
    pub(crate) fn suspension_points_in(&self, head: usize) -> Vec<(StepPath, usize)> {
        let suspends = |code: &str| {
            code.ends_with(".await;")
                || code.ends_with(".await.unwrap();")
                || code.starts_with("join!(")
                || code == "select! {"
        };
        self.body_in(head)
            .into_iter()
            .filter(|&(_, loops, code)| loops.is_some() && suspends(code))
            .filter_map(|(n, _, _)| Some((self.lines[n - 1].step.clone()?, n)))
            .collect()
    }

    /// How many lines the code has.
    pub(crate) fn len(&self) -> usize {
        self.lines.len()
    }

    /// The code (without its comment) on line index `n`.
    pub(crate) fn code_at(&self, n: usize) -> &str {
        &self.lines[n].code
    }

    /// The line index of `async fn {name}(…) {`.
    pub(crate) fn head_of(&self, name: &str) -> Option<usize> {
        let start = format!("async fn {name}(");
        let opens = |l: &Line| l.code.starts_with(&start) && l.code.ends_with(") {");
        self.lines.iter().position(opens)
    }

    /// The line indices of each spawned `async` block's first line
    /// (`let h1 = spawn(async move {`): each is a future of its own.
    pub(crate) fn spawned_blocks(&self) -> Vec<usize> {
        let opens = |l: &Line| {
            l.code.contains("spawn(async")
                && (l.code.ends_with("async {") || l.code.ends_with("async move {"))
        };
        (0..self.lines.len())
            .filter(|&n| opens(&self.lines[n]))
            .collect()
    }

    /// The numbers a spawned `async move` block, opening on line index
    /// `head`, captures (rustc's upvars, kept in its prefix): the variables
    /// of the function around it that the block reads, a `for` loop's count,
    /// a counter or a `let` (each an `i32`) or a parameter (a `u32`).
    pub(crate) fn captured_numbers(&self, head: usize) -> Vec<(String, &'static str)> {
        let indent = |n: usize| self.lines[n].indent;
        let code = |n: usize| self.lines[n].code.as_str();
        if !code(head).ends_with("async move {") {
            return Vec::new();
        }
        let around = (0..head)
            .rev()
            .find(|&n| indent(n) < indent(head) && code(n).starts_with("async fn "));
        let Some(function) = around else {
            return Vec::new();
        };
        let name = code(function)["async fn ".len()..]
            .split('(')
            .next()
            .unwrap_or_default();
        let mut known: Vec<(String, &'static str)> = self
            .params_of(name)
            .into_iter()
            .map(|p| (p, "u32"))
            .collect();
        for n in function + 1..head {
            // A `let` is seen from the rest of its block; a loop's count
            // inside the loop's body.
            let open = (n + 1..head).all(|m| indent(m) >= indent(n));
            if let Some(rest) = code(n).strip_prefix("for ") {
                let var = rest.split(" in ").next().unwrap_or("_");
                let inside = (n + 1..=head).all(|m| indent(m) > indent(n));
                if var != "_" && inside {
                    known.push((var.to_string(), "i32"));
                }
            } else if let Some(rest) = code(n).strip_prefix("let ") {
                let rest = rest.trim_start_matches("mut ");
                if let Some((bound, value)) = rest.split_once(" = ") {
                    let whole = value
                        .trim_end_matches(';')
                        .bytes()
                        .all(|b| b.is_ascii_digit());
                    if whole && open {
                        known.push((bound.to_string(), "i32"));
                    }
                }
            }
        }
        let end = (head + 1..self.lines.len())
            .find(|&n| indent(n) <= indent(head))
            .unwrap_or(self.lines.len());
        let reads = |p: &str| {
            (head + 1..end).any(|n| {
                identifiers(code(n)).iter().any(|w| w == p)
                    || (code(n).contains("format!(") && code(n).contains(&format!("{{{p}}}")))
            })
        };
        known.into_iter().filter(|(p, _)| reads(p)).collect()
    }

    /// The body that opens on line index `head` (`async fn run() {`, a
    /// helper's, or a spawned `async` block's), as `(line from 1, loops,
    /// code without its comment)`: what [`crate::state_machine`] reads.
    /// `loops` is how many `for` loops hold a line of the body's own
    /// (`Some(0)` outside any), `None` for a line inside an `async` block or
    /// a macro's arguments.
    pub(crate) fn body_in(&self, head: usize) -> Vec<(usize, Option<usize>, &str)> {
        let body = head;
        let outer = self.lines[body].indent;
        // The blocks open around a line: (indent, its loops if it is run()'s
        // own body). A line closes those at its indent or deeper.
        let mut open: Vec<(usize, Option<usize>)> = vec![(outer, Some(0))];
        let mut out = Vec::new();
        for (n, l) in self.lines.iter().enumerate().skip(body + 1) {
            if l.indent <= outer {
                break;
            }
            while open.last().is_some_and(|&(indent, _)| indent >= l.indent) {
                open.pop();
            }
            let loops = open.last().and_then(|&(_, loops)| loops);
            out.push((n + 1, loops, l.code.as_str()));
            if l.code.ends_with('{') || l.code.ends_with('(') {
                // A loop's body and a `select!` arm's body are `run()`'s own
                // (the arms' futures are not: `_ = async {` opens a block);
                // only a `for` loop keeps an iterator.
                let counted =
                    l.code.starts_with("while ") || l.code == "loop {" || l.code.starts_with("if ");
                let inner = if l.code.starts_with("for ") {
                    loops.map(|k| k + 1)
                } else if l.code == "select! {" || l.code.ends_with("=> {") || counted {
                    loops
                } else {
                    None
                };
                open.push((l.indent, inner));
            }
        }
        out
    }

    /// The first line (from 1) past the block that line `line` (from 1) is
    /// a statement of: where a binding made on `line` is dropped.
    pub(crate) fn scope_end(&self, line: usize) -> usize {
        let indent = self.lines[line - 1].indent;
        let past = (line..self.lines.len()).find(|&n| self.lines[n].indent < indent);
        past.map_or(self.lines.len() + 1, |n| n + 1)
    }

    /// The variables of the `for` loops in `run()`'s body around line
    /// `line` (from 1) that rustc keeps across an await there: a variable a
    /// text reads by reference anywhere in its loop's body is kept at every
    /// await in it (borrowed once, it stays while its storage does); one
    /// only copied into a task (`spawn(async move { … })`) is kept where
    /// that spawn is still to come.
    pub(crate) fn loop_vars_held_at(&self, line: usize) -> Vec<String> {
        let indent = |n: usize| self.lines[n].indent;
        let mut held = Vec::new();
        for start in 0..line.saturating_sub(1) {
            let Some(rest) = self.lines[start].code.strip_prefix("for ") else {
                continue;
            };
            let Some((var, _)) = rest.split_once(" in ") else {
                continue;
            };
            // The loop's body: the lines after it, indented deeper.
            let body_end = (start + 1..self.lines.len())
                .find(|&n| indent(n) <= indent(start))
                .unwrap_or(self.lines.len());
            if var == "_" || line > body_end {
                continue;
            }
            let read = format!("{{{var}}}");
            let kept = (start + 1..body_end)
                .filter(|&n| {
                    self.lines[n].code.contains("format!(") && self.lines[n].code.contains(&read)
                })
                .any(|n| {
                    // The spawn it is copied into, if any, between the loop and it.
                    let spawn = (start + 1..n).rev().find(|&m| {
                        indent(m) < indent(n) && self.lines[m].code.contains("spawn(async move {")
                    });
                    spawn.is_none_or(|m| m + 1 > line)
                });
            if kept {
                held.push(var.to_string());
            }
        }
        held
    }

    /// The parameters of `async fn {name}(…)`, as its first line names
    /// them (`async fn brew(ms: u32) {`: `ms`).
    pub(crate) fn params_of(&self, name: &str) -> Vec<String> {
        let start = format!("async fn {name}(");
        let Some(header) = self.lines.iter().find(|l| l.code.starts_with(&start)) else {
            return Vec::new();
        };
        let inside = header.code[start.len()..]
            .split(')')
            .next()
            .unwrap_or_default();
        inside
            .split(", ")
            .filter_map(|p| p.split(':').next())
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    }

    /// The numbers of `async fn {name}(…)` (its parameters, each a `u32`,
    /// and its `let`s of a whole number, each an `i32`) that rustc keeps
    /// across the suspension point on line `line` (from 1) of its body, with
    /// their types. A number read by value is copied, so it is kept where
    /// the body still reads it after the point (on a later line, in a
    /// `select!` arm's body, in an `async` block made there, or in the next
    /// round of a loop around it). Once borrowed (read in an `async` block
    /// that is not `move`, or by `format!`), rustc keeps it at every later
    /// point while it is in scope, as it keeps any local whose address was
    /// taken.
    /// The body opens on line index `head`; `params` are the function's
    /// (none for an `async` block, which reads the numbers it captures
    /// where they are, in its prefix).
    pub(crate) fn numbers_held_in(
        &self,
        head: usize,
        params: Vec<String>,
        line: usize,
    ) -> Vec<(String, &'static str)> {
        let outer = self.lines[head].indent;
        let end = (head + 1..self.lines.len())
            .find(|&n| self.lines[n].indent <= outer)
            .unwrap_or(self.lines.len());
        let at = line - 1;
        let indent = |n: usize| self.lines[n].indent;
        let code = |n: usize| self.lines[n].code.as_str();
        // Each number: its name, type, the line it is made on (a parameter:
        // the function's first) and the first line past its scope.
        let mut numbers: Vec<(String, &'static str, usize, usize)> =
            params.into_iter().map(|p| (p, "u32", head, end)).collect();
        for n in head + 1..end {
            // `let cups = 3;`, or a `while`/`loop` counter, `let mut i = 0;`.
            let declared = code(n)
                .strip_prefix("let ")
                .map(|r| r.trim_start_matches("mut "));
            let Some((bound, value)) = declared.and_then(|r| r.split_once(" = ")) else {
                continue;
            };
            if value
                .trim_end_matches(';')
                .bytes()
                .all(|b| b.is_ascii_digit())
            {
                let scope_end = (n + 1..end).find(|&m| indent(m) < indent(n)).unwrap_or(end);
                numbers.push((bound.to_string(), "i32", n, scope_end));
            }
        }
        let formats = |n: usize, p: &str| {
            code(n).contains("format!(") && code(n).contains(&format!("{{{p}}}"))
        };
        let reads =
            |n: usize, p: &str| identifiers(code(n)).iter().any(|w| w == p) || formats(n, p);
        let opens_async = |code: &str| code.contains("async {");
        // Which lines are in an `async` block that is not `move` (a read
        // there borrows), which in a `select!` arm's body, and which in an
        // `async move` block (a spawned task's: it copies the number when
        // made, and a read inside reads that copy).
        let mut in_async = vec![false; end];
        let mut in_arm = vec![false; end];
        let mut in_move = vec![false; end];
        let mut open: Vec<(usize, &str)> = Vec::new();
        for n in head + 1..end {
            while open.last().is_some_and(|&(i, _)| i >= indent(n)) {
                open.pop();
            }
            in_move[n] = open.iter().any(|&(_, kind)| kind == "move");
            in_async[n] = !in_move[n]
                && (open.iter().any(|&(_, kind)| kind == "async") || opens_async(code(n)));
            in_arm[n] = open.iter().any(|&(_, kind)| kind == "arm");
            let c = code(n);
            if c.ends_with('{') || c.ends_with('(') {
                let kind = if c.ends_with("async move {") {
                    "move"
                } else if c.ends_with("async {") {
                    "async"
                } else if c.ends_with("=> {") {
                    "arm"
                } else {
                    ""
                };
                open.push((indent(n), kind));
            }
        }
        // The statement on the point's line, to its closing line.
        let mut last = at;
        while last + 1 < end && indent(last + 1) > indent(at) {
            last += 1;
        }
        if last + 1 < end
            && indent(last + 1) == indent(at)
            && code(last + 1).starts_with([')', '}'])
        {
            last += 1;
        }
        // The `for` loops around the point: a read anywhere in one is read
        // again in its next round (of a number made before the loop).
        let loops: Vec<(usize, usize)> = (head + 1..at)
            .filter(|&f| code(f).starts_with("for "))
            .map(|f| {
                let body_end = (f + 1..end).take_while(|&m| indent(m) > indent(f)).last();
                (f, body_end.unwrap_or(f))
            })
            .filter(|&(_, body_end)| body_end >= at)
            .collect();
        let borrows =
            |n: usize, p: &str| !in_move[n] && (formats(n, p) || (in_async[n] && reads(n, p)));
        numbers
            .into_iter()
            .filter(|(p, _, made, scope_end)| {
                let (p, made, scope_end) = (p.as_str(), *made, *scope_end);
                made < at
                    && at < scope_end
                    && ((last + 1..scope_end).any(|n| reads(n, p))
                        || (at + 1..=last).any(|n| reads(n, p) && (in_async[n] || in_arm[n]))
                        || (made + 1..=at).any(|n| borrows(n, p))
                        || loops
                            .iter()
                            .any(|&(f, e)| f > made && (f + 1..=e).any(|n| reads(n, p))))
            })
            .map(|(p, ty, _, _)| (p, ty))
            .collect()
    }

    /// The first line (from 1) of each step that has one, and of each
    /// sequence written as its steps one after another (in the Callbacks
    /// panel and a `.then` chain): its first step's line.
    pub fn step_lines(&self) -> Vec<(StepPath, usize)> {
        let mut seen: Vec<(StepPath, usize)> = Vec::new();
        for (n, line) in self.lines.iter().enumerate() {
            if let Some(step) = &line.step {
                if !seen.iter().any(|(s, _)| s == step) {
                    seen.push((step.clone(), n + 1));
                }
            }
        }
        for (sequence, first) in &self.sequences {
            let line = seen.iter().find(|(s, _)| first.holds(s)).map(|(_, l)| *l);
            if let (Some(line), false) = (line, seen.iter().any(|(s, _)| s == sequence)) {
                seen.push((sequence.clone(), line));
            }
        }
        seen
    }
}

/// A helper's call spawned as it is (`spawn(brew(100))`, validation: the
/// spawn's one step): `brew(100)`, as every panel writes it.
fn spawned_call(steps: &[Step]) -> String {
    match steps {
        [Step::Call { name, args }] => format!("{name}({})", arguments(args)),
        _ => String::new(),
    }
}

/// A sleep's label and its delay as the panels write it: its number, or
/// the parameter of its helper that holds it (`sleep_ms(ms)`).
fn delay_of(step: &Step) -> (&str, String) {
    match step {
        Step::Sleep { label, ms } => (label, ms.to_string()),
        Step::SleepFor { label, param } => (label, param.clone()),
        _ => ("", String::new()),
    }
}

/// The identifiers in a line of code, outside string literals (ASCII: the
/// panels' names are).
pub(crate) fn identifiers(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = code.chars();
    let mut flush = |word: &mut String| {
        if !word.is_empty() {
            out.push(std::mem::take(word));
        }
    };
    while let Some(c) = chars.next() {
        if c == '"' {
            flush(&mut word);
            while let Some(s) = chars.next() {
                match s {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    _ => {}
                }
            }
        } else if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word);
        }
    }
    flush(&mut word);
    out
}

/// `text` as a string literal, valid in JS and in Rust.
pub(crate) fn js_string(text: &str) -> String {
    // Labels and texts are validated (no control characters); only quotes and
    // backslashes need escaping to stay a JS (and Rust) string literal.
    let mut out = String::from('"');
    for c in text.chars() {
        if c == '\\' || c == '"' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A step whose value in the JS panels is no promise (a log, a block, a
/// yield), as they write it: `console.log("…")`, `block(100)`, `null` (what
/// `await null` awaits: a value, so the function resumes in a microtask).
/// Whether a race has a branch with code of its own (a `select!` arm with a
/// body).
fn has_arms(steps: &[Step]) -> bool {
    steps.iter().any(|s| matches!(s, Step::Arm(_)))
}

/// An arm's body that is one plain call (a log, a block):
/// the call and its path. The `.then` chain writes it as a statement, with
/// nothing to return.
fn one_call<'a>(body: &'a Step, at: &StepPath) -> Option<(&'a Step, StepPath)> {
    match body {
        Step::Seq(steps) if steps.len() == 1 => one_call(&steps[0], &at.child(0)),
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } => Some((body, at.clone())),
        _ => None,
    }
}

/// What the line that reads a race's winner says.
const ARM_NUMBER: &str = "the number of the first to finish: its code runs";

/// What a JS panel names as it is written: a count of the names taken
/// (`done1`, `loop2`…; the `.then` chain counts its loops), the `async`
/// style's loops open around the code being written (`i`, `i2`…), and the
/// variables of the loops around it, innermost last, each with the JS name
/// of that loop's count.
#[derive(Default)]
struct JsNames {
    taken: Cell<usize>,
    loops: Cell<usize>,
    vars: RefCell<Vec<(String, String)>>,
    /// Each spawn's path, with its handle if the program aborts it: the
    /// timers of an aborted task are written so that its abort can clear
    /// them.
    tasks: Vec<(StepPath, Option<u32>)>,
}

impl JsNames {
    /// The names of `program`: each `let`'s, which JS names the same (a
    /// name is one `let`'s in the whole program, so it never hides one).
    fn of(program: &Step) -> JsNames {
        let mut names = JsNames::default();
        let aborted = program.aborted_handles();
        program.visit_paths(&StepPath::root(), &mut |s, at| match s {
            Step::Let { name, .. } => names.vars.get_mut().push((name.clone(), name.clone())),
            Step::Spawn { handle, .. } => {
                let handle = handle.filter(|h| aborted.contains(h));
                names.tasks.push((at.clone(), handle));
            }
            _ => {}
        });
        names
    }

    /// The handle of the task the step at `path` is in, if the program
    /// aborts that task (not a task it spawns).
    fn aborted_task(&self, path: &StepPath) -> Option<u32> {
        let around = self
            .tasks
            .iter()
            .filter(|(at, _)| at.holds(path) && at != path);
        let innermost = around.max_by_key(|(at, _)| at.indices().len());
        innermost.and_then(|(_, handle)| *handle)
    }

    /// A timer's arguments in the promise panels: its delay, and the
    /// signal of its task's `AbortController` if that task is aborted.
    fn timer_args(&self, ms: &str, path: &StepPath) -> String {
        match self.aborted_task(path) {
            Some(k) => format!("{ms}, h{k}.signal"),
            None => ms.to_string(),
        }
    }

    /// How the Callbacks panel sets a timer: `setTimeout(`, kept in its
    /// task's list of timers if the task is aborted (its `h.timers`).
    fn set_timeout(&self, path: &StepPath) -> String {
        match self.aborted_task(path) {
            Some(k) => format!("h{k}.timers.push(setTimeout("),
            None => "setTimeout(".into(),
        }
    }

    /// The end of [`JsNames::set_timeout`]'s call, after the delay.
    fn set_timeout_end(&self, path: &StepPath) -> &'static str {
        match self.aborted_task(path) {
            Some(_) => "));",
            None => ");",
        }
    }

    fn get(&self) -> usize {
        self.taken.get()
    }

    fn set(&self, n: usize) {
        self.taken.set(n);
    }

    /// `f`, written inside a helper whose parameters are `params`: a text
    /// reads each by its name, in JS as in Rust.
    fn with_params<R>(&self, params: &[String], f: impl FnOnce() -> R) -> R {
        let count = params.len();
        let mut vars = self.vars.borrow_mut();
        vars.extend(params.iter().map(|p| (p.clone(), p.clone())));
        drop(vars);
        let out = f();
        let mut vars = self.vars.borrow_mut();
        let keep = vars.len() - count;
        vars.truncate(keep);
        out
    }

    /// `f`, written inside a loop whose variable (if named) is `var`, its
    /// count `js` in JS.
    fn with_var<R>(&self, var: &Option<String>, js: &str, f: impl FnOnce() -> R) -> R {
        if let Some(var) = var {
            self.vars.borrow_mut().push((var.clone(), js.into()));
        }
        let out = f();
        if var.is_some() {
            self.vars.borrow_mut().pop();
        }
        out
    }

    /// A log's text as JS writes it: a string, or, if it reads loop
    /// variables, a template literal with each loop's count.
    fn text(&self, text: &str, format: bool) -> String {
        if !format {
            return js_string(text);
        }
        let vars = self.vars.borrow();
        let js = |name: &str| {
            let found = vars.iter().rev().find(|(var, _)| var == name);
            found.map_or("undefined", |(_, js)| js).to_string()
        };
        let pieces = log_text::pieces(text).unwrap_or_default();
        let mut out = String::from("`");
        for piece in pieces {
            match piece {
                Piece::Text(text) => {
                    for c in text.chars() {
                        if matches!(c, '`' | '\\' | '$') {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                }
                Piece::Var(name) => out.push_str(&format!("${{{}}}", js(name))),
            }
        }
        out.push('`');
        out
    }
}

fn js_call(step: &Step, names: &JsNames) -> Option<String> {
    match step {
        Step::Log { text, format } => Some(format!("console.log({})", names.text(text, *format))),
        Step::Block { ms } => Some(format!("block({ms})")),
        Step::BlockFor { param } => Some(format!("block({param})")),
        Step::Yield => Some("null".into()),
        Step::Abort { handle } => Some(format!("h{handle}.abort()")),
        _ => None,
    }
}

/// The JS panels' names for loop number `n` (from 1) and its count: `loop1`
/// and `i`, then `loop2` and `i2`…, so that an inner loop's code never
/// hides an outer one's name.
fn loop_names(n: usize) -> (String, String) {
    (format!("loop{n}"), nth_name("i", n))
}

/// `base` for the first of its kind in a panel, then `base2`, `base3`…
fn nth_name(base: &str, n: usize) -> String {
    if n == 1 {
        base.into()
    } else {
        format!("{base}{n}")
    }
}

/// What a spawn's line says in each panel: when the task's code runs.
const SPAWN_CALLBACK: &str =
    "spawn: its first step starts now; the code below goes on without waiting";
const SPAWN_PROMISE: &str =
    "spawn: an async function called now runs to its first await, then returns its promise";
const SPAWN_THEN: &str = "spawn: start its chain; this callback returns nothing, so nothing waits";
const SPAWN_RUST: &str = "spawn: a task of its own; it starts once this task pauses at an .await";

/// What an abort's line says in each panel.
const ABORT_CALLBACK: &str = "abort: clear the task's timers; their callbacks never run";
const ABORT_PROMISE: &str = "abort: each timer's listener calls clearTimeout; the promise the task awaits never settles, so it stays paused there";
const ABORT_RUST: &str = "abort: our executor drops (destroys) the task now, with the timer it waits on (tokio drops it when it would next run it)";
/// What the line making an aborted task's handle `h{k}` says in the promise
/// panels (an `AbortController`).
fn abort_handle_promise(k: u32) -> String {
    format!(
        "the task's handle: h{k}.abort() fires \"abort\" on h{k}.signal, which each of the task's \
         timers listens to"
    )
}

/// What a yield's line says in each panel: where the rest of the code runs.
const YIELD_CALLBACK: &str = "yield: the rest runs in a new browser task";
const YIELD_AWAIT: &str = "yield: the rest runs in a microtask";
const YIELD_RUST: &str = "yield: the task goes to the back of the ready queue";

/// The same step as the Rust panel calls it: `log("…")`, `block_ms(100)`.
fn rust_call(step: &Step) -> Option<String> {
    match step {
        Step::Log {
            text,
            format: false,
        } => Some(format!("log({})", js_string(text))),
        Step::Log { text, .. } => Some(format!("log(format!({}))", js_string(text))),
        Step::Block { ms } => Some(format!("block_ms({ms})")),
        Step::BlockFor { param } => Some(format!("block_ms({param})")),
        _ => None,
    }
}

/// The JS panels' `block(ms)`, written above the program when it blocks: a
/// busy loop, as CPU-bound work keeps the thread.
fn block_function(step: &Step, code: &mut Code) {
    let mut blocks = false;
    step.visit(&mut |s| blocks |= matches!(s, Step::Block { .. } | Step::BlockFor { .. }));
    if blocks {
        code.push_noted(
            0,
            "function block(ms) {",
            Some("busy: nothing else runs"),
            None,
        );
        code.push(1, "const end = performance.now() + ms;", None);
        code.push(1, "while (performance.now() < end) {}", None);
        code.push(0, "}", None);
        code.push(0, "", None);
    }
}

// ---- Callbacks: continuation-passing, as the notes nest setTimeout. ----

/// The scenario as nested `setTimeout` callbacks.
pub fn callbacks(step: &Step) -> Code {
    let mut code = Code::default();
    block_function(step, &mut code);
    let names = JsNames::of(step);
    // Each helper `async fn` is a function that takes what to do when it is
    // done, as every step here does.
    for (at, name, params, steps) in helpers(step) {
        let mut takes = params.to_vec();
        takes.push("done".into());
        code.push(0, format!("function {name}({}) {{", takes.join(", ")), None);
        names.with_params(params, || {
            callback_seq(steps, 0, &at, 1, &mut code, &names, &mut |ind, c| {
                c.push(ind, "done();", None)
            })
        });
        code.push(0, "}", None);
        code.push(0, "", None);
    }
    let (at, entry) = step.entry();
    callback_step(&entry, &at, 0, &mut code, &names, &mut |_, _| {});
    code
}

/// A module's helper `async fn`s (all but `run`), each with its path and
/// body: each panel writes them as functions of its own, above the program.
fn helpers(step: &Step) -> impl Iterator<Item = (StepPath, &str, &[String], &[Step])> {
    let fns = step.signatures().filter(|(_, name, _, _)| *name != "run");
    fns.map(|(i, name, params, steps)| (StepPath::root().child(i), name, params, steps))
}

/// A call's arguments as every panel writes them: `100, 50`.
fn arguments(args: &[u32]) -> String {
    let each: Vec<String> = args.iter().map(u32::to_string).collect();
    each.join(", ")
}

type Then<'a> = dyn FnMut(usize, &mut Code) + 'a;

fn callback_step(
    step: &Step,
    path: &StepPath,
    indent: usize,
    code: &mut Code,
    names: &JsNames,
    then: &mut Then,
) {
    match step {
        // `Promise.race` draws nothing: written as a race.
        Step::RandomRace(steps) => {
            callback_step(&Step::Race(steps.clone()), path, indent, code, names, then)
        }
        // JS has one way to wait for all: as `join!`.
        Step::JoinAll(steps) => {
            callback_step(&Step::All(steps.clone()), path, indent, code, names, then)
        }
        Step::Sleep { .. } | Step::SleepFor { .. } => {
            let (label, ms) = delay_of(step);
            let set = format!("{}() => {{", names.set_timeout(path));
            code.push_noted(indent, set, Some(label), Some(path));
            then(indent + 1, code);
            let end = names.set_timeout_end(path);
            code.push(indent, format!("}}, {ms}{end}"), Some(path));
        }
        Step::Yield => {
            let set = format!("{}() => {{", names.set_timeout(path));
            code.push_noted(indent, set, Some(YIELD_CALLBACK), Some(path));
            then(indent + 1, code);
            let end = names.set_timeout_end(path);
            code.push(indent, format!("}}, 0{end}"), Some(path));
        }
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } => {
            let call = js_call(step, names).unwrap_or_default();
            code.push(indent, format!("{call};"), Some(path));
            then(indent, code);
        }
        Step::Let { name, value } => {
            code.push(indent, format!("const {name} = {value};"), Some(path));
            then(indent, code);
        }
        Step::Call { name, args } => {
            let mut passed = arguments(args);
            if !passed.is_empty() {
                passed.push_str(", ");
            }
            code.push(indent, format!("{name}({passed}() => {{"), Some(path));
            then(indent + 1, code);
            code.push(indent, "});", Some(path));
        }
        // Only the root (callbacks) and its functions.
        Step::Module(_) | Step::AsyncFn { .. } => {}
        Step::Seq(steps) => {
            code.sequence(path, steps);
            callback_seq(steps, 0, path, indent, code, names, then)
        }
        Step::Spawn { handle, steps, .. } => {
            // The task's steps start now; the code after them runs on at
            // once. A handle notes when they are done, for an await below.
            let comment = Some(SPAWN_CALLBACK);
            let aborted = handle.filter(|_| names.aborted_task(&path.child(0)).is_some());
            match (handle, aborted) {
                (_, Some(k)) => {
                    // Never awaited (validation): its timers, for its abort.
                    let start = format!("const h{k} = {{ timers: [] }};");
                    let note = format!(
                        "spawn: the task's first step starts now; each setTimeout id it gets goes \
                         in h{k}.timers, so abort can clear them"
                    );
                    code.push_noted(indent, start, Some(&note), Some(path));
                    callback_seq(steps, 0, path, indent, code, names, &mut |_, _| {});
                }
                (Some(k), None) => {
                    let h = format!("h{k}");
                    code.push_noted(
                        indent,
                        format!("const {h} = {{ done: false, onDone: null }};"),
                        comment,
                        Some(path),
                    );
                    callback_seq(steps, 0, path, indent, code, names, &mut |ind, c| {
                        c.push(ind, format!("{h}.done = true;"), Some(path));
                        c.push(ind, format!("if ({h}.onDone) {h}.onDone();"), Some(path));
                    });
                }
                (None, _) => {
                    code.push_noted(indent, "// the task's steps:", comment, Some(path));
                    callback_seq(steps, 0, path, indent, code, names, &mut |_, _| {});
                }
            }
            then(indent, code);
        }
        Step::Abort { handle } => {
            let clear = format!("h{handle}.timers.forEach(clearTimeout);");
            code.push_noted(indent, clear, Some(ABORT_CALLBACK), Some(path));
            then(indent, code);
        }
        Step::AwaitHandle { handle } => {
            // Go on when the task is done: now, or from its last callback.
            names.set(names.get() + 1);
            let after = format!("after{}", names.get());
            let h = format!("h{handle}");
            code.push_noted(
                indent,
                format!("const {after} = () => {{"),
                Some(&format!("await {h}: go on when its task is done")),
                Some(path),
            );
            then(indent + 1, code);
            code.push(indent, "};", Some(path));
            code.push(
                indent,
                format!("if ({h}.done) {after}(); else {h}.onDone = {after};"),
                Some(path),
            );
        }
        Step::Repeat {
            times, var, steps, ..
        } => {
            // A function that runs the body, then calls itself with the next
            // count: each step starts in the previous one's callback.
            names.set(names.get() + 1);
            let (name, i) = loop_names(names.get());
            code.push(indent, format!("(function {name}({i}) {{"), Some(path));
            code.push(indent + 1, format!("if ({i} === {times}) {{"), Some(path));
            then(indent + 2, code);
            code.push(indent + 2, "return;", None);
            code.push(indent + 1, "}", Some(path));
            names.with_var(var, &i, || {
                callback_seq(steps, 0, path, indent + 1, code, names, &mut |ind, c| {
                    c.push(ind, format!("{name}({i} + 1);"), Some(path))
                })
            });
            code.push(indent, "})(0);", Some(path));
        }
        Step::Race(steps) if steps.iter().any(|s| matches!(s, Step::Arm(_))) => {
            callback_arms(steps, path, indent, code, names, then)
        }
        // Only a race's branch (callback_arms): the future, then the body.
        Step::Arm(arm) => callback_seq(&arm[..], 0, path, indent, code, names, then),
        Step::All(steps) | Step::Race(steps) | Step::CreateThenAwait(steps) => {
            names.set(names.get() + 1);
            let n = names.get();
            let race = matches!(step, Step::Race(_));
            let why = match step {
                Step::All(_) => "// all: go on when every one is done",
                Step::Race(_) => "// race: go on at the first; the others still run",
                _ => "// each starts when called; go on once all are done",
            };
            code.push(indent, why, Some(path));
            if race {
                code.push(indent, format!("let won{n} = false;"), Some(path));
                code.push(indent, format!("const done{n} = () => {{"), Some(path));
                code.push(indent + 1, format!("if (won{n}) return;"), Some(path));
                code.push(indent + 1, format!("won{n} = true;"), Some(path));
            } else {
                code.push(
                    indent,
                    format!("let left{n} = {};", steps.len()),
                    Some(path),
                );
                code.push(indent, format!("const done{n} = () => {{"), Some(path));
                code.push(
                    indent + 1,
                    format!("if (--left{n} > 0) return;"),
                    Some(path),
                );
            }
            then(indent + 1, code);
            code.push(indent, "};", Some(path));
            for (i, s) in steps.iter().enumerate() {
                callback_step(s, &path.child(i), indent, code, names, &mut |ind, c| {
                    c.push(ind, format!("done{n}();"), None)
                });
            }
        }
    }
}

/// A race whose branches may have code of their own (a `select!` arm's
/// body): the first to finish runs its code, then goes on.
fn callback_arms(
    steps: &[Step],
    path: &StepPath,
    indent: usize,
    code: &mut Code,
    names: &JsNames,
    then: &mut Then,
) {
    names.set(names.get() + 1);
    let n = names.get();
    code.push(
        indent,
        "// race: the first to finish runs its code and goes on; the others still run",
        Some(path),
    );
    code.push(indent, format!("let won{n} = false;"), Some(path));
    code.push(indent, format!("const after{n} = () => {{"), Some(path));
    then(indent + 1, code);
    code.push(indent, "};", Some(path));
    for (i, branch) in steps.iter().enumerate() {
        let at = path.child(i);
        let (future, future_at) = match branch {
            Step::Arm(arm) => (&arm[0], at.child(0)),
            _ => (branch, at.clone()),
        };
        // `if`, not `return`: a log's branch finishes in the code around it,
        // which may be the script itself.
        callback_step(future, &future_at, indent, code, names, &mut |ind, c| {
            c.push(ind, format!("if (!won{n}) {{"), Some(&at));
            c.push(ind + 1, format!("won{n} = true;"), Some(&at));
            let go_on = &mut |ind: usize, c: &mut Code| c.push(ind, format!("after{n}();"), None);
            match branch {
                Step::Arm(arm) => callback_step(&arm[1], &at.child(1), ind + 1, c, names, go_on),
                _ => go_on(ind + 1, c),
            }
            c.push(ind, "}", Some(&at));
        });
    }
}

fn callback_seq(
    steps: &[Step],
    i: usize,
    path: &StepPath,
    indent: usize,
    code: &mut Code,
    names: &JsNames,
    then: &mut Then,
) {
    match steps.get(i) {
        None => then(indent, code),
        Some(step) => callback_step(step, &path.child(i), indent, code, names, &mut |ind, c| {
            callback_seq(steps, i + 1, path, ind, c, names, then)
        }),
    }
}

// ---- Promises ----

/// How the Promises lane is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromiseStyle {
    /// A `.then` chain, as in the notes.
    Then,
    /// `async function` with `await`.
    Await,
}

/// The promise panels' `timer(ms)`; in a program that aborts a task,
/// `timer(ms, signal)`, which an `AbortController`'s signal clears.
fn timer_function(step: &Step, code: &mut Code) {
    if step.aborted_handles().is_empty() {
        code.push(0, "function timer(ms) {", None);
        code.push(
            1,
            "return new Promise((resolve) => setTimeout(resolve, ms));",
            None,
        );
    } else {
        code.push(0, "function timer(ms, signal) {", None);
        code.push(1, "return new Promise((resolve) => {", None);
        code.push_noted(
            2,
            "if (signal?.aborted) return;",
            Some("its task was aborted: the promise never settles"),
            None,
        );
        code.push(2, "const id = setTimeout(resolve, ms);", None);
        code.push(
            2,
            "signal?.addEventListener(\"abort\", () => clearTimeout(id));",
            None,
        );
        code.push(1, "});", None);
    }
    code.push(0, "}", None);
    code.push(0, "", None);
}

/// The handles of the tasks `step` spawns in the `.then` panel's function
/// it is in: each loop's are its function's own (`loop1`), as each helper's
/// are.
fn handles_declared(step: &Step, out: &mut Vec<String>) {
    match step {
        Step::Repeat { .. } => {}
        Step::Spawn { handle, steps, .. } => {
            out.extend(handle.map(|k| format!("h{k}")));
            steps.iter().for_each(|s| handles_declared(s, out));
        }
        _ => step
            .children()
            .iter()
            .for_each(|s| handles_declared(s, out)),
    }
}

/// The scenario with promises, in `style`.
pub fn promises(step: &Step, style: PromiseStyle) -> Code {
    let mut code = Code::default();
    timer_function(step, &mut code);
    block_function(step, &mut code);
    match style {
        PromiseStyle::Then => {
            // The spawned tasks' promises, assigned in the chain.
            let (at, entry) = step.entry();
            let mut handles = Vec::new();
            handles_declared(&entry, &mut handles);
            if !handles.is_empty() {
                code.push(0, format!("let {};", handles.join(", ")), None);
                code.push(0, "", None);
            }
            let names = JsNames::of(step);
            // A `let` holds a number, so nothing runs when it is declared:
            // declared here, above the chain, each once (validation), it
            // is the same as where the Rust panel writes it.
            step.visit_paths(&StepPath::root(), &mut |s, at| {
                if let Step::Let { name, value } = s {
                    code.push(0, format!("const {name} = {value};"), Some(at));
                }
            });
            if code
                .lines
                .last()
                .is_some_and(|l| l.code.starts_with("const "))
            {
                code.push(0, "", None);
            }
            // Each helper `async fn` is a function returning its chain.
            for (at, name, params, steps) in helpers(step) {
                code.push(
                    0,
                    format!("function {name}({}) {{", params.join(", ")),
                    None,
                );
                let mut handles = Vec::new();
                handles_declared(&Step::Seq(steps.to_vec()), &mut handles);
                if !handles.is_empty() {
                    code.push(1, format!("let {};", handles.join(", ")), None);
                }
                let mut body = names.with_params(params, || {
                    then_expr(&Step::Seq(steps.to_vec()), &at, &names)
                });
                if let Some(first) = body.lines.first_mut() {
                    first.code = format!("return {}", first.code);
                }
                body.close(";");
                code.append(1, body);
                code.push(0, "}", None);
                code.push(0, "", None);
            }
            let mut main = then_expr(&entry, &at, &names);
            main.close(";");
            code.append(0, main);
        }
        PromiseStyle::Await => {
            let mut made = 0;
            let names = JsNames::of(step);
            // Each helper `async fn` is an `async function`.
            for (at, name, params, steps) in helpers(step) {
                let start = format!("async function {name}({}) {{", params.join(", "));
                code.push(0, start, None);
                let body = Step::Seq(steps.to_vec());
                names.with_params(params, || {
                    await_statements(&body, &at, 1, &mut code, &mut made, &names)
                });
                code.push(0, "}", None);
                code.push(0, "", None);
            }
            let (at, entry) = step.entry();
            code.push(0, "async function run() {", None);
            await_statements(&entry, &at, 1, &mut code, &mut made, &names);
            code.push(0, "}", None);
            code.push(0, "", None);
            code.push(0, "run();", None);
        }
    }
    code
}

/// A promise-valued expression for `step` (a log is a plain call).
fn then_expr(step: &Step, path: &StepPath, loops: &JsNames) -> Code {
    let mut code = Code::default();
    match step {
        // `Promise.race` draws nothing: written as a race.
        Step::RandomRace(steps) => return then_expr(&Step::Race(steps.clone()), path, loops),
        // JS has one way to wait for all: `Promise.all`, as for `join!`.
        Step::JoinAll(steps) => return then_expr(&Step::All(steps.clone()), path, loops),
        Step::Sleep { .. } | Step::SleepFor { .. } => {
            let (label, ms) = delay_of(step);
            let args = loops.timer_args(&ms, path);
            code.push_noted(0, format!("timer({args})"), Some(label), Some(path))
        }
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } | Step::Yield => {
            code.push(0, js_call(step, loops).unwrap_or_default(), Some(path))
        }
        Step::Abort { .. } => {
            let call = js_call(step, loops).unwrap_or_default();
            code.push_noted(0, call, Some(ABORT_PROMISE), Some(path))
        }
        Step::Seq(steps) => {
            code.sequence(path, steps);
            // A `let` is declared above the chain (`promises`): the chain
            // is the other steps.
            let chained: Vec<(usize, &Step)> = steps
                .iter()
                .enumerate()
                .filter(|(_, s)| !matches!(s, Step::Let { .. }))
                .collect();
            // A spawn is a statement, so it goes in a `.then` callback of
            // its own, even first; so does nothing at all.
            let spawns_first = chained
                .first()
                .is_none_or(|(_, s)| matches!(s, Step::Spawn { .. }));
            if spawns_first {
                code.push(0, "Promise.resolve()", Some(path));
            } else {
                let (k, head) = chained[0];
                let mut first = then_expr(head, &path.child(k), loops);
                if js_call(head, loops).is_some() {
                    code.push(0, "Promise.resolve(", Some(path));
                    first.close(")");
                    code.append(1, first);
                } else {
                    code.append(0, first);
                }
            }
            for &(i, s) in chained.iter().skip(usize::from(!spawns_first)) {
                let mut next = then_expr(s, &path.child(i), loops);
                if next.lines.len() == 1 {
                    let mut line = next.lines.remove(0);
                    line.indent = 1;
                    line.code = format!(".then(() => {})", line.code);
                    code.lines.push(line);
                } else {
                    code.push(1, ".then(() =>", Some(&path.child(i)));
                    next.close(")");
                    code.append(2, next);
                }
            }
        }
        Step::Race(steps) if has_arms(steps) => {
            code.push(0, "Promise.race([", Some(path));
            for (i, s) in steps.iter().enumerate() {
                let mut item = match s {
                    Step::Arm(arm) => {
                        let at = path.child(i);
                        let mut future = then_expr(&arm[0], &at.child(0), loops);
                        if js_call(&arm[0], loops).is_some() {
                            future.lines[0].code =
                                format!("Promise.resolve({})", future.lines[0].code);
                        }
                        future.push(1, format!(".then(() => {i})"), Some(&at));
                        future
                    }
                    _ => then_expr(s, &path.child(i), loops),
                };
                item.close(",");
                code.append(1, item);
            }
            code.push_noted(0, "]).then((won) => {", Some(ARM_NUMBER), Some(path));
            for (i, s) in steps.iter().enumerate() {
                if let Step::Arm(arm) = s {
                    let at = path.child(i);
                    code.push(1, format!("if (won === {i}) {{"), Some(&at));
                    let mut body = match one_call(&arm[1], &at.child(1)) {
                        Some((call, call_at)) => then_expr(call, &call_at, loops),
                        None => {
                            let mut chain = then_expr(&arm[1], &at.child(1), loops);
                            chain.lines[0].code = format!("return {}", chain.lines[0].code);
                            chain
                        }
                    };
                    body.close(";");
                    code.append(2, body);
                    code.push(1, "}", Some(&at));
                }
            }
            code.push(0, "})", Some(path));
        }
        // Only a race's branch (above).
        Step::Arm(arm) => return then_expr(&Step::Seq(arm.to_vec()), path, loops),
        Step::All(steps) | Step::Race(steps) => {
            let call = if matches!(step, Step::All(_)) {
                "all"
            } else {
                "race"
            };
            code.push(0, format!("Promise.{call}(["), Some(path));
            for (i, s) in steps.iter().enumerate() {
                let mut item = then_expr(s, &path.child(i), loops);
                item.close(",");
                code.append(1, item);
            }
            code.push(0, "])", Some(path));
        }
        // A direct spawn's one step is a call: its chain is the call's.
        Step::Spawn { handle, steps, .. } => {
            // `{ h1 = <the task's chain>; }`: it starts now, and the `.then`
            // callback returns at once, with nothing to wait for. An aborted
            // task's handle is its `AbortController` (it is never awaited).
            let mut body = then_expr(&Step::Seq(steps.clone()), path, loops);
            code.push_noted(0, "{", Some(SPAWN_THEN), Some(path));
            if let Some(k) = loops.aborted_task(&path.child(0)) {
                let controller = format!("h{k} = new AbortController();");
                code.push_noted(1, controller, Some(&abort_handle_promise(k)), Some(path));
            } else if let (Some(first), Some(k)) = (body.lines.first_mut(), handle) {
                first.code = format!("h{k} = {}", first.code);
            }
            body.close(";");
            code.append(1, body);
            code.push(0, "}", Some(path));
        }
        Step::AwaitHandle { handle } => code.push(0, format!("h{handle}"), Some(path)),
        Step::Call { name, args } => {
            code.push(0, format!("{name}({})", arguments(args)), Some(path))
        }
        // Declared above the chain (`promises`); never an item.
        Step::Let { .. } => code.push(0, "Promise.resolve()", Some(path)),
        // Only the root (promises) and its functions.
        Step::Module(_) | Step::AsyncFn { .. } => {}
        Step::Repeat {
            times, var, steps, ..
        } => {
            // A function that chains the body, then itself with the next count.
            loops.set(loops.get() + 1);
            let (name, i) = loop_names(loops.get());
            code.push(0, format!("(function {name}({i}) {{"), Some(path));
            code.push(
                1,
                format!("if ({i} === {times}) return Promise.resolve();"),
                Some(path),
            );
            let mut handles = Vec::new();
            handles_declared(&Step::Seq(steps.clone()), &mut handles);
            if !handles.is_empty() {
                code.push(1, format!("let {};", handles.join(", ")), Some(path));
            }
            let mut body = loops.with_var(var, &i, || {
                then_expr(&Step::Seq(steps.clone()), path, loops)
            });
            if let Some(first) = body.lines.first_mut() {
                first.code = format!("return {}", first.code);
            }
            code.append(1, body);
            code.push(2, format!(".then(() => {name}({i} + 1));"), Some(path));
            code.push(0, "})(0)", Some(path));
        }
        Step::CreateThenAwait(steps) => {
            code.push(0, "(() => {", Some(path));
            code.push_noted(1, "const made = [", Some("each starts now"), Some(path));
            for (i, s) in steps.iter().enumerate() {
                let mut item = then_expr(s, &path.child(i), loops);
                item.close(",");
                code.append(2, item);
            }
            code.push(1, "];", Some(path));
            // A log's item is no promise: wrap it to chain on.
            let mut chain = if js_call(&steps[0], loops).is_some() {
                String::from("return Promise.resolve(made[0])")
            } else {
                String::from("return made[0]")
            };
            for i in 1..steps.len() {
                chain.push_str(&format!(".then(() => made[{i}])"));
            }
            chain.push(';');
            code.push(1, chain, Some(path));
            code.push(0, "})()", Some(path));
        }
    }
    code
}

fn await_statements(
    step: &Step,
    path: &StepPath,
    indent: usize,
    code: &mut Code,
    made: &mut usize,
    names: &JsNames,
) {
    match step {
        // `Promise.race` draws nothing: written as a race.
        Step::RandomRace(steps) => {
            await_statements(&Step::Race(steps.clone()), path, indent, code, made, names)
        }
        // JS has one way to wait for all: `Promise.all`, as for `join!`.
        Step::JoinAll(steps) => {
            await_statements(&Step::All(steps.clone()), path, indent, code, made, names)
        }
        Step::Sleep { .. } | Step::SleepFor { .. } => {
            let (label, ms) = delay_of(step);
            code.push_noted(
                indent,
                format!("await timer({});", names.timer_args(&ms, path)),
                Some(label),
                Some(path),
            );
        }
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } => {
            let call = js_call(step, names).unwrap_or_default();
            code.push(indent, format!("{call};"), Some(path))
        }
        Step::Yield => code.push_noted(indent, "await null;", Some(YIELD_AWAIT), Some(path)),
        // `spawn(brew(100))`: the task is the call's promise itself.
        Step::Spawn {
            handle,
            steps,
            direct: true,
        } => {
            let call = spawned_call(steps);
            let line = match handle {
                Some(k) => format!("const h{k} = {call};"),
                None => format!("{call};"),
            };
            code.push_noted(indent, line, Some(SPAWN_PROMISE), Some(path));
            code.same_line(&path.child(0), path);
        }
        Step::Spawn { handle, steps, .. } => {
            let aborted = names.aborted_task(&path.child(0));
            let start = match (handle, aborted) {
                (_, Some(k)) => {
                    // Its timers take the controller's signal; never awaited.
                    let controller = format!("const h{k} = new AbortController();");
                    code.push_noted(
                        indent,
                        controller,
                        Some(&abort_handle_promise(k)),
                        Some(path),
                    );
                    "(async () => {".into()
                }
                (Some(k), None) => format!("const h{k} = (async () => {{"),
                (None, _) => "(async () => {".into(),
            };
            code.push_noted(indent, start, Some(SPAWN_PROMISE), Some(path));
            for (i, s) in steps.iter().enumerate() {
                await_statements(s, &path.child(i), indent + 1, code, made, names);
            }
            code.push(indent, "})();", Some(path));
        }
        Step::AwaitHandle { handle } => code.push(indent, format!("await h{handle};"), Some(path)),
        Step::Abort { handle } => {
            let call = format!("h{handle}.abort();");
            code.push_noted(indent, call, Some(ABORT_PROMISE), Some(path))
        }
        Step::Call { name, args } => {
            let call = format!("await {name}({});", arguments(args));
            code.push(indent, call, Some(path))
        }
        Step::Let { name, value } => {
            code.push(indent, format!("const {name} = {value};"), Some(path))
        }
        // Only the root (promises) and its functions.
        Step::Module(_) | Step::AsyncFn { .. } => {}
        Step::Repeat {
            times, var, steps, ..
        } => {
            // `i`, then `i2`… for a loop in a loop, so both counts can be read.
            names.loops.set(names.loops.get() + 1);
            let (_, i) = loop_names(names.loops.get());
            code.push(
                indent,
                format!("for (let {i} = 0; {i} < {times}; {i}++) {{"),
                Some(path),
            );
            names.with_var(var, &i, || {
                for (k, s) in steps.iter().enumerate() {
                    await_statements(s, &path.child(k), indent + 1, code, made, names);
                }
            });
            names.loops.set(names.loops.get() - 1);
            code.push(indent, "}", Some(path));
        }
        Step::Seq(steps) => {
            for (i, s) in steps.iter().enumerate() {
                await_statements(s, &path.child(i), indent, code, made, names);
            }
        }
        Step::Race(steps) if has_arms(steps) => {
            *made += 1;
            let won = nth_name("won", *made);
            code.push_noted(
                indent,
                format!("const {won} = await Promise.race(["),
                Some(ARM_NUMBER),
                Some(path),
            );
            for (i, s) in steps.iter().enumerate() {
                let at = path.child(i);
                let Step::Arm(arm) = s else {
                    await_expr(s, &at, indent + 1, code, made, names);
                    continue;
                };
                let future_at = at.child(0);
                match &arm[0] {
                    Step::Sleep { .. } | Step::SleepFor { .. } => {
                        let (label, ms) = delay_of(&arm[0]);
                        code.push_noted(
                            indent + 1,
                            format!("timer({})", names.timer_args(&ms, &future_at)),
                            Some(label),
                            Some(&future_at),
                        );
                    }
                    Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } | Step::Yield => {
                        let call = js_call(&arm[0], names).unwrap_or_default();
                        code.push(
                            indent + 1,
                            format!("Promise.resolve({call})"),
                            Some(&future_at),
                        )
                    }
                    future => {
                        code.push(indent + 1, "(async () => {", Some(&future_at));
                        await_statements(future, &future_at, indent + 2, code, made, names);
                        code.push(indent + 2, format!("return {i};"), Some(&at));
                        code.push(indent + 1, "})(),", Some(&future_at));
                        continue;
                    }
                }
                code.push(indent + 2, format!(".then(() => {i}),"), Some(&at));
            }
            code.push(indent, "]);", Some(path));
            for (i, s) in steps.iter().enumerate() {
                if let Step::Arm(arm) = s {
                    let at = path.child(i);
                    code.push(indent, format!("if ({won} === {i}) {{"), Some(&at));
                    await_statements(&arm[1], &at.child(1), indent + 1, code, made, names);
                    code.push(indent, "}", Some(&at));
                }
            }
        }
        // Only a race's branch (above).
        Step::Arm(arm) => {
            await_statements(&Step::Seq(arm.to_vec()), path, indent, code, made, names)
        }
        Step::All(steps) | Step::Race(steps) => {
            let call = if matches!(step, Step::All(_)) {
                "all"
            } else {
                "race"
            };
            code.push(indent, format!("await Promise.{call}(["), Some(path));
            for (i, s) in steps.iter().enumerate() {
                await_expr(s, &path.child(i), indent + 1, code, made, names);
            }
            code.push(indent, "]);", Some(path));
        }
        Step::CreateThenAwait(steps) => {
            *made += 1;
            let name = nth_name("made", *made);
            code.push_noted(
                indent,
                format!("const {name} = ["),
                Some("each starts now"),
                Some(path),
            );
            for (i, s) in steps.iter().enumerate() {
                await_expr(s, &path.child(i), indent + 1, code, made, names);
            }
            code.push(indent, "];", Some(path));
            for i in 0..steps.len() {
                code.push(indent, format!("await {name}[{i}];"), Some(&path.child(i)));
            }
        }
    }
}

/// A step as an array item: a promise expression.
fn await_expr(
    step: &Step,
    path: &StepPath,
    indent: usize,
    code: &mut Code,
    made: &mut usize,
    names: &JsNames,
) {
    match step {
        Step::Sleep { .. } | Step::SleepFor { .. } => {
            let (label, ms) = delay_of(step);
            let args = names.timer_args(&ms, path);
            code.push_noted(indent, format!("timer({args}),"), Some(label), Some(path))
        }
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } | Step::Yield => {
            let call = js_call(step, names).unwrap_or_default();
            code.push(indent, format!("{call},"), Some(path))
        }
        Step::Call { name, args } => {
            code.push(indent, format!("{name}({}),", arguments(args)), Some(path))
        }
        _ => {
            code.push(indent, "(async () => {", Some(path));
            await_statements(step, path, indent + 1, code, made, names);
            code.push(indent, "})(),", Some(path));
        }
    }
}

// ---- Rust ----

/// The first lines of every Rust panel: it is a module that compiles in a
/// crate depending on `crates/runtime`.
pub(crate) const RUST_PRELUDE: &str = "use runtime::prelude::*;";

/// The scenario as a Rust module on our runtime: its `use` line and
/// `async fn run()`, the entry the lane spawns.
pub fn rust(step: &Step) -> Code {
    let mut code = Code::default();
    let mut made = 0;
    code.push(0, RUST_PRELUDE, None);
    code.push(0, "", None);
    let Step::Module(_) = step else {
        code.push(0, "async fn run() {", None);
        rust_statements(step, &StepPath::root(), 1, &mut code, &mut made);
        code.push(0, "}", None);
        return code;
    };
    // `run()` and its helpers, in the order written.
    for (k, (i, name, params, steps)) in step.signatures().enumerate() {
        if k > 0 {
            code.push(0, "", None);
        }
        let params: Vec<String> = params.iter().map(|p| format!("{p}: u32")).collect();
        code.push(
            0,
            format!("async fn {name}({}) {{", params.join(", ")),
            None,
        );
        let at = StepPath::root().child(i);
        rust_statements(&Step::Seq(steps.to_vec()), &at, 1, &mut code, &mut made);
        code.push(0, "}", None);
    }
    code
}

fn rust_statements(step: &Step, path: &StepPath, indent: usize, code: &mut Code, made: &mut usize) {
    match step {
        Step::Sleep { .. } | Step::SleepFor { .. } => {
            let (label, ms) = delay_of(step);
            code.push_noted(
                indent,
                format!("sleep_ms({ms}).await;"),
                Some(label),
                Some(path),
            );
        }
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } => {
            let call = rust_call(step).unwrap_or_default();
            code.push(indent, format!("{call};"), Some(path))
        }
        Step::Yield => code.push_noted(indent, "yield_now().await;", Some(YIELD_RUST), Some(path)),
        // `spawn(brew(100))`: the task is the call's future itself.
        Step::Spawn {
            handle,
            steps,
            direct: true,
        } => {
            let call = spawned_call(steps);
            let line = match handle {
                Some(k) => format!("let h{k} = spawn({call});"),
                None => format!("spawn({call});"),
            };
            code.push_noted(indent, line, Some(SPAWN_RUST), Some(path));
            code.same_line(&path.child(0), path);
        }
        Step::Spawn { handle, steps, .. } => {
            // A task may outlive the loop or the helper around it, so a body
            // that reads a loop's variable or a parameter takes its own
            // copy: `async move`.
            let mut reads = false;
            steps.iter().for_each(|s| {
                s.visit(&mut |s| {
                    reads |= matches!(
                        s,
                        Step::Log { format: true, .. }
                            | Step::SleepFor { .. }
                            | Step::BlockFor { .. }
                    )
                })
            });
            let block = if reads { "async move" } else { "async" };
            let start = match handle {
                Some(k) => format!("let h{k} = spawn({block} {{"),
                None => format!("spawn({block} {{"),
            };
            code.push_noted(indent, start, Some(SPAWN_RUST), Some(path));
            for (i, s) in steps.iter().enumerate() {
                rust_statements(s, &path.child(i), indent + 1, code, made);
            }
            code.push(indent, "});", Some(path));
        }
        Step::AwaitHandle { handle } => {
            code.push(indent, format!("h{handle}.await.unwrap();"), Some(path))
        }
        Step::Abort { handle } => {
            let call = format!("h{handle}.abort();");
            code.push_noted(indent, call, Some(ABORT_RUST), Some(path))
        }
        Step::Call { name, args } => {
            let call = format!("{name}({}).await;", arguments(args));
            code.push(indent, call, Some(path))
        }
        Step::Let { name, value } => {
            code.push(indent, format!("let {name} = {value};"), Some(path))
        }
        // Only the root (rust) and its functions.
        Step::Module(_) | Step::AsyncFn { .. } => {}
        Step::Repeat {
            times,
            var,
            style,
            steps,
        } => {
            let var = var.as_deref().unwrap_or("_");
            match style {
                LoopStyle::For => {
                    code.push(indent, format!("for {var} in 0..{times} {{"), Some(path))
                }
                LoopStyle::While => {
                    code.push(indent, format!("let mut {var} = 0;"), Some(path));
                    code.push(indent, format!("while {var} < {times} {{"), Some(path));
                }
                LoopStyle::Loop => {
                    code.push(indent, format!("let mut {var} = 0;"), Some(path));
                    code.push(indent, "loop {", Some(path));
                }
            }
            for (i, s) in steps.iter().enumerate() {
                rust_statements(s, &path.child(i), indent + 1, code, made);
            }
            if *style != LoopStyle::For {
                code.push(indent + 1, format!("{var} += 1;"), Some(path));
            }
            if *style == LoopStyle::Loop {
                code.push(indent + 1, format!("if {var} == {times} {{"), Some(path));
                code.push(indent + 2, "break;", Some(path));
                code.push(indent + 1, "}", Some(path));
            }
            code.push(indent, "}", Some(path));
        }
        Step::Seq(steps) => {
            for (i, s) in steps.iter().enumerate() {
                rust_statements(s, &path.child(i), indent, code, made);
            }
        }
        Step::All(steps) => {
            code.push_noted(
                indent,
                "join!(",
                Some("concurrently, in one task: each poll polls every unfinished one, in order"),
                Some(path),
            );
            for (i, s) in steps.iter().enumerate() {
                rust_future(s, &path.child(i), indent + 1, code, made, ",");
            }
            code.push(indent, ");", Some(path));
        }
        // A `Vec` of futures of one type (validation), each its own.
        Step::JoinAll(steps) => {
            code.push_noted(
                indent,
                "join_all(vec![",
                Some("futures of one type; .await polls them all in turn, as join! does (nothing starts before .await)"),
                Some(path),
            );
            for (i, s) in steps.iter().enumerate() {
                rust_future(s, &path.child(i), indent + 1, code, made, ",");
            }
            code.push(indent, "]).await;", Some(path));
        }
        Step::Race(steps) | Step::RandomRace(steps) => {
            if matches!(step, Step::Race(_)) {
                code.push(indent, "select! {", Some(path));
                code.push_noted(
                    indent + 1,
                    "biased;",
                    Some("polled top to bottom: if several are ready, the upper one wins; the others are dropped"),
                    Some(path),
                );
            } else {
                code.push_noted(indent, "select! {", Some(RANDOM_SELECT), Some(path));
            }
            for (i, s) in steps.iter().enumerate() {
                match s {
                    Step::Arm(arm) => rust_arm(arm, &path.child(i), indent + 1, code, made),
                    _ => rust_future(s, &path.child(i), indent + 1, code, made, SELECT_ARM),
                }
            }
            code.push(indent, "}", Some(path));
        }
        // Only a race's branch (above).
        Step::Arm(arm) => rust_statements(&Step::Seq(arm.to_vec()), path, indent, code, made),
        Step::CreateThenAwait(steps) => {
            let first = *made + 1;
            for (i, s) in steps.iter().enumerate() {
                *made += 1;
                let mut item = Code::default();
                rust_future(s, &path.child(i), 0, &mut item, made, ";");
                if let Some(line) = item.lines.first_mut() {
                    line.code = format!("let f{} = {}", first + i, line.code);
                }
                code.append(indent, item);
            }
            // A sleep made here has fixed its deadline already (as tokio's
            // does); an async block has not started.
            let sleeps = steps
                .iter()
                .any(|s| matches!(s, Step::Sleep { .. } | Step::SleepFor { .. }));
            let comment = if sleeps {
                "// none polled yet, but a sleep fixes its deadline when it is made"
            } else {
                "// nothing has run yet: futures start when polled"
            };
            code.push(indent, comment, Some(path));
            for i in 0..steps.len() {
                code.push(
                    indent,
                    format!("f{}.await;", first + i),
                    Some(&path.child(i)),
                );
            }
        }
    }
}

/// What an unbiased `select!` says of itself.
const RANDOM_SELECT: &str =
    "each poll starts at a branch drawn at random (from this run's seed); the first found finished wins, the others are dropped";

/// The end of a `select!` arm without a body.
const SELECT_ARM: &str = " => {}";

/// A `select!` arm with a body: `_ = future => {`, the body, `}`.
fn rust_arm(arm: &[Step; 2], at: &StepPath, indent: usize, code: &mut Code, made: &mut usize) {
    let future_at = at.child(0);
    match &arm[0] {
        Step::Sleep { .. } | Step::SleepFor { .. } => {
            let (label, ms) = delay_of(&arm[0]);
            code.push_noted(
                indent,
                format!("_ = sleep_ms({ms}) => {{"),
                Some(label),
                Some(&future_at),
            );
        }
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } => {
            let call = rust_call(&arm[0]).unwrap_or_default();
            code.push(
                indent,
                format!("_ = async {{ {call} }} => {{"),
                Some(&future_at),
            )
        }
        Step::Yield => code.push(indent, "_ = yield_now() => {", Some(&future_at)),
        Step::Call { name, args } => {
            let arm = format!("_ = {name}({}) => {{", arguments(args));
            code.push(indent, arm, Some(&future_at))
        }
        future => {
            code.push(indent, "_ = async {", Some(&future_at));
            rust_statements(future, &future_at, indent + 1, code, made);
            code.push(indent, "} => {", Some(at));
        }
    }
    rust_statements(&arm[1], &at.child(1), indent + 1, code, made);
    code.push(indent, "}", Some(at));
}

/// A step as a future expression, followed by `end` (`,` or ` => {}`).
fn rust_future(
    step: &Step,
    path: &StepPath,
    indent: usize,
    code: &mut Code,
    made: &mut usize,
    end: &str,
) {
    let arm = if end == SELECT_ARM { "_ = " } else { "" };
    match step {
        Step::Sleep { .. } | Step::SleepFor { .. } => {
            let (label, ms) = delay_of(step);
            code.push_noted(
                indent,
                format!("{arm}sleep_ms({ms}){end}"),
                Some(label),
                Some(path),
            );
        }
        Step::Log { .. } | Step::Block { .. } | Step::BlockFor { .. } => {
            let call = rust_call(step).unwrap_or_default();
            code.push(indent, format!("{arm}async {{ {call} }}{end}"), Some(path))
        }
        Step::Yield => code.push(indent, format!("{arm}yield_now(){end}"), Some(path)),
        Step::Call { name, args } => {
            let call = format!("{arm}{name}({}){end}", arguments(args));
            code.push(indent, call, Some(path))
        }
        _ => {
            code.push(indent, format!("{arm}async {{"), Some(path));
            rust_statements(step, path, indent + 1, code, made);
            code.push(indent, format!("}}{end}"), Some(path));
        }
    }
}
