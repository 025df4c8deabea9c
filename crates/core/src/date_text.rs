//! Full dates (with a year) as pages state them: a written date ("Friday,
//! April 25, 2025", "3 Sept. 2024") or a numeric stamp ("21.09.2022",
//! "2024-01-31"). Read by ingest (an HTML page's metadata dates) and by the
//! parser's metadata stage (mastheads and datelines); it lives in the core
//! beside both so that reading files needs nothing from the parser.
//!
//! Month and weekday names are those of `assets/time_words.txt`, the list
//! the dates stage reads too, so there is one list to extend: ingest reads
//! with the bundled names ([`find_full_date`]), the parser with the names
//! of the time words it is given (a [`FullDates`] the user's
//! `time_words.txt` may add to).

use chrono::NaiveDate;
use regex::Regex;
use regex_automata::meta;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// Every written form of a month (as in the asset, case kept) with its
/// number, and every weekday name.
struct CalendarNames {
    months: Vec<(String, u32)>,
    weekdays: Vec<String>,
}

/// Month and weekday names, and the pattern of a written full date built
/// from them (on first use).
pub struct FullDates {
    names: CalendarNames,
    written: OnceLock<meta::Regex>,
    /// Whether every name is letters only: then a written date's parts are
    /// its words, and a match is read in code ([`read_written`]).
    plain: bool,
}

impl FullDates {
    /// The names of `assets/time_words.txt`, built once per process.
    pub fn bundled() -> &'static FullDates {
        static BUNDLED: LazyLock<FullDates> =
            LazyLock::new(|| FullDates::of_time_words(&[BUNDLED_TIME_WORDS]));
        &BUNDLED
    }

    /// The names of each text in the time-words format, in order (the
    /// bundled file, then the user's).
    pub(crate) fn of_time_words(texts: &[&str]) -> FullDates {
        let mut names = CalendarNames {
            months: Vec::new(),
            weekdays: Vec::new(),
        };
        for text in texts {
            let more = calendar_names(text);
            names.months.extend(more.months);
            names.weekdays.extend(more.weekdays);
        }
        let plain = names
            .months
            .iter()
            .map(|(w, _)| w)
            .chain(&names.weekdays)
            .all(|w| !w.is_empty() && w.chars().all(char::is_alphabetic));
        FullDates {
            names,
            written: OnceLock::new(),
            plain,
        }
    }

    /// Whether a text in the time-words format names a month or a weekday
    /// (else the bundled names are all there are).
    pub(crate) fn names_any(text: &str) -> bool {
        let n = calendar_names(text);
        !n.months.is_empty() || !n.weekdays.is_empty()
    }
}

const BUNDLED_TIME_WORDS: &str = include_str!("../../../assets/time_words.txt");

/// The `[months]` and `[weekdays]` sections of the time-words format
/// (`number form form ...`, `#` comments); other sections are skipped.
fn calendar_names(text: &str) -> CalendarNames {
    let mut names = CalendarNames {
        months: Vec::new(),
        weekdays: Vec::new(),
    };
    let mut section = "";
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            continue;
        }
        let mut words = line.split_whitespace();
        let Some(n) = words.next().and_then(|w| w.parse::<u32>().ok()) else {
            continue;
        };
        match section {
            "months" => names.months.extend(words.map(|w| (w.to_string(), n))),
            "weekdays" => names.weekdays.extend(words.next().map(str::to_string)),
            _ => {}
        }
    }
    names
}

/// A regex alternation of `words`, longest first (so "Sept" is tried
/// before "Sep").
fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = words.into_iter().collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v.iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// A full date with a year, in the forms mastheads and datelines use, with
/// the month and weekday names of `names`.
///
/// Built without a prefilter: it runs only on lines with a four-digit run,
/// and extracting the literals of its case-insensitive names costs more at
/// start-up than a literal search would save on those few lines.
fn full_date_pattern(names: &CalendarNames) -> meta::Regex {
    let m = alternation(names.months.iter().map(|(w, _)| w.as_str()));
    let w = alternation(names.weekdays.iter().map(String::as_str));
    meta::Regex::builder()
        .configure(meta::Config::new().auto_prefilter(false))
        .build(&format!(
        r"(?i)(?-u:\b)(?:(?:{w})\.?,?\s+)?(?:(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{m})\.?,?\s+(?P<y1>[0-9]{{4}})|(?P<m2>{m})\.?\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>[0-9]{{4}})|(?P<y3>[0-9]{{4}})-(?P<m3>[0-9]{{2}})-(?P<d3>[0-9]{{2}}))(?-u:\b)"
    ))
    .expect("full date pattern compiles")
}

