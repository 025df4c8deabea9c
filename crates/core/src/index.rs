//! Indices built once after parsing: events by date, articles by date,
//! mentions by actor.

use crate::model::{
    Actor, ActorId, Article, ArticleId, Corpus, DateValue, Event, MentionPlace, MentionRef, Span,
};
use rayon::prelude::*;

/// Each index is built in parallel where it can be.
pub fn build(
    articles: Vec<Article>,
    mut actors: Vec<Actor>,
    warnings: Vec<crate::warning::Warning>,
) -> Corpus {
    let articles_by_date = articles_by_date(&articles);
    // One after the other: side by side they add to each other's peak.
    let events = events(&articles);
    let mentions_by_actor = mentions_by_actor(&articles, &articles_by_date, actors.len());
    for (actor, list) in actors.iter_mut().zip(&mentions_by_actor) {
        actor.mention_count = list.len() as u32;
    }
    Corpus {
        articles,
        actors,
        events,
        articles_by_date,
        mentions_by_actor,
        warnings,
    }
}

/// For each actor, its mentions in reading order (articles by date).
fn mentions_by_actor(
    articles: &[Article],
    articles_by_date: &[ArticleId],
    actors: usize,
) -> Vec<Vec<MentionRef>> {
    // Sized first (counted in parallel), so filling never regrows a list.
    let sizes = articles
        .par_iter()
        .fold(
            || vec![0usize; actors],
            |mut n, a| {
                for m in &a.mentions {
                    if let Some(c) = n.get_mut(m.actor as usize) {
                        *c += 1;
                    }
                }
                n
            },
        )
        .reduce(
            || vec![0usize; actors],
            |mut x, y| {
                x.iter_mut().zip(y).for_each(|(x, y)| *x += y);
                x
            },
        );
    let mut mentions_by_actor: Vec<Vec<MentionRef>> =
        sizes.into_iter().map(Vec::with_capacity).collect();
    for &aid in articles_by_date {
        let a = &articles[aid as usize];
        for (i, m) in a.mentions.iter().enumerate() {
            if let Some(list) = mentions_by_actor.get_mut(m.actor as usize) {
                list.push(MentionRef {
                    article: aid,
                    mention: i as u32,
                });
            }
        }
    }
    mentions_by_actor
}

/// Publication date order; undated articles last, ties by id (file order).
fn articles_by_date(articles: &[Article]) -> Vec<ArticleId> {
    let mut ids: Vec<ArticleId> = articles.iter().map(|a| a.id).collect();
    // The id makes every key unique, so an unstable sort is a stable one.
    ids.par_sort_unstable_by_key(|&id| {
        let a = &articles[id as usize];
        (
            a.published.value.is_none(),
            a.published.value.map(|v| v.start),
            id,
        )
    });
    ids
}

/// One event per resolved time expression plus one publication marker per
/// dated article, sorted by date start; stable (article, position) within a date.
fn events(articles: &[Article]) -> Vec<Event> {
    // Built in place at its final size, each article's events written into
    // its own slots in parallel: per-article lists gathered and appended
    // would cost a second copy of every event at the peak.
    let counts: Vec<usize> = articles.par_iter().map(event_count).collect();
    // Every slot is written below; the placeholder is never seen.
    let placeholder = Event {
        date: DateValue::day(chrono::NaiveDate::MIN),
        article: 0,
        time: None,
        sentence: Span::default(),
        actors: Vec::new(),
    };
    let mut events: Vec<Event> = vec![placeholder; counts.iter().sum()];
    let mut pieces: Vec<&mut [Event]> = Vec::with_capacity(articles.len());
    let mut rest = events.as_mut_slice();
    for &n in &counts {
        let (piece, tail) = rest.split_at_mut(n);
        pieces.push(piece);
        rest = tail;
    }
    articles.par_iter().zip(pieces).for_each(|(a, piece)| {
        let mut written = 0;
        for (slot, e) in piece.iter_mut().zip(article_events(a)) {
            *slot = e;
            written += 1;
        }
        debug_assert_eq!(written, piece.len(), "event_count and article_events agree");
    });
    // (date, article, position) is unique, so an unstable sort gives the
    // stable order without a merge buffer. On one start day the longer
    // periods come first (a year, then a month, a week, the day), so each
    // period's events are together and a timeline heads each period once.
    events.par_sort_unstable_by_key(|e| {
        (
            e.date.start,
            std::cmp::Reverse(e.date.precision),
            e.article,
            e.time.map_or(0, |t| t + 1),
        )
    });
    events
}

