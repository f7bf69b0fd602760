//! Bad scenarios, timings and fragments: each is refused with a message that
//! names the field and what is allowed. Decoding never panics.
#![cfg(not(target_arch = "wasm32"))]

use playground::program::scenario::Step;
use playground::program::value::{n, obj, s, Value};
use playground::program::{fragment, presets, validate};
use proptest::prelude::*;

fn sleep(label: Value, ms: Value) -> Value {
    obj(&[("type", s("sleep")), ("label", label), ("ms", ms)])
}

fn seq(steps: Vec<Value>) -> Value {
    obj(&[("type", s("seq")), ("steps", Value::Array(steps))])
}

fn nested(depth: usize) -> Value {
    let mut v = sleep(s("T"), n(1.0));
    for _ in 1..depth {
        v = seq(vec![v]);
    }
    v
}

fn timers(count: usize) -> Value {
    seq((0..count)
        .map(|i| sleep(s(&format!("T{i}")), n(1.0)))
        .collect())
}

fn message(result: Result<Step, Vec<validate::Problem>>) -> String {
    validate::describe(&result.expect_err("must be refused"))
}

#[test]
fn bad_scenarios_are_refused_naming_the_field() {
    let too_long = "x".repeat(41);
    let table: Vec<(&str, Value, &str)> = vec![
        ("negative", seq(vec![sleep(s("A"), n(-5.0))]), "scenario.steps[0].ms: must be a whole number of milliseconds from 0 to 60000, got -5"),
        ("fractional", seq(vec![sleep(s("A"), n(1.5))]), "scenario.steps[0].ms: must be a whole number of milliseconds from 0 to 60000, got 1.5, which is not whole"),
        ("NaN", seq(vec![sleep(s("A"), n(f64::NAN))]), "scenario.steps[0].ms: must be a whole number of milliseconds from 0 to 60000, got NaN"),
        ("infinite", sleep(s("A"), n(f64::INFINITY)), "scenario.ms: must be a whole number of milliseconds from 0 to 60000, got Infinity"),
        ("huge", sleep(s("A"), n(1e12)), "scenario.ms: must be a whole number of milliseconds from 0 to 60000, got 1000000000000"),
        ("nearly whole", sleep(s("A"), n(1.0000001)), "got 1.0000001, which is not whole"),
        ("tiny", sleep(s("A"), n(2.5e-7)), "got 2.5e-7, which is not whole"),
        ("vast", sleep(s("A"), n(1e308)), "got 1e+308"),
        ("just over", sleep(s("A"), n(60_001.0)), "got 60001"),
        ("ms as text", sleep(s("A"), s("200")), "scenario.ms: must be a whole number of milliseconds from 0 to 60000, got text, not a number"),
        ("ms missing", obj(&[("type", s("sleep")), ("label", s("A"))]), "scenario.ms: must be a whole number of milliseconds from 0 to 60000, is missing"),
        ("block too long", seq(vec![obj(&[("type", s("block")), ("ms", n(5001.0))])]), "scenario.steps[0].ms: must be a whole number of milliseconds from 0 to 5000, got 5001"),
        ("block not whole", obj(&[("type", s("block")), ("ms", n(0.5))]), "scenario.ms: must be a whole number of milliseconds from 0 to 5000, got 0.5, which is not whole"),
        ("block with a label", obj(&[("type", s("block")), ("ms", n(5.0)), ("label", s("A"))]), "scenario.label: is not a field of a block step (allowed: type, ms, param)"),
        ("label missing", obj(&[("type", s("sleep")), ("ms", n(1.0))]), "scenario.label: is missing: must be text of 1 to 40 characters"),
        ("empty label", sleep(s(""), n(1.0)), "scenario.label: must be text of 1 to 40 characters, got 0"),
        ("blank label", sleep(s("   "), n(1.0)), "scenario.label: must be text of 1 to 40 characters"),
        ("long label", sleep(s(&too_long), n(1.0)), "scenario.label: must be text of 1 to 40 characters, got 41"),
        ("label as number", sleep(n(3.0), n(1.0)), "scenario.label: must be text of 1 to 40 characters, got 3"),
        ("control characters", sleep(s("a\u{0}b"), n(1.0)), "without control characters"),
        ("lone surrogate (decoded)", sleep(s("a\u{FFFD}"), n(1.0)), "lone surrogate"),
        ("bidi override", sleep(s("abc\u{202E}evil"), n(1.0)), "bidirectional overrides"),
        ("duplicate labels", seq(vec![sleep(s("A"), n(1.0)), sleep(s("A"), n(2.0))]), "scenario.steps[1].label: \"A\" is used by another timer"),
        ("unknown type", obj(&[("type", s("spin"))]), "scenario.type: must be one of sleep, log, block, yield, seq, all, race, arm, create_then_await, repeat, spawn, await_handle, abort, module, async_fn, call or let, got \"spin\""),
        ("type missing", obj(&[("ms", n(1.0))]), "scenario.type: is missing"),
        ("not an object", n(3.0), "scenario: must be a step object, got 3"),
        ("null", Value::Null, "scenario: must be a step object, got nothing"),
        ("unknown field", obj(&[("type", s("log")), ("text", s("hi")), ("onclick", s("x"))]), "scenario.onclick: is not a field of a log step"),
        ("steps not an array", obj(&[("type", s("all")), ("steps", s("no"))]), "scenario.steps: must be an array of steps, got a string"),
        ("no steps", seq(vec![]), "scenario.steps: must hold at least one step"),
        ("too deep", nested(7), "is nested too deep: at most 6 levels"),
        ("too many timers", timers(33), "scenario: has 33 timers; at most 32 are allowed"),
        ("a function", sleep(s("A"), Value::Other("a function")), "got a function"),
        ("a log's format not a boolean", obj(&[("type", s("log")), ("text", s("x")), ("format", n(1.0))]),
         "scenario.format: must be true (the text reads loop variables) or false, got 1"),
        ("a loop's variable not a name", obj(&[("type", s("repeat")), ("times", n(1.0)), ("var", s("Bad")), ("steps", Value::Array(vec![obj(&[("type", s("yield"))])]))]),
         "scenario.var: must be a variable's name (lowercase letters, digits and _, 1 to 20, not a keyword), got \"Bad\""),
        ("a text reading no loop's variable", seq(vec![obj(&[("type", s("log")), ("text", s("{x}")), ("format", Value::Bool(true))])]),
         "scenario.steps[0].text: reads `{x}`, which is no variable here (rustc: cannot find value `x`)"),
        ("a format without a variable", obj(&[("type", s("repeat")), ("times", n(1.0)), ("var", s("i")), ("steps", Value::Array(vec![obj(&[("type", s("log")), ("text", s("x {}")), ("format", Value::Bool(true))])]))]),
         "scenario.steps[0].text: reads `{}`: a text reads only a loop's variable by its name"),
        ("a while without its counter", obj(&[("type", s("repeat")), ("times", n(1.0)), ("style", s("while")), ("steps", Value::Array(vec![obj(&[("type", s("yield"))])]))]),
         "scenario.var: is missing: a while loop counts with a variable it names"),
        ("a loop style unknown", obj(&[("type", s("repeat")), ("times", n(1.0)), ("var", s("i")), ("style", s("until")), ("steps", Value::Array(vec![obj(&[("type", s("yield"))])]))]),
         "scenario.style: must be for, while or loop, got \"until\""),
        ("an arm outside a race", seq(vec![obj(&[("type", s("arm")), ("steps", Value::Array(vec![sleep(s("A"), n(1.0)), seq(vec![obj(&[("type", s("yield"))])])]))])]),
         "scenario.steps[0]: is an arm, which only a race's steps may be (an arm is a branch of a select! with a body)"),
        ("an arm of three steps", obj(&[("type", s("race")), ("steps", Value::Array(vec![obj(&[("type", s("arm")), ("steps", Value::Array(vec![obj(&[("type", s("yield"))]); 3]))])]))]),
         "scenario.steps[0].steps: must hold two steps, the future raced and the body run if it wins, got 3"),
    ];
    assert!(table.len() >= 20);
    for (name, value, expected) in table {
        let got = message(validate::scenario(&value));
        assert!(
            got.contains(expected),
            "{name}: got {got:?}, expected {expected:?}"
        );
    }
    // Deep but allowed, and many but allowed, pass.
    assert!(validate::scenario(&nested(6)).is_ok());
    assert!(validate::scenario(&timers(32)).is_ok());
}

