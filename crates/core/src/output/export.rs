//! `dateline export`: the timeline as JSON, CSV (RFC 4180), Markdown or
//! iCalendar (RFC 5545), so it can go into a spreadsheet, a note or a
//! calendar. Rows are the timeline's ([`EventRow`]), as `dateline timeline
//! --json` writes them; each format reads their typed fields.

use super::rows::EventRow;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Md,
    Ics,
}

/// Writes `rows` in `format` into `out`, a row at a time (Markdown, which
/// groups rows under their dates, holds the rows, which borrow from the
/// corpus, until the last has come).
pub fn write<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = EventRow<'a>>,
    format: Format,
) -> io::Result<()> {
    match format {
        Format::Json => super::json::write_array(out, rows),
        Format::Csv => csv(out, rows),
        Format::Md => markdown(out, rows),
        Format::Ics => ics(out, rows, chrono::Utc::now()),
    }
}

/// Text from a file for CSV, Markdown and iCalendar: line breaks kept
/// (CRLF as LF), other control characters made visible as the TUI and the
/// tables show them (ESC as `␛`): these formats get printed to terminals and
/// opened in spreadsheets, where an escape sequence from a scraped page has
/// no business. (JSON escapes them itself.)
fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains("\r\n") {
        crate::text::sanitize(&s.replace("\r\n", "\n"))
            .into_owned()
            .into()
    } else {
        crate::text::sanitize(s)
    }
}

/// The actors' names, `; `-separated.
fn actor_list(r: &EventRow) -> String {
    r.actors
        .iter()
        .map(|a| visible(a))
        .collect::<Vec<_>>()
        .join("; ")
}

/// RFC 4180: a header, CRLF line ends; a field with a comma, quote or line
/// break is quoted, with quotes doubled.
pub fn csv<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = EventRow<'a>>,
) -> io::Result<()> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record([
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
        "title",
        "source",
        "start_date",
        "end_date",
    ])?;
    for r in rows {
        let file = crate::text::path_text(r.file);
        // The first and the last day the date covers (a week, a month...).
        let (first, last) = r
            .date
            .value()
            .map(|d| (d.start.to_string(), d.end().to_string()))
            .unwrap_or_default();
        w.write_record([
            r.date
                .value()
                .map(|d| d.to_string())
                .unwrap_or_default()
                .as_str(),
            r.precision,
            &visible(&file),
            &visible(r.text),
            &r.start.to_string(),
            &r.end.to_string(),
            r.kind,
            &visible(r.sentence),
            &actor_list(&r),
            &visible(r.url.unwrap_or_default()),
            &visible(r.title),
            &visible(r.source.unwrap_or_default()),
            &first,
            &last,
        ])?;
    }
    w.flush()
}

