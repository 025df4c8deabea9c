use super::*;
use crate::hash::FxSet;
use crate::parse::dates::builtin_for_tests as tw;
use crate::parse::dates::modifier::all_matches;
use regex_automata::{Anchored, Input};

/// Sentences with dates of every family read here, in the shapes and
/// spacings the patterns allow.
const TEXTS: [&str; 34] = [
    "Stamped 2024-03-09 and 09/03/2024, then 9.3.2024 and 1/12/2031.",
    "Orlan Vey spoke on March 9, 2024, and on Sept. 9 2025 at the hall.",
    "The mill shut Tuesday, March 4, 2025, then reopened Mar 5th, late on June 3.",
    "It opened early May 5 and closed mid-  June 30th, 1999.",
    "It closed on the 9th of March in Brill, and on 17 April 2025.",
    "The fair ran Friday, 3 May, 2024 and Monday 12th of August.",
    "Voting ended on the 31st  of\tDecember, 2019.",
    "Sales rose in June 2024, in Jan. 2020 and in Feb, 2021.",
    "Renn will travel in March last year and in early May this year.",
    "The plan of late April next YEAR was dropped.",
    "She left yesterday; they return tomorrow and met later that day.",
    "The vote came earlier this week, Last Week and late last month.",
    "Results came in the following   day and at year-end, said Orlan.",
    "He signed it three weeks ago, and 2 days later it failed.",
    "A year earlier, twenty years ago, Ten Days Later.",
    "It reopened on Tuesday night, last Friday and Next Monday Morning.",
    "It reopened early Friday, late on Saturday and mid-Sunday evening.",
    "The budget for fiscal 2019 and fiscal year 2024 fell.",
    "Voting ends in November; the October vote, early December.",
    "Since mid-July and late on October the plant was quiet.",
    "It began on Wednesday's ruling, this Thursday afternoon.",
    "They met Sunday, then Monday, then on Thursday, 1 May 2025.",
    "On May 1 and on 1 May and on May 1st, 2020 we met.",
    "It was dated Sat, 3 June and Sunday, the 4th of June.",
    "Shares fell 12 percent, in August, 2023, and in Aug. 2023.",
    "The talks ended later in the day and earlier in the year.",
    "LATE ON Monday and EARLY May 5 they met.",
    "Later that year, and later on that day, it rained.",
    "The gates opened early on the 5th of May at dawn.",
    "Filed 31/12/2024 and 12.31.2024 and 2024-02-30.",
    "They spoke this morning and tonight, and late tonight.",
    "By mid-2024 the firm was in June, 2024 sold.",
    "It rained late in the day and on the next day.",
    "Two thousand and nine, five years later, was wet.",
];

#[test]
fn groups_read_in_code_are_what_each_familys_regex_reads() {
    let mut read_families = FxSet::default();
    let mut matches = 0;
    let mut direct = 0;
    for text in TEXTS {
        for (start, end, i) in all_matches(tw(), text) {
            let m = start..end;
            let Some((family, indices)) = &tw().split().direct[i] else {
                continue;
            };
            matches += 1;
            let regex = tw().split().family(i);
            let mut expected = regex.create_captures();
            regex.captures(
                Input::new(text).span(m.clone()).anchored(Anchored::Yes),
                &mut expected,
            );
            let mut got = regex.create_captures();
            if read(tw(), *family, indices, text, start, end, &mut got) {
                read_families.insert(format!("{family:?}"));
                direct += 1;
                assert_eq!(
                    got.slots(),
                    expected.slots(),
                    "{family:?} {:?} in {text:?}",
                    &text[m.clone()]
                );
                assert_eq!(got.pattern(), expected.pattern());
            }
        }
    }
    assert!(matches >= 70, "{matches}");
    // All but the odd shape are read here.
    assert!(direct * 10 >= matches * 9, "{direct} of {matches}");
    // Every family read here was read at least once.
    assert_eq!(read_families.len(), 10, "{read_families:?}");
}

#[test]
fn a_match_with_a_non_ascii_byte_is_left_to_the_regex() {
    let text = "They met on March\u{a0}9, 2024.";
    let m = tw().split().any().find(text).unwrap();
    let i = m.pattern().as_usize();
    let (family, indices) = tw().split().direct[i].as_ref().unwrap();
    let mut slots = tw().split().family(i).create_captures();
    assert!(!read(
        tw(),
        *family,
        indices,
        text,
        m.start(),
        m.end(),
        &mut slots
    ));
}

#[test]
fn digits_take_one_to_most_and_no_more() {
    assert_eq!(digits(b"12/", 0, 2), Some(2));
    assert_eq!(digits(b"123", 0, 2), None);
    assert_eq!(digits(b"x1", 0, 2), None);
    assert_eq!(digits(b"2024", 0, 4), Some(4));
}

#[test]
fn each_familys_groups_known_from_its_tree_are_its_regexs() {
    for (i, groups) in tw().split().groups.iter().enumerate() {
        let regex = tw().split().family(i);
        let from_tree: Vec<_> = groups
            .pattern_names(regex_automata::PatternID::ZERO)
            .collect();
        let from_regex: Vec<_> = regex
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
            .collect();
        assert_eq!(from_tree, from_regex, "family {i}");
        assert_eq!(
            groups.slot_len(),
            regex.group_info().slot_len(),
            "family {i}"
        );
    }
}
