//! Our own word wrapping, measured with unicode-width on the *sanitized* text
//! (what actually reaches the screen), so lines never overflow and double-width
//! characters in a one-column pane cannot panic anything. Lines keep byte
//! ranges into the raw text, so highlights (dates, mentions, search hits) are
//! applied at render time by span, and the wrap is cached per
//! (article, width, mode) — a key press never re-wraps an article.

use crate::model::{Article, ArticleId, Span};
use crate::text;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// What a reader line shows; decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A piece of a body paragraph.
    Body,
    Blank,
    /// The "Related headlines" heading above the teasers.
    TeaserHeading,
    Teaser,
    /// The article has no body text: a note saying so.
    NoBody,
    /// A piece of a raw-file line that the cleaner kept as body.
    Raw,
    /// A piece of a raw-file line the cleaner judged page furniture.
    RawFurniture,
    /// A piece of a line of an HTML page's source ([`Doc::source`]).
    Source,
}

/// One screen line of the reader: a byte range of the article's raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub start: u32,
    pub end: u32,
}

/// Something the entity cursor can stop on: a date or an actor mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// Index into `Article::times`.
    Time(u32),
    /// Index into `Article::mentions`.
    Mention(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
}

/// The wrapped document of one article at one width, plus its entities in
/// text order (the parser's lists are merged once here, not per key).
#[derive(Debug, Default)]
pub struct Doc {
    pub key: Option<(ArticleId, u16, bool)>,
    pub lines: Vec<DocLine>,
    pub entities: Vec<Entity>,
    /// How many leading lines have ascending starts (body or raw lines; the
    /// teasers after them point elsewhere in the file).
    pub searchable: usize,
    /// In the raw view of an HTML page: the page's source, which the lines
    /// then point into instead of the article's (extracted) text.
    pub source: Option<String>,
}

impl Doc {
    /// Makes sure the cached document is the one for `(article, width, raw)`;
    /// returns true when it was rebuilt.
    pub fn ensure(&mut self, article: &Article, width: u16, raw: bool) -> bool {
        let key = (article.id, width.max(1), raw);
        if self.key == Some(key) {
            return false;
        }
        self.key = Some(key);
        self.source = None;
        self.lines = if raw {
            match crate::ingest::html::page_source(&article.path) {
                Some(src) => {
                    let lines = source_lines(&src, key.1 as usize);
                    self.source = Some(src);
                    lines
                }
                None => raw_lines(article, key.1 as usize),
            }
        } else {
            clean_lines(article, key.1 as usize)
        };
        self.searchable = self
            .lines
            .iter()
            .position(|l| matches!(l.kind, LineKind::TeaserHeading))
            .map_or(self.lines.len(), |i| i.saturating_sub(1));
        self.entities = entities(article);
        true
    }

    /// The index of the line that shows byte `offset` (the last line starting
    /// at or before it).
    pub fn line_of(&self, offset: u32) -> usize {
        let lines = self.lines.get(..self.searchable).unwrap_or(&self.lines);
        lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }
}

/// Dates and mentions of `article`, ordered by position; only those inside
/// the body (the reader shows nothing else in clean mode).
pub fn entities(article: &Article) -> Vec<Entity> {
    let mut v: Vec<Entity> = article
        .times
        .iter()
        .enumerate()
        .map(|(i, t)| Entity {
            span: t.span,
            kind: EntityKind::Time(i as u32),
        })
        .chain(article.mentions.iter().enumerate().map(|(i, m)| Entity {
            span: m.span,
            kind: EntityKind::Mention(i as u32),
        }))
        .filter(|e| article.paragraph_of(e.span).is_some())
        .collect();
    v.sort_by_key(|e| (e.span.start, e.span.end));
    v
}

fn clean_lines(a: &Article, width: usize) -> Vec<DocLine> {
    let mut out = Vec::new();
    let mut prev_end = None;
    for p in &a.body {
        if let Some(e) = prev_end {
            out.push(blank(e));
        }
        prev_end = Some(p.end);
        wrap_into(&a.raw, p.start, p.end, width, LineKind::Body, &mut out);
    }
    if a.body.is_empty() {
        out.push(DocLine {
            kind: LineKind::NoBody,
            start: 0,
            end: 0,
        });
    }
    if !a.teasers.is_empty() {
        let end = a.raw.len() as u32;
        out.push(blank(end));
        out.push(DocLine {
            kind: LineKind::TeaserHeading,
            start: end,
            end,
        });
        for t in &a.teasers {
            wrap_into(&a.raw, t.start, t.end, width, LineKind::Teaser, &mut out);
        }
    }
    out
}

fn blank(at: u32) -> DocLine {
    DocLine {
        kind: LineKind::Blank,
        start: at,
        end: at,
    }
}

fn raw_lines(a: &Article, width: usize) -> Vec<DocLine> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    for line in a.raw.split('\n') {
        let start = pos;
        let end = start + line.trim_end_matches('\r').len();
        pos += line.len() + 1;
        let span = Span::new(start, end);
        let body = a.body.iter().any(|b| b.overlaps(span));
        let kind = if body {
            LineKind::Raw
        } else {
            LineKind::RawFurniture
        };
        if start == end {
            out.push(blank(start as u32));
        } else {
            wrap_into(&a.raw, start as u32, end as u32, width, kind, &mut out);
        }
    }
    out
}

