//! Articles built by hand for the front ends' tests (behind the
//! `test-support` feature, so the product never carries it): a page whose
//! lines already have their classes, so a reader or list test depends on
//! no parser decision.

use crate::model::{Article, ArticleId, Block, BlockClass, Span};

/// A page from `(line, class)` pairs, one per raw line (None: an empty
/// line). Body lines that follow each other are one paragraph, the way a
/// one-element-per-line page is joined; every other body-class line is a
/// paragraph of its own. The title is the last `Title` line, and each
/// paragraph is one sentence.
pub fn page(id: ArticleId, lines: &[(&str, Option<BlockClass>)]) -> Article {
    let mut raw = String::new();
    let mut blocks = Vec::new();
    let mut body: Vec<Span> = Vec::new();
    let mut title = None;
    let mut joined = false;
    for (text, class) in lines {
        let start = raw.len();
        raw.push_str(text);
        let span = Span::new(start, raw.len());
        raw.push('\n');
        let Some(class) = *class else {
            joined = false;
            continue;
        };
        blocks.push(Block { span, class });
        match body.last_mut() {
            Some(p) if joined && class == BlockClass::Body => p.end = span.end,
            _ if class.is_body() => body.push(span),
            _ => {}
        }
        if class == BlockClass::Title {
            title = Some(span);
        }
        joined = class == BlockClass::Body;
    }
    Article {
        id,
        path: format!("pages/{id:02}_page.txt").into(),
        raw,
        title,
        sentences: body.clone().into(),
        body: body.into(),
        blocks: blocks.into(),
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BlockClass::*;

    #[test]
    fn body_lines_in_a_row_join_and_a_gap_parts_them() {
        let a = page(
            3,
            &[
                ("Quay Lamps Relit", Some(Title)),
                ("The lamps came on.", Some(Body)),
                ("Ria Tolvan watched.", Some(Body)),
                ("", None),
                ("Rain followed.", Some(Body)),
                ("Share this", Some(Furniture)),
            ],
        );
        let texts: Vec<&str> = a.body.iter().map(|s| &a.raw[s.range()]).collect();
        assert_eq!(
            texts,
            ["The lamps came on.\nRia Tolvan watched.", "Rain followed."]
        );
        assert_eq!(a.title.map(|t| &a.raw[t.range()]), Some("Quay Lamps Relit"));
        assert_eq!(a.blocks.len(), 5);
        assert_eq!(a.sentences, a.body);
        assert_eq!(a.id, 3);
    }
}
