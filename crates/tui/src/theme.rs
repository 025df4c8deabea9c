//! Styles. Built on modifiers and the terminal's own foreground/background,
//! with a few named colours that read on dark and light backgrounds alike;
//! `NO_COLOR` (https://no-color.org) drops the colours and keeps modifiers.

use dateline_core::model::BlockClass;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// A mention of a person (and of an actor of no other kind).
    pub actor: Style,
    /// A mention of an organisation / of a place: the same as a person's
    /// by default; a config file can tone them down or switch them off.
    pub actor_org: Style,
    pub actor_place: Style,
    pub followed: Style,
    pub entity_cursor: Style,
    pub search: Style,
    /// Events of the article the reader shows.
    pub current_mark: Style,
    pub error: Style,
    pub status: Style,
    pub key: Style,
    /// An article's page warnings (no title, a small body): the mark in the
    /// list and the note in the status bar.
    pub warning: Style,
    /// The reader's "⋯ 12 lines hidden" line for a run of lines that are
    /// not the article.
    pub marker: Style,
    /// Lines by their class ([`BlockClass`]): the raw view, and the hidden
    /// lines the reader shows on request (dimmed there).
    pub class_title: Style,
    pub class_body: Style,
    pub class_subhead: Style,
    pub class_list: Style,
    pub class_dateline: Style,
    pub class_byline: Style,
    pub class_caption: Style,
    pub class_teaser: Style,
    pub class_furniture: Style,
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
                dateline_core::text::fit(title, width.saturating_sub(reserve) as usize),
                self.title,
            ))
    }

    /// The style of a line of class `c`.
    pub fn class(&self, c: BlockClass) -> Style {
        match c {
            BlockClass::Title => self.class_title,
            BlockClass::Body => self.class_body,
            BlockClass::Subhead => self.class_subhead,
            BlockClass::List => self.class_list,
            BlockClass::Dateline => self.class_dateline,
            BlockClass::Byline => self.class_byline,
            BlockClass::Caption => self.class_caption,
            BlockClass::Teaser => self.class_teaser,
            BlockClass::Furniture => self.class_furniture,
        }
    }

    /// The theme the environment asks for: monochrome when `NO_COLOR` is set
    /// to anything non-empty.
    pub fn from_env() -> Self {
        if no_color() {
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
            actor_org: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            actor_place: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            followed: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            search: Style::new().fg(Color::Black).bg(Color::Cyan),
            current_mark: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            cursor_unfocused: Style::new().bg(Color::DarkGray),
            class_subhead: m.class_subhead.fg(Color::Green),
            class_list: m.class_list.fg(Color::Green),
            class_dateline: m.class_dateline.fg(Color::Green),
            class_byline: m.class_byline.fg(Color::Yellow),
            class_caption: m.class_caption.fg(Color::Yellow),
            class_teaser: m.class_teaser.fg(Color::Blue),
            class_furniture: m.class_furniture.fg(Color::DarkGray),
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
            // Not a heading's bold underline: the row is still a cursor, dimmed.
            cursor_unfocused: Style::new().add_modifier(Modifier::REVERSED | Modifier::DIM),
            date: Style::new().add_modifier(Modifier::UNDERLINED),
            actor: Style::new().add_modifier(Modifier::BOLD),
            actor_org: Style::new().add_modifier(Modifier::BOLD),
            actor_place: Style::new().add_modifier(Modifier::BOLD),
            followed: Style::new()
                .add_modifier(Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED),
            entity_cursor: Style::new().add_modifier(Modifier::REVERSED),
            search: Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
            current_mark: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD),
            warning: Style::new().add_modifier(Modifier::BOLD),
            marker: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            class_title: Style::new().add_modifier(Modifier::BOLD),
            class_body: Style::new(),
            class_subhead: Style::new().add_modifier(Modifier::BOLD),
            class_list: Style::new(),
            class_dateline: Style::new().add_modifier(Modifier::ITALIC),
            class_byline: Style::new().add_modifier(Modifier::ITALIC),
            class_caption: Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM),
            class_teaser: Style::new().add_modifier(Modifier::DIM),
            class_furniture: Style::new().add_modifier(Modifier::DIM),
        }
    }
}

/// The styles a config file can colour (`[theme] date = { fg = "red" }`),
/// in the order `config --default` writes them. [`Theme::style_mut`] maps
/// each name to its field.
pub const STYLE_NAMES: [&str; 29] = [
    "border",
    "border-focused",
    "title",
    "dim",
    "heading",
    "cursor",
    "cursor-unfocused",
    "date",
    "actor",
    "actor-org",
    "actor-place",
    "followed",
    "entity-cursor",
    "search",
    "current-mark",
    "error",
    "status",
    "key",
    "warning",
    "marker",
    "class-title",
    "class-body",
    "class-subhead",
    "class-list",
    "class-dateline",
    "class-byline",
    "class-caption",
    "class-teaser",
    "class-furniture",
];

