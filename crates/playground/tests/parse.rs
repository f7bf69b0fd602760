//! The Rust panel's text back to a scenario: a table of programs (valid ones
//! with their scenarios, invalid ones with the line, column and message),
//! every preset, and the round trips over random scenarios: a rendered panel
//! parses back to its scenario, and what parses renders back to the same text
//! up to whitespace and comments.
#![cfg(not(target_arch = "wasm32"))]

use playground::parse::layout::{future_names, line_map};
use playground::parse::{canonical, parse, MAX_TEXT};
use playground::program::presets;
use playground::program::scenario::{limits, LoopStyle, Step};
use playground::render;
use proptest::prelude::*;

mod common;
use common::Random;

use Step::{All, CreateThenAwait as Cta, Race, Seq};

/// A module around `body`, whose first line is line 4 of the text.
fn module(body: &str) -> String {
    format!("use runtime::prelude::*;\n\nasync fn run() {{\n{body}}}\n")
}

fn rust(step: &Step) -> String {
    render::rust(step).text(4)
}

#[test]
fn valid_programs_give_their_scenarios() {
    let table: Vec<(&str, String, Step)> = vec![
        (
            "a block, alone and as a future",
            module("    block_ms(100);\n    join!(sleep_ms(5), async { block_ms(20) });\n"),
            Seq(vec![
                Step::Block { ms: 100 },
                All(vec![Step::sleep("Timer 1", 5), Step::Block { ms: 20 }]),
            ]),
        ),
        (
            "a select! arm with a body, beside one without; the label on the arm's line",
            module(
                "    select! {\n        biased;\n        _ = sleep_ms(5) => { // Fast\n            \
                 log(\"fast\");\n            sleep_ms(1).await;\n        }\n        \
                 _ = sleep_ms(9) => {}\n    }\n",
            ),
            Seq(vec![Race(vec![
                Step::Arm(Box::new([
                    Step::sleep("Fast", 5),
                    Seq(vec![Step::log("fast"), Step::sleep("Timer 2", 1)]),
                ])),
                Step::sleep("Timer 3", 9),
            ])]),
        ),
        (
            "a loop's variable read by println! and log(format!(…)); a plain format! is plain",
            "use runtime::prelude::*;\nuse runtime::println;\n\nasync fn run() {\n    \
             for round in 0..2 {\n        println!(\"round {round} {{ok}}\");\n        \
             log(&format!(\"again {round}\"));\n        log(format!(\"{{plain}}\"));\n    \
             }\n}\n"
                .to_string(),
            Seq(vec![Step::Repeat {
                times: 2,
                var: Some("round".into()),
                style: LoopStyle::For,
                steps: vec![
                    Step::Log {
                        text: "round {round} {{ok}}".into(),
                        format: true,
                    },
                    Step::Log {
                        text: "again {round}".into(),
                        format: true,
                    },
                    Step::log("{plain}"),
                ],
            }]),
        ),
        (
            "one sleep, no label: the first timer's default",
            module("    sleep_ms(5).await;\n"),
            Seq(vec![Step::sleep("Timer 1", 5)]),
        ),
        (
            "a default label skips a label taken anywhere",
            module("    sleep_ms(1).await;\n    sleep_ms(2).await; // Timer 1\n"),
            Seq(vec![Step::sleep("Timer 2", 1), Step::sleep("Timer 1", 2)]),
        ),
        (
            "the label is the comment after one space, inner spaces kept",
            module("    sleep_ms(3).await; //  two words \n"),
            Seq(vec![Step::sleep(" two words ", 3)]),
        ),
        (
            "a blank comment is no label",
            module("    sleep_ms(3).await; //\n    sleep_ms(4).await; //   \n"),
            Seq(vec![Step::sleep("Timer 1", 3), Step::sleep("Timer 2", 4)]),
        ),
        (
            "a comment on its own line names nothing",
            module("    // Not a label\n    sleep_ms(3).await;\n"),
            Seq(vec![Step::sleep("Timer 1", 3)]),
        ),
        (
            "escapes in a log",
            module("    log(\"say \\\"hi\\\" \\\\ // bye\");\n"),
            Seq(vec![Step::log("say \"hi\" \\ // bye")]),
        ),
        (
            "a one-line join: the comment names the last sleep on its line",
            module("    join!(sleep_ms(1), sleep_ms(2)); // b\n"),
            Seq(vec![All(vec![Step::sleep("Timer 1", 1), Step::sleep("b", 2)])]),
        ),
        (
            "select with commas between arms",
            module(
                "    select! { biased; _ = sleep_ms(1) => {}, _ = async { log(\"x\") } => {}, }\n",
            ),
            Seq(vec![Race(vec![Step::sleep("Timer 1", 1), Step::log("x")])]),
        ),
        (
            "lets with any names",
            module(
                "    let a = sleep_ms(1);\n    let b = async { log(\"x\") };\n    a.await;\n    b.await;\n",
            ),
            Seq(vec![Cta(vec![Step::sleep("Timer 1", 1), Step::log("x")])]),
        ),
        (
            "a block holding one log statement is a sequence of it",
            module("    join!(async {\n        log(\"x\");\n    });\n"),
            Seq(vec![All(vec![Seq(vec![Step::log("x")])])]),
        ),
        (
            "a block holding one join is that join",
            module("    join!(async { join!(sleep_ms(1), sleep_ms(2)); }, sleep_ms(3));\n"),
            Seq(vec![All(vec![
                All(vec![Step::sleep("Timer 1", 1), Step::sleep("Timer 2", 2)]),
                Step::sleep("Timer 3", 3),
            ])]),
        ),
        (
            "a block of two statements is their sequence",
            module("    let f1 = async {\n        sleep_ms(1).await;\n        log(\"a\");\n    };\n    f1.await;\n"),
            Seq(vec![Cta(vec![Seq(vec![Step::sleep("Timer 1", 1), Step::log("a")])])]),
        ),
        (
            "two groups of lets, one after the other",
            module("    let f1 = sleep_ms(1);\n    f1.await;\n    let f2 = sleep_ms(2);\n    f2.await;\n"),
            Seq(vec![
                Cta(vec![Step::sleep("Timer 1", 1)]),
                Cta(vec![Step::sleep("Timer 2", 2)]),
            ]),
        ),
        (
            "comments and odd spacing anywhere",
            "// a program\nuse runtime :: prelude :: * ; // the prelude\nasync fn run ( ) { // go\n  join ! ( // all\n sleep_ms ( 1 ) , // T1\n // between\n sleep_ms(2) ) ;\n log ( \"x\" ) ; }\n"
                .into(),
            Seq(vec![All(vec![Step::sleep("T1", 1), Step::sleep("Timer 2", 2)]), Step::log("x")]),
        ),
        (
            // Valid Rust: a block's last statement of type `()` may be its
            // tail expression, without `;` (as a learner writes `async { … }`).
            "a block's last statement without its ;",
            module("    join!(async { sleep_ms(1).await; log(\"x\") }, async { sleep_ms(2).await });\n    log(\"y\")\n"),
            Seq(vec![
                All(vec![
                    Seq(vec![Step::sleep("Timer 1", 1), Step::log("x")]),
                    Seq(vec![Step::sleep("Timer 2", 2)]),
                ]),
                Step::log("y"),
            ]),
        ),
        (
            "digits with underscores and leading zeros",
            module("    sleep_ms(1_000).await;\n    sleep_ms(007).await;\n"),
            Seq(vec![Step::sleep("Timer 1", 1000), Step::sleep("Timer 2", 7)]),
        ),
        (
            "CRLF line endings and tabs",
            "use runtime::prelude::*;\r\n\r\nasync fn run() {\r\n\tsleep_ms(9).await; // Nine\r\n}\r\n".into(),
            Seq(vec![Step::sleep("Nine", 9)]),
        ),
        (
            "a label of 40 characters, not ASCII",
            module(&format!("    sleep_ms(1).await; // {}\n", "é".repeat(40))),
            Seq(vec![Step::sleep(&"é".repeat(40), 1)]),
        ),
        (
            "nested to depth 6, the most allowed",
            module("    join!(async { join!(async { join!(async { join!(sleep_ms(1)); }); }); });\n"),
            Seq(vec![All(vec![All(vec![All(vec![All(vec![Step::sleep(
                "Timer 1", 1,
            )])])])])]),
        ),
        (
            "the notes' example",
            rust(&(presets::PRESETS[0].scenario)()),
            (presets::PRESETS[0].scenario)(),
        ),
    ];
    for (name, text, want) in table {
        assert_eq!(parse(&text), Ok(want), "{name}:\n{text}");
    }
}

