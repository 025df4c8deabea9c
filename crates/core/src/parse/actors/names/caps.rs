//! Headlines, where capitals prove nothing: lines in Title Case, and lines
//! written in capitals ("MORETTI RETURNS FOR ITALY", "SOCCER - VELMAR BEAT
//! OSTROVA 2-1").
//!
//! In a capitals line, each word that is not a stop word or a lexicon
//! entity becomes a weak one-word hit: it counts only when it names someone
//! the article writes in mixed case ("Paolo Moretti" makes "MORETTI" him),
//! and is dropped otherwise. Continues [`Scan`](super::Scan).

use super::{Evidence, Hit, Scan, Shape, Tag};

impl Scan<'_, '_> {
    /// No lower-case word but particles, and three or more words in
    /// capitals of two letters or more.
    pub(super) fn is_caps_line(&self) -> bool {
        let mut upper = 0;
        for (i, t) in self.toks.iter().enumerate() {
            match t.shape {
                Shape::Lower if !self.is_particle(i) => return false,
                Shape::Cap => return false,
                Shape::Upper => upper += 1,
                _ => {}
            }
        }
        upper >= 3
    }

    /// A word of a capitals line that may be a name: in capitals, and
    /// neither a stop word nor part of a role or lexicon entity.
    pub(super) fn caps_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.shape == Shape::Upper && !t.glued)
            && matches!(self.tags.get(i), Some(Tag::None))
    }

    /// The weak hit of capitals word `i`: no evidence, no role.
    pub(super) fn caps_hit(&self, i: usize) -> Hit {
        Hit {
            start: self.abs(i),
            end: self.abs_end(i),
            words: 1,
            entity: None,
            ev: Evidence::default(),
            weak: true,
            roles: Vec::new(),
        }
    }

    /// Title Case: every word capitalised but the short function words a
    /// headline leaves small. Capitals there prove nothing.
    pub(super) fn is_headline(&self) -> bool {
        // The small words, by length: a word is compared only with those
        // of its own length (none is longer than four bytes).
        let small = |k: &str| match k.len() {
            1 => k == "a",
            2 => matches!(
                k,
                "an" | "or" | "of" | "in" | "on" | "at" | "to" | "by" | "as" | "vs"
            ),
            3 => matches!(k, "the" | "and" | "for"),
            4 => matches!(k, "with" | "from"),
            _ => false,
        };
        // Most sentences are prose, ruled out at their first long
        // lower-case word: the commas are counted only after that.
        let mut caps = 0;
        for (i, t) in self.toks.iter().enumerate() {
            match t.shape {
                Shape::Lower if !small(self.key(i)) && !self.is_particle(i) => {
                    return false;
                }
                Shape::Cap if !t.initial && self.chars_at_least(i, 4) => caps += 1,
                _ => {}
            }
        }
        // A list of names ("Ivo Brask, Lars Pellin, Ugo Tarrant") is
        // capitalised throughout too, but a headline has few commas.
        let commas = self
            .toks
            .iter()
            .filter(|t| t.shape == Shape::Punct(','))
            .count();
        caps >= 4 && commas < 2
    }

    /// Whether word `i` has `n` chars or more: an ASCII word's are its
    /// bytes, counted only for another word.
    fn chars_at_least(&self, i: usize, n: usize) -> bool {
        let t = &self.toks[i];
        if t.ascii {
            t.end - t.start >= n
        } else {
            self.word(i).chars().count() >= n
        }
    }
}
