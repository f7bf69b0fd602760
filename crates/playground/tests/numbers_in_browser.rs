//! Checks in Chromium and Firefox (`just test-browser`) that the wasm's
//! numbers, which call JavaScript's `String(n)` and `parseFloat`, agree with
//! [`portable`], the std code the native tests use. Both must print the same
//! text for the edge cases and 20,000 seeded random doubles, and read the
//! same double from those texts and from 2,000 long decimals.
#![cfg(target_arch = "wasm32")]

use playground::program::number::{self, portable};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// xorshift64*: a seeded stream of 64-bit values.
fn stream(mut state: u64) -> impl Iterator<Item = u64> {
    std::iter::repeat_with(move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    })
}

/// The edge cases, then doubles of every kind: any bit pattern (NaN and
/// the infinities among them), and values from 0 to 60,000 with random
/// fractions, like timings in ms.
fn doubles() -> Vec<f64> {
    let mut all = vec![
        0.0,
        -0.0,
        1.0000001,
        2.5e-7,
        1e-7,
        0.000001,
        1e21,
        123456789012345680000.0,
        1125899906842624.0 + 0.25,
        1125899906842624.0 + 0.75,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    let mut bits = stream(0x5eed);
    for _ in 0..10_000 {
        all.push(f64::from_bits(bits.next().unwrap()));
    }
    for _ in 0..10_000 {
        let n = bits.next().unwrap();
        all.push((n % 60_001) as f64 + (n >> 40) as f64 / (1u64 << 24) as f64);
    }
    all
}

#[wasm_bindgen_test]
fn printed_as_javascript_prints_them() {
    for n in doubles() {
        assert_eq!(
            number::to_js_string(n),
            portable::to_js_string(n),
            "{:#x}",
            n.to_bits()
        );
    }
}

#[wasm_bindgen_test]
fn read_as_javascript_reads_them() {
    // As JS prints them (`1e+21`), and half of them without the `+`.
    let mut texts: Vec<String> = doubles()
        .into_iter()
        .filter(|n| n.is_finite())
        .enumerate()
        .map(|(i, n)| match portable::to_js_string(n) {
            text if i % 2 == 0 => text,
            text => text.replace("e+", "e"),
        })
        .collect();
    // Decimals of 1 to 56 digits (many more than the 17 a double tells
    // apart), exponents from -350 to 349: each must read as std reads it,
    // the nearest double.
    let mut digits = stream(7).map(|n| char::from(b'0' + (n % 10) as u8));
    for length in 1..=2_000 {
        let whole: String = digits.by_ref().take(1 + length % 30).collect();
        let fraction: String = digits.by_ref().take(length % 27).collect();
        texts.push(format!("{whole}.{fraction}e{}", length as i32 % 700 - 350));
    }
    // Halfway and boundary cases, where a reader that does not round
    // correctly goes wrong: 2^53 + 1, the largest subnormal's neighbours,
    // half the smallest subnormal, the edge of overflow, and a decimal of
    // 900 digits (V8 keeps 772 of them and rounds by the rest's presence).
    texts.extend(
        [
            "9007199254740993",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "007",
            "7.",
            "-0",
            "1.e5",
        ]
        .map(String::from),
    );
    texts.push(format!("0.{}1e309", "9".repeat(900)));
    for text in texts {
        assert_eq!(
            number::parse_decimal(&text).map(f64::to_bits),
            portable::parse_decimal(&text).map(f64::to_bits),
            "{text}"
        );
    }
}

#[wasm_bindgen_test]
fn refuses_what_is_no_decimal_and_reads_the_odd_ones() {
    for text in [
        "", "-", ".5", "+1", "inf", "NaN", "1e", "1e+", "1..2", "0x10", "1_000", " 1",
    ] {
        assert_eq!(number::parse_decimal(text), None, "{text}");
    }
    assert_eq!(number::parse_decimal("7."), Some(7.0));
    assert_eq!(number::parse_decimal("007"), Some(7.0));
    assert_eq!(
        number::parse_decimal("-0").map(f64::to_bits),
        Some((-0.0f64).to_bits())
    );
}
