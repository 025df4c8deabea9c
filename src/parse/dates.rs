//! Temporal expressions: find them in body sentences and resolve them
//! against the publication date; infer that date when the page gives none.

use crate::model::{Article, Published, Span, TimeExpr};

/// Finds and resolves every temporal expression in `sentences`, returning
/// the publication date (the explicit one, or one inferred from the body)
/// and the expressions resolved against it.
/// STUB
pub fn analyse(
    _raw: &str,
    _sentences: &[Span],
    explicit: &Published,
) -> (Published, Vec<TimeExpr>) {
    (explicit.clone(), Vec::new())
}

/// Corpus-level step: yearless dates in articles without an anchor take the
/// corpus's dominant year, marked `assumed_year`.
/// STUB
pub fn assume_dominant_year(_articles: &mut [Article]) {}
