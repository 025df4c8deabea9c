//! Exit status by convention for the commands: output with nowhere to go is
//! a failure, not a silent success. (The TUI's statuses after signals and a
//! failed load are in tmux_signals.rs and tmux_fill.rs.)
#![cfg(unix)]

use crate::cli_common;

use std::os::unix::process::CommandExt;

#[test]
fn a_command_with_standard_output_closed_fails_and_says_so() {
    let mut c = cli_common::dateline();
    c.args(["export", "--format", "json"]);
    // SAFETY: only close(2) between fork and exec.
    unsafe {
        c.pre_exec(|| {
            libc::close(1);
            Ok(())
        });
    }
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("standard output is closed"), "{stderr}");
}

#[test]
fn output_to_dev_null_or_a_reader_that_stops_is_still_success() {
    let out = cli_common::dateline()
        .args(["export", "--format", "json"])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(out.success());
}

#[test]
fn every_printing_command_fails_with_standard_output_closed() {
    for args in [
        &["timeline", "--json"][..],
        &["articles"],
        &["actors", "--json"],
        &["mentions", "zelensky"],
        &["export", "--format", "csv"],
        &["stats"],
    ] {
        let mut c = cli_common::dateline();
        c.args(args);
        // SAFETY: only close(2) between fork and exec.
        unsafe {
            c.pre_exec(|| {
                libc::close(1);
                Ok(())
            });
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("standard output is closed"),
            "{args:?}: {stderr}"
        );
    }
}

/// Rows go out as they are made: a reader that takes the first few bytes of
/// an output far larger than a pipe holds and goes away (`| head`) ends the
/// command, with success and nothing said.
#[test]
fn a_reader_that_stops_early_ends_a_long_output_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        cli_common::write(
            dir.path(),
            &format!("a{i:03}.txt"),
            format!(
                "Ferry timetable {i} agreed\n\nPublished 2025-03-{:02}\n\n\
                 Harbour master Oda Lindqvist said on Monday that the new timetable \
                 would start on 14 April 2025 and run until the end of June.\n",
                i % 28 + 1
            )
            .as_bytes(),
        );
    }
    for args in [&["timeline", "--json"][..], &["export", "--format", "ics"]] {
        let mut child = cli_common::dateline()
            .args(args)
            .arg(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe is closed here, its reader gone.
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert!(out.stderr.is_empty(), "{args:?}: {out:?}");
    }
}
