//! Moves that jump: the jump list (back/forward), following an actor from
//! mention to mention, search hits, jump-to-date and the actor filter. Each
//! is a binary search or a walk over one actor's mentions, never the corpus
//! (a search scans only the text between two matches).

use super::action::Pane;
use super::app::{
    AppState, Filter, Follow, HitMode, Location, Overlay, Pending, PromptKind, Search,
};
use super::event_rows::human_date;
use super::layout;
use super::wrap::EntityKind;
use chrono::Datelike;
use dateline_core::model::{ActorId, ArticleId, Corpus};
use dateline_core::query;

/// What the date prompt takes, as its hint and its error say.
pub const JUMP_EXAMPLES: &str = "2025-04-25, 25 Apr, april, 2025-04, 2025, 2025-Q2";

/// How many places the jump list remembers.
const JUMP_LIST_MAX: usize = 200;

impl AppState {
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

    pub(super) fn restore(&mut self, c: &Corpus, loc: Location) {
        if let Some(id) = loc.article {
            self.select_article(c, id);
            self.reader.pending = Some(Pending::Top(loc.top_byte));
        }
        if let Some(ev) = loc.event {
            self.timeline.cursor = self
                .event_pos(ev)
                .min(self.event_count(c).saturating_sub(1));
            super::timeline::scroll_to_target(self, c);
        }
        self.set_focus(loc.focus);
    }

