use super::*;
use crate::model::TimeRef;
use crate::parse::dates::builtin_for_tests as tw;
use crate::parse::dates::lexicon::{RelativePhrase, Unit};
use crate::parse::dates::modifier::all_matches;

/// Every candidate in `text` (one sentence) as (surface, form).
pub(in crate::parse::dates) fn found(text: &str) -> Vec<(String, Form)> {
    find_in_sentence(tw(), text, Span::new(0, text.len()), 0)
        .into_iter()
        .map(|c| (c.span.text(text).to_string(), c.form))
        .collect()
}

pub(in crate::parse::dates) fn surfaces(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(s, _)| s).collect()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(in crate::parse::dates) fn one(text: &str) -> (String, Form) {
    let f = found(text);
    assert_eq!(f.len(), 1, "{text:?} gave {f:?}");
    f.into_iter().next().unwrap()
}

#[test]
fn full_dates() {
    for (text, surface) in [
        ("in Vienna on April 17, 2025.", "April 17, 2025"),
        ("on 17 April 2025 in Vienna", "17 April 2025"),
        ("stamp 2025-04-17 here", "2025-04-17"),
        ("filed 17/04/2025 late", "17/04/2025"),
        ("filed 04/17/2025 late", "04/17/2025"),
        ("filed 17.04.2025 late", "17.04.2025"),
        ("on Sept. 9, 2025 it rained", "Sept. 9, 2025"),
        ("on the 17th of April 2025", "the 17th of April 2025"),
    ] {
        let (s, form) = one(text);
        assert_eq!(s, surface, "{text}");
        let expected = if surface.starts_with("Sept") {
            ymd(2025, 9, 9)
        } else {
            ymd(2025, 4, 17)
        };
        assert_eq!(form, Form::Full(expected), "{text}");
    }
}

#[test]
fn weekday_prefix_is_part_of_a_full_date_and_must_agree() {
    assert_eq!(
        one("Friday, April 25, 2025 was sunny"),
        (
            "Friday, April 25, 2025".to_string(),
            Form::Full(ymd(2025, 4, 25))
        )
    );
    // 2025-04-25 is a Friday, not a Monday: a contradictory date is no date.
    assert!(
        found("Monday, April 25, 2025")
            .iter()
            .all(|(_, f)| !matches!(f, Form::Full(_)))
    );
}

#[test]
fn ambiguous_numeric_dates_are_rejected() {
    assert!(surfaces("on 03/04/2025 it").is_empty());
    assert!(surfaces("on 05/05/2025 it") == ["05/05/2025"]);
    assert!(surfaces("on 17/04-2025 it").is_empty(), "mixed separators");
}

#[test]
fn day_month_without_year() {
    assert_eq!(
        one("spoke on April 27 and"),
        ("April 27".into(), Form::DayMonth { month: 4, day: 27 })
    );
    assert_eq!(
        one("since a 28 February meeting"),
        ("28 February".into(), Form::DayMonth { month: 2, day: 28 })
    );
    assert_eq!(
        one("on Apr. 3rd, officials"),
        ("Apr. 3rd".into(), Form::DayMonth { month: 4, day: 3 })
    );
}

