//! Finding temporal-expression candidates in one sentence: a single regex
//! pass (one alternation, one named group per family), then checks a regex
//! cannot express cheaply (context words, quantities, calendar validity).
//!
//! Nothing here needs an anchor: a candidate says what was written, the
//! resolver decides what it means.

use super::holiday::{self, HolidayRule};
use super::lexicon::{LEXICON, RelativePhrase, Unit, alternation};
use super::tense::{adjacent_past_verb, clause_is_future, told_as_past, word_after, word_before};
use crate::hash::FxMap;
use crate::model::{Span, TimeRef};
use chrono::{NaiveDate, Weekday};
use regex::Regex;
use regex_automata::util::captures::Captures as GroupSlots;
use regex_automata::{Anchored, Input, meta};
use std::cell::RefCell;
use std::sync::LazyLock;

/// Which occurrence a "last"/"next"/"this" word asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// "last Friday": strictly before the anchor.
    Last,
    /// "next Friday": strictly after the anchor.
    Next,
    /// Bare or "this": the clause's tense decides.
    ByTense,
}

/// What was written, before any anchor is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A complete calendar date ("April 17, 2025", "2025-04-17").
    Full(NaiveDate),
    /// A day and month without a year ("April 27", "28 February").
    DayMonth {
        month: u32,
        day: u32,
    },
    MonthYear {
        year: i32,
        month: u32,
    },
    /// "August last year": a month in a year given relative to the anchor.
    MonthRelYear {
        month: u32,
        offset: i32,
    },
    /// "last August", "next March".
    MonthRel {
        month: u32,
        dir: Direction,
    },
    /// A month alone in a date context ("in March").
    Month {
        month: u32,
    },
    Year(i32),
    Weekday {
        weekday: Weekday,
        dir: Direction,
    },
    Relative(RelativePhrase),
    /// A named day ("Thanksgiving", "last Christmas", "Easter week",
    /// "Christmas 2031"); `week` for the week it is in.
    Holiday {
        rule: HolidayRule,
        year: Option<i32>,
        dir: Direction,
        week: bool,
    },
    /// The present, the past or the future with no date ("now",
    /// "recently", "in the future").
    Reference(TimeRef),
    /// A quarter, half or season: "the third quarter", "Q3 2023", "the
    /// first half of 2018", "last summer", "fourth-quarter".
    Period {
        kind: PeriodKind,
        /// 1-4 for quarters, 1-2 for halves, 0 (spring) to 3 (winter).
        n: u32,
        year: YearRef,
    },
    /// The period a report is about, named without its number: "the
    /// quarter", "the latest period", "the year-ago quarter", "the 1988
    /// period". `back` years before the narrative's last quarter or half;
    /// `year` when written; `current` for "the current quarter".
    PeriodRef {
        back: i32,
        year: Option<i32>,
        current: bool,
    },
}

/// Which calendar period a [`Form::Period`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Quarter,
    Half,
    Season,
}

/// The year of a period as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// "of 2018", "Q3 2023", "the 1988 second quarter".
    Given(i32),
    /// "last year's third quarter" (-1), "next year's first quarter" (+1).
    Relative(i32),
    /// "last summer": the latest one over before the anchor.
    Last,
    /// "next spring": the first one to start after the anchor.
    Next,
    /// No year: the anchor and the clause's tense decide.
    Open,
}

/// A temporal expression as found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Byte span in the raw text: modifiers kept, a bare preposition left out.
    pub span: Span,
    pub form: Form,
    pub sentence: u32,
    /// The clause speaks of the future ("will meet on Friday"). Read only
    /// where it counts (see `tense_matters`, and a date after "on"); false
    /// elsewhere.
    pub future: bool,
    /// "on <date>" in a sentence with a past-tense verb and a clause not in
    /// the future: evidence that the day had passed when the text was written.
    pub stated_past: bool,
}

/// Day of month, with an optional ordinal suffix.
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?-u:\b)";
/// A plausible year for news text.
const YEAR: &str = r"(?:1[89][0-9]{2}|20[0-9]{2})(?-u:\b)";

