//! End-to-end in a real terminal (tmux): what a session carries beyond
//! itself — the config file's keys, the remembered place, `--watch`.

use crate::tmux_common::*;
use std::time::{Duration, Instant};

/// A config file in a temp `XDG_CONFIG_HOME`, for one run.
fn xdg_with(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dateline")).unwrap();
    std::fs::write(dir.path().join("dateline/config.toml"), text).unwrap();
    dir
}

#[test]
fn remapped_keys_work_in_a_real_terminal() {
    let Some(t) = Tmux::start("remap", 120, 40) else {
        return;
    };
    let xdg = xdg_with(
        "[keys.global]\nhelp = \"f1\"\nquit = \"Q\"\n[keys.help]\nescape = [\"f1\", \"esc\"]\n",
    );
    t.run_dateline(&format!("XDG_CONFIG_HOME={}", xdg.path().display()));
    // The hints in the same capture as the panes: a capture can land in
    // the middle of the first frame, before the status bar is drawn.
    t.wait_for("three panes and hints with the remapped keys", |s| {
        s.contains("3 Timeline")
            && status_line(s).contains("F1 help")
            && status_line(s).contains("Q quit")
    });
    // `?` no longer opens help: if it did, F1 would close it again.
    t.keys(&["?", "F1"]);
    // Both in one predicate: a capture can land in the middle of a frame.
    t.wait_for("help opened by F1", |s| {
        s.contains("F1 or Esc closes") && s.contains("this help")
    });
    t.keys(&["F1"]);
    t.wait_for("help closed by F1", |s| !s.contains("F1 or Esc closes"));
    // `q` no longer quits; `Q` does.
    t.keys(&["q", "2"]);
    t.wait_for("the reader focused after q", |s| {
        status_line(s).contains("Reader")
    });
    t.keys(&["Q"]);
    t.assert_restored("0");
}

#[test]
fn bad_config_is_a_clear_error_and_no_tui() {
    let Some(t) = Tmux::start("badcfg", 120, 40) else {
        return;
    };
    let xdg = xdg_with("[keys.global]\ndown = \"ctrl-foo\"\n");
    t.run_dateline(&format!("XDG_CONFIG_HOME={}", xdg.path().display()));
    let s = t.wait_for("dateline to exit", |s| s.contains("EXIT1"));
    assert!(
        s.contains("config.toml:2: down: unknown key \"ctrl-foo\""),
        "{s}"
    );
    t.assert_restored("1");
}

/// A temp folder with the first `n` seed articles as 0.txt, 1.txt...
fn seed_folder(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for (i, (_, text)) in dateline::ingest::BUNDLED_SEEDS.iter().take(n).enumerate() {
        std::fs::write(tmp.path().join(format!("{i}.txt")), text).unwrap();
    }
    tmp
}

/// The state files in the pane's state folder.
fn state_files(t: &Tmux) -> Vec<std::path::PathBuf> {
    let Ok(dir) = std::fs::read_dir(t.state.path().join("dateline")) else {
        return Vec::new();
    };
    dir.map(|e| e.unwrap().path()).collect()
}

/// Quit, reopen: the same article, reader place and focused pane. A corrupt
/// state file is a warning in the status bar and after exit, and a fresh start.
#[test]
fn place_is_restored_on_reopen_and_a_corrupt_state_file_is_a_warning() {
    let Some(t) = Tmux::start("state", 120, 40) else {
        return;
    };
    let corpus = seed_folder(5);
    let open = format!("{BIN} {}; echo \"EXIT$?\"", corpus.path().display());
    t.text(&open);
    t.keys(&["Enter"]);
    let first = t.wait_for("the TUI", |s| {
        s.contains("1 Articles") && reader_file(s).is_some()
    });
    let first_file = reader_file(&first).unwrap();
    t.keys(&["j", "j"]);
    // Both keys taken (they may be drawn one frame each).
    let s = t.wait_for("another article", |s| {
        s.contains("3/5 ") && reader_file(s).is_some_and(|f| f != first_file)
    });
    let chosen = reader_file(&s).unwrap();
    t.keys(&["3"]);
    t.wait_for("the timeline focused", |s| {
        status_line(s).starts_with(" Timeline")
    });
    t.keys(&["q"]);
    t.assert_restored("0");
    let files = state_files(&t);
    assert_eq!(files.len(), 1, "one state file: {files:?}");
    assert_eq!(
        std::fs::read_dir(corpus.path()).unwrap().count(),
        5,
        "nothing written into the corpus"
    );

    t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
    t.text(&open);
    t.keys(&["Enter"]);
    let s = t.wait_for("the TUI again", |s| {
        s.contains("1 Articles") && reader_file(s).is_some()
    });
    assert_eq!(
        reader_file(&s).as_deref(),
        Some(chosen.as_str()),
        "article restored:\n{s}"
    );
    assert!(
        status_line(&s).starts_with(" Timeline"),
        "focus restored:\n{s}"
    );
    t.keys(&["q"]);
    t.assert_restored("0");

    std::fs::write(&files[0], b"{\"version\": 1, \"corpus\": [\"trunc").unwrap();
    t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
    t.text(&open);
    t.keys(&["Enter"]);
    let s = t.wait_for("the warning in the status bar", |s| {
        status_line(s).contains("truncated; starting fresh")
    });
    assert_eq!(reader_file(&s), Some(first_file), "a fresh start:\n{s}");
    t.keys(&["q"]);
    let s = t.wait_for("the warning after exit", |s| s.contains("EXIT0"));
    assert!(
        s.contains("dateline: warning: state file") && s.contains("truncated"),
        "warning after exit:\n{s}"
    );
    t.assert_restored("0");
    let saved = std::fs::read(&files[0]).unwrap();
    assert!(
        dateline::state::parse(&saved).is_ok(),
        "replaced by a good one"
    );
}