#[test]
fn the_second_day_of_a_list_takes_the_month_of_the_first() {
    assert_eq!(
        found("The fair in Tarn runs on May 9 and 10."),
        [
            ("May 9".into(), Form::DayMonth { month: 5, day: 9 }),
            ("10".into(), Form::DayMonth { month: 5, day: 10 }),
        ]
    );
    assert_eq!(
        surfaces("talks on June 2 or 3, Olsen said"),
        ["June 2", "3"]
    );
    // A count, an earlier number, a day past the month's end: one date.
    for text in [
        "on May 9 and 10 boats sailed",
        "on May 9 and 4.",
        "on April 30 and 31.",
        "on May 9, 2024 and 10.",
    ] {
        assert_eq!(found(text).len(), 1, "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn month_year_and_month_relative_year() {
    assert_eq!(
        one("war in February 2022."),
        (
            "February 2022".into(),
            Form::MonthYear {
                year: 2022,
                month: 2
            }
        )
    );
    assert_eq!(
        one("the incursion in August last year."),
        (
            "August last year".into(),
            Form::MonthRelYear {
                month: 8,
                offset: -1
            }
        )
    );
    assert_eq!(
        one("talks last March failed"),
        (
            "last March".into(),
            Form::MonthRel {
                month: 3,
                dir: Direction::Last
            }
        )
    );
    assert_eq!(
        one("signed in March by both"),
        ("March".into(), Form::Month { month: 3 })
    );
    assert_eq!(
        one("expected by mid-April"),
        ("mid-April".into(), Form::Month { month: 4 })
    );
}

#[test]
fn bare_months_modifying_a_noun_or_after_for() {
    for (text, month) in [
        ("the payroll figures for January surprised traders", 1),
        ("a small revision to December's figures", 12),
        ("since the October flooding of the valley", 10),
        ("under a June agreement with the growers", 6),
        ("The March accession lets Elbonia vote", 3),
    ] {
        let f = found(text);
        assert!(
            f.iter().any(|(_, form)| *form == Form::Month { month }),
            "{text:?} gave {f:?}"
        );
    }
    for text in [
        "a tribute for June Carlisle",
        "support for May among the members",
        "June's brother runs the bakery",
        "the March Hare",
        "a march for peace",
    ] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn the_year_being_reported_on() {
    let this_year = Form::Relative(RelativePhrase {
        unit: Unit::Year,
        offset: 0,
        anaphoric: true,
        narrative: false,
    });
    for (text, surface) in [
        ("For the year, bicycle sales were flat.", "the year"),
        ("a loss over the first nine months of the year.", "the year"),
        (
            "lower profit for the fiscal year, it said",
            "the fiscal year",
        ),
    ] {
        assert_eq!(one(text), (surface.into(), this_year), "{text:?}");
    }
    for text in [
        "For the year ended then, Brakwell earned less.",
        "the year he left Ostrava",
        "steady growth throughout the year.",
        "named player of the year.",
    ] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
    // "the year" stops short of a hyphen: "year-ago" is its own phrase.
    assert_eq!(one("The year-ago results were restated.").0, "year-ago");
    assert_eq!(one("Sales for the year, it said, were flat.").0, "the year");
    // A figure for the year may follow it.
    assert_eq!(one("a high for the year of $12 a share").0, "the year");
    assert!(surfaces("for the year of the horse").is_empty());
    assert_eq!(
        surfaces("For the year ended Sept. 30, Brakwell earned less."),
        ["Sept. 30"]
    );
    for text in ["the yearly fair", "the years went by"] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn bare_years_in_a_date_context() {
    assert_eq!(one("annexed in 2014."), ("2014".into(), Form::Year(2014)));
    assert_eq!(
        found("resumption of the 2022 peace negotiations")[0].1,
        Form::Year(2022)
    );
    assert_eq!(
        one("Ruritania’s 2014 annexation"),
        ("2014".into(), Form::Year(2014))
    );
    assert_eq!(one("by the end of 2024"), ("2024".into(), Form::Year(2024)));
    assert_eq!(
        one("since mid-2023 prices"),
        ("2023".into(), Form::Year(2023))
    );
}

#[test]
fn bare_numbers_that_are_not_years() {
    for text in [
        "the 2000 troops arrived",
        "sent 2014 drones",
        "a rise of 2014%",
        "cost $2014 each",
        "a total of 2014 votes",
        "the 1990s",
        "at 2014.5 metres",
    ] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn weekdays_with_modifiers_and_without_prepositions() {
    let wd = |weekday, dir| Form::Weekday { weekday, dir };
    assert_eq!(
        one("was in Vienna on Thursday to"),
        ("Thursday".into(), wd(Weekday::Thu, Direction::ByTense))
    );
    assert_eq!(
        one("arrived on Friday morning in"),
        (
            "Friday morning".into(),
            wd(Weekday::Fri, Direction::ByTense)
        )
    );
    assert_eq!(found("this year early Thursday, which")[0].0, "this year");
    assert_eq!(
        found("this year early Thursday, which")[1].0,
        "early Thursday"
    );
    assert_eq!(
        one("And later on Wednesday, the ministry").0,
        "later on Wednesday"
    );
    assert_eq!(one("Late on April 16, a drone").0, "Late on April 16");
    assert_eq!(one("met last Friday").1, wd(Weekday::Fri, Direction::Last));
    assert_eq!(one("meet next Monday").1, wd(Weekday::Mon, Direction::Next));
}

#[test]
fn relative_phrases() {
    let rel = |text: &str| match one(text).1 {
        Form::Relative(p) => (p.unit, p.offset),
        other => panic!("{text}: {other:?}"),
    };
    assert_eq!(rel("said today that"), (Unit::Day, 0));
    assert_eq!(rel("said yesterday that"), (Unit::Day, -1));
    assert_eq!(rel("will say tomorrow"), (Unit::Day, 1));
    assert_eq!(rel("said this week that"), (Unit::Week, 0));
    assert_eq!(rel("said last week that"), (Unit::Week, -1));
    assert_eq!(rel("will meet next week"), (Unit::Week, 1));
    assert_eq!(rel("said the upcoming week will"), (Unit::Week, 1));
    assert_eq!(rel("met this month"), (Unit::Month, 0));
    assert_eq!(rel("rejected last month a"), (Unit::Month, -1));
    assert_eq!(rel("fourth meeting this year."), (Unit::Year, 0));
    assert_eq!(rel("since last year"), (Unit::Year, -1));
    assert_eq!(rel("it happened 3 days ago"), (Unit::Day, -3));
    assert_eq!(rel("it happened two weeks ago"), (Unit::Week, -2));
    assert_eq!(one("Earlier this week, a source").0, "Earlier this week");
}

#[test]
fn rejections() {
    for text in [
        "threats it may abandon peace talks",
        "May I ask a question?",
        "We value human lives, not parades.",
        "urged for the war to end immediately",
        "agreed to a full 30-day ceasefire",
        "announces 3-day truce",
        "no closer to an end more than three years after Lee ordered it",
        "a Ruritanian 250kg guided aerial bomb",
        "killed at least 35 people",
        "killed 12 civilians and wounded 90 more",
        "the 80th anniversary of the end of World War II",
        "his fourth meeting with the president",
        "their third meeting since",
        "at their last meeting in Oslo",
        "the talks began at 10:30 sharp",
        "6 hours ago 2",
        "25.5 C",
        "uses every day and every night to kill",
        "health risks to up to 1.4 billion people",
        "France's President (L) and Smith (2R) and Jones (3L)",
        "So far, Oslo has refused.",
        "March organisers said",
        // Recurring days and months, and the present age.
        "the ferry leaves each Thursday at noon",
        "pilgrims walk to Tarn every July",
        "the ferry sails on Tuesday nights",
        "the ferry sails on Monday and Friday mornings",
        "in today's world, few write letters",
        "many of today's home computers",
        "a hero to today's youth",
        "the host of \"This Week,\" said",
        "on the show \u{201c}Next Year in Tarn\u{201d} Olsen sang",
        // "Today" in a name, and the age of today or tomorrow.
        "Olsen told Tarn Today that the ferry was late",
        "an interview with Ruritania Today.",
        "the schools of tomorrow need teachers",
        "the youth of today are restless",
    ] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
    // A single day or month, and the day of writing, stay.
    assert_eq!(surfaces("the ferry leaves on Thursday"), ["Thursday"]);
    assert_eq!(
        surfaces("the ferry left on Tuesday night"),
        ["Tuesday night"]
    );
    assert_eq!(
        surfaces("on Monday and Friday, 3 ferries"),
        ["Monday", "Friday"]
    );
    assert_eq!(surfaces("each of them left in July"), ["July"]);
    assert_eq!(surfaces("in today's vote, Olsen won"), ["today"]);
    assert_eq!(surfaces("Today Olsen sails"), ["Today"]);
    assert_eq!(surfaces("Olsen said today of all days"), ["today"]);
    assert_eq!(surfaces("the vote of today was close"), ["today"]);
    assert_eq!(surfaces("\"This week we vote,\" Olsen said"), ["This week"]);
}

#[test]
fn leap_days() {
    assert_eq!(
        one("on February 29, 2024 it").1,
        Form::Full(ymd(2024, 2, 29))
    );
    assert!(surfaces("on February 29, 2025 it").is_empty());
    assert_eq!(
        one("on 29 February the").1,
        Form::DayMonth { month: 2, day: 29 }
    );
    assert!(surfaces("on 30 February the").is_empty());
    assert!(surfaces("on 2025-02-29 the").is_empty());
}

#[test]
fn a_date_governed_by_since_lies_in_the_past() {
    let first = |t: &str| find_in_sentence(tw(), t, Span::new(0, t.len()), 0)[0];
    for t in [
        "Rescuers have been searching for Orla Venn since shortly after the Oct. 23 landslide.",
        "The bridge has stayed shut since just before May 4.",
        "Trains have run late since March.",
    ] {
        let c = first(t);
        assert!(c.told_past && !c.future, "{t:?}: {c:?}");
    }
    // Not governed by "since": other words stand between, or none at all.
    for t in [
        "Since then the council has promised to reopen the bridge on May 4.",
        "The bridge will reopen after the Oct. 23 vote.",
    ] {
        assert!(!first(t).told_past, "{t:?}");
    }
}

#[test]
fn stated_past_needs_on_a_past_verb_and_no_future() {
    let first = |t: &str| find_in_sentence(tw(), t, Span::new(0, t.len()), 0)[0];
    assert!(first("Kim said on April 28.").stated_past);
    assert!(first("Lee, on April 28, announced a truce").stated_past);
    assert!(!first("Ruritania holds parades on May 9").stated_past);
    assert!(!first("Leaders will meet on May 30.").stated_past);
    assert!(!first("no reason to wait until May 8, he said").stated_past);
    assert!(first("Leaders will meet on May 30.").future);
    assert!(first("The hall stays shut until Tuesday.").future);
    assert!(!first("Until Thursday, the police had not called him.").future);
    assert!(!first("The ship has been at sea since March and is scheduled to dock soon.").future);
    assert!(first("Banks must repay the loan by March.").future);
    assert!(!first("The minister stayed in office until March.").future);
    // A deferral moves the event after itself.
    assert!(first("Officials postponed until Tuesday any ruling on the permit.").future);
    assert!(first("The vote was delayed until Friday.").future);
    assert!(!first("The vote was held until Friday.").future);
    assert!(!first("The car parked next to the court on Friday was towed.").future);
    // A weekday in the possessive names a day already reported on.
    assert!(!first("The tenants will appeal Wednesday's ruling.").future);
    assert!(first("The tenants will appeal next Wednesday's ruling.").future);
    assert!(first("The tenants will appeal on Wednesday.").future);
}

#[test]
fn spans_are_offset_into_the_raw_text_and_on_char_boundaries() {
    let raw = "“Title”\n“We value lives,” he said on Tuesday — after “talks” on 3 March.";
    let start = raw.find('\n').unwrap() + 1;
    let c = find_in_sentence(tw(), raw, Span::new(start, raw.len()), 7);
    let got: Vec<&str> = c.iter().map(|c| c.span.text(raw)).collect();
    assert_eq!(got, ["Tuesday", "3 March"]);
    assert!(c.iter().all(|c| c.sentence == 7));
}

#[test]
fn no_panic_on_odd_input() {
    let long = "April 1".repeat(10_000) + &"é".repeat(100_000);
    let _ = find_in_sentence(tw(), &long, Span::new(0, long.len()), 0);
    // A huge line with very many dates and no punctuation: context is read
    // from a bounded window, so a past verb far away does not count.
    let many = "he said on April 1 and ".repeat(20_000);
    let found = find_in_sentence(tw(), &many, Span::new(0, many.len()), 0);
    assert_eq!(found.len(), 20_000);
    assert!(found.iter().all(|c| c.stated_past));
    let far = format!("He said {} and met on April 1", "x ".repeat(1000));
    let found = find_in_sentence(tw(), &far, Span::new(0, far.len()), 0);
    assert!(found[0].stated_past, "'met' is near");
    let far = format!("He said {} then on April 1", "x ".repeat(1000));
    let found = find_in_sentence(tw(), &far, Span::new(0, far.len()), 0);
    assert!(!found[0].stated_past, "'said' is beyond the context window");
    let raw = "é April 17, 2025";
    // Spans that cut a char or run past the end find nothing instead of panicking.
    assert!(find_in_sentence(tw(), raw, Span::new(1, raw.len()), 0).is_empty());
    assert!(find_in_sentence(tw(), raw, Span::new(0, raw.len() + 10), 0).is_empty());
    let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    let text = String::from_utf8_lossy(&bytes);
    let _ = find_in_sentence(tw(), &text, Span::new(0, text.len()), 0);
}

#[test]
fn split_families_read_the_same_groups_as_the_whole_pattern() {
    let texts = [
        "On Friday, April 17, 2025 the talks that began last week and 3 days ago ended.",
        "Mid-March 2024, early next month, 17/04/2025, 2025-04-17 and the 3rd of May.",
        "In 2014 Ruritania’s 2019 plan, last August, this year, Tuesday morning, late March.",
        "é “Sunday” — two weeks ago, tomorrow; LAST WEEK, Sept. 9, 9 Sept 2021.",
        "In the third quarter of 2023, Q3 2023, the year-ago quarter, last summer, fiscal 2022.",
        "Since March, next March, the year, nineteen ninety-six, Christmas 2020, now, recently.",
        "He said last Friday that by the third week of June and in the first half it would end.",
    ];
    let names: Vec<&str> = tw().pattern().capture_names().flatten().collect();
    for text in texts {
        let split = all_matches(tw(), text);
        assert_eq!(
            split.len(),
            tw().pattern().captures_iter(text).count(),
            "{text:?}"
        );
        for (whole, (start, end, i)) in tw().pattern().captures_iter(text).zip(split) {
            let w = whole.get(0).unwrap();
            assert_eq!(start..end, w.range(), "{text:?}");
            let family = tw().split().family(i);
            let mut slots = family.create_captures();
            family.captures(
                Input::new(text).span(start..end).anchored(Anchored::Yes),
                &mut slots,
            );
            let split = Groups::Family(
                text,
                &slots,
                &tw().split().ids[i],
                &tw().split().prefixes[i],
            );
            for name in &names {
                // Every group of the pattern has its number.
                let id = Name::of(name).expect(name);
                assert_eq!(
                    split.name(id).map(|g| (g.start(), g.end())),
                    whole.name(name).map(|g| (g.start(), g.end())),
                    "{name} in {text:?}"
                );
            }
            // The form read with the other families' groups passed over
            // by their stems, and asking for every group.
            let general = Groups::Whole(tw().pattern().captures_at(text, start).unwrap());
            assert_eq!(
                form_of(tw(), &split, text, start),
                form_of(tw(), &general, text, start),
                "{text:?}"
            );
        }
    }
}

#[test]
fn years_in_ranges_lists_and_as_modifiers() {
    let years = |text: &str| -> Vec<i32> {
        found(text)
            .into_iter()
            .filter_map(|(_, f)| match f {
                Form::Year(y) => Some(y),
                _ => None,
            })
            .collect()
    };
    for (text, want) in [
        ("Clinics closed between 1991 and 1993.", vec![1991, 1993]),
        (
            "He drove from 1991 to 1997 without a licence.",
            vec![1991, 1997],
        ),
        ("Floods hit in 2003, 2005 and 2009.", vec![2003, 2005, 2009]),
        ("It cuts earnings in both 1990 and 1991.", vec![1990, 1991]),
        ("Voters rejected a 2016 referendum.", vec![2016]),
        ("Fans loved her 2019 tour.", vec![2019]),
        ("That 1978 resolution still stands.", vec![1978]),
        ("The firm earned $2 a share for 2001.", vec![2001]),
        ("Losses will continue into 2015.", vec![2015]),
        ("Bonds due 1993 were sold.", vec![1993]),
        ("The post-1959 exile split families.", vec![1959]),
        ("The Act of 1989 changed the rules.", vec![1989]),
        // A table's column heads: a row of years.
        ("Results for 1996 1995 in thousands", vec![1996, 1995]),
    ] {
        assert_eq!(years(text), want, "{text}");
    }
    for text in [
        "a 2000 troops crossed",
        "Its 1500 workers struck.",
        "Gate 2014 closed.",
        "Vision 2040 is a plan.",
        "It rose to 2020.50 dollars.",
        // A row of a league table: points for and against, not years.
        "Harbour Rovers 21 14 0 7 2011 1866 107.7 56",
    ] {
        assert!(years(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn references_to_the_present_past_and_future() {
    for (text, surface, reference) in [
        (
            "The bakery is now closed on Mondays.",
            "now",
            TimeRef::Present,
        ),
        (
            "Orla Penn currently runs the mill.",
            "currently",
            TimeRef::Present,
        ),
        (
            "Wages are low these days in Brask.",
            "these days",
            TimeRef::Present,
        ),
        ("The dam was recently repaired.", "recently", TimeRef::Past),
        (
            "Most recently the pier was painted.",
            "Most recently",
            TimeRef::Past,
        ),
        (
            "Tolls may rise in the near future.",
            "the near future",
            TimeRef::Future,
        ),
        (
            "Nobody knows what the future holds.",
            "the future",
            TimeRef::Future,
        ),
    ] {
        assert_eq!(
            one(text),
            (surface.to_string(), Form::Reference(reference)),
            "{text}"
        );
    }
}

#[test]
fn reference_words_inside_other_words_or_as_adjectives_are_not_references() {
    for text in [
        "Snow fell on the knoll; Nowak knows the town.",
        "Future plans include a current account and a previously unseen map.",
        "The mayor would soon resign, once the vote was over.",
        "Now, Edda Vorn said, the river is safe.",
        "\"Now, we wait,\" said Edda Vorn.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn a_reference_does_not_hide_a_date_next_to_it() {
    assert_eq!(
        surfaces("The harbour, now closed, reopened on 3 May 2021."),
        ["now", "3 May 2021"]
    );
}

#[test]
fn named_days_are_found_and_other_names_are_not() {
    assert_eq!(surfaces("We met on New Year’s Eve."), ["New Year’s Eve"]);
    assert_eq!(
        surfaces("It rained last Thanksgiving."),
        ["last Thanksgiving"]
    );
    for text in [
        "Ships sail to Easter Island and Christmas Island.",
        "a thanksgiving service and an easter egg",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn years_written_out() {
    for (text, surface, form) in [
        (
            "Bern, nineteen ninety-six. A storm hits.",
            "nineteen ninety-six",
            Form::Year(1996),
        ),
        (
            "It was a nineteen eighty-one model.",
            "nineteen eighty-one",
            Form::Year(1981),
        ),
        (
            "the nineteen twelve flood",
            "nineteen twelve",
            Form::Year(1912),
        ),
        (
            "In January nineteen ninety-seven the mill shut.",
            "January nineteen ninety-seven",
            Form::MonthYear {
                year: 1997,
                month: 1,
            },
        ),
        (
            "The approach of the year two thousand worried Ada Korr.",
            "the year two thousand",
            Form::Year(2000),
        ),
        (
            "They hope to finish by two thousand.",
            "two thousand",
            Form::Year(2000),
        ),
    ] {
        assert_eq!(one(text), (surface.to_string(), form), "{text}");
    }
    for text in [
        "two thousand people marched",
        "she turned twenty-one and then twenty-two",
        "in two thousand cases",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn whole_match_families_read_what_their_regex_reads() {
    assert_eq!(tw().split().whole.iter().filter(|&&w| w).count(), 2);
    let texts = [
        "Right now, in 1999 and 2024's budget, most recently at the moment.",
        "Nowadays (2031) the near future, these days; 1850. Currently 2099!",
    ];
    let mut seen = 0;
    for text in texts {
        let mut at = 0;
        while let Some(m) = tw()
            .split()
            .any()
            .find(Input::new(text).span(at..text.len()))
        {
            at = m.end();
            let i = m.pattern().as_usize();
            if !tw().split().whole[i] {
                continue;
            }
            seen += 1;
            let family = tw().split().family(i);
            let mut read = family.create_captures();
            family.captures(
                Input::new(text).span(m.range()).anchored(Anchored::Yes),
                &mut read,
            );
            let mut filled = family.create_captures();
            super::whole_match_groups(&mut filled, m.start(), m.end());
            assert_eq!(read.slots(), filled.slots(), "{text:?} at {m:?}");
            assert_eq!(read.pattern(), filled.pattern());
        }
    }
    assert!(seen >= 10, "{seen}");
}
