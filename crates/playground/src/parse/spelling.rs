//! Near misses: the word a learner most likely meant (`.awiat` is `.await`,
//! `sleepms` is `sleep_ms`), so a message can say "did you mean" as rustc
//! does, instead of only what it expected.

/// The edits between `a` and `b`: characters inserted, removed, changed, or
/// two neighbours swapped (the commonest slip: `awiat`), each counting one
/// (the optimal string alignment distance).
pub(super) fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: two back (for swaps), one back, this one.
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// The candidate `word` is a slip of, if one is close enough: one edit for
/// a word of up to 4 letters (`lgo`, `jion`), two for longer ones
/// (`sleepms`, `bloc_ms`); the closest wins, the first on a tie. A word is
/// no slip of itself.
pub(super) fn nearest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    // Longer words than any candidate could be are no slips: and this keeps
    // the work small on hostile input.
    if word.chars().count() > 40 {
        return None;
    }
    candidates
        .iter()
        .filter(|c| **c != word)
        .map(|c| (distance(word, c), *c))
        .filter(|(d, c)| *d <= if c.chars().count() <= 4 { 1 } else { 2 })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use crate::parse::spelling::{distance, nearest};

    #[test]
    fn swaps_count_one_edit() {
        assert_eq!(distance("awiat", "await"), 1);
        assert_eq!(distance("sleepms", "sleep_ms"), 1);
        assert_eq!(distance("", "log"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn only_close_words_are_suggested() {
        let prelude = ["sleep_ms", "log", "block_ms", "join", "select"];
        assert_eq!(nearest("lgo", &prelude), Some("log"));
        assert_eq!(nearest("slep_ms", &prelude), Some("sleep_ms"));
        assert_eq!(nearest("jion", &prelude), Some("join"));
        assert_eq!(nearest("sleep", &prelude), None);
        assert_eq!(nearest("x", &prelude), None);
        assert_eq!(nearest("log", &prelude), None);
    }
}
