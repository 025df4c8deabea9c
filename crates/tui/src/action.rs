//! What the user can ask for ([`Action`]) and the panes it names
//! ([`Pane`]): plain values that the keymap, the key table, the layout and
//! the view state all speak, so this module names none of them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Reader,
    Timeline,
}

/// The one place panes are named: [`Pane::id`] in files (the state file's
/// focus, the config's `[keys.ID]`), [`Pane::title`] and [`Pane::number`] on
/// screen (pane borders, the status bar, the `1`-`3` keys).
impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Reader, Pane::Timeline];
    /// The name files use.
    pub fn id(self) -> &'static str {
        match self {
            Pane::List => "list",
            Pane::Reader => "reader",
            Pane::Timeline => "timeline",
        }
    }
    /// The pane called `id` in a file.
    pub fn from_id(id: &str) -> Option<Pane> {
        Pane::ALL.into_iter().find(|p| p.id() == id)
    }
    /// The name shown on screen.
    pub fn title(self) -> &'static str {
        match self {
            Pane::List => "Articles",
            Pane::Reader => "Reader",
            Pane::Timeline => "Timeline",
        }
    }
    /// The number shown beside the title, and the key that focuses it.
    pub fn number(self) -> usize {
        match self {
            Pane::List => 1,
            Pane::Reader => 2,
            Pane::Timeline => 3,
        }
    }
}

/// Everything a user can ask for. Keys map to these through the registry in
/// `keys.rs`; mouse events and tests build them directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    Down,
    Up,
    HalfDown,
    HalfUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Enter: open / act on what is under the cursor.
    Activate,
    PrevEntity,
    NextEntity,
    PrevDay,
    NextDay,
    PrevMonth,
    NextMonth,
    PromptDate,
    PromptSearch,
    OpenPicker,
    NextHit,
    PrevHit,
    /// The list of every search match, with its article.
    SearchResults,
    /// The next / previous article not read yet, in list order.
    NextUnread,
    PrevUnread,
    /// The selected sentence, with its date and source, to the clipboard.
    Copy,
    /// The list of load warnings.
    ShowWarnings,
    /// The article's file in the user's pager / editor.
    OpenPager,
    OpenEditor,
    ToggleFilter,
    ToggleRaw,
    /// Show / hide the lines of the first hidden run on screen.
    ToggleHidden,
    /// Show / hide every hidden run, in every article.
    ToggleAllHidden,
    ToggleSort,
    /// The focused pane alone on the screen, and back.
    ToggleZoom,
    Back,
    Forward,
    ToggleHelp,
    Escape,
    Input(char),
    InputBackspace,
    InputClear,
    Submit,
    Click {
        col: u16,
        row: u16,
    },
    Wheel {
        col: u16,
        row: u16,
        down: bool,
    },
    /// The terminal changed size.
    Resize {
        width: u16,
        height: u16,
    },
}
