//! A news reader's habits through `update` on the hand-made corpus:
//! unfollowing (Esc, the picker's row), the next / previous unread article,
//! the corpus-wide search count and its list, panes by h/l and ←/→, Ctrl-f /
//! Ctrl-b, `y` and `o` as requests, the picker as tall as the screen.

use crate::tui_common::*;
use dateline::model::Corpus;
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::{AppState, Overlay, Request};
use dateline::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn setup() -> (AppState, Corpus) {
    let c = corpus();
    let s = AppState::new(&c, 120, 40);
    (s, c)
}

fn typed(s: &mut AppState, c: &Corpus, text: &str) {
    for ch in text.chars() {
        update(s, c, Action::Input(ch));
    }
}

fn key(s: &mut AppState, c: &Corpus, code: KeyCode, mods: KeyModifiers) {
    dateline::tui::handle_event(s, c, &Event::Key(KeyEvent::new(code, mods)));
}

fn message(s: &AppState) -> String {
    s.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn escape_unfollows_after_the_filter_and_the_search() {
    let (mut s, c) = setup();
    s.follow_actor(&c, RUBIO, None);
    update(&mut s, &c, Action::ToggleFilter);
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "truce");
    update(&mut s, &c, Action::Submit);
    assert!(s.search.is_some() && s.filter.is_some() && s.follow.is_some());
    update(&mut s, &c, Action::Escape);
    assert!(s.filter.is_none() && s.search.is_some() && s.follow.is_some());
    update(&mut s, &c, Action::Escape);
    assert!(s.search.is_none() && s.follow.is_some());
    update(&mut s, &c, Action::Escape);
    assert!(s.follow.is_none(), "the third Esc unfollows");
    assert_eq!(message(&s), "stopped following Marco Rubio");
    update(&mut s, &c, Action::NextHit);
    assert!(
        message(&s).starts_with("nothing to step through"),
        "{}",
        message(&s)
    );
}

#[test]
fn the_picker_offers_to_stop_following() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::OpenPicker);
    let Overlay::Picker(p) = &s.overlay else {
        panic!("no picker")
    };
    assert!(!p.unfollow_row(), "nothing followed: no such row");
    update(&mut s, &c, Action::Escape);
    s.follow_actor(&c, PUTIN, None);
    update(&mut s, &c, Action::OpenPicker);
    let Overlay::Picker(p) = &s.overlay else {
        panic!("no picker")
    };
    assert!(p.unfollow_row());
    assert_eq!(
        p.selected_actor(),
        Some(PUTIN),
        "Enter still follows the first actor"
    );
    update(&mut s, &c, Action::Up);
    update(&mut s, &c, Action::Submit);
    assert!(s.follow.is_none());
    assert_eq!(message(&s), "stopped following Vladimir Putin");
    // Typing hides the row: the matches are all actors.
    s.follow_actor(&c, PUTIN, None);
    update(&mut s, &c, Action::OpenPicker);
    typed(&mut s, &c, "rub");
    update(&mut s, &c, Action::Submit);
    assert_eq!(s.follow.map(|f| f.actor), Some(RUBIO));
}

#[test]
fn the_picker_is_as_tall_as_the_screen_allows() {
    let c = corpus();
    let rows = |h: u16| dateline::tui::picker::rows_for(ratatui::layout::Rect::new(0, 0, 80, h));
    assert!(
        rows(60) > rows(24) && rows(24) > rows(12),
        "{} {} {}",
        rows(60),
        rows(24),
        rows(12)
    );
    for (w, h) in [(80, 24), (120, 60), (20, 5), (1, 1)] {
        let mut s = AppState::new(&c, w, h);
        update(&mut s, &c, Action::OpenPicker);
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| dateline::tui::draw(f, &s, &c)).unwrap();
    }
}

