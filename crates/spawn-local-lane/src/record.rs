//! What the lane records, in the order it happened: spawns, each poll's
//! start and end, wakes, logs and blocks, seen from inside the program; and,
//! told by the host that gives the lane its globals, each browser timer set,
//! fired and cleared and each microtask the executor queued and ran. Each is
//! timed with `performance.now()` as the lane's global sees it (the host
//! decides what clock that is).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use wasm_bindgen::prelude::*;

/// One thing the executor's edges saw.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A task was handed to `spawn_local`.
    Spawn {
        /// The new task.
        task: u32,
        /// The bytes its future takes (the program's, before the lane's
        /// wrapper).
        size: u32,
    },
    /// The executor began polling a task.
    PollStart {
        /// The task polled.
        task: u32,
        /// Where the task's own future lives in wasm memory (boxed: it never
        /// moves between polls).
        addr: u32,
    },
    /// The poll returned.
    PollEnd {
        /// The task polled.
        task: u32,
        /// It returned `Ready`: the task is done.
        ready: bool,
    },
    /// A waker of the task was called.
    Wake {
        /// The task woken.
        task: u32,
        /// What was running when it was called.
        by: WakeSource,
        /// What the executor does with it.
        outcome: WakeOutcome,
    },
    /// The program logged a line.
    Log {
        /// The line.
        text: String,
    },
    /// The program kept the thread busy (`block_ms`).
    Block {
        /// For how long.
        ms: u32,
    },
    /// Where a local of the polled task's future lives, or where a
    /// reference in it points (`address`, as the runtime's).
    Address {
        /// The task being polled.
        task: u32,
        /// The local's name.
        name: &'static str,
        /// The address.
        addr: u32,
    },
    /// gloo called the host's `setTimeout` (told by the host).
    TimerSet {
        /// The lane's number for it: 1, 2, … in the order set.
        timer: u32,
        /// The delay gloo asked for.
        ms: u32,
        /// The delay the browser gives it, where not `ms`: a short timer set
        /// from inside timer callbacks nested more than five deep waits 4 ms.
        clamped: Option<u32>,
    },
    /// The host runs the timer's callback (told by the host).
    TimerFired {
        /// Which.
        timer: u32,
        /// How many ms after its due time: the thread was busy (a block,
        /// or microtasks that kept coming), or the tab was hidden.
        late: f64,
    },
    /// The timer's callback returned.
    CallbackEnd {
        /// Which.
        timer: u32,
    },
    /// gloo cleared a timer that had not fired (its sleep was dropped).
    TimerCancel {
        /// Which.
        timer: u32,
    },
    /// The executor queued a microtask to run its ready tasks.
    MicrotaskQueued,
    /// That microtask started.
    MicrotaskStart,
    /// That microtask returned.
    MicrotaskEnd,
}

/// Who woke a task, and what the executor did with the wake: the runtime's
/// own words for them ([`runtime::WakeSource`], [`runtime::WakeOutcome`]).
/// `spawn_local`'s executor keeps one flag per task, set when the task is
/// queued and cleared when its poll starts (js-sys 0.3's
/// `futures::task::singlethread`), so the outcome follows from the events
/// before it; a wake is never `Ignored` here: the lane cannot see a task
/// that is gone.
pub use runtime::{WakeOutcome, WakeSource};

/// An [`Event`] and when it happened (ms, the global `performance.now()`).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// When.
    pub t: f64,
    /// What.
    pub event: Event,
}

#[wasm_bindgen]
extern "C" {
    // Looked up on the lane's global at each call, as gloo's `setTimeout` is.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;

    // The host's busy wait, if it gives one (a virtual clock cannot be
    // waited on by reading it: it moves only when told).
    #[wasm_bindgen(catch, js_name = spawnLocalLaneBlock)]
    fn host_block(ms: u32) -> Result<(), JsValue>;
}

/// What the lane knows between events.
#[derive(Default)]
struct Lane {
    records: Vec<Record>,
    /// The last task number given.
    tasks: u32,
    /// Tasks queued and not yet polled (the executor's flag).
    queued: Vec<u32>,
    /// The task being polled.
    polling: Option<u32>,
    /// The timer whose callback runs.
    firing: Option<u32>,
    /// The host's timer ids of the timers set and not yet fired or
    /// cleared, with the lane's numbers.
    live_timers: BTreeMap<u32, u32>,
    /// The last timer number given.
    timers: u32,
}

thread_local! {
    static LANE: RefCell<Lane> = RefCell::default();
}

/// The global clock, now (ms).
pub fn now() -> f64 {
    performance_now()
}

/// Records `event`, now.
fn push(lane: &mut Lane, event: Event) {
    let t = now();
    lane.records.push(Record { t, event });
}

/// Records `event`, now.
pub(crate) fn record(event: Event) {
    LANE.with(|lane| push(&mut lane.borrow_mut(), event));
}

/// The records since the last call (or [`reset`]).
pub fn take() -> Vec<Record> {
    LANE.with(|lane| std::mem::take(&mut lane.borrow_mut().records))
}

/// Records where `name` lives (or points) in the task being polled; nothing
/// outside a poll.
pub(crate) fn address(name: &'static str, addr: usize) {
    LANE.with(|lane| {
        let lane = &mut *lane.borrow_mut();
        if let Some(task) = lane.polling {
            // A wasm32 address is a u32.
            let addr = addr as u32;
            push(lane, Event::Address { task, name, addr });
        }
    });
}

/// Forgets the records, and numbers the next task and timer 1: a new run.
pub fn reset() {
    LANE.with(|lane| *lane.borrow_mut() = Lane::default());
}

