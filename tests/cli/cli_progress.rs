//! The CLI's progress line: on a terminal it is drawn and erased; piped,
//! stderr carries nothing but warnings. `DATELINE_PROGRESS_AFTER_MS=0`
//! makes the line appear at once, so these checks do not depend on how
//! fast the machine loads.

use crate::cli_common;
use crate::cli_common::{dateline, write};
use dateline::ingest::BUNDLED_SEEDS;

/// `n` files, the seed articles over and over.
fn corpus(n: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..n {
        let (_, text) = BUNDLED_SEEDS[i % BUNDLED_SEEDS.len()];
        write(tmp.path(), &format!("{i:04}.txt"), text.as_bytes());
    }
    tmp
}

/// Runs `shell` under script(1), whose pseudo-terminal is stderr (and
/// stdout, unless redirected), with the line shown at once and no user
/// config or state. script(1) is required (util-linux; `bsdutils` on
/// Debian, which `test.sh` installs): without it the test fails.
fn under_script(shell: &str, home: &std::path::Path) -> std::process::Output {
    assert!(
        std::process::Command::new("script")
            .arg("-V")
            .output()
            .is_ok(),
        "script(1) is not installed: install bsdutils (./test.sh does)"
    );
    std::process::Command::new("script")
        .args(["-q", "-e", "-c", shell, "/dev/null"])
        .env("DATELINE_PROGRESS_AFTER_MS", "0")
        .env("XDG_CONFIG_HOME", cli_common::NO_CONFIG)
        .env("XDG_STATE_HOME", home.join("state"))
        .output()
        .unwrap()
}

#[test]
fn piped_stderr_stays_clean_for_every_loading_command() {
    let tmp = corpus(300);
    let dir = tmp.path().to_str().unwrap();
    let commands: [&[&str]; 7] = [
        &["articles", dir],
        &["articles", dir, "--json"],
        &["timeline", dir],
        &["actors", dir],
        &["mentions", "putin", dir],
        &["export", dir, "--format", "csv"],
        &["stats", dir],
    ];
    for args in commands {
        let out = dateline()
            .args(args)
            .env("DATELINE_PROGRESS_AFTER_MS", "0")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?} failed: {out:?}");
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{args:?} wrote to a piped stderr"
        );
    }
}

/// Under `script` stderr is a pseudo-terminal: the line is drawn with `\r`
/// and erased at the end, and stdout (redirected) never sees it.
#[test]
fn a_terminal_sees_the_line_drawn_and_erased() {
    let tmp = corpus(300);
    let elsewhere = tempfile::tempdir().unwrap();
    let out_file = elsewhere.path().join("out.json");
    let inner = format!(
        "{} articles {} --json > {}",
        env!("CARGO_BIN_EXE_dateline"),
        tmp.path().display(),
        out_file.display()
    );
    let out = under_script(&inner, elsewhere.path());
    assert!(out.status.success(), "{out:?}");
    let tty = String::from_utf8_lossy(&out.stdout);
    let drawn = tty.find("\r\x1b[Kdateline: ").expect("the line was drawn");
    let erased = tty.rfind("\r\x1b[K").unwrap();
    assert!(erased > drawn, "drawn after it was erased: {tty:?}");
    assert_eq!(tty[erased..].trim_end(), "\r\x1b[K", "left over: {tty:?}");
    assert!(
        tty.len() < 10_000,
        "redrawn far too often: {} bytes",
        tty.len()
    );
    let json = std::fs::read_to_string(&out_file).unwrap();
    assert!(json.starts_with('['), "stdout is only the JSON");
    assert!(!json.contains("dateline: "), "progress reached stdout");
}

/// In a terminal narrower than the line, the line is cut to fit one row: a
/// wrapped line would leave its first row behind at every redraw.
#[test]
fn a_narrow_terminal_gets_a_line_that_fits() {
    let tmp = corpus(300);
    let elsewhere = tempfile::tempdir().unwrap();
    let inner = format!(
        "stty cols 30 rows 10; {} articles {} --json > {}",
        env!("CARGO_BIN_EXE_dateline"),
        tmp.path().display(),
        elsewhere.path().join("out.json").display()
    );
    let out = under_script(&inner, elsewhere.path());
    assert!(out.status.success(), "{out:?}");
    let tty = String::from_utf8_lossy(&out.stdout);
    let drawn: Vec<&str> = tty
        .split("\r\x1b[K")
        .skip(1)
        .map(|s| s.split(['\r', '\n']).next().unwrap_or(""))
        .filter(|s| !s.is_empty())
        .collect();
    assert!(!drawn.is_empty(), "the line was drawn: {tty:?}");
    for l in drawn {
        assert!(l.chars().count() < 30, "{l:?} is wider than the terminal");
    }
}
