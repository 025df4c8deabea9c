//! The running keymap: the default table ([`BINDINGS`]) with the user's
//! remaps applied. Input mapping, the help overlay and the status-bar hints
//! all read it, so help always shows the keys that work.
//!
//! A remap names a context and an action (`[keys.list] activate = ["o"]`)
//! and *replaces* that action's keys in that context; `[]` unbinds it. A key
//! bound to two actions of one context is an error naming both, whether the
//! other binding came from the file or from the defaults. A pane context
//! (list, reader, timeline) is tried before `global`, so a pane binding may
//! shadow a global one, as the defaults do with `[` and `]`.

use super::action::Action;
use super::bindings::{BINDINGS, action_name};
use super::keys::{Ctx, Key};
use dateline_core::config::{Config, ConfigError, Strings};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::ops::Range;

/// One row: what help lists and input matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub keys: Vec<Key>,
    pub ctx: Ctx,
    pub action: Action,
    pub desc: &'static str,
    pub hint: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<Row>,
}

impl Default for Keymap {
    /// The keys of [`BINDINGS`], unchanged.
    fn default() -> Self {
        Keymap {
            rows: BINDINGS
                .iter()
                .map(|b| Row {
                    keys: b.keys.to_vec(),
                    ctx: b.ctx,
                    action: b.action,
                    desc: b.desc,
                    hint: b.hint,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// Every row, in help order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The keys of `action` in `ctx` (empty when unbound or not there).
    pub fn keys(&self, ctx: Ctx, action: Action) -> &[Key] {
        self.rows
            .iter()
            .find(|r| r.ctx == ctx && r.action == action)
            .map_or(&[], |r| &r.keys)
    }

    /// The first key of `action` in `ctx`, labelled for messages and
    /// titles ("Enter: follow"); `?` when the user unbound it.
    pub fn label(&self, ctx: Ctx, action: Action) -> String {
        self.keys(ctx, action)
            .first()
            .map_or_else(|| "?".into(), |k| k.label())
    }

    /// Replaces the keys of `action` in `ctx`; false when that context has
    /// no such action.
    pub fn set(&mut self, ctx: Ctx, action: Action, keys: Vec<Key>) -> bool {
        match self
            .rows
            .iter_mut()
            .find(|r| r.ctx == ctx && r.action == action)
        {
            Some(r) => {
                r.keys = keys;
                true
            }
            None => false,
        }
    }

    /// The action for a key press in `ctx`: the context's own bindings
    /// first, then (for panes) the global ones. In the picker and prompt a
    /// printable character that is not bound is typed text.
    pub fn action_for(&self, ev: &KeyEvent, ctx: Ctx) -> Option<Action> {
        let find = |c: Ctx| {
            self.rows
                .iter()
                .find(|r| r.ctx == c && r.keys.iter().any(|k| k.matches(ev)))
                .map(|r| r.action)
        };
        match ctx {
            Ctx::List | Ctx::Reader | Ctx::Timeline => find(ctx).or_else(|| find(Ctx::Global)),
            Ctx::Picker | Ctx::Prompt => find(ctx).or_else(|| match ev.code {
                KeyCode::Char(c)
                    if !ev
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Input(c))
                }
                _ => None,
            }),
            Ctx::Help | Ctx::Global => find(ctx),
        }
    }

    /// Short hints for the status bar: the context's own first, then global
    /// ones, each with its first key that works here (a global key the pane
    /// binds to something else is not offered; with none left, no hint).
    pub fn hints(&self, ctx: Ctx) -> Vec<(String, &'static str)> {
        let pane = matches!(ctx, Ctx::List | Ctx::Reader | Ctx::Timeline);
        let own: Vec<&Row> = self.rows.iter().filter(|r| r.ctx == ctx).collect();
        let shadowed = |k: &Key| own.iter().any(|r| r.keys.contains(k));
        let global = self.rows.iter().filter(|r| pane && r.ctx == Ctx::Global);
        let own_hints = own
            .iter()
            .filter_map(|r| Some((r.keys.first()?.label(), r.hint?)));
        let global_hints = global.filter_map(|r| {
            let key = r.keys.iter().find(|k| !shadowed(k))?;
            Some((key.label(), r.hint?))
        });
        own_hints.chain(global_hints).collect()
    }

    /// The defaults with the `[keys.*]` tables of `cfg` applied; any name
    /// it does not know, and any key bound twice in a context, is an error
    /// naming the line.
    pub fn from_config(cfg: &Config) -> Result<Keymap, ConfigError> {
        let mut map = Keymap::default();
        // Where each remapped row was set, to point at it in a conflict.
        let mut set_at: Vec<Option<Range<usize>>> = vec![None; map.rows.len()];
        let mut tables: Vec<_> = cfg.file.keys.iter().collect();
        tables.sort_by_key(|(name, _)| name.span().start);
        for (ctx_name, actions) in tables {
            let Some(ctx) = Ctx::from_name(ctx_name.get_ref()) else {
                let names: Vec<&str> = Ctx::ALL.iter().map(|c| c.name()).collect();
                return Err(cfg.error_at(
                    Some(ctx_name.span()),
                    format!(
                        "unknown key context [keys.{}]; the contexts are {}",
                        ctx_name.get_ref().escape_debug(),
                        names.join(", ")
                    ),
                ));
            };
            let mut entries: Vec<_> = actions.iter().collect();
            entries.sort_by_key(|(name, _)| name.span().start);
            for (action_name_s, keys) in entries {
                let name = action_name_s.get_ref().as_str();
                let Some(i) = map
                    .rows
                    .iter()
                    .position(|r| r.ctx == ctx && action_name(r.action) == Some(name))
                else {
                    return Err(cfg.error_at(Some(action_name_s.span()), unknown_action(name, ctx)));
                };
                let parsed = parse_keys(cfg, keys.get_ref(), keys.span(), name)?;
                map.rows[i].keys = parsed;
                set_at[i] = Some(action_name_s.span());
            }
        }
        map.check_conflicts(cfg, &set_at)?;
        // The ways out: without them a session, or an overlay, is a trap.
        let exits = [
            (Ctx::Global, Action::Quit, "quit", "dateline cannot be left"),
            (
                Ctx::Help,
                Action::Escape,
                "escape",
                "the help cannot be closed",
            ),
            (
                Ctx::Picker,
                Action::Escape,
                "escape",
                "the actor picker cannot be closed",
            ),
            (
                Ctx::Prompt,
                Action::Escape,
                "escape",
                "the prompt cannot be closed",
            ),
        ];
        for (ctx, action, name, or_else) in exits {
            if map.keys(ctx, action).is_empty() {
                let at = map
                    .rows
                    .iter()
                    .position(|r| r.ctx == ctx && r.action == action)
                    .and_then(|i| set_at[i].clone());
                return Err(cfg.error_at(
                    at,
                    format!(
                        "{name} in [keys.{}] needs at least one key, or {or_else}",
                        ctx.name()
                    ),
                ));
            }
        }
        Ok(map)
    }

    /// A key may do one thing per context.
    fn check_conflicts(
        &self,
        cfg: &Config,
        set_at: &[Option<Range<usize>>],
    ) -> Result<(), ConfigError> {
        for (i, a) in self.rows.iter().enumerate() {
            for (j, b) in self.rows.iter().enumerate().skip(i + 1) {
                if a.ctx != b.ctx {
                    continue;
                }
                let Some(key) = a.keys.iter().find(|k| b.keys.contains(k)) else {
                    continue;
                };
                let name = |r: &Row| action_name(r.action).unwrap_or("?");
                let how = |idx: usize| {
                    if set_at[idx].is_some() {
                        ""
                    } else {
                        " (by default; set its keys too to free it)"
                    }
                };
                // Point at the later of the lines that set them.
                let at = match (&set_at[i], &set_at[j]) {
                    (Some(x), Some(y)) => Some(if x.start > y.start { x } else { y }.clone()),
                    (x, y) => x.clone().or(y.clone()),
                };
                return Err(cfg.error_at(
                    at,
                    format!(
                        "\"{}\" is bound to both {}{} and {}{} in [keys.{}]",
                        key.name(),
                        name(a),
                        how(i),
                        name(b),
                        how(j),
                        a.ctx.name()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Parses one action's key list; a bad name is an error at its own line.
fn parse_keys(
    cfg: &Config,
    keys: &Strings,
    whole: Range<usize>,
    action: &str,
) -> Result<Vec<Key>, ConfigError> {
    let mut out: Vec<Key> = Vec::new();
    for (s, span) in &keys.0 {
        let key = Key::parse(s).map_err(|e| {
            cfg.error_at(
                Some(span.clone().unwrap_or(whole.clone())),
                format!("{action}: {e}"),
            )
        })?;
        if !out.contains(&key) {
            out.push(key);
        }
    }
    Ok(out)
}

/// Why `name` is not an action of `ctx`: a typo, or an action that lives in
/// another context.
fn unknown_action(name: &str, ctx: Ctx) -> String {
    let here: Vec<&str> = BINDINGS
        .iter()
        .filter(|b| b.ctx == ctx)
        .filter_map(|b| action_name(b.action))
        .collect();
    let elsewhere: Vec<&str> = Ctx::ALL
        .iter()
        .filter(|&&c| {
            c != ctx
                && BINDINGS
                    .iter()
                    .any(|b| b.ctx == c && action_name(b.action) == Some(name))
        })
        .map(|c| c.name())
        .collect();
    if elsewhere.is_empty() {
        format!(
            "unknown action \"{}\" in [keys.{}]; the actions there are {}",
            name.escape_debug(),
            ctx.name(),
            here.join(", ")
        )
    } else {
        format!(
            "\"{name}\" is not an action of [keys.{}]; it belongs in [keys.{}]",
            ctx.name(),
            elsewhere.join("] or [keys.")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn build(text: &str) -> Result<Keymap, ConfigError> {
        Keymap::from_config(&Config::parse(Path::new("config.toml"), text)?)
    }

    #[test]
    fn defaults_have_no_conflicts() {
        assert_eq!(build("").unwrap(), Keymap::default());
    }

    #[test]
    fn a_remap_replaces_that_actions_keys_only() {
        let m = build("[keys.global]\ndown = [\"ctrl-n\", \"f5\"]\n").unwrap();
        assert_eq!(
            m.keys(Ctx::Global, Action::Down),
            [Key::parse("ctrl-n").unwrap(), Key::parse("f5").unwrap()]
        );
        assert_eq!(
            m.keys(Ctx::Global, Action::Up),
            Keymap::default().keys(Ctx::Global, Action::Up)
        );
        let m = build("[keys.reader]\ntoggle-raw = []\n").unwrap();
        assert!(m.keys(Ctx::Reader, Action::ToggleRaw).is_empty());
    }

    #[test]
    fn conflicts_name_both_actions() {
        let e = build("[keys.global]\n\ntop = \"j\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(
            e.message.contains("\"j\"") && e.message.contains("top") && e.message.contains("down"),
            "{e}"
        );
        let e = build("[keys.list]\nactivate = \"x\"\ntoggle-sort = \"x\"\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        // Different contexts may share a key.
        build("[keys.list]\nactivate = \"o\"\n[keys.reader]\nactivate = \"o\"\n").unwrap();
    }

    #[test]
    fn unknown_names_are_errors_at_their_line() {
        let e = build("[keys.global]\nquit = \"q\"\ndwn = \"j\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("unknown action \"dwn\""), "{e}");
        let e = build("[keys.list]\ntop = \"x\"\n").unwrap_err();
        assert!(e.message.contains("[keys.global]"), "{e}");
        let e = build("\n[keys.lst]\nactivate = \"o\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("[keys.lst]"), "{e}");
        let e = build("[keys.global]\ndown = [\n  \"j\",\n  \"ctrl-foo\",\n]\n").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("ctrl-foo"), "{e}");
    }

    #[test]
    fn quit_cannot_be_left_without_a_key() {
        let e = build("[keys.global]\nquit = []\n").unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
