//! Scenarios in URL fragments, for share links: compact, readable, and decoded
//! into a [`Value`] so the same validation applies as to any other input.
//!
//! ```text
//! step := "S(" text "," number ")"        sleep(label, ms)
//!       | "L(" text ")"                   log(text)
//!       | ("Q"|"A"|"R"|"C") "(" step ("," step)* ")"
//!                                         seq, all, race, create_then_await
//! ```
//! Text is percent-encoded UTF-8 (anything but letters, digits and `-._~'!*`).
//! The notes' example: `Q(S(Timer%201,200),S(Timer%202,100),S(Timer%203,50),L(I'm%20the%20last%20one))`.

use crate::scenario::Step;
use crate::validate::{self, Problem};
use crate::value::{n, s, Value};

/// Longest fragment read, in bytes: far above any valid scenario.
pub const MAX_FRAGMENT: usize = 8_192;

/// The scenario as a fragment.
pub fn encode(step: &Step) -> String {
    let mut out = String::new();
    write_step(step, &mut out);
    out
}

fn write_step(step: &Step, out: &mut String) {
    let tag = match step {
        Step::Sleep { label, ms } => {
            out.push_str("S(");
            escape(label, out);
            out.push(',');
            crate::text::push_u64(out, u64::from(*ms));
            out.push(')');
            return;
        }
        Step::Log { text } => {
            out.push_str("L(");
            escape(text, out);
            out.push(')');
            return;
        }
        Step::Seq(_) => 'Q',
        Step::All(_) => 'A',
        Step::Race(_) => 'R',
        Step::CreateThenAwait(_) => 'C',
    };
    out.push(tag);
    out.push('(');
    for (i, child) in step.children().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_step(child, out);
    }
    out.push(')');
}

fn escape(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~'!*".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push('%');
            for nibble in [byte >> 4, byte & 15] {
                out.push(char::from(b"0123456789ABCDEF"[usize::from(nibble)]));
            }
        }
    }
}

/// Reads a fragment and validates the scenario in it.
pub fn decode(fragment: &str) -> Result<Step, Vec<Problem>> {
    let value = parse(fragment).map_err(|message| {
        vec![Problem {
            path: "fragment".into(),
            message,
        }]
    })?;
    validate::scenario(&value)
}

/// Parses a fragment into a value tree (no validation of fields yet).
pub fn parse(fragment: &str) -> Result<Value, String> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(cat!(
            "is ",
            fragment.len(),
            " bytes long; at most ",
            MAX_FRAGMENT,
            " are read"
        ));
    }
    let mut parser = Parser {
        bytes: fragment.as_bytes(),
        at: 0,
    };
    let value = parser.step(0)?;
    if parser.at != parser.bytes.len() {
        return Err(parser.error("the end"));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

/// Deeper than any valid scenario, so validation can name the depth problem.
const MAX_PARSE_DEPTH: usize = 12;

impl Parser<'_> {
    fn error(&self, expected: &str) -> String {
        match self.bytes.get(self.at) {
            Some(&b) if b.is_ascii_graphic() => {
                cat!(
                    "expected ",
                    expected,
                    " at character ",
                    self.at + 1,
                    ", found '",
                    b as char,
                    "'"
                )
            }
            Some(_) => cat!("expected ", expected, " at character ", self.at + 1),
            None => cat!("expected ", expected, ", but the fragment ended"),
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), String> {
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&cat!("'", byte as char, "'")))
        }
    }

    fn step(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_PARSE_DEPTH {
            return Err(cat!("is nested deeper than ", MAX_PARSE_DEPTH, " levels"));
        }
        let tag = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.error("a step (S, L, Q, A, R or C)"))?;
        let kind = match tag {
            b'S' => "sleep",
            b'L' => "log",
            b'Q' => "seq",
            b'A' => "all",
            b'R' => "race",
            b'C' => "create_then_await",
            _ => return Err(self.error("a step (S, L, Q, A, R or C)")),
        };
        self.at += 1;
        self.eat(b'(')?;
        let mut fields = vec![("type".to_string(), s(kind))];
        match tag {
            b'S' => {
                fields.push(("label".into(), self.text()?));
                self.eat(b',')?;
                fields.push(("ms".into(), self.number()?));
            }
            b'L' => fields.push(("text".into(), self.text()?)),
            _ => {
                let mut steps = vec![self.step(depth + 1)?];
                while self.bytes.get(self.at) == Some(&b',') {
                    self.at += 1;
                    steps.push(self.step(depth + 1)?);
                }
                fields.push(("steps".into(), Value::Array(steps)));
            }
        }
        self.eat(b')')?;
        Ok(Value::Object(fields))
    }

    fn text(&mut self) -> Result<Value, String> {
        let start = self.at;
        let mut bytes = Vec::new();
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b',' | b')' | b'(' => break,
                b'%' => {
                    let hex = match self.bytes.get(self.at + 1..self.at + 3) {
                        // As `u8::from_str_radix` read it: a leading `+` is a sign.
                        Some(&[b'+', digit]) => hex_digit(digit),
                        Some(&[high, low]) => {
                            hex_digit(high).zip(hex_digit(low)).map(|(h, l)| h * 16 + l)
                        }
                        _ => None,
                    }
                    .ok_or_else(|| self.error("two hex digits after %"))?;
                    bytes.push(hex);
                    self.at += 3;
                }
                _ => {
                    bytes.push(b);
                    self.at += 1;
                }
            }
        }
        utf8(&bytes)
            .map(Value::String)
            .ok_or_else(|| cat!("the text at character ", start + 1, " is not valid UTF-8"))
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_digit() || b"-+.eE".contains(b))
        {
            self.at += 1;
        }
        parse_number(&self.bytes[start..self.at])
            .map(n)
            .ok_or_else(|| {
                self.at = start;
                self.error("a number of milliseconds")
            })
    }
}

