//! The help overlay, generated from the key registry so it cannot drift from
//! what the keys do.

use super::keys::{self, BINDINGS, Ctx};
use super::theme::Theme;
use super::wrap;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Every binding, grouped by context, as lines.
pub fn lines(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let order = [
        Ctx::Global,
        Ctx::List,
        Ctx::Reader,
        Ctx::Timeline,
        Ctx::Picker,
        Ctx::Prompt,
        Ctx::Help,
    ];
    let key_w = 18.min(width / 2);
    let mut out = Vec::new();
    for ctx in order {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(ctx.title(), theme.heading)));
        for b in BINDINGS.iter().filter(|b| b.ctx == ctx) {
            let k = wrap::truncate(&keys::keys_label(b), key_w);
            let pad = key_w.saturating_sub(unicode_width::UnicodeWidthStr::width(k.as_str()));
            out.push(Line::from(vec![
                Span::styled(format!("  {k}{}", " ".repeat(pad)), theme.key),
                Span::raw(format!(" {}", b.desc)),
            ]));
        }
    }
    out
}

/// Where the help box goes on a screen of `area`.
fn frame(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).clamp(1, 90);
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
pub fn max_scroll(theme: &Theme, area: Rect) -> usize {
    let r = frame(area);
    let inner_h = if r.width >= 3 && r.height >= 3 {
        r.height - 2
    } else {
        r.height
    };
    let inner_w = if r.width >= 3 { r.width - 2 } else { r.width };
    lines(theme, inner_w as usize)
        .len()
        .saturating_sub(inner_h as usize)
}

pub fn render(f: &mut Frame, theme: &Theme, scroll: usize, area: Rect) {
    let r = frame(area);
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            " Help · j/k scroll · ? or Esc closes ",
            theme.title,
        ));
    let inner = if r.width >= 3 && r.height >= 3 {
        let i = block.inner(r);
        f.render_widget(block, r);
        i
    } else {
        r
    };
    let all = lines(theme, inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let shown: Vec<Line> = all.into_iter().skip(scroll.min(max)).collect();
    f.render_widget(Paragraph::new(shown), inner);
}
