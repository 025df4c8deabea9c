//! An HTML page the extractor read: its title, body and metadata stand in
//! for the cleaner's lines, and its date comes from the metadata, else from
//! a stamp under the headline, else from the crawl.

use super::{blocks, meta};
use crate::model::Span;

/// An HTML page's own spans and metadata in place of the cleaner's: its
/// metadata date is explicit, a crawl date the inferred fallback. When the
/// extractor found no article, the cleaner chooses the body from the
/// page's visible text and the page's title and date still win.
pub(super) fn from_page(
    text: &str,
    page: crate::ingest::html::Page,
) -> (
    blocks::Cleaned,
    crate::model::Published,
    Option<String>,
    Option<String>,
) {
    use crate::model::{Basis, DateValue, Published};
    let cleaned = if page.fallback {
        let mut c = blocks::classify(text);
        c.title = page.title.or(c.title);
        c
    } else {
        // The extractor's text holds only the article: its lines are the
        // title and the body, and the blocks say so.
        use crate::model::{Block, BlockClass};
        let mut blocks: Vec<Block> = page
            .title
            .iter()
            .map(|&span| Block {
                span,
                class: BlockClass::Title,
            })
            .chain(page.body.iter().map(|&span| Block {
                span,
                class: BlockClass::Body,
            }))
            .collect();
        blocks.sort_by_key(|b| b.span.start);
        blocks.dedup_by_key(|b| b.span.start);
        blocks::Cleaned {
            title: page.title,
            body: page.body,
            blocks,
            ..Default::default()
        }
    };
    let mut explicit = match page.published {
        Some(d) => Published {
            value: Some(DateValue::day(d)),
            basis: Basis::Explicit,
            span: None,
        },
        None if page.fallback => meta::explicit_published(text, &cleaned),
        None => stamp_near_top(text, &cleaned.body),
    };
    if explicit.value.is_none()
        && let Some(d) = page.crawl_date
    {
        explicit = Published {
            value: Some(DateValue::day(d)),
            basis: Basis::Inferred("crawl date".into()),
            span: None,
        };
    }
    let source = page.source.or_else(|| {
        page.fallback
            .then(|| meta::source(text, &cleaned))
            .flatten()
    });
    (cleaned, explicit, source, page.url)
}

/// An extracted page's own date stamp, when its metadata gave no date: a
/// stamp line among its first paragraphs ("Published 11:34 PM EST Nov 19,
/// 2019" under the headline and the agency's name), where the extractor
/// keeps it as text.
fn stamp_near_top(text: &str, body: &[Span]) -> crate::model::Published {
    /// How many paragraphs from the top a stamp may sit.
    const LOOK: usize = 4;
    body.iter()
        .take(LOOK)
        .find_map(|&p| {
            let line = p.text(text);
            blocks::is_stamp_line(line)
                .then(|| meta::stated_in(p, line))
                .flatten()
        })
        .unwrap_or_default()
}