#[test]
fn bad_fragments_are_refused_naming_the_place() {
    let long = "Q(".repeat(5_000);
    let table = [
        (
            "",
            "s: ends before its program does (was the link cut short when it was copied?): expected a step (S, L, V, B, Y, Q, A, J, R, U, M, C, F, G, K, P, T, W, X, D, N, H or E)",
        ),
        (
            "Z(1)",
            "s: is not a program this page can read: expected a step (S, L, V, B, Y, Q, A, J, R, U, M, C, F, G, K, P, T, W, X, D, N, H or E) at character 1, found 'Z'",
        ),
        // An abort: of a task spawned before it in its block, not awaited
        // before or after; the task neither calls a helper nor awaits
        // another task.
        (
            "Q(P(1,S(T,10)),X(1),W(1))",
            "scenario.steps[2].handle: is 1, which an earlier step aborted: this playground does not read an await of an aborted task yet",
        ),
        (
            "Q(P(1,S(T,10)),W(1),X(1))",
            "scenario.steps[2].handle: is 1, which an earlier step awaited: the await moved the handle (rustc: use of moved value)",
        ),
        (
            "Q(X(1),P(1,S(T,10)))",
            "scenario.steps[0].handle: is 1, which no spawn step before this one in the same block made",
        ),
        (
            "D(N(run,P(1,S(T,1),H(brew)),X(1)),N(brew,L(x)))",
            "scenario.steps[0].steps[0].steps[1]: is a call of a helper async fn in the task of handle 1, which is aborted: this playground does not read that yet",
        ),
        (
            "Q(P(1,P(2,L(y)),W(2)),X(1))",
            "scenario.steps[0].steps[1]: is an await of another task in the task of handle 1, which is aborted",
        ),
        // The Callbacks lane's yield timer's label is no sleep's.
        (
            "Q(S(yield,0))",
            "scenario.steps[0].label: \"yield\" names the timer the Callbacks lane sets to yield (`setTimeout(…, 0)`): name this one otherwise",
        ),
        // join_all: futures of one type.
        (
            "Q(J(S(A,1),L(x)))",
            "scenario.steps[0].steps: must be all sleeps, all yields, or all calls of one helper, when `join_all` is true",
        ),
        // A direct spawn: its one step is a call, `spawn(brew())`.
        (
            "Q(T(0,L(x)))",
            "scenario.steps[0].steps: must be one call step when `direct` is true: `spawn(brew())` spawns a helper's call",
        ),
        (
            "Q(P(1,L(x)),A(X(1),S(T,1)))",
            "scenario.steps[1].steps[0]: is an abort, a statement: here a future is needed (put it in a sequence)",
        ),
        ("S(A,200", "s: ends before its program does (was the link cut short when it was copied?): expected ')'"),
        (
            "S(A,-abc)",
            "s: is not a program this page can read: expected a number of milliseconds at character 5, found '-'",
        ),
        (
            "S(A,-5)",
            "scenario.ms: must be a whole number of milliseconds from 0 to 60000, got -5",
        ),
        ("S(A,1e9)", "got 1000000000"),
        (
            "S(%ZZ,1)",
            "s: is not a program this page can read: expected two hex digits after % at character 3",
        ),
        (
            "S(%FF,1)",
            "s: the text at character 3 is not valid UTF-8",
        ),
        (
            "L(%3Cscript%3E)x",
            "s: is not a program this page can read: expected the end at character 16, found 'x'",
        ),
        ("Q()", "s: is not a program this page can read: expected a step"),
        (
            &long,
            "s: is 10000 bytes long; at most 8192 are read",
        ),
        (
            "Q(Q(Q(Q(Q(Q(Q(Q(Q(Q(Q(Q(Q(L(a))))))))))))))",
            "s: is nested deeper than 12 levels",
        ),
        (
            "Q(Q(Q(Q(Q(Q(L(a)))))))",
            "is nested too deep: at most 6 levels",
        ),
        // Helper async fns: a module of functions, one run(), each named
        // once, calls of functions it has, none calling itself back.
        (
            "D(N(brew,L(a)))",
            "scenario.steps: has no async_fn named run: a program's module runs its run()",
        ),
        (
            "D(N(run,H(brew)),N(brew,L(a)),N(brew,L(b)))",
            "scenario.steps[2].name: is `brew`, the name of a function above: each is named once",
        ),
        (
            "Q(H(brew))",
            "scenario.steps[0].name: is `brew`, no async_fn of the program (rustc: cannot find function `brew`)",
        ),
        (
            "D(N(run,H(a)),N(a,L(x),H(b)),N(b,H(a)))",
            "scenario.steps[1].name: is `a`, which calls itself (a calls b, which calls a): rustc refuses that (E0733: recursion needs boxing)",
        ),
        (
            "D(N(run,H(run)))",
            "scenario.steps[0].name: is `run`, which calls itself (run calls run)",
        ),
        (
            "D(N(run,L(a)),L(b))",
            "scenario.steps[1]: is a log step, where a module holds async_fn steps only",
        ),
        (
            "Q(N(run,L(a)))",
            "scenario.steps[0]: is an async_fn, which only a module's steps may be",
        ),
        (
            "Q(D(N(run,L(a))))",
            "scenario.steps[0]: is a module, which only the program itself (the root) may be",
        ),
        (
            "D(N(run,H(done1)),N(done1,L(a)))",
            "scenario.steps[1].name: is `done1`, a name the JS panels already use for their own code (Rust itself would accept it): name it otherwise",
        ),
        (
            "D(N(run,H(Brew)),N(Brew,L(a)))",
            "scenario.steps[0].steps[0].name: must be a function's name (lowercase letters, digits and _, 1 to 20, not a keyword), got \"Brew\"",
        ),
        (
            "D(N(run,L(a)),N(a,L(a)),N(b,L(a)),N(c,L(a)),N(d,L(a)),N(e,L(a)),N(f,L(a)),N(g,L(a)),N(j,L(a)),N(k,L(a)))",
            "scenario.steps: has 9 helper functions; at most 8 are allowed",
        ),
        // Parameters: one argument each, a block's at most 5000, read only
        // in their own function, not run()'s, each named once.
        (
            "D(N(run,H(brew)),N(brew,ms,S(Kettle,ms)))",
            "scenario.steps[0].steps[0].args: passes 0 arguments to `brew`, which takes 1 (rustc: this function takes 1 argument but 0 arguments were supplied, E0061)",
        ),
        (
            "D(N(run,H(busy,9000)),N(busy,ms,B(ms)))",
            "scenario.steps[0].steps[0].args[0]: must be at most 5000 here: `busy` blocks for `ms` (`block_ms(ms)`), and this page blocks for 0 to 5000 ms, got 9000",
        ),
        (
            "D(N(run,H(brew,70000)),N(brew,ms,S(Kettle,ms)))",
            "scenario.steps[0].steps[0].args[0]: must be a whole number of milliseconds from 0 to 60000, got 70000",
        ),
        (
            "Q(S(Kettle,ms))",
            "scenario.steps[0].param: is `ms`, which is no parameter of the function it is in (rustc: cannot find value `ms`)",
        ),
        (
            "D(N(run,ms,L(x)))",
            "scenario.steps[0].params: must be empty: the page calls run() with nothing",
        ),
        (
            "D(N(run,H(brew,1,2)),N(brew,ms,ms,L(x)))",
            "scenario.steps[1].params[1]: is `ms`, a parameter before it: each is named once (rustc: E0415)",
        ),
        (
            "D(N(run,H(brew,1)),N(brew,done,L(x)))",
            "scenario.steps[1].params[0]: is `done`, a name the JS panels already use",
        ),
        // A let: a number 0 to 1000000, a statement, named once, read
        // after it.
        (
            "Q(E(cups,1000001))",
            "scenario.steps[0].value: must be a whole number from 0 to 1000000, got 1000001",
        ),
        (
            "Q(A(E(cups,1),S(T,1)))",
            "scenario.steps[0].steps[0]: is a let, a statement: here a future is needed (put it in a sequence)",
        ),
        (
            "Q(E(i,1),F(2,i,V(%7Bi%7D)))",
            "scenario.steps[0].name: is `i`, a name the JS panels already use",
        ),
        (
            "Q(E(cups,1),F(2,cups,V(%7Bcups%7D)))",
            "scenario.steps[0].name: is `cups`, which already names another variable of the program",
        ),
        (
            "Q(A(Q(E(cups,1),L(x)),Q(V(%7Bcups%7D))))",
            "scenario.steps[0].steps[1].steps[0].text: reads `{cups}`, which is no variable here",
        ),
        // A counter's while or loop: its counter named, a loop at least once.
        (
            "K(0,i,L(x))",
            "scenario.times: must be from 1 to 100 in a `loop`, which checks `i == N` only after a round, when `i` is already 1: at 0 it would never end (`while i < 0` runs the body 0 times)",
        ),
        // Each call runs the helper's body: the run's steps count them all.
        (
            "D(N(run,F(60,H(a))),N(a,L(x),F(9,L(y))))",
            "scenario.steps[0].steps[0].times: makes the program run 600 steps in all",
        ),
    ];
    for (input, expected) in table {
        let got = message(fragment::decode(input));
        assert!(
            got.contains(expected),
            "{input:?}: got {got:?}, expected {expected:?}"
        );
    }
}

