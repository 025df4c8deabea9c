//! `dateline export` output parsed back with real CSV and iCalendar parsers.

use crate::cli_common;

fn export(format: &str, extra: &[&str]) -> String {
    let out = cli_common::dateline()
        .args(["export", "--format", format])
        .args(extra)
        .output()
        .expect("binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn timeline_len() -> usize {
    let v: serde_json::Value = serde_json::from_str(&export("json", &[])).unwrap();
    v.as_array().unwrap().len()
}

#[test]
fn csv_parses_back_with_one_record_per_timeline_row() {
    let text = export("csv", &[]);
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "date");
    assert_eq!(headers.len(), 14);
    assert_eq!(&headers[9], "url");
    assert_eq!(
        &headers.iter().skip(10).collect::<Vec<_>>(),
        &["title", "source", "start_date", "end_date"]
    );
    let records: Vec<csv::StringRecord> = r
        .records()
        .map(|x| x.expect("valid RFC 4180 record"))
        .collect();
    assert!(!records.is_empty());
    assert_eq!(records.len(), timeline_len());
    // Sentences with commas and quotes survive the round trip.
    assert!(
        records
            .iter()
            .any(|rec| rec[7].contains(',') && rec[7].contains('"'))
    );
}

#[test]
fn ics_parses_back_with_all_day_events() {
    let text = export("ics", &[]);
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("valid iCalendar");
    assert!(parser.next().is_none());
    assert!(!cal.events.is_empty());
    for ev in &cal.events {
        let prop = |name: &str| ev.properties.iter().find(|p| p.name == name);
        let start = prop("DTSTART").expect("DTSTART");
        let params = start.params.as_ref().expect("VALUE param");
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "VALUE" && v == &vec!["DATE".to_string()])
        );
        assert_eq!(start.value.as_ref().unwrap().len(), 8, "YYYYMMDD");
        for p in ["UID", "DTSTAMP", "DTEND", "SUMMARY"] {
            assert!(prop(p).is_some(), "event lacks {p}");
        }
    }
    let uids: std::collections::HashSet<_> = cal
        .events
        .iter()
        .filter_map(|e| e.properties.iter().find(|p| p.name == "UID")?.value.clone())
        .collect();
    assert_eq!(uids.len(), cal.events.len(), "UIDs are unique");
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines folded at 75 octets"
    );
}

#[test]
fn markdown_has_date_headings_and_filters_apply() {
    let md = export("md", &["--from", "2025-04-25", "--to", "2025-04-25"]);
    assert!(md.starts_with("# Timeline\n"));
    assert!(md.contains("\n## 2025-04-25\n"));
    assert!(!md.contains("\n## 2025-04-24\n"));
}

