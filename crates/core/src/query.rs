//! Pure questions asked of a corpus: which actor a name means, events in a
//! date range, jump-to-date, search. Shared by the CLI and the TUI.

use crate::model::{ActorId, Corpus, Event};
use crate::text::fold;
use chrono::NaiveDate;

/// The actor a user means by `name`, matched against its canonical name and
/// every alias, ignoring case and accents. Tried in order, the most-mentioned
/// actor winning within a step: an exact match; a match ignoring dots,
/// apostrophes and hyphens ("jd orr" finds "J.D. Orr"); a whole word of a
/// name ("varga" finds "Ilse Varga"); a name that starts with what was typed.
pub fn find_actor(corpus: &Corpus, name: &str) -> Option<ActorId> {
    actors_matching(corpus, name).first().copied()
}

/// The actor whose canonical name is `name`: exactly, else ignoring case
/// (a re-parse may settle on another capitalisation). For names the
/// program itself kept (the state file's followed actor), where
/// [`find_actor`] is for what a user types.
pub fn actor_named(corpus: &Corpus, name: &str) -> Option<ActorId> {
    let actors = &corpus.actors;
    actors
        .iter()
        .find(|a| a.name == name)
        .or_else(|| {
            let lower = name.to_lowercase();
            actors.iter().find(|a| a.name.to_lowercase() == lower)
        })
        .map(|a| a.id)
}

/// Every actor that the first step of [`find_actor`] to match anything
/// matches, most-mentioned first: more than one means `name` is ambiguous at
/// the strength it matched. An actor whose canonical name is exactly `name`
/// (case and accents aside) comes alone, so a full name always picks its
/// actor.
pub fn actors_matching(corpus: &Corpus, name: &str) -> Vec<ActorId> {
    let want = fold(name.trim());
    if want.is_empty() {
        return Vec::new();
    }
    let loose = |s: &str| -> String {
        let kept: String = s
            .chars()
            .filter(|c| !matches!(c, '.' | '\'' | '\u{2019}'))
            .map(|c| if c == '-' { ' ' } else { c })
            .collect();
        kept.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let want_loose = loose(&want);
    let folded: Vec<(ActorId, u32, Vec<String>)> = corpus
        .actors
        .iter()
        .map(|a| {
            let names = std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|n| fold(n))
                .collect();
            (a.id, a.mention_count, names)
        })
        .collect();
    // Actors with a name that passes `pred`, most-mentioned first.
    let all = |pred: &dyn Fn(&[String]) -> bool| -> Vec<ActorId> {
        let mut hits: Vec<(ActorId, u32)> = folded
            .iter()
            .filter(|(_, _, names)| pred(names))
            .map(|(id, count, _)| (*id, *count))
            .collect();
        hits.sort_by_key(|(id, count)| (std::cmp::Reverse(*count), *id));
        hits.into_iter().map(|(id, _)| id).collect()
    };
    let any = |pred: &dyn Fn(&str) -> bool| all(&|names| names.iter().any(|n| pred(n)));
    let mut canonical = all(&|names| names.first().is_some_and(|n| *n == want));
    canonical.truncate(1);
    let steps: [&dyn Fn() -> Vec<ActorId>; 4] = [
        &|| any(&|s| s == want),
        &|| any(&|s| loose(s) == want_loose),
        &|| any(&|s| loose(s).split(' ').any(|w| w == want_loose)),
        &|| any(&|s| loose(s).starts_with(&want_loose)),
    ];
    if !canonical.is_empty() {
        return canonical;
    }
    steps
        .iter()
        .map(|step| step())
        .find(|hits| !hits.is_empty())
        .unwrap_or_default()
}

/// Events whose date overlaps `[from, to]` (either end open) and, when given,
/// that involve `actor`.
pub fn events_in<'a>(
    corpus: &'a Corpus,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    actor: Option<ActorId>,
) -> impl Iterator<Item = &'a Event> + 'a {
    corpus.events.iter().filter(move |e| {
        from.is_none_or(|f| e.date.end() >= f)
            && to.is_none_or(|t| e.date.start <= t)
            && actor.is_none_or(|a| corpus.actors_of(e).contains(&a))
    })
}

