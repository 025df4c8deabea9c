//! The timeline as people read it (TestBackend): one heading per period in
//! order, each event as its sentence with the selected one whole, the reader
//! previewing the event under the cursor without taking focus, jumps that
//! land near the top and say where, zoom, and whole headlines.

use crate::tui_common::*;
use dateline::model::*;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::{AppState, Overlay};
use dateline::tui::theme::Theme;
use dateline::tui::timeline;
use dateline::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn week(y: i32, m: u32, d: u32) -> DateValue {
    DateValue {
        start: chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        precision: Precision::Week,
        assumed_year: false,
    }
}

const LONG_SENTENCE: &str = "The harbour board of Velmora met on 14 April 2031 and voted, after a \
     long night of argument between the ferry crews and the town's shopkeepers, to keep the \
     old quay open for another decade.";
const LONG_TITLE: &str = "Velmora harbour board keeps the old quay open for another decade \
     after a night of argument";

/// Day, week and month events on one start day (14 April 2031 and April
/// 2031), a day of its own, and one far-off year.
fn periods() -> Corpus {
    let a0 = article(
        0,
        Spec {
            title: LONG_TITLE,
            paras: vec![
                LONG_SENTENCE.into(),
                "Ferry crews struck this week over pay.".into(),
                "Tolls rose this April ahead of the season.".into(),
                "Talks had begun on 1 April 2031 in the town hall.".into(),
            ],
            published: Some((day(2031, 4, 20), Basis::Explicit)),
            dates: vec![
                ("14 April 2031", day(2031, 4, 14)),
                ("this week", week(2031, 4, 14)),
                ("this April", DateValue::month(2031, 4).unwrap()),
                ("1 April 2031", day(2031, 4, 1)),
            ],
            mentions: vec![("Velmora", 0)],
            teasers: vec![],
            source: Some("Velmora Tide"),
        },
    );
    let a1 = article(
        1,
        Spec {
            title: "Quay history",
            paras: vec![
                "The quay was first built in 1998 by the Orlen family.".into(),
                "Its tolls were cut on 14 April 2031 for fishers.".into(),
            ],
            published: None,
            dates: vec![
                ("1998", DateValue::year(1998).unwrap()),
                ("14 April 2031", day(2031, 4, 14)),
            ],
            mentions: vec![("Orlen", 1)],
            teasers: vec![],
            source: None,
        },
    );
    let actors = vec![
        Actor {
            id: 0,
            name: "Velmora".into(),
            kind: ActorKind::Place,
            role: None,
            aliases: vec!["Velmora".into()],
            mention_count: 0,
        },
        Actor {
            id: 1,
            name: "Orlen family".into(),
            kind: ActorKind::Organisation,
            role: None,
            aliases: vec!["Orlen".into()],
            mention_count: 0,
        },
    ];
    dateline::index::build(vec![a0, a1], actors, Vec::new())
}

/// One article with an event on each of 40 days, for scrolling.
fn many_days() -> Corpus {
    let paras: Vec<String> = (1..=40)
        .map(|i| format!("Boat number {i} left the quay on day {i} of the season."))
        .collect();
    let dates: Vec<(String, DateValue)> = (1..=40)
        .map(|i| {
            let d = chrono::NaiveDate::from_ymd_opt(2031, 5, 1).unwrap()
                + chrono::Duration::days(i64::from(i) - 1);
            (format!("day {i} of"), DateValue::day(d))
        })
        .collect();
    let a = article(
        0,
        Spec {
            title: "Boats of the season",
            paras,
            published: None,
            dates: dates.iter().map(|(s, v)| (s.as_str(), *v)).collect(),
            mentions: vec![],
            teasers: vec![],
            source: None,
        },
    );
    dateline::index::build(vec![a], Vec::new(), Vec::new())
}

fn state(c: &Corpus, w: u16, h: u16) -> AppState {
    let mut s = AppState::new(c, w, h);
    s.theme = Theme::monochrome();
    update(
        &mut s,
        c,
        Action::Resize {
            width: w,
            height: h,
        },
    );
    s
}

fn draw(s: &AppState, c: &Corpus, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| dateline::tui::draw(f, s, c)).unwrap();
    screen(&t)
}

/// The timeline's screen lines as plain text, with whether each is a heading
/// and the event it belongs to.
fn lines(s: &AppState, c: &Corpus, height: usize) -> Vec<(usize, bool, String)> {
    let w = s
        .layout
        .timeline
        .map(|r| dateline::tui::layout::timeline_parts(r).1.width)
        .unwrap() as usize;
    timeline::screen(s, c, w, height)
        .into_iter()
        .map(|l| {
            let text: String = l.line.spans.iter().map(|sp| sp.content.as_ref()).collect();
            (l.pos, l.heading, text)
        })
        .collect()
}