    pub(super) fn back(&mut self, c: &Corpus) {
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

    pub(super) fn forward(&mut self, c: &Corpus) {
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
        let title_lines = self.layout.reader_title_lines;
        self.layout = layout::compute(self.layout.area, pane, self.zoom);
        self.layout.reader_title_lines = title_lines;
    }

    /// After a jump that changed the reader: show it if only one pane fits.
    pub(super) fn reveal_reader(&mut self) {
        if self.layout.single {
            self.set_focus(Pane::Reader);
        }
    }

    // ----- follow and search -----

    /// Follows `actor`, landing on its first mention at or after the current
    /// article in reading order.
    pub fn follow_actor(&mut self, c: &Corpus, actor: ActorId, pos: Option<usize>) {
        let Some(list) = c.mentions_by_actor().get(actor as usize) else {
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
                dateline_core::text::sanitize_line(&c.actor(actor).name)
            )),
        }
    }

    pub(super) fn go_mention(&mut self, c: &Corpus, actor: ActorId, pos: usize) {
        let Some(m) = c
            .mentions_by_actor()
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

    pub(super) fn step_hit(&mut self, c: &Corpus, forward: bool) {
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

    pub(super) fn step_search(&mut self, c: &Corpus, forward: bool) {
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
        let in_titles = s.total > 0;
        match hit {
            None if in_titles => {
                let key = self.keymap.label(
                    super::keys::Ctx::Global,
                    super::action::Action::SearchResults,
                );
                self.complain(format!(
                    "/{} matches headlines only ({key} lists them)",
                    dateline_core::text::sanitize_line(&pattern)
                ))
            }
            None => self.complain(format!(
                "no match for /{}",
                dateline_core::text::sanitize_line(&pattern)
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

    pub(super) fn submit_search(&mut self, c: &Corpus, pattern: String) {
        if pattern.is_empty() {
            self.overlay = Overlay::None;
            return;
        }
        match query::search_regex(&pattern) {
            Err(e) => {
                self.complain(format!(
                    "invalid regex: {}",
                    dateline_core::text::sanitize_line(&e)
                ));
                self.overlay = Overlay::Prompt {
                    kind: PromptKind::Search,
                    input: pattern,
                };
            }
            Ok(regex) => {
                let (total, articles) = super::results::count(c, &regex);
                if total == 0 {
                    // One answer, whatever the pattern: no search is kept
                    // that would count matches the steps cannot reach.
                    self.complain(format!(
                        "no match for /{}",
                        dateline_core::text::sanitize_line(&pattern)
                    ));
                    return;
                }
                self.search = Some(Search {
                    pattern,
                    regex,
                    hit: None,
                    total,
                    articles,
                });
                self.hit_mode = HitMode::Search;
                self.step_search(c, true);
            }
        }
    }

    pub(super) fn submit_date(&mut self, c: &Corpus, input: String) {
        let year = self
            .event_at(c, self.timeline.cursor)
            .and_then(|e| c.events.get(e))
            .map_or(self.derived.default_year, |e| e.date.start.year());
        let Some(date) = query::parse_jump_date(&input, year) else {
            self.complain(format!(
                "not a date: {:?} (try {JUMP_EXAMPLES})",
                dateline_core::text::sanitize_line(&input).as_ref()
            ));
            return;
        };
        let n = self.event_count(c);
        if n == 0 {
            self.say("the timeline is empty");
            return;
        }
        // Typed without a year: the year in view, or the nearest one that
        // has events in that period, said so.
        let yearless = query::parse_jump_date(&input, year + 1) != Some(date);
        let mut note = String::new();
        let date = if yearless && self.events_within(c, &date) == 0 {
            let other = (1..=30)
                .flat_map(|k| [year - k, year + k])
                .filter_map(|y| query::parse_jump_date(&input, y))
                .find(|d| self.events_within(c, d) > 0);
            match other {
                Some(d) => {
                    note = format!(" (none in {})", human_date(&date));
                    d
                }
                None => date,
            }
        } else {
            date
        };
        self.push_jump(c);
        let pos = self.event_lower_bound(c, date.start);
        let within = self.events_within(c, &date);
        let landed = |s: &Self, p: usize| {
            s.event_at(c, p)
                .and_then(|e| c.events.get(e))
                .map_or(String::new(), |e| human_date(&e.date))
        };
        let what = human_date(&date);
        let msg = if within > 0 {
            let events = if within == 1 { "event" } else { "events" };
            format!("{what}: {within} {events}{note}")
        } else if pos >= n {
            format!(
                "no events on or after {what} — showing the last ({})",
                landed(self, n - 1)
            )
        } else if pos == 0 {
            format!(
                "{what} is before the first event — showing the first ({})",
                landed(self, 0)
            )
        } else {
            let on = if date.precision == dateline_core::model::Precision::Day {
                "on"
            } else {
                "in"
            };
            format!(
                "no events {on} {what} — showing {} (nearest after)",
                landed(self, pos)
            )
        };
        self.say(msg);
        self.timeline.cursor = pos.min(n - 1);
        self.set_focus(Pane::Timeline);
        super::timeline::scroll_to_target(self, c);
        super::timeline::preview(self, c);
    }

    /// How many events in view start within `d`'s period.
    fn events_within(&self, c: &Corpus, d: &dateline_core::model::DateValue) -> usize {
        let from = self.event_lower_bound(c, d.start);
        let to = d
            .end()
            .succ_opt()
            .map_or(self.event_count(c), |e| self.event_lower_bound(c, e));
        to.saturating_sub(from)
    }

    pub(super) fn toggle_filter(&mut self, c: &Corpus) {
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
            .mentions_by_actor()
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
                    .is_some_and(|e| c.actors_of(e).contains(&f.actor))
            })
            .collect();
        events.sort_unstable();
        let name = dateline_core::text::sanitize_line(&c.actor(f.actor).name).into_owned();
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
    pub(super) fn after_view_change(&mut self, c: &Corpus, ev: Option<usize>) {
        let n = self.event_count(c);
        self.timeline.cursor = ev.map_or(0, |e| self.event_pos(e)).min(n.saturating_sub(1));
        self.timeline.top = self.timeline.top.min(self.timeline.cursor);
        super::timeline::scroll_to_target(self, c);
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

/// Moves the cursor (or the reader's scroll) of `pane` by `delta` rows.
pub(super) fn move_by(s: &mut AppState, c: &Corpus, pane: Pane, delta: isize) {
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
            super::timeline::preview(s, c);
        }
    }
}

pub(super) fn click(s: &mut AppState, c: &Corpus, col: u16, row: u16) {
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
            let pos = super::list::item_at_row(s, c, (row - inner.y) as usize);
            if let Some(&id) = pos.and_then(|p| s.list_order(c).get(p)) {
                s.select_article(c, id);
                s.sync_timeline_to_article(c);
            }
        }
        Pane::Timeline => super::timeline::click(s, c, row),
        // A click on a hidden run's marker (or its open head) toggles it.
        Pane::Reader => {
            let Some(r) = s.layout.reader else { return };
            let body = layout::reader_parts(r, s.layout.reader_title_lines).1;
            if row < body.y || row >= body.y + body.height {
                return;
            }
            let line = s.reader.scroll + (row - body.y) as usize;
            if s.reader.doc.lines.get(line).is_some_and(|l| {
                matches!(
                    l.kind,
                    super::wrap::LineKind::Marker(_) | super::wrap::LineKind::MarkerOpen(_)
                )
            }) {
                super::reader::toggle_hidden(s, Some(line));
            }
        }
    }
}