/// The date families as regex sources, in priority order: joined with `|`
/// they are the one date pattern.
static FAMILIES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let lx = &*LEXICON;
    // Only abbreviations take a dot, so a sentence's full stop stays out.
    let abbreviations = lx
        .months
        .keys()
        .filter(|m| !lx.full_months.contains(m))
        .map(String::as_str);
    let month = format!(
        r"(?:(?:{})(?-u:\b)|(?:{})(?-u:\b)\.?)",
        alternation(lx.full_months.iter().map(String::as_str)),
        alternation(abbreviations)
    );
    let full_month = format!(
        r"(?:{})(?-u:\b)",
        alternation(lx.full_months.iter().map(String::as_str))
    );
    let weekday = format!(
        r"(?:{})(?-u:\b)",
        alternation(lx.weekdays.keys().map(String::as_str))
    );
    let modifier = format!(
        r"(?:(?i:{})(?:\s+(?i:on))?\s+|(?i:mid)-\s*)",
        alternation(lx.modifiers.iter().map(String::as_str))
    );
    let relative = alternation(lx.relative.keys().map(String::as_str));
    let reference_forms = with_capitals(lx.references.keys().map(String::as_str));
    let references = alternation(reference_forms.iter().map(String::as_str));
    let spelled = |keep: fn(i32) -> bool| {
        alternation(
            lx.number_words
                .iter()
                .filter(|(w, n)| keep(**n) && w.len() > 2)
                .map(|(w, _)| w.as_str()),
        )
    };
    let unit_words = spelled(|n| (1..=9).contains(&n));
    let teen_words = spelled(|n| (10..=19).contains(&n));
    let tens_words = spelled(|n| n >= 20 && n % 10 == 0);
    let holidays = alternation(lx.holidays.keys().map(String::as_str)).replace('\'', "['’]");
    let numbers = alternation(lx.number_words.keys().map(String::as_str));
    let units = alternation(lx.ago_units.keys().map(String::as_str));
    let parts = alternation(lx.day_parts.iter().map(String::as_str));
    let b = r"(?-u:\b)";
    let alternatives = [
        format!(
            r"{b}(?P<iso_y>{YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01]){b}"
        ),
        format!(
            r"{b}(?P<num_a>[0-9]{{1,2}})(?P<num_s1>[./])(?P<num_b>[0-9]{{1,2}})(?P<num_s2>[./])(?P<num_y>{YEAR})"
        ),
        format!(
            r"(?P<mf_mod>{modifier})?(?P<mf_core>{b}(?:(?P<mf_wd>{weekday}),?\s+)?(?P<mf_m>{month})\s+(?P<mf_d>{DAY})(?:,?\s+(?P<mf_y>{YEAR}))?)"
        ),
        format!(
            r"(?P<df_mod>{modifier})?(?P<df_core>{b}(?:(?P<df_wd>{weekday}),?\s+)?(?:the\s+)?(?P<df_d>{DAY})(?:\s+of)?\s+(?P<df_m>{month})(?:,?\s+(?P<df_y>{YEAR}))?)"
        ),
        format!(
            r"(?P<pq_mod>{modifier})?(?P<pq_core>{b}(?:(?P<pq_det>(?i:the|this|last|next|its|a|that))\s+)?(?:(?P<pq_back>(?i:year-ago|year-earlier|comparable\s+year-ago|comparable\s+year-earlier))\s+)?(?:(?P<pq_y1>{YEAR})(?:'s|’s)?\s+|(?P<pq_rel>(?i:this|last|next))\s+year(?:'s|’s)\s+)?(?:(?P<pq_fis>(?i:fiscal))[\s-]+)?(?P<pq_ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last))[\s-]+(?:(?i:fiscal)\s+)?(?P<pq_unit>(?i:quarter|half)){b}(?:\s+of\s+(?:(?P<pq_y2>{YEAR})|(?P<pq_rel2>(?i:this|last|next))\s+year{b}|the\s+(?:current\s+|fiscal\s+)?year{b}))?(?:,?\s+(?P<pq_y3>{YEAR}))?)"
        ),
        format!(
            r"(?P<qq_core>{b}(?:(?P<qq_y1>{YEAR})[\s-])?(?P<qq>[QH][1-4]){b}(?:\s*(?P<qq_y2>{YEAR}))?)"
        ),
        format!(
            r"(?P<pr_core>{b}(?:(?:(?i:the|this|that|its))\s+(?:(?P<pr_y>{YEAR})\s+|(?P<pr_mod>(?i:latest|current|same|comparable|corresponding|previous|year-earlier|year-ago))\s+(?:(?P<pr_mod2>(?i:year-earlier|year-ago))\s+)?)?|(?P<pr_rel>(?i:last|this))\s+year(?:'s|’s)\s+|(?P<pr_ya>(?i:year-earlier|year-ago))\s+)(?P<pr_unit>quarter|period){b}(?P<pr_back>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year){b})?)"
        ),
        format!(
            r"(?P<ss_core>{b}(?:(?P<ss_det>(?i:this\s+past|this|last|next|the|early|late|mid))[\s-]+)?(?P<ss>(?i:spring|summer|fall|autumn|winter)){b}(?:\s+of\s+(?P<ss_y1>{YEAR})|,?\s+(?P<ss_y2>{YEAR}))?)"
        ),
        format!(r"(?P<fy_core>{b}(?i:fiscal)(?:\s+(?i:year))?\s+(?P<fy_y>{YEAR}))"),
        format!(
            r"(?P<my_mod>{modifier})?(?P<my_core>{b}(?P<my_m>{month})(?:,?\s+(?P<my_y>{YEAR})|\s+(?P<my_rel>(?i:last|this|next))\s+(?i:year){b}))"
        ),
        format!(r"(?P<rm_core>{b}(?P<rm_rel>(?i:last|this|next))\s+(?P<rm_m>{full_month}))"),
        format!(r"(?P<rel_mod>{modifier})?(?P<rel_core>{b}(?P<rel>(?i:{relative})){b})"),
        format!(
            r"(?P<ago_core>{b}(?P<ago_n>[0-9]{{1,3}}|(?i:{numbers}))\s+(?P<ago_u>(?i:{units}))\s+(?P<ago_w>(?i:ago|later|earlier)){b})"
        ),
        format!(
            r"(?P<wd_mod>{modifier})?(?P<wd_core>{b}(?:(?P<wd_dir>(?i:last|next|this))\s+)?(?P<wd>{weekday})(?:\s+(?P<wd_part>(?i:{parts})){b})?)"
        ),
        format!(
            r"(?P<sy_core>{b}(?:(?P<sy_m>{full_month})\s+)?(?P<sy_the>[Tt]he\s+year\s+)?(?:(?P<sy_c>[Nn]ineteen|[Tt]wenty)[\s-]+(?:(?P<sy_tens>{tens_words})(?:[\s-]+(?P<sy_unit>{unit_words}))?|(?P<sy_teen>{teen_words}))|(?P<sy_k>[Tt]wo\s+thousand)(?:\s+(?:and\s+)?(?P<sy_unit2>{unit_words}))?){b})"
        ),
        format!(r"(?P<cm_mod>{modifier})?(?P<cm_core>{b}(?P<cm_m>{full_month}))"),
        format!(
            r"(?P<hd_core>{b}(?:(?P<hd_dir>(?i:last|next|this))\s+)?(?P<hd>{holidays}){b}(?P<hd_week>\s+week{b})?(?:,?\s+(?P<hd_y>{YEAR}))?)"
        ),
        format!(r"(?P<yr_core>{b}(?P<yr>{YEAR}))"),
        format!(r"(?P<rf_core>{b}(?:{references}){b})"),
    ];
    alternatives.into()
});

