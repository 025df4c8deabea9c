//! Stop words per language (`assets/stopwords.txt`): their density in a
//! line tells running prose from menus, link lists and tag clouds.

/// How many languages the list holds (one bit each in a word's mask).
pub const LANGUAGES: usize = 6;
const CODES: [&str; LANGUAGES] = ["en", "it", "de", "fr", "es", "pt"];

/// A language of the stop-word list, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Language(u8);

impl Language {
    pub fn index(self) -> usize {
        self.0 as usize
    }
    /// Whether the language writes every noun with a capital.
    pub fn capitalises_nouns(self) -> bool {
        CODES[self.index()] == "de"
    }
}

/// Slots in the stop-word table: a power of two, about four times the
/// words, so a word that is not in it nearly always meets an empty slot
/// first.
const SLOTS: usize = 2048;

/// Each stop word with the languages it belongs to, as a bit mask, keyed
/// by its packed bytes ([`pack`]) in an open-addressing table: a key is
/// one number, so a lookup multiplies once and compares one number, with
/// no string to build. Part of the page knowledge
/// ([`super::PageKnowledge`]), which the cleaner is given.
pub struct StopWords {
    keys: Box<[u128; SLOTS]>,
    masks: Box<[u8; SLOTS]>,
    /// One bit per value of a longer hash of the key (whose top bits are
    /// the slot): set for each stop word. Nearly every word that is not a
    /// stop word finds its bit clear, and the key array is touched only for
    /// the stop words and a few others.
    filter: Box<[u64; FILTER_BITS / 64]>,
    /// The longest ASCII stop word in bytes: a longer ASCII token is none.
    longest_ascii: usize,
}

/// Bits of [`Table::filter`]: a power of two, many times the words, so
/// that few words that are not stop words find their bit set.
const FILTER_BITS: usize = 1 << 15;

impl StopWords {
    /// The key's bit in [`Self::filter`]; its slot is the bit's top bits.
    fn bit(key: u128) -> usize {
        let mixed =
            (key as u64 ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (mixed >> (64 - FILTER_BITS.trailing_zeros())) as usize
    }

    fn slot_of(bit: usize) -> usize {
        bit >> (FILTER_BITS.trailing_zeros() - SLOTS.trailing_zeros())
    }

    #[inline]
    fn get(&self, key: u128) -> Option<u8> {
        let bit = Self::bit(key);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let mut i = Self::slot_of(bit);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.masks[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) % SLOTS;
        }
    }

    fn insert(&mut self, key: u128, lang: usize) {
        let bytes = key.to_le_bytes();
        let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        if bytes[..len].is_ascii() {
            self.longest_ascii = self.longest_ascii.max(len);
        }
        let bit = Self::bit(key);
        self.filter[bit / 64] |= 1 << (bit % 64);
        let mut i = Self::slot_of(bit);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) % SLOTS;
        }
        self.keys[i] = key;
        self.masks[i] |= 1 << lang;
    }

    /// The mask of the ASCII token of `len` bytes (1 to 16) held in `low`
    /// and `high` (its first and last eight bytes, zero past its end), none
    /// of them under 0x21. Its case is folded by setting each byte's 0x20
    /// bit: capitals become small letters, and the only other bytes it
    /// changes (`@[\]^_`) become bytes no stop word holds (`` `{|}~``
    /// and DEL, see [`FOLD_FREE`]), so a token that is a stop word is found
    /// and one that is not is not, as with [`lower_ascii`], in two
    /// operations a half instead of six.
    #[inline]
    fn get_packed(&self, low: u64, high: u64, len: usize) -> Option<u8> {
        if len > self.longest_ascii {
            return None;
        }
        const FOLD: u64 = 0x2020_2020_2020_2020;
        let (keep_low, keep_high) = KEEP[len.min(16)];
        self.get(u128::from(low | (FOLD & keep_low)) | u128::from(high | (FOLD & keep_high)) << 64)
    }

    /// The mask of the ASCII token `b[start..start + len]` (1 to
    /// [`Self::longest_ascii`] bytes) that has a letter or digit at both
    /// ends (so nothing is trimmed): read as two eight-byte loads where the
    /// line has room past the token (most words), masked to its length
    /// and lowered.
    #[inline]
    fn get_ascii(&self, b: &[u8], start: usize, len: usize) -> Option<u8> {
        let (low, high) = match b.get(start..start + 16) {
            Some(w) => {
                let mut eight = [0u8; 8];
                eight.copy_from_slice(&w[..8]);
                let low = u64::from_le_bytes(eight);
                eight.copy_from_slice(&w[8..]);
                let high = u64::from_le_bytes(eight);
                let (keep_low, keep_high) = KEEP[len.min(16)];
                (low & keep_low, high & keep_high)
            }
            None => {
                let mut buf = [0u8; 16];
                buf[..len].copy_from_slice(&b[start..start + len]);
                let mut eight = [0u8; 8];
                eight.copy_from_slice(&buf[..8]);
                let low = u64::from_le_bytes(eight);
                eight.copy_from_slice(&buf[8..]);
                (low, u64::from_le_bytes(eight))
            }
        };
        self.get(u128::from(lower_ascii(low)) | u128::from(lower_ascii(high)) << 64)
    }
}

