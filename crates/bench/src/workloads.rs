//! The workloads, as wasm exports. Each builds its tasks, starts the clock,
//! and resolves its promise when the last task finishes.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use runtime::{sleep_ms, yield_now, BrowserHost, Runtime};
use wasm_bindgen::prelude::*;

use crate::deadlines::deadlines;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now() -> f64;
}

thread_local! {
    // Our runtime, made on first use and kept from workload to workload, as
    // spawn_local's queue is (a global made on first use): both start a
    // measured run with the capacity that earlier runs grew (but for our
    // trace's buffer, which each traced run grows anew). (Made afresh
    // for each run, ours regrew its ready queue and task list every time:
    // 100,000 spawns 0.80x of spawn_local's speed instead of 0.85x,
    // `just bench`, 2026-11-30.)
    static RUNTIME: Runtime = Runtime::new(BrowserHost::new());
    // The memory workload's runtime and its pending sleeps.
    static HELD: RefCell<Option<Runtime>> = const { RefCell::new(None) };
}

/// Which executor runs the tasks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Executor {
    Ours { tracing: bool },
    SpawnLocal,
}

fn executor(name: &str) -> Result<Executor, JsError> {
    match name {
        "ours" => Ok(Executor::Ours { tracing: false }),
        "ours-traced" => Ok(Executor::Ours { tracing: true }),
        "spawn_local" => Ok(Executor::SpawnLocal),
        _ => Err(JsError::new(
            "executor: must be ours, ours-traced or spawn_local",
        )),
    }
}

/// Counts finished tasks and resolves with the figures when all are done.
struct Finish {
    remaining: Cell<u32>,
    start: f64,
    max_deadline: f64,
    worst_lateness: Cell<f64>,
    resolve: Function,
}

impl Finish {
    fn task_done(&self, lateness: f64) {
        if lateness > self.worst_lateness.get() {
            self.worst_lateness.set(lateness);
        }
        let left = self.remaining.get() - 1;
        self.remaining.set(left);
        if left == 0 {
            let elapsed = now() - self.start;
            let result = Object::new();
            for (key, value) in [
                ("elapsed", elapsed),
                ("overhead", elapsed - self.max_deadline),
                ("worstLateness", self.worst_lateness.get()),
            ] {
                let _ = Reflect::set(&result, &key.into(), &value.into());
            }
            let _ = Reflect::set(&result, &"completed".into(), &JsValue::from(true));
            let _ = self.resolve.call1(&JsValue::UNDEFINED, &result);
        }
    }
}

/// Runs `count` tasks made by `task(i, finish)` on `executor`.
fn run<F, Fut>(executor: Executor, count: u32, max_deadline: f64, task: F) -> Promise
where
    F: Fn(u32, Rc<Finish>) -> Fut,
    Fut: Future<Output = ()> + 'static,
{
    if let Executor::Ours { tracing } = executor {
        // Before the clock starts: the last traced run's records go.
        RUNTIME.with(|runtime| {
            runtime.set_tracing(tracing);
            drop(runtime.take_trace());
        });
    }
    Promise::new(&mut |resolve, _reject| {
        let finish = Rc::new(Finish {
            remaining: Cell::new(count),
            start: now(),
            max_deadline,
            worst_lateness: Cell::new(0.0),
            resolve,
        });
        match executor {
            Executor::Ours { .. } => RUNTIME.with(|runtime| {
                for i in 0..count {
                    runtime.spawn(task(i, finish.clone())).detach();
                }
            }),
            Executor::SpawnLocal => {
                for i in 0..count {
                    wasm_bindgen_futures::spawn_local(task(i, finish.clone()));
                }
            }
        }
    })
}

/// Spawns `count` tasks that finish at once.
#[wasm_bindgen]
pub fn spawn_trivial(executor_name: &str, count: u32) -> Result<Promise, JsError> {
    let executor = executor(executor_name)?;
    Ok(run(executor, count, 0.0, |_, finish| async move {
        finish.task_done(0.0);
    }))
}

/// `tasks` tasks, each yielding `yields` times: tasks × yields polls.
#[wasm_bindgen]
pub fn polls(executor_name: &str, tasks: u32, yields: u32) -> Result<Promise, JsError> {
    let executor = executor(executor_name)?;
    Ok(run(executor, tasks, 0.0, move |_, finish| async move {
        for _ in 0..yields {
            yield_now().await;
        }
        finish.task_done(0.0);
    }))
}

/// `count` concurrent sleeps with deadlines spread over 0..=`spread` ms.
#[wasm_bindgen]
pub fn timers(executor_name: &str, count: u32, spread: u32, seed: u32) -> Result<Promise, JsError> {
    let executor = executor(executor_name)?;
    let delays = Rc::new(deadlines(count, spread, seed));
    let max = f64::from(delays.iter().copied().max().unwrap_or(0));
    Ok(run(executor, count, max, move |i, finish| {
        let ms = delays[i as usize];
        async move {
            match executor {
                Executor::Ours { .. } => sleep_ms(ms).await,
                Executor::SpawnLocal => gloo_timers::future::TimeoutFuture::new(ms).await,
            }
            finish.task_done(now() - finish.start - f64::from(ms));
        }
    }))
}

/// Spawns `count` tasks that each wait on one sleep of `ms`, and leaves them
/// pending (for the memory workload: what holding that many timers costs).
/// They stay until the next call replaces them (ours) or the page goes.
#[wasm_bindgen]
pub fn pending_sleeps(executor_name: &str, count: u32, ms: u32) -> Result<(), JsError> {
    match executor(executor_name)? {
        Executor::Ours { tracing } => {
            let runtime = Runtime::new(BrowserHost::new());
            runtime.set_tracing(tracing);
            for _ in 0..count {
                runtime.spawn(sleep_ms(ms)).detach();
            }
            HELD.with(|slot| *slot.borrow_mut() = Some(runtime));
        }
        Executor::SpawnLocal => {
            for _ in 0..count {
                wasm_bindgen_futures::spawn_local(gloo_timers::future::TimeoutFuture::new(ms));
            }
        }
    }
    Ok(())
}
