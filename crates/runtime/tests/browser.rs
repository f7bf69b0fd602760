//! The runtime on `BrowserHost`, in a real headless Chromium
//! (`just test-browser`; `wasm-bindgen-test-runner` drives it).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use runtime::{sleep_ms, yield_now, BrowserHost, Counters, Event, Runtime};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
// Wraps setTimeout/clearTimeout to count the timeouts that are armed at once.
export function spy_install() {
  if (globalThis.__timeoutSpy) return;
  const spy = { live: new Set(), max: 0, sets: 0 };
  const set = globalThis.setTimeout.bind(globalThis);
  const clear = globalThis.clearTimeout.bind(globalThis);
  globalThis.setTimeout = (f, ms, ...args) => {
    const id = set((...a) => { spy.live.delete(id); f(...a); }, ms, ...args);
    spy.live.add(id);
    spy.sets += 1;
    spy.max = Math.max(spy.max, spy.live.size);
    return id;
  };
  globalThis.clearTimeout = (id) => { spy.live.delete(id); clear(id); };
  globalThis.__timeoutSpy = spy;
}
export function spy_reset() { const s = globalThis.__timeoutSpy; s.max = s.live.size; s.sets = 0; }
export function spy_live() { return globalThis.__timeoutSpy.live.size; }
export function spy_max() { return globalThis.__timeoutSpy.max; }
export function spy_sets() { return globalThis.__timeoutSpy.sets; }
export function hide_queue_microtask() {
  globalThis.__savedQueueMicrotask = globalThis.queueMicrotask;
  delete globalThis.queueMicrotask;
}
export function performance_now() { return performance.now(); }
export function restore_queue_microtask() {
  globalThis.queueMicrotask = globalThis.__savedQueueMicrotask;
}
// A setTimeout(0) callback that says when it ran.
export function timeout_zero() {
  globalThis.__timeoutRan = false;
  setTimeout(() => { globalThis.__timeoutRan = true; }, 0);
}
export function timeout_ran() { return globalThis.__timeoutRan; }
"#)]
extern "C" {
    fn spy_install();
    fn spy_reset();
    fn spy_live() -> u32;
    fn spy_max() -> u32;
    fn spy_sets() -> u32;
    fn hide_queue_microtask();
    fn restore_queue_microtask();
    fn performance_now() -> f64;
    fn timeout_zero();
    fn timeout_ran() -> bool;
}

#[wasm_bindgen_test]
async fn a_real_50_ms_sleep_takes_at_least_50_ms() {
    let rt = Runtime::new(BrowserHost::new());
    let start = performance_now();
    let end = rt
        .spawn(async {
            sleep_ms(50).await;
            performance_now()
        })
        .await
        .unwrap();
    assert!(end - start >= 50.0, "woke after {} ms", end - start);
    let trace = rt.take_trace();
    let late = trace.records.iter().find_map(|r| match r.event {
        Event::TimerFired { late, .. } => Some(late),
        _ => None,
    });
    assert!(late.is_some_and(|late| late >= 0.0), "fired at {late:?}");
    assert_eq!(rt.counters(), Counters::default());
}

#[wasm_bindgen_test]
async fn dropping_a_pending_sleep_leaves_no_armed_timeout() {
    spy_install();
    let rt = Runtime::new(BrowserHost::new());
    let live_before = spy_live();
    let sleeper = rt.spawn(sleep_ms(10_000));
    rt.spawn(async {}).await.unwrap(); // one batch: the sleep is polled
    assert_eq!(rt.counters().armed_timeouts, 1);
    assert_eq!(spy_live(), live_before + 1);
    sleeper.abort();
    assert_eq!(rt.counters(), Counters::default());
    assert_eq!(spy_live(), live_before, "the browser timeout was cleared");
}

