//! The timeline pane: every dated event as its sentence under one heading
//! per period (day, week, month, quarter, year), with a density strip over
//! the span where the events are. Moving the cursor previews the event's
//! article in the reader, scrolled to its sentence, without taking focus.
//! Only the rows on screen are built, and every move is a binary search or
//! a walk of at most one screen, so a key costs the same on five articles
//! or a hundred thousand.

use super::action::{Action, Pane};
use super::app::{AppState, Pending};
use super::event_rows::{event_lines, group, heading_label};
use super::layout;
use super::wrap::EntityKind;
use chrono::{Datelike, NaiveDate};
use dateline_core::model::{Corpus, Event};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Lines of context kept above and below the cursor when it moves.
const SCROLL_OFF: usize = 2;

fn event<'c>(s: &AppState, c: &'c Corpus, pos: usize) -> Option<&'c Event> {
    c.events.get(s.event_at(c, pos)?)
}

fn width(s: &AppState) -> usize {
    s.layout
        .timeline
        .map_or(40, |r| layout::timeline_parts(r).1.width as usize)
}

/// How many lines the event at `pos` takes.
fn height_of(s: &AppState, c: &Corpus, pos: usize) -> usize {
    super::event_rows::event_height(s, c, pos, width(s))
}

/// Whether a heading stands between the events at `pos - 1` and `pos`.
fn new_period(s: &AppState, c: &Corpus, pos: usize) -> bool {
    match (
        pos.checked_sub(1).and_then(|p| event(s, c, p)),
        event(s, c, pos),
    ) {
        (Some(a), Some(b)) => group(&a.date) != group(&b.date),
        _ => true,
    }
}

/// One screen line: the view position of the event it belongs to, whether
/// it is a heading, and what it shows.
pub struct ScreenLine {
    pub pos: usize,
    pub heading: bool,
    pub line: Line<'static>,
}

/// The lines that fill `height` from the view's top: the top event's period
/// heading first, then a heading at every change of period.
pub fn screen(s: &AppState, c: &Corpus, width: usize, height: usize) -> Vec<ScreenLine> {
    let t = &s.theme;
    let mut out: Vec<ScreenLine> = Vec::with_capacity(height);
    let mut pos = s.timeline.top;
    while out.len() < height {
        let Some(e) = event(s, c, pos) else { break };
        if out.is_empty() || new_period(s, c, pos) {
            let label = heading_label(group(&e.date));
            out.push(ScreenLine {
                pos,
                heading: true,
                line: Line::from(Span::styled(
                    dateline_core::text::fit(&label, width),
                    t.heading,
                )),
            });
        }
        for line in event_lines(s, c, pos, width) {
            out.push(ScreenLine {
                pos,
                heading: false,
                line,
            });
        }
        pos += 1;
    }
    out.truncate(height);
    out
}

/// The top that puts at most `room` lines (the top heading included) above
/// the cursor.
fn top_for(s: &AppState, c: &Corpus, cur: usize, room: usize) -> usize {
    let mut top = cur;
    let mut used = 1;
    while top > 0 {
        let extra = height_of(s, c, top - 1) + usize::from(new_period(s, c, top));
        if used + extra > room {
            break;
        }
        used += extra;
        top -= 1;
    }
    top
}

/// Lines above the cursor with the view's top where it is (at most
/// `limit + 1`: the walk stops there).
fn lines_above(s: &AppState, c: &Corpus, top: usize, cur: usize, limit: usize) -> usize {
    let mut used = 1;
    for p in top..cur {
        used += height_of(s, c, p) + usize::from(new_period(s, c, p + 1));
        if used > limit {
            break;
        }
    }
    used
}

/// Lines below the cursor's event, counted up to `limit`.
fn lines_below(s: &AppState, c: &Corpus, cur: usize, limit: usize) -> usize {
    let n = s.event_count(c);
    let mut used = 0;
    let mut p = cur + 1;
    while p < n && used < limit {
        used += height_of(s, c, p) + usize::from(new_period(s, c, p));
        p += 1;
    }
    used.min(limit)
}

/// The pane's height, the cursor and the cursor event's height; None (and
/// the view at the top) when there are no events to scroll to.
fn cursor_frame(s: &mut AppState, c: &Corpus) -> Option<(usize, usize, usize)> {
    if s.event_count(c) == 0 {
        s.timeline.top = 0;
        return None;
    }
    let cur = s.timeline.cursor;
    Some((s.layout.timeline_rows().max(1), cur, height_of(s, c, cur)))
}

/// Scrolls so the cursor's event is on screen whole, with [`SCROLL_OFF`]
/// lines of context on either side where there are any (vim's scrolloff).
pub fn scroll_into_view(s: &mut AppState, c: &Corpus) {
    let Some((height, cur, cur_h)) = cursor_frame(s, c) else {
        return;
    };
    let off = SCROLL_OFF.min(height.saturating_sub(cur_h + 1) / 2);
    let above_needed = off + 1;
    if cur < s.timeline.top {
        s.timeline.top = top_for(s, c, cur, above_needed);
        return;
    }
    let above = lines_above(s, c, s.timeline.top, cur, height);
    if above < above_needed && s.timeline.top > 0 {
        s.timeline.top = top_for(s, c, cur, above_needed);
        return;
    }
    let below = lines_below(s, c, cur, off);
    if above + cur_h + below > height {
        let room = height.saturating_sub(cur_h + below).max(1);
        s.timeline.top = top_for(s, c, cur, room);
        return;
    }
    // A taller pane (a resize, a zoom) shows no blank space below the end.
    let rest = lines_below(s, c, cur, height);
    if s.timeline.top > 0 && above + cur_h + rest < height {
        let room = height.saturating_sub(cur_h + rest).max(1);
        s.timeline.top = top_for(s, c, cur, room);
    }
}

