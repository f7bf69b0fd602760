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
    Select {
        children,
        random: false,
    }
}

/// [`select()`], but each poll starts at a child drawn at random and goes on
/// in order from there, wrapping around, as tokio's `select!` without
/// `biased;` does: a tie goes to whichever is polled first. The draw comes
/// from the runtime's seeded generator ([`Runtime::set_seed`]), so a run
/// still repeats exactly.
///
/// [`Runtime::set_seed`]: crate::Runtime::set_seed
///
/// # Panics
/// If `futures` is empty.
pub fn select_random<F: Future>(futures: impl IntoIterator<Item = F>) -> Select<F> {
    Select {
        random: true,
        ..select(futures)
    }
}

/// The future of [`select()`].
#[must_use = "futures do nothing unless polled"]
pub struct Select<F: Future> {
    // Boxed so each child is pinned on its own; emptied once one wins.
    children: Vec<Pin<Box<F>>>,
    // Whether each poll starts at a child drawn at random.
    random: bool,
}

impl<F: Future> Future for Select<F> {
    type Output = (usize, F::Output);

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let runtime = context::current();
        let count = self.children.len();
        let first = match (&runtime, self.random) {
            (Some(runtime), true) => runtime.random_below(count),
            _ => 0,
        };
        for index in (first..count).chain(0..first) {
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