#[test]
fn fragment_numbers_are_read_exactly() {
    for (fragment, ms) in [
        ("Q(S(T,7.00000))", 7),
        ("S(T,100.000000000000001)", 100),
        ("S(T,2e2)", 200),
        ("S(T,60000.0)", 60_000),
    ] {
        let step = fragment::decode(fragment).unwrap_or_else(|p| panic!("{fragment}: {p:?}"));
        assert_eq!(step.timers(), [("T", ms)], "{fragment}");
    }
    assert!(
        message(fragment::decode("S(T,7.0000001)")).contains("got 7.0000001, which is not whole")
    );
}

#[test]
fn timings_are_checked_like_any_other_input() {
    let mut step = (presets::find("sequential").unwrap().scenario)();
    let bad = Value::Array(vec![n(500.0), n(-1.0), s("x"), n(1.0)]);
    let got = validate::describe(&validate::apply_timings(&mut step, &bad).unwrap_err());
    assert_eq!(
        got,
        "timings: has 4 entries but the scenario has 3 timers\n\
         timings[1]: must be a whole number of milliseconds from 0 to 60000, got -1\n\
         timings[2]: must be a whole number of milliseconds from 0 to 60000, got text, not a number"
    );
    validate::apply_timings(&mut step, &Value::Array(vec![n(500.0)])).unwrap();
    assert_eq!(
        step.timers(),
        [("Timer 1", 500), ("Timer 2", 100), ("Timer 3", 50)]
    );
}

