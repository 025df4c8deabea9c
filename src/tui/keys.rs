//! The one key registry. Input mapping, the help overlay and the status-bar
//! hints all read [`BINDINGS`], so what help says is what the keys do.

use super::app::{Action, Pane};
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

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// How help and hints write the key.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let code = match ev.code {
            // Some terminals send Ctrl-letters as upper case.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            c => c,
        };
        code == self.code && ctrl == self.ctrl && !ev.modifiers.contains(KeyModifiers::ALT)
    }
}

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

/// Every key dateline knows, in the order help lists them.
pub static BINDINGS: &[Binding] = &[
    b(
        &[k(C::Tab)],
        Global,
        A::FocusNext,
        "focus the next pane",
        Some("pane"),
    ),
    b(
        &[k(C::BackTab)],
        Global,
        A::FocusPrev,
        "focus the previous pane",
        None,
    ),
    b(
        &[ch('1')],
        Global,
        A::Focus(Pane::List),
        "focus the article list",
        None,
    ),
    b(
        &[ch('2')],
        Global,
        A::Focus(Pane::Reader),
        "focus the reader",
        None,
    ),
    b(
        &[ch('3')],
        Global,
        A::Focus(Pane::Timeline),
        "focus the timeline",
        None,
    ),
    b(&[ch('j'), k(C::Down)], Global, A::Down, "move down", None),
    b(&[ch('k'), k(C::Up)], Global, A::Up, "move up", None),
    b(&[ctrl('d')], Global, A::HalfDown, "half a page down", None),
    b(&[ctrl('u')], Global, A::HalfUp, "half a page up", None),
    b(
        &[k(C::PageDown), ch(' ')],
        Global,
        A::PageDown,
        "a page down",
        None,
    ),
    b(&[k(C::PageUp)], Global, A::PageUp, "a page up", None),
    b(&[ch('g'), k(C::Home)], Global, A::Top, "to the top", None),
    b(
        &[ch('G'), k(C::End)],
        Global,
        A::Bottom,
        "to the bottom",
        None,
    ),
    b(
        &[k(C::Enter)],
        List,
        A::Activate,
        "open the article in the reader",
        Some("open"),
    ),
    b(
        &[ch('s')],
        List,
        A::ToggleSort,
        "sort by date / by file order",
        Some("sort"),
    ),
    b(
        &[k(C::Enter)],
        Reader,
        A::Activate,
        "on a date: show it in the timeline; on an actor: follow it",
        Some("act"),
    ),
    b(
        &[ch('[')],
        Reader,
        A::PrevEntity,
        "previous date or actor mention in the article",
        None,
    ),
    b(
        &[ch(']')],
        Reader,
        A::NextEntity,
        "next date or actor mention in the article",
        Some("entity"),
    ),
    b(
        &[ch('r')],
        Reader,
        A::ToggleRaw,
        "toggle clean text / raw file",
        Some("raw"),
    ),
    b(
        &[k(C::Enter)],
        Timeline,
        A::Activate,
        "open the event's article at its sentence",
        Some("open"),
    ),
    b(
        &[ch('[')],
        Timeline,
        A::PrevDay,
        "previous day with events",
        None,
    ),
    b(
        &[ch(']')],
        Timeline,
        A::NextDay,
        "next day with events",
        Some("day"),
    ),
    b(
        &[ch('{')],
        Timeline,
        A::PrevMonth,
        "previous month with events",
        None,
    ),
    b(
        &[ch('}')],
        Timeline,
        A::NextMonth,
        "next month with events",
        Some("month"),
    ),
    b(
        &[ch('t')],
        Global,
        A::PromptDate,
        "jump to a date (2025-04-25, 25 Apr, april, 2025-04, 2025)",
        Some("date"),
    ),
    b(
        &[ch('a')],
        Global,
        A::OpenPicker,
        "pick an actor to follow",
        Some("actor"),
    ),
    b(
        &[ch('/')],
        Global,
        A::PromptSearch,
        "search article bodies (regex, smart case)",
        Some("search"),
    ),
    b(
        &[ch('n')],
        Global,
        A::NextHit,
        "next mention of the followed actor / next search match",
        None,
    ),
    b(
        &[ch('N')],
        Global,
        A::PrevHit,
        "previous mention / previous search match",
        None,
    ),
    b(
        &[ch('f')],
        Global,
        A::ToggleFilter,
        "filter list and timeline to the followed actor",
        None,
    ),
    b(
        &[ch('H'), ctrl('o'), k(C::Backspace)],
        Global,
        A::Back,
        "back through the jump list",
        None,
    ),
    b(
        &[ch('L')],
        Global,
        A::Forward,
        "forward through the jump list",
        None,
    ),
    b(&[ch('?')], Global, A::ToggleHelp, "this help", Some("help")),
    b(
        &[k(C::Esc)],
        Global,
        A::Escape,
        "close overlay / clear message, filter, search",
        None,
    ),
    b(&[ch('q'), ctrl('c')], Global, A::Quit, "quit", Some("quit")),
    b(
        &[k(C::Enter)],
        Picker,
        A::Submit,
        "follow the highlighted actor",
        Some("follow"),
    ),
    b(
        &[k(C::Down), ctrl('n'), ctrl('j')],
        Picker,
        A::Down,
        "next actor",
        None,
    ),
    b(
        &[k(C::Up), ctrl('p'), ctrl('k')],
        Picker,
        A::Up,
        "previous actor",
        None,
    ),
    b(&[k(C::PageDown)], Picker, A::PageDown, "a page down", None),
    b(&[k(C::PageUp)], Picker, A::PageUp, "a page up", None),
    b(
        &[k(C::Backspace)],
        Picker,
        A::InputBackspace,
        "delete a character",
        None,
    ),
    b(&[ctrl('u')], Picker, A::InputClear, "clear the query", None),
    b(
        &[k(C::Esc), ctrl('c')],
        Picker,
        A::Escape,
        "close",
        Some("cancel"),
    ),
    b(
        &[k(C::Enter)],
        Prompt,
        A::Submit,
        "jump / search",
        Some("go"),
    ),
    b(
        &[k(C::Backspace)],
        Prompt,
        A::InputBackspace,
        "delete a character",
        None,
    ),
    b(&[ctrl('u')], Prompt, A::InputClear, "clear the line", None),
    b(
        &[k(C::Esc), ctrl('c')],
        Prompt,
        A::Escape,
        "cancel",
        Some("cancel"),
    ),
    b(&[ch('j'), k(C::Down)], Help, A::Down, "scroll down", None),
    b(&[ch('k'), k(C::Up)], Help, A::Up, "scroll up", None),
    b(
        &[ch('?'), ch('q'), k(C::Esc)],
        Help,
        A::Escape,
        "close help",
        Some("close"),
    ),
];

/// The action for a key press in `ctx`: the context's own bindings first,
/// then (for panes) the global ones. In the picker and prompt a printable
/// character that is not bound is typed text.
pub fn action_for(ev: &KeyEvent, ctx: Ctx) -> Option<Action> {
    let find = |c: Ctx| {
        BINDINGS
            .iter()
            .find(|b| b.ctx == c && b.keys.iter().any(|k| k.matches(ev)))
            .map(|b| b.action)
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

/// `key1 key2` for a binding, as help shows it.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Short hints for the status bar: the context's own first, then global ones.
pub fn hints(ctx: Ctx) -> Vec<(String, &'static str)> {
    let own = BINDINGS.iter().filter(|b| b.ctx == ctx);
    let global = BINDINGS
        .iter()
        .filter(|b| b.ctx == Ctx::Global && matches!(ctx, Ctx::List | Ctx::Reader | Ctx::Timeline));
    own.chain(global)
        .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
        .collect()
}
