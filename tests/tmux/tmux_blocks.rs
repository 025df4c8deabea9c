//! End-to-end in a real terminal (tmux): a whole scraped page — menus, a
//! cookie banner, a byline, a caption, share buttons, other stories — opens
//! with its non-article lines folded into "⋯ N lines hidden" markers; `z`
//! and `Z` show them in place and hide them again, `r` shows the raw file
//! with every line tagged by its class, and `?` lists the keys. Which lines
//! are hidden is read from `articles --json`, so the test holds whatever
//! the classifier decides for this page.

use crate::tmux_common::*;

/// A page written for this test (made-up town and people).
const PAGE: &str = "\
Skip to content
Home | World | Business | Sport | Culture
We use cookies to improve your experience. Accept all cookies
Subscribe for $1 a week
Advertisement

Harbour bridge in Velmora reopens after two years of repairs

By Ada Quillfeather
Transport correspondent
12 March 2024

The old harbour bridge in Velmora reopened to traffic on Monday morning after two years of repairs, the city council said, ending a long detour for thousands of commuters who had crossed the river by ferry.

Mayor Tomas Brenning cut a ribbon at the eastern end of the bridge shortly after seven o'clock and walked across with a group of engineers who had worked on the project since the spring of 2022.

What changed on the bridge

The council said the work replaced every one of the 140 steel cables that hold the deck, widened both lanes and added a protected path for bicycles on the northern side.

A ferry crosses the harbour at dawn. Photo: Ivo Lark

Brenning said the bridge would carry about 30,000 vehicles a day and that tolls would not be raised before the end of next year.

Share this article
Facebook
Email

Most Popular
Velmora council votes to close old market hall
Storm warning issued for the northern coast

© 2024 Velmora Evening Post. All rights reserved.
";

/// The shortest line of the first hidden run (before the body) that no
/// shown text repeats, with its class.
fn hidden_line(json: &serde_json::Value) -> Option<(String, String)> {
    let a = json.as_array()?.first()?;
    let body_start = a["blocks"]
        .as_array()?
        .iter()
        .find(|b| {
            matches!(
                b["class"].as_str(),
                Some("body" | "subhead" | "list" | "dateline")
            )
        })
        .and_then(|b| b["start"].as_u64())?;
    let shown = format!(
        "{} {} {}",
        a["title"].as_str().unwrap_or(""),
        a["body"],
        a["teasers"]
    );
    a["blocks"]
        .as_array()?
        .iter()
        .filter(|b| b["end"].as_u64().is_some_and(|e| e <= body_start))
        .filter(|b| !matches!(b["class"].as_str(), Some("title" | "teaser")))
        .filter_map(|b| {
            let (s, e) = (b["start"].as_u64()? as usize, b["end"].as_u64()? as usize);
            let text = PAGE.get(s..e)?.to_string();
            (text.len() >= 8 && text.len() <= 30 && !shown.contains(&text))
                .then(|| (text, b["class"].as_str().unwrap_or("").to_string()))
        })
        .min_by_key(|(t, _)| t.len())
}

#[test]
fn hidden_lines_fold_open_and_show_by_class_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("harbour.txt");
    std::fs::write(&file, PAGE).unwrap();
    let path = dir.path().display().to_string();
    let json = cli_json(&["articles", &path, "--json"]);
    let (hidden, class) = hidden_line(&json)
        .expect("the parser hides a short line before the body (the page has an ad label, a cookie banner and a menu)");
    let Some(t) = Tmux::start("blocks", 120, 40) else {
        return;
    };
    t.text(&format!("{BIN} {path}; echo \"EXIT$?\""));
    t.keys(&["Enter"]);
    let s = t.wait_for("the reader with a marker", |s| {
        s.contains("2 Reader") && s.contains("lines hidden")
    });
    assert!(!s.contains(&hidden), "{hidden:?} shown before z:\n{s}");
    t.keys(&["Enter"]);
    t.wait_for("the reader focused", |s| status_line(s).contains("Reader"));

    // z opens the first marker on screen; that is the run above the body.
    t.keys(&["z"]);
    let s = t.wait_for("the hidden lines shown", |s| s.contains(&hidden));
    assert!(s.contains("lines shown"), "{s}");
    assert!(
        s.lines()
            .any(|l| l.contains(&format!("{class:<10}{hidden}"))),
        "{hidden:?} under its tag {class:?}:\n{s}"
    );
    t.keys(&["z"]);
    t.wait_for("them hidden again", |s| !s.contains(&hidden));

    // Z: every run, then none.
    t.keys(&["Z"]);
    t.wait_for("every hidden line shown", |s| {
        s.contains(&hidden) && status_line(s).contains("every article")
    });
    t.keys(&["Z"]);
    t.wait_for("every hidden line hidden", |s| !s.contains(&hidden));

    // The raw view: every line, tagged by class.
    // Waits for the tags too: a capture can land while the title is drawn
    // and the lines below it not yet.
    t.keys(&["r"]);
    let s = t.wait_for("the raw view", |s| {
        s.contains("2 Reader raw") && s.contains("body      ")
    });
    assert!(
        s.lines()
            .any(|l| l.contains(&format!("{class:<10}{hidden}"))),
        "{s}"
    );
    t.keys(&["r"]);
    t.wait_for("the clean view", |s| !s.contains("2 Reader raw"));

    // Help lists the keys.
    t.keys(&["?"]);
    // Waits for the line itself: a capture can land while the overlay is
    // still being drawn over the panes.
    t.wait_for("help open", |s| s.contains("Esc closes"));
    // Scrolled a line at a time until the reader's z is on screen.
    let mut seen = false;
    for _ in 0..40 {
        if t.screen().contains("lines hidden\" run on screen") {
            seen = true;
            break;
        }
        t.keys(&["j"]);
        std::thread::sleep(std::time::Duration::from_millis(60));
    }
    assert!(seen, "help lists z:\n{}", t.screen());
    t.keys(&["Escape", "q"]);
    t.assert_restored("0");
}
