//! 10,000 tasks yielding 100 times each (1,000,000 polls) on the virtual
//! clock: for instruction counts (`just bench-native`), not wall time.
use runtime::{yield_now, Runtime, VirtualHost};

fn main() {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    rt.set_tracing(false);
    for _ in 0..10_000 {
        rt.spawn(async {
            for _ in 0..100 {
                yield_now().await;
            }
        })
        .detach();
    }
    host.run();
    assert_eq!(rt.counters(), Default::default());
}
