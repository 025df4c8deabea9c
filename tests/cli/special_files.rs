//! Special files where a corpus file, the state file or the config file
//! should be: a FIFO (swapped in after the folder was listed, or planted),
//! a link to an endless device. Each is a warning or an error within a
//! second, never a hang or an unbounded read.
#![cfg(unix)]

use crate::cli_common;

use dateline::state::{CorpusKey, Store};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Waits for `child` at most `limit`; kills it (and fails) when it hangs.
fn finishes_within(mut child: Child, limit: Duration) -> std::process::Output {
    let t = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if t.elapsed() > limit {
            child.kill().unwrap();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// Runs `read` on a thread and fails when it takes over a second: a read
/// that hangs fails the test instead of hanging the suite.
fn within_a_second<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(read()));
    rx.recv_timeout(Duration::from_secs(1))
        .expect("still reading after a second")
}

fn spawn(mut c: Command) -> Child {
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn a_corpus_file_swapped_for_a_fifo_after_listing_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("b.txt");
    mkfifo(&p);
    // What the walk listed as a file is read as it is now.
    let path = p.clone();
    let why = within_a_second(move || dateline::ingest::read_file(path)).unwrap_err();
    assert!(why.kind.skipped() && why.path == p, "{why:?}");
    let why = why.to_string();
    assert!(
        why.contains("b.txt") && why.contains("not a regular file (a FIFO)"),
        "{why}"
    );
}

#[test]
fn a_corpus_with_a_fifo_and_a_dev_zero_link_loads_the_rest_at_once() {
    let dir = tempfile::tempdir().unwrap();
    cli_common::write(dir.path(), "a.txt", cli_common::GOOD.as_bytes());
    mkfifo(&dir.path().join("b.txt"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("c.txt")).unwrap();
    let mut c = cli_common::dateline();
    c.args(["articles", dir.path().to_str().unwrap(), "--json"]);
    let out = finishes_within(spawn(c), Duration::from_secs(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let articles: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles.len(), 1, "{stderr}");
    assert!(stderr.contains("b.txt") && stderr.contains("not a regular file"));
    assert!(stderr.contains("c.txt") && stderr.contains("not a regular file"));
}

#[test]
fn a_state_file_that_is_a_fifo_or_a_dev_zero_link_is_a_warning_and_a_fresh_start() {
    let corpus = tempfile::tempdir().unwrap();
    let key = CorpusKey::for_paths(&[corpus.path().to_path_buf()]);
    for plant in ["fifo", "zero"] {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path(), key.clone());
        if plant == "fifo" {
            mkfifo(&store.path);
        } else {
            std::os::unix::fs::symlink("/dev/zero", &store.path).unwrap();
        }
        let e = within_a_second(move || store.load()).unwrap_err();
        assert!(e.why.contains("not a regular file"), "{plant}: {e}");
    }
}

#[test]
fn a_config_file_that_is_a_fifo_or_a_dev_zero_link_is_an_error_at_once() {
    for plant in ["fifo", "zero"] {
        let xdg = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(xdg.path().join("dateline")).unwrap();
        let file = xdg.path().join("dateline/config.toml");
        if plant == "fifo" {
            mkfifo(&file);
        } else {
            std::os::unix::fs::symlink("/dev/zero", &file).unwrap();
        }
        // Found in the config folder, and named with --config.
        for explicit in [false, true] {
            let mut c = cli_common::dateline();
            c.env("XDG_CONFIG_HOME", xdg.path());
            if explicit {
                c.arg("--config").arg(&file);
            }
            c.args(["articles", "--json"]);
            let out = finishes_within(spawn(c), Duration::from_secs(1));
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{plant}: {stderr}");
            assert!(stderr.contains("not a regular file"), "{plant}: {stderr}");
        }
    }
}
