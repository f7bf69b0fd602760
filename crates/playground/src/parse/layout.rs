//! Where things are in a program's text, as its writer laid it out: the
//! numbers of its timers, so a timing input can rewrite one in place
//! (comments and layout kept); which line of the text each line of the
//! rendered panel is, so a trace names lines of the text that was written;
//! and the names its `let`s give their futures, so the State machine shows
//! them.

use super::error::{ParseError, Pos};
use super::grammar::arithmetic_op;
use super::lexer::{self, Tok, Token};
use super::parse;
use crate::render;

/// `text` with its timers' delays set to `ms` (in reading order), nothing
/// else changed. `text` must parse, and have as many timers as `ms` has.
pub fn set_timings(text: &str, ms: &[u32]) -> Result<String, ParseError> {
    let step = parse(text)?;
    let tokens = lexer::lex(text)?.tokens;
    // Each timer's delay, where the parser read it, in the scenario's order
    // of timers (a `join!` of `let`s in another order has them in its own).
    let numbers: Vec<&Token> = super::timer_places(text)?
        .into_iter()
        .filter_map(|at| tokens.iter().find(|t| t.at == at))
        .collect();
    if numbers.len() != ms.len() || numbers.len() != step.timers().len() {
        return Err(ParseError::new(
            Pos { line: 1, column: 1 },
            format!(
                "the program has {} timers, {} delays were given",
                step.timers().len(),
                ms.len()
            ),
        ));
    }
    let starts = line_starts(text);
    let mut out = text.to_string();
    // From the last in the text, so the earlier offsets stay right. A delay
    // written as a sum (`100 + 50`) becomes the one number, up to its `)`.
    // (The text's tokens walked backwards, not the edits sorted: a sort
    // cost the wasm 2.5 KB gzipped, measured.)
    let edits: Vec<(&Token, &u32)> = numbers.into_iter().zip(ms).collect();
    for (k, token) in tokens.iter().enumerate().rev() {
        let Some((_, ms)) = edits.iter().find(|(t, _)| std::ptr::eq(*t, token)) else {
            continue;
        };
        let last = tokens[k..]
            .iter()
            .take_while(|t| t.tok != Tok::Punct(")"))
            .last()
            .unwrap_or(token);
        let from = offset(text, &starts, token.at);
        let to = offset(text, &starts, last.end);
        out.replace_range(from..to, &ms.to_string());
    }
    Ok(out)
}

/// For each line of the panel `text`'s scenario renders to (from 1; item
/// `k` is line `k + 1`), the line of `text` holding the same code. A
/// rendered line without code (blank, a comment) takes the next line that
/// has some (the last line of `text` at the end).
pub fn line_map(text: &str) -> Result<Vec<usize>, ParseError> {
    let step = parse(text)?;
    let rendered = render::rust(&step).text(4);
    let theirs = written_code(text)?;
    let ours = without_move(code_tokens(&rendered)?);
    let lines = rendered.lines().count();
    let mut map = vec![0; lines];
    for (i, j) in align(&ours, &theirs) {
        let line = ours[i].at.line;
        if line <= lines && map[line - 1] == 0 {
            map[line - 1] = theirs[j].at.line;
        }
    }
    let last = text.lines().count().max(1);
    let mut next = last;
    for slot in map.iter_mut().rev() {
        if *slot == 0 {
            *slot = next;
        } else {
            next = *slot;
        }
    }
    Ok(map)
}

/// For each future a `let` of `text` names, the name the rendered panel
/// gives it (`f1`, `f2`… in the order made) and the name written, in
/// that order; `text` must parse.
pub fn future_names(text: &str) -> Result<Vec<(String, String)>, ParseError> {
    let step = parse(text)?;
    let rendered = render::rust(&step).text(4);
    let theirs = written_code(text)?;
    let ours = without_move(code_tokens(&rendered)?);
    let is_let = |t: &Token| t.tok == Tok::Word("let".into());
    // A `let` of a number names no future: its name is the same in both.
    let is_number = |i: usize| matches!(ours.get(i + 2).map(|t| &t.tok), Some(Tok::Number(..)));
    Ok(align(&ours, &theirs)
        .into_iter()
        .filter(|&(i, _)| i > 0 && is_let(&ours[i - 1]) && !is_number(i))
        .filter_map(|(i, j)| match (&ours[i].tok, &theirs[j].tok) {
            (Tok::Word(rendered), Tok::Word(written)) => Some((rendered.clone(), written.clone())),
            _ => None,
        })
        .collect())
}

