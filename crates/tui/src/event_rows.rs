//! How the timeline writes one event and one period heading: the event's
//! sentence with its date expression highlighted, word-wrapped to the pane
//! (two lines at most unless selected, then whole, with the article's title
//! and the event's actors under it), and the article's short title at the
//! end so a row says where it comes from. Pure: text and styles in, lines
//! out; the pane in `timeline.rs` decides which events are on screen.

use super::app::AppState;
use super::theme::Theme;
use super::wrap;
use chrono::{Datelike, NaiveDate};
use dateline_core::model::{Article, Corpus, DateValue, Event, Precision};
use dateline_core::text::sanitize_line;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The heading an event sits under: its own period. Events are ordered by
/// start day and, on one day, longest period first, so each period's events
/// are together and its heading is written once.
pub fn group(d: &DateValue) -> (NaiveDate, Precision) {
    let s = d.start;
    match d.precision {
        Precision::Month => (s.with_day(1).unwrap_or(s), Precision::Month),
        Precision::Year => (s.with_ordinal(1).unwrap_or(s), Precision::Year),
        p => (s, p),
    }
}

/// "Mon 14 Apr 2025", "Week 16 (14–20 Apr 2025)", "April 2025",
/// "Q2 2025 (Apr 2025 to Jun 2025)", "2025".
pub fn heading_label(g: (NaiveDate, Precision)) -> String {
    let (start, p) = g;
    let v = DateValue {
        start,
        precision: p,
        assumed_year: false,
    };
    match p {
        Precision::Day => start.format("%a %-d %b %Y").to_string(),
        Precision::Week => {
            let end = v.end();
            let span = if start.year() != end.year() {
                format!(
                    "{} – {}",
                    start.format("%-d %b %Y"),
                    end.format("%-d %b %Y")
                )
            } else if start.month() != end.month() {
                format!("{} – {}", start.format("%-d %b"), end.format("%-d %b %Y"))
            } else {
                format!("{}–{}", start.format("%-d"), end.format("%-d %b %Y"))
            };
            format!("Week {} ({span})", start.iso_week().week())
        }
        Precision::Month => start.format("%B %Y").to_string(),
        Precision::Year => start.year().to_string(),
        Precision::Quarter | Precision::Season | Precision::Half => format!(
            "{} ({} to {})",
            v.label(),
            start.format("%b %Y"),
            v.end().format("%b %Y")
        ),
    }
}

/// A date as a person reads it: "20 Apr 2025", "April 2025", "week 16 of
/// 2025", "2025", "Q2 2025".
pub fn human_date(d: &DateValue) -> String {
    match d.precision {
        Precision::Day => d.start.format("%-d %b %Y").to_string(),
        Precision::Week => format!(
            "week {} of {}",
            d.start.iso_week().week(),
            d.start.iso_week().year()
        ),
        Precision::Month => d.start.format("%B %Y").to_string(),
        Precision::Year => d.start.year().to_string(),
        _ => d.label(),
    }
}

/// Widest the article's short title gets at the end of an unselected row.
const SHORT_TITLE_MAX: usize = 20;
/// Lines a selected event's sentence may take before it is cut.
const SELECTED_SENTENCE_MAX: usize = 12;

/// The article named briefly: its headline cut at a word, else its source,
/// else its file name.
pub fn short_title(a: &Article, width: usize) -> String {
    let title = wrap::display(a.title_text());
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = if !title.is_empty() {
        title
    } else if let Some(src) = &a.source {
        sanitize_line(src).into_owned()
    } else {
        wrap::display(&a.file_name()).into_owned()
    };
    cut_at_word(&name, width)
}

/// `s` within `width` columns, cut after a whole word when one fits.
fn cut_at_word(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for word in s.split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if next.width() + 1 > width {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        dateline_core::text::fit(s, width)
    } else {
        out.push('…');
        out
    }
}

/// Unselected events take this many lines at most: two in a narrow pane.
pub fn unselected_lines(width: usize) -> usize {
    if width < 80 { 2 } else { 1 }
}

