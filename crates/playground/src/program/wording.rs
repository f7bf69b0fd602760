//! Words every message of the program's checks shares.

/// The one wording for what Rust allows and this playground does not read:
/// a learner must never take the playground's limit for a rule of Rust.
/// `what` is what is not read, `instead` what to write in its place.
pub(crate) fn not_read_yet(what: &str, instead: &str) -> String {
    format!("this playground does not read {what} yet; in Rust it is fine: {instead}")
}
