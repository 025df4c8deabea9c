//! The default key table: every key dateline knows, per context, in the
//! order help lists them, with the name a config file calls each action.
//! The running keymap ([`super::keymap::Keymap`]) starts from this table and
//! applies the user's remaps, so input, help and hints read one thing.

use super::action::{Action, Pane};
use super::keys::{Ctx, Key, ch, ctrl, k};
use ratatui::crossterm::event::KeyCode;

/// One row of the registry.
pub struct Binding {
    pub keys: &'static [Key],
    pub ctx: Ctx,
    pub action: Action,
    /// What help says the keys do.
    pub desc: &'static str,
    /// A short word for the status-bar hints; None keeps it out of them.
    pub hint: Option<&'static str>,
}

const fn b(
    keys: &'static [Key],
    ctx: Ctx,
    action: Action,
    desc: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        ctx,
        action,
        desc,
        hint,
    }
}

use Action as A;
use Ctx::*;
use KeyCode as C;

/// Every key dateline knows, in the order help lists them (one row a line,
/// so the table reads as the help does).
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(&[k(C::Tab), ch('l'), k(C::Right)], Global, A::FocusNext, "focus the next pane", Some("pane")),
    b(&[k(C::BackTab), ch('h'), k(C::Left)], Global, A::FocusPrev, "focus the previous pane", None),
    b(&[ch('1')], Global, A::Focus(Pane::List), "focus the article list", None),
    b(&[ch('2')], Global, A::Focus(Pane::Reader), "focus the reader", None),
    b(&[ch('3')], Global, A::Focus(Pane::Timeline), "focus the timeline", None),
    b(&[ch('j'), k(C::Down)], Global, A::Down, "move down", None),
    b(&[ch('k'), k(C::Up)], Global, A::Up, "move up", None),
    b(&[ctrl('d')], Global, A::HalfDown, "half a page down", None),
    b(&[ctrl('u')], Global, A::HalfUp, "half a page up", None),
    b(&[k(C::PageDown), ch(' '), ctrl('f')], Global, A::PageDown, "a page down", None),
    b(&[k(C::PageUp), ctrl('b')], Global, A::PageUp, "a page up", None),
    b(&[ch('g'), k(C::Home)], Global, A::Top, "to the top", None),
    b(&[ch('G'), k(C::End)], Global, A::Bottom, "to the bottom", None),
    b(&[k(C::Enter)], List, A::Activate, "open the article in the reader", Some("open")),
    b(&[ch('s')], List, A::ToggleSort, "sort by date / by file order", Some("sort")),
    b(&[k(C::Enter)], Reader, A::Activate, "on a date: show it in the timeline; on an actor: follow it", Some("act")),
    b(&[ch('[')], Reader, A::PrevEntity, "previous date or actor mention in the article", None),
    b(&[ch(']')], Reader, A::NextEntity, "next date or actor mention in the article", Some("entity")),
    b(&[ch('r')], Reader, A::ToggleRaw, "toggle clean text / raw file (lines tagged by class)", Some("raw")),
    b(&[ch('z')], Reader, A::ToggleHidden, "show / hide the first \"⋯ N lines hidden\" run on screen", Some("hidden")),
    b(&[ch('Z')], Reader, A::ToggleAllHidden, "show / hide the hidden lines in every article", None),
    b(&[k(C::Enter)], Timeline, A::Activate, "open the event's article at its sentence", Some("open")),
    b(&[ch('[')], Timeline, A::PrevDay, "previous day with events", None),
    b(&[ch(']')], Timeline, A::NextDay, "next day with events", Some("day")),
    b(&[ch('{')], Timeline, A::PrevMonth, "previous month with events", None),
    b(&[ch('}')], Timeline, A::NextMonth, "next month with events", Some("month")),
    b(&[ch('t')], Global, A::PromptDate, "jump to a date (2025-04-25, 25 Apr, april, 2025-04, 2025)", Some("date")),
    b(&[ch('a')], Global, A::OpenPicker, "pick an actor to follow (or stop following)", Some("actor")),
    b(&[ch('/')], Global, A::PromptSearch, "search article titles and bodies (regex, smart case)", Some("search")),
    b(&[ch('n')], Global, A::NextHit, "next mention of the followed actor / next search match", None),
    b(&[ch('N')], Global, A::PrevHit, "previous mention / previous search match", None),
    b(&[ch('S')], Global, A::SearchResults, "list every search match with its article", None),
    b(&[ch('u')], Global, A::NextUnread, "next unread article (in list order, wrapping)", None),
    b(&[ch('U')], Global, A::PrevUnread, "previous unread article", None),
    b(&[ch('f')], Global, A::ToggleFilter, "filter list and timeline to the followed actor", None),
    b(&[ch('y')], Global, A::Copy, "copy the selected sentence with its date and source (OSC 52)", None),
    b(&[ch('o')], Global, A::OpenPager, "open the article's file in $PAGER (less), then come back", None),
    b(&[ch('O')], Global, A::OpenEditor, "open the article's file in $EDITOR (vi), then come back", None),
    b(&[ch('W')], Global, A::ShowWarnings, "list the load warnings (files skipped, bad encodings)", None),
    b(&[ch('H'), ctrl('o'), k(C::Backspace)], Global, A::Back, "back through the jump list", None),
    b(&[ch('L')], Global, A::Forward, "forward through the jump list", None),
    b(&[ch('+')], Global, A::ToggleZoom, "zoom: the focused pane alone on the screen, and back", None),
    b(&[ch('?')], Global, A::ToggleHelp, "this help", Some("help")),
    b(&[k(C::Esc)], Global, A::Escape, "close overlay / clear message, filter, search, then unfollow", None),
    b(&[ch('q'), ctrl('c')], Global, A::Quit, "quit", Some("quit")),
    b(&[k(C::Enter)], Picker, A::Submit, "follow the highlighted actor (or stop following)", Some("follow")),
    b(&[k(C::Down), ctrl('n'), ctrl('j')], Picker, A::Down, "next actor", None),
    b(&[k(C::Up), ctrl('p'), ctrl('k')], Picker, A::Up, "previous actor", None),
    b(&[k(C::PageDown)], Picker, A::PageDown, "a page down", None),
    b(&[k(C::PageUp)], Picker, A::PageUp, "a page up", None),
    b(&[k(C::Backspace)], Picker, A::InputBackspace, "delete a character", None),
    b(&[ctrl('u')], Picker, A::InputClear, "clear the query", None),
    b(&[k(C::Esc), ctrl('c')], Picker, A::Escape, "close", Some("cancel")),
    b(&[k(C::Enter)], Prompt, A::Submit, "jump / search", Some("go")),
    b(&[k(C::Backspace)], Prompt, A::InputBackspace, "delete a character", None),
    b(&[ctrl('u')], Prompt, A::InputClear, "clear the line", None),
    b(&[k(C::Esc), ctrl('c')], Prompt, A::Escape, "cancel", Some("cancel")),
    b(&[ch('j'), k(C::Down)], Help, A::Down, "scroll down", None),
    b(&[ch('k'), k(C::Up)], Help, A::Up, "scroll up", None),
    b(&[ch('?'), ch('q'), k(C::Esc)], Help, A::Escape, "close help", Some("close")),
];