/// The value of a hex digit (either case).
fn hex_digit(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|d| d as u8)
}

/// `bytes` as text if they are valid UTF-8, as `String::from_utf8` decides
/// (no overlong forms, surrogates or code points past U+10FFFF), without
/// core's validator and its tables.
fn utf8(bytes: &[u8]) -> Option<String> {
    let mut text = String::new();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        let (len, min, bits) = match lead {
            0x00..=0x7F => (1, 0, lead),
            0xC0..=0xDF => (2, 0x80, lead & 0x1F),
            0xE0..=0xEF => (3, 0x800, lead & 0x0F),
            0xF0..=0xF7 => (4, 0x1_0000, lead & 0x07),
            _ => return None,
        };
        let mut code = u32::from(bits);
        for i in 1..len {
            let next = *bytes.get(at + i)?;
            if next & 0xC0 != 0x80 {
                return None;
            }
            code = code << 6 | u32::from(next & 0x3F);
        }
        if code < min {
            return None;
        }
        // Surrogates and code points past U+10FFFF are no `char`.
        text.push(char::from_u32(code)?);
        at += len;
    }
    Some(text)
}

/// `-12`, `1.5`, `1e9`, `2.5E-3`: enough of JSON's number syntax to read any
/// delay and report a bad one, without `f64::from_str` (whose tables would
/// be a large part of the wasm).
fn parse_number(text: &[u8]) -> Option<f64> {
    let (negative, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let (mantissa, exponent) = match text.iter().position(|b| *b == b'e' || *b == b'E') {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = match mantissa.iter().position(|b| *b == b'.') {
        Some(at) => (&mantissa[..at], &mantissa[at + 1..]),
        None => (mantissa, &[][..]),
    };
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    if whole.is_empty() || !digits(whole) || !digits(fraction) || whole.len() + fraction.len() > 30
    {
        return None;
    }
    let mut value = 0.0;
    for d in whole.iter().chain(fraction) {
        value = value * 10.0 + f64::from(d - b'0');
    }
    let mut power = -(fraction.len() as i32);
    if let Some(exponent) = exponent {
        let (sign, e) = match exponent.split_first() {
            Some((b'-', rest)) => (-1, rest),
            Some((b'+', rest)) => (1, rest),
            _ => (1, exponent),
        };
        if e.is_empty() || e.len() > 4 || !digits(e) {
            return None;
        }
        let e: i32 = e.iter().fold(0, |acc, d| acc * 10 + i32::from(d - b'0'));
        power += sign * e;
    }
    let value = value * 10f64.powi(power);
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::utf8;

    #[test]
    fn utf8_accepts_exactly_what_std_accepts() {
        let edges = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0,
            0xF4, 0xF5, 0xFF,
        ];
        let mut inputs: Vec<Vec<u8>> = vec![vec![]];
        for a in 0..=255u8 {
            inputs.push(vec![a]);
            for b in 0..=255u8 {
                inputs.push(vec![a, b]);
                for &c in &edges {
                    inputs.push(vec![a, b, c]);
                    if a >= 0xF0 {
                        for &d in &edges {
                            inputs.push(vec![a, b, c, d]);
                        }
                    }
                }
            }
        }
        for bytes in inputs {
            let want = String::from_utf8(bytes.clone()).ok();
            assert_eq!(utf8(&bytes), want, "{bytes:02X?}");
        }
    }
}