#[test]
fn each_period_is_headed_once_in_order() {
    let c = periods();
    let mut s = state(&c, 120, 40);
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    update(&mut s, &c, Action::Top);
    let headings: Vec<String> = lines(&s, &c, 500)
        .into_iter()
        .filter(|(_, h, _)| *h)
        .map(|(_, _, t)| t)
        .collect();
    assert_eq!(
        headings,
        [
            "1998",
            "April 2031",
            "Tue 1 Apr 2031",
            "Week 16 (14–20 Apr 2031)",
            "Mon 14 Apr 2031",
            "Sun 20 Apr 2031",
        ]
    );
}

#[test]
fn the_selected_event_is_its_whole_sentence_and_the_others_two_lines() {
    let c = periods();
    let mut s = state(&c, 80, 40);
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    update(&mut s, &c, Action::Top);
    let long = (0..c.events.len())
        .find(|&p| {
            let e = &c.events[s.event_at(&c, p).unwrap()];
            c.articles[e.article as usize].raw[e.sentence.range()].starts_with("The harbour")
        })
        .unwrap();
    let rows = lines(&s, &c, 500);
    let unselected = rows.iter().filter(|(p, h, _)| *p == long && !h).count();
    assert_eq!(unselected, 2, "cut to two lines when not selected");
    let shown: String = rows
        .iter()
        .filter(|(p, h, _)| *p == long && !h)
        .map(|(_, _, t)| t.as_str())
        .collect();
    assert!(shown.contains('…'), "a cut row says it is cut: {shown}");
    assert!(
        shown.contains("14 April 2031"),
        "the date stays in view: {shown}"
    );
    while s.timeline.cursor < long {
        update(&mut s, &c, Action::Down);
    }
    let rows = lines(&s, &c, 500);
    let whole: Vec<String> = rows
        .iter()
        .filter(|(p, h, _)| *p == long && !h)
        .map(|(_, _, t)| t.trim_start_matches('▌').trim().to_string())
        .collect();
    assert!(
        whole.join(" ").contains(LONG_SENTENCE),
        "the selected event is whole: {whole:#?}"
    );
    assert!(
        whole.iter().any(|l| l.contains("Velmora")),
        "its actors are named under it"
    );
    assert!(
        whole.join(" ").contains("Velmora Tide"),
        "its article's source is named under it"
    );
    insta::assert_snapshot!(draw(&s, &c, 80, 40));
}

#[test]
fn moving_the_timeline_cursor_previews_the_event_in_the_reader() {
    let c = periods();
    let mut s = state(&c, 120, 40);
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    update(&mut s, &c, Action::Top);
    for _ in 0..c.events.len() {
        let e = &c.events[s.event_at(&c, s.timeline.cursor).unwrap()];
        assert_eq!(s.focus, Pane::Timeline, "the timeline keeps the focus");
        assert_eq!(s.current, Some(e.article), "the reader shows its article");
        if e.time.is_some() {
            let line = s.reader.doc.line_of(e.sentence.start);
            let rows = s.layout.reader_rows();
            assert!(
                (s.reader.scroll..s.reader.scroll + rows).contains(&line),
                "its sentence is on screen"
            );
            let marked = s.reader.entity.map(|i| s.reader.doc.entities[i].kind);
            assert_eq!(
                marked,
                e.time.map(dateline::tui::wrap::EntityKind::Time),
                "its date is marked"
            );
        }
        update(&mut s, &c, Action::Down);
    }
}

#[test]
fn jumps_land_near_the_top_with_context_and_moves_keep_some() {
    let c = many_days();
    let mut s = state(&c, 120, 40);
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    let height = s.layout.timeline_rows();
    let row_of_cursor = |s: &AppState| {
        lines(s, &c, height)
            .iter()
            .position(|(p, h, _)| *p == s.timeline.cursor && !h)
            .expect("the cursor is on screen")
    };
    for _ in 0..30 {
        update(&mut s, &c, Action::NextDay);
        let row = row_of_cursor(&s);
        assert!(
            row <= height / 4 + 1 || s.timeline.cursor + 8 >= c.events.len(),
            "after ] the day is near the top (row {row} of {height})"
        );
    }
    update(&mut s, &c, Action::Top);
    for _ in 0..39 {
        update(&mut s, &c, Action::Down);
        let row = row_of_cursor(&s);
        let last = lines(&s, &c, height).len();
        let end = s.timeline.cursor + 1 == c.events.len();
        assert!(
            end || row + 2 < last,
            "context below the cursor (row {row} of {last})"
        );
    }
    // The end of the view: no blank space below the last event.
    update(&mut s, &c, Action::PromptDate);
    for ch in "2031-06-09".chars() {
        update(&mut s, &c, Action::Input(ch));
    }
    update(&mut s, &c, Action::Submit);
    // Full but for less than an event's height (the next one up did not fit).
    let shown = lines(&s, &c, height).len();
    assert!(shown + 3 > height, "the pane is full: {shown} of {height}");
}

