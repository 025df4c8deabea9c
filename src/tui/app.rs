//! View state and the one `update` that changes it. The corpus is read-only;
//! everything here is about what the user is looking at. Every key becomes an
//! [`Action`], and [`update`] keeps the panes in step: the reader shows the
//! article selected in the list, the timeline marks its events, and opening
//! an event opens its article at its sentence.

use super::layout::{self, Layout};
use super::picker::PickerState;
use super::theme::Theme;
use super::wrap::{Doc, EntityKind};
use crate::model::{ActorId, ArticleId, Corpus};
use crate::query;
use chrono::Datelike;
use ratatui::layout::Rect;
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Reader,
    Timeline,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Reader, Pane::Timeline];
    pub fn name(self) -> &'static str {
        match self {
            Pane::List => "Articles",
            Pane::Reader => "Reader",
            Pane::Timeline => "Timeline",
        }
    }
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
    ToggleSort,
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

/// Lookups built once at start (linear in the corpus, never per key).
#[derive(Debug, Default)]
pub struct Derived {
    /// Article id -> position in `Corpus::articles_by_date`.
    pub date_rank: Vec<u32>,
    /// Article ids in file order, so both list orders are slices.
    pub file_order: Vec<ArticleId>,
    /// Article id -> its events (indices into `Corpus::events`, ascending).
    pub article_events: Vec<Vec<u32>>,
    /// Actor ids, most mentioned first.
    pub actors_by_mentions: Vec<ActorId>,
    /// The year a date typed without one means when the timeline is empty.
    pub default_year: i32,
}

impl Derived {
    pub fn new(c: &Corpus) -> Self {
        let n = c.articles.len();
        let mut date_rank = vec![0u32; n];
        for (i, &id) in c.articles_by_date.iter().enumerate() {
            if let Some(r) = date_rank.get_mut(id as usize) {
                *r = i as u32;
            }
        }
        let mut article_events = vec![Vec::new(); n];
        for (i, e) in c.events.iter().enumerate() {
            if let Some(v) = article_events.get_mut(e.article as usize) {
                v.push(i as u32);
            }
        }
        let mut actors_by_mentions: Vec<ActorId> = c.actors.iter().map(|a| a.id).collect();
        actors_by_mentions.sort_by_cached_key(|&id| {
            let a = &c.actors[id as usize];
            (std::cmp::Reverse(a.mention_count), a.name.to_lowercase())
        });
        let dated: Vec<_> = c
            .articles_by_date
            .iter()
            .filter_map(|&id| c.articles.get(id as usize)?.published.value)
            .collect();
        let default_year = dated
            .get(dated.len() / 2)
            .map(|d| d.start.year())
            .or_else(|| c.events.first().map(|e| e.date.start.year()))
            .unwrap_or_else(|| chrono::Local::now().year());
        Derived {
            date_rank,
            file_order: (0..n as ArticleId).collect(),
            article_events,
            actors_by_mentions,
            default_year,
        }
    }
}

/// All view state over one read-only corpus.
#[derive(Debug)]
pub struct AppState {
    pub focus: Pane,
    pub overlay: Overlay,
    pub sort_by_file: bool,
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
    pub quit: bool,
    pub theme: Theme,
    pub layout: Layout,
    pub derived: Derived,
}

/// How many places the jump list remembers.
const JUMP_LIST_MAX: usize = 200;