/// The event's text as (before the date, the date, after it), whitespace
/// folded; a publication marker is its headline behind a `✎`. A sentence
/// that runs over a line break in the file (a paragraph wrapped in the
/// file, a name that was a link on its own line) reads on with a space:
/// the whitespace is folded before the text is made safe to show, which
/// would otherwise turn each line break into a `␤`.
fn sentence_parts(a: &Article, e: &Event) -> (String, String, String) {
    let fold = |r: &str| -> String {
        let cut = r.char_indices().nth(1200).map_or(r, |(i, _)| &r[..i]);
        let folded = cut.split_whitespace().collect::<Vec<_>>().join(" ");
        wrap::display(&folded).into_owned()
    };
    let sent = e.sentence;
    let date_span = e
        .time
        .and_then(|ti| a.times.get(ti as usize))
        .map(|te| te.span)
        .filter(|sp| sent.contains(*sp));
    match date_span {
        Some(sp) => {
            let pre = fold(
                a.raw
                    .get(sent.start as usize..sp.start as usize)
                    .unwrap_or(""),
            );
            let post = fold(a.raw.get(sp.end as usize..sent.end as usize).unwrap_or(""));
            let glue_pre = !pre.is_empty() && !pre.ends_with(['(', '"', '\u{201c}', '\'']);
            let glue_post = !post.is_empty()
                && !post.starts_with([',', '.', ')', ';', ':', '"', '\u{201d}', '\'', '?', '!']);
            (
                if glue_pre { format!("{pre} ") } else { pre },
                fold(sp.text(&a.raw)),
                if glue_post { format!(" {post}") } else { post },
            )
        }
        None if e.is_publication() => (
            String::new(),
            String::new(),
            format!("✎ published: {}", fold(sent.text(&a.raw))),
        ),
        None => (String::new(), String::new(), fold(sent.text(&a.raw))),
    }
}

/// `[month] `, `? ` for an assumed year, nothing for a plain day.
fn precision_tag(d: &DateValue) -> String {
    let assumed = if d.assumed_year { "? " } else { "" };
    match d.precision {
        Precision::Day => assumed.to_string(),
        Precision::Week => format!("{assumed}[week] "),
        p => format!("{assumed}[{}] ", p.as_str()),
    }
}

/// The lines of the event at view position `pos`, `width` columns wide.
pub fn event_lines(s: &AppState, c: &Corpus, pos: usize, width: usize) -> Vec<Line<'static>> {
    let Some(e) = s.event_at(c, pos).and_then(|i| c.events.get(i)) else {
        return Vec::new();
    };
    let Some(a) = c.articles.get(e.article as usize) else {
        return Vec::new();
    };
    let t = &s.theme;
    let selected = pos == s.timeline.cursor;
    let base = if !selected {
        Style::default()
    } else if s.focus == super::action::Pane::Timeline {
        t.cursor
    } else {
        t.cursor_unfocused
    };
    let mine = s.current == Some(e.article);
    let mark = Span::styled(
        if mine { "▌" } else { " " },
        if mine { t.current_mark } else { base },
    );
    let room = width.saturating_sub(1);
    if room == 0 {
        return vec![Line::from(mark)];
    }
    let sent_style = if e.is_publication() {
        base.patch(t.dim)
    } else {
        base
    };
    let (pre, date, post) = sentence_parts(a, e);
    let tag = precision_tag(&e.date);
    let body = if selected {
        let segs = [
            (tag, base.patch(t.date)),
            (pre, sent_style),
            (date, sent_style.patch(t.date)),
            (post, sent_style),
        ];
        let mut lines = wrap_styled(&segs, room);
        if lines.len() > SELECTED_SENTENCE_MAX {
            lines.truncate(SELECTED_SENTENCE_MAX);
            end_with_ellipsis(&mut lines, room, sent_style);
        }
        lines.extend(detail_lines(t, c, a, e, room, base));
        lines
    } else {
        unselected(t, a, (tag, pre, date, post), room, sent_style)
    };
    body.into_iter()
        .map(|mut spans| {
            let used: usize = spans.iter().map(|(x, _)| x.width()).sum();
            if selected && used < room {
                spans.push((" ".repeat(room - used), base));
            }
            let mut line = vec![mark.clone()];
            line.extend(spans.into_iter().map(|(x, st)| Span::styled(x, st)));
            Line::from(line)
        })
        .collect()
}

use super::styled_wrap::{Segs, end_with_ellipsis, fit_spans, wrap_styled};

