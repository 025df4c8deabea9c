//! Indices built once after parsing: events by date, articles by date,
//! mentions by actor, actor co-occurrence.

use crate::model::{Actor, ActorId, Article, ArticleId, Corpus, Event, MentionRef};
use std::collections::HashMap;

pub fn build(articles: Vec<Article>, mut actors: Vec<Actor>, warnings: Vec<String>) -> Corpus {
    let articles_by_date = articles_by_date(&articles);
    let events = events(&articles);
    let mut mentions_by_actor: Vec<Vec<MentionRef>> = vec![Vec::new(); actors.len()];
    for &aid in &articles_by_date {
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
    for (actor, list) in actors.iter_mut().zip(&mentions_by_actor) {
        actor.mention_count = list.len() as u32;
    }
    let cooccurrence = cooccurrence(&articles);
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
    let mut events = Vec::new();
    for a in articles {
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
    }
    events.sort_by_key(|e| (e.date.start, e.article, e.time.map_or(0, |t| t + 1)));
    events
}

fn cooccurrence(articles: &[Article]) -> Vec<(ActorId, ActorId, u32)> {
    let mut counts: HashMap<(ActorId, ActorId), u32> = HashMap::new();
    for a in articles {
        let mut by_sentence: HashMap<u32, Vec<ActorId>> = HashMap::new();
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
    }
    let mut v: Vec<_> = counts.into_iter().map(|((a, b), n)| (a, b, n)).collect();
    v.sort_unstable();
    v
}
