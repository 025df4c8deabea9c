//! End-to-end in a real terminal (tmux): on a corpus of more than 4,000
//! files, the panes show an early part of it (here a tenth: 500 files)
//! while the full load runs, keys work on it, and the full corpus fills in keeping the place;
//! a remembered place waits for the full corpus, quitting early leaves
//! the state file as it was, and a failed full load leaves the early part
//! open.
//!
//! `DATELINE_TEST_HOLD_FULL_LOAD` holds the full load until a file exists,
//! so "before loading finishes" does not depend on the machine's speed.

use crate::tmux_common::*;
use dateline::state::{CorpusKey, SavedState, VERSION};
use std::path::{Path, PathBuf};

const FILES: usize = 5_000;

/// `FILES` tiny articles, 00000.txt to 04999.txt.
fn corpus() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..FILES {
        std::fs::write(
            tmp.path().join(format!("{i:05}.txt")),
            format!("Story number {i} of the day\n\nA short story was filed on Monday.\n"),
        )
        .unwrap();
    }
    tmp
}

/// Starts dateline on `dir` (after `flags`) with the full load held until
/// `gate` exists.
fn open_held(t: &Tmux, flags: &str, dir: &Path, gate: &Path) {
    open_held_with(t, "", flags, dir, gate);
}

/// [`open_held`] with more of the environment (`VAR=value ...`).
fn open_held_with(t: &Tmux, env: &str, flags: &str, dir: &Path, gate: &Path) {
    require_test_hooks();
    t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
    t.text(&format!(
        "{env} DATELINE_TEST_HOLD_FULL_LOAD={} {BIN} {flags} {}; echo \"EXIT$?\"",
        gate.display(),
        dir.display()
    ));
    t.keys(&["Enter"]);
}

/// The early corpus on screen, the status bar saying the rest is loading.
fn wait_early(t: &Tmux) -> String {
    t.wait_for("the early part of the corpus", |s| {
        s.contains("1 Articles")
            && s.contains("/500 ")
            && s.contains("Story number")
            && status_line(s).contains("loading: ")
            && status_line(s).contains("of 5,000 files parsed — showing 500")
    })
}

fn wait_full(t: &Tmux) -> String {
    t.wait_for("the full corpus", |s| {
        s.contains("/5000 ") && status_line(s).contains("loaded 5,000 articles")
    })
}

#[test]
fn the_list_shows_before_the_load_ends_and_the_full_corpus_fills_it_in() {
    let Some(t) = Tmux::start("fill", 120, 40) else {
        return;
    };
    let dir = corpus();
    let gates = tempfile::tempdir().unwrap();
    let gate = gates.path().join("go");
    open_held(&t, "--watch", dir.path(), &gate);
    let s = wait_early(&t);
    assert!(s.contains("1 Articles 1/500 "), "{s}");
    // `--watch` waits for the full corpus: a file added now reloads nothing
    // (and came too late for the full load's list of files).
    let story = |i: usize| format!("Story number {i} of the day\n\nA late story.\n");
    std::fs::write(dir.path().join("late-1.txt"), story(1)).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(600));
    assert!(!t.screen().contains("reload"), "{}", t.screen());
    // Keys work on the early corpus, and the loading line stays.
    t.keys(&["j"]);
    let s = t.wait_for("the second article", |s| {
        s.contains("1 Articles 2/500 ") && status_line(s).contains("showing 500")
    });
    let chosen = reader_file(&s).expect("the reader's file");
    std::fs::write(&gate, "").unwrap();
    let s = wait_full(&t);
    assert!(s.contains("1 Articles 2/5000 "), "place kept:\n{s}");
    assert_eq!(reader_file(&s), Some(chosen), "the same article:\n{s}");
    // Now watching.
    std::fs::write(dir.path().join("late-2.txt"), story(2)).unwrap();
    t.wait_for("the reload", |s| {
        status_line(s).contains("reloaded: 5,002 articles (+2)")
    });
    t.keys(&["q"]);
    t.assert_restored("0");
}

/// The state file for `dir` in the pane's state folder.
fn state_file(t: &Tmux, key: &CorpusKey) -> PathBuf {
    t.state.path().join("dateline").join(key.file_name())
}

