//! Pure questions asked of a corpus: which actor a name means, events in a
//! date range, jump-to-date, search. Shared by the CLI and the TUI.

use crate::model::{ActorId, Corpus, Event};
use crate::text::fold;
use chrono::NaiveDate;

/// The actor a user means by `name`: an exact (folded) match of the name or
/// any alias first, the most-mentioned of those; else a unique prefix/word match.
pub fn find_actor(corpus: &Corpus, name: &str) -> Option<ActorId> {
    let want = fold(name.trim());
    if want.is_empty() {
        return None;
    }
    let best = |pred: &dyn Fn(&str) -> bool| {
        corpus
            .actors
            .iter()
            .filter(|a| pred(&fold(&a.name)) || a.aliases.iter().any(|al| pred(&fold(al))))
            .max_by_key(|a| (a.mention_count, std::cmp::Reverse(a.id)))
            .map(|a| a.id)
    };
    best(&|s| s == want).or_else(|| best(&|s| s.split_whitespace().any(|w| w == want)))
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
