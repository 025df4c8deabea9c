//! Bracketed paste: typed into an open prompt on one line, never taken for
//! keys elsewhere.

use crate::tui_common;
use dateline::tui::action::Action;
use dateline::tui::app::{AppState, Overlay};
use dateline::tui::handle_event;
use ratatui::crossterm::event::Event;

#[test]
fn a_paste_goes_into_the_search_prompt_on_one_line() {
    let c = tui_common::corpus();
    let mut s = AppState::new(&c, 120, 40);
    dateline::tui::update::update(&mut s, &c, Action::PromptSearch);
    assert!(handle_event(
        &mut s,
        &c,
        &Event::Paste("harbour\nboard\x1b[2J".into())
    ));
    match &s.overlay {
        Overlay::Prompt { input, .. } => assert_eq!(input, "harbour board[2J"),
        other => panic!("prompt closed: {other:?}"),
    }
}

#[test]
fn a_paste_outside_a_prompt_is_not_taken_for_keys() {
    let c = tui_common::corpus();
    let mut s = AppState::new(&c, 120, 40);
    assert!(!handle_event(&mut s, &c, &Event::Paste("qGjjj/".into())));
    assert!(!s.quit);
    assert!(matches!(s.overlay, Overlay::None));
}

#[test]
fn a_huge_paste_is_cut_to_what_a_prompt_holds() {
    let c = tui_common::corpus();
    let mut s = AppState::new(&c, 120, 40);
    dateline::tui::update::update(&mut s, &c, Action::PromptSearch);
    handle_event(&mut s, &c, &Event::Paste("x".repeat(6000)));
    match &s.overlay {
        Overlay::Prompt { input, .. } => assert!(input.len() <= 200),
        other => panic!("prompt closed: {other:?}"),
    }
}