impl AppState {
    /// State for `corpus` as drawn on a `width`×`height` terminal (the size
    /// only matters until the first frame reports the real one).
    pub fn new(corpus: &Corpus, width: u16, height: u16) -> Self {
        let derived = Derived::new(corpus);
        let mut s = AppState {
            focus: Pane::List,
            overlay: Overlay::None,
            sort_by_file: false,
            filter: None,
            current: corpus.articles_by_date.first().copied(),
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
            quit: false,
            theme: Theme::from_env(),
            layout: layout::compute(Rect::new(0, 0, width, height), Pane::List),
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

    fn list_key(&self, id: ArticleId) -> u32 {
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
        let rows = self.layout.list_items();
        if pos < self.list_top {
            self.list_top = pos;
        } else if pos >= self.list_top + rows {
            self.list_top = pos + 1 - rows;
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
            super::timeline::scroll_into_view(self, c);
        }
    }

    /// Wraps the current article for the reader's width and applies any
    /// pending scroll. Called after every update and before every draw.
    pub fn sync_reader(&mut self, c: &Corpus) {
        let Some(a) = self.current.and_then(|id| c.articles.get(id as usize)) else {
            return;
        };
        let width = self.layout.reader_width();
        let rows = self.layout.reader_rows().max(1);
        let r = &mut self.reader;
        let before = r.doc.key;
        let top = r.doc.lines.get(r.scroll).map(|l| l.start);
        if r.doc.ensure(a, width, r.raw)
            && let (Some((id, _, raw)), Some(top)) = (before, top)
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
            None => {}
        }
        r.scroll = r.scroll.min(r.doc.lines.len().saturating_sub(rows));
        if r.entity.is_some_and(|e| e >= r.doc.entities.len()) {
            r.entity = None;
        }
    }

    // ----- the jump list -----

    pub fn location(&self, c: &Corpus) -> Location {
        Location {
            article: self.current,
            top_byte: self.reader_top_byte(),
            event: self.event_at(c, self.timeline.cursor),
            focus: self.focus,
        }
    }

    /// Remembers where we are before a jump.
    pub fn push_jump(&mut self, c: &Corpus) {
        let here = self.location(c);
        self.jumps.truncate(self.jump_pos);
        if self.jumps.last() != Some(&here) {
            self.jumps.push(here);
        }
        if self.jumps.len() > JUMP_LIST_MAX {
            self.jumps.remove(0);
        }
        self.jump_pos = self.jumps.len();
    }

    fn restore(&mut self, c: &Corpus, loc: Location) {
        if let Some(id) = loc.article {
            self.select_article(c, id);
            self.reader.pending = Some(Pending::Top(loc.top_byte));
        }
        if let Some(ev) = loc.event {
            self.timeline.cursor = self
                .event_pos(ev)
                .min(self.event_count(c).saturating_sub(1));
            super::timeline::scroll_into_view(self, c);
        }
        self.set_focus(loc.focus);
    }

    fn back(&mut self, c: &Corpus) {
        if self.jump_pos == 0 {
            self.say("at the start of the jump list");
            return;
        }
        if self.jump_pos == self.jumps.len() {
            let here = self.location(c);
            self.jumps.push(here);
        }
        self.jump_pos -= 1;
        let loc = self.jumps[self.jump_pos];
        self.restore(c, loc);
        self.say(format!("back {}/{}", self.jump_pos + 1, self.jumps.len()));
    }

    fn forward(&mut self, c: &Corpus) {
        if self.jump_pos + 1 >= self.jumps.len() {
            self.say("at the end of the jump list");
            return;
        }
        self.jump_pos += 1;
        let loc = self.jumps[self.jump_pos];
        self.restore(c, loc);
        self.say(format!(
            "forward {}/{}",
            self.jump_pos + 1,
            self.jumps.len()
        ));
    }

    /// Shows `pane`; in single-pane mode that means switching to it.
    pub fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        self.layout = layout::compute(self.layout.area, pane);
    }

    /// After a jump that changed the reader: show it if only one pane fits.
    fn reveal_reader(&mut self) {
        if self.layout.single {
            self.set_focus(Pane::Reader);
        }
    }

    // ----- follow and search -----

