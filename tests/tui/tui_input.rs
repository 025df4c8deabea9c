//! Jump-to-date and search parsing, and the keymap reaching `update`:
//! input-side tests, without a terminal, on a hand-made corpus.

use crate::tui_common::*;
use dateline::model::Corpus;
use dateline::tui::action::Action;
use dateline::tui::app::{AppState, Overlay};
use dateline::tui::update::update;

fn setup() -> (AppState, Corpus) {
    let c = corpus();
    let s = AppState::new(&c, 120, 40);
    (s, c)
}

#[test]
fn jump_date_parsing() {
    use dateline::model::Precision;
    use dateline::query::parse_jump_date;
    let p = |s: &str| parse_jump_date(s, 2025).map(|v| (v.label(), v.precision));
    assert_eq!(p("2025-04-25"), Some(("2025-04-25".into(), Precision::Day)));
    assert_eq!(p("25 Apr"), Some(("2025-04-25".into(), Precision::Day)));
    assert_eq!(p("april 25"), Some(("2025-04-25".into(), Precision::Day)));
    assert_eq!(
        p("Apr 25, 2024"),
        Some(("2024-04-25".into(), Precision::Day))
    );
    assert_eq!(p("apr"), Some(("2025-04".into(), Precision::Month)));
    assert_eq!(p("2025-04"), Some(("2025-04".into(), Precision::Month)));
    assert_eq!(p("march 2014"), Some(("2014-03".into(), Precision::Month)));
    assert_eq!(p("2025"), Some(("2025".into(), Precision::Year)));
    assert_eq!(p("1st may"), Some(("2025-05-01".into(), Precision::Day)));
    for (input, label, precision) in [
        ("2024-Q3", "2024-Q3", Precision::Quarter),
        (
            "t q3 2024".trim_start_matches("t "),
            "2024-Q3",
            Precision::Quarter,
        ),
        ("Q1", "2025-Q1", Precision::Quarter),
        ("2024 h2", "2024-H2", Precision::Half),
        ("2024-su", "2024-SU", Precision::Season),
        ("autumn 2023", "2023-FA", Precision::Season),
    ] {
        assert_eq!(p(input), Some((label.into(), precision)), "{input:?}");
    }
    for bad in [
        "",
        "ap",
        "q5 2024",
        "h3",
        "2025-13",
        "31 feb",
        "blursday",
        "25",
        "99999999999999999999",
    ] {
        assert_eq!(p(bad), None, "{bad:?}");
    }
}

#[test]
fn search_regex_smart_case() {
    use dateline::query::search_regex;
    assert!(search_regex("putin").unwrap().is_match("PUTIN"));
    assert!(!search_regex("Putin").unwrap().is_match("PUTIN"));
    assert!(search_regex("(").is_err());
}

mod keys {
    use super::*;
    use dateline::tui::bindings::BINDINGS;
    use dateline::tui::keymap::Keymap;
    use dateline::tui::keys::Ctx;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn action_for(ev: &KeyEvent, ctx: Ctx) -> Option<Action> {
        Keymap::default().action_for(ev, ctx)
    }

    #[test]
    fn every_registry_key_maps_to_its_action_unless_shadowed() {
        for b in BINDINGS {
            for k in b.keys {
                let mods = if k.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                let got = action_for(&press(k.code, mods), b.ctx);
                // A pane binding may shadow a global one (Enter, [ ]); the
                // registry order decides, and help lists both.
                let shadowed = b.ctx == Ctx::Global
                    && BINDINGS
                        .iter()
                        .any(|o| o.ctx != Ctx::Global && o.keys.contains(k));
                if !shadowed {
                    assert_eq!(got, Some(b.action), "{} in {:?}", k.label(), b.ctx);
                }
            }
        }
    }

    #[test]
    fn shifted_chars_and_typed_text() {
        assert_eq!(
            action_for(&press(KeyCode::Char('G'), KeyModifiers::SHIFT), Ctx::List),
            Some(Action::Bottom)
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('q'), KeyModifiers::NONE), Ctx::Prompt),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('j'), KeyModifiers::NONE), Ctx::Picker),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('x'), KeyModifiers::NONE), Ctx::Help),
            None
        );
        assert_eq!(
            action_for(
                &press(KeyCode::Char('['), KeyModifiers::NONE),
                Ctx::Timeline
            ),
            Some(Action::PrevDay)
        );
        assert_eq!(
            action_for(&press(KeyCode::Char('['), KeyModifiers::NONE), Ctx::Reader),
            Some(Action::PrevEntity)
        );
    }

    #[test]
    fn only_presses_count_and_alt_is_esc_then_key() {
        let (mut s, c) = setup();
        let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert!(!dateline::tui::handle_event(
            &mut s,
            &c,
            &Event::Key(release)
        ));
        assert!(!s.quit);
        update(&mut s, &c, Action::ToggleHelp);
        let alt_slash = press(KeyCode::Char('/'), KeyModifiers::ALT);
        dateline::tui::handle_event(&mut s, &c, &Event::Key(alt_slash));
        assert!(
            matches!(s.overlay, Overlay::Prompt { .. }),
            "Esc closed help, / opened search"
        );
    }
}
