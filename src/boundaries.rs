//! The parts' boundaries, checked on the source: the core (model, ingest,
//! parse, query, index, output rows and the text helpers they share) knows
//! nothing of the terminal, the TUI or the command line, and reading files
//! needs nothing from the parser that comes after it. A `use` that crosses
//! one of these lines fails here, naming the file and the line.

use std::path::{Path, PathBuf};

/// The core's files and folders, under `src/`.
const CORE: [&str; 10] = [
    "model.rs",
    "ingest.rs",
    "ingest",
    "parse",
    "query.rs",
    "index.rs",
    "output",
    "text.rs",
    "hash.rs",
    "warning.rs",
];

/// Modules of the crate the core must not name.
const NOT_FROM_CORE: [&str; 7] = ["tui", "cli", "args", "main", "progress", "state", "config"];

/// Crates only the TUI (and the CLI's progress line) may use.
const TERMINAL_CRATES: [&str; 2] = ["ratatui", "crossterm"];

/// The Rust files under `path` (itself, if it is one), without tests.
fn sources(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            sources(&p, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs")
        && !path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .ends_with("tests")
    {
        out.push(path.to_path_buf());
    }
}

/// Each line of `file` before its test module, comments dropped, with its
/// number.
fn code_lines(file: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("").to_string()))
        .collect()
}

/// Whether `line` names crate module `module` by path (`crate::tui`,
/// `super::super::cli`, a `use crate::{..., args, ...}` group).
fn names_module(line: &str, module: &str) -> bool {
    let words: Vec<&str> = line
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let by_path = words.iter().any(|w| {
        let parts: Vec<&str> = w.split("::").collect();
        let first_own = parts
            .iter()
            .position(|p| *p != "crate" && *p != "super" && *p != "self" && *p != "dateline");
        parts.len() > 1
            && matches!(parts[0], "crate" | "super" | "dateline")
            && first_own.is_some_and(|i| parts[i] == module)
    });
    let in_group = line.contains("crate::{")
        && line
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| w == module);
    by_path || in_group
}

fn violations(files: &[PathBuf], forbidden: &[&str], crates: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for f in files {
        for (n, line) in code_lines(f) {
            for m in forbidden {
                if names_module(&line, m) {
                    found.push(format!(
                        "{}:{n}: reaches crate::{m}: {}",
                        f.display(),
                        line.trim()
                    ));
                }
            }
            for c in crates {
                if line
                    .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .any(|w| w == *c)
                {
                    found.push(format!("{}:{n}: uses {c}: {}", f.display(), line.trim()));
                }
            }
        }
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_core_reaches_neither_the_tui_nor_the_cli_nor_the_terminal() {
    let mut files = Vec::new();
    for part in CORE {
        sources(&src().join(part), &mut files);
    }
    assert!(
        files.len() > 20,
        "the core's files were not found: {files:?}"
    );
    let found = violations(&files, &NOT_FROM_CORE, &TERMINAL_CRATES);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn reading_files_needs_nothing_from_the_parser() {
    let mut files = Vec::new();
    sources(&src().join("ingest.rs"), &mut files);
    sources(&src().join("ingest"), &mut files);
    let found: Vec<String> = violations(&files, &["parse"], &[])
        .into_iter()
        // Known, and the one left: HTML metadata dates are read with the
        // parser's date pattern (to move into a shared date module).
        .filter(|v| !v.contains("parse::meta::find_full_date"))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_sees_each_way_of_naming_a_module() {
    assert!(names_module("use crate::tui::app::App;", "tui"));
    assert!(names_module(
        "    let s = crate::cli::one_actor(c, n);",
        "cli"
    ));
    assert!(names_module("use super::super::tui;", "tui"));
    assert!(names_module("use crate::{model, tui};", "tui"));
    assert!(names_module("use dateline::args::Cli;", "args"));
    assert!(!names_module("use crate::model::Article;", "tui"));
    assert!(!names_module("let tui = 3; // a tui", "tui"));
    assert!(!names_module("use crate::parse::segment;", "args"));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.rs");
    std::fs::write(&f, "use crate::tui::theme;\nuse ratatui::text::Line;\n").unwrap();
    assert_eq!(violations(&[f], &NOT_FROM_CORE, &TERMINAL_CRATES).len(), 2);
}
