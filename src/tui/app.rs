//! View state and the one `update` (in `update.rs`) that changes it. The
//! corpus is read-only; everything here is about what the user is looking
//! at. Every key becomes an [`Action`], and [`update`] keeps the panes in
//! step: the reader shows the article selected in the list, the timeline
//! marks its events, and opening an event opens its article at its sentence.

use super::doc::Doc;
use super::keymap::Keymap;
use super::layout::{self, Layout};
use super::picker::PickerState;
use super::settings::Settings;
use super::theme::Theme;
use super::wrap::Folds;
use crate::model::{ActorId, ArticleId, Corpus};
use crate::query;
use ratatui::layout::Rect;
use std::collections::{HashMap, HashSet};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Date,
    Search,
}

#[derive(Debug)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Picker(PickerState),
    Prompt { kind: PromptKind, input: String },
}

/// What `n` / `N` step through: whichever was chosen last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitMode {
    Follow,
    Search,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Follow {
    pub actor: ActorId,
    /// Index into `Corpus::mentions_by_actor[actor]`.
    pub pos: Option<usize>,
}

#[derive(Debug)]
pub struct Search {
    pub pattern: String,
    pub regex: regex::Regex,
    pub hit: Option<query::Hit>,
}

/// The followed actor's articles and events, built once when `f` is pressed.
#[derive(Debug, Clone)]
pub struct Filter {
    pub actor: ActorId,
    /// Articles in list order.
    pub articles: Vec<ArticleId>,
    /// Indices into `Corpus::events`, ascending (so still in date order).
    pub events: Vec<u32>,
}

/// Where the user was, for the jump list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub article: Option<ArticleId>,
    pub top_byte: u32,
    pub event: Option<usize>,
    pub focus: Pane,
}

/// A scroll the reader applies once it knows its wrapped lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Put the line with this byte at the top.
    Top(u32),
    /// Bring this byte into view, a third of the way down.
    Show(u32),
    /// Put the marker of the hidden run starting at this byte on this
    /// screen row (it stays put when opened or closed).
    Run { start: u32, row: usize },
}

#[derive(Debug, Default)]
pub struct ReaderState {
    pub raw: bool,
    /// First shown line of `doc`.
    pub scroll: usize,
    /// Index into `doc.entities`.
    pub entity: Option<usize>,
    pub pending: Option<Pending>,
    /// Top byte per article, so coming back finds the place.
    pub places: HashMap<ArticleId, u32>,
    /// Which hidden runs are shown.
    pub folds: Folds,
    pub doc: Doc,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct TimelineState {
    /// Position in the (possibly filtered) event view.
    pub cursor: usize,
    pub top: usize,
}

#[derive(Debug, Clone)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

pub use super::derived::Derived;

/// All view state over one read-only corpus.
#[derive(Debug)]
pub struct AppState {
    pub focus: Pane,
    pub overlay: Overlay,
    pub sort_by_file: bool,
    /// The order the config file asks for (`sort_by_file` as the session began).
    pub config_sort_by_file: bool,
    pub filter: Option<Filter>,
    /// The article selected in the list and shown in the reader.
    pub current: Option<ArticleId>,
    pub list_top: usize,
    pub timeline: TimelineState,
    pub reader: ReaderState,
    pub follow: Option<Follow>,
    pub search: Option<Search>,
    pub hit_mode: HitMode,
    pub jumps: Vec<Location>,
    pub jump_pos: usize,
    pub read: HashSet<ArticleId>,
    pub message: Option<Message>,
    /// How far the full corpus has loaded while an early part of it is
    /// shown (see `loader`); in the status bar until it is in.
    pub loading: Option<String>,
    pub quit: bool,
    pub theme: Theme,
    /// The keys in force (defaults + config remaps): input, help, hints.
    pub keymap: Keymap,
    pub layout: Layout,
    /// The focused pane shown alone (the zoom key), until asked back.
    pub zoom: bool,
    pub derived: Derived,
}

impl AppState {
    /// State for `corpus` as drawn on a `width`×`height` terminal (the size
    /// only matters until the first frame reports the real one), with the
    /// default settings.
    pub fn new(corpus: &Corpus, width: u16, height: u16) -> Self {
        AppState::with_settings(corpus, width, height, Settings::default())
    }

