//! The examples a learner starts from. Each says, in a few sentences, what to
//! look for when the three lanes run it.

use serde::Serialize;

use crate::program::scenario::{LoopStyle, Step};

/// Which special program a preset runs in the Rust lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    /// `let s = ...; let borrowed = &s;` held across an `.await`.
    SelfRef,
    /// `JsFuture::from(promise).await`.
    Interop,
    /// A hand-written future that polls its timer with a waker that wakes
    /// nobody: the timer fires, and nothing polls the task again.
    LostWake,
}

/// A named example; JS sees it as a [`PresetInfo`].
pub struct Preset {
    /// Stable id, used in URLs and by `window.playground`.
    pub id: &'static str,
    /// What the Example select shows.
    pub name: &'static str,
    /// What to look for.
    pub explanation: &'static str,
    /// The steps.
    pub scenario: fn() -> Step,
    /// A real `async fn` the Rust lane runs instead of the steps' machines
    /// (JS sees `special: true`: the preset keeps its own shape).
    pub special: Option<Special>,
}

/// A preset as JS sees it: what the page needs to know of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PresetInfo {
    /// Stable id, used in URLs and by `window.playground`.
    pub id: &'static str,
    /// What the Example select shows.
    pub name: &'static str,
    /// What to look for.
    pub explanation: &'static str,
    /// Its Rust lane runs an `async fn` of its own: it keeps its shape, and
    /// only its timings change.
    pub special: bool,
    /// Its JS panels lose their continuation as its Rust future loses its
    /// waker: a timer's callback forgets what comes next (the JS lanes run
    /// them so; rust_lane/special.rs `js_code` writes them so).
    pub forgets_wake: bool,
}

impl Preset {
    /// What JS sees of it.
    pub fn info(&self) -> PresetInfo {
        PresetInfo {
            id: self.id,
            name: self.name,
            explanation: self.explanation,
            special: self.special.is_some(),
            forgets_wake: self.special == Some(Special::LostWake),
        }
    }
}

fn three_timers() -> Vec<Step> {
    vec![
        Step::sleep("Timer 1", 200),
        Step::sleep("Timer 2", 100),
        Step::sleep("Timer 3", 50),
    ]
}