/// How many events [`article_events`] gives for `a`.
fn event_count(a: &Article) -> usize {
    let marker = a.published.value.is_some() && a.title.is_some();
    usize::from(marker) + a.times.iter().filter(|t| t.value.is_some()).count()
}

/// One article's publication marker and dated statements.
///
/// The actors of each sentence are gathered once per article (its mentions
/// sorted by sentence), so linking a date to them is a lookup, not a scan of
/// every mention: linear in the article, however many dates it has. Each
/// event's list is exactly as long as it needs to be.
fn article_events(a: &Article) -> impl Iterator<Item = Event> + '_ {
    let marker = match (a.published.value, a.title) {
        (Some(date), Some(title)) => Some(Event {
            date,
            article: a.id,
            time: None,
            sentence: title,
            actors: Vec::new(),
        }),
        _ => None,
    };
    let by_sentence = SentenceActors::new(a);
    let statements = a.times.iter().enumerate().filter_map(move |(i, t)| {
        let date = t.value?;
        let sentence = a
            .sentences
            .get(t.sentence as usize)
            .copied()
            .unwrap_or(t.span);
        Some(Event {
            date,
            article: a.id,
            time: Some(i as u32),
            sentence,
            actors: by_sentence.of(t.sentence).to_vec(),
        })
    });
    marker.into_iter().chain(statements)
}

/// The distinct actors mentioned in each sentence of one article, in actor
/// id order: `(sentence, actor)` pairs sorted and deduplicated.
struct SentenceActors {
    pairs: Vec<(u32, ActorId)>,
    actors: Vec<ActorId>,
}

impl SentenceActors {
    fn new(a: &Article) -> Self {
        let mut pairs: Vec<(u32, ActorId)> = if a.times.is_empty() {
            Vec::new()
        } else {
            a.mentions
                .iter()
                .filter(|m| m.place == MentionPlace::Body)
                .map(|m| (m.sentence, m.actor))
                .collect()
        };
        pairs.sort_unstable();
        pairs.dedup();
        let actors = pairs.iter().map(|&(_, actor)| actor).collect();
        SentenceActors { pairs, actors }
    }

    /// The actors of `sentence`, without repeats.
    fn of(&self, sentence: u32) -> &[ActorId] {
        let from = self.pairs.partition_point(|&(s, _)| s < sentence);
        let to = self.pairs.partition_point(|&(s, _)| s <= sentence);
        &self.actors[from..to]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mention, MentionKind, Published, TimeExpr, TimeKind};

    fn mention(sentence: u32, actor: ActorId) -> Mention {
        Mention {
            span: Span::default(),
            actor,
            kind: MentionKind::Name,
            sentence,
            place: MentionPlace::Body,
        }
    }

    fn dated(sentence: u32) -> TimeExpr {
        TimeExpr {
            span: Span::default(),
            value: Some(DateValue::day(
                chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
            )),
            kind: TimeKind::Absolute,
            anchor: None,
            sentence,
        }
    }

    #[test]
    fn an_event_links_the_distinct_actors_of_its_own_sentence() {
        let a = Article {
            published: Published::default(),
            sentences: vec![Span::new(0, 1), Span::new(1, 2), Span::new(2, 3)],
            mentions: vec![
                mention(2, 7),
                mention(0, 3),
                mention(2, 1),
                mention(0, 3),
                mention(2, 7),
            ],
            times: vec![dated(0), dated(1), dated(2)],
            ..Article::default()
        };
        let actors: Vec<Vec<ActorId>> = article_events(&a).map(|e| e.actors).collect();
        assert_eq!(actors, [vec![3], vec![], vec![1, 7]]);
    }

    #[test]
    fn event_lists_have_no_spare_capacity() {
        let a = Article {
            sentences: vec![Span::new(0, 1)],
            mentions: (0..100).map(|i| mention(0, i % 10)).collect(),
            times: vec![dated(0); 50],
            ..Article::default()
        };
        for e in article_events(&a) {
            assert_eq!(e.actors.len(), 10);
            assert_eq!(e.actors.capacity(), 10);
        }
    }
}
