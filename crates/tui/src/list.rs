//! The article list: two rows per article (title; date, source, events),
//! an unread dot, dates marked `?` when inferred and `----------` when unknown,
//! and `!` with what the parser doubts about the page (no title, a small
//! body). An article with no title shows its first body words, in italics.

use super::action::Pane;
use super::app::{AppState, Pending};
use super::layout;
use super::wrap;
use dateline_core::model::{Article, ArticleId, Basis, Corpus, PageWarning};
use dateline_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The date column: `2025-04-28`, `2025-04-28?` when inferred, `no date`.
pub fn date_label(a: &Article) -> String {
    match (&a.published.value, &a.published.basis) {
        (Some(v), Basis::Explicit) => v.label(),
        (Some(v), _) => format!("{}?", v.label()),
        (None, _) => dateline_core::output::table::NO_DATE.into(),
    }
}

/// What the list says of a page warning, in a few words.
pub fn warning_label(w: PageWarning) -> String {
    match w {
        PageWarning::NoTitle => "no title".into(),
        PageWarning::SmallBody { percent } => format!("body {percent}% of page"),
    }
}

/// The line the list shows for an article without a title: the start of
/// its body (None when it has no body either).
fn first_words(a: &Article) -> Option<String> {
    let p = a.body.first()?;
    let mut end = (p.end as usize).min(p.start as usize + 240);
    while !a.raw.is_char_boundary(end) {
        end -= 1;
    }
    let text = wrap::display_span(&a.raw, p.start, end as u32);
    let text = text.trim();
    (!text.is_empty()).then(|| format!("“{text}"))
}

/// Most lines the selected article's headline wraps to.
const SELECTED_TITLE_MAX: usize = 4;

/// The headline the list shows for `a` (its first words when it has none,
/// in italics, else its file name), whitespace folded.
fn list_title(a: &Article) -> (String, bool) {
    let title = wrap::display(a.title_text());
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if !title.is_empty() {
        (title, false)
    } else if let Some(words) = first_words(a) {
        (words, true)
    } else {
        (sanitize_line(&a.file_name()).into_owned(), false)
    }
}

/// The selected article's headline lines at `width` (its unread dot
/// included): whole, up to [`SELECTED_TITLE_MAX`] lines.
fn selected_title_lines(a: &Article, dot: &str, width: usize) -> Vec<String> {
    let (title, _) = list_title(a);
    let indent = unicode_width::UnicodeWidthStr::width(dot);
    let mut lines: Vec<String> = super::styled_wrap::wrap_styled(
        &[(title, Style::default())],
        width.saturating_sub(indent).max(1),
    )
    .into_iter()
    .enumerate()
    .map(|(i, l)| {
        let text: String = l.into_iter().map(|(x, _)| x).collect();
        if i == 0 {
            format!("{dot}{text}")
        } else {
            format!("{}{text}", " ".repeat(indent))
        }
    })
    .collect();
    if lines.len() > SELECTED_TITLE_MAX {
        lines.truncate(SELECTED_TITLE_MAX);
        if let Some(last) = lines.last_mut() {
            *last = dateline_core::text::fit(&format!("{last} …"), width);
        }
    }
    lines
}

/// Rows the article at list position `pos` takes: a headline and a
/// metadata row, the selected one's headline whole.
pub fn item_height(s: &AppState, c: &Corpus, pos: usize) -> usize {
    let cur = s.current.and_then(|id| s.list_pos(c, id));
    if Some(pos) != cur {
        return 2;
    }
    let w = s
        .layout
        .list
        .map_or(40, |r| layout::inner(r).width as usize);
    let id = s.list_order(c).get(pos).copied();
    match id.and_then(|id| c.articles.get(id as usize)) {
        Some(a) => 1 + selected_title_lines(a, "• ", w).len(),
        None => 2,
    }
}

/// The list position shown `row` rows below the list's top.
pub fn item_at_row(s: &AppState, c: &Corpus, row: usize) -> Option<usize> {
    let n = s.list_order(c).len();
    let mut y = 0;
    for pos in s.list_top..n {
        y += item_height(s, c, pos);
        if row < y {
            return Some(pos);
        }
    }
    None
}

