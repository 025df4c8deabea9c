//! `dateline export`: the timeline as JSON, CSV (RFC 4180), Markdown or
//! iCalendar (RFC 5545), so it can go into a spreadsheet, a note or a
//! calendar. Rows are the same as `dateline timeline --json`.

use serde_json::Value;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Md,
    Ics,
}

const COLUMNS: [&str; 10] = [
    "date",
    "precision",
    "file",
    "text",
    "start",
    "end",
    "kind",
    "sentence",
    "actors",
    "url",
];

/// Renders timeline rows (see `cli::timeline_rows`) in `format`; `titles`
/// maps a file to its article title for the formats that show it.
pub fn render(rows: &[Value], format: Format, titles: &dyn Fn(&str) -> String) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(rows).unwrap_or_default() + "\n",
        Format::Csv => csv(rows),
        Format::Md => markdown(rows, titles),
        Format::Ics => ics(rows, titles, chrono::Utc::now()),
    }
}

/// A row's value as text for CSV, Markdown and iCalendar. Text from the
/// files keeps its line breaks, but other control characters are made
/// visible as the TUI and the tables show them (ESC as `␛`): these formats
/// get printed to terminals and opened in spreadsheets, where an escape
/// sequence from a scraped page has no business. (JSON escapes them itself.)
fn field(row: &Value, key: &str) -> String {
    match &row[key] {
        Value::Null => String::new(),
        Value::String(s) => visible(s),
        Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str())
            .map(visible)
            .collect::<Vec<_>>()
            .join("; "),
        v => v.to_string(),
    }
}

/// The row's file as the corpus names it (for titles and UIDs).
fn raw_file(row: &Value) -> &str {
    row["file"].as_str().unwrap_or_default()
}

/// Text from a file with CRLF line breaks as LF and the other control
/// characters shown, not obeyed (see [`field`]).
fn visible(s: &str) -> String {
    crate::text::sanitize(&s.replace("\r\n", "\n")).into_owned()
}

