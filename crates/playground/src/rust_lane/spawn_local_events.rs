//! The spawn_local lane's trace in the trace format ([`crate::trace`]): what
//! `spawn_local_lane::record` saw at the executor's edges, numbered and
//! timed from the run's start, timer events named by the `label` and `step`
//! of the sleep that set the timer, log and block events by their `step`,
//! as [`super::trace_events`] names our runtime's.

use spawn_local_lane::record::{Event, Record, WakeBy, WakeOutcome};

use crate::rust_lane::step_names::StepNames;
use crate::trace::{self, Kind, PollResult, TraceEvent};

/// `records`, timed from `start` and named by `names`.
pub fn events(records: &[Record], names: &StepNames, start: f64) -> Vec<TraceEvent> {
    let mut call_steps = names.calls.iter();
    let timer = |timer: u32| {
        let named = names.timers.iter().find(|(t, _, _)| *t == timer);
        (
            named.map(|(_, label, _)| label.clone()),
            named.map(|(_, _, step)| step.clone()),
        )
    };
    let mut out = Vec::with_capacity(records.len());
    for (seq, record) in records.iter().enumerate() {
        let kind = match &record.event {
            &Event::Spawn { task, size } => Kind::Spawn { task, size },
            &Event::PollStart { task, addr } => Kind::PollStart {
                task,
                addr: u64::from(addr),
            },
            &Event::PollEnd { task, ready } => Kind::PollEnd {
                task,
                result: if ready {
                    PollResult::Ready
                } else {
                    PollResult::Pending
                },
            },
            &Event::Wake { task, by, outcome } => {
                let (by, timer_number, by_task) = match by {
                    WakeBy::Timer(t) => (trace::WakeBy::Timer, Some(t), None),
                    WakeBy::ItSelf => (trace::WakeBy::SelfWake, None, None),
                    WakeBy::Task(t) => (trace::WakeBy::Task, None, Some(t)),
                    WakeBy::External => (trace::WakeBy::External, None, None),
                };
                let (label, step) = timer_number.map(timer).unwrap_or_default();
                Kind::Wake {
                    task,
                    by,
                    timer: timer_number,
                    by_task,
                    label,
                    step,
                    outcome: match outcome {
                        WakeOutcome::Queued => trace::WakeOutcome::Queued,
                        WakeOutcome::AlreadyQueued => trace::WakeOutcome::AlreadyQueued,
                    },
                }
            }
            Event::Log { text } => Kind::Log {
                text: text.clone(),
                step: call_steps.next().cloned(),
            },
            &Event::Block { ms } => Kind::Block {
                ms: f64::from(ms),
                step: call_steps.next().cloned(),
                task: None,
            },
            &Event::TimerSet {
                timer: t,
                ms,
                clamped,
            } => {
                let (label, step) = timer(t);
                Kind::TimerSet {
                    timer: t,
                    ms: f64::from(ms),
                    label,
                    step,
                    task: None,
                    deadline: None,
                    waker: None,
                    callback: None,
                    clamped: clamped.map(f64::from),
                }
            }
            &Event::TimerFired { timer: t, late } => {
                let (label, step) = timer(t);
                Kind::TimerFired {
                    timer: t,
                    label,
                    step,
                    late: Some(late),
                }
            }
            &Event::CallbackEnd { timer: t } => {
                let (label, step) = timer(t);
                Kind::CallbackEnd {
                    timer: t,
                    label,
                    step,
                }
            }
            &Event::TimerCancel { timer: t } => {
                let (label, step) = timer(t);
                Kind::TimerCancel {
                    timer: t,
                    label,
                    step,
                }
            }
            &Event::Address { task, name, addr } => Kind::Address {
                task,
                name: name.to_string(),
                addr: u64::from(addr),
            },
            Event::MicrotaskQueued => Kind::MicrotaskQueued,
            Event::MicrotaskStart => Kind::MicrotaskStart,
            Event::MicrotaskEnd => Kind::MicrotaskEnd,
        };
        out.push(TraceEvent {
            seq: seq as u32,
            t: record.t - start,
            kind,
            line: None,
        });
    }
    out
}
