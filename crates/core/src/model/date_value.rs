//! A calendar value at some precision (a day, a week, a month, a quarter, a
//! season, a half, a year) and its one text form, the date label the CLI,
//! the exports, the jump prompt and the state file all print and parse.

use chrono::{Datelike, NaiveDate};

/// How precise a calendar value is. Ordering in the timeline uses the start
/// date; precision decides the heading an event sits under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Week,
    Month,
    /// A calendar quarter ("the third quarter", "Q3 2023").
    Quarter,
    /// A meteorological season of the northern hemisphere (spring is
    /// March to May; winter starts in December of its labelled year).
    Season,
    /// A half year ("the first half of 2018").
    Half,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Half => "half",
            Precision::Year => "year",
        }
    }
}

/// A calendar value: the first day of the period plus its precision. A week is
/// stored as its ISO Monday, a month as its 1st, a year as January 1st.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateValue {
    pub start: NaiveDate,
    pub precision: Precision,
    /// The year was not in the text nor implied by an anchor: it is the
    /// folder's year (every dated article of the folder is from it), and the UI marks it as assumed.
    pub assumed_year: bool,
}

impl DateValue {
    pub fn day(d: NaiveDate) -> Self {
        DateValue {
            start: d,
            precision: Precision::Day,
            assumed_year: false,
        }
    }
    pub fn week_of(d: NaiveDate) -> Self {
        let monday = d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
        DateValue {
            start: monday,
            precision: Precision::Week,
            assumed_year: false,
        }
    }
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Some(DateValue {
            start: NaiveDate::from_ymd_opt(year, month, 1)?,
            precision: Precision::Month,
            assumed_year: false,
        })
    }
    pub fn year(year: i32) -> Option<Self> {
        Some(DateValue {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            precision: Precision::Year,
            assumed_year: false,
        })
    }
    /// Quarter `q` (1-4) of `year`, stored as its first day.
    pub fn quarter(year: i32, q: u32) -> Option<Self> {
        Self::period(
            year,
            q.checked_sub(1)? * 3 + 1,
            (1..=4).contains(&q),
            Precision::Quarter,
        )
    }
    /// Half `h` (1-2) of `year`, stored as its first day.
    pub fn half(year: i32, h: u32) -> Option<Self> {
        Self::period(
            year,
            h.checked_sub(1)? * 6 + 1,
            (1..=2).contains(&h),
            Precision::Half,
        )
    }
    /// Season `s` of `year` (0 spring, 1 summer, 2 autumn, 3 winter), stored
    /// as its first day: March, June, September, December 1st.
    pub fn season(year: i32, s: u32) -> Option<Self> {
        Self::period(year, s * 3 + 3, s < 4, Precision::Season)
    }
    fn period(year: i32, month: u32, ok: bool, precision: Precision) -> Option<Self> {
        ok.then_some(())?;
        Some(DateValue {
            start: NaiveDate::from_ymd_opt(year, month, 1)?,
            precision,
            assumed_year: false,
        })
    }
    /// The last day the value covers (inclusive).
    pub fn end(&self) -> NaiveDate {
        let s = self.start;
        let months_later = |n: u32| {
            let index = s.year() * 12 + s.month0() as i32 + n as i32;
            NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
                .map_or(s, |d| d.pred_opt().unwrap_or(s))
        };
        match self.precision {
            Precision::Day => s,
            Precision::Week => s + chrono::Duration::days(6),
            Precision::Month => months_later(1),
            Precision::Quarter | Precision::Season => months_later(3),
            Precision::Half => months_later(6),
            Precision::Year => NaiveDate::from_ymd_opt(s.year(), 12, 31).unwrap_or(s),
        }
    }
    /// The stable textual form used in JSON, exports and the state file
    /// (see the `Display` impl).
    pub fn label(&self) -> String {
        self.to_string()
    }
    /// The value a [`DateValue::label`] spells (None for anything else).
    pub fn from_label(label: &str) -> Option<Self> {
        let (y, rest) = match label.split_once('-') {
            Some((y, rest)) => (y, Some(rest)),
            None => (label, None),
        };
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let Some(rest) = rest else {
            return DateValue::year(year);
        };
        if let Some(code) = SEASON_CODES.iter().position(|c| *c == rest) {
            return DateValue::season(year, code as u32);
        }
        if let Some(w) = rest.strip_prefix('W') {
            let d = NaiveDate::from_isoywd_opt(year, num(w)?, chrono::Weekday::Mon)?;
            return Some(DateValue::week_of(d));
        }
        if let Some(q) = rest.strip_prefix('Q') {
            return DateValue::quarter(year, num(q)?);
        }
        if let Some(h) = rest.strip_prefix('H') {
            return DateValue::half(year, num(h)?);
        }
        match rest.split_once('-') {
            Some((m, d)) => NaiveDate::from_ymd_opt(year, num(m)?, num(d)?).map(DateValue::day),
            None => DateValue::month(year, num(rest)?),
        }
    }
}

