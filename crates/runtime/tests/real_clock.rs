//! Rules that only apply on a real clock, one that moves while a callback
//! runs (the browser's), driven here by a host whose clock the test moves;
//! and, since that host says when it is dropped, what keeps a runtime alive.

mod common;
use common::*;
use runtime::{yield_now, Host, Runtime, RuntimeRef, Turn};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

/// A host with a real (moving) clock that the test sets, counting reads;
/// turns run when the test says.
#[derive(Clone, Default)]
struct MovingClock(Rc<ClockState>);

#[derive(Default)]
struct ClockState {
    now: Cell<f64>,
    reads: Cell<u32>,
    runtime: RefCell<Option<RuntimeRef>>,
    turns: RefCell<Vec<Turn>>,
    /// What the runtime asked of the host, in order: "turn" (a turn
    /// requested) and "ended" (`callback_ended`).
    calls: RefCell<Vec<&'static str>>,
    dropped: Cell<bool>,
}

struct HostSide(MovingClock);

impl Drop for HostSide {
    fn drop(&mut self) {
        self.0 .0.dropped.set(true);
    }
}

impl Host for HostSide {
    fn connect(&self, runtime: RuntimeRef) {
        *self.0 .0.runtime.borrow_mut() = Some(runtime);
    }
    fn now(&self) -> f64 {
        let state = &self.0 .0;
        state.reads.set(state.reads.get() + 1);
        state.now.get()
    }
    fn arm(&self, _delay_ms: f64) {}
    fn disarm(&self) {}
    fn request_turn(&self, turn: Turn) {
        self.0 .0.turns.borrow_mut().push(turn);
        self.0 .0.calls.borrow_mut().push("turn");
    }
    fn callback_ended(&self) {
        self.0 .0.calls.borrow_mut().push("ended");
    }
    fn armed_timeouts(&self) -> usize {
        0
    }
    fn clock_is_virtual(&self) -> bool {
        false
    }
}

impl MovingClock {
    fn runtime() -> (MovingClock, Runtime) {
        let clock = MovingClock::default();
        let rt = Runtime::new(HostSide(clock.clone()));
        (clock, rt)
    }

    fn set(&self, ms: f64) {
        self.0.now.set(ms);
    }

    /// Runs requested microtask turns until none is left or the executor
    /// asks for a macrotask (it yields); returns how many ran.
    fn run_browser_task(&self) -> usize {
        let mut ran = 0;
        while self.0.turns.borrow().first() == Some(&Turn::Microtask) {
            self.turn();
            ran += 1;
        }
        ran
    }

    /// Runs the oldest requested turn; returns its kind.
    fn turn(&self) -> Option<Turn> {
        let turn = {
            let mut turns = self.0.turns.borrow_mut();
            if turns.is_empty() {
                return None;
            }
            turns.remove(0)
        };
        let runtime = self.0.runtime.borrow().clone().expect("connected");
        runtime.turn(turn);
        Some(turn)
    }
}

/// Wakes itself at every poll, and each poll takes `cost` ms of the clock.
struct Busy {
    clock: MovingClock,
    cost: f64,
    polls: Rc<Cell<u32>>,
}

