//! Quarters, halves, seasons and fiscal years ("the second quarter",
//! "Q3 2023", "fiscal 2022", "the first half of 2018"), told apart from
//! periods of play in a game.

use super::TimeWords;
use super::form::{Form, PeriodKind, YearRef};
use super::groups::{Groups, Name, g, num};
use super::tense::{word_after, word_before};

/// The quarter, half, season and fiscal-year families; None when the match
/// is of another family, Some(None) when it is rejected.
#[allow(clippy::option_option)]
pub(super) fn period_of(
    tw: &TimeWords,
    caps: &Groups,
    text: &str,
) -> Option<Option<(Form, usize)>> {
    let year = |name: Name| num(caps, name).and_then(|y| i32::try_from(y).ok());
    let lower = |name: Name| caps.name(name).map(|m| m.as_str().to_ascii_lowercase());
    let rel = |name: Name| match lower(name).as_deref() {
        Some("last") => Some(-1),
        Some("next") => Some(1),
        Some("this") => Some(0),
        _ => None,
    };
    if let Some(core) = caps.name(g::PQ_CORE) {
        let kind = match lower(g::PQ_UNIT)?.as_str() {
            "half" => PeriodKind::Half,
            _ => PeriodKind::Quarter,
        };
        let ord = lower(g::PQ_ORD)?;
        let given = year(g::PQ_Y1).or(year(g::PQ_Y2)).or(year(g::PQ_Y3));
        let n = match (ord.as_str(), kind) {
            // "the last half of 1989"; "the last quarter" is the one before.
            ("last", PeriodKind::Half) if given.is_some() => 2,
            ("final", PeriodKind::Half) | ("second" | "2nd", _) => 2,
            ("first" | "1st", _) => 1,
            ("third" | "3rd", PeriodKind::Quarter) => 3,
            ("fourth" | "4th" | "final", PeriodKind::Quarter) => 4,
            _ => return Some(None),
        };
        let back = caps.name(g::PQ_BACK).is_some().then_some(-1);
        let year_ref = match (given, back.or(rel(g::PQ_REL)).or(rel(g::PQ_REL2))) {
            (Some(y), _) => YearRef::Given(y),
            (None, Some(k)) => YearRef::Relative(k),
            (None, None) => YearRef::Open,
        };
        // "a first half of the match", "the third quarter of the game":
        // a sports period, not a calendar one.
        let article_a = lower(g::PQ_DET).as_deref() == Some("a");
        if article_a
            || (year_ref == YearRef::Open
                && caps.name(g::PQ_FIS).is_none()
                && (word_after(text, core.end()) == "of" || mentions_sport(tw, text)))
        {
            return Some(None);
        }
        return Some(Some((
            Form::Period {
                kind,
                n,
                year: year_ref,
            },
            core.start(),
        )));
    }
    if let Some(core) = caps.name(g::QQ_CORE) {
        let q = caps.name(g::QQ)?.as_str();
        let (kind, n) = (
            if q.starts_with('H') {
                PeriodKind::Half
            } else {
                PeriodKind::Quarter
            },
            u32::from(q.as_bytes()[1] - b'0'),
        );
        if kind == PeriodKind::Half && n > 2 {
            return Some(None);
        }
        // "Q3" alone is as often a model name as a quarter.
        let Some(y) = year(g::QQ_Y1).or(year(g::QQ_Y2)) else {
            return Some(None);
        };
        return Some(Some((
            Form::Period {
                kind,
                n,
                year: YearRef::Given(y),
            },
            core.start(),
        )));
    }
    if let Some(core) = caps.name(g::PR_CORE) {
        let back = i32::from(
            caps.name(g::PR_BACK).is_some()
                || caps.name(g::PR_YA).is_some()
                || matches!(
                    lower(g::PR_MOD).as_deref(),
                    Some("year-earlier" | "year-ago")
                )
                || caps.name(g::PR_MOD2).is_some()
                || rel(g::PR_REL) == Some(-1),
        );
        let modifier = lower(g::PR_MOD);
        let current = modifier.as_deref() == Some("current");
        let is_period = caps.name(g::PR_UNIT)?.as_str() == "period";
        // "the period" alone is any stretch of time; "the quarter" followed
        // by "of" or a hyphen is a district or a fraction.
        let next = text.get(core.end()..).and_then(|t| t.chars().next());
        if (is_period && modifier.is_none() && back == 0 && caps.name(g::PR_Y).is_none())
            || next == Some('-')
            || word_after(text, core.end()) == "of"
            || mentions_sport(tw, text)
        {
            return Some(None);
        }
        return Some(Some((
            Form::PeriodRef {
                back,
                year: year(g::PR_Y),
                current,
            },
            core.start(),
        )));
    }
    if let Some(core) = caps.name(g::SS_CORE) {
        let n = match lower(g::SS)?.as_str() {
            "spring" => 0,
            "summer" => 1,
            "fall" | "autumn" => 2,
            _ => 3,
        };
        let given = year(g::SS_Y1).or(year(g::SS_Y2));
        let det = lower(g::SS_DET).map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "));
        let year_ref = match (given, det.as_deref()) {
            (Some(y), _) => YearRef::Given(y),
            (None, Some("last" | "this past")) => YearRef::Last,
            (None, Some("next")) => YearRef::Next,
            (None, Some("this")) => YearRef::Relative(0),
            (None, _) => YearRef::Open,
        };
        // Without a year or "this/last/next", a season word is a date only
        // after a time preposition ("in the summer", "during winter"); "the
        // fall of the regime" and "prices fall" are not dates.
        if year_ref == YearRef::Open {
            let before = word_before(text, core.start());
            let after_of = word_after(text, core.end()) == "of";
            let bare_fall_or_spring = det.is_none() && n % 2 == 0;
            if after_of
                || bare_fall_or_spring
                || !tw.lexicon.season_context.iter().any(|w| *w == before)
            {
                return Some(None);
            }
        }
        return Some(Some((
            Form::Period {
                kind: PeriodKind::Season,
                n,
                year: year_ref,
            },
            core.start(),
        )));
    }
    if let Some(core) = caps.name(g::FY_CORE) {
        return Some(year(g::FY_Y).map(|y| (Form::Year(y), core.start())));
    }
    None
}

/// Whether the sentence speaks of a game: then "the third quarter" and
/// "the first half" are periods of play.
pub(super) fn mentions_sport(tw: &TimeWords, text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            tw.lexicon
                .sport_words
                .iter()
                .any(|s| s.eq_ignore_ascii_case(w))
        })
}
