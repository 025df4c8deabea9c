//! Readings that look past a candidate's own words: the text right before
//! it ("the week of March 6"), the date right after it ("the day before
//! last Tuesday's hearing") and what the article already said of the same
//! month ("expected to join in April ... the summit in April").

use super::form::{Candidate, Form};
use super::lexicon::RelativePhrase;
use super::resolve::Tense;
use crate::model::{DateValue, Precision, Span};
use chrono::Datelike;

/// "the week of March 6": a day after "week of" names its week.
pub fn week_named_by_day(raw: &str, c: &Candidate, value: DateValue) -> Option<DateValue> {
    if !matches!(c.form, Form::DayMonth { .. } | Form::Full(_)) || value.precision != Precision::Day
    {
        return None;
    }
    let before = raw.get(..c.span.range().start)?.trim_end();
    let head = before.get(before.len().checked_sub(7)?..)?;
    let word_starts = before[..before.len() - 7]
        .chars()
        .next_back()
        .is_none_or(|ch| !ch.is_alphanumeric());
    (head.eq_ignore_ascii_case("week of") && word_starts).then(|| DateValue {
        assumed_year: value.assumed_year,
        ..DateValue::week_of(value.start)
    })
}

/// Whether a narrative phrase that counts from a point ("the day before",
/// "a week after") is followed directly by the date it counts from
/// ("the day before last Tuesday's hearing"): only spaces, or "the",
/// between them.
pub fn counts_from_next(raw: &str, c: &Candidate, p: RelativePhrase, next: &Candidate) -> bool {
    if !p.narrative || next.sentence != c.sentence {
        return false;
    }
    let gap = raw
        .get(c.span.range().end..next.span.range().start)
        .unwrap_or("x")
        .trim();
    counts_from_a_point(c.span.text(raw)) && (gap.is_empty() || gap.eq_ignore_ascii_case("the"))
}

/// "the day before", "a week after": a phrase ending on the word that
/// makes it count from a point.
fn counts_from_a_point(text: &str) -> bool {
    let text = text.trim_end();
    let ends_with = |w: &str| {
        text.len() > w.len()
            && text
                .get(text.len() - w.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
    };
    ends_with(" before") || ends_with(" after")
}

/// "last seen Nov. 3, the day before the warrant was issued": a phrase
/// counting from a point, set off by a comma right after a date, with an
/// event after it, is in apposition to that date. It counts from the event
/// it goes on to name, so it is the date itself, not the day before it.
pub fn in_apposition(raw: &str, prev: &Candidate, c: &Candidate, p: RelativePhrase) -> bool {
    if !p.narrative || prev.sentence != c.sentence || !counts_from_a_point(c.span.text(raw)) {
        return false;
    }
    let gap = raw
        .get(prev.span.range().end..c.span.range().start)
        .unwrap_or("x")
        .trim();
    let event_follows = raw
        .get(c.span.range().end..)
        .unwrap_or("")
        .trim_start()
        .starts_with(char::is_alphabetic);
    gap == "," && event_follows
}

/// The span from the start of `a` to the end of `b`.
pub fn joined(a: Span, b: Span) -> Span {
    Span::new(a.range().start, b.range().end.max(a.range().end))
}

/// The year the article last gave each month (index 1..=12) with evidence
/// of its own: a year written with it, or a tense that placed it.
#[derive(Default)]
pub struct MonthYears([Option<i32>; 13]);

impl MonthYears {
    /// Notes the year of a month the article placed: written with its year
    /// ("April 2024", "April 3, 2024"), or yearless in a clause whose tense
    /// decided the year.
    pub fn note(&mut self, c: &Candidate, value: Option<DateValue>) {
        let Some(v) = value.filter(|v| v.precision <= Precision::Month) else {
            return;
        };
        let placed = match c.form {
            Form::Full(_) | Form::MonthYear { .. } => true,
            Form::Month { .. } | Form::DayMonth { .. } => Tense::of(c) != Tense::Unmarked,
            _ => false,
        };
        if placed && let Some(slot) = self.0.get_mut(v.start.month() as usize) {
            *slot = Some(v.start.year());
        }
    }

    /// A bare month whose clause says nothing of its tense takes the year
    /// the article already gave that month: "are expected to join in April
    /// ... can take part in the summit in April" is one April.
    pub fn reread(&self, c: &Candidate, value: Option<DateValue>) -> Option<DateValue> {
        let v = value?;
        if !matches!(c.form, Form::Month { .. }) || Tense::of(c) != Tense::Unmarked {
            return None;
        }
        let year = (*self.0.get(v.start.month() as usize)?)?;
        if year == v.start.year() {
            return None;
        }
        let mut month = DateValue::month(year, v.start.month())?;
        month.assumed_year = v.assumed_year;
        Some(month)
    }
}

#[cfg(test)]
mod tests;
