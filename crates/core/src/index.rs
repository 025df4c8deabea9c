//! Indices built once after parsing: events by date, articles by date,
//! mentions by actor.

use crate::model::{
    Actor, ActorId, Article, ArticleId, Corpus, DateValue, Event, IdRange, MentionPlace,
    MentionRef, Span,
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
    let (events, event_actors) = events(&articles);
    // Counted here; the lists themselves are built on first use
    // (`Corpus::mentions_by_actor`).
    let counts = mention_counts(&articles, actors.len());
    for (actor, n) in actors.iter_mut().zip(counts) {
        actor.mention_count = n as u32;
    }
    Corpus {
        articles,
        actors,
        events,
        event_actors,
        articles_by_date,
        mention_index: Default::default(),
        warnings,
    }
}

impl Corpus {
    /// For each actor id, its mentions in reading order (articles by date,
    /// then position in the article); built on the first call.
    pub fn mentions_by_actor(&self) -> &[Vec<MentionRef>] {
        self.mention_index
            .get_or_init(|| mentions_by_actor(&self.articles, &self.articles_by_date, &self.actors))
    }
}

/// How many mentions each actor id has (counted in parallel).
fn mention_counts(articles: &[Article], actors: usize) -> Vec<usize> {
    articles
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
        )
}

/// For each of `actors`, its mentions in reading order (articles by date);
/// see [`Corpus::mentions_by_actor`].
fn mentions_by_actor(
    articles: &[Article],
    articles_by_date: &[ArticleId],
    actors: &[Actor],
) -> Vec<Vec<MentionRef>> {
    // Sized first (from the counts), so filling never regrows a list.
    let sizes = actors.iter().map(|a| a.mention_count as usize);
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
/// dated article, sorted by date start; stable (article, position) within a
/// date. Each event's actors are a run of the second list.
fn events(articles: &[Article]) -> (Vec<Event>, Vec<ActorId>) {
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
        actors: IdRange::default(),
    };
    let mut events: Vec<Event> = vec![placeholder; counts.iter().sum()];
    let mut pieces: Vec<&mut [Event]> = Vec::with_capacity(articles.len());
    let mut rest = events.as_mut_slice();
    for &n in &counts {
        let (piece, tail) = rest.split_at_mut(n);
        pieces.push(piece);
        rest = tail;
    }
    // Each article's actor runs start at 0 in a list of its own, moved
    // into the shared list after: the ids are few beside the events.
    // Each thread reuses its lists for the sentences' actors and the ids;
    // an article keeps its ids in one allocation of their exact size.
    let own: Vec<Box<[ActorId]>> = articles
        .par_iter()
        .zip(pieces)
        .map_init(
            || (SentenceActors::default(), Vec::new()),
            |(by_sentence, ids), (a, piece)| {
                ids.clear();
                let mut written = 0;
                by_sentence.fill(a);
                for (slot, (e, sentence)) in piece.iter_mut().zip(article_events(a)) {
                    let actors = match sentence {
                        Some(t) => by_sentence.of(t),
                        None => &[],
                    };
                    *slot = Event {
                        actors: IdRange {
                            start: ids.len() as u32,
                            len: actors.len() as u32,
                        },
                        ..e
                    };
                    ids.extend_from_slice(actors);
                    written += 1;
                }
                debug_assert_eq!(written, piece.len(), "event_count and article_events agree");
                Box::from(ids.as_slice())
            },
        )
        .collect();
    let mut base = Vec::with_capacity(own.len());
    let mut actors = Vec::with_capacity(own.iter().map(|ids| ids.len()).sum());
    for ids in own {
        base.push(actors.len() as u32);
        actors.extend_from_slice(&ids);
    }
    events
        .par_iter_mut()
        .for_each(|e| e.actors.start += base[e.article as usize]);
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
    (events, actors)
}

/// How many events [`article_events`] gives for `a`.
fn event_count(a: &Article) -> usize {
    let marker = a.published.value.is_some() && a.title.is_some();
    usize::from(marker) + a.times.iter().filter(|t| t.value.is_some()).count()
}

/// One article's publication marker and dated statements, each with the
/// sentence whose actors it links (none for the marker; the event's
/// `actors` field is left empty).
fn article_events(a: &Article) -> impl Iterator<Item = (Event, Option<u32>)> + '_ {
    let marker = match (a.published.value, a.title) {
        (Some(date), Some(title)) => Some(Event {
            date,
            article: a.id,
            time: None,
            sentence: title,
            actors: IdRange::default(),
        }),
        _ => None,
    };
    let statements = a.times.iter().enumerate().filter_map(move |(i, t)| {
        let date = t.value?;
        let sentence = a
            .sentences
            .get(t.sentence as usize)
            .copied()
            .unwrap_or(t.span);
        let e = Event {
            date,
            article: a.id,
            time: Some(i as u32),
            sentence,
            actors: IdRange::default(),
        };
        Some((e, Some(t.sentence)))
    });
    marker.into_iter().map(|e| (e, None)).chain(statements)
}

/// The actors of each sentence of one article, asked for by sentence.
///
/// The article's body mentions are listed by sentence once (they come in
/// reading order, so seldom need sorting), so linking a date to its
/// sentence's actors is a lookup, not a scan of every mention: linear in
/// the article, however many dates it has. Only the sentences that have a
/// date have their actors sorted.
#[derive(Default)]
struct SentenceActors {
    /// (sentence, actor) of each body mention, by sentence.
    pairs: Vec<(u32, ActorId)>,
    /// The last answer of [`SentenceActors::of`].
    actors: Vec<ActorId>,
}

