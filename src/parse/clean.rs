//! Separates the article body from page furniture. Chooses spans; never
//! edits text.

use crate::model::Span;

/// What cleaning found on a page: spans of the raw text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub title: Option<Span>,
    /// Body paragraphs (trimmed non-empty lines), in order.
    pub body: Vec<Span>,
    /// Non-empty lines that are furniture.
    pub boilerplate: Vec<Span>,
    /// Headlines of other stories, deduplicated.
    pub teasers: Vec<Span>,
}

/// STUB: every non-empty line is body; the first is the title.
pub fn clean(raw: &str) -> Cleaned {
    let mut c = Cleaned::default();
    let mut pos = 0;
    for line in raw.split('\n') {
        let t = line.trim();
        if !t.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            let span = Span::new(start, start + t.len());
            if c.title.is_none() {
                c.title = Some(span);
            } else {
                c.body.push(span);
            }
        }
        pos += line.len() + 1;
    }
    c
}
