//! The Rust panel is the program: every preset's panel (but interop's, which
//! needs a browser) and 200 random scenarios' panels, exactly as the page
//! shows them, are compiled into this test (`panels/generated.rs`; the
//! special presets' are in `src/preset_panels.rs`) and run on a
//! `VirtualHost`. Each must trace exactly as the Rust lane runs the same
//! scenario: the same polls and wakes of the task, the same timers set,
//! fired and cancelled, the same logs, at the same times. (`state` and
//! `address` events are the lane's own instrumentation, which the panel does
//! not have.) The lane runs a preset's program on the preset's compiled
//! `run()` (src/compiled.rs): its future has the panel's size, and with other
//! timings and texts it traces as the composed futures do, states included.
//!
//! `panels/generated.rs` is written by this test: it fails when the file is
//! not what the renderer writes today; `UPDATE_PANELS=1 cargo test -p
//! playground --test compiled_panels` rewrites it (then review the diff).
#![cfg(not(target_arch = "wasm32"))]

use std::future::Future;
use std::pin::Pin;

use playground::lane;
use playground::machine::{Machine, TimerLabels};
use playground::presets;
use playground::scenario::Step;
use playground::suspension::report_states;
use runtime::{Counters, Runtime, Trace, VirtualHost};

#[rustfmt::skip]
#[allow(clippy::all, dead_code, unused_imports)]
#[path = "panels/generated.rs"]
mod generated;

mod common;
use common::{corpus, panel, up_to_date};

const GENERATED: &str = "tests/panels/generated.rs";

/// A special preset's panel is compiled in the crate as the page shows it;
/// any other preset's there is the lane's copy (src/compiled.rs).
fn is_special(preset: Option<&str>) -> bool {
    preset
        .and_then(presets::find)
        .is_some_and(|p| p.special.is_some())
}

fn generated_source() -> String {
    let mut out = String::from(
        "// Written by tests/compiled_panels.rs (UPDATE_PANELS=1): each module is a\n\
         // Rust panel exactly as the page shows it, then the functions the test calls.\n\
         // The special presets' are in src/preset_panels.rs.\n\n",
    );
    let mut table = String::new();
    let mut sizes = String::new();
    for (name, preset, step) in corpus().into_iter().filter(|(_, p, _)| !is_special(*p)) {
        out.push_str(&format!("pub mod {name} {{\n"));
        out.push_str(&panel(preset, &step));
        out.push_str(
            "\npub fn size() -> usize {\n    std::mem::size_of_val(&run())\n}\n\n\
             pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {\n    Box::pin(run())\n}\n}\n\n",
        );
        table.push_str(&format!("    (\"{name}\", {name}::case),\n"));
        if preset.is_some() {
            sizes.push_str(&format!("    (\"{name}\", {name}::size),\n"));
        }
    }
    out.push_str(&format!(
        "pub const CASES: &[(&str, fn() -> runtime::macros::BoxedFuture<'static, ()>)] = &[\n{table}];\n\n\
         pub const SIZES: &[(&str, fn() -> usize)] = &[\n{sizes}];\n"
    ));
    out
}

/// The interop preset's panel needs a browser (a JS Promise): it is kept in
/// `panels/interop.rs`, which `just lint` compiles for wasm32 (clippy
/// `--all-targets`, through tests/interop_panel.rs).
const INTEROP: &str = "tests/panels/interop.rs";

fn interop_source() -> String {
    let step = (presets::find("interop").unwrap().scenario)();
    format!(
        "// Written by tests/compiled_panels.rs (UPDATE_PANELS=1): the interop\n\
         // preset's Rust panel exactly as the page shows it.\n\n{}",
        panel(Some("interop"), &step)
    )
}

#[test]
fn the_compiled_panels_are_the_panels_the_page_shows() {
    up_to_date(INTEROP, &interop_source(), "compiled_panels");
    up_to_date(GENERATED, &generated_source(), "compiled_panels");
}

fn run(future: Pin<Box<dyn Future<Output = ()>>>) -> (f64, Vec<String>) {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    rt.spawn(future).detach();
    let end = host.run();
    let trace = rt.take_trace();
    // A program that loses its waker (lost-wake) stays, stuck; any other
    // leaves nothing behind.
    let stuck = trace.lines().iter().any(|l| l.contains("lost_waker"));
    let (live_tasks, stuck_tasks) = (usize::from(stuck), usize::from(stuck));
    let expected = Counters {
        live_tasks,
        stuck_tasks,
        ..Counters::default()
    };
    assert_eq!(rt.counters(), expected);
    (end, comparable(&trace))
}

