//! The place a user is at survives a changed corpus: snapshot by identity
//! (file, byte offset, actor name), restore into a corpus where every id
//! moved because an article was inserted before the selection. This is what
//! both the state file and `--watch` rely on.

use crate::tui_common::*;
use dateline::model::{Article, Basis, Corpus};
use dateline::state::{CorpusKey, SavedState};
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::AppState;
use dateline::tui::session;
use dateline::tui::update::update;
use std::path::{Path, PathBuf};

fn key() -> CorpusKey {
    CorpusKey::for_paths(&[PathBuf::from("news")])
}

/// The fixture's three articles as news/b.txt, news/c.txt, news/d.txt,
/// after `extra` (if any), ids renumbered in that order.
fn corpus_with(extra: Option<Article>) -> Corpus {
    let base = corpus();
    let mut articles: Vec<Article> = extra.into_iter().collect();
    for (a, name) in base.articles.into_iter().zip(["b", "c", "d"]) {
        articles.push(Article {
            path: format!("news/{name}.txt").into(),
            ..a
        });
    }
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = i as u32;
    }
    dateline::index::build(articles, base.actors, Vec::new())
}

/// An article dated before all the others, mentioning Putin, so it comes
/// first in file order, in date order and in Putin's mentions.
fn newcomer() -> Article {
    let mut a = article(
        0,
        Spec {
            title: "Early news",
            paras: vec!["On April 20 Putin spoke first.".into()],
            published: Some((day(2025, 4, 20), Basis::Explicit)),
            dates: vec![("April 20", day(2025, 4, 20))],
            mentions: vec![("Putin", PUTIN)],
            teasers: vec![],
            source: None,
        },
    );
    a.path = "news/a.txt".into();
    a
}

fn run(s: &mut AppState, c: &Corpus, actions: &[Action]) {
    for &a in actions {
        update(s, c, a);
    }
}

fn path_of(c: &Corpus, id: Option<u32>) -> Option<&Path> {
    Some(c.articles.get(id? as usize)?.path.as_path())
}

/// (file, first byte of the date) of the event under the timeline cursor.
fn cursor_event(s: &AppState, c: &Corpus) -> (PathBuf, u32) {
    let e = &c.events[s.event_at(c, s.timeline.cursor).unwrap()];
    let a = &c.articles[e.article as usize];
    let start = e
        .time
        .map_or(e.sentence.start, |t| a.times[t as usize].span.start);
    (a.path.clone(), start)
}

fn followed_mention(s: &AppState, c: &Corpus) -> (String, PathBuf, u32) {
    let f = s.follow.unwrap();
    let m = c.mentions_by_actor()[f.actor as usize][f.pos.unwrap()];
    let a = &c.articles[m.article as usize];
    (
        c.actors[f.actor as usize].name.clone(),
        a.path.clone(),
        a.mentions[m.mention as usize].span.start,
    )
}

fn read_paths(s: &AppState, c: &Corpus) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = s
        .read
        .iter()
        .map(|&id| c.articles[id as usize].path.clone())
        .collect();
    v.sort();
    v
}

/// A session that has moved about: followed Putin to a mention, read the
/// first article, moved the timeline cursor (which previews its events in
/// the reader), selected the long one (c.txt) and scrolled its reader, and
/// left the focus on the timeline.
fn moved_about(c: &Corpus) -> AppState {
    let mut s = AppState::new(c, 120, 40);
    s.follow_actor(c, PUTIN, None);
    run(&mut s, c, &[Action::NextHit, Action::Focus(Pane::List)]);
    run(
        &mut s,
        c,
        &[Action::Top, Action::Activate, Action::Focus(Pane::List)],
    );
    run(
        &mut s,
        c,
        &[Action::Focus(Pane::Timeline), Action::Down, Action::Down],
    );
    run(&mut s, c, &[Action::Focus(Pane::List)]);
    let c_txt = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("c.txt"))
        .unwrap()
        .id;
    while s.current != Some(c_txt) {
        update(&mut s, c, Action::Down);
    }
    run(
        &mut s,
        c,
        &[
            Action::Focus(Pane::Reader),
            Action::PageDown,
            Action::PageDown,
        ],
    );
    run(&mut s, c, &[Action::Focus(Pane::Timeline)]);
    assert!(s.reader.scroll > 0, "the reader scrolled");
    s
}

