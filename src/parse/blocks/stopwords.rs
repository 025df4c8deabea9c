//! Stop words per language (`assets/stopwords.txt`): their density in a
//! line tells running prose from menus, link lists and tag clouds.

use crate::hash::FxMap;
use std::sync::LazyLock;

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
}

/// Each stop word with the languages it belongs to, as a bit mask.
static WORDS: LazyLock<FxMap<String, u8>> = LazyLock::new(|| {
    let mut m: FxMap<String, u8> = FxMap::default();
    for line in include_str!("../../../assets/stopwords.txt").lines() {
        let mut parts = line.split_whitespace();
        let Some(code) = parts.next().filter(|c| !c.starts_with('#')) else {
            continue;
        };
        let Some(lang) = CODES.iter().position(|c| *c == code) else {
            continue;
        };
        for w in parts {
            *m.entry(w.replace('’', "'")).or_insert(0) |= 1 << lang;
        }
    }
    m
});

/// The longest stop word in bytes: longer tokens are not looked up.
const MAX_BYTES: usize = 12;

/// The language mask of `token` (a whitespace-separated word, perhaps with
/// punctuation around it) when it is a stop word. `buf` is scratch space.
pub fn lookup(token: &str, buf: &mut String) -> Option<u8> {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let t = t.trim_matches(['\'', '’']);
    if t.is_empty() || t.len() > MAX_BYTES {
        return None;
    }
    if t.is_ascii() {
        // Most words: lowered into a stack buffer, no char decoding.
        let mut lower = [0u8; MAX_BYTES];
        for (d, b) in lower.iter_mut().zip(t.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        let key = std::str::from_utf8(&lower[..t.len()]).ok()?;
        return WORDS.get(key).copied();
    }
    buf.clear();
    for c in t.chars() {
        if c == '’' {
            buf.push('\'');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    WORDS.get(buf.as_str()).copied()
}

/// Whether `token` is a stop word of `lang`.
pub fn is_stop(token: &str, lang: Language) -> bool {
    let mut buf = String::new();
    lookup(token, &mut buf).is_some_and(|m| m & (1 << lang.0) != 0)
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

    #[test]
    fn words_are_found_whatever_their_case_and_punctuation() {
        let mut b = String::new();
        assert!(lookup("The", &mut b).is_some_and(|m| m & 1 != 0));
        assert!(lookup("“about", &mut b).is_some());
        assert!(lookup("don’t,", &mut b).is_some());
        assert_eq!(lookup("harbour", &mut b), None);
        assert!(is_stop("della", Language(1)) && !is_stop("della", Language(0)));
    }

    #[test]
    fn the_language_with_most_hits_is_chosen() {
        assert_eq!(CODES[choose(&[0; LANGUAGES]).index()], "en");
        assert_eq!(CODES[choose(&[3, 9, 0, 0, 0, 0]).index()], "it");
    }
}