/// How many lines [`event_lines`] gives for the event at `pos`, without
/// styling them: scrolling asks this of a screenful of events per key.
pub fn event_height(s: &AppState, c: &Corpus, pos: usize, width: usize) -> usize {
    if pos == s.timeline.cursor {
        return event_lines(s, c, pos, width).len().max(1);
    }
    let Some(e) = s.event_at(c, pos).and_then(|i| c.events.get(i)) else {
        return 1;
    };
    let Some(a) = c.articles.get(e.article as usize) else {
        return 1;
    };
    let room = width.saturating_sub(1);
    if room == 0 || unselected_lines(width) == 1 {
        return 1;
    }
    // A pane this narrow is rare; its rows are counted by drawing them.
    if room < 24 {
        return event_lines(s, c, pos, width).len().max(1);
    }
    // One line when it all fits on one, else the two it is cut to. The
    // sentence is measured whitespace-folded, as it is shown, and without
    // building it: this runs for a screenful of events per key.
    let lead = if e.is_publication() {
        "✎ published: ".width()
    } else {
        precision_tag(&e.date).width()
    };
    let text = a.raw.get(e.sentence.range()).unwrap_or("");
    if folded_width(text, room.saturating_sub(lead)).is_some() {
        1
    } else {
        2
    }
}

/// The width of `text` with whitespace runs folded to one space and the
/// ends trimmed, if it is at most `limit` (None as soon as it is more).
fn folded_width(text: &str, limit: usize) -> Option<usize> {
    let mut w = 0;
    let mut space = false;
    for ch in text.chars() {
        if ch.is_whitespace() {
            space = w > 0;
            continue;
        }
        w += usize::from(space) + wrap::char_width(ch);
        space = false;
        if w > limit {
            return None;
        }
    }
    Some(w)
}

/// The words before the date, cut from the left so the date shows in an
/// unselected row; and the article's short title for the row's end.
fn cut_before_date(
    a: &Article,
    tag: &str,
    pre: String,
    date: &str,
    room: usize,
) -> (String, String) {
    let max = unselected_lines(room + 1);
    let label = short_title(a, SHORT_TITLE_MAX.min(room / 2));
    let label_w = if label.is_empty() {
        0
    } else {
        label.width() + 2
    };
    let budget = (max * room).saturating_sub(label_w);
    let lead = tag.width() + pre.width() + date.width();
    let pre = if lead <= budget.saturating_sub(4) || date.is_empty() {
        pre
    } else {
        // As much as leaves the date and a few words after it in view.
        let keep = budget.saturating_sub(tag.width() + date.width().min(budget / 2) + 6);
        wrap::truncate_left(&pre, keep)
    };
    (pre, label)
}

/// An unselected event: its sentence in at most [`unselected_lines`] lines,
/// the date kept in view (the words before it cut from the left when
/// needed), and the article's short title at the end of the last line.
fn unselected(
    t: &Theme,
    a: &Article,
    (tag, pre, date, post): (String, String, String, String),
    room: usize,
    style: Style,
) -> Vec<Segs> {
    let max = unselected_lines(room + 1);
    // Before the date: all of it when the date still fits, else its end.
    let (pre, label) = cut_before_date(a, &tag, pre, &date, room);
    let label_w = if label.is_empty() {
        0
    } else {
        label.width() + 2
    };
    let segs = [
        (tag, style.patch(t.date)),
        (pre, style),
        (date, style.patch(t.date)),
        (post, style),
    ];
    let mut lines = wrap_styled(&segs, room);
    let cut = lines.len() > max;
    lines.truncate(max);
    let last_w: usize = lines
        .last()
        .map_or(0, |l| l.iter().map(|(x, _)| x.width()).sum());
    if cut || last_w + label_w > room {
        // The last line gives up its end for the label.
        let keep = room.saturating_sub(label_w);
        if let Some(l) = lines.last_mut() {
            *l = fit_spans(l, keep, cut || last_w > keep);
        }
    }
    if !label.is_empty()
        && let Some(l) = lines.last_mut()
    {
        let used: usize = l.iter().map(|(x, _)| x.width()).sum();
        let gap = room.saturating_sub(used + label.width()).max(2);
        if used + gap + label.width() <= room {
            l.push((" ".repeat(gap), style));
            l.push((label, style.patch(t.dim)));
        }
    }
    lines
}

