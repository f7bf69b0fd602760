//! The tracer: records what the runtime does, as [`Event`]s, when tracing is
//! on, and knows who is acting (the task being polled, the timer firing), so a
//! wake can say who woke whom.

use std::cell::{Cell, RefCell};
use std::task::Waker;

use crate::trace::{Event, Record, TimerWaker, Trace, WakeSource};

pub(crate) struct Tracer {
    on: Cell<bool>,
    trace: RefCell<Trace>,
    /// The number of the task being polled, while tracing.
    polling: Cell<Option<u32>>,
    /// The data pointer of the polled task's wakers (its allocation), to
    /// tell its waker from others; null when no task is polled.
    polled_waker: Cell<*const ()>,
    /// The timer whose waker is being woken.
    firing: Cell<Option<u32>>,
}

impl Tracer {
    pub(crate) fn new() -> Self {
        Tracer {
            on: Cell::new(true),
            trace: RefCell::default(),
            polling: Cell::new(None),
            polled_waker: Cell::new(std::ptr::null()),
            firing: Cell::new(None),
        }
    }

    pub(crate) fn is_on(&self) -> bool {
        self.on.get()
    }

    pub(crate) fn set_on(&self, on: bool) {
        self.on.set(on);
    }

    /// Records `event` at time `t` (the caller checked `is_on`).
    pub(crate) fn push(&self, t: f64, event: Event) {
        self.trace.borrow_mut().records.push(Record { t, event });
    }

    /// Stores `text` and records the event `make` builds from its index.
    pub(crate) fn push_text(&self, t: f64, text: &str, make: impl FnOnce(u32) -> Event) {
        let index = {
            let mut trace = self.trace.borrow_mut();
            trace.texts.push(text.into());
            trace.texts.len() as u32 - 1
        };
        self.push(t, make(index));
    }

    /// The events so far; a new trace starts.
    pub(crate) fn take(&self) -> Trace {
        std::mem::take(&mut *self.trace.borrow_mut())
    }

    pub(crate) fn len(&self) -> usize {
        self.trace.borrow().records.len()
    }

    /// Task `task` is being polled (`None`: no task is), and its wakers'
    /// data pointer is `waker` (null when none is).
    pub(crate) fn set_polling(&self, task: Option<u32>, waker: *const ()) {
        self.polling.set(task);
        self.polled_waker.set(waker);
    }

    /// Whose `waker` is: the polled task's, `Waker::noop()`, or another's.
    pub(crate) fn waker_of(&self, waker: &Waker) -> TimerWaker {
        if !self.polled_waker.get().is_null() && waker.data() == self.polled_waker.get() {
            TimerWaker::Task
        } else if waker.data().is_null() {
            // `Waker::noop()` has no data. Comparing vtables (or
            // `will_wake(Waker::noop())`) is not reliable: the same vtable
            // may sit at two addresses (it failed in release builds).
            // Another waker with no data could only wake a global: none in
            // this crate or the playground does.
            TimerWaker::Noop
        } else {
            TimerWaker::Other
        }
    }

    /// The task being polled, or 0 if none is.
    pub(crate) fn polling(&self) -> u32 {
        self.polling.get().unwrap_or(0)
    }

    /// Timer `timer` is waking its task (`None`: it is done).
    pub(crate) fn set_firing(&self, timer: Option<u32>) {
        self.firing.set(timer);
    }

    /// Who is waking `task` right now.
    pub(crate) fn wake_source(&self, task: u32) -> WakeSource {
        match (self.firing.get(), self.polling.get()) {
            (Some(timer), _) => WakeSource::Timer(timer),
            (None, Some(polling)) if polling == task => WakeSource::SelfWake,
            (None, Some(other)) => WakeSource::Task(other),
            (None, None) => WakeSource::External,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wake_names_the_timer_firing_else_the_task_polling() {
        let tracer = Tracer::new();
        assert_eq!(tracer.wake_source(1), WakeSource::External);
        tracer.set_polling(Some(1), std::ptr::null());
        assert_eq!(tracer.wake_source(1), WakeSource::SelfWake);
        assert_eq!(tracer.wake_source(2), WakeSource::Task(1));
        tracer.set_firing(Some(7));
        assert_eq!(tracer.wake_source(2), WakeSource::Timer(7));
    }

    #[test]
    fn records_are_kept_in_order_and_texts_aside() {
        let tracer = Tracer::new();
        tracer.push(0.0, Event::ReactorClear);
        tracer.push_text(5.0, "hi", |text| Event::Log { text });
        let trace = tracer.take();
        assert_eq!(trace.records[1].t, 5.0);
        assert_eq!(std::mem::size_of::<Record>(), 40);
        assert!(matches!(trace.records[1].event, Event::Log { text: 0 }));
        assert_eq!(trace.text(0), "hi");
        assert_eq!(tracer.len(), 0);
    }
}
