use super::*;
use crate::model::Span;
use crate::parse::dates::builtin_for_tests as tw;
use crate::parse::dates::find::find_in_sentence;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Resolves the first candidate of `text` against a day anchor; the label.
fn label(text: &str, anchor: NaiveDate) -> Option<String> {
    let c = find_in_sentence(tw(), text, Span::new(0, text.len()), 0);
    let c = c
        .first()
        .unwrap_or_else(|| panic!("nothing found in {text:?}"));
    resolve(c, Some(DateValue::day(anchor)), None, None)
        .value
        .map(|v| v.label())
}

#[test]
fn weekday_in_past_tense_is_the_last_one_on_or_before_the_anchor() {
    let friday = ymd(2025, 4, 25);
    assert_eq!(
        label("Garcia said on Thursday that", friday).unwrap(),
        "2025-04-24"
    );
    assert_eq!(
        label("Jones arrived on Friday morning", friday).unwrap(),
        "2025-04-25"
    );
    assert_eq!(label("They met on Saturday", friday).unwrap(), "2025-04-19");
    assert_eq!(label("They met last Friday", friday).unwrap(), "2025-04-18");
}

#[test]
fn weekday_in_future_tense_is_the_next_one_on_or_after_the_anchor() {
    let friday = ymd(2025, 4, 25);
    assert_eq!(
        label("He will meet Lee on Thursday", friday).unwrap(),
        "2025-05-01"
    );
    assert_eq!(
        label("Jones is expected to meet Lee on Friday", friday).unwrap(),
        "2025-04-25"
    );
    assert_eq!(
        label("They meet next Friday", friday).unwrap(),
        "2025-05-02"
    );
    assert_eq!(
        label("They’ll talk on Monday", friday).unwrap(),
        "2025-04-28"
    );
}

#[test]
fn yearless_dates_take_the_anchor_year_or_roll_over() {
    let jan = ymd(2026, 1, 5);
    assert_eq!(
        label("Talks began on December 28, he said", jan).unwrap(),
        "2025-12-28"
    );
    assert_eq!(label("A December 28 meeting", jan).unwrap(), "2025-12-28");
    assert_eq!(
        label("They will meet on January 20", jan).unwrap(),
        "2026-01-20"
    );
    let dec = ymd(2025, 12, 20);
    assert_eq!(
        label("They will meet on January 10", dec).unwrap(),
        "2026-01-10"
    );
    assert_eq!(label("They met on March 3", dec).unwrap(), "2025-03-03");
    let apr = ymd(2025, 4, 28);
    assert_eq!(label("parades on May 9", apr).unwrap(), "2025-05-09");
    assert_eq!(label("signed in March by", apr).unwrap(), "2025-03");
}

#[test]
fn leap_day_exists_only_in_leap_years() {
    assert_eq!(
        label("on 29 February the", ymd(2024, 3, 10)).unwrap(),
        "2024-02-29"
    );
    assert_eq!(label("on 29 February the", ymd(2025, 3, 10)), None);
    assert_eq!(resolve_yearless(2, 29, ymd(2025, 3, 1), Tense::Past), None);
    // A January 2025 article speaking of last leap day goes back a year only
    // if the day is far ahead; Feb 29 2025 does not exist either way.
    assert_eq!(
        resolve_yearless(2, 29, ymd(2025, 1, 10), Tense::Unmarked),
        None
    );
}

#[test]
fn relative_periods() {
    let thu = ymd(2025, 4, 17);
    assert_eq!(label("said this week that", thu).unwrap(), "2025-W16");
    assert_eq!(
        label("Earlier this week, a source", ymd(2025, 3, 12)).unwrap(),
        "2025-W11"
    );
    assert_eq!(label("said last week that", thu).unwrap(), "2025-W15");
    assert_eq!(label("rejected last month a", thu).unwrap(), "2025-03");
    assert_eq!(
        label("rejected last month a", ymd(2025, 1, 15)).unwrap(),
        "2024-12"
    );
    assert_eq!(label("met this month", thu).unwrap(), "2025-04");
    assert_eq!(label("meeting this year.", thu).unwrap(), "2025");
    assert_eq!(label("since last year", thu).unwrap(), "2024");
    assert_eq!(
        label("said yesterday that", ymd(2025, 3, 1)).unwrap(),
        "2025-02-28"
    );
    assert_eq!(
        label("will say tomorrow", ymd(2024, 12, 31)).unwrap(),
        "2025-01-01"
    );
    assert_eq!(label("it happened 3 days ago", thu).unwrap(), "2025-04-14");
    assert_eq!(
        label("the incursion in August last year.", ymd(2025, 3, 12)).unwrap(),
        "2024-08"
    );
    assert_eq!(
        label("talks last March failed", ymd(2025, 3, 12)).unwrap(),
        "2024-03"
    );
    assert_eq!(
        label("talks next March", ymd(2025, 1, 12)).unwrap(),
        "2025-03"
    );
    // The month just gone would be "last month": named, it is a year back.
    assert_eq!(
        label("the ferry sank last February", ymd(2025, 3, 2)).unwrap(),
        "2024-02"
    );
    assert_eq!(
        label("the ferry sank last January", ymd(2025, 3, 2)).unwrap(),
        "2025-01"
    );
    assert_eq!(
        label("the ferry sank last December", ymd(2025, 1, 20)).unwrap(),
        "2024-12"
    );
    // ISO week of a date in late December can belong to the next year.
    assert_eq!(
        label("said this week that", ymd(2024, 12, 30)).unwrap(),
        "2025-W01"
    );
}

