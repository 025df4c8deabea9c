//! A line's identity for finding its copies on the page: a headline
//! repeated as a teaser, an alt text or a slug differs from it only in case
//! and punctuation, so the key keeps letters and digits, lowered.

use crate::hash::FxSet;
use crate::model::Span;

/// Fewest bytes of a teaser's key that another teaser's key can end with
/// and make it a glued copy.
const GLUED_KEY_BYTES: usize = 12;

/// `teasers` without the copies a section label or list number glued
/// before a headline leaves ("WORLD Heavy metals…"): a key that ends with
/// another teaser's key. The keys are built only when two teasers' keys
/// may end alike: most pages have no two whose keys end on the same
/// twelve bytes.
pub fn without_glued_copies(raw: &str, teasers: Vec<Span>) -> Vec<Span> {
    let tails: Vec<KeyTail<GLUED_KEY_BYTES>> =
        teasers.iter().map(|s| key_tail(s.text(raw))).collect();
    let may_end_alike = tails.iter().enumerate().any(|(i, t)| match t {
        KeyTail::Short => false,
        KeyTail::Ends(e) => tails[i + 1..]
            .iter()
            .any(|u| matches!(u, KeyTail::Ends(f) if f == e)),
    });
    if !may_end_alike {
        return teasers;
    }
    let keys: Vec<String> = teasers.iter().map(|s| dedup_key(s.text(raw))).collect();
    let suffixes: FxSet<&str> = keys
        .iter()
        .map(String::as_str)
        .filter(|k| k.len() >= GLUED_KEY_BYTES)
        .collect();
    teasers
        .into_iter()
        .zip(&keys)
        .filter(|(_, k)| {
            // Any shorter teaser key that is a suffix of this one: checked
            // at each char boundary (linear in the key's length).
            !k.char_indices()
                .skip(1)
                .any(|(i, _)| k.len() - i >= GLUED_KEY_BYTES && suffixes.contains(&k[i..]))
        })
        .map(|(s, _)| s)
        .collect()
}

/// Letters and digits only, lowercased: two copies of a headline that differ
/// in punctuation (an alt-text or slug copy) get the same key.
pub fn dedup_key(s: &str) -> String {
    if s.is_ascii() {
        // The same key read from bytes (what the chars give for ASCII).
        let key: Vec<u8> = s
            .bytes()
            .map(|b| KEY_BYTE[usize::from(b)])
            .filter(|&k| k != 0)
            .collect();
        return String::from_utf8(key).unwrap_or_default();
    }
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What the last `N` bytes of a text's [`dedup_key`] are, read from its
/// end without building the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTail<const N: usize> {
    /// The key's last `N` bytes.
    Ends([u8; N]),
    /// The key is shorter than `N` bytes.
    Short,
}

/// The last `N` bytes of [`dedup_key`]`(s)`.
pub fn key_tail<const N: usize>(s: &str) -> KeyTail<N> {
    match key_back::<N>(s) {
        (tail, n) if n == N => KeyTail::Ends(tail),
        _ => KeyTail::Short,
    }
}

/// The bytes char `ch` (not ASCII) adds to a dedup key, and how many: its
/// lower case in UTF-8 when it is a letter or digit (at most three chars
/// of up to four bytes), else none.
fn char_key_bytes(ch: char) -> ([u8; 12], usize) {
    let mut enc = [0u8; 12];
    let mut len = 0;
    if ch.is_alphanumeric() {
        for l in ch.to_lowercase() {
            len += l.encode_utf8(&mut enc[len..]).len();
        }
    }
    (enc, len)
}

/// The last bytes of [`dedup_key`]`(s)`, up to `N`, read from the text's
/// end without building the key, at the end of the array (zeros before
/// them when the key is shorter), and how many there are. Eight ASCII
/// bytes are taken at once, with no branch on which of them the key keeps.
fn key_back<const N: usize>(s: &str) -> ([u8; N], usize) {
    const { assert!(N <= 48, "a chunk of eight must fit past the N wanted") };
    let b = s.as_bytes();
    // Room for a whole chunk past the `N` wanted; the first `N` positions
    // from the end are what is returned.
    let mut back = [0u8; 64];
    let last = back.len() - 1;
    let mut m = 0;
    let mut j = b.len();
    while m < N && j > 0 {
        if let Some(chunk) = j
            .checked_sub(8)
            .and_then(|at| b.get(at..j))
            .filter(|c| c.is_ascii())
        {
            for &c in chunk.iter().rev() {
                let v = KEY_BYTE[usize::from(c)];
                back[last - m] = v;
                m += usize::from(v != 0);
            }
            j -= 8;
        } else if b[j - 1].is_ascii() {
            let v = KEY_BYTE[usize::from(b[j - 1])];
            back[last - m] = v;
            m += usize::from(v != 0);
            j -= 1;
        } else {
            let Some(ch) = s.get(..j).and_then(|t| t.chars().next_back()) else {
                break;
            };
            j -= ch.len_utf8();
            let (enc, len) = char_key_bytes(ch);
            for &e in enc[..len].iter().rev() {
                if m < N {
                    back[last - m] = e;
                    m += 1;
                }
            }
        }
    }
    let k = m.min(N);
    let mut tail = [0u8; N];
    tail[N - k..].copy_from_slice(&back[back.len() - k..]);
    (tail, k)
}

