//! `update` tests for every action, without a terminal, on a hand-made corpus.

use crate::tui_common::*;
use chrono::NaiveDate;
use dateline::model::Corpus;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::{AppState, HitMode, Overlay};
use dateline::tui::status::follow_label;
use dateline::tui::update::update;

fn setup() -> (AppState, Corpus) {
    let c = corpus();
    let s = AppState::new(&c, 120, 40);
    (s, c)
}

fn run(s: &mut AppState, c: &Corpus, actions: &[Action]) {
    for &a in actions {
        update(s, c, a);
    }
}

fn typed(s: &mut AppState, c: &Corpus, text: &str) {
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
fn search_is_smart_case_and_steps_across_articles() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "truce");
    update(&mut s, &c, Action::Submit);
    assert_eq!(s.hit_mode, HitMode::Search);
    let hit = s.search.as_ref().unwrap().hit.unwrap();
    assert_eq!(hit.article, 1);
    update(&mut s, &c, Action::NextHit);
    let hit2 = s.search.as_ref().unwrap().hit.unwrap();
    assert_eq!(hit2.article, 1);
    assert!(hit2.span.start > hit.span.start);
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(s.search.as_ref().unwrap().hit.unwrap(), hit);
    // Upper case makes it case-sensitive: "Truce" is nowhere.
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "Truce");
    update(&mut s, &c, Action::Submit);
    assert!(s.message.as_ref().is_some_and(|m| m.error));
    // Crossing articles: "Putin" from article 0 reaches article 1.
    update(&mut s, &c, Action::Top);
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "putin");
    update(&mut s, &c, Action::Submit);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..6 {
        seen.insert(s.search.as_ref().unwrap().hit.unwrap().article);
        update(&mut s, &c, Action::NextHit);
    }
    assert_eq!(seen.len(), 3, "matches in all three articles");
}

#[test]
fn invalid_regex_is_a_message_not_a_crash() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "(unclosed[");
    update(&mut s, &c, Action::Submit);
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.error && m.text.contains("invalid regex"))
    );
    assert!(
        matches!(s.overlay, Overlay::Prompt { .. }),
        "prompt stays open to fix it"
    );
}

#[test]
fn picker_follows_and_n_steps_across_articles() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::OpenPicker);
    let Overlay::Picker(p) = &s.overlay else {
        panic!("no picker")
    };
    assert_eq!(p.matches[0], PUTIN, "most mentioned first");
    typed(&mut s, &c, "rubi");
    let Overlay::Picker(p) = &s.overlay else {
        panic!("no picker")
    };
    assert_eq!(p.selected_actor(), Some(RUBIO));
    run(
        &mut s,
        &c,
        &[
            Action::InputClear,
            Action::Down,
            Action::Up,
            Action::PageDown,
            Action::PageUp,
        ],
    );
    typed(&mut s, &c, "putn");
    update(&mut s, &c, Action::InputBackspace);
    typed(&mut s, &c, "n");
    update(&mut s, &c, Action::Submit);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(follow_label(&s, &c).unwrap(), "Vladimir Putin 1/5");
    let mut articles = vec![s.current.unwrap()];
    for i in 2..=5 {
        update(&mut s, &c, Action::NextHit);
        assert_eq!(
            follow_label(&s, &c).unwrap(),
            format!("Vladimir Putin {i}/5")
        );
        articles.push(s.current.unwrap());
    }
    assert_eq!(articles, [0, 0, 1, 1, 2], "reading order across articles");
    let e = s.reader.doc.entities[s.reader.entity.unwrap()];
    assert_eq!(e.span.text(&c.article(2).raw), "Putin");
    update(&mut s, &c, Action::NextHit);
    assert_eq!(follow_label(&s, &c).unwrap(), "Vladimir Putin 1/5", "wraps");
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(follow_label(&s, &c).unwrap(), "Vladimir Putin 5/5");
}

#[test]
fn far_mention_scrolls_the_reader() {
    let (mut s, c) = setup();
    s.follow_actor(&c, PUTIN, Some(3));
    assert_eq!(s.current, Some(1));
    assert!(
        s.reader.scroll > 0,
        "the late mention is scrolled into view"
    );
}

