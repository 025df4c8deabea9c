//! The article list: two rows per article (title; date, source, events),
//! an unread dot, dates marked `?` when inferred and `----------` when unknown.

use super::app::{AppState, Pane};
use super::layout;
use super::wrap;
use crate::model::{Article, Basis, Corpus};
use crate::text::sanitize_line;
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
        (None, _) => "no date".into(),
    }
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
            " 1 Articles {}/{} · {sort}{filt} ",
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
        let title = wrap::display(a.title_text()).into_owned();
        let title = if title.is_empty() {
            a.file_name()
        } else {
            title
        };
        let title_style = if unread { base.patch(t.title) } else { base };
        let head = wrap::truncate(&format!("{dot}{title}"), w);
        let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
        lines.push(Line::from(vec![
            Span::styled(head, title_style),
            Span::styled(" ".repeat(if selected { pad } else { 0 }), base),
        ]));
        let events = s
            .derived
            .article_events
            .get(id as usize)
            .map_or(0, Vec::len);
        let mut meta = format!("  {} #{}", date_label(a), id + 1);
        if let Some(src) = &a.source {
            meta.push_str(&format!(" · {}", sanitize_line(src)));
        }
        meta.push_str(&format!(" · {events} ev"));
        if let Some(url) = &a.url {
            meta.push_str(&format!(" · {}", sanitize_line(url)));
        }
        let meta = wrap::truncate(&meta, w);
        let pad = w.saturating_sub(unicode_width::UnicodeWidthStr::width(meta.as_str()));
        lines.push(Line::from(vec![
            Span::styled(meta, base.patch(t.dim)),
            Span::styled(" ".repeat(if selected { pad } else { 0 }), base),
        ]));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
