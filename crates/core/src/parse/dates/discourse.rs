//! Readings that look past a candidate's own words: the text right before
//! it ("the week of March 6"), the date right after it ("the day before
//! last Tuesday's hearing") and what the article already said of the same
//! month ("expected to join in April ... the summit in April"), and the
//! words around a weekday, "today" or a listed day that make it recur,
//! name no day, or add a day ("on April 24 and 25").

use super::TimeWords;
use super::form::{Candidate, Direction, Form};
use super::lexicon::RelativePhrase;
use super::resolve::Tense;
use super::tense::word_before;
use crate::model::{DateValue, Precision, Span};
use chrono::{Datelike, NaiveDate};

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

/// "on April 24 and 25": the second day of a list after a yearless
/// month-first day is a day of the same month. Only a number that ends the
/// phrase ("and 25 delegates" is a count) and comes later in the month.
pub(super) fn listed_second_day(
    text: &str,
    end: usize,
    form: Form,
) -> Option<(std::ops::Range<usize>, Form)> {
    let Form::DayMonth { month, day } = form else {
        return None;
    };
    if !text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = &text[end..];
    let joined = rest.trim_start();
    let joined = joined
        .strip_prefix("and")
        .or_else(|| joined.strip_prefix("or"))
        .filter(|r| r.starts_with(' ') && joined.len() < rest.len())?;
    let number = joined.trim_start();
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let second: u32 = number.get(..digits)?.parse().ok()?;
    let after = &number[digits..];
    let closes = after.is_empty() || after.starts_with(['.', ',', ';', ':', ')', '!', '?']);
    if !(1..=2).contains(&digits)
        || !closes
        || second <= day
        || NaiveDate::from_ymd_opt(2000, month, second).is_none()
    {
        return None;
    }
    let start = text.len() - number.len();
    Some((start..start + digits, Form::DayMonth { month, day: second }))
}

/// "USA Today", "the people of tomorrow": "Today" capitalised right after
/// a capitalised word is part of a name (a newspaper, a programme); "the
/// <noun> of tomorrow" and "the youth of today" (a noun of
/// `[generic_today_heads]`) speak of an age, not of a day.
pub(super) fn today_names_no_day(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    let word = text.get(start..end).unwrap_or("");
    let tomorrow = word.eq_ignore_ascii_case("tomorrow");
    if !tomorrow && !word.eq_ignore_ascii_case("today") {
        return false;
    }
    let before = text.get(..start).unwrap_or("");
    let name_before = before
        .strip_suffix(' ')
        .and_then(|b| b.split(' ').next_back())
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    if word.starts_with('T') && name_before {
        return true;
    }
    if word_before(text, start) != "of" {
        return false;
    }
    let of_at = before.trim_end().len().saturating_sub(2);
    let head_at = before[..of_at].trim_end().len();
    let head = word_before(text, head_at);
    let det_at = before[..head_at].len().saturating_sub(head.len());
    head.bytes().all(|b| b.is_ascii_lowercase())
        && !head.is_empty()
        && word_before(text, det_at) == "the"
        && (tomorrow || tw.lexicon.generic_today_heads.iter().any(|h| *h == head))
}

/// "flights on Tuesday nights", "on Monday and Friday mornings": a weekday
/// before a day part of `[day_parts]` in the plural (or listed with one
/// that is) recurs.
pub(super) fn recurs_by_plural_part(tw: &TimeWords, form: Form, after: &str) -> bool {
    if !matches!(
        form,
        Form::Weekday {
            dir: Direction::ByTense,
            ..
        }
    ) {
        return false;
    }
    let mut words = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut next = words.next();
    if matches!(next, Some("and" | "or")) {
        if !words
            .next()
            .is_some_and(|w| tw.lexicon.weekdays.contains_key(w))
        {
            return false;
        }
        next = words.next();
    }
    next.and_then(|w| w.strip_suffix('s')).is_some_and(|part| {
        tw.lexicon
            .day_parts
            .iter()
            .any(|p| p.eq_ignore_ascii_case(part))
    })
}

#[cfg(test)]
mod tests;