/// Each ASCII byte's share of a dedup key: letters lowered, digits kept,
/// anything else 0 (left out).
const KEY_BYTE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// The first and the last eight bytes of [`dedup_key`]`(s)` (fewer,
/// zero-padded, when the key is shorter), read from the text's two ends
/// without reading the rest; None when the key is empty. For the tests of
/// [`key_front`] and [`key_back`]: the page's lines are told apart by the
/// front alone, as reading the back too cost more than the few whole
/// hashes it spared.
#[cfg(test)]
pub fn key_ends(s: &str) -> Option<(u64, u64)> {
    let front = key_front(s)?;
    // The last eight key bytes, or the whole key zero-padded before it.
    let (back, _) = key_back::<8>(s);
    Some((front, u64::from_le_bytes(back)))
}

/// The first eight bytes of [`dedup_key`]`(s)` (fewer, zero-padded, when
/// the key is shorter), read from the text's front without reading the
/// rest; None when the key is empty. Texts with the same key have the same
/// front, so a text whose front no other text on the page shares has no
/// copy there, and its key need not be hashed whole.
pub fn key_front(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    // Key bytes from the front; eight ASCII bytes are taken at once, with
    // no branch on which of them the key keeps.
    let mut front = [0u8; 16];
    let mut n = 0;
    let mut i = 0;
    while n < 8 && i < b.len() {
        if let Some(chunk) = b.get(i..i + 8).filter(|c| c.is_ascii()) {
            for &c in chunk {
                let v = KEY_BYTE[usize::from(c)];
                front[n] = v;
                n += usize::from(v != 0);
            }
            i += 8;
        } else if b[i].is_ascii() {
            let v = KEY_BYTE[usize::from(b[i])];
            front[n] = v;
            n += usize::from(v != 0);
            i += 1;
        } else {
            let Some(ch) = s.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            i += ch.len_utf8();
            let (enc, len) = char_key_bytes(ch);
            for &e in &enc[..len] {
                if n < 8 {
                    front[n] = e;
                    n += 1;
                }
            }
        }
    }
    if n == 0 {
        return None;
    }
    let mut eight = [0u8; 8];
    eight.copy_from_slice(&front[..8]);
    Some(u64::from_le_bytes(eight))
}

