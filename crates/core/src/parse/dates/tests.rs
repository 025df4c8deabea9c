use super::*;
use crate::model::{Article, TimeKind};
use crate::parse::dates::builtin_for_tests as tw;
use std::path::PathBuf;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// One sentence per line, as byte spans.
fn lines(raw: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in raw.split('\n') {
        if !line.trim().is_empty() {
            out.push(Span::new(start, start + line.len()));
        }
        start += line.len() + 1;
    }
    out
}

fn article(id: u32, raw: &str) -> Article {
    let sentences = lines(raw);
    let (published, times) = analyse(tw(), raw, &sentences, &Published::default());
    Article {
        id,
        path: PathBuf::from(format!("{id}.txt")),
        raw: raw.to_string(),
        published,
        sentences: sentences.into(),
        times: times.into(),
        ..Article::default()
    }
}

fn labels(a: &Article) -> Vec<(String, Option<String>)> {
    a.times
        .iter()
        .map(|t| (a.text(t.span).to_string(), t.value.map(|v| v.label())))
        .collect()
}

#[test]
fn explicit_anchor_resolves_everything() {
    let raw = "Smith was in Vienna on Thursday.\nJones said this week that talks on April 11 went well.\nLee last month rejected it.";
    let (p, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2025, 4, 17), None),
    );
    assert_eq!(p.basis, Basis::Explicit);
    let got: Vec<_> = times
        .iter()
        .map(|t| {
            (
                t.span.text(raw),
                t.value.unwrap().label(),
                t.kind,
                t.sentence,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Thursday", "2025-04-17".to_string(), TimeKind::Relative, 0),
            ("this week", "2025-W16".to_string(), TimeKind::Relative, 1),
            ("April 11", "2025-04-11".to_string(), TimeKind::Absolute, 1),
            ("last month", "2025-03".to_string(), TimeKind::Relative, 2),
        ]
    );
    assert!(times.iter().all(|t| !t.value.unwrap().assumed_year));
}

#[test]
fn the_explicit_date_line_is_not_an_event() {
    let raw = "Friday, April 25, 2025\nJones arrived on Friday.";
    let sentences = lines(raw);
    let explicit = explicit_day(ymd(2025, 4, 25), Some(Span::new(0, 22)));
    let (_, times) = analyse(tw(), raw, &sentences, &explicit);
    assert_eq!(times.len(), 1);
    assert_eq!(times[0].span.text(raw), "Friday");
}

#[test]
fn publication_date_is_inferred_from_a_dated_today() {
    let raw =
        "The ministry said today, March 3, 2024, that talks failed.\nLeaders will meet on Friday.";
    let (p, times) = analyse(tw(), raw, &lines(raw), &Published::default());
    assert!(matches!(p.basis, Basis::Inferred(_)));
    let v = p.value.unwrap();
    assert_eq!(
        (v.label(), v.assumed_year),
        ("2024-03-03".to_string(), false)
    );
    // 2024-03-03 is a Sunday; "will meet on Friday" is the next Friday.
    assert_eq!(times.last().unwrap().value.unwrap().label(), "2024-03-08");
}

#[test]
fn no_anchor_and_no_year_leaves_yearless_values_unknown() {
    let undated = article(
        0,
        "Brown said on May 21 that talks failed.\nHe spoke on Wednesday.\nThe incursion in August last year.\nThe 2022 talks had failed too.",
    );
    assert_eq!(undated.published.value, None);
    assert_eq!(undated.published.basis, Basis::Unknown);
    assert_eq!(
        labels(&undated),
        [
            ("May 21".to_string(), None),
            ("Wednesday".to_string(), None),
            ("August last year".to_string(), None),
            ("2022".to_string(), Some("2022".to_string()))
        ]
    );
}

fn loaded(texts: &[&str]) -> Vec<crate::ingest::Loaded> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| crate::ingest::Loaded::plain(format!("{i}.txt"), *t))
        .collect()
}

const UNDATED: &str = "Ceremony\n\nBrown said on May 21 that the talks on Wednesday failed.\n";

fn dated(year: i32) -> String {
    format!("Report\n\ndate {year}-04-17\n\nThe harbour reopened on Monday after a storm.\n")
}

#[test]
fn a_folder_of_mixed_years_lends_no_year() {
    let (a, b, c) = (dated(2025), dated(2025), dated(2019));
    let corpus = crate::parse::build_corpus(
        &crate::parse::knowledge::Knowledge::shared_builtin(),
        loaded(&[UNDATED, &a, &b, &c]),
        Vec::new(),
        None,
    );
    let undated = &corpus.articles[0];
    assert_eq!(undated.published.value, None);
    assert!(
        undated.times.iter().all(|t| t.value.is_none()),
        "{:?}",
        undated.times
    );
    // One dated article is not a folder's year either.
    let corpus = crate::parse::build_corpus(
        &crate::parse::knowledge::Knowledge::shared_builtin(),
        loaded(&[UNDATED, &a]),
        Vec::new(),
        None,
    );
    assert_eq!(corpus.articles[0].published.value, None);
}

