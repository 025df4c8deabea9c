//! The time words of `assets/time_words.txt` (and the user's own), read
//! into a [`Lexicon`] for a [`super::TimeWords`] value.
//!
//! Words are data so that a reader can see and extend them without touching
//! the matching code.

pub use super::alternation::alternation;
use super::holiday::{self, HolidayRule};
use crate::hash::FxMap;
use crate::model::TimeRef;

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
    pub months: FxMap<String, u32>,
    /// Full month names only (for the "in March" form).
    pub full_months: Vec<String>,
    /// Weekday name -> ISO number (Monday = 1).
    pub weekdays: FxMap<String, u32>,
    /// Lowercase phrase, single-spaced -> its meaning.
    pub relative: FxMap<String, RelativePhrase>,
    /// Lowercase phrase, single-spaced -> the present, past or future it
    /// speaks of without a date ("now", "recently").
    pub references: FxMap<String, TimeRef>,
    /// A named day as written (case kept, see [`super::holiday::key`]) ->
    /// the rule for its day in a year.
    pub holidays: FxMap<String, HolidayRule>,
    pub ago_units: FxMap<String, Unit>,
    pub number_words: FxMap<String, i32>,
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

/// Parses the asset format; unknown sections and malformed lines are skipped
/// (a unit test checks that the bundled file has none of those).
pub fn parse_lexicon(text: &str) -> Lexicon {
    let mut lx = Lexicon::default();
    read_into(&mut lx, text);
    lx
}

/// Adds the entries of `text` to `lx`: how many it took, and each line it
/// could not read (its number from 1, and why).
pub(super) fn read_into(lx: &mut Lexicon, text: &str) -> (usize, Vec<(usize, String)>) {
    let mut section = String::new();
    let mut entries = 0;
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
            if !SECTIONS.contains(&name) {
                problems.push((n + 1, format!("unknown section [{name}]")));
            }
            continue;
        }
        match entry(lx, &section, line) {
            Ok(()) => entries += 1,
            Err(why) => problems.push((n + 1, why)),
        }
    }
    (entries, problems)
}

/// Every section the format has.
const SECTIONS: [&str; 27] = [
    "months",
    "weekdays",
    "relative",
    "references",
    "holidays",
    "ago_units",
    "number_words",
    "future_cues",
    "future_prepositions",
    "modifiers",
    "day_parts",
    "month_context",
    "year_context",
    "of_heads",
    "to_heads",
    "generic_today_heads",
    "deferral_verbs",
    "since_fillers",
    "quantity_nouns",
    "season_context",
    "year_determiners",
    "sport_words",
    "past_verbs",
    "not_past_ed",
    "reporting_verbs",
    "planning_verbs",
    "determiners",
];

