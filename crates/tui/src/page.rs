//! The reader's document for one article, as screen lines: the clean view
//! (the body as the article reads — paragraphs, subheads as headings, list
//! items under bullets — with every run of lines that is not the article
//! folded into one marker line that opens in place) and the raw view (every
//! line of the file, tagged with its class). Built from the model's body
//! spans and blocks in one pass over each, so linear in the article.

use super::wrap::{self, CLASSES, DocLine, LineKind, Run};
use dateline_core::model::{Article, Block, BlockClass, Span};

/// The clean view at `width` columns. Runs of non-body lines become
/// markers (or, where `open` says so for a run's start, a head line and the
/// lines dimmed under their class tag, `gutter` columns wide); the runs are
/// put in `runs`, in page order. Teasers follow under their own heading.
pub fn clean_lines(
    a: &Article,
    width: usize,
    gutter: usize,
    open: &dyn Fn(u32) -> bool,
    runs: &mut Vec<Run>,
) -> Vec<DocLine> {
    let mut b = Builder {
        a,
        width,
        gutter,
        open,
        runs,
        out: Vec::new(),
        after_list: false,
    };
    let blocks = &a.blocks;
    let mut i = 0;
    for p in &a.body {
        let from = i;
        while i < blocks.len() && blocks[i].span.end <= p.start {
            i += 1;
        }
        b.run(&blocks[from..i]);
        let from = i;
        while i < blocks.len() && blocks[i].span.start < p.end {
            i += 1;
        }
        b.paragraph(*p, &blocks[from..i]);
    }
    if a.body.is_empty() {
        b.out.push(DocLine {
            kind: LineKind::NoBody,
            start: 0,
            end: 0,
        });
    }
    b.run(&blocks[i..]);
    let mut out = b.out;
    if !a.teasers.is_empty() {
        let end = a.raw.len() as u32;
        out.push(wrap::blank(end));
        out.push(DocLine {
            kind: LineKind::TeaserHeading,
            start: end,
            end,
        });
        for t in &a.teasers {
            wrap::wrap_into(&a.raw, t.start, t.end, width, LineKind::Teaser, &mut out);
        }
    }
    out
}

struct Builder<'a> {
    a: &'a Article,
    width: usize,
    gutter: usize,
    open: &'a dyn Fn(u32) -> bool,
    runs: &'a mut Vec<Run>,
    out: Vec<DocLine>,
    /// The last thing shown was a list item: the next one follows it
    /// without a blank line, so a list reads as a list.
    after_list: bool,
}

impl Builder<'_> {
    /// A blank line before the next thing, unless it is the first.
    fn gap(&mut self) {
        if let Some(last) = self.out.last() {
            let at = last.end;
            self.out.push(wrap::blank(at));
        }
    }

    /// One run of hidden lines (nothing when `blocks` is empty).
    fn run(&mut self, blocks: &[Block]) {
        let (Some(first), Some(last)) = (blocks.first(), blocks.last()) else {
            return;
        };
        let mut classes = 0u16;
        for b in blocks {
            if let Some(i) = CLASSES.iter().position(|&c| c == b.class) {
                classes |= 1 << i;
            }
        }
        let run = Run {
            start: first.span.start,
            end: last.span.end,
            lines: blocks.len() as u32,
            classes,
        };
        let idx = self.runs.len() as u32;
        self.runs.push(run);
        self.gap();
        self.after_list = false;
        if !(self.open)(run.start) {
            self.out.push(DocLine {
                kind: LineKind::Marker(idx),
                start: run.start,
                end: run.end,
            });
            return;
        }
        self.out.push(DocLine {
            kind: LineKind::MarkerOpen(idx),
            start: run.start,
            end: run.end,
        });
        for b in blocks {
            tagged(
                &self.a.raw,
                b.span,
                Some(b.class),
                self.width,
                self.gutter,
                false,
                &mut self.out,
            );
        }
    }

    /// One body paragraph, cut where its lines change class: subheads and
    /// list items apart from the prose around them, each list item apart.
    fn paragraph(&mut self, p: Span, blocks: &[Block]) {
        let kind_of = |c: BlockClass| match c {
            BlockClass::Subhead => LineKind::Heading,
            BlockClass::List => LineKind::ListItem { first: true },
            _ => LineKind::Body,
        };
        let mut pieces: Vec<(u32, u32, LineKind)> = Vec::new();
        for b in blocks {
            let kind = kind_of(b.class);
            match pieces.last_mut() {
                Some(last) if last.2 == kind && kind != (LineKind::ListItem { first: true }) => {
                    last.1 = b.span.end;
                }
                _ => pieces.push((b.span.start, b.span.end, kind)),
            }
        }
        if pieces.is_empty() {
            pieces.push((p.start, p.end, LineKind::Body));
        }
        if let Some(first) = pieces.first_mut() {
            first.0 = first.0.min(p.start);
        }
        if let Some(last) = pieces.last_mut() {
            last.1 = last.1.max(p.end);
        }
        for (start, end, kind) in pieces {
            let list = matches!(kind, LineKind::ListItem { .. });
            if !(list && self.after_list) {
                self.gap();
            }
            self.after_list = list;
            let raw = &self.a.raw;
            if list {
                let from = self.out.len();
                let w = self.width.saturating_sub(2).max(1);
                wrap::wrap_into(
                    raw,
                    start,
                    end,
                    w,
                    LineKind::ListItem { first: false },
                    &mut self.out,
                );
                if let Some(l) = self.out.get_mut(from) {
                    l.kind = LineKind::ListItem { first: true };
                }
            } else {
                wrap::wrap_into(raw, start, end, self.width, kind, &mut self.out);
            }
        }
    }
}