#[test]
fn invalid_programs_are_refused_at_the_offending_token() {
    let label_41 = "x".repeat(41);
    let text_41 = "y".repeat(41);
    let many_timers: String = (0..33)
        .map(|i| format!("    sleep_ms(1).await; // T{i}\n"))
        .collect();
    let many_steps = "    log(\"x\");\n".repeat(64);
    let deep = format!(
        "    {}sleep_ms(1){}\n",
        "join!(async { ".repeat(20),
        "); }".repeat(20)
    );
    let table: Vec<(&str, String, usize, usize, &str)> = vec![
        ("not awaited", module("    sleep_ms(20);\n"), 4, 17,
         "missing `.await`: without `.await` this future is dropped, never polled"),
        ("out of range", module("    sleep_ms(70000).await;\n"), 4, 14,
         "this delay must be a whole number of milliseconds from 0 to 60000, got 70000"),
        ("a block out of range", module("    block_ms(6000);\n"), 4, 14,
         "this block must be a whole number of milliseconds from 0 to 5000, got 6000"),
        ("a block awaited", module("    block_ms(10).await;\n"), 4, 17,
         "`block_ms(…)` is a plain call that returns when its time is up: there is nothing to await"),
        ("a block as a future", module("    join!(block_ms(10));\n"), 4, 11,
         "`block_ms(…)` runs at once and is no future: write `async { block_ms(…) }`"),
        ("not whole", module("    sleep_ms(2.5).await;\n"), 4, 14, "got 2.5, which is not whole"),
        ("negative", module("    sleep_ms(-1).await;\n"), 4, 14,
         "expected a whole number of milliseconds from 0 to 60000, found `-`"),
        ("suffix", module("    sleep_ms(20u32).await;\n"), 4, 14, "found `20u32`"),
        ("no .await nor ;", module("    sleep_ms(20)\n}\n"), 4, 17,
         "expected `.await` at the end of this line"),
        ("awaited, no ; before the next", module("    sleep_ms(20).await\n    log(\"x\");\n"), 4, 23, "expected `;` at the end of this line"),
        ("no use line", "async fn run() {}\n".into(), 1, 1,
         "expected `use`, found `async`: the module starts with `use runtime::prelude::*;`"),
        ("not async", "use runtime::prelude::*;\nfn run() {}\n".into(), 2, 1, "expected `async`, found `fn`"),
        ("not run", "use runtime::prelude::*;\nasync fn main() {}\n".into(), 2, 10,
         "expected `run`, found `main`: the page calls `async fn run()` itself"),
        ("empty body", module(""), 3, 16, "`run`'s body must hold at least one step"),
        ("unclosed", "use runtime::prelude::*;\nasync fn run() {\n    log(\"x\");\n".into(), 4, 1,
         "expected `}`, found the end of the text: to close the `{` at line 2, column 16"),
        ("after run", format!("{}fn main() {{}}\n", module("    log(\"x\");\n")), 6, 1,
         "the page runs `run()` for you (as `#[tokio::main]` runs `main`), so there is no `main` here: remove it"),
        ("label too long", module(&format!("    sleep_ms(1).await; // {label_41}\n")), 4, 27,
         "this label must be text of 1 to 40 characters, got 41"),
        ("duplicate label", module("    sleep_ms(1).await; // A\n    sleep_ms(2).await; // A\n"), 5, 27,
         "this label \"A\" is used by another timer; labels must be unique"),
        ("empty text", module("    log(\"\");\n"), 4, 9, "this text must be text of 1 to 40 characters, got 0"),
        ("text too long", module(&format!("    log(\"{text_41}\");\n")), 4, 9,
         "this text must be text of 1 to 40 characters, got 41"),
        ("control character", module("    log(\"a\tb\");\n"), 4, 9, "without control characters"),
        ("escape", module("    log(\"a\\nb\");\n"), 4, 11,
         "this playground does not read the escape `\\n` yet; in Rust it is fine: a text here may escape only `\\\"` and `\\\\`"),
        ("unterminated", module("    log(\"abc);\n"), 4, 9, "this string has no closing `\"` on its line"),
        ("no string", module("    log(x);\n"), 4, 9, "expected a string in double quotes, found `x`"),
        ("empty join", module("    join!();\n"), 4, 5, "this `join!` must hold at least one step"),
        ("awaited in join", module("    join!(sleep_ms(1).await);\n"), 4, 22,
         "`join!` awaits its futures itself: remove `.await`"),
        ("log as a future", module("    join!(log(\"x\"));\n"), 4, 11,
         "found `log`: `log(…)` runs at once and is no future: write `async { log(…) }`"),
        ("no comma", module("    join!(sleep_ms(1) sleep_ms(2));\n"), 4, 23, "expected `,` or `)`, found `sleep_ms`"),
        ("biased misspelled", module("    select! { biassed; _ = sleep_ms(1) => {} }\n"), 4, 15, "did you mean `biased`"),
        ("arm body of two statements not a block", module("    select! { biased; _ = sleep_ms(1) => log(\"x\"); log(\"y\"), }\n"), 4, 50,
         "expected `,`, found `;`: a branch's code is one expression"),
        ("arm body not awaited", module("    select! { biased; _ = sleep_ms(1) => { sleep_ms(2); } }\n"), 4, 55,
         "missing `.await`"),
        ("not awaited next", module("    let f1 = sleep_ms(1);\n    log(\"x\");\n"), 5, 5,
         "expected `f1.await;`, found `log`: this playground does not read other statements between"),
        ("one of two never awaited", module("    let f1 = sleep_ms(1);\n    let f2 = sleep_ms(2);\n    f2.await;\n"), 7, 1,
         "expected `f1.await;`, found `}`: `f1` is never awaited, so it never runs"),
        ("a let never awaited", module("    let f1 = sleep_ms(1);\n    f1;\n"), 5, 7,
         "without `.await` this future is dropped, never polled"),
        ("let awaits", module("    let f1 = sleep_ms(1).await;\n    f1.await;\n"), 4, 9,
         "this playground does not read `let f1 = ….await;` yet"),
        ("let _", module("    let _ = sleep_ms(1);\n"), 4, 9, "`let _ =` drops this future at once, never polled"),
        ("a name twice", module("    let f = sleep_ms(1);\n    let f = sleep_ms(2);\n"), 5, 9,
         "`f` already names a future made above"),
        ("a keyword as a name", module("    let fn = sleep_ms(1);\n"), 4, 9,
         "expected a name for the future, found `fn`: `fn` is a Rust keyword"),
        ("empty block", module("    join!(async {});\n"), 4, 11, "this `async` block must hold at least one step"),
        ("block comment", module("    /* no */ log(\"x\");\n"), 4, 5, "this playground does not read block comments (`/* … */`) yet"),
        ("33 timers", module(&many_timers), 36, 5, "the program has 33 timers; at most 32 are allowed"),
        ("65 steps", module(&many_steps), 67, 5, "the program has 65 steps; at most 64 are allowed"),
        ("depth 7", module("    join!(async { join!(async { join!(async { join!(async { join!(sleep_ms(1)); }); }); }); });\n"),
         4, 67, "this `sleep_ms` is nested too deep: at most 6 levels"),
        ("deep nesting stops early", module(&deep), 4, 89, "this `join!` is nested too deep: at most 6 levels"),
        ("empty statement", module("    log(\"x\");;\n"), 4, 14,
         "this playground does not read an empty statement (a `;` alone) yet"),
        ("join! awaited, as Promise.all", module("    join!(sleep_ms(1), sleep_ms(2)).await;\n"), 4, 36,
         "expected `;`, found `.`: `join!` waits for its futures itself (as in tokio): write `join!(…);`, without `.await`"),
        ("join! of lets awaited", module("    let a = sleep_ms(1);\n    let b = sleep_ms(2);\n    join!(a, b).await;\n"), 6, 16,
         "expected `;`, found `.`: `join!` waits for its futures itself"),
        ("unknown character", module("    # log(\"x\");\n"), 4, 5,
         "expected a statement (`sleep_ms(…).await;`, `log(\"…\");`, `join!(…);`, `select! { … }` or `let f = …;`), found `#`"),
        ("no-break space", module("    log(\"x\");\u{a0}\n"), 4, 14, "found the character U+00A0"),
        ("an await with no let", module("    f1.await;\n"), 4, 5, "no `let` above makes `f1`"),
        ("too long", format!("{}{}", module("    log(\"x\");\n"), " ".repeat(MAX_TEXT)), 1, 1,
         "at most 65536 are read"),
    ];
    assert!(table.len() >= 30);
    for (name, text, line, column, message) in table {
        let error = parse(&text).expect_err(name);
        assert!(
            (error.line, error.column) == (line, column) && error.message.contains(message),
            "{name}: got {error}, want line {line}, column {column}: …{message}…"
        );
        assert!(error
            .to_string()
            .starts_with(&format!("line {line}, column {column}: ")));
    }
}

