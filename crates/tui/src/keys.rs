//! Keys as dateline writes and reads them: contexts, a key with its label
//! for help and its name for the config file, and how a terminal key event
//! matches one. The default table is in [`super::bindings`]; the running,
//! remappable one in [`super::keymap`].

use super::action::Pane;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies. Pane contexts are tried before `Global`; the
/// overlay contexts take all input while their overlay is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Global,
    List,
    Reader,
    Timeline,
    Picker,
    Prompt,
    Help,
}

impl Ctx {
    /// Every context, in the order help and the default config list them.
    pub const ALL: [Ctx; 7] = [
        Ctx::Global,
        Ctx::List,
        Ctx::Reader,
        Ctx::Timeline,
        Ctx::Picker,
        Ctx::Prompt,
        Ctx::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Ctx::Global => "Everywhere",
            Ctx::List => "Article list",
            Ctx::Reader => "Reader",
            Ctx::Timeline => "Timeline",
            Ctx::Picker => "Actor picker",
            Ctx::Prompt => "Date / search prompt",
            Ctx::Help => "Help",
        }
    }

    /// The config file's name for it: `[keys.NAME]` (a pane's is its
    /// [`Pane::id`]).
    pub fn name(self) -> &'static str {
        match self {
            Ctx::Global => "global",
            Ctx::List => Pane::List.id(),
            Ctx::Reader => Pane::Reader.id(),
            Ctx::Timeline => Pane::Timeline.id(),
            Ctx::Picker => "picker",
            Ctx::Prompt => "prompt",
            Ctx::Help => "help",
        }
    }

    pub fn from_name(name: &str) -> Option<Ctx> {
        Ctx::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn of_pane(p: Pane) -> Ctx {
        match p {
            Pane::List => Ctx::List,
            Pane::Reader => Ctx::Reader,
            Pane::Timeline => Ctx::Timeline,
        }
    }
}

/// A key as written in the registry. Shift is implied by the character
/// (`G`, `?`, `{`), so it is ignored for character keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

pub(super) const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
pub(super) const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// Named keys: (config name, key, help label). Config names are matched
/// without regard to case; the first name of a key is the one written back.
const NAMED: &[(&str, KeyCode, &str)] = &[
    ("space", KeyCode::Char(' '), "Space"),
    ("enter", KeyCode::Enter, "Enter"),
    ("return", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("escape", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("shift-tab", KeyCode::BackTab, "S-Tab"),
    ("backtab", KeyCode::BackTab, "S-Tab"),
    ("backspace", KeyCode::Backspace, "Bksp"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("pgup", KeyCode::PageUp, "PgUp"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pgdn", KeyCode::PageDown, "PgDn"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("delete", KeyCode::Delete, "Del"),
    ("del", KeyCode::Delete, "Del"),
    ("insert", KeyCode::Insert, "Ins"),
    ("ins", KeyCode::Insert, "Ins"),
];

/// What a config file may write, for error messages.
pub const KEY_SYNTAX: &str = "write a character (\"j\", \"G\", \"?\") or one of space, enter, \
     esc, tab, shift-tab, backspace, up, down, left, right, pgup, pgdn, home, end, delete, \
     insert, f1..f12, optionally with ctrl- in front (ctrl-d, ctrl-up)";

impl Key {
    /// How help and hints write the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED
                .iter()
                .find(|(_, c, _)| *c == code)
                .map_or_else(|| format!("{code:?}"), |(_, _, l)| l.to_string()),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    /// How a config file writes the key; [`Key::parse`] reads it back.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            code => NAMED.iter().find(|(_, c, _)| *c == code).map_or_else(
                || format!("{code:?}").to_lowercase(),
                |(n, _, _)| n.to_string(),
            ),
        };
        if self.ctrl {
            format!("ctrl-{base}")
        } else {
            base
        }
    }

    /// Reads a config file's key name: `"j"`, `"G"`, `"ctrl-d"`, `"pgdn"`,
    /// `"shift-tab"`, `"f5"`. The error says what is wrong, for the user.
    pub fn parse(s: &str) -> Result<Key, String> {
        let lower = s.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("alt-").or(lower.strip_prefix("meta-")) {
            let _ = rest;
            return Err(format!(
                "\"{s}\": Alt keys cannot be bound (a terminal sends Esc then the key as Alt+key, \
                 which dateline reads as Esc, then the key)"
            ));
        }
        if let Some(rest) = strip_prefix_ci(s, "ctrl-") {
            if rest.is_empty() {
                return Err(format!("\"{s}\": ctrl- needs a key after it"));
            }
            if let Some(key) = strip_prefix_ci(rest, "shift-") {
                return Err(format!(
                    "\"{s}\": a terminal sends Ctrl-Shift-{key} as Ctrl-{key}, so it cannot be \
                     told apart; write \"ctrl-{}\"",
                    key.to_ascii_lowercase()
                ));
            }
            let key = Key::parse(rest)
                .map_err(|_| format!("unknown key \"{}\"; {KEY_SYNTAX}", s.escape_debug()))?;
            // What a terminal sends for these is the byte of another key.
            let sent_as = match key.code {
                KeyCode::Char('i' | 'I') | KeyCode::Tab => Some("Tab"),
                KeyCode::Char('m' | 'M') | KeyCode::Enter => Some("Enter"),
                KeyCode::Esc => Some("Esc"),
                KeyCode::Backspace => Some("Backspace (or Ctrl-h)"),
                _ => None,
            };
            if let Some(other) = sent_as {
                return Err(format!(
                    "\"{s}\": a terminal sends it as {other}, so it cannot be bound on its own"
                ));
            }
            return match key.code {
                _ if key.ctrl => Err(format!("\"{s}\": ctrl- twice")),
                KeyCode::Char(c) if c.is_ascii_alphabetic() => Ok(ctrl(c.to_ascii_lowercase())),
                // Ctrl-Space arrives as a NUL byte, which is read as Ctrl-Space.
                KeyCode::Char(' ') => Ok(ctrl(' ')),
                KeyCode::Char(_) | KeyCode::BackTab => Err(format!(
                    "\"{s}\": ctrl- goes with a letter or a named key (terminals do not \
                     send Ctrl with other characters)"
                )),
                code => Ok(Key { code, ctrl: true }),
            };
        }
        if lower != "shift-tab"
            && let Some(rest) = strip_prefix_ci(s, "shift-")
        {
            let mut cs = rest.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(ch(c.to_ascii_uppercase())),
                _ => Err(format!(
                    "\"{s}\": shift- goes with tab or a letter; for another shifted key \
                     write the character itself (\"?\", \"{{\")"
                )),
            };
        }
        if let Some((_, code, _)) = NAMED.iter().find(|(n, _, _)| *n == lower) {
            return Ok(k(*code));
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
            && (1..=12).contains(&n)
            && lower.len() > 1
            && !lower[1..].starts_with('0')
        {
            return Ok(k(KeyCode::F(n)));
        }
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if !c.is_control() && !c.is_whitespace() => Ok(ch(c)),
            (None, _) => Err(format!("an empty key name; {KEY_SYNTAX}")),
            _ => Err(format!(
                "unknown key \"{}\"; {KEY_SYNTAX}",
                s.escape_debug()
            )),
        }
    }

    pub(super) fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let code = match ev.code {
            // Some terminals send Ctrl-letters as upper case.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            c => c,
        };
        code == self.code && ctrl == self.ctrl && !ev.modifiers.contains(KeyModifiers::ALT)
    }
}

