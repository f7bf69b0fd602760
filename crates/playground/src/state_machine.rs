//! The enum rustc generates for the Rust panel's `async fn run()`, read from
//! the panel's own code (the [`Code`] the page shows): `Unresumed` (not yet
//! polled), one `Suspend{k}` per suspension point (each `.await`, `join!` and
//! `select!` in `run()`'s own body, as [`Code::suspension_points`] finds them),
//! holding the locals live across it, then `Returned` and `Panicked` (a poll
//! panicked; never on this page). A suspension point's fields are the future
//! it awaits, which rustc names `__awaitee` (a `Sleep`, the `Join` or
//! `Select` that `join!`/`select!` await, an `async` block), and each `let`
//! made before it and still needed after it: `f2` and `f3` at `f1.await`
//! (create-then-await), `s` and `borrowed` in self-ref. rustc also keeps
//! unnamed drop flags (a `bool` per moved future); they are left out. For
//! a program the learner wrote ([`of_text`]), a `let`'s future keeps the
//! name that `let` gives it (`eggs`, where the panel the page renders would
//! say `f2`).
//!
//! The size is rustc's where the page has it: every preset's panel is
//! compiled into this crate (`rust_lane/preset_panels.rs`, written by
//! tests/state_machine.rs; the lane runs it, crate::rust_lane::compiled, but for the
//! special presets, which run their own `async fn`) and measured
//! with `size_of_val(&run())`, never polled; it does not depend on the
//! timings or texts. Any other program is run by the runtime's combinators
//! composed (crate::rust_lane::machine), whose size is not rustc's for the panel: its
//! size is not known.
//! tests/state_machine.rs checks all of it against rustc's
//! `-Zprint-type-sizes`, where a nightly toolchain is installed.

use serde::Serialize;

#[cfg(feature = "text")]
use crate::parse::{self, ParseError};
use crate::program::log_text;
use crate::program::presets;
use crate::program::scenario::Step;
use crate::render::{self, Code};
use crate::rust_lane::special;

use crate::rust_lane::preset_panels;

/// The type of the future `join!` awaits (runtime::Join over boxed futures).
pub const JOIN: &str = "Join<Pin<Box<dyn Future<Output = ()>>>>";
/// The type of the future `select!` awaits.
pub const SELECT: &str = "Select<Pin<Box<dyn Future<Output = ()>>>>";
/// The type of a `for` loop's iterator over `0..N`: rustc gives an
/// integer literal with nothing else to go by `i32` (the lane's compiled
/// copy counts in `u32`, the same size).
pub const RANGE: &str = "Range<i32>";
/// The type of a spawned task's handle (the panels' tasks return `()`).
pub const JOIN_HANDLE: &str = "JoinHandle<()>";
/// How the page writes the type of an `async` block (rustc's
/// `{async block@file:line:col}`, an `impl Future<Output = ()>`).
pub const ASYNC_BLOCK: &str = "impl Future";

/// A field of a variant: a local kept inside the future.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Field {
    /// As in the code, or `__awaitee` for the awaited future.
    pub name: String,
    /// As a learner reads it: `Sleep`, `&String`, `impl Future` (an `async`
    /// block).
    #[serde(rename = "type")]
    pub ty: String,
}

/// A variant of `run()`'s future.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Variant {
    /// `Unresumed`, `Suspend0`…, `Returned`, `Panicked`.
    pub name: String,
    /// The locals it holds.
    pub fields: Vec<Field>,
    /// A `Suspend`'s line in the panel (from 1).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub line: Option<usize>,
}

/// A helper `async fn`'s own enum: rustc makes one per `async fn`, and the
/// future of a call lives inside its caller's, as the `__awaitee` of the
/// `.await` that waits for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct HelperMachine {
    /// The function's name: `brew`.
    pub name: String,
    /// In rustc's order.
    pub variants: Vec<Variant>,
    /// `size_of_val(&brew(…))` as rustc lays it out for this build's
    /// target, if the program is a preset's (`None`: not known), as
    /// [`StateMachine::size`]. Where a caller awaits it, the caller's
    /// future holds it: the caller's size counts it.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub size: Option<usize>,
}