#[test]
fn every_preset_round_trips() {
    for preset in presets::PRESETS {
        let step = (preset.scenario)();
        assert_eq!(canonical(&step), step, "{}", preset.id);
        assert_eq!(parse(&rust(&step)), Ok(step), "{}", preset.id);
    }
}

#[test]
fn the_largest_inputs_are_refused_quickly() {
    // Each at the size limit, each the worst of its kind: thousands of
    // timers, of logs, of nested brackets, of comments.
    let fill = |unit: &str, head: &str, tail: &str| {
        let room = MAX_TEXT - module("").len() - head.len() - tail.len();
        module(&format!("{head}{}{tail}", unit.repeat(room / unit.len())))
    };
    let cases = [
        fill("sleep_ms(0),", "join!(", ");"),
        fill("sleep_ms(0).await;", "", ""),
        fill("log(\"x\");", "", ""),
        fill("join!(async {", "", ""),
        fill("// c\n", "", ""),
        fill("x", "log(\"", "\");"),
        fill("1", "sleep_ms(", ").await;"),
    ];
    for text in cases {
        assert!(text.len() <= MAX_TEXT);
        let start = std::time::Instant::now();
        assert!(parse(&text).is_err());
        // Generous for a debug build on a busy machine: the point is that
        // nothing grows out of bounds.
        assert!(start.elapsed().as_secs() < 5, "{}", &text[..80]);
    }
}

