//! Temporal expressions: find them in body sentences and resolve them
//! against the publication date; infer that date when the page gives none.
//!
//! - [`find`]: candidates from text, no anchor needed (one regex pass).
//! - [`resolve`]: a candidate's calendar value against an anchor.
//! - [`infer`]: a publication date from the body's latest past statement.
//! - [`lexicon`]: the words, from `assets/time_words.txt`.
//!
//! Years: a yearless date takes its year from the article's anchor. An
//! article with no anchor at all is analysed twice: once per article (its
//! yearless dates unresolved), and again in [`assume_dominant_year`] with the
//! corpus's dominant year, which then also lets the publication date be
//! inferred from yearless evidence; everything resolved that way is marked
//! `assumed_year`.

pub mod find;
pub mod infer;
pub mod lexicon;
pub mod resolve;
pub mod tense;

pub use find::Candidate;

use crate::model::{Article, Basis, DateValue, Precision, Published, Span, TimeExpr};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use std::collections::HashMap;

/// Finds and resolves every temporal expression in `sentences`, returning
/// the publication date (the explicit one, or one inferred from the body)
/// and the expressions resolved against it.
pub fn analyse(raw: &str, sentences: &[Span], explicit: &Published) -> (Published, Vec<TimeExpr>) {
    analyse_with_year(raw, sentences, explicit, None)
}

/// [`analyse`] with the corpus's dominant year for yearless dates when the
/// article itself gives no year.
pub fn analyse_with_year(
    raw: &str,
    sentences: &[Span],
    explicit: &Published,
    year_hint: Option<i32>,
) -> (Published, Vec<TimeExpr>) {
    let candidates = find_all(raw, sentences, explicit);
    resolve_all(raw, &candidates, explicit, year_hint)
}

/// Every temporal expression in `sentences`, not yet resolved. Kept apart
/// from [`resolve_all`] so the corpus step can resolve again with the
/// dominant year without searching the text a second time.
pub fn find_all(raw: &str, sentences: &[Span], explicit: &Published) -> Vec<Candidate> {
    sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| find::find_in_sentence(raw, *s, u32::try_from(i).unwrap_or(u32::MAX)))
        // The page's own date line is the publication date, not an event.
        .filter(|c| explicit.span.is_none_or(|s| !s.overlaps(c.span)))
        .collect()
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
    let mut times = Vec::with_capacity(candidates.len());
    // The last day stated (sentence, day), for anaphora.
    let mut stated: Option<(u32, NaiveDate)> = None;
    for c in candidates {
        // Narrative phrases ("the next day") may reach back one sentence.
        let reach = match c.form {
            find::Form::Relative(p) if p.narrative => 1,
            _ => 0,
        };
        let stated_day = stated
            .filter(|(s, _)| c.sentence.saturating_sub(*s) <= reach)
            .map(|(_, d)| d);
        let r = resolve::resolve(c, anchor, year_hint, stated_day);
        // A written date or a weekday names the day a narrative is on; an
        // anaphoric phrase does not move it.
        if let Some(v) = r.value
            && matches!(
                c.form,
                find::Form::Full(_) | find::Form::DayMonth { .. } | find::Form::Weekday { .. }
            )
            && v.precision == Precision::Day
        {
            stated = Some((c.sentence, v.start));
        }
        times.push(TimeExpr {
            span: c.span,
            value: r.value,
            kind: r.kind,
            anchor: r.anchor,
            sentence: c.sentence,
        });
    }
    (published, times)
}

/// Corpus-level step: yearless dates in articles without an anchor take the
/// corpus's dominant year, marked `assumed_year`.
///
/// The dominant year is the most common year among publication dates known
/// with their real year (ties: the later year). Articles without an explicit
/// publication date are analysed again with it, so their publication date can
/// now be inferred from yearless evidence (or dropped when its only evidence
/// is an older full date) and relative expressions resolved against it. With no dated article there is no dominant year and nothing
/// changes (a year from the clock would be a guess).
pub fn assume_dominant_year(articles: &mut [Article]) {
    let candidates: Vec<Option<Vec<Candidate>>> = articles
        .par_iter()
        .map(|a| {
            (a.published.basis != Basis::Explicit)
                .then(|| find_all(&a.raw, &a.sentences, &unanchored(a)))
        })
        .collect();
    assume_dominant_year_with(articles, &candidates);
}

/// [`assume_dominant_year`] with each article's candidates already found
/// (None for an article with an explicit publication date, or one given
/// from outside its text such as a crawl date, which keeps its resolution).
pub fn assume_dominant_year_with(articles: &mut [Article], candidates: &[Option<Vec<Candidate>>]) {
    let Some(year) = dominant_year(articles) else {
        return;
    };
    articles
        .par_iter_mut()
        .zip(candidates.par_iter())
        .filter(|(a, found)| a.published.basis != Basis::Explicit && found.is_some())
        .for_each(|(a, found)| {
            let explicit = unanchored(a);
            let (published, times) = match found {
                Some(c) => resolve_all(&a.raw, c, &explicit, Some(year)),
                None => analyse_with_year(&a.raw, &a.sentences, &explicit, Some(year)),
            };
            a.published = published;
            a.times = times;
        });
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

/// The most common real (not assumed) publication year; ties go to the later.
pub fn dominant_year(articles: &[Article]) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for v in articles.iter().filter_map(|a| a.published.value) {
        if !v.assumed_year {
            *counts.entry(v.start.year()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
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
#[path = "mod_tests.rs"]
mod tests;
