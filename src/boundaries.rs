//! The parts' boundaries. The compiler keeps the first: `dateline-core`
//! (crates/core) depends on no terminal crate and on neither the TUI nor
//! this crate, and the TUI (crates/tui) cannot name the command line; a
//! test here fails if a manifest adds such a dependency. The rest are
//! checked on the source: inside the core, the parser and model know
//! nothing of the user's files (config, state); reading files needs nothing
//! from the parser that comes after it; the commands never name the TUI; no
//! two modules import each other. A `use` that crosses one of these lines
//! fails here, naming the file and the line.

use std::path::{Path, PathBuf};

/// The core's files and folders that know nothing of the user's files,
/// under `crates/core/src/` (all but `config`, `state` and `stats`).
const CORE: [&str; 13] = [
    "load.rs",
    "model.rs",
    "date_text.rs",
    "model",
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

/// Modules the core's parser and model must not name (the first five
/// cannot compile in the core crate; the check still names them).
const NOT_FROM_CORE: [&str; 7] = ["tui", "cli", "args", "main", "progress", "state", "config"];

/// Crates only the TUI (and the CLI's progress line) may use.
const TERMINAL_CRATES: [&str; 2] = ["ratatui", "crossterm"];

/// The Rust files under `path` (itself, if it is one), without tests.
fn sources(path: &Path, out: &mut Vec<PathBuf>) {
    rust_files(path, false, out);
}

/// The Rust files under `path` (itself, if it is one), in name order;
/// test files (`tests.rs`, `*_tests.rs`) only if `tests`.
fn rust_files(path: &Path, tests: bool, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            rust_files(&p, tests, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs")
        && (tests
            || !path
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .ends_with("tests"))
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

/// The command line's sources (this crate).
fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The core crate's sources.
fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src")
}

/// The TUI crate's sources.
fn tui_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/tui/src")
}

/// The package names in the `[dependencies]` table of a crate's manifest.
fn dependencies(manifest: &str) -> Vec<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(manifest)).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    doc.get("dependencies")
        .and_then(|d| d.as_table())
        .map(|t| t.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn the_core_crate_depends_on_no_terminal_crate_nor_the_tui_nor_the_cli() {
    let core = dependencies("crates/core/Cargo.toml");
    assert!(
        core.iter().any(|d| d == "regex"),
        "read the wrong table: {core:?}"
    );
    for forbidden in ["ratatui", "crossterm", "dateline-tui", "dateline"] {
        assert!(
            !core.iter().any(|d| d == forbidden),
            "dateline-core depends on {forbidden}"
        );
    }
    let tui = dependencies("crates/tui/Cargo.toml");
    assert!(tui.iter().any(|d| d == "dateline-core"), "{tui:?}");
    assert!(
        !tui.iter().any(|d| d == "dateline"),
        "the TUI depends on the command line"
    );
}

#[test]
fn the_core_reaches_neither_the_tui_nor_the_cli_nor_the_terminal() {
    let mut files = Vec::new();
    for part in CORE {
        sources(&core_src().join(part), &mut files);
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
    sources(&core_src().join("ingest.rs"), &mut files);
    sources(&core_src().join("ingest"), &mut files);
    let found = violations(&files, &["parse"], &[]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_cli_and_the_tui_share_the_core_and_never_each_other() {
    // The commands (and their flags) run with no TUI: a TUI setting can
    // break neither. Only `main` starts the TUI.
    let mut commands = Vec::new();
    sources(&src().join("cli.rs"), &mut commands);
    sources(&src().join("args.rs"), &mut commands);
    let mut found = violations(&commands, &["tui"], &TERMINAL_CRATES);
    // The TUI takes nothing from the command line's code (its number
    // formatting, its progress line, its flags).
    let mut tui = Vec::new();
    sources(&tui_src(), &mut tui);
    assert!(tui.len() > 20, "the TUI's files were not found");
    found.extend(violations(&tui, &["cli", "args", "main", "progress"], &[]));
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

/// How many `super::` lead from `file` back to folder `dir`, whose modules
/// are siblings: `dir/x.rs` and `dir/x/mod.rs` are one level down,
/// `dir/x/y.rs` two.
fn depth_below(dir: &Path, file: &Path) -> usize {
    let rel = file.strip_prefix(dir).unwrap_or(file);
    let parts = rel.components().count();
    if rel.file_name().is_some_and(|n| n == "mod.rs") {
        parts - 1
    } else {
        parts
    }
}

/// The sibling modules each module of folder `dir` (crate path `path`, e.g.
/// `crate::tui`) names: `super::x` (as many `super::` as lead back to
/// `dir`), `crate::tui::x` and groups `super::{x, y}`. A module is `x.rs`
/// with its folder `x/` if any.
fn sibling_edges(dir: &Path, path: &str) -> Vec<(String, Vec<String>)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(stem)
        })
        .filter(|n| n != "mod" && n != "lib" && n != "main" && !n.ends_with("tests"))
        .collect();
    names.sort();
    names.dedup();
    let absolute = [
        format!("{path}::"),
        path.replacen("crate", "dateline", 1) + "::",
    ];
    names
        .iter()
        .map(|n| {
            let mut files = Vec::new();
            if dir.join(format!("{n}.rs")).is_file() {
                sources(&dir.join(format!("{n}.rs")), &mut files);
            }
            if dir.join(n).is_dir() {
                sources(&dir.join(n), &mut files);
            }
            let mut out: Vec<String> = Vec::new();
            for f in &files {
                // From `x/y.rs`, `super::` is `x` itself and only
                // `super::super::` reaches `x`'s siblings.
                let mut prefixes = absolute.to_vec();
                prefixes.push("super::".repeat(depth_below(dir, f)));
                for (_, line) in code_lines(f) {
                    for p in &prefixes {
                        for (i, _) in line.match_indices(p.as_str()) {
                            if i > 0
                                && line[..i].ends_with(|c: char| {
                                    c.is_alphanumeric() || c == '_' || c == ':'
                                })
                            {
                                continue;
                            }
                            let rest = &line[i + p.len()..];
                            let named: Vec<&str> = if let Some(g) = rest.strip_prefix('{') {
                                g.split('}').next().unwrap_or("").split(',').collect()
                            } else {
                                vec![rest]
                            };
                            for w in named {
                                let w: String = w
                                    .trim()
                                    .chars()
                                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                                    .collect();
                                if &w != n && names.contains(&w) && !out.contains(&w) {
                                    out.push(w);
                                }
                            }
                        }
                    }
                }
            }
            (n.clone(), out)
        })
        .collect()
}

/// The groups of modules that reach each other through their imports (the
/// strongly connected parts of the graph with more than one module), each
/// sorted, in the order of their first module.
fn cycles(edges: &[(String, Vec<String>)]) -> Vec<Vec<String>> {
    let n = edges.len();
    let index = |m: &str| edges.iter().position(|(e, _)| e == m);
    let mut reach = vec![vec![false; n]; n];
    for (i, (_, to)) in edges.iter().enumerate() {
        for t in to {
            if let Some(j) = index(t) {
                reach[i][j] = true;
            }
        }
    }
    // Warshall: after step k, paths through modules 0..=k are known.
    for k in 0..n {
        let via = reach[k].clone();
        for row in reach.iter_mut() {
            if row[k] {
                for (r, v) in row.iter_mut().zip(&via) {
                    *r |= *v;
                }
            }
        }
    }
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for i in 0..n {
        if seen[i] {
            continue;
        }
        let group: Vec<usize> = (0..n)
            .filter(|&j| j == i || reach[i][j] && reach[j][i])
            .collect();
        if group.len() > 1 {
            let mut names: Vec<String> = group.iter().map(|&j| edges[j].0.clone()).collect();
            names.sort();
            out.push(names);
        }
        for j in group {
            seen[j] = true;
        }
    }
    out
}

/// Cycles known and still to break, as data: a new cycle, a known one that
/// takes in another module, or one that is broken but still listed here
/// fails the test (so the list stays the list of what is left).
const KNOWN_CYCLES: [(&str, &[&str]); 0] = [];

/// Every folder under `src/` with its crate path (`src/parse/dates` is
/// `crate::parse::dates`), the crate itself first.
fn module_folders(dir: &Path, path: &str, out: &mut Vec<(PathBuf, String)>) {
    out.push((dir.to_path_buf(), path.to_string()));
    let mut subs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    subs.sort();
    for sub in subs {
        let name = sub.file_name().unwrap().to_string_lossy().into_owned();
        module_folders(&sub, &format!("{path}::{name}"), out);
    }
}

/// One test-file convention: tests too long to sit in their file are
/// `mod tests;` in `<module>/tests.rs`, where Rust looks for them, never a
/// file put elsewhere by a path attribute.
#[test]
fn tests_out_of_their_file_live_in_the_modules_folder_as_tests_rs() {
    let mut files = Vec::new();
    for dir in [src(), core_src(), tui_src()] {
        rust_files(&dir, true, &mut files);
    }
    let attribute = concat!("#[", "path");
    let mut found: Vec<String> = files
        .iter()
        .filter(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy();
            stem.ends_with("_tests") || std::fs::read_to_string(f).unwrap().contains(attribute)
        })
        .map(|f| f.display().to_string())
        .collect();
    found.sort();
    assert!(
        found.is_empty(),
        "move these to <module>/tests.rs: {found:?}"
    );
}

#[test]
fn no_import_cycle_between_modules() {
    // Each crate's folders, with crate paths as that crate names them.
    let mut folders = Vec::new();
    for dir in [src(), core_src(), tui_src()] {
        module_folders(&dir, "crate", &mut folders);
    }
    for (must, dir) in [
        ("crate::parse::dates", core_src().join("parse/dates")),
        (
            "crate::parse::actors::names",
            core_src().join("parse/actors/names"),
        ),
        ("crate", tui_src()),
    ] {
        assert!(
            folders.iter().any(|(d, p)| p == must && *d == dir),
            "{must} was not walked: {folders:?}"
        );
    }
    let mut found = Vec::new();
    let mut still_there = Vec::new();
    for (dir, path) in &folders {
        let edges = sibling_edges(dir, path);
        for c in cycles(&edges) {
            let known = KNOWN_CYCLES
                .iter()
                .find(|(p, k)| p == path && c.iter().all(|m| k.contains(&m.as_str())));
            match known {
                Some(k) => still_there.push(k),
                None => found.push(format!("{path}: {}", c.join(" <-> "))),
            }
        }
    }
    assert!(found.is_empty(), "import cycles:\n{}", found.join("\n"));
    for k in &KNOWN_CYCLES {
        assert!(
            still_there.contains(&k),
            "{k:?} is broken: take it out of KNOWN_CYCLES"
        );
    }
}

#[test]
fn a_nested_file_reaches_its_folders_siblings_through_super_super() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("find")).unwrap();
    // `find/inner.rs`'s one `super::` is `find`'s own `years`, not the sibling.
    std::fs::write(d.join("find/mod.rs"), "mod inner;\nmod years;\n").unwrap();
    std::fs::write(
        d.join("find/inner.rs"),
        "use super::years::Year;\nuse super::super::period;\n",
    )
    .unwrap();
    std::fs::write(d.join("years.rs"), "use crate::x::period::Span;\n").unwrap();
    std::fs::write(d.join("period.rs"), "use super::{find, years};\n").unwrap();
    let edges = sibling_edges(d, "crate::x");
    let of = |m: &str| edges.iter().find(|(n, _)| n == m).unwrap().1.clone();
    assert_eq!(of("find"), ["period"]);
    assert_eq!(of("years"), ["period"]);
    assert_eq!(of("period"), ["find", "years"]);
    assert_eq!(
        cycles(&edges),
        vec![vec![
            "find".to_string(),
            "period".to_string(),
            "years".to_string()
        ]]
    );
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let e = |a: &str, to: &[&str]| (a.to_string(), to.iter().map(|s| s.to_string()).collect());
    let edges = vec![
        e("app", &["update"]),
        e("update", &["nav", "app"]),
        e("nav", &[]),
    ];
    assert_eq!(
        cycles(&edges),
        vec![vec!["app".to_string(), "update".to_string()]]
    );
    assert!(cycles(&[e("a", &["b"]), e("b", &[])]).is_empty());
}