    /// Follows `actor`, landing on its first mention at or after the current
    /// article in reading order.
    pub fn follow_actor(&mut self, c: &Corpus, actor: ActorId, pos: Option<usize>) {
        let Some(list) = c.mentions_by_actor.get(actor as usize) else {
            return;
        };
        self.follow = Some(Follow { actor, pos: None });
        self.hit_mode = HitMode::Follow;
        if self.filter.is_some() {
            self.filter = None;
            self.say("filter cleared");
        }
        let pos = pos.or_else(|| {
            let rank = |id: ArticleId| {
                self.derived
                    .date_rank
                    .get(id as usize)
                    .copied()
                    .unwrap_or(0)
            };
            let here = self.current.map_or(0, rank);
            let p = list.partition_point(|m| rank(m.article) < here);
            (!list.is_empty()).then_some(if p < list.len() { p } else { 0 })
        });
        match pos {
            Some(p) => self.go_mention(c, actor, p),
            None => self.say(format!(
                "following {} (no mentions)",
                crate::text::sanitize_line(&c.actor(actor).name)
            )),
        }
    }

    fn go_mention(&mut self, c: &Corpus, actor: ActorId, pos: usize) {
        let Some(m) = c
            .mentions_by_actor
            .get(actor as usize)
            .and_then(|l| l.get(pos))
            .copied()
        else {
            return;
        };
        let Some(span) = c
            .articles
            .get(m.article as usize)
            .and_then(|a| a.mentions.get(m.mention as usize))
            .map(|x| x.span)
        else {
            return;
        };
        self.push_jump(c);
        self.select_article(c, m.article);
        self.sync_timeline_to_article(c);
        self.reader.pending = Some(Pending::Show(span.start));
        self.reveal_reader();
        self.sync_reader(c);
        self.reader.entity = self
            .reader
            .doc
            .entities
            .iter()
            .position(|e| e.kind == EntityKind::Mention(m.mention));
        self.follow = Some(Follow {
            actor,
            pos: Some(pos),
        });
        self.read.insert(m.article);
    }

    fn step_hit(&mut self, c: &Corpus, forward: bool) {
        match self.hit_mode {
            HitMode::Follow => {
                let Some(f) = self.follow else {
                    self.say("nothing to step through: follow an actor with a, or search with /");
                    return;
                };
                match query::step_mention(c, f.actor, f.pos, forward) {
                    Some(p) => self.go_mention(c, f.actor, p),
                    None => self.say("that actor has no mentions"),
                }
            }
            HitMode::Search => self.step_search(c, forward),
        }
    }

    fn step_search(&mut self, c: &Corpus, forward: bool) {
        let Some(s) = &self.search else { return };
        let from = match (s.hit, self.current) {
            (Some(h), Some(cur)) if h.article == cur => {
                (self.list_pos(c, cur).unwrap_or(0), Some(h.span.start))
            }
            (_, Some(cur)) => {
                let top = self.reader_top_byte();
                let within = (self.reader.scroll > 0).then(|| top.saturating_sub(1));
                (
                    self.list_pos(c, cur).unwrap_or(0),
                    if forward { within } else { Some(top) },
                )
            }
            _ => (0, None),
        };
        let hit = query::next_search_hit(c, &s.regex, self.list_order(c), from, forward);
        let pattern = s.pattern.clone();
        match hit {
            None => self.complain(format!(
                "no match for /{}",
                crate::text::sanitize_line(&pattern)
            )),
            Some(h) => {
                self.push_jump(c);
                self.select_article(c, h.article);
                self.sync_timeline_to_article(c);
                self.reader.pending = Some(Pending::Show(h.span.start));
                self.reveal_reader();
                self.read.insert(h.article);
                if let Some(s) = &mut self.search {
                    s.hit = Some(h);
                }
            }
        }
    }

    fn submit_search(&mut self, c: &Corpus, pattern: String) {
        if pattern.is_empty() {
            self.overlay = Overlay::None;
            return;
        }
        match query::search_regex(&pattern) {
            Err(e) => {
                self.complain(format!("invalid regex: {}", crate::text::sanitize_line(&e)));
                self.overlay = Overlay::Prompt {
                    kind: PromptKind::Search,
                    input: pattern,
                };
            }
            Ok(regex) => {
                self.search = Some(Search {
                    pattern,
                    regex,
                    hit: None,
                });
                self.hit_mode = HitMode::Search;
                self.step_search(c, true);
            }
        }
    }