// ---- Round trips over random scenarios ----

/// Text that needs care in a string literal or a comment: quotes,
/// backslashes, `//`, braces, spaces at either end, non-ASCII.
fn text() -> impl Strategy<Value = String> {
    const CHARS: &[char] = &[
        'a', 'b', 'z', 'T', '0', '7', ' ', '"', '\\', '/', '{', '}', '(', ')', ';', ',', '.', '!',
        '_', 'é', '→',
    ];
    // Short texts mostly, the longest sometimes (a regex strategy is slower).
    (prop_oneof![1..8usize, 1..=limits::MAX_TEXT]).prop_flat_map(|len| {
        prop::collection::vec(prop::sample::select(CHARS), len)
            .prop_map(|chars| chars.into_iter().collect::<String>())
            .prop_filter("not blank", |t| !t.trim().is_empty())
    })
}

fn step() -> impl Strategy<Value = Step> {
    let leaf = prop_oneof![
        (text(), 0..=limits::MAX_MS).prop_map(|(label, ms)| Step::Sleep { label, ms }),
        text().prop_map(|text| Step::Log {
            text,
            format: false
        }),
        (0..=limits::MAX_BLOCK_MS).prop_map(|ms| Step::Block { ms }),
        Just(Step::Yield),
    ];
    leaf.prop_recursive(4, 48, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(Seq),
            prop::collection::vec(inner.clone(), 1..4).prop_map(All),
            // join_all(vec![…]) of sleeps (one type).
            prop::collection::vec((text(), 0..=limits::MAX_MS), 1..4).prop_map(|sleeps| {
                Step::JoinAll(
                    sleeps
                        .into_iter()
                        .map(|(label, ms)| Step::Sleep { label, ms })
                        .collect(),
                )
            }),
            // Some branches are select! arms with a body.
            prop::collection::vec(
                (
                    inner.clone(),
                    prop::option::of(prop::collection::vec(inner.clone(), 1..3))
                ),
                1..4
            )
            .prop_map(|branches| Race(
                branches
                    .into_iter()
                    .map(|(future, body)| match body {
                        Some(body) => Step::Arm(Box::new([future, Seq(body)])),
                        None => future,
                    })
                    .collect()
            )),
            // select! without biased;
            prop::collection::vec(inner.clone(), 1..4).prop_map(Step::RandomRace),
            prop::collection::vec(inner.clone(), 1..4).prop_map(Cta),
            (0..=limits::MAX_TIMES, prop::collection::vec(inner, 1..4)).prop_map(
                |(times, steps)| Step::Repeat {
                    times,
                    var: None,
                    style: LoopStyle::For,
                    steps
                }
            ),
        ]
    })
}

