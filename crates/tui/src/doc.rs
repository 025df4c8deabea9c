//! The reader's cached document: the lines of one article at one width in
//! the clean or the raw view (or, for an HTML page's raw view, its source),
//! with its entities; rebuilt only when the article, width, view or open
//! folds change. The lines themselves come from `page` (built with `wrap`'s
//! primitives); this module only decides which and keeps them.

use super::page;
use super::wrap::{
    DocLine, Entity, Folds, LineKind, Run, blank, entities, gutter_width, wrap_into,
};
use dateline_core::model::{Article, ArticleId};

/// The wrapped document of one article at one width, plus its entities in
/// text order (the parser's lists are merged once here, not per key).
#[derive(Debug, Default)]
pub struct Doc {
    /// (article, width, raw, fold generation) it was built for.
    pub key: Option<(ArticleId, u16, bool, u32)>,
    pub lines: Vec<DocLine>,
    /// The hidden runs of the clean view, in page order.
    pub runs: Vec<Run>,
    /// Columns of the class tag in front of raw and hidden lines.
    pub gutter: usize,
    pub entities: Vec<Entity>,
    /// How many leading lines have ascending starts (body or raw lines; the
    /// teasers after them point elsewhere in the file).
    pub searchable: usize,
    /// In the raw view of an HTML page: the page's source, which the lines
    /// then point into instead of the article's (extracted) text.
    pub source: Option<String>,
}

impl Doc {
    /// Makes sure the cached document is the one for `(article, width, raw)`
    /// with the hidden runs `folds` opens; returns true when it was rebuilt.
    pub fn ensure(&mut self, article: &Article, width: u16, raw: bool, folds: &Folds) -> bool {
        let key = (article.id, width.max(1), raw, folds.generation);
        if self.key == Some(key) {
            return false;
        }
        self.key = Some(key);
        let width = key.1 as usize;
        self.gutter = gutter_width(width);
        self.runs.clear();
        self.source = None;
        self.lines = if raw {
            match dateline_core::ingest::page_source(&article.path) {
                Some(src) => {
                    let lines = source_lines(&src, width);
                    self.source = Some(src);
                    lines
                }
                None => page::raw_lines(article, width, self.gutter),
            }
        } else {
            let open = |start: u32| folds.is_open(article.id, start);
            page::clean_lines(article, width, self.gutter, &open, &mut self.runs)
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

    /// The run a line belongs to: its marker, its head, or one of its lines.
    pub fn run_of(&self, line: usize) -> Option<usize> {
        let l = self.lines.get(line)?;
        match l.kind {
            LineKind::Marker(r) | LineKind::MarkerOpen(r) => Some(r as usize),
            LineKind::Hidden { .. } => {
                let i = self.runs.partition_point(|r| r.start <= l.start);
                i.checked_sub(1).filter(|&i| l.start <= self.runs[i].end)
            }
            _ => None,
        }
    }

    /// The index of the marker (or open head) line of run `run`.
    pub fn marker_line(&self, run: usize) -> Option<usize> {
        let r = run as u32;
        self.lines
            .iter()
            .position(|l| matches!(l.kind, LineKind::Marker(x) | LineKind::MarkerOpen(x) if x == r))
    }
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

#[cfg(test)]
mod tests {
    use super::super::wrap::display;
    use super::*;
    use dateline_core::model::Span;

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
            body: vec![Span::new(0, 13)].into(),
            ..Article::default()
        };
        let mut doc = Doc::default();
        doc.ensure(&a, 80, true, &Folds::default());
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
        doc.ensure(&a, 80, false, &Folds::default());
        assert!(doc.source.is_none());
        let txt = Article {
            path: dir.path().join("missing.txt"),
            ..a
        };
        doc.ensure(&txt, 80, true, &Folds::default());
        assert!(doc.source.is_none());
        assert!(matches!(doc.lines[0].kind, LineKind::Raw { .. }));
    }
}
