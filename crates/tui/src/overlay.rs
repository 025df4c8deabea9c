//! The frame of a list overlay (the actor picker, the search results): a
//! box centred across the screen, a third of the way down, cleared and
//! bordered, with its title cut to fit.

use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

/// Draws a `w` x `h` box over `area` (centred, its top a third of the way
/// down) with `title`, and returns the room inside its border (the box
/// itself when it is too small for one).
pub fn framed(f: &mut Frame, area: Rect, w: u16, h: u16, title: &str, theme: &Theme) -> Rect {
    let rect = Rect::new(
        area.x + area.width.saturating_sub(w) / 2,
        area.y + area.height.saturating_sub(h) / 3,
        w,
        h,
    );
    f.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            dateline_core::text::fit(title, w as usize),
            theme.title,
        ));
    if rect.width >= 3 && rect.height >= 3 {
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        inner
    } else {
        rect
    }
}