/// Random valid scenarios: a sequence at the root (the body of `run()`), any
/// nesting below, in canonical form or not; labels made unique. Some spawn
/// one of the root's steps as a task, awaited or aborted by its handle later,
/// or neither.
fn scenario() -> impl Strategy<Value = Step> {
    (
        prop::collection::vec(step(), 1..5),
        any::<(u8, u8, u8, u8)>(),
    )
        .prop_map(|(mut steps, (spawn, which, until, helper))| {
            if spawn % 3 > 0 {
                let i = usize::from(which) % steps.len();
                let handle = (spawn % 3 == 1).then_some(1);
                let body = steps[i].clone();
                steps[i] = Step::Spawn {
                    handle,
                    steps: vec![body],
                    direct: false,
                };
                if let Some(handle) = handle {
                    let at = i + 1 + usize::from(until) % (steps.len() - i);
                    let using = match spawn / 3 % 2 {
                        0 => Step::AwaitHandle { handle },
                        _ => Step::Abort { handle },
                    };
                    steps.insert(at, using);
                }
            }
            // Some name a number first, `let cups = 7;`.
            if helper % 5 == 1 && helper % 4 != 0 {
                steps.insert(
                    0,
                    Step::Let {
                        name: "cups".into(),
                        value: u32::from(until),
                    },
                );
                steps.insert(
                    1,
                    Step::Log {
                        text: "{cups} cups".into(),
                        format: true,
                    },
                );
            }
            // Some move a step into a helper `async fn`, called where it
            // stood (and some a second time, at the end), written above or
            // below `run()`.
            let i = usize::from(which) % steps.len();
            let movable = !matches!(
                steps[i],
                Step::Spawn { .. } | Step::AwaitHandle { .. } | Step::Abort { .. }
            );
            let mut step = if helper % 4 == 0 && movable {
                let mut body = std::mem::replace(&mut steps[i], Step::Yield);
                // A sleep moved alone takes its delay as a parameter, `ms`.
                let mut args = Vec::new();
                if let Step::Sleep { label, ms } = &body {
                    args.push(*ms);
                    body = Step::SleepFor {
                        label: label.clone(),
                        param: "ms".into(),
                    };
                }
                let params: Vec<String> = args.iter().map(|_| "ms".into()).collect();
                let call = Step::Call {
                    name: "brew".into(),
                    args,
                };
                steps[i] = call.clone();
                // Some call it again at the end, some spawn it: the task its
                // call itself, `spawn(brew())`.
                if helper % 8 == 0 {
                    steps.push(call);
                } else if helper % 8 == 4 {
                    steps.push(Step::Spawn {
                        handle: None,
                        steps: vec![call],
                        direct: true,
                    });
                }
                let run = Step::AsyncFn {
                    name: "run".into(),
                    params: Vec::new(),
                    steps,
                };
                let brew = Step::AsyncFn {
                    name: "brew".into(),
                    params,
                    steps: vec![body],
                };
                match helper % 16 {
                    0 => Step::Module(vec![brew, run]),
                    _ => Step::Module(vec![run, brew]),
                }
            } else {
                Seq(steps)
            };
            let mut seen = Vec::new();
            unique_labels(&mut step, &mut seen);
            step
        })
        .prop_filter("within the limits", |step| {
            let (mut timers, mut steps) = (0, 0);
            step.visit(&mut |s| {
                steps += 1;
                timers += usize::from(matches!(s, Step::Sleep { .. }));
            });
            timers <= limits::MAX_TIMERS
                && steps <= limits::MAX_STEPS
                && step.run_steps() <= limits::MAX_RUN_STEPS
                && depth(step) <= limits::MAX_DEPTH
        })
}

