//! Years outside a full date, read through the finder as they are met.

use crate::parse::dates::find::Form;
use crate::parse::dates::find::tests::{found, one, surfaces};

#[test]
fn a_year_after_a_possessive_and_an_adjective_modifies_the_noun() {
    assert_eq!(
        one("after his unsuccessful 1996 campaign for mayor"),
        ("1996".into(), Form::Year(1996))
    );
    assert_eq!(
        one("its failed 1991 bid for the port"),
        ("1991".into(), Form::Year(1991))
    );
    for text in [
        "an estimated 1800 residents fled",
        "the remaining 1990 shares were sold",
        "the first 1900 visitors got in free",
    ] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn both_ends_of_a_span_of_years_are_years() {
    let years = |text: &str| -> Vec<Form> { found(text).into_iter().map(|(_, f)| f).collect() };
    assert_eq!(
        years("output fell over 2011-2012 in Moravia"),
        [Form::Year(2011), Form::Year(2012)]
    );
    assert_eq!(
        years("a drought lasting 1991–1993"),
        [Form::Year(1991), Form::Year(1993)]
    );
    for text in [
        "call 555-2012 for tickets",
        "they scored 2011-2010 in the final",
        "route A-2011-2012 closed",
        "a climb of 1850-2000 metres",
    ] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}

#[test]
fn a_day_or_month_with_a_year_out_of_range_borrows_no_year() {
    // The year is written, but the year pattern does not read it: the
    // day is not dated at all rather than given the writing year.
    for text in [
        "The council will meet on 31 December 9999 to review it.",
        "The charter was signed on June 5, 1650 in the old hall.",
        "The vault stays shut until December 9999, the mayor said.",
    ] {
        assert!(surfaces(text).is_empty(), "{text}: {:?}", surfaces(text));
    }
    // A count after a date, or a year the pattern reads, is no such year.
    assert_eq!(surfaces("On 3 March 12000 people marched."), ["3 March"]);
    assert_eq!(
        surfaces("It opened on 31 December 2023."),
        ["31 December 2023"]
    );
}

#[test]
fn a_year_after_dating_to_or_back_to() {
    assert_eq!(
        one("a string of break-ins dating to 1994"),
        ("1994".into(), Form::Year(1994))
    );
    assert_eq!(
        one("records going back to 1987 were lost"),
        ("1987".into(), Form::Year(1987))
    );
    for text in [
        "the index rose to 1995 by noon",
        "the index fell back to 1990 points",
    ] {
        assert!(surfaces(text).is_empty(), "{text:?} gave {:?}", found(text));
    }
}
