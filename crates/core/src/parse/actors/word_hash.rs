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

/// A word of up to fifteen bytes as one number: its bytes in
/// little-endian order, and its length in the top byte (so no two words
/// share one, and none is [`WordTable`]'s empty mark, whose top byte is
/// 0xff).
#[inline]
pub fn word_key(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let mut buf = [0u8; 16];
    buf.get_mut(..n)?.copy_from_slice(b);
    (n < 16).then(|| u128::from_le_bytes(buf) | (n as u128) << 120)
}

/// [`word_key`] of the `n` bytes at `at` in `padded`, a buffer that holds
/// at least sixteen bytes from `at` (whatever they are): one load and a
/// mask, with no branch on the word's length, for a caller that asks it of
/// every word of a sentence.
#[inline]
pub fn word_key_at(padded: &[u8], at: usize, n: usize) -> Option<u128> {
    if n >= 16 {
        return None;
    }
    let w = padded.get(at..)?.first_chunk::<16>()?;
    // The mask of the word's bytes and its length byte, read from a table:
    // a shift of a `u128` by a variable amount is a dozen instructions, and
    // this runs for every word.
    let [mask, len] = KEY_MASKS.get(n).copied()?;
    Some(u128::from_le_bytes(*w) & mask | len)
}

/// For each word length `n` below sixteen: the mask of its `n` bytes, and
/// `n` in a key's top byte (see [`word_key`]).
const KEY_MASKS: [[u128; 2]; 16] = {
    let mut t = [[0u128; 2]; 16];
    let mut n = 0;
    while n < 16 {
        t[n] = [(1u128 << (8 * n)) - 1, (n as u128) << 120];
        n += 1;
    }
    t
};

/// What no [`word_key`] is: its top byte, a length, is at most fifteen.
const EMPTY_KEY: u128 = u128::MAX;

/// A table from [`word_key`]s to small values, asked once for every word
/// of every sentence. Cuckoo hashing: a key is in one of two slots, both
/// read and the one that holds it chosen without a branch, so that whether
/// a word is in the lexicon (about half of them are, in no pattern a
/// branch predictor could learn) costs no mispredicted branch. Linear
/// probing took one or two such branches per word.
pub struct WordTable<V> {
    /// Key and value; the slot after the last that a key can hash to is
    /// always empty, with the default value: where a key no slot holds
    /// is sent.
    slots: Box<[([u64; 2], V)]>,
    /// How far a hash is shifted to give a slot.
    shift: u32,
    seed: u64,
    /// No placement of the keys was found (not seen in practice, but a
    /// user's lexicon is not known in advance): every key is in `spill`.
    spill: Option<WordMap<u128, V>>,
}

