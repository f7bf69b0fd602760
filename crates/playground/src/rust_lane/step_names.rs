//! Which step of the program each timer and log of the Rust lane's trace
//! came from: the runtime records numbers only (cheap enough to leave on);
//! the lane notes the steps as it runs, and [`super::trace_events`] joins
//! them to the events when the trace is handed to JS.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use runtime::JoinHandle;

use crate::program::step_path::StepPath;

/// Which step each timer and log line in the trace came from, noted as they
/// happen, so the trace can name the code line of each event.
#[derive(Clone, Debug, Default)]
pub struct StepNames {
    /// `(timer number, label, step path)` in registration order.
    pub timers: Vec<(u32, String, StepPath)>,
    /// The step path of each `log` and `block` event, in order.
    pub calls: Vec<StepPath>,
    /// The tasks the program spawned with a handle, until awaited.
    pub handles: Handles,
}

/// The `JoinHandle`s of the program's spawned tasks, by handle number: a
/// spawn puts its handle here, the await of that handle takes it.
#[derive(Clone, Default)]
pub struct Handles(Rc<RefCell<Vec<Kept>>>);

/// A handle's number and the handle.
type Kept = (u32, JoinHandle<()>);

impl Handles {
    /// A spawn's handle, kept for its await.
    pub fn keep(&self, number: u32, handle: JoinHandle<()>) {
        self.0.borrow_mut().push((number, handle));
    }

    /// The handle `number`, taken by its await.
    pub fn take(&self, number: u32) -> Option<JoinHandle<()>> {
        let mut handles = self.0.borrow_mut();
        let at = handles.iter().position(|(n, _)| *n == number)?;
        Some(handles.remove(at).1)
    }

    /// Aborts the task of handle `number` (validation: kept, never awaited),
    /// which drops it now. The handle stays, for another abort.
    pub fn abort(&self, number: u32) {
        // Out of the list while the task's future drops.
        if let Some(handle) = self.take(number) {
            handle.abort();
            self.keep(number, handle);
        }
    }
}

impl fmt::Debug for Handles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} handles kept", self.0.borrow().len())
    }
}

/// Shared between the lane and its machines.
pub type TimerLabels = Rc<RefCell<StepNames>>;
