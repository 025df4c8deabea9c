//! Exit status by convention for the commands: output with nowhere to go is
//! a failure, not a silent success. (The TUI's statuses after signals and a
//! failed load are in tmux_signals.rs and tmux_fill.rs.)
#![cfg(unix)]

mod cli_common;

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
