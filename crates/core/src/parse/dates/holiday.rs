//! Named days ("Christmas", "Thanksgiving", "Easter"): the rule that gives
//! each one's day in a year, read from `[holidays]` in
//! `assets/time_words.txt`, and that day computed for a given year.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// How a named day falls in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// The same day every year (`12-25`).
    Fixed { month: u32, day: u32 },
    /// The first `weekday` on or after a day (`thu 11-22`: the fourth
    /// Thursday of November).
    WeekdayFrom {
        weekday: Weekday,
        month: u32,
        day: u32,
    },
    /// Days from (Western) Easter Sunday (`easter -2`: Good Friday).
    Easter(i32),
}

impl HolidayRule {
    /// Reads `12-25`, `thu 11-22` or `easter -2`; None for anything else.
    pub fn parse(rule: &str) -> Option<Self> {
        let mut words = rule.split_whitespace();
        let first = words.next()?;
        let second = words.next();
        if words.next().is_some() {
            return None;
        }
        let month_day = |s: &str| -> Option<(u32, u32)> {
            let (m, d) = s.split_once('-')?;
            let (m, d) = (m.parse().ok()?, d.parse().ok()?);
            NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
        };
        match (first, second) {
            ("easter", Some(offset)) => offset.parse().ok().map(HolidayRule::Easter),
            (day, None) => month_day(day).map(|(month, day)| HolidayRule::Fixed { month, day }),
            (weekday, Some(day)) => {
                let weekday = weekday.parse::<Weekday>().ok()?;
                let (month, day) = month_day(day)?;
                Some(HolidayRule::WeekdayFrom {
                    weekday,
                    month,
                    day,
                })
            }
        }
    }

    /// The day this rule gives in `year` (None when it does not exist,
    /// as February 29 in a common year).
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            HolidayRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            HolidayRule::WeekdayFrom {
                weekday,
                month,
                day,
            } => {
                let from = NaiveDate::from_ymd_opt(year, month, day)?;
                let ahead = (weekday.num_days_from_monday() + 7
                    - from.weekday().num_days_from_monday())
                    % 7;
                from.checked_add_signed(Duration::days(i64::from(ahead)))
            }
            HolidayRule::Easter(offset) => {
                easter(year)?.checked_add_signed(Duration::days(i64::from(offset)))
            }
        }
    }
}

/// Western Easter Sunday of `year` (the anonymous Gregorian computus).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let (b, c) = (year.div_euclid(100), year.rem_euclid(100));
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c.div_euclid(4), c.rem_euclid(4));
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The key a holiday's written form is looked up by: single spaces, a
/// curly apostrophe written straight.
pub fn key(written: &str) -> String {
    written
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn rules_parse_and_give_their_day() {
        let fixed = HolidayRule::parse("12-25").unwrap();
        assert_eq!(fixed.date(2031), Some(ymd(2031, 12, 25)));
        // The fourth Thursday of November.
        let fourth_thursday = HolidayRule::parse("thu 11-22").unwrap();
        assert_eq!(fourth_thursday.date(2027), Some(ymd(2027, 11, 25)));
        assert_eq!(fourth_thursday.date(2029), Some(ymd(2029, 11, 22)));
        let good_friday = HolidayRule::parse("easter -2").unwrap();
        assert_eq!(good_friday.date(2026), Some(ymd(2026, 4, 3)));
        assert_eq!(HolidayRule::parse("02-29").unwrap().date(2027), None);
    }

    #[test]
    fn malformed_rules_are_none() {
        for bad in [
            "",
            "13-01",
            "12-32",
            "easter",
            "easter x",
            "moon 11-22",
            "thu 11-22 x",
        ] {
            assert_eq!(HolidayRule::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn easter_sundays() {
        for (y, m, d) in [(2000, 4, 23), (2008, 3, 23), (2019, 4, 21), (2038, 4, 25)] {
            assert_eq!(easter(y), Some(ymd(y, m, d)));
        }
    }

    #[test]
    fn keys_ignore_spacing_and_curly_apostrophes() {
        assert_eq!(key("New  Year’s Day"), "New Year's Day");
    }
}