    fn submit_date(&mut self, c: &Corpus, input: String) {
        let year = self
            .event_at(c, self.timeline.cursor)
            .and_then(|e| c.events.get(e))
            .map_or(self.derived.default_year, |e| e.date.start.year());
        let Some(date) = query::parse_jump_date(&input, year) else {
            self.complain(format!(
                "not a date: {:?} (try 2025-04-25, 25 Apr, april, 2025-04, 2025)",
                crate::text::sanitize_line(&input).as_ref()
            ));
            return;
        };
        self.push_jump(c);
        let n = self.event_count(c);
        if n > 0 {
            let pos = self.event_lower_bound(c, date.start);
            if pos >= n {
                self.say(format!(
                    "no events from {} on; showing the last",
                    date.label()
                ));
            } else {
                self.say(format!("jumped to {}", date.label()));
            }
            self.timeline.cursor = pos.min(n - 1);
            self.timeline.top = self.timeline.cursor;
        } else {
            self.say("the timeline is empty");
        }
        if let Some(id) = query::nearest_article_by_date(c, date.start)
            && self.list_pos(c, id).is_some()
        {
            self.select_article(c, id);
        }
        self.set_focus(Pane::Timeline);
    }

    fn toggle_filter(&mut self, c: &Corpus) {
        if self.filter.is_some() {
            let ev = self.event_at(c, self.timeline.cursor);
            self.filter = None;
            self.after_view_change(c, ev);
            self.say("filter off");
            return;
        }
        let Some(f) = self.follow else {
            self.say("follow an actor first (a), then f filters to it");
            return;
        };
        let ev = self.event_at(c, self.timeline.cursor);
        let mentions = c
            .mentions_by_actor
            .get(f.actor as usize)
            .map_or(&[][..], |v| v);
        let mut articles: Vec<ArticleId> = mentions.iter().map(|m| m.article).collect();
        articles.sort_by_key(|&a| self.list_key(a));
        articles.dedup();
        let mut events: Vec<u32> = articles
            .iter()
            .flat_map(|&a| {
                self.derived
                    .article_events
                    .get(a as usize)
                    .into_iter()
                    .flatten()
            })
            .copied()
            .filter(|&e| {
                c.events
                    .get(e as usize)
                    .is_some_and(|e| e.actors.contains(&f.actor))
            })
            .collect();
        events.sort_unstable();
        let name = crate::text::sanitize_line(&c.actor(f.actor).name).into_owned();
        self.say(format!(
            "only {name}: {} articles, {} events",
            articles.len(),
            events.len()
        ));
        self.filter = Some(Filter {
            actor: f.actor,
            articles,
            events,
        });
        self.after_view_change(c, ev);
    }

    /// After the list or event view changed (filter, sort): keep the current
    /// article and event if they are still there.
    fn after_view_change(&mut self, c: &Corpus, ev: Option<usize>) {
        let n = self.event_count(c);
        self.timeline.cursor = ev.map_or(0, |e| self.event_pos(e)).min(n.saturating_sub(1));
        self.timeline.top = self.timeline.top.min(self.timeline.cursor);
        super::timeline::scroll_into_view(self, c);
        let keep = self
            .current
            .is_some_and(|id| self.list_pos(c, id).is_some());
        if !keep && let Some(&first) = self.list_order(c).first() {
            self.select_article(c, first);
        }
        self.list_top = 0;
        self.list_into_view(c);
    }
}

