//! Text that once came out wrong (issue 13, item 10): a headline in a
//! script without capitals is kept as the title.

use crate::cli_common::{self, json};

#[test]
fn a_headline_in_japanese_cyrillic_persian_or_hebrew_is_kept_as_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The Velmora council said on Monday that the new bridge had opened after two years of work.\n";
    for (name, headline) in [
        ("ja.txt", "新しい橋が開通"),
        ("ru.txt", "Новый мост открыт в Велморе"),
        ("fa.txt", "افتتاح پل تازه در شهر ولمورا"),
        ("he.txt", "גשר חדש נפתח בוולמורה"),
    ] {
        cli_common::write(dir.path(), name, format!("{headline}\n\n{body}").as_bytes());
    }
    let articles = json(&["articles", dir.path().to_str().unwrap(), "--json"]);
    let mut titles: Vec<&str> = articles
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    titles.sort_unstable();
    let mut want = [
        "Новый мост открыт в Велморе",
        "新しい橋が開通",
        "افتتاح پل تازه در شهر ولمورا",
        "גשר חדש נפתח בוולמורה",
    ];
    want.sort_unstable();
    assert_eq!(titles, want);
}
