//! Where the Rust lane's program goes: the page's runtime, or a test's.

use std::future::Future;

/// Where the lane's program goes: the page's runtime, or a test's.
pub trait Spawner {
    /// Spawns `program` as it is, not boxed on its own, so its locals live
    /// inside the task's future (self-ref shows where). A compiled preset's
    /// `run()` comes boxed ([`super::compiled::WithScenario`] says why).
    fn spawn<F: Future<Output = ()> + 'static>(self, program: F);
}