#[test]
fn absolute_dates_need_no_anchor() {
    let c = find_in_sentence(tw(), "on April 17, 2025.", Span::new(0, 18), 0)[0];
    let r = resolve(&c, None, None, None);
    assert_eq!(r.value.unwrap().label(), "2025-04-17");
    assert_eq!(r.kind, TimeKind::Absolute);
}

#[test]
fn without_an_anchor_relative_stays_unresolved_and_yearless_takes_the_hint() {
    for text in [
        "met on Tuesday",
        "Earlier this week, a",
        "in August last year",
        "last month",
    ] {
        let c = find_in_sentence(tw(), text, Span::new(0, text.len()), 0)[0];
        let r = resolve(&c, None, Some(2025), None);
        assert_eq!(r.value, None, "{text}");
        assert_eq!(r.kind, TimeKind::Relative, "{text}");
    }
    let text = "a 28 February meeting";
    let c = find_in_sentence(tw(), text, Span::new(0, text.len()), 0)[0];
    assert_eq!(resolve(&c, None, None, None).value, None);
    let v = resolve(&c, None, Some(2025), None).value.unwrap();
    assert_eq!(v.label(), "2025-02-28");
    assert!(v.assumed_year);
}

#[test]
fn a_coarse_anchor_resolves_only_coarse_expressions() {
    let month_anchor = DateValue::month(2025, 4);
    let value = |text: &str| {
        let c = find_in_sentence(tw(), text, Span::new(0, text.len()), 0)[0];
        resolve(&c, month_anchor, None, None)
            .value
            .map(|v| v.label())
    };
    assert_eq!(value("met on Tuesday"), None);
    assert_eq!(value("said this week"), None);
    assert_eq!(value("met this month").as_deref(), Some("2025-04"));
    assert_eq!(value("met this year").as_deref(), Some("2025"));
    assert_eq!(value("met on April 3").as_deref(), Some("2025-04-03"));
}

#[test]
fn anaphoric_phrase_prefers_a_day_stated_in_the_sentence() {
    let text = "Smith on April 27 said the upcoming week will be crucial";
    let cs = find_in_sentence(tw(), text, Span::new(0, text.len()), 0);
    let r = resolve(
        &cs[1],
        Some(DateValue::day(ymd(2025, 4, 28))),
        None,
        Some(ymd(2025, 4, 27)),
    );
    assert_eq!(r.kind, TimeKind::Anaphoric);
    assert_eq!(r.anchor, Some(ymd(2025, 4, 27)));
    assert_eq!(r.value.unwrap().label(), "2025-W18");
    // Without a stated day it is relative to the publication date.
    let r = resolve(&cs[1], Some(DateValue::day(ymd(2025, 5, 7))), None, None);
    assert_eq!(
        (r.kind, r.value.unwrap().label().as_str()),
        (TimeKind::Relative, "2025-W20")
    );
}

#[test]
fn extreme_anchors_do_not_panic() {
    for anchor in [NaiveDate::MIN, NaiveDate::MAX] {
        for text in [
            "on Tuesday",
            "next week",
            "30 days ago",
            "last year",
            "on May 9",
            "next March",
        ] {
            let _ = label(text, anchor);
        }
    }
    assert_eq!(add_months(i32::MAX, 12, 1), None);
}

