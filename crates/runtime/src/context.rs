//! The runtime whose tasks are being polled right now, so that `Sleep`, `spawn`,
//! `log` and the combinators can find it without being handed it (as `async fn`
//! bodies cannot be).

use std::cell::Cell;
use std::rc::Rc;

use crate::executor::Inner;

thread_local! {
    static CURRENT: Cell<Option<Rc<Inner>>> = const { Cell::new(None) };
}

/// Makes `inner` current until the guard is dropped; restores the previous one,
/// so runtimes may nest.
pub(crate) struct Enter {
    previous: Option<Rc<Inner>>,
}

pub(crate) fn enter(inner: &Rc<Inner>) -> Enter {
    let previous = CURRENT.with(|c| c.replace(Some(inner.clone())));
    Enter { previous }
}

impl Drop for Enter {
    fn drop(&mut self) {
        let previous = self.previous.take();
        // Take the old value out before dropping it: dropping an `Rc<Inner>` must
        // not happen while the cell is being written.
        let ours = CURRENT.with(|c| c.replace(previous));
        drop(ours);
    }
}

/// The current runtime, if a task of one is being polled.
pub(crate) fn current() -> Option<Rc<Inner>> {
    CURRENT.with(|c| {
        let inner = c.take();
        let copy = inner.clone();
        c.set(inner);
        copy
    })
}
