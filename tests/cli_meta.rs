//! The command line about itself: `--help`, `--version`, shell completions
//! and the man page, all generated from the one definition in `args.rs`;
//! and flags that only make sense for the TUI.

mod cli_common;
use cli_common::run;

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