#[test]
fn quarters_halves_and_seasons_by_year_and_tense() {
    let oct = ymd(2024, 10, 30);
    for (text, want) in [
        ("Net income rose in the third quarter.", "2024-Q3"),
        ("Fourth-quarter sales will be weaker.", "2024-Q4"),
        ("Sales fell in Q3 2023, the firm said.", "2023-Q3"),
        ("Profit doubled in the first half of 2018.", "2018-H1"),
        ("It lost money in the last half of 2019.", "2019-H2"),
        (
            "Results for the second quarter of next year may slip.",
            "2025-Q2",
        ),
        ("Revenue in last year's third quarter was flat.", "2023-Q3"),
        ("In the year-ago third quarter it earned little.", "2023-Q3"),
        ("It made a profit in fiscal 2022.", "2022"),
        ("The dam was finished last summer.", "2024-SU"),
        ("The dam will open next spring.", "2025-SP"),
        ("Crops failed in the summer of 2021.", "2021-SU"),
        ("The talks resumed during the winter.", "2023-WI"),
    ] {
        assert_eq!(label(text, oct).as_deref(), Some(want), "{text}");
    }
    // A first-quarter result written in February is last year's.
    assert_eq!(
        label("Fourth-quarter profit rose 5%.", ymd(2025, 2, 10)).as_deref(),
        Some("2024-Q4")
    );
}

#[test]
fn quarter_and_season_words_that_are_not_dates() {
    for text in [
        "He scored twice in the third quarter of the game.",
        "The team led at the end of the first half when the goal came.",
        "A quarter of the town was flooded.",
        "They walked through the Latin quarter-mile.",
        "Prices fall when supply rises.",
        "The fall of the regime surprised them.",
        "The new Q3 model sold well.",
        "Water from the spring is clean.",
    ] {
        let c = find_in_sentence(tw(), text, Span::new(0, text.len()), 0);
        assert!(
            c.iter()
                .all(|c| !matches!(c.form, Form::Period { .. } | Form::PeriodRef { .. })),
            "{text}: {c:?}"
        );
    }
}

#[test]
fn named_days_take_their_year_from_the_anchor_and_the_clause() {
    let january = ymd(2031, 1, 9);
    // Thanksgiving 2030 was the fourth Thursday of November: the 28th.
    assert_eq!(
        label(
            "The boat was found on Thanksgiving Day by Ivo Marsh.",
            january
        )
        .as_deref(),
        Some("2030-11-28")
    );
    assert_eq!(
        label("Ivo Marsh came home last Thanksgiving.", january).as_deref(),
        Some("2030-11-28")
    );
    let october = ymd(2030, 10, 2);
    assert_eq!(
        label("The council will vote before Election Day.", october).as_deref(),
        Some("2030-11-05")
    );
    assert_eq!(
        label("Pilgrims gathered as Easter week began.", ymd(2031, 4, 14)).as_deref(),
        Some("2031-W15")
    );
    assert_eq!(
        label("The shop closed on Christmas Eve 2028.", october).as_deref(),
        Some("2028-12-24")
    );
}

#[test]
fn the_end_of_the_year_is_the_anchors_year() {
    let june = ymd(2029, 6, 12);
    for text in [
        "Mira Toll hopes to close the sale by year-end.",
        "The plant should reopen before the end of the year.",
        "Rules due by year's end worry the bank.",
    ] {
        assert_eq!(label(text, june).as_deref(), Some("2029"), "{text}");
    }
}

#[test]
fn a_yearless_day_told_as_past_lies_before_the_day_of_writing() {
    let may = ymd(2026, 5, 6);
    // Five months ahead is plausible for a plan, not for something seen.
    assert_eq!(
        label("The courier was last seen Oct. 23 near the depot.", may).unwrap(),
        "2025-10-23"
    );
    assert_eq!(
        label("The bridge was closed in October for repairs.", may).unwrap(),
        "2025-10"
    );
    // Planned, a deadline or merely reported: the anchor's year.
    assert_eq!(
        label("The sale was planned for October, the chairman said.", may).unwrap(),
        "2026-10"
    );
    assert_eq!(
        label("The merger is to be completed by Oct. 23.", may).unwrap(),
        "2026-10-23"
    );
    assert_eq!(
        label("The two mills merge in early October, an aide said.", may).unwrap(),
        "2026-10"
    );
    // Unmarked or future, the same day keeps the anchor's year.
    assert_eq!(
        label("The festival opens Oct. 23 in the old town.", may).unwrap(),
        "2026-10-23"
    );
    assert_eq!(
        label("The depot will reopen in October.", may).unwrap(),
        "2026-10"
    );
}
