//! The rules a program's helper `async fn`s keep, as Rust keeps them in the
//! panel: a module is the program (its root), its steps are its functions,
//! one of them `run()`, each name once; a call names a helper of the module;
//! and no helper calls itself, directly or through another, which rustc
//! refuses unless the call is boxed (E0733: an `async fn`'s future would
//! contain itself, so it would have no size).

use crate::program::scenario::{limits, Step};
use crate::program::step_path::StepPath;

/// Why `name` cannot name a helper, if it cannot: the panels already use it
/// (the runtime's prelude in Rust, the JS panels' own functions and
/// variables, words JS reserves), so the code would call something else.
pub(super) fn taken(name: &str) -> Option<&'static str> {
    const PRELUDE: &[&str] = &[
        "sleep_ms",
        "sleep",
        "log",
        "block_ms",
        "spawn",
        "yield_now",
        "join",
        "select",
        "println",
        "format",
        "main",
        "std",
        "core",
        "runtime",
        "tokio",
    ];
    const JS: &[&str] = &[
        "timer",
        "block",
        "console",
        "performance",
        "resolve",
        "done",
        "arguments",
        "eval",
        "undefined",
        "case",
        "catch",
        "class",
        "debugger",
        "default",
        "delete",
        "export",
        "extends",
        "finally",
        "function",
        "import",
        "instanceof",
        "new",
        "null",
        "switch",
        "this",
        "throw",
        "var",
        "void",
        "with",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
    ];
    // The JS panels' numbered names: `h1`, `done2`, `loop1`, `i2`, `won`…
    const NUMBERED: &[&str] = &["h", "done", "after", "left", "won", "made", "loop", "i"];
    let numbered = NUMBERED.iter().any(|base| {
        name.strip_prefix(base)
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
    });
    if PRELUDE.contains(&name) {
        Some("a name the Rust panel already uses for the prelude's or Rust's own (a function of that name would hide it)")
    } else if JS.contains(&name) || numbered {
        Some("a name the JS panels already use for their own code (Rust itself would accept it)")
    } else {
        None
    }
}

