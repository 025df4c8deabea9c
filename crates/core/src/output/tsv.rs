//! `timeline` and `mentions` for other tools: when standard output is not a
//! terminal, a row is one line of tab-separated fields, every field whole
//! (the table cuts sentences to fit a screen; a pipe has no width). No
//! field holds a tab or a line break (each becomes a space) or a control
//! character (shown as its picture, `␛`), so `cut -f` and `awk -F'\t'`
//! always see the same columns.
//!
//! timeline: date, precision, file, title, date words, sentence.
//! mentions: file, title, the words naming the actor, sentence.

use super::rows::{EventRow, MentionRow};
use std::borrow::Cow;
use std::io::{self, Write};

/// `s` as one field: tabs and line breaks as spaces, controls visible.
fn field(s: &str) -> Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        let flat: String = s
            .chars()
            .map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        Cow::Owned(crate::text::sanitize_line(&flat).into_owned())
    } else {
        crate::text::sanitize_line(s)
    }
}

pub fn timeline<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = EventRow<'a>>,
) -> io::Result<()> {
    for r in rows {
        let date = r.date;
        let file = crate::text::path_text(r.file);
        writeln!(
            out,
            "{date}\t{}\t{}\t{}\t{}\t{}",
            r.precision,
            field(&file),
            field(r.title),
            field(r.text),
            field(r.sentence)
        )?;
    }
    Ok(())
}

pub fn mentions<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = MentionRow<'a>>,
) -> io::Result<()> {
    for m in rows {
        let file = crate::text::path_text(m.file);
        writeln!(
            out,
            "{}\t{}\t{}\t{}",
            field(&file),
            field(m.title),
            field(m.surface),
            field(m.sentence)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::rows::EventDate;
    use std::path::Path;

    #[test]
    fn a_row_is_whole_and_its_fields_hold_no_tab_break_or_escape() {
        let sentence = "A long sentence\twith a tab,\na break and \u{1b}[2J an escape, \
                        that goes on well past the ninety columns a table would show it in.";
        let row = EventRow {
            actors: vec![],
            assumed_year: false,
            date: EventDate::Date("2025-04-25".parse().unwrap()),
            end: 9,
            file: Path::new("news/a\tb.txt"),
            kind: "absolute",
            precision: "day",
            sentence,
            start: 1,
            text: "25 April",
            url: None,
            title: "Ferry\nto Brask",
            source: None,
        };
        let mut out = Vec::new();
        timeline(&mut out, [row]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        let cols: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
        assert_eq!(
            cols,
            [
                "2025-04-25",
                "day",
                "news/a b.txt",
                "Ferry to Brask",
                "25 April",
                "A long sentence with a tab, a break and ␛[2J an escape, that goes on well \
                 past the ninety columns a table would show it in."
            ]
        );
    }

    #[test]
    fn a_reference_row_gives_its_timeml_value_and_an_undated_row_says_so() {
        let row = |date| EventRow {
            actors: vec![],
            assumed_year: false,
            date,
            end: 3,
            file: Path::new("a.txt"),
            kind: "reference",
            precision: "unknown",
            sentence: "Talks go on now.",
            start: 0,
            text: "now",
            url: None,
            title: "Talks",
            source: None,
        };
        let mut out = Vec::new();
        let reference = EventDate::Reference(crate::model::TimeRef::Present);
        timeline(&mut out, [row(reference), row(EventDate::Unresolved)]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let dates: Vec<&str> = text
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        assert_eq!(dates, ["PRESENT_REF", "(unresolved)"]);
    }
}
