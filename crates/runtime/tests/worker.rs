//! The runtime on `BrowserHost` in a dedicated worker, where the global scope
//! is a `WorkerGlobalScope`, not a `Window` (`just test-browser`).
#![cfg(target_arch = "wasm32")]

use runtime::{sleep_ms, yield_now, BrowserHost, Counters, Event, Runtime};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

#[wasm_bindgen_test]
async fn in_a_worker_sleeps_fire_in_order_from_one_timeout() {
    let scope: web_sys::WorkerGlobalScope =
        wasm_bindgen::JsCast::dyn_into(js_sys::global()).expect("this test runs in a worker");
    let performance = scope.performance().expect("a worker has performance");
    let host = BrowserHost::new();
    assert!(host.uses_queue_microtask());
    let rt = Runtime::new(host);
    let start = performance.now();
    let order = rt
        .spawn(async move {
            let early = runtime::spawn(async {
                sleep_ms(10).await;
                10
            });
            yield_now().await; // a macrotask, through the worker's MessageChannel
            sleep_ms(30).await;
            vec![early.await.unwrap(), 30]
        })
        .await
        .unwrap();
    assert_eq!(order, [10, 30]);
    assert!(performance.now() - start >= 30.0);
    let fired: Vec<u32> = rt
        .take_trace()
        .records
        .iter()
        .filter_map(|r| match r.event {
            Event::TimerFired { timer, .. } => Some(timer),
            _ => None,
        })
        .collect();
    assert_eq!(fired, [1, 2]);
    assert_eq!(rt.counters(), Counters::default());
}
