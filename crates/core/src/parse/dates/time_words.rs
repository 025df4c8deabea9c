//! Everything the date stage knows, as one value: the time words (the
//! bundled `assets/time_words.txt`, plus the user's own) and what is built
//! from them, the date patterns and the word sets the tense reading looks
//! words up in. The stage reads the value it is given, never a global, so
//! two values in one process find different dates.

use super::direct;
use super::lexicon::{Lexicon, parse_lexicon, read_into};
use super::patterns::{self, Families};
use super::tense::TenseWords;
use crate::date_text::FullDates;
use regex::Regex;
use std::sync::OnceLock;

/// The time words and every matcher built from them. The patterns are
/// compiled on first use (see [`crate::parse::warm_up`]): building the
/// value costs only the reading of its words.
pub struct TimeWords {
    /// Which value this is: a thread's search caches, made for one value's
    /// patterns, are kept with it and never used with another's.
    pub(super) id: u64,
    pub(super) lexicon: Lexicon,
    /// The date families as regex sources ([`patterns::families`]).
    families: OnceLock<Vec<String>>,
    /// The whole date pattern: every family as one alternation.
    pattern: OnceLock<Regex>,
    /// The date pattern split so that groups are cheap to read.
    split: OnceLock<Families>,
    /// The word lists the commonest families are read with in code.
    pub(super) direct: direct::Words,
    /// The future cues and past verbs, as the tense reading looks them up.
    pub(super) tense: TenseWords,
    /// The month and weekday names a masthead's or place line's date is
    /// read with, when the user's words add any (else the bundled ones).
    full_dates: Option<FullDates>,
}

/// The bundled time words.
const BUNDLED: &str = include_str!("../../../../../assets/time_words.txt");

impl TimeWords {
    /// The bundled time words alone.
    pub fn builtin() -> TimeWords {
        TimeWords::of(parse_lexicon(BUNDLED), None)
    }

    /// The bundled time words plus the user's own (`time_words.txt`
    /// beside the config file, in the format of `assets/time_words.txt`):
    /// another language's month names, a local holiday, a phrase. Returns
    /// the value and how many entries the user's text holds, or its first
    /// mistake as "line: what": a user's line that would be skipped is an
    /// error, never a silent loss.
    pub fn with_user(text: &str) -> Result<(TimeWords, usize), String> {
        let mut lexicon = parse_lexicon(BUNDLED);
        let (entries, problems) = read_into(&mut lexicon, text);
        if let Some((line, what)) = problems.into_iter().next() {
            return Err(format!("{line}: {what}"));
        }
        let full_dates =
            FullDates::names_any(text).then(|| FullDates::of_time_words(&[BUNDLED, text]));
        Ok((TimeWords::of(lexicon, full_dates), entries))
    }

    fn of(lexicon: Lexicon, full_dates: Option<FullDates>) -> TimeWords {
        TimeWords {
            id: crate::parse::value_id::next_id(),
            direct: direct::Words::of(&lexicon),
            tense: TenseWords::of(&lexicon),
            lexicon,
            families: OnceLock::new(),
            pattern: OnceLock::new(),
            split: OnceLock::new(),
            full_dates,
        }
    }

    /// What a full date in a page's masthead, byline or place line is read
    /// with: the bundled month and weekday names, and the user's.
    pub fn full_dates(&self) -> &FullDates {
        match &self.full_dates {
            Some(own) => own,
            None => FullDates::bundled(),
        }
    }

    pub(super) fn families(&self) -> &[String] {
        self.families
            .get_or_init(|| patterns::families(&self.lexicon))
    }

    pub(super) fn pattern(&self) -> &Regex {
        self.pattern
            .get_or_init(|| Regex::new(&self.families().join("|")).expect("date pattern compiles"))
    }

    pub(super) fn split(&self) -> &Families {
        self.split
            .get_or_init(|| Families::new(&self.lexicon, self.families()))
    }
}

/// The bundled time words, one value for every test that needs no other.
#[cfg(test)]
pub(crate) fn builtin_for_tests() -> &'static TimeWords {
    static BUILTIN: std::sync::LazyLock<TimeWords> = std::sync::LazyLock::new(TimeWords::builtin);
    &BUILTIN
}

#[cfg(test)]
mod tests;