/// Each of `words` as written (lowercase) and capitalised, as a sentence
/// opens with it: matching these costs the one pattern less than ignoring
/// case.
fn with_capitals<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    words
        .into_iter()
        .flat_map(|w| {
            let mut chars = w.chars();
            let capital = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default();
            [w.to_string(), capital]
        })
        .collect()
}

/// The whole date pattern: every family as one alternation.
static PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&FAMILIES.join("|")).expect("date pattern compiles"));

/// The date pattern split so that groups are cheap to read.
///
/// Reading groups from the one big pattern costs a backtracking search
/// over its whole NFA (hundreds of alternatives) per match. Instead,
/// `any` (the families as one multi-pattern regex, earlier families
/// first, so it finds exactly the matches of [`PATTERN`]) finds each match
/// and which family it is, and only that family's own small regex reads
/// the groups, anchored on the match.
struct Families {
    any: meta::Regex,
    each: Vec<meta::Regex>,
    /// Each family's group names and indices: form_of asks for many names a
    /// family does not have, and the regex's own name table hashes slowly.
    names: Vec<FxMap<String, usize>>,
    /// The stem of every group name of a family ("mf" of "mf_core", "wd" of
    /// "wd" and "wd_dir"), so that asking a family for another family's
    /// group costs no hashing; empty when the names share none.
    prefixes: Vec<String>,
}

