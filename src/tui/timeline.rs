//! The timeline pane: every dated event under day (or month, year) headings,
//! with a density strip over the corpus's span. Only the rows on screen are
//! built, and every move is a binary search or a walk of at most one screen,
//! so a key costs the same on five articles or a hundred thousand.

use super::app::{Action, AppState, Pane, Pending};
use super::layout;
use super::wrap::{self, EntityKind};
use crate::model::{Corpus, DateValue, Event, Precision};
use chrono::{Datelike, NaiveDate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The heading an event sits under: its day, or its month for week and month
/// precision, its own period for a quarter, season or half, or its year.
fn group(d: &DateValue) -> (NaiveDate, Precision) {
    let s = d.start;
    match d.precision {
        Precision::Day => (s, Precision::Day),
        Precision::Week | Precision::Month => (s.with_day(1).unwrap_or(s), Precision::Month),
        p @ (Precision::Quarter | Precision::Season | Precision::Half) => (s, p),
        Precision::Year => (s.with_ordinal(1).unwrap_or(s), Precision::Year),
    }
}

fn heading_label(g: (NaiveDate, Precision)) -> String {
    match g.1 {
        Precision::Day => g.0.format("%a %-d %b %Y").to_string(),
        Precision::Year => g.0.year().to_string(),
        p @ (Precision::Quarter | Precision::Season | Precision::Half) => {
            let v = DateValue {
                start: g.0,
                precision: p,
                assumed_year: false,
            };
            format!(
                "{} ({} to {})",
                v.label(),
                g.0.format("%b %Y"),
                v.end().format("%b %Y")
            )
        }
        _ => g.0.format("%B %Y").to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Heading(usize),
    Event(usize),
}

fn event<'c>(s: &AppState, c: &'c Corpus, pos: usize) -> Option<&'c Event> {
    c.events.get(s.event_at(c, pos)?)
}

/// The rows that fill `height` starting at the view's top: a heading first,
/// then one at every change of day/month/year.
fn rows(s: &AppState, c: &Corpus, height: usize) -> Vec<Row> {
    let mut out = Vec::with_capacity(height);
    let mut prev = None;
    let mut pos = s.timeline.top;
    while out.len() < height {
        let Some(e) = event(s, c, pos) else { break };
        let g = group(&e.date);
        if prev != Some(g) {
            out.push(Row::Heading(pos));
            prev = Some(g);
            if out.len() >= height {
                break;
            }
        }
        out.push(Row::Event(pos));
        pos += 1;
    }
    out
}

/// Scrolls so the cursor is on screen, walking at most one screen of events.
pub fn scroll_into_view(s: &mut AppState, c: &Corpus) {
    let height = s.layout.timeline_rows().max(1);
    let cur = s.timeline.cursor;
    if cur < s.timeline.top {
        s.timeline.top = cur;
        return;
    }
    if rows(s, c, height).contains(&Row::Event(cur)) {
        return;
    }
    // Walk back from the cursor while the rows still fit.
    let mut top = cur;
    let mut used = if height >= 2 { 2 } else { 1 };
    while top > 0 {
        let (Some(a), Some(b)) = (event(s, c, top - 1), event(s, c, top)) else {
            break;
        };
        let extra = if group(&a.date) == group(&b.date) {
            1
        } else {
            2
        };
        if used + extra > height {
            break;
        }
        used += extra;
        top -= 1;
    }
    s.timeline.top = top;
}

/// Enter on an event: open its article at its sentence.
pub fn open_event(s: &mut AppState, c: &Corpus) {
    let Some(e) = event(s, c, s.timeline.cursor) else {
        s.say("no event here");
        return;
    };
    let (article, sentence, time) = (e.article, e.sentence, e.time);
    s.push_jump(c);
    s.select_article(c, article);
    s.reader.pending = Some(match time {
        Some(_) => Pending::Show(sentence.start),
        None => Pending::Top(0),
    });
    s.set_focus(Pane::Reader);
    s.sync_reader(c);
    s.reader.entity = time.and_then(|t| {
        s.reader
            .doc
            .entities
            .iter()
            .position(|en| en.kind == EntityKind::Time(t))
    });
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
            scroll_into_view(s, c);
        }
        None => s.say(if matches!(action, Action::NextDay | Action::NextMonth) {
            "no later events"
        } else {
            "no earlier events"
        }),
    }
}