/// What a user typed at the jump-to-date prompt, read as a calendar value.
///
/// Accepts `2025-04-25`, `25 Apr`, `april 25`, `Apr 25, 2025`, `apr`,
/// `2025-04`, `april 2025` and `2025`. A day or month without a year takes
/// `default_year` (the TUI passes the year the timeline is looking at), so
/// jumping stays near where the user is. None when nothing sensible parses.
pub fn parse_jump_date(input: &str, default_year: i32) -> Option<crate::model::DateValue> {
    use crate::model::DateValue;
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return None;
    }
    if let Some(v) = parse_jump_period(&s, default_year) {
        return Some(v);
    }
    // Numeric ISO-like forms first: YYYY, YYYY-MM, YYYY-MM-DD (also with / or .).
    let nums: Vec<&str> = s.split(['-', '/', '.']).collect();
    if nums
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let n: Vec<i64> = nums.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() != nums.len() || nums[0].len() != 4 {
            return None;
        }
        let year = i32::try_from(n[0]).ok()?;
        return match n.len() {
            1 => DateValue::year(year),
            2 => DateValue::month(year, u32::try_from(n[1]).ok()?),
            3 => {
                NaiveDate::from_ymd_opt(year, u32::try_from(n[1]).ok()?, u32::try_from(n[2]).ok()?)
                    .map(DateValue::day)
            }
            _ => None,
        };
    }
    // Word forms: any order of day, month name and year ("25 apr", "april 25, 2025").
    let mut day: Option<u32> = None;
    let mut month: Option<u32> = None;
    let mut year: Option<i32> = None;
    for tok in s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
    {
        let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let v: u32 = digits.parse().ok()?;
            if digits.len() == 4 && year.is_none() {
                year = i32::try_from(v).ok();
            } else if (1..=31).contains(&v) && day.is_none() {
                day = Some(v);
            } else {
                return None;
            }
        } else if let Some(m) = month_from_name(tok) {
            if month.replace(m).is_some() {
                return None;
            }
        } else {
            return None;
        }
    }
    let y = year.unwrap_or(default_year);
    match (day, month) {
        (Some(d), Some(m)) => NaiveDate::from_ymd_opt(y, m, d).map(DateValue::day),
        (None, Some(m)) => DateValue::month(y, m),
        (None, None) if year.is_some() => DateValue::year(y),
        _ => None,
    }
}

/// A quarter, half or season at the jump prompt: `2024-q3`, `q3 2024`,
/// `q3`, `2024-h1`, `h2 2024`, `2024-su`, `summer 2024`, `autumn`.
fn parse_jump_period(s: &str, default_year: i32) -> Option<crate::model::DateValue> {
    use crate::model::DateValue;
    // A date label as every output writes it (`2024-q3`, `2025-W18`).
    if let Ok(v) = s.parse::<DateValue>() {
        return Some(v);
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let (period, year) = match words.as_slice() {
        [p] => (*p, default_year),
        [p, y] if y.len() == 4 => (*p, y.parse().ok()?),
        [y, p] if y.len() == 4 => (*p, y.parse().ok()?),
        _ => return None,
    };
    let digit = |prefix: char| {
        period
            .strip_prefix(prefix)
            .and_then(|n| n.parse::<u32>().ok())
    };
    if let Some(q) = digit('q') {
        return DateValue::quarter(year, q);
    }
    if let Some(h) = digit('h') {
        return DateValue::half(year, h);
    }
    let season = match period {
        "spring" => 0,
        "summer" => 1,
        "autumn" | "fall" => 2,
        "winter" => 3,
        _ => return None,
    };
    DateValue::season(year, season)
}

/// A month number from an English month name or any prefix of at least three
/// letters ("apr", "april", "sept").
fn month_from_name(tok: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let t = tok.trim_end_matches('.');
    if t.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(t))
        .map(|i| i as u32 + 1)
}