#[test]
fn a_folder_of_one_year_lends_it_marked_assumed() {
    let (a, b) = (dated(2025), dated(2025));
    let corpus = crate::parse::build_corpus(
        &crate::parse::knowledge::Knowledge::shared_builtin(),
        loaded(&[UNDATED, &a, &b]),
        Vec::new(),
        None,
    );
    let p = corpus.articles[0].published.value.unwrap();
    assert_eq!(
        (p.label(), p.assumed_year),
        ("2025-05-21".to_string(), true)
    );
    assert!(matches!(
        corpus.articles[0].published.basis,
        Basis::Inferred(_)
    ));
}

#[test]
fn folder_year_needs_agreement_and_ignores_assumed_years() {
    let dated = |y| Article {
        published: explicit_day(ymd(y, 1, 1), None),
        ..Article::default()
    };
    let mut assumed = dated(2030);
    if let Some(v) = assumed.published.value.as_mut() {
        v.assumed_year = true;
    }
    assert_eq!(
        folder_year(&[dated(2025), dated(2025), assumed.clone()]),
        Some(2025)
    );
    assert_eq!(folder_year(&[dated(2025), dated(2024), dated(2025)]), None);
    assert_eq!(folder_year(&[dated(2025), assumed]), None);
    assert_eq!(folder_year(&[]), None);
}

#[test]
fn sentences_index_and_bad_spans_are_safe() {
    let raw = "Intro é.\nOn April 13, a missile struck.";
    let mut sentences = lines(raw);
    sentences.push(Span::new(3, 4)); // inside 'é': skipped, no panic
    sentences.push(Span::new(5, 500)); // past the end: skipped
    let (_, times) = analyse(tw(), raw, &sentences, &explicit_day(ymd(2025, 4, 17), None));
    assert_eq!(times.len(), 1);
    assert_eq!(times[0].sentence, 1);
    assert!(raw.is_char_boundary(times[0].span.start as usize));
}

#[test]
fn narrative_phrases_follow_the_last_stated_day_or_stay_unresolved() {
    let raw = "Talks opened on May 2 in Lisbon.\nThe next day, delegates left.\nThe day before, it rained.\nLater, the following day was calm.";
    let (_, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2025, 5, 20), None),
    );
    let got: Vec<_> = times
        .iter()
        .map(|t| (t.span.text(raw), t.value.map(|v| v.label()), t.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("May 2", Some("2025-05-02".to_string()), TimeKind::Absolute),
            (
                "The next day",
                Some("2025-05-03".to_string()),
                TimeKind::Anaphoric
            ),
            // Two sentences after the stated day: too far to follow.
            ("The day before", None, TimeKind::Anaphoric),
            ("the following day", None, TimeKind::Anaphoric),
        ]
    );
}

#[test]
fn the_following_month_follows_the_narrative_not_the_day_of_writing() {
    let raw = "The mill in Tarnow closed in March.\nThe following month, the owners sold it.\nRain fell for weeks.\nThe following month was quiet.\nThe river rose.\nThe roads shut.\nThe town waited.\nThe following month the mill reopened.";
    let (_, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2025, 10, 20), None),
    );
    let got: Vec<_> = times
        .iter()
        .map(|t| (t.span.text(raw), t.value.map(|v| v.label())))
        .collect();
    assert_eq!(
        got,
        [
            ("March", Some("2025-03".to_string())),
            ("The following month", Some("2025-04".to_string())),
            // The narrative's month two sentences back, nothing between.
            ("The following month", Some("2025-05".to_string())),
            // Nothing stated in the last three sentences: no value, never
            // the month after the day of writing.
            ("The following month", None),
        ]
    );
}

#[test]
fn a_weekday_can_anchor_an_anaphoric_phrase() {
    let raw = "The envoy on Sunday said the upcoming week would be crucial.";
    // 2025-04-30 is a Wednesday: Sunday is April 27, the week after is W18.
    let (_, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2025, 4, 30), None),
    );
    let upcoming = &times[1];
    assert_eq!(upcoming.kind, TimeKind::Anaphoric);
    assert_eq!(upcoming.anchor, Some(ymd(2025, 4, 27)));
    assert_eq!(upcoming.value.unwrap().label(), "2025-W18");
}

#[test]
fn the_quarter_and_a_year_earlier_follow_the_reports_period() {
    let raw = "Lakeside Mills said third-quarter net income rose to $5 million.\n\
               That was up from $4 million a year earlier.\n\
               Sales in the quarter rose, and the year-ago quarter had a loss.\n\
               The company expects gains in the current quarter.\n\
               It also said sales rose last year.";
    let (_, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2024, 10, 30), None),
    );
    let got = labelled(raw, &times);
    assert_eq!(
        got,
        [
            ("third-quarter", Some("2024-Q3".to_string())),
            ("a year earlier", Some("2023-Q3".to_string())),
            ("the quarter", Some("2024-Q3".to_string())),
            ("the year-ago quarter", Some("2023-Q3".to_string())),
            ("the current quarter", Some("2024-Q4".to_string())),
            // Far from the quarter and not a comparison phrase: a year.
            ("last year", Some("2023".to_string())),
        ]
    );
}