static SPLIT: LazyLock<Families> = LazyLock::new(|| {
    let any = meta::Regex::builder()
        .configure(
            meta::Config::new()
                .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit),
        )
        .build_many(&FAMILIES)
        .expect("date pattern compiles");
    // A family's regex only ever runs anchored on a known match, so it needs
    // no lazy DFA (and no reverse NFA for one): that halves its build.
    let each: Vec<meta::Regex> = FAMILIES
        .iter()
        .map(|f| {
            meta::Regex::builder()
                .configure(meta::Config::new().hybrid(false))
                .build(f)
                .expect("date pattern compiles")
        })
        .collect();
    let names = each
        .iter()
        .map(|r| {
            r.group_info()
                .pattern_names(regex_automata::PatternID::ZERO)
                .enumerate()
                .filter_map(|(i, n)| Some((n?.to_string(), i)))
                .collect()
        })
        .collect::<Vec<FxMap<String, usize>>>();
    let prefixes = names
        .iter()
        .map(|n| {
            let mut common: Option<&str> = None;
            for name in n.keys() {
                let p = name.split_once('_').map_or(name.as_str(), |(p, _)| p);
                common = match common {
                    None => Some(p),
                    Some(c) if c == p => Some(c),
                    // Mixed prefixes: no shortcut for this family.
                    Some(_) => Some(""),
                };
            }
            common.unwrap_or("").to_string()
        })
        .collect();
    Families {
        any,
        each,
        names,
        prefixes,
    }
});

/// Search state for [`SPLIT`], one per thread: the regexes' own cache pools
/// serve only their first thread quickly.
struct Caches {
    any: meta::Cache,
    each: Vec<(meta::Cache, GroupSlots)>,
}

thread_local! {
    static CACHES: RefCell<Caches> = RefCell::new(Caches {
        any: SPLIT.any.create_cache(),
        each: SPLIT
            .each
            .iter()
            .map(|r| (r.create_cache(), r.create_captures()))
            .collect(),
    });
}

/// One group of a match: where it starts and what it says.
#[derive(Debug, Clone, Copy)]
struct Group<'t> {
    start: usize,
    text: &'t str,
}

impl<'t> Group<'t> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
    fn as_str(&self) -> &'t str {
        self.text
    }
}

/// The named groups of one match, from whichever regex read them.
enum Groups<'a, 't> {
    /// A family's own regex (the usual case), with its group names.
    Family(&'t str, &'a GroupSlots, &'a FxMap<String, usize>, &'a str),
    /// The whole pattern, should a family's regex ever disagree with `any`.
    Whole(regex::Captures<'t>),
}

impl<'t> Groups<'_, 't> {
    fn name(&self, name: &str) -> Option<Group<'t>> {
        match self {
            Groups::Family(text, slots, names, prefix) => {
                let own = name
                    .strip_prefix(*prefix)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('_'));
                if !prefix.is_empty() && !own {
                    return None;
                }
                let span = slots.get_group(*names.get(name)?)?;
                Some(Group {
                    start: span.start,
                    text: text.get(span.range())?,
                })
            }
            Groups::Whole(caps) => caps.name(name).map(|m| Group {
                start: m.start(),
                text: m.as_str(),
            }),
        }
    }
}

/// Every candidate in `raw[sentence]`, in text order. `index` is the
/// sentence's position, recorded on each candidate.
pub fn find_in_sentence(raw: &str, sentence: Span, index: u32) -> Vec<Candidate> {
    let Some(text) = raw.get(sentence.range()) else {
        return Vec::new();
    };
    let base = sentence.start as usize;
    let mut out = Vec::new();
    CACHES.with_borrow_mut(|caches| {
        let mut at = 0;
        while at <= text.len() {
            let input = Input::new(text).span(at..text.len());
            let Some(m) = SPLIT.any.search_with(&mut caches.any, &input) else {
                break;
            };
            let (start, end) = (m.start(), m.end());
            // No family matches the empty string; step past one anyway so
            // the loop always ends.
            at = if end > start {
                end
            } else {
                let next = text.get(end..).and_then(|t| t.chars().next());
                end + next.map_or(1, char::len_utf8)
            };
            let (cache, slots) = &mut caches.each[m.pattern().as_usize()];
            let family = &SPLIT.each[m.pattern().as_usize()];
            let on_match = Input::new(text).span(start..end).anchored(Anchored::Yes);
            family.search_captures_with(cache, &on_match, slots);
            let caps = if slots.get_match().map(|g| g.range()) == Some(start..end) {
                let i = m.pattern().as_usize();
                Groups::Family(text, slots, &SPLIT.names[i], &SPLIT.prefixes[i])
            } else {
                match PATTERN.captures_at(text, start) {
                    Some(c) => Groups::Whole(c),
                    None => continue,
                }
            };
            if let Some((form, future, stated_past)) = judge(text, &caps, start, end) {
                out.push(Candidate {
                    span: Span::new(base + start, base + end),
                    form,
                    sentence: index,
                    future,
                    stated_past,
                });
            }
        }
    });
    out
}

