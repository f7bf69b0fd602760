//! The prelude on `spawn_local` and gloo-timers, in a real headless browser
//! (`just test-browser`): what the edges record, event by event.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use spawn_local_lane::prelude::*;
use spawn_local_lane::record::{self, Event, WakeOutcome, WakeSource};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The records since `reset`, without their times, sizes and addresses
/// (which depend on the build).
fn events() -> Vec<Event> {
    record::take()
        .into_iter()
        .map(|r| match r.event {
            Event::Spawn { task, .. } => spawned(task),
            Event::PollStart { task, .. } => Event::PollStart { task, addr: 0 },
            event => event,
        })
        .collect()
}

fn spawned(task: u32) -> Event {
    Event::Spawn { task, size: 0 }
}

fn poll(task: u32, ready: bool) -> [Event; 2] {
    [
        Event::PollStart { task, addr: 0 },
        Event::PollEnd { task, ready },
    ]
}

/// A wake that queues `task`. With no host telling it which timer fires,
/// the lane cannot name a gloo timer's wake: `External`.
fn woken(task: u32, by: WakeSource) -> Event {
    Event::Wake {
        task,
        by,
        outcome: WakeOutcome::Queued,
    }
}

#[wasm_bindgen_test]
async fn sleeps_one_after_another_poll_once_each_and_are_woken_by_their_timers() {
    record::reset();
    let done = spawn(async {
        sleep_ms(30).await;
        sleep_ms(20).await;
        sleep_ms(10).await;
        log("I'm the last one");
    });
    done.await.unwrap();
    let mut want = vec![spawned(1)];
    for _ in 0..3 {
        want.extend(poll(1, false));
        want.push(woken(1, WakeSource::External));
    }
    want.push(Event::PollStart { task: 1, addr: 0 });
    want.push(Event::Log {
        text: "I'm the last one".into(),
    });
    want.push(Event::PollEnd {
        task: 1,
        ready: true,
    });
    assert_eq!(events(), want);
}

#[wasm_bindgen_test]
async fn records_are_timed_by_the_global_clock_and_the_log_comes_after_the_sleeps() {
    record::reset();
    spawn(async {
        sleep_ms(30).await;
        sleep_ms(20).await;
        log("done");
    })
    .await
    .unwrap();
    let records = record::take();
    let start = records[0].t;
    let logged = records
        .iter()
        .find(|r| matches!(r.event, Event::Log { .. }))
        .unwrap();
    // Real timers: at or after their deadlines (less the clock's coarsening).
    assert!(logged.t - start >= 49.0, "{records:?}");
}

#[wasm_bindgen_test]
async fn join_s_task_is_polled_once_at_first_and_once_per_timer() {
    record::reset();
    spawn(async {
        join!(sleep_ms(30), sleep_ms(10));
        log("both");
    })
    .await
    .unwrap();
    let got = events();
    let count = |e: fn(&Event) -> bool| got.iter().filter(|x| e(x)).count();
    // Pending, woken by 10 ms, pending, woken by 30 ms, ready.
    assert_eq!(
        count(|e| matches!(e, Event::PollStart { task: 1, .. })),
        3,
        "{got:?}"
    );
    assert_eq!(
        count(|e| matches!(e, Event::Wake { task: 1, .. })),
        2,
        "{got:?}"
    );
}

#[wasm_bindgen_test]
async fn a_spawned_task_is_task_2_and_its_handle_awaits_it() {
    record::reset();
    spawn(async {
        let child = spawn(async {
            sleep_ms(10).await;
            log("child");
            7
        });
        log("parent");
        assert_eq!(child.await.unwrap(), 7);
        log("joined");
    })
    .await
    .unwrap();
    let got = events();
    let logs: Vec<&str> = got
        .iter()
        .filter_map(|e| match e {
            Event::Log { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(logs, ["parent", "child", "joined"]);
    assert_eq!(
        got[..2],
        [spawned(1), Event::PollStart { task: 1, addr: 0 }]
    );
    assert_eq!(got[2], spawned(2));
    // spawn_local polls the child in a later microtask, not inside the parent's poll.
    assert_eq!(
        got[4],
        Event::PollEnd {
            task: 1,
            ready: false
        }
    );
    assert_eq!(got[5], Event::PollStart { task: 2, addr: 0 });
}

#[wasm_bindgen_test]
async fn abort_drops_the_task_s_future_and_its_handle_says_cancelled() {
    record::reset();
    struct Dropped(Rc<Cell<bool>>);
    impl Drop for Dropped {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }
    let dropped = Rc::new(Cell::new(false));
    let flag = Dropped(dropped.clone());
    let task = spawn(async move {
        let _flag = flag;
        sleep_ms(10_000).await;
        log("never");
    });
    sleep_ms(10).await;
    task.abort();
    assert!(matches!(task.await, Err(JoinError::Cancelled)));
    assert!(dropped.get(), "the future was dropped");
    // Time for any poll that might still come.
    sleep_ms(5).await;
    let got = events();
    assert!(
        !got.iter().any(|e| matches!(e, Event::Log { .. })),
        "{got:?}"
    );
    // Woken by abort (from the test's own future, not a task of the lane),
    // then polled once more: Ready, its future dropped. The dropped sleep
    // wakes its own task once more, during that poll: gloo clears the
    // timeout and drops the callback holding its channel's sender, which
    // wakes the receiver's task. The executor queues it (its flag was
    // cleared when the poll began), but nothing polls a finished task.
    let [start, end] = poll(1, true);
    let mut want = poll(1, false).to_vec();
    want.extend([
        woken(1, WakeSource::External),
        start,
        woken(1, WakeSource::SelfWake),
        end,
    ]);
    assert_eq!(got[1..], want);
}

#[wasm_bindgen_test]
async fn abort_before_the_first_poll_never_runs_the_task() {
    record::reset();
    let task = spawn(async {
        log("never");
    });
    task.abort();
    assert!(matches!(task.await, Err(JoinError::Cancelled)));
    let [start, end] = poll(1, true);
    assert_eq!(events(), [spawned(1), start, end]);
}

#[wasm_bindgen_test]
async fn after_its_output_a_handle_says_taken_and_abort_does_nothing() {
    record::reset();
    let mut task = spawn(async { 5 });
    assert_eq!((&mut task).await.unwrap(), 5);
    assert!(matches!((&mut task).await, Err(JoinError::Taken)));
    task.abort();
    sleep_ms(5).await;
    // No wake: the task was over.
    assert!(!events().iter().any(|e| matches!(e, Event::Wake { .. })));
}

#[wasm_bindgen_test]
async fn a_sleep_longer_than_a_browser_timer_holds_waits_instead_of_firing_at_once() {
    record::reset();
    let task = spawn(async {
        sleep_ms(u32::MAX).await;
        log("fired");
    });
    sleep_ms(20).await;
    task.abort();
    let _ = task.await;
    assert!(!events().iter().any(|e| matches!(e, Event::Log { .. })));
}

#[wasm_bindgen_test]
async fn block_ms_keeps_the_thread_busy_and_is_recorded() {
    record::reset();
    spawn(async {
        block_ms(15);
        log("after");
    })
    .await
    .unwrap();
    let records = record::take();
    let at = |want: fn(&Event) -> bool| records.iter().find(|r| want(&r.event)).unwrap().t;
    let blocked = at(|e| matches!(e, Event::Block { ms: 15 }));
    let after = at(|e| matches!(e, Event::Log { .. }));
    assert!(after - blocked >= 14.9, "{records:?}");
}