#[wasm_bindgen_test]
async fn a_thousand_sleeps_fire_in_deadline_order_from_one_timeout() {
    spy_install();
    let rt = Runtime::new(BrowserHost::new());
    let finished = Rc::new(RefCell::new(Vec::new()));
    let mut seed = 12_345u32;
    spy_reset();
    for i in 0..1_000u32 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let ms = (seed >> 16) % 50;
        let finished = finished.clone();
        rt.spawn(async move {
            sleep_ms(ms).await;
            finished.borrow_mut().push((ms, i));
        })
        .detach();
    }
    let last = rt.spawn(sleep_ms(60));
    last.await.unwrap();
    assert_eq!(finished.borrow().len(), 1_000);
    assert_eq!(spy_max(), 1, "one browser timeout at a time");
    // Deadlines are fixed when each sleep is first polled (the first batch may
    // yield part way, so they are read from the trace): timers must fire in
    // deadline order, ties in registration order, never early.
    let trace = rt.take_trace();
    let mut deadline = std::collections::HashMap::new();
    let mut fired = Vec::new();
    for record in &trace.records {
        match record.event {
            Event::TimerSet {
                timer, deadline: d, ..
            } => {
                deadline.insert(timer, d);
            }
            Event::TimerFired { timer, late } => {
                assert!(late >= 0.0, "timer {timer} fired {late} ms early");
                assert!(record.t >= deadline[&timer]);
                fired.push(timer);
            }
            _ => {}
        }
    }
    let mut expected = fired.clone();
    expected.sort_by(|a, b| deadline[a].total_cmp(&deadline[b]).then(a.cmp(b)));
    assert_eq!(fired, expected, "fired in deadline order");
    assert_eq!(fired.len(), 1_001);
    assert_eq!(rt.counters(), Counters::default());
}

#[wasm_bindgen_test]
async fn without_queue_microtask_batches_run_from_a_promise() {
    hide_queue_microtask();
    let host = BrowserHost::new();
    restore_queue_microtask();
    assert!(!host.uses_queue_microtask());
    let rt = Runtime::new(host);
    let out = rt
        .spawn(async {
            yield_now().await;
            sleep_ms(5).await;
            "done"
        })
        .await;
    assert_eq!(out, Ok("done"));
    assert!(BrowserHost::new().uses_queue_microtask());
}

#[wasm_bindgen_test]
async fn a_runtime_dropped_with_work_pending_leaves_nothing_behind() {
    spy_install();
    let live_before = spy_live();
    {
        let rt = Runtime::new(BrowserHost::new());
        rt.spawn(sleep_ms(5)).detach();
        rt.spawn(async {}).await.unwrap(); // the sleep's timeout is armed
        rt.spawn(yield_now()).detach(); // and a microtask turn is queued
    } // dropped: tasks go, the timeout is cleared, the queued turn finds nothing
    assert_eq!(spy_live(), live_before);
    // Outlive the cleared deadline: nothing may call into the dropped runtime.
    let other = Runtime::new(BrowserHost::new());
    other.spawn(sleep_ms(20)).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_task_woken_by_promises_in_a_loop_still_lets_the_browser_run() {
    // Each `JsFuture` of a resolved promise wakes the task from a microtask
    // of the same browser task: were the 8 ms slice restarted on each such
    // wake, the loop would never yield and the setTimeout(0) never run.
    let rt = Runtime::new(BrowserHost::new());
    let (ran, turns_after) = rt
        .spawn(async {
            timeout_zero();
            let give_up = performance_now() + 2_000.0;
            let mut turns_after = 0u32; // turns once the timeout had run
            while turns_after < 10 && performance_now() < give_up {
                let resolved = js_sys::Promise::resolve(&JsValue::NULL);
                wasm_bindgen_futures::JsFuture::from(resolved)
                    .await
                    .unwrap();
                turns_after += u32::from(timeout_ran());
            }
            (timeout_ran(), turns_after)
        })
        .await
        .unwrap();
    assert!(ran, "the setTimeout(0) never ran: the loop never yielded");
    assert_eq!(turns_after, 10, "the loop went on after it");
    let yields = rt
        .take_trace()
        .records
        .iter()
        .filter(|r| matches!(r.event, Event::Yield { .. }))
        .count();
    assert!(yields >= 1, "the executor yielded to the browser");
}
