//! The hasher of the lexicon's word tables, and short words as numbers.

use std::collections::{HashMap, HashSet};

/// A hasher for the lexicon's word tables, which the scanner asks about
/// every word of every sentence (several times for some). Eight bytes at
/// a time and the short tail read as at most two overlapping loads, where
/// [`FxHasher`](rustc_hash::FxHasher) takes a short word's bytes one
/// multiply each; the product's better-mixed high bits are rotated down
/// to where the table takes its bucket from. Only for tables no output
/// depends on the order of (changing a hasher changes iteration order).
#[derive(Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

/// The multiplier of rustc-hash 2.
const WORD_K: u64 = 0xf135_7aea_2e62_a9c5;

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.hash ^ bytes.len() as u64;
        let mut rest = bytes;
        while let Some((c, r)) = rest.split_first_chunk::<8>() {
            h = (h ^ u64::from_le_bytes(*c)).wrapping_mul(WORD_K);
            rest = r;
        }
        let n = rest.len();
        let tail = match rest {
            [] => None,
            [a, b, c, d, ..] => {
                let lo = u32::from_le_bytes([*a, *b, *c, *d]);
                let e = &rest[n - 4..];
                let hi = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
                Some(u64::from(lo) | u64::from(hi) << 32)
            }
            [a, ..] => {
                Some(u64::from(*a) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16)
            }
        };
        if let Some(t) = tail {
            h = (h ^ t).wrapping_mul(WORD_K);
        }
        self.hash = h;
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.hash = (self.hash ^ v).wrapping_mul(WORD_K);
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        // The end mark `str` hashes after its bytes: a key is one string,
        // so it need not be mixed in.
        self.hash = self.hash.wrapping_add(u64::from(b));
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash.rotate_left(26)
    }
}

pub type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;
pub type WordSet<K> = HashSet<K, std::hash::BuildHasherDefault<WordHasher>>;

/// A word of up to seven bytes as one number: its bytes, and its length in
/// the top byte (so no two words share one). A table keyed by these
/// compares a number, not a string, and hashes one word of eight bytes.
#[inline]
pub fn short_key(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let n = b.len();
    // The bytes in little-endian order, from at most two overlapping loads
    // (overlapping bytes land on themselves), not one byte at a time.
    let bytes = match b {
        [] => 0,
        [x, y, z, w, ..] => {
            let lo = u32::from_le_bytes([*x, *y, *z, *w]);
            let e = &b[n - 4..];
            let hi = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        [x, ..] => {
            u64::from(*x)
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
    };
    Some(bytes | (n as u64) << 56)
}

/// A table from [`short_key`]s to small values, asked once for every word
/// of every sentence: open addressing with linear probing over a key array
/// at most half full, so that a word no lexicon holds (most content
/// words) is told after one or two key comparisons, with no hashing of
/// bytes and no control bytes to read first.
pub struct ShortTable<V> {
    /// [`EMPTY`] where no key is; a slot's value is in `values`.
    keys: Box<[u64]>,
    values: Box<[V]>,
    /// How far the product of a key is shifted to give its first slot.
    shift: u32,
}

/// No short key: its top byte holds a length of at most seven.
const EMPTY: u64 = u64::MAX;

impl<V: Copy + Default> ShortTable<V> {
    /// The table of `pairs` (a key given twice keeps its last value).
    pub fn new(pairs: impl IntoIterator<Item = (u64, V)>) -> Self {
        let pairs: Vec<(u64, V)> = pairs.into_iter().filter(|(k, _)| *k != EMPTY).collect();
        let slots = (pairs.len() * 2).next_power_of_two().max(8);
        let mut t = ShortTable {
            keys: vec![EMPTY; slots].into_boxed_slice(),
            values: vec![V::default(); slots].into_boxed_slice(),
            shift: 64 - slots.trailing_zeros(),
        };
        for (k, v) in pairs {
            let mut i = t.slot_of(k);
            while t.keys[i] != EMPTY && t.keys[i] != k {
                i = (i + 1) & (slots - 1);
            }
            t.keys[i] = k;
            t.values[i] = v;
        }
        t
    }

    #[inline]
    fn slot_of(&self, k: u64) -> usize {
        (k.wrapping_mul(WORD_K) >> self.shift) as usize
    }

    /// The value of key `k`, if the table holds it.
    #[inline]
    pub fn get(&self, k: u64) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut i = self.slot_of(k);
        loop {
            let at = self.keys[i];
            if at == EMPTY {
                return None;
            }
            if at == k {
                return self.values.get(i).copied();
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keys_are_the_bytes_and_the_length() {
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdef",
            "abcdefg",
            "\u{e9}t\u{e9}",
        ] {
            let mut v = (w.len() as u64) << 56;
            for (i, &x) in w.as_bytes().iter().enumerate() {
                v |= u64::from(x) << (8 * i);
            }
            assert_eq!(short_key(w), Some(v), "{w}");
        }
    }

    #[test]
    fn short_keys_tell_words_apart() {
        let words = [
            "", "a", "ab", "ba", "a\0", "\0a", "abcdefg", "abcdef", "é", "abcdefgh",
        ];
        let keys: Vec<Option<u64>> = words.iter().map(|w| short_key(w)).collect();
        assert_eq!(keys[9], None);
        for (i, a) in keys.iter().enumerate().take(9) {
            assert!(a.is_some());
            for b in &keys[i + 1..9] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn word_tables_find_keys_of_every_length() {
        let words: Vec<String> = (0..40)
            .map(|n| "abcdefghij".repeat(4)[..n].to_string())
            .collect();
        let map: WordMap<String, usize> = words.iter().cloned().zip(0..).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w.as_str()), Some(&i));
        }
        assert_eq!(map.get("abcx"), None);
    }

    #[test]
    fn short_tables_find_what_they_hold_and_nothing_else() {
        let words = ["a", "of", "the", "said", "von", "abcdefg", "\u{e9}t\u{e9}"];
        let t = ShortTable::new(
            words
                .iter()
                .enumerate()
                .filter_map(|(i, w)| Some((short_key(w)?, i as u32 + 1))),
        );
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.get(short_key(w).unwrap()), Some(i as u32 + 1), "{w}");
        }
        for w in ["", "b", "fo", "then", "abcdef", "vom"] {
            assert_eq!(t.get(short_key(w).unwrap()), None, "{w}");
        }
        assert_eq!(t.get(EMPTY), None);
        let none: ShortTable<u32> = ShortTable::new([]);
        assert_eq!(none.get(short_key("a").unwrap()), None);
        // Many keys in one small table: every one found past collisions.
        let many: Vec<u64> = (0..1000u64).map(|n| n << 8 | 3 << 56).collect();
        let t = ShortTable::new(many.iter().map(|&k| (k, k)));
        assert!(many.iter().all(|&k| t.get(k) == Some(k)));
        assert_eq!(t.get(1 << 56), None);
    }
}
