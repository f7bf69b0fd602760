//! `join`: wait for all, polling each child by hand so every child poll is
//! recorded (`child_poll` events).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::context;
use crate::trace::Combinator;

/// Runs `futures` together and completes with all their outputs, in order.
///
/// Each poll of the `Join` polls every child that has not finished, in order
/// (as `futures::join!` does); a finished child is dropped at once.
pub fn join<F: Future>(futures: impl IntoIterator<Item = F>) -> Join<F> {
    Join {
        children: futures
            .into_iter()
            .map(|f| Child::Running(Box::pin(f)))
            .collect(),
    }
}

/// `futures::future::join_all`'s name for [`join()`]: a `Vec` (any
/// iterator) of futures of one type, awaited together, their outputs in
/// order. `join!` is the same for futures of different types.
pub fn join_all<F: Future>(futures: impl IntoIterator<Item = F>) -> Join<F> {
    join(futures)
}

/// The future of [`join()`].
#[must_use = "futures do nothing unless polled"]
pub struct Join<F: Future> {
    children: Vec<Child<F>>,
}

enum Child<F: Future> {
    // Boxed so each child is pinned on its own while its siblings change state.
    Running(Pin<Box<F>>),
    Done(Option<F::Output>),
}

// Outputs are never pinned: they are only moved out once all are done.
impl<F: Future> Unpin for Join<F> {}

impl<F: Future> Future for Join<F> {
    type Output = Vec<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let runtime = context::current();
        let mut all_done = true;
        for (index, child) in self.children.iter_mut().enumerate() {
            if let Child::Running(future) = child {
                let poll = future.as_mut().poll(cx);
                if let Some(runtime) = &runtime {
                    runtime.record_child_poll(Combinator::Join, index, poll.is_ready());
                }
                match poll {
                    Poll::Ready(output) => *child = Child::Done(Some(output)),
                    Poll::Pending => all_done = false,
                }
            }
        }
        if !all_done {
            return Poll::Pending;
        }
        let outputs = self
            .children
            .iter_mut()
            .map(|child| match child {
                Child::Done(output) => output.take().expect("Join polled after completion"),
                Child::Running(_) => unreachable!("all children are done"),
            })
            .collect();
        Poll::Ready(outputs)
    }
}