impl FullDates {
    /// The number of a month written in any of its forms ("Sept.",
    /// "august").
    pub fn month_number(&self, name: &str) -> Option<u32> {
        let n = name.trim_end_matches('.');
        self.names
            .months
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|&(_, m)| m)
    }

    /// The first full date (with a year) in `s`, with its byte range: a
    /// written date or a numeric stamp, whichever comes first.
    pub fn find(&self, s: &str) -> Option<(NaiveDate, Range<usize>)> {
        // Every form writes its year as four digits: a line without four
        // in a row (most header lines) needs neither pattern run.
        if !has_four_digit_run(s) {
            return None;
        }
        let numeric = find_numeric_date(s);
        let written = self.find_written(s);
        match (written, numeric) {
            (Some(w), Some(n)) => Some(if n.1.start < w.1.start { n } else { w }),
            (w, n) => w.or(n),
        }
    }

    /// The first date with a month name and a year in `s`. A match is read
    /// in code where it can be ([`read_written`]): the pattern's capture
    /// groups need a second, backtracking search of the match.
    fn find_written(&self, s: &str) -> Option<(NaiveDate, Range<usize>)> {
        let pattern = self.written.get_or_init(|| full_date_pattern(&self.names));
        for m in pattern.find_iter(s) {
            let parts = match self.plain.then(|| read_written(&s[m.range()])).flatten() {
                Some(parts) => Some(parts),
                None => self.groups_at(pattern, s, m.range()),
            };
            if let Some(d) = parts.and_then(|p| self.date_of(p)) {
                return Some((d, m.range()));
            }
        }
        None
    }

    /// The parts of the match at `range` of `s` as the pattern's groups
    /// read them.
    fn groups_at<'s>(
        &self,
        pattern: &meta::Regex,
        s: &'s str,
        range: Range<usize>,
    ) -> Option<Written<'s>> {
        let input = regex_automata::Input::new(s)
            .range(range)
            .anchored(regex_automata::Anchored::Yes);
        let mut c = pattern.create_captures();
        pattern.search_captures(&input, &mut c);
        let text = |k: &str| c.get_group_by_name(k).and_then(|g| s.get(g.range()));
        Some(if let Some(y) = text("y1") {
            Written::Named(text("d1")?, text("m1")?, y)
        } else if let Some(y) = text("y2") {
            Written::Named(text("d2")?, text("m2")?, y)
        } else {
            Written::Numbers(text("y3")?, text("m3")?, text("d3")?)
        })
    }

    /// The date the parts of a written date name, if it is one.
    fn date_of(&self, parts: Written) -> Option<NaiveDate> {
        let num = |t: &str| t.parse::<u32>().ok();
        match parts {
            Written::Named(d, m, y) => {
                NaiveDate::from_ymd_opt(num(y)? as i32, self.month_number(m)?, num(d)?)
            }
            Written::Numbers(y, m, d) => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?),
        }
    }
}

