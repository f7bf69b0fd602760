//! Where a step sits in a program: the index of each step on the way down
//! from the root. One type for every place that names a step (the trace's
//! `step`, the code panels' step lines, the lane's notes, the suspension
//! points, the paths of validation problems). Data carries it as its indices
//! (the trace's `step` is `[1, 0]`); words for people write it one way, by
//! its `Display`: `scenario.steps[1].steps[0]`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A step's place: the child indices from the root (none: the root).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct StepPath(Vec<usize>);

impl StepPath {
    /// The program's root step.
    pub fn root() -> StepPath {
        StepPath(Vec::new())
    }

    /// The step these child indices lead to from the root:
    /// `StepPath::at(&[1, 0])` is `scenario.steps[1].steps[0]`.
    pub fn at(indices: &[usize]) -> StepPath {
        StepPath(indices.to_vec())
    }

    /// This step's child number `i`, from 0.
    pub fn child(&self, i: usize) -> StepPath {
        let mut indices = self.0.clone();
        indices.push(i);
        StepPath(indices)
    }

    /// The child indices from the root.
    pub fn indices(&self) -> &[usize] {
        &self.0
    }

    /// This step is `other`, or holds it (`scenario.steps[1]` holds
    /// `scenario.steps[1].steps[0]`).
    pub fn holds(&self, other: &StepPath) -> bool {
        other.0.starts_with(&self.0)
    }
}

impl fmt::Display for StepPath {
    /// `scenario`, `scenario.steps[1]`, `scenario.steps[1].steps[0]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("scenario")?;
        self.0.iter().try_for_each(|i| write!(f, ".steps[{i}]"))
    }
}

impl StepPath {
    /// The step path at the start of `text` as [`fmt::Display`] writes it
    /// (a problem's path, `scenario.steps[1].ms`), and the rest after it
    /// (`.ms`); None if `text` does not start with `scenario`.
    pub fn read_prefix(text: &str) -> Option<(StepPath, &str)> {
        let mut rest = text.strip_prefix("scenario")?;
        let mut indices = Vec::new();
        while let Some((index, after)) = rest
            .strip_prefix(".steps[")
            .and_then(|r| r.split_once(']'))
            .and_then(|(i, after)| Some((i.parse::<usize>().ok()?, after)))
        {
            indices.push(index);
            rest = after;
        }
        Some((StepPath(indices), rest))
    }
}

#[cfg(test)]
mod tests {
    use super::StepPath;

    #[test]
    fn written_as_the_trace_format_writes_it() {
        assert_eq!(StepPath::root().to_string(), "scenario");
        let path = StepPath::root().child(1).child(0);
        assert_eq!(path.to_string(), "scenario.steps[1].steps[0]");
        assert_eq!(path, StepPath::at(&[1, 0]));
        assert!(StepPath::at(&[1]).holds(&path));
        assert!(path.holds(&path));
        assert!(!StepPath::at(&[0]).holds(&path));
        assert!(!path.holds(&StepPath::at(&[1])));
    }

    #[test]
    fn read_back_from_the_start_of_a_problem_path() {
        let path = StepPath::at(&[1, 0, 12]);
        assert_eq!(
            StepPath::read_prefix(&path.to_string()),
            Some((path.clone(), ""))
        );
        let field = format!("{path}.ms");
        assert_eq!(StepPath::read_prefix(&field), Some((path, ".ms")));
        assert_eq!(
            StepPath::read_prefix("scenario.steps"),
            Some((StepPath::root(), ".steps"))
        );
        assert_eq!(StepPath::read_prefix("timings[0]"), None);
    }
}
