//! Random schedules on the virtual clock: spawns of sleeping, yielding,
//! joining and selecting tasks, host steps, clock jumps, stray timeouts,
//! aborts and shutdowns. The trace must keep the runtime's rules
//! (`Trace::check`) and everything must be released at the end.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use runtime::{join, select, sleep_ms, yield_now, Counters, JoinHandle, Runtime, VirtualHost};

#[derive(Arbitrary, Debug, Clone)]
enum Step {
    Sleep(u8),
    Yield,
    Join(Vec<u8>),
    Select(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
enum Op {
    Spawn(Vec<Step>),
    Step,
    RunUntilStalled,
    Advance(u8),
    StrayTimeout(u8),
    Abort(u8),
    Shutdown,
    Budget(u8),
}

async fn program(steps: Vec<Step>) {
    for step in steps {
        match step {
            Step::Sleep(ms) => sleep_ms(u32::from(ms)).await,
            Step::Yield => yield_now().await,
            Step::Join(ms) => drop(join(ms.into_iter().map(|m| sleep_ms(u32::from(m)))).await),
            Step::Select(ms) if !ms.is_empty() => {
                select(ms.into_iter().map(|m| sleep_ms(u32::from(m)))).await;
            }
            Step::Select(_) => {}
        }
    }
}

fuzz_target!(|ops: Vec<Op>| {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    let mut handles: Vec<JoinHandle<()>> = Vec::new();
    for op in ops.into_iter().take(200) {
        match op {
            Op::Spawn(steps) => {
                handles.push(rt.spawn(program(steps.into_iter().take(8).collect())))
            }
            Op::Step => drop(host.step()),
            Op::RunUntilStalled => drop(host.run_until_stalled()),
            Op::Advance(ms) => host.advance_to(host.now() + f64::from(ms)),
            Op::StrayTimeout(ms) => host.fire_timeout_at(host.now() + f64::from(ms)),
            Op::Abort(i) => {
                if let Some(h) = handles.get(usize::from(i)) {
                    h.abort();
                }
            }
            Op::Shutdown => {
                // Numbering starts again after a shutdown: check each part.
                rt.shutdown();
                check(&rt);
            }
            Op::Budget(n) => rt.set_budget(u32::from(n)),
        }
    }
    assert!(
        host.run_at_most(1_000_000).is_some(),
        "the schedule never settles"
    );
    assert!(handles.iter().all(JoinHandle::is_finished));
    assert_eq!(rt.counters(), Counters::default());
    check(&rt);
});

fn check(rt: &Runtime) {
    if let Err(broken) = rt.take_trace().check() {
        panic!("{broken}");
    }
}
