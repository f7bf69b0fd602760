//! What the runtime did, as compact records.
//!
//! Recording must stay cheap enough to leave on: an event is a small `Copy` enum
//! pushed onto a `Vec`, with no string formatting. Names and text come later, when
//! a trace is shown or exported ([`Event::kind`], [`Event::fields`]).
//! The kinds are documented in `docs/trace-format.md`.

use crate::time_slice::SliceLimit;

/// Which host turn a batch of polls runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// Right after the current browser task (`queueMicrotask`): no painting in between.
    Microtask,
    /// A fresh browser task: timers fire and the page paints before it runs.
    Macrotask,
}

/// Who woke a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WakeSource {
    /// The reactor, because this timer expired.
    Timer(u32),
    /// The task itself, during its own poll (`yield_now` does this).
    SelfWake,
    /// Another task, during that task's poll.
    Task(u32),
    /// Code outside any poll or timer: a JS callback, a test, a drop.
    External,
}

/// What a wake did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WakeOutcome {
    /// The task was put on the ready queue.
    Queued,
    /// The task was already on the ready queue: this wake adds no poll.
    AlreadyQueued,
    /// The task has finished or was dropped: nothing to do.
    Ignored,
}

/// Whose waker the reactor keeps for a timer: the one the `Sleep` was
/// polled with, compared with the waker of the task being polled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerWaker {
    /// The polled task's own waker (`cx.waker()`, or a clone of it): the
    /// timer's firing wakes that task.
    Task,
    /// `Waker::noop()` (told by its null data pointer): a waker that wakes
    /// nobody (a hand-written future that did not pass `cx` on). The timer
    /// fires, and no task hears of it.
    Noop,
    /// Some other waker (a combinator's own, another task's): the trace
    /// cannot say whom it wakes.
    Other,
}

/// The hand-written combinators whose child polls are recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Combinator {
    /// [`crate::join()`]: waits for every child.
    Join,
    /// [`crate::select()`]: the first child to finish wins.
    Select,
}

/// Which variant of the state machine rustc makes of an `async fn` a future
/// is in after a poll, as a hand-written future reports it ([`crate::state`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MachineState {
    /// Suspended at one of its suspension points: rustc's `Suspend{point}`
    /// variant.
    Suspend {
        /// Which point, from 0 in the order of the code: an `.await`, `join!`
        /// or `select!` in the body.
        point: u32,
        /// The line of the code the point is written on, from 1.
        line: u32,
    },
    /// Suspended at a point the future cannot name (none of its points holds
    /// what it waits on).
    Suspended,
    /// The body has run to its end: rustc's `Returned` variant.
    Returned,
}

impl std::fmt::Display for MachineState {
    /// The variant's name, as rustc writes it: `Suspend1`, `Returned`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MachineState::Suspend { point, .. } => write!(f, "Suspend{point}"),
            MachineState::Suspended => f.write_str("Suspended"),
            MachineState::Returned => f.write_str("Returned"),
        }
    }
}

