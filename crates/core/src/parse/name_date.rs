//! The date a file's name gives: archives and scrapers often name a story
//! by its day ("2024-03-15-harbour-strike.txt", "wire_20240315_0412.txt",
//! "APW19980213.1310"). When the page itself states no publication date,
//! that day is the best evidence left, and without it every "today" and
//! "Tuesday" in the story stays without a date.
//!
//! Only full dates with a four-digit year count: eight digits standing
//! alone (`YYYYMMDD`) or year, month and day joined by `-`, `_` or `.`.
//! Six-digit forms (`YYMMDD`, `DDMMYY`) read as ids as often as dates, and
//! a name that gives two different days says neither.

use super::blocks::Cleaned;
use super::dates::Candidate;
use super::dates::form::Form;
use crate::date_text::FullDates;
use crate::model::{Basis, BlockClass, DateValue, Published};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

/// The oldest and newest years read as a date in a name: outside them,
/// eight digits are an id.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// A page that states no publication date, and whose words give none to
/// infer, takes the day its file's name gives (as inferred, saying so),
/// unless the page contradicts it: without an anchor, every "today" and
/// "Tuesday" in it stays undated.
pub fn unless_stated(
    dates: &FullDates,
    explicit: Published,
    path: &Path,
    raw: &str,
    cleaned: &Cleaned,
    candidates: &[Candidate],
) -> Published {
    if explicit.value.is_some() {
        return explicit;
    }
    let Some(name_day) = in_path(path) else {
        return explicit;
    };
    if super::dates::infer::infer_published(raw, candidates, None).is_some() {
        return explicit;
    }
    // The wire's place line opens the article: the line the blocks stage
    // classed as one, or the start of the first paragraph ("OSLO, June 3
    // (Wire) - The council...").
    let place_lines = cleaned
        .blocks
        .iter()
        .filter(|b| b.class == BlockClass::Dateline)
        .map(|b| b.span);
    let place_day = place_lines
        .chain(cleaned.body.first().copied())
        .find_map(|line| place_line_day(dates, line.text(raw)));
    let latest_past = candidates
        .iter()
        .filter(|c| c.stated_past)
        .filter_map(|c| match c.form {
            Form::Full(d) => Some(d),
            _ => None,
        })
        .max();
    match checked(name_day, place_day, latest_past) {
        Some((day, why)) => Published {
            value: Some(DateValue::day(day)),
            basis: Basis::Inferred(why),
            span: None,
        },
        None => explicit,
    }
}

/// The day the file's name gives, when it gives exactly one.
pub fn in_path(path: &Path) -> Option<NaiveDate> {
    let name = path.file_name()?.to_str()?;
    in_name(name)
}

/// The one day written in `name`, if there is exactly one.
pub fn in_name(name: &str) -> Option<NaiveDate> {
    let runs = digit_runs(name);
    let mut found: Option<NaiveDate> = None;
    let mut note = |d: NaiveDate| -> bool {
        match found {
            Some(f) if f != d => false,
            _ => {
                found = Some(d);
                true
            }
        }
    };
    for (i, &(start, end)) in runs.iter().enumerate() {
        let run = &name[start..end];
        let date = match run.len() {
            8 => ymd(&run[..4], &run[4..6], &run[6..]),
            4 => runs.get(i + 1..i + 3).and_then(|next| {
                let (m, d) = (next[0], next[1]);
                let joined = |a: usize, b: usize| {
                    b == a + 1 && matches!(name.as_bytes()[a], b'-' | b'_' | b'.')
                };
                (joined(end, m.0) && joined(m.1, d.0) && m.1 - m.0 == 2 && d.1 - d.0 == 2)
                    .then(|| ymd(run, &name[m.0..m.1], &name[d.0..d.1]))
                    .flatten()
            }),
            _ => None,
        };
        if let Some(d) = date
            && !note(d)
        {
            return None;
        }
    }
    found
}

/// A wire place line with a day but no year: "HAVANA, August 7 (Wire) --".
static PLACE_LINE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z .'’-]{2,40},\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-9]{1,2})(?:\s*\([^)]{1,30}\))?\s*(?:[—–-]|$)")
        .expect("place line pattern compiles")
});

/// The month and day of a yearless place line, the wire's stamp of the day
/// it filed from.
pub fn place_line_day(dates: &FullDates, line: &str) -> Option<(u32, u32)> {
    let c = PLACE_LINE_DAY.captures(line)?;
    let month = dates.month_number(c.name("month")?.as_str())?;
    let day = c.name("day")?.as_str().parse().ok()?;
    Some((month, day))
}