/// A word for the present, the past or the future that names no calendar
/// date ("now", "recently", "in the future"). It is found and kept with its
/// span, and written with TimeML's value, but never put on the timeline:
/// it has no date to sit at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeRef {
    Past,
    Present,
    Future,
}

impl TimeRef {
    /// TimeML's value: `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
    pub fn label(self) -> &'static str {
        match self {
            TimeRef::Past => "PAST_REF",
            TimeRef::Present => "PRESENT_REF",
            TimeRef::Future => "FUTURE_REF",
        }
    }
    /// The asset's word for it (`past`, `present`, `future`).
    pub fn from_word(word: &str) -> Option<Self> {
        match word {
            "past" => Some(TimeRef::Past),
            "present" => Some(TimeRef::Present),
            "future" => Some(TimeRef::Future),
            _ => None,
        }
    }
}

/// TimeML's season codes, spring first.
const SEASON_CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// Which season (0 spring .. 3 winter) a season value starting on `s` is.
fn season_index(s: NaiveDate) -> usize {
    ((s.month0() + 12 - 2) / 3 % 4) as usize
}

/// The one textual form of a date value, written everywhere a date leaves
/// the program (JSON, CSV, Markdown, iCalendar, the state file, the TUI):
/// `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, a season
/// `YYYY-SP|SU|FA|WI` (as TimeML writes them) or `YYYY`. [`str::parse`]
/// reads it back (see the `FromStr` impl), so nothing re-implements it.
impl std::fmt::Display for DateValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.start;
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", s.year(), s.month(), s.day()),
            Precision::Week => {
                let w = s.iso_week();
                write!(f, "{:04}-W{:02}", w.year(), w.week())
            }
            Precision::Month => write!(f, "{:04}-{:02}", s.year(), s.month()),
            Precision::Quarter => write!(f, "{:04}-Q{}", s.year(), s.month0() / 3 + 1),
            Precision::Half => write!(f, "{:04}-H{}", s.year(), s.month0() / 6 + 1),
            Precision::Season => write!(f, "{:04}-{}", s.year(), SEASON_CODES[season_index(s)]),
            Precision::Year => write!(f, "{:04}", s.year()),
        }
    }
}

/// A date label that does not spell a date value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotADateLabel;

impl std::fmt::Display for NotADateLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a date label (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY-SP|SU|FA|WI or YYYY)")
    }
}

impl std::error::Error for NotADateLabel {}

/// Reads what `Display` writes, in either case (`2024-q3` too), with white
/// space around it ignored.
impl std::str::FromStr for DateValue {
    type Err = NotADateLabel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.bytes().any(|b| b.is_ascii_lowercase()) {
            DateValue::from_label(&s.to_ascii_uppercase())
        } else {
            DateValue::from_label(s)
        }
        .ok_or(NotADateLabel)
    }
}
