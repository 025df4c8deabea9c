use super::all_matches;
use crate::parse::dates::builtin_for_tests as tw;

/// Every match of the whole pattern (the modifier inside the union).
fn whole(text: &str) -> Vec<(usize, usize)> {
    tw().pattern()
        .find_iter(text)
        .map(|m| (m.start(), m.end()))
        .collect()
}

fn split(text: &str) -> Vec<(usize, usize)> {
    all_matches(tw(), text)
        .into_iter()
        .map(|(start, end, _)| (start, end))
        .collect()
}

#[test]
fn the_modifier_is_left_out_of_the_union() {
    assert!(!tw().split().modified.is_empty());
    assert!(
        tw().split()
            .any()
            .find("early March")
            .is_some_and(|m| m.start() == 6)
    );
}

/// The union without the modifier, with the modifier read around its
/// matches, finds what the whole pattern finds: before a date, opening it,
/// inside a longer word, with "on", odd spacing and case, at a previous
/// match's end.
#[test]
fn matches_are_the_whole_patterns() {
    let openings = [
        "",
        "It came ",
        "chocolate",
        "x",
        "The ",
        "2019 ",
        "\"",
        "Monday ",
    ];
    let modifiers = [
        "",
        "early ",
        "Late on ",
        "later  ",
        "mid-",
        "mid- ",
        "EARLIER on ",
        "earlier\u{a0}",
        "late\ton\t",
        "on ",
        "late late ",
        "mid -",
        "yearly ",
        "early on",
    ];
    let dates = [
        "March",
        "March 5",
        "Friday",
        "this week",
        "spring",
        "2019",
        "next week",
        "the year",
        "Q3",
        "on Monday",
        "last year",
        "later this week",
        "earlier this year",
        "March 2019",
        "5 March",
        "the third quarter",
        "two days ago",
        "Christmas",
        "now",
    ];
    let endings = [".", " 2020", "", " and late March", ", early on Friday"];
    let mut checked = 0;
    for o in openings {
        for m in modifiers {
            for d in dates {
                for e in endings {
                    let text = format!("{o}{m}{d}{e}");
                    assert_eq!(split(&text), whole(&text), "{text:?}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 5000);
}
