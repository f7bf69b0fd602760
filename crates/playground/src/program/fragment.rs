//! Scenarios in URL fragments, for share links: compact, readable, and decoded
//! into a [`Value`] so the same validation applies as to any other input.
//!
//! ```text
//! step := "S(" text "," number ")"        sleep(label, ms)
//!       | "L(" text ")"                   log(text)
//!       | "V(" text ")"                   log(text) reading loop variables
//!       | "B(" number ")"                 block(ms)
//!       | "Y"                             yield
//!       | ("Q"|"A"|"J"|"R"|"U"|"M"|"C") "(" step ("," step)* ")"
//!                                         seq, all, all as join_all, race,
//!                                         random race, arm, create_then_await
//!       | "F(" number ["," name] ("," step)+ ")"
//!                                         repeat(times, var, steps): a for loop
//!       | ("G"|"K") "(" number "," name ("," step)+ ")"
//!                                         the same, a counter's while or loop
//!       | "P(" number ("," step)+ ")"     spawn(handle, steps); handle 0: none
//!       | "W(" number ")"                 await_handle(handle)
//!       | "X(" number ")"                 abort(handle)
//!       | "T(" number "," call ")"        spawn(handle, [call]) of the call itself
//!       | "D(" step ("," step)* ")"       module(functions)
//!       | "N(" name ("," name)* ("," step)+ ")"
//!                                         async_fn(name, params, steps)
//!       | "H(" name ("," number)* ")"     call(name, args)
//!       | "E(" name "," number ")"        let(name, value)
//! ```
//! In a helper, a sleep's or a block's number may be a parameter's name:
//! `S(Kettle,ms)`, `B(ms)`.
//! Text is percent-encoded UTF-8 (anything but letters, digits and `-._~'!*`);
//! a number is a JSON decimal (`200`, `7.00000`, `2e2`), read exactly.
//! The notes' example: `Q(S(Timer%201,200),S(Timer%202,100),S(Timer%203,50),L(I'm%20the%20last%20one))`.

use percent_encoding::{percent_decode, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::program::number::parse_decimal;
use crate::program::scenario::{LoopStyle, Step};
use crate::program::validate::{self, Problem};
use crate::program::value::{n, s, Value};

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
            out.push_str(&ms.to_string());
            out.push(')');
            return;
        }
        Step::Log { text, format } => {
            out.push_str(if *format { "V(" } else { "L(" });
            escape(text, out);
            out.push(')');
            return;
        }
        Step::Block { ms } => {
            out.push_str(&format!("B({ms})"));
            return;
        }
        Step::Yield => {
            out.push('Y');
            return;
        }
        Step::AwaitHandle { handle } => {
            out.push_str(&format!("W({handle})"));
            return;
        }
        Step::Abort { handle } => {
            out.push_str(&format!("X({handle})"));
            return;
        }
        Step::Spawn { handle, direct, .. } => {
            let tag = if *direct { 'T' } else { 'P' };
            out.push_str(&format!("{tag}({}", handle.unwrap_or(0)));
            for child in step.children() {
                out.push(',');
                write_step(child, out);
            }
            out.push(')');
            return;
        }
        Step::Repeat {
            times, var, style, ..
        } => {
            let tag = match style {
                LoopStyle::For => 'F',
                LoopStyle::While => 'G',
                LoopStyle::Loop => 'K',
            };
            out.push_str(&format!("{tag}({times}"));
            if let Some(var) = var {
                out.push(',');
                out.push_str(var);
            }
            for child in step.children() {
                out.push(',');
                write_step(child, out);
            }
            out.push(')');
            return;
        }
        Step::SleepFor { label, param } => {
            out.push_str("S(");
            escape(label, out);
            out.push_str(&format!(",{param})"));
            return;
        }
        Step::BlockFor { param } => {
            out.push_str(&format!("B({param})"));
            return;
        }
        Step::Let { name, value } => {
            out.push_str(&format!("E({name},{value})"));
            return;
        }
        Step::Call { name, args } => {
            out.push_str(&format!("H({name}"));
            for arg in args {
                out.push_str(&format!(",{arg}"));
            }
            out.push(')');
            return;
        }
        Step::AsyncFn {
            name,
            params,
            steps,
        } => {
            out.push_str(&format!("N({name}"));
            for param in params {
                out.push_str(&format!(",{param}"));
            }
            for child in steps {
                out.push(',');
                write_step(child, out);
            }
            out.push(')');
            return;
        }
        Step::Module(_) => 'D',
        Step::Seq(_) => 'Q',
        Step::All(_) => 'A',
        Step::JoinAll(_) => 'J',
        Step::Race(_) => 'R',
        Step::RandomRace(_) => 'U',
        Step::Arm(_) => 'M',
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