/// After a jump (a date, `]`, `}`, a follow): the target near the top with
/// a quarter of the pane of context above it, and no blank space below
/// when the view ends.
pub fn scroll_to_target(s: &mut AppState, c: &Corpus) {
    let Some((height, cur, cur_h)) = cursor_frame(s, c) else {
        return;
    };
    let below = lines_below(s, c, cur, height);
    let room = (height / 4)
        .max(height.saturating_sub(cur_h + below))
        .max(1)
        .min(height.saturating_sub(cur_h).max(1));
    s.timeline.top = top_for(s, c, cur, room);
}

/// Shows the event under the cursor in the reader, scrolled to its
/// sentence with its date marked, without moving the focus: reading what
/// happened on a day is moving down the timeline.
pub fn preview(s: &mut AppState, c: &Corpus) {
    let Some(e) = event(s, c, s.timeline.cursor) else {
        return;
    };
    let (article, sentence, time) = (e.article, e.sentence, e.time);
    s.select_article(c, article);
    s.reader.pending = Some(match time {
        Some(_) => Pending::Show(sentence.start),
        None => Pending::Top(0),
    });
    s.sync_reader(c);
    s.reader.entity = time.and_then(|t| {
        s.reader
            .doc
            .entities
            .iter()
            .position(|en| en.kind == EntityKind::Time(t))
    });
}

/// Enter on an event: open its article at its sentence.
pub fn open_event(s: &mut AppState, c: &Corpus) {
    let Some(article) = event(s, c, s.timeline.cursor).map(|e| e.article) else {
        s.say("no event here");
        return;
    };
    s.push_jump(c);
    preview(s, c);
    s.set_focus(Pane::Reader);
    s.sync_reader(c);
    s.read.insert(article);
}

/// `[` `]` `{` `}`: previous/next day or month that has events.
pub fn step_date(s: &mut AppState, c: &Corpus, action: Action) {
    let n = s.event_count(c);
    let Some(d) = event(s, c, s.timeline.cursor).map(|e| e.date.start) else {
        return;
    };
    let month_start = |d: NaiveDate| d.with_day(1).unwrap_or(d);
    let target = match action {
        Action::NextDay => d.succ_opt().map(|d| s.event_lower_bound(c, d)),
        Action::NextMonth => {
            let next = if d.month() == 12 {
                NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
            };
            next.map(|m| s.event_lower_bound(c, m))
        }
        Action::PrevDay | Action::PrevMonth => {
            let period = if action == Action::PrevDay {
                d
            } else {
                month_start(d)
            };
            let first = s.event_lower_bound(c, period);
            first
                .checked_sub(1)
                .and_then(|p| event(s, c, p))
                .map(|e| e.date.start)
                .map(|pd| {
                    let start = if action == Action::PrevDay {
                        pd
                    } else {
                        month_start(pd)
                    };
                    s.event_lower_bound(c, start)
                })
        }
        _ => None,
    };
    match target.filter(|&p| p < n) {
        Some(p) => {
            s.timeline.cursor = p;
            scroll_to_target(s, c);
            preview(s, c);
        }
        None => s.say(if matches!(action, Action::NextDay | Action::NextMonth) {
            "no later events"
        } else {
            "no earlier events"
        }),
    }
}

/// A click on a timeline row puts the cursor on its event.
pub fn click(s: &mut AppState, c: &Corpus, row: u16) {
    let Some(r) = s.layout.timeline else { return };
    let area = layout::timeline_parts(r).1;
    if row < area.y {
        return;
    }
    let i = (row - area.y) as usize;
    let lines = screen(s, c, area.width as usize, area.height as usize);
    if let Some(l) = lines.get(i) {
        s.timeline.cursor = l.pos;
        scroll_into_view(s, c);
        preview(s, c);
    }
}

pub fn render(f: &mut Frame, s: &AppState, c: &Corpus, r: Rect) {
    let t = &s.theme;
    let focused = s.focus == Pane::Timeline;
    let n = s.event_count(c);
    if layout::bordered(r) {
        let mut title = format!(
            " {} {} {}/{} ",
            Pane::Timeline.number(),
            Pane::Timeline.title(),
            (s.timeline.cursor + 1).min(n),
            n
        );
        if let Some(fl) = &s.filter {
            title.push_str(&format!(
                "· {} ",
                dateline_core::text::sanitize_line(&c.actor(fl.actor).name)
            ));
        }
        f.render_widget(t.pane_block(&title, focused, r.width, 2), r);
    }
    let (strip, area) = layout::timeline_parts(r);
    if strip.height >= 2 {
        super::strip::render(f, s, c, strip);
    }
    if n == 0 {
        let msg = if s.filter.is_some() {
            "no events for this actor"
        } else {
            "no dated events found"
        };
        f.render_widget(Paragraph::new(Span::styled(msg, t.dim)), area);
        return;
    }
    let lines: Vec<Line> = screen(s, c, area.width as usize, area.height as usize)
        .into_iter()
        .map(|l| l.line)
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

/// The timeline keeps its own part of the view state in step.
impl AppState {
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
            scroll_to_target(self, c);
        }
    }
}
