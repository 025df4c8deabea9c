//! The reader pane: title, metadata, the clean body with dates and actor
//! mentions highlighted (the followed actor stronger still), subheads as
//! headings and list items under bullets, an entity cursor for `[` `]`,
//! each run of lines that is not the article as one dim "⋯ 12 lines hidden"
//! marker that `z` opens in place, the teasers dimmed at the end — or the
//! raw file with every line styled and tagged by its class. Only the
//! visible lines of the cached wrap are styled.

use super::action::{Action, Pane};
use super::app::{AppState, Pending};
use super::layout;
use super::wrap::{self, DocLine, EntityKind, LineKind};
use super::{keys::Ctx, page};
use dateline_core::model::{Article, Basis, Corpus};
use dateline_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// `[` / `]`: the previous / next date or mention; from nothing, the first
/// one on screen (or the last one on screen going back).
pub fn step_entity(s: &mut AppState, c: &Corpus, forward: bool) {
    let ents = &s.reader.doc.entities;
    if ents.is_empty() {
        s.say("no dates or names marked in this article");
        return;
    }
    let n = ents.len();
    let next = match s.reader.entity {
        Some(i) if forward => (i + 1 < n).then_some(i + 1),
        Some(i) => i.checked_sub(1),
        None => {
            let lines = &s.reader.doc.lines;
            let top = s.reader_top_byte();
            if forward {
                ents.iter().position(|e| e.span.start >= top).or(Some(0))
            } else {
                let bottom = lines
                    .get(
                        (s.reader.scroll + s.layout.reader_rows())
                            .min(lines.len())
                            .saturating_sub(1),
                    )
                    .map_or(u32::MAX, |l| l.end);
                ents.iter()
                    .rposition(|e| e.span.start < bottom)
                    .or(Some(n - 1))
            }
        }
    };
    let Some(i) = next else {
        s.say(if forward {
            "last entity in this article"
        } else {
            "first entity in this article"
        });
        return;
    };
    s.reader.entity = Some(i);
    let e = ents[i];
    s.reader.pending = Some(Pending::Show(e.span.start));
    if let Some(a) = s.current.and_then(|id| c.articles.get(id as usize)) {
        let enter = s
            .keymap
            .label(super::keys::Ctx::Reader, super::action::Action::Activate);
        let msg = describe(c, a, e.kind, &enter);
        s.say(msg);
    }
}

/// The status message for an entity; `enter` labels the key that acts on it.
fn describe(c: &Corpus, a: &Article, kind: EntityKind, enter: &str) -> String {
    match kind {
        EntityKind::Time(t) => match a.times.get(t as usize) {
            Some(te) => format!(
                "date “{}” = {} ({}) · {enter}: show in timeline",
                sanitize_line(te.span.text(&a.raw)),
                te.value.map_or_else(
                    || te
                        .kind
                        .reference()
                        .map_or("unresolved", |r| r.label())
                        .into(),
                    |v| v.label()
                ),
                te.kind.as_str()
            ),
            None => String::new(),
        },
        EntityKind::Mention(m) => match a
            .mentions
            .get(m as usize)
            .and_then(|m| c.actors.get(m.actor as usize))
        {
            Some(actor) => format!(
                "{} ({}, {} mentions) · {enter}: follow",
                sanitize_line(&actor.name),
                actor.kind.as_str(),
                actor.mention_count
            ),
            None => String::new(),
        },
    }
}

