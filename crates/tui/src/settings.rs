//! What the config file changes in the TUI, checked against what the TUI
//! knows: the keymap (action and key names), the theme (style and colour
//! names) and the list's order. Also writes the default file
//! (`dateline config --default`) from the same tables, so it lists every
//! action and colour and reads back to exactly the defaults.

use super::keymap::Keymap;
use super::keys::Ctx;
use super::theme::{self, STYLE_NAMES, Theme};
use dateline_core::config::{Config, ConfigError, Sort};
use std::fmt::Write;

/// Everything a session takes from the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub sort_by_file: bool,
}

impl Default for Settings {
    /// No config file: the default keys, the theme `NO_COLOR` asks for, by
    /// date.
    fn default() -> Self {
        Settings {
            keymap: Keymap::default(),
            theme: Theme::from_env(),
            sort_by_file: false,
        }
    }
}

impl Settings {
    /// The settings `cfg` asks for; `NO_COLOR` from the environment.
    pub fn from_config(cfg: &Config) -> Result<Settings, ConfigError> {
        Settings::from_config_with(cfg, super::theme::no_color())
    }

    /// With `no_color`, colours from the file are still checked but not
    /// used: `NO_COLOR` wins, so one config works on every terminal.
    pub fn from_config_with(cfg: &Config, no_color: bool) -> Result<Settings, ConfigError> {
        let keymap = Keymap::from_config(cfg)?;
        let coloured = apply_theme(cfg, Theme::colour())?;
        Ok(Settings {
            keymap,
            theme: if no_color {
                Theme::monochrome()
            } else {
                coloured
            },
            sort_by_file: cfg.sort() == Sort::File,
        })
    }
}

