//! Where things are in a written program: a timing input rewrites a delay
//! where it is written (comments and layout kept), and each line of the
//! rendered panel has its line in the written text (for the trace's lines).
#![cfg(not(target_arch = "wasm32"))]

use playground::parse::layout::{line_map, set_timings};
use playground::parse::parse;
use playground::program::presets;
use playground::render;

fn rust(id: &str) -> String {
    render::rust(&(presets::find(id).unwrap().scenario)()).text(4)
}

#[test]
fn set_timings_rewrites_only_the_numbers() {
    let text = "use runtime::prelude::*;\n// my program\nasync fn run() {\n    join!(sleep_ms(1_000), sleep_ms( 2 )); // b\n    let x = sleep_ms(3); // é🦀 c\n    x.await;\n    log(\"sleep_ms(4)\"); // sleep_ms(5)\n}\n";
    let got = set_timings(text, &[10, 20, 30]).unwrap();
    assert_eq!(
        got,
        "use runtime::prelude::*;\n// my program\nasync fn run() {\n    join!(sleep_ms(10), sleep_ms( 20 )); // b\n    let x = sleep_ms(30); // é🦀 c\n    x.await;\n    log(\"sleep_ms(4)\"); // sleep_ms(5)\n}\n"
    );
    let timers: Vec<u32> = parse(&got).unwrap().timers().iter().map(|t| t.1).collect();
    assert_eq!(timers, [10, 20, 30]);
}

#[test]
fn set_timings_refuses_a_wrong_count_or_a_bad_program() {
    let text = rust("sequential");
    assert!(set_timings(&text, &[1, 2]).is_err());
    assert!(set_timings("fn main() {}", &[]).is_err());
    assert_eq!(
        set_timings(&text, &[7, 8, 9]).unwrap(),
        text.replace("200", "7")
            .replace("100", "8")
            .replace("(50)", "(9)")
    );
}

#[test]
fn a_rendered_panel_maps_to_itself() {
    for preset in ["sequential", "join", "race", "lazy", "early-sleep"] {
        let text = rust(preset);
        let lines = text.lines().count();
        let map = line_map(&text).unwrap();
        // Blank and comment lines take the next line with code.
        for (k, line) in map.iter().enumerate() {
            assert!(
                *line > k && *line <= lines,
                "{preset}: line {} -> {line}",
                k + 1
            );
        }
        let code_lines: Vec<usize> = (1..=lines)
            .filter(|&n| {
                let l = text.lines().nth(n - 1).unwrap().trim();
                !l.is_empty() && !l.starts_with("//")
            })
            .collect();
        for n in code_lines {
            assert_eq!(map[n - 1], n, "{preset}: line {n}");
        }
    }
}

#[test]
fn lines_follow_the_written_layout() {
    // The join preset written on fewer lines, with a comment line added.
    let written = "use runtime::prelude::*;\nasync fn run() {\n    // all three\n    join!(sleep_ms(200), sleep_ms(100), // Timer 2\n        sleep_ms(50)); // Timer 3\n    log(\"All three are done\");\n}\n";
    let rendered = rust("join");
    assert_eq!(parse(written).unwrap().timers().len(), 3);
    let map = line_map(written).unwrap();
    let line_of = |needle: &str| rendered.lines().position(|l| l.contains(needle)).unwrap();
    assert_eq!(map[line_of("join!(")], 4);
    assert_eq!(map[line_of("sleep_ms(100)")], 4);
    assert_eq!(map[line_of("sleep_ms(50)")], 5);
    assert_eq!(map[line_of("log(")], 6);
}

#[test]
fn the_readme_program_parses() {
    let readme = include_str!("../../../README.md");
    let start = readme.find("One program with every construct").unwrap();
    let block = &readme[start..];
    let code = &block[block.find("```rust,ignore\n").unwrap() + 15..];
    let code = &code[..code.find("```").unwrap()];
    let step = parse(code).unwrap_or_else(|e| panic!("{e}\n{code}"));
    let labels: Vec<&str> = step.timers().iter().map(|t| t.0).collect();
    assert_eq!(
        labels,
        ["Kettle", "Toast", "Eggs", "Doorbell", "Phone", "Steep"]
    );
}

#[test]
fn a_join_of_lets_in_another_order_is_their_join_in_its_order() {
    // Made a, b; joined b, a: the join! of b's future, then a's.
    let written = "use runtime::prelude::*;\nasync fn run() {\n    let a = sleep_ms(100); // Slow\n    let b = sleep_ms(50); // Fast\n    join!(b, a);\n}\n";
    let step = parse(written).unwrap();
    assert_eq!(step.timers(), [("Fast", 50), ("Slow", 100)]);
    // A timing input rewrites the number where that timer is written.
    let got = set_timings(written, &[7, 9]).unwrap();
    assert!(
        got.contains("let a = sleep_ms(9); // Slow")
            && got.contains("let b = sleep_ms(7); // Fast"),
        "{got}"
    );
    // The trace names each timer's line: the line of its let.
    let rendered = render::rust(&step).text(4);
    let map = line_map(written).unwrap();
    let line_of = |needle: &str| rendered.lines().position(|l| l.contains(needle)).unwrap();
    assert_eq!(map[line_of("sleep_ms(50)")], 4);
    assert_eq!(map[line_of("sleep_ms(100)")], 3);
}

#[test]
fn lets_awaited_in_another_order_than_made_are_made_in_that_order() {
    // Made a, b; awaited b, a: the same as made b, a (nothing ran between).
    let written = "use runtime::prelude::*;\nasync fn run() {\n    let a = sleep_ms(100); // Slow\n    let b = sleep_ms(50); // Fast\n    b.await;\n    a.await;\n}\n";
    let step = parse(written).unwrap();
    assert_eq!(step.timers(), [("Fast", 50), ("Slow", 100)]);
    let got = set_timings(written, &[7, 9]).unwrap();
    assert!(
        got.contains("let a = sleep_ms(9); // Slow")
            && got.contains("let b = sleep_ms(7); // Fast"),
        "{got}"
    );
    let rendered = render::rust(&step).text(4);
    let map = line_map(written).unwrap();
    let line_of = |needle: &str| rendered.lines().position(|l| l.contains(needle)).unwrap();
    assert_eq!(map[line_of("sleep_ms(50)")], 4);
    assert_eq!(map[line_of("sleep_ms(100)")], 3);
    assert_eq!(map[line_of("f1.await")], 5);
    assert_eq!(map[line_of("f2.await")], 6);
    // The State machine names each future as the text does: at b.await, a waits.
    let machine = playground::state_machine::of_text(written).unwrap();
    let fields: Vec<String> = machine.variants[1]
        .fields
        .iter()
        .map(|f| format!("{}: {}", f.name, f.ty))
        .collect();
    assert_eq!(fields, ["a: Sleep", "__awaitee: Sleep"]);
}

#[test]
fn a_spawned_async_move_block_in_a_loop_keeps_the_lines_after_it() {
    // The panel writes `async move` (the block reads `i`); the text may or
    // may not: both are aligned without it (it threw every later line off).
    for mover in ["async move", "async"] {
        let written = format!(
            "use runtime::prelude::*;\n\nasync fn run() {{\n    for i in 0..2 {{\n        spawn({mover} {{\n            log(format!(\"tick {{i}}\"));\n        }});\n        sleep_ms(10).await;\n    }}\n}}\n"
        );
        let map = line_map(&written).unwrap();
        assert_eq!(map, [1, 3, 3, 4, 5, 6, 7, 8, 9, 10], "{mover}");
    }
}
