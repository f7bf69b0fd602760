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
/// polling it; made early and awaited late, it still fires at its deadline
/// (if that has passed, on the reactor's next callback, at once: one more
/// wake and poll, which tokio saves by completing it in the first poll). Dropping it before it fires cancels the
/// timer. What is lazy in Rust is the body of an `async fn` or block: a
/// `Sleep` made inside one is made when that body runs.
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
    Done,
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

    /// The timer's number in the trace, once the first poll registered it.
    pub fn timer(&self) -> Option<u32> {
        match self.state {
            State::Waiting(_, _, serial) => Some(serial),
            State::Created | State::Done => None,
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
                let deadline = this
                    .deadline
                    .unwrap_or_else(|| runtime.current_time() + this.ms);
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
                    runtime.remove_timer(*timer);
                    this.state = State::Done;
                    Poll::Ready(())
                } else {
                    Poll::Pending
                }
            }
            State::Done => Poll::Ready(()),
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