/// Every preset, the default first.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "sequential",
        name: "Sequential timers",
        explanation: "Timers one after another, then a log line: each timer starts when the one \
            before it fires, so every lane logs at the sum of the delays. Callbacks nest, \
            promises chain, and the Rust task is polled once to start, then once each time \
            a timer wakes it.",
        scenario: || {
            let mut steps = three_timers();
            steps.push(Step::log("I'm the last one"));
            Step::Seq(steps)
        },
        special: None,
    },
    Preset {
        id: "join",
        name: "Join (join!): wait for all",
        explanation: "Timers run together; the log waits for all of them, so every lane logs \
            when the longest fires. The Rust task is polled once to start and once per \
            wake. Give two timers the same delay and their wakes come in the same turn: \
            one poll serves both.",
        scenario: || {
            Step::Seq(vec![
                Step::All(three_timers()),
                Step::log("All three are done"),
            ])
        },
        special: None,
    },
    Preset {
        id: "race",
        name: "Race (select!): the first one wins",
        explanation: "Timers race; the first to fire wins everywhere. Rust's select drops the \
            losers immediately, and dropping a Sleep cancels its timer. Promise.race cannot \
            cancel: the losing timers still fire, with nothing waiting for them.",
        scenario: || {
            Step::Seq(vec![
                Step::Race(three_timers()),
                Step::log("The fastest won"),
            ])
        },
        special: None,
    },
    Preset {
        id: "cancel-at-await",
        name: "Cancelled at an await: the rest never runs",
        explanation: "select! races two branches (the _ = in front of each throws its result \
            away). The \
            first is an async block: it waits for Timer 1, logs Half-way, waits for Timer 2, \
            then logs Saved. The second waits for Timer 3, then its code (after =>) logs \
            Timed out. Whichever select! finds finished first wins (if both finish at the \
            same moment, the upper one, as biased; says): select! drops the other branch \
            where it stands, then runs the winner's code. If Timer 3 wins, the Rust lane cancels \
            the first branch's pending timer, and that branch's lines after its .await never \
            run: Saved is never logged (nor Half-way, if Timer 3 is shorter than \
            Timer 1). A future can be stopped only while it is paused at an .await; \
            code between two awaits always runs to its end. This is cancellation at an \
            await, and tokio's select! behaves the same: keep work that must finish out of \
            a branch that can lose, or spawn it as a task of its own. In the JS lanes, \
            Half-way and Saved are logged whatever the timings: Promise.race settles with \
            the first promise to settle but stops none of the others, and a promise cannot \
            be cancelled from outside; JS code that wants the others to stop passes them an \
            AbortController's signal and checks it.",
        scenario: || {
            Step::Seq(vec![Step::Race(vec![
                Step::Seq(vec![
                    Step::sleep("Timer 1", 100),
                    Step::log("Half-way"),
                    Step::sleep("Timer 2", 100),
                    Step::log("Saved"),
                ]),
                Step::Arm(Box::new([
                    Step::sleep("Timer 3", 150),
                    Step::Seq(vec![Step::log("Timed out")]),
                ])),
            ])])
        },
        special: None,
    },
    Preset {
        id: "lazy",
        name: "Lazy futures, eager promises",
        explanation: "Make three async blocks first, each waiting on one timer, then await \
            them in order. A JS promise's work starts when the promise is made, so the JS \
            lanes log when the longest timer fires. The body of a Rust async block or \
            async fn does nothing until it is polled (a rule of the language, in every \
            runtime), so each timer starts only when its block is awaited: the Rust lane \
            logs at the sum of the delays.",
        scenario: || {
            let blocks = three_timers()
                .into_iter()
                .map(|t| Step::Seq(vec![t]))
                .collect();
            Step::Seq(vec![
                Step::CreateThenAwait(blocks),
                Step::log("Done awaiting"),
            ])
        },
        special: None,
    },
    Preset {
        id: "nested",
        name: "An async fn that awaits another",
        explanation: "run() awaits brew() twice, and brew() awaits a sleep. Calling \
            brew() runs none of its code: it only makes a future. run()'s .await polls that \
            future, and brew() then polls its sleep. While the sleep is Pending, polling \
            brew()'s future returns Pending, and so does polling run()'s. When the timer \
            fires, it wakes the task (run()'s future, which the executor owns); the next poll \
            goes in through run()'s future down to the sleep, each future carrying on from \
            the .await where it stopped. rustc stores brew()'s future inside run()'s, in the \
            state run() is suspended in: the State machine panel shows both enums, and \
            run()'s size counts brew()'s. So awaiting an async fn allocates nothing, under \
            any executor, tokio's included (spawning a task allocates, once for its whole \
            future). In JS, each call of an async function makes a new promise, and its code \
            runs at once, up to its first await.",
        scenario: || {
            Step::Module(vec![
                Step::AsyncFn {
                    name: "brew".into(),
                    params: vec![],
                    steps: vec![Step::sleep("Timer 1", 200), Step::log("Tea is brewed")],
                },
                Step::AsyncFn {
                    name: "run".into(),
                    params: vec![],
                    steps: vec![
                        Step::Call {
                            name: "brew".into(),
                            args: vec![],
                        },
                        Step::log("First cup"),
                        Step::Call {
                            name: "brew".into(),
                            args: vec![],
                        },
                        Step::log("Second cup"),
                    ],
                },
            ])
        },
        special: None,
    },
    Preset {
        id: "spawn",
        name: "Spawn: a task that runs without being awaited",
        explanation: "spawn starts a separate task and returns its handle. The task waits \
            for Timer 1 and logs, while run() waits for Timer 2, logs, and only then awaits \
            the handle. A spawned task needs no await to run: our executor starts it when \
            run() first pauses at an .await, so both timers count down together. If Timer 1 \
            is shorter, the task is done by then and the handle's await returns at once; if \
            longer, that await waits for it. An async block stored with let would not start \
            until awaited (see Lazy futures). tokio::spawn is eager too; on a multi-threaded \
            runtime the task may start even sooner, on another thread. JS async functions \
            and callback chains start sooner still: at the call itself.",
        scenario: || {
            Step::Seq(vec![
                Step::Spawn {
                    handle: Some(1),
                    steps: vec![Step::sleep("Timer 1", 100), Step::log("Task 2 is done")],
                    direct: false,
                },
                Step::sleep("Timer 2", 200),
                Step::log("run() goes on"),
                Step::AwaitHandle { handle: 1 },
                Step::log("Done"),
            ])
        },
        special: None,
    },
    Preset {
        id: "early-sleep",
        name: "A sleep made early still ends on time",
        explanation: "Make three sleeps first, then await them in order. sleep_ms fixes its \
            deadline when it is made, as tokio's sleep does (gloo's TimeoutFuture goes \
            further: it calls setTimeout as soon as it is made), so every lane logs its \
            last line when the longest timer is due. A sleep whose deadline has already \
            passed when it is first polled does not wait: it is Ready in that first poll, \
            with no timer set, in our runtime as in tokio. Fixing \
            the deadline early is the library's choice, not the language's: what is lazy in \
            Rust is the body of an async fn or block (see Lazy futures).",
        scenario: || {
            Step::Seq(vec![
                Step::CreateThenAwait(three_timers()),
                Step::log("Done awaiting"),
            ])
        },
        special: None,
    },
    Preset {
        id: "blocking",
        name: "Blocking the thread",
        explanation: "join! sets Timer 1 and Timer 2, then block_ms keeps the thread busy, \
            as CPU-bound work in a poll or a callback does: nothing else runs, no timer \
            callback, no poll, no painting. A timer due during the block fires only when \
            the block ends, late, in every lane; Timer 3, set after, is on time. In async code such work belongs on another \
            thread: tokio's spawn_blocking, or a Web Worker in the browser.",
        scenario: || {
            Step::Seq(vec![
                Step::All(vec![
                    Step::sleep("Timer 1", 50),
                    Step::sleep("Timer 2", 80),
                    Step::Block { ms: 100 },
                ]),
                Step::sleep("Timer 3", 20),
                Step::log("Done"),
            ])
        },
        special: None,
    },
    Preset {
        id: "starve",
        name: "Yielding in a loop: who waits for it?",
        explanation: "join! runs two branches in one Rust task. One waits for Timer 1; the \
            other loops: it keeps the thread busy for a moment (block_ms), then yields. When \
            Timer 1 falls due while the loop runs, where a yield sends the rest of the loop \
            decides when Timer 1 can run. Callbacks: the yield is a setTimeout with a zero \
            delay, so each round is a new browser task, and Timer 1's callback gets in at the \
            first break: on time if the loop is waiting for its next timer, else as soon as \
            the current round ends; but a browser makes a short timer set from inside timer \
            callbacks nested more than five deep wait a few milliseconds, so after some \
            rounds the loop itself slows down. Promises: each yield (.then(() => null), or \
            await null in the async/await style) queues the rest of the loop as a microtask, \
            and the event loop runs all microtasks, even those queued meanwhile, before the \
            next task, so Timer 1 waits until the loop is done. Rust: yield_now \
            puts the task at the back of our executor's ready queue, and it is polled \
            (resumed up to its next await) again, in the same browser task until the \
            executor's time slice runs out. Timer 1's sleep ends only when the reactor (the \
            part of our runtime that turns browser timers into wake-ups) has its setTimeout \
            run, and while the loop keeps the executor busy that happens only when the time \
            slice ends: Timer 1 is late until then, not by the whole loop. tokio, the most \
            used Rust runtime, goes further today: after a yield_now it checks its timers and \
            I/O before polling that task again (its docs do not promise this order). Turn \
            on Compare with spawn_local to see that the executor most async Rust in a browser \
            uses behaves like the Promises lane: when a task wakes itself, spawn_local polls it \
            again in a new microtask, and the browser runs no timer callback until the \
            microtask queue is empty, so when Timer 1 falls due during the loop, the same \
            Rust prints “Loop done” before “Timer 1 done”.",
        scenario: || {
            Step::Seq(vec![Step::All(vec![
                Step::Seq(vec![Step::sleep("Timer 1", 5), Step::log("Timer 1 done")]),
                Step::Seq(vec![
                    Step::Repeat {
                        times: 30,
                        var: None,
                        style: LoopStyle::For,
                        steps: vec![Step::Block { ms: 1 }, Step::Yield],
                    },
                    Step::log("Loop done"),
                ]),
            ])])
        },
        special: None,
    },
    Preset {
        id: "overdue",
        name: "Two overdue timers: one wake or two?",
        explanation: "join! runs its three branches in one Rust task (a future the executor \
            polls, not a browser task). Its first poll polls them in the order written: the \
            two sleeps start (a Rust future does nothing until it is polled), then block_ms \
            holds the thread. If both sleeps fall due during the block, both are overdue when \
            it ends, and which line prints first depends on how each lane hears of its \
            timers. Callbacks and Promises: each timer has a setTimeout of its own, and the \
            browser runs overdue timer callbacks in the order they fell due (at equal times, \
            in the order they were set). Rust: our runtime keeps at most one setTimeout \
            pending, for whichever sleep is due next. When its callback runs, it marks every \
            overdue sleep finished. Each finished sleep wakes the task, but the second wake \
            finds it already queued, so the task is polled once, and join! polls its branches \
            in the order written: Timer 1's line comes first even when Timer 2 fell due first \
            (with the starting values, Timer 2 is the shorter). A wake only says \
            \u{201c}poll this task again\u{201d}; each branch finds out, when polled, whether \
            its sleep is done. Turn on \u{201c}Compare with spawn_local\u{201d}: gloo's sleep \
            sets a setTimeout of its own, and spawn_local polls a woken task in a microtask, \
            which runs before the browser's next timer callback, so each poll finds one more \
            sleep done, and the lines print in the order the timers fell due, as in the JS \
            lanes. futures::join! also polls in the order written; tokio::join! changes which \
            branch it polls first at each poll, so do not rely on the order of branches that \
            are ready together.",
        scenario: || {
            Step::Seq(vec![Step::All(vec![
                Step::Seq(vec![Step::sleep("Timer 1", 80), Step::log("Timer 1 done")]),
                Step::Seq(vec![Step::sleep("Timer 2", 50), Step::log("Timer 2 done")]),
                Step::Block { ms: 100 },
            ])])
        },
        special: None,
    },
    Preset {
        id: "lost-wake",
        name: "A lost wake: Pending for ever",
        explanation: "A hand-written future polls its Sleep with a waker that wakes nobody, \
            instead of cx.waker(). The timer fires, but nothing wakes the task: it \
            returned Pending and nothing holds its waker, so it is never polled again and \
            never logs. The runtime counts each task's live wakers and reports the lost one, \
            as tokio-console warns about lost wakers. The JS panels make the same mistake: a \
            promise nobody resolves, a callback that never calls on. The fix is one line: \
            pass cx on, so the timer keeps the task's waker.",
        scenario: || Step::Seq(vec![Step::sleep("Timer 1", 100), Step::log("Never logged")]),
        special: Some(Special::LostWake),
    },
    Preset {
        id: "self-ref",
        name: "Self-reference and Pin",
        explanation: "A future that borrows from itself: `let s = String::from(\"foo\"); let borrowed = &s;` \
            kept across an .await. Both live inside the future, so the future points into \
            itself. The trace records the future's address and size, where s lives, and \
            where borrowed points, before and after the await: the same addresses, because \
            a pinned future never moves. The JS panels run the same timer and log: JS shows \
            no addresses, and its garbage collector may move objects because it updates \
            every reference, so JS needs no Pin.",
        scenario: || Step::Seq(vec![Step::sleep("Timer 1", 100), Step::log("foo")]),
        special: Some(Special::SelfRef),
    },
    Preset {
        id: "interop",
        name: "A Rust future awaiting a JS Promise",
        explanation: "The Rust lane awaits a JS Promise through wasm-bindgen-futures' \
            JsFuture. Our reactor has no timer here: the promise's own setTimeout resolves \
            it, and the promise's callback wakes the task (a wake from outside the \
            runtime: the trace says by \"external\"). Every lane logs at the promise's delay.",
        scenario: || {
            Step::Seq(vec![
                Step::sleep("JS promise", 100),
                Step::log("The promise resolved"),
            ])
        },
        special: Some(Special::Interop),
    },
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

/// The preset (not a special one) whose program has `step`'s shape, if any:
/// its compiled `run()` runs `step` with `step`'s own timings and texts
/// ([`crate::rust_lane::compiled`]).
pub fn of_shape(step: &Step) -> Option<&'static Preset> {
    let shape = step.shape();
    PRESETS
        .iter()
        .filter(|p| p.special.is_none())
        .find(|p| (p.scenario)().shape() == shape)
}

#[cfg(test)]
mod tests {
    use super::PRESETS;

    /// An explanation is shown for every timing of its example: a number in
    /// it would be wrong as soon as a timing changes (the page states the
    /// run's own numbers beside it, read from the traces).
    #[test]
    fn explanations_state_no_numbers() {
        for preset in PRESETS {
            // Timer labels are names, not figures.
            let words = ["Timer 1", "Timer 2", "Timer 3"]
                .iter()
                .fold(preset.explanation.to_string(), |text, label| {
                    text.replace(label, "")
                });
            assert!(
                !words.contains(|c: char| c.is_ascii_digit()),
                "{}: {}",
                preset.id,
                preset.explanation
            );
        }
    }
}
