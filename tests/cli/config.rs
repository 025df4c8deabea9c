//! The config file: good files take effect, bad ones are errors naming the
//! file and line, every action can be remapped and the remap is what input,
//! help and hints use, and `config --default` reads back to the defaults.
//! (The binary run on config files: `config_cli.rs`.)

use crate::cli_common;
use crate::tui_common;

use dateline::config::{Config, ConfigError};
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::AppState;
use dateline::tui::bindings::{BINDINGS, action_name};
use dateline::tui::keymap::Keymap;
use dateline::tui::keys::{Ctx, Key};
use dateline::tui::settings::{Settings, default_config_text};
use dateline::tui::theme::{STYLE_NAMES, Theme};
use dateline::tui::update::update;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

fn settings(text: &str) -> Result<Settings, ConfigError> {
    Settings::from_config_with(&Config::parse(Path::new("config.toml"), text)?, false)
}

fn error(text: &str) -> ConfigError {
    match settings(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

/// The terminal event a key arrives as (Shift for capitals, as terminals
/// send them).
fn event(k: Key) -> Event {
    let mut mods = if k.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    if let KeyCode::Char(c) = k.code
        && c.is_ascii_uppercase()
    {
        mods |= KeyModifiers::SHIFT;
    }
    Event::Key(KeyEvent::new(k.code, mods))
}

/// A state whose keys act in `ctx`: the focus or overlay set through
/// actions, not keys (the keys are what is under test).
fn state_in(c: &dateline::model::Corpus, settings: Settings, ctx: Ctx) -> AppState {
    let mut s = AppState::with_settings(c, 120, 40, settings);
    match ctx {
        Ctx::Global | Ctx::List => {}
        Ctx::Reader => update(&mut s, c, Action::Focus(Pane::Reader)),
        Ctx::Timeline => update(&mut s, c, Action::Focus(Pane::Timeline)),
        Ctx::Picker => update(&mut s, c, Action::OpenPicker),
        Ctx::Prompt => update(&mut s, c, Action::PromptDate),
        Ctx::Help => update(&mut s, c, Action::ToggleHelp),
    }
    assert_eq!(
        dateline::tui::status::context(&s),
        if ctx == Ctx::Global { Ctx::List } else { ctx }
    );
    s
}

/// Keys no default binding uses anywhere, enough for every row.
fn unused_keys() -> Vec<Key> {
    let used = |k: &Key| BINDINGS.iter().any(|b| b.keys.contains(k));
    let mut pool: Vec<String> = (1..=12).map(|n| format!("f{n}")).collect();
    // Not Ctrl-i and Ctrl-m: a terminal sends them as Tab and Enter.
    pool.extend(
        ('a'..='z')
            .filter(|c| !matches!(c, 'i' | 'm'))
            .map(|c| format!("ctrl-{c}")),
    );
    pool.extend(
        "bcdehimopuvwxyz456789=+-_;:'<>,.!@#$%^&*()~`|\\"
            .chars()
            .map(String::from),
    );
    pool.extend(["insert", "delete", "left", "right"].map(String::from));
    let keys: Vec<Key> = pool
        .iter()
        .map(|s| Key::parse(s).unwrap())
        .filter(|k| !used(k))
        .collect();
    assert!(
        keys.len() >= BINDINGS.len(),
        "{} keys for {}",
        keys.len(),
        BINDINGS.len()
    );
    keys
}

/// A TOML string literal for a key name.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

#[test]
fn every_action_remapped_to_a_new_key_reaches_its_action_and_the_old_key_does_not() {
    let c = tui_common::corpus();
    let fresh = unused_keys();
    let mut text = String::new();
    for ctx in Ctx::ALL {
        text.push_str(&format!("[keys.{}]\n", ctx.name()));
        for (i, b) in BINDINGS.iter().enumerate().filter(|(_, b)| b.ctx == ctx) {
            let name = action_name(b.action).unwrap();
            text.push_str(&format!("{name} = {}\n", quoted(&fresh[i].name())));
        }
    }
    let remapped = settings(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    for (i, b) in BINDINGS.iter().enumerate() {
        // Global keys work from every pane; the others in their own context.
        let contexts: &[Ctx] = match b.ctx {
            Ctx::Global => &[Ctx::List, Ctx::Reader, Ctx::Timeline],
            _ => std::slice::from_ref(&b.ctx),
        };
        for &ctx in contexts {
            let s = state_in(&c, remapped.clone(), ctx);
            let new = event(fresh[i]);
            assert_eq!(
                dateline::tui::action_for_event(&s, &new),
                Some(b.action),
                "{} in {ctx:?} should do {:?}",
                fresh[i].name(),
                b.action
            );
            for &old in b.keys {
                let got = dateline::tui::action_for_event(&s, &event(old));
                assert_ne!(
                    got,
                    Some(b.action),
                    "the old key {} still does {:?} in {ctx:?}",
                    old.name(),
                    b.action
                );
            }
        }
    }
}

#[test]
fn a_remapped_key_drives_update() {
    let c = tui_common::corpus();
    let st = settings("[keys.global]\nfocus-timeline = \"f3\"\n[keys.list]\nactivate = \"o\"\n")
        .unwrap();
    let mut s = AppState::with_settings(&c, 120, 40, st);
    assert!(dateline::tui::handle_event(
        &mut s,
        &c,
        &event(Key::parse("o").unwrap())
    ));
    assert_eq!(s.focus, Pane::Reader, "o opened the article");
    dateline::tui::handle_event(&mut s, &c, &event(Key::parse("f3").unwrap()));
    assert_eq!(s.focus, Pane::Timeline);
    dateline::tui::handle_event(&mut s, &c, &event(Key::parse("1").unwrap()));
    assert_eq!(s.focus, Pane::List, "an untouched key still works");
    dateline::tui::handle_event(&mut s, &c, &event(Key::parse("3").unwrap()));
    assert_eq!(s.focus, Pane::List, "3 no longer focuses the timeline");
}

/// The help's key column for the row that says `desc`.
fn key_column(screen: &str, desc: &str) -> String {
    let row = screen
        .lines()
        .find(|l| l.contains(desc))
        .unwrap_or_else(|| panic!("help lists {desc:?}:\n{screen}"));
    let at = row.find(desc).unwrap();
    let before: Vec<char> = row[..at].chars().collect();
    let from = before.len().saturating_sub(22);
    before[from..].iter().collect::<String>().trim().to_string()
}

fn render(s: &mut AppState, c: &dateline::model::Corpus) -> String {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 60)).unwrap();
    t.draw(|f| dateline::tui::draw(f, s, c)).unwrap();
    tui_common::screen(&t)
}

#[test]
fn help_and_hints_show_the_remapped_key() {
    let c = tui_common::corpus();
    let text = "[keys.global]\npick-actor = [\"F7\", \"ctrl-a\"]\nhelp = \"f1\"\n[keys.help]\nescape = [\"f1\", \"esc\"]\n";
    let mut s = AppState::with_settings(&c, 120, 60, settings(text).unwrap());
    let screen = render(&mut s, &c);
    let status = screen.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(status.contains("F7 actor"), "hint: {status}");
    assert!(status.contains("F1 help"), "hint: {status}");
    dateline::tui::handle_event(&mut s, &c, &event(Key::parse("f1").unwrap()));
    let screen = render(&mut s, &c);
    assert!(
        key_column(&screen, "pick an actor to follow").ends_with("F7 Ctrl-a"),
        "{screen}"
    );
    assert!(
        key_column(&screen, "this help").ends_with("│  F1"),
        "{screen}"
    );
    assert!(screen.contains("F1 or Esc closes"), "title:\n{screen}");
}

/// A pane key that shadows a global one: the status bar offers the global
/// action's other key, or nothing, never the key that does something else.
#[test]
fn hints_skip_a_global_key_the_pane_shadows() {
    let hint = |text: &str, what: &str| {
        settings(text)
            .unwrap()
            .keymap
            .hints(Ctx::List)
            .into_iter()
            .find(|(_, h)| *h == what)
            .map(|(k, _)| k)
    };
    let sort_on_q = "[keys.list]\ntoggle-sort = \"q\"\n";
    assert_eq!(hint(sort_on_q, "quit"), Some("Ctrl-c".to_string()));
    assert_eq!(hint(sort_on_q, "sort"), Some("q".to_string()));
    let only_q = "[keys.list]\ntoggle-sort = \"q\"\n[keys.global]\nquit = \"q\"\n";
    assert_eq!(hint(only_q, "quit"), None);
    assert_eq!(hint("", "quit"), Some("q".to_string()));
}

#[test]
fn reader_message_names_the_remapped_enter() {
    let c = tui_common::corpus();
    let st = settings("[keys.reader]\nactivate = \"o\"\n").unwrap();
    let mut s = AppState::with_settings(&c, 120, 40, st);
    update(&mut s, &c, Action::Focus(Pane::Reader));
    update(&mut s, &c, Action::NextEntity);
    let msg = s
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(msg.contains(" · o: "), "{msg}");
}

#[test]
fn a_good_file_sets_keys_theme_and_sort() {
    let s = settings(
        "# mine\nsort = \"file\"\ncorpus = [\"~/news\", \"more\"]\n\n[theme]\nactor = { fg = \"#ff8800\" }\nfollowed = { bg = \"none\" }\n\n[keys.global]\ndown = [\"j\", \"ctrl-n\"]\nquit = \"Q\"\n",
    )
    .unwrap();
    assert!(s.sort_by_file);
    assert_eq!(
        s.theme.actor.fg,
        Some(ratatui::style::Color::Rgb(0xff, 0x88, 0))
    );
    assert_eq!(s.theme.followed.bg, None);
    assert_eq!(s.theme.followed.fg, Theme::colour().followed.fg);
    let k = |n: &str| Key::parse(n).unwrap();
    assert_eq!(
        s.keymap.keys(Ctx::Global, Action::Down),
        [k("j"), k("ctrl-n")]
    );
    assert_eq!(s.keymap.keys(Ctx::Global, Action::Quit), [k("Q")]);
    let c = tui_common::corpus();
    let st = AppState::with_settings(&c, 80, 24, s);
    assert!(st.sort_by_file, "the list opens in file order");
}

#[test]
fn syntax_error_names_the_line() {
    let e = error("sort = \"date\"\n[theme]\ndate = { fg = \"red\"\n");
    assert_eq!(e.line, Some(3), "{e}");
    assert!(e.to_string().starts_with("config.toml:3: "), "{e}");
}

#[test]
fn unknown_action_names_the_line_and_the_choices() {
    let e = error("[keys.list]\nactivate = \"o\"\nopen = \"x\"\n");
    assert_eq!(e.line, Some(3));
    assert_eq!(
        e.to_string(),
        "config.toml:3: unknown action \"open\" in [keys.list]; the actions there are activate, toggle-sort"
    );
}

#[test]
fn unknown_key_name_names_the_line() {
    let e = error("[keys.global]\n\ndown = \"ctrl-foo\"\n");
    assert_eq!(e.line, Some(3));
    assert!(
        e.message.starts_with("down: unknown key \"ctrl-foo\""),
        "{e}"
    );
}

/// Keys a terminal sends as some other key would be bindings that never
/// fire (or fire on the other key): errors, like an unknown name.
#[test]
fn keys_a_terminal_cannot_send_are_errors_naming_the_line() {
    for (name, says) in [
        ("ctrl-shift-x", "write \"ctrl-x\""),
        ("ctrl-m", "sends it as Enter"),
        ("ctrl-i", "sends it as Tab"),
        ("ctrl-tab", "sends it as Tab"),
        ("ctrl-enter", "sends it as Enter"),
    ] {
        let e = error(&format!("[keys.global]\nquit = \"q\"\ndown = \"{name}\"\n"));
        assert_eq!(e.line, Some(3), "{name}: {e}");
        assert!(e.message.contains(says), "{name}: {e}");
    }
}

/// Unbinding the only way out of dateline, or of an overlay, is an error:
/// no key would close the help, the picker or the prompt.
#[test]
fn every_way_out_keeps_a_key() {
    for (text, says) in [
        (
            "[keys.global]\nquit = []\n",
            "quit in [keys.global] needs at least one key",
        ),
        ("[keys.help]\nescape = []\n", "the help cannot be closed"),
        (
            "[keys.picker]\n\nescape = []\n",
            "the actor picker cannot be closed",
        ),
        (
            "[keys.prompt]\nescape = []\n",
            "the prompt cannot be closed",
        ),
    ] {
        let e = error(text);
        assert_eq!(e.line, Some(text.lines().count()), "{e}");
        assert!(e.message.contains(says), "{e}");
    }
    assert!(settings("[keys.help]\nescape = [\"x\"]\n").is_ok());
}

/// Ctrl-Space arrives (as a NUL byte) and can be bound.
#[test]
fn ctrl_space_can_be_bound() {
    let c = tui_common::corpus();
    let st = settings("[keys.global]\nfocus-timeline = \"ctrl-space\"\n").unwrap();
    let mut s = AppState::with_settings(&c, 120, 40, st);
    let nul = Event::Key(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::CONTROL));
    assert!(dateline::tui::handle_event(&mut s, &c, &nul));
    assert_eq!(s.focus, Pane::Timeline, "Ctrl-Space focused the timeline");
}

