//! Strings built from pieces with `push_str`, and numbers written by hand,
//! instead of `format!`: `core::fmt`'s machinery, padding and integer
//! formatting are a large part of a small wasm module.

/// Something [`cat!`] can append to a string.
pub(crate) trait Piece {
    /// Appends `self` to `out`.
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
    }
}

impl Piece for usize {
    fn push_to(&self, out: &mut String) {
        push_u64(out, *self as u64);
    }
}

impl Piece for u32 {
    fn push_to(&self, out: &mut String) {
        push_u64(out, u64::from(*self));
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// The pieces, one after another, as a new `String`:
/// `cat!("has ", n, " timers")` is `format!("has {n} timers")`.
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {{
        let mut out = String::new();
        $( crate::text::Piece::push_to(&$piece, &mut out); )*
        out
    }};
}

/// Appends `n` in decimal.
pub(crate) fn push_u64(out: &mut String, n: u64) {
    push_digits(out, n, 1);
}

/// Appends `n` in decimal, with leading zeros to at least `width` digits.
pub(crate) fn push_digits(out: &mut String, mut n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while n > 0 || digits.len() - at < width {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}
