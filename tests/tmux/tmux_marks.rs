//! Read marks are never lost (real binary, real terminal): a session on the
//! corpus while a subfolder is missing keeps the marks of what is in it.

use crate::tmux_common::*;

fn saved_read(t: &Tmux) -> Vec<String> {
    let dir = t.state.path().join("dateline");
    std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find_map(|e| dateline::state::parse(&std::fs::read(e.path()).ok()?).ok())
        .map(|s| s.read)
        .unwrap_or_default()
}

#[test]
fn marks_of_a_missing_subfolder_survive_a_session_without_it() {
    let Some(t) = Tmux::start("marks", 120, 40) else {
        return;
    };
    let corpus = tempfile::tempdir().unwrap();
    let seeds = dateline::ingest::BUNDLED_SEEDS;
    for (sub, (_, text)) in ["here", "away"].iter().zip(seeds) {
        std::fs::create_dir(corpus.path().join(sub)).unwrap();
        std::fs::write(corpus.path().join(sub).join(format!("{sub}.txt")), text).unwrap();
    }
    let open = format!("{BIN} {}; echo \"EXIT$?\"", corpus.path().display());
    // Read the article in `away`.
    t.text(&open);
    t.keys(&["Enter"]);
    t.wait_for("the TUI", |s| {
        s.contains("1 Articles") && reader_file(s).is_some()
    });
    for _ in 0..2 {
        if t.screen().contains("away.txt")
            && reader_file(&t.screen()).as_deref() == Some("away.txt")
        {
            break;
        }
        t.keys(&["j"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    t.wait_for("away.txt in the reader", |s| {
        reader_file(s).as_deref() == Some("away.txt")
    });
    t.keys(&["Enter", "q"]);
    t.assert_restored("0");
    assert!(saved_read(&t).iter().any(|f| f.ends_with("away/away.txt")));
    // A session while `away` is gone (a drive offline).
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(corpus.path().join("away"), elsewhere.path().join("away")).unwrap();
    t.tmux(&["send-keys", "-t", "t", "clear", "Enter"]);
    t.text(&open);
    t.keys(&["Enter"]);
    t.wait_for("the TUI", |s| {
        s.contains("1 Articles") && s.contains("1/1 ")
    });
    t.keys(&["Enter", "q"]);
    t.assert_restored("0");
    let read = saved_read(&t);
    assert!(
        read.iter().any(|f| f.ends_with("away/away.txt")),
        "{read:?}"
    );
    assert!(
        read.iter().any(|f| f.ends_with("here/here.txt")),
        "{read:?}"
    );
}

/// Two instances on one corpus, each reading another article, quit in
/// turn: the second's save keeps the first's mark (merged under a lock),
/// instead of writing over it.
#[test]
fn marks_of_two_instances_quitting_in_turn_are_both_kept() {
    let (Some(a), Some(b)) = (
        Tmux::start("marks-a", 120, 40),
        Tmux::start("marks-b", 120, 40),
    ) else {
        return;
    };
    let corpus = tempfile::tempdir().unwrap();
    for (i, (_, text)) in dateline::ingest::BUNDLED_SEEDS.iter().take(3).enumerate() {
        std::fs::write(corpus.path().join(format!("{i}.txt")), text).unwrap();
    }
    let dir = corpus.path().display();
    // Both on one state folder, `a`'s; both open before either saves.
    a.run_dateline_on("", &dir.to_string());
    let shared = format!("XDG_STATE_HOME={}", a.state.path().display());
    b.run_dateline_on(&shared, &dir.to_string());
    let ready = |s: &str| s.contains("1 Articles") && s.contains("1/3 ");
    a.wait_for("the first TUI", ready);
    b.wait_for("the second TUI", ready);
    let first = reader_file(&a.screen()).unwrap();
    b.keys(&["j"]);
    let s = b.wait_for("the second article", |s| s.contains("2/3 "));
    let second = reader_file(&s).unwrap();
    assert_ne!(first, second);
    // Each reads its article and quits, `a` first.
    a.keys(&["Enter", "q"]);
    a.assert_restored("0");
    b.keys(&["Enter", "q"]);
    b.assert_restored("0");
    let read = saved_read(&a);
    for f in [&first, &second] {
        assert!(
            read.iter().any(|r| r.ends_with(&format!("/{f}"))),
            "{f}: {read:?}"
        );
    }
}
