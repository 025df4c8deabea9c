//! The timeline as a person reads it, in the real binary in a real
//! terminal (80x24 and 120x40, the bundled seeds): the reader follows the
//! timeline cursor without taking focus, the selected event is shown whole
//! with its headline under it, `+` zooms the focused pane and back, a jump
//! to an empty date says where it landed, `?` lists the zoom key, and a
//! folder with a year, a month, a week and days in it heads each period
//! once, in order, `]`, `}` and `f` leave the selected event near the top
//! of the pane, and in a narrow pane the selected event is its whole
//! sentence, wrapped.

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

/// Two made-up articles whose dates fall in one April at every precision:
/// a year, the month, a day, a week and days inside that week.
fn write_periods(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "Velmora harbour tolls rise before the season\n\nPublished 20 April 2031\n\n\
         Ferry crews at the Velmora quay struck this week over pay, the union said.\n\n\
         Tolls rose this April ahead of the summer season, the harbour board said.\n\n\
         Talks had begun on 1 April 2031 in the town hall and went on for days.\n\n\
         The harbour board met on 14 April 2031 to set the new tolls for fishers.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.txt"),
        "Quay history for the curious reader\n\nPublished 21 April 2031\n\n\
         The quay was first built in 1998 by the Orlen family of Velmora.\n\n\
         Its tolls were cut on 14 April 2031 for the fishers who use it.\n",
    )
    .unwrap();
}

/// dateline on [`write_periods`]'s folder, its three panes up.
fn open_periods(name: &str, w: u16, h: u16) -> Option<Tmux> {
    let t = Tmux::start(name, w, h)?;
    let dir = t.state.path().join("news");
    write_periods(&dir);
    t.run_dateline_on("", &dir.display().to_string());
    t.wait_for("three panes", |s| {
        s.contains("1 Articles") && s.contains("3 Timeline")
    });
    Some(t)
}

/// The rows of the timeline pane that are headings: a line with nothing
/// but the heading between the pane's borders.
fn headings(screen: &str, wanted: &[&str]) -> Vec<String> {
    screen
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_string())
        .filter(|l| wanted.contains(&l.as_str()))
        .collect()
}

fn one_heading_per_period(w: u16, h: u16) {
    let Some(t) = open_periods(&format!("periods{w}"), w, h) else {
        return;
    };
    t.keys(&["3", "+"]);
    let order = [
        "1998",
        "April 2031",
        "Tue 1 Apr 2031",
        "Week 16 (14–20 Apr 2031)",
        "Mon 14 Apr 2031",
        "Sun 20 Apr 2031",
        "Mon 21 Apr 2031",
    ];
    let s = t.wait_for("the timeline zoomed", |s| {
        status_line(s).contains("(zoomed)") && s.contains("Mon 21 Apr 2031")
    });
    // Each period once, in order, though 14 April has two events and sits
    // inside the week and the month that have their own.
    assert_eq!(headings(&s, &order), order, "{s}");
    t.keys(&["q"]);
    t.assert_restored("0");
}

#[test]
fn one_heading_per_period_at_80x24() {
    one_heading_per_period(80, 24);
}

#[test]
fn one_heading_per_period_at_120x40() {
    one_heading_per_period(120, 40);
}

/// One screen line as cells: each char with whether it is drawn reversed
/// (SGR 7), read from `capture-pane -e` output.
fn cells(line: &str) -> Vec<(char, bool)> {
    let mut out = Vec::new();
    let mut reversed = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            out.push((c, reversed));
            continue;
        }
        if chars.next_if_eq(&'[').is_none() {
            continue;
        }
        let mut params = String::new();
        for p in chars.by_ref() {
            if p.is_ascii_alphabetic() {
                if p == 'm' {
                    let mut it = params.split(';');
                    while let Some(n) = it.next() {
                        match n {
                            "" | "0" | "27" => reversed = false,
                            "7" => reversed = true,
                            // A colour's own numbers are not attributes.
                            "38" | "48" | "58" => match it.next() {
                                Some("5") => drop(it.next()),
                                Some("2") => drop((it.next(), it.next(), it.next())),
                                _ => {}
                            },
                            _ => {}
                        }
                    }
                }
                break;
            }
            params.push(p);
        }
    }
    out
}

/// The timeline pane's rows below its density strip, as cells of its own
/// columns (the panes may sit side by side).
fn timeline_rows(styled: &str) -> Vec<Vec<(char, bool)>> {
    let lines: Vec<Vec<(char, bool)>> = styled.lines().map(cells).collect();
    let text = |l: &[(char, bool)]| l.iter().map(|c| c.0).collect::<String>();
    let top = lines
        .iter()
        .position(|l| text(l).contains("3 Timeline"))
        .expect("the timeline pane");
    let head: Vec<char> = lines[top].iter().map(|c| c.0).collect();
    let title = text(&lines[top]);
    let at = title.find("┌ 3 Timeline").expect("the pane's corner");
    let left = title[..at].chars().count();
    let right = left
        + head[left..]
            .iter()
            .position(|&c| c == '┐')
            .expect("the corner");
    lines[top + 3..]
        .iter()
        .take_while(|l| l.get(left).is_some_and(|c| c.0 != '└'))
        .map(|l| l.get(left + 1..right).unwrap_or_default().to_vec())
        .collect()
}