#[test]
fn place_is_kept_when_an_article_is_inserted_before_the_selection() {
    let old = corpus_with(None);
    let new = corpus_with(Some(newcomer()));
    let s = moved_about(&old);

    // Through JSON, as the state file stores it.
    let saved = session::snapshot(&s, &old, &key());
    let json = serde_json::to_string(&saved).unwrap();
    let saved: SavedState = dateline::state::parse(json.as_bytes()).unwrap();

    let mut r = AppState::new(&new, 120, 40);
    session::restore(&mut r, &new, &key(), &saved);

    assert_ne!(r.current, s.current, "the ids did move");
    assert_eq!(path_of(&new, r.current), path_of(&old, s.current));
    assert_eq!(r.reader_top_byte(), s.reader_top_byte());
    assert!(r.reader.scroll > 0);
    assert_eq!(cursor_event(&r, &new), cursor_event(&s, &old));
    assert_eq!(followed_mention(&r, &new), followed_mention(&s, &old));
    assert_eq!(read_paths(&r, &new), read_paths(&s, &old));
    assert_eq!(r.focus, Pane::Timeline);
}

#[test]
fn reload_keeps_the_place_and_the_session_only_state() {
    let old = corpus_with(None);
    let new = corpus_with(Some(newcomer()));
    let mut s = moved_about(&old);
    run(&mut s, &old, &[Action::PromptSearch]);
    for ch in "truce".chars() {
        update(&mut s, &old, Action::Input(ch));
    }
    run(&mut s, &old, &[Action::Submit, Action::ToggleRaw]);
    let (place, event) = (
        path_of(&old, s.current).unwrap().to_owned(),
        cursor_event(&s, &old),
    );

    let r = session::reload(&s, &old, &new, &key());
    assert_eq!(path_of(&new, r.current), Some(place.as_path()));
    assert_eq!(cursor_event(&r, &new), event);
    assert!(r.reader.raw, "raw view kept");
    assert_eq!(r.search.as_ref().map(|x| x.pattern.as_str()), Some("truce"));
    assert_eq!(session::changes(&old, &new), "+1");
    assert_eq!(session::changes(&new, &old), "-1");
    assert_eq!(session::changes(&old, &old), "no change");
}

#[test]
fn what_is_gone_is_skipped_quietly() {
    let full = corpus_with(Some(newcomer()));
    let mut s = AppState::new(&full, 120, 40);
    run(&mut s, &full, &[Action::Top, Action::Activate]);
    assert_eq!(path_of(&full, s.current), Some(Path::new("news/a.txt")));
    s.follow_actor(&full, PUTIN, Some(0));
    let saved = session::snapshot(&s, &full, &key());

    // The selected article, its events and the followed mention are gone.
    let fewer = corpus_with(None);
    let mut r = AppState::new(&fewer, 120, 40);
    session::restore(&mut r, &fewer, &key(), &saved);
    assert_eq!(
        r.current,
        Some(fewer.articles_by_date[0]),
        "default selection"
    );
    assert_eq!(r.follow.map(|f| (f.actor, f.pos)), Some((PUTIN, None)));
    assert!(r.read.is_empty());

    // An empty corpus, and a state for an unknown corpus layout.
    let empty = dateline::index::build(Vec::new(), Vec::new(), Vec::new());
    let mut e = AppState::new(&empty, 120, 40);
    session::restore(&mut e, &empty, &key(), &saved);
    let odd = SavedState {
        focus: Some("sideways".into()),
        article: Some("/nowhere".into()),
        ..saved
    };
    session::restore(&mut e, &empty, &key(), &odd);
    assert_eq!(e.current, None);
    assert_eq!(e.focus, Pane::Reader, "saved focus reader");
}

/// The fixture without `name` (news/NAME.txt), ids renumbered.
fn corpus_without(name: &str) -> Corpus {
    let base = corpus_with(None);
    let mut articles: Vec<Article> = base
        .articles
        .into_iter()
        .filter(|a| a.path != Path::new(&format!("news/{name}.txt")))
        .collect();
    for (i, a) in articles.iter_mut().enumerate() {
        a.id = i as u32;
    }
    dateline::index::build(articles, base.actors, Vec::new())
}

