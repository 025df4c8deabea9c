//! The loading screen: the TUI appears at once, whatever the corpus size,
//! while a background thread reads and parses; the quit key (`q`) or Ctrl-c leave at any
//! time. The parser reports into shared [`Progress`] counters. On a large
//! corpus it gives way to the panes as soon as an early part of the corpus
//! is in (`loader`), and the status bar takes over saying how far it is.

use dateline_core::parse::Progress;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};
use std::sync::atomic::Ordering;

/// What the loading screen says, derived from the counters.
pub fn status_line(p: &Progress) -> (String, f64) {
    let files = p.files.load(Ordering::Relaxed);
    let read = p.read.load(Ordering::Relaxed);
    let parsed = p.parsed.load(Ordering::Relaxed);
    if files == 0 {
        return ("Finding article files…".into(), 0.0);
    }
    if p.indexing.load(Ordering::Relaxed) {
        return (
            format!("Linking actors and building the timeline for {files} files…"),
            1.0,
        );
    }
    // Reading is the first half of the bar, parsing the second.
    let ratio = (read + parsed) as f64 / (2 * files) as f64;
    if parsed == 0 {
        (format!("Reading {read} of {files} files…"), ratio.min(1.0))
    } else {
        (
            format!("Parsing {parsed} of {files} articles…"),
            ratio.min(1.0),
        )
    }
}

/// `quit` labels the key that leaves (from the keymap).
pub fn render(f: &mut Frame, p: &Progress, no_color: bool, quit: &str) {
    let area = f.area();
    let (text, ratio) = status_line(p);
    let [_, mid, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, mid, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Max(70),
        Constraint::Fill(1),
    ])
    .areas(mid);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" dateline · loading ");
    let inner = block.inner(mid);
    f.render_widget(block, mid);
    let [msg, bar, hint] = Layout::vertical([Constraint::Length(1); 3]).areas(inner);
    f.render_widget(Paragraph::new(Line::from(text)), msg);
    let gauge_style = if no_color {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default().fg(ratatui::style::Color::Cyan)
    };
    f.render_widget(
        Gauge::default()
            .gauge_style(gauge_style)
            .ratio(ratio.clamp(0.0, 1.0)),
        bar,
    );
    f.render_widget(
        Paragraph::new(
            Line::from(format!("{quit} quit")).style(Style::default().add_modifier(Modifier::DIM)),
        ),
        hint,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::{Terminal, backend::TestBackend};

    #[test]
    fn progress_text_follows_the_counters() {
        let p = Progress::default();
        assert!(status_line(&p).0.contains("Finding"));
        p.files.store(10, Ordering::Relaxed);
        p.read.store(4, Ordering::Relaxed);
        assert_eq!(status_line(&p), ("Reading 4 of 10 files…".into(), 0.2));
        p.read.store(10, Ordering::Relaxed);
        p.parsed.store(5, Ordering::Relaxed);
        assert_eq!(status_line(&p), ("Parsing 5 of 10 articles…".into(), 0.75));
        p.indexing.store(true, Ordering::Relaxed);
        assert!(status_line(&p).0.contains("Linking"));
    }

    #[test]
    fn renders_at_any_size() {
        let p = Progress::default();
        p.files.store(100, Ordering::Relaxed);
        p.read.store(50, Ordering::Relaxed);
        for (w, h) in [(1, 1), (10, 3), (80, 24), (200, 60)] {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| render(f, &p, false, "q")).unwrap();
        }
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| render(f, &p, true, "q")).unwrap();
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(screen.contains("Reading 50 of 100 files"));
    }
}