/// The groups of a written date: day, month name and year, or year,
/// month and day in numbers.
#[derive(Debug, PartialEq, Eq)]
enum Written<'s> {
    Named(&'s str, &'s str, &'s str),
    Numbers(&'s str, &'s str, &'s str),
}

/// The groups of a match of the written-date pattern, read from its words
/// when every name is letters only; None for a shape this does not know,
/// which the pattern's groups then read. The pattern's words are split by
/// white space alone: an optional weekday (its name, a dot, a comma), then
/// "25th April, 2025" (three words opening with a digit), "April 25, 2025"
/// (three opening with a letter) or "2025-04-25" (one), so the number of
/// words and the first char tell the form. A name's group is its word
/// without the dot and comma after it, a day's the digits its word opens
/// with, a year's its whole word.
fn read_written(m: &str) -> Option<Written<'_>> {
    let mut words = m.split(char::is_whitespace).filter(|w| !w.is_empty());
    let mut w: [&str; 4] = [""; 4];
    let mut n = 0;
    for word in words.by_ref() {
        *w.get_mut(n)? = word;
        n += 1;
    }
    let digit = |t: &str| t.as_bytes().first().is_some_and(u8::is_ascii_digit);
    fn digits(t: &str) -> &str {
        &t[..t.bytes().take_while(u8::is_ascii_digit).count()]
    }
    fn name(t: &str) -> &str {
        t.trim_end_matches([',', '.'])
    }
    fn numbers(t: &str) -> Option<Written<'_>> {
        let b = t.as_bytes();
        (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
            .then(|| Written::Numbers(&t[..4], &t[5..7], &t[8..]))
    }
    let words = &w[..n];
    match (words, words.first().is_some_and(|t| digit(t))) {
        ([one], true) => numbers(one),
        ([_, one], false) => numbers(one),
        ([d, m, y], true) => Some(Written::Named(digits(d), name(m), y)),
        ([m, d, y], false) => Some(Written::Named(digits(d), name(m), y)),
        ([_, d, m, y], false) if digit(d) => Some(Written::Named(digits(d), name(m), y)),
        ([_, m, d, y], false) => Some(Written::Named(digits(d), name(m), y)),
        _ => None,
    }
}

/// A numeric page stamp: "21.09.2022", "3/14/2023", "Posted 11-02-2024",
/// "2024-01-31", also glued to the word before or after it
/// ("Reporter12-03-2024", "date 2024-01-31Headline").
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y0>[0-9]{4})-(?P<m0>[0-9]{2})-(?P<d0>[0-9]{2})|(?P<a>[0-9]{1,2})(?P<s1>[./-])(?P<b>[0-9]{1,2})(?P<s2>[./-])(?P<y>[0-9]{4})")
        .expect("numeric date pattern compiles")
});

/// The first numeric stamp in `s` that is a date, with its byte range.
/// Dots and hyphens are day-first (the sites that write them), unless the
/// second number cannot be a month; slashes month-first (US) unless the
/// first cannot be. Digits right before or after are another number.
fn find_numeric_date(s: &str) -> Option<(NaiveDate, Range<usize>)> {
    for c in NUMERIC_DATE.captures_iter(s) {
        let whole = c.get(0)?;
        let digit_at = |i: Option<char>| i.is_some_and(|c| c.is_ascii_digit());
        if digit_at(s[..whole.start()].chars().next_back())
            || digit_at(s[whole.end()..].chars().next())
        {
            continue;
        }
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = if let Some(y) = num("y0") {
            NaiveDate::from_ymd_opt(y as i32, num("m0")?, num("d0")?)
        } else {
            let (sep, a, b, y) = (c.name("s1")?.as_str(), num("a")?, num("b")?, num("y")?);
            if sep != c.name("s2")?.as_str() {
                continue;
            }
            let (day, month) = match sep {
                "." => (a, b),
                "/" if a > 12 => (a, b),
                "/" => (b, a),
                _ if b > 12 => (b, a),
                _ => (a, b),
            };
            NaiveDate::from_ymd_opt(y as i32, month, day)
        };
        if let Some(d) = date {
            return Some((d, whole.range()));
        }
    }
    None
}

/// The years a date in news can plausibly have; the date patterns' `YEAR`
/// (`parse::dates::patterns`) spells the same range. Outside it, a date in
/// a page's metadata is a software's placeholder, not the article's.
pub const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2099;

/// The first full date (with a year) in `s` by the bundled names (see
/// [`FullDates::find`]): what ingest reads a page's metadata with.
pub fn find_full_date(s: &str) -> Option<(NaiveDate, Range<usize>)> {
    FullDates::bundled().find(s)
}