/// Wraps one line after a `gutter`-column class tag; its first screen line
/// carries the tag. `raw_view`: a raw-file line, else a hidden one.
fn tagged(
    raw: &str,
    span: Span,
    class: Option<BlockClass>,
    width: usize,
    gutter: usize,
    raw_view: bool,
    out: &mut Vec<DocLine>,
) {
    let make = |first| {
        if raw_view {
            LineKind::Raw { class, first }
        } else {
            LineKind::Hidden { class, first }
        }
    };
    let from = out.len();
    let w = width.saturating_sub(gutter).max(1);
    wrap::wrap_into(raw, span.start, span.end, w, make(false), out);
    if let Some(l) = out.get_mut(from) {
        l.kind = make(true);
    }
}

/// The raw view: every line of the file, each under its class tag (a line
/// without a block, such as an empty one, has none).
pub fn raw_lines(a: &Article, width: usize, gutter: usize) -> Vec<DocLine> {
    let mut out = Vec::new();
    let (mut bi, mut pi) = (0usize, 0usize);
    for (start, line) in dateline_core::text::raw_lines(&a.raw) {
        let end = start + line.len();
        let span = Span::new(start, end);
        while bi < a.blocks.len() && a.blocks[bi].span.end <= span.start {
            bi += 1;
        }
        while pi < a.body.len() && a.body[pi].end <= span.start {
            pi += 1;
        }
        let class = match a.blocks.get(bi).filter(|b| b.span.start < span.end) {
            Some(b) => Some(b.class),
            // Blocks that leave a line out: the body spans still say.
            None if a.body.get(pi).is_some_and(|p| p.overlaps(span)) => Some(BlockClass::Body),
            None => None,
        };
        if start == end {
            out.push(wrap::blank(start as u32));
        } else {
            tagged(&a.raw, span, class, width, gutter, true, &mut out);
        }
    }
    out
}

/// The tag in front of a line of class `class`, `gutter` columns wide
/// (blank on a line's continuation and when there is no class).
pub fn tag(class: Option<BlockClass>, first: bool, gutter: usize) -> String {
    let name = match class {
        Some(c) if first => c.as_str(),
        _ => "",
    };
    let name = dateline_core::text::fit(name, gutter.saturating_sub(1));
    let pad = gutter.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()));
    format!("{name}{}", " ".repeat(pad))
}

/// Most lines the reader's headline wraps to.
pub const HEADLINE_MAX_LINES: usize = 3;

