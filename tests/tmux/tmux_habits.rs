//! A news reader's habits in the real binary (80x24 and 120x40, the bundled
//! seeds): unfollowing with Esc and from the picker, the next unread
//! article, a date jump landing near the top of the timeline, `?` with its legend of symbols, and `o` handing the article's
//! file to `$PAGER` and taking the terminal back.

use crate::tmux_common::*;

fn follow_first_actor(t: &Tmux) {
    t.keys(&["a"]);
    t.wait_for("the actor picker", |s| s.contains("Follow an actor"));
    t.keys(&["Enter"]);
    t.wait_for("an actor followed", |s| {
        !s.contains("Follow an actor") && status_line(s).contains(" (n/N)")
    });
}

fn habits(w: u16, h: u16) {
    let Some(t) = Tmux::start(&format!("habits{w}"), w, h) else {
        return;
    };
    let opened = t.state.path().join("opened");
    let pager = t.state.path().join("pager.sh");
    std::fs::write(
        &pager,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    t.run_dateline(&format!("PAGER='sh {}'", pager.display()));
    t.wait_for("three panes", |s| {
        s.contains("1 Articles") && s.contains("3 Timeline") && reader_file(s).is_some()
    });

    // Unread: the next article not read yet, then the one after.
    let first = reader_file(&t.screen()).unwrap();
    t.keys(&["u"]);
    let s = t.wait_for("the next unread article", |s| {
        status_line(s).contains("unread: ") && reader_file(s).is_some_and(|f| f != first)
    });
    let second = reader_file(&s).unwrap();
    t.keys(&["2", "U"]);
    // Waited for with its status message: a capture can land after the
    // reader is drawn and before the status bar is.
    t.wait_for("back to the first, still unread", |s| {
        reader_file(s).is_some_and(|f| f == first) && status_line(s).contains("unread: ")
    });
    // Both have been read in the reader now: `u` passes over them.
    t.keys(&["u"]);
    t.wait_for("a third article", |s| {
        reader_file(s).is_some_and(|f| f != first && f != second)
    });
    t.keys(&["1"]);

    // A jump puts its day near the top of the timeline, context above.
    t.keys(&["3", "t"]);
    t.text("2025-04-25");
    t.keys(&["Enter"]);
    let s = t.wait_for("the timeline at 25 April", |s| {
        s.contains("Fri 25 Apr 2025")
    });
    let rows: Vec<&str> = s.lines().collect();
    let pane_top = rows.iter().position(|l| l.contains("3 Timeline")).unwrap();
    let heading = rows
        .iter()
        .position(|l| l.contains("Fri 25 Apr 2025"))
        .unwrap();
    let pane_rows = rows[pane_top..]
        .iter()
        .skip(1)
        .position(|l| l.contains('└'))
        .unwrap_or(rows.len() - pane_top);
    let offset = heading - pane_top;
    assert!(
        offset >= 2 && offset <= pane_rows / 2,
        "the day at row {offset} of {pane_rows}:\n{s}"
    );
    t.keys(&["1"]);

    // Unfollow with Esc, and from the picker's first row.
    follow_first_actor(&t);
    t.keys(&["Escape"]);
    t.wait_for("unfollowed by Esc", |s| {
        status_line(s).contains("stopped following") && !status_line(s).contains(" (n/N)")
    });
    follow_first_actor(&t);
    t.keys(&["a"]);
    t.wait_for("the picker's unfollow row", |s| {
        s.contains("× stop following")
    });
    t.keys(&["Up", "Enter"]);
    t.wait_for("unfollowed from the picker", |s| {
        status_line(s).contains("stopped following") && !s.contains("Follow an actor")
    });

    // `o`: the pager gets the file; the TUI comes back and answers keys.
    let file = reader_file(&t.screen()).unwrap();
    t.keys(&["o"]);
    let start = std::time::Instant::now();
    while !opened.exists() && start.elapsed() < TIMEOUT {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let given = std::fs::read_to_string(&opened).expect("the pager ran");
    assert!(given.ends_with(&file), "the pager got {given}, not {file}");
    t.wait_for("the panes again", |s| {
        s.contains("1 Articles") && s.contains("3 Timeline")
    });
    assert_eq!(t.var("alternate_on"), "1", "back on the alternate screen");
    t.keys(&["3"]);
    t.wait_for("keys work after the pager", |s| {
        status_line(s).trim_start().starts_with("Timeline")
    });

    // `?` ends with the legend of symbols.
    t.keys(&["?"]);
    t.wait_for("the help", |s| s.contains("Everywhere"));
    let mut seen = false;
    for _ in 0..120 {
        let s = t.screen();
        if s.contains("Symbols") && s.contains("inferred") {
            seen = true;
            break;
        }
        t.keys(&["j"]);
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    assert!(seen, "help ends with the legend:\n{}", t.screen());
    t.keys(&["Escape", "q"]);
    t.assert_restored("0");
}

#[test]
fn habits_at_80x24() {
    habits(80, 24);
}

#[test]
fn habits_at_120x40() {
    habits(120, 40);
}