/// A hash of [`dedup_key`]`(s)` (never 0), or 0 when the key is empty.
/// The key's bytes are gathered on the stack and hashed 64 at a time,
/// eight at a time, so no key is built and most bytes cost no branch:
/// sixteen ASCII bytes are taken in one step when they are all ASCII.
pub fn dedup_key_hash(s: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    /// Key bytes hashed at once.
    const CHUNK: usize = 64;
    fn mix(h: u64, chunk: &[u8]) -> u64 {
        let w = <[u8; 8]>::try_from(chunk).unwrap_or_else(|_| padded(chunk));
        (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K)
    }
    /// The last, shorter chunk zero-padded: apart, so that a whole chunk
    /// is one load, not a call of `memcpy`.
    #[inline(never)]
    fn padded(chunk: &[u8]) -> [u8; 8] {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        w
    }
    fn flush(h: u64, buf: &[u8]) -> u64 {
        buf.chunks(8).fold(h, mix)
    }
    // Under CHUNK bytes wait here between steps; a step adds at most 16.
    let mut buf = [0u8; 2 * CHUNK];
    let (mut n, mut h, mut len) = (0usize, 0u64, 0u64);
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(block) = bytes.get(i..i + 16).filter(|b| b.is_ascii()) {
            for &b in block {
                let v = KEY_BYTE[usize::from(b)];
                buf[n] = v;
                n += usize::from(v != 0);
            }
            i += 16;
        } else if b.is_ascii() {
            let v = KEY_BYTE[usize::from(b)];
            buf[n] = v;
            n += usize::from(v != 0);
            i += 1;
        } else {
            let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            let (enc, len) = char_key_bytes(c);
            buf[n..n + len].copy_from_slice(&enc[..len]);
            n += len;
        }
        if n >= CHUNK {
            h = flush(h, &buf[..CHUNK]);
            len += CHUNK as u64;
            buf.copy_within(CHUNK..n, 0);
            n -= CHUNK;
        }
    }
    len += n as u64;
    if len == 0 {
        return 0;
    }
    let h = flush(h, &buf[..n]);
    (h.rotate_left(5) ^ len).wrapping_mul(K) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pieces of headline text that fold, split or vanish in a key:
    /// capitals, accents, ligatures, marks, digits, a NUL.
    const PIECES: [&str; 16] = [
        "Harbour ",
        "BOARD",
        "ÄÖÜ",
        "ǅ",
        "İ",
        " - ",
        "12",
        "é",
        "ß",
        "...",
        "ﬁ",
        "a,b",
        "x\u{0}y",
        "Ferrymen's",
        "@[`{",
        "/09:",
    ];

    /// `count` lines built of `pieces` in a scrambled order, the `n`th
    /// about `n % most` bytes long.
    fn lines_of(pieces: &[&str], count: usize, most: usize) -> Vec<String> {
        (0..count)
            .map(|seed| super::super::scrambled_line(pieces, seed, seed % most))
            .collect()
    }

    #[test]
    fn ascii_keys_are_what_the_chars_give() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for s in [
            every_ascii.as_str(),
            "Harbour Board: 12 NEW ferries (2025)!",
            "",
            "--",
        ] {
            let by_chars: String = s
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(dedup_key(s), by_chars, "{s:?}");
        }
    }

    #[test]
    fn key_tails_are_the_ends_of_the_keys() {
        for s in [
            "Harbour board approves new ferry",
            "WORLD: Harbour board approves new ferry!",
            "Harbour board",
            "Ferry vote!",
            "",
            "Ärger über die neue Fähre im Hafen",
        ] {
            let key = dedup_key(s);
            let want = if key.len() < 12 {
                KeyTail::Short
            } else {
                KeyTail::Ends(key.as_bytes()[key.len() - 12..].try_into().unwrap())
            };
            assert_eq!(key_tail::<12>(s), want, "{s:?}");
        }
    }

    #[test]
    fn key_hashes_agree_when_the_keys_do() {
        let same = [
            (
                "Harbour board approves new ferry",
                "harbour board: approves new ferry!",
            ),
            ("Ärger über Fähre", "ÄRGER – ÜBER FÄHRE"),
            ("12 things", "12 Things"),
        ];
        for (a, b) in same {
            assert_eq!(dedup_key(a), dedup_key(b));
            assert_eq!(dedup_key_hash(a), dedup_key_hash(b), "{a} / {b}");
            assert_ne!(dedup_key_hash(a), 0);
        }
        assert_ne!(
            dedup_key_hash("Harbour board approves new ferry"),
            dedup_key_hash("Harbour board approves new ferries")
        );
        assert_ne!(dedup_key_hash("abcdefgh"), dedup_key_hash("abcdefgh0"));
        // Keys longer than the 64-byte buffer, with wide chars across its edge.
        let long = "Ä".repeat(40) + &"Harbour board ".repeat(9);
        assert_eq!(dedup_key_hash(&long), dedup_key_hash(&long.to_uppercase()));
        assert_ne!(dedup_key_hash(&long), dedup_key_hash(&(long.clone() + "x")));
        assert_eq!(dedup_key_hash("— * —"), 0);
    }

    #[test]
    fn key_ends_are_the_ends_of_the_key() {
        fn of_key(key: &str) -> Option<(u64, u64)> {
            let k = key.as_bytes();
            if k.is_empty() {
                return None;
            }
            let mut front = [0u8; 8];
            let n = k.len().min(8);
            front[..n].copy_from_slice(&k[..n]);
            let mut back = [0u8; 8];
            back[8 - n..].copy_from_slice(&k[k.len() - n..]);
            Some((u64::from_le_bytes(front), u64::from_le_bytes(back)))
        }
        let odd_case = [PIECES.as_slice(), &["\u{212A}", "ΣΑΣ"]].concat();
        for s in lines_of(&odd_case, 400, 60) {
            assert_eq!(key_ends(&s), of_key(&dedup_key(&s)), "{s:?}");
            assert_eq!(key_front(&s), of_key(&dedup_key(&s)).map(|(f, _)| f));
        }
        assert_eq!(key_ends("— * —"), None);
    }

    #[test]
    fn key_hashes_are_the_hash_of_the_key() {
        fn of_key(key: &str) -> u64 {
            const K: u64 = 0x517c_c1b7_2722_0a95;
            let mut h = 0u64;
            for chunk in key.as_bytes().chunks(64) {
                for word in chunk.chunks(8) {
                    let mut w = [0u8; 8];
                    w[..word.len()].copy_from_slice(word);
                    h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
                }
            }
            if key.is_empty() {
                0
            } else {
                (h.rotate_left(5) ^ key.len() as u64).wrapping_mul(K) | 1
            }
        }
        for s in lines_of(&PIECES, 300, 230) {
            assert_eq!(dedup_key_hash(&s), of_key(&dedup_key(&s)), "{s:?}");
        }
    }
}
