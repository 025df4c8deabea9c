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
    let want = fold(name.trim());
    if want.is_empty() {
        return None;
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
    let best = |pred: &dyn Fn(&str) -> bool| {
        folded
            .iter()
            .filter(|(_, _, names)| names.iter().any(|n| pred(n)))
            .max_by_key(|(id, count, _)| (*count, std::cmp::Reverse(*id)))
            .map(|(id, _, _)| *id)
    };
    best(&|s| s == want)
        .or_else(|| best(&|s| loose(s) == want_loose))
        .or_else(|| best(&|s| loose(s).split(' ').any(|w| w == want_loose)))
        .or_else(|| best(&|s| loose(s).starts_with(&want_loose)))
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
            && actor.is_none_or(|a| e.actors.contains(&a))
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
}