/// The publication day from a file's name, checked against the page: a
/// yearless place line (the wire's stamp) must give the same day, and no
/// day the page reports as past may come after it; otherwise the two
/// disagree and the date stays unknown. Returns the day and how it was
/// found.
fn checked(
    name_day: NaiveDate,
    place_day: Option<(u32, u32)>,
    latest_past: Option<NaiveDate>,
) -> Option<(NaiveDate, String)> {
    if latest_past.is_some_and(|d| d > name_day) {
        return None;
    }
    match place_day {
        None => Some((name_day, format!("the file's name gives {name_day}"))),
        // Filed a day or so either side of the archive's day (time zones,
        // late filing), either may be the publication date: neither is sure.
        Some((month, day)) => (name_day.month() == month && name_day.day() == day).then(|| {
            (
                name_day,
                format!("the file's name and the place line give {name_day}"),
            )
        }),
    }
}

/// Where each run of ASCII digits starts and ends.
fn digit_runs(s: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, b) in s.bytes().enumerate() {
        match (b.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = start {
        runs.push((start, s.len()));
    }
    runs
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let y: i32 = y.parse().ok()?;
    if !YEARS.contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn eight_digits_standing_alone_are_a_day() {
        assert_eq!(in_name("KWN20240315.0412.txt"), day(2024, 3, 15));
        assert_eq!(in_name("wire_19990102_harbour.txt"), day(1999, 1, 2));
        assert_eq!(in_name("20231130"), day(2023, 11, 30));
    }

    #[test]
    fn year_month_and_day_joined_are_a_day() {
        assert_eq!(in_name("2024-03-15-harbour-strike.txt"), day(2024, 3, 15));
        assert_eq!(in_name("story_2021_12_01.html"), day(2021, 12, 1));
        assert_eq!(in_name("notes.2020.02.29.txt"), day(2020, 2, 29));
    }

    #[test]
    fn ids_counts_and_short_forms_are_not_days() {
        // Six digits: a date as often as an id.
        assert_eq!(in_name("AB240315-0044.txt"), None);
        // Eight digits that are no day, or outside the years read.
        assert_eq!(in_name("order_20241345.txt"), None);
        assert_eq!(in_name("ticket_12345678.txt"), None);
        // More digits than a day: a timestamp or an id.
        assert_eq!(in_name("capture_20240315101500.txt"), None);
        // Parts not joined the same way, or of other lengths.
        assert_eq!(in_name("2024-3-15.txt"), None);
        assert_eq!(in_name("2024 03 15.txt"), None);
        assert_eq!(in_name("report-2024.txt"), None);
        assert_eq!(in_name("no digits here.txt"), None);
    }

    #[test]
    fn a_name_with_two_different_days_gives_neither() {
        assert_eq!(in_name("20240315_vs_20240316.txt"), None);
        assert_eq!(in_name("20240315_2024-03-15.txt"), day(2024, 3, 15));
    }

    #[test]
    fn a_yearless_place_line_must_agree_with_the_name() {
        assert_eq!(
            place_line_day(FullDates::bundled(), "LOMBARD, June 30 (Kestrel) --"),
            Some((6, 30))
        );
        assert_eq!(
            place_line_day(FullDates::bundled(), "NEW HAVEN, Sept. 4 -"),
            Some((9, 4))
        );
        assert_eq!(
            place_line_day(FullDates::bundled(), "SOUTH PORT, March 9"),
            Some((3, 9))
        );
        // Not a place line: a headline, a sentence, a day with its year.
        assert_eq!(
            place_line_day(FullDates::bundled(), "March 9 was a quiet day in Lombard"),
            None
        );
        assert_eq!(
            place_line_day(FullDates::bundled(), "Lombard, March 9 (Kestrel) --"),
            None
        );
        let name = day(2011, 7, 1).unwrap();
        let (d, why) = checked(name, Some((7, 1)), None).unwrap();
        assert_eq!(d, name);
        assert!(why.contains("place line"), "{why}");
    }

    #[test]
    fn a_name_the_page_contradicts_gives_nothing() {
        let name = day(2011, 7, 1).unwrap();
        // The place line gives another day, near or far: either may be
        // the publication date, so neither is given.
        assert_eq!(checked(name, Some((6, 30)), None), None);
        assert_eq!(checked(name, Some((3, 2)), None), None);
        // The page reports a later day as past.
        assert_eq!(checked(name, None, day(2011, 7, 5)), None);
        let (d, why) = checked(name, None, day(2011, 6, 20)).unwrap();
        assert_eq!(d, name);
        assert!(why.contains("file's name"), "{why}");
    }

    #[test]
    fn only_the_file_name_is_read() {
        let p = Path::new("/archive/2019-05-05/harbour.txt");
        assert_eq!(in_path(p), None);
        let p = Path::new("/archive/misc/2019-05-05-harbour.txt");
        assert_eq!(in_path(p), day(2019, 5, 5));
    }
}
