//! The timeline as a person reads it, in the real binary in a real
//! terminal (80x24 and 120x40, the bundled seeds): the reader follows the
//! timeline cursor without taking focus, the selected event is shown whole
//! with its headline under it, `+` zooms the focused pane and back, a jump
//! to an empty date says where it landed, and `?` lists the zoom key.

use crate::tmux_common::*;

fn timeline_reads_and_zooms(w: u16, h: u16) {
    let Some(t) = Tmux::start(&format!("timeline{w}"), w, h) else {
        return;
    };
    t.run_dateline("");
    t.wait_for("three panes", |s| {
        s.contains("1 Articles") && s.contains("3 Timeline") && reader_file(s).is_some()
    });
    t.keys(&["3"]);
    let s = t.wait_for("the timeline focused", |s| {
        status_line(s).trim_start().starts_with("Timeline")
    });
    // The selected event is expanded: its article's headline under it.
    assert!(s.contains("▌— ") || s.contains("✎ published"), "{s}");
    let first = reader_file(&s).unwrap();
    let mut moved = None;
    for _ in 0..60 {
        t.keys(&["j"]);
        std::thread::sleep(std::time::Duration::from_millis(60));
        let s = t.screen();
        if reader_file(&s).is_some_and(|f| f != first) {
            moved = Some(s);
            break;
        }
    }
    let s = moved.expect("moving down the timeline previews another article");
    assert!(
        status_line(&s).trim_start().starts_with("Timeline"),
        "the timeline keeps the focus: {}",
        status_line(&s)
    );
    t.keys(&["+"]);
    let s = t.wait_for("the timeline zoomed", |s| {
        status_line(s).contains("(zoomed)")
    });
    assert!(!s.contains("1 Articles") && !s.contains("2 Reader"), "{s}");
    t.keys(&["+"]);
    t.wait_for("every pane again", |s| {
        s.contains("1 Articles") && s.contains("2 Reader") && s.contains("3 Timeline")
    });
    t.keys(&["t"]);
    t.wait_for("the date prompt with examples", |s| {
        status_line(s).contains("date:") && status_line(s).contains("e.g.")
    });
    t.text("2024-07-15");
    t.keys(&["Enter"]);
    let s = t.wait_for("where the jump landed", |s| {
        status_line(s).contains("no events on 15 Jul 2024 — showing")
    });
    assert!(status_line(&s).contains("(nearest after)"), "{s}");
    t.keys(&["?"]);
    t.wait_for("the help", |s| s.contains("Everywhere"));
    // Scrolled a line at a time until the zoom key is on screen.
    let mut seen = false;
    for _ in 0..40 {
        if t.screen().contains("zoom: the focused pane") {
            seen = true;
            break;
        }
        t.keys(&["j"]);
        std::thread::sleep(std::time::Duration::from_millis(60));
    }
    assert!(seen, "help lists the zoom key:\n{}", t.screen());
    t.keys(&["Escape", "q"]);
    t.assert_restored("0");
}

#[test]
fn timeline_reads_and_zooms_at_80x24() {
    timeline_reads_and_zooms(80, 24);
}

#[test]
fn timeline_reads_and_zooms_at_120x40() {
    timeline_reads_and_zooms(120, 40);
}
