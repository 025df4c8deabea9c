//! Terminal input as actions: a key through the keymap in the context the
//! screen is in, a click or a wheel turn at a cell, a resize, and a
//! bracketed paste typed into an open prompt. Pure functions of the view
//! state and the event; [`super::live::update`] calls them.

use super::action::Action;
use super::app::AppState;
use super::keys::Ctx;
use super::status;
use super::update::update;
use dateline_core::model::Corpus;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Translates a terminal event into an action (None: nothing to do).
pub fn action_for_event(s: &AppState, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            s.keymap.action_for(k, status::context(s))
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                col: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        _ => None,
    }
}

/// Applies one terminal event; true when something may have changed.
///
/// A terminal sends Esc followed quickly by a key as that key with Alt, and
/// no binding uses Alt, so Alt+key is read as Esc, then the key: typing
/// `Esc /` fast opens the search instead of doing nothing.
pub fn handle_event(s: &mut AppState, c: &Corpus, ev: &Event) -> bool {
    if let Event::Paste(text) = ev {
        return paste(s, c, text);
    }
    if let Event::Key(k) = ev
        && k.kind == KeyEventKind::Press
        && k.modifiers.contains(KeyModifiers::ALT)
    {
        update(s, c, Action::Escape);
        let mut plain = *k;
        plain.modifiers.remove(KeyModifiers::ALT);
        if let Some(a) = action_for_event(s, &Event::Key(plain)) {
            update(s, c, a);
        }
        return true;
    }
    match action_for_event(s, ev) {
        Some(a) => {
            update(s, c, a);
            true
        }
        None => false,
    }
}

/// The most of a paste a prompt takes: as much as it holds.
const PASTE_MAX_CHARS: usize = 200;

/// A bracketed paste: typed into an open prompt or the actor picker (on one
/// line, control characters left out), and otherwise ignored — pasted text
/// is never taken for keys. True when something changed.
fn paste(s: &mut AppState, c: &Corpus, text: &str) -> bool {
    let ctx = status::context(s);
    if !matches!(ctx, Ctx::Prompt | Ctx::Picker) {
        return false;
    }
    let chars = text
        .chars()
        .map(|ch| if ch.is_whitespace() { ' ' } else { ch })
        .filter(|ch| !ch.is_control())
        .take(PASTE_MAX_CHARS);
    for ch in chars {
        update(s, c, Action::Input(ch));
    }
    true
}

/// Ctrl-Z, which raw mode delivers as a key instead of a signal.
pub fn is_ctrl_z(k: &KeyEvent) -> bool {
    k.kind == KeyEventKind::Press
        && k.code == KeyCode::Char('z')
        && k.modifiers == KeyModifiers::CONTROL
}

/// While nothing is shown yet, only the quit and Esc keys (and Ctrl-c,
/// always) mean anything: leave.
pub fn leaves_the_loading_screen(keymap: &super::keymap::Keymap, k: &KeyEvent) -> bool {
    k.kind == KeyEventKind::Press
        && (matches!(
            keymap.action_for(k, Ctx::Global),
            Some(Action::Quit | Action::Escape)
        ) || (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL)))
}
