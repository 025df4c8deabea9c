//! The command line about itself: `--help`, `--version`, shell completions
//! and the man page, all generated from the one definition in `args.rs`;
//! and flags that only make sense for the TUI.

use crate::cli_common;
use crate::cli_common::run;

fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_has_examples_and_version_is_the_crate_version() {
    let help = stdout(&["--help"]);
    assert!(help.contains("Examples:"), "{help}");
    assert!(
        help.contains("dateline export ~/news --format ics"),
        "{help}"
    );
    assert_eq!(
        stdout(&["--version"]).trim(),
        format!("dateline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn completions_know_the_commands_and_the_values_of_options() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&["completions", shell]);
        for word in ["export", "timeline", "completions", "ics", "csv"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
        // --kind offers its three values rather than file names.
        for kind in ["person", "organisation", "place"] {
            assert!(
                script.contains(kind),
                "{shell}: --kind does not offer {kind}"
            );
        }
    }
    let out = run(&["completions", "tcsh"]);
    assert!(!out.status.success());
}

#[test]
fn kind_takes_its_other_spellings_and_refuses_the_rest() {
    for kind in ["person", "People", "org", "organization", "loc"] {
        let out = run(&["actors", "--kind", kind, "--json"]);
        assert!(out.status.success(), "{kind}: {out:?}");
    }
    let out = run(&["actors", "--kind", "animal"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("person, organisation, place"), "{err}");
}

/// One page with every command in it: no pointers to `dateline-export(1)`
/// and the like, which nothing installs.
#[test]
fn the_man_page_holds_every_command_and_the_files() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH dateline 1"), "{page}");
    assert!(!page.contains("dateline\\-export(1)"), "{page}");
    for cmd in [
        "articles", "timeline", "actors", "mentions", "export", "stats", "config",
    ] {
        assert!(
            page.contains(&format!(".SS \"dateline {cmd}\"")),
            "no {cmd}"
        );
    }
    assert!(!page.contains("tui-bench"), "a hidden command is listed");
    for section in [
        "SYNOPSIS",
        "OPTIONS",
        "COMMANDS",
        "EXAMPLES",
        "FILES",
        "ENVIRONMENT",
    ] {
        assert!(page.contains(&format!(".SH {section}\n")), "no {section}");
    }
    assert!(page.contains("config.toml") && page.contains("NO_COLOR"));
    // The roff preamble once, at the top.
    assert_eq!(page.matches(".ds Aq").count(), 2, "{page}");
    // It renders with man(1) (`man-db`, which test.sh installs).
    let mut man = std::process::Command::new("man")
        .args(["--warnings", "-l", "-"])
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("man(1) is not installed: install man-db (./test.sh does)");
    use std::io::Write;
    man.stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = man.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("dateline export"), "{text}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "man warns");
}

#[test]
fn watch_with_a_command_is_an_error_not_ignored() {
    let out = run(&["--watch", "articles"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--watch is for the TUI"), "{err}");
}

/// A command reads the sort order and the corpus from the config file, not
/// the TUI's keys: a `[keys]` table the TUI refuses stops neither, while
/// `dateline config` still says what is wrong with it.
#[test]
fn commands_run_with_a_keys_table_the_tui_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let a = cli_common::write(
        dir.path(),
        "a.txt",
        b"Zebra crossing repainted\n\nPublished 2025-05-02\n\nThe council repainted the crossing on 3 May 2025.\n",
    );
    let b = cli_common::write(
        dir.path(),
        "b.txt",
        b"Apple market opens\n\nPublished 2025-01-09\n\nThe market opened on the square.\n",
    );
    let config = cli_common::write(
        dir.path(),
        "config.toml",
        b"sort = \"file\"\n[keys.global]\ntop = \"g\"\nbottom = [\"g\", \"G\"]\n",
    );
    let out = run(&["--config", &config, "articles", &a, &b]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: ") && err.contains("bound to both"),
        "{err}"
    );
    let table = String::from_utf8(out.stdout).unwrap();
    let (zebra, apple) = (table.find("Zebra").unwrap(), table.find("Apple").unwrap());
    assert!(zebra < apple, "file order, as the config asks: {table}");
    let json = stdout(&["--config", &config, "timeline", &a, &b, "--json"]);
    assert!(
        json.trim_start().starts_with('[') && json.contains("a.txt"),
        "{json}"
    );
    let check = run(&["--config", &config, "config"]);
    assert!(!check.status.success());
    let err = String::from_utf8_lossy(&check.stderr);
    assert!(err.contains("bound to both"), "{err}");
}