fn unique_labels(step: &mut Step, seen: &mut Vec<String>) {
    match step {
        Step::Sleep { label, .. } | Step::SleepFor { label, .. } => {
            if seen.contains(label) {
                *label = format!("T{}", seen.len());
            }
            seen.push(label.clone());
        }
        Step::Log { .. } | Step::Block { .. } | Step::Yield => {}
        Seq(s)
        | All(s)
        | Step::JoinAll(s)
        | Race(s)
        | Step::RandomRace(s)
        | Cta(s)
        | Step::Repeat { steps: s, .. }
        | Step::Spawn { steps: s, .. }
        | Step::Module(s)
        | Step::AsyncFn { steps: s, .. } => s.iter_mut().for_each(|c| unique_labels(c, seen)),
        Step::AwaitHandle { .. }
        | Step::Abort { .. }
        | Step::Call { .. }
        | Step::BlockFor { .. }
        | Step::Let { .. } => {}
        Step::Arm(arm) => arm.iter_mut().for_each(|c| unique_labels(c, seen)),
    }
}

fn depth(step: &Step) -> usize {
    1 + step.children().iter().map(depth).max().unwrap_or(0)
}

/// A piece of Rust text, as far as these tests need to tell.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Space(String),
    Comment(String),
    Code(String),
}

/// `text` in pieces: whitespace, `//` comments (without their newline),
/// string literals, words, and punctuation (`=>` and `::` as one).
fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        let c = chars[i];
        let take = |i: &mut usize, keep: &dyn Fn(char) -> bool| {
            while *i < chars.len() && keep(chars[*i]) {
                *i += 1;
            }
        };
        if c.is_whitespace() {
            take(&mut i, &|c| c.is_whitespace());
            out.push(Piece::Space(chars[start..i].iter().collect()));
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            take(&mut i, &|c| c != '\n');
            out.push(Piece::Comment(chars[start..i].iter().collect()));
            continue;
        }
        if c == '"' {
            i += 1;
            while chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            take(&mut i, &|c| c.is_alphanumeric() || c == '_');
        } else if matches!(
            (c, chars.get(i + 1)),
            ('=', Some('>')) | (':', Some(':')) | ('.', Some('.'))
        ) {
            i += 2;
        } else {
            i += 1;
        }
        out.push(Piece::Code(chars[start..i].iter().collect()));
    }
    out
}

/// The code of `text` without whitespace and comments.
fn code(text: &str) -> Vec<String> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Code(c) => Some(c),
            _ => None,
        })
        .collect()
}