#[test]
fn unread_steps_in_list_order_and_wraps() {
    let (mut s, c) = setup();
    let order: Vec<u32> = s.list_order(&c).to_vec();
    assert_eq!(s.current, Some(order[0]));
    s.read.insert(order[1]);
    update(&mut s, &c, Action::NextUnread);
    assert_eq!(s.current, Some(order[2]), "the read one is passed over");
    assert_eq!(s.focus, Pane::List);
    assert_eq!(
        message(&s),
        "unread: 2 left",
        "none is read by looking at the list"
    );
    update(&mut s, &c, Action::NextUnread);
    assert_eq!(s.current, Some(order[0]), "wraps round");
    update(&mut s, &c, Action::PrevUnread);
    assert_eq!(s.current, Some(order[2]));
    update(&mut s, &c, Action::Back);
    assert_eq!(s.current, Some(order[0]), "a step is a jump");
    for id in &order {
        s.read.insert(*id);
    }
    update(&mut s, &c, Action::NextUnread);
    assert_eq!(message(&s), "no unread articles");
}

#[test]
fn the_keys_of_the_habits() {
    let (mut s, c) = setup();
    key(&mut s, &c, KeyCode::Char('l'), KeyModifiers::NONE);
    assert_eq!(s.focus, Pane::Reader);
    key(&mut s, &c, KeyCode::Right, KeyModifiers::NONE);
    assert_eq!(s.focus, Pane::Timeline);
    key(&mut s, &c, KeyCode::Left, KeyModifiers::NONE);
    key(&mut s, &c, KeyCode::Char('h'), KeyModifiers::NONE);
    assert_eq!(s.focus, Pane::List);
    update(&mut s, &c, Action::Focus(Pane::Reader));
    let id = s.current.unwrap();
    let long = c.articles.iter().max_by_key(|a| a.body.len()).unwrap().id;
    s.select_article(&c, long);
    update(&mut s, &c, Action::Top);
    key(&mut s, &c, KeyCode::Char('f'), KeyModifiers::CONTROL);
    let down = s.reader.scroll;
    assert!(down > 5, "Ctrl-f pages down: {down}");
    key(&mut s, &c, KeyCode::Char('b'), KeyModifiers::CONTROL);
    assert_eq!(s.reader.scroll, 0, "Ctrl-b pages back");
    let _ = id;
}

#[test]
fn y_asks_for_the_sentence_with_date_and_source_and_o_for_the_file() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Focus(Pane::Timeline));
    let e = &c.events[s.event_at(&c, s.timeline.cursor).unwrap()];
    update(&mut s, &c, Action::Copy);
    let Some(Request::Copy(text)) = s.requests.pop() else {
        panic!("no copy asked: {:?}", s.requests)
    };
    let a = c.article(e.article);
    let sentence = a
        .text(e.sentence)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(&sentence), "{text}");
    assert!(text.ends_with(&format!(", {}", e.date)), "{text}");
    assert!(
        text.contains(&a.source.clone().unwrap_or_else(|| a.file_name())),
        "{text}"
    );
    update(&mut s, &c, Action::OpenPager);
    update(&mut s, &c, Action::OpenEditor);
    let path = c.article(s.current.unwrap()).path.clone();
    assert_eq!(
        s.requests,
        [
            Request::Open {
                path: path.clone(),
                editor: false
            },
            Request::Open { path, editor: true }
        ]
    );
}

#[test]
fn search_counts_the_whole_corpus_and_lists_every_match() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "putin");
    update(&mut s, &c, Action::Submit);
    let search = s.search.as_ref().unwrap();
    // Bodies: 2 + 2 + 1; headlines: "Putin announces a truce".
    assert_eq!((search.total, search.articles), (6, 3));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| dateline::tui::draw(f, &s, &c)).unwrap();
    let bar = screen(&t).lines().last().unwrap_or("").to_string();
    assert!(bar.contains("of 6 in 3 articles"), "{bar}");
    update(&mut s, &c, Action::SearchResults);
    let Overlay::Results(r) = &s.overlay else {
        panic!("no list")
    };
    assert_eq!(r.rows.len(), 6);
    assert_eq!(
        r.rows.iter().filter(|m| m.in_title).count(),
        1,
        "the headline is searched"
    );
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| dateline::tui::draw(f, &s, &c)).unwrap();
    let screen = screen(&t);
    assert!(screen.contains("/putin · 6 matches"), "{screen}");
    let last = r.rows[5];
    for _ in 0..8 {
        update(&mut s, &c, Action::Down);
    }
    update(&mut s, &c, Action::Submit);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(s.current, Some(last.article));
    assert_eq!(s.focus, Pane::Reader);
}

