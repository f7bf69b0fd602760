//! A program written against tokio runs here by changing its `use` lines
//! only (`tokio_paths.rs`): this one is tokio's tutorial style, with
//! `tokio::` replaced by `runtime::`, and it runs with the same timings.

mod common;
use common::*;

use runtime::task::{self, JoinHandle};
use runtime::time::{sleep, Duration};

async fn brew(ms: u64) -> &'static str {
    sleep(Duration::from_millis(ms)).await;
    "tea"
}

#[test]
fn a_tokio_style_program_runs_with_its_use_lines_changed() {
    let (host, rt) = virtual_runtime();
    let done = rt.spawn(async {
        // Spawned: runs while run() goes on, awaited later.
        let kettle: JoinHandle<&str> = task::spawn(brew(100));
        task::yield_now().await;
        let both = runtime::join!(
            sleep(Duration::from_millis(50)),
            sleep(Duration::from_millis(30))
        );
        assert_eq!(both.len(), 2);
        runtime::select! {
            biased;
            _ = sleep(Duration::from_millis(500)) => {}
            _ = sleep(Duration::from_millis(10)) => {}
        }
        kettle.await.expect("the kettle task finished")
    });
    // 50 (the join's longest) + 10 (the select's winner) = 60 < 100: the
    // spawned task's sleep ends last, at 100.
    assert_eq!(host.run(), 100.0);
    assert_eq!(done.try_take(), Some("tea"));
    let lines = lines_with(&rt, &["timer_cancel"]);
    assert_eq!(lines.len(), 1, "the select's loser is cancelled: {lines:?}");
}
