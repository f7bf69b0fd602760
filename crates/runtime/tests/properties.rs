//! Property tests: random schedules of spawns, sleeps, joins, selects, yields,
//! external wakes, aborts and early or late timer callbacks, on a virtual
//! clock. Whatever the schedule, the trace must obey the runtime's rules and
//! everything must be released at the end. `PROPTEST_CASES` overrides the
//! number of cases (10,000 by default).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use proptest::prelude::*;
use runtime::{join, select, sleep_ms, yield_now, Counters, JoinHandle, Trace};
use std::future::Future;
use std::pin::Pin;

#[derive(Clone, Debug)]
enum Step {
    Sleep(u32),
    Yield,
    Join(Vec<u32>),
    Select(Vec<u32>),
    Gate(usize),
}

#[derive(Clone, Debug)]
enum Op {
    Spawn(Vec<Step>),
    Step,
    RunUntilStalled,
    Advance(u32),
    /// A timeout callback at now + offset, whether or not one is due.
    StrayTimeout(u32),
    Abort(usize),
    OpenGate(usize),
    SpuriousWake(usize),
}

const GATES: usize = 3;

fn step() -> impl Strategy<Value = Step> {
    let ms = 0u32..60;
    prop_oneof![
        4 => ms.clone().prop_map(Step::Sleep),
        2 => Just(Step::Yield),
        1 => prop::collection::vec(ms.clone(), 1..4).prop_map(Step::Join),
        1 => prop::collection::vec(ms, 1..4).prop_map(Step::Select),
        1 => (0..GATES).prop_map(Step::Gate),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => prop::collection::vec(step(), 0..5).prop_map(Op::Spawn),
        3 => Just(Op::Step),
        2 => Just(Op::RunUntilStalled),
        2 => (0u32..80).prop_map(Op::Advance),
        1 => (0u32..40).prop_map(Op::StrayTimeout),
        1 => (0usize..8).prop_map(Op::Abort),
        1 => (0..GATES).prop_map(Op::OpenGate),
        1 => (0..GATES).prop_map(Op::SpuriousWake),
    ]
}

fn program(steps: Vec<Step>, gates: Vec<Gate>) -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(async move {
        for step in steps {
            match step {
                Step::Sleep(ms) => sleep_ms(ms).await,
                Step::Yield => yield_now().await,
                Step::Join(ms) => drop(join(ms.into_iter().map(sleep_ms)).await),
                Step::Select(ms) => drop(select(ms.into_iter().map(sleep_ms)).await),
                Step::Gate(g) => gates[g].wait().await,
            }
        }
    })
}

/// Runs the schedule, then opens every gate and runs to the end.
fn run(ops: &[Op]) -> (Trace, Counters, usize) {
    let (host, rt) = virtual_runtime();
    let gates: Vec<Gate> = (0..GATES).map(|_| Gate::new()).collect();
    let mut handles: Vec<JoinHandle<()>> = Vec::new();
    for op in ops {
        match op {
            Op::Spawn(steps) => handles.push(rt.spawn(program(steps.clone(), gates.clone()))),
            Op::Step => drop(host.step()),
            Op::RunUntilStalled => drop(host.run_until_stalled()),
            Op::Advance(ms) => host.advance_to(host.now() + f64::from(*ms)),
            Op::StrayTimeout(ms) => host.fire_timeout_at(host.now() + f64::from(*ms)),
            Op::Abort(i) => {
                if let Some(handle) = handles.get(*i) {
                    handle.abort();
                }
            }
            Op::OpenGate(g) => gates[*g].open(),
            Op::SpuriousWake(g) => gates[*g].wake_all(),
        }
    }
    for gate in &gates {
        gate.open();
        gate.wake_all();
    }
    // A runtime bug that loops forever fails the case instead of hanging.
    assert!(
        host.run_at_most(100_000).is_some(),
        "the schedule never settles"
    );
    let unfinished = handles.iter().filter(|h| !h.is_finished()).count();
    (rt.take_trace(), rt.counters(), unfinished)
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_schedule_keeps_the_rules_and_releases_everything(
        ops in prop::collection::vec(op(), 0..40)
    ) {
        let (trace, counters, unfinished) = run(&ops);
        trace.check().map_err(TestCaseError::fail)?;
        prop_assert_eq!(counters, Counters::default());
        prop_assert_eq!(unfinished, 0);
        // The same schedule gives the same trace.
        let (again, _, _) = run(&ops);
        prop_assert_eq!(trace.lines(), again.lines());
    }
}
