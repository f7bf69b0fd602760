//! The Rust lane's trace in the trace format ([`crate::trace`]): the
//! runtime's events, numbered and timed, timer events named by the `label`
//! and `step` of the sleep that set the timer, log and block events by their
//! `step`.

use runtime::{Event, MachineState, Trace, WakeSource};

use crate::rust_lane::step_names::StepNames;
use crate::trace::{
    Combinator, Kind, PollResult, SliceLimit, TimerWaker, TraceEvent, Turn, WakeBy, WakeOutcome,
};

/// The records of `trace`, named by `names`. `logs_before` is how many of
/// the run's log and block events earlier calls reported (so the next one
/// has the next noted step).
pub fn records(trace: &Trace, names: &StepNames, logs_before: usize) -> Vec<TraceEvent> {
    let mut call_steps = names.calls.iter().skip(logs_before);
    let result = |ready: bool| {
        if ready {
            PollResult::Ready
        } else {
            PollResult::Pending
        }
    };
    let mut records = Vec::with_capacity(trace.records.len());
    for (seq, record) in trace.records.iter().enumerate() {
        let mut line = None;
        let kind = match record.event {
            Event::Spawn { task, size } => Kind::Spawn { task, size },
            Event::Batch { turn, tasks } => Kind::Batch {
                turn: match turn {
                    runtime::Turn::Microtask => Turn::Microtask,
                    runtime::Turn::Macrotask => Turn::Macrotask,
                },
                tasks,
            },
            Event::Yield { queued, limit } => Kind::Yield {
                queued,
                limit: match limit {
                    runtime::SliceLimit::Polls => SliceLimit::Polls,
                    runtime::SliceLimit::Time => SliceLimit::Time,
                },
            },
            Event::PollStart { task, addr } => Kind::PollStart {
                task,
                addr: addr as u64,
            },
            Event::PollEnd { task, ready } => Kind::PollEnd {
                task,
                result: result(ready),
            },
            Event::ChildPoll {
                task,
                combinator,
                child,
                ready,
            } => Kind::ChildPoll {
                task,
                combinator: match combinator {
                    runtime::Combinator::Join => Combinator::Join,
                    runtime::Combinator::Select => Combinator::Select,
                },
                child,
                result: result(ready),
            },
            Event::Wake { task, by, outcome } => wake(task, by, outcome, names),
            Event::TaskDrop { task } => Kind::TaskDrop { task },
            Event::LostWaker { task } => Kind::LostWaker { task },
            Event::TimerSet {
                timer: number,
                task,
                ms,
                deadline,
                waker,
            } => {
                let (label, step) = names.timer(number);
                Kind::TimerSet {
                    timer: number,
                    ms,
                    label,
                    step,
                    task: Some(task),
                    deadline: Some(deadline),
                    waker: Some(match waker {
                        runtime::TimerWaker::Task => TimerWaker::Task,
                        runtime::TimerWaker::Noop => TimerWaker::Noop,
                        runtime::TimerWaker::Other => TimerWaker::Other,
                    }),
                    callback: None,
                    clamped: None,
                }
            }
            Event::TimerElapsed {
                timer: number,
                task,
                ms,
                deadline,
            } => {
                let (label, step) = names.timer(number);
                Kind::TimerElapsed {
                    timer: number,
                    ms,
                    label,
                    step,
                    task: Some(task),
                    deadline,
                    late: record.t - deadline,
                }
            }
            Event::TimerFired {
                timer: number,
                late,
            } => {
                let (label, step) = names.timer(number);
                Kind::TimerFired {
                    timer: number,
                    label,
                    step,
                    late: Some(late),
                }
            }
            Event::TimerCancel { timer: number } => {
                let (label, step) = names.timer(number);
                Kind::TimerCancel {
                    timer: number,
                    label,
                    step,
                }
            }
            Event::ReactorArm { deadline, delay } => Kind::ReactorArm { deadline, delay },
            Event::ReactorClear => Kind::ReactorClear,
            Event::Log { text } => Kind::Log {
                text: trace.text(text).to_string(),
                step: call_steps.next().cloned(),
            },
            Event::Block { task, ms } => Kind::Block {
                ms,
                step: call_steps.next().cloned(),
                task: Some(task),
            },
            Event::State { task, state } => {
                let point = match state {
                    MachineState::Suspend { point, line: at } => {
                        line = Some(at);
                        Some(point)
                    }
                    MachineState::Suspended | MachineState::Returned => None,
                };
                Kind::State {
                    task,
                    variant: state.to_string(),
                    point,
                }
            }
            Event::Address { task, name, addr } => Kind::Address {
                task,
                name: name.to_string(),
                addr: addr as u64,
            },
        };
        records.push(TraceEvent {
            seq: seq as u32,
            t: record.t,
            kind,
            line,
        });
    }
    records
}

/// A wake in the trace format: who woke `task` (the timer named by its
/// sleep's label and step) and what the executor did with it. Both Rust
/// lanes' traces say it so: the spawn_local lane records the runtime's
/// words for it ([`super::spawn_local_events`]).
pub(crate) fn wake(
    task: u32,
    by: WakeSource,
    outcome: runtime::WakeOutcome,
    names: &StepNames,
) -> Kind {
    let (by, timer, by_task) = match by {
        WakeSource::Timer(t) => (WakeBy::Timer, Some(t), None),
        WakeSource::SelfWake => (WakeBy::SelfWake, None, None),
        WakeSource::Task(other) => (WakeBy::Task, None, Some(other)),
        WakeSource::External => (WakeBy::External, None, None),
    };
    let (label, step) = timer.map(|t| names.timer(t)).unwrap_or_default();
    Kind::Wake {
        task,
        by,
        timer,
        by_task,
        label,
        step,
        outcome: match outcome {
            runtime::WakeOutcome::Queued => WakeOutcome::Queued,
            runtime::WakeOutcome::AlreadyQueued => WakeOutcome::AlreadyQueued,
            runtime::WakeOutcome::Ignored => WakeOutcome::Ignored,
        },
    }
}
