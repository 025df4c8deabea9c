use super::*;
use crate::model::Span;
use crate::parse::dates::{analyse, explicit_day};
use chrono::{Datelike, NaiveDate};

/// A user's file naming a local holiday the bundled words do not know.
const HARBOUR: &str = "# Port Velm\n[holidays]\nHarbour Day | 06-21\n";

const SENTENCE: &str = "The quay market reopened on Harbour Day, the council said.";

/// The month and day `tw` reads "Harbour Day" of [`SENTENCE`] as, in an
/// article published on 2 March 2026; None when it reads no date there.
fn harbour_day(tw: &TimeWords) -> Option<(u32, u32)> {
    let published = explicit_day(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), None);
    let (_, times) = analyse(tw, SENTENCE, &[Span::new(0, SENTENCE.len())], &published);
    times
        .iter()
        .find(|t| t.span.text(SENTENCE).contains("Harbour Day"))
        .and_then(|t| t.value)
        .map(|v| (v.start.month(), v.start.day()))
}

/// One value after the other on the calling thread, each read twice: a
/// thread's search state kept for one value must not serve the next.
fn read_in_turn(first: &TimeWords, second: &TimeWords) -> [Option<(u32, u32)>; 4] {
    [
        harbour_day(first),
        harbour_day(second),
        harbour_day(first),
        harbour_day(second),
    ]
}

#[test]
fn a_users_holiday_is_read_by_its_value_alone_in_either_order() {
    let (user, entries) = TimeWords::with_user(HARBOUR).unwrap();
    assert_eq!(entries, 1);
    let builtin = TimeWords::builtin();
    let user = &user;
    let builtin = &builtin;
    let harbour = Some((6, 21));
    // Each order on a thread of its own, so neither starts with search
    // state another test left.
    std::thread::scope(|s| {
        let user_first = s.spawn(|| read_in_turn(user, builtin));
        let builtin_first = s.spawn(|| read_in_turn(builtin, user));
        assert_eq!(
            user_first.join().unwrap(),
            [harbour, None, harbour, None],
            "user's words, then the bundled"
        );
        assert_eq!(
            builtin_first.join().unwrap(),
            [None, harbour, None, harbour],
            "bundled words, then the user's"
        );
    });
}

#[test]
fn values_have_their_own_ids() {
    let (a, b) = (TimeWords::builtin(), TimeWords::builtin());
    assert_ne!(a.id, b.id);
}

#[test]
fn a_malformed_users_text_is_an_error_naming_its_line() {
    for (text, said) in [
        ("[holidays]\n\nHarbour Day\n", "3: a holiday is"),
        ("[holidays]\nHarbour Day | 13-40\n", "2: a holiday is"),
        ("Harbour Day | 06-21\n", "1: an entry before any [section]"),
        (
            "[festivals]\nHarbour Day | 06-21\n",
            "1: unknown section [festivals]",
        ),
    ] {
        let e = TimeWords::with_user(text).err().unwrap();
        assert!(e.starts_with(said), "{text:?}: {e}");
    }
}

#[test]
fn a_users_month_names_date_a_masthead_and_a_place_line_only_with_its_value() {
    let (user, _) = TimeWords::with_user("[months]\n1 Januar\n3 Mars\n").unwrap();
    let builtin = TimeWords::builtin();
    let masthead = "Velm Harbour Herald, 3 Januar 2031";
    let place_line = "PORT VELM, Mars 9 (Kestrel) --";
    let read = |tw: &TimeWords| {
        let day = tw.full_dates().find(masthead).map(|(d, _)| d);
        let place = crate::parse::name_date::place_line_day(tw.full_dates(), place_line);
        (day, place)
    };
    for _ in 0..2 {
        assert_eq!(read(&builtin), (None, None));
        assert_eq!(
            read(&user),
            (NaiveDate::from_ymd_opt(2031, 1, 3), Some((3, 9)))
        );
    }
    // Words that name no month or weekday keep the bundled names, shared.
    let (holiday, _) = TimeWords::with_user(HARBOUR).unwrap();
    assert!(std::ptr::eq(
        holiday.full_dates(),
        crate::date_text::FullDates::bundled()
    ));
}
