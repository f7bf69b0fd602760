//! The time slice: how long the executor may poll in one browser task before
//! it yields (asks for a new browser task), so timers fire and the page paints
//! even if a task wakes itself forever.
//!
//! The limit is time ([`DEFAULT_SLICE_MS`]); on a virtual clock, which moves
//! during a callback only by `block_ms`, a number of polls
//! ([`DEFAULT_BUDGET`]) too, so a loop of quick polls yields there as well.
//! Which one ended a slice is recorded ([`SliceLimit`], the trace's `yield`).

/// Polls per browser task before the executor yields to the browser, on a
/// virtual clock (where time moves during a turn only by `block_ms`, so the
/// time slice alone would never end a loop of quick polls). On a real clock
/// only the time slice applies.
pub const DEFAULT_BUDGET: u32 = 16_384;

/// Milliseconds of polling per browser task before the executor yields to the
/// browser, so the page keeps painting (half a 60 Hz frame).
pub const DEFAULT_SLICE_MS: f64 = 8.0;

/// How often (in polls) the clock is read: reading it is a call into JS that
/// costs as much as many quick polls. The first read comes after the first
/// poll (`CHECK_FIRST`); the interval then doubles (up to `CHECK_MOST`) while an
/// interval takes under `CHECK_QUICK_MS`, and halves (down to `CHECK_LEAST`)
/// when one takes longer. Slow polls from a slice's start are caught at once:
/// a slice of 8 ms ends within a poll of 8 ms, not 16 polls later (16 polls
/// of 4 ms made it 64). Polls that turn slow after many quick ones may
/// overrun it by the interval reached then (at most `CHECK_MOST` polls).
/// (Read at a fixed interval, the clock took a large share of the polls
/// workload: see docs/benchmarks.md, "The clock is read less often while
/// polls are quick".)
const CHECK_FIRST: u32 = 1;
const CHECK_LEAST: u32 = 1;
const CHECK_MOST: u32 = 1_024;
const CHECK_QUICK_MS: f64 = 1.0;

/// How much one browser task may poll: set on the runtime, applied from the
/// next browser task.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// Polls allowed per browser task.
    pub(crate) polls: u32,
    /// Milliseconds allowed per browser task.
    pub(crate) ms: f64,
}

/// What ended a browser task's slice, so the executor yields: the budget of
/// polls (on a virtual clock) or the time (its milliseconds).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceLimit {
    /// The poll budget ([`DEFAULT_BUDGET`], or `Runtime::set_budget`'s).
    Polls,
    /// The time slice ([`DEFAULT_SLICE_MS`], or `Runtime::set_time_slice`'s).
    Time,
}

/// One browser task's slice: plain data, copied into the batch that uses it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TimeSlice {
    limits: Limits,
    /// Host time when this browser task began.
    started: f64,
    polls: u32,
    /// When the clock is read next (in `polls`), how many polls apart the
    /// reads are now, and the time of the last one.
    next_check: u32,
    check_every: u32,
    last_check: f64,
    /// Which limit ended the slice, once one has.
    ended: Option<SliceLimit>,
}

impl TimeSlice {
    pub(crate) fn new(limits: Limits) -> Self {
        let mut slice = TimeSlice {
            limits,
            started: 0.0,
            polls: 0,
            next_check: 0,
            check_every: 0,
            last_check: 0.0,
            ended: None,
        };
        slice.begin(0.0, limits);
        slice
    }

    /// A new browser task began at `now` (the browser has painted since),
    /// with these `limits`.
    pub(crate) fn begin(&mut self, now: f64, limits: Limits) {
        self.limits = limits;
        self.started = now;
        self.polls = 0;
        self.next_check = CHECK_FIRST;
        self.check_every = CHECK_FIRST;
        self.last_check = now;
        self.ended = None;
    }

    /// How many more polls fit in this browser task before it must be asked
    /// again (0: none, the slice is used up). `now` reads the clock; it is
    /// called only every so often (see `CHECK_FIRST`).
    pub(crate) fn polls_allowed(&mut self, now: impl FnOnce() -> f64) -> u32 {
        if self.ended.is_some() {
            return 0;
        }
        if self.polls >= self.limits.polls {
            self.ended = Some(SliceLimit::Polls);
            return 0;
        }
        if self.polls >= self.next_check {
            self.check(now());
            if self.ended.is_some() {
                return 0;
            }
        }
        self.next_check.min(self.limits.polls) - self.polls
    }

