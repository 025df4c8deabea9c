//! The time words of `assets/time_words.txt`, parsed once.
//!
//! Words are data so that a reader can see and extend them without touching
//! the matching code.

use super::holiday::{self, HolidayRule};
use crate::model::TimeRef;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The calendar unit a relative phrase moves by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        match s.trim() {
            "day" => Some(Unit::Day),
            "week" => Some(Unit::Week),
            "month" => Some(Unit::Month),
            "year" => Some(Unit::Year),
            _ => None,
        }
    }
}

/// A fixed relative phrase ("last month") and how it moves from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelativePhrase {
    pub unit: Unit,
    pub offset: i32,
    /// May be anchored on a day stated earlier in the same sentence.
    pub anaphoric: bool,
    /// Only ever anchored on a stated day (same or previous sentence).
    pub narrative: bool,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    /// Written month form (as in the asset, case kept) -> month number.
    pub months: HashMap<String, u32>,
    /// Full month names only (for the "in March" form).
    pub full_months: Vec<String>,
    /// Weekday name -> ISO number (Monday = 1).
    pub weekdays: HashMap<String, u32>,
    /// Lowercase phrase, single-spaced -> its meaning.
    pub relative: HashMap<String, RelativePhrase>,
    /// Lowercase phrase, single-spaced -> the present, past or future it
    /// speaks of without a date ("now", "recently").
    pub references: HashMap<String, TimeRef>,
    /// A named day as written (case kept, see [`super::holiday::key`]) ->
    /// the rule for its day in a year.
    pub holidays: HashMap<String, HolidayRule>,
    pub ago_units: HashMap<String, Unit>,
    pub number_words: HashMap<String, i32>,
    pub modifiers: Vec<String>,
    pub day_parts: Vec<String>,
    pub month_context: Vec<String>,
    pub year_context: Vec<String>,
    pub of_heads: Vec<String>,
    pub to_heads: Vec<String>,
    pub generic_today_heads: Vec<String>,
    pub deferral_verbs: Vec<String>,
    pub since_fillers: Vec<String>,
    pub quantity_nouns: Vec<String>,
    pub season_context: Vec<String>,
    pub year_determiners: Vec<String>,
    pub sport_words: Vec<String>,
    /// Each cue as its lowercase words.
    pub future_cues: Vec<Vec<String>>,
    /// Words that put the date right after them in the future ("until
    /// Tuesday", "by March") unless the clause is told in the past tense.
    pub future_prepositions: Vec<String>,
    pub past_verbs: Vec<String>,
    pub not_past_ed: Vec<String>,
    /// Verbs that report speech ("said", "announced"): their tense dates
    /// the report, not what is reported.
    pub reporting_verbs: Vec<String>,
    /// Participles of planning ("expected", "planned"): "expected in
    /// December" says nothing of whether December is past.
    pub planning_verbs: Vec<String>,
    /// Words after which an "-ed" word is an adjective ("the proposed
    /// merger"), not a verb.
    pub determiners: Vec<String>,
}

pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| parse_lexicon(include_str!("../../../assets/time_words.txt")));

/// Parses the asset format; unknown sections and malformed lines are skipped
/// (a unit test checks that the bundled file has none of those).
pub fn parse_lexicon(text: &str) -> Lexicon {
    let mut lx = Lexicon::default();
    let mut section = String::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
            continue;
        }
        let mut words = line.split_whitespace();
        match section.as_str() {
            "months" => {
                let Some(n) = words.next().and_then(|w| w.parse::<u32>().ok()) else {
                    continue;
                };
                for (i, w) in words.enumerate() {
                    if i == 0 {
                        lx.full_months.push(w.to_string());
                    }
                    lx.months.insert(w.to_string(), n);
                }
            }
            "weekdays" => {
                if let (Some(n), Some(w)) =
                    (words.next().and_then(|w| w.parse().ok()), words.next())
                {
                    lx.weekdays.insert(w.to_string(), n);
                }
            }
            "relative" => {
                let fields: Vec<&str> = line.split('|').map(str::trim).collect();
                let (Some(phrase), Some(unit), Some(offset)) = (
                    fields.first(),
                    fields.get(1).and_then(|u| Unit::parse(u)),
                    fields.get(2).and_then(|o| o.parse::<i32>().ok()),
                ) else {
                    continue;
                };
                let flag = fields.get(3).copied();
                let narrative = flag == Some("narrative");
                let anaphoric = narrative || flag == Some("anaphoric");
                lx.relative.insert(
                    normalise(phrase),
                    RelativePhrase {
                        unit,
                        offset,
                        anaphoric,
                        narrative,
                    },
                );
            }
            "references" => {
                if let Some((phrase, word)) = line.split_once('|')
                    && let Some(r) = TimeRef::from_word(word.trim())
                {
                    lx.references.insert(normalise(phrase), r);
                }
            }
            "holidays" => {
                if let Some((name, rule)) = line.split_once('|')
                    && let Some(rule) = HolidayRule::parse(rule)
                {
                    lx.holidays.insert(holiday::key(name), rule);
                }
            }
            "ago_units" => {
                if let (Some(w), Some(u)) = (words.next(), words.next().and_then(Unit::parse)) {
                    lx.ago_units.insert(w.to_string(), u);
                }
            }
            "number_words" => {
                if let (Some(w), Some(n)) =
                    (words.next(), words.next().and_then(|n| n.parse().ok()))
                {
                    lx.number_words.insert(w.to_string(), n);
                }
            }
            "future_cues" => lx
                .future_cues
                .push(line.split_whitespace().map(str::to_lowercase).collect()),
            "future_prepositions" => lx.future_prepositions.push(line.to_lowercase()),
            "modifiers" => lx.modifiers.push(line.to_lowercase()),
            "day_parts" => lx.day_parts.push(line.to_lowercase()),
            "month_context" => lx.month_context.push(line.to_lowercase()),
            "year_context" => lx.year_context.push(line.to_lowercase()),
            "of_heads" => lx.of_heads.push(line.to_lowercase()),
            "to_heads" => lx.to_heads.push(line.to_lowercase()),
            "generic_today_heads" => lx.generic_today_heads.push(line.to_lowercase()),
            "deferral_verbs" => lx.deferral_verbs.push(line.to_lowercase()),
            "since_fillers" => lx.since_fillers.push(line.to_lowercase()),
            "quantity_nouns" => lx.quantity_nouns.push(line.to_lowercase()),
            "season_context" => lx.season_context.push(line.to_lowercase()),
            "year_determiners" => lx.year_determiners.push(line.to_lowercase()),
            "sport_words" => lx.sport_words.push(line.to_lowercase()),
            "past_verbs" => lx.past_verbs.push(line.to_lowercase()),
            "not_past_ed" => lx.not_past_ed.push(line.to_lowercase()),
            "reporting_verbs" => lx.reporting_verbs.push(line.to_lowercase()),
            "planning_verbs" => lx.planning_verbs.push(line.to_lowercase()),
            "determiners" => lx.determiners.push(line.to_lowercase()),
            _ => {}
        }
    }
    lx
}