#[test]
fn jumps_say_where_they_landed() {
    let c = periods();
    let mut s = state(&c, 120, 40);
    let mut jump = |input: &str| {
        update(&mut s, &c, Action::PromptDate);
        for ch in input.chars() {
            update(&mut s, &c, Action::Input(ch));
        }
        update(&mut s, &c, Action::Submit);
        assert!(matches!(s.overlay, Overlay::None));
        s.message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    };
    let said = jump("2031-04-05");
    assert!(
        said.starts_with("no events on 5 Apr 2031 — showing") && said.contains("nearest after"),
        "{said}"
    );
    assert!(jump("1990").contains("before the first event"));
    assert!(jump("2040").contains("no events on or after 2040"));
    assert!(jump("2031-04-14").starts_with("14 Apr 2031: 3 events"));
    let said = jump("apr");
    assert!(said.starts_with("April 2031"), "{said}");
}

#[test]
fn zoom_shows_the_focused_pane_alone_and_back() {
    let c = periods();
    let mut s = state(&c, 80, 24);
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    update(&mut s, &c, Action::ToggleZoom);
    assert!(s.layout.timeline.is_some() && s.layout.list.is_none() && s.layout.reader.is_none());
    let zoomed = draw(&s, &c, 80, 24);
    assert!(zoomed.contains("Timeline (zoomed)"));
    insta::assert_snapshot!(zoomed);
    update(&mut s, &c, Action::FocusNext);
    assert!(
        s.layout.list.is_some() && s.layout.timeline.is_none(),
        "Tab keeps the zoom"
    );
    update(&mut s, &c, Action::ToggleZoom);
    assert!(s.layout.list.is_some() && s.layout.reader.is_some() && s.layout.timeline.is_some());
    for (w, h) in [(1, 1), (2, 3), (12, 4), (30, 6)] {
        update(&mut s, &c, Action::ToggleZoom);
        update(
            &mut s,
            &c,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        draw(&s, &c, w, h);
    }
}

#[test]
fn headlines_are_whole_in_the_list_and_the_reader() {
    let c = periods();
    let s = state(&c, 80, 24);
    let text = draw(&s, &c, 80, 24);
    let words: Vec<&str> = LONG_TITLE.split_whitespace().collect();
    // Every word of the headline is on screen twice: list and reader header.
    for w in words {
        assert!(text.matches(w).count() >= 2, "{w} in\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn the_density_strip_leaves_a_far_off_event_out_and_says_so() {
    let c = periods();
    let mut s = state(&c, 120, 40);
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    let text = draw(&s, &c, 120, 40);
    assert!(text.contains("‹1 2031-04-01"), "{text}");
    assert!(!text.contains("1998-01-01"));
}

#[test]
fn help_ends_with_a_legend_of_the_symbols() {
    let s = state(&periods(), 120, 40);
    let text: Vec<String> = dateline::tui::help::lines(&s.theme, &s.keymap, 90)
        .iter()
        .map(|l| l.spans.iter().map(|sp| sp.content.as_ref()).collect())
        .collect();
    let legend = text.iter().position(|l| l == "Symbols").expect("a legend");
    for sym in ["•", "✎", "▌", "‹4", "⋯", "[week]"] {
        assert!(
            text[legend..]
                .iter()
                .any(|l| l.trim_start().starts_with(sym)),
            "{sym} explained"
        );
    }
}

#[test]
fn the_height_scrolling_counts_is_the_height_drawn() {
    for c in [periods(), many_days(), corpus()] {
        let mut s = state(&c, 120, 40);
        update(&mut s, &c, Action::Focus(Pane::Timeline));
        for width in [1, 2, 5, 12, 31, 36, 60, 79, 80, 200] {
            for pos in 0..s.event_count(&c) {
                assert_eq!(
                    dateline::tui::event_rows::event_height(&s, &c, pos, width),
                    dateline::tui::event_rows::event_lines(&s, &c, pos, width)
                        .len()
                        .max(1),
                    "event {pos} at width {width}: {:?}",
                    dateline::tui::event_rows::event_lines(&s, &c, pos, width)
                );
            }
        }
    }
}
