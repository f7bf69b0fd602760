//! Which step of the program each timer and log of the Rust lane's trace
//! came from: the runtime records numbers only (cheap enough to leave on);
//! the lane notes the steps as it runs, and [`super::trace_events`] joins
//! them to the events when the trace is handed to JS.

use std::cell::RefCell;
use std::rc::Rc;

use crate::program::step_path::StepPath;

/// Which step each timer and log line in the trace came from, noted as they
/// happen, so the trace can name the code line of each event.
#[derive(Clone, Debug, Default)]
pub struct StepNames {
    /// `(timer number, label, step path)` in registration order.
    pub timers: Vec<(u32, String, StepPath)>,
    /// The step path of each `log` and `block` event, in order.
    pub calls: Vec<StepPath>,
}

impl StepNames {
    /// The label and the step of timer number `timer`, if it was named.
    pub fn timer(&self, timer: u32) -> (Option<String>, Option<StepPath>) {
        let named = self.timers.iter().find(|(t, _, _)| *t == timer);
        (
            named.map(|(_, label, _)| label.clone()),
            named.map(|(_, _, step)| step.clone()),
        )
    }
}

/// Shared between the lane and its machines.
pub type TimerLabels = Rc<RefCell<StepNames>>;