#[test]
fn every_preset_round_trips_through_a_fragment() {
    for preset in presets::PRESETS {
        let step = (preset.scenario)();
        let encoded = fragment::encode(&step);
        assert_eq!(fragment::decode(&encoded), Ok(step), "{}", preset.id);
    }
    let notes = fragment::encode(&(presets::PRESETS[0].scenario)());
    assert_eq!(
        notes,
        "Q(S(Timer%201,200),S(Timer%202,100),S(Timer%203,50),L(I'm%20the%20last%20one))"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000)
    ))]

    #[test]
    fn decoding_arbitrary_fragments_never_panics(input in ".{0,200}") {
        let _ = fragment::decode(&input);
    }

    #[test]
    fn decoding_fragment_like_text_never_panics(input in "[SLQARC(),%0-9A-Fa-z.e-]{0,120}") {
        if let Ok(step) = fragment::decode(&input) {
            // What decodes re-encodes to something that decodes the same.
            prop_assert_eq!(fragment::decode(&fragment::encode(&step)), Ok(step));
        }
    }
}

/// Seven helpers, each calling the next seven times, run 7^7 times the
/// last one's loop: refused, naming that loop, counted without running
/// (or expanding) the calls.
#[test]
fn a_chain_of_helpers_is_counted_by_its_calls() {
    let names = ["a", "b", "c", "d", "e", "f", "g"];
    let mut fns = vec![format!("N(run,{})", ["H(a)"; 7].join(","))];
    for (k, name) in names.iter().enumerate() {
        let body = match names.get(k + 1) {
            Some(next) => vec![format!("H({next})"); 7].join(","),
            None => "F(2,L(x))".into(),
        };
        fns.push(format!("N({name},{body})"));
    }
    let fragment = format!("D({})", fns.join(","));
    assert_eq!(
        message(fragment::decode(&fragment)),
        "scenario.steps[7].steps[0].times: makes the program run 1647086 steps in all (sleeps, \
         logs, blocks and yields, each loop's repeats counted); at most 500 are allowed"
    );
}
