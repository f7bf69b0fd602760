//! Numbers in messages and share links, against std: what we print reads
//! back as the same double, and within the range where both write plain
//! decimals it is std's `Display` but for ties, which JS breaks to even; what we read is exactly what
//! `str::parse` reads. (In wasm the page asks JavaScript instead;
//! `numbers_in_browser.rs` checks that the two agree.)
#![cfg(not(target_arch = "wasm32"))]

use playground::program::number::{parse_decimal, to_js_string};
use proptest::prelude::*;

/// Any finite double: every bit pattern but NaN and the infinities.
fn finite() -> impl Strategy<Value = f64> {
    any::<u64>()
        .prop_map(f64::from_bits)
        .prop_filter("finite", |n| n.is_finite())
}

/// A decimal as a share link may hold it: digits, an optional fraction
/// (possibly with many trailing zeros), an optional exponent.
fn decimal() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        "[0-9]{1,25}",
        prop::option::of("[0-9]{0,25}"),
        prop::option::of(("[eE]", "[+-]?", 0u32..400)),
    )
        .prop_map(|(negative, whole, fraction, exponent)| {
            let mut text = String::new();
            if negative {
                text.push('-');
            }
            text.push_str(&whole);
            if let Some(fraction) = fraction {
                text.push('.');
                text.push_str(&fraction);
            }
            if let Some((e, sign, power)) = exponent {
                text.push_str(&format!("{e}{sign}{power}"));
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000)
    ))]

    #[test]
    fn printed_numbers_read_back_as_the_same_double(n in finite()) {
        let printed = to_js_string(n);
        let read: f64 = printed.parse().expect("std reads what we print");
        // -0 prints as 0, as in JS.
        prop_assert!(read == n, "{n:e} printed as {printed}, read back as {read:e}");
        prop_assert_eq!(parse_decimal(&printed.replace("e+", "e")), Some(read));
    }

    #[test]
    fn plain_decimals_print_as_std_does(
        // JS writes plain decimals from 1e-6 up to 1e21 (std always does);
        // positive doubles are ordered as their bits.
        bits in 1e-6f64.to_bits()..1e21f64.to_bits(),
        negative in any::<bool>(),
    ) {
        let n = if negative { -f64::from_bits(bits) } else { f64::from_bits(bits) };
        let (ours, std) = (to_js_string(n), format!("{n}"));
        if ours != std {
            // Only on a tie between two shortest forms: std's rounds up, JS
            // takes the even digit. Then only the last digit differs, by one.
            let (ours_last, std_last) = (ours.as_bytes()[ours.len() - 1], std.as_bytes()[std.len() - 1]);
            prop_assert_eq!(ours.len(), std.len(), "{} against {}", ours, std);
            prop_assert_eq!(&ours[..ours.len() - 1], &std[..std.len() - 1]);
            prop_assert!(ours_last + 1 == std_last && ours_last % 2 == 0, "{} against {}", ours, std);
        }
    }

    #[test]
    fn decimals_read_as_std_reads_them(text in decimal()) {
        prop_assert_eq!(parse_decimal(&text), text.parse::<f64>().ok(), "{}", text);
    }

    #[test]
    fn whole_milliseconds_print_as_integers(ms in 0u32..=60_000) {
        prop_assert_eq!(to_js_string(f64::from(ms)), ms.to_string());
    }
}
