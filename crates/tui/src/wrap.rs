//! Our own word wrapping, measured with unicode-width on the *sanitized* text
//! (what actually reaches the screen), so lines never overflow and double-width
//! characters in a one-column pane cannot panic anything. Lines keep byte
//! ranges into the raw text, so highlights (dates, mentions, search hits) are
//! applied at render time by span, and the wrap is cached per
//! (article, width, mode) in `doc` — a key press never re-wraps an article.

use dateline_core::model::{Article, ArticleId, BlockClass, Span};
use dateline_core::text;
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// What a reader line shows; decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A piece of a body paragraph (a paragraph may run over several raw
    /// lines: a newline in it reads as a space).
    Body,
    /// A piece of a subhead inside the article.
    Heading,
    /// A piece of an item of a list inside the article: `first` carries
    /// the bullet, the rest are indented under it.
    ListItem {
        first: bool,
    },
    Blank,
    /// The "Related headlines" heading above the teasers.
    TeaserHeading,
    Teaser,
    /// The article has no body text: a note saying so.
    NoBody,
    /// A run of lines that are not the article, collapsed: index into
    /// [`Doc::runs`](super::doc::Doc::runs).
    Marker(u32),
    /// The head of an expanded run, above its lines.
    MarkerOpen(u32),
    /// A piece of a line of an expanded run; `first` carries its class tag.
    Hidden {
        class: Option<BlockClass>,
        first: bool,
    },
    /// A piece of a raw-file line, with the class the parser gave it (None:
    /// a line with no block, such as an empty one).
    Raw {
        class: Option<BlockClass>,
        first: bool,
    },
    /// A piece of a line of an HTML page's source ([`Doc::source`](super::doc::Doc::source)).
    Source,
}

impl LineKind {
    /// Lines whose text is the article's body (entities are marked there).
    pub fn is_body(self) -> bool {
        matches!(
            self,
            LineKind::Body | LineKind::Heading | LineKind::ListItem { .. }
        )
    }
}

/// One screen line of the reader: a byte range of the article's raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub start: u32,
    pub end: u32,
}

/// A run of non-empty lines between (or around) body paragraphs that the
/// reader does not show as the article: furniture, bylines, captions,
/// teasers, the title. Collapsed to one marker line unless opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The first byte of its first line: how the run is known across
    /// re-wraps (the expand state is kept by it).
    pub start: u32,
    pub end: u32,
    /// How many lines it holds.
    pub lines: u32,
    /// Which classes it holds: bit `i` is `CLASSES[i]`.
    pub classes: u16,
}

/// Every class, in the order a run's marker lists them.
pub const CLASSES: [BlockClass; 9] = [
    BlockClass::Furniture,
    BlockClass::Title,
    BlockClass::Byline,
    BlockClass::Caption,
    BlockClass::Teaser,
    BlockClass::Body,
    BlockClass::Subhead,
    BlockClass::List,
    BlockClass::Dateline,
];

