//! Publication-date inference for pages that state none.
//!
//! Two kinds of evidence, tried in this order:
//! - a deictic word tied to a written date: "today, March 3, 2025", "said
//!   yesterday (March 2)": the page says which day it is writing on. All such
//!   ties must agree, and no day stated as past may come after it;
//! - in a folder of one year (`year_hint`), the latest day the body reports
//!   as past: "on <date>" in a sentence with a past-tense verb, outside a
//!   future clause ("Kim said on April 28."). A report is published on or
//!   soon after that day.
//!
//! A full date stated as past is not evidence on its own: news writes the
//! year for days of other years ("invaded on January 1, 1959"), so the
//! latest one is as likely background as the day of writing. To stay never
//! confidently wrong:
//! - with no such statement, the date stays unknown (weekdays alone, as in
//!   "on Wednesday", say nothing about the calendar);
//! - when the body also speaks of a past weekday other than that day's, the
//!   page was likely written some days later: only the month is given, and
//!   only if the following six days stay in that month;
//! - a yearless day needs a year: the folder's year (`year_hint`,
//!   marked assumed), or a later year written in a full date of the body;
//!   without a hint nothing is inferred and the corpus step tries again;
//! - a year written out is, in news style, usually not the current one: when
//!   the only evidence is full dates older than the corpus's year, the date
//!   stays unknown.

use super::form::{Candidate, Direction, Form};
use super::lexicon::Unit;
use crate::model::DateValue;
use chrono::{Datelike, Duration, NaiveDate};

/// The inferred publication date and a human-readable reason.
pub fn infer_published(
    raw: &str,
    candidates: &[Candidate],
    year_hint: Option<i32>,
) -> Option<(DateValue, String)> {
    if let Some(tied) = deictic_tie(raw, candidates, year_hint) {
        return tied;
    }
    year_hint?;
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

/// The day a deictic word tied to a written date says the page was
/// written on: Some(None) when ties exist but disagree (or a day stated as
/// past comes later), None when there is no tie.
#[allow(clippy::option_option)]
fn deictic_tie(
    raw: &str,
    candidates: &[Candidate],
    year_hint: Option<i32>,
) -> Option<Option<(DateValue, String)>> {
    let day_of = |c: &Candidate| match c.form {
        Form::Full(d) => Some(d),
        Form::DayMonth { month, day } => NaiveDate::from_ymd_opt(year_hint?, month, day),
        _ => None,
    };
    let mut found: Option<(NaiveDate, &Candidate, &Candidate)> = None;
    for pair in candidates.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.sentence != b.sentence || !tie_gap(raw, a.span.end as usize, b.span.start as usize) {
            continue;
        }
        let (word, date) = match (deictic_offset(a), deictic_offset(b)) {
            (Some(_), None) => (a, b),
            (None, Some(_)) => (b, a),
            _ => continue,
        };
        let (Some(offset), Some(d)) = (deictic_offset(word), day_of(date)) else {
            continue;
        };
        let Some(day) = d.checked_add_signed(Duration::days(i64::from(offset))) else {
            continue;
        };
        match found {
            Some((other, _, _)) if other != day => return Some(None),
            _ => found = Some((day, word, date)),
        }
    }
    let (day, word, date) = found?;
    let later_past = candidates
        .iter()
        .filter(|c| c.stated_past)
        .filter_map(day_of)
        .any(|d| d > day);
    if later_past {
        return Some(None);
    }
    let mut value = DateValue::day(day);
    value.assumed_year = !matches!(date.form, Form::Full(_));
    let reason = format!(
        "\"{}\" tied to \"{}\"",
        word.span.text(raw),
        date.span.text(raw)
    );
    Some(Some((value, reason)))
}

/// How many days after the day a deictic word names the page was written
/// ("today" 0, "yesterday" 1); None for anything else.
fn deictic_offset(c: &Candidate) -> Option<i32> {
    match c.form {
        Form::Relative(p)
            if p.unit == Unit::Day && !p.anaphoric && (-1..=0).contains(&p.offset) =>
        {
            Some(-p.offset)
        }
        _ => None,
    }
}

/// Whether only a comma, a bracket, a dash or "on" separates two
/// expressions: "today, March 3", "yesterday (March 2)", "today — May 1".
fn tie_gap(raw: &str, end: usize, start: usize) -> bool {
    let Some(gap) = raw.get(end..start) else {
        return false;
    };
    gap.len() <= 6
        && gap
            .trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '(' | ')' | '—' | '–' | '-')
            })
            .trim_start_matches("on")
            .trim()
            .is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Precision, Span};
    use crate::parse::dates::builtin_for_tests as tw;
    use crate::parse::dates::find::find_in_sentence;

    fn candidates(text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, line) in text.split('\n').enumerate() {
            out.extend(find_in_sentence(
                tw(),
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
        // Without a folder year a lone full date is not evidence either.
        assert_eq!(infer_published(text, &candidates(text), None), None);
        let text = "The ministry said on March 3, 2025 that talks failed.";
        assert_eq!(infer_published(text, &candidates(text), None), None);
        let (v, _) = infer_published(text, &candidates(text), Some(2025)).unwrap();
        assert_eq!(v.label(), "2025-03-03");
    }

    #[test]
    fn a_deictic_word_tied_to_a_date_gives_the_day_of_writing() {
        let text = "The port reopened today, March 3, 2025, after a week.\nA storm hit on February 24, 2025.";
        let (v, reason) = infer_published(text, &candidates(text), None).unwrap();
        assert_eq!(
            (v.label(), v.assumed_year),
            ("2025-03-03".to_string(), false)
        );
        assert!(
            reason.contains("today") && reason.contains("March 3, 2025"),
            "{reason}"
        );
        let text = "Officials said yesterday (March 2, 2025) that the port would reopen.";
        let (v, _) = infer_published(text, &candidates(text), None).unwrap();
        assert_eq!(v.label(), "2025-03-03");
        // A yearless tie needs the folder's year.
        let text = "The port reopened today, March 3.";
        assert_eq!(infer_published(text, &candidates(text), None), None);
        let (v, _) = infer_published(text, &candidates(text), Some(2025)).unwrap();
        assert!(v.assumed_year && v.label() == "2025-03-03");
    }

    #[test]
    fn inconsistent_deictic_evidence_is_unknown() {
        // Two ties that disagree.
        let text = "The port reopened today, March 3, 2025.\nThe ferry left today, March 9, 2025.";
        assert_eq!(infer_published(text, &candidates(text), None), None);
        // A day stated as past after the tied day.
        let text = "The port reopened today, March 3, 2025.\nThe minister said on March 7, 2025 it was safe.";
        assert_eq!(infer_published(text, &candidates(text), None), None);
        // Not tied: other words between them.
        let text = "Talks resumed today after the March 3, 2025 deal collapsed.";
        assert_eq!(infer_published(text, &candidates(text), None), None);
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
