//! An HTML page the extractor read: its title, body and metadata stand in
//! for the cleaner's lines, and its date comes from the metadata, else from
//! a stamp under the headline, else from the crawl.

use super::{blocks, meta};
use crate::model::{Block, BlockClass, Span};

/// An HTML page's own spans and metadata in place of the cleaner's: its
/// metadata date is explicit, a crawl date the inferred fallback. When the
/// extractor found no article, the cleaner chooses the body from the
/// page's visible text and the page's title and date still win.
pub(super) fn from_page(
    knowledge: &crate::parse::knowledge::Knowledge,
    text: &str,
    mut page: crate::ingest::html::Page,
) -> (
    blocks::Cleaned,
    crate::model::Published,
    Option<String>,
    Option<String>,
) {
    use crate::model::{Basis, DateValue, Published};
    let cleaned = if page.fallback {
        let mut c = blocks::classify(&knowledge.page, text);
        c.title = page.title.or(c.title);
        c
    } else {
        // The extractor's text holds only the article: its lines are the
        // title and the body, and the blocks say so.
        let classes = paragraph_classes(&knowledge.page, text, &page.body);
        let mut blocks: Vec<Block> = page
            .title
            .iter()
            .map(|&span| Block {
                span,
                class: BlockClass::Title,
            })
            .chain(
                page.body
                    .iter()
                    .zip(classes)
                    .map(|(&span, class)| Block { span, class }),
            )
            .collect();
        // What the extractor kept of the article's furniture, captions and
        // bylines is shown as such, not read as its body.
        page.body = blocks
            .iter()
            .filter(|b| b.class == BlockClass::Body)
            .map(|b| b.span)
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
        None if page.fallback => {
            meta::explicit_published(knowledge.time_words.full_dates(), text, &cleaned)
        }
        None => stamp_near_top(knowledge.time_words.full_dates(), text, &cleaned.blocks),
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
            .then(|| meta::source(&knowledge.publishers, &knowledge.actors, text, &cleaned))
            .flatten()
    });
    (cleaned, explicit, source, page.url)
}

/// Each paragraph's class in an extracted article. The extractor's region
/// is the article, but its edges can hold the page's: an author box, share
/// buttons, related stories. There the cleaner's reading of the text
/// decides ([`blocks::classify`]). Between the first and the last paragraph
/// it reads as the article's, only what a line says of itself does
/// ([`blocks::line_role`]): an article's own lists, tables and quoted posts
/// look like furniture to a reader of layout.
fn paragraph_classes(
    k: &blocks::PageKnowledge,
    text: &str,
    paragraphs: &[Span],
) -> Vec<BlockClass> {
    let read = blocks::classify(k, text);
    let by_layout: Vec<Option<BlockClass>> = paragraphs
        .iter()
        .map(|&p| layout_role(&read.blocks, p))
        .collect();
    let inner = by_layout
        .iter()
        .position(Option::is_none)
        .zip(by_layout.iter().rposition(Option::is_none))
        .map(|(first, last)| first..=last);
    let by_line: Vec<Option<BlockClass>> = paragraphs
        .iter()
        .map(|p| one_line_role(k, p.text(text)))
        .collect();
    // A byline or a stamp comes once; one-line paragraphs with figures
    // that read so one after another are a list (tour dates, results).
    let dated_role = |i: usize| {
        by_line.get(i) == Some(&Some(BlockClass::Byline))
            && paragraphs[i].text(text).bytes().any(|b| b.is_ascii_digit())
    };
    (0..paragraphs.len())
        .map(|i| {
            let prose = || blocks::ends_like_sentence(paragraphs[i].text(text).trim_end());
            let role = if dated_role(i) && (i > 0 && dated_role(i - 1) || dated_role(i + 1)) {
                None
            } else if !inner.as_ref().is_some_and(|r| r.contains(&i)) && !prose() {
                by_line[i].or(by_layout[i])
            } else {
                by_line[i]
            };
            role.unwrap_or(BlockClass::Body)
        })
        .collect()
}

/// The cleaner's class for a paragraph when every line of it is the page's
/// (furniture, a teaser, a caption, a byline), else None. `lines` are in
/// order of their start, so a paragraph's are found by a search, not by
/// reading every line of the page for every paragraph.
fn layout_role(lines: &[Block], paragraph: Span) -> Option<BlockClass> {
    let from = lines.partition_point(|b| b.span.start < paragraph.start);
    let mut inside = lines[from..]
        .iter()
        .take_while(|b| b.span.start < paragraph.end)
        .filter(|b| b.span.end <= paragraph.end)
        .map(|b| b.class);
    let first = inside.next()?;
    let pages = |c: BlockClass| {
        matches!(
            c,
            BlockClass::Byline | BlockClass::Caption | BlockClass::Furniture | BlockClass::Teaser
        )
    };
    (pages(first) && inside.all(pages)).then_some(first)
}