/// The trace's lines but the lane's own instrumentation.
fn comparable(trace: &Trace) -> Vec<String> {
    trace
        .lines()
        .into_iter()
        .filter(|l| !l.contains(" state ") && !l.contains(" address "))
        .collect()
}

/// What the Rust lane runs for a case, as the page runs it (`lane::spawn`).
fn lane(preset: Option<&str>, step: &Step) -> Pin<Box<dyn Future<Output = ()>>> {
    lane_of(preset, step, &TimerLabels::default())
}

fn lane_with(step: &Step, labels: &TimerLabels) -> Pin<Box<dyn Future<Output = ()>>> {
    lane_of(None, step, labels)
}

fn lane_of(
    preset: Option<&str>,
    step: &Step,
    labels: &TimerLabels,
) -> Pin<Box<dyn Future<Output = ()>>> {
    struct Boxed<'a>(&'a mut Option<Pin<Box<dyn Future<Output = ()>>>>);
    impl lane::Spawner for Boxed<'_> {
        fn spawn<F: Future<Output = ()> + 'static>(self, program: F) {
            *self.0 = Some(Box::pin(program));
        }
    }
    let mut program = None;
    // The corpus leaves out interop: its program needs a JS Promise.
    let no_interop = |_, _| async { unreachable!("interop is not in the corpus") };
    lane::spawn(step, preset, labels, no_interop, Boxed(&mut program));
    program.expect("spawned")
}

#[test]
fn every_compiled_panel_traces_as_its_lane() {
    let corpus = corpus();
    let compiled: Vec<_> = playground::preset_panels::CASES
        .iter()
        .chain(generated::CASES)
        .collect();
    assert_eq!(compiled.len(), corpus.len(), "regenerate the panels");
    for (name, preset, step) in &corpus {
        let (_, case) = compiled
            .iter()
            .find(|(n, _)| n == name)
            .expect("regenerate the panels");
        let (end, compiled) = run(case());
        let (lane_end, lane) = run(lane(*preset, step));
        assert_eq!(end, lane_end, "{name}: finish time");
        assert_eq!(compiled, lane, "{name}:\n{}", panel(*preset, step));
    }
}

/// The `state` events of a lane run, as `Suspend1 at line 5` or `Returned`.
fn states(preset: Option<&str>, step: &Step) -> Vec<String> {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    rt.spawn(lane(preset, step)).detach();
    host.run();
    let trace = rt.take_trace();
    trace
        .records
        .iter()
        .filter_map(|r| match r.event {
            runtime::Event::State { state, .. } => Some(match state {
                runtime::MachineState::Suspend { line, .. } => format!("{state} at line {line}"),
                _ => state.to_string(),
            }),
            _ => None,
        })
        .collect()
}

#[test]
fn every_state_is_a_suspension_point_of_the_panels_run() {
    for (name, preset, step) in corpus() {
        let panel = panel(preset, &step);
        let lines: Vec<&str> = panel.lines().collect();
        let states = states(preset, &step);
        // lost-wake never returns: it stays at its one await.
        let last = if name == "lost_wake" {
            "Suspend0 at line 17"
        } else {
            "Returned"
        };
        assert_eq!(states.last().map(String::as_str), Some(last), "{name}");
        for state in &states[..states.len() - 1] {
            // "Suspend{k} at line {L}": line L of the panel is an .await,
            // join! or select! in run()'s own body (indented once).
            let line: usize = state
                .rsplit(' ')
                .next()
                .and_then(|l| l.parse().ok())
                .unwrap_or_else(|| panic!("{name}: {state}"));
            let code = lines[line - 1];
            let body = code.strip_prefix("    ").filter(|c| !c.starts_with(' '));
            assert!(
                body.is_some_and(|c| c.contains(".await;")
                    || c.starts_with("join!(")
                    || c == "select! {"),
                "{name}: {state} names {code:?}\n{panel}"
            );
        }
    }
}

