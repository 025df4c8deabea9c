//! Hashing, two ways: rustc-hash's fast hasher for the tables every parser
//! stage looks words up in (lexicons, abbreviations, dedup keys), where
//! SipHash's flood resistance buys nothing; and [`stable`] for names that
//! must never change.

pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub type FxSet<K> = rustc_hash::FxHashSet<K>;

/// FNV-1a, 64 bits: a hash for names that must come out the same on every
/// machine, run and version (state file names, calendar UIDs), which std's
/// `DefaultHasher` and the table hasher above promise nothing about.
pub fn stable(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