/// Applies one action. The only place view state changes.
pub fn update(s: &mut AppState, c: &Corpus, action: Action) {
    if !matches!(action, Action::Resize { .. }) {
        s.message = None;
    }
    match &mut s.overlay {
        Overlay::Help { scroll } => {
            match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Escape | Action::ToggleHelp => s.overlay = Overlay::None,
                Action::Quit => s.quit = true,
                Action::Resize { width, height } => resize(s, width, height),
                _ => {}
            }
            return finish(s, c);
        }
        Overlay::Picker(p) => {
            match action {
                Action::Submit => {
                    let chosen = p.selected_actor();
                    s.overlay = Overlay::None;
                    if let Some(a) = chosen {
                        s.follow_actor(c, a, None);
                    }
                }
                Action::Escape => s.overlay = Overlay::None,
                Action::Resize { width, height } => resize(s, width, height),
                Action::Click { .. } | Action::Wheel { .. } => {}
                other => p.update(c, &s.derived, other),
            }
            return finish(s, c);
        }
        Overlay::Prompt { kind, input } => {
            match action {
                Action::Input(ch) if input.chars().count() < 200 => input.push(ch),
                Action::InputBackspace => {
                    input.pop();
                }
                Action::InputClear => input.clear(),
                Action::Escape => s.overlay = Overlay::None,
                Action::Submit => {
                    let (kind, input) = (*kind, std::mem::take(input));
                    s.overlay = Overlay::None;
                    match kind {
                        PromptKind::Date => s.submit_date(c, input),
                        PromptKind::Search => s.submit_search(c, input),
                    }
                }
                Action::Resize { width, height } => resize(s, width, height),
                _ => {}
            }
            return finish(s, c);
        }
        Overlay::None => {}
    }
    match action {
        Action::Quit => s.quit = true,
        Action::FocusNext | Action::FocusPrev => {
            let i = Pane::ALL.iter().position(|&p| p == s.focus).unwrap_or(0);
            let step = if action == Action::FocusNext { 1 } else { 2 };
            s.set_focus(Pane::ALL[(i + step) % 3]);
        }
        Action::Focus(p) => s.set_focus(p),
        Action::Down
        | Action::Up
        | Action::HalfDown
        | Action::HalfUp
        | Action::PageDown
        | Action::PageUp => {
            let rows = match s.focus {
                Pane::List => s.layout.list_items(),
                Pane::Reader => s.layout.reader_rows(),
                Pane::Timeline => s.layout.timeline_rows(),
            } as isize;
            let delta = match action {
                Action::Down => 1,
                Action::Up => -1,
                Action::HalfDown => (rows / 2).max(1),
                Action::HalfUp => -(rows / 2).max(1),
                Action::PageDown => rows.saturating_sub(1).max(1),
                _ => -rows.saturating_sub(1).max(1),
            };
            move_by(s, c, s.focus, delta);
        }
        Action::Top => move_by(s, c, s.focus, isize::MIN / 2),
        Action::Bottom => move_by(s, c, s.focus, isize::MAX / 2),
        Action::Activate => match s.focus {
            Pane::List => {
                if let Some(id) = s.current {
                    s.read.insert(id);
                }
                s.set_focus(Pane::Reader);
            }
            Pane::Reader => super::reader::activate_entity(s, c),
            Pane::Timeline => super::timeline::open_event(s, c),
        },
        Action::PrevEntity | Action::NextEntity => {
            super::reader::step_entity(s, c, action == Action::NextEntity)
        }
        Action::PrevDay | Action::NextDay | Action::PrevMonth | Action::NextMonth => {
            super::timeline::step_date(s, c, action)
        }
        Action::PromptDate => {
            s.overlay = Overlay::Prompt {
                kind: PromptKind::Date,
                input: String::new(),
            }
        }
        Action::PromptSearch => {
            s.overlay = Overlay::Prompt {
                kind: PromptKind::Search,
                input: String::new(),
            }
        }
        Action::OpenPicker => {
            if c.actors.is_empty() {
                s.say("no actors were found in these articles");
            } else {
                s.overlay = Overlay::Picker(PickerState::new(c, &s.derived));
            }
        }
        Action::NextHit => s.step_hit(c, true),
        Action::PrevHit => s.step_hit(c, false),
        Action::ToggleFilter => s.toggle_filter(c),
        Action::ToggleRaw => {
            let top = s.reader_top_byte();
            s.reader.raw = !s.reader.raw;
            s.reader.pending = Some(Pending::Top(top));
            s.say(if s.reader.raw {
                "raw file"
            } else {
                "clean text"
            });
        }
        Action::ToggleSort => {
            s.sort_by_file = !s.sort_by_file;
            if let Some(f) = &mut s.filter {
                let mut arts = std::mem::take(&mut f.articles);
                let (file, rank) = (s.sort_by_file, &s.derived.date_rank);
                arts.sort_by_key(|&a| {
                    if file {
                        a
                    } else {
                        rank.get(a as usize).copied().unwrap_or(0)
                    }
                });
                if let Some(f) = &mut s.filter {
                    f.articles = arts;
                }
            }
            s.list_top = 0;
            s.list_into_view(c);
            s.say(if s.sort_by_file {
                "sorted by file"
            } else {
                "sorted by date"
            });
        }
        Action::Back => s.back(c),
        Action::Forward => s.forward(c),
        Action::ToggleHelp => s.overlay = Overlay::Help { scroll: 0 },
        Action::Escape => {
            if s.filter.is_some() {
                s.toggle_filter(c);
            } else if s.search.take().is_some() {
                s.hit_mode = HitMode::Follow;
                s.say("search cleared");
            }
        }
        Action::Click { col, row } => click(s, c, col, row),
        Action::Wheel { col, row, down } => {
            if let Some(p) = s.layout.pane_at(col, row) {
                move_by(s, c, p, if down { 3 } else { -3 });
            }
        }
        Action::Resize { width, height } => resize(s, width, height),
        Action::Input(_) | Action::InputBackspace | Action::InputClear | Action::Submit => {}
    }
    finish(s, c)
}