/// The bytes that setting the 0x20 bit makes of `@[\]^_` (see
/// [`StopWords::get_packed`]): no stop word holds one.
const FOLD_FREE: [u8; 6] = [b'`', b'{', b'|', b'}', b'~', 0x7F];

/// For a key of `n` bytes (0 to 16), the bits of its low and high eight
/// bytes that hold it.
static KEEP: [(u64, u64); 17] = {
    let mut t = [(0u64, 0u64); 17];
    let mut n = 0;
    while n <= 16 {
        let low = if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
        let high = if n >= 16 {
            u64::MAX
        } else if n > 8 {
            (1 << (8 * (n - 8))) - 1
        } else {
            0
        };
        t[n] = (low, high);
        n += 1;
    }
    t
};

impl StopWords {
    /// The bundled list (`assets/stopwords.txt`).
    pub fn builtin() -> StopWords {
        Self::from_text(include_str!("../../../../../assets/stopwords.txt"))
    }

    /// The words of a list in the format of `assets/stopwords.txt`: a
    /// language code, then its words, on each line.
    fn from_text(text: &str) -> StopWords {
        let mut t = StopWords {
            keys: Box::new([0; SLOTS]),
            masks: Box::new([0; SLOTS]),
            filter: Box::new([0; FILTER_BITS / 64]),
            longest_ascii: 0,
        };
        let mut n = 0;
        for line in text.lines() {
            let mut parts = line.split_whitespace();
            let Some(code) = parts.next().filter(|c| !c.starts_with('#')) else {
                continue;
            };
            let Some(lang) = CODES.iter().position(|c| *c == code) else {
                continue;
            };
            for w in parts {
                // The case fold of `get_packed` relies on it.
                debug_assert!(!w.bytes().any(|b| FOLD_FREE.contains(&b)), "{w}");
                if let Some(k) = pack(w.replace('’', "'").to_lowercase().as_bytes())
                    && n < SLOTS / 2
                {
                    t.insert(k, lang);
                    n += 1;
                }
            }
        }
        t
    }
}

/// The longest stop word in bytes: longer tokens are not looked up.
mod bytes;

use bytes::{ALNUM, lower_ascii};

mod lanes;

mod count;

pub use count::count_words;

const MAX_BYTES: usize = 12;

/// Up to 16 bytes as one number (little-endian, zero-padded); None when
/// longer or empty. No stop word holds a NUL, so two words never share a
/// key, and no key is 0 (the table's empty slot).
fn pack(bytes: &[u8]) -> Option<u128> {
    let mut b = [0u8; 16];
    b.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(b)).filter(|&k| k != 0)
}

/// [`lookup`] of the ASCII token `b[start..end]`.
pub(super) fn lookup_in(words: &StopWords, b: &[u8], start: usize, end: usize) -> Option<u8> {
    let (mut lo, mut hi) = (start, end);
    let punct = |c: u8| !ALNUM[usize::from(c)] && c != b'\'';
    while lo < hi && punct(b[lo]) {
        lo += 1;
    }
    while hi > lo && punct(b[hi - 1]) {
        hi -= 1;
    }
    while lo < hi && b[lo] == b'\'' {
        lo += 1;
    }
    while hi > lo && b[hi - 1] == b'\'' {
        hi -= 1;
    }
    let len = hi - lo;
    if len == 0 || len > words.longest_ascii {
        return None;
    }
    words.get_ascii(b, lo, len)
}