impl SentenceActors {
    /// The mentions of article `a`, in place of those held.
    fn fill(&mut self, a: &Article) {
        self.pairs.clear();
        if a.times.is_empty() {
            return;
        }
        self.pairs.extend(
            a.mentions
                .iter()
                .filter(|m| m.place == MentionPlace::Body)
                .map(|m| (m.sentence, m.actor)),
        );
        if !self.pairs.is_sorted_by_key(|&(s, _)| s) {
            self.pairs.sort_unstable_by_key(|&(s, _)| s);
        }
    }

    /// The distinct actors of `sentence`, in actor id order.
    fn of(&mut self, sentence: u32) -> &[ActorId] {
        let from = self.pairs.partition_point(|&(s, _)| s < sentence);
        let to = self.pairs.partition_point(|&(s, _)| s <= sentence);
        self.actors.clear();
        self.actors
            .extend(self.pairs[from..to].iter().map(|&(_, actor)| actor));
        self.actors.sort_unstable();
        self.actors.dedup();
        &self.actors
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
            sentences: vec![Span::new(0, 1), Span::new(1, 2), Span::new(2, 3)].into(),
            mentions: vec![
                mention(2, 7),
                mention(0, 3),
                mention(2, 1),
                mention(0, 3),
                mention(2, 7),
            ]
            .into(),
            times: vec![dated(0), dated(1), dated(2)].into(),
            ..Article::default()
        };
        // A second article's runs start where the first's end.
        let b = Article {
            id: 1,
            sentences: vec![Span::new(0, 1), Span::new(1, 2)].into(),
            mentions: vec![mention(1, 4), mention(0, 2), mention(1, 5)].into(),
            times: vec![dated(1), dated(0)].into(),
            ..Article::default()
        };
        let c = build(vec![a, b], Vec::new(), Vec::new());
        let actors: Vec<(ArticleId, &[ActorId])> = c
            .events
            .iter()
            .map(|e| (e.article, c.actors_of(e)))
            .collect();
        let want: [(ArticleId, &[ActorId]); 5] =
            [(0, &[3]), (0, &[]), (0, &[1, 7]), (1, &[4, 5]), (1, &[2])];
        assert_eq!(actors, want);
    }

    #[test]
    fn a_sentences_actors_are_those_of_all_its_body_mentions_sorted_without_repeats() {
        // In reading order, out of order, and with a mention outside the
        // body numbered like a body sentence.
        let in_order = [(0, 5), (0, 2), (0, 5), (1, 9), (1, 1), (3, 0), (3, 0)];
        let scrambled = [(2, 1), (0, 3), (2, 0), (1, 4), (2, 1), (0, 3)];
        for pairs in [&in_order[..], &scrambled[..]] {
            let mut mentions: Vec<Mention> = pairs.iter().map(|&(s, g)| mention(s, g)).collect();
            let mut headline = mention(1, 77);
            headline.place = MentionPlace::Headline;
            mentions.push(headline);
            let a = Article {
                mentions: mentions.into(),
                times: vec![dated(0)].into(),
                ..Article::default()
            };
            let mut by_sentence = SentenceActors::default();
            by_sentence.fill(&a);
            for sentence in 0..5 {
                let mut want: Vec<ActorId> = pairs
                    .iter()
                    .filter(|&&(s, _)| s == sentence)
                    .map(|&(_, g)| g)
                    .collect();
                want.sort_unstable();
                want.dedup();
                assert_eq!(by_sentence.of(sentence), want);
            }
        }
    }

    #[test]
    fn the_shared_actor_list_has_no_spare_capacity() {
        let a = Article {
            sentences: vec![Span::new(0, 1)].into(),
            mentions: (0..100).map(|i| mention(0, i % 10)).collect(),
            times: vec![dated(0); 50].into(),
            ..Article::default()
        };
        let c = build(vec![a], Vec::new(), Vec::new());
        for e in &c.events {
            assert_eq!(c.actors_of(e), (0..10).collect::<Vec<ActorId>>());
        }
        assert_eq!(c.event_actors.len(), 500);
        assert_eq!(c.event_actors.capacity(), 500);
    }

    #[test]
    fn mention_lists_are_built_on_first_use_in_reading_order() {
        let dated_article = |id, day| Article {
            id,
            published: Published {
                value: Some(DateValue::day(
                    chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap(),
                )),
                ..Published::default()
            },
            sentences: vec![Span::new(0, 1)].into(),
            mentions: vec![mention(0, 1), mention(0, 0), mention(0, 1)].into(),
            ..Article::default()
        };
        let actor = |id| Actor {
            id,
            name: format!("Actor {id}"),
            kind: crate::model::ActorKind::Person,
            role: None,
            aliases: Vec::new(),
            mention_count: 0,
        };
        // The later article first in file order.
        let c = build(
            vec![dated_article(0, 9), dated_article(1, 2)],
            vec![actor(0), actor(1)],
            Vec::new(),
        );
        let counts: Vec<u32> = c.actors.iter().map(|a| a.mention_count).collect();
        assert_eq!(counts, [2, 4]);
        assert!(c.mention_index.get().is_none());
        let r = |article, mention| MentionRef { article, mention };
        assert_eq!(
            c.mentions_by_actor(),
            [
                vec![r(1, 1), r(0, 1)],
                vec![r(1, 0), r(1, 2), r(0, 0), r(0, 2)]
            ]
        );
    }
}
