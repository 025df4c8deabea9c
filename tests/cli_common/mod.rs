//! Helpers for tests that run the real binary on files they make.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// A small, well-formed article.
pub const GOOD: &str = "Harbour board approves new ferry route\n\nThe harbour board approved a ferry route on Monday, officials said.\n";

/// A config folder with nothing in it: `XDG_CONFIG_HOME` for every run of
/// the binary, so the developer's own config never leaks into a test.
pub const NO_CONFIG: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config");

/// The binary, isolated from any user config file and with its state folder
/// pointed away from the developer's real one (the CLI keeps no state, so
/// the folder stays empty).
pub fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env("XDG_CONFIG_HOME", NO_CONFIG);
    c.env(
        "XDG_STATE_HOME",
        std::env::temp_dir().join(format!("dateline-test-state-{}", std::process::id())),
    );
    c
}

pub fn run(args: &[&str]) -> Output {
    dateline().args(args).output().expect("binary runs")
}

/// The JSON a successful run prints (the run's errors shown if it fails).
pub fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}