/// Enter in the reader: a date shows its day in the timeline, an actor is
/// followed from this mention.
pub fn activate_entity(s: &mut AppState, c: &Corpus) {
    let Some(id) = s.current else { return };
    let Some(e) = s
        .reader
        .entity
        .and_then(|i| s.reader.doc.entities.get(i))
        .copied()
    else {
        s.say("move to a date or a name with ] first");
        return;
    };
    let Some(a) = c.articles.get(id as usize) else {
        return;
    };
    match e.kind {
        EntityKind::Time(t) => {
            let ev = s.derived.article_events.get(id as usize).and_then(|evs| {
                evs.iter()
                    .copied()
                    .find(|&ev| c.events.get(ev as usize).is_some_and(|x| x.time == Some(t)))
            });
            let Some(ev) = ev else {
                s.say("this date could not be resolved to a day");
                return;
            };
            let pos = s.event_pos(ev as usize);
            if s.event_at(c, pos) != Some(ev as usize) {
                s.say("that event is hidden by the filter (f)");
                return;
            }
            s.push_jump(c);
            s.timeline.cursor = pos;
            s.set_focus(Pane::Timeline);
            super::timeline::scroll_to_target(s, c);
        }
        EntityKind::Mention(m) => {
            let Some(actor) = a.mentions.get(m as usize).map(|x| x.actor) else {
                return;
            };
            let rank = |aid: u32| s.derived.date_rank.get(aid as usize).copied().unwrap_or(0);
            let pos = c.mentions_by_actor().get(actor as usize).and_then(|list| {
                list.binary_search_by_key(&(rank(id), m), |r| (rank(r.article), r.mention))
                    .ok()
            });
            s.follow_actor(c, actor, pos);
        }
    }
}

/// `z`: opens the first hidden run with a line on screen, or closes it when
/// open; `line` (a click) names the line instead. The run's marker keeps its
/// row on screen.
pub fn toggle_hidden(s: &mut AppState, line: Option<usize>) {
    if s.reader.raw {
        s.say("the raw view shows every line");
        return;
    }
    let Some(id) = s.current else { return };
    let doc = &s.reader.doc;
    let rows = s.layout.reader_rows().max(1);
    let found = match line {
        Some(l) => doc.run_of(l),
        None => (s.reader.scroll..(s.reader.scroll + rows).min(doc.lines.len()))
            .find_map(|l| doc.run_of(l)),
    };
    let Some((run, r)) = found.and_then(|i| Some((*doc.runs.get(i)?, i))) else {
        if line.is_none() {
            let all = s.keymap.label(Ctx::Reader, Action::ToggleAllHidden);
            s.say(format!(
                "no hidden lines on screen ({all}: every article's)"
            ));
        }
        return;
    };
    let row = doc
        .marker_line(r)
        .map_or(0, |m| m.saturating_sub(s.reader.scroll));
    let folds = &mut s.reader.folds;
    if !folds.toggled.remove(&(id, run.start)) {
        folds.toggled.insert((id, run.start));
    }
    folds.generation = folds.generation.wrapping_add(1);
    let open = folds.is_open(id, run.start);
    s.reader.pending = Some(Pending::Run {
        start: run.start,
        row,
    });
    let n = plural(run.lines as usize, "line", "lines");
    s.say(if open {
        format!("{n} shown: {}", run.class_names())
    } else {
        format!("{n} hidden")
    });
}