/// The first position in `events` (sorted by start date) whose start is on or
/// after `date`; `events.len()` when none. Logarithmic, so a jump costs the
/// same on any corpus size.
pub fn first_event_on_or_after(events: &[Event], date: NaiveDate) -> usize {
    events.partition_point(|e| e.date.start < date)
}

/// The article (from `by_date`, ordered by publication date, undated last)
/// whose publication date is nearest to `date`; ties go to the earlier one.
pub fn nearest_article_by_date(
    corpus: &Corpus,
    date: NaiveDate,
) -> Option<crate::model::ArticleId> {
    let dated: &[crate::model::ArticleId] = {
        let n = corpus.articles_by_date.partition_point(|&id| {
            corpus
                .articles
                .get(id as usize)
                .is_some_and(|a| a.published.value.is_some())
        });
        corpus.articles_by_date.get(..n).unwrap_or(&[])
    };
    let start_of = |id: crate::model::ArticleId| {
        corpus
            .articles
            .get(id as usize)
            .and_then(|a| a.published.value)
            .map(|v| v.start)
    };
    let i = dated.partition_point(|&id| start_of(id).is_some_and(|d| d < date));
    let after = dated.get(i).copied();
    let before = i.checked_sub(1).and_then(|j| dated.get(j)).copied();
    match (before, after) {
        (Some(b), Some(a)) => {
            let db = (date - start_of(b)?).num_days().abs();
            let da = (start_of(a)? - date).num_days().abs();
            Some(if db <= da { b } else { a })
        }
        (b, a) => a.or(b).or_else(|| corpus.articles_by_date.first().copied()),
    }
}

/// A search regex with smart case: case-insensitive unless the pattern has an
/// upper-case letter, as in helix, vim's `smartcase` and ripgrep `-S`. The
/// error is the regex crate's message, for the status line.
pub fn search_regex(pattern: &str) -> Result<regex::Regex, String> {
    let insensitive = !pattern.chars().any(char::is_uppercase);
    regex::RegexBuilder::new(pattern)
        .case_insensitive(insensitive)
        .size_limit(1 << 22)
        .build()
        .map_err(|e| {
            e.to_string()
                .lines()
                .last()
                .unwrap_or("invalid regex")
                .trim()
                .to_string()
        })
}

/// Where a search match is: the article and the byte span in its raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub article: crate::model::ArticleId,
    pub span: crate::model::Span,
}

/// The next (or previous) match of `re` in article bodies after (before)
/// `from`, walking articles in `order` (the list's order) and wrapping round
/// once. `from` is (position in `order`, byte offset); matches never cross
/// paragraphs. Work stops at the first hit, so stepping costs only the text
/// between two matches.
pub fn next_search_hit(
    corpus: &Corpus,
    re: &regex::Regex,
    order: &[crate::model::ArticleId],
    from: (usize, Option<u32>),
    forward: bool,
) -> Option<Hit> {
    let n = order.len();
    if n == 0 {
        return None;
    }
    let start = from.0.min(n - 1);
    for step in 0..=n {
        let pos = if forward {
            (start + step) % n
        } else {
            (start + n - step % n) % n
        };
        let id = order[pos];
        let Some(a) = corpus.articles.get(id as usize) else {
            continue;
        };
        let hits = a.body.iter().flat_map(|p| {
            let text = p.text(&a.raw);
            re.find_iter(text)
                .filter(|m| !m.as_str().is_empty())
                .map(move |m| {
                    crate::model::Span::new(
                        p.start as usize + m.start(),
                        p.start as usize + m.end(),
                    )
                })
        });
        let mut hits = hits;
        let found = match (step, from.1) {
            (0, Some(l)) if forward => hits.find(|s| s.start > l),
            (0, Some(l)) => hits.filter(|s| s.start < l).last(),
            // A full circle back to the start article: what lies on the other side.
            (s, Some(l)) if s == n && forward => hits.take_while(|s| s.start <= l).next(),
            (s, Some(l)) if s == n => hits.filter(|s| s.start >= l).last(),
            (s, None) if s == n => None,
            _ if forward => hits.next(),
            _ => hits.last(),
        };
        if let Some(span) = found {
            return Some(Hit { article: id, span });
        }
    }
    None
}

