//! The keys the lexicon's tables are asked by: a word's or phrase's
//! folded key, two words as one number, and a word's facts entry.

use super::{WordFacts, WordMap};

/// The lookup key of a word or phrase: case and accents folded, curly
/// apostrophes straightened, whitespace collapsed.
pub fn key_of(s: &str) -> String {
    if is_spaced_ascii(s) {
        let mut out = s.to_owned();
        out.make_ascii_lowercase();
        return out;
    }
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
        return out;
    }
    crate::text::fold(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Whether `s` is ASCII with its words already one space apart (nearly
/// every key the lexicons and the text ask): then its key is it lowered.
fn is_spaced_ascii(s: &str) -> bool {
    let b = s.as_bytes();
    let mut after_space = true;
    for &c in b {
        if !c.is_ascii()
            || matches!(c, b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
            || (c == b' ' && after_space)
        {
            return false;
        }
        after_space = c == b' ';
    }
    !after_space || b.is_empty()
}

/// The facts of word `w` in `facts`, added (all false) when it has none:
/// its key copied only then.
pub(super) fn fact<'f>(facts: &'f mut WordMap<String, WordFacts>, w: &str) -> &'f mut WordFacts {
    if !facts.contains_key(w) {
        facts.insert(w.to_owned(), WordFacts::default());
    }
    facts.get_mut(w).expect("just added")
}

/// Two folded words as one number, for [`super::Lexicon::may_pair`].
pub(super) fn pair_key(first: &str, second: &str) -> u64 {
    use std::hash::BuildHasher;
    std::hash::BuildHasherDefault::<crate::parse::actors::word_hash::WordHasher>::default()
        .hash_one((first, second))
}

#[cfg(test)]
mod tests {
    use super::key_of;

    /// The key as the words split apart and joined again give it.
    fn joined(s: &str) -> String {
        let words: Vec<&str> = s.split_whitespace().collect();
        crate::text::fold(&words.join(" "))
    }

    #[test]
    fn a_key_lowered_whole_is_the_key_its_words_joined_again_give() {
        for s in [
            "",
            " ",
            "Orla",
            "Orla Venn",
            "Orla  Venn",
            " Orla Venn",
            "Orla Venn ",
            "Orla\tVenn",
            "Orla\nVenn",
            "ORLA VENN-BRASK",
            "O'Venn",
            "Orla Vénn",
            "Orla\u{a0}Venn",
            "Orla\u{2019}s",
        ] {
            assert_eq!(key_of(s), joined(s), "{s:?}");
        }
    }
}