#[test]
fn a_period_of_another_year_is_a_comparison_and_moves_nothing() {
    let raw = "Lakeside Mills said third-quarter net income rose to $5 million.\n\
               It lost $2 million in the 2023 period.\n\
               The year-ago results included a charge.";
    let (_, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2024, 10, 30), None),
    );
    assert_eq!(
        labelled(raw, &times),
        [
            ("third-quarter", Some("2024-Q3".to_string())),
            ("the 2023 period", Some("2023-Q3".to_string())),
            // A year before the report's quarter, not before 2023's.
            ("year-ago", Some("2023-Q3".to_string())),
        ]
    );
}

#[test]
fn anaphoric_phrases_count_from_the_narratives_last_date() {
    let raw = "The bridge at Vell opened in 1998.\n\
               Later that year it was closed for repairs.\n\
               Three years later it reopened.\n\
               The ferry sank on March 4, 2001, and the same day the port shut.\n\
               Earlier that day the wind rose.\n\
               Two weeks ago the council met.\n\
               That year was dry.";
    let (_, times) = analyse(tw(), raw, &lines(raw), &explicit_day(ymd(2025, 6, 2), None));
    let got = labelled(raw, &times);
    assert_eq!(
        got,
        [
            ("1998", Some("1998".to_string())),
            ("Later that year", Some("1998".to_string())),
            ("Three years later", Some("2001".to_string())),
            ("March 4, 2001", Some("2001-03-04".to_string())),
            ("the same day", Some("2001-03-04".to_string())),
            ("Earlier that day", Some("2001-03-04".to_string())),
            // "ago" counts from the day of writing, not the narrative.
            ("Two weeks ago", Some("2025-W21".to_string())),
            // Too far from any stated date: unresolved, not the anchor's year.
            ("That year", None),
        ]
    );
}

/// Each expression's text with its value's label, in text order.
fn labelled<'a>(raw: &'a str, times: &[crate::model::TimeExpr]) -> Vec<(&'a str, Option<String>)> {
    times
        .iter()
        .map(|t| (t.span.text(raw), t.value.map(|v| v.label())))
        .collect()
}

#[test]
fn year_phrases_of_reports_resolve_against_the_anchor() {
    let raw = "Brightwater Foods expects higher sales for the full year.\nIts share should grow in the current year.\nHeavy rain delayed planting earlier in the year.\nPrices have doubled over the past year.\nThe mill closed on March 3, 2019, and reopened later in the year.";
    let (_, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2025, 10, 30), None),
    );
    let got: Vec<_> = times
        .iter()
        .map(|t| (t.span.text(raw), t.value.map(|v| v.label())))
        .collect();
    let year = |y: &str| Some(y.to_string());
    assert_eq!(
        got,
        [
            ("the full year", year("2025")),
            ("the current year", year("2025")),
            ("earlier in the year", year("2025")),
            ("the past year", year("2024")),
            ("March 3, 2019", Some("2019-03-03".to_string())),
            // Anaphoric: the year of the day stated in the sentence.
            ("later in the year", year("2019")),
        ]
    );
    // Not a year phrase: the words apart.
    let raw = "The current in the year-round river is strong.";
    let (_, times) = analyse(
        tw(),
        raw,
        &lines(raw),
        &explicit_day(ymd(2025, 10, 30), None),
    );
    assert!(times.iter().all(|t| t.span.text(raw) != "the current year"));
}

#[test]
fn references_have_no_value_and_leave_the_narrative_alone() {
    let raw = "Published 2021-06-10\nThe mill burned on 2 May 2021 and is now rebuilt.\nThe next day inspectors came.";
    let sentences = lines(raw);
    let explicit = explicit_day(ymd(2021, 6, 10), Some(sentences[0]));
    let (_, times) = analyse(tw(), raw, &sentences, &explicit);
    let got: Vec<(&str, Option<String>, TimeKind)> = times
        .iter()
        .map(|t| (t.span.text(raw), t.value.map(|v| v.label()), t.kind))
        .collect();
    assert_eq!(
        got,
        [
            (
                "2 May 2021",
                Some("2021-05-02".to_string()),
                TimeKind::Absolute
            ),
            (
                "now",
                None,
                TimeKind::Reference(crate::model::TimeRef::Present)
            ),
            (
                "The next day",
                Some("2021-05-03".to_string()),
                TimeKind::Anaphoric
            ),
        ]
    );
}

#[test]
fn the_year_pattern_reads_the_plausible_years_and_no_other() {
    let year = regex::Regex::new(&format!("^{}$", super::patterns::YEAR)).unwrap();
    for y in [1799, 1800, 1912, 2026, 2099, 2100, 1] {
        assert_eq!(
            year.is_match(&format!("{y:04}")),
            crate::date_text::PLAUSIBLE_YEARS.contains(&y),
            "{y}"
        );
    }
}
