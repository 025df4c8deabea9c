use super::super::{Candidate, find_asking, find_in_anchored_sentence, find_in_sentence};
use super::*;
use crate::model::{DateValue, Span};
use crate::parse::dates::builtin_for_tests as tw;
use crate::parse::dates::resolve::{Tense, resolve};
use chrono::NaiveDate;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Asserts that `got` (candidates found asking fewer questions) reads as
/// `every` (found asking them all) wherever a later stage looks: the same
/// spans and forms, the same past answers where `reads_past` says they
/// are read, the same future answer where the value depends on it, and
/// the same value against each anchor, stated or not.
fn assert_read_alike(
    text: &str,
    got: &[Candidate],
    every: &[Candidate],
    reads_past: impl Fn(Form) -> bool,
    anchors: &[NaiveDate],
) {
    assert_eq!(got.len(), every.len(), "{text:?}");
    for (r, e) in got.iter().zip(every) {
        assert_eq!((r.span, r.form), (e.span, e.form), "{text:?}");
        if reads_past(r.form) {
            assert_eq!(Tense::of(r), Tense::of(e), "{text:?}");
            assert_eq!(r.stated_past, e.stated_past, "{text:?}");
        }
        if tense_matters(r.form) {
            assert_eq!(r.future, e.future, "{text:?}");
        }
        for &a in anchors {
            for stated in [None, Some(a)] {
                let anchor = Some(DateValue::day(a));
                assert_eq!(
                    resolve(r, anchor, Some(2025), stated),
                    resolve(e, anchor, Some(2025), stated),
                    "{text:?}"
                );
            }
        }
    }
}

#[test]
fn unread_tense_questions_change_no_reading() {
    let verbs = [
        "said",
        "met",
        "will meet",
        "plans to vote",
        "was seen",
        "is due",
    ];
    let dates = [
        "Tuesday",
        "next Friday",
        "April 28",
        "April 28, 2025",
        "March",
        "2024",
        "the following week",
        "Christmas",
        "the third quarter",
        "last August",
        "June 2024",
        "now",
        "two days ago",
    ];
    let anchors = [ymd(2025, 1, 3), ymd(2025, 6, 15), ymd(2025, 12, 30)];
    let mut compared = 0;
    for verb in verbs {
        for date in dates {
            for before in ["on", "until", "by", "since", "in", ""] {
                for text in [
                    format!("The council {verb} {before} {date}, officials said."),
                    format!("Lee, {before} {date}, {verb} the truce"),
                    format!("{before} {date} the board {verb} that it would close."),
                ] {
                    let span = Span::new(0, text.len());
                    let every = find_asking(tw(), &text, span, 0, Asked::Every);
                    let read = find_in_sentence(tw(), &text, span, 0);
                    let anchored = find_in_anchored_sentence(tw(), &text, span, 0);
                    assert_read_alike(
                        &text,
                        &anchored,
                        &every,
                        past_matters_when_anchored,
                        &anchors,
                    );
                    assert_read_alike(&text, &read, &every, past_matters, &anchors);
                    compared += read.len();
                }
            }
        }
    }
    assert!(compared > 1000, "{compared}");
}
