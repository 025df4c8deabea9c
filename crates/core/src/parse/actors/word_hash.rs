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
    short_key_of_bytes(w.as_bytes())
}

/// [`short_key`] of a word's bytes, for a caller that holds them and need
/// not slice a `str` (which checks both ends are char boundaries).
#[inline]
pub fn short_key_of_bytes(b: &[u8]) -> Option<u64> {
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
pub struct ShortTable<V, K: TableKey = u64> {
    /// [`TableKey::EMPTY`] where no key is; a slot's value is in `values`.
    keys: Box<[K]>,
    values: Box<[V]>,
    /// How far the product of a key is shifted to give its first slot.
    shift: u32,
}

/// A key of a [`ShortTable`]: a [`short_key`] or a [`mid_key`].
pub trait TableKey: Copy + Eq {
    /// What no key is, marking an empty slot.
    const EMPTY: Self;
    /// The key as one number, to find its first slot by.
    fn mix(self) -> u64;
}

impl TableKey for u64 {
    /// No short key: its top byte holds a length of at most seven.
    const EMPTY: u64 = u64::MAX;
    #[inline]
    fn mix(self) -> u64 {
        self
    }
}

impl TableKey for [u64; 2] {
    /// No mid key: the low byte of its second number is a length of at
    /// most fifteen.
    const EMPTY: [u64; 2] = [u64::MAX; 2];
    #[inline]
    fn mix(self) -> u64 {
        self[0] ^ self[1].rotate_left(29)
    }
}

/// A word of eight to fifteen bytes as two numbers: its first eight bytes,
/// and its last eight with the lowest of those (which the first eight hold
/// too, the word being shorter than sixteen) replaced by its length, so
/// that no two words share one.
#[inline]
pub fn mid_key(b: &[u8]) -> Option<[u64; 2]> {
    let n = b.len();
    if !(8..16).contains(&n) {
        return None;
    }
    let first = u64::from_le_bytes(*b.first_chunk::<8>()?);
    let last = u64::from_le_bytes(*b.last_chunk::<8>()?);
    Some([first, last & !0xff | n as u64])
}

impl<V: Copy + Default, K: TableKey> ShortTable<V, K> {
    /// The table of `pairs` (a key given twice keeps its last value).
    pub fn new(pairs: impl IntoIterator<Item = (K, V)>) -> Self {
        let pairs: Vec<(K, V)> = pairs.into_iter().filter(|(k, _)| *k != K::EMPTY).collect();
        let slots = (pairs.len() * 2).next_power_of_two().max(8);
        let mut t = ShortTable {
            keys: vec![K::EMPTY; slots].into_boxed_slice(),
            values: vec![V::default(); slots].into_boxed_slice(),
            shift: 64 - slots.trailing_zeros(),
        };
        for (k, v) in pairs {
            let mut i = t.slot_of(k);
            while t.keys[i] != K::EMPTY && t.keys[i] != k {
                i = (i + 1) & (slots - 1);
            }
            t.keys[i] = k;
            t.values[i] = v;
        }
        t
    }

    #[inline]
    fn slot_of(&self, k: K) -> usize {
        (k.mix().wrapping_mul(WORD_K) >> self.shift) as usize
    }

    /// The value of key `k`, if the table holds it.
    #[inline]
    pub fn get(&self, k: K) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut i = self.slot_of(k);
        loop {
            let at = self.keys[i];
            if at == K::EMPTY {
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
        assert_eq!(t.get(<u64 as TableKey>::EMPTY), None);
        let none: ShortTable<u32> = ShortTable::new([]);
        assert_eq!(none.get(short_key("a").unwrap()), None);
        // Many keys in one small table: every one found past collisions.
        let many: Vec<u64> = (0..1000u64).map(|n| n << 8 | 3 << 56).collect();
        let t = ShortTable::new(many.iter().map(|&k| (k, k)));
        assert!(many.iter().all(|&k| t.get(k) == Some(k)));
        assert_eq!(t.get(1 << 56), None);
    }

    #[test]
    fn mid_keys_tell_apart_every_word_of_eight_to_fifteen_bytes() {
        // Words that share their first and last eight bytes but not their
        // length, and words that differ in one byte only.
        let mut words: Vec<String> = (8..16).map(|n| "a".repeat(n)).collect();
        for n in 8..16 {
            for at in 0..n {
                let mut w = "abcdefghijklmnop"[..n].to_string().into_bytes();
                w[at] = b'z';
                words.push(String::from_utf8(w).unwrap());
            }
        }
        let keys: Vec<[u64; 2]> = words
            .iter()
            .map(|w| mid_key(w.as_bytes()).unwrap())
            .collect();
        let distinct: std::collections::HashSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), words.len());
        assert!(mid_key(b"abcdefg").is_none() && mid_key(&[b'a'; 16]).is_none());
        let t = ShortTable::new(keys.iter().zip(0u32..).map(|(&k, i)| (k, i)));
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.get(*k), Some(i as u32));
        }
        assert_eq!(t.get(mid_key(b"zzzzzzzzz").unwrap()), None);
    }
}
