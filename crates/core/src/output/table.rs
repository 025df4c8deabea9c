//! Rows as readable tables, one line (or a few) per row, written as they
//! come. Text from files is shown with control characters made visible and
//! cut to its column.

use super::rows::{ActorRow, ArticleRow, EventRow, MentionRow, StatsRow};
use crate::text::sanitize_line;
use std::io::{self, Write};

/// Three lines per article: date, source and title; file and counts; URL.
pub fn articles<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = ArticleRow<'a>>,
) -> io::Result<()> {
    for r in rows {
        writeln!(
            out,
            "{:<12} {:<22} {}",
            published_label(&r),
            fit(r.source.unwrap_or("-"), 22),
            fit(r.title.unwrap_or(""), 100)
        )?;
        writeln!(
            out,
            "{:<12} {} · {} · {} · {} · {}",
            "",
            sanitize_line(&file_name(r.file)),
            count(r.body.len(), "paragraph"),
            count(r.dates, "event"),
            count(r.mentions, "mention"),
            count(r.teasers.len(), "teaser")
        )?;
        if let Some(url) = r.url {
            writeln!(out, "{:<12} {}", "", sanitize_line(url))?;
        }
    }
    Ok(())
}

/// Sanitised and cut to `width` terminal cells, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    crate::text::fit(&sanitize_line(s), width)
}

/// A file's last path component (the whole path when it has none).
fn file_name(p: &std::path::Path) -> std::borrow::Cow<'_, str> {
    p.file_name()
        .map_or_else(|| crate::text::path_text(p), crate::text::os_text)
}

/// The publication date as the list shows it: `?` suffix when inferred,
/// [`NO_DATE`] when none.
fn published_label(r: &ArticleRow) -> String {
    match r.published.date {
        Some(d) if r.published.reason.is_some() => format!("{d}?"),
        Some(d) => d.to_string(),
        None => NO_DATE.into(),
    }
}

/// What the article list (here and in the TUI) says of an article with no
/// publication date.
pub const NO_DATE: &str = "no date";

/// "1 teaser", "3 teasers".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Date (or what [`super::rows::EventDate`] says instead), the date's words, the sentence.
pub fn timeline<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = EventRow<'a>>,
) -> io::Result<()> {
    for r in rows {
        writeln!(
            out,
            "{:<12} {:<24} {}",
            r.date.to_string(),
            fit(r.text, 24),
            fit(r.sentence, 90)
        )?;
    }
    Ok(())
}

/// Mentions, kind, name, aliases.
pub fn actors<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = ActorRow<'a>>,
) -> io::Result<()> {
    for a in rows {
        writeln!(
            out,
            "{:>4}  {:<13} {:<28} {}",
            a.mentions,
            a.kind,
            fit(a.name, 28),
            fit(&a.aliases.join(", "), 70)
        )?;
    }
    Ok(())
}

/// File name, the words that name the actor, the sentence.
pub fn mentions<'a>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = MentionRow<'a>>,
) -> io::Result<()> {
    for m in rows {
        writeln!(
            out,
            "{:<28} {:<24} {}",
            fit(&file_name(m.file), 28),
            fit(m.surface, 24),
            fit(m.sentence, 90)
        )?;
    }
    Ok(())
}

/// One `name value` line per figure, names in the order JSON gives them;
/// a figure there is none of (memory where it cannot be read, a ratio to
/// an empty corpus) is `-`.
pub fn stats(out: &mut dyn Write, row: &StatsRow) -> io::Result<()> {
    let v = serde_json::to_value(row).map_err(io::Error::from)?;
    for (k, val) in v.as_object().into_iter().flatten() {
        if val.is_null() {
            writeln!(out, "{k:<26} -")?;
        } else {
            writeln!(out, "{k:<26} {val}")?;
        }
    }
    Ok(())
}
