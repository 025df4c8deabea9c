//! Temporal expressions: find them in body sentences and resolve them
//! against the publication date; infer that date when the page gives none.
//!
//! - [`find`]: candidates from text, no anchor needed (one regex pass).
//! - [`resolve`]: a candidate's calendar value against an anchor.
//! - [`infer`]: a publication date from the body's latest past statement.
//! - [`lexicon`]: the words, from `assets/time_words.txt`.
//! - [`TimeWords`]: the words and the patterns built from them, the value
//!   every function here that reads words is given.
//! - [`holiday`]: the day a named day ("Thanksgiving") falls on in a year.
//!
//! Years: a yearless date takes its year from the article's anchor. An
//! article with no anchor at all is analysed twice: once per article (its
//! yearless dates unresolved), and again in [`assume_folder_year`] when
//! every dated article of the folder is from one year (a scrape of one
//! period), which then also lets the publication date be inferred from
//! yearless evidence; everything resolved that way is marked
//! `assumed_year`. A folder of mixed years lends no year: the most common
//! one would be a guess, and a wrong year is worse than none.

mod alternation;
mod direct;
mod discourse;
pub mod find;
pub mod form;
mod groups;
pub mod holiday;
pub mod infer;
pub mod lexicon;
mod modifier;
mod patterns;
mod period;
pub mod resolve;
mod starts;
pub mod tense;
mod time_words;
mod years;

pub use form::Candidate;
pub use time_words::TimeWords;
#[cfg(test)]
pub(crate) use time_words::builtin_for_tests;

use crate::model::{Article, Basis, DateValue, Precision, Published, Span, TimeExpr, TimeKind};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

/// Finds and resolves every temporal expression in `sentences`, returning
/// the publication date (the explicit one, or one inferred from the body)
/// and the expressions resolved against it.
pub fn analyse(
    tw: &TimeWords,
    raw: &str,
    sentences: &[Span],
    explicit: &Published,
) -> (Published, Vec<TimeExpr>) {
    analyse_with_year(tw, raw, sentences, explicit, None)
}

/// [`analyse`] with the folder's year (every dated article agrees on it) for yearless dates when the
/// article itself gives no year.
pub fn analyse_with_year(
    tw: &TimeWords,
    raw: &str,
    sentences: &[Span],
    explicit: &Published,
    year_hint: Option<i32>,
) -> (Published, Vec<TimeExpr>) {
    let candidates = find_all(tw, raw, sentences, explicit);
    resolve_all(raw, &candidates, explicit, year_hint)
}

/// Gives back this thread's date-search state (see
/// [`crate::parse::release_thread_scratch`]).
pub fn release_thread_scratch() {
    patterns::release_caches();
}

/// Every temporal expression in `sentences`, not yet resolved. Kept apart
/// from [`resolve_all`] so the corpus step can resolve again with the
/// folder's year without searching the text a second time.
pub fn find_all(
    tw: &TimeWords,
    raw: &str,
    sentences: &[Span],
    explicit: &Published,
) -> Vec<Candidate> {
    // With the publication date stated, nothing is inferred from the
    // candidates: fewer of their tense questions are read.
    let find = if explicit.value.is_some() {
        find::find_in_anchored_sentence_into
    } else {
        find::find_in_sentence_into
    };
    let mut out = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        find(tw, raw, *s, u32::try_from(i).unwrap_or(u32::MAX), &mut out);
    }
    // The page's own date line is the publication date, not an event.
    if let Some(line) = explicit.span {
        out.retain(|c| !line.overlaps(c.span));
    }
    out
}

