//! Indices built once after parsing: events by date, articles by date,
//! mentions by actor, actor co-occurrence.

use crate::hash::FxMap;
use crate::model::{Actor, ActorId, Article, ArticleId, Corpus, Event, MentionRef};
use rayon::prelude::*;

/// Each index is built in parallel where it can be.
pub fn build(articles: Vec<Article>, mut actors: Vec<Actor>, warnings: Vec<String>) -> Corpus {
    let articles_by_date = articles_by_date(&articles);
    // One after the other: side by side they add to each other's peak.
    let events = events(&articles);
    let cooccurrence = cooccurrence(&articles);
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
        cooccurrence,
        warnings,
    }
}

/// For each actor, its mentions in reading order (articles by date).
fn mentions_by_actor(
    articles: &[Article],
    articles_by_date: &[ArticleId],
    actors: usize,
) -> Vec<Vec<MentionRef>> {
    let mut mentions_by_actor: Vec<Vec<MentionRef>> = vec![Vec::new(); actors];
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
    ids.sort_by_key(|&id| {
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
    // Built in place at its final size: per-article lists gathered in
    // parallel cost a second copy of every event at the peak.
    let n = articles
        .iter()
        .map(|a| {
            let marker = a.published.value.is_some() && a.title.is_some();
            usize::from(marker) + a.times.iter().filter(|t| t.value.is_some()).count()
        })
        .sum();
    let mut events: Vec<Event> = Vec::with_capacity(n);
    for a in articles {
        events.extend(article_events(a));
    }
    // (date, article, position) is unique, so an unstable sort gives the
    // stable order without a merge buffer.
    events.par_sort_unstable_by_key(|e| (e.date.start, e.article, e.time.map_or(0, |t| t + 1)));
    events
}

/// One article's publication marker and dated statements.
fn article_events(a: &Article) -> Vec<Event> {
    let mut events = Vec::with_capacity(a.times.len() + 1);
    if let (Some(date), Some(title)) = (a.published.value, a.title) {
        events.push(Event {
            date,
            article: a.id,
            time: None,
            sentence: title,
            actors: Vec::new(),
        });
    }
    for (i, t) in a.times.iter().enumerate() {
        let Some(date) = t.value else { continue };
        let sentence = a
            .sentences
            .get(t.sentence as usize)
            .copied()
            .unwrap_or(t.span);
        let mut actors: Vec<ActorId> = a
            .mentions
            .iter()
            .filter(|m| m.sentence == t.sentence)
            .map(|m| m.actor)
            .collect();
        actors.sort_unstable();
        actors.dedup();
        events.push(Event {
            date,
            article: a.id,
            time: Some(i as u32),
            sentence,
            actors,
        });
    }
    events
}

fn cooccurrence(articles: &[Article]) -> Vec<(ActorId, ActorId, u32)> {
    let counts = articles
        .par_iter()
        .fold(
            FxMap::default,
            |mut counts: FxMap<(ActorId, ActorId), u32>, a| {
                let mut by_sentence: FxMap<u32, Vec<ActorId>> = FxMap::default();
                for m in &a.mentions {
                    by_sentence.entry(m.sentence).or_default().push(m.actor);
                }
                for mut ids in by_sentence.into_values() {
                    ids.sort_unstable();
                    ids.dedup();
                    for i in 0..ids.len() {
                        for j in i + 1..ids.len() {
                            *counts.entry((ids[i], ids[j])).or_default() += 1;
                        }
                    }
                }
                counts
            },
        )
        .reduce(FxMap::default, |mut a, b| {
            for (k, n) in b {
                *a.entry(k).or_default() += n;
            }
            a
        });
    let mut v: Vec<_> = counts.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    v.sort_unstable();
    v
}
