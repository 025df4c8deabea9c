//! Publication-date inference for pages that state none.
//!
//! The evidence is the latest day the body reports as past: "on <date>" in a
//! sentence with a past-tense verb, outside a future clause ("Kim said on
//! April 28."). A report is published on or soon after that day. To stay
//! never confidently wrong:
//! - with no such statement, the date stays unknown (weekdays alone, as in
//!   "on Wednesday", say nothing about the calendar);
//! - when the body also speaks of a past weekday other than that day's, the
//!   page was likely written some days later: only the month is given, and
//!   only if the following six days stay in that month;
//! - a yearless day needs a year: the corpus's dominant year (`year_hint`,
//!   marked assumed), or a later year written in a full date of the body;
//!   without a hint nothing is inferred and the corpus step tries again;
//! - a year written out is, in news style, usually not the current one: when
//!   the only evidence is full dates older than the corpus's year, the date
//!   stays unknown.

use super::find::{Candidate, Direction, Form};
use crate::model::DateValue;
use chrono::{Datelike, Duration, NaiveDate};

/// The inferred publication date and a human-readable reason.
pub fn infer_published(
    raw: &str,
    candidates: &[Candidate],
    year_hint: Option<i32>,
) -> Option<(DateValue, String)> {
    let stated = || candidates.iter().filter(|c| c.stated_past);
    let latest_full = stated()
        .filter_map(|c| match c.form {
            Form::Full(d) => Some((d, c)),
            _ => None,
        })
        .max_by_key(|(d, _)| *d);
    let has_yearless = stated().any(|c| matches!(c.form, Form::DayMonth { .. }));
    // News style writes the year only for days of other years, so a full
    // date is a lower bound on the year of the yearless ones, not their year.
    let (year, assumed) = match (has_yearless, year_hint, latest_full) {
        (false, _, _) => (None, false),
        (true, None, _) => return None,
        (true, Some(hint), Some((d, _))) if d.year() > hint => (Some(d.year()), false),
        (true, Some(hint), _) => (Some(hint), true),
    };
    let (latest, evidence) = stated()
        .filter_map(|c| match (c.form, year) {
            (Form::Full(d), _) => Some((d, c)),
            (Form::DayMonth { month, day }, Some(y)) => {
                NaiveDate::from_ymd_opt(y, month, day).map(|d| (d, c))
            }
            _ => None,
        })
        .max_by_key(|(d, _)| *d)?;
    // Only full dates, all from before the corpus's year: more likely
    // background ("invaded on February 24, 2022") than the day of writing.
    if year.is_none() && year_hint.is_some_and(|h| latest.year() < h) {
        return None;
    }
    let assumed = assumed && year.is_some_and(|y| y == latest.year());
    let surface = evidence.span.text(raw);
    let other_weekday = candidates.iter().any(|c| match c.form {
        Form::Weekday { weekday, dir } => {
            dir != Direction::Next && !c.future && weekday != latest.weekday()
        }
        _ => false,
    });
    let mut value = if other_weekday {
        let window_end = latest.checked_add_signed(Duration::days(6))?;
        if window_end.month() != latest.month() {
            return None;
        }
        DateValue::month(latest.year(), latest.month())?
    } else {
        DateValue::day(latest)
    };
    value.assumed_year = assumed;
    let reason = if other_weekday {
        format!("month of the latest dated event \"{surface}\" (later weekdays mentioned)")
    } else {
        format!("latest dated event \"{surface}\"")
    };
    Some((value, reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Precision, Span};
    use crate::parse::dates::find::find_in_sentence;

    fn candidates(text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, line) in text.split('\n').enumerate() {
            out.extend(find_in_sentence(
                text,
                Span::new(start, start + line.len()),
                i as u32,
            ));
            start += line.len() + 1;
        }
        out
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn latest_past_statement_wins_over_future_and_habitual_days() {
        let text = "Smith spoke with Brown on April 27, Kim said on April 28.\n\
                    Ruritania holds parades on May 9 every year.\n\
                    Leaders will meet on May 30.\n\
                    There is no reason to wait until May 8, he said.";
        let (v, reason) = infer_published(text, &candidates(text), Some(2025)).unwrap();
        assert_eq!(v.label(), "2025-04-28");
        assert!(v.assumed_year);
        assert!(reason.contains("April 28"), "{reason}");
    }

    #[test]
    fn yearless_evidence_without_a_year_is_pending() {
        let text = "Brown said on May 21.";
        assert_eq!(infer_published(text, &candidates(text), None), None);
    }

    #[test]
    fn a_later_full_date_lifts_the_year_of_yearless_days() {
        let text =
            "The summit opened on January 3, 2026.\nOfficials said on January 5 that it failed.";
        let (v, _) = infer_published(text, &candidates(text), Some(2020)).unwrap();
        assert_eq!(v.start, ymd(2026, 1, 5));
        assert!(!v.assumed_year);
        // An older full date does not: the yearless day is this year's.
        let text =
            "The war began on February 24, 2022.\nOfficials said on January 5 that it failed.";
        let (v, _) = infer_published(text, &candidates(text), Some(2025)).unwrap();
        assert_eq!(v.start, ymd(2025, 1, 5));
        assert!(v.assumed_year);
    }

    #[test]
    fn only_old_full_dates_are_background_not_the_day_of_writing() {
        let text = "Ruritania invaded on February 24, 2022, officials recalled.";
        assert_eq!(infer_published(text, &candidates(text), Some(2025)), None);
        let (v, _) = infer_published(text, &candidates(text), None).unwrap();
        assert_eq!(v.start, ymd(2022, 2, 24));
        let text = "The ministry said on March 3, 2025 that talks failed.";
        let (v, _) = infer_published(text, &candidates(text), Some(2025)).unwrap();
        assert_eq!(v.label(), "2025-03-03");
    }

    #[test]
    fn weekdays_alone_infer_nothing() {
        let text = "The meeting in Geneva on Tuesday ended.\nGarcia said on Wednesday he was hopeful.\n\
                    It was the first since a 28 February meeting descended into a shouting match.";
        assert_eq!(infer_published(text, &candidates(text), Some(2025)), None);
    }

    #[test]
    fn a_later_weekday_lowers_precision_to_month() {
        let text = "A drone attack on April 13 killed three people.\nJones arrived on Thursday.";
        let (v, _) = infer_published(text, &candidates(text), Some(2025)).unwrap();
        assert_eq!(
            (v.label(), v.precision),
            ("2025-04".to_string(), Precision::Month)
        );
        // Six days after April 28 is in May: no month can be claimed either.
        let text = "A drone attack on April 28 killed three people.\nJones arrived on Thursday.";
        assert_eq!(infer_published(text, &candidates(text), Some(2025)), None);
    }
}
