//! Filling in, without a terminal: the loader sends an early corpus and
//! then the full one (only when there are clearly more files than the early
//! part), and swapping the full corpus in keeps the user's place — or, when
//! they have not moved, puts them where the state file says, found in the
//! full corpus — and never loses read marks the early corpus did not have.

use dateline::model::Corpus;
use dateline::parse::Progress;
use dateline::state::{CorpusKey, SavedState, VERSION};
use dateline::tui::action::{Action, Pane};
use dateline::tui::app::{AppState, Overlay};
use dateline::tui::loader::{self, Msg};
use dateline::tui::session;
use dateline::tui::update::update;
use std::path::Path;
use std::sync::atomic::Ordering;

/// A folder of `n` articles (the bundled seeds over and over) as 00.txt,
/// 01.txt..., so load order is file-name order.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dateline::ingest::BUNDLED_SEEDS;
    for i in 0..n {
        let text = seeds[i % seeds.len()].1;
        std::fs::write(dir.path().join(format!("{i:02}.txt")), text).unwrap();
    }
    dir
}

/// What the loader sends for `dir` with early parts of `partial` files.
fn messages(dir: &Path, partial: usize) -> (Vec<Msg>, Progress) {
    let progress = Progress::default();
    let mut got = Vec::new();
    loader::load(
        &[dir.to_path_buf()],
        &dateline::knowledge::Knowledge::shared_builtin(),
        &progress,
        partial,
        &mut |m| {
            got.push(m);
            true
        },
    );
    (got, progress)
}

/// The early and the full corpus of `dir`.
fn early_and_full(dir: &Path, partial: usize) -> (Corpus, Corpus) {
    let (mut got, _) = messages(dir, partial);
    assert_eq!(got.len(), 2, "an early corpus and the full one");
    match (got.remove(0), got.remove(0)) {
        (Msg::Partial(p), Msg::Full(f)) => (*p, *f),
        _ => panic!("early first, full last"),
    }
}

fn name_of(c: &Corpus, id: Option<u32>) -> String {
    let a = &c.articles[id.expect("an article selected") as usize];
    a.path.file_name().unwrap().to_string_lossy().into_owned()
}

fn id_named(c: &Corpus, name: &str) -> u32 {
    c.articles
        .iter()
        .find(|a| a.path.file_name().is_some_and(|n| n == name))
        .unwrap_or_else(|| panic!("{name} in the corpus"))
        .id
}

fn read_names(s: &AppState, c: &Corpus) -> Vec<String> {
    let mut v: Vec<String> = s.read.iter().map(|&id| name_of(c, Some(id))).collect();
    v.sort();
    v
}

/// A state file's contents for `dir`: reading `article`, these read marks.
fn remembered(key: &CorpusKey, dir: &Path, article: &str, read: &[&str]) -> SavedState {
    let id = |n: &str| key.article_id(&dir.join(n));
    SavedState {
        version: VERSION,
        corpus: key.names(),
        focus: Some("reader".into()),
        article: Some(id(article)),
        read: read.iter().map(|n| id(n)).collect(),
        ..SavedState::default()
    }
}

#[test]
fn the_early_corpus_comes_first_and_progress_counts_the_full_load() {
    let dir = folder(40);
    let (got, progress) = messages(dir.path(), 3);
    let sizes: Vec<(bool, usize)> = got
        .iter()
        .map(|m| match m {
            Msg::Partial(c) => (false, c.articles.len()),
            Msg::Full(c) => (true, c.articles.len()),
        })
        .collect();
    assert_eq!(sizes, [(false, 3), (true, 40)]);
    let Msg::Partial(early) = &got[0] else {
        unreachable!()
    };
    let mut names: Vec<String> = early
        .articles
        .iter()
        .map(|a| name_of(early, Some(a.id)))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["00.txt", "01.txt", "02.txt"],
        "the first in load order"
    );
    assert_eq!(progress.files.load(Ordering::Relaxed), 40);
    assert_eq!(
        progress.read.load(Ordering::Relaxed),
        40,
        "the full load only"
    );
    assert_eq!(
        progress.parsed.load(Ordering::Relaxed),
        40,
        "the full load only"
    );
}

#[test]
fn a_corpus_not_clearly_larger_than_the_early_part_loads_straight_to_full() {
    let dir = folder(6);
    let (got, _) = messages(dir.path(), 3);
    assert!(matches!(got.as_slice(), [Msg::Full(c)] if c.articles.len() == 6));
    let (got, _) = messages(dir.path(), 0);
    assert!(matches!(got.as_slice(), [Msg::Full(_)]), "0 turns it off");
    // At most a tenth of the files, so at most a tenth more parsing.
    let dir = folder(30);
    let (got, _) = messages(dir.path(), 5);
    assert!(matches!(got.as_slice(), [Msg::Partial(p), Msg::Full(f)]
        if p.articles.len() == 3 && f.articles.len() == 30));
    // The bundled seeds: no paths.
    let progress = Progress::default();
    let mut got = Vec::new();
    loader::load(
        &[],
        &dateline::knowledge::Knowledge::shared_builtin(),
        &progress,
        1,
        &mut |m| {
            got.push(m);
            true
        },
    );
    assert!(matches!(got.as_slice(), [Msg::Full(c)] if c.articles.len() == 5));
}