/// `Z`: shows every hidden run of every article, or hides them all again.
pub fn toggle_all_hidden(s: &mut AppState) {
    let top_line = s.reader.doc.lines.get(s.reader.scroll).copied();
    let folds = &mut s.reader.folds;
    folds.all_open = !folds.all_open;
    folds.toggled.clear();
    folds.generation = folds.generation.wrapping_add(1);
    let open = folds.all_open;
    s.reader.pending = Some(match top_line {
        Some(l) if matches!(l.kind, LineKind::Marker(_) | LineKind::MarkerOpen(_)) => {
            Pending::Run {
                start: l.start,
                row: 0,
            }
        }
        Some(l) => Pending::Top(l.start),
        None => Pending::Top(0),
    });
    s.say(if open {
        "hidden lines shown in every article"
    } else {
        "hidden lines hidden again"
    });
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn render(f: &mut Frame, s: &AppState, c: &Corpus, r: Rect) {
    let t = &s.theme;
    let Some(a) = s.current.and_then(|id| c.articles.get(id as usize)) else {
        // The pane keeps its frame and number when empty, as the list and
        // the timeline do: the key that focuses it is still shown.
        if layout::bordered(r) {
            let title = format!(" {} {} ", Pane::Reader.number(), Pane::Reader.title());
            f.render_widget(t.pane_block(&title, s.focus == Pane::Reader, r.width, 2), r);
        }
        f.render_widget(
            Paragraph::new(Span::styled("no article", t.dim)),
            layout::inner(r),
        );
        return;
    };
    let lines = &s.reader.doc.lines;
    let (head, body) = layout::reader_parts(r, s.layout.reader_title_lines);
    if layout::bordered(r) {
        let rows = body.height as usize;
        let pct = if lines.len() <= rows {
            100
        } else {
            (s.reader.scroll + rows) * 100 / lines.len().max(1)
        };
        let mode = match (s.reader.raw, &s.reader.doc.source) {
            (true, Some(_)) => " page source",
            (true, None) => " raw",
            (false, _) => "",
        };
        let title = format!(
            " {} {}{mode} · {} ",
            Pane::Reader.number(),
            Pane::Reader.title(),
            sanitize_line(&a.file_name())
        );
        let block = t
            .pane_block(&title, s.focus == Pane::Reader, r.width, 8)
            .title_bottom(Line::from(format!(" {pct}% ")).right_aligned());
        f.render_widget(block, r);
    }
    if head.height >= 2 {
        let w = head.width as usize;
        let rows = head.height as usize - 1;
        let mut lines: Vec<Line> = page::headline_lines(a, w)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, t.title)))
            .collect();
        if lines.len() > rows {
            lines.truncate(rows);
            if let Some(last) = lines.last_mut() {
                let text: String = last.spans.iter().map(|sp| sp.content.as_ref()).collect();
                *last = Line::from(Span::styled(
                    dateline_core::text::fit(&format!("{text} …"), w),
                    t.title,
                ));
            }
        }
        lines.push(Line::from(Span::styled(
            dateline_core::text::fit(&meta_line(s, c, a), w),
            t.dim,
        )));
        f.render_widget(Paragraph::new(lines), head);
    }
    let shown: Vec<Line> = lines
        .iter()
        .skip(s.reader.scroll)
        .take(body.height as usize)
        .map(|l| styled_line(s, c, a, l))
        .collect();
    f.render_widget(Paragraph::new(shown), body);
}

