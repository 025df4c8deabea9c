//! The load warnings while the TUI runs (`W`): files skipped, bad
//! encodings, what the loader said of the corpus and of each article, a
//! line each, wrapped and scrolled like help. The status bar counts them.

use super::styled_wrap::wrap_styled;
use super::theme::Theme;
use dateline_core::model::Corpus;
use dateline_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The most warnings listed (the count in the title is the whole).
const LIST_MAX: usize = 10_000;

/// Every warning as text, the corpus's first, made safe to show.
fn texts(c: &Corpus) -> impl Iterator<Item = String> + '_ {
    let articles = c.articles.iter().flat_map(|a| &a.warnings);
    c.warnings
        .iter()
        .chain(articles)
        .take(LIST_MAX)
        .map(|w| sanitize_line(&w.to_string()).into_owned())
}

fn frame(area: Rect) -> Rect {
    super::help::centred_box(area, 110)
}

fn inner(r: Rect) -> Rect {
    if r.width >= 3 && r.height >= 3 {
        Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
    } else {
        r
    }
}

/// The warnings wrapped to `width`, a continuation indented.
fn lines(c: &Corpus, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for t in texts(c) {
        let rows = wrap_styled(&[(t, Style::new())], width.saturating_sub(2).max(1));
        for (i, row) in rows.into_iter().enumerate() {
            let row: String = row.into_iter().map(|(text, _)| text).collect();
            let lead = if i == 0 { "• " } else { "  " };
            out.push(format!("{lead}{row}"));
        }
    }
    out
}

/// The furthest the list scrolls on a screen of `area`.
pub fn max_scroll(c: &Corpus, area: Rect) -> usize {
    let i = inner(frame(area));
    lines(c, i.width as usize)
        .len()
        .saturating_sub(i.height as usize)
}

pub fn render(f: &mut Frame, c: &Corpus, theme: &Theme, scroll: usize, area: Rect) {
    let r = frame(area);
    f.render_widget(Clear, r);
    let n = c.warnings.len() + c.articles.iter().map(|a| a.warnings.len()).sum::<usize>();
    let title = format!(" {n} load warnings · j/k scroll · Esc closes ");
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            dateline_core::text::fit(&title, r.width as usize),
            theme.title,
        ));
    let i = inner(r);
    if i != r {
        f.render_widget(block, r);
    }
    let all = lines(c, i.width as usize);
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(i.height as usize)
        .map(|l| Line::from(Span::raw(dateline_core::text::fit(&l, i.width as usize))))
        .collect();
    f.render_widget(Paragraph::new(shown), i);
}