#[test]
fn unknown_colour_names_the_line() {
    let e = error("[theme]\ndate = { fg = \"cyan\" }\nactor = { bg = \"mauve\" }\n");
    assert_eq!(e.line, Some(3));
    assert!(
        e.message.starts_with("actor: unknown colour \"mauve\""),
        "{e}"
    );
}

#[test]
fn unknown_fields_and_contexts_name_the_line() {
    let e = error("sort = \"file\"\ncorpse = \"x\"\n");
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("unknown field `corpse`"), "{e}");
    let e = error("[keys.global]\nquit = \"q\"\n[keys.reeder]\nactivate = \"o\"\n");
    assert_eq!(e.line, Some(3));
    assert!(
        e.message.contains("unknown key context [keys.reeder]"),
        "{e}"
    );
    let e = error("[theme]\ndate = { foreground = \"red\" }\n");
    assert_eq!(e.line, Some(2));
    assert!(e.message.contains("foreground"), "{e}");
}

#[test]
fn duplicate_binding_names_both_actions() {
    let e = error("[keys.global]\ntop = \"g\"\nbottom = [\"g\", \"G\"]\n");
    assert_eq!(e.line, Some(3));
    assert!(
        e.message
            .contains("\"g\" is bound to both top and bottom in [keys.global]"),
        "{e}"
    );
    // Against a default binding: says which one and how to free it.
    let e = error("[keys.timeline]\nnext-month = \"]\"\n");
    assert_eq!(e.line, Some(2));
    assert!(
        e.message.contains("next-day (by default") && e.message.contains("next-month"),
        "{e}"
    );
}