/// A spawned task's future, when it is an `async` block (`spawn(async {
/// … })`): rustc makes it an enum of its own, as for an `async fn`. (A task
/// spawned as `spawn(brew())` is `brew()`'s future: its helper's enum.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TaskMachine {
    /// The line of its `spawn(async {` in the panel (from 1).
    pub line: usize,
    /// Its handle's name, if the program keeps one: `h1`.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub handle: Option<String>,
    /// Whether the program aborts it (`h1.abort();`): dropped in whatever
    /// state it is in, which no variant records.
    pub aborted: bool,
    /// In rustc's order; `Unresumed` holds what the block captured.
    pub variants: Vec<Variant>,
}

/// What JS gets: `{variants, helpers, tasks, size, preset, lane_runs_it}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct StateMachine {
    /// In rustc's order.
    pub variants: Vec<Variant>,
    /// The helper `async fn`s' enums, in the order written (none for a
    /// program without helpers).
    pub helpers: Vec<HelperMachine>,
    /// The spawned `async` blocks' enums, in the panel's order.
    pub tasks: Vec<TaskMachine>,
    /// `size_of_val(&run())` as rustc lays it out for this build's target,
    /// if this is a preset's program (`None`: not known).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub size: Option<usize>,
    /// The preset whose compiled panel gave the size.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub preset: Option<&'static str>,
    /// Whether the Rust lane runs that compiled `run()` itself: it does for
    /// every preset's shape but the special presets', whose lane runs their
    /// own `async fn`, with the timing as an argument (crate::rust_lane::special).
    pub lane_runs_it: bool,
}

/// The state machine of the Rust panel the page shows for `step` (`preset`
/// picks a special preset's own code, as the page does).
pub fn of(step: &Step, preset: Option<&str>) -> StateMachine {
    let special = preset
        .and_then(presets::find)
        .filter(|p| p.special.is_some());
    let code = match special.and_then(|p| p.special) {
        Some(which) => special::code(which, step),
        None => render::rust(step),
    };
    // A special preset's panel is its own code whatever its timings; any
    // other panel is a preset's if the program has that preset's shape.
    let preset = special
        .filter(|_| special::parts(step).is_some())
        .or_else(|| presets::of_shape(step))
        .map(|p| p.id);
    let helpers = step.functions().filter(|(_, name, _)| *name != "run");
    StateMachine {
        variants: variants(&code),
        helpers: helpers
            .map(|(_, name, _)| HelperMachine {
                name: name.to_string(),
                variants: variants_of(&code, name),
                size: preset.and_then(|id| preset_panels::size_of_helper(id, name)),
            })
            .collect(),
        tasks: tasks(&code),
        size: preset.and_then(preset_panels::size_of_run),
        preset,
        lane_runs_it: preset.is_some() && special.is_none(),
    }
}

/// The state machine of a program text the learner wrote: that of its
/// scenario's panel ([`of`]), each field a `let` made named as the text's
/// `let` names it. rustc names the field after the local, so `let eggs =
/// sleep_ms(20);` is kept as `eggs: Sleep`.
#[cfg(feature = "text")]
pub fn of_text(text: &str) -> Result<StateMachine, ParseError> {
    let step = parse::parse(text)?;
    let names = parse::layout::future_names(text)?;
    let mut machine = of(&step, None);
    // The panel's names (`f1`, `h1`…) are unique: one lookup each.
    let written = |name: &mut String| {
        if let Some((_, text)) = names.iter().find(|(ours, _)| ours == name) {
            *name = text.clone();
        }
    };
    for task in &mut machine.tasks {
        if let Some(handle) = &mut task.handle {
            written(handle);
        }
    }
    let helpers = machine.helpers.iter_mut().flat_map(|h| &mut h.variants);
    let tasks = machine.tasks.iter_mut().flat_map(|t| &mut t.variants);
    for field in machine
        .variants
        .iter_mut()
        .chain(helpers)
        .chain(tasks)
        .flat_map(|v| &mut v.fields)
    {
        written(&mut field.name);
    }
    Ok(machine)
}

/// `run()`'s variants, read from its code.
pub fn variants(code: &Code) -> Vec<Variant> {
    variants_of(code, "run")
}

/// The variants of the `async fn` named `name`, read from its code.
pub fn variants_of(code: &Code, name: &str) -> Vec<Variant> {
    let Some(head) = code.head_of(name) else {
        return Vec::new();
    };
    // Called, the future stores its arguments before anything runs.
    let params = code.params_of(name);
    let stored = params.iter().map(|p| (p.clone(), "u32")).collect();
    variants_in(code, head, stored, params)
}