/// What text keeps as it is: letters, digits and `-._~'!*`, which need no
/// escaping in a URL fragment and read well in a share link.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'\'')
    .remove(b'!')
    .remove(b'*');

fn escape(text: &str, out: &mut String) {
    out.extend(utf8_percent_encode(text, KEEP));
}

/// Reads a fragment and validates the scenario in it.
pub fn decode(fragment: &str) -> Result<Step, Vec<Problem>> {
    let value = parse(fragment).map_err(|message| {
        vec![Problem {
            // The link's field: its messages name the field, as the others'.
            path: "s".into(),
            message,
        }]
    })?;
    validate::scenario(&value)
}

/// Parses a fragment into a value tree (no validation of fields yet).
pub fn parse(fragment: &str) -> Result<Value, String> {
    if fragment.len() > MAX_FRAGMENT {
        return Err(format!(
            "is {} bytes long; at most {} are read",
            fragment.len(),
            MAX_FRAGMENT
        ));
    }
    let mut parser = Parser {
        source: fragment,
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
    source: &'a str,
    bytes: &'a [u8],
    at: usize,
}

/// What a step starts with.
const STEP_TAGS: &str =
    "a step (S, L, V, B, Y, Q, A, J, R, U, M, C, F, G, K, P, T, W, X, D, N, H or E)";

/// Deeper than any valid scenario, so validation can name the depth problem.
const MAX_PARSE_DEPTH: usize = 12;

impl Parser<'_> {
    /// What a reader of a broken link needs first (the link may have been
    /// cut short, or changed by hand), then where the program stops.
    fn error(&self, expected: &str) -> String {
        const UNREADABLE: &str = "is not a program this page can read";
        match self.bytes.get(self.at) {
            Some(&b) if b.is_ascii_graphic() => {
                format!(
                    "{UNREADABLE}: expected {expected} at character {}, found '{}'",
                    self.at + 1,
                    b as char
                )
            }
            Some(_) => format!(
                "{UNREADABLE}: expected {expected} at character {}",
                self.at + 1
            ),
            None => format!(
                "ends before its program does (was the link cut short when it was copied?): \
                 expected {expected}"
            ),
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), String> {
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(&format!("'{}'", byte as char)))
        }
    }

    fn step(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_PARSE_DEPTH {
            return Err(format!("is nested deeper than {MAX_PARSE_DEPTH} levels"));
        }
        let tag = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.error(STEP_TAGS))?;
        let kind = match tag {
            b'S' => "sleep",
            b'L' | b'V' => "log",
            b'B' => "block",
            b'Y' => "yield",
            b'Q' => "seq",
            b'A' | b'J' => "all",
            b'R' | b'U' => "race",
            b'M' => "arm",
            b'C' => "create_then_await",
            b'F' | b'G' | b'K' => "repeat",
            b'P' | b'T' => "spawn",
            b'W' => "await_handle",
            b'X' => "abort",
            b'D' => "module",
            b'N' => "async_fn",
            b'H' => "call",
            b'E' => "let",
            _ => return Err(self.error(STEP_TAGS)),
        };
        self.at += 1;
        let mut fields = vec![("type".to_string(), s(kind))];
        if tag == b'U' {
            fields.push(("random".into(), Value::Bool(true)));
        }
        if tag == b'T' {
            fields.push(("direct".into(), Value::Bool(true)));
        }
        if tag == b'J' {
            fields.push(("join_all".into(), Value::Bool(true)));
        }
        if tag == b'Y' {
            // A yield has nothing to say: no parentheses.
            return Ok(Value::Object(fields));
        }
        self.eat(b'(')?;
        match tag {
            b'S' => {
                fields.push(("label".into(), self.text()?));
                self.eat(b',')?;
                fields.push(self.ms_or_param()?);
            }
            b'L' => fields.push(("text".into(), self.text()?)),
            b'V' => {
                fields.push(("text".into(), self.text()?));
                fields.push(("format".into(), Value::Bool(true)));
            }
            b'B' => fields.push(self.ms_or_param()?),
            b'W' | b'X' => fields.push(("handle".into(), self.number()?)),
            b'E' => {
                fields.push(("name".into(), self.name()));
                self.eat(b',')?;
                fields.push(("value".into(), self.number()?));
            }
            b'H' => {
                fields.push(("name".into(), self.name()));
                let mut args = Vec::new();
                while self.bytes.get(self.at) == Some(&b',') {
                    self.at += 1;
                    args.push(self.number()?);
                }
                fields.push(("args".into(), Value::Array(args)));
            }
            b'N' => {
                fields.push(("name".into(), self.name()));
                // Its parameters: names (lowercase, where a step's tag is a
                // capital).
                let mut params = Vec::new();
                while self.bytes.get(self.at) == Some(&b',') && self.named_next() {
                    self.at += 1;
                    params.push(self.name());
                }
                fields.push(("params".into(), Value::Array(params)));
                let mut steps = Vec::new();
                while self.bytes.get(self.at) == Some(&b',') {
                    self.at += 1;
                    steps.push(self.step(depth + 1)?);
                }
                fields.push(("steps".into(), Value::Array(steps)));
            }
            b'P' | b'T' | b'F' | b'G' | b'K' => {
                let number = self.number()?;
                match tag {
                    b'F' | b'G' | b'K' => {
                        fields.push(("times".into(), number));
                        if tag != b'F' {
                            let style = if tag == b'G' { "while" } else { "loop" };
                            fields.push(("style".into(), s(style)));
                        }
                        // A name (lowercase, where a step's tag is a capital).
                        if self.bytes.get(self.at) == Some(&b',') && self.named_next() {
                            self.at += 1;
                            fields.push(("var".into(), self.name()));
                        }
                    }
                    // 0: a task nobody awaits has no handle.
                    _ if number != n(0.0) => fields.push(("handle".into(), number)),
                    _ => {}
                }
                let mut steps = Vec::new();
                while self.bytes.get(self.at) == Some(&b',') {
                    self.at += 1;
                    steps.push(self.step(depth + 1)?);
                }
                fields.push(("steps".into(), Value::Array(steps)));
            }
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

    /// Whether a name follows the `,` at the cursor: it starts lowercase,
    /// where a step's tag is a capital and a number a digit.
    fn named_next(&self) -> bool {
        let next = self.bytes.get(self.at + 1);
        next.is_some_and(|b| b.is_ascii_lowercase() || *b == b'_')
    }

    /// A delay: a number (`ms`), or the name of a parameter of the helper
    /// it is in (`param`).
    fn ms_or_param(&mut self) -> Result<(String, Value), String> {
        let next = self.bytes.get(self.at);
        if next.is_some_and(|b| b.is_ascii_lowercase() || *b == b'_') {
            return Ok(("param".into(), self.name()));
        }
        Ok(("ms".into(), self.number()?))
    }

    /// A loop variable's or a function's name: letters, digits and `_`
    /// (validation says if it is one).
    fn name(&mut self) -> Value {
        let start = self.at;
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            self.at += 1;
        }
        s(&String::from_utf8_lossy(&self.bytes[start..self.at]))
    }

    fn text(&mut self) -> Result<Value, String> {
        let start = self.at;
        while let Some(&b) = self.bytes.get(self.at) {
            match b {
                b',' | b')' | b'(' => break,
                // `percent_decode` would keep a bad escape as it is: refuse it.
                b'%' if !self.bytes[self.at + 1..]
                    .get(..2)
                    .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) =>
                {
                    return Err(self.error("two hex digits after %"));
                }
                _ => self.at += 1,
            }
        }
        percent_decode(&self.bytes[start..self.at])
            .decode_utf8()
            .map(|text| Value::String(text.into_owned()))
            .map_err(|_| format!("the text at character {} is not valid UTF-8", start + 1))
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
        // Only ASCII was taken, so the slice ends on a character boundary.
        parse_decimal(&self.source[start..self.at])
            .map(n)
            .ok_or_else(|| {
                self.at = start;
                self.error("a number of milliseconds")
            })
    }
}