fn wordy(piece: Option<&Piece>, first: bool) -> bool {
    let Some(Piece::Code(c)) = piece else {
        return false;
    };
    let c = if first {
        c.chars().next()
    } else {
        c.chars().last()
    };
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// `text` with its whitespace and comments changed at random. With
/// `keep_lines`, every line keeps its code and its trailing comment (so
/// labels stay), and only blank lines and comment lines are added;
/// otherwise line breaks and comments go anywhere and trailing comments may
/// be dropped.
fn perturb(text: &str, seed: u64, keep_lines: bool) -> String {
    let mut random = Random(seed | 1);
    let pieces = pieces(text);
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Code(c) => {
                out.push_str(c);
                // Between two pieces of code, maybe some whitespace (where
                // there is none, never a line break if lines are kept).
                let next = pieces.get(i + 1);
                if matches!(next, Some(Piece::Code(_))) {
                    let must = wordy(Some(piece), false) && wordy(next, true);
                    out.push_str(gap(&mut random, must, keep_lines));
                }
            }
            Piece::Comment(c) => {
                if keep_lines || random.below(3) > 0 {
                    out.push_str(c);
                }
                out.push('\n');
            }
            Piece::Space(s) => {
                let line_break = s.contains('\n');
                if !line_break && (keep_lines || random.below(2) == 0) {
                    out.push_str(gap(&mut random, true, true));
                    continue;
                }
                out.push('\n');
                if random.below(4) == 0 {
                    out.push_str(random.pick(&["\n", "// noise\n", "  // a \"string\" //\n\n"]));
                }
                out.push_str(random.pick(&["", " ", "\t", "        "]));
            }
        }
    }
    out
}

fn gap(random: &mut Random, must: bool, keep_lines: bool) -> &'static str {
    let choices: &[&str] = match (must, keep_lines) {
        (false, true) => &["", "", " ", "\t "],
        (true, true) => &[" ", "\t", "   "],
        (false, false) => &["", "", " ", "\n", "\n// x\n   "],
        (true, false) => &[" ", "\n", "\n  // y\n"],
    };
    random.pick(choices)
}

/// The liberties the grammar allows beyond whitespace and comments: other
/// names for the `let`s' futures, no trailing comma in `join!`, commas
/// between `select!` arms, `async move` blocks, `let _ =` before an awaited
/// sleep; and, with their `use` lines, every other sleep in tokio's spelling,
/// `sleep(Duration::from_millis(N))`, every other `block_ms(N);` std's
/// `std::thread::sleep(Duration::from_millis(N));`, and every `log(…);` a
/// `println!`.
fn liberties(text: &str) -> String {
    let pieces = pieces(text);
    let mut out = String::new();
    // Sleeps so far, and the `)` that closes the current one in tokio's
    // spelling (it takes one more).
    let mut sleeps = 0;
    let mut blocks = 0;
    let mut duration_close = None;
    // The text of a log written as `println!`, whose braces are doubled.
    let mut format_string = None;
    for (i, piece) in pieces.iter().enumerate() {
        if Some(i) == duration_close {
            out.push_str("))");
            duration_close = None;
            continue;
        }
        if Some(i) == format_string {
            if let Piece::Code(c) = piece {
                out.push_str(&c.replace('{', "{{").replace('}', "}}"));
            }
            format_string = None;
            continue;
        }
        let code = |p: &&Piece| matches!(p, Piece::Code(_));
        let next = pieces[i + 1..].iter().find(code);
        let mut before = pieces[..i].iter().rev().filter(code);
        let last = before.clone().next();
        let arm_end = before.next() == Some(&Piece::Code("{".into()))
            && before.next() == Some(&Piece::Code("=>".into()));
        let statement_start =
            matches!(last, Some(Piece::Code(c)) if [";", "{", "}"].contains(&c.as_str()));
        match piece {
            Piece::Code(c) if c == "async" && next == Some(&Piece::Code("{".into())) => {
                out.push_str("async move")
            }
            Piece::Code(c) if c == "sleep_ms" => {
                sleeps += 1;
                if statement_start {
                    out.push_str("let _ = ");
                }
                // A parameter is a `u32`, which `Duration::from_millis` does
                // not take: its sleep stays.
                let number = matches!(pieces.get(i + 2), Some(Piece::Code(n)) if n.starts_with(|c: char| c.is_ascii_digit()));
                if sleeps % 2 == 0 && number {
                    // sleep_ms ( N ): pieces i+1, i+2, i+3 with no space between.
                    out.push_str("sleep(Duration::from_millis");
                    duration_close = Some(i + 3);
                } else {
                    out.push_str("sleep_ms");
                }
            }
            // A statement's (`async { block_ms(N) }` stays: its value is
            // the block's, with no `;`).
            Piece::Code(c)
                if c == "block_ms" && pieces.get(i + 4) == Some(&Piece::Code(";".into())) =>
            {
                blocks += 1;
                let number = matches!(pieces.get(i + 2), Some(Piece::Code(n)) if n.starts_with(|c: char| c.is_ascii_digit()));
                if blocks % 2 == 1 && number {
                    // std's blocking sleep, the same block.
                    out.push_str("std::thread::sleep(Duration::from_millis");
                    duration_close = Some(i + 3);
                } else {
                    out.push_str("block_ms");
                }
            }
            // A statement's (`async { log("…") }` stays: the grammar reads
            // no lone `println!` there).
            Piece::Code(c) if c == "log" && pieces.get(i + 4) == Some(&Piece::Code(";".into())) => {
                out.push_str("println!");
                // log ( "text" ): the text is piece i+2.
                format_string = Some(i + 2);
            }
            Piece::Code(c) if c.starts_with('f') && c[1..].parse::<u32>().is_ok() => {
                out.push_str(&format!("task_{}", &c[1..]));
            }
            Piece::Code(c) if c.starts_with('h') && c[1..].parse::<u32>().is_ok() => {
                out.push_str(&format!("handle_{}", &c[1..]));
            }
            Piece::Code(c) if c == "," && next == Some(&Piece::Code(")".into())) => {}
            Piece::Code(c) if c == "}" && arm_end => out.push_str("},"),
            Piece::Code(c) | Piece::Comment(c) | Piece::Space(c) => out.push_str(c),
        }
    }
    out.replacen(
        "use runtime::prelude::*;",
        "use runtime::prelude::*; use runtime::println; use std::time::Duration;",
        1,
    )
}