/// Nothing in range: JSON, CSV and Markdown are empty documents; iCalendar
/// has no empty form (RFC 5545 wants at least one component), so it is an
/// error. Swapped bounds are an error for every format.
#[test]
fn an_empty_range_and_swapped_bounds() {
    assert_eq!(export("json", &["--from", "2090"]).trim(), "[]");
    assert_eq!(
        export("csv", &["--from", "2090"]).lines().count(),
        1,
        "the header"
    );
    let run = |args: &[&str]| {
        cli_common::dateline()
            .arg("export")
            .args(args)
            .output()
            .expect("binary runs")
    };
    let out = run(&["--format", "ics", "--from", "2090"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no dated events to export"));
    let out = run(&["--format", "csv", "--from", "2025-05", "--to", "2025-04"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--from 2025-05 is after --to 2025-04"),
        "{out:?}"
    );
    assert!(
        run(&["--from", "2025-04", "--to", "2025-04"])
            .status
            .success()
    );
}

/// The CSV's columns agree with the JSON rows: the article's title and site,
/// and the first and last day of the date (a week, a month, a year).
#[test]
fn csv_columns_give_title_source_file_precision_and_the_days_covered() {
    let json: serde_json::Value = serde_json::from_str(&export("json", &[])).unwrap();
    let articles: serde_json::Value = serde_json::from_slice(
        &cli_common::dateline()
            .args(["articles", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let article = |file: &str| {
        articles
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["file"] == file)
            .cloned()
            .unwrap()
    };
    let text = export("csv", &[]);
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut spans = std::collections::BTreeSet::new();
    for (rec, row) in r.records().zip(json.as_array().unwrap()) {
        let rec = rec.unwrap();
        assert_eq!(&rec[col("file")], row["file"].as_str().unwrap());
        assert_eq!(&rec[col("precision")], row["precision"].as_str().unwrap());
        let a = article(&rec[col("file")]);
        assert_eq!(&rec[col("title")], a["title"].as_str().unwrap_or(""));
        assert_eq!(&rec[col("source")], a["source"].as_str().unwrap_or(""));
        let (first, last) = (&rec[col("start_date")], &rec[col("end_date")]);
        if rec[col("date")].is_empty() {
            assert!(first.is_empty() && last.is_empty());
            continue;
        }
        let first = chrono::NaiveDate::parse_from_str(first, "%Y-%m-%d").unwrap();
        let last = chrono::NaiveDate::parse_from_str(last, "%Y-%m-%d").unwrap();
        let days = (last - first).num_days() + 1;
        match &rec[col("precision")] {
            "day" => assert_eq!(days, 1),
            "week" => assert_eq!(days, 7),
            "month" => assert!((28..=31).contains(&days), "{days}"),
            "year" => assert!((365..=366).contains(&days), "{days}"),
            _ => assert!(days > 7),
        }
        spans.insert(rec[col("precision")].to_string());
    }
    assert!(spans.contains("day") && spans.contains("year"), "{spans:?}");
}

/// A calendar gets days and weeks; months and years only when asked.
#[test]
fn ics_leaves_month_and_year_long_events_out_unless_asked() {
    let events = |extra: &[&str]| -> Vec<i64> {
        let text = export("ics", extra);
        let cal = ical::IcalParser::new(text.as_bytes())
            .next()
            .expect("one calendar")
            .expect("valid iCalendar");
        cal.events
            .iter()
            .map(|ev| {
                let day = |name: &str| {
                    let v = ev.properties.iter().find(|p| p.name == name).unwrap();
                    chrono::NaiveDate::parse_from_str(v.value.as_ref().unwrap(), "%Y%m%d").unwrap()
                };
                (day("DTEND") - day("DTSTART")).num_days()
            })
            .collect()
    };
    let default = events(&[]);
    assert!(!default.is_empty());
    assert!(default.iter().all(|&d| d == 1 || d == 7), "{default:?}");
    let all = events(&["--all-precisions"]);
    assert!(all.len() > default.len());
    assert!(all.iter().any(|&d| d >= 365), "a year-long event: {all:?}");
}

/// Piped, `timeline` and `mentions` print whole sentences, tab-separated,
/// with the article's file and title; the JSON has the same sentences.
#[test]
fn piped_timeline_and_mentions_are_whole_sentences_tab_separated() {
    let run = |args: &[&str]| {
        let out = cli_common::dateline().args(args).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run(&["timeline", "--json"])).unwrap();
    let text = run(&["timeline"]);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), json.as_array().unwrap().len());
    for (cols, row) in rows.iter().zip(json.as_array().unwrap()) {
        assert_eq!(cols.len(), 6, "{cols:?}");
        assert_eq!(cols[2], row["file"].as_str().unwrap());
        assert_eq!(cols[4], row["text"].as_str().unwrap());
        let sentence = row["sentence"].as_str().unwrap();
        let flat: String = sentence
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .collect();
        assert_eq!(cols[5], flat);
    }
    assert!(
        rows.iter().any(|c| c[5].chars().count() > 90),
        "a sentence longer than the table's cut"
    );
    let actors: serde_json::Value = serde_json::from_str(&run(&["actors", "--json"])).unwrap();
    let name = actors[0]["name"].as_str().unwrap();
    let text = run(&["mentions", name]);
    assert!(!text.is_empty());
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{line}");
        assert!(cols[0].ends_with(".txt") && !cols[1].is_empty(), "{line}");
    }
}