#[test]
fn lazy_and_early_sleep_states_name_each_await() {
    let lazy = (presets::find("lazy").unwrap().scenario)();
    // f1.await, f2.await, f3.await are lines 14 to 16; the lets are none.
    assert_eq!(
        states(Some("lazy"), &lazy),
        [
            "Suspend0 at line 14",
            "Suspend1 at line 15",
            "Suspend2 at line 16",
            "Returned"
        ]
    );
    let early = (presets::find("early-sleep").unwrap().scenario)();
    // The later sleeps are due when awaited: each await still suspends once,
    // until the reactor's next callback fires it.
    assert_eq!(
        states(Some("early-sleep"), &early),
        [
            "Suspend0 at line 8",
            "Suspend1 at line 9",
            "Suspend2 at line 10",
            "Returned"
        ]
    );
}

/// The sizes the page shows for the presets are those of the lane's compiled
/// copies: the same as the panels' exactly as shown (compiled in this test),
/// as each leaf call is a transparent `Sleep` or a plain call.
#[test]
fn the_lanes_compiled_presets_have_the_panels_sizes() {
    let mut compared = 0;
    for preset in presets::PRESETS.iter().filter(|p| p.special.is_none()) {
        let name = preset.id.replace('-', "_");
        let panel = generated::SIZES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, size)| size())
            .expect("regenerate the panels");
        let lane = playground::preset_panels::size_of_run(preset.id);
        assert_eq!(lane, Some(panel), "{}", preset.id);
        compared += 1;
    }
    assert_eq!(compared, 6);
}

/// A program with a preset's shape but other timings and texts runs on the
/// preset's compiled `run()`; it traces exactly as the composed futures
/// (which the 200 random panels above check) run it, `state` events and the
/// steps of its timers and logs included.
#[test]
fn a_presets_shape_with_other_values_runs_compiled_as_the_composed_futures_do() {
    let mut random = common::Random(0x0ddba11);
    let mut runs = 0;
    for preset in presets::PRESETS.iter().filter(|p| p.special.is_none()) {
        for round in 0..20 {
            let mut step = (preset.scenario)();
            random.revalue(&mut step, round);
            assert_eq!(presets::of_shape(&step).map(|p| p.id), Some(preset.id));
            let labels = TimerLabels::default();
            let (end, compiled) = run_traced(lane_with(&step, &labels));
            let compiled_names = labels.borrow().clone();
            let labels = TimerLabels::default();
            let points = playground::render::rust(&step).suspension_points();
            let machine = Machine::new(&step, "scenario", &labels);
            let machine = report_states(machine, points, Machine::suspended_at);
            let (machine_end, composed) = run_traced(Box::pin(machine));
            let context = format!("{} round {round}: {step:?}", preset.id);
            assert_eq!(end, machine_end, "{context}");
            assert_eq!(compiled, composed, "{context}");
            assert_eq!(compiled_names.timers, labels.borrow().timers, "{context}");
            assert_eq!(compiled_names.calls, labels.borrow().calls, "{context}");
            runs += 1;
        }
    }
    assert_eq!(runs, 120);
}

/// What the lane spawns for `step`: a compiled `run()` for a preset's shape
/// (the special presets excepted), the composed futures for any other.
#[test]
fn the_lane_runs_compiled_code_for_a_presets_shape_and_composed_futures_else() {
    struct TypeOf<'a>(&'a mut &'static str);
    impl lane::Spawner for TypeOf<'_> {
        fn spawn<F: Future<Output = ()> + 'static>(self, _: F) {
            *self.0 = std::any::type_name::<F>();
        }
    }
    let spawned = |preset: Option<&str>, step: &Step| {
        let mut name = "";
        let no_interop = |_, _| async {};
        let labels = TimerLabels::default();
        lane::spawn(step, preset, &labels, no_interop, TypeOf(&mut name));
        name
    };
    let mut random = common::Random(7);
    for p in presets::PRESETS {
        let mut step = (p.scenario)();
        random.revalue(&mut step, 0);
        let name = spawned(Some(p.id), &step);
        let compiled = name.contains("compiled::Running");
        assert_eq!(compiled, p.special.is_none(), "{}: {name}", p.id);
        assert!(!name.contains("machine::Machine"), "{}: {name}", p.id);
    }
    let (_, _, custom) = corpus().pop().expect("random programs");
    assert!(presets::of_shape(&custom).is_none());
    assert!(spawned(None, &custom).contains("machine::Machine"));
}

/// The whole trace of `future` on a `VirtualHost`, `state` events included.
fn run_traced(future: Pin<Box<dyn Future<Output = ()>>>) -> (f64, Vec<String>) {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    rt.spawn(future).detach();
    let end = host.run();
    assert_eq!(rt.counters(), Counters::default());
    (end, rt.take_trace().lines())
}
