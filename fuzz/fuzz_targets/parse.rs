//! Any text as a Rust panel: parsing must never panic, and what parses must
//! be a valid scenario in canonical form, whose panel parses back to it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use playground::parse::{canonical, parse};
use playground::render;
use playground::program::scenario::limits;

fuzz_target!(|text: &str| {
    match parse(text) {
        Ok(step) => {
            assert!(step.timers().len() <= limits::MAX_TIMERS);
            assert_eq!(canonical(&step), step);
            assert_eq!(parse(&render::rust(&step).text(4)), Ok(step));
        }
        Err(error) => {
            assert!(error.line >= 1 && error.column >= 1 && !error.message.is_empty());
        }
    }
});
