//! The program: a scenario (a tree of steps), where it comes from (the
//! presets, a share link's fragment, a JS object read into a [`value`]
//! tree), and the checks every way in goes through.

pub mod editing;
pub mod fragment;
pub mod number;
pub mod presets;
pub mod scenario;
pub mod step_path;
pub mod validate;
pub mod value;
