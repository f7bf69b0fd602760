//! `Sleep`, the timer future.

use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};
use std::time::Duration;

use crate::context;
use crate::executor::Executor;
use crate::timer_queue::TimerId;

/// Completes `ms` milliseconds after it was created, as tokio's `sleep` does.
///
/// The deadline is fixed when the `Sleep` is made (inside a task: the
/// runtime's current time plus `ms`; made outside any task, at its first
/// poll). Its first poll registers the timer with the reactor of the runtime
/// polling it; made early and awaited late, it still fires at its deadline.
/// If that deadline has already passed at its first poll, it is Ready in
/// that poll and registers no timer, as tokio's is (the trace says
/// `timer_elapsed`). Dropping it before it fires cancels the timer. What is
/// lazy in Rust is the body of an `async fn` or block: a `Sleep` made inside
/// one is made when that body runs.
#[must_use = "a Sleep does nothing until polled: its timer is registered on first poll"]
#[derive(Debug)]
pub struct Sleep {
    ms: f64,
    /// Fixed at creation when a runtime was current then.
    deadline: Option<f64>,
    state: State,
}

#[derive(Debug)]
enum State {
    Created,
    Waiting(Weak<Executor>, TimerId, u32),
    /// Finished; with its number in traces once it had one.
    Done(Option<u32>),
}

/// A `Sleep` of `ms` milliseconds from now.
pub fn sleep_ms(ms: u32) -> Sleep {
    Sleep::new(f64::from(ms))
}

/// A `Sleep` of `duration` from now, to the millisecond (sub-millisecond
/// parts count).
pub fn sleep(duration: Duration) -> Sleep {
    Sleep::new(duration.as_secs_f64() * 1000.0)
}

impl Sleep {
    fn new(ms: f64) -> Sleep {
        Sleep {
            ms,
            deadline: context::current().map(|runtime| runtime.current_time() + ms),
            state: State::Created,
        }
    }

    /// The timer's number in the trace, from its first poll on (a `Sleep`
    /// already past its deadline then has one too, and no timer).
    pub fn timer(&self) -> Option<u32> {
        match self.state {
            State::Waiting(_, _, serial) | State::Done(Some(serial)) => Some(serial),
            State::Created | State::Done(None) => None,
        }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        match &this.state {
            State::Created => {
                let runtime =
                    context::current().expect("Sleep polled outside a task of runtime::Runtime");
                let now = runtime.current_time();
                let deadline = this.deadline.unwrap_or(now + this.ms);
                if deadline < now {
                    // Made early and polled late: nothing to wait for.
                    let serial = runtime.elapsed_timer(deadline, this.ms);
                    this.state = State::Done(Some(serial));
                    return Poll::Ready(());
                }
                let (timer, serial) = runtime.add_timer(deadline, this.ms, cx.waker());
                this.state = State::Waiting(Rc::downgrade(&runtime), timer, serial);
                Poll::Pending
            }
            State::Waiting(runtime, timer, _) => {
                // A runtime that is gone will never fire the timer.
                let Some(runtime) = runtime.upgrade() else {
                    return Poll::Pending;
                };
                if runtime.timer_fired(*timer, cx.waker()) {
                    let serial = this.timer();
                    runtime.remove_timer(*timer);
                    this.state = State::Done(serial);
                    Poll::Ready(())
                } else {
                    Poll::Pending
                }
            }
            State::Done(_) => Poll::Ready(()),
        }
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let State::Waiting(runtime, timer, _) = &self.state {
            if let Some(runtime) = runtime.upgrade() {
                runtime.remove_timer(*timer);
            }
        }
    }
}