fn split(k: u128) -> [u64; 2] {
    [k as u64, (k >> 64) as u64]
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of `pairs` (a key given twice keeps its last value).
    pub fn new(pairs: impl IntoIterator<Item = (u128, V)>) -> Self {
        let mut pairs: Vec<(u128, V)> =
            pairs.into_iter().filter(|(k, _)| *k != EMPTY_KEY).collect();
        // The last of each key wins: reversed, deduplicated keeping the
        // first, in a stable order.
        pairs.reverse();
        let mut seen = std::collections::HashSet::new();
        pairs.retain(|(k, _)| seen.insert(*k));
        // At most a third full: two-choice cuckoo hashing places a set of
        // keys with high probability below one half.
        let mut slots = (pairs.len() * 3).next_power_of_two().max(8);
        for attempt in 0..48u64 {
            if attempt > 0 && attempt % 8 == 0 {
                slots *= 2;
            }
            let seed = attempt.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5851_f42d_4c95_7f2d;
            if let Some(t) = Self::place(&pairs, slots, seed) {
                return t;
            }
        }
        WordTable {
            slots: vec![([u64::MAX; 2], V::default())].into_boxed_slice(),
            shift: 63,
            seed: 0,
            spill: Some(pairs.into_iter().collect()),
        }
    }

    /// The keys placed in `n` slots with hash seed `seed`, if they fit.
    fn place(pairs: &[(u128, V)], n: usize, seed: u64) -> Option<Self> {
        let mut t = WordTable {
            slots: vec![(split(EMPTY_KEY), V::default()); n + 1].into_boxed_slice(),
            shift: 64 - n.trailing_zeros(),
            seed,
            spill: None,
        };
        for &(k, v) in pairs {
            let mut cur = (split(k), v);
            let mut at = t.slots_of(k).0;
            let mut placed = false;
            for _ in 0..n.min(512) {
                let old = std::mem::replace(&mut t.slots[at], cur);
                if old.0 == split(EMPTY_KEY) {
                    placed = true;
                    break;
                }
                // The evicted key goes to its other slot.
                cur = old;
                let ck = u128::from(cur.0[0]) | u128::from(cur.0[1]) << 64;
                let (a, b) = t.slots_of(ck);
                at = if a == at { b } else { a };
            }
            if !placed {
                return None;
            }
        }
        Some(t)
    }

    /// [`WordTable::get`] of a table whose keys found no placement.
    #[cold]
    fn spilled(spill: &WordMap<u128, V>, k: u128) -> V {
        spill.get(&k).copied().unwrap_or_default()
    }

    /// The two slots key `k` may be in.
    #[inline]
    fn slots_of(&self, k: u128) -> (usize, usize) {
        let [lo, hi] = split(k);
        let x = (lo ^ self.seed).wrapping_mul(WORD_K) ^ hi;
        let y = x.wrapping_mul(WORD_K2);
        let a = (y >> self.shift) as usize;
        let b = (y.rotate_left(32) ^ self.seed).wrapping_mul(WORD_K) >> self.shift;
        (a, b as usize)
    }

    /// The value of key `k`; the default if the table does not hold it.
    /// Always inlined: asked for every word, where a call cost as much as
    /// the lookup.
    #[inline(always)]
    pub fn get(&self, k: u128) -> V {
        if let Some(spill) = &self.spill {
            return Self::spilled(spill, k);
        }
        let (a, b) = self.slots_of(k);
        let key = split(k);
        let none = self.slots.len() - 1;
        let ka = self.slots.get(a).map_or(split(EMPTY_KEY), |s| s.0);
        let kb = self.slots.get(b).map_or(split(EMPTY_KEY), |s| s.0);
        let i = if ka == key {
            a
        } else if kb == key {
            b
        } else {
            none
        };
        self.slots.get(i).map(|s| s.1).unwrap_or_default()
    }
}

/// A second odd multiplier, for the second slot of a key.
const WORD_K2: u64 = 0x9e37_79b9_7f4a_7c15;

/// A set of short words told by their first byte, last byte and length
/// alone: false positives (other words with the same ends and length),
/// never false negatives. A few bit tests, and a table of 2 KB that stays
/// in cache, where a [`WordTable`] lookup hashes the word and reads two
/// slots of a table too large to: for a question the answer to which is
/// no for nearly every word.
pub struct ByEnds {
    /// For each pair of ends ([`ByEnds::slot`]), a bit per length below
    /// sixteen.
    bits: Box<[u16; 1024]>,
}