/// `2025-04-28 · Kyiv Independent · 12 events · 30 names`, then the URL
/// when there is one, with `?` on an inferred date.
fn meta_line(s: &AppState, c: &Corpus, a: &Article) -> String {
    let date = match (&a.published.value, &a.published.basis) {
        (Some(v), Basis::Explicit) => v.label(),
        (Some(v), Basis::Inferred(why)) => format!("{}? ({})", v.label(), sanitize_line(why)),
        (Some(v), Basis::Unknown) => format!("{}?", v.label()),
        (None, _) => "date unknown".into(),
    };
    let events = s.derived.dated_events(c, a.id);
    let mut parts = vec![date];
    if let Some(src) = &a.source {
        parts.push(sanitize_line(src).into_owned());
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    parts.push(plural(events, "event", "events"));
    parts.push(plural(a.mentions.len(), "mention", "mentions"));
    if let Some(url) = &a.url {
        parts.push(sanitize_line(url).into_owned());
    }
    parts.join(" · ")
}

fn styled_line(s: &AppState, c: &Corpus, a: &Article, l: &DocLine) -> Line<'static> {
    let t = &s.theme;
    let doc = &s.reader.doc;
    let marker = |r: u32, open: bool| {
        let Some(run) = doc.runs.get(r as usize) else {
            return Line::default();
        };
        let n = plural(run.lines as usize, "line", "lines");
        let key = s.keymap.label(Ctx::Reader, Action::ToggleHidden);
        let text = if open {
            format!("▾ {n} shown · {} · {key} hides", run.class_names())
        } else {
            format!("⋯ {n} hidden · {} · {key} shows", run.class_names())
        };
        Line::from(Span::styled(text, t.marker))
    };
    let (base, prefix) = match l.kind {
        LineKind::Blank => return Line::default(),
        LineKind::TeaserHeading => {
            return Line::from(Span::styled("Related headlines", t.heading.patch(t.dim)));
        }
        LineKind::NoBody => {
            return Line::from(Span::styled(
                "(no body text found; r shows the raw file)",
                t.dim,
            ));
        }
        LineKind::Marker(r) => return marker(r, false),
        LineKind::MarkerOpen(r) => return marker(r, true),
        LineKind::Body => (Style::default(), None),
        LineKind::Heading => (t.heading, None),
        LineKind::ListItem { first } => (
            Style::default(),
            Some((if first { "• " } else { "  " }.to_string(), t.class_list)),
        ),
        LineKind::Teaser => (t.dim, None),
        LineKind::Source => (Style::default(), None),
        LineKind::Hidden { class, first } => {
            let style = class.map_or(t.dim, |c| t.class(c).patch(t.dim));
            let tag = (doc.gutter > 0).then(|| (page::tag(class, first, doc.gutter), style));
            (style, tag)
        }
        LineKind::Raw { class, first } => {
            let style = class.map_or(t.dim, |c| t.class(c));
            let tag =
                (doc.gutter > 0).then(|| (page::tag(class, first, doc.gutter), style.patch(t.dim)));
            (style, tag)
        }
    };
    let (ls, le) = (l.start, l.end);
    // What the lines point into: the article's text, or a page's source.
    let raw = s.reader.doc.source.as_deref().unwrap_or(&a.raw);
    // Highlight intervals, in increasing priority.
    let mut marks: Vec<(u32, u32, Style)> = Vec::new();
    if l.kind.is_body() || matches!(l.kind, LineKind::Raw { .. }) {
        let ents = &s.reader.doc.entities;
        let from = ents
            .partition_point(|e| e.span.start < ls)
            .saturating_sub(8);
        let followed = s.follow.map(|f| f.actor);
        for (i, e) in ents.iter().enumerate().skip(from) {
            if e.span.start >= le {
                break;
            }
            if e.span.end <= ls {
                continue;
            }
            let mut style = match e.kind {
                EntityKind::Time(_) => t.date,
                EntityKind::Mention(m) => {
                    let actor = a.mentions.get(m as usize).map(|m| m.actor);
                    let kind = actor
                        .and_then(|id| c.actors.get(id as usize))
                        .map(|x| x.kind);
                    match kind {
                        _ if actor.is_some() && actor == followed => t.followed,
                        Some(dateline_core::model::ActorKind::Organisation) => t.actor_org,
                        Some(dateline_core::model::ActorKind::Place) => t.actor_place,
                        _ => t.actor,
                    }
                }
            };
            if s.reader.entity == Some(i) {
                style = style.patch(t.entity_cursor);
            }
            marks.push((e.span.start, e.span.end, style));
        }
    }
    if let Some(search) = &s.search
        && let Some(text) = raw.get(ls as usize..le as usize)
    {
        for m in search
            .regex
            .find_iter(text)
            .filter(|m| !m.as_str().is_empty())
            .take(64)
        {
            marks.push((ls + m.start() as u32, ls + m.end() as u32, t.search));
        }
    }
    let mut cuts: Vec<u32> = vec![ls, le];
    for &(a0, b0, _) in &marks {
        cuts.push(a0.clamp(ls, le));
        cuts.push(b0.clamp(ls, le));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    if let Some((text, style)) = prefix {
        spans.push(Span::styled(text, style));
    }
    for w in cuts.windows(2) {
        let (p, q) = (w[0], w[1]);
        if raw.get(p as usize..q as usize).is_none() {
            continue;
        }
        let style = marks
            .iter()
            .filter(|&&(ms, me, _)| ms <= p && q <= me)
            .fold(base, |acc, &(_, _, st)| acc.patch(st));
        spans.push(Span::styled(
            wrap::display_span(raw, p, q).into_owned(),
            style,
        ));
    }
    let _ = c;
    Line::from(spans)
}

/// The reader keeps its own part of the view state in step.
impl AppState {
    /// Wraps the current article for the reader's width and applies any
    /// pending scroll. Called after every update and before every draw.
    pub fn sync_reader(&mut self, c: &Corpus) {
        let Some(a) = self.current.and_then(|id| c.articles.get(id as usize)) else {
            return;
        };
        let width = self.layout.reader_width();
        let title_lines = page::headline_lines(a, width as usize)
            .len()
            .min(page::HEADLINE_MAX_LINES);
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