/// RFC 4180: CRLF line ends; a field with a comma, quote or line break is
/// quoted, with quotes doubled.
pub fn csv(rows: &[Value]) -> String {
    let quote = |s: &str| {
        if s.contains([',', '"', '\r', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = COLUMNS.join(",") + "\r\n";
    for r in rows {
        let line: Vec<String> = COLUMNS.iter().map(|c| quote(&field(r, c))).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Events under one heading per date, each with its article's title. The
/// timeline interleaves a year, its first month and its first day (they
/// all start on 1 January), so rows are grouped by date first: each heading
/// once, in order of start, the longer period first (`2023`, `2023-01`,
/// `2023-01-01`), undated ones last; within a heading, timeline order.
pub fn markdown(rows: &[Value], titles: &dyn Fn(&str) -> String) -> String {
    let mut groups: Vec<(&str, Vec<&Value>)> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for r in rows {
        let date = r["date"].as_str().unwrap_or("Undated");
        let i = *index.entry(date).or_insert_with(|| {
            groups.push((date, Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(r);
    }
    // Stable: labels that are not dates keep their place, after the dates.
    groups.sort_by_key(|(_, rs)| match period(rs[0]) {
        Some((start, end)) => (false, start, std::cmp::Reverse(end)),
        None => (
            true,
            chrono::NaiveDate::MAX,
            std::cmp::Reverse(chrono::NaiveDate::MAX),
        ),
    });
    let mut out = String::from("# Timeline\n");
    for (date, rs) in groups {
        let _ = write!(out, "\n## {date}\n\n");
        for r in rs {
            let actors = field(r, "actors");
            let _ = write!(
                out,
                "- **{}** — {} *({})*",
                md_escape(&field(r, "text")),
                md_escape(&field(r, "sentence")),
                md_escape(&visible(&titles(raw_file(r))))
            );
            if !actors.is_empty() {
                let _ = write!(out, " · {}", md_escape(&actors));
            }
            out.push('\n');
        }
    }
    out
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545: one all-day VEVENT per resolved row (a week, month or year
/// spans its whole period), with UID, DTSTAMP, escaped text and lines folded
/// at 75 octets.
pub fn ics(
    rows: &[Value],
    titles: &dyn Fn(&str) -> String,
    stamp: chrono::DateTime<chrono::Utc>,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//dateline//timeline export//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
    ];
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for r in rows {
        let Some((start, end)) = period(r) else {
            continue;
        };
        let file = raw_file(r);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!(
            "UID:{:016x}-{}-{}@dateline",
            fnv1a(file.as_bytes()),
            field(r, "start"),
            field(r, "end")
        ));
        lines.push(format!("DTSTAMP:{dtstamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")));
        lines.push(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        lines.push(format!("SUMMARY:{}", ics_escape(&field(r, "sentence"))));
        let mut desc = format!("{} ({})", visible(&titles(file)), field(r, "text"));
        let actors = field(r, "actors");
        if !actors.is_empty() {
            desc.push_str(&format!(" — {actors}"));
        }
        lines.push(format!("DESCRIPTION:{}", ics_escape(&desc)));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        fold_into(&mut out, &l);
    }
    out
}

/// First day and the day after the last (DTEND is exclusive for dates).
fn period(r: &Value) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    let v = crate::model::DateValue::from_label(r["date"].as_str()?)?;
    Some((v.start, v.end().succ_opt()?))
}

fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (never inside a character), CRLF-ended.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// A stable hash of the file path for UIDs (same export, same UIDs).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rows() -> Vec<Value> {
        vec![
            json!({"date": "2025-04-25", "precision": "day", "file": "a.txt", "text": "Friday", "start": 10, "end": 16,
                   "kind": "relative", "sentence": "He said, \"we agree\"; then left.\nNext", "actors": ["Ana Moss", "Bo Li"]}),
            json!({"date": "2025-W18", "precision": "week", "file": "a.txt", "text": "next week", "start": 30, "end": 39,
                   "kind": "relative", "sentence": "Talks resume next week.", "actors": []}),
            json!({"date": null, "precision": "unknown", "file": "b.txt", "text": "Tuesday", "start": 1, "end": 8,
                   "kind": "relative", "sentence": "On Tuesday.", "actors": []}),
        ]
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let out = csv(&rows());
        assert!(out.starts_with("date,precision,file,text,start,end,kind,sentence,actors,url\r\n"));
        assert!(
            out.contains("\"He said, \"\"we agree\"\"; then left.\nNext\",Ana Moss; Bo Li,\r\n")
        );
        assert_eq!(out.matches("\r\n").count(), 4);
    }

    #[test]
    fn ics_events_are_all_day_escaped_and_folded() {
        let stamp = chrono::DateTime::from_timestamp(0, 0).unwrap();
        let out = ics(&rows(), &|_| "A title".into(), stamp);
        assert_eq!(
            out.matches("BEGIN:VEVENT").count(),
            2,
            "the unresolved row has no date"
        );
        assert!(out.contains("DTSTART;VALUE=DATE:20250425\r\nDTEND;VALUE=DATE:20250426\r\n"));
        assert!(out.contains("DTSTART;VALUE=DATE:20250428\r\nDTEND;VALUE=DATE:20250505\r\n"));
        assert!(out.contains("SUMMARY:He said\\, \"we agree\"\\; then left.\\nNext"));
        assert!(out.split("\r\n").all(|l| l.len() <= 75));
    }

    #[test]
    fn ics_spans_quarters_halves_and_seasons() {
        let row = |date: &str, precision: &str| {
            json!({"date": date, "precision": precision, "file": "a.txt", "text": "x",
                   "start": 0, "end": 1, "kind": "absolute", "sentence": "x", "actors": []})
        };
        let rows = vec![
            row("2024-Q3", "quarter"),
            row("2018-H1", "half"),
            row("2023-WI", "season"),
        ];
        let stamp = chrono::DateTime::from_timestamp(0, 0).unwrap();
        let out = ics(&rows, &|_| "T".into(), stamp);
        assert!(out.contains("DTSTART;VALUE=DATE:20240701\r\nDTEND;VALUE=DATE:20241001\r\n"));
        assert!(out.contains("DTSTART;VALUE=DATE:20180101\r\nDTEND;VALUE=DATE:20180701\r\n"));
        assert!(out.contains("DTSTART;VALUE=DATE:20231201\r\nDTEND;VALUE=DATE:20240301\r\n"));
    }

    #[test]
    fn control_characters_from_files_are_made_visible() {
        let rows = vec![
            json!({"date": "2025-04-25", "precision": "day", "file": "a.txt",
            "text": "April 25", "start": 0, "end": 8, "kind": "absolute",
            "sentence": "On April 25 \u{1b}]0;pwned\u{7} the \u{1b}[2J ferry ran.\r\nNext",
            "actors": ["Ana\u{1b}[31m"]}),
        ];
        let title = |_: &str| "Evil \u{1b}[31mred".to_string();
        let stamp = chrono::DateTime::from_timestamp(0, 0).unwrap();
        for out in [
            csv(&rows),
            markdown(&rows, &title),
            ics(&rows, &title, stamp),
        ] {
            assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
            assert!(out.contains('␛'), "{out:?}");
        }
        assert!(
            csv(&rows).contains("ferry ran.\nNext\""),
            "line break kept, CR dropped"
        );
    }

    #[test]
    fn markdown_has_each_heading_once_longer_periods_first() {
        let row = |date: &str, precision: &str, text: &str| {
            json!({"date": date, "precision": precision, "file": "a.txt", "text": text,
                   "start": 0, "end": 1, "kind": "absolute", "sentence": text, "actors": []})
        };
        let rows = vec![
            row("2023", "year", "y1"),
            row("2023-01-01", "day", "d1"),
            row("2023", "year", "y2"),
            row("2023-01", "month", "m1"),
            row("2022-W52", "week", "w1"),
            row("2022-12-26", "day", "d0"),
            row("2023-01-01", "day", "d2"),
        ];
        let out = markdown(&rows, &|_| "T".into());
        let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            [
                "## 2022-W52",
                "## 2022-12-26",
                "## 2023",
                "## 2023-01",
                "## 2023-01-01"
            ]
        );
        let y = out.find("## 2023\n").unwrap();
        let (y1, y2) = (out.find("**y1**").unwrap(), out.find("**y2**").unwrap());
        assert!(
            y < y1 && y1 < y2 && y2 < out.find("## 2023-01\n").unwrap(),
            "{out}"
        );
    }

    #[test]
    fn markdown_groups_under_dates_with_titles() {
        let out = markdown(&rows(), &|f| format!("Title of {f}"));
        assert!(out.contains("## 2025-04-25\n\n- **Friday** — "));
        assert!(out.contains("*(Title of a.txt)*"));
        assert!(out.contains("## Undated"));
    }
}
