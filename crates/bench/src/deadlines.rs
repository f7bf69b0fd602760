//! The same pseudo-random deadlines for every implementation (and for the
//! plain JS one, which uses the same generator).

/// `count` deadlines in 0..=`spread` ms, from a xorshift32 seeded with `seed`.
pub fn deadlines(count: u32, spread: u32, seed: u32) -> Vec<u32> {
    let mut state = seed.max(1);
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state % (spread + 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn deadlines_are_spread_and_repeatable() {
        let a = super::deadlines(1000, 50, 7);
        assert_eq!(a, super::deadlines(1000, 50, 7));
        assert!(a.iter().all(|d| *d <= 50));
        assert!(a.contains(&0) && a.contains(&50));
        // The same sequence the JS copy in bench/bench.js produces.
        assert_eq!(&super::deadlines(5, 50, 7)[..], &[24, 37, 31, 24, 16]);
    }
}