/// Lowercase with single spaces: the key form of a relative phrase.
pub fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A regex alternation of `words`, longest first so that "Sept" wins over
/// "Sep" and "the upcoming week" over shorter phrases.
pub fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = words.into_iter().collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v.dedup();
    v.iter()
        .map(|w| {
            w.split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_asset_is_complete() {
        let lx = &*LEXICON;
        assert_eq!(lx.full_months.len(), 12);
        assert_eq!(lx.months.get("Sept"), Some(&9));
        assert_eq!(lx.months.get("May"), Some(&5));
        assert!(!lx.months.contains_key("may"), "months must be capitalised");
        assert_eq!(lx.weekdays.len(), 7);
        assert_eq!(lx.weekdays.get("Sunday"), Some(&7));
        let upcoming = lx.relative["the upcoming week"];
        assert_eq!((upcoming.unit, upcoming.offset), (Unit::Week, 1));
        assert!(upcoming.anaphoric);
        assert!(!lx.relative["last month"].anaphoric);
        let next_day = lx.relative["the next day"];
        assert!(next_day.anaphoric && next_day.narrative);
        assert!(!upcoming.narrative);
        assert_eq!(lx.number_words.get("three"), Some(&3));
        assert_eq!(lx.references.get("now"), Some(&TimeRef::Present));
        assert!(lx.holidays.contains_key("Thanksgiving Day"));
        assert!(lx.holidays.contains_key("New Year's Eve"));
        assert_eq!(lx.references.get("recently"), Some(&TimeRef::Past));
        assert_eq!(lx.references.get("the future"), Some(&TimeRef::Future));
        assert_eq!(lx.ago_units.get("weeks"), Some(&Unit::Week));
        assert!(
            lx.future_cues
                .iter()
                .any(|c| c == &["is", "expected", "to"])
        );
        for list in [
            &lx.modifiers,
            &lx.day_parts,
            &lx.month_context,
            &lx.year_context,
            &lx.of_heads,
            &lx.to_heads,
            &lx.generic_today_heads,
            &lx.deferral_verbs,
            &lx.since_fillers,
            &lx.quantity_nouns,
            &lx.season_context,
            &lx.year_determiners,
            &lx.sport_words,
            &lx.past_verbs,
            &lx.not_past_ed,
            &lx.future_prepositions,
            &lx.reporting_verbs,
            &lx.planning_verbs,
            &lx.determiners,
        ] {
            assert!(!list.is_empty());
        }
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let lx = parse_lexicon(
            "[months]\nx Foo\n13\n[relative]\nnow | eon | 1\n[references]\nnow | later\nsoon\n[holidays]\nYule | 13-40\nFeast\n[weird]\nzzz\n",
        );
        assert!(lx.months.is_empty());
        assert!(lx.relative.is_empty());
        assert!(lx.references.is_empty());
        assert!(lx.holidays.is_empty());
    }

    #[test]
    fn alternation_prefers_longer_forms() {
        assert_eq!(alternation(["Sep", "Sept"]), "Sept|Sep");
        assert_eq!(alternation(["this week"]), r"this\s+week");
    }
}