/// Every problem with `root`'s functions and calls, as `(path, message)`.
pub(super) fn problems(root: &Step) -> Vec<(String, String)> {
    let mut out = Vec::new();
    placement(root, &StepPath::root(), &mut out);
    let names: Vec<(usize, &str)> = root.functions().map(|(i, n, _)| (i, n)).collect();
    if let Step::Module(_) = root {
        let runs = names.iter().filter(|(_, n)| *n == "run").count();
        if runs == 0 {
            out.push((
                "scenario.steps".into(),
                "has no async_fn named run: a program's module runs its run()".into(),
            ));
        }
        let helpers = names.len() - runs.min(1);
        if helpers > limits::MAX_HELPERS {
            out.push((
                "scenario.steps".into(),
                format!(
                    "has {helpers} helper functions; at most {} are allowed",
                    limits::MAX_HELPERS
                ),
            ));
        }
        for (k, (i, name)) in names.iter().enumerate() {
            if names[..k].iter().any(|(_, n)| n == name) {
                out.push((
                    format!("{}.name", StepPath::root().child(*i)),
                    format!("is `{name}`, the name of a function above: each is named once"),
                ));
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    let signatures: Vec<(usize, &str, &[String], &[Step])> = root.signatures().collect();
    for (i, name, params, _) in &signatures {
        if *name == "run" && !params.is_empty() {
            out.push((
                format!("{}.params", StepPath::root().child(*i)),
                "must be empty: the page calls run() with nothing".into(),
            ));
        }
    }
    root.visit_paths(&StepPath::root(), &mut |step, at| {
        let Step::Call { name, args } = step else {
            return;
        };
        let Some((_, _, params, body)) = signatures.iter().find(|(_, n, _, _)| n == name) else {
            out.push((
                format!("{at}.name"),
                format!(
                    "is `{name}`, no async_fn of the program (rustc: cannot find function \
                     `{name}`)"
                ),
            ));
            return;
        };
        if args.len() != params.len() {
            let supplied = match args.len() {
                1 => "1 argument was".to_string(),
                n => format!("{n} arguments were"),
            };
            out.push((
                format!("{at}.args"),
                format!(
                    "passes {} to `{name}`, which takes {} (rustc: this function takes {} but \
                     {supplied} supplied, E0061)",
                    count(args.len(), "argument"),
                    params.len(),
                    count(params.len(), "argument"),
                ),
            ));
            return;
        }
        // A parameter a block reads is a block's length: 0 to 5,000.
        for (k, (param, arg)) in params.iter().zip(args).enumerate() {
            let blocks = body.iter().any(|s| {
                let mut found = false;
                s.visit(&mut |s| found |= matches!(s, Step::BlockFor { param: p } if p == param));
                found
            });
            if blocks && *arg > limits::MAX_BLOCK_MS {
                out.push((
                    format!("{at}.args[{k}]"),
                    format!(
                        "must be at most {} here: `{name}` blocks for `{param}` \
                         (`block_ms({param})`), and this page blocks for 0 to {} ms, got {arg}",
                        limits::MAX_BLOCK_MS,
                        limits::MAX_BLOCK_MS
                    ),
                ));
            }
        }
    });
    // A sleep or a block reads a parameter of the function it is in.
    for (at, params, steps) in bodies(root) {
        // A program without helpers is one body, the root itself.
        let single = at == StepPath::root();
        for (k, step) in steps.iter().enumerate() {
            let path = if single { at.clone() } else { at.child(k) };
            step.visit_paths(&path, &mut |s, at| {
                let param = match s {
                    Step::SleepFor { param, .. } | Step::BlockFor { param } => param,
                    _ => return,
                };
                if !params.contains(param) {
                    out.push((
                        format!("{at}.param"),
                        format!(
                            "is `{param}`, which is no parameter of the function it is in \
                             (rustc: cannot find value `{param}`)"
                        ),
                    ));
                }
            });
        }
    }
    if !out.is_empty() {
        return out;
    }
    for (_, name, steps) in root.functions() {
        if let Some(cycle) = calls_back(root, steps, &mut vec![name]) {
            // Named at the function where the circle starts.
            let start = root.functions().find(|(_, n, _)| *n == cycle[0]);
            let i = start.map_or(0, |(i, _, _)| i);
            // "tick calls tick", "tick calls tock, which calls tick".
            let mut chain = format!("{} calls {}", cycle[0], cycle[1]);
            for next in &cycle[2..] {
                chain.push_str(&format!(", which calls {next}"));
            }
            let first = cycle[0];
            out.push((
                format!("{}.name", StepPath::root().child(i)),
                format!(
                    "is `{first}`, which calls itself ({chain}): rustc refuses that (E0733: \
                     recursion needs boxing), as its future would contain itself; \
                     `Box::pin({first}()).await` compiles in Rust, but this page does not read it"
                ),
            ));
            break;
        }
    }
    out
}

/// Modules, functions and their steps where they may be: a module only at
/// the root, its steps all functions, a function only a module's step.
fn placement(step: &Step, at: &StepPath, out: &mut Vec<(String, String)>) {
    let in_module = matches!(step, Step::Module(_));
    for (i, child) in step.children().iter().enumerate() {
        let here = at.child(i);
        match (child, in_module) {
            (Step::AsyncFn { .. }, true) => {}
            (_, true) => out.push((
                here.to_string(),
                format!(
                    "is a {} step, where a module holds async_fn steps only",
                    child.kind()
                ),
            )),
            (Step::AsyncFn { .. }, false) => out.push((
                here.to_string(),
                "is an async_fn, which only a module's steps may be".into(),
            )),
            (Step::Module(_), false) => out.push((
                here.to_string(),
                "is a module, which only the program itself (the root) may be".into(),
            )),
            _ => {}
        }
        placement(child, &here, out);
    }
}

/// The chain of calls from the last function of `chain` (its body `steps`)
/// back to a function on `chain`, if there is one: `["brew", "boil",
/// "brew"]`.
fn calls_back<'a>(
    root: &'a Step,
    steps: &'a [Step],
    chain: &mut Vec<&'a str>,
) -> Option<Vec<&'a str>> {
    // Each callee once: a helper called many times is one way back.
    let mut callees: Vec<&'a str> = Vec::new();
    for step in steps {
        step.visit(&mut |s| {
            if let Step::Call { name, .. } = s {
                if !callees.contains(&name.as_str()) {
                    callees.push(name);
                }
            }
        });
    }
    for callee in callees {
        if let Some(start) = chain.iter().position(|n| *n == callee) {
            let mut cycle = chain[start..].to_vec();
            cycle.push(callee);
            return Some(cycle);
        }
        let (_, _, body) = root.functions().find(|(_, n, _)| *n == callee)?;
        chain.push(callee);
        if let Some(cycle) = calls_back(root, body, chain) {
            return Some(cycle);
        }
        chain.pop();
    }
    None
}

/// Each function's body with its path and parameters; a program without
/// helpers is one body, the root's, with none.
pub(super) fn bodies(root: &Step) -> Vec<(StepPath, &[String], &[Step])> {
    match root {
        Step::Module(_) => root
            .signatures()
            .map(|(i, _, params, steps)| (StepPath::root().child(i), params, steps))
            .collect(),
        _ => vec![(StepPath::root(), &[][..], std::slice::from_ref(root))],
    }
}

/// `n` things: "1 argument", "2 parameters".
fn count(n: usize, thing: &str) -> String {
    match n {
        1 => format!("1 {thing}"),
        _ => format!("{n} {thing}s"),
    }
}