/// `base` with the `[theme]` table's colours put in.
pub fn apply_theme(cfg: &Config, mut base: Theme) -> Result<Theme, ConfigError> {
    let mut entries: Vec<_> = cfg.file.theme.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    for (name, colours) in entries {
        let Some(style) = base.style_mut(name.get_ref()) else {
            return Err(cfg.error_at(
                Some(name.span()),
                format!(
                    "unknown theme style \"{}\"; the styles are {}",
                    name.get_ref().escape_debug(),
                    STYLE_NAMES.join(", ")
                ),
            ));
        };
        let c = colours.get_ref();
        if c.plain == Some(true) {
            let (fg, bg) = (style.fg, style.bg);
            *style = ratatui::style::Style::new();
            (style.fg, style.bg) = (fg, bg);
        }
        for (value, slot) in [(&c.fg, &mut style.fg), (&c.bg, &mut style.bg)] {
            if let Some(v) = value {
                *slot = theme::parse_colour(v.get_ref()).map_err(|e| {
                    cfg.error_at(Some(v.span()), format!("{}: {e}", name.get_ref()))
                })?;
            }
        }
    }
    Ok(base)
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The commented config file with every setting at its default.
pub fn default_config_text() -> String {
    let mut out = String::from(
        "# dateline configuration: $XDG_CONFIG_HOME/dateline/config.toml, else\n\
         # ~/.config/dateline/config.toml, or any file given with --config FILE.\n\
         # Written by `dateline config --default`: every setting at its default.\n\
         # Keep only what you change; a missing setting is its default, and a\n\
         # misspelt one is an error naming its line.\n\
         \n\
         # The article list's order: \"date\" or \"file\" (s switches in the TUI;\n\
         # also the order of `dateline articles`).\n\
         sort = \"date\"\n\
         \n\
         # What to open when no PATH is given, for the TUI and every command:\n\
         # a file or folder, or a list of them. ~/ is your home; a relative path\n\
         # is relative to this file's folder. Empty: the bundled seed articles.\n\
         # corpus = \"~/news\"\n\
         corpus = []\n\
         \n\
         # Colours of each style: fg and bg, each a name (black, red, green,\n\
         # yellow, blue, magenta, cyan, gray, dark-gray, light-red, light-green,\n\
         # light-yellow, light-blue, light-magenta, light-cyan, white, reset),\n\
         # \"#rrggbb\", or \"none\" (the terminal's own). Bold, underline and the\n\
         # like are fixed, unless plain = true drops them: actor-place = { fg =\n\
         # \"none\", bg = \"none\", plain = true } switches places' highlight off.\n\
         # NO_COLOR=1 in the environment drops every colour.\n\
         [theme]\n",
    );
    let t = Theme::colour();
    for name in STYLE_NAMES {
        let mut t = t;
        if let Some(s) = t.style_mut(name) {
            let _ = writeln!(
                out,
                "{name} = {{ fg = {}, bg = {} }}",
                quoted(&theme::colour_name(s.fg)),
                quoted(&theme::colour_name(s.bg))
            );
        }
    }
    out.push_str(
        "\n\
         # Keys, per context. Setting an action's keys replaces its default keys\n\
         # in that context; [] unbinds it. A key may do one thing per context; the\n\
         # list, reader and timeline contexts are tried before global. Key names:\n\
         # a character (\"j\", \"G\", \"?\"), or space, enter, esc, tab, shift-tab,\n\
         # backspace, up, down, left, right, pgup, pgdn, home, end, delete, insert,\n\
         # f1..f12; ctrl- in front for Ctrl (\"ctrl-d\"). Alt cannot be bound.\n",
    );
    let map = Keymap::default();
    for ctx in Ctx::ALL {
        let rows: Vec<_> = map.rows().iter().filter(|r| r.ctx == ctx).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n# {}\n[keys.{}]", ctx.title(), ctx.name());
        let lines: Vec<(String, &str)> = rows
            .iter()
            .filter_map(|r| {
                let name = super::bindings::action_name(r.action)?;
                let keys: Vec<String> = r.keys.iter().map(|k| quoted(&k.name())).collect();
                Some((format!("{name} = [{}]", keys.join(", ")), r.desc))
            })
            .collect();
        let w = lines
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (line, desc) in lines {
            let pad = w - line.chars().count();
            let _ = writeln!(out, "{line}{}  # {desc}", " ".repeat(pad));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn settings(text: &str) -> Result<Settings, ConfigError> {
        Settings::from_config_with(&Config::parse(Path::new("config.toml"), text)?, false)
    }

    #[test]
    fn theme_colours_apply_and_unknown_ones_name_their_line() {
        let s = settings("[theme]\ndate = { fg = \"#102030\", bg = \"red\" }\n").unwrap();
        assert_eq!(
            s.theme.date.fg,
            Some(ratatui::style::Color::Rgb(16, 32, 48))
        );
        assert_eq!(s.theme.date.bg, Some(ratatui::style::Color::Red));
        assert_eq!(s.theme.actor, Theme::colour().actor);
        let e = settings("[theme]\nactor = { fg = \"cyan\" }\ndate = { fg = \"purple\" }\n")
            .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("purple"), "{e}");
        let e = settings("[theme]\n\ndaet = { fg = \"red\" }\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("daet"), "{e}");
    }

    #[test]
    fn places_and_organisations_can_be_toned_down_or_switched_off() {
        let s = settings(
            "[theme]\nactor-place = { fg = \"none\", bg = \"none\", plain = true }\n\
             actor-org = { fg = \"dark-gray\" }\n",
        )
        .unwrap();
        assert_eq!(s.theme.actor_place, ratatui::style::Style::new());
        assert_eq!(s.theme.actor_org.fg, Some(ratatui::style::Color::DarkGray));
        assert_eq!(
            s.theme.actor_org.add_modifier,
            Theme::colour().actor_org.add_modifier,
            "without plain the bold stays"
        );
        assert_eq!(s.theme.actor, Theme::colour().actor, "people as they were");
    }

    #[test]
    fn the_habit_keys_can_be_rebound() {
        use crate::action::Action;
        use crate::keys::{Ctx, Key};
        let s = settings(
            "[keys.global]\nnext-unread = \"F5\"\nprev-unread = \"F6\"\ncopy = \"Y\"\n\
             open-in-pager = \"F3\"\nopen-in-editor = \"F4\"\nsearch-results = \"F2\"\n",
        )
        .unwrap();
        for (action, key) in [
            (Action::NextUnread, "f5"),
            (Action::PrevUnread, "f6"),
            (Action::Copy, "Y"),
            (Action::OpenPager, "f3"),
            (Action::OpenEditor, "f4"),
            (Action::SearchResults, "f2"),
        ] {
            assert_eq!(
                s.keymap.keys(Ctx::Global, action),
                [Key::parse(key).unwrap()]
            );
        }
    }

    #[test]
    fn no_color_wins_but_still_checks() {
        let cfg = Config::parse(Path::new("c.toml"), "[theme]\ndate = { fg = \"red\" }").unwrap();
        assert_eq!(
            Settings::from_config_with(&cfg, true).unwrap().theme,
            Theme::monochrome()
        );
        let bad = Config::parse(Path::new("c.toml"), "[theme]\ndate = { fg = \"x\" }").unwrap();
        assert!(Settings::from_config_with(&bad, true).is_err());
    }

    #[test]
    fn sort_file() {
        assert!(settings("sort = \"file\"").unwrap().sort_by_file);
        assert!(!settings("").unwrap().sort_by_file);
    }
}
