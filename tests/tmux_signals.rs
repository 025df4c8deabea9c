//! Signals in a real terminal (tmux): each ending signal restores the
//! terminal, saves the place and exits with 128 plus its number.

mod tmux_common;
use std::process::Command;
use std::time::{Duration, Instant};
use tmux_common::*;

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
    t.wait_for("the TUI", |s| s.contains("1 Articles") && reader_file(s).is_some());
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
    for (sig, status) in [("INT", "130"), ("HUP", "129"), ("QUIT", "131"), ("TERM", "143")] {
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
        assert!(saved.ends_with(&last), "SIG{sig}: saved {saved:?}, expected {last}");
    }
}