#[test]
fn no_panic_on_odd_files() {
    for text in [
        "\u{0}",
        "[keys]\nglobal = 3",
        "[keys.global]\ndown = [[\"j\"]]",
        "[keys.global]\ndown = [3]",
        "[theme]\ndate = \"red\"",
        "theme = []",
        "corpus = 5",
        "[[keys.global]]",
        "sort = { a = 1 }",
        "[keys.global]\n\"\" = \"j\"",
        "[keys.global]\ndown = \"\"",
        "\u{feff}sort = \"file\"",
    ] {
        let _ = settings(text);
    }
}

#[test]
fn default_config_reads_back_to_exactly_the_defaults() {
    let out = cli_common::run(&["config", "--default"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, default_config_text());
    let cfg = Config::parse(Path::new("config.toml"), &text).unwrap();
    assert_eq!(cfg.sort(), dateline::config::Sort::Date);
    assert!(cfg.corpus().is_empty());
    let s = Settings::from_config_with(&cfg, false).unwrap();
    assert_eq!(s.keymap, Keymap::default());
    assert_eq!(s.theme, Theme::colour());
    assert!(!s.sort_by_file);
    // It says everything: every action of every context, every style.
    for b in BINDINGS {
        let table = format!("[keys.{}]", b.ctx.name());
        let section = text.split(&table).nth(1).unwrap();
        let section = section.split("\n[").next().unwrap();
        let name = action_name(b.action).unwrap();
        assert!(
            section
                .lines()
                .any(|l| l.starts_with(&format!("{name} = ["))),
            "{name} missing from {table}"
        );
    }
    for style in STYLE_NAMES {
        assert!(text.contains(&format!("\n{style} = {{ fg = ")), "{style}");
    }
    // Changing one line of it changes exactly that.
    let edited = text.replacen("toggle-raw = [\"r\"]", "toggle-raw = [\"R\"]", 1);
    assert_ne!(edited, text);
    let s = settings(&edited).unwrap();
    assert_eq!(
        s.keymap.keys(Ctx::Reader, Action::ToggleRaw),
        [Key::parse("R").unwrap()]
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Whatever is written, reading it answers (Ok or a line-numbered error)
    /// and never panics.
    #[test]
    fn no_panic_on_any_text(text in "(\\PC|\\n|\\[|\\]|=|\"|\\{|\\}|ctrl-|keys\\.|theme|fg|#){0,80}") {
        if let Err(e) = settings(&text) {
            proptest::prop_assert!(e.line.is_none_or(|l| l >= 1 && l <= text.lines().count().max(1) + 1));
        }
        let _ = Key::parse(&text);
        let _ = dateline::tui::theme::parse_colour(&text);
    }

    /// Every key name read back prints as a name that reads back the same.
    #[test]
    fn key_names_round_trip(text in "\\PC{1,12}") {
        if let Ok(k) = Key::parse(&text) {
            proptest::prop_assert_eq!(Key::parse(&k.name()), Ok(k));
        }
    }
}
