//! A trace as the page's trace format says (docs/trace-format.md): each record
//! `{seq, t, kind, ...fields}`, timer events with the `label` and `step` of
//! the sleep that set the timer, log and block events with their `step`.
//!
//! The fields of each kind are named once, by the runtime's
//! [`runtime::Event::fields`] (which also writes [`runtime::Trace::lines`]);
//! this walks them into serde, which hands them to JS as plain objects.

use runtime::{Event, Record, Trace, Value};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::program::step_path::StepPath;
use crate::rust_lane::step_names::StepNames;

/// The records of `trace`, named by `names`. `logs_before` is how many of
/// the run's logs earlier calls reported (so the next log has the next
/// log step).
pub struct TraceEvents<'a> {
    /// What was recorded.
    pub trace: &'a Trace,
    /// Which step each timer and log came from.
    pub names: &'a StepNames,
    /// Log and block events of this run already reported.
    pub logs_before: usize,
}

impl Serialize for TraceEvents<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut log_steps = self.names.calls.iter().skip(self.logs_before);
        let mut events = serializer.serialize_seq(Some(self.trace.records.len()))?;
        for (seq, record) in self.trace.records.iter().enumerate() {
            let log_step = match record.event {
                Event::Log { .. } | Event::Block { .. } => log_steps.next(),
                _ => None,
            };
            events.serialize_element(&EventOut {
                seq,
                record,
                trace: self.trace,
                names: self.names,
                log_step,
            })?;
        }
        events.end()
    }
}

struct EventOut<'a> {
    /// The record's index in the trace.
    seq: usize,
    record: &'a Record,
    trace: &'a Trace,
    names: &'a StepNames,
    log_step: Option<&'a StepPath>,
}

impl Serialize for EventOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Record { t, event } = self.record;
        let mut out = serializer.serialize_map(None)?;
        out.serialize_entry("seq", &self.seq)?;
        out.serialize_entry("t", t)?;
        out.serialize_entry("kind", event.kind())?;
        // `fields` takes a closure that cannot fail: keep the first error.
        let mut result = Ok(());
        event.fields(|name, value| {
            if result.is_ok() {
                result = self.field(&mut out, name, value);
            }
        });
        result?;
        if let Some(step) = self.log_step {
            out.serialize_entry("step", step)?;
        }
        out.end()
    }
}

impl EventOut<'_> {
    fn field<M: SerializeMap>(
        &self,
        out: &mut M,
        name: &str,
        value: Value,
    ) -> Result<(), M::Error> {
        match (name, value) {
            // Log texts are recorded by index.
            ("text", Value::Int(index)) => {
                out.serialize_entry(name, self.trace.text(index as u32))?
            }
            (_, Value::Int(n)) => out.serialize_entry(name, &n)?,
            (_, Value::Ms(ms)) => out.serialize_entry(name, &ms)?,
            (_, Value::Name(text)) => out.serialize_entry(name, text)?,
            (_, Value::Variant(state)) => out.serialize_entry(name, &state.to_string())?,
        }
        if let ("timer", Value::Int(timer)) = (name, value) {
            let named = self
                .names
                .timers
                .iter()
                .find(|(t, _, _)| u64::from(*t) == timer);
            if let Some((_, label, step)) = named {
                out.serialize_entry("label", label)?;
                out.serialize_entry("step", step)?;
            }
        }
        Ok(())
    }
}