/// Where the selected (reversed) event starts in the timeline pane, in rows
/// below the density strip, and how many rows the pane shows events in.
fn cursor_row(styled: &str) -> (usize, usize) {
    let rows = timeline_rows(styled);
    let offset = rows
        .iter()
        .position(|r| r.iter().any(|c| c.1 && !c.0.is_whitespace()))
        .expect("a selected row");
    (offset, rows.len())
}

fn jumps_land_near_the_top(w: u16, h: u16) {
    let Some(t) = Tmux::start(&format!("neartop{w}"), w, h) else {
        return;
    };
    t.run_dateline("");
    t.wait_for("three panes", |s| {
        s.contains("1 Articles") && s.contains("3 Timeline") && reader_file(s).is_some()
    });
    t.keys(&["3", "g"]);
    t.wait_for("the timeline focused", |s| {
        status_line(s).trim_start().starts_with("Timeline")
    });
    let settle = || std::thread::sleep(std::time::Duration::from_millis(150));
    let position = |s: &str| -> (usize, usize) {
        // "3 Timeline 36/50": the cursor's place and the count.
        let line = s.lines().find(|l| l.contains("3 Timeline")).unwrap();
        let title = &line[line.find("3 Timeline").unwrap()..];
        let n = title.split_whitespace().find(|w| w.contains('/')).unwrap();
        let (a, b) = n.split_once('/').unwrap();
        (a.parse().unwrap(), b.parse().unwrap())
    };
    for key in ["]", "]", "]", "}", "]", "]", "f"] {
        if key == "f" {
            // `f` filters to the followed actor: follow the first one the
            // picker offers, back in the timeline.
            t.keys(&["a"]);
            t.wait_for("the actor picker", |s| s.contains("Follow an actor"));
            t.keys(&["Enter"]);
            t.wait_for("an actor followed", |s| !s.contains("Follow an actor"));
            t.keys(&["3"]);
        }
        t.keys(&[key]);
        settle();
        let s = t.screen();
        let (at, of) = position(&s);
        let (row, rows) = cursor_row(&t.screen_styled());
        // Near the top, unless the list ends within the pane below it.
        assert!(
            row <= rows / 3 + 1 || of - at < rows / 2,
            "after {key} the selected event is at row {row} of {rows} ({at}/{of}):\n{s}"
        );
    }
    t.keys(&["q"]);
    t.assert_restored("0");
}

#[test]
fn jumps_land_near_the_top_at_80x24() {
    jumps_land_near_the_top(80, 24);
}

#[test]
fn jumps_land_near_the_top_at_120x40() {
    jumps_land_near_the_top(120, 40);
}

/// The text of the selected (reversed) rows of the timeline pane, lines
/// joined by spaces, and how many rows they are.
fn selected_text(styled: &str) -> (String, usize) {
    let mut out = Vec::new();
    for r in timeline_rows(styled) {
        if r.iter().any(|c| c.1 && !c.0.is_whitespace()) {
            let line: String = r.iter().map(|c| c.0).collect();
            out.push(
                line.trim_matches(|c: char| c == '▌' || c.is_whitespace())
                    .to_string(),
            );
        } else if !out.is_empty() {
            break;
        }
    }
    (out.join(" "), out.len())
}

fn the_selected_event_is_its_whole_sentence(w: u16, h: u16) {
    let Some(t) = open_periods(&format!("wrap{w}"), w, h) else {
        return;
    };
    t.keys(&["3", "g"]);
    let sentence = "Ferry crews at the Velmora quay struck this week over pay, the union said.";
    let (mut seen, mut rows) = (String::new(), 0);
    for _ in 0..8 {
        std::thread::sleep(std::time::Duration::from_millis(120));
        (seen, rows) = selected_text(&t.screen_styled());
        if seen.contains("Ferry") {
            break;
        }
        t.keys(&["j"]);
    }
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words(&seen).contains(sentence),
        "the whole sentence on the selected rows: {seen:?}\n{}",
        t.screen()
    );
    assert!(rows >= 3, "wrapped in the narrow pane: {rows} rows");
    t.keys(&["q"]);
    t.assert_restored("0");
}

#[test]
fn the_selected_event_is_its_whole_sentence_wrapped_at_80x24() {
    the_selected_event_is_its_whole_sentence(80, 24);
}

#[test]
fn the_selected_event_is_its_whole_sentence_wrapped_at_120x40() {
    the_selected_event_is_its_whole_sentence(120, 40);
}