/// The name a config file uses for an action (`[keys.list] activate = "o"`).
/// None for actions that no key triggers (mouse, resize, typed text). The
/// match is exhaustive so a new action has to be given a name here.
pub fn action_name(a: Action) -> Option<&'static str> {
    Some(match a {
        A::Quit => "quit",
        A::FocusNext => "focus-next",
        A::FocusPrev => "focus-prev",
        A::Focus(Pane::List) => "focus-list",
        A::Focus(Pane::Reader) => "focus-reader",
        A::Focus(Pane::Timeline) => "focus-timeline",
        A::Down => "down",
        A::Up => "up",
        A::HalfDown => "half-page-down",
        A::HalfUp => "half-page-up",
        A::PageDown => "page-down",
        A::PageUp => "page-up",
        A::Top => "top",
        A::Bottom => "bottom",
        A::Activate => "activate",
        A::PrevEntity => "prev-entity",
        A::NextEntity => "next-entity",
        A::PrevDay => "prev-day",
        A::NextDay => "next-day",
        A::PrevMonth => "prev-month",
        A::NextMonth => "next-month",
        A::PromptDate => "jump-to-date",
        A::PromptSearch => "search",
        A::OpenPicker => "pick-actor",
        A::NextHit => "next-hit",
        A::PrevHit => "prev-hit",
        A::SearchResults => "search-results",
        A::NextUnread => "next-unread",
        A::PrevUnread => "prev-unread",
        A::Copy => "copy",
        A::ShowWarnings => "warnings",
        A::OpenPager => "open-in-pager",
        A::OpenEditor => "open-in-editor",
        A::ToggleFilter => "toggle-filter",
        A::ToggleRaw => "toggle-raw",
        A::ToggleHidden => "toggle-hidden",
        A::ToggleAllHidden => "toggle-all-hidden",
        A::ToggleSort => "toggle-sort",
        A::ToggleZoom => "toggle-zoom",
        A::Back => "back",
        A::Forward => "forward",
        A::ToggleHelp => "help",
        A::Escape => "escape",
        A::InputBackspace => "delete-char",
        A::InputClear => "clear-input",
        A::Submit => "submit",
        A::Input(_) | A::Click { .. } | A::Wheel { .. } | A::Resize { .. } => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_key_names_parse_back_to_the_same_key() {
        for b in BINDINGS {
            for &key in b.keys {
                assert_eq!(Key::parse(&key.name()), Ok(key), "{}", key.name());
            }
        }
    }

    /// A remap names (context, action); that must pick exactly one row.
    #[test]
    fn each_context_action_pair_is_one_row_with_a_name() {
        for (i, b) in BINDINGS.iter().enumerate() {
            assert!(
                action_name(b.action).is_some(),
                "{:?} has no name",
                b.action
            );
            assert!(!b.keys.is_empty(), "{:?} has no default key", b.action);
            let twin = BINDINGS[i + 1..]
                .iter()
                .any(|o| o.ctx == b.ctx && o.action == b.action);
            assert!(!twin, "{:?} twice in {:?}", b.action, b.ctx);
        }
    }

    #[test]
    fn action_names_are_distinct() {
        let mut names: Vec<&str> = BINDINGS
            .iter()
            .filter_map(|b| action_name(b.action))
            .collect();
        names.sort();
        names.dedup();
        let mut actions: Vec<String> = BINDINGS.iter().map(|b| format!("{:?}", b.action)).collect();
        actions.sort();
        actions.dedup();
        assert_eq!(names.len(), actions.len());
    }
}