fn source_lines(src: &str, width: usize) -> Vec<DocLine> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    for line in src.split('\n') {
        let start = pos;
        let end = start + line.trim_end_matches('\r').len();
        pos += line.len() + 1;
        if start == end {
            out.push(blank(start as u32));
        } else {
            wrap_into(
                src,
                start as u32,
                end as u32,
                width,
                LineKind::Source,
                &mut out,
            );
        }
    }
    out
}

/// Screen width of one character once sanitized (a control character becomes
/// a visible picture, a bidi override a `⟨U+202E⟩` tag, a tab four spaces).
pub fn char_width(c: char) -> usize {
    if c.is_ascii_graphic() || c == ' ' {
        return 1;
    }
    let mut buf = [0u8; 4];
    text::sanitize_line(c.encode_utf8(&mut buf)).width()
}

/// `s` as it may be shown: sanitized char by char, so the result is exactly as
/// wide as [`char_width`] measured (a tab is always four spaces).
pub fn display(s: &str) -> Cow<'_, str> {
    match text::sanitize_line(s) {
        Cow::Borrowed(b) => Cow::Borrowed(b),
        Cow::Owned(_) => {
            let mut out = String::with_capacity(s.len() + 8);
            let mut buf = [0u8; 4];
            for c in s.chars() {
                out.push_str(&text::sanitize_line(c.encode_utf8(&mut buf)));
            }
            Cow::Owned(out)
        }
    }
}

/// Greedy word wrap of `raw[start..end]` at `width` columns: breaks after a
/// space when it can, inside a word when the word alone is too long.
pub fn wrap_into(
    raw: &str,
    start: u32,
    end: u32,
    width: usize,
    kind: LineKind,
    out: &mut Vec<DocLine>,
) {
    let width = width.max(1);
    let Some(text) = raw.get(start as usize..end as usize) else {
        return;
    };
    let mut line_start = start;
    let mut line_w = 0usize;
    let mut last_break: Option<u32> = None;
    for (i, c) in text.char_indices() {
        let abs = start + i as u32;
        let cw = char_width(c);
        if line_w + cw > width && abs > line_start {
            let cut = last_break
                .filter(|&b| b > line_start && b <= abs)
                .unwrap_or(abs);
            out.push(DocLine {
                kind,
                start: line_start,
                end: cut,
            });
            line_start = cut;
            line_w = raw
                .get(cut as usize..abs as usize)
                .map_or(0, |s| s.chars().map(char_width).sum());
            last_break = None;
        }
        line_w += cw;
        if c == ' ' {
            last_break = Some(abs + 1);
        }
    }
    if line_start < end || out.last().is_none_or(|l| l.end != end) {
        out.push(DocLine {
            kind,
            start: line_start,
            end,
        });
    }
}

/// Cuts `s` to at most `width` columns, ending in `…` when it had to cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Keeps the end of `s` within `width` columns, starting with `…` when it
/// had to cut (the words just before a date in the timeline).
pub fn truncate_left(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = Vec::new();
    let mut w = 0;
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        kept.push(c);
        w += cw;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(raw: &str, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        wrap_into(raw, 0, raw.len() as u32, width, LineKind::Body, &mut out);
        out.iter()
            .map(|l| raw[l.start as usize..l.end as usize].to_string())
            .collect()
    }

    #[test]
    fn raw_view_of_an_html_page_is_its_source_and_of_a_text_file_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("p.html");
        std::fs::write(
            &page,
            "<html><body>\n<p>Pier \u{1b}[2J reopened</p>\n</body></html>",
        )
        .unwrap();
        let a = Article {
            path: page,
            raw: "Pier reopened".into(),
            body: vec![Span::new(0, 13)],
            ..Article::default()
        };
        let mut doc = Doc::default();
        doc.ensure(&a, 80, true);
        let src = doc.source.as_deref().unwrap();
        let shown: Vec<&str> = doc
            .lines
            .iter()
            .map(|l| &src[l.start as usize..l.end as usize])
            .collect();
        assert_eq!(
            shown,
            [
                "<html><body>",
                "<p>Pier \u{1b}[2J reopened</p>",
                "</body></html>"
            ]
        );
        assert!(doc.lines.iter().all(|l| l.kind == LineKind::Source));
        assert_eq!(display(shown[1]), "<p>Pier ␛[2J reopened</p>");
        doc.ensure(&a, 80, false);
        assert!(doc.source.is_none());
        let txt = Article {
            path: dir.path().join("missing.txt"),
            ..a
        };
        doc.ensure(&txt, 80, true);
        assert!(doc.source.is_none());
        assert_eq!(doc.lines[0].kind, LineKind::Raw);
    }

    #[test]
    fn wraps_at_spaces_and_breaks_long_words() {
        assert_eq!(widths("aaa bbb ccc", 7), ["aaa ", "bbb ccc"]);
        assert_eq!(widths("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn double_width_chars_fit_or_stand_alone() {
        assert_eq!(widths("日本語", 4), ["日本", "語"]);
        assert_eq!(widths("日本", 1), ["日", "本"]);
    }

    #[test]
    fn control_chars_are_measured_as_shown() {
        let lines = widths("a\u{202e}b", 4);
        assert!(lines.len() > 1);
        assert_eq!(display("\x1b[2J"), "\u{241b}[2J");
    }
}
