//! "now", "currently", "recently" name no date: the timeline and the
//! exports leave them out unless `--references` asks for them (issue 16).

use crate::cli_common::{self, json};

fn texts(rows: &serde_json::Value) -> Vec<(String, String)> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["text"].as_str().unwrap().to_string(),
                r["date"].to_string(),
            )
        })
        .collect()
}

#[test]
fn references_are_listed_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    cli_common::write(
        dir.path(),
        "mill.txt",
        b"Mill reopens\n\nPublished 2025-04-02\n\n\
          The mill is now open again, Orla Penn said on 1 April 2025. \
          It currently runs two shifts.\n",
    );
    let d = dir.path().to_str().unwrap();

    let plain = texts(&json(&["timeline", d, "--json"]));
    assert_eq!(plain, [("1 April 2025".into(), "\"2025-04-01\"".into())]);

    let asked = texts(&json(&["timeline", d, "--json", "--references"]));
    assert!(
        asked.contains(&("now".into(), "\"PRESENT_REF\"".into())),
        "{asked:?}"
    );
    assert!(
        asked.contains(&("currently".into(), "\"PRESENT_REF\"".into())),
        "{asked:?}"
    );
    assert_eq!(asked.len(), 3, "{asked:?}");

    let export = json(&["export", d, "--format", "json"]);
    assert_eq!(texts(&export), plain);
}