/// The spawned `async` blocks' enums.
fn tasks(code: &Code) -> Vec<TaskMachine> {
    code.spawned_blocks()
        .into_iter()
        .map(|head| {
            let text = code.code_at(head);
            let handle = text
                .strip_prefix("let ")
                .and_then(|r| r.split_once(" = spawn("))
                .map(|(h, _)| h.to_string());
            // Made, the block stores what it captured.
            let stored = code.captured_numbers(head);
            let aborted = handle.as_ref().is_some_and(|h| {
                let abort = format!("{h}.abort();");
                (0..code.len()).any(|n| code.code_at(n) == abort)
            });
            TaskMachine {
                line: head + 1,
                aborted,
                handle,
                variants: variants_in(code, head, stored, Vec::new()),
            }
        })
        .collect()
}

/// The variants of the body that opens on line index `head`: `stored` is
/// what `Unresumed` holds (an `async fn`'s arguments, an `async` block's
/// captures), `params` the function's parameters (none for a block).
fn variants_in(
    code: &Code,
    head: usize,
    stored: Vec<(String, &'static str)>,
    params: Vec<String>,
) -> Vec<Variant> {
    let body = code.body_in(head);
    let lets = bindings(&body);
    let unit = |name: &str| Variant {
        name: name.into(),
        fields: Vec::new(),
        line: None,
    };
    let mut unresumed = unit("Unresumed");
    unresumed.fields = stored
        .into_iter()
        .map(|(name, ty)| Field {
            name,
            ty: ty.into(),
        })
        .collect();
    let mut out = vec![unresumed];
    for (k, (_, line)) in code.suspension_points_in(head).into_iter().enumerate() {
        let Some(&(_, loops, text)) = body.iter().find(|(n, _, _)| *n == line) else {
            continue;
        };
        // Each `for` loop around the point keeps its range's iterator (rustc
        // names it `iter`: `for` is sugar for a loop over `iter.next()`).
        let iterators = (0..loops.unwrap_or(0)).map(|_| Field {
            name: "iter".into(),
            ty: RANGE.into(),
        });
        // And each loop's variable a text reads, where rustc keeps it.
        let vars = code.loop_vars_held_at(line).into_iter().map(|name| Field {
            name,
            ty: "i32".into(),
        });
        // And each number (a parameter, a `let`) the body still needs there.
        let params = code
            .numbers_held_in(head, params.clone(), line)
            .into_iter()
            .map(|(name, ty)| Field {
                name,
                ty: ty.into(),
            });
        let vars = vars.chain(params);
        // A handle the body never awaits (it aborts the task) is dropped
        // only where its block ends: rustc keeps it till then (dropping a
        // `JoinHandle` runs code), used later or not.
        let mut live = live_across(&body, &lets, line);
        let kept = lets.iter().filter(|b| {
            let awaited = format!("{}.await", b.name);
            b.ty == JOIN_HANDLE
                && b.line < line
                && line < code.scope_end(b.line)
                && !body.iter().any(|(_, _, c)| c.starts_with(&awaited))
                && !live.iter().any(|l| l.name == b.name)
        });
        let kept: Vec<&Binding> = kept.collect();
        live.extend(kept);
        live.sort_by_key(|b| b.line);
        let mut fields: Vec<Field> = iterators
            .chain(vars)
            .chain(live.into_iter().map(|b| Field {
                name: b.name.clone(),
                ty: b.ty.clone(),
            }))
            .collect();
        fields.push(Field {
            name: "__awaitee".into(),
            ty: match text {
                JOIN_ALL_END => join_all_type(&body, line, &lets),
                _ => awaitee(text, &lets),
            },
        });
        out.push(Variant {
            name: format!("Suspend{k}"),
            fields,
            line: Some(line),
        });
    }
    out.push(unit("Returned"));
    out.push(unit("Panicked"));
    out
}

/// A `let` in `run()`'s own body.
struct Binding {
    name: String,
    ty: String,
    line: usize,
    /// The binding it borrows (`let borrowed = &s;`).
    borrows: Option<String>,
}

fn bindings(body: &[(usize, Option<usize>, &str)]) -> Vec<Binding> {
    let mut out: Vec<Binding> = Vec::new();
    for &(line, loops, code) in body {
        let Some(rest) = code.strip_prefix("let ").filter(|_| loops.is_some()) else {
            continue;
        };
        // One char pattern, not a substring search: smaller in wasm.
        let Some((name, init)) = rest.split_once('=') else {
            continue;
        };
        let (name, init) = (name.trim_end(), init.trim_start());
        if name == "_" {
            continue;
        }
        let borrows = init
            .strip_prefix('&')
            .map(|b| b.trim_end_matches(';').to_string());
        let ty = match &borrows {
            Some(target) => format!(
                "&{}",
                out.iter()
                    .find(|b| b.name == *target)
                    .map_or("_", |b| b.ty.as_str())
            ),
            None => expression_type(init, &out),
        };
        out.push(Binding {
            name: name.to_string(),
            ty,
            line,
            borrows,
        });
    }
    out
}

/// The type of an expression the panels bind or await, as a learner reads it.
fn expression_type(expr: &str, lets: &[Binding]) -> String {
    let expr = expr.trim_end_matches(';').trim();
    let known = [
        ("sleep_ms(", "Sleep"),
        ("yield_now(", "YieldNow"),
        ("spawn(", JOIN_HANDLE),
        ("async", ASYNC_BLOCK),
        ("String::from(", "String"),
        ("LostWake(", "LostWake"),
        ("JsFuture::from(", "JsFuture"),
        ("timer(", "Promise"),
    ];
    if let Some((_, ty)) = known.iter().find(|(start, _)| expr.starts_with(start)) {
        return (*ty).to_string();
    }
    // A call of a helper `async fn`, `brew(100)`: its future, as rustc
    // names the type (without the arguments).
    let called = expr.strip_suffix(')').and_then(|e| e.split_once('('));
    if let Some((name, _)) = called.filter(|(n, _)| log_text::is_name(n)) {
        return format!("{{async fn body of {name}()}}");
    }
    lets.iter()
        .find(|b| b.name == expr)
        .map_or_else(|| "impl Future".to_string(), |b| b.ty.clone())
}

/// The line that ends a `join_all(vec![…])` and awaits it.
const JOIN_ALL_END: &str = "]).await;";

/// The type of the `join_all(vec![…])` whose last line is `line`: the
/// runtime's `Join` over its items' one type (its first item's, on the line
/// after `join_all(vec![`).
fn join_all_type(body: &[(usize, Option<usize>, &str)], line: usize, lets: &[Binding]) -> String {
    let before = body.iter().filter(|(n, _, _)| *n < line);
    let start = before
        .rev()
        .find(|(_, _, c)| c.starts_with("join_all(vec!["));
    let item = start.and_then(|(n, _, _)| body.iter().find(|(m, _, _)| *m == n + 1));
    let ty = item.map_or_else(
        || "impl Future".to_string(),
        |(_, _, c)| expression_type(c.trim_end_matches(','), lets),
    );
    format!("Join<{ty}>")
}

/// The type of the future awaited on a suspension point's line.
fn awaitee(code: &str, lets: &[Binding]) -> String {
    if code.starts_with("join!(") {
        return JOIN.into();
    }
    if code.starts_with("select!") {
        return SELECT.into();
    }
    let awaited = code.strip_prefix("let _ = ").unwrap_or(code);
    let awaited = awaited
        .strip_suffix(".await;")
        .or_else(|| awaited.strip_suffix(".await.unwrap();"))
        .unwrap_or(awaited);
    expression_type(awaited, lets)
}

/// The bindings made before `line` that the body needs after it (by name, or
/// through a binding that borrows them): rustc keeps them in the variant.
/// A binding used on the line itself and never after is moved into the
/// awaited future (`f1.await`, `JsFuture::from(promise)`).
fn live_across<'a>(
    body: &[(usize, Option<usize>, &str)],
    lets: &'a [Binding],
    line: usize,
) -> Vec<&'a Binding> {
    let later: Vec<String> = body
        .iter()
        .filter(|(n, _, _)| *n > line)
        .flat_map(|(_, _, code)| render::identifiers(code))
        .collect();
    let made = || lets.iter().filter(|b| b.line < line);
    let used: Vec<&Binding> = made().filter(|b| later.contains(&b.name)).collect();
    made()
        .filter(|b| {
            used.iter().any(|u| u.name == b.name)
                || used.iter().any(|u| u.borrows.as_deref() == Some(&b.name))
        })
        .collect()
}

/// The presets whose panels this crate has compiled (all of them; interop's
/// only for wasm32, where its JS Promise exists).
pub fn compiled_presets() -> Vec<&'static str> {
    presets::PRESETS
        .iter()
        .map(|p| p.id)
        .filter(|id| preset_panels::size_of_run(id).is_some())
        .collect()
}