impl ByEnds {
    /// The set of `words`; a word of sixteen bytes or more is not held
    /// (and [`ByEnds::may_hold`] says yes to every such word).
    pub fn new<'w>(words: impl IntoIterator<Item = &'w [u8]>) -> Self {
        let mut bits = Box::new([0u16; 1024]);
        for w in words {
            if let (Some(&a), Some(&z)) = (w.first(), w.last())
                && w.len() < 16
            {
                bits[Self::slot(a, z)] |= 1 << w.len();
            }
        }
        ByEnds { bits }
    }

    /// The entry of a word's first and last bytes: their low five bits
    /// each (all a lower-case letter's bits that differ).
    #[inline(always)]
    fn slot(first: u8, last: u8) -> usize {
        usize::from(first & 31) << 5 | usize::from(last & 31)
    }

    /// Whether `w` may be one of the words: false only when it is none.
    #[inline(always)]
    pub fn may_hold(&self, w: &[u8]) -> bool {
        match (w.first(), w.last()) {
            (Some(&a), Some(&z)) if w.len() < 16 => self.bits[Self::slot(a, z)] >> w.len() & 1 != 0,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of every length up to sixteen bytes, some sharing their
    /// first bytes, some differing in one byte, some with zero bytes.
    fn sample_words() -> Vec<Vec<u8>> {
        let mut words: Vec<Vec<u8>> = (0..=16)
            .map(|n| b"abcdefghijklmnopq"[..n].to_vec())
            .collect();
        for n in 1..16 {
            for at in 0..n {
                let mut w = b"abcdefghijklmnop"[..n].to_vec();
                w[at] = b'z';
                words.push(w);
                let mut w = vec![b'a'; n];
                w[at] = 0;
                words.push(w);
            }
        }
        words.push("\u{e9}t\u{e9}".as_bytes().to_vec());
        words
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
    fn word_keys_tell_apart_every_word_of_up_to_fifteen_bytes() {
        let words = sample_words();
        let keys: Vec<Option<u128>> = words.iter().map(|w| word_key(w)).collect();
        let mut distinct = HashSet::new();
        for (w, k) in words.iter().zip(&keys) {
            assert_eq!(k.is_some(), w.len() < 16, "{w:?}");
            if let Some(k) = k {
                assert!(distinct.insert(*k), "{w:?}");
                assert_ne!(*k, EMPTY_KEY);
                assert_eq!(*k >> 120, w.len() as u128);
            }
        }
    }

    #[test]
    fn a_word_key_read_from_a_padded_buffer_is_the_word_key() {
        // Each word inside other bytes, at every offset: the bytes after
        // the word are masked off whatever they are.
        for w in sample_words() {
            for fill in [0u8, b' ', 0xff, b'a'] {
                for at in 0..3 {
                    let mut buf = vec![fill; at];
                    buf.extend_from_slice(&w);
                    buf.extend_from_slice(&[fill; 16]);
                    assert_eq!(word_key_at(&buf, at, w.len()), word_key(&w), "{w:?} {fill}");
                }
            }
        }
        // Too short a buffer: none (the caller looks the word up otherwise).
        assert_eq!(word_key_at(b"abc", 0, 3), None);
    }

    #[test]
    fn word_tables_find_what_they_hold_and_nothing_else() {
        let words = sample_words();
        let held: Vec<u128> = words
            .iter()
            .step_by(2)
            .filter_map(|w| word_key(w))
            .collect();
        let t = WordTable::new(held.iter().zip(1u32..).map(|(&k, i)| (k, i)));
        for (k, i) in held.iter().zip(1u32..) {
            assert_eq!(t.get(*k), i);
        }
        for w in words.iter().skip(1).step_by(2) {
            if let Some(k) = word_key(w) {
                assert_eq!(t.get(k), 0, "{w:?}");
            }
        }
        assert_eq!(t.get(EMPTY_KEY), 0);
        // A key given twice keeps its last value.
        let k = word_key(b"von").unwrap();
        assert_eq!(WordTable::new([(k, 1u32), (k, 2)]).get(k), 2);
        let none: WordTable<u32> = WordTable::new([]);
        assert_eq!(none.get(k), 0);
        // Many keys in one table: every one found.
        let many: Vec<u128> = (0..20_000u128).map(|n| n | 3 << 120).collect();
        let t = WordTable::new(many.iter().map(|&k| (k, k as u64)));
        assert!(t.spill.is_none());
        assert!(many.iter().all(|&k| t.get(k) == k as u64));
        assert_eq!(t.get(20_000 | 3 << 120), 0);
    }

    #[test]
    fn words_by_their_ends_are_all_found() {
        let words = sample_words();
        let held: Vec<&[u8]> = words.iter().step_by(3).map(|w| w.as_slice()).collect();
        let set = ByEnds::new(held.iter().copied());
        // Never a false negative; a long word is always a maybe.
        assert!(held.iter().all(|w| set.may_hold(w)));
        assert!(set.may_hold(&[b'a'; 16]));
        // Mostly no to what it does not hold.
        let none = ByEnds::new([]);
        assert!(
            words
                .iter()
                .filter(|w| !w.is_empty() && w.len() < 16)
                .all(|w| !none.may_hold(w))
        );
        assert!(!set.may_hold(b"said"));
    }

    #[test]
    fn keys_no_placement_is_found_for_are_still_found() {
        let keys: Vec<u128> = (0..100u128).map(|n| n | 2 << 120).collect();
        let t = WordTable {
            slots: vec![([u64::MAX; 2], 0u32)].into_boxed_slice(),
            shift: 63,
            seed: 0,
            spill: Some(keys.iter().map(|&k| (k, 7)).collect()),
        };
        assert!(keys.iter().all(|&k| t.get(k) == 7));
        assert_eq!(t.get(5), 0);
    }
}