/// Events under one heading per date, each with its article's title. The
/// timeline interleaves a year, its first month and its first day (they
/// all start on 1 January), so rows are grouped by date first: each heading
/// once, in order of start, the longer period first (`2023`, `2023-01`,
/// `2023-01-01`), undated ones last; within a heading, timeline order.
pub fn markdown<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = EventRow<'a>>,
) -> io::Result<()> {
    let mut groups: Vec<(Option<crate::model::DateValue>, Vec<EventRow>)> = Vec::new();
    let mut index: std::collections::HashMap<Option<String>, usize> =
        std::collections::HashMap::new();
    for r in rows {
        // Two values with one label (an assumed year and a stated one) are
        // one heading.
        let i = *index
            .entry(r.date.value().map(|d| d.to_string()))
            .or_insert_with(|| {
                groups.push((r.date.value(), Vec::new()));
                groups.len() - 1
            });
        groups[i].1.push(r);
    }
    // Stable: undated last.
    groups.sort_by_key(|(date, _)| match date {
        Some(d) => (false, d.start, std::cmp::Reverse(d.end())),
        None => (
            true,
            chrono::NaiveDate::MAX,
            std::cmp::Reverse(chrono::NaiveDate::MAX),
        ),
    });
    out.write_all(b"# Timeline\n")?;
    for (date, rs) in groups {
        match date {
            Some(d) => write!(out, "\n## {d}\n\n")?,
            None => write!(out, "\n## Undated\n\n")?,
        }
        for r in rs {
            write!(
                out,
                "- **{}** — {} *({})*",
                md_escape(&visible(r.text)),
                md_escape(&visible(r.sentence)),
                md_escape(&visible(r.title))
            )?;
            let actors = actor_list(&r);
            if !actors.is_empty() {
                write!(out, " · {}", md_escape(&actors))?;
            }
            out.write_all(b"\n")?;
        }
    }
    Ok(())
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
pub fn ics<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = EventRow<'a>>,
    stamp: chrono::DateTime<chrono::Utc>,
) -> io::Result<()> {
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//dateline//timeline export//EN",
        "CALSCALE:GREGORIAN",
    ] {
        fold_into(out, l)?;
    }
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for r in rows {
        let Some((start, end)) = r.period() else {
            continue;
        };
        let file = crate::text::path_text(r.file);
        fold_into(out, "BEGIN:VEVENT")?;
        fold_into(
            out,
            &format!(
                "UID:{:016x}-{}-{}@dateline",
                crate::hash::stable(file.as_bytes()),
                r.start,
                r.end
            ),
        )?;
        fold_into(out, &format!("DTSTAMP:{dtstamp}"))?;
        fold_into(
            out,
            &format!("DTSTART;VALUE=DATE:{}", start.format("%Y%m%d")),
        )?;
        fold_into(out, &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")))?;
        fold_into(
            out,
            &format!("SUMMARY:{}", ics_escape(&visible(r.sentence))),
        )?;
        let mut desc = format!("{} ({})", visible(r.title), visible(r.text));
        let actors = actor_list(&r);
        if !actors.is_empty() {
            desc.push_str(&format!(" — {actors}"));
        }
        fold_into(out, &format!("DESCRIPTION:{}", ics_escape(&desc)))?;
        fold_into(out, "END:VEVENT")?;
    }
    fold_into(out, "END:VCALENDAR")
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

/// Writes `line` folded at 75 octets (never inside a character), CRLF-ended.
fn fold_into(out: &mut dyn Write, line: &str) -> io::Result<()> {
    let mut width = 0;
    let mut from = 0;
    for (i, c) in line.char_indices() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.write_all(&line.as_bytes()[from..i])?;
            out.write_all(b"\r\n ")?;
            from = i;
            width = 1;
        }
        width += n;
    }
    out.write_all(&line.as_bytes()[from..])?;
    out.write_all(b"\r\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// A row on `date` (a label; "" for none) whose text and sentence are `text`.
    fn row<'a>(date: &str, text: &'a str, sentence: &'a str, actors: &[&'a str]) -> EventRow<'a> {
        let date: Option<crate::model::DateValue> = date.parse().ok();
        EventRow {
            actors: actors.to_vec(),
            assumed_year: false,
            date: date.into(),
            end: 16,
            file: Path::new("a.txt"),
            kind: "relative",
            precision: date.map_or("unknown", |d| d.precision.as_str()),
            sentence,
            start: 10,
            text,
            url: None,
            title: "A title",
            source: None,
        }
    }

    fn rows() -> Vec<EventRow<'static>> {
        vec![
            row(
                "2025-04-25",
                "Friday",
                "He said, \"we agree\"; then left.\nNext",
                &["Ana Moss", "Bo Li"],
            ),
            row("2025-W18", "next week", "Talks resume next week.", &[]),
            EventRow {
                file: Path::new("b.txt"),
                ..row("", "Tuesday", "On Tuesday.", &[])
            },
        ]
    }

    fn text(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn stamp() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(0, 0).unwrap()
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let out = text(|o| csv(o, rows()));
        assert!(out.starts_with(
            "date,precision,file,text,start,end,kind,sentence,actors,url,\
             title,source,start_date,end_date\r\n"
        ));
        assert!(
            out.contains(
                "\"He said, \"\"we agree\"\"; then left.\nNext\",Ana Moss; Bo Li,,\
                 A title,,2025-04-25,2025-04-25\r\n"
            ),
            "{out}"
        );
        assert!(
            out.contains(",A title,,2025-04-28,2025-05-04\r\n"),
            "the week: {out}"
        );
        assert!(out.contains("\r\n,unknown,b.txt,Tuesday,10,16,"), "{out}");
        assert_eq!(out.matches("\r\n").count(), 4);
    }

    #[test]
    fn ics_events_are_all_day_escaped_and_folded() {
        let out = text(|o| ics(o, rows(), stamp()));
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
    fn ics_folds_long_lines_between_characters() {
        let long = "é".repeat(100);
        let out = text(|o| ics(o, [row("2025-04-25", "x", &long, &[])], stamp()));
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        let summary: String = lines
            .iter()
            .skip_while(|l| !l.starts_with("SUMMARY:"))
            .take_while(|l| !l.starts_with("DESCRIPTION:"))
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect();
        assert_eq!(summary, format!("SUMMARY:{long}"));
    }

    #[test]
    fn ics_spans_quarters_halves_and_seasons() {
        let rows = [
            row("2024-Q3", "x", "x", &[]),
            row("2018-H1", "x", "x", &[]),
            row("2023-WI", "x", "x", &[]),
        ];
        let out = text(|o| ics(o, rows, stamp()));
        assert!(out.contains("DTSTART;VALUE=DATE:20240701\r\nDTEND;VALUE=DATE:20241001\r\n"));
        assert!(out.contains("DTSTART;VALUE=DATE:20180101\r\nDTEND;VALUE=DATE:20180701\r\n"));
        assert!(out.contains("DTSTART;VALUE=DATE:20231201\r\nDTEND;VALUE=DATE:20240301\r\n"));
    }

    #[test]
    fn control_characters_from_files_are_made_visible() {
        let evil = || EventRow {
            title: "Evil \u{1b}[31mred",
            ..row(
                "2025-04-25",
                "April 25",
                "On April 25 \u{1b}]0;pwned\u{7} the \u{1b}[2J ferry ran.\r\nNext",
                &["Ana\u{1b}[31m"],
            )
        };
        for out in [
            text(|o| csv(o, [evil()])),
            text(|o| markdown(o, [evil()])),
            text(|o| ics(o, [evil()], stamp())),
        ] {
            assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
            assert!(out.contains('␛'), "{out:?}");
        }
        assert!(
            text(|o| csv(o, [evil()])).contains("ferry ran.\nNext\""),
            "line break kept, CR dropped"
        );
    }

    #[test]
    fn markdown_has_each_heading_once_longer_periods_first() {
        let rows = [
            row("2023", "y1", "y1", &[]),
            row("2023-01-01", "d1", "d1", &[]),
            row("2023", "y2", "y2", &[]),
            row("2023-01", "m1", "m1", &[]),
            row("2022-W52", "w1", "w1", &[]),
            row("2022-12-26", "d0", "d0", &[]),
            row("2023-01-01", "d2", "d2", &[]),
        ];
        let out = text(|o| markdown(o, rows));
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
        let out = text(|o| markdown(o, rows()));
        assert!(out.contains("## 2025-04-25\n\n- **Friday** — "));
        assert!(out.contains("*(A title)*"));
        assert!(out.contains("## Undated\n\n- **Tuesday**"), "{out}");
    }
}