/// Whether `s` has four ASCII digits in a row, as every year the patterns
/// read is written.
fn has_four_digit_run(s: &str) -> bool {
    let mut run = 0;
    s.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_read_in_code_match_the_patterns_groups() {
        let dates = FullDates::bundled();
        let pattern = dates
            .written
            .get_or_init(|| full_date_pattern(&dates.names));
        let mut read = 0;
        for weekday in ["", "Friday ", "friday, ", "FRIDAY., ", "Tuesday\u{a0}"] {
            for date in [
                "25 April 2025",
                "25th april, 2025",
                "3rd Sept. 2024",
                "3 SEPT.,\t2024",
                "April 25, 2025",
                "Sept. 3rd, 2024",
                "sep 3 2024",
                "May  31st,  2031",
                "2025-04-25",
                "2025-13-45",
                "31 February 2025",
                "June 31, 2025",
                "\u{212a}\u{212a} 1 2025",
            ] {
                for around in ["{}", "On {}.", "x{}", "{}9", "({}) and 4 May 2026"] {
                    let s = around.replace("{}", &format!("{weekday}{date}"));
                    for m in pattern.find_iter(&s) {
                        let by_groups = dates.groups_at(pattern, &s, m.range());
                        assert_eq!(read_written(&s[m.range()]), by_groups, "{s:?}");
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 200, "{read}");
    }

    #[test]
    fn the_asset_names_every_month_and_weekday() {
        let mut months: Vec<u32> = FullDates::bundled()
            .names
            .months
            .iter()
            .map(|&(_, n)| n)
            .collect();
        months.dedup();
        assert_eq!(months, (1..=12).collect::<Vec<_>>());
        assert_eq!(FullDates::bundled().names.weekdays.len(), 7);
        assert!(
            FullDates::bundled()
                .names
                .months
                .contains(&("Sept".to_string(), 9))
        );
    }

    #[test]
    fn the_names_reader_keeps_its_sections_apart() {
        let n = calendar_names(
            "[months]\n# a comment\n1 Jan Janvier # trailing\n[other]\n2 Feb\n[weekdays]\n1 Lundi Lun\nnot a line\n",
        );
        assert_eq!(
            n.months,
            [("Jan".to_string(), 1), ("Janvier".to_string(), 1)]
        );
        assert_eq!(n.weekdays, ["Lundi"]);
    }

    #[test]
    fn full_dates_in_many_forms() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            find_full_date("Friday, April 25, 2025").unwrap().0,
            d(2025, 4, 25)
        );
        assert_eq!(
            find_full_date("date 2025-04-17 Headline").unwrap().0,
            d(2025, 4, 17)
        );
        assert_eq!(
            find_full_date("Updated 3 Sept. 2024 10:00").unwrap().0,
            d(2024, 9, 3)
        );
        assert_eq!(find_full_date("Feb 29, 2024").unwrap().0, d(2024, 2, 29));
        for (stamp, want) in [
            ("Posted 21.09.2022 at noon", d(2022, 9, 21)),
            ("3/14/2023 by the desk", d(2023, 3, 14)),
            ("14/3/2023", d(2023, 3, 14)),
            ("Staff Reporter12-03-2024", d(2024, 3, 12)),
            ("Posted 11-02-2024", d(2024, 2, 11)),
            ("Posted 02-13-2024", d(2024, 2, 13)),
            ("date 2024-01-31Harbour strike ends", d(2024, 1, 31)),
            ("Updated Mon 6 Mar 2023 08.15 GMT", d(2023, 3, 6)),
        ] {
            assert_eq!(find_full_date(stamp).map(|f| f.0), Some(want), "{stamp}");
        }
        // Mixed separators, longer numbers, impossible days.
        for stamp in ["31/31/2024", "3/14.2023", "Ref 123/4/2023", "3/14/20231"] {
            assert_eq!(find_full_date(stamp), None, "{stamp}");
        }
        assert!(find_full_date("Feb 29, 2023").is_none());
        assert!(find_full_date("In May 2025 we").is_none());
    }

    #[test]
    fn a_four_digit_run_is_what_every_form_needs() {
        assert!(has_four_digit_run("May 3, 2025"));
        assert!(has_four_digit_run("2025"));
        assert!(!has_four_digit_run("May 3, 202 5"));
        assert!(!has_four_digit_run("12/3/25 at 10:45"));
        assert!(!has_four_digit_run(""));
        assert_eq!(find_full_date("Friday, March 3, 202"), None);
    }

    #[test]
    fn the_range_is_the_date_itself() {
        let s = "Lisbon, Monday, March 3, 2025 — dock workers";
        let (_, r) = find_full_date(s).unwrap();
        assert_eq!(&s[r], "Monday, March 3, 2025");
    }
}