/// The publication date (explicit, else inferred) and every candidate
/// resolved against it.
pub fn resolve_all(
    raw: &str,
    candidates: &[Candidate],
    explicit: &Published,
    year_hint: Option<i32>,
) -> (Published, Vec<TimeExpr>) {
    let published = if explicit.value.is_some() {
        explicit.clone()
    } else {
        match infer::infer_published(raw, candidates, year_hint) {
            Some((value, reason)) => Published {
                value: Some(value),
                basis: Basis::Inferred(reason),
                span: None,
            },
            None => explicit.clone(),
        }
    };
    let anchor = published.value;
    let mut times: Vec<TimeExpr> = Vec::with_capacity(candidates.len());
    // The last day stated (sentence, day), for anaphora.
    let mut stated: Option<(u32, NaiveDate)> = None;
    // The last date stated at any precision (sentence, value).
    let mut stated_value: Option<(u32, DateValue)> = None;
    // Whether the expression just before the current one stated it.
    let mut stated_value_last = false;
    // The last quarter or half named (sentence, value): the period a
    // report is about, for "the quarter" and "a year earlier".
    let mut period: Option<(u32, DateValue)> = None;
    let mut month_years = discourse::MonthYears::default();
    let mut skip_next = false;
    for (i, c) in candidates.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        // Narrative phrases ("the next day") may reach back one sentence.
        let reach = match c.form {
            form::Form::Relative(p) if p.narrative => 1,
            _ => 0,
        };
        let stated_day = stated
            .filter(|(s, _)| c.sentence.saturating_sub(*s) <= reach)
            .map(|(_, d)| d);
        // "that year", "three years later": a coarser statement will do
        // when the phrase counts in units at least as coarse as it.
        let stated_coarse = match c.form {
            form::Form::Relative(p) if p.narrative && stated_day.is_none() => stated_value
                .filter(|(s, v)| {
                    let back = c.sentence.saturating_sub(*s);
                    (back <= reach || back <= COARSE_NARRATIVE_REACH && stated_value_last)
                        && match p.unit {
                            lexicon::Unit::Year => v.precision <= Precision::Year,
                            lexicon::Unit::Month => v.precision <= Precision::Month,
                            _ => false,
                        }
                })
                .map(|(_, v)| v.start),
            _ => None,
        };
        let stated_day = stated_day.or(stated_coarse);
        let recent_period = |reach: u32| {
            period
                .filter(|(s, _)| c.sentence.saturating_sub(*s) <= reach)
                .map(|(_, v)| v)
        };
        let mut r = resolve::resolve(c, anchor, year_hint, stated_day);
        let mut span = c.span;
        // "the day before last Tuesday's hearing": the phrase counts from
        // the date that follows it, and the two are one expression.
        if let form::Form::Relative(p) = c.form
            && let Some(next) = candidates.get(i + 1)
            && discourse::counts_from_next(raw, c, p, next)
            && let Some(day) = resolve::resolve(next, anchor, year_hint, None)
                .value
                .filter(|v| v.precision == Precision::Day)
        {
            r.value = resolve::shift(p, day.start).map(|mut v| {
                v.assumed_year = day.assumed_year;
                v
            });
            r.anchor = Some(day.start);
            span = discourse::joined(c.span, next.span);
            skip_next = true;
        }
        if let form::Form::Relative(p) = c.form
            && let Some(prev) = i.checked_sub(1).and_then(|j| candidates.get(j))
            && let Some(day) = times
                .last()
                .filter(|t| t.span == prev.span)
                .and_then(|t| t.value)
                .filter(|v| v.precision == Precision::Day)
            && discourse::in_apposition(raw, prev, c, p)
        {
            r.value = Some(day);
            r.anchor = Some(day.start);
        }
        if let Some(v) = r
            .value
            .and_then(|v| discourse::week_named_by_day(raw, c, v))
        {
            r.value = Some(v);
        }
        if let Some(v) = month_years.reread(c, r.value) {
            r.value = Some(v);
        }
        month_years.note(c, r.value);
        match c.form {
            form::Form::PeriodRef {
                back,
                year,
                current,
            } => {
                if let Some(v) = recent_period(PERIOD_REACH)
                    .and_then(|n| resolve::resolve_period_ref(back, year, current, Some(n), anchor))
                    && !current
                {
                    r.value = Some(v);
                    r.kind = TimeKind::Anaphoric;
                }
            }
            form::Form::Relative(p) if is_year_back(p, c.span.text(raw)) => {
                if let Some(n) = recent_period(COMPARISON_REACH)
                    && let Some(v) = resolve::resolve_period_ref(1, None, false, Some(n), anchor)
                {
                    r.value = Some(v);
                    r.kind = TimeKind::Anaphoric;
                }
            }
            _ => {}
        }
        // A comparison ("a year earlier", "the year-ago quarter", "the
        // 1988 period" in a report on 1989) does not move the narrative's
        // period.
        let names_period = match c.form {
            form::Form::Period { .. } => true,
            form::Form::PeriodRef {
                back: 0, year: y, ..
            } => y.is_none_or(|y| period.is_none_or(|(_, p)| p.start.year() == y)),
            _ => false,
        };
        if let Some(v) = r.value
            && names_period
            && matches!(v.precision, Precision::Quarter | Precision::Half)
        {
            period = Some((c.sentence, v));
        }
        // A written date or a weekday names the day a narrative is on; an
        // anaphoric phrase does not move it.
        if let Some(v) = r.value
            && matches!(
                c.form,
                form::Form::Full(_) | form::Form::DayMonth { .. } | form::Form::Weekday { .. }
            )
            && v.precision == Precision::Day
        {
            stated = Some((c.sentence, v.start));
        }
        // A narrative phrase resolved ("later that year") carries the
        // narrative on to the next one ("three years later"), and so does
        // a year or month counted from the day of writing ("last year ...
        // the year before").
        if let Some(v) = r.value
            && (matches!(
                c.form,
                form::Form::Full(_)
                    | form::Form::DayMonth { .. }
                    | form::Form::Weekday { .. }
                    | form::Form::MonthYear { .. }
                    | form::Form::Month { .. }
                    | form::Form::Year(_)
            ) || matches!(c.form, form::Form::Relative(p)
                if p.narrative || !p.anaphoric && matches!(p.unit, lexicon::Unit::Year | lexicon::Unit::Month)))
        {
            stated_value = Some((c.sentence, v));
            stated_value_last = true;
        } else {
            stated_value_last = false;
        }
        times.push(TimeExpr {
            span,
            value: r.value,
            kind: r.kind,
            anchor: r.anchor,
            sentence: c.sentence,
        });
    }
    (published, times)
}

