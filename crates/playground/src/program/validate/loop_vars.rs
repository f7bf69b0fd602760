//! The rules a log that reads loop variables keeps, as Rust's scoping keeps
//! them in the panel: each `{name}` in its text names the variable of a
//! `for` loop around it (the innermost of that name), and a text marked as
//! reading variables reads at least one (else it is plain text, and is
//! written so).

use crate::program::log_text::{self, Piece};
use crate::program::scenario::Step;
use crate::program::step_path::StepPath;

/// Every problem with `root`'s logs' variables, as `(path, message)`.
pub(super) fn problems(root: &Step) -> Vec<(String, String)> {
    let mut out = Vec::new();
    visit(root, &StepPath::root(), &mut Vec::new(), &mut out);
    out
}

fn visit<'a>(
    step: &'a Step,
    at: &StepPath,
    names: &mut Vec<&'a str>,
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
                                 only the variables of the loops it is in"
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
                visit(child, &at.child(i), names, out);
            }
            names.pop();
        }
        _ => {
            for (i, child) in step.children().iter().enumerate() {
                visit(child, &at.child(i), names, out);
            }
        }
    }
}
