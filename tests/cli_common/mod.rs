//! Helpers for tests that run the real binary on files they make.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// A small, well-formed article.
pub const GOOD: &str = "Harbour board approves new ferry route\n\nThe harbour board approved a ferry route on Monday, officials said.\n";

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("binary runs")
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}