/// What the match at `start..end` of `text` says: its form, whether its
/// clause is future and whether it is stated as past; None rejects it.
fn judge(text: &str, caps: &Groups, start: usize, end: usize) -> Option<(Form, bool, bool)> {
    let (form, core_start) = form_of(caps, text, start)?;
    let after_on = word_before(text, core_start) == "on";
    // Reading the clause costs more than the rest of the match: do it only
    // where the value or the inference reads it.
    // "since March" looks back whatever the clause goes on to say.
    let future = (after_on || tense_matters(form))
        && word_before(text, start) != "since"
        && !adjacent_past_verb(text, start, end)
        && (clause_is_future(text, start, end) || after_future_preposition(text, start, end));
    let stated_past = after_on && !future && told_as_past(text, start, end);
    Some((form, future, stated_past))
}

/// "until Tuesday", "by March": a date after a word of
/// `[future_prepositions]`, in a sentence not told in the past tense.
fn after_future_preposition(text: &str, start: usize, end: usize) -> bool {
    let before = word_before(text, start);
    LEXICON.future_prepositions.iter().any(|p| *p == before) && !told_as_past(text, start, end)
}

/// Whether a form's value depends on its clause's tense: a day, month or
/// period without its year, and a weekday, which the tense places before or
/// after the anchor.
fn tense_matters(form: Form) -> bool {
    match form {
        Form::DayMonth { .. } | Form::Month { .. } | Form::Weekday { .. } => true,
        Form::Holiday { year, .. } => year.is_none(),
        Form::Period { year, .. } => !matches!(year, YearRef::Given(_)),
        _ => false,
    }
}

fn num(caps: &Groups, name: &str) -> Option<i64> {
    leading_number(caps.name(name)?.as_str())
}

/// The number the leading ASCII digits of `s` spell ("17th" -> 17); None
/// without digits or on overflow, as `str::parse` on those digits gives.
fn leading_number(s: &str) -> Option<i64> {
    let mut n: Option<i64> = None;
    for d in s.bytes().take_while(u8::is_ascii_digit) {
        n = Some(
            n.unwrap_or(0)
                .checked_mul(10)?
                .checked_add(i64::from(d - b'0'))?,
        );
    }
    n
}

fn month_of(caps: &Groups, name: &str) -> Option<u32> {
    let s = caps.name(name)?.as_str().trim_end_matches('.');
    LEXICON.months.get(s).copied()
}

fn weekday_of(caps: &Groups, name: &str) -> Option<Weekday> {
    let n = *LEXICON.weekdays.get(caps.name(name)?.as_str())?;
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    })
}

fn direction_of(caps: &Groups, name: &str) -> Direction {
    match caps.name(name).map(|m| m.as_str()) {
        Some(w) if w.eq_ignore_ascii_case("last") => Direction::Last,
        Some(w) if w.eq_ignore_ascii_case("next") => Direction::Next,
        _ => Direction::ByTense,
    }
}

/// A day and month that exist in some year (Feb 29 included).
fn valid_day_month(month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, month, day).is_some()
}

/// A weekday prefix must agree with the date it names.
fn weekday_agrees(caps: &Groups, name: &str, date: NaiveDate) -> bool {
    use chrono::Datelike;
    weekday_of(caps, name).is_none_or(|w| w == date.weekday())
}