/// One thing the executor or reactor did. Task and timer numbers count from 1 in
/// the order tasks were spawned and timers registered.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(missing_docs)] // each field is documented with its kind in docs/trace-format.md
pub enum Event {
    /// A task was spawned and queued for its first poll; its future takes
    /// `size` bytes (it lives at the `addr` of its polls, and never moves).
    Spawn { task: u32, size: u32 },
    /// A host turn begins polling the `tasks` that were queued when it began.
    Batch { turn: Turn, tasks: u32 },
    /// The turn used up its slice (its poll budget or its time: `limit`);
    /// the queued rest waits for a macrotask.
    Yield { queued: u32, limit: SliceLimit },
    /// The executor calls `poll` on the task's future, which lives at `addr`.
    PollStart { task: u32, addr: usize },
    /// `poll` returned. On `ready` the task is finished: its future is dropped
    /// right after this event, so any timers it still held are cancelled next.
    PollEnd { task: u32, ready: bool },
    /// A combinator inside `task` polled its child number `child`.
    ChildPoll {
        task: u32,
        combinator: Combinator,
        child: u32,
        ready: bool,
    },
    /// A waker for `task` was woken.
    Wake {
        task: u32,
        by: WakeSource,
        outcome: WakeOutcome,
    },
    /// A task was dropped before it finished (aborted, or the runtime shut down).
    TaskDrop { task: u32 },
    /// `task` is waiting (its last poll returned `Pending`) and no waker of it
    /// is left: nothing can wake it, so it will never be polled again (a
    /// future returned `Pending` without keeping `cx.waker()`, or whoever
    /// kept it dropped it unused). tokio-console warns of the same.
    LostWaker { task: u32 },
    /// A `Sleep` polled by `task` registered its timer with the reactor,
    /// which keeps `waker` to wake when it fires.
    TimerSet {
        timer: u32,
        task: u32,
        ms: f64,
        deadline: f64,
        waker: TimerWaker,
    },
    /// A `Sleep` made before its first poll (its deadline fixed then) found
    /// at that poll (the event's time) its deadline already passed: it was
    /// Ready at once, as tokio's is, and registered no timer (`timer`
    /// numbers it among the timers all the same). No `late` field: it is the
    /// event's time less `deadline` (and the event stays as small as the
    /// others, 40 bytes a record).
    TimerElapsed {
        timer: u32,
        task: u32,
        ms: f64,
        deadline: f64,
    },
    /// The reactor expired the timer, `late` ms after its deadline.
    TimerFired { timer: u32, late: f64 },
    /// A pending timer was removed because its `Sleep` was dropped.
    TimerCancel { timer: u32 },
    /// The one browser timeout was (re)armed to call back after `delay` ms, for
    /// the earliest `deadline`.
    ReactorArm { deadline: f64, delay: f64 },
    /// The timer queue is empty: the browser timeout was cleared.
    ReactorClear,
    /// The program logged a line; the text is [`Trace::text`]`(text)`.
    Log { text: u32 },
    /// `task`'s poll kept the thread busy for `ms` ([`crate::block_ms`]):
    /// nothing else ran meanwhile. Events after it in the same poll carry
    /// the time it ended.
    Block { task: u32, ms: f64 },
    /// A hand-written future in `task` reported its state machine's variant
    /// after a poll (and, when suspended at a known point, that point's line).
    State { task: u32, state: MachineState },
    /// A future in `task` reported an address: where a local lives (`&s`), or
    /// where a reference inside it points. Only addresses; nothing is read.
    Address {
        task: u32,
        name: &'static str,
        addr: usize,
    },
}

/// A field value of an event, for display and export.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A task or timer number, a count or an address.
    Int(u64),
    /// A time or duration in milliseconds.
    Ms(f64),
    /// A fixed name (a wake source, a turn kind...).
    Name(&'static str),
    /// A state machine's variant, written by name (`Suspend1`).
    Variant(MachineState),
}