/// The language mask of `token` (a whitespace-separated word, perhaps with
/// punctuation around it) when it is a stop word: punctuation other than
/// apostrophes is trimmed from both ends, then apostrophes, and the rest
/// is lowered (a curly apostrophe read as a straight one).
pub fn lookup(words: &StopWords, token: &str) -> Option<u8> {
    if token.is_ascii() {
        return lookup_in(words, token.as_bytes(), 0, token.len());
    }
    // Most tokens outside ASCII are ASCII words with curly quotes, dashes
    // or a curly apostrophe ("Russia’s", "“The", "—"): trimmed and lowered
    // as bytes, the rest by chars.
    let b = token.as_bytes();
    let Some((lo, hi)) = bytes::trim_token(b) else {
        return lookup_by_chars(words, token);
    };
    let t = &b[lo..hi];
    if t.is_empty() {
        return None;
    }
    if t.is_ascii() && ALNUM[usize::from(t[0])] && ALNUM[usize::from(t[t.len() - 1])] {
        return lookup_in(words, b, lo, hi);
    }
    if t.len() > MAX_BYTES {
        return None;
    }
    match bytes::lower_with_apostrophes(t) {
        Some(key) => words.get(key),
        None => lookup_trimmed(words, &token[lo..hi]),
    }
}

/// [`lookup`] of a token outside ASCII, read by chars.
fn lookup_by_chars(words: &StopWords, token: &str) -> Option<u8> {
    let ends = token.as_bytes();
    // An ASCII letter or digit at both ends ("president’s"): nothing to
    // trim.
    let t = if ends.first().is_some_and(|&c| ALNUM[usize::from(c)])
        && ends.last().is_some_and(|&c| ALNUM[usize::from(c)])
    {
        token
    } else {
        let t = token.trim_matches(|c: char| !is_alphanumeric(c) && c != '\'' && c != '’');
        t.trim_matches(['\'', '’'])
    };
    lookup_trimmed(words, t)
}

/// [`lookup`] of a token already trimmed, read by chars.
fn lookup_trimmed(words: &StopWords, t: &str) -> Option<u8> {
    // Curly quotes around an ASCII word ("“The"): the word is read as
    // bytes, which a letter or digit at both ends leaves untrimmed.
    let b = t.as_bytes();
    if t.is_ascii()
        && b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return lookup_in(words, b, 0, b.len());
    }
    if t.is_empty() || t.len() > MAX_BYTES {
        return None;
    }
    let mut buf = [0u8; 16];
    let mut n = 0;
    for c in t.chars() {
        let lowered = if c == '’' { '\'' } else { c };
        for l in lowered.to_lowercase() {
            let dst = buf.get_mut(n..n + l.len_utf8())?;
            l.encode_utf8(dst);
            n += l.len_utf8();
        }
    }
    words.get(u128::from_le_bytes(buf))
}

/// `c.is_alphanumeric()`, told without the Unicode tables for ASCII and
/// for the general punctuation (U+2000 to U+206F: dashes, curly quotes,
/// spaces, the ellipsis), which holds no letter or digit.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

/// Whether `token` is a stop word of `lang`.
pub fn is_stop(words: &StopWords, token: &str, lang: Language) -> bool {
    lookup(words, token).is_some_and(|m| m & (1 << lang.0) != 0)
}