/// A click on a timeline row puts the cursor there.
pub fn click(s: &mut AppState, c: &Corpus, row: u16) {
    let Some(r) = s.layout.timeline else { return };
    let area = layout::timeline_parts(r).1;
    if row < area.y {
        return;
    }
    let i = (row - area.y) as usize;
    if let Some(Row::Event(p) | Row::Heading(p)) = rows(s, c, area.height as usize).get(i).copied()
    {
        s.timeline.cursor = p;
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
                crate::text::sanitize_line(&c.actor(fl.actor).name)
            ));
        }
        f.render_widget(t.pane_block(&title, focused, r.width, 2), r);
    }
    let (strip, area) = layout::timeline_parts(r);
    if strip.height >= 2 {
        render_strip(f, s, c, strip);
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
    let width = area.width as usize;
    let lines: Vec<Line> = rows(s, c, area.height as usize)
        .into_iter()
        .map(|row| match row {
            Row::Heading(p) => {
                let e = event(s, c, p);
                let label = e.map_or(String::new(), |e| heading_label(group(&e.date)));
                Line::from(Span::styled(wrap::truncate(&label, width), t.heading))
            }
            Row::Event(p) => event_line(s, c, p, width),
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

fn event_line(s: &AppState, c: &Corpus, pos: usize, width: usize) -> Line<'static> {
    let t = &s.theme;
    let Some(e) = event(s, c, pos) else {
        return Line::default();
    };
    let Some(a) = c.articles.get(e.article as usize) else {
        return Line::default();
    };
    let is_cursor = pos == s.timeline.cursor;
    let mine = s.current == Some(e.article);
    let mark = if mine { "▌" } else { " " };
    let tag = format!("#{} ", e.article + 1);
    // `?`: the year was not in the text, it is the corpus's usual year.
    let assumed = if e.date.assumed_year { "? " } else { "" };
    let prec = match e.date.precision {
        Precision::Day if assumed.is_empty() => String::new(),
        Precision::Day => assumed.to_string(),
        Precision::Week => format!("{assumed}[wk {}] ", e.date.start.iso_week().week()),
        Precision::Month => format!("{assumed}[month] "),
        Precision::Quarter => format!("{assumed}[quarter] "),
        Precision::Season => format!("{assumed}[season] "),
        Precision::Half => format!("{assumed}[half] "),
        Precision::Year => format!("{assumed}[year] "),
    };
    // The sentence around the date: (before, date, after), whitespace folded.
    let fold = |r: &str| -> String {
        let cut = r.char_indices().nth(400).map_or(r, |(i, _)| &r[..i]);
        wrap::display(cut)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let sent = e.sentence;
    let date_span = e
        .time
        .and_then(|ti| a.times.get(ti as usize))
        .map(|te| te.span)
        .filter(|sp| sent.contains(*sp));
    let (pre, date, post) = match date_span {
        Some(sp) => (
            fold(
                a.raw
                    .get(sent.start as usize..sp.start as usize)
                    .unwrap_or(""),
            ),
            fold(sp.text(&a.raw)),
            fold(a.raw.get(sp.end as usize..sent.end as usize).unwrap_or("")),
        ),
        None if e.is_publication() => (
            String::new(),
            String::new(),
            format!("✎ published: {}", fold(sent.text(&a.raw))),
        ),
        None => (String::new(), String::new(), fold(sent.text(&a.raw))),
    };
    let actors: Vec<String> = e
        .actors
        .iter()
        .take(3)
        .filter_map(|&id| c.actors.get(id as usize))
        .map(|x| {
            // People by surname: the row is narrow and the status line has the full name.
            let name = match x.kind {
                crate::model::ActorKind::Person => {
                    x.name.split_whitespace().last().unwrap_or(&x.name)
                }
                _ => &x.name,
            };
            crate::text::sanitize_line(name).into_owned()
        })
        .collect();
    let actors = if actors.is_empty() {
        String::new()
    } else {
        format!(" · {}", actors.join(", "))
    };
    let fixed = 1 + tag.chars().count() + prec.chars().count();
    let room = width.saturating_sub(fixed);
    let actors = wrap::truncate(&actors, room / 3);
    let text_room = room.saturating_sub(unicode_width::UnicodeWidthStr::width(actors.as_str()));
    let width_of = |x: &str| unicode_width::UnicodeWidthStr::width(x);
    let sep = |x: &str, left: bool| {
        if x.is_empty()
            || (left && x.ends_with(['(', '"', '\u{201c}']))
            || (!left && x.starts_with([',', '.', ')', ';', ':', '"', '\u{201d}', '\'']))
        {
            ""
        } else {
            " "
        }
    };
    let date = wrap::truncate(&date, text_room);
    // Before the date gets half of what is left, or more when the rest is short.
    let rest = text_room.saturating_sub(width_of(&date));
    let left_room = (rest / 2).max(rest.saturating_sub(width_of(&post) + 1));
    let pre = format!("{pre}{}", sep(&pre, true));
    let pre = if date.is_empty() {
        String::new()
    } else {
        wrap::truncate_left(&pre, left_room)
    };
    let post = format!(
        "{}{post}",
        if date.is_empty() {
            ""
        } else {
            sep(&post, false)
        }
    );
    let post = wrap::truncate(
        &post,
        text_room.saturating_sub(width_of(&pre) + width_of(&date)),
    );
    let base = if is_cursor {
        if s.focus == Pane::Timeline {
            t.cursor
        } else {
            t.cursor_unfocused
        }
    } else {
        Style::default()
    };
    let sent_style = if e.is_publication() {
        base.patch(t.dim)
    } else {
        base
    };
    let mut spans = vec![
        Span::styled(mark, if mine { t.current_mark } else { base }),
        Span::styled(tag, base.patch(t.dim)),
    ];
    if !prec.is_empty() {
        spans.push(Span::styled(prec, base.patch(t.date)));
    }
    spans.push(Span::styled(pre, sent_style));
    spans.push(Span::styled(date, sent_style.patch(t.date)));
    spans.push(Span::styled(post, sent_style));
    spans.push(Span::styled(actors, base.patch(t.actor)));
    if is_cursor {
        let used: usize = spans.iter().map(|sp| sp.width()).sum();
        spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
    }
    Line::from(spans)
}

/// Event density over the view's span, one bar per column, the cursor's
/// column reversed; the span's ends underneath. Bars come from a binary
/// search per column, not a pass over the events.
fn render_strip(f: &mut Frame, s: &AppState, c: &Corpus, area: Rect) {
    let t = &s.theme;
    let n = s.event_count(c);
    let (Some(first), Some(last)) = (event(s, c, 0), event(s, c, n.saturating_sub(1))) else {
        return;
    };
    let (lo, hi) = (first.date.start, last.date.start);
    let w = area.width as usize;
    if w == 0 {
        return;
    }
    let span_days = (hi - lo).num_days().max(0) + 1;
    // Column i covers days [from(i), to(i)); at least one day, so a span
    // shorter than the strip stretches each day over several columns.
    let from = |i: usize| span_days * i as i64 / w as i64;
    let to = |i: usize| (span_days * (i as i64 + 1) / w as i64).max(from(i) + 1);
    let day = |off: i64| lo + chrono::Duration::days(off);
    let counts: Vec<usize> = (0..w)
        .map(|i| {
            let a = s.event_lower_bound(c, day(from(i)));
            let b = if i + 1 == w {
                n
            } else {
                s.event_lower_bound(c, day(to(i)))
            };
            b.saturating_sub(a)
        })
        .collect();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let cursor_off = event(s, c, s.timeline.cursor).map(|e| (e.date.start - lo).num_days());
    let cursor_col = cursor_off.and_then(|d| (0..w).find(|&i| from(i) <= d && d < to(i)));
    const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let bars: Vec<Span> = counts
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let level = if k == 0 {
                0
            } else {
                1 + (k * 7).div_ceil(max).min(7)
            };
            let level = level.min(8);
            let style = if Some(i) == cursor_col {
                t.cursor
            } else {
                t.date
            };
            let sym = if Some(i) == cursor_col && level == 0 {
                "│"
            } else {
                BARS[level]
            };
            Span::styled(sym, style)
        })
        .collect();
    let (a, b) = (
        lo.format("%Y-%m-%d").to_string(),
        hi.format("%Y-%m-%d").to_string(),
    );
    let gap = w.saturating_sub(a.len() + b.len());
    let axis = if gap >= 1 {
        format!("{a}{}{b}", " ".repeat(gap))
    } else {
        wrap::truncate(&a, w)
    };
    f.render_widget(
        Paragraph::new(vec![
            Line::from(bars),
            Line::from(Span::styled(axis, t.dim)),
        ]),
        area,
    );
}