impl Run {
    /// "furniture, byline": the classes of its lines.
    pub fn class_names(&self) -> String {
        CLASSES
            .iter()
            .enumerate()
            .filter(|(i, _)| self.classes & (1 << i) != 0)
            .map(|(_, c)| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Which hidden runs the reader shows: all of them (`Z`) or none, except
/// the runs toggled one by one (`z`, a click), per article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Folds {
    pub all_open: bool,
    /// (article, run start) pairs shown differently from `all_open`.
    pub toggled: std::collections::HashSet<(ArticleId, u32)>,
    /// Bumped on every change, so the wrap cache knows to rebuild.
    pub generation: u32,
}

impl Folds {
    pub fn is_open(&self, article: ArticleId, run_start: u32) -> bool {
        self.all_open != self.toggled.contains(&(article, run_start))
    }
}

/// Columns of the class tag in front of a raw or hidden line, when the
/// pane is wide enough for it ([`gutter_width`]).
pub const GUTTER: usize = 10;

/// The tag column's width at `width` columns: none when it would leave too
/// little for the text (the class is then told by style alone).
pub fn gutter_width(width: usize) -> usize {
    if width >= 3 * GUTTER + 6 { GUTTER } else { 0 }
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

pub(super) fn blank(at: u32) -> DocLine {
    DocLine {
        kind: LineKind::Blank,
        start: at,
        end: at,
    }
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

/// The whitespace run of `raw` that starts at byte `at` (which must be
/// whitespace): its end, and whether it holds a line break (then it reads
/// as one space: the text flows on from the line before).
fn space_run(raw: &str, at: usize) -> (usize, bool) {
    let rest = raw.get(at..).unwrap_or("");
    let len = rest
        .find(|c: char| !c.is_whitespace())
        .unwrap_or(rest.len());
    (at + len, rest[..len].contains('\n'))
}

/// Greedy word wrap of `raw[start..end]` at `width` columns: breaks at a
/// space when it can (the space itself is not shown at either end of a
/// line), inside a word when the word alone is too long. A run of
/// whitespace holding a line break counts as one space.
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
    let pushed = out.len();
    let mut line_start = start;
    let mut line_w = 0usize;
    // Where the next line starts when breaking at the last space seen.
    let mut last_break: Option<u32> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let abs = start + i as u32;
        let (unit_end, cw, space) = if c.is_whitespace() {
            let (run_end, flows) = space_run(text, i);
            if flows {
                while chars.peek().is_some_and(|&(j, _)| j < run_end) {
                    chars.next();
                }
                (start + run_end as u32, 1, true)
            } else {
                (abs + c.len_utf8() as u32, char_width(c), true)
            }
        } else {
            (abs + c.len_utf8() as u32, char_width(c), false)
        };
        if line_w + cw > width && abs > line_start {
            if space {
                out.push(DocLine {
                    kind,
                    start: line_start,
                    end: abs,
                });
                line_start = unit_end;
                line_w = 0;
                last_break = None;
                continue;
            }
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
        if space {
            last_break = Some(unit_end);
        }
    }
    if line_start < end || out.len() == pushed {
        out.push(DocLine {
            kind,
            start: line_start.min(end),
            end,
        });
    }
}

/// `raw[start..end]` as it may be shown: [`display`], with each run of
/// whitespace that holds a line break shown as one space (and only where
/// the run begins, so a piece cut inside one adds nothing) — exactly as
/// wide as [`wrap_into`] measured it.
pub fn display_span(raw: &str, start: u32, end: u32) -> Cow<'_, str> {
    let (start, end) = (start as usize, end as usize);
    let Some(piece) = raw.get(start..end) else {
        return Cow::Borrowed("");
    };
    if !piece.contains(['\n', '\r']) && !piece.starts_with(char::is_whitespace) {
        return display(piece);
    }
    let mut out = String::with_capacity(piece.len());
    let mut i = start;
    // A piece that starts inside a whitespace run: where that run began.
    let mut run_from = raw[..start].trim_end_matches(char::is_whitespace).len();
    while i < end {
        let Some(c) = raw[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            let (run_end, flows) = space_run(raw, run_from.min(i));
            let stop = run_end.min(end);
            if flows {
                if run_from.min(i) >= start {
                    out.push(' ');
                }
            } else if let Some(s) = raw.get(i..stop) {
                out.push_str(&display(s));
            }
            i = stop.max(i + c.len_utf8());
            run_from = usize::MAX;
            continue;
        }
        let next = raw[i..]
            .find(char::is_whitespace)
            .map_or(end, |n| (i + n).min(end));
        out.push_str(&display(&raw[i..next]));
        i = next;
        run_from = usize::MAX;
    }
    Cow::Owned(out)
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
    fn wraps_at_spaces_and_breaks_long_words() {
        assert_eq!(widths("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(widths("aaa bbb ccc", 6), ["aaa ", "bbb ", "ccc"]);
        assert_eq!(widths("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(widths("aaa ", 3), ["aaa"]);
        assert_eq!(widths("", 3), [""]);
    }

    /// A paragraph over several raw lines wraps as one: the line break and
    /// the indentation around it are one space, on screen and when measured.
    #[test]
    fn a_line_break_inside_a_paragraph_is_one_space() {
        let raw = "one two\n   three four\r\nfive";
        assert_eq!(widths(raw, 80).len(), 1);
        let mut out = Vec::new();
        wrap_into(raw, 0, raw.len() as u32, 80, LineKind::Body, &mut out);
        assert_eq!(
            display_span(raw, out[0].start, out[0].end),
            "one two three four five"
        );
        // Cut to 13 columns: "one two three" fits exactly, the break is a space.
        let lines = widths(raw, 13);
        assert_eq!(lines[0], "one two\n   three");
        assert_eq!(display_span(raw, 0, 16), "one two three");
        // A piece cut inside the break adds no second space.
        assert_eq!(display_span(raw, 0, 8), "one two ");
        assert_eq!(display_span(raw, 8, 16), "three");
        assert_eq!(display_span(raw, 9, 16), "three");
        // Control characters stay made visible.
        assert_eq!(display_span("a\n\x1b[2J", 0, 6), "a \u{241b}[2J");
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
