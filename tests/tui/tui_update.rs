//! `update` tests for every action, without a terminal, on a hand-made corpus.

use crate::tui_common::*;
use chrono::NaiveDate;
use dateline::model::Corpus;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::{AppState, Overlay};
use dateline::tui::status::follow_label;
use dateline::tui::update::update;

pub(crate) fn setup() -> (AppState, Corpus) {
    let c = corpus();
    let s = AppState::new(&c, 120, 40);
    (s, c)
}

pub(crate) fn run(s: &mut AppState, c: &Corpus, actions: &[Action]) {
    for &a in actions {
        update(s, c, a);
    }
}

pub(crate) fn typed(s: &mut AppState, c: &Corpus, text: &str) {
    for ch in text.chars() {
        update(s, c, Action::Input(ch));
    }
}

fn cursor_date(s: &AppState, c: &Corpus) -> NaiveDate {
    c.events[s.event_at(c, s.timeline.cursor).unwrap()]
        .date
        .start
}

#[test]
fn starts_on_the_earliest_article_with_its_events_in_view() {
    let (s, c) = setup();
    assert_eq!(s.current, Some(0));
    assert_eq!(s.focus, Pane::List);
    let ev = &c.events[s.event_at(&c, s.timeline.cursor).unwrap()];
    assert_eq!(
        ev.article, 0,
        "timeline cursor on the current article's event"
    );
}

#[test]
fn quit() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Quit);
    assert!(s.quit);
}

#[test]
fn focus_next_prev_and_direct() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::FocusNext);
    assert_eq!(s.focus, Pane::Reader);
    update(&mut s, &c, Action::FocusNext);
    assert_eq!(s.focus, Pane::Timeline);
    update(&mut s, &c, Action::FocusNext);
    assert_eq!(s.focus, Pane::List);
    update(&mut s, &c, Action::FocusPrev);
    assert_eq!(s.focus, Pane::Timeline);
    update(&mut s, &c, Action::Focus(Pane::Reader));
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn list_moves_keep_reader_and_timeline_in_step() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Down);
    assert_eq!(s.current, Some(1));
    let ev = &c.events[s.event_at(&c, s.timeline.cursor).unwrap()];
    assert_eq!(ev.article, 1);
    assert_eq!(
        s.reader.doc.key.map(|k| k.0),
        Some(1),
        "reader wrapped the new article"
    );
    run(&mut s, &c, &[Action::Down, Action::Down, Action::Down]);
    assert_eq!(s.current, Some(2), "clamped at the end");
    update(&mut s, &c, Action::Top);
    assert_eq!(s.current, Some(0));
    update(&mut s, &c, Action::Bottom);
    assert_eq!(s.current, Some(2));
    update(&mut s, &c, Action::Up);
    assert_eq!(s.current, Some(1));
    run(
        &mut s,
        &c,
        &[
            Action::PageUp,
            Action::HalfDown,
            Action::HalfUp,
            Action::PageDown,
        ],
    );
    assert!(s.current.is_some());
}

#[test]
fn enter_in_list_opens_reader_and_marks_read() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Down);
    assert!(!s.read.contains(&1));
    update(&mut s, &c, Action::Activate);
    assert_eq!(s.focus, Pane::Reader);
    assert!(s.read.contains(&1));
}

#[test]
fn reader_scrolls_and_keeps_place_per_article() {
    let (mut s, c) = setup();
    run(
        &mut s,
        &c,
        &[Action::Down, Action::Focus(Pane::Reader), Action::PageDown],
    );
    let scrolled = s.reader.scroll;
    assert!(scrolled > 0);
    update(&mut s, &c, Action::HalfDown);
    assert!(s.reader.scroll > scrolled);
    update(&mut s, &c, Action::HalfUp);
    assert_eq!(s.reader.scroll, scrolled);
    update(&mut s, &c, Action::Bottom);
    let bottom = s.reader.scroll;
    update(&mut s, &c, Action::Down);
    assert_eq!(s.reader.scroll, bottom, "no scrolling past the end");
    update(&mut s, &c, Action::Top);
    assert_eq!(s.reader.scroll, 0);
    run(
        &mut s,
        &c,
        &[Action::PageDown, Action::PageUp, Action::PageDown],
    );
    let place = s.reader.scroll;
    run(
        &mut s,
        &c,
        &[Action::Focus(Pane::List), Action::Up, Action::Down],
    );
    assert_eq!(s.current, Some(1));
    assert_eq!(s.reader.scroll, place, "place kept when coming back");
}

