//! What a new user meets first: a mistyped command is named as one, the TUI
//! refuses a stdout that is no terminal without drawing into it, a
//! two-digit year is an error, a name that fits several actors lists them,
//! and the release build carries no debug info.

use crate::cli_common::{GOOD, dateline, run, write};
use std::time::{Duration, Instant};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_mistyped_command_is_named_with_the_one_meant() {
    let elsewhere = tempfile::tempdir().unwrap();
    for (typed, meant) in [
        ("timline", "timeline"),
        ("artciles", "articles"),
        ("stat", "stats"),
    ] {
        let out = dateline()
            .arg(typed)
            .current_dir(elsewhere.path())
            .output()
            .unwrap();
        assert!(!out.status.success(), "{typed}: {out:?}");
        assert!(out.stdout.is_empty(), "{typed}: {out:?}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "unknown command '{typed}', did you mean '{meant}'?"
            )),
            "{err}"
        );
        assert!(!err.contains("no such file or folder:"), "{err}");
    }
    // A word that is no slip of a command stays a missing path.
    let out = dateline()
        .arg("newsroom")
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no such file or folder: newsroom"),
        "{out:?}"
    );
}

/// A file called `timline` is a corpus, not a slip: it reaches the TUI (here
/// refused for the piped stdout, which shows it got that far).
#[test]
fn a_path_that_exists_wins_over_a_command_it_resembles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "timline", GOOD.as_bytes());
    let out = dateline()
        .arg("timline")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(!err.contains("unknown command"), "{err}");
    assert!(err.contains("the TUI needs a terminal"), "{err}");
}

/// `dateline | cat`: stdout is a pipe. The TUI exits at once with a message
/// on stderr and writes nothing (no escape sequence) anywhere.
#[test]
fn the_tui_on_a_pipe_exits_at_once_with_a_message_and_no_escapes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let path = dir.path().to_str().unwrap();
    for args in [&[][..], &[path][..], &["--watch", path][..]] {
        let start = Instant::now();
        let out = run(args);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{args:?} took {:?}",
            start.elapsed()
        );
        assert!(!out.status.success(), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?} wrote to the pipe: {out:?}");
        let err = stderr(&out);
        assert!(err.contains("the TUI needs a terminal"), "{err}");
        assert!(err.contains("dateline articles"), "says what to run: {err}");
        assert!(!out.stderr.contains(&0x1b), "an escape on stderr: {err:?}");
    }
}

#[test]
fn a_two_digit_year_is_an_error_not_year_25() {
    for args in [
        &["timeline", "--from", "25-04-01"][..],
        &["timeline", "--to", "25-04"][..],
        &["export", "--format", "csv", "--from", "25"][..],
        &["timeline", "--from", "025-04-01"][..],
    ] {
        let out = run(args);
        assert!(!out.status.success(), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {out:?}");
        let err = stderr(&out);
        assert!(err.contains("-digit year"), "{args:?}: {err}");
        assert!(err.contains("YYYY-MM-DD"), "{err}");
    }
    // Four digits still work.
    let out = run(&["timeline", "--from", "2025-04-01", "--to", "2025-04"]);
    assert!(out.status.success(), "{out:?}");
}

/// A bound that is no date names every form `--from`/`--to` take,
/// quarters, halves and seasons included; those forms work.
#[test]
fn a_bad_bound_names_every_form_and_the_periods_work() {
    let out = run(&["timeline", "--from", "q3-2023"]);
    assert!(!out.status.success(), "{out:?}");
    let err = stderr(&out);
    for form in ["YYYY-MM-DD", "YYYY-Q1", "YYYY-H1", "YYYY-SP"] {
        assert!(err.contains(form), "{form} missing: {err}");
    }
    for bound in ["2025-Q2", "2025-h1", "2025-SU"] {
        let out = run(&["timeline", "--from", bound, "--to", bound]);
        assert!(out.status.success(), "{bound}: {out:?}");
    }
}

/// Two made-up people who share a first name, one article each.
fn two_martas() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tram.txt",
        b"Council approves new tram line in Velmora\n\n\
          City planner Marta Feldkirch said on Monday that the tram line would open in 2027.\n\
          Feldkirch told reporters that the budget had been approved unanimously.\n",
    );
    write(
        dir.path(),
        "orchestra.txt",
        b"Velmora orchestra names a new conductor\n\n\
          The conductor Marta Oyelaran said on Friday that the season would open in October.\n\
          Oyelaran thanked the board for its support, the orchestra said.\n",
    );
    dir
}

#[test]
fn a_name_that_fits_several_actors_lists_them_and_fails() {
    let dir = two_martas();
    let path = dir.path().to_str().unwrap();
    let out = run(&["mentions", "marta", path]);
    assert!(!out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty(), "nothing picked: {out:?}");
    let err = stderr(&out);
    assert!(err.contains("'marta' matches 2 actors"), "{err}");
    assert!(
        err.contains("Marta Feldkirch (person") && err.contains("Marta Oyelaran (person"),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.trim_start().starts_with("Marta Feldkirch (person")),
        "one choice a line: {err}"
    );

    // A full canonical name, or a surname only one of them has, picks one.
    for (name, file) in [
        ("Marta Oyelaran", "orchestra.txt"),
        ("feldkirch", "tram.txt"),
    ] {
        let out = run(&["mentions", name, path, "--json"]);
        assert!(out.status.success(), "{name}: {out:?}");
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows = rows.as_array().unwrap();
        assert!(!rows.is_empty(), "{name}");
        assert!(
            rows.iter()
                .all(|r| r["file"].as_str().unwrap().ends_with(file)),
            "{name}: {rows:?}"
        );
    }
}

/// The default release build has no debug info (a small binary to
/// install); `--profile profiling` is release with symbols.
#[test]
fn release_carries_no_debug_info_and_profiling_does() {
    let manifest: toml::Table =
        toml::from_str(include_str!("../../Cargo.toml")).expect("Cargo.toml parses");
    let profile = &manifest["profile"];
    let release_debug = profile.get("release").and_then(|r| r.get("debug")).cloned();
    assert!(
        matches!(
            release_debug,
            None | Some(toml::Value::Integer(0)) | Some(toml::Value::Boolean(false))
        ),
        "release has debug info: {release_debug:?}"
    );
    let profiling = &profile["profiling"];
    assert_eq!(profiling["inherits"].as_str(), Some("release"));
    assert!(
        matches!(
            profiling.get("debug"),
            Some(toml::Value::Integer(1 | 2)) | Some(toml::Value::Boolean(true))
        ),
        "{profiling:?}"
    );
}
