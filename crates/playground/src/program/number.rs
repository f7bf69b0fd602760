//! Numbers as a user reads and writes them: printed the way JavaScript prints
//! them (`Number.prototype.toString`), so a message shows the value that was
//! typed (`1.0000001`, `2.5e-7`, `Infinity`), and read from share links and
//! the Rust panel correctly rounded (`7.00000` is 7).
//!
//! In wasm the page asks JavaScript itself (`String(n)`, `parseFloat`).
//! Leaving out std's own float-to-text code (the Grisu and Dragon
//! algorithms) and text-to-float code (Eisel-Lemire, with a table of powers
//! of five that gzip barely shrinks) saved the first run's module 26.2 KB
//! gzipped of its 162.6 (measured 2026-12-07). Outside wasm (in the native
//! tests) [`portable`] does the same with std, and a browser test
//! (`tests/numbers_in_browser.rs`) checks that the two agree.

/// `n` as JavaScript's `String(n)` writes it: JavaScript's own.
#[cfg(target_arch = "wasm32")]
pub fn to_js_string(n: f64) -> String {
    String::from(
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .expect("radix 10 is in 2..=36"),
    )
}

/// A decimal of the form `-?digits(.digits?)?([eE][+-]?digits)?` (JSON's,
/// but for a trailing `.` and leading zeros), read by JavaScript's own
/// `parseFloat`, which rounds correctly in every engine we test (ECMAScript
/// lets an engine round after the 20th significant digit; the browser test
/// has decimals of up to 900). `None` for anything else.
#[cfg(target_arch = "wasm32")]
pub fn parse_decimal(text: &str) -> Option<f64> {
    portable::is_json_decimal(text).then(|| js_sys::Number::parse_float(text))
}

#[cfg(not(target_arch = "wasm32"))]
pub use portable::{parse_decimal, to_js_string};

/// The same without JavaScript, with std.
pub mod portable {
    /// `n` as JavaScript's `String(n)` writes it.
    ///
    /// ECMAScript's Number::toString asks for the fewest digits that read back
    /// as `n`, the closest to `n` of those, and the even one on a tie; std gives
    /// the digits, and the layout is JavaScript's: plain decimals for exponents
    /// from -7 to 20, `1e+21` beyond.
    pub fn to_js_string(n: f64) -> String {
        if n.is_nan() {
            return "NaN".into();
        }
        if n == 0.0 {
            return "0".into(); // -0 too, as in JS
        }
        if n < 0.0 {
            return format!("-{}", to_js_string(-n));
        }
        if n.is_infinite() {
            return "Infinity".into();
        }
        // How many digits the shortest round-trip form needs: std's `{:e}`.
        // Printed again with exactly that many, the digits are correctly rounded,
        // ties to even, as JS breaks them (`{:e}` alone rounds a tie up:
        // 1125899906842624.25 is "…624.2" in JS, "…624.3" in `{:e}`).
        let shortest = format!("{n:e}");
        let digit_count = shortest.split_once('e').map_or(0, |(mantissa, _)| {
            mantissa.bytes().filter(u8::is_ascii_digit).count()
        });
        let scientific = format!("{n:.*e}", digit_count.saturating_sub(1));
        let (mantissa, exponent) = scientific
            .split_once('e')
            .expect("`{:e}` always writes an exponent");
        let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
        let exponent: i32 = exponent.parse().expect("`{:e}` writes a whole exponent");
        // The spec's names: the value is 0.digits × 10^point.
        let point = exponent + 1;
        let count = digits.len() as i32;
        match point {
            _ if count <= point && point <= 21 => {
                format!("{digits}{}", "0".repeat((point - count) as usize))
            }
            1..=21 => {
                let (whole, fraction) = digits.split_at(point as usize);
                format!("{whole}.{fraction}")
            }
            -5..=0 => format!("0.{}{digits}", "0".repeat(-point as usize)),
            _ => {
                let (first, rest) = digits.split_at(1);
                let dot = if rest.is_empty() { "" } else { "." };
                let sign = if exponent < 0 { '-' } else { '+' };
                format!("{first}{dot}{rest}e{sign}{}", exponent.abs())
            }
        }
    }

    /// Reads a decimal of the form `-?digits(.digits?)?([eE][+-]?digits)?`,
    /// correctly rounded to the nearest double. `None` for anything else
    /// (`str::parse` alone would also take `inf`, `NaN`, `+1` and `.5`).
    pub fn parse_decimal(text: &str) -> Option<f64> {
        is_json_decimal(text).then(|| text.parse().ok()).flatten()
    }

    /// Whether `text` is a decimal of that form: JSON's, but for a trailing
    /// `.` and leading zeros, which are read as std and JavaScript read them.
    pub fn is_json_decimal(text: &str) -> bool {
        let unsigned = text.strip_prefix('-').unwrap_or(text);
        let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, Some(exponent)),
            None => (unsigned, None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
        let exponent_ok = exponent.is_none_or(|e| {
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
        !whole.is_empty() && digits(whole) && digits(fraction) && exponent_ok
    }
}

#[cfg(test)]
mod tests {
    use super::portable::{parse_decimal, to_js_string};

    #[test]
    fn prints_as_javascript_does() {
        // Each pair was checked against `String(n)` in Chromium.
        let table = [
            (0.0, "0"),
            (-0.0, "0"),
            (7.0, "7"),
            (-5.0, "-5"),
            (1.5, "1.5"),
            (1.0000001, "1.0000001"),
            (2.5e-7, "2.5e-7"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e21, "1e+21"),
            (1.5e300, "1.5e+300"),
            (0.1 + 0.2, "0.30000000000000004"),
            // Ties between two shortest forms go to the even digit (written
            // as sums: each is exact, but clippy reads the literals as more
            // digits than a double holds).
            (1125899906842624.0 + 0.25, "1125899906842624.2"),
            (1125899906842624.0 + 0.75, "1125899906842624.8"),
            (-(119774867213213.0 + 0.625), "-119774867213213.62"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
        ];
        for (n, want) in table {
            assert_eq!(to_js_string(n), want, "{n:e}");
        }
    }

    #[test]
    fn reads_json_decimals_exactly() {
        for (text, want) in [
            ("7", 7.0),
            ("7.00000", 7.0),
            ("7.", 7.0),
            ("100.000000000000001", 100.0),
            ("-5", -5.0),
            ("1e9", 1e9),
            ("2.5E-3", 0.0025),
            ("1e400", f64::INFINITY),
        ] {
            assert_eq!(parse_decimal(text), Some(want), "{text}");
        }
        for text in [
            "", "-", ".5", "+1", "inf", "NaN", "1e", "1e+", "1..2", "0x10", "1_000",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }
}
