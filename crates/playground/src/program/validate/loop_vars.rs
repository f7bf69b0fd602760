//! The rules a log that reads loop variables keeps, as Rust's scoping keeps
//! them in the panel: each `{name}` in its text names the variable of a
//! `for` loop around it (the innermost of that name), and a text marked as
//! reading variables reads at least one (else it is plain text, and is
//! written so).

use crate::program::log_text::{self, Piece};
use crate::program::scenario::Step;
use crate::program::step_path::StepPath;

/// Every problem with `root`'s logs' variables, as `(path, message)`. A
/// helper's text may read its parameters too.
pub(super) fn problems(root: &Step) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, params, steps) in super::functions::bodies(root) {
        let mut names: Vec<&str> = params.iter().map(String::as_str).collect();
        let single = at == StepPath::root();
        for (k, step) in steps.iter().enumerate() {
            let path = if single { at.clone() } else { at.child(k) };
            visit(step, &path, &mut names, !params.is_empty(), &mut out);
        }
    }
    out
}

fn visit<'a>(
    step: &'a Step,
    at: &StepPath,
    names: &mut Vec<&'a str>,
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
                        out.push((
                            path,
                            format!(
                                "reads `{{{name}}}`, which is not the variable of a `for` loop \
                                 around it (rustc: cannot find value `{name}`): a text reads \
                                 only the variables of the loops it is in{}",
                                if params {
                                    ", and its function's parameters"
                                } else {
                                    ""
                                }
                            ),
                        ));
                    }
                }
            }
        }
        Step::Repeat {
            var: Some(var),
            steps,
            ..
        } => {
            names.push(var);
            for (i, child) in steps.iter().enumerate() {
                visit(child, &at.child(i), names, params, out);
            }
            names.pop();
        }
        _ => {
            for (i, child) in step.children().iter().enumerate() {
                visit(child, &at.child(i), names, params, out);
            }
        }
    }
}
