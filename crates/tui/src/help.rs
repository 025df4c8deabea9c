//! The help overlay, generated from the running keymap so it cannot drift
//! from what the keys do, remapped ones included.

use super::action::Action;
use super::keymap::Keymap;
use super::keys::{self, Ctx};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// What the marks on screen mean, for the legend after the keys.
const SYMBOLS: &[(&str, &str)] = &[
    ("•", "list: an article not read yet"),
    (
        "?",
        "after a date: inferred (the year, or the publication date)",
    ),
    ("!", "list: what the parser doubts about the page"),
    ("✎", "timeline: the article's publication"),
    ("▌", "timeline: an event of the article in the reader"),
    (
        "[week] [month]",
        "timeline: an event that spans a period, not a day",
    ),
    (
        "‹4  2›",
        "timeline strip: events before / after the span it shows",
    ),
    (
        "⋯",
        "reader: lines hidden as not the article (z shows them)",
    ),
];

/// Every bound key, grouped by context, as lines (an action the user
/// unbound is left out), then the legend of symbols.
pub fn lines(theme: &Theme, keymap: &Keymap, width: usize) -> Vec<Line<'static>> {
    let mut out = key_lines(theme, keymap, width);
    out.push(Line::default());
    out.push(Line::from(Span::styled("Symbols", theme.heading)));
    for (sym, what) in SYMBOLS {
        out.extend(row(theme, sym, what, width));
    }
    out
}

/// One entry: the keys (or symbol) in a column, then what they do, wrapped
/// under itself when the box is narrow, never cut.
fn row(theme: &Theme, keys: &str, what: &str, width: usize) -> Vec<Line<'static>> {
    let key_w = 18.min(width / 2);
    let k = dateline_core::text::fit(keys, key_w);
    let pad = key_w.saturating_sub(unicode_width::UnicodeWidthStr::width(k.as_str()));
    let room = width.saturating_sub(key_w + 3).max(8);
    let rows = super::styled_wrap::wrap_styled(&[(what.to_string(), Style::new())], room);
    rows.into_iter()
        .enumerate()
        .map(|(i, segs)| {
            let text: String = segs.into_iter().map(|(t, _)| t).collect();
            let lead = if i == 0 {
                Span::styled(format!("  {k}{}", " ".repeat(pad)), theme.key)
            } else {
                Span::raw(" ".repeat(key_w + 2))
            };
            Line::from(vec![lead, Span::raw(format!(" {text}"))])
        })
        .collect()
}

fn key_lines(theme: &Theme, keymap: &Keymap, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in Ctx::ALL {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(ctx.title(), theme.heading)));
        for b in keymap
            .rows()
            .iter()
            .filter(|b| b.ctx == ctx && !b.keys.is_empty())
        {
            out.extend(row(theme, &keys::keys_label(&b.keys), b.desc, width));
        }
    }
    out
}

/// Where the help box goes on a screen of `area`.
fn frame(area: Rect) -> Rect {
    centred_box(area, 90)
}

/// A box over the panes, centred, at most `max_width` wide, a row below
/// the top: where the help and other overlays go.
pub(super) fn centred_box(area: Rect, max_width: u16) -> Rect {
    let w = area.width.saturating_sub(4).clamp(1, max_width);
    let h = area.height.saturating_sub(2).max(1);
    Rect::new(
        area.x + area.width.saturating_sub(w) / 2,
        area.y + 1.min(area.height),
        w,
        h,
    )
}

/// The furthest the help can scroll on a screen of `area`, so `k` answers at
/// once after holding `j`.
pub fn max_scroll(theme: &Theme, keymap: &Keymap, area: Rect) -> usize {
    let r = frame(area);
    let inner_h = if r.width >= 3 && r.height >= 3 {
        r.height - 2
    } else {
        r.height
    };
    let inner_w = if r.width >= 3 { r.width - 2 } else { r.width };
    lines(theme, keymap, inner_w as usize)
        .len()
        .saturating_sub(inner_h as usize)
}

/// The frame's title: how to scroll and close, in the keys in force
/// (" Help · j/k scroll · ? or Esc closes " by default).
fn title(keymap: &Keymap) -> String {
    let close = keymap.keys(Ctx::Help, Action::Escape);
    let close = match (close.first(), close.last()) {
        (Some(a), Some(b)) if a != b => format!("{} or {}", a.label(), b.label()),
        (Some(a), _) => a.label(),
        _ => "?".into(),
    };
    format!(
        " Help · {}/{} scroll · {close} closes ",
        keymap.label(Ctx::Help, Action::Down),
        keymap.label(Ctx::Help, Action::Up)
    )
}

pub fn render(f: &mut Frame, theme: &Theme, keymap: &Keymap, scroll: usize, area: Rect) {
    let r = frame(area);
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(title(keymap), theme.title));
    let inner = if r.width >= 3 && r.height >= 3 {
        let i = block.inner(r);
        f.render_widget(block, r);
        i
    } else {
        r
    };
    let all = lines(theme, keymap, inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let top = scroll.min(max);
    let shown: Vec<Line> = all.into_iter().skip(top).collect();
    f.render_widget(Paragraph::new(shown), inner);
    // What lies below (and above) the box, marked on its frame.
    if inner != r && r.height >= 3 {
        let mut mark = |text: &str, y: u16| {
            let w = unicode_width::UnicodeWidthStr::width(text) as u16;
            if w + 2 <= r.width {
                let area = Rect::new(r.x + r.width - w - 2, y, w, 1);
                f.render_widget(
                    Paragraph::new(Span::styled(text.to_string(), theme.key)),
                    area,
                );
            }
        };
        if top < max {
            mark(&format!("▼ {} more", max - top), r.y + r.height - 1);
        }
        if top > 0 {
            mark(&format!("▲ {top} above"), r.y);
        }
    }
}
