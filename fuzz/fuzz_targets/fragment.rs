//! Any text as a share-link fragment: decoding must never panic, and what
//! decodes must re-encode to a fragment that decodes the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use playground::program::fragment;

fuzz_target!(|text: &str| {
    if let Ok(step) = fragment::decode(text) {
        let again = fragment::decode(&fragment::encode(&step));
        assert_eq!(again, Ok(step));
    }
});
