//! Signals in a real terminal (tmux): each ending signal restores the
//! terminal, saves the place and exits with 128 plus its number.

use crate::tmux_common::*;
use std::process::Command;
use std::time::{Duration, Instant};

/// A temp folder with the first `n` seed articles as 0.txt, 1.txt...
fn seed_folder(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for (i, (_, text)) in dateline::ingest::BUNDLED_SEEDS.iter().take(n).enumerate() {
        std::fs::write(tmp.path().join(format!("{i}.txt")), text).unwrap();
    }
    tmp
}

/// Starts dateline on `dir` in the pane; returns the file its pid goes to.
fn start(t: &Tmux, dir: &std::path::Path, env: &str) -> std::path::PathBuf {
    let pidfile = t.state.path().join("pid");
    let _ = std::fs::remove_file(&pidfile);
    t.text(&format!(
        "sh -c 'echo $$ > {}; exec env {env} {BIN} {}'; echo \"EXIT$?\"",
        pidfile.display(),
        dir.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("the TUI", |s| {
        s.contains("1 Articles") && reader_file(s).is_some()
    });
    pidfile
}

fn send(pidfile: &std::path::Path, sig: &str) {
    let pid = std::fs::read_to_string(pidfile).expect("pid file");
    let ok = Command::new("kill")
        .args([&format!("-{sig}"), pid.trim()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -{sig}");
}

/// The article the state file remembers, once there is one.
fn saved_article(t: &Tmux) -> Option<String> {
    let dir = std::fs::read_dir(t.state.path().join("dateline")).ok()?;
    for e in dir.flatten() {
        if let Ok(s) = dateline::state::parse(&std::fs::read(e.path()).unwrap_or_default()) {
            return s.article;
        }
    }
    None
}

#[test]
fn each_ending_signal_saves_restores_and_exits_with_128_plus_its_number() {
    let Some(t) = Tmux::start("sigs", 120, 40) else {
        return;
    };
    let corpus = seed_folder(5);
    for (sig, status) in [
        ("INT", "130"),
        ("HUP", "129"),
        ("QUIT", "131"),
        ("TERM", "143"),
    ] {
        let _ = std::fs::remove_dir_all(t.state.path().join("dateline"));
        t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
        let pidfile = start(&t, corpus.path(), "");
        t.keys(&["G"]);
        let s = t.wait_for("the last article", |s| s.contains("5/5 "));
        let last = reader_file(&s).unwrap();
        send(&pidfile, sig);
        t.assert_restored(status);
        let start = Instant::now();
        while saved_article(&t).is_none() && start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(50));
        }
        let saved = saved_article(&t).unwrap_or_default();
        assert!(
            saved.ends_with(&last),
            "SIG{sig}: saved {saved:?}, expected {last}"
        );
    }
}

/// The guardian's child: the process that runs the TUI.
fn child_of(pidfile: &std::path::Path) -> String {
    let pid = std::fs::read_to_string(pidfile).expect("pid file");
    let start = Instant::now();
    loop {
        let out = Command::new("pgrep")
            .args(["-P", pid.trim()])
            .output()
            .unwrap();
        let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !child.is_empty() {
            return child;
        }
        assert!(start.elapsed() < TIMEOUT, "no child of the guardian");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// SIGKILL leaves no chance to clean up: the guardian restores the pane,
/// says why, and the place saved periodically is there.
#[test]
fn a_tui_killed_outright_leaves_the_terminal_restored_and_the_place_saved() {
    let Some(t) = Tmux::start("kill9", 120, 40) else {
        return;
    };
    let corpus = seed_folder(5);
    let pidfile = start(&t, corpus.path(), "");
    t.keys(&["G"]);
    let s = t.wait_for("the last article", |s| s.contains("5/5 "));
    let last = reader_file(&s).unwrap();
    // The periodic save comes within SAVE_EVERY of the move.
    let start = Instant::now();
    while !saved_article(&t).is_some_and(|a| a.ends_with(&last)) {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no periodic save"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let ok = Command::new("kill")
        .args(["-KILL", &child_of(&pidfile)])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    t.assert_restored("137");
    assert!(t.screen().contains("ended by SIGKILL"), "{}", t.screen());
}

/// Ctrl-Z suspends (terminal restored, the shell's prompt back), `fg`
/// redraws and keys work; SIGTSTP from outside does the same.
#[test]
fn ctrl_z_and_sigtstp_suspend_and_fg_resumes() {
    let Some(t) = Tmux::start("tstp", 120, 40) else {
        return;
    };
    let corpus = seed_folder(5);
    let pidfile = t.state.path().join("pid");
    t.text(&format!(
        "sh -c 'echo $$ > {}; exec {BIN} {}'",
        pidfile.display(),
        corpus.path().display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("the TUI", |s| {
        s.contains("1 Articles") && s.contains("1/5 ")
    });
    for how in ["C-z", "SIGTSTP"] {
        if how == "C-z" {
            t.keys(&["C-z"]);
        } else {
            send(&pidfile, "TSTP");
        }
        t.wait_for("the job stopped", |s| s.contains("Stopped"));
        assert_eq!(t.var("alternate_on"), "0", "{how}: alternate screen left");
        assert_eq!(t.var("cursor_flag"), "1", "{how}: cursor shown");
        t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
        t.wait_for("the cleared prompt", |s| !s.contains("Stopped"));
        t.text("fg");
        t.keys(&["Enter"]);
        let before = t.wait_for("the TUI redrawn", |s| s.contains("1 Articles"));
        assert_eq!(t.var("alternate_on"), "1", "{how}: back in the TUI");
        let at = if before.contains("1/5 ") {
            "2/5 "
        } else {
            "3/5 "
        };
        t.keys(&["1", "j"]);
        t.wait_for("a key to work", |s| s.contains(at));
    }
    t.keys(&["q"]);
    // Typed only once the shell has the terminal back: keys typed while the
    // TUI is leaving raw mode can be dropped with its unread input.
    t.wait_for("the shell's prompt", |s| {
        s.lines().filter(|l| l.trim_end() == "PROMPT$").count() >= 1
    });
    t.text("echo \"EXIT$?\"");
    t.keys(&["Enter"]);
    t.assert_restored("0");
}

/// Input never stalls: 6 KB arriving at once (a paste, bracketed or not —
/// a terminal without bracketed paste, a wheel flick) is all read, and the
/// Esc and `q` behind it quit within a second.
#[test]
fn a_6_kb_burst_then_esc_and_q_exits_within_a_second() {
    let Some(t) = Tmux::start("paste", 120, 40) else {
        return;
    };
    let text: String = "jk".repeat(3 * 1024);
    let buffer = t.state.path().join("paste.txt");
    std::fs::write(&buffer, &text).unwrap();
    for bracketed in [true, false] {
        t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
        t.run_dateline("");
        t.wait_for("the TUI", |s| {
            s.contains("1 Articles") && s.contains("1/5 ")
        });
        let sent = Instant::now();
        if bracketed {
            t.tmux(&["load-buffer", buffer.to_str().unwrap()]);
            t.tmux(&["paste-buffer", "-p", "-t", "t"]);
        } else {
            t.text(&text);
        }
        t.keys(&["Escape", "q"]);
        t.wait_for("dateline to exit", |s| s.contains("EXIT0"));
        assert!(
            sent.elapsed() < Duration::from_secs(1),
            "bracketed {bracketed}: {:?}",
            sent.elapsed()
        );
        t.assert_restored("0");
    }
}
