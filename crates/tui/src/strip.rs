//! The timeline's density strip: one bar per column over the span where the
//! events are, the cursor's column reversed, the span's ends underneath.
//! A few events far from the rest (a 2014 anniversary in a corpus of 2025
//! news) would squeeze that span into a cell or two, so the strip covers the
//! dense span and says how many events lie outside it.

use super::app::AppState;
use chrono::NaiveDate;
use dateline_core::model::{Corpus, Event};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

fn event<'c>(s: &AppState, c: &'c Corpus, pos: usize) -> Option<&'c Event> {
    c.events.get(s.event_at(c, pos)?)
}

/// Event density over the view's span, one bar per column, the cursor's
/// column reversed; the span's ends underneath. Bars come from a binary
/// search per column, not a pass over the events.
/// Of the events in view, the share the dense span holds at least.
const DENSE_SHARE: f64 = 0.9;

/// The (first, last) day of the dense span and how many events lie before
/// and after it. The narrowest run holding [`DENSE_SHARE`] of the events
/// (tried at a few hundred starts, so a frame costs the same on any corpus),
/// widened to the first or last event when that is not far from it.
pub fn dense_span(s: &AppState, c: &Corpus) -> Option<(NaiveDate, NaiveDate, usize, usize)> {
    let n = s.event_count(c);
    let day = |p: usize| event(s, c, p).map(|e| e.date.start);
    let (first, last) = (day(0)?, day(n.checked_sub(1)?)?);
    // A handful of events may still leave one out.
    let most = if n >= 5 { n - 1 } else { n };
    let k = ((n as f64 * DENSE_SHARE).ceil() as usize).clamp(1, most);
    let step = (n / 256).max(1);
    let mut best = (first, last);
    let mut i = 0;
    while i + k <= n {
        if let (Some(a), Some(b)) = (day(i), day(i + k - 1))
            && b - a < best.1 - best.0
        {
            best = (a, b);
        }
        i += step;
    }
    let core = (best.1 - best.0).num_days().max(1);
    let near = |gap: chrono::Duration| gap.num_days() <= core / 4;
    let lo = if near(best.0 - first) { first } else { best.0 };
    let hi = if near(last - best.1) { last } else { best.1 };
    let before = s.event_lower_bound(c, lo);
    let after = n.saturating_sub(hi.succ_opt().map_or(n, |d| s.event_lower_bound(c, d)));
    Some((lo, hi, before, after))
}

/// Event density over the dense span, one bar per column, the cursor's
/// column reversed; the span's ends underneath, with `‹3` / `2›` for the
/// events outside it. Bars come from a binary search per column.
pub fn render(f: &mut Frame, s: &AppState, c: &Corpus, area: Rect) {
    let t = &s.theme;
    let n = s.event_count(c);
    let Some((lo, hi, before, after)) = dense_span(s, c) else {
        return;
    };
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
                n - after
            } else {
                s.event_lower_bound(c, day(to(i)))
            };
            b.saturating_sub(a)
        })
        .collect();
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let cursor_day = event(s, c, s.timeline.cursor).map(|e| e.date.start);
    let cursor_off = cursor_day.map(|d| (d - lo).num_days());
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
    let outside = |k: usize, left: bool| match (k, left) {
        (0, _) => String::new(),
        (k, true) => format!("‹{k} "),
        (k, false) => format!(" {k}›"),
    };
    let (a, b) = (
        format!("{}{}", outside(before, true), lo.format("%Y-%m-%d")),
        format!("{}{}", hi.format("%Y-%m-%d"), outside(after, false)),
    );
    let (aw, bw) = (a.chars().count(), b.chars().count());
    let gap = w.saturating_sub(aw + bw);
    let cursor_outside = cursor_day.is_some_and(|d| d < lo || d > hi);
    let axis_style = if cursor_outside { t.title } else { t.dim };
    let axis = if gap >= 1 {
        format!("{a}{}{b}", " ".repeat(gap))
    } else {
        dateline_core::text::fit(&a, w)
    };
    f.render_widget(
        Paragraph::new(vec![
            Line::from(bars),
            Line::from(Span::styled(axis, axis_style)),
        ]),
        area,
    );
}
