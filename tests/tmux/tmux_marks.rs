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