/// The language whose stop words are the most frequent on the page
/// (English when none is found).
pub fn choose(totals: &[usize; LANGUAGES]) -> Language {
    let mut best = 0;
    for (i, &t) in totals.iter().enumerate() {
        if t > totals[best] {
            best = i;
        }
    }
    Language(best as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn words() -> &'static StopWords {
        super::super::PageKnowledge::builtin_for_tests().stop_words()
    }

    pub(super) fn lookup(token: &str) -> Option<u8> {
        super::lookup(words(), token)
    }

    fn is_stop(token: &str, lang: Language) -> bool {
        super::is_stop(words(), token, lang)
    }

    pub(super) fn count_words(line: &str, hits: &mut [u16; LANGUAGES]) -> count::Counted {
        super::count_words(words(), line, hits)
    }

    #[test]
    fn words_are_found_whatever_their_case_and_punctuation() {
        assert!(lookup("The").is_some_and(|m| m & 1 != 0));
        assert!(lookup("“about").is_some());
        assert!(lookup("(about),").is_some());
        assert!(lookup("'about'").is_some());
        assert!(lookup("don’t,").is_some());
        assert!(lookup("don't").is_some());
        assert!(lookup("Über").is_some_and(|m| m & (1 << 2) != 0));
        assert_eq!(lookup("harbour"), None);
        assert_eq!(lookup("the-harbour"), None);
        assert_eq!(lookup("...").or(lookup("")), None);
        assert_eq!(
            lookup("'(the)'"),
            None,
            "apostrophes trimmed after the rest"
        );
        assert!(is_stop("della", Language(1)) && !is_stop("della", Language(0)));
        assert!(lookup("('the')").is_some());
    }

    #[test]
    fn every_stop_word_is_found_in_its_ascii_forms() {
        let mut ascii = 0;
        for line in include_str!("../../../../../assets/stopwords.txt").lines() {
            for w in line.split_whitespace().skip(1) {
                let lowered = w.replace('’', "'").to_lowercase();
                let Some(key) = pack(lowered.as_bytes()) else {
                    continue;
                };
                let want = words().get(key);
                for form in [lowered.clone(), w.to_uppercase(), format!("({w}),")] {
                    // An apostrophe at an end is trimmed off a token.
                    let whole = !lowered.starts_with('\'') && !lowered.ends_with('\'');
                    if form.is_ascii() && whole && lowered.len() <= MAX_BYTES && want.is_some() {
                        ascii += 1;
                        assert_eq!(lookup(&form), want, "{form:?}");
                    }
                }
            }
        }
        assert!(ascii > 1000, "{ascii}");
        // No ASCII token longer than the longest stop word is one.
        assert!(lookup("harbourer").is_none() && lookup("shouldn't").is_some());
        assert!((9..=MAX_BYTES).contains(&words().longest_ascii));
        // Nearly every word that is not a stop word is told by its bit.
        let set: u32 = words().filter.iter().map(|w| w.count_ones()).sum();
        assert!(set as usize * 16 < FILTER_BITS, "{set}");
    }

    #[test]
    fn no_stop_word_holds_a_byte_the_case_fold_makes() {
        for line in include_str!("../../../../../assets/stopwords.txt").lines() {
            for w in line.split_whitespace().skip(1) {
                assert!(!w.bytes().any(|b| FOLD_FREE.contains(&b)), "{w:?}");
            }
        }
        // Tokens with those bytes' sources are no stop words, and capitals
        // fold.
        for token in ["th@", "the_", "a[b", "THE", "tHe", "ABOUT", "^of"] {
            let mut hits = [0u16; LANGUAGES];
            count_words(token, &mut hits);
            let want = lookup_chars_only(token).map_or(0, |m| m.count_ones());
            assert_eq!(
                hits.iter().filter(|&&h| h > 0).count() as u32,
                want,
                "{token:?}"
            );
        }
    }

    #[test]
    fn tokens_outside_ascii_are_found_as_by_chars() {
        let pieces = [
            "the", "’", "'", "“", "”", "‘", "—", "–", "…", "(", ")", ",", "DON", "t", "é", "Ü",
            "ber", "s", "Russia", "\u{2060}", "\u{206F}", "\u{2070}", "ß", "x", ".", "of",
        ];
        for seed in 0..3000usize {
            let token: String = super::super::scrambled(&pieces, seed)
                .take(1 + seed % 6)
                .collect();
            let want = lookup_chars_only(&token);
            assert_eq!(lookup(&token), want, "{token:?}");
            assert_eq!(lookup_by_chars(words(), &token), want, "{token:?}");
        }
        assert!(lookup("“The").is_some() && lookup("don’t,”").is_some());
        assert_eq!(lookup("’(the)’"), None);
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in ('\u{0}'..='\u{2100}').chain(['\u{10000}', 'é', 'ß']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The lookup by chars alone, as the definition to check against.
    pub(super) fn lookup_chars_only(token: &str) -> Option<u8> {
        let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let t = t.trim_matches(['\'', '’']).to_lowercase().replace('’', "'");
        pack(t.as_bytes())
            .filter(|_| t.len() <= MAX_BYTES)
            .and_then(|k| words().get(k))
    }

    #[test]
    fn the_language_with_most_hits_is_chosen() {
        assert_eq!(CODES[choose(&[0; LANGUAGES]).index()], "en");
        assert_eq!(CODES[choose(&[3, 9, 0, 0, 0, 0]).index()], "it");
    }
}
