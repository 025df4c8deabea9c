use crate::model::Span;
use crate::parse::dates::builtin_for_tests as tw;
use crate::parse::dates::{analyse, explicit_day};
use chrono::NaiveDate;

/// `(text, value label)` of every expression in `raw` (one sentence per
/// line) against a publication date.
fn read(raw: &str, y: i32, m: u32, d: u32) -> Vec<(String, Option<String>)> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in raw.split('\n') {
        sentences.push(Span::new(start, start + line.len()));
        start += line.len() + 1;
    }
    let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let (_, times) = analyse(tw(), raw, &sentences, &explicit_day(day, None));
    times
        .iter()
        .map(|t| (t.span.text(raw).to_string(), t.value.map(|v| v.label())))
        .collect()
}

fn value_of(got: &[(String, Option<String>)], text: &str) -> Option<String> {
    got.iter()
        .find(|(t, _)| t == text)
        .unwrap_or_else(|| panic!("no {text:?} in {got:?}"))
        .1
        .clone()
}

#[test]
fn a_day_after_week_of_names_its_week() {
    let got = read(
        "The hearing may be held the week of March 6, Olsen said.",
        2030,
        2,
        20,
    );
    assert_eq!(value_of(&got, "March 6"), Some("2030-W10".into()));
    // Not "week of" as a run of words inside another.
    let got = read("The midweek offer of March 6 stands.", 2030, 2, 20);
    assert_eq!(value_of(&got, "March 6"), Some("2030-03-06".into()));
    let got = read("Sales for the week rose on March 6.", 2030, 2, 20);
    assert_eq!(value_of(&got, "March 6"), Some("2030-03-06".into()));
}

#[test]
fn a_phrase_counting_from_the_next_date_is_one_expression() {
    // 2030-02-21 is a Thursday: last Tuesday is the 19th.
    let got = read(
        "The day before last Tuesday's hearing, Olsen visited Lind.",
        2030,
        2,
        21,
    );
    assert_eq!(
        value_of(&got, "The day before last Tuesday"),
        Some("2030-02-18".into())
    );
    // A phrase that does not end in "before" or "after" stays apart.
    let got = read(
        "The next day Tuesday brought rain.\nLind left on March 3.\nThe next day she came back.",
        2030,
        3,
        10,
    );
    assert!(
        got.iter().all(|(t, _)| t != "The next day Tuesday"),
        "{got:?}"
    );
    assert_eq!(value_of(&got, "March 3"), Some("2030-03-03".into()));
}

#[test]
fn a_bare_month_keeps_the_year_the_article_gave_it() {
    let raw =
        "The three are expected to join in April.\nThey can take part in the summit in April.";
    let got = read(raw, 2030, 12, 5);
    assert!(
        got.iter().all(|(_, v)| v.as_deref() == Some("2031-04")),
        "{got:?}"
    );
    // Without the earlier April, the bare one is this year's.
    let got = read("They can take part in the summit in April.", 2030, 12, 5);
    assert_eq!(value_of(&got, "April"), Some("2030-04".into()));
    // A tense of its own still decides.
    let raw = "The three are expected to join in April.\nThe old members met in April.";
    let got = read(raw, 2030, 12, 5);
    assert_eq!(got[1].1.as_deref(), Some("2030-04"), "{got:?}");
}

#[test]
fn until_then_is_the_day_last_stated() {
    let got = read(
        "The offer ends on Nov. 30.\nUntil then, holders may convert.",
        2030,
        11,
        2,
    );
    assert_eq!(value_of(&got, "Until then"), Some("2030-11-30".into()));
    let got = read("Until then, holders may convert.", 2030, 11, 2);
    assert_eq!(value_of(&got, "Until then"), None);
}

#[test]
fn later_in_the_day_is_the_day_stated_else_the_day_of_writing() {
    let got = read(
        "Olsen flew to Tarn on May 3 and spoke later in the day.",
        2030,
        5,
        9,
    );
    assert_eq!(
        value_of(&got, "later in the day"),
        Some("2030-05-03".into())
    );
    let got = read("Olsen spoke in Tarn later in the day.", 2030, 5, 9);
    assert_eq!(
        value_of(&got, "later in the day"),
        Some("2030-05-09".into())
    );
}

#[test]
fn a_day_before_an_event_in_apposition_is_the_date_it_follows() {
    let got = read(
        "Olsen was last seen on May 3, the day before the court in Tarn issued a warrant.",
        2030,
        6,
        1,
    );
    assert_eq!(value_of(&got, "the day before"), Some("2030-05-03".into()));
    // Counted from the date stated: the day before it.
    let got = read(
        "The ferry sank on May 3.\nThe day before, the wind rose.",
        2030,
        6,
        1,
    );
    assert_eq!(value_of(&got, "The day before"), Some("2030-05-02".into()));
    let got = read("On May 3, the day before, Olsen left.", 2030, 6, 1);
    assert_eq!(value_of(&got, "the day before"), Some("2030-05-02".into()));
}

#[test]
fn a_year_counted_from_the_day_of_writing_carries_the_narrative() {
    let got = read(
        "Ferry traffic in Tarn fell to 3 million last year, down from 4 million the year before.",
        2030,
        6,
        1,
    );
    assert_eq!(value_of(&got, "last year"), Some("2029".into()));
    assert_eq!(value_of(&got, "the year before"), Some("2028".into()));
    // "a year earlier" counts from the anchor itself and moves nothing.
    let got = read("Sales rose a year earlier.\nThat year was dry.", 2030, 6, 1);
    assert_eq!(value_of(&got, "That year"), None);
}