impl Future for Busy {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.polls.set(self.polls.get() + 1);
        self.clock.set(self.clock.0.now.get() + self.cost);
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[test]
fn slow_polls_yield_soon_after_the_time_slice() {
    let (clock, rt) = MovingClock::runtime();
    rt.set_tracing(false);
    let polls = Rc::new(Cell::new(0));
    rt.spawn(Busy {
        clock: clock.clone(),
        cost: 1.0,
        polls: polls.clone(),
    })
    .detach();
    // One poll per batch (the task wakes itself for the next); the clock is
    // read after every poll (each takes 1 ms, not quick), so the 8 ms slice
    // is found over at the 8th, and the executor yields for a macrotask
    // there (it read the clock every 16 polls at first: 16 ms in).
    assert_eq!(clock.run_browser_task(), 8);
    assert_eq!(polls.get(), 8);
    assert_eq!(clock.0.turns.borrow().as_slice(), &[Turn::Macrotask]);
    // The next browser task starts its slice afresh.
    clock.turn();
    clock.run_browser_task();
    assert_eq!(polls.get(), 16);
}

#[test]
#[cfg_attr(miri, ignore = "80,000 polls; nothing unsafe to check")]
fn quick_polls_check_the_clock_less_and_less_often() {
    let (clock, rt) = MovingClock::runtime();
    rt.set_tracing(false);
    let polls = Rc::new(Cell::new(0));
    for _ in 0..1_000 {
        rt.spawn(Busy {
            clock: clock.clone(),
            cost: 0.0001,
            polls: polls.clone(),
        })
        .detach();
    }
    let reads_before = clock.0.reads.get();
    clock.run_browser_task();
    let reads = clock.0.reads.get() - reads_before;
    // Checks after the first poll, then 2, 4... 1,024 polls apart (each
    // interval takes well under 1 ms): at 1, 3, 7, ..., 1,023, 2,047, then
    // every 1,024. The 8 ms slice is used up at 80,000 polls; the first
    // check after that is at 2,047 + 77 × 1,024 = 80,895. Clock reads: 88
    // checks plus one per turn (81), where a check every 16 polls would
    // make 5,055.
    assert_eq!(polls.get(), 80_895);
    assert_eq!(reads, 88 + 81);
}

#[test]
fn spawns_from_one_js_task_read_the_clock_once() {
    let (clock, rt) = MovingClock::runtime();
    clock.set(10.0);
    let reads = clock.0.reads.get();
    rt.spawn(async {}).detach();
    clock.set(10.5);
    rt.spawn(async {}).detach();
    rt.spawn(async {}).detach();
    assert_eq!(
        clock.0.reads.get() - reads,
        1,
        "one read, for the turn request"
    );
    clock.turn();
    assert_eq!(
        lines_with(&rt, &["spawn"]),
        ["10 spawn task=1", "10 spawn task=2", "10 spawn task=3"]
    );
}

#[test]
fn a_spawn_in_a_later_js_task_reads_the_clock_again() {
    let (clock, rt) = MovingClock::runtime();
    rt.set_tracing(true);
    rt.spawn(Busy {
        clock: clock.clone(),
        cost: 0.0,
        polls: Rc::new(Cell::new(0)),
    })
    .detach();
    // The turn at 0 leaves the task queued and asks for the next turn itself.
    clock.turn();
    rt.take_trace();
    // 500 ms later, in another browser task, before that turn arrives:
    clock.set(500.0);
    rt.spawn(async {}).detach();
    assert_eq!(lines_with(&rt, &["spawn"]), ["500 spawn task=2"]);
}

#[test]
fn dropping_the_runtime_drops_its_host_even_while_handles_live() {
    let (clock, rt) = MovingClock::runtime();
    let handle = rt.spawn(async {});
    clock.turn();
    let waker_holder = Gate::new();
    rt.spawn(waker_holder.wait()).detach();
    clock.turn();
    let waker = waker_holder.waker();
    drop(rt);
    assert!(
        clock.0.dropped.get(),
        "a handle or waker kept the host alive"
    );
    assert!(handle.is_finished());
    waker.wake();
}

#[test]
fn a_sleep_kept_outside_any_task_does_not_keep_the_runtime() {
    use runtime::{sleep_ms, Sleep};
    let (clock, rt) = MovingClock::runtime();
    let stash: Rc<RefCell<Option<Sleep>>> = Rc::default();
    let inside = stash.clone();
    // Polls a sleep once (registering its timer, with this task's waker), then
    // hands it out and finishes: the timer queue now holds a waker of a
    // finished task, and the sleep outlives the runtime.
    rt.spawn(std::future::poll_fn(move |cx| {
        let mut sleep = sleep_ms(1_000);
        let _ = Pin::new(&mut sleep).poll(cx);
        *inside.borrow_mut() = Some(sleep);
        Poll::Ready(())
    }))
    .detach();
    clock.turn();
    drop(rt);
    assert!(
        clock.0.dropped.get(),
        "the timer's waker kept the runtime alive"
    );
    drop(stash);
}

#[test]
fn the_host_hears_a_callback_ended_only_once_nothing_is_left_to_run() {
    // The browser host posts its new-task probe then: after the polls, not
    // on the way to a spawned task's first poll.
    let (clock, rt) = MovingClock::runtime();
    rt.spawn(async {
        yield_now().await;
        yield_now().await;
    })
    .detach();
    assert_eq!(
        *clock.0.calls.borrow(),
        ["turn"],
        "a spawn asks for a turn only"
    );
    assert_eq!(clock.run_browser_task(), 3);
    // Two turns that left the task queued, then one that finished it.
    assert_eq!(*clock.0.calls.borrow(), ["turn", "turn", "turn", "ended"]);
}