/// `--watch`: a new file's article appears in the list, and the article that
/// was selected stays selected.
#[test]
fn watch_shows_an_added_article_and_keeps_the_selection() {
    let Some(t) = Tmux::start("watch", 120, 40) else {
        return;
    };
    let corpus = seed_folder(2);
    t.text(&format!(
        "{BIN} --watch {}; echo \"EXIT$?\"",
        corpus.path().display()
    ));
    t.keys(&["Enter"]);
    let first = t.wait_for("the TUI", |s| {
        s.contains("/2 · by date") && reader_file(s).is_some()
    });
    let first_file = reader_file(&first).unwrap();
    t.keys(&["j"]);
    let s = t.wait_for("the second article", |s| {
        reader_file(s).is_some_and(|f| f != first_file)
    });
    let chosen = reader_file(&s).unwrap();
    assert!(!s.contains("Harbour board"));

    let article = "Harbour board approves new ferry route\n\nThe harbour board approved a ferry route on Monday, officials said.\n";
    std::fs::write(corpus.path().join("2.txt"), article).unwrap();
    // Editor litter is not a reason to reload.
    std::fs::write(corpus.path().join(".2.txt.swp"), "swap").unwrap();
    let s = t.wait_for("the new article in the list", |s| {
        s.contains("Harbour board") && status_line(s).contains("reloaded: 3 articles (+1)")
    });
    assert_eq!(
        reader_file(&s).as_deref(),
        Some(chosen.as_str()),
        "selection kept:\n{s}"
    );

    std::fs::remove_file(corpus.path().join("2.txt")).unwrap();
    let s = t.wait_for("the article gone again", |s| {
        !s.contains("Harbour board") && status_line(s).contains("reloaded: 2 articles (-1)")
    });
    assert_eq!(reader_file(&s).as_deref(), Some(chosen.as_str()));
    t.keys(&["q"]);
    t.assert_restored("0");
}

/// Closing the terminal (SIGHUP, the tty gone) still saves the place.
#[test]
fn closing_the_terminal_saves_the_place() {
    let Some(t) = Tmux::start("hup", 120, 40) else {
        return;
    };
    let corpus = seed_folder(5);
    t.text(&format!("exec {BIN} {}", corpus.path().display()));
    t.keys(&["Enter"]);
    let first = t.wait_for("the TUI", |s| {
        s.contains("1 Articles") && reader_file(s).is_some()
    });
    let first_file = reader_file(&first).unwrap();
    t.keys(&["G"]);
    let s = t.wait_for("the last article", |s| {
        reader_file(s).is_some_and(|f| f != first_file)
    });
    let last_file = reader_file(&s).unwrap();
    // With the tty gone the main loop may never run again, and the signal
    // watchdog saves the last checkpoint: one is taken within two turns of
    // the main loop (250 ms each) after the keys stop.
    std::thread::sleep(Duration::from_millis(700));
    t.tmux(&["kill-server"]);
    let start = Instant::now();
    let saved = loop {
        if let Some(f) = state_files(&t).first()
            && let Ok(saved) = dateline::state::parse(&std::fs::read(f).unwrap_or_default())
        {
            break saved;
        }
        assert!(
            start.elapsed() < TIMEOUT,
            "no state file after the terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        saved
            .article
            .as_deref()
            .is_some_and(|a| a.ends_with(&last_file)),
        "saved {:?}, expected {last_file}",
        saved.article
    );
}