/// `--watch` after the selected file was deleted: the selection moves to
/// its neighbour in the list (the next, or for the last one the one before),
/// not back to the top.
#[test]
fn a_removed_selected_article_gives_way_to_its_neighbour() {
    let old = corpus_with(None);
    let mut s = AppState::new(&old, 120, 40);
    if !s.sort_by_file {
        update(&mut s, &old, Action::ToggleSort);
    }
    let select = |s: &mut AppState, name: &str| {
        run(s, &old, &[Action::Focus(Pane::List), Action::Top]);
        while path_of(&old, s.current) != Some(Path::new(&format!("news/{name}.txt"))) {
            update(s, &old, Action::Down);
        }
    };
    select(&mut s, "c");
    let r = session::reload(&s, &old, &corpus_without("c"), &key());
    assert_eq!(
        path_of(&corpus_without("c"), r.current),
        Some(Path::new("news/d.txt"))
    );
    select(&mut s, "d");
    let r = session::reload(&s, &old, &corpus_without("d"), &key());
    assert_eq!(
        path_of(&corpus_without("d"), r.current),
        Some(Path::new("news/c.txt"))
    );
}

/// The list order: what the user chose with `s` is kept, until the config
/// file's `sort` changes — then the new setting wins (it did not, so
/// editing `sort` seemed to do nothing on a folder opened before).
#[test]
fn saved_order_holds_until_the_config_sort_changes() {
    let c = corpus_with(None);
    let with_sort = |file: bool| {
        let settings = dateline::tui::settings::Settings {
            sort_by_file: file,
            ..Default::default()
        };
        AppState::with_settings(&c, 120, 40, settings)
    };
    // Config "date", the user pressed s: file order, remembered.
    let mut s = with_sort(false);
    update(&mut s, &c, Action::ToggleSort);
    let saved = session::snapshot(&s, &c, &key());
    let mut r = with_sort(false);
    session::restore(&mut r, &c, &key(), &saved);
    assert!(r.sort_by_file, "the user's choice holds");

    // Config "date" then; the user never pressed s; now the config says "file".
    let saved = session::snapshot(&with_sort(false), &c, &key());
    let mut r = with_sort(true);
    session::restore(&mut r, &c, &key(), &saved);
    assert!(r.sort_by_file, "the new config wins");

    // A state file from before the config's order was kept: as it says.
    let legacy = SavedState {
        config_sort_by_file: None,
        ..saved
    };
    let json = serde_json::to_string(&legacy).unwrap();
    assert!(!json.contains("config_sort_by_file"));
    let legacy: SavedState = dateline::state::parse(json.as_bytes()).unwrap();
    let mut r = with_sort(true);
    session::restore(&mut r, &c, &key(), &legacy);
    assert!(!r.sort_by_file);
}

/// `--watch` while a file goes away for a moment (a folder moved and moved
/// back, a sync): its read mark is kept aside, saved, and back with it.
#[test]
fn a_read_mark_survives_its_file_going_away_and_coming_back() {
    let full = corpus_with(None);
    let mut s = AppState::new(&full, 120, 40);
    let c_id = full
        .articles
        .iter()
        .find(|a| a.path == Path::new("news/c.txt"))
        .unwrap()
        .id;
    s.read.insert(c_id);
    let without = corpus_without("c");
    let gone = session::reload(&s, &full, &without, &key());
    assert!(read_paths(&gone, &without).is_empty());
    let id = key().article_id(Path::new("news/c.txt"));
    assert_eq!(
        session::snapshot(&gone, &without, &key()).read,
        std::slice::from_ref(&id)
    );
    // Another reload while it is still away keeps it aside too.
    let still = session::reload(&gone, &without, &without, &key());
    assert_eq!(
        session::snapshot(&still, &without, &key()).read,
        std::slice::from_ref(&id)
    );
    let back = session::reload(&still, &without, &full, &key());
    assert_eq!(read_paths(&back, &full), [PathBuf::from("news/c.txt")]);
    assert!(back.read_elsewhere.is_empty());
    assert_eq!(session::snapshot(&back, &full, &key()).read, [id]);
}