/// The tokens of `text` but the end.
fn code_tokens(text: &str) -> Result<Vec<Token>, ParseError> {
    let mut tokens = lexer::lex(text)?.tokens;
    tokens.pop();
    Ok(tokens)
}

/// The tokens of a written text that parses, but for the words the
/// renderer never writes and that change nothing: `let _ =` before an
/// awaited sleep, `move` after `async`, the `use` lines after the first;
/// `sleep(Duration::from_millis(N))` as the renderer writes it,
/// `sleep_ms(N)`, `std::thread::sleep(Duration::from_millis(N))` as
/// `block_ms(N)`, and `println!(…)` as `log(…)`.
fn written_code(text: &str) -> Result<Vec<Token>, ParseError> {
    let tokens = joined_lets(code_tokens(text)?);
    let word = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.tok == Tok::Word(w.into()));
    let mut out = Vec::with_capacity(tokens.len());
    // `)`s still to drop: those closing a `Duration::from_millis(`.
    let mut closes = 0;
    let mut k = 0;
    while k < tokens.len() {
        if closes > 0 && tokens[k].tok == Tok::Punct(")") {
            closes -= 1;
            k += 1;
            continue;
        }
        if word(k, "std") && word(k + 2, "thread") {
            // std :: thread :: sleep: the renderer's one word, block_ms.
            k += 4;
            continue;
        }
        if word(k, "use") && k > 0 {
            while k < tokens.len() && tokens[k].tok != Tok::Punct(";") {
                k += 1;
            }
            k += 1;
            continue;
        }
        if matches!(tokens[k].tok, Tok::Number(..)) {
            // A delay written as a sum is the renderer's one number.
            out.push(tokens[k].clone());
            k += 1;
            while k + 1 < tokens.len()
                && arithmetic_op(&tokens[k].tok).is_some()
                && matches!(tokens[k + 1].tok, Tok::Number(..))
            {
                k += 2;
            }
            continue;
        }
        if word(k, "println") && tokens.get(k + 1).is_some_and(|t| t.tok == Tok::Punct("!")) {
            // `println!(…)` is the renderer's `log(…)`: the `!` goes.
            out.push(tokens[k].clone());
            k += 2;
            continue;
        }
        if word(k, "sleep") && word(k + 2, "Duration") {
            // sleep ( Duration :: from_millis ( N ) ): the renderer's
            // sleep_ms ( N ) is its 1st, 2nd, then the delay (which may be
            // a sum) and one `)` of the two.
            out.extend([0, 1].map(|i| tokens[k + i].clone()));
            k += 6;
            closes += 1;
            continue;
        }
        if word(k, "let") && word(k + 1, "_") {
            // `let _ =`: the `=` is the third.
            k += 3;
            continue;
        }
        if !(word(k, "move") && k > 0 && word(k - 1, "async")) {
            out.push(tokens[k].clone());
        }
        k += 1;
    }
    Ok(out)
}

/// The panel's tokens but `move` after `async`, which [`written_code`]
/// drops from the text too: the renderer writes it where a block reads a
/// variable, a text may or may not.
fn without_move(tokens: Vec<Token>) -> Vec<Token> {
    let word = |t: Option<&Token>, w: &str| t.is_some_and(|t| t.tok == Tok::Word(w.into()));
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if !(word(Some(&token), "move") && word(out.last(), "async")) {
            out.push(token);
        }
    }
    out
}