/// The role a one-line paragraph gives itself; prose that runs over lines
/// is the article's.
fn one_line_role(k: &blocks::PageKnowledge, paragraph: &str) -> Option<BlockClass> {
    if paragraph.trim().contains('\n') {
        return None;
    }
    blocks::line_role(k, paragraph)
}

/// An extracted page's own date stamp, when its metadata gave no date: a
/// stamp line among its first paragraphs ("Published 11:34 PM EST Nov 19,
/// 2019" under the headline and the agency's name), where the extractor
/// keeps it as text.
fn stamp_near_top(
    dates: &crate::date_text::FullDates,
    text: &str,
    paragraphs: &[Block],
) -> crate::model::Published {
    /// How many paragraphs from the top a stamp may sit.
    const LOOK: usize = 4;
    paragraphs
        .iter()
        .filter(|b| b.class != BlockClass::Title)
        .take(LOOK)
        .find_map(|b| {
            let line = b.span.text(text);
            blocks::is_stamp_line(line)
                .then(|| meta::stated_in(dates, b.span, line))
                .flatten()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::model::BlockClass;

    /// The body's paragraphs and every block's class of a page whose
    /// `<article>` holds `inside`, each item one paragraph.
    fn read(inside: &[&str]) -> (Vec<String>, Vec<(BlockClass, String)>) {
        let paragraphs: String = inside.iter().map(|p| format!("<p>{p}</p>")).collect();
        let html = format!(
            "<!DOCTYPE html><html><head><title>Ferry delays | Brask Herald</title></head>\
             <body><nav><a href=\"/\">Home</a></nav><article><h1>Ferry delays go on</h1>\
             {paragraphs}</article></body></html>"
        );
        let loaded = crate::ingest::html::load("ferry.html".into(), html.as_bytes(), None).unwrap();
        let c = crate::parse::build_corpus(
            &crate::parse::knowledge::Knowledge::shared_builtin(),
            vec![loaded],
            Vec::new(),
            None,
        );
        let a = &c.articles[0];
        let text = |s: crate::model::Span| s.text(&a.raw).trim().to_string();
        (
            a.body.iter().map(|&s| text(s)).collect(),
            a.blocks.iter().map(|b| (b.class, text(b.span))).collect(),
        )
    }

    fn prose(i: usize) -> String {
        format!(
            "The ferry to Brask ran late again on crossing {i}, and the harbour master \
             Ilse Varn said the new engines would come in spring, once the yard at \
             Tollmere had finished its work on the hulls."
        )
    }

    #[test]
    fn an_extracted_articles_bylines_stamps_credits_and_related_stories_are_not_its_body() {
        let (p1, p2, p3, p4) = (prose(1), prose(2), prose(3), prose(4));
        let items = [
            "By Mara Quill",
            "Published 9:05 AM EST Jan 14, 2025",
            &p1,
            "Photo: Lena Brisk, Tollmere Wire",
            &p2,
            "Advertisement",
            &p3,
            &p4,
            "More from the Herald",
            "Ferry fares rise for summer",
            "Tollmere yard wins new order",
            "Harbour fog delays morning boats",
        ];
        let (body, blocks) = read(&items);
        assert_eq!(body, [p1.as_str(), &p2, &p3, &p4]);
        let class = |t: &str| blocks.iter().find(|(_, b)| b == t).map(|(c, _)| *c);
        assert_eq!(class("By Mara Quill"), Some(BlockClass::Byline));
        assert_eq!(class("Advertisement"), Some(BlockClass::Furniture));
        for page_line in [
            "Published 9:05 AM EST Jan 14, 2025",
            "Photo: Lena Brisk, Tollmere Wire",
            "More from the Herald",
            "Ferry fares rise for summer",
            "Harbour fog delays morning boats",
        ] {
            let c = class(page_line);
            assert!(
                c.is_some_and(|c| c != BlockClass::Body),
                "{page_line:?}: {c:?}"
            );
        }
        // Nothing is lost: every paragraph is still a block.
        for item in items {
            assert!(class(item).is_some(), "{item:?}");
        }
    }

    #[test]
    fn an_extracted_articles_own_lists_and_closing_sentences_stay_its_body() {
        let (p1, p2, p3) = (prose(1), prose(2), prose(3));
        let (body, blocks) = read(&[
            "Ships to watch",
            &p1,
            "June 9 – Brask, Harbour Hall",
            "June 10 – Tollmere, Quay Arena",
            "June 14 – Oster Point, Pier Two",
            &p2,
            &p3,
            "Read more: Ferry fares rise for summer",
            "The harbour office will post the new times online.",
        ]);
        for kept in [
            "June 9 – Brask, Harbour Hall",
            "June 10 – Tollmere, Quay Arena",
            "The harbour office will post the new times online.",
        ] {
            assert!(
                body.iter().any(|b| b == kept),
                "{kept:?} dropped from {blocks:?}"
            );
        }
    }
}
