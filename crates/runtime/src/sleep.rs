//! `Sleep`, the timer future.

use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};
use std::time::Duration;

use crate::context;
use crate::executor::Inner;
use crate::reactor::TimerId;

/// Completes `ms` milliseconds after it is first polled.
///
/// Like an `async fn`, it is lazy: creating it does nothing; its first poll
/// registers the timer with the reactor of the runtime polling it. Dropping it
/// before it fires cancels the timer.
#[must_use = "a Sleep does nothing until polled: its timer starts on first poll"]
#[derive(Debug)]
pub struct Sleep {
    ms: f64,
    state: State,
}

#[derive(Debug)]
enum State {
    Created,
    Waiting(Weak<Inner>, TimerId, u32),
    Done,
}

/// A `Sleep` of `ms` milliseconds.
pub fn sleep_ms(ms: u32) -> Sleep {
    Sleep {
        ms: f64::from(ms),
        state: State::Created,
    }
}

/// A `Sleep` of `duration`, to the millisecond (sub-millisecond parts count).
pub fn sleep(duration: Duration) -> Sleep {
    Sleep {
        ms: duration.as_secs_f64() * 1000.0,
        state: State::Created,
    }
}

impl Sleep {
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
                let (timer, serial) = runtime.add_timer(this.ms, cx.waker());
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
