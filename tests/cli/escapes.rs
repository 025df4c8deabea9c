//! Escapes everywhere in the CLI: JSON writes C1 controls and bidi
//! overrides and isolates as `\uXXXX`; values quoted in error messages are
//! shown with control characters made visible, and an enormous one is cut;
//! file names that are not UTF-8 stay distinct in JSON and iCalendar.

use crate::cli_common;

#[test]
fn json_escapes_c1_controls_and_bidi_controls() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Harbour \u{202e}draob\u{202c} votes \u{2066}x\u{2069} on ferry\u{85}route";
    let text =
        format!("{title}\n\nThe harbour board approved a ferry route on Monday, officials said.\n");
    cli_common::write(dir.path(), "a.txt", text.as_bytes());
    let p = dir.path().to_str().unwrap();
    for args in [
        vec!["articles", p, "--json"],
        vec!["export", p, "--format", "json"],
        vec!["timeline", p, "--json"],
    ] {
        let out = cli_common::run(&args);
        assert!(out.status.success(), "{args:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        for c in ['\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{85}'] {
            assert!(!stdout.contains(c), "{args:?}: raw U+{:04X}", c as u32);
        }
        // Still JSON, with the same values.
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        if args[0] == "articles" {
            assert!(stdout.contains("\\u202e") && stdout.contains("\\u0085"));
            assert_eq!(v[0]["title"], title);
        }
    }
}

#[test]
fn a_value_in_an_error_is_shown_with_its_escapes_made_visible() {
    let out = cli_common::run(&["mentions", "\u{1b}]0;pwned\u{7}"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("\u{241b}]0;pwned"), "{stderr}");
}

#[test]
fn an_enormous_value_in_an_error_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let huge = "x".repeat(100_000);
    let out = cli_common::run(&["timeline", "--from", &huge]);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.len() < 5_000, "{} bytes", stderr.len());
    let config = cli_common::write(
        dir.path(),
        "c.toml",
        format!("sort = \"{huge}\"\n").as_bytes(),
    );
    let out = cli_common::run(&["--config", &config, "articles"]);
    assert!(!out.status.success());
    assert!(out.stderr.len() < 5_000, "{} bytes", out.stderr.len());
}

/// Two files whose names differ only in bytes that are not UTF-8 are two
/// files everywhere: distinct `file` strings in JSON (the bytes as `\xNN`)
/// and distinct iCalendar UIDs.
#[test]
fn names_that_are_not_utf8_stay_distinct_in_json_and_icalendar() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let text = b"Ferry vote\n\nThe harbour board met on 4 March 2025, officials said.\n";
    for name in [&b"vote\xff.txt"[..], &b"vote\xfe.txt"[..]] {
        let path = dir.path().join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, text).unwrap();
    }
    let p = dir.path().to_str().unwrap();
    let out = cli_common::run(&["articles", p, "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut files: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap().to_string())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2);
    assert!(files[0].ends_with("vote\\xFE.txt"), "{files:?}");
    assert!(files[1].ends_with("vote\\xFF.txt"), "{files:?}");

    let out = cli_common::run(&["export", p, "--format", "ics"]);
    assert!(out.status.success());
    let ics = String::from_utf8(out.stdout).unwrap();
    let uids: std::collections::BTreeSet<&str> =
        ics.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 2, "{ics}");
}