/// Interprets one match; None rejects it. Returns the form and where the
/// date proper (after any modifier) starts in `text`.
fn form_of(caps: &Groups, text: &str, whole_start: usize) -> Option<(Form, usize)> {
    let core = |name: &str| caps.name(name).map(|m| m.start());
    if caps.name("iso_y").is_some() {
        let d = NaiveDate::from_ymd_opt(
            num(caps, "iso_y")? as i32,
            num(caps, "iso_m")? as u32,
            num(caps, "iso_d")? as u32,
        )?;
        return Some((Form::Full(d), whole_start));
    }
    if caps.name("num_y").is_some() {
        if caps.name("num_s1")?.as_str() != caps.name("num_s2")?.as_str() {
            return None;
        }
        let (a, b) = (num(caps, "num_a")? as u32, num(caps, "num_b")? as u32);
        // Day-first and month-first orders both occur; only take a date
        // when just one reading is valid, or both give the same day.
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            (false, false) if a == b => (a, b),
            _ => return None,
        };
        let d = NaiveDate::from_ymd_opt(num(caps, "num_y")? as i32, month, day)?;
        return Some((Form::Full(d), whole_start));
    }
    for (m, d, y, wd, c) in [
        ("mf_m", "mf_d", "mf_y", "mf_wd", "mf_core"),
        ("df_m", "df_d", "df_y", "df_wd", "df_core"),
    ] {
        if caps.name(m).is_none() {
            continue;
        }
        let month = month_of(caps, m)?;
        let day = num(caps, d)? as u32;
        let form = match num(caps, y) {
            Some(year) => {
                let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
                if !weekday_agrees(caps, wd, date) {
                    return None;
                }
                Form::Full(date)
            }
            None if valid_day_month(month, day) => Form::DayMonth { month, day },
            None => return None,
        };
        return Some((form, core(c)?));
    }
    if let Some(found) = period_of(caps, text) {
        return found;
    }
    if caps.name("my_m").is_some() {
        let month = month_of(caps, "my_m")?;
        let form = match num(caps, "my_y") {
            Some(year) => Form::MonthYear {
                year: year as i32,
                month,
            },
            None => Form::MonthRelYear {
                month,
                offset: match direction_of(caps, "my_rel") {
                    Direction::Last => -1,
                    Direction::Next => 1,
                    Direction::ByTense => 0,
                },
            },
        };
        return Some((form, core("my_core")?));
    }
    if caps.name("rm_m").is_some() {
        let form = Form::MonthRel {
            month: month_of(caps, "rm_m")?,
            dir: direction_of(caps, "rm_rel"),
        };
        return Some((form, core("rm_core")?));
    }
    if let Some(rel) = caps.name("rel") {
        let phrase = LEXICON
            .relative
            .get(&super::lexicon::normalise(rel.as_str()))?;
        return Some((Form::Relative(*phrase), core("rel_core")?));
    }
    if caps.name("ago_u").is_some() {
        let n_text = caps.name("ago_n")?.as_str();
        let n = match n_text.parse::<i32>() {
            Ok(n) => n,
            Err(_) => *LEXICON.number_words.get(&n_text.to_lowercase())?,
        };
        let unit: Unit = *LEXICON
            .ago_units
            .get(&caps.name("ago_u")?.as_str().to_lowercase())?;
        // "three years later" counts from the narrative's last date, never
        // from the day of writing; "two days ago" from the day of writing.
        let ago = caps
            .name("ago_w")
            .is_none_or(|w| w.as_str().eq_ignore_ascii_case("ago"));
        let later = caps
            .name("ago_w")
            .is_some_and(|w| w.as_str().eq_ignore_ascii_case("later"));
        let phrase = RelativePhrase {
            unit,
            offset: if later { n } else { n.saturating_neg() },
            anaphoric: !ago,
            narrative: !ago,
        };
        return Some((Form::Relative(phrase), core("ago_core")?));
    }
    if caps.name("wd").is_some() {
        let form = Form::Weekday {
            weekday: weekday_of(caps, "wd")?,
            dir: direction_of(caps, "wd_dir"),
        };
        return Some((form, core("wd_core")?));
    }
    if caps.name("cm_m").is_some() {
        let start = core("cm_core")?;
        let context = word_before(text, start);
        let context = context.trim_end_matches('-');
        if caps.name("cm_mod").is_none() && !LEXICON.month_context.iter().any(|w| w == context) {
            return None;
        }
        return Some((
            Form::Month {
                month: month_of(caps, "cm_m")?,
            },
            start,
        ));
    }
    if let Some(y) = caps.name("yr") {
        return year_in_context(text, y.start(), y.end()).map(|year| (Form::Year(year), y.start()));
    }
    if let Some(core) = caps.name("sy_core") {
        return spelled_year(caps, text, core.end()).map(|form| (form, core.start()));
    }
    if let Some(h) = caps.name("hd") {
        let rest = caps.name("hd_core")?;
        // "Easter Island", "Christmas Carol": part of another name.
        let next = text.get(rest.end()..)?.trim_start_matches([' ', '\t']);
        if next.starts_with(char::is_uppercase) {
            return None;
        }
        let form = Form::Holiday {
            rule: *LEXICON.holidays.get(&holiday::key(h.as_str()))?,
            year: num(caps, "hd_y").and_then(|y| i32::try_from(y).ok()),
            dir: direction_of(caps, "hd_dir"),
            week: caps.name("hd_week").is_some(),
        };
        return Some((form, rest.start()));
    }
    if let Some(r) = caps.name("rf_core") {
        // "Now, he says ...": a sentence opened by "Now," turns the
        // discourse, it does not point at the present.
        let opens = text
            .get(..r.start())?
            .trim_start_matches(|c: char| c.is_whitespace() || "\"'“‘`".contains(c))
            .is_empty();
        if opens && r.as_str().eq_ignore_ascii_case("now") && text.get(r.end()..)?.starts_with(',')
        {
            return None;
        }
        let reference = LEXICON
            .references
            .get(&super::lexicon::normalise(r.as_str()))?;
        return Some((Form::Reference(*reference), r.start()));
    }
    None
}

