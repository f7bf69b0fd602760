//! The spawn_local lane's trace in the trace format ([`crate::trace`]): what
//! `spawn_local_lane::record` saw at the executor's edges, numbered and
//! timed from the run's start, timer events named by the `label` and `step`
//! of the sleep that set the timer, log and block events by their `step`,
//! as [`super::trace_events`] names our runtime's.

use spawn_local_lane::record::{Event, Record};

use crate::rust_lane::step_names::StepNames;
use crate::rust_lane::trace_events::wake;
use crate::trace::{Kind, PollResult, TraceEvent};

/// `records`, timed from `start` and named by `names`.
pub fn events(records: &[Record], names: &StepNames, start: f64) -> Vec<TraceEvent> {
    let mut call_steps = names.calls.iter();
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
            &Event::Wake { task, by, outcome } => wake(task, by, outcome, names),
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
                let (label, step) = names.timer(t);
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
                let (label, step) = names.timer(t);
                Kind::TimerFired {
                    timer: t,
                    label,
                    step,
                    late: Some(late),
                }
            }
            &Event::CallbackEnd { timer: t } => {
                let (label, step) = names.timer(t);
                Kind::CallbackEnd {
                    timer: t,
                    label,
                    step,
                }
            }
            &Event::TimerCancel { timer: t } => {
                let (label, step) = names.timer(t);
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
