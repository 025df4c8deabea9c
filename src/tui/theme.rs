//! Styles. Built on modifiers and the terminal's own foreground/background,
//! with a few named colours that read on dark and light backgrounds alike;
//! `NO_COLOR` (https://no-color.org) drops the colours and keeps modifiers.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub dim: Style,
    pub heading: Style,
    /// The row under the cursor in a list or the timeline.
    pub cursor: Style,
    /// The cursor row when its pane is not focused.
    pub cursor_unfocused: Style,
    pub date: Style,
    pub actor: Style,
    pub followed: Style,
    pub entity_cursor: Style,
    pub search: Style,
    /// Events of the article the reader shows.
    pub current_mark: Style,
    pub error: Style,
    pub status: Style,
    pub key: Style,
}

impl Theme {
    /// A pane's frame: bold/coloured border when focused, and the title cut
    /// to what fits, leaving `reserve` cells of the top border free.
    pub fn pane_block(
        &self,
        title: &str,
        focused: bool,
        width: u16,
        reserve: u16,
    ) -> Block<'static> {
        Block::default()
            .borders(Borders::ALL)
            .border_style(if focused {
                self.border_focused
            } else {
                self.border
            })
            .title(Span::styled(
                super::wrap::truncate(title, width.saturating_sub(reserve) as usize),
                self.title,
            ))
    }

    /// The theme the environment asks for: monochrome when `NO_COLOR` is set
    /// to anything non-empty.
    pub fn from_env() -> Self {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            Theme::monochrome()
        } else {
            Theme::colour()
        }
    }

    pub fn colour() -> Self {
        let m = Theme::monochrome();
        Theme {
            border_focused: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            date: Style::new()
                .fg(Color::Cyan)
                .add_modifier(Modifier::UNDERLINED),
            actor: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            followed: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            search: Style::new().fg(Color::Black).bg(Color::Cyan),
            current_mark: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            ..m
        }
    }

    pub fn monochrome() -> Self {
        Theme {
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            cursor_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            date: Style::new().add_modifier(Modifier::UNDERLINED),
            actor: Style::new().add_modifier(Modifier::BOLD),
            followed: Style::new()
                .add_modifier(Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED),
            entity_cursor: Style::new().add_modifier(Modifier::REVERSED),
            search: Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
            current_mark: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD),
        }
    }
}
