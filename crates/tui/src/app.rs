//! The view state: plain data about what the user is looking at (the
//! corpus is read-only). It names none of the panes' code: each pane keeps
//! its part in step in its own module (`list`, `reader`, `timeline`), and
//! the one function that changes the state, [`update`](super::update::update),
//! builds the first one too. Every key becomes an
//! [`Action`](super::action::Action).

use super::action::Pane;
use super::derived::Derived;
use super::doc::Doc;
use super::keymap::Keymap;
use super::layout::Layout;
use super::picker::PickerState;
use super::theme::Theme;
use super::wrap::Folds;
use dateline_core::model::{ActorId, ArticleId, Corpus};
use dateline_core::query;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Date,
    Search,
}

#[derive(Debug)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
    },
    Picker(PickerState),
    Prompt {
        kind: PromptKind,
        input: String,
    },
    /// The load warnings, a line each (`W`).
    Warnings {
        scroll: usize,
    },
    /// Every match of the search, a row each (`S`).
    Results(super::matches::ResultsState),
}

/// What the view asks of the world outside the terminal's panes; the
/// session turns each into an effect for the loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Show this file in the user's pager (or editor), then come back.
    Open {
        path: std::path::PathBuf,
        editor: bool,
    },
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
    /// Index into `Corpus::mentions_by_actor()[actor]`.
    pub pos: Option<usize>,
}

#[derive(Debug)]
pub struct Search {
    pub pattern: String,
    pub regex: regex::Regex,
    pub hit: Option<query::Hit>,
    /// Matches in the whole corpus, titles and bodies (at most
    /// [`super::results::COUNT_MAX`]), and in how many articles.
    pub total: usize,
    pub articles: usize,
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
    /// Read marks (by identity) of articles a `--watch` reload found gone
    /// (a folder moved away for a moment): kept, and saved, so they are
    /// read again when their files come back.
    pub read_elsewhere: Vec<String>,
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
    /// What the last actions asked of the outside world, oldest first.
    pub requests: Vec<Request>,
}

impl AppState {
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

    pub fn reader_top_byte(&self) -> u32 {
        self.reader
            .doc
            .lines
            .get(self.reader.scroll)
            .map_or(0, |l| l.start)
    }
}
