//! From the parsed tree to a valid [`Step`]: timers get their labels (the
//! comment trailing them, else "Timer K"), then the tree goes through the
//! validation every other input goes through, and the first problem it finds
//! is put back at the place in the text it comes from.

use std::collections::HashSet;

use super::error::{ParseError, Pos};
use super::grammar::{Kind, Node};
use super::lexer::Comment;
use crate::program::scenario::{limits, LoopStyle, Step};
use crate::program::step_path::StepPath;
use crate::program::validate::{self, Problem};
use crate::program::value::{n, obj, s, Value};

/// Names every timer. A `//` comment ending the line of a `sleep_ms(…)`'s
/// `)` is its label (after the one space the renderer writes after `//`),
/// unless a later sleep's `)` is on the same line: the comment names the last.
/// A timer with none (or a blank one) is "Timer K", K its place among the
/// timers, or the next number no other timer's label has: as the page's "Add
/// timer" names a new one.
pub(super) fn label_timers(root: &mut Node, comments: &[Comment]) {
    let mut sleeps = Vec::new();
    collect_sleeps(root, &mut sleeps);
    // One comment per line at most: it runs to the end of it.
    let on_line = |line: usize| {
        comments
            .binary_search_by_key(&line, |c| c.at.line)
            .ok()
            .map(|i| &comments[i])
    };
    let lines: Vec<usize> = sleeps.iter().map(|s| close_line(s)).collect();
    for (i, sleep) in sleeps.iter_mut().enumerate() {
        if lines.get(i + 1) == Some(&lines[i]) {
            continue;
        }
        let Some(comment) = on_line(lines[i]) else {
            continue;
        };
        let (text, at) = match comment.text.strip_prefix(' ') {
            Some(rest) => (rest, comment.at.right(1)),
            None => (comment.text.as_str(), comment.at),
        };
        if !text.trim().is_empty() {
            set_label(sleep, text.to_string(), at);
        }
    }
    let mut taken: HashSet<String> = sleeps.iter().filter_map(|s| label(s)).collect();
    for (k, sleep) in sleeps.iter_mut().enumerate() {
        if label(sleep).is_none() {
            let mut n = k + 1;
            while taken.contains(&format!("Timer {n}")) {
                n += 1;
            }
            let name = format!("Timer {n}");
            taken.insert(name.clone());
            let at = sleep.at;
            set_label(sleep, name, at);
        }
    }
}

fn collect_sleeps<'a>(node: &'a mut Node, out: &mut Vec<&'a mut Node>) {
    if matches!(node.kind, Kind::Sleep { .. }) {
        out.push(node);
        return;
    }
    for child in &mut node.children {
        collect_sleeps(child, out);
    }
}

fn close_line(node: &Node) -> usize {
    match node.kind {
        Kind::Sleep { close_line, .. } => close_line,
        _ => 0,
    }
}

fn label(node: &Node) -> Option<String> {
    match &node.kind {
        Kind::Sleep { label, .. } => label.as_ref().map(|(text, _)| text.clone()),
        _ => None,
    }
}

fn set_label(node: &mut Node, text: String, at: Pos) {
    if let Kind::Sleep { label, .. } = &mut node.kind {
        *label = Some((text, at));
    }
}

/// The tree as a scenario value, validated as any scenario is.
pub(super) fn validate(root: &Node) -> Result<Step, ParseError> {
    validate::scenario(&value(root)).map_err(|problems| match problems.first() {
        Some(problem) => locate(root, problem),
        // Validation always says what is wrong; this only keeps a panic out.
        None => ParseError::new(root.at, "this program is not a valid scenario"),
    })
}

