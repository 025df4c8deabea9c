//! Bad files are warnings that name the file; the good files still load.
//! Every case is built in a temp folder by the test.

use crate::cli_common;
use crate::cli_common::{GOOD, run, write};
use serde_json::Value;
use std::fs;
use std::process::Command;

#[test]
fn each_bad_file_warns_by_name_and_the_good_ones_load() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "a_good.txt", GOOD.as_bytes());
    write(dir, "b_binary.bin", b"\x7fELF\x02\x01\x01\0\0\0\0binary");
    write(dir, "c_empty.txt", b"");
    write(dir, "d_latin1.txt", b"Caf\xe9 owners protest new rules\n\nCaf\xe9 owners said on Monday the rules were \x93unfair\x94.\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in GOOD.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    write(dir, "e_utf16.txt", &utf16);
    // A FIFO cannot be read as an article (and would block a naive reader).
    let fifo = dir.join("f_fifo");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let missing = dir.join("no_such_file.txt").display().to_string();

    let out = run(&["articles", dir.to_str().unwrap(), &missing, "--json"]);
    assert!(out.status.success(), "good files load, so exit 0");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = articles
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 3, "good, latin1 and utf16 load: {files:?}");
    assert!(
        files[0].ends_with("a_good.txt")
            && files[1].ends_with("d_latin1.txt")
            && files[2].ends_with("e_utf16.txt")
    );

    let warned = |name: &str, what: &str| {
        assert!(
            stderr.lines().any(|l| l.contains(name) && l.contains(what)),
            "expected a warning naming {name} ({what}); stderr:\n{stderr}"
        )
    };
    warned("b_binary.bin", "binary");
    warned("c_empty.txt", "empty");
    warned("d_latin1.txt", "Windows-1252");
    warned("e_utf16.txt", "UTF-16");
    warned("no_such_file.txt", "no such file");
    if made_fifo {
        warned("f_fifo", "not a regular file");
    }
    // Decoded text is right, and the per-article warning travels with it.
    assert_eq!(articles[1]["title"], "Café owners protest new rules");
    assert!(
        articles[1]["body"][0]
            .as_str()
            .unwrap()
            .contains("“unfair”")
    );
    assert!(
        articles[1]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("Windows-1252")
    );
    assert_eq!(
        articles[2]["title"],
        "Harbour board approves new ferry route"
    );
}

#[test]
fn an_unreadable_file_is_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "good.txt", GOOD.as_bytes());
    let locked = write(tmp.path(), "locked.txt", GOOD.as_bytes());
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads, so there is
        // nothing to observe. The FIFO case above covers an unreadable path.
        eprintln!("skipped: running as root, mode 000 is still readable");
        return;
    }
    let out = run(&["articles", tmp.path().to_str().unwrap(), "--json"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("locked.txt") && stderr.contains("permission denied"),
        "{stderr}"
    );
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles.len(), 1);
}

#[test]
fn nothing_loadable_is_an_error_with_non_zero_exit() {
    let out = run(&["articles", "/no/such/dateline/folder"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/no/such/dateline/folder") && stderr.contains("error"),
        "{stderr}"
    );
}

#[test]
fn the_same_folder_twice_loads_once() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "one.txt", GOOD.as_bytes());
    let d = tmp.path().to_str().unwrap();
    let out = run(&["articles", d, d, "--json"]);
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles.len(), 1);
}

#[test]
fn no_path_means_the_bundled_seeds_from_any_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let out = cli_common::dateline()
        .args(["articles", "--json"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles.len(), 5);
}

#[test]
fn skipped_files_are_not_counted_as_parsed() {
    use std::sync::atomic::Ordering;
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "one.txt", GOOD.as_bytes());
    write(tmp.path(), "empty.txt", b"");
    write(tmp.path(), "binary.bin", b"\0\x01\x02");
    let progress = dateline::parse::Progress::default();
    let corpus = dateline::load::Loader::new(&[tmp.path().to_path_buf()])
        .progress(&progress)
        .load();
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.warnings.len(), 2, "{:?}", corpus.warnings);
    assert_eq!(progress.files.load(Ordering::Relaxed), 3);
    assert_eq!(progress.read.load(Ordering::Relaxed), 3);
    assert_eq!(progress.parsed.load(Ordering::Relaxed), 1);
}

#[test]
fn a_folder_with_nothing_to_read_is_said_apart_from_files_that_all_failed() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    let hidden = tmp.path().join("hidden");
    let failed = tmp.path().join("failed");
    for d in [&empty, &hidden, &failed] {
        fs::create_dir(d).unwrap();
    }
    write(&hidden, ".draft.txt", GOOD.as_bytes());
    write(&failed, "blob.bin", b"\x7fELF\x02\x01\x01\0\0\0\0binary");
    for d in [&empty, &hidden] {
        let out = run(&["timeline", d.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("no files to read in {}", d.display())),
            "{stderr}"
        );
    }
    let out = run(&["timeline", failed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("blob.bin"),
        "the failed file is named: {stderr}"
    );
    assert!(stderr.contains("no articles could be loaded"), "{stderr}");
}

#[test]
fn stats_on_an_empty_folder_gives_no_memory_ratio() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let v = cli_common::json(&["stats", dir, "--json"]);
    assert_eq!(v["bytes"], 0);
    assert!(v["peak_rss_per_corpus_byte"].is_null(), "{v}");
    let out = run(&["stats", dir]);
    let table = String::from_utf8_lossy(&out.stdout);
    let ratio = table
        .lines()
        .find(|l| l.starts_with("peak_rss_per_corpus_byte"))
        .unwrap();
    assert_eq!(ratio.split_whitespace().nth(1), Some("-"), "{table}");
}

#[test]
fn stats_says_what_it_skipped_as_every_command_does() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "a_good.txt", GOOD.as_bytes());
    write(dir, "b_binary.bin", b"\x7fELF\x02\x01\x01\0\0\0\0binary");
    let missing = dir.join("no_such_folder").display().to_string();
    let out = run(&["stats", dir.to_str().unwrap(), &missing]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b_binary.bin"), "{stderr}");
    assert!(
        stderr.contains(&format!("warning: {missing}: no such file or folder")),
        "{stderr}"
    );
}
