//! Turning a written form into a calendar value against an anchor (the
//! publication date, or a day stated earlier in the same sentence).

use super::form::{Candidate, Direction, Form, PeriodKind, YearRef};
use super::lexicon::{RelativePhrase, Unit};
use crate::model::{DateValue, Precision, TimeKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// How far after the anchor a yearless date may fall before it is read as
/// last year's: news reports the past, so a "December 28" in a January
/// article is last December. Future clauses look further ahead.
const AHEAD_DAYS_PAST: i64 = 31;
const AHEAD_DAYS_UNMARKED: i64 = 183;
const AHEAD_DAYS_FUTURE: i64 = 300;
/// How far before the anchor a future-tense yearless date may fall before it
/// is read as next year's ("will meet on January 10" in a December article).
const BEHIND_DAYS_FUTURE: i64 = 31;

/// The tense of the clause a date sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Unmarked,
    Future,
}

impl Tense {
    pub fn of(c: &Candidate) -> Tense {
        if c.future {
            Tense::Future
        } else if c.stated_past || c.told_past {
            Tense::Past
        } else {
            Tense::Unmarked
        }
    }
}

/// A resolved value, how it was resolved, and what against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    pub value: Option<DateValue>,
    pub kind: TimeKind,
    pub anchor: Option<NaiveDate>,
}