/// A year written out: "nineteen ninety-six", "January nineteen
/// ninety-seven", "the year two thousand". "two thousand" alone is a count
/// unless "the year" or a month comes before it, or it ends a phrase after
/// a year's context word ("by two thousand.").
fn spelled_year(caps: &Groups, text: &str, end: usize) -> Option<Form> {
    let word = |name: &str| -> Option<i32> {
        let w = caps.name(name)?.as_str().to_lowercase();
        LEXICON.number_words.get(&w).copied()
    };
    let year = match caps.name("sy_c") {
        Some(c) => {
            let century = if c.as_str().eq_ignore_ascii_case("nineteen") {
                1900
            } else {
                2000
            };
            century
                + word("sy_teen")
                    .unwrap_or_else(|| word("sy_tens").unwrap_or(0) + word("sy_unit").unwrap_or(0))
        }
        None => {
            let start = caps.name("sy_k")?.start();
            let ends_phrase = !text
                .get(end..)?
                .trim_start()
                .starts_with(char::is_alphanumeric);
            let in_context = LEXICON
                .year_context
                .iter()
                .any(|w| *w == word_before(text, start));
            let named = caps.name("sy_the").is_some() || caps.name("sy_m").is_some();
            if !(named || (ends_phrase && in_context)) {
                return None;
            }
            2000 + word("sy_unit2").unwrap_or(0)
        }
    };
    match caps.name("sy_m") {
        Some(_) => Some(Form::MonthYear {
            year,
            month: month_of(caps, "sy_m")?,
        }),
        None => Some(Form::Year(year)),
    }
}

