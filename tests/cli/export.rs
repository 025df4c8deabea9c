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
    assert_eq!(headers.len(), 10);
    assert_eq!(&headers[9], "url");
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