#[test]
fn entity_cursor_moves_and_enter_on_a_date_jumps_the_timeline() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Focus(Pane::Reader));
    update(&mut s, &c, Action::NextEntity);
    assert_eq!(s.reader.entity, Some(0));
    update(&mut s, &c, Action::NextEntity);
    assert_eq!(s.reader.entity, Some(1), "April 27 after Marco Rubio");
    assert!(s.message.as_ref().unwrap().text.contains("2025-04-27"));
    update(&mut s, &c, Action::Activate);
    assert_eq!(s.focus, Pane::Timeline);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2025, 4, 27).unwrap()
    );
    update(&mut s, &c, Action::Back);
    assert_eq!(s.focus, Pane::Reader);
    update(&mut s, &c, Action::PrevEntity);
    assert_eq!(s.reader.entity, Some(0));
    update(&mut s, &c, Action::PrevEntity);
    assert_eq!(s.reader.entity, Some(0), "stays on the first");
}

#[test]
fn enter_on_a_mention_follows_the_actor_from_there() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Focus(Pane::Reader));
    update(&mut s, &c, Action::NextEntity); // Marco Rubio
    update(&mut s, &c, Action::Activate);
    assert_eq!(s.follow.map(|f| f.actor), Some(RUBIO));
    assert_eq!(follow_label(&s, &c).unwrap(), "Marco Rubio 1/2");
}

#[test]
fn timeline_enter_opens_the_article_at_the_sentence() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    update(&mut s, &c, Action::Top);
    update(&mut s, &c, Action::Down);
    let ev = c.events[s.event_at(&c, s.timeline.cursor).unwrap()].clone();
    update(&mut s, &c, Action::Activate);
    assert_eq!(s.current, Some(ev.article));
    assert_eq!(s.focus, Pane::Reader);
    let ent = s.reader.doc.entities[s.reader.entity.unwrap()];
    assert!(
        ev.sentence.contains(ent.span),
        "entity cursor on the event's date"
    );
}

#[test]
fn timeline_day_and_month_steps() {
    let (mut s, c) = setup();
    run(&mut s, &c, &[Action::Focus(Pane::Timeline), Action::Top]);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2014, 1, 1).unwrap()
    );
    update(&mut s, &c, Action::NextDay);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2025, 4, 25).unwrap()
    );
    update(&mut s, &c, Action::NextDay);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2025, 4, 27).unwrap()
    );
    update(&mut s, &c, Action::NextMonth);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2025, 5, 8).unwrap()
    );
    update(&mut s, &c, Action::PrevMonth);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2025, 4, 25).unwrap()
    );
    update(&mut s, &c, Action::PrevDay);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2014, 1, 1).unwrap()
    );
    update(&mut s, &c, Action::PrevDay);
    assert!(s.message.is_some(), "says there is nothing earlier");
    update(&mut s, &c, Action::Bottom);
    update(&mut s, &c, Action::NextDay);
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2025, 5, 10).unwrap()
    );
}

#[test]
fn jump_to_date_moves_timeline_and_list() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptDate);
    assert!(matches!(s.overlay, Overlay::Prompt { .. }));
    typed(&mut s, &c, "2025-04-26");
    update(&mut s, &c, Action::Submit);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(
        cursor_date(&s, &c),
        NaiveDate::from_ymd_opt(2025, 4, 27).unwrap()
    );
    let above = s.timeline.cursor - s.timeline.top;
    assert!(
        above <= s.layout.timeline_rows() / 4,
        "the day is near the top: {above} events above it"
    );
    let event = s.event_at(&c, s.timeline.cursor).unwrap();
    assert_eq!(
        s.current,
        Some(c.events[event].article),
        "the reader previews the event's article"
    );
    let said = s.message.as_ref().map_or("", |m| m.text.as_str());
    assert!(
        said.contains("no events on 26 Apr 2025") && said.contains("27 Apr 2025 (nearest after)"),
        "{said}"
    );
    assert_eq!(s.focus, Pane::Timeline);
    for (input, want) in [
        ("may", (2025, 5, 8)),
        ("29 apr", (2025, 4, 29)),
        ("2014", (2014, 1, 1)),
    ] {
        update(&mut s, &c, Action::PromptDate);
        typed(&mut s, &c, input);
        update(&mut s, &c, Action::Submit);
        assert_eq!(
            cursor_date(&s, &c),
            NaiveDate::from_ymd_opt(want.0, want.1, want.2).unwrap(),
            "{input}"
        );
    }
}

#[test]
fn unparsable_date_is_a_message() {
    let (mut s, c) = setup();
    let before = s.timeline.cursor;
    update(&mut s, &c, Action::PromptDate);
    typed(&mut s, &c, "next blursday");
    update(&mut s, &c, Action::Submit);
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.error && m.text.contains("not a date"))
    );
    assert_eq!(s.timeline.cursor, before);
}