/// The quarter, half, season and fiscal-year families; None when the match
/// is of another family, Some(None) when it is rejected.
#[allow(clippy::option_option)]
fn period_of(caps: &Groups, text: &str) -> Option<Option<(Form, usize)>> {
    let year = |name: &str| num(caps, name).and_then(|y| i32::try_from(y).ok());
    let lower = |name: &str| caps.name(name).map(|m| m.as_str().to_ascii_lowercase());
    let rel = |name: &str| match lower(name).as_deref() {
        Some("last") => Some(-1),
        Some("next") => Some(1),
        Some("this") => Some(0),
        _ => None,
    };
    if let Some(core) = caps.name("pq_core") {
        let kind = match lower("pq_unit")?.as_str() {
            "half" => PeriodKind::Half,
            _ => PeriodKind::Quarter,
        };
        let ord = lower("pq_ord")?;
        let given = year("pq_y1").or(year("pq_y2")).or(year("pq_y3"));
        let n = match (ord.as_str(), kind) {
            // "the last half of 1989"; "the last quarter" is the one before.
            ("last", PeriodKind::Half) if given.is_some() => 2,
            ("final", PeriodKind::Half) | ("second" | "2nd", _) => 2,
            ("first" | "1st", _) => 1,
            ("third" | "3rd", PeriodKind::Quarter) => 3,
            ("fourth" | "4th" | "final", PeriodKind::Quarter) => 4,
            _ => return Some(None),
        };
        let back = caps.name("pq_back").is_some().then_some(-1);
        let year_ref = match (given, back.or(rel("pq_rel")).or(rel("pq_rel2"))) {
            (Some(y), _) => YearRef::Given(y),
            (None, Some(k)) => YearRef::Relative(k),
            (None, None) => YearRef::Open,
        };
        // "a first half of the match", "the third quarter of the game":
        // a sports period, not a calendar one.
        let article_a = lower("pq_det").as_deref() == Some("a");
        if article_a
            || (year_ref == YearRef::Open
                && caps.name("pq_fis").is_none()
                && (word_after(text, core.end()) == "of" || mentions_sport(text)))
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
    if let Some(core) = caps.name("qq_core") {
        let q = caps.name("qq")?.as_str();
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
        let Some(y) = year("qq_y1").or(year("qq_y2")) else {
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
    if let Some(core) = caps.name("pr_core") {
        let back = i32::from(
            caps.name("pr_back").is_some()
                || caps.name("pr_ya").is_some()
                || matches!(
                    lower("pr_mod").as_deref(),
                    Some("year-earlier" | "year-ago")
                )
                || caps.name("pr_mod2").is_some()
                || rel("pr_rel") == Some(-1),
        );
        let modifier = lower("pr_mod");
        let current = modifier.as_deref() == Some("current");
        let is_period = caps.name("pr_unit")?.as_str() == "period";
        // "the period" alone is any stretch of time; "the quarter" followed
        // by "of" or a hyphen is a district or a fraction.
        let next = text.get(core.end()..).and_then(|t| t.chars().next());
        if (is_period && modifier.is_none() && back == 0 && caps.name("pr_y").is_none())
            || next == Some('-')
            || word_after(text, core.end()) == "of"
            || mentions_sport(text)
        {
            return Some(None);
        }
        return Some(Some((
            Form::PeriodRef {
                back,
                year: year("pr_y"),
                current,
            },
            core.start(),
        )));
    }
    if let Some(core) = caps.name("ss_core") {
        let n = match lower("ss")?.as_str() {
            "spring" => 0,
            "summer" => 1,
            "fall" | "autumn" => 2,
            _ => 3,
        };
        let given = year("ss_y1").or(year("ss_y2"));
        let det = lower("ss_det").map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "));
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
                || !LEXICON.season_context.iter().any(|w| *w == before)
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
    if let Some(core) = caps.name("fy_core") {
        return Some(year("fy_y").map(|y| (Form::Year(y), core.start())));
    }
    None
}

/// Whether the sentence speaks of a game: then "the third quarter" and
/// "the first half" are periods of play.
fn mentions_sport(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            LEXICON
                .sport_words
                .iter()
                .any(|s| s.eq_ignore_ascii_case(w))
        })
}

/// A bare number is a year only in a date context ("in 2014", "the 2022
/// talks", "Ruritania's 2014 annexation") and not when it counts something.
fn year_in_context(text: &str, start: usize, end: usize) -> Option<i32> {
    let lx = &*LEXICON;
    let year: i32 = text.get(start..end)?.parse().ok()?;
    let prev_char = text.get(..start)?.chars().next_back();
    let after_prefix = prev_char == Some('-')
        && matches!(
            word_before(text, start).trim_end_matches('-'),
            "mid" | "post" | "pre"
        );
    if after_prefix {
        return Some(year);
    }
    if matches!(
        prev_char,
        Some('$' | '€' | '£' | '#' | '-' | '/' | '.' | ',')
    ) {
        return None;
    }
    let mut next = text.get(end..)?.chars();
    match (next.next(), next.next()) {
        (Some('%'), _) => return None,
        (Some('.' | ',' | ':'), Some(c)) if c.is_ascii_digit() => return None,
        _ => {}
    }
    let following = word_after(text, end);
    let singular = following.strip_suffix('s').unwrap_or(&following);
    if lx
        .quantity_nouns
        .iter()
        .any(|q| *q == following || q == singular)
    {
        return None;
    }
    let before = word_before(text, start);
    let before = before.trim_end_matches('-');
    let possessive = before.ends_with("'s") || before.ends_with("’s") || before.ends_with("s'");
    let context = lx.year_context.iter().any(|w| w == before);
    // A determiner before a year that modifies a noun: "a 1996 law", "its
    // 1988 recapitalization", "that 2019 tour" (counts were rejected above).
    let modifier = lx.year_determiners.iter().any(|w| w == before)
        && following.chars().next().is_some_and(char::is_alphabetic);
    // The second year of a range or list: "between 1991 and 1993", "from
    // 1991 to 1997", "in 2003, 2005 and 2009", "both 1990 and 1991".
    let listed = follows_a_year(text.get(..start)?);
    let of_head = before == "of" && {
        let of_pos = text.get(..start)?.trim_end().len().saturating_sub(2);
        lx.of_heads.iter().any(|h| *h == word_before(text, of_pos))
    };
    (possessive || context || of_head || modifier || listed).then_some(year)
}

/// Whether `before` ends with a year and a list or range word: "1991 and ",
/// "1991 to ", "2003, ", "1991 through ".
fn follows_a_year(before: &str) -> bool {
    let t = before.trim_end();
    let t = ["and", "to", "or", "through", "until"]
        .iter()
        .find_map(|w| {
            t.strip_suffix(w)
                .filter(|r| r.ends_with(|c: char| c.is_whitespace() || c == ','))
        })
        .unwrap_or(t);
    let t = t.trim_end().trim_end_matches(',').trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits == 4
        && t[t.len() - 4..]
            .parse::<i32>()
            .is_ok_and(|y| (1800..=2099).contains(&y))
        && !t[..t.len() - 4].ends_with(|c: char| c.is_alphanumeric() || c == '$' || c == '.')
}

#[cfg(test)]
#[path = "find_tests.rs"]
mod tests;
