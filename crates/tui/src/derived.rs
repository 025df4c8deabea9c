//! Lookups the TUI builds once at start, so no key has to scan the corpus.

use chrono::Datelike;
use dateline_core::model::{ActorId, ArticleId, Corpus};

/// Lookups built once at start (linear in the corpus, never per key).
#[derive(Debug, Default)]
pub struct Derived {
    /// Article id -> position in `Corpus::articles_by_date`.
    pub date_rank: Vec<u32>,
    /// Article ids in file order, so both list orders are slices.
    pub file_order: Vec<ArticleId>,
    /// Article id -> its events (indices into `Corpus::events`, ascending).
    pub article_events: Vec<Vec<u32>>,
    /// Actor ids, most mentioned first.
    pub actors_by_mentions: Vec<ActorId>,
    /// The year a date typed without one means when the timeline is empty.
    pub default_year: i32,
    /// Load warnings: the corpus's own, then each article's.
    pub warning_count: usize,
}

impl Derived {
    pub fn new(c: &Corpus) -> Self {
        let n = c.articles.len();
        let mut date_rank = vec![0u32; n];
        for (i, &id) in c.articles_by_date.iter().enumerate() {
            if let Some(r) = date_rank.get_mut(id as usize) {
                *r = i as u32;
            }
        }
        let mut article_events = vec![Vec::new(); n];
        for (i, e) in c.events.iter().enumerate() {
            if let Some(v) = article_events.get_mut(e.article as usize) {
                v.push(i as u32);
            }
        }
        let mut actors_by_mentions: Vec<ActorId> = c.actors.iter().map(|a| a.id).collect();
        actors_by_mentions.sort_by_cached_key(|&id| {
            let a = &c.actors[id as usize];
            // Authors and photo credits after the people in the stories.
            (
                a.is_credit(),
                std::cmp::Reverse(a.mention_count),
                a.name.to_lowercase(),
            )
        });
        let dated: Vec<_> = c
            .articles_by_date
            .iter()
            .filter_map(|&id| c.articles.get(id as usize)?.published.value)
            .collect();
        let default_year = dated
            .get(dated.len() / 2)
            .map(|d| d.start.year())
            .or_else(|| c.events.first().map(|e| e.date.start.year()))
            .unwrap_or_else(|| chrono::Local::now().year());
        Derived {
            date_rank,
            file_order: (0..n as ArticleId).collect(),
            article_events,
            actors_by_mentions,
            warning_count: c.warnings.len()
                + c.articles.iter().map(|a| a.warnings.len()).sum::<usize>(),
            default_year,
        }
    }
}

impl Derived {
    /// The article's events in the timeline, its publication aside: the
    /// count the list, the reader and `dateline articles` all give.
    pub fn dated_events(&self, c: &Corpus, id: ArticleId) -> usize {
        self.article_events.get(id as usize).map_or(0, |evs| {
            evs.iter()
                .filter(|&&e| {
                    c.events
                        .get(e as usize)
                        .is_some_and(|e| !e.is_publication())
                })
                .count()
        })
    }
}
