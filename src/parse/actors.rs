//! People, organisations and places: mentions per article, then merged
//! across the corpus into actors.

use crate::model::{Actor, Article, Span};

/// What one article says about actors before cross-article merging.
#[derive(Debug, Clone, Default)]
pub struct ArticleActors {}

/// STUB
pub fn extract(_raw: &str, _sentences: &[Span]) -> ArticleActors {
    ArticleActors {}
}

/// Merges per-article actors into corpus actors and fills each article's
/// `mentions` with global actor ids.
/// STUB
pub fn merge(_articles: &mut [Article], _locals: Vec<ArticleActors>) -> Vec<Actor> {
    Vec::new()
}