#[test]
fn prompt_editing_and_cancel() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "abc");
    update(&mut s, &c, Action::InputBackspace);
    match &s.overlay {
        Overlay::Prompt { input, .. } => assert_eq!(input, "ab"),
        _ => panic!("prompt closed"),
    }
    update(&mut s, &c, Action::InputClear);
    match &s.overlay {
        Overlay::Prompt { input, .. } => assert!(input.is_empty()),
        _ => panic!("prompt closed"),
    }
    update(&mut s, &c, Action::Escape);
    assert!(matches!(s.overlay, Overlay::None));
}

#[test]
fn raw_toggle_and_sort_toggle() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Focus(Pane::Reader));
    update(&mut s, &c, Action::ToggleRaw);
    assert!(s.reader.raw);
    assert!(s.reader.doc.key.unwrap().2, "raw doc wrapped");
    update(&mut s, &c, Action::ToggleRaw);
    assert!(!s.reader.raw);
    update(&mut s, &c, Action::ToggleSort);
    assert!(s.sort_by_file);
    assert_eq!(s.list_order(&c), [0, 1, 2]);
    update(&mut s, &c, Action::ToggleSort);
    assert!(!s.sort_by_file);
}

#[test]
fn back_and_forward_through_jumps() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptDate);
    typed(&mut s, &c, "2025-05-10");
    update(&mut s, &c, Action::Submit);
    let far = s.timeline.cursor;
    update(&mut s, &c, Action::Activate); // open May 10's article
    assert_eq!(s.current, Some(1));
    update(&mut s, &c, Action::Back);
    assert_eq!(s.timeline.cursor, far);
    assert_eq!(s.focus, Pane::Timeline);
    update(&mut s, &c, Action::Back);
    assert_eq!(s.current, Some(0));
    update(&mut s, &c, Action::Back);
    assert!(s.message.as_ref().unwrap().text.contains("start"));
    update(&mut s, &c, Action::Forward);
    update(&mut s, &c, Action::Forward);
    assert_eq!(s.current, Some(1));
    assert_eq!(s.focus, Pane::Reader);
    update(&mut s, &c, Action::Forward);
    assert!(s.message.as_ref().unwrap().text.contains("end"));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::ToggleHelp);
    assert!(matches!(s.overlay, Overlay::Help { .. }));
    update(&mut s, &c, Action::Down);
    assert!(matches!(s.overlay, Overlay::Help { scroll: 1 }));
    update(&mut s, &c, Action::Up);
    update(&mut s, &c, Action::Escape);
    assert!(matches!(s.overlay, Overlay::None));
}

#[test]
fn mouse_click_focuses_and_selects_wheel_scrolls() {
    let (mut s, c) = setup();
    let list = s.layout.list.unwrap();
    // The selected article's headline is whole, so it may take more rows.
    let first = dateline::tui::list::item_height(&s, &c, 0) as u16;
    update(
        &mut s,
        &c,
        Action::Click {
            col: list.x + 2,
            row: list.y + 1 + first,
        },
    );
    assert_eq!(s.current, Some(1), "second article, below the first");
    let reader = s.layout.reader.unwrap();
    update(
        &mut s,
        &c,
        Action::Wheel {
            col: reader.x + 2,
            row: reader.y + 5,
            down: true,
        },
    );
    assert_eq!(s.reader.scroll, 3);
    update(
        &mut s,
        &c,
        Action::Click {
            col: reader.x + 2,
            row: reader.y + 5,
        },
    );
    assert_eq!(s.focus, Pane::Reader);
    let tl = s.layout.timeline.unwrap();
    update(
        &mut s,
        &c,
        Action::Click {
            col: tl.x + 2,
            row: tl.y + 4,
        },
    );
    assert_eq!(s.focus, Pane::Timeline);
    update(&mut s, &c, Action::Click { col: 0, row: 39 }); // status bar: nothing
}

#[test]
fn resize_to_small_shows_one_pane_and_tab_switches() {
    let (mut s, c) = setup();
    update(
        &mut s,
        &c,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    assert!(s.layout.single);
    assert!(s.layout.list.is_some() && s.layout.reader.is_none());
    update(&mut s, &c, Action::FocusNext);
    assert!(s.layout.reader.is_some() && s.layout.list.is_none());
    update(
        &mut s,
        &c,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert!(!s.layout.single);
}

#[test]
fn empty_corpus_survives_every_action() {
    let c = dateline::index::build(Vec::new(), Vec::new(), Vec::new());
    let mut s = AppState::new(&c, 80, 24);
    for a in all_actions() {
        update(&mut s, &c, a);
    }
}