fn saved(path: &Path) -> SavedState {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_remembered_place_waits_for_the_full_corpus_and_an_early_quit_keeps_it() {
    let Some(t) = Tmux::start("fillstate", 120, 40) else {
        return;
    };
    let dir = corpus();
    let gates = tempfile::tempdir().unwrap();
    let key = CorpusKey::for_paths(&[dir.path().to_path_buf()]);
    let id = |n: &str| key.article_id(&dir.path().join(n));
    // Reading the last file, which the early part does not have; one read
    // mark in the early part, one beyond it.
    let remembered = SavedState {
        version: VERSION,
        corpus: key.names(),
        focus: Some("reader".into()),
        article: Some(id("04999.txt")),
        read: vec![id("00010.txt"), id("03000.txt")],
        ..SavedState::default()
    };
    let file = state_file(&t, &key);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let bytes = serde_json::to_vec_pretty(&remembered).unwrap();
    std::fs::write(&file, &bytes).unwrap();

    // Quit while the full load is held (it never ends): at once, and the
    // state file untouched. The remembered article is beyond the early
    // part, so the reader is not focused on one the user did not choose.
    open_held(&t, "", dir.path(), &gates.path().join("never"));
    let s = wait_early(&t);
    assert!(
        status_line(&s).starts_with(" Articles"),
        "the list focused:\n{s}"
    );
    assert_ne!(reader_file(&s).as_deref(), Some("04999.txt"));
    t.keys(&["q"]);
    t.assert_restored("0");
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "state file intact");

    // Not moved: the full corpus opens at the remembered article.
    let gate = gates.path().join("go");
    open_held(&t, "", dir.path(), &gate);
    wait_early(&t);
    std::fs::write(&gate, "").unwrap();
    let s = wait_full(&t);
    assert_eq!(reader_file(&s).as_deref(), Some("04999.txt"), "{s}");
    t.keys(&["q"]);
    t.assert_restored("0");
    let after = saved(&file);
    assert_eq!(after.article, Some(id("04999.txt")));
    assert!(after.read.contains(&id("03000.txt")), "{:?}", after.read);

    // Moved in the early corpus: that place is kept, the read mark beyond
    // the early part still saved.
    let gate = gates.path().join("go-again");
    open_held(&t, "", dir.path(), &gate);
    let before = wait_early(&t);
    t.keys(&["1", "j"]);
    let s = t.wait_for("another article", |s| {
        reader_file(s).is_some() && reader_file(s) != reader_file(&before)
    });
    let chosen = reader_file(&s).unwrap();
    std::fs::write(&gate, "").unwrap();
    let s = wait_full(&t);
    assert_eq!(reader_file(&s), Some(chosen.clone()), "{s}");
    t.keys(&["q"]);
    t.assert_restored("0");
    let after = saved(&file);
    assert_eq!(after.article, Some(id(&chosen)));
    assert!(after.read.contains(&id("03000.txt")), "{:?}", after.read);
    assert!(after.read.contains(&id("00010.txt")), "{:?}", after.read);
}

/// The full load panics: the early corpus stays on screen and usable, the
/// status bar says why, the terminal is not disturbed, and the reason is
/// printed after exit.
#[test]
fn a_failed_full_load_keeps_the_early_corpus_and_says_so() {
    let Some(t) = Tmux::start("fillfail", 120, 40) else {
        return;
    };
    let dir = corpus();
    let gates = tempfile::tempdir().unwrap();
    let gate = gates.path().join("go");
    open_held_with(&t, "DATELINE_TEST_PANIC=loader", "", dir.path(), &gate);
    wait_early(&t);
    std::fs::write(&gate, "").unwrap();
    let s = t.wait_for("the failure in the status bar", |s| {
        status_line(s).contains("loading failed, showing the first 500 files")
    });
    assert_eq!(t.var("alternate_on"), "1", "still in the TUI:\n{s}");
    t.keys(&["1", "j"]);
    t.wait_for("the list to move", |s| s.contains("2/500 "));
    t.keys(&["q"]);
    // Non-zero: the corpus shown is not the whole one asked for.
    t.assert_restored("1");
    let after = t.screen();
    assert!(
        after.contains("loading the corpus failed: DATELINE_TEST_PANIC=loader"),
        "the reason after exit:\n{after}"
    );
}