/// `/z*` matches only empty text here: one answer, "no match", and no count.
#[test]
fn a_pattern_of_empty_matches_is_no_match_and_nothing_else() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "qx*");
    update(&mut s, &c, Action::Submit);
    assert!(s.search.is_none());
    assert_eq!(message(&s), "no match for /qx*");
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "z*");
    update(&mut s, &c, Action::Submit);
    assert!(s.search.is_none());
    assert_eq!(message(&s), "no match for /z*");
    update(&mut s, &c, Action::SearchResults);
    assert!(
        message(&s).starts_with("no search to list"),
        "{}",
        message(&s)
    );
}

/// Load warnings are counted in the status bar while the TUI runs, and `W`
/// lists them (a control character in a file name shown as its picture).
#[test]
fn warnings_are_counted_in_the_status_bar_and_listed_by_w() {
    use dateline::warning::{Warning, WarningKind};
    let mut c = corpus();
    c.warnings.push(Warning::new(
        "news/gone\u{1b}[2J.txt",
        WarningKind::NotFileOrFolder,
    ));
    c.warnings.push(Warning::new(
        "news/big.txt",
        WarningKind::Unreadable("Permission denied".into()),
    ));
    let mut s = AppState::new(&c, 80, 24);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| dateline::tui::draw(f, &s, &c)).unwrap();
    let bar = screen(&t).lines().last().unwrap_or("").to_string();
    assert!(bar.contains("2 warnings (W)"), "{bar}");
    assert!(bar.contains("? help") && bar.contains("q quit"), "{bar}");
    key(&mut s, &c, KeyCode::Char('W'), KeyModifiers::NONE);
    assert!(matches!(s.overlay, Overlay::Warnings { .. }));
    t.draw(|f| dateline::tui::draw(f, &s, &c)).unwrap();
    let text = screen(&t);
    assert!(text.contains("2 load warnings"), "{text}");
    assert!(text.contains("gone␛[2J.txt"), "{text}");
    assert!(text.contains("Permission denied"), "{text}");
    update(&mut s, &c, Action::Escape);
    assert!(matches!(s.overlay, Overlay::None));
    let clean = corpus();
    let mut s = AppState::new(&clean, 80, 24);
    key(&mut s, &clean, KeyCode::Char('W'), KeyModifiers::NONE);
    assert!(matches!(s.overlay, Overlay::None));
    assert!(message(&s).starts_with("no warnings"), "{}", message(&s));
}

/// At 80 columns help wraps a long line under itself (nothing cut) and its
/// frame says how much lies below; scrolled to the end, nothing more.
#[test]
fn help_wraps_at_80_columns_and_marks_what_is_below() {
    let c = corpus();
    let mut s = AppState::new(&c, 80, 24);
    update(&mut s, &c, Action::ToggleHelp);
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| dateline::tui::draw(f, &s, &c)).unwrap();
    let first = screen(&t);
    assert!(first.contains(" more"), "{first}");
    assert!(!first.contains("above"), "{first}");
    let mut seen = String::new();
    for _ in 0..200 {
        t.draw(|f| dateline::tui::draw(f, &s, &c)).unwrap();
        seen.push_str(&screen(&t));
        update(&mut s, &c, Action::Down);
    }
    let last = screen(&t);
    assert!(!last.contains("▼"), "the end: {last}");
    assert!(last.contains("above"), "{last}");
    // The longest description, wrapped: its last words are on screen.
    assert!(seen.contains("52)"), "{seen}");
    assert!(
        seen.contains("(OSC 52)") && seen.contains("then come"),
        "{seen}"
    );
    assert!(
        !seen.contains('…') || !seen.contains("Help ·…"),
        "no help line is cut"
    );
}
