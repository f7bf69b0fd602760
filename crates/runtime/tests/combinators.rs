//! join, select and yield_now, hand-written so each child poll is traced.

mod common;
use common::*;
use runtime::{join, select, sleep_ms, Counters, Event};

fn task_polls(rt: &runtime::Runtime) -> usize {
    rt.take_trace()
        .records
        .iter()
        .filter(|r| matches!(r.event, Event::PollStart { .. }))
        .count()
}

#[test]
fn join_of_200_100_50_polls_the_task_four_times() {
    let (host, rt) = virtual_runtime();
    let task = rt.spawn(join([sleep_ms(200), sleep_ms(100), sleep_ms(50)]));
    assert_eq!(host.run(), 200.0);
    assert_eq!(task.try_take().map(|v| v.len()), Some(3));
    assert_eq!(task_polls(&rt), 4);
}

#[test]
fn join_all_of_a_vec_is_join_outputs_in_order() {
    let (host, rt) = virtual_runtime();
    let steep = |ms: u32| async move {
        sleep_ms(ms).await;
        ms
    };
    let task = rt.spawn(runtime::join_all(vec![steep(30), steep(10), steep(20)]));
    assert_eq!(host.run(), 30.0);
    // Outputs in the order given, not the order done; one poll per wake.
    assert_eq!(task.try_take(), Some(vec![30, 10, 20]));
    assert_eq!(task_polls(&rt), 4);
}

#[test]
fn join_of_equal_timers_polls_twice_and_traces_each_child() {
    let (host, rt) = virtual_runtime();
    let _task = rt.spawn(join([sleep_ms(100), sleep_ms(100), sleep_ms(100)]));
    assert_eq!(host.run(), 100.0);
    assert_trace(
        &rt,
        &[
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=100 deadline=100 waker=task",
            "0 child_poll task=1 combinator=join child=0 result=pending",
            "0 timer_set timer=2 task=1 ms=100 deadline=100 waker=task",
            "0 child_poll task=1 combinator=join child=1 result=pending",
            "0 timer_set timer=3 task=1 ms=100 deadline=100 waker=task",
            "0 child_poll task=1 combinator=join child=2 result=pending",
            "0 poll_end task=1 result=pending",
            "0 reactor_arm deadline=100 delay=100",
            "100 timer_fired timer=1 late=0",
            "100 wake task=1 by=timer timer=1 outcome=queued",
            // Three timers wake the same task: the later wakes add no poll.
            "100 timer_fired timer=2 late=0",
            "100 wake task=1 by=timer timer=2 outcome=already_queued",
            "100 timer_fired timer=3 late=0",
            "100 wake task=1 by=timer timer=3 outcome=already_queued",
            "100 batch turn=microtask tasks=1",
            "100 poll_start task=1",
            "100 child_poll task=1 combinator=join child=0 result=ready",
            "100 child_poll task=1 combinator=join child=1 result=ready",
            "100 child_poll task=1 combinator=join child=2 result=ready",
            "100 poll_end task=1 result=ready",
        ],
    );
}

#[test]
fn select_drops_the_losers_and_cancels_their_timers() {
    let (host, rt) = virtual_runtime();
    let task = rt.spawn(select([sleep_ms(200), sleep_ms(100), sleep_ms(50)]));
    assert_eq!(host.run(), 50.0);
    assert_eq!(task.try_take(), Some((2, ())));
    assert_eq!(
        lines(&rt),
        [
            "0 spawn task=1",
            "0 batch turn=microtask tasks=1",
            // The first poll polls every child: three timers set.
            "0 poll_start task=1",
            "0 timer_set timer=1 task=1 ms=200 deadline=200 waker=task",
            "0 child_poll task=1 combinator=select child=0 result=pending",
            "0 timer_set timer=2 task=1 ms=100 deadline=100 waker=task",
            "0 child_poll task=1 combinator=select child=1 result=pending",
            "0 timer_set timer=3 task=1 ms=50 deadline=50 waker=task",
            "0 child_poll task=1 combinator=select child=2 result=pending",
            "0 poll_end task=1 result=pending",
            "0 reactor_arm deadline=50 delay=50",
            "50 timer_fired timer=3 late=0",
            "50 wake task=1 by=timer timer=3 outcome=queued",
            // The reactor cannot know the losers are about to go: it re-arms.
            "50 reactor_arm deadline=100 delay=50",
            "50 batch turn=microtask tasks=1",
            "50 poll_start task=1",
            "50 child_poll task=1 combinator=select child=0 result=pending",
            "50 child_poll task=1 combinator=select child=1 result=pending",
            "50 child_poll task=1 combinator=select child=2 result=ready",
            // The losers are dropped inside the poll: their timers go with them.
            "50 timer_cancel timer=1",
            "50 timer_cancel timer=2",
            "50 poll_end task=1 result=ready",
            // No timers left: the browser timeout is cleared.
            "50 reactor_clear",
        ]
    );
    assert_eq!(rt.counters(), Counters::default());
}