const PARTS: &[&str] = &[
    "sleep_ms(1).await;",
    "sleep_ms(2).await; // T\n",
    "log(\"a\");",
    "join!(",
    "sleep_ms(3),",
    "async { log(\"b\") },",
    "async {",
    "},",
    "}",
    ");",
    "let f1 = ",
    "let f2 = ",
    "sleep_ms(4);",
    "f1.await;",
    "f2.await;",
    "select! { biased; ",
    "_ = sleep_ms(5) => {}",
    "_ = async {",
    "} => {}",
    "\n",
    " ",
    "// c\n",
    ";",
    "sleep_ms(6)",
    ".await",
    "println!(\"c {{}}\");",
    "sleep(Duration::from_millis(7)).await;",
    "std::thread::sleep(Duration::from_millis(8));",
    "yield_now().await;",
    "yield_now(),",
    "for _ in 0..3 {",
    "let h = spawn(async {",
    "join!(f1, f2);",
    "join!(f1);",
    "});",
    "h.await.unwrap();",
    "spawn(async { log(\"t\"); });",
    "for i in 0..2 { log(\"x\"); }",
    "sleep(Duration::from_millis(9 + 1)).await;",
    "use runtime::println;",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000)
    ))]

    /// A panel parses back to its scenario: exactly, when the scenario is
    /// canonical; else to its canonical form, which renders the same. And
    /// what parses renders back to its text up to whitespace and comments:
    /// the panel with its whitespace and comments changed (labels kept, then
    /// not), or with the grammar's other liberties. (One property, so the
    /// scenarios, the slow part in a debug build, are made once.)
    #[test]
    fn panels_round_trip(step in scenario(), seed in any::<u64>()) {
        let text = rust(&step);
        let same = canonical(&step);
        prop_assert_eq!(rust(&same), text.clone());
        prop_assert_eq!(canonical(&same), same.clone());
        prop_assert_eq!(parse(&text), Ok(same.clone()));

        let kept = perturb(&text, seed, true);
        prop_assert_eq!(parse(&kept), Ok(same.clone()), "{}", kept);
        let moved = perturb(&text, seed, false);
        let parsed = parse(&moved);
        prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed, moved);
        prop_assert_eq!(code(&rust(&parsed.unwrap())), code(&moved));
        let free = liberties(&text);
        prop_assert_eq!(parse(&free), Ok(same), "{}", free);
        // The names written are the State machine's; the rendered `fK` is
        // written `task_K` here, a handle's `hK` `handle_K`.
        for (rendered, written) in future_names(&free).unwrap() {
            let name = if rendered.starts_with('h') { "handle" } else { "task" };
            prop_assert_eq!(written, format!("{name}_{}", &rendered[1..]));
        }
        prop_assert_eq!(line_map(&free).unwrap().len(), text.lines().count());
    }

    #[test]
    fn any_text_is_parsed_or_refused_without_panic(text in ".{0,300}") {
        let _ = parse(&text);
    }

    /// Statements and pieces of them shuffled: many parse, most do not.
    #[test]
    fn program_like_text_is_parsed_or_refused_without_panic(
        parts in prop::collection::vec(prop::sample::select(PARTS), 0..24)
    ) {
        let body = parts.concat();
        if let Ok(step) = parse(&module(&body)) {
            prop_assert_eq!(parse(&rust(&step)), Ok(step.clone()));
            prop_assert_eq!(code(&rust(&step)).len(), code(&rust(&canonical(&step))).len());
        }
    }
}