/// The index into `corpus.mentions_by_actor()[actor]` one step from `current`
/// (forward or back), wrapping at the ends; the first (last) mention when
/// there is no current one. None when the actor has no mentions.
pub fn step_mention(
    corpus: &Corpus,
    actor: ActorId,
    current: Option<usize>,
    forward: bool,
) -> Option<usize> {
    let n = corpus.mentions_by_actor().get(actor as usize)?.len();
    if n == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i.min(n - 1) + n - 1) % n,
    })
}
#[cfg(test)]
mod find_actor_tests {
    use super::*;
    use crate::model::{Actor, ActorKind};

    fn corpus() -> Corpus {
        let actor = |id: u32, name: &str, aliases: &[&str], n: u32| Actor {
            id,
            name: name.into(),
            kind: ActorKind::Person,
            role: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mention_count: n,
        };
        Corpus {
            actors: vec![
                actor(0, "Ilse Várkonyi", &["Ilse Várkonyi", "Várkonyi"], 3),
                actor(1, "J.D. Orr", &["J.D. Orr", "Orr"], 2),
                actor(2, "Ivo Orr", &["Ivo Orr"], 1),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn any_alias_case_and_accent_insensitive() {
        let c = corpus();
        assert_eq!(find_actor(&c, "varkonyi"), Some(0));
        assert_eq!(find_actor(&c, "ILSE VARKONYI"), Some(0));
        assert_eq!(find_actor(&c, "jd orr"), Some(1));
        assert_eq!(
            find_actor(&c, "orr"),
            Some(1),
            "exact alias beats a word of another name"
        );
        assert_eq!(find_actor(&c, "ivo"), Some(2));
        assert_eq!(find_actor(&c, "ilse v"), Some(0));
        assert_eq!(find_actor(&c, "nobody"), None);
        assert_eq!(find_actor(&c, "  "), None);
    }

    #[test]
    fn every_actor_at_the_deciding_step_most_mentioned_first() {
        let mut c = corpus();
        c.actors.push(Actor {
            id: 3,
            name: "Ilse Brandt".into(),
            kind: ActorKind::Person,
            role: None,
            aliases: vec!["Ilse Brandt".into()],
            mention_count: 9,
        });
        // "ilse" is a word of two names: both, the most mentioned first.
        assert_eq!(actors_matching(&c, "ilse"), vec![3, 0]);
        // "orr" is an exact alias of one actor: the word of another is a
        // weaker step that is never reached.
        assert_eq!(actors_matching(&c, "orr"), vec![1]);
        assert_eq!(actors_matching(&c, "i"), vec![3, 0, 2]);
        assert_eq!(actors_matching(&c, "nobody"), Vec::<u32>::new());
    }

    #[test]
    fn a_kept_name_finds_its_actor_exactly_or_in_another_case_only() {
        let c = corpus();
        assert_eq!(actor_named(&c, "J.D. Orr"), Some(1));
        assert_eq!(actor_named(&c, "j.d. ORR"), Some(1));
        assert_eq!(actor_named(&c, "Orr"), None, "an alias is not a kept name");
        assert_eq!(actor_named(&c, "Ilse Varkonyi"), None, "accents count");
    }

    #[test]
    fn a_canonical_name_in_full_picks_its_actor_alone() {
        let mut c = corpus();
        // Another, more mentioned actor goes by the same words as an alias.
        c.actors.push(Actor {
            id: 3,
            name: "Ivo Orr Senior".into(),
            kind: ActorKind::Person,
            role: None,
            aliases: vec!["Ivo Orr Senior".into(), "Ivo Orr".into()],
            mention_count: 9,
        });
        assert_eq!(actors_matching(&c, "ivo orr"), vec![2]);
        assert_eq!(find_actor(&c, "IVO ORR"), Some(2));
    }
}

#[cfg(test)]
mod stepping_tests {
    use super::*;
    use crate::model::MentionRef;

    fn corpus() -> Corpus {
        let page = |name: &str, text: &str| crate::ingest::Loaded::plain(name, text);
        crate::parse::build_corpus(
            &crate::parse::knowledge::Knowledge::shared_builtin(),
            vec![
                page(
                    "a.txt",
                    "Harbour crossing returns\n\nThe ferry to Brask sailed again on Monday, \
                     said Mayor Tilda Brekke of the harbour board.\n\n\
                     The ferry had stopped in March when the pier cracked.\n",
                ),
                page(
                    "b.txt",
                    "Orchard fair moves\n\nNo boats here: the orchard fair opens in June \
                     on the hill above the town, said Ivo Lund.\n",
                ),
                page(
                    "c.txt",
                    "Bridge works start\n\nA ferry will cover the crossing while the bridge \
                     is shut for the summer, Tilda Brekke said.\n",
                ),
            ],
            Vec::new(),
            None,
        )
    }

    /// The articles `n` steps of a search for `pattern` visit from the
    /// start of the list, each hit's text checked.
    fn walk(c: &Corpus, pattern: &str, forward: bool, n: usize) -> Vec<u32> {
        let re = search_regex(pattern).unwrap();
        let order: Vec<u32> = (0..c.articles.len() as u32).collect();
        let mut from = (0, None);
        let mut seen = Vec::new();
        for _ in 0..n {
            let Some(h) = next_search_hit(c, &re, &order, from, forward) else {
                break;
            };
            let a = c.article(h.article);
            assert!(a.text(h.span).eq_ignore_ascii_case(pattern), "{h:?}");
            seen.push(h.article);
            let pos = order.iter().position(|&id| id == h.article).unwrap();
            from = (pos, Some(h.span.start));
        }
        seen
    }

    #[test]
    fn search_steps_through_every_hit_and_wraps_round_both_ways() {
        let c = corpus();
        // Two hits in the first article, none in the second, one in the third.
        assert_eq!(walk(&c, "ferry", true, 5), [0, 0, 2, 0, 0]);
        // Back from the start of the list: the first article's last hit,
        // then its first, then round to the last article.
        assert_eq!(walk(&c, "ferry", false, 4), [0, 0, 2, 0]);
    }

    #[test]
    fn a_lone_hit_wraps_round_to_itself_and_no_hit_is_none() {
        let c = corpus();
        assert_eq!(walk(&c, "orchard", true, 3), [1, 1, 1]);
        assert_eq!(walk(&c, "orchard", false, 2), [1, 1]);
        assert!(walk(&c, "tramway", true, 2).is_empty());
        let re = search_regex("ferry").unwrap();
        assert_eq!(next_search_hit(&c, &re, &[], (0, None), true), None);
    }

    #[test]
    fn stepping_through_an_actors_mentions_wraps_at_both_ends() {
        let m = |article| MentionRef {
            article,
            mention: 0,
        };
        let c = Corpus {
            mention_index: vec![vec![m(0), m(1), m(2)], Vec::new()].into(),
            ..Default::default()
        };
        assert_eq!(step_mention(&c, 0, None, true), Some(0));
        assert_eq!(step_mention(&c, 0, None, false), Some(2));
        assert_eq!(step_mention(&c, 0, Some(1), true), Some(2));
        assert_eq!(step_mention(&c, 0, Some(2), true), Some(0));
        assert_eq!(step_mention(&c, 0, Some(0), false), Some(2));
        // A place past the end (the corpus shrank on a reload) steps back in.
        assert_eq!(step_mention(&c, 0, Some(7), false), Some(1));
        assert_eq!(step_mention(&c, 1, None, true), None);
        assert_eq!(step_mention(&c, 9, None, true), None);
    }
}