fn value(node: &Node) -> Value {
    let kind = match &node.kind {
        Kind::Sleep {
            ms, label, param, ..
        } => {
            let label = label.as_ref().map_or("", |(text, _)| text);
            let delay = match param {
                Some(param) => ("param", s(param)),
                None => ("ms", n(*ms)),
            };
            return obj(&[("type", s("sleep")), ("label", s(label)), delay]);
        }
        Kind::Log { text, format, .. } => {
            let mut fields = vec![("type", s("log")), ("text", s(text))];
            if *format {
                fields.push(("format", Value::Bool(true)));
            }
            return obj(&fields);
        }
        Kind::Block {
            param: Some(param), ..
        } => return obj(&[("type", s("block")), ("param", s(param))]),
        Kind::Block { ms, .. } => return obj(&[("type", s("block")), ("ms", n(*ms))]),
        Kind::Yield => return obj(&[("type", s("yield"))]),
        Kind::Spawn { handle, direct } => {
            let steps = Value::Array(node.children.iter().map(value).collect());
            let mut fields = vec![("type", s("spawn")), ("steps", steps)];
            if let Some(handle) = handle {
                fields.insert(1, ("handle", n(f64::from(*handle))));
            }
            if *direct {
                fields.push(("direct", Value::Bool(true)));
            }
            return obj(&fields);
        }
        Kind::AwaitHandle { handle } => {
            return obj(&[
                ("type", s("await_handle")),
                ("handle", n(f64::from(*handle))),
            ])
        }
        Kind::Abort { handle } => {
            return obj(&[("type", s("abort")), ("handle", n(f64::from(*handle)))])
        }
        Kind::Repeat {
            times, var, style, ..
        } => {
            let steps = Value::Array(node.children.iter().map(value).collect());
            let mut fields = vec![("type", s("repeat")), ("times", n(*times))];
            if let Some((var, _)) = var {
                fields.push(("var", s(var)));
            }
            if *style != LoopStyle::For {
                fields.push(("style", s(style.name())));
            }
            fields.push(("steps", steps));
            return obj(&fields);
        }
        Kind::Seq => "seq",
        Kind::All => "all",
        Kind::JoinAll => {
            let steps = Value::Array(node.children.iter().map(value).collect());
            return obj(&[
                ("type", s("all")),
                ("join_all", Value::Bool(true)),
                ("steps", steps),
            ]);
        }
        Kind::Race => "race",
        Kind::RandomRace => {
            let steps = Value::Array(node.children.iter().map(value).collect());
            return obj(&[
                ("type", s("race")),
                ("random", Value::Bool(true)),
                ("steps", steps),
            ]);
        }
        Kind::Arm => "arm",
        Kind::CreateThenAwait => "create_then_await",
        Kind::Module => "module",
        Kind::AsyncFn { name, params, .. } => {
            let steps = Value::Array(node.children.iter().map(value).collect());
            let params = Value::Array(params.iter().map(|p| s(p)).collect());
            return obj(&[
                ("type", s("async_fn")),
                ("name", s(name)),
                ("params", params),
                ("steps", steps),
            ]);
        }
        // Only the end of a counter's loop, which takes them off its body.
        Kind::Increment | Kind::Break { .. } => "seq",
        Kind::Let { name, value, .. } => {
            return obj(&[("type", s("let")), ("name", s(name)), ("value", n(*value))]);
        }
        Kind::Call { name, args } => {
            let args = Value::Array(args.iter().map(|(arg, _)| n(*arg)).collect());
            return obj(&[("type", s("call")), ("name", s(name)), ("args", args)]);
        }
    };
    let steps = Value::Array(node.children.iter().map(value).collect());
    obj(&[("type", s(kind)), ("steps", steps)])
}

/// A validation problem as a parse error: its path (`scenario.steps[1].ms`)
/// leads to the node and field it is about, and the message names that
/// ("this delay must be a whole number of milliseconds from 0 to 60000, got
/// 70000").
fn locate(root: &Node, problem: &Problem) -> ParseError {
    let mut node = root;
    let (at, rest) = StepPath::read_prefix(&problem.path).unwrap_or((StepPath::root(), ""));
    for &i in at.indices() {
        match node.children.get(i) {
            Some(child) => node = child,
            None => break,
        }
    }
    let field = rest.strip_prefix('.').and_then(|r| r.split('.').next());
    if problem.path == "scenario" {
        // Only the counts are checked on the whole scenario: point at the
        // first timer or step past the limit.
        let mut nodes = Vec::new();
        preorder(root, &mut nodes);
        let timers: Vec<&Node> = nodes
            .iter()
            .copied()
            .filter(|n| matches!(n.kind, Kind::Sleep { .. }))
            .collect();
        let past = match timers.get(limits::MAX_TIMERS) {
            Some(timer) => timer,
            None => nodes.get(limits::MAX_STEPS).copied().unwrap_or(root),
        };
        return ParseError::new(past.at, format!("the program {}", problem.message));
    }
    let (at, subject) = match (&node.kind, field) {
        (Kind::Sleep { ms_at, .. }, Some("ms")) => (*ms_at, "this delay"),
        (Kind::Sleep { label, .. }, Some("label")) => {
            (label.as_ref().map_or(node.at, |(_, at)| *at), "this label")
        }
        (Kind::Log { text_at, .. }, Some("text")) => (*text_at, "this text"),
        (Kind::Block { ms_at, .. }, Some("ms")) => (*ms_at, "this block"),
        (Kind::Repeat { times_at, .. }, Some("times")) => (*times_at, "this loop's count"),
        (Kind::AsyncFn { name_at, .. }, Some("name")) => (*name_at, "this function"),
        (Kind::Let { name_at, .. }, Some("name")) => (*name_at, "this name"),
        (Kind::Let { value_at, .. }, Some("value")) => (*value_at, "this number"),
        (Kind::Call { args, .. }, Some(field)) if field.starts_with("args[") => {
            let k: Option<usize> = field[5..].trim_end_matches(']').parse().ok();
            let arg = k.and_then(|k| args.get(k));
            (arg.map_or(node.at, |(_, at)| *at), "this argument")
        }
        (
            Kind::Repeat {
                var: Some((_, at)), ..
            },
            Some("var"),
        ) => (*at, "this loop's variable"),
        _ => (node.at, node.what),
    };
    ParseError::new(at, format!("{subject} {}", problem.message))
}

fn preorder<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
    out.push(node);
    for child in &node.children {
        preorder(child, out);
    }
}
