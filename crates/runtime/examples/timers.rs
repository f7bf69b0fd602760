//! 100,000 concurrent sleeps over 0-50 ms on the virtual clock: for
//! instruction counts (`just bench-native`), not wall time.
use runtime::{sleep_ms, Runtime, VirtualHost};

fn main() {
    let host = VirtualHost::new();
    let rt = Runtime::new(host.clone());
    rt.set_tracing(std::env::args().any(|a| a == "--traced"));
    let mut state = 7u32;
    for _ in 0..100_000 {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        rt.spawn(sleep_ms(state % 51)).detach();
    }
    assert_eq!(host.run(), 50.0);
    assert_eq!(rt.counters(), Default::default());
}