pub fn render(f: &mut Frame, s: &AppState, c: &Corpus, r: Rect) {
    let t = &s.theme;
    let focused = s.focus == Pane::List;
    let order = s.list_order(c);
    let cur_pos = s.current.and_then(|id| s.list_pos(c, id));
    if layout::bordered(r) {
        let sort = if s.sort_by_file {
            "file order"
        } else {
            "by date"
        };
        let filt = s
            .filter
            .as_ref()
            .map(|fl| format!(" · {}", sanitize_line(&c.actor(fl.actor).name)))
            .unwrap_or_default();
        let title = format!(
            " {} {} {}/{} · {sort}{filt} ",
            Pane::List.number(),
            Pane::List.title(),
            cur_pos.map_or(0, |p| p + 1),
            order.len()
        );
        f.render_widget(t.pane_block(&title, focused, r.width, 2), r);
    }
    let inner = layout::inner(r);
    let w = inner.width as usize;
    if order.is_empty() {
        f.render_widget(Paragraph::new(Span::styled("no articles", t.dim)), inner);
        return;
    }
    let items = (inner.height as usize).div_ceil(2);
    let mut lines = Vec::with_capacity(items * 2);
    for (pos, &id) in order.iter().enumerate().skip(s.list_top).take(items) {
        if lines.len() >= inner.height as usize {
            break;
        }
        let Some(a) = c.articles.get(id as usize) else {
            continue;
        };
        let selected = Some(pos) == cur_pos;
        let base = if selected {
            if focused {
                t.cursor
            } else {
                t.cursor_unfocused
            }
        } else {
            Style::default()
        };
        let unread = !s.read.contains(&id);
        let dot = if unread { "• " } else { "  " };
        let (title, first_words) = list_title(a);
        let mut title_style = if unread { base.patch(t.title) } else { base };
        if first_words {
            title_style = title_style.add_modifier(ratatui::style::Modifier::ITALIC);
        }
        let heads = if selected {
            selected_title_lines(a, dot, w)
        } else {
            vec![dateline_core::text::fit(&format!("{dot}{title}"), w)]
        };
        for head in heads {
            let head = dateline_core::text::fit(&head, w);
            let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
            lines.push(Line::from(vec![
                Span::styled(head, title_style),
                Span::styled(" ".repeat(if selected { pad } else { 0 }), base),
            ]));
        }
        let events = s.derived.dated_events(c, id);
        // The id `articles --json` gives the article.
        let mut meta = format!("  {} #{id}", date_label(a));
        if let Some(src) = &a.source {
            meta.push_str(&format!(" · {}", sanitize_line(src)));
        }
        let noun = if events == 1 { "event" } else { "events" };
        meta.push_str(&format!(" · {events} {noun}"));
        if let Some(url) = &a.url {
            meta.push_str(&format!(" · {}", sanitize_line(url)));
        }
        let warn = if a.page_warnings.is_empty() {
            String::new()
        } else {
            let what: Vec<String> = a.page_warnings.iter().map(|&w| warning_label(w)).collect();
            format!(" ! {}", what.join(", "))
        };
        // The mark goes first when it cannot all fit, so it is always seen.
        let meta_w = unicode_width::UnicodeWidthStr::width(meta.as_str());
        let warn_w = unicode_width::UnicodeWidthStr::width(warn.as_str());
        let (meta, warn) = if meta_w + warn_w <= w {
            (meta, warn)
        } else {
            let warn = dateline_core::text::fit(&warn, w);
            let left = w.saturating_sub(unicode_width::UnicodeWidthStr::width(warn.as_str()));
            (dateline_core::text::fit(&meta, left), warn)
        };
        let used = unicode_width::UnicodeWidthStr::width(meta.as_str())
            + unicode_width::UnicodeWidthStr::width(warn.as_str());
        let pad = w.saturating_sub(used);
        lines.push(Line::from(vec![
            Span::styled(meta, base.patch(t.dim)),
            Span::styled(warn, base.patch(t.warning)),
            Span::styled(" ".repeat(if selected { pad } else { 0 }), base),
        ]));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// Selecting an article is the list's: the list scrolls to it, the reader
/// keeps its place in the one left.
impl AppState {
    /// Shows article `id` in the reader and selects it in the list, keeping
    /// the place in the one we leave.
    pub fn select_article(&mut self, c: &Corpus, id: ArticleId) {
        if c.articles.get(id as usize).is_none() {
            return;
        }
        if self.current == Some(id) {
            return;
        }
        if let Some(cur) = self.current {
            let top = self.reader_top_byte();
            self.reader.places.insert(cur, top);
        }
        self.current = Some(id);
        self.reader.entity = None;
        self.reader.scroll = 0;
        self.reader.pending = self.reader.places.get(&id).map(|&b| Pending::Top(b));
        self.list_into_view(c);
    }

    /// Scrolls the list so the current article is visible.
    pub fn list_into_view(&mut self, c: &Corpus) {
        let Some(pos) = self.current.and_then(|id| self.list_pos(c, id)) else {
            return;
        };
        let height = self
            .layout
            .list
            .map_or(20, |r| layout::inner(r).height as usize);
        let own = item_height(self, c, pos);
        // Items of two rows that fit above the selected one.
        let above = height.saturating_sub(own) / 2;
        if pos < self.list_top {
            self.list_top = pos;
        } else if pos > self.list_top + above {
            self.list_top = pos - above;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page with no title and no words is listed by its file name, and a
    /// control character in the name shows as its picture (`␛`), never raw.
    #[test]
    fn a_file_name_with_control_characters_is_listed_visibly() {
        let a = Article {
            path: std::path::PathBuf::from("news/evil\u{1b}[2Jname.txt"),
            raw: " ".to_string(),
            ..Article::default()
        };
        let (title, _) = list_title(&a);
        assert_eq!(title, "evil\u{241b}[2Jname.txt");
    }
}