impl Event {
    /// The event's kind, as written in traces: `poll_start`, `timer_fired`...
    pub fn kind(&self) -> &'static str {
        match self {
            Event::Spawn { .. } => "spawn",
            Event::Batch { .. } => "batch",
            Event::Yield { .. } => "yield",
            Event::PollStart { .. } => "poll_start",
            Event::PollEnd { .. } => "poll_end",
            Event::ChildPoll { .. } => "child_poll",
            Event::Wake { .. } => "wake",
            Event::TaskDrop { .. } => "task_drop",
            Event::LostWaker { .. } => "lost_waker",
            Event::TimerSet { .. } => "timer_set",
            Event::TimerElapsed { .. } => "timer_elapsed",
            Event::TimerFired { .. } => "timer_fired",
            Event::TimerCancel { .. } => "timer_cancel",
            Event::ReactorArm { .. } => "reactor_arm",
            Event::ReactorClear => "reactor_clear",
            Event::Log { .. } => "log",
            Event::Block { .. } => "block",
            Event::State { .. } => "state",
            Event::Address { .. } => "address",
        }
    }

    /// The text index of a `Log` event.
    pub fn text(&self) -> Option<u32> {
        match *self {
            Event::Log { text } => Some(text),
            _ => None,
        }
    }

    /// Calls `field` with each field's name and value, in documented order.
    /// `Log`'s text is reported by index; look it up with [`Trace::text`].
    pub fn fields(&self, mut field: impl FnMut(&'static str, Value)) {
        use Value::{Int, Ms, Name};
        let int = |n: u32| Int(u64::from(n));
        match *self {
            Event::Spawn { task, size } => {
                field("task", int(task));
                field("size", int(size));
            }
            Event::TaskDrop { task } | Event::LostWaker { task } => field("task", int(task)),
            Event::Batch { turn, tasks } => {
                field("turn", Name(turn_name(turn)));
                field("tasks", int(tasks));
            }
            Event::Yield { queued, limit } => {
                field("queued", int(queued));
                field(
                    "limit",
                    Name(match limit {
                        SliceLimit::Polls => "polls",
                        SliceLimit::Time => "time",
                    }),
                );
            }
            Event::PollStart { task, addr } => {
                field("task", int(task));
                field("addr", Int(addr as u64));
            }
            Event::PollEnd { task, ready } => {
                field("task", int(task));
                field("result", Name(if ready { "ready" } else { "pending" }));
            }
            Event::ChildPoll {
                task,
                combinator,
                child,
                ready,
            } => {
                field("task", int(task));
                field("combinator", Name(combinator_name(combinator)));
                field("child", int(child));
                field("result", Name(if ready { "ready" } else { "pending" }));
            }
            Event::Wake { task, by, outcome } => {
                field("task", int(task));
                let (name, other) = match by {
                    WakeSource::Timer(timer) => ("timer", Some(("timer", timer))),
                    WakeSource::SelfWake => ("self", None),
                    WakeSource::Task(other) => ("task", Some(("by_task", other))),
                    WakeSource::External => ("external", None),
                };
                field("by", Name(name));
                if let Some((key, n)) = other {
                    field(key, int(n));
                }
                field("outcome", Name(outcome_name(outcome)));
            }
            Event::TimerSet {
                timer,
                task,
                ms,
                deadline,
                waker,
            } => {
                field("timer", int(timer));
                field("task", int(task));
                field("ms", Ms(ms));
                field("deadline", Ms(deadline));
                field("waker", Name(timer_waker_name(waker)));
            }
            Event::TimerElapsed {
                timer,
                task,
                ms,
                deadline,
            } => {
                field("timer", int(timer));
                field("task", int(task));
                field("ms", Ms(ms));
                field("deadline", Ms(deadline));
            }
            Event::TimerFired { timer, late } => {
                field("timer", int(timer));
                field("late", Ms(late));
            }
            Event::TimerCancel { timer } => field("timer", int(timer)),
            Event::ReactorArm { deadline, delay } => {
                field("deadline", Ms(deadline));
                field("delay", Ms(delay));
            }
            Event::ReactorClear => {}
            Event::Log { text } => field("text", int(text)),
            Event::Block { task, ms } => {
                field("task", int(task));
                field("ms", Ms(ms));
            }
            Event::State { task, state } => {
                field("task", int(task));
                field("variant", Value::Variant(state));
                if let MachineState::Suspend { point, line } = state {
                    field("point", int(point));
                    field("line", int(line));
                }
            }
            Event::Address { task, name, addr } => {
                field("task", int(task));
                field("name", Name(name));
                field("addr", Int(addr as u64));
            }
        }
    }
}

fn timer_waker_name(waker: TimerWaker) -> &'static str {
    match waker {
        TimerWaker::Task => "task",
        TimerWaker::Noop => "noop",
        TimerWaker::Other => "other",
    }
}

fn turn_name(turn: Turn) -> &'static str {
    match turn {
        Turn::Microtask => "microtask",
        Turn::Macrotask => "macrotask",
    }
}

fn combinator_name(combinator: Combinator) -> &'static str {
    match combinator {
        Combinator::Join => "join",
        Combinator::Select => "select",
    }
}

fn outcome_name(outcome: WakeOutcome) -> &'static str {
    match outcome {
        WakeOutcome::Queued => "queued",
        WakeOutcome::AlreadyQueued => "already_queued",
        WakeOutcome::Ignored => "ignored",
    }
}

/// An event and its time. Its place in the trace (`seq` in the trace
/// format) is its index in [`Trace::records`], not stored twice: a smaller
/// record, so a long trace holds less memory, at no cost in speed (see
/// docs/benchmarks.md, "Trace records do not store their place").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    /// Milliseconds on the host's clock at the start of the host callback (timer or
    /// turn) the event happened in; events of one callback share it.
    pub t: f64,
    /// What happened.
    pub event: Event,
}

/// A recorded trace: the records, and the texts that `Log` events refer to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The events, in order.
    pub records: Vec<Record>,
    pub(crate) texts: Vec<Box<str>>,
}

impl Trace {
    /// The text of a `Log` event.
    pub fn text(&self, text: u32) -> &str {
        self.texts.get(text as usize).map_or("", |s| s)
    }

    /// One line per event, `t kind field=value...` without addresses and
    /// sizes (they vary between builds): handy in tests and logs.
    pub fn lines(&self) -> Vec<String> {
        self.records.iter().map(|r| self.line(r)).collect()
    }

