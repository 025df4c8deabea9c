//! A page that states no date takes its file's name's day (issue 16):
//! marked inferred with the reason, and its weekdays resolved from it; a
//! page whose own place line gives another day stays unknown.

use crate::cli_common::{self, json};

fn published<'a>(articles: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["file"].as_str().unwrap().ends_with(name))
        .map(|a| &a["published"])
        .unwrap()
}

#[test]
fn a_date_in_the_file_name_anchors_an_undated_page() {
    let dir = tempfile::tempdir().unwrap();
    let headline = "Harbour Strike Ends\n\n";
    let paragraph =
        "Dock workers in Velmora returned to work on Tuesday after the union accepted the offer.\n";
    let body = format!("{headline}{paragraph}");
    cli_common::write(dir.path(), "2023-04-07-harbour.txt", body.as_bytes());
    cli_common::write(dir.path(), "notes-harbour.txt", body.as_bytes());
    // The wire's place line says the 6th, on its own line or opening the
    // paragraph: the name's 7th is not sure.
    let wired = format!("{headline}VELMORA, April 6 (Kestrel) --\n\n{paragraph}");
    cli_common::write(dir.path(), "KST20230407.0012.txt", wired.as_bytes());
    let inline = format!("{headline}VELMORA, April 6 (Kestrel) - {paragraph}");
    cli_common::write(dir.path(), "KST20230407.0013.txt", inline.as_bytes());
    let d = dir.path().to_str().unwrap();

    let articles = json(&["articles", d, "--json"]);
    let named = published(&articles, "2023-04-07-harbour.txt");
    assert_eq!(named["date"], "2023-04-07");
    assert_eq!(named["basis"], "inferred");
    assert!(
        named["reason"].as_str().unwrap().contains("file's name"),
        "{named}"
    );
    assert_eq!(
        published(&articles, "notes-harbour.txt")["basis"],
        "unknown"
    );
    assert_eq!(
        published(&articles, "KST20230407.0012.txt")["basis"],
        "unknown"
    );

    let timeline = json(&["timeline", d, "--json"]);
    let mut tuesdays: Vec<(&str, &str)> = timeline
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["text"] == "Tuesday")
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            (
                &file[file.rfind('/').unwrap() + 1..],
                e["date"].as_str().unwrap_or(""),
            )
        })
        .collect();
    tuesdays.sort_unstable();
    // Undated where nothing anchors the page.
    assert_eq!(
        tuesdays,
        [
            ("2023-04-07-harbour.txt", "2023-04-04"),
            ("KST20230407.0012.txt", ""),
            ("KST20230407.0013.txt", ""),
            ("notes-harbour.txt", ""),
        ]
    );
}
