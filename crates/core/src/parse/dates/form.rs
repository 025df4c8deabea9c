//! What a date finder reports: the written form of a temporal expression
//! and the candidate that carries it. Shared by the finder, its helper
//! stages (periods, years) and the resolver, so it lives apart from all of
//! them.

use super::holiday::HolidayRule;
use super::lexicon::RelativePhrase;
use crate::model::{Span, TimeRef};
use chrono::{NaiveDate, Weekday};

/// Which occurrence a "last"/"next"/"this" word asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// "last Friday": strictly before the anchor.
    Last,
    /// "next Friday": strictly after the anchor.
    Next,
    /// Bare or "this": the clause's tense decides.
    ByTense,
}

/// What was written, before any anchor is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A complete calendar date ("April 17, 2025", "2025-04-17").
    Full(NaiveDate),
    /// A day and month without a year ("April 27", "28 February").
    DayMonth {
        month: u32,
        day: u32,
    },
    MonthYear {
        year: i32,
        month: u32,
    },
    /// "August last year": a month in a year given relative to the anchor.
    MonthRelYear {
        month: u32,
        offset: i32,
    },
    /// "last August", "next March".
    MonthRel {
        month: u32,
        dir: Direction,
    },
    /// A month alone in a date context ("in March").
    Month {
        month: u32,
    },
    Year(i32),
    Weekday {
        weekday: Weekday,
        dir: Direction,
    },
    Relative(RelativePhrase),
    /// A named day ("Thanksgiving", "last Christmas", "Easter week",
    /// "Christmas 2031"); `week` for the week it is in.
    Holiday {
        rule: HolidayRule,
        year: Option<i32>,
        dir: Direction,
        week: bool,
    },
    /// The present, the past or the future with no date ("now",
    /// "recently", "in the future").
    Reference(TimeRef),
    /// A quarter, half or season: "the third quarter", "Q3 2023", "the
    /// first half of 2018", "last summer", "fourth-quarter".
    Period {
        kind: PeriodKind,
        /// 1-4 for quarters, 1-2 for halves, 0 (spring) to 3 (winter).
        n: u32,
        year: YearRef,
    },
    /// The period a report is about, named without its number: "the
    /// quarter", "the latest period", "the year-ago quarter", "the 1988
    /// period". `back` years before the narrative's last quarter or half;
    /// `year` when written; `current` for "the current quarter".
    PeriodRef {
        back: i32,
        year: Option<i32>,
        current: bool,
    },
}

/// Which calendar period a [`Form::Period`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Quarter,
    Half,
    Season,
}

/// The year of a period as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// "of 2018", "Q3 2023", "the 1988 second quarter".
    Given(i32),
    /// "last year's third quarter" (-1), "next year's first quarter" (+1).
    Relative(i32),
    /// "last summer": the latest one over before the anchor.
    Last,
    /// "next spring": the first one to start after the anchor.
    Next,
    /// No year: the anchor and the clause's tense decide.
    Open,
}

/// A temporal expression as found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Byte span in the raw text: modifiers kept, a bare preposition left out.
    pub span: Span,
    pub form: Form,
    pub sentence: u32,
    /// The clause speaks of the future ("will meet on Friday"). Read only
    /// where it counts (see `tense_matters`, and a date after "on"); false
    /// elsewhere.
    pub future: bool,
    /// "on <date>" in a sentence with a past-tense verb and a clause not in
    /// the future: evidence that the day had passed when the text was written.
    pub stated_past: bool,
    /// A yearless day or month (or one after "on") in a clause told as
    /// past ("he was last seen Nov. 3"): it lies before the day of writing.
    pub told_past: bool,
}
