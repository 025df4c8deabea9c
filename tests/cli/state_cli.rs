//! `dateline state`: the read marks of files not in the corpus now are
//! listed, kept until asked, and forgotten by `--prune` (never while a
//! PATH of the corpus is missing).

use crate::cli_common::{self, GOOD};
use dateline::state::{CorpusKey, SavedState, Store, VERSION};
use std::path::{Path, PathBuf};

fn state_cmd(state_home: &Path, args: &[&str]) -> (bool, String, String) {
    let out = cli_common::dateline()
        .env("XDG_STATE_HOME", state_home)
        .arg("state")
        .args(args)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn saved_with_marks(store: &Store, marks: &[PathBuf]) {
    let state = SavedState {
        version: VERSION,
        corpus: store.key.names(),
        read: marks.iter().map(|p| store.key.article_id(p)).collect(),
        ..SavedState::default()
    };
    store.save(&state).unwrap();
}

#[test]
fn missing_files_marks_are_listed_kept_and_pruned_only_on_request() {
    let corpus = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    for sub in ["here", "away"] {
        std::fs::create_dir(corpus.path().join(sub)).unwrap();
    }
    let a = PathBuf::from(cli_common::write(
        &corpus.path().join("here"),
        "a.txt",
        GOOD.as_bytes(),
    ));
    let b = PathBuf::from(cli_common::write(
        &corpus.path().join("away"),
        "b.txt",
        GOOD.as_bytes(),
    ));
    let root = corpus.path().to_str().unwrap();
    let store = Store::in_dir(
        &home.path().join("dateline"),
        CorpusKey::for_paths(&[corpus.path().into()]),
    );

    let (ok, out, _) = state_cmd(home.path(), &[root]);
    assert!(
        ok && out.contains("nothing saved for this corpus yet"),
        "{out}"
    );
    saved_with_marks(&store, &[a.clone(), b.clone()]);
    let (ok, out, _) = state_cmd(home.path(), &[root]);
    assert!(ok, "{out}");
    assert!(
        out.contains(&format!("state file: {}", store.path.display())),
        "{out}"
    );
    assert!(
        out.contains("read marks: 2, all of files in the corpus"),
        "{out}"
    );

    // The subfolder goes away: its mark is listed, not lost.
    std::fs::remove_dir_all(corpus.path().join("away")).unwrap();
    let (ok, out, _) = state_cmd(home.path(), &[root]);
    assert!(
        ok && out.contains("read marks: 2, 1 of files not in the corpus now:"),
        "{out}"
    );
    assert!(
        out.contains(&format!("  {}", store.key.article_id(&b))),
        "{out}"
    );
    assert_eq!(store.load().unwrap().unwrap().read.len(), 2);

    // A prune while a PATH of the corpus is missing is refused.
    let gone_root = corpus.path().join("away");
    let two = Store::in_dir(
        &home.path().join("dateline"),
        CorpusKey::for_paths(&[corpus.path().into(), gone_root.clone()]),
    );
    saved_with_marks(&two, &[a.clone(), gone_root.join("c.txt")]);
    let (ok, _, err) = state_cmd(home.path(), &["--prune", root, gone_root.to_str().unwrap()]);
    assert!(!ok && err.contains("is not there now"), "{err}");
    assert_eq!(two.load().unwrap().unwrap().read.len(), 2, "untouched");

    let (ok, out, _) = state_cmd(home.path(), &["--prune", root]);
    assert!(
        ok && out.contains("forgot 1 read mark of files not in the corpus now:"),
        "{out}"
    );
    let read = store.load().unwrap().unwrap().read;
    assert_eq!(read, [store.key.article_id(&a)]);
    let (ok, out, _) = state_cmd(home.path(), &["--prune", root]);
    assert!(ok && out.contains("nothing to forget"), "{out}");
}

#[test]
fn help_and_the_man_page_say_how_to_forget_missing_files_marks() {
    let help = cli_common::run(&["--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("dateline state --prune"));
    let man = cli_common::run(&["man"]);
    assert!(String::from_utf8_lossy(&man.stdout).contains("state \\-\\-prune"));
    let sub = cli_common::run(&["state", "--help"]);
    let sub = String::from_utf8_lossy(&sub.stdout);
    assert!(sub.contains("--prune") && sub.contains("90 days"), "{sub}");
}

/// The peak memory (bytes) of `dateline state PATH` with its state in `home`.
#[cfg(target_os = "linux")]
fn state_peak_rss(home: &Path, path: &Path) -> u64 {
    // Waited for with wait4 below, for its peak memory; std never waits.
    #[allow(clippy::zombie_processes)]
    let child = cli_common::dateline()
        .env("XDG_STATE_HOME", home)
        .arg("state")
        .arg(path)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: waits for our own child, which std has not waited for; the
    // rusage is filled by the call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    usage.ru_maxrss as u64 * 1024
}

/// A state file near its size limit (many read marks with long paths) is
/// read in memory proportional to it: this used to take ten times its size.
#[cfg(target_os = "linux")]
#[test]
fn a_large_state_file_is_read_in_a_few_times_its_size() {
    let corpus = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    cli_common::write(corpus.path(), "a.txt", GOOD.as_bytes());
    let store = Store::in_dir(
        &home.path().join("dateline"),
        CorpusKey::for_paths(&[corpus.path().into()]),
    );
    let marks: Vec<PathBuf> = (0..400_000)
        .map(|i| {
            corpus.path().join(format!(
                "section-{:03}/a-long-article-name-{i:07}.txt",
                i % 997
            ))
        })
        .collect();
    saved_with_marks(&store, &marks);
    let size = std::fs::metadata(&store.path).unwrap().len();
    assert!(size > 20_000_000, "{size}");
    let peak = state_peak_rss(home.path(), corpus.path());
    assert!(
        peak < 4 * size + 40_000_000,
        "peak {} MB for a {} MB state file",
        peak / 1_000_000,
        size / 1_000_000
    );
}