fn resize(s: &mut AppState, width: u16, height: u16) {
    s.layout = layout::compute(Rect::new(0, 0, width, height), s.focus);
}

fn finish(s: &mut AppState, c: &Corpus) {
    s.sync_reader(c);
    s.list_into_view(c);
    if s.focus == Pane::Reader
        && let Some(id) = s.current
    {
        s.read.insert(id);
    }
}

/// Moves the cursor (or the reader's scroll) of `pane` by `delta` rows.
fn move_by(s: &mut AppState, c: &Corpus, pane: Pane, delta: isize) {
    match pane {
        Pane::List => {
            let n = s.list_order(c).len();
            if n == 0 {
                return;
            }
            let cur = s.current.and_then(|id| s.list_pos(c, id)).unwrap_or(0);
            let pos = cur.saturating_add_signed(delta).min(n - 1);
            if let Some(&id) = s.list_order(c).get(pos) {
                s.select_article(c, id);
                s.sync_timeline_to_article(c);
            }
        }
        Pane::Reader => {
            s.reader.scroll = s.reader.scroll.saturating_add_signed(delta);
        }
        Pane::Timeline => {
            let n = s.event_count(c);
            if n == 0 {
                return;
            }
            s.timeline.cursor = s.timeline.cursor.saturating_add_signed(delta).min(n - 1);
            super::timeline::scroll_into_view(s, c);
        }
    }
}

fn click(s: &mut AppState, c: &Corpus, col: u16, row: u16) {
    let Some(p) = s.layout.pane_at(col, row) else {
        return;
    };
    s.set_focus(p);
    match p {
        Pane::List => {
            let Some(r) = s.layout.list else { return };
            let inner = layout::inner(r);
            if row < inner.y || row >= inner.y + inner.height {
                return;
            }
            let pos = s.list_top + (row - inner.y) as usize / 2;
            if let Some(&id) = s.list_order(c).get(pos) {
                s.select_article(c, id);
                s.sync_timeline_to_article(c);
            }
        }
        Pane::Timeline => super::timeline::click(s, c, row),
        Pane::Reader => {}
    }
}