/// `s` without `prefix`, matched without regard to ASCII case.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// `key1 key2`, as help shows a row's keys.
pub fn keys_label(keys: &[Key]) -> String {
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_key_names_parse_back() {
        for n in 1..=12 {
            let key = k(KeyCode::F(n));
            assert_eq!(Key::parse(&key.name()), Ok(key));
        }
    }

    #[test]
    fn parses_what_users_write() {
        let p = |s: &str| Key::parse(s).unwrap();
        assert_eq!(p("j"), ch('j'));
        assert_eq!(p("G"), ch('G'));
        assert_eq!(p("shift-g"), ch('G'));
        assert_eq!(p("ctrl-d"), ctrl('d'));
        assert_eq!(p("Ctrl-D"), ctrl('d'));
        assert_eq!(p("shift-tab"), k(KeyCode::BackTab));
        assert_eq!(p("PgDn"), k(KeyCode::PageDown));
        assert_eq!(p("enter"), k(KeyCode::Enter));
        assert_eq!(p("f5"), k(KeyCode::F(5)));
        assert_eq!(p("F12"), k(KeyCode::F(12)));
        assert_eq!(p("f"), ch('f'));
        assert_eq!(p("space"), ch(' '));
        assert_eq!(p("ctrl-space"), ctrl(' '));
        assert_eq!(Key::parse(&ctrl(' ').name()), Ok(ctrl(' ')));
        assert_eq!(p("-"), ch('-'));
        assert_eq!(p("é"), ch('é'));
        assert_eq!(
            p("ctrl-up"),
            Key {
                code: KeyCode::Up,
                ctrl: true
            }
        );
    }

    #[test]
    fn refuses_what_no_terminal_sends_or_nobody_means() {
        for bad in [
            "",
            "ctrl-foo",
            "ctrl-",
            "ctrl-1",
            "ctrl-ctrl-a",
            "alt-x",
            "shift-1",
            "shift-up",
            "f0",
            "f13",
            "f05",
            "jj",
            "\t",
            " ",
            "pgdown2",
            // Terminals send these as other keys.
            "ctrl-shift-x",
            "Ctrl-Shift-A",
            "ctrl-i",
            "ctrl-m",
            "ctrl-tab",
            "ctrl-enter",
            "ctrl-esc",
            "ctrl-backspace",
        ] {
            let e = Key::parse(bad).unwrap_err();
            assert!(!e.is_empty(), "{bad:?}");
        }
        assert!(Key::parse("ctrl-foo").unwrap_err().contains("\"ctrl-foo\""));
    }

    #[test]
    fn labels() {
        assert_eq!(ctrl('d').label(), "Ctrl-d");
        assert_eq!(k(KeyCode::F(5)).label(), "F5");
        assert_eq!(k(KeyCode::BackTab).label(), "S-Tab");
    }
}
