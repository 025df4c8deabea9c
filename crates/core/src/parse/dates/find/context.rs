//! What the tests of one date match read around it (the word before it,
//! its clause, whether a past verb governs it or tells it), each worked
//! out on first use and kept for the next test.

use super::super::TimeWords;
use super::super::tense::{
    adjacent_past_verb_after, clause_around, told_as_past_knowing, word_before,
};
use std::borrow::Cow;
use std::cell::OnceCell;

/// What several tests of one match read around it, each worked out once
/// (on first use) instead of once per test.
pub(super) struct Context<'t> {
    /// The time words the match was found with.
    pub(super) tw: &'t TimeWords,
    pub(super) text: &'t str,
    pub(super) start: usize,
    end: usize,
    /// [`word_before`] the match.
    word_before: OnceCell<Cow<'t, str>>,
    /// [`adjacent_past_verb_after`] for the match.
    adjacent: OnceCell<bool>,
    /// [`clause_around`] the match.
    clause: OnceCell<(usize, usize)>,
    /// [`told_as_past_knowing`] for the match.
    told_as_past: OnceCell<bool>,
}

impl<'t> Context<'t> {
    pub(super) fn new(tw: &'t TimeWords, text: &'t str, start: usize, end: usize) -> Self {
        Context {
            tw,
            text,
            start,
            end,
            word_before: OnceCell::new(),
            adjacent: OnceCell::new(),
            clause: OnceCell::new(),
            told_as_past: OnceCell::new(),
        }
    }

    pub(super) fn word_before(&self) -> &str {
        self.word_before
            .get_or_init(|| word_before(self.text, self.start))
    }

    pub(super) fn adjacent_past_verb(&self) -> bool {
        *self.adjacent.get_or_init(|| {
            adjacent_past_verb_after(self.tw, self.text, self.start, self.end, self.word_before())
        })
    }

    pub(super) fn clause(&self) -> (usize, usize) {
        *self
            .clause
            .get_or_init(|| clause_around(self.text, self.start, self.end))
    }

    /// Whether the match is told as past, `adjacent` saying whether a past
    /// verb governs it when that is known: the answer is the same either
    /// way, the knowing only spares a reading.
    pub(super) fn told_as_past(&self, adjacent: Option<bool>) -> bool {
        *self.told_as_past.get_or_init(|| {
            told_as_past_knowing(
                self.tw,
                self.text,
                self.start,
                self.end,
                adjacent.or_else(|| self.adjacent.get().copied()),
            )
        })
    }
}