/// The article's headline word-wrapped to `width` (`(untitled)` without one).
pub fn headline_lines(a: &Article, width: usize) -> Vec<String> {
    let title = wrap::display(a.title_text());
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = if title.is_empty() {
        "(untitled)".to_string()
    } else {
        title
    };
    super::styled_wrap::wrap_styled(&[(title, ratatui::style::Style::default())], width)
        .into_iter()
        .map(|l| l.into_iter().map(|(x, _)| x).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared hand-built page, numbered 7.
    fn page(lines: &[(&str, Option<BlockClass>)]) -> Article {
        dateline_core::testing::page(7, lines)
    }

    fn kinds(a: &Article, open: bool) -> (Vec<String>, Vec<Run>) {
        let mut runs = Vec::new();
        let lines = clean_lines(a, 60, 10, &|_| open, &mut runs);
        let shown = lines
            .iter()
            .map(|l| {
                let text = wrap::display_span(&a.raw, l.start, l.end);
                match l.kind {
                    LineKind::Blank => String::new(),
                    LineKind::Marker(r) => format!("marker {r}"),
                    LineKind::MarkerOpen(r) => format!("open {r}"),
                    LineKind::Heading => format!("# {text}"),
                    LineKind::ListItem { first: true } => format!("- {text}"),
                    LineKind::ListItem { first: false } => format!("  {text}"),
                    LineKind::Hidden { class, .. } => {
                        format!("[{}] {text}", class.map_or("?", BlockClass::as_str))
                    }
                    _ => text.into_owned(),
                }
            })
            .collect();
        (shown, runs)
    }

    use BlockClass::*;

    fn sample() -> Article {
        page(&[
            ("Skip to content", Some(Furniture)),
            ("Harbour bridge reopens", Some(Title)),
            ("By Ada Quill", Some(Byline)),
            ("", None),
            ("The bridge opened on", Some(Body)),
            ("Monday after repairs.", Some(Body)),
            ("What changed", Some(Subhead)),
            ("New cables", Some(List)),
            ("Wider lanes", Some(List)),
            ("A ferry at dawn. Photo: Ivo Lark", Some(Caption)),
            ("Traffic was light.", Some(Body)),
            ("Share this", Some(Furniture)),
            ("Sign up", Some(Furniture)),
        ])
    }

    #[test]
    fn hidden_runs_fold_into_one_marker_each() {
        let (shown, runs) = kinds(&sample(), false);
        assert_eq!(
            shown,
            [
                "marker 0",
                "",
                "The bridge opened on Monday after repairs.",
                "",
                "# What changed",
                "",
                "- New cables",
                "- Wider lanes",
                "",
                "marker 1",
                "",
                "Traffic was light.",
                "",
                "marker 2",
            ]
        );
        let counts: Vec<u32> = runs.iter().map(|r| r.lines).collect();
        assert_eq!(counts, [3, 1, 2]);
        assert_eq!(runs[0].class_names(), "furniture, title, byline");
        assert_eq!(runs[1].class_names(), "caption");
    }

    #[test]
    fn an_open_run_shows_its_lines_tagged() {
        let (shown, _) = kinds(&sample(), true);
        assert_eq!(
            &shown[..4],
            [
                "open 0",
                "[furniture] Skip to content",
                "[title] Harbour bridge reopens",
                "[byline] By Ada Quill"
            ]
        );
        assert!(shown.contains(&"[caption] A ferry at dawn. Photo: Ivo Lark".to_string()));
    }

    #[test]
    fn no_body_still_folds_the_page() {
        let a = page(&[("Menu", Some(Furniture)), ("Log in", Some(Furniture))]);
        let mut runs = Vec::new();
        let lines = clean_lines(&a, 40, 10, &|_| false, &mut runs);
        assert_eq!(lines[0].kind, LineKind::NoBody);
        assert!(matches!(lines.last().unwrap().kind, LineKind::Marker(0)));
        assert_eq!(runs[0].lines, 2);
    }

    #[test]
    fn list_items_wrap_under_their_bullet() {
        let a = page(&[(
            "An item of a list inside the article, long enough to need two lines",
            Some(List),
        )]);
        let (shown, _) = kinds(&a, false);
        assert!(shown[0].starts_with("- An item"), "{shown:?}");
        assert!(shown[1].starts_with("  "), "{shown:?}");
    }

    #[test]
    fn raw_lines_carry_their_class() {
        let a = sample();
        let lines = raw_lines(&a, 60, 10);
        let first: Vec<Option<BlockClass>> = lines
            .iter()
            .filter_map(|l| match l.kind {
                LineKind::Raw { class, first: true } => Some(class),
                LineKind::Blank => Some(None),
                _ => None,
            })
            .collect();
        assert_eq!(
            first[..5],
            [Some(Furniture), Some(Title), Some(Byline), None, Some(Body)]
        );
        assert_eq!(tag(Some(Caption), true, 10), "caption   ");
        assert_eq!(tag(Some(Caption), false, 10), "          ");
        assert_eq!(tag(Some(Furniture), true, 10), "furniture ");
    }
}
