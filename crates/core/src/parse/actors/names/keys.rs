//! Each token's folded key and its lexicon facts, found for a sentence
//! before it is tagged, and asked of by the rest of the scan.

use super::super::lexicon::{Lexicon, WordFacts, key_of};
use super::{Scan, Shape, Spare, Token};
use std::cell::Cell;

/// A token's key, as its range of the key buffer, and the key's lexicon
/// facts: one entry, so that one write per token fills both.
///
/// All zero (the default) is the entry of a word whose facts wait: a
/// lower-case ASCII word that opens no role and is no particle, as most
/// words are. Its key is its own range of the lowered sentence (the
/// token's range), and only the words around a name or a role are asked
/// about, which [`Scan::facts`] looks up when they are. The entries
/// start out so, all at once, and the scan writes only the others (the
/// few): no write per word.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct KeyFacts {
    from: u32,
    to: u32,
    facts: WordFacts,
    /// `facts` looked up, and `from..to` the key's range; false: the
    /// lookup waits, and the key is the token's range (see above).
    known: bool,
}

/// What follows the lowered sentence in the key buffer (see `scan_with`).
const KEY_PAD: &str = "                ";

/// Fills `key_buf` and `key_at` with the keys and facts of the tokens
/// `toks` of `text`, and lists in `spare` the tokens `tag` may tag and
/// those a name may open on; `DEFER`: see [`super::scan_deferring`].
/// Not inlined, for the reason [`tokenize_into`](super::super::tokens::tokenize_into)
/// is not: a loop over every token, with its own registers.
#[inline(never)]
pub(super) fn fill_keys<const DEFER: bool>(
    text: &str,
    lx: &Lexicon,
    toks: &[Token],
    key_buf: &mut String,
    key_at: &mut Vec<KeyFacts>,
    spare: &mut Spare,
) {
    // Keys: the sentence lowered once (ASCII letters only, so it stays
    // valid UTF-8 and keeps every offset), and an ASCII word's key is its
    // own range of that copy. Only words with other chars are folded one by
    // one, their keys appended after the copy. Lowering word by word was a
    // copy call and two passes per word.
    key_buf.clear();
    key_buf.push_str(text);
    key_buf.make_ascii_lowercase();
    // Sixteen bytes after the sentence, so that every ASCII word's key is
    // read in one load of sixteen bytes ([`Lexicon::facts_at`]).
    key_buf.push_str(KEY_PAD);
    let (taggable, nameable) = (&mut spare.taggable, &mut spare.nameable);
    taggable.clear();
    nameable.clear();
    // Every entry waiting (see [`KeyFacts`]); the pass below writes the
    // rest.
    key_at.clear();
    key_at.resize(toks.len(), KeyFacts::default());
    for (i, (t, entry)) in toks.iter().zip(key_at.iter_mut()).enumerate() {
        let n = t.end - t.start;
        // A lower-case ASCII word no role opens with and no particle is,
        // by its ends and length (nearly every one that is neither), is
        // neither taggable nor nameable: its facts wait, and its entry
        // stays as it is.
        if DEFER
            && t.shape == Shape::Lower
            && t.ascii
            && n < 16
            && !lx.lower_may_open(key_buf.as_bytes().get(t.start..t.end).unwrap_or_default())
        {
            continue;
        }
        if !t.is_word() {
            *entry = KeyFacts {
                from: t.start as u32,
                to: t.start as u32,
                facts: WordFacts::default(),
                known: true,
            };
            continue;
        }
        if t.ascii {
            // What `key_of` gives for one ASCII word (words hold no white
            // space) is its range of the lowered copy. Looked up by the
            // key's bytes: no `str` to slice, whose ends would be checked
            // for char boundaries.
            let f = lx.facts_at(key_buf.as_bytes(), t.start, n);
            note(i, t, f, taggable, nameable);
            *entry = KeyFacts {
                from: t.start as u32,
                to: t.end as u32,
                facts: f,
                known: true,
            };
            continue;
        }
        // A word with other chars (the tokenizer says which), folded
        // after the copy.
        let from = key_buf.len();
        key_buf.push_str(&key_of(text.get(t.start..t.end).unwrap_or("")));
        let f = lx.facts_of_bytes(key_buf.as_bytes().get(from..).unwrap_or_default());
        note(i, t, f, taggable, nameable);
        *entry = KeyFacts {
            from: from as u32,
            to: key_buf.len() as u32,
            facts: f,
            known: true,
        };
    }
}

/// Lists word token `i` (`t`, with facts `f`) among those `tag` may tag
/// and those a name may open on, when it is.
#[inline(always)]
fn note(i: usize, t: &Token, f: WordFacts, taggable: &mut Vec<u32>, nameable: &mut Vec<u32>) {
    if f.max_words > 0 || t.is_capital() || t.glued {
        taggable.push(i as u32);
    }
    if t.is_capital() || f.particle && t.shape == Shape::Lower {
        nameable.push(i as u32);
    }
}

impl Scan<'_, '_> {
    pub(super) fn key(&self, i: usize) -> &str {
        let Some(k) = self.key_at.get(i).map(Cell::get) else {
            return "";
        };
        let range = if k.known {
            k.from as usize..k.to as usize
        } else {
            self.toks.get(i).map_or(0..0, |t| t.start..t.end)
        };
        self.key_buf.get(range).unwrap_or("")
    }

    /// The lexicon facts of token `i`'s word (all false for punctuation):
    /// looked up now if the scan left them for later (see [`KeyFacts`]).
    #[inline(always)]
    pub(super) fn facts(&self, i: usize) -> WordFacts {
        match self.key_at.get(i) {
            Some(c) if !c.get().known => self.look_up(i, c),
            Some(c) => c.get().facts,
            None => WordFacts::default(),
        }
    }

    /// The facts of a word whose lookup was left for later, kept in its
    /// cell for the next question.
    #[inline(never)]
    fn look_up(&self, i: usize, c: &Cell<KeyFacts>) -> WordFacts {
        // An ASCII word of the lowered sentence, which the padding
        // follows: sixteen bytes to read from its start.
        let (at, end) = self.toks.get(i).map_or((0, 0), |t| (t.start, t.end));
        let facts = self.lx.facts_at(self.key_buf.as_bytes(), at, end - at);
        c.set(KeyFacts {
            from: at as u32,
            to: end as u32,
            facts,
            known: true,
        });
        facts
    }

    /// Whether token `i`'s word is in any of the word classes `bits`
    /// ([`class`]): read from its facts, not asked of the tables.
    pub(super) fn is(&self, i: usize, bits: u16) -> bool {
        self.facts(i).classes & bits != 0
    }

    /// A lower-case particle ("von", "de").
    pub(super) fn is_particle(&self, i: usize) -> bool {
        // A word whose facts wait is no particle (see [`KeyFacts`]).
        self.toks.get(i).is_some_and(|t| t.shape == Shape::Lower)
            && self.key_at.get(i).is_some_and(|k| {
                let k = k.get();
                k.known && k.facts.particle
            })
    }
}
