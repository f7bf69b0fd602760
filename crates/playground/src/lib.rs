//! The futures playground's wasm module: what the page calls.
//!
//! For now it runs the notes' example (sleep 200, 100 and 50 ms, then log "I'm
//! the last one") as a real `async` block on our runtime, in real time, driven
//! by the browser's `setTimeout`, and hands its trace to the page.

#[cfg(target_arch = "wasm32")]
mod notes_example;
#[cfg(target_arch = "wasm32")]
mod trace_js;

/// The delays of the notes' example, in milliseconds.
pub const NOTES_TIMINGS: [u32; 3] = [200, 100, 50];

/// What the notes' example logs last.
pub const LAST_LINE: &str = "I'm the last one";

/// The notes' example as an `async fn`: each `.await` is a point where the task
/// returns `Pending` and waits for the reactor to wake it.
pub async fn notes_example(timings: [u32; 3]) {
    for ms in timings {
        runtime::sleep_ms(ms).await;
    }
    runtime::log(LAST_LINE);
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime::{Runtime, VirtualHost};

    #[test]
    fn the_notes_example_logs_at_350_ms() {
        let host = VirtualHost::new();
        let rt = Runtime::new(host.clone());
        let _task = rt.spawn(notes_example(NOTES_TIMINGS));
        assert_eq!(host.run(), 350.0);
        let lines = rt.take_trace().lines();
        assert!(lines.contains(&"350 log text=\"I'm the last one\"".to_string()));
    }
}