/// How many sentences back "the following month" or "that year" looks for
/// the month or year the narrative stated last, when no other expression
/// of time came between: a paragraph stays in the same month or year
/// longer than on the same day.
const COARSE_NARRATIVE_REACH: u32 = 3;
/// How many sentences back "the quarter" looks for the quarter named last.
const PERIOD_REACH: u32 = 10;
/// How many sentences back "a year earlier" looks for a quarter or half to
/// compare with ("Net rose in the third quarter. ... from $2 a year
/// earlier"): a report compares like with like.
const COMPARISON_REACH: u32 = 2;

/// "a year ago", "a year earlier", "year-ago": a comparison one year back.
fn is_year_back(p: lexicon::RelativePhrase, text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    p.unit == lexicon::Unit::Year
        && p.offset == -1
        && (p.anaphoric || t.starts_with("a ") || t.starts_with("one "))
        && !t.contains("next")
}

/// Corpus-level step: yearless dates in articles without an anchor take the
/// folder's year when every article dated with its real year agrees on it
/// (at least [`MIN_AGREEING`] of them), marked `assumed_year`.
///
/// Articles without an explicit publication date are analysed again with
/// it, so their publication date can now be inferred from yearless evidence
/// and relative expressions resolved against it. A folder with dated
/// articles of two different years, or too few dated ones, changes nothing.
pub fn assume_folder_year(tw: &TimeWords, articles: &mut [Article]) {
    let candidates: Vec<Option<Vec<Candidate>>> = articles
        .par_iter()
        .map(|a| {
            (a.published.basis != Basis::Explicit)
                .then(|| find_all(tw, &a.raw, &a.sentences, &unanchored(a)))
        })
        .collect();
    assume_folder_year_with(articles, &candidates);
}

/// [`assume_folder_year`] with each article's candidates already found
/// (None for an article with an explicit publication date, or one given
/// from outside its text such as a crawl date, which keeps its resolution).
pub fn assume_folder_year_with(articles: &mut [Article], candidates: &[Option<Vec<Candidate>>]) {
    let Some(year) = folder_year(articles) else {
        return;
    };
    articles
        .par_iter_mut()
        .zip(candidates.par_iter())
        .filter(|(a, _)| a.published.basis != Basis::Explicit)
        .filter_map(|(a, found)| Some((a, found.as_ref()?)))
        .for_each(|(a, found)| {
            let explicit = unanchored(a);
            let (published, times) = resolve_all(&a.raw, found, &explicit, Some(year));
            a.published = published;
            a.times = times.into();
        });
}

/// How many dated articles must agree before their year is lent.
pub const MIN_AGREEING: usize = 2;

/// The one year of every publication date known with its real year (not
/// assumed), when there are at least [`MIN_AGREEING`] of them; None when
/// they disagree.
pub fn folder_year(articles: &[Article]) -> Option<i32> {
    let mut years = articles
        .iter()
        .filter_map(|a| a.published.value)
        .filter(|v| !v.assumed_year)
        .map(|v| v.start.year());
    let first = years.next()?;
    let mut n = 1;
    for y in years {
        if y != first {
            return None;
        }
        n += 1;
    }
    (n >= MIN_AGREEING).then_some(first)
}

/// What an article without an explicit date is resolved against: nothing,
/// but the page's own date line still stays out of the events.
fn unanchored(a: &Article) -> Published {
    Published {
        value: None,
        basis: Basis::Unknown,
        span: a.published.span,
    }
}

/// The calendar value of an explicit date, for callers building a
/// [`Published`] by hand (tests, tools).
pub fn explicit_day(date: NaiveDate, span: Option<Span>) -> Published {
    Published {
        value: Some(DateValue::day(date)),
        basis: Basis::Explicit,
        span,
    }
}

#[cfg(test)]
mod tests;