    /// Checks the runtime's rules on the whole trace: time never goes back;
    /// polls never nest; no poll without a wake (or spawn) owed to it, none
    /// after Ready or a drop; a wake queues a task at most once before its
    /// poll; timers are set inside polls (an elapsed one, only after its
    /// deadline), fire at or after their deadline with
    /// the right lateness, and end (fire or cancel) at most once, all of them;
    /// the reactor's delays stay within what a browser accepts. Property tests
    /// and the schedule fuzzer run it on every schedule they make.
    pub fn check(&self) -> Result<(), String> {
        use std::collections::{HashMap, HashSet};
        let mut polling: Option<u32> = None;
        let mut done = HashSet::new();
        let mut owed = HashSet::new(); // tasks a poll is owed to
        let mut deadlines: HashMap<u32, f64> = HashMap::new();
        let mut ended = HashSet::new();
        let mut last_t = f64::NEG_INFINITY;
        let fail = |why: &str, r: &Record| Err(format!("{why}: {r:?}"));
        for r in &self.records {
            if r.t < last_t {
                return fail("time went back", r);
            }
            last_t = r.t;
            match r.event {
                Event::Spawn { task, .. } => {
                    owed.insert(task);
                }
                Event::PollStart { task, .. } => {
                    if polling.is_some() {
                        return fail("a poll inside a poll", r);
                    }
                    if done.contains(&task) {
                        return fail("a poll after Ready or a drop", r);
                    }
                    if !owed.remove(&task) {
                        return fail("a poll nobody woke", r);
                    }
                    polling = Some(task);
                }
                Event::PollEnd { task, ready } => {
                    if polling.take() != Some(task) {
                        return fail("a poll_end without its poll_start", r);
                    }
                    if ready {
                        done.insert(task);
                        owed.remove(&task);
                    }
                }
                Event::Wake { task, outcome, .. } => {
                    let is_owed = owed.contains(&task);
                    match outcome {
                        WakeOutcome::Queued if is_owed => return fail("queued twice", r),
                        WakeOutcome::Queued => {
                            owed.insert(task);
                        }
                        WakeOutcome::AlreadyQueued if !is_owed => {
                            return fail("already_queued, but not queued", r)
                        }
                        WakeOutcome::Ignored if !done.contains(&task) => {
                            return fail("ignored a live task", r)
                        }
                        _ => {}
                    }
                }
                Event::LostWaker { task }
                    if owed.contains(&task) || done.contains(&task) || polling == Some(task) =>
                {
                    return fail("a lost waker of a task queued, polled or done", r);
                }
                Event::TaskDrop { task } => {
                    if !done.insert(task) {
                        return fail("dropped a finished task", r);
                    }
                    owed.remove(&task);
                }
                Event::TimerSet {
                    timer, deadline, ..
                } => {
                    if polling.is_none() {
                        return fail("a timer set outside a poll", r);
                    }
                    deadlines.insert(timer, deadline);
                }
                Event::TimerElapsed { deadline, .. } => {
                    if polling.is_none() {
                        return fail("a timer set outside a poll", r);
                    }
                    if r.t <= deadline {
                        return fail("elapsed before its deadline", r);
                    }
                }
                Event::TimerFired { timer, late } => {
                    let Some(&deadline) = deadlines.get(&timer) else {
                        return fail("an unknown timer fired", r);
                    };
                    if !ended.insert(timer) {
                        return fail("a timer ended twice", r);
                    }
                    if r.t < deadline || late != r.t - deadline {
                        return fail("fired early, or lateness wrong", r);
                    }
                }
                Event::TimerCancel { timer } if !ended.insert(timer) => {
                    return fail("a timer ended twice", r);
                }
                Event::ReactorArm { delay, .. }
                    if !(0.0..=crate::MAX_TIMEOUT_MS).contains(&delay) =>
                {
                    return fail("a delay no browser takes", r);
                }
                _ => {}
            }
        }
        if polling.is_some() {
            return Err("the trace ends inside a poll".into());
        }
        if ended.len() != deadlines.len() {
            return Err(format!(
                "{} timers never fired nor were cancelled",
                deadlines.len() - ended.len()
            ));
        }
        Ok(())
    }

    fn line(&self, record: &Record) -> String {
        use std::fmt::Write;
        let mut line = format!("{} {}", record.t, record.event.kind());
        let log_text = record.event.text().map(|text| self.text(text));
        record.event.fields(|name, value| {
            let _ = match (value, log_text) {
                (Value::Int(_), Some(text)) if name == "text" => write!(line, " text={text:?}"),
                // Addresses and sizes differ between builds and runs; tests
                // compare the rest.
                (Value::Int(_), _) if name == "addr" || name == "size" => Ok(()),
                (Value::Int(n), _) => write!(line, " {name}={n}"),
                (Value::Ms(ms), _) => write!(line, " {name}={ms}"),
                (Value::Name(s), _) => write!(line, " {name}={s}"),
                (Value::Variant(v), _) => write!(line, " {name}={v}"),
            };
        });
        line
    }
}