/// Keeps the thread busy for `ms`: the host's wait if it has one, else a
/// loop on the global clock.
pub(crate) fn busy(ms: u32) {
    if host_block(ms).is_err() {
        let until = now() + f64::from(ms);
        while now() < until {}
    }
}

/// A new task, queued by `spawn_local`: its number, 1, 2, … since the last
/// [`reset`], recorded with its future's size.
pub(crate) fn spawned(size: usize) -> u32 {
    LANE.with(|lane| {
        let lane = &mut *lane.borrow_mut();
        lane.tasks += 1;
        let task = lane.tasks;
        lane.queued.push(task);
        let size = u32::try_from(size).unwrap_or(u32::MAX);
        push(lane, Event::Spawn { task, size });
        task
    })
}

/// The host's side: what gloo and the executor asked of the lane's globals.
pub mod host {
    use super::{push, Event, LANE};

    /// `setTimeout(…, ms)` returned `id`: a timer set, which waits `delay`.
    pub fn timer_set(id: u32, ms: u32, delay: u32) {
        LANE.with(|lane| {
            let lane = &mut *lane.borrow_mut();
            lane.timers += 1;
            let timer = lane.timers;
            lane.live_timers.insert(id, timer);
            let clamped = Some(delay).filter(|&d| d != ms);
            push(lane, Event::TimerSet { timer, ms, clamped });
        });
    }

    /// Timer `id`'s callback is about to run, `late` ms after its due time.
    pub fn timer_fired(id: u32, late: f64) {
        LANE.with(|lane| {
            let lane = &mut *lane.borrow_mut();
            if let Some(timer) = lane.live_timers.remove(&id) {
                lane.firing = Some(timer);
                push(lane, Event::TimerFired { timer, late });
            }
        });
    }

    /// The running timer callback returned.
    pub fn callback_end() {
        LANE.with(|lane| {
            let lane = &mut *lane.borrow_mut();
            if let Some(timer) = lane.firing.take() {
                push(lane, Event::CallbackEnd { timer });
            }
        });
    }

    /// `clearTimeout(id)`: a cancel if the timer had not fired. gloo also
    /// clears timers that fired (the finished sleep is dropped): those
    /// change nothing and are not recorded.
    pub fn timer_cleared(id: u32) {
        LANE.with(|lane| {
            let lane = &mut *lane.borrow_mut();
            if let Some(timer) = lane.live_timers.remove(&id) {
                push(lane, Event::TimerCancel { timer });
            }
        });
    }

    /// `queueMicrotask(…)`.
    pub fn microtask_queued() {
        LANE.with(|lane| push(&mut lane.borrow_mut(), Event::MicrotaskQueued));
    }

    /// A queued microtask starts.
    pub fn microtask_start() {
        LANE.with(|lane| push(&mut lane.borrow_mut(), Event::MicrotaskStart));
    }

    /// It returned.
    pub fn microtask_end() {
        LANE.with(|lane| push(&mut lane.borrow_mut(), Event::MicrotaskEnd));
    }
}

/// The lane's number of the last timer set, if any (a sleep is made, and
/// gloo sets its timer, in one call: the sleep's timer is the last one).
pub fn last_timer() -> Option<u32> {
    LANE.with(|lane| Some(lane.borrow().timers).filter(|&n| n > 0))
}

/// A task's future, recording each poll, and polling its future with a
/// waker that records each wake before it wakes the executor's.
pub(crate) struct Traced<F> {
    task: u32,
    /// Where the task's own future is: it is boxed (`future` holds the box),
    /// so it never moves.
    addr: u32,
    future: F,
}

impl<F: Future + Unpin> Traced<F> {
    /// `future` holds the task's future in a box at `addr`.
    pub(crate) fn new(task: u32, addr: u32, future: F) -> Self {
        Traced { task, addr, future }
    }
}

impl<F: Future + Unpin> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let (task, addr) = (self.task, self.addr);
        let outer = LANE.with(|lane| {
            let lane = &mut *lane.borrow_mut();
            lane.queued.retain(|&t| t != task);
            push(lane, Event::PollStart { task, addr });
            lane.polling.replace(task)
        });
        let waker = Waker::from(Arc::new(RecordingWaker {
            task,
            inner: cx.waker().clone(),
        }));
        let poll = Pin::new(&mut self.future).poll(&mut Context::from_waker(&waker));
        LANE.with(|lane| {
            let lane = &mut *lane.borrow_mut();
            let ready = poll.is_ready();
            push(lane, Event::PollEnd { task, ready });
            lane.polling = outer;
        });
        poll
    }
}

/// The executor's waker for a task, recording each wake first.
struct RecordingWaker {
    task: u32,
    inner: Waker,
}

impl Wake for RecordingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let task = self.task;
        LANE.with(|lane| {
            let lane = &mut *lane.borrow_mut();
            let by = match (lane.polling, lane.firing) {
                (Some(t), _) if t == task => WakeSource::SelfWake,
                (Some(t), _) => WakeSource::Task(t),
                (None, Some(timer)) => WakeSource::Timer(timer),
                (None, None) => WakeSource::External,
            };
            let outcome = if lane.queued.contains(&task) {
                WakeOutcome::AlreadyQueued
            } else {
                lane.queued.push(task);
                WakeOutcome::Queued
            };
            push(lane, Event::Wake { task, by, outcome });
        });
        // Woken with nothing borrowed: the executor may queue a microtask,
        // which the host records.
        self.inner.wake_by_ref();
    }
}
