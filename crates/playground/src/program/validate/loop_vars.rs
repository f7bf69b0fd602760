//! The rules a log that reads variables keeps, as Rust's scoping keeps
//! them in the panel: each `{name}` in its text names the variable of a
//! `for` loop around it (the innermost of that name), a parameter of its
//! helper, or a `let` before it in its sequence; a text marked as reading
//! variables reads at least one (else it is plain text, and is written so).

use crate::program::log_text::{self, Piece};
use crate::program::scenario::{LoopStyle, Step};
use crate::program::step_path::StepPath;
use crate::program::wording::not_read_yet;

/// Every problem with `root`'s logs' variables, as `(path, message)`. A
/// helper's text may read its parameters too, and any text the `let`s
/// before it in its sequence (or in a sequence around it).
pub(super) fn problems(root: &Step) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, params, steps) in super::functions::bodies(root) {
        let mut names: Vec<&str> = params.iter().map(String::as_str).collect();
        let done = &mut Vec::new();
        if at == StepPath::root() {
            visit(
                &steps[0],
                &at,
                &mut names,
                done,
                !params.is_empty(),
                &mut out,
            );
        } else {
            block(steps, &at, &mut names, done, !params.is_empty(), &mut out);
        }
    }
    out.extend(lets_named_once(root));
    out
}

/// The statements of a sequence, in order: each `let` names its number
/// for the statements after it.
fn block<'a>(
    steps: &'a [Step],
    at: &StepPath,
    names: &mut Vec<&'a str>,
    done: &mut Vec<(&'a str, u32)>,
    params: bool,
    out: &mut Vec<(String, String)>,
) {
    let (outer, finished) = (names.len(), done.len());
    for (i, child) in steps.iter().enumerate() {
        visit(child, &at.child(i), names, done, params, out);
        // A `while` or `loop` counter lives on after its loop, at its count.
        if let Step::Repeat {
            var: Some(var),
            style,
            times,
            ..
        } = child
        {
            if *style != LoopStyle::For {
                done.push((var, *times));
            }
        }
        if let Step::Let { name, .. } = child {
            names.push(name);
            if !steps[i + 1..].iter().any(|s| reads(s, name)) {
                out.push((
                    format!("{}.name", at.child(i)),
                    format!(
                        "is `{name}`, which no text after it reads (rustc warns: unused \
                         variable `{name}`): read it in a text, `{{{name}}}`, or remove it"
                    ),
                ));
            }
        }
    }
    names.truncate(outer);
    done.truncate(finished);
}

/// Whether a text in `step` reads the variable `name`.
fn reads(step: &Step, name: &str) -> bool {
    let mut found = false;
    step.visit(&mut |s| {
        if let Step::Log { text, format: true } = s {
            let pieces = log_text::pieces(text).unwrap_or_default();
            found |= pieces
                .iter()
                .any(|p| matches!(p, Piece::Var(v) if *v == name));
        }
    });
    found
}

/// Each `let`'s name is the program's only variable of that name: no
/// other `let`, loop variable or parameter has it (the JS panels declare
/// every `let` once, above a `.then` chain).
fn lets_named_once(root: &Step) -> Vec<(String, String)> {
    // Each variable: its name, the field that names it, and whether its
    // name must be its own.
    let mut named: Vec<(String, String, bool)> = Vec::new();
    // A `while` or `loop` counter lives on in its block after its loop:
    // like a `let`, its name must be its own (an inner one of the same name
    // would take the outer's `i += 1`, and the outer loop never end).
    root.visit_paths(&StepPath::root(), &mut |s, at| match s {
        Step::Let { name, .. } => named.push((name.clone(), format!("{at}.name"), true)),
        Step::Repeat {
            var: Some(var),
            style,
            ..
        } => named.push((var.clone(), format!("{at}.var"), *style != LoopStyle::For)),
        _ => {}
    });
    for (_, _, params, _) in root.signatures() {
        named.extend(params.iter().map(|p| (p.clone(), String::new(), false)));
    }
    let mut out = Vec::new();
    for (k, (name, at, is_let)) in named.iter().enumerate() {
        // Of two `let`s of one name, the second is the one to rename.
        let again = named
            .iter()
            .enumerate()
            .any(|(j, (n, _, other_let))| j != k && n == name && (j < k || !other_let));
        if *is_let && again {
            out.push((
                at.clone(),
                format!(
                    "is `{name}`, which already names another variable of the program: this \
                     playground does not read two variables of one name yet; in Rust it is \
                     fine: a second `let` hides the first; here give this one another name"
                ),
            ));
        }
    }
    out
}

fn visit<'a>(
    step: &'a Step,
    at: &StepPath,
    names: &mut Vec<&'a str>,
    done: &mut Vec<(&'a str, u32)>,
    params: bool,
    out: &mut Vec<(String, String)>,
) {
    match step {
        Step::Log { text, format: true } => {
            let path = format!("{at}.text");
            match log_text::pieces(text) {
                Err(problem) => out.push((path, problem.to_string())),
                Ok(pieces) => {
                    let vars: Vec<&str> = pieces
                        .iter()
                        .filter_map(|p| match p {
                            Piece::Var(name) => Some(*name),
                            Piece::Text(_) => None,
                        })
                        .collect();
                    if vars.is_empty() {
                        out.push((
                            path,
                            "reads no variable: a text without `{name}` is plain (format: \
                             false)"
                                .into(),
                        ));
                    } else if let Some(name) = vars.iter().find(|v| !names.contains(v)) {
                        if let Some((_, count)) = done.iter().rev().find(|(v, _)| v == name) {
                            out.push((
                                path,
                                format!(
                                    "reads `{{{name}}}`, a loop's counter after its loop: {}",
                                    not_read_yet(
                                        "that",
                                        &format!("`{name}` is still in scope here, and is {count}")
                                    )
                                ),
                            ));
                            return;
                        }
                        out.push((
                            path,
                            format!(
                                "reads `{{{name}}}`, which is no variable here (rustc: cannot \
                                 find value `{name}`): a text reads the variables of the loops \
                                 it is in{}, and the numbers a `let` names earlier in its own \
                                 block or in a block around it",
                                if params {
                                    ", its function's parameters"
                                } else {
                                    ""
                                }
                            ),
                        ));
                    }
                }
            }
        }
        Step::Repeat { var, steps, .. } => {
            if let Some(var) = var {
                names.push(var);
            }
            block(steps, at, names, done, params, out);
            if var.is_some() {
                names.pop();
            }
        }
        Step::Seq(steps) | Step::Spawn { steps, .. } => block(steps, at, names, done, params, out),
        // A `let` is a statement: no future of a `join!`, `select!` or
        // group of `let`s.
        Step::All(items)
        | Step::JoinAll(items)
        | Step::Race(items)
        | Step::RandomRace(items)
        | Step::CreateThenAwait(items) => {
            for (i, item) in items.iter().enumerate() {
                let (future, future_at) = match item {
                    Step::Arm(arm) => (&arm[0], at.child(i).child(0)),
                    _ => (item, at.child(i)),
                };
                if matches!(future, Step::Let { .. }) {
                    out.push((
                        future_at.to_string(),
                        "is a let, a statement: here a future is needed (put it in a sequence)"
                            .into(),
                    ));
                }
                visit(item, &at.child(i), names, done, params, out);
            }
        }
        _ => {
            for (i, child) in step.children().iter().enumerate() {
                visit(child, &at.child(i), names, done, params, out);
            }
        }
    }
}