#[test]
#[should_panic(expected = "select needs at least one future")]
fn select_of_nothing_is_refused() {
    drop(select(Vec::<runtime::Sleep>::new()));
}

#[test]
fn a_sleep_fixes_its_deadline_when_created() {
    // As tokio's `sleep`: three sleeps made first and awaited in turn end at
    // the longest, 200 ms, not the sum; each is registered at its first poll,
    // and one whose deadline has passed then is Ready in that poll: two
    // polls in all, one wake.
    let (host, rt) = virtual_runtime();
    let _task = rt.spawn(async {
        let (a, b, c) = (sleep_ms(200), sleep_ms(100), sleep_ms(50));
        a.await;
        b.await;
        c.await;
    });
    assert_eq!(host.run(), 200.0);
    let lines = rt.take_trace().lines();
    let count = |kind: &str| lines.iter().filter(|l| l.contains(kind)).count();
    assert_eq!((count("poll_start"), count(" wake ")), (2, 1), "{lines:#?}");
    let timers: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| l.contains("timer_"))
        .collect();
    assert_eq!(
        timers,
        [
            "0 timer_set timer=1 task=1 ms=200 deadline=200 waker=task",
            "200 timer_fired timer=1 late=0",
            // Already past their deadlines when first polled: Ready in that
            // poll, as tokio's are, with no timer registered.
            "200 timer_elapsed timer=2 task=1 ms=100 deadline=100",
            "200 timer_elapsed timer=3 task=1 ms=50 deadline=50",
        ]
    );
}

#[test]
fn an_async_body_runs_only_when_polled() {
    // The language's laziness: an `async fn` made first does nothing until
    // awaited, so its sleep is made then; awaited in turn, they take the sum.
    async fn wait(ms: u32) {
        sleep_ms(ms).await;
    }
    let (host, rt) = virtual_runtime();
    let _task = rt.spawn(async {
        let (a, b, c) = (wait(200), wait(100), wait(50));
        a.await;
        b.await;
        c.await;
    });
    assert_eq!(host.run(), 350.0);
}

#[test]
fn a_sleep_made_outside_a_task_starts_at_its_first_poll() {
    let (host, rt) = virtual_runtime();
    let early = sleep_ms(100); // no runtime is current: nothing to read the time from
    host.advance_to(40.0);
    let _task = rt.spawn(early);
    assert_eq!(host.run(), 140.0);
}

/// The winner of an unbiased `select` of two timers due at once, with
/// `seed`, and the children its first poll polled, in order.
fn random_tie(seed: u64) -> (usize, Vec<String>) {
    let (host, rt) = virtual_runtime();
    rt.set_seed(seed);
    let task = rt.spawn(runtime::select_random([sleep_ms(10), sleep_ms(10)]));
    host.run();
    let winner = task.try_take().expect("done").0;
    let first_poll = rt
        .take_trace()
        .lines()
        .into_iter()
        .filter(|l| l.starts_with("0 child_poll"))
        .collect();
    (winner, first_poll)
}

#[test]
fn an_unbiased_select_starts_at_a_seeded_random_child_and_wraps_around() {
    // The same seed, the same choices: a run repeats exactly.
    assert_eq!(random_tie(7), random_tie(7));
    // Each poll starts somewhere and wraps: both children, each once.
    for seed in 0..20 {
        let (_, first) = random_tie(seed);
        assert_eq!(first.len(), 2, "{first:?}");
        assert_ne!(first[0], first[1]);
    }
    // Over seeds, ties go to either child (tokio's select! is fair so).
    let winners: Vec<usize> = (0..20).map(|seed| random_tie(seed).0).collect();
    assert!(winners.contains(&0) && winners.contains(&1), "{winners:?}");
}