    /// [`AppState::new`] with the keys, theme and order of a config file.
    pub fn with_settings(corpus: &Corpus, width: u16, height: u16, settings: Settings) -> Self {
        let derived = Derived::new(corpus);
        let current = if settings.sort_by_file {
            derived.file_order.first().copied()
        } else {
            corpus.articles_by_date.first().copied()
        };
        let mut s = AppState {
            focus: Pane::List,
            overlay: Overlay::None,
            sort_by_file: settings.sort_by_file,
            config_sort_by_file: settings.sort_by_file,
            filter: None,
            current,
            list_top: 0,
            timeline: TimelineState::default(),
            reader: ReaderState::default(),
            follow: None,
            search: None,
            hit_mode: HitMode::Follow,
            jumps: Vec::new(),
            jump_pos: 0,
            read: HashSet::new(),
            message: None,
            loading: None,
            quit: false,
            theme: settings.theme,
            keymap: settings.keymap,
            layout: layout::compute(Rect::new(0, 0, width, height), Pane::List, false),
            zoom: false,
            derived,
        };
        s.sync_timeline_to_article(corpus);
        s.sync_reader(corpus);
        s
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    // ----- the article list view -----

    /// Article ids in list order (filtered when a filter is on).
    pub fn list_order<'a>(&'a self, c: &'a Corpus) -> &'a [ArticleId] {
        match &self.filter {
            Some(f) => &f.articles,
            None if self.sort_by_file => &self.derived.file_order,
            None => &c.articles_by_date,
        }
    }

    pub(super) fn list_key(&self, id: ArticleId) -> u32 {
        if self.sort_by_file {
            id
        } else {
            self.derived
                .date_rank
                .get(id as usize)
                .copied()
                .unwrap_or(u32::MAX)
        }
    }

    /// Where `id` sits in the list; None when the filter hides it.
    pub fn list_pos(&self, c: &Corpus, id: ArticleId) -> Option<usize> {
        match &self.filter {
            None => {
                let p = self.list_key(id) as usize;
                (p < c.articles.len()).then_some(p)
            }
            Some(f) => f
                .articles
                .binary_search_by_key(&self.list_key(id), |&a| self.list_key(a))
                .ok(),
        }
    }

    // ----- the event view -----

    pub fn event_count(&self, c: &Corpus) -> usize {
        self.filter
            .as_ref()
            .map_or(c.events.len(), |f| f.events.len())
    }
    /// The index into `Corpus::events` of view position `pos`.
    pub fn event_at(&self, c: &Corpus, pos: usize) -> Option<usize> {
        match &self.filter {
            None => (pos < c.events.len()).then_some(pos),
            Some(f) => f.events.get(pos).map(|&e| e as usize),
        }
    }
    /// The view position of corpus event `ev` (or the next one the view has).
    pub fn event_pos(&self, ev: usize) -> usize {
        match &self.filter {
            None => ev,
            Some(f) => f.events.partition_point(|&e| (e as usize) < ev),
        }
    }
    /// The first view position whose date starts on or after `date`.
    pub fn event_lower_bound(&self, c: &Corpus, date: chrono::NaiveDate) -> usize {
        match &self.filter {
            None => query::first_event_on_or_after(&c.events, date),
            Some(f) => f.events.partition_point(|&e| {
                c.events
                    .get(e as usize)
                    .is_some_and(|e| e.date.start < date)
            }),
        }
    }

    // ----- keeping panes in step -----

    /// Shows article `id` in the reader and selects it in the list, keeping
    /// the place in the one we leave.
    pub fn select_article(&mut self, c: &Corpus, id: ArticleId) {
        if c.articles.get(id as usize).is_none() {
            return;
        }
        if self.current == Some(id) {
            return;
        }
        if let Some(cur) = self.current {
            let top = self.reader_top_byte();
            self.reader.places.insert(cur, top);
        }
        self.current = Some(id);
        self.reader.entity = None;
        self.reader.scroll = 0;
        self.reader.pending = self.reader.places.get(&id).map(|&b| Pending::Top(b));
        self.list_into_view(c);
    }

    pub fn reader_top_byte(&self) -> u32 {
        self.reader
            .doc
            .lines
            .get(self.reader.scroll)
            .map_or(0, |l| l.start)
    }

    /// Scrolls the list so the current article is visible.
    pub fn list_into_view(&mut self, c: &Corpus) {
        let Some(pos) = self.current.and_then(|id| self.list_pos(c, id)) else {
            return;
        };
        let height = self
            .layout
            .list
            .map_or(20, |r| layout::inner(r).height as usize);
        let own = super::list::item_height(self, c, pos);
        // Items of two rows that fit above the selected one.
        let above = height.saturating_sub(own) / 2;
        if pos < self.list_top {
            self.list_top = pos;
        } else if pos > self.list_top + above {
            self.list_top = pos - above;
        }
    }

    /// Moves the timeline cursor to the current article's first event (its
    /// publication marker when it has one), so the marks are in view.
    pub fn sync_timeline_to_article(&mut self, c: &Corpus) {
        let Some(id) = self.current else { return };
        let Some(&first) = self
            .derived
            .article_events
            .get(id as usize)
            .and_then(|evs| {
                evs.iter()
                    .find(|&&e| c.events.get(e as usize).is_some_and(|e| e.is_publication()))
                    .or_else(|| evs.first())
            })
        else {
            return;
        };
        let pos = self.event_pos(first as usize);
        if self.event_at(c, pos) == Some(first as usize) {
            self.timeline.cursor = pos;
            super::timeline::scroll_to_target(self, c);
        }
    }

    /// Wraps the current article for the reader's width and applies any
    /// pending scroll. Called after every update and before every draw.
    pub fn sync_reader(&mut self, c: &Corpus) {
        let Some(a) = self.current.and_then(|id| c.articles.get(id as usize)) else {
            return;
        };
        let width = self.layout.reader_width();
        let title_lines = super::reader::headline_lines(a, width as usize)
            .len()
            .min(super::reader::HEADLINE_MAX_LINES);
        self.layout.reader_title_lines = title_lines as u16;
        let rows = self.layout.reader_rows().max(1);
        let r = &mut self.reader;
        let before = r.doc.key;
        let top = r.doc.lines.get(r.scroll).map(|l| l.start);
        if r.doc.ensure(a, width, r.raw, &r.folds)
            && let (Some((id, _, raw, _)), Some(top)) = (before, top)
            && id == a.id
            && raw == r.raw
        {
            r.scroll = r.doc.line_of(top);
        }
        match r.pending.take() {
            Some(Pending::Top(b)) => r.scroll = r.doc.line_of(b),
            Some(Pending::Show(b)) => {
                let line = r.doc.line_of(b);
                if line < r.scroll || line >= r.scroll + rows {
                    r.scroll = line.saturating_sub(rows / 3);
                }
            }
            Some(Pending::Run { start, row }) => {
                let run = r.doc.runs.iter().position(|x| x.start == start);
                if let Some(line) = run.and_then(|i| r.doc.marker_line(i)) {
                    r.scroll = line.saturating_sub(row.min(rows.saturating_sub(1)));
                }
            }
            None => {}
        }
        r.scroll = r.scroll.min(r.doc.lines.len().saturating_sub(rows));
        if r.entity.is_some_and(|e| e >= r.doc.entities.len()) {
            r.entity = None;
        }
    }
}

pub use super::update::update;
