//! `select`: the first to finish wins and the others are dropped, polling each
//! child by hand so every child poll is recorded (`child_poll` events).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::context;
use crate::trace::Combinator;

/// Polls `futures` in order until one is ready; completes with its index and
/// output, and drops the others at once (a dropped `Sleep` cancels its timer).
///
/// Children are polled in order, so ties go to the earlier one (like a `biased`
/// `select!`): runs are deterministic.
///
/// # Panics
/// If `futures` is empty: such a select could never complete.
pub fn select<F: Future>(futures: impl IntoIterator<Item = F>) -> Select<F> {
    let children: Vec<_> = futures.into_iter().map(Box::pin).collect();
    assert!(!children.is_empty(), "select needs at least one future");
    Select { children }
}

/// The future of [`select()`].
#[must_use = "futures do nothing unless polled"]
pub struct Select<F: Future> {
    // Boxed so each child is pinned on its own; emptied once one wins.
    children: Vec<Pin<Box<F>>>,
}

impl<F: Future> Future for Select<F> {
    type Output = (usize, F::Output);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let runtime = context::current();
        for index in 0..self.children.len() {
            let poll = self.children[index].as_mut().poll(cx);
            if let Some(runtime) = &runtime {
                runtime.record_child_poll(Combinator::Select, index, poll.is_ready());
            }
            if let Poll::Ready(output) = poll {
                // The losers are dropped now, not when the Select is.
                self.children.clear();
                return Poll::Ready((index, output));
            }
        }
        Poll::Pending
    }
}
