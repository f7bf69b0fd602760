//! A log's text that reads loop variables, as a Rust format string with
//! inline names does: `"round {round} of {n}"` prints each loop's count
//! where its name stands; `{{` and `}}` are the braces themselves. Nothing
//! else of `format!` is read (no `{}`, no `{round:>3}`): the lanes write
//! it as `format!("…")` in Rust and a template literal in JS, and both
//! print a whole number the same way.

/// A piece of a text: as written, or a variable's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text as it prints (braces unescaped).
    Text(String),
    /// The name of a loop's variable.
    Var(&'a str),
}

/// What is wrong with a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A brace without its pair: no format string at all, for Rust too.
    Unpaired(&'static str),
    /// `{}`, `{0}`, `{round:>3}`…: Rust reads them, this playground does not.
    NotAName(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Unpaired(what) => f.write_str(what),
            Problem::NotAName(inside) => write!(
                f,
                "reads `{{{inside}}}`: a text reads only a loop's variable by its name, as \
                 `{{round}}` (`{{{{` writes a brace)"
            ),
        }
    }
}

/// The pieces of `text`, or what is wrong with it.
pub fn pieces(text: &str) -> Result<Vec<Piece<'_>>, Problem> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("{{") || rest.starts_with("}}") {
            plain.push(c);
            rest = &rest[2..];
        } else if c == '{' {
            let end = (rest.find('}')).ok_or(Problem::Unpaired(
                "has a `{` with no matching `}`: in Rust every `{` in a format string is \
                 special; write `{{` for a brace itself",
            ))?;
            let name = &rest[1..end];
            if !is_name(name) {
                return Err(Problem::NotAName(name.into()));
            }
            if !plain.is_empty() {
                out.push(Piece::Text(std::mem::take(&mut plain)));
            }
            out.push(Piece::Var(name));
            rest = &rest[end + 1..];
        } else if c == '}' {
            return Err(Problem::Unpaired(
                "has a `}` with no matching `{`: in Rust every `}` in a format string is \
                 special; write `}}` for a brace itself",
            ));
        } else {
            plain.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !plain.is_empty() {
        out.push(Piece::Text(plain));
    }
    Ok(out)
}

/// `text` printed with each variable's value from `value`: what the lanes
/// log. `text` must be valid ([`pieces`]), every name known.
pub fn format(text: &str, value: impl Fn(&str) -> Option<u32>) -> String {
    // Not `expect`: its message would format a `Problem` with `Debug`, which
    // costs the wasm about 1.5 KB (twiggy) for a case validation rules out.
    let Ok(pieces) = pieces(text) else {
        return text.to_string();
    };
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.clone(),
            Piece::Var(name) => value(name)
                .expect("validation: a name of a loop around it")
                .to_string(),
        })
        .collect()
}

/// A loop variable's name: a Rust identifier in lowercase snake case (the
/// names a learner gives), at most 20 characters, not `_` alone.
pub fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first = chars.next();
    first.is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name != "_"
        && name.len() <= 20
        && !KEYWORDS.contains(&name)
}

/// Rust's keywords in lowercase, which no variable may be named.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override",
    "priv", "try", "typeof", "unsized", "virtual", "yield",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_braces() {
        assert_eq!(
            pieces("a {{b}} {round}!").unwrap(),
            vec![
                Piece::Text("a {b} ".into()),
                Piece::Var("round"),
                Piece::Text("!".into())
            ]
        );
        assert_eq!(
            format("{i}-{j}", |n| Some(if n == "i" { 1 } else { 20 })),
            "1-20"
        );
        assert!(pieces("{}").is_err());
        assert!(pieces("{i:>3}").is_err());
        assert!(pieces("{i").is_err());
        assert!(pieces("i}").is_err());
        assert!(pieces("{fn}").is_err());
    }
}
