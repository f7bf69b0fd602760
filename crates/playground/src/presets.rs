//! The examples a learner starts from. Each says, in a few sentences, what to
//! look for when the three lanes run it.

use crate::scenario::Step;

/// A named example.
pub struct Preset {
    /// Stable id, used in URLs and by `window.playground`.
    pub id: &'static str,
    /// What the Example select shows.
    pub name: &'static str,
    /// What to look for.
    pub explanation: &'static str,
    /// The steps.
    pub scenario: fn() -> Step,
}

fn sleep(label: &str, ms: u32) -> Step {
    Step::Sleep {
        label: label.into(),
        ms,
    }
}

fn log(text: &str) -> Step {
    Step::Log { text: text.into() }
}

fn three_timers() -> Vec<Step> {
    vec![
        sleep("Timer 1", 200),
        sleep("Timer 2", 100),
        sleep("Timer 3", 50),
    ]
}

/// Every preset, the default first.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "sequential",
        name: "Sequential timers (the notes' example)",
        explanation: "Three timers, one after another, then a log line. All three lanes \
            log at 200 + 100 + 50 = 350 ms. Callbacks nest, promises chain, and the Rust \
            task is polled four times: once to start, then once after each timer wakes it.",
        scenario: || {
            let mut steps = three_timers();
            steps.push(log("I'm the last one"));
            Step::Seq(steps)
        },
    },
    Preset {
        id: "join",
        name: "Join: wait for all",
        explanation: "Three timers run together; the log waits for all of them, so every \
            lane logs at 200 ms. The Rust task is polled once to start and once per wake: \
            4 polls. Give two timers the same delay and their wakes collapse into one poll.",
        scenario: || Step::Seq(vec![Step::All(three_timers()), log("All three are done")]),
    },
    Preset {
        id: "race",
        name: "Race: the first one wins",
        explanation: "Three timers race; the first to finish (50 ms) wins everywhere. \
            Rust's select drops the losers at once, cancelling their timers. \
            Promise.race cannot cancel: the losing timers still fire at 100 and 200 ms.",
        scenario: || Step::Seq(vec![Step::Race(three_timers()), log("The fastest won")]),
    },
    Preset {
        id: "lazy",
        name: "Lazy futures, eager promises",
        explanation: "Create three timers first, then await them in order. A JS promise \
            starts its timer when it is created, so the JS lanes finish at the longest \
            (200 ms). A Rust future does nothing until it is polled, so each timer starts \
            only when awaited: the Rust lane finishes at the sum (350 ms).",
        scenario: || {
            Step::Seq(vec![
                Step::CreateThenAwait(three_timers()),
                log("Done awaiting"),
            ])
        },
    },
];

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}