#[test]
fn nobody_listening_stops_the_loader_before_the_full_load() {
    let dir = folder(40);
    let progress = Progress::default();
    let mut sent = 0;
    loader::load(
        &[dir.path().to_path_buf()],
        &dateline::knowledge::Knowledge::shared_builtin(),
        &progress,
        3,
        &mut |_| {
            sent += 1;
            false
        },
    );
    assert_eq!(sent, 1);
    assert_eq!(progress.parsed.load(Ordering::Relaxed), 0);
}

/// Not moved: the remembered article (not in the early corpus) is found in
/// the full one, exactly as opening on the full corpus would have put it.
#[test]
fn the_remembered_place_is_restored_against_the_full_corpus() {
    let dir = folder(40);
    let key = CorpusKey::for_paths(&[dir.path().to_path_buf()]);
    let (early, full) = early_and_full(dir.path(), 3);
    let saved = remembered(&key, dir.path(), "07.txt", &["01.txt", "08.txt"]);
    let mut s = AppState::new(&early, 120, 40);
    session::restore(&mut s, &early, &key, &saved);
    assert_ne!(
        name_of(&early, s.current),
        "07.txt",
        "not in the early part"
    );
    assert_ne!(s.focus, Pane::Reader, "no reader on an article not chosen");
    assert_eq!(read_names(&s, &early), ["01.txt"]);
    // Only a resize since: still "not moved", and no article the user did
    // not open is marked read.
    update(
        &mut s,
        &early,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    assert_eq!(read_names(&s, &early), ["01.txt"]);
    let read = vec!["01.txt".to_string(), "08.txt".into()];

    let swapped = loader::swap_in(&s, &early, &full, &key, Some(&saved), false);
    assert_eq!(name_of(&full, swapped.current), "07.txt");
    assert_eq!(swapped.focus, Pane::Reader);
    assert_eq!(read_names(&swapped, &full), read);
    let mut direct = AppState::new(&full, 100, 30);
    session::restore(&mut direct, &full, &key, &saved);
    let place = |s: &AppState| SavedState {
        read: Vec::new(),
        ..session::snapshot(s, &full, &key)
    };
    assert_eq!(
        place(&swapped),
        place(&direct),
        "the place of opening on the full corpus"
    );
}

/// Help, a prompt, a resize: not moving. The remembered place still wins
/// over the early one, and the open prompt carries over. A move is moving.
#[test]
fn looking_around_is_not_moving() {
    let dir = folder(40);
    let key = CorpusKey::for_paths(&[dir.path().to_path_buf()]);
    let (early, full) = early_and_full(dir.path(), 3);
    let saved = remembered(&key, dir.path(), "07.txt", &["08.txt"]);
    let mut s = AppState::new(&early, 120, 40);
    session::restore(&mut s, &early, &key, &saved);
    let mut f = loader::Fill::new(&s, &early, &key);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let mut frame = |s: &AppState| {
        t.draw(|fr| dateline::tui::draw(fr, s, &early)).unwrap();
    };
    frame(&s);
    let resize = Action::Resize {
        width: 90,
        height: 30,
    };
    update(&mut s, &early, resize);
    f.resized(&s, &early, &key);
    frame(&s);
    f.acted = true;
    assert!(
        !f.moved(&s, &early, &key),
        "a resize re-wraps the reader but is no move"
    );
    for a in [
        Action::ToggleHelp,
        Action::Down,
        Action::Escape,
        Action::PromptDate,
        Action::Input('2'),
        Action::Input('0'),
    ] {
        update(&mut s, &early, a);
        frame(&s);
        assert!(!f.moved(&s, &early, &key), "after {a:?}");
    }
    let swapped = loader::swap_in(&s, &early, &full, &key, Some(&saved), false);
    assert_eq!(name_of(&full, swapped.current), "07.txt");
    assert!(
        matches!(&swapped.overlay, Overlay::Prompt { input, .. } if input == "20"),
        "{:?}",
        swapped.overlay
    );
    for a in [Action::Escape, Action::Focus(Pane::List), Action::Down] {
        update(&mut s, &early, a);
    }
    frame(&s);
    assert!(f.moved(&s, &early, &key), "a move");
}

/// Moved: the place the user went to in the early corpus is kept, and the
/// state file's read marks of articles the early corpus lacked survive.
#[test]
fn a_place_chosen_in_the_early_corpus_is_kept_and_no_read_mark_lost() {
    let dir = folder(40);
    let key = CorpusKey::for_paths(&[dir.path().to_path_buf()]);
    let (early, full) = early_and_full(dir.path(), 3);
    let saved = remembered(&key, dir.path(), "07.txt", &["08.txt"]);
    let mut s = AppState::new(&early, 120, 40);
    session::restore(&mut s, &early, &key, &saved);
    let target = id_named(&early, "02.txt");
    for a in [Action::Focus(Pane::List), Action::Top] {
        update(&mut s, &early, a);
    }
    for _ in 0..3 {
        if s.current != Some(target) {
            update(&mut s, &early, Action::Down);
        }
    }
    assert_eq!(s.current, Some(target));
    // Opened (read), then on to the one before it in the list.
    for a in [Action::Activate, Action::Focus(Pane::List), Action::Up] {
        update(&mut s, &early, a);
    }
    let chosen = name_of(&early, s.current);
    let read_early = read_names(&s, &early);
    assert!(read_early.contains(&"02.txt".to_string()));

    let swapped = loader::swap_in(&s, &early, &full, &key, Some(&saved), true);
    assert_eq!(name_of(&full, swapped.current), chosen, "the user's place");
    assert_eq!(swapped.focus, s.focus);
    let read = read_names(&swapped, &full);
    for name in read_early.iter().map(String::as_str).chain(["08.txt"]) {
        assert!(
            read.iter().any(|r| r == name),
            "{name} still read: {read:?}"
        );
    }
    // And what would be saved from it now has them all.
    let out = session::snapshot(&swapped, &full, &key);
    assert!(
        out.read
            .contains(&key.article_id(&dir.path().join("08.txt")))
    );
}

/// Quitting (or a signal) before the full corpus is in saves what the
/// state file had plus what was done since: no read mark is lost, and the
/// remembered place stays unless the user moved.
#[test]
fn what_is_saved_during_the_load_keeps_every_read_mark() {
    let dir = folder(40);
    let key = CorpusKey::for_paths(&[dir.path().to_path_buf()]);
    let (early, _full) = early_and_full(dir.path(), 3);
    let saved = remembered(&key, dir.path(), "07.txt", &["01.txt", "08.txt"]);
    let mut s = AppState::new(&early, 120, 40);
    session::restore(&mut s, &early, &key, &saved);
    let mut f = loader::Fill::new(&s, &early, &key);
    let id = |n: &str| key.article_id(&dir.path().join(n));

    // Nothing done: the state file's place and marks, as they were.
    assert_eq!(f.to_save(&s, &early, &key, Some(&saved)), saved);

    // An article opened in the early corpus: read, added to the old marks.
    for a in [Action::Focus(Pane::List), Action::Top, Action::Activate] {
        update(&mut s, &early, a);
    }
    f.acted = true;
    let opened = id(&name_of(&early, s.current));
    let out = f.to_save(&s, &early, &key, Some(&saved));
    for want in [&opened, &id("01.txt"), &id("08.txt")] {
        assert!(out.read.contains(want), "{want} in {:?}", out.read);
    }
    assert!(out.read.is_sorted());
    assert_eq!(
        out.article,
        Some(id(&name_of(&early, s.current))),
        "moved: the new place"
    );
}

#[test]
fn the_status_bar_says_how_far_the_full_load_has_got() {
    let p = Progress::default();
    p.files.store(100_000, Ordering::Relaxed);
    p.read.store(45_200, Ordering::Relaxed);
    p.parsed.store(45_120, Ordering::Relaxed);
    assert_eq!(
        loader::status_text(&p, 2_000),
        "loading: 45,120 of 100,000 files parsed — showing 2,000"
    );
    p.indexing.store(true, Ordering::Relaxed);
    assert_eq!(
        loader::status_text(&p, 2_000),
        "loading: 100,000 files parsed, indexing — showing 2,000"
    );
    assert_eq!(loader::done_text(100_000), "loaded 100,000 articles");
    assert_eq!(loader::done_text(1), "loaded 1 article");
}

/// The loading text is drawn in the status bar, after any message.
#[test]
fn the_loading_text_is_in_the_status_bar() {
    let dir = folder(40);
    let (early, _) = early_and_full(dir.path(), 3);
    let mut s = AppState::new(&early, 120, 30);
    s.loading = Some("loading: 4 of 9 files parsed — showing 3".into());
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    t.draw(|f| dateline::tui::draw(f, &s, &early)).unwrap();
    let last: String = {
        let buf = t.backend().buffer();
        (0..120)
            .map(|x| buf[(x, 29)].symbol().to_string())
            .collect()
    };
    assert!(
        last.contains("loading: 4 of 9 files parsed — showing 3"),
        "{last}"
    );
}
