//! The Rust lane's `state` events. rustc compiles `async fn run()` into a
//! state machine, an enum with one `Suspend` variant per point where its body
//! can suspend (each `.await`, `join!`, `select!` in it; `log(…)` is none),
//! plus `Unresumed` and `Returned`. After every poll of the lane's root
//! future, the lane records which variant it is in ([`MachineState`]:
//! `Suspend1` at line 5, or `Returned`). The points come from the panel's code
//! ([`crate::render::Code::suspension_points`]); which one the future waits
//! at, from the future itself (the composed steps know their current step, a
//! compiled preset which sleep it waits on, and a special preset's `async fn`
//! with one point can only be at that one).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use pin_project_lite::pin_project;
use runtime::MachineState;

use crate::program::step_path::StepPath;

pin_project! {
    /// `future`, recording its state after each poll. The future is kept
    /// inline, not boxed, so its locals live inside the task's future (the
    /// self-ref preset shows where).
    pub struct StateReported<F> {
        #[pin]
        future: F,
        points: Vec<(StepPath, usize)>,
        at: fn(&F) -> Option<StepPath>,
    }
}

/// Reports `future`'s state after each poll. `points` are the panel's
/// suspension points `(step path, line)`, in order; `at` tells the step the
/// future is suspended at (or None if it cannot tell: then it must be the
/// only point).
pub fn report_states<F: Future<Output = ()>>(
    future: F,
    points: Vec<(StepPath, usize)>,
    at: fn(&F) -> Option<StepPath>,
) -> StateReported<F> {
    StateReported { future, points, at }
}

/// The variant a future suspended at `step` is in: the point that is `step`
/// or holds it (a `join!` holds the sleeps it joins), the innermost if
/// several do.
fn suspended(points: &[(StepPath, usize)], step: Option<StepPath>) -> MachineState {
    let point = match step {
        Some(step) => (0..points.len())
            .filter(|&k| points[k].0.holds(&step))
            .max_by_key(|&k| points[k].0.indices().len()),
        None if points.len() == 1 => Some(0),
        None => None,
    };
    match point {
        Some(k) => MachineState::Suspend {
            point: k as u32,
            line: points[k].1 as u32,
        },
        None => MachineState::Suspended,
    }
}

impl<F: Future<Output = ()>> Future for StateReported<F> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut this = self.project();
        let poll = this.future.as_mut().poll(cx);
        let state = match poll {
            Poll::Pending => suspended(this.points, (this.at)(&this.future)),
            Poll::Ready(()) => MachineState::Returned,
        };
        runtime::state(state);
        poll
    }
}