/// Under a selected event: its article's whole headline (with source and
/// publication date), then its actors.
fn detail_lines(
    t: &Theme,
    c: &Corpus,
    a: &Article,
    e: &Event,
    room: usize,
    base: Style,
) -> Vec<Segs> {
    let mut out = Vec::new();
    let dim = base.patch(t.dim);
    // A publication marker's sentence is the headline already.
    if !e.is_publication() {
        let title = short_title(a, usize::MAX);
        let mut head = wrap_styled(&[(format!("— {title}"), dim)], room);
        if head.len() > 2 {
            head.truncate(2);
            end_with_ellipsis(&mut head, room, dim);
        }
        out.extend(head);
    }
    let mut from: Vec<String> = Vec::new();
    if let Some(src) = &a.source {
        from.push(sanitize_line(src).into_owned());
    }
    if let Some(v) = &a.published.value {
        from.push(v.label());
    }
    if !from.is_empty() {
        let line = format!("  {}", from.join(" · "));
        out.push(vec![(dateline_core::text::fit(&line, room), dim)]);
    }
    let names: Vec<String> = c
        .actors_of(e)
        .iter()
        .filter_map(|&id| c.actors.get(id as usize))
        .map(|x| sanitize_line(&x.name).into_owned())
        .collect();
    if !names.is_empty() {
        let mut lines = wrap_styled(&[(names.join(", "), base.patch(t.actor))], room);
        if lines.len() > 2 {
            lines.truncate(2);
            end_with_ellipsis(&mut lines, room, base.patch(t.actor));
        }
        out.extend(lines);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_their_period() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            heading_label((d(2031, 4, 14), Precision::Week)),
            "Week 16 (14–20 Apr 2031)"
        );
        assert_eq!(
            heading_label((d(2031, 4, 28), Precision::Week)),
            "Week 18 (28 Apr – 4 May 2031)"
        );
        assert_eq!(
            heading_label((d(2029, 12, 31), Precision::Week)),
            "Week 1 (31 Dec 2029 – 6 Jan 2030)"
        );
        assert_eq!(
            heading_label((d(2031, 4, 1), Precision::Month)),
            "April 2031"
        );
        assert_eq!(
            heading_label((d(2031, 4, 14), Precision::Day)),
            "Mon 14 Apr 2031"
        );
        let week = DateValue {
            start: d(2031, 4, 14),
            precision: Precision::Week,
            assumed_year: false,
        };
        assert_eq!(group(&week), (d(2031, 4, 14), Precision::Week));
    }

    #[test]
    fn a_sentence_over_line_breaks_reads_on_with_spaces() {
        use dateline_core::model::{BlockClass, Span as TextSpan, TimeExpr, TimeKind};
        let mut a = dateline_core::testing::page(
            0,
            &[
                ("Since 2019 the lab of", Some(BlockClass::Body)),
                ("Rosa Vane", Some(BlockClass::Body)),
                ("has grown\tfast.\u{1b}[2J", Some(BlockClass::Body)),
            ],
        );
        let sentence = a.sentences[0];
        let year = TextSpan::new(sentence.start as usize + 6, sentence.start as usize + 10);
        assert_eq!(year.text(&a.raw), "2019");
        a.times = vec![TimeExpr {
            span: year,
            value: None,
            kind: TimeKind::Absolute,
            anchor: None,
            sentence: 0,
        }]
        .into();
        let e = Event {
            date: DateValue::day(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap()),
            article: 0,
            time: Some(0),
            sentence,
            actors: Default::default(),
        };
        let (pre, date, post) = sentence_parts(&a, &e);
        assert_eq!(pre, "Since ");
        assert_eq!(date, "2019");
        // Line breaks and the tab read as spaces; the escape is still shown
        // as a picture, never sent to the terminal.
        assert_eq!(post, " the lab of Rosa Vane has grown fast.\u{241b}[2J");
    }

    #[test]
    fn short_titles_cut_at_a_word() {
        assert_eq!(
            cut_at_word("Harbour council votes on ferries", 16),
            "Harbour council…"
        );
        assert_eq!(cut_at_word("Short", 16), "Short");
        assert_eq!(cut_at_word("Unbreakablewordhere", 8), "Unbreak…");
    }
}
