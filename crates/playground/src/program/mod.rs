//! The program: a scenario (a tree of steps) and a step's place in it,
//! where it comes from (the presets, a share link's fragment, a JS object
//! read into a [`value`] tree), the checks every way in goes through, and
//! what the page's controls may do to it ([`editing`]).

pub mod canonical;
pub mod editing;
pub mod fragment;
pub mod log_text;
pub mod number;
pub mod presets;
pub mod scenario;
pub mod step_path;
pub mod validate;
pub mod value;
pub mod wording;
