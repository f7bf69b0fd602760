//! 100,000 trivial tasks spawned and run to completion on the virtual clock:
//! for instruction counts (`just bench-native`), not wall time.
use runtime::{Runtime, VirtualHost};

fn main() {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    rt.set_tracing(false);
    for _ in 0..100_000 {
        rt.spawn(async {}).detach();
    }
    host.run();
    assert_eq!(rt.counters(), Default::default());
}