    /// Counts polls made.
    pub(crate) fn polled(&mut self, polls: u32) {
        self.polls += polls;
    }

    /// The budget or the time ran out (which one): the executor must yield.
    pub(crate) fn ended(&self) -> Option<SliceLimit> {
        self.ended
    }

    /// The clock says `now`: is the slice over? If not, adapts how often to
    /// read the clock.
    fn check(&mut self, now: f64) {
        if now - self.started >= self.limits.ms {
            self.ended = Some(SliceLimit::Time);
            return;
        }
        self.check_every = if now - self.last_check < CHECK_QUICK_MS {
            (self.check_every * 2).min(CHECK_MOST)
        } else {
            (self.check_every / 2).max(CHECK_LEAST)
        };
        self.last_check = now;
        self.next_check = self.polls + self.check_every;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn limits(polls: u32, ms: f64) -> Limits {
        Limits { polls, ms }
    }

    /// Polls until the slice says stop, as many at a time as it allows; each
    /// poll takes `poll_ms` on a clock that starts at 0. Returns the polls
    /// made and the clock reads.
    fn run(slice: &mut TimeSlice, poll_ms: f64, limit: u32) -> (u32, u32) {
        let clock = Cell::new(0.0);
        let reads = Cell::new(0);
        let mut polls = 0;
        while polls < limit {
            let allowed = slice.polls_allowed(|| {
                reads.set(reads.get() + 1);
                clock.get()
            });
            if allowed == 0 {
                break;
            }
            let made = allowed.min(limit - polls);
            slice.polled(made);
            polls += made;
            clock.set(clock.get() + poll_ms * f64::from(made));
        }
        (polls, reads.get())
    }

    #[test]
    fn a_virtual_clock_is_bounded_by_the_budget() {
        let mut slice = TimeSlice::new(limits(100, DEFAULT_SLICE_MS));
        let (polls, _) = run(&mut slice, 0.0, u32::MAX);
        assert_eq!((polls, slice.ended()), (100, Some(SliceLimit::Polls)));
    }

    #[test]
    fn slow_polls_end_the_slice_at_the_poll_that_fills_it() {
        // An 8 ms slice: polls of 1 ms end it after 8 polls, of 4 ms after
        // 2, of 3 ms after 3 (9 ms: a poll cannot be cut short). A poll
        // taking 1 ms or more has the clock read after each.
        for (poll_ms, made) in [(1.0, 8), (4.0, 2), (3.0, 3)] {
            let mut slice = TimeSlice::new(limits(u32::MAX, 8.0));
            let (polls, reads) = run(&mut slice, poll_ms, u32::MAX);
            assert_eq!(
                (polls, reads, slice.ended()),
                (made, made, Some(SliceLimit::Time)),
                "{poll_ms} ms polls"
            );
        }
    }

    #[test]
    fn quick_polls_read_the_clock_less_and_less_often() {
        // 1 µs polls: 8,000 polls fill 8 ms. The interval doubles from 1 up
        // to 512 or 1,024 (an interval of 1,024 takes just over 1 ms, and
        // halves), so the slice ends within 1,024 polls of 8 ms, after under
        // twenty clock reads instead of one per poll.
        let mut slice = TimeSlice::new(limits(u32::MAX, 8.0));
        let (polls, reads) = run(&mut slice, 0.001, u32::MAX);
        assert!((8_000..=8_000 + 1_024).contains(&polls), "{polls}");
        assert!(reads <= 20, "{reads} reads");
        assert_eq!(slice.ended(), Some(SliceLimit::Time));
    }

    #[test]
    fn a_new_browser_task_gives_a_fresh_slice() {
        let mut slice = TimeSlice::new(limits(3, DEFAULT_SLICE_MS));
        assert_eq!(run(&mut slice, 0.0, u32::MAX).0, 3);
        assert_eq!(slice.polls_allowed(|| 0.0), 0);
        assert_eq!(slice.ended(), Some(SliceLimit::Polls));
        slice.begin(10.0, limits(3, DEFAULT_SLICE_MS));
        assert_eq!(slice.ended(), None);
        assert_eq!(run(&mut slice, 0.0, u32::MAX).0, 3);
    }
}
