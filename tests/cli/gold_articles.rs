//! `dateline articles --json` on the seeds against the hand-made gold
//! (`tests/seeds.gold.json`, a copy of shared/gold/seeds.gold.json).

use crate::cli_common;
use serde_json::Value;

fn gold() -> Vec<Value> {
    serde_json::from_str(include_str!("../seeds.gold.json")).expect("gold parses")
}

fn articles_json() -> Vec<Value> {
    let out = cli_common::dateline()
        .args(["articles", "seeds", "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "no warnings on the seeds: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn by_file<'a>(got: &'a [Value], file: &str) -> &'a Value {
    got.iter()
        .find(|a| a["file"].as_str().is_some_and(|f| f.ends_with(file)))
        .unwrap_or_else(|| panic!("{file} missing from output"))
}

#[test]
fn seed_files_are_the_gold_files() {
    for g in gold() {
        let file = g["file"].as_str().unwrap();
        let bytes = std::fs::read(format!("{}/seeds/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let digest = sha256_hex(&bytes);
        assert_eq!(
            digest,
            g["sha256"].as_str().unwrap(),
            "{file} differs from the gold's copy"
        );
    }
}

#[test]
fn titles_bodies_and_teasers_match_gold() {
    let got = articles_json();
    assert_eq!(got.len(), 5);
    for g in gold() {
        let file = g["file"].as_str().unwrap();
        let a = by_file(&got, file);
        assert_eq!(a["title"], g["title"], "{file}: title");
        let body: Vec<&str> = a["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        let first_ok = body.first() == g["body"]["first_line"].as_str().as_ref()
            || g["body"]["first_line_alternatives"]
                .as_array()
                .is_some_and(|alts| alts.iter().any(|x| x.as_str() == body.first().copied()));
        assert!(first_ok, "{file}: first body line is {:?}", body.first());
        assert_eq!(
            body.last().copied(),
            g["body"]["last_line"].as_str(),
            "{file}: last body line"
        );
        assert_eq!(a["teasers"], g["teasers"], "{file}: teasers");
        // Nothing of the page is lost and no boilerplate leaks into the body.
        for bp in g["boilerplate"].as_array().unwrap() {
            assert!(
                !body.contains(&bp.as_str().unwrap()),
                "{file}: boilerplate line in body: {bp}"
            );
        }
    }
}

#[test]
fn explicit_dates_and_sources_match_gold() {
    let got = articles_json();
    for g in gold() {
        let file = g["file"].as_str().unwrap();
        let a = by_file(&got, file);
        let source_ok = g["source_acceptable"]
            .as_array()
            .unwrap()
            .contains(&a["source"]);
        assert!(
            source_ok,
            "{file}: source {} not in {}",
            a["source"], g["source_acceptable"]
        );
        if g["published"]["basis"] == "explicit header" {
            assert_eq!(
                a["published"]["date"], g["published"]["date"],
                "{file}: explicit date"
            );
            assert_eq!(a["published"]["basis"], "explicit", "{file}: basis");
        } else {
            assert_ne!(
                a["published"]["basis"], "explicit",
                "{file}: no explicit date on this page"
            );
        }
    }
}

#[test]
fn every_gold_date_sits_in_a_sentence_that_starts_where_gold_says() {
    let corpus = dateline::open(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds"
    ))]);
    for g in gold() {
        let file = g["file"].as_str().unwrap();
        let a = corpus
            .articles
            .iter()
            .find(|a| a.path.ends_with(file))
            .unwrap();
        for d in g["dates"].as_array().unwrap() {
            let at = d["byte_start"].as_u64().unwrap() as u32;
            let s = a
                .sentences
                .iter()
                .find(|s| s.start <= at && at < s.end)
                .unwrap_or_else(|| panic!("{file}: date {} at {at} is in no sentence", d["text"]));
            let want = d["sentence_start"].as_str().unwrap();
            assert!(
                a.text(*s).starts_with(want),
                "{file}: sentence of {} starts {:?}, gold {:?}",
                d["text"],
                &a.text(*s)[..a.text(*s).len().min(50)],
                want
            );
        }
    }
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
