//! End-to-end: the real binary in a real terminal (tmux), on the bundled
//! seeds. tmux is required (`test.sh` installs it; see `tmux_common`). Each
//! test uses its own tmux socket and polls the screen with a timeout instead
//! of sleeping.

use crate::tmux_common::*;
use std::process::Command;

#[test]
fn browse_jump_follow_search_help_quit() {
    let Some(t) = Tmux::start("main", 120, 40) else {
        return;
    };
    t.run_dateline("");
    t.wait_for("three panes", |s| {
        s.contains("1 Articles") && s.contains("2 Reader") && s.contains("3 Timeline")
    });

    // Jump to a date.
    let timeline = cli_json(&["timeline", "--json"]);
    assert!(
        timeline
            .as_array()
            .is_some_and(|rows| rows.iter().any(|r| r["date"] == "2025-04-25")),
        "the seeds give an event on 2025-04-25"
    );
    t.keys(&["t"]);
    t.wait_for("the date prompt", |s| status_line(s).contains("date:"));
    t.text("2025-04-25");
    t.keys(&["Enter"]);
    t.wait_for("the timeline at 25 April", |s| {
        s.contains("Fri 25 Apr 2025")
    });

    // Follow an actor mentioned in at least two files.
    let actors = cli_json(&["actors", "--json"]);
    let actor = actors.as_array().and_then(|list| {
        let in_two = |a: &&serde_json::Value| a["files"].as_array().is_some_and(|f| f.len() >= 2);
        let mentions = |a: &&serde_json::Value| a["mentions"].as_u64().unwrap_or(0);
        list.iter()
            .filter(in_two)
            .filter(|a| a["kind"] == "person")
            .max_by_key(mentions)
            .or_else(|| list.iter().filter(in_two).max_by_key(mentions))
            .and_then(|a| a["name"].as_str().map(str::to_string))
    });
    let name = actor.expect("the seeds mention an actor in two files");
    t.keys(&["a"]);
    t.wait_for("the actor picker", |s| s.contains("Follow an actor"));
    t.text(&name);
    t.keys(&["Enter"]);
    // "Name k/N": following starts at the first mention from the current article on.
    let place = |s: &str| -> Option<(usize, usize)> {
        let rest = status_line(s).split(&format!("{name} ")).nth(1)?;
        let (k, n) = rest.split_once('/')?;
        let n: String = n.chars().take_while(char::is_ascii_digit).collect();
        Some((k.parse().ok()?, n.parse().ok()?))
    };
    let s = t.wait_for("the followed actor in the status line", |s| {
        place(s).is_some()
    });
    let (mut k, total) = place(&s).unwrap();
    let mut files = std::collections::BTreeSet::new();
    files.extend(reader_file(&s));
    for _ in 0..total.min(60) {
        t.keys(&["n"]);
        let next = k % total + 1;
        let s = t.wait_for("the next mention", |s| {
            place(s).is_some_and(|p| p.0 == next)
        });
        k = next;
        files.extend(reader_file(&s));
        if files.len() >= 2 {
            break;
        }
    }
    assert!(
        files.len() >= 2,
        "n went through mentions of {name} in only {files:?}"
    );
    println!("followed {name} through {files:?}");

    // Search.
    t.keys(&["Escape", "/"]);
    t.text("ceasefire");
    t.keys(&["Enter"]);
    t.wait_for("the search in the status line", |s| {
        status_line(s).contains("/ceasefire")
    });
    t.keys(&["n"]);
    t.wait_for("still searching", |s| status_line(s).contains("/ceasefire"));

    // Help.
    t.keys(&["?"]);
    t.wait_for("the help overlay", |s| {
        s.contains("Everywhere") && s.contains("jump to a date")
    });
    t.keys(&["Escape"]);
    t.wait_for("help closed", |s| !s.contains("Everywhere"));

    // Small terminal: one pane, Tab switches.
    t.tmux(&["resize-window", "-t", "t", "-x", "50", "-y", "14"]);
    t.wait_for("one pane", |s| status_line(s).contains("/3 "));
    t.tmux(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    t.wait_for("three panes again", |s| {
        s.contains("3 Timeline") && s.contains("1 Articles")
    });

    t.keys(&["q"]);
    t.assert_restored("0");
}

/// `dateline | cat` in a real terminal: the TUI refuses the pipe at once,
/// says why, and the terminal is untouched (no alternate screen, no raw
/// mode, no mouse capture).
#[test]
fn piped_stdout_exits_with_a_message_and_leaves_the_terminal_alone() {
    let Some(t) = Tmux::start("pipe", 80, 24) else {
        return;
    };
    t.text(&format!("{BIN} | cat; echo \"EXIT${{PIPESTATUS[0]}}\""));
    t.keys(&["Enter"]);
    let s = t.wait_for("the refusal", |s| s.contains("EXIT1"));
    assert!(s.contains("the TUI needs a terminal"), "{s}");
    assert!(!s.contains("1 Articles"), "the TUI was drawn:\n{s}");
    t.assert_restored("1");
}

#[test]
fn panic_restores_the_terminal() {
    let Some(t) = Tmux::start("panic", 100, 30) else {
        return;
    };
    require_test_hooks();
    t.run_dateline("DATELINE_TEST_PANIC=1");
    let s = t.wait_for("the panic message", |s| {
        s.contains("panicked") && s.contains("EXIT101")
    });
    assert!(
        s.contains("as asked"),
        "the panic message is readable:\n{s}"
    );
    t.assert_restored("101");
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start("term", 100, 30) else {
        return;
    };
    let pidfile = std::env::temp_dir().join(format!("dateline-tmux-{}.pid", std::process::id()));
    let _ = std::fs::remove_file(&pidfile);
    t.text(&format!(
        "sh -c 'echo $$ > {}; exec {BIN}'; echo \"EXIT$?\"",
        pidfile.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("the TUI", |s| s.contains("1 Articles"));
    let pid = std::fs::read_to_string(&pidfile).expect("pid file");
    let _ = std::fs::remove_file(&pidfile);
    let ok = Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    // 128 + 15, by convention (tmux_signals.rs has the others).
    t.assert_restored("143");
}

/// A corpus file full of escape sequences cannot clear the screen, set the
/// pane title, write the clipboard or leave the terminal broken.
#[test]
fn hostile_file_leaves_the_screen_intact() {
    let Some(t) = Tmux::start("hostile", 120, 35) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let nasty = "Evil headline \x1b]0;PWNED-TITLE\x07 with escapes\n\n\
        The minister said on Monday \x1b[2J\x1b[H that \x1b]52;c;UFdORUQ=\x07 talks with Anna Varga \u{9b}31m would \
        resume \x1b]8;;http://x.invalid\x1b\\here\x1b]8;;\x1b\\ soon \x07\x08\r\u{202e}desrever\u{202c} \u{200b}ok.\n\n\
        A second paragraph \x1bP+q696e646e\x1b\\ ends here, officials said.\n";
    std::fs::write(dir.path().join("nasty.txt"), nasty).unwrap();
    let title_before = t.var("pane_title");
    t.text(&format!("{BIN} {}; echo \"EXIT$?\"", dir.path().display()));
    t.keys(&["Enter"]);
    let s = t.wait_for("the TUI", |s| {
        s.contains("1 Articles") && s.contains("3 Timeline")
    });
    assert!(s.contains('␛'), "escapes are shown as visible text:\n{s}");
    t.keys(&["2"]);
    let s = t.wait_for("the reader focused", |s| s.contains("A second paragraph"));
    assert!(s.contains("1 Articles"), "nothing cleared the screen:\n{s}");
    assert_eq!(
        t.var("pane_title"),
        title_before,
        "OSC 0 reached the terminal"
    );
    let buffers = t.tmux(&["list-buffers"]);
    assert!(
        buffers.stdout.is_empty(),
        "OSC 52 reached the clipboard: {:?}",
        String::from_utf8_lossy(&buffers.stdout)
    );
    t.keys(&["q"]);
    t.assert_restored("0");
}

/// A TUI session over a read-only corpus reads it and writes nothing.
#[test]
fn read_only_corpus_in_a_tui_session() {
    use std::os::unix::fs::PermissionsExt;
    let Some(t) = Tmux::start("readonly", 120, 35) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ro");
    std::fs::create_dir(&dir).unwrap();
    for (i, (_, text)) in dateline::ingest::BUNDLED_SEEDS.iter().enumerate() {
        let p = dir.join(format!("{i}.txt"));
        std::fs::write(&p, text).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let snapshot = || -> Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> {
        let mut v: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let m = std::fs::metadata(&p).unwrap().modified().unwrap();
                (p.clone(), std::fs::read(&p).unwrap(), m)
            })
            .collect();
        v.sort();
        v
    };
    let before = snapshot();
    t.text(&format!("{BIN} {}; echo \"EXIT$?\"", dir.display()));
    t.keys(&["Enter"]);
    t.wait_for("the TUI", |s| s.contains("1 Articles") && s.contains("5 "));
    for k in ["j", "j", "Enter", "3", "]", "}", "/"] {
        t.keys(&[k]);
    }
    t.text("Kremlin");
    t.keys(&["Enter", "n", "a", "Escape", "r", "r", "q"]);
    t.assert_restored("0");
    assert_eq!(snapshot(), before, "the corpus was written to");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        5,
        "no file was added"
    );
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}