/// The year a yearless day takes: the anchor's, unless that puts it
/// implausibly far after the anchor (then the year before) or, in a future
/// clause, well before it (then the year after). None when the day does not
/// exist in that year (February 29 of a common year).
pub fn resolve_yearless(
    month: u32,
    day: u32,
    anchor: NaiveDate,
    tense: Tense,
) -> Option<NaiveDate> {
    let y = anchor.year();
    // Compare on a day that exists every year so that Feb 29 can be placed.
    let probe = NaiveDate::from_ymd_opt(y, month, day.min(28))?;
    let delta = (probe - anchor).num_days();
    let ahead_limit = match tense {
        Tense::Past => AHEAD_DAYS_PAST,
        Tense::Unmarked => AHEAD_DAYS_UNMARKED,
        Tense::Future => AHEAD_DAYS_FUTURE,
    };
    let year = if delta > ahead_limit {
        y.checked_sub(1)?
    } else if tense == Tense::Future && delta < -BEHIND_DAYS_FUTURE {
        y.checked_add(1)?
    } else {
        y
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The day a weekday name refers to: in a past or unmarked clause the most
/// recent such day on or before the anchor, in a future clause the next one
/// on or after it; "last"/"next" exclude the anchor day itself.
pub fn resolve_weekday(
    weekday: Weekday,
    anchor: NaiveDate,
    dir: Direction,
    future: bool,
) -> NaiveDate {
    let back = (anchor.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    let ahead = (7 - back) % 7;
    let (back, ahead) = (i64::from(back), i64::from(ahead));
    let offset = match dir {
        Direction::Last => -(if back == 0 { 7 } else { back }),
        Direction::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Direction::ByTense if future => ahead,
        Direction::ByTense => -back,
    };
    anchor
        .checked_add_signed(Duration::days(offset))
        .unwrap_or(anchor)
}

/// Moves `(year, month)` by `delta` months.
fn add_months(year: i32, month: u32, delta: i32) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(delta);
    let y = i32::try_from(index.div_euclid(12)).ok()?;
    Some((y, u32::try_from(index.rem_euclid(12)).ok()? + 1))
}

/// A relative phrase ("last month", "3 days ago") against an anchor day.
pub fn shift(phrase: RelativePhrase, anchor: NaiveDate) -> Option<DateValue> {
    let n = phrase.offset;
    match phrase.unit {
        Unit::Day => anchor
            .checked_add_signed(Duration::try_days(i64::from(n))?)
            .map(DateValue::day),
        Unit::Week => anchor
            .checked_add_signed(Duration::try_days(i64::from(n).saturating_mul(7))?)
            .map(DateValue::week_of),
        Unit::Month => {
            let (y, m) = add_months(anchor.year(), anchor.month(), n)?;
            DateValue::month(y, m)
        }
        Unit::Year => DateValue::year(anchor.year().checked_add(n)?),
    }
}

fn unit_precision(unit: Unit) -> Precision {
    match unit {
        Unit::Day => Precision::Day,
        Unit::Week => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Year => Precision::Year,
    }
}

fn with_assumed(v: Option<DateValue>, assumed: bool) -> Option<DateValue> {
    v.map(|mut v| {
        v.assumed_year |= assumed;
        v
    })
}

/// Quarter, half or season `n` of `year`.
pub fn period_value(kind: PeriodKind, n: u32, year: i32) -> Option<DateValue> {
    match kind {
        PeriodKind::Quarter => DateValue::quarter(year, n),
        PeriodKind::Half => DateValue::half(year, n),
        PeriodKind::Season => DateValue::season(year, n),
    }
}

/// The middle month of a period, and how its label's year differs from
/// that month's year (winter's middle, January, is in the next year).
fn middle_month(kind: PeriodKind, n: u32) -> (u32, i32) {
    match kind {
        PeriodKind::Quarter => (n.saturating_sub(1) * 3 + 2, 0),
        PeriodKind::Half => (n.saturating_sub(1) * 6 + 4, 0),
        PeriodKind::Season if n >= 3 => (1, -1),
        PeriodKind::Season => (n * 3 + 4, 0),
    }
}

/// A quarter, half or season against the anchor (`None`: no anchor, then
/// only a written year resolves it, or the folder's year marked assumed).
pub fn resolve_period(
    kind: PeriodKind,
    n: u32,
    year: YearRef,
    anchor: Option<DateValue>,
    year_hint: Option<i32>,
    tense: Tense,
) -> Option<DateValue> {
    if let YearRef::Given(y) = year {
        return period_value(kind, n, y);
    }
    let Some(a) = anchor else {
        // Only an open year can take the folder's year.
        return match year {
            YearRef::Open => with_assumed(period_value(kind, n, year_hint?), true),
            _ => None,
        };
    };
    let day = a.start;
    let v = match year {
        YearRef::Given(_) => None,
        YearRef::Relative(k) if kind == PeriodKind::Season => {
            // "this winter" in January is the winter that began in December.
            let y = day.year() - i32::from(k == 0 && n == 3 && day.month() <= 2);
            period_value(kind, n, y.checked_add(k)?)
        }
        YearRef::Relative(k) => period_value(kind, n, day.year().checked_add(k)?),
        // The latest one over before the anchor, the first one after it.
        YearRef::Last => (0..=2)
            .filter_map(|back| period_value(kind, n, day.year().checked_sub(back)?))
            .find(|v| v.end() < day),
        YearRef::Next => (-1..=1)
            .filter_map(|ahead| period_value(kind, n, day.year().checked_add(ahead)?))
            .find(|v| v.start > day),
        YearRef::Open if a.precision > Precision::Month => period_value(kind, n, day.year()),
        YearRef::Open => {
            let (month, shift) = middle_month(kind, n);
            let probe = resolve_yearless(month, 15, day, tense)?;
            period_value(kind, n, probe.year().checked_add(shift)?)
        }
    };
    with_assumed(v, a.assumed_year)
}

/// The period a report is about ([`Form::PeriodRef`]): the narrative's last
/// quarter or half (else, for "the quarter" and "the latest period", the
/// last quarter over before the anchor), in the year written or `back`
/// years earlier; "the current quarter" is the anchor's own.
pub fn resolve_period_ref(
    back: i32,
    year: Option<i32>,
    current: bool,
    narrative: Option<DateValue>,
    anchor: Option<DateValue>,
) -> Option<DateValue> {
    let anchor = anchor.filter(|a| a.precision <= Precision::Month);
    let quarter_of = |d: NaiveDate| DateValue::quarter(d.year(), d.month0() / 3 + 1);
    if current {
        return quarter_of(anchor?.start);
    }
    let base = match narrative {
        Some(n) => n,
        None if year.is_none() => {
            let a = anchor?.start;
            let this = quarter_of(a)?;
            quarter_of(this.start.pred_opt()?)?
        }
        None => return None,
    };
    let index = |v: DateValue| match v.precision {
        Precision::Quarter => Some((PeriodKind::Quarter, v.start.month0() / 3 + 1)),
        Precision::Half => Some((PeriodKind::Half, v.start.month0() / 6 + 1)),
        _ => None,
    };
    let (kind, n) = index(base)?;
    let y = year.unwrap_or(base.start.year()).checked_sub(back)?;
    let mut v = period_value(kind, n, y)?;
    v.assumed_year = base.assumed_year && year.is_none();
    Some(v)
}

/// Resolves one candidate.
///
/// `anchor` is the publication date (any precision); `year_hint` is the
/// folder's year (see `assume_folder_year`), used for yearless dates when there is no anchor;
/// `stated_day` is a day written earlier in the same sentence, which
/// anaphoric phrases ("the upcoming week") prefer over the publication date.
pub fn resolve(
    c: &Candidate,
    anchor: Option<DateValue>,
    year_hint: Option<i32>,
    stated_day: Option<NaiveDate>,
) -> Resolved {
    let tense = Tense::of(c);
    let absolute = |value: Option<DateValue>, anchor_day: Option<NaiveDate>| Resolved {
        value,
        kind: TimeKind::Absolute,
        anchor: anchor_day,
    };
    let relative = |value: Option<DateValue>| Resolved {
        value,
        kind: TimeKind::Relative,
        anchor: anchor.map(|a| a.start),
    };
    // The anchor if it is at least as precise as `needed`.
    let precise = |needed: Precision| anchor.filter(|a| a.precision <= needed);
    match c.form {
        Form::Full(d) => absolute(Some(DateValue::day(d)), None),
        Form::MonthYear { year, month } => absolute(DateValue::month(year, month), None),
        Form::Year(y) => absolute(DateValue::year(y), None),
        Form::DayMonth { month, day } => match (precise(Precision::Month), anchor, year_hint) {
            (Some(a), _, _) => absolute(
                with_assumed(
                    resolve_yearless(month, day, a.start, tense).map(DateValue::day),
                    a.assumed_year,
                ),
                Some(a.start),
            ),
            (None, Some(a), _) => absolute(
                with_assumed(
                    NaiveDate::from_ymd_opt(a.start.year(), month, day).map(DateValue::day),
                    a.assumed_year,
                ),
                Some(a.start),
            ),
            (None, None, Some(y)) => absolute(
                with_assumed(
                    NaiveDate::from_ymd_opt(y, month, day).map(DateValue::day),
                    true,
                ),
                None,
            ),
            (None, None, None) => absolute(None, None),
        },
        Form::Month { month } => {
            let year = match (precise(Precision::Month), anchor, year_hint) {
                (Some(a), _, _) => {
                    resolve_yearless(month, 15, a.start, tense).map(|d| (d.year(), a.assumed_year))
                }
                (None, Some(a), _) => Some((a.start.year(), a.assumed_year)),
                (None, None, Some(y)) => Some((y, true)),
                (None, None, None) => None,
            };
            let value =
                year.and_then(|(y, assumed)| with_assumed(DateValue::month(y, month), assumed));
            absolute(value, anchor.map(|a| a.start))
        }
        Form::MonthRelYear { month, offset } => relative(precise(Precision::Year).and_then(|a| {
            let y = a.start.year().checked_add(offset)?;
            with_assumed(DateValue::month(y, month), a.assumed_year)
        })),
        Form::MonthRel { month, dir } => relative(precise(Precision::Month).and_then(|a| {
            let (y, am) = (a.start.year(), a.start.month());
            let year = match dir {
                // This year's month just gone would be "last month":
                // "last February" written in March is a year back.
                Direction::Last if month + 1 >= am => y.checked_sub(1)?,
                Direction::Next if month <= am => y.checked_add(1)?,
                _ => y,
            };
            with_assumed(DateValue::month(year, month), a.assumed_year)
        })),
        Form::Weekday { weekday, dir } => relative(precise(Precision::Day).map(|a| {
            let mut v = DateValue::day(resolve_weekday(weekday, a.start, dir, c.future));
            v.assumed_year = a.assumed_year;
            v
        })),
        Form::Period { kind, n, year } => {
            let absolute = matches!(year, YearRef::Given(_));
            Resolved {
                value: resolve_period(kind, n, year, anchor, year_hint, tense),
                kind: if absolute {
                    TimeKind::Absolute
                } else {
                    TimeKind::Relative
                },
                anchor: (!absolute).then(|| anchor.map(|a| a.start)).flatten(),
            }
        }
        Form::PeriodRef {
            back,
            year,
            current,
        } => relative(resolve_period_ref(back, year, current, None, anchor)),
        Form::Holiday {
            rule,
            year,
            dir,
            week,
        } => {
            let value = |y: i32| {
                rule.date(y).map(|d| {
                    if week {
                        DateValue::week_of(d)
                    } else {
                        DateValue::day(d)
                    }
                })
            };
            match year {
                Some(y) => absolute(value(y), None),
                None => relative(precise(Precision::Month).and_then(|a| {
                    let y = a.start.year();
                    let this = rule.date(y)?;
                    let year = match dir {
                        Direction::Last if this >= a.start => y.checked_sub(1)?,
                        Direction::Next if this <= a.start => y.checked_add(1)?,
                        Direction::Last | Direction::Next => y,
                        Direction::ByTense => {
                            resolve_yearless(this.month(), this.day(), a.start, tense)?.year()
                        }
                    };
                    with_assumed(value(year), a.assumed_year)
                })),
            }
        }
        Form::Reference(r) => Resolved {
            value: None,
            kind: TimeKind::Reference(r),
            anchor: None,
        },
        Form::Relative(phrase) => {
            if let (true, Some(day)) = (phrase.anaphoric, stated_day) {
                let assumed = anchor.is_some_and(|a| a.assumed_year);
                return Resolved {
                    value: with_assumed(shift(phrase, day), assumed),
                    kind: TimeKind::Anaphoric,
                    anchor: Some(day),
                };
            }
            if phrase.narrative {
                return Resolved {
                    value: None,
                    kind: TimeKind::Anaphoric,
                    anchor: None,
                };
            }
            relative(
                precise(unit_precision(phrase.unit))
                    .and_then(|a| with_assumed(shift(phrase, a.start), a.assumed_year)),
            )
        }
    }
}

#[cfg(test)]
mod tests;