/// `let a = F; let b = G; join!(b, a);` as the renderer writes it,
/// `join!(G, F);`, and `let a = F; let b = G; b.await; a.await;` as `let b =
/// G; let a = F; b.await; a.await;`: each future's tokens stay where they
/// were written, so the trace names the line of its `let`.
fn joined_lets(tokens: Vec<Token>) -> Vec<Token> {
    let word = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.tok == Tok::Word(w.into()));
    let punct = |k: usize, p: &'static str| tokens.get(k).is_some_and(|t| t.tok == Tok::Punct(p));
    let mut out = Vec::with_capacity(tokens.len());
    let mut k = 0;
    while k < tokens.len() {
        // A group of `let name = future;`, each future up to its `;`.
        let mut lets: Vec<(&str, std::ops::Range<usize>)> = Vec::new();
        let mut j = k;
        while word(j, "let") && punct(j + 2, "=") && !word(j + 3, "spawn") {
            let Some(Tok::Word(name)) = tokens.get(j + 1).map(|t| &t.tok) else {
                break;
            };
            if name == "_" || name == "mut" {
                break;
            }
            let mut depth = 0i32;
            let mut end = j + 3;
            while end < tokens.len() {
                match tokens[end].tok {
                    Tok::Punct("(" | "{") => depth += 1,
                    Tok::Punct(")" | "}") => depth -= 1,
                    Tok::Punct(";") if depth == 0 => break,
                    _ => {}
                }
                end += 1;
            }
            lets.push((name, j + 3..end));
            j = end + 1;
        }
        // Then `join!(` of those names, each once, in any order, `)`, `;`.
        let mut at = j + 3;
        let mut joins =
            !lets.is_empty() && word(j, "join") && punct(j + 1, "!") && punct(j + 2, "(");
        let mut order: Vec<usize> = Vec::new();
        for _ in &lets {
            match lets.iter().position(|(name, _)| word(at, name)) {
                Some(place) if !order.contains(&place) => order.push(place),
                _ => joins = false,
            }
            at += 1;
            if punct(at, ",") {
                at += 1;
            }
        }
        if joins && punct(at, ")") && punct(at + 1, ";") {
            out.extend(tokens[j..j + 3].iter().cloned());
            for &place in &order {
                out.extend(tokens[lets[place].1.clone()].iter().cloned());
            }
            out.extend(tokens[at..at + 2].iter().cloned());
            k = at + 2;
            continue;
        }
        // Or `name.await;` for each, once, in any order: the `let`s as the
        // renderer writes them, in that order, then the awaits.
        let mut awaits: Vec<usize> = Vec::new();
        let mut at = j;
        while awaits.len() < lets.len()
            && punct(at + 1, ".")
            && word(at + 2, "await")
            && punct(at + 3, ";")
        {
            match lets.iter().position(|(name, _)| word(at, name)) {
                Some(place) if !awaits.contains(&place) => awaits.push(place),
                _ => break,
            }
            at += 4;
        }
        if !lets.is_empty() && awaits.len() == lets.len() {
            for &place in &awaits {
                let future = &lets[place].1;
                // `let name =`, the future, its `;`.
                out.extend(tokens[future.start - 3..=future.end].iter().cloned());
            }
            out.extend(tokens[j..at].iter().cloned());
            k = at;
        } else {
            out.push(tokens[k].clone());
            k += 1;
        }
    }
    out
}

/// Pairs `(i, j)` of the same token in the rendered text (`ours`) and the
/// written one (`theirs`). Both parse to one scenario, so their code differs
/// only by the liberties the grammar allows: the names of futures, a `join!`
/// without its trailing comma, commas between `select!` arms.
fn align(ours: &[Token], theirs: &[Token]) -> Vec<(usize, usize)> {
    let comma = |t: &Token| t.tok == Tok::Punct(",");
    let same = |a: &Tok, b: &Tok| match (a, b) {
        (Tok::Word(_), Tok::Word(_))
        | (Tok::Number(..), Tok::Number(..))
        | (Tok::Str(_), Tok::Str(_)) => true,
        _ => a == b,
    };
    let (mut i, mut j) = (0, 0);
    let mut pairs = Vec::new();
    while i < ours.len() && j < theirs.len() {
        if same(&ours[i].tok, &theirs[j].tok) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if comma(&ours[i]) {
            i += 1;
        } else if comma(&theirs[j]) {
            j += 1;
        } else {
            // Not reached for texts that parse; keep going all the same.
            i += 1;
            j += 1;
        }
    }
    pairs
}

/// Where each line of `text` starts, in bytes.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// The byte offset of `at` (line and column from 1, columns in characters).
fn offset(text: &str, starts: &[usize], at: Pos) -> usize {
    let start = starts[at.line - 1];
    text[start..]
        .char_indices()
        .nth(at.column - 1)
        .map_or(text.len(), |(i, _)| start + i)
}
