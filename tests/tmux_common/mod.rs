//! The real binary in a real terminal: a tmux server per test, with keys to
//! send and a screen to poll. Shared by `tmux.rs` and `tmux_session.rs`.
#![allow(dead_code)]
use std::process::Command;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_dateline");
/// `XDG_CONFIG_HOME` for every run: an empty folder, so no user config leaks in.
pub const NO_CONFIG: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config");
pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Tmux {
    pub socket: String,
    /// The pane's `XDG_STATE_HOME`: a developer's real state never reaches
    /// a test, and a test's never reaches them.
    pub state: tempfile::TempDir,
}

impl Tmux {
    /// A detached tmux server with one `w`×`h` pane running a plain shell.
    pub fn start(name: &str, w: u16, h: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            return tmux_missing();
        }
        let socket = format!("dateline-test-{name}-{}", std::process::id());
        let t = Tmux {
            socket,
            state: tempfile::tempdir().expect("a temp dir"),
        };
        let state_home = format!("XDG_STATE_HOME={}", t.state.path().display());
        let ok = t
            .tmux(&[
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                "env",
                "-i",
                &format!("PATH={}", std::env::var("PATH").unwrap_or_default()),
                "TERM=xterm-256color",
                &format!("XDG_CONFIG_HOME={NO_CONFIG}"),
                &state_home,
                "PS1=PROMPT$ ",
                "bash",
                "--norc",
                "--noprofile",
            ])
            .status
            .success();
        assert!(ok, "tmux new-session failed");
        t.wait_for("the shell prompt", |s| s.contains("PROMPT$"));
        Some(t)
    }

    pub fn tmux(&self, args: &[&str]) -> std::process::Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-o`) or literal text.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    pub fn text(&self, s: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", s]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// The screen with its colours and attributes as escape sequences
    /// (`capture-pane -e`): where the selected row is shown reversed.
    pub fn screen_styled(&self) -> String {
        let out = self.tmux(&["capture-pane", "-p", "-e", "-t", "t"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A pane format variable (`alternate_on`, `mouse_any_flag`...).
    pub fn var(&self, name: &str) -> String {
        let out = self.tmux(&["display-message", "-p", "-t", "t", &format!("#{{{name}}}")]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Polls the screen until `pred` holds; panics with the screen after
    /// the timeout.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Runs dateline in the pane, echoing its exit status afterwards.
    pub fn run_dateline(&self, env: &str) {
        self.run_dateline_on(env, "");
    }

    /// [`Tmux::run_dateline`] with arguments (paths to open).
    pub fn run_dateline_on(&self, env: &str, args: &str) {
        self.text(&format!("{env} {BIN} {args}; echo \"EXIT$?\""));
        self.keys(&["Enter"]);
    }

    /// After dateline exits: the shell is back and the terminal is as it was.
    pub fn assert_restored(&self, exit: &str) {
        self.wait_for("dateline to exit", |s| s.contains(&format!("EXIT{exit}")));
        assert_eq!(
            self.var("alternate_on"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(self.var("mouse_any_flag"), "0", "mouse capture still on");
        assert_eq!(
            self.var("mouse_standard_flag"),
            "0",
            "mouse capture still on"
        );
        assert_eq!(self.var("cursor_flag"), "1", "cursor still hidden");
        // Raw mode off: canonical input back (grep fails -> status 1).
        self.text("stty -a | grep -q -- -icanon; echo \"COOKED$?\"");
        self.keys(&["Enter"]);
        self.wait_for("stty report", |s| s.contains("COOKED1"));
        self.text("echo \"DONE$((40+2))\"");
        self.keys(&["Enter"]);
        let s = self.wait_for("a working prompt", |s| s.contains("DONE42"));
        assert!(
            s.lines().any(|l| l.starts_with("PROMPT$")),
            "prompt intact:\n{s}"
        );
    }
}

/// tmux is not installed: a failure, unless the developer opted out with
/// `DATELINE_SKIP_TMUX=1` outside CI (then a loud note and None). Under
/// `CI` nothing skips: `test.sh` installs tmux first.
fn tmux_missing() -> Option<Tmux> {
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    let opted_out = std::env::var("DATELINE_SKIP_TMUX").is_ok_and(|v| v == "1");
    if opted_out && !ci {
        // Straight to stderr, past the test harness's capture: a skip is seen.
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "NOT RUN: a terminal test needs tmux, and DATELINE_SKIP_TMUX=1 skips it; \
             install tmux (./test.sh does) to run it"
        );
        return None;
    }
    panic!(
        "tmux is not installed: run ./test.sh (it installs tmux) or install it; \
         outside CI, DATELINE_SKIP_TMUX=1 skips the terminal tests{}",
        if ci { " (CI is set: no skipping)" } else { "" }
    );
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// What the parser currently finds in the seeds, from the CLI.
pub fn cli_json(args: &[&str]) -> serde_json::Value {
    let out = Command::new(BIN)
        .env("XDG_CONFIG_HOME", NO_CONFIG)
        .args(args)
        .output()
        .expect("run dateline");
    serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
}

/// The status bar: the last non-empty line of the screen.
pub fn status_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// The reader's title shows the file it is reading.
pub fn reader_file(s: &str) -> Option<String> {
    let i = s.find("2 Reader")?;
    let rest = &s[i..];
    let start = rest.find(" · ")? + " · ".len();
    let end = rest[start..].find(".txt")? + start + 4;
    Some(rest[start..end].to_string())
}

/// For a test that holds or fails a run through `DATELINE_TEST_*`: the
/// binary reads those only when built with the `test-hooks` feature.
pub fn require_test_hooks() {
    if !cfg!(feature = "test-hooks") {
        panic!("this test needs the binary built with --features test-hooks (./test.sh does that)");
    }
}