/// Reads one entry of `section` into `lx`, or says why it cannot.
fn entry(lx: &mut Lexicon, section: &str, line: &str) -> Result<(), String> {
    let mut words = line.split_whitespace();
    let list = |l: &mut Vec<String>| l.push(line.to_lowercase());
    match section {
        "months" => {
            let n = words
                .next()
                .and_then(|w| w.parse::<u32>().ok())
                .filter(|n| (1..=12).contains(n))
                .ok_or("a month is its number (1 to 12), then its written forms")?;
            let forms: Vec<&str> = words.collect();
            if forms.is_empty() {
                return Err(format!("month {n} has no written form"));
            }
            lx.full_months.push(forms[0].to_string());
            for w in forms {
                lx.months.insert(w.to_string(), n);
            }
        }
        "weekdays" => {
            let (Some(n), Some(w)) = (
                words
                    .next()
                    .and_then(|w| w.parse().ok())
                    .filter(|n| (1..=7).contains(n)),
                words.next(),
            ) else {
                return Err("a weekday is its ISO number (Monday = 1), then its name".into());
            };
            lx.weekdays.insert(w.to_string(), n);
        }
        "relative" => {
            let fields: Vec<&str> = line.split('|').map(str::trim).collect();
            let (Some(phrase), Some(unit), Some(offset)) = (
                fields.first().filter(|p| !p.is_empty()),
                fields.get(1).and_then(|u| Unit::parse(u)),
                fields.get(2).and_then(|o| o.parse::<i32>().ok()),
            ) else {
                return Err("a relative phrase is `phrase | unit | offset`, \
                            unit one of day, week, month, quarter, year"
                    .into());
            };
            let flag = fields.get(3).copied();
            if flag.is_some_and(|f| f != "narrative" && f != "anaphoric") {
                return Err("a relative phrase's fourth field is narrative or anaphoric".into());
            }
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
            let Some((phrase, r)) = line
                .split_once('|')
                .and_then(|(p, w)| Some((p, TimeRef::from_word(w.trim())?)))
            else {
                return Err("a reference is `phrase | present`, `| past` or `| future`".into());
            };
            lx.references.insert(normalise(phrase), r);
        }
        "holidays" => {
            let Some((name, rule)) = line
                .split_once('|')
                .and_then(|(n, r)| Some((n, HolidayRule::parse(r)?)))
            else {
                return Err("a holiday is `name | rule` (see the bundled file's rules)".into());
            };
            lx.holidays.insert(holiday::key(name), rule);
        }
        "ago_units" => {
            let (Some(w), Some(u)) = (words.next(), words.next().and_then(Unit::parse)) else {
                return Err("an ago unit is a word, then its unit".into());
            };
            lx.ago_units.insert(w.to_string(), u);
        }
        "number_words" => {
            let (Some(w), Some(n)) = (words.next(), words.next().and_then(|n| n.parse().ok()))
            else {
                return Err("a number word is a word, then its number".into());
            };
            lx.number_words.insert(w.to_string(), n);
        }
        "future_cues" => lx
            .future_cues
            .push(line.split_whitespace().map(str::to_lowercase).collect()),
        "future_prepositions" => list(&mut lx.future_prepositions),
        "modifiers" => list(&mut lx.modifiers),
        "day_parts" => list(&mut lx.day_parts),
        "month_context" => list(&mut lx.month_context),
        "year_context" => list(&mut lx.year_context),
        "of_heads" => list(&mut lx.of_heads),
        "to_heads" => list(&mut lx.to_heads),
        "generic_today_heads" => list(&mut lx.generic_today_heads),
        "deferral_verbs" => list(&mut lx.deferral_verbs),
        "since_fillers" => list(&mut lx.since_fillers),
        "quantity_nouns" => list(&mut lx.quantity_nouns),
        "season_context" => list(&mut lx.season_context),
        "year_determiners" => list(&mut lx.year_determiners),
        "sport_words" => list(&mut lx.sport_words),
        "past_verbs" => list(&mut lx.past_verbs),
        "not_past_ed" => list(&mut lx.not_past_ed),
        "reporting_verbs" => list(&mut lx.reporting_verbs),
        "planning_verbs" => list(&mut lx.planning_verbs),
        "determiners" => list(&mut lx.determiners),
        "" => return Err("an entry before any [section]".into()),
        _ => {
            return Err(format!(
                "no entry can be read in the unknown section [{section}]"
            ));
        }
    }
    Ok(())
}

/// Lowercase with single spaces: the key form of a relative phrase.
pub fn normalise(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for (i, word) in phrase.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Each word lowercased on its own, as the words of a phrase were
        // before they were joined (a final sigma is a word's own).
        if word.is_ascii() {
            out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::dates::TimeWords;

    /// How many entries a user's text holds, or its first mistake.
    fn check_user_words(text: &str) -> Result<usize, String> {
        TimeWords::with_user(text).map(|(_, entries)| entries)
    }

    #[test]
    fn bundled_asset_is_complete() {
        let lx = &crate::parse::dates::builtin_for_tests().lexicon;
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
    fn the_bundled_file_reads_without_a_problem() {
        let (entries, problems) = read_into(
            &mut Lexicon::default(),
            include_str!("../../../../../assets/time_words.txt"),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert!(entries > 300);
    }

    #[test]
    fn a_users_words_are_counted_and_a_mistake_names_its_line() {
        let words = "# Velmoran\n[months]\n1 Jannar Jann\n\n[holidays]\nHarbour Day | 06-21\n\
                     [relative]\nthe morrow | day | 1\n[day_parts]\nforenoon\n";
        assert_eq!(check_user_words(words), Ok(4));
        let mut lx = Lexicon::default();
        read_into(&mut lx, words);
        assert_eq!(lx.months.get("Jann"), Some(&1));
        assert_eq!(lx.relative["the morrow"].offset, 1);
        assert!(lx.day_parts.contains(&"forenoon".to_string()));
        for (text, said) in [
            ("[months]\n13 Smarch\n", "2: a month is its number"),
            ("[months]\n\n3\n", "3: month 3 has no written form"),
            (
                "[relative]\nthe morrow | eon | 1\n",
                "2: a relative phrase is",
            ),
            (
                "[relative]\nthe morrow | day | 1 | soon\n",
                "2: a relative phrase's fourth",
            ),
            ("[references]\nnowadays | later\n", "2: a reference is"),
            ("[holidays]\nHarbour Day\n", "2: a holiday is"),
            ("forenoon\n", "1: an entry before any [section]"),
            ("[weekday]\n1 Mondag\n", "1: unknown section [weekday]"),
        ] {
            let e = check_user_words(text).unwrap_err();
            assert!(e.starts_with(said), "{text:?}: {e}");
        }
    }
}