#[test]
fn filter_to_followed_actor_and_escape_clears() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::ToggleFilter);
    assert!(s.filter.is_none(), "nothing followed yet");
    s.follow_actor(&c, RUBIO, None);
    update(&mut s, &c, Action::ToggleFilter);
    let f = s.filter.as_ref().unwrap();
    assert_eq!(f.articles, [0]);
    assert!(
        f.events
            .iter()
            .all(|&e| c.events[e as usize].actors.contains(&RUBIO))
    );
    assert_eq!(s.list_order(&c), [0]);
    update(&mut s, &c, Action::Escape);
    assert!(s.filter.is_none());
    update(&mut s, &c, Action::ToggleFilter);
    update(&mut s, &c, Action::ToggleFilter);
    assert!(s.filter.is_none());
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
fn escape_clears_search_and_input_outside_prompt_is_ignored() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "truce");
    update(&mut s, &c, Action::Submit);
    update(&mut s, &c, Action::Escape);
    assert!(s.search.is_none());
    run(
        &mut s,
        &c,
        &[
            Action::Input('x'),
            Action::InputBackspace,
            Action::InputClear,
            Action::Submit,
        ],
    );
    assert!(!s.quit);
}

#[test]
fn empty_corpus_survives_every_action() {
    let c = dateline::index::build(Vec::new(), Vec::new(), Vec::new());
    let mut s = AppState::new(&c, 80, 24);
    for a in all_actions() {
        update(&mut s, &c, a);
    }
}

/// The hit after the last is the first again, and the one before the first
/// is the last: `n` and `N` go round the whole list, and a pattern with one
/// hit stays on it.
#[test]
fn search_wraps_around_both_ways() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Top);
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "putin");
    update(&mut s, &c, Action::Submit);
    let hit = |s: &AppState| s.search.as_ref().unwrap().hit.unwrap();
    let first = hit(&s);
    let mut forward = vec![first];
    loop {
        update(&mut s, &c, Action::NextHit);
        if hit(&s) == first {
            break;
        }
        forward.push(hit(&s));
        assert!(forward.len() < 50, "never came back round");
    }
    assert!(forward.len() >= 4, "hits in every article: {forward:?}");
    let mut distinct = forward.clone();
    distinct.sort_by_key(|h| (h.article, h.span.start));
    distinct.dedup();
    assert_eq!(distinct.len(), forward.len(), "each hit once a round");
    // Backwards: the same hits in the opposite order, the last one first.
    let mut backward = vec![first];
    for _ in 1..forward.len() {
        update(&mut s, &c, Action::PrevHit);
        backward.push(hit(&s));
    }
    backward[1..].reverse();
    assert_eq!(backward, forward);
    update(&mut s, &c, Action::PrevHit);
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(
        hit(&s),
        *forward.last().unwrap(),
        "before the first: the last"
    );

    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "annexed");
    update(&mut s, &c, Action::Submit);
    let only = hit(&s);
    update(&mut s, &c, Action::NextHit);
    assert_eq!(hit(&s), only);
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(hit(&s), only);
    assert!(s.message.as_ref().is_none_or(|m| !m.error));
}

/// A remembered actor is found by its canonical name: exactly first, then
/// ignoring case; never by an alias or part of a name (that is how a user
/// types, not what the state file keeps).
#[test]
fn a_remembered_actor_is_found_exactly_then_ignoring_case_and_no_further() {
    use dateline::tui::session::actor_named;
    let mut c = corpus();
    assert_eq!(actor_named(&c, "Vladimir Putin"), Some(PUTIN));
    assert_eq!(actor_named(&c, "vladimir PUTIN"), Some(PUTIN));
    assert_eq!(actor_named(&c, "Putin"), None, "an alias is not the name");
    assert_eq!(actor_named(&c, "Vladimir"), None, "nor is a part of it");
    assert_eq!(actor_named(&c, ""), None);
    // Two actors told apart by case only: the exact one wins.
    let mut twin = c.actors[KREMLIN as usize].clone();
    twin.id = c.actors.len() as u32;
    twin.name = "KREMLIN".into();
    c.actors.push(twin);
    assert_eq!(actor_named(&c, "KREMLIN"), Some(c.actors.len() as u32 - 1));
    assert_eq!(actor_named(&c, "Kremlin"), Some(KREMLIN));
    assert_eq!(actor_named(&c, "kremlin"), Some(KREMLIN), "the first by id");
}
