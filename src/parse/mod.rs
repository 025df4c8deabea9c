//! The parse pipeline: one pure stage per file, run per article in parallel,
//! then the corpus-level steps (dominant year, actor merging, indices).
//!
//! Order per article: clean -> meta -> segment -> dates -> actors.

pub mod actors;
pub mod clean;
pub mod dates;
pub mod meta;
pub mod segment;

use crate::ingest::Loaded;
use crate::model::{Article, ArticleId, Corpus};
use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Parses one article on its own: everything that needs no other article.
pub fn parse_article(id: ArticleId, loaded: Loaded) -> (Article, actors::ArticleActors) {
    let Loaded {
        path,
        text,
        warnings,
    } = loaded;
    let cleaned = clean::clean(&text);
    let explicit = meta::explicit_published(&text, &cleaned);
    let source = meta::source(&text, &cleaned);
    let sentences = segment::sentences(&text, &cleaned.body);
    let (published, times) = dates::analyse(&text, &sentences, &explicit);
    let local_actors = actors::extract(&text, &sentences);
    let article = Article {
        id,
        path,
        title: cleaned.title,
        source,
        published,
        body: cleaned.body,
        boilerplate: cleaned.boilerplate,
        teasers: cleaned.teasers,
        sentences,
        mentions: Vec::new(),
        times,
        warnings,
        raw: text,
    };
    (article, local_actors)
}

/// Parses every file (in parallel) and builds the corpus with its indices.
pub fn build_corpus(files: Vec<Loaded>, warnings: Vec<String>) -> Corpus {
    build_corpus_with_progress(files, warnings, &Progress::default())
}

/// How far a load has got, shared with whoever shows it (the TUI's loading
/// screen, a CLI progress line). Counters only grow.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files found to read (set once the folders are walked).
    pub files: AtomicUsize,
    /// Files read and decoded so far.
    pub read: AtomicUsize,
    /// Articles parsed so far.
    pub parsed: AtomicUsize,
    /// Set when the corpus-level steps (merging actors, indices) have begun.
    pub indexing: AtomicBool,
}

/// [`build_corpus`], counting parsed articles into `progress`.
pub fn build_corpus_with_progress(
    files: Vec<Loaded>,
    warnings: Vec<String>,
    progress: &Progress,
) -> Corpus {
    let parsed: Vec<(Article, actors::ArticleActors)> = files
        .into_par_iter()
        .enumerate()
        .map(|(i, l)| {
            let r = parse_article(i as ArticleId, l);
            progress.parsed.fetch_add(1, Ordering::Relaxed);
            r
        })
        .collect();
    progress.indexing.store(true, Ordering::Relaxed);
    let (mut articles, locals): (Vec<_>, Vec<_>) = parsed.into_iter().unzip();
    dates::assume_dominant_year(&mut articles);
    let actors = actors::merge(&mut articles, locals);
    crate::index::build(articles, actors, warnings)
}