/// Colour names a config file may use, and the one written back.
const COLOURS: &[(&str, Color)] = &[
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("grey", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("dark-grey", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
    ("reset", Color::Reset),
];

impl Theme {
    /// The style a config file calls `name` (one of [`STYLE_NAMES`]).
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "border" => &mut self.border,
            "border-focused" => &mut self.border_focused,
            "title" => &mut self.title,
            "dim" => &mut self.dim,
            "heading" => &mut self.heading,
            "cursor" => &mut self.cursor,
            "cursor-unfocused" => &mut self.cursor_unfocused,
            "date" => &mut self.date,
            "actor" => &mut self.actor,
            "actor-org" => &mut self.actor_org,
            "actor-place" => &mut self.actor_place,
            "followed" => &mut self.followed,
            "entity-cursor" => &mut self.entity_cursor,
            "search" => &mut self.search,
            "current-mark" => &mut self.current_mark,
            "error" => &mut self.error,
            "status" => &mut self.status,
            "key" => &mut self.key,
            "warning" => &mut self.warning,
            "marker" => &mut self.marker,
            "class-title" => &mut self.class_title,
            "class-body" => &mut self.class_body,
            "class-subhead" => &mut self.class_subhead,
            "class-list" => &mut self.class_list,
            "class-dateline" => &mut self.class_dateline,
            "class-byline" => &mut self.class_byline,
            "class-caption" => &mut self.class_caption,
            "class-teaser" => &mut self.class_teaser,
            "class-furniture" => &mut self.class_furniture,
            _ => return None,
        })
    }
}

/// Reads a config file's colour: a name (`"light-blue"`, any case), a
/// `"#rrggbb"`, or `"none"` for no colour of its own (the terminal's).
pub fn parse_colour(s: &str) -> Result<Option<Color>, String> {
    let lower = s.to_ascii_lowercase().replace('_', "-");
    if lower == "none" {
        return Ok(None);
    }
    if let Some(hex) = lower.strip_prefix('#') {
        if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let v = u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
            return Ok(Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)));
        }
        return Err(format!("\"{}\" is not a #rrggbb colour", s.escape_debug()));
    }
    COLOURS
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, c)| Some(*c))
        .ok_or_else(|| {
            let names: Vec<&str> = COLOURS
                .iter()
                .map(|(n, _)| *n)
                .filter(|n| !n.contains("grey"))
                .collect();
            format!(
                "unknown colour \"{}\"; use #rrggbb, none, or one of {}",
                s.escape_debug(),
                names.join(", ")
            )
        })
}

/// How a config file writes a colour; [`parse_colour`] reads it back.
pub fn colour_name(c: Option<Color>) -> String {
    match c {
        None => "none".into(),
        Some(Color::Rgb(r, g, b)) => format!("#{r:02x}{g:02x}{b:02x}"),
        Some(c) => COLOURS
            .iter()
            .find(|(_, k)| *k == c)
            .map_or_else(|| "none".into(), |(n, _)| n.to_string()),
    }
}

/// `NO_COLOR` (https://no-color.org) is set to something.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {

    /// An unfocused pane's cursor row must not look like a heading.
    #[test]
    fn an_unfocused_cursor_is_not_a_heading() {
        for t in [Theme::colour(), Theme::monochrome()] {
            assert_ne!(t.cursor_unfocused, t.heading);
            assert_ne!(t.cursor_unfocused, t.cursor);
        }
    }

    use super::*;

    #[test]
    fn every_style_name_is_a_style() {
        let mut t = Theme::colour();
        for n in STYLE_NAMES {
            assert!(t.style_mut(n).is_some(), "{n}");
        }
        assert!(t.style_mut("nope").is_none());
    }

    #[test]
    fn colours_parse_and_print_back() {
        assert_eq!(parse_colour("Light-Blue"), Ok(Some(Color::LightBlue)));
        assert_eq!(parse_colour("grey"), Ok(Some(Color::Gray)));
        assert_eq!(parse_colour("#FF8000"), Ok(Some(Color::Rgb(255, 128, 0))));
        assert_eq!(parse_colour("none"), Ok(None));
        for bad in ["#ff80", "#gg0000", "purple", "", "#ffffffff", "#é12345"] {
            assert!(parse_colour(bad).is_err(), "{bad}");
        }
        assert!(parse_colour("purple").unwrap_err().contains("\"purple\""));
        for (_, c) in COLOURS {
            assert_eq!(parse_colour(&colour_name(Some(*c))), Ok(Some(*c)));
        }
        let rgb = Some(Color::Rgb(1, 2, 250));
        assert_eq!(parse_colour(&colour_name(rgb)), Ok(rgb));
    }
}
