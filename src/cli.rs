//! Non-interactive subcommands: JSON for tools and tests, tables for people,
//! rendered from the typed rows of [`crate::output::rows`] and written a row
//! at a time. JSON shapes are the contract in DESIGN.md.

use crate::model::{ActorId, ActorKind, Corpus, DateValue};
use crate::output::export::{self, Format};
use crate::output::rows::{self, EventFilter};
use crate::output::{json, table};
use crate::query;
use crate::text::sanitize_line;
use chrono::NaiveDate;
use std::fmt::Write as _;
use std::io::{self, Write};

/// A failure the user must see; the binary prints it and exits non-zero.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("no actor matches '{0}'")]
    NoActor(String),
    /// The message lists the actors the name matches.
    #[error("{0}")]
    AmbiguousActor(String),
    #[error(
        "'{0}' is not a date: use YYYY-MM-DD, YYYY-MM, YYYY, a quarter YYYY-Q1..Q4, a half YYYY-H1|H2 or a season YYYY-SP|SU|FA|WI"
    )]
    NotADate(String),
    #[error(
        "'{given}' has a {digits}-digit year: write the year in full (YYYY-MM-DD, YYYY-MM or YYYY)"
    )]
    ShortYear { given: String, digits: usize },
    #[error("--from {from} is after --to {to}: no date is in that range")]
    EmptyRange { from: String, to: String },
    #[error("no articles could be loaded")]
    NoArticles,
    /// Nothing was there to read: an empty folder, or only hidden files.
    #[error("no files to read in {0} (hidden files and folders are skipped)")]
    NoFiles(String),
    #[error("no dated events to export: an iCalendar file needs at least one event")]
    NothingToExport,
    #[error("standard output is closed: nothing was written")]
    StdoutClosed,
    #[error("writing output: {0}")]
    Output(#[from] io::Error),
    /// Anything else, said in full (a config error, a usage slip).
    #[error("{0}")]
    Other(String),
}

impl From<String> for CliError {
    fn from(s: String) -> Self {
        CliError::Other(s)
    }
}

impl From<&str> for CliError {
    fn from(s: &str) -> Self {
        CliError::Other(s.to_string())
    }
}

/// `articles`: by date, or (`by_file`, the config file's `sort = "file"`)
/// in file order; the JSON in the table's order (each row has its `id`).
pub fn articles(c: &Corpus, json: bool, by_file: bool, out: &mut dyn Write) -> io::Result<()> {
    if json {
        json::write_array(out, rows::articles(c, !by_file))
    } else {
        table::articles(out, rows::articles(c, !by_file))
    }
}

/// How rows go out when JSON is not asked for: a table cut to fit a
/// terminal, or whole rows of tab-separated fields for a pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    Table,
    Tsv,
}

impl Text {
    /// Tab-separated when standard output is not a terminal.
    pub fn for_stdout() -> Text {
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            Text::Table
        } else {
            Text::Tsv
        }
    }
}

/// `timeline`: the events `f` picks.
pub fn timeline(
    c: &Corpus,
    f: EventFilter,
    json: bool,
    text: Text,
    out: &mut dyn Write,
) -> io::Result<()> {
    match (json, text) {
        (true, _) => json::write_array_of(out, rows::event_sources(c, f), |s| s.row(c)),
        (false, Text::Table) => table::timeline(out, rows::events(c, f)),
        (false, Text::Tsv) => crate::output::tsv::timeline(out, rows::events(c, f)),
    }
}

/// `export`: the events `f` picks, in `format`. An iCalendar file with no
/// event in it is refused before anything is written. A calendar gets the
/// events of a day or a week: a month- or year-long "event" would cover a
/// calendar in all-day bars, so those come only with `all_precisions`.
pub fn export(
    c: &Corpus,
    f: EventFilter,
    format: Format,
    all_precisions: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let keep = move |r: &rows::EventRow| {
        format != Format::Ics
            || all_precisions
            || r.date.value().is_some_and(|d| {
                matches!(
                    d.precision,
                    crate::model::Precision::Day | crate::model::Precision::Week
                )
            })
    };
    let mut events = rows::events(c, f).filter(keep).peekable();
    // Dated rows come first: the first one says whether there are any.
    if format == Format::Ics && events.peek().is_none_or(|r| r.date.value().is_none()) {
        return Err(CliError::NothingToExport);
    }
    Ok(export::write(out, events, format)?)
}

/// `actors`: most mentioned first.
pub fn actors(
    c: &Corpus,
    kind: Option<ActorKind>,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if json {
        json::write_array(out, rows::actors(c, kind))
    } else {
        table::actors(out, rows::actors(c, kind))
    }
}

/// `mentions`: every mention of the one actor `name` means.
pub fn mentions(
    c: &Corpus,
    name: &str,
    json: bool,
    text: Text,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let id = one_actor(c, name)?;
    Ok(match (json, text) {
        (true, _) => json::write_array(out, rows::mentions(c, id)),
        (false, Text::Table) => table::mentions(out, rows::mentions(c, id)),
        (false, Text::Tsv) => crate::output::tsv::mentions(out, rows::mentions(c, id)),
    }?)
}

/// The events `--from`, `--to`, `--actor` and `--references` ask for; the
/// dates are checked before the corpus is loaded, the actor once it is.
#[derive(Debug, Clone, Default)]
pub struct TimelineFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub actor: Option<String>,
    pub references: bool,
}

impl TimelineFilter {
    /// Reads `--from` and `--to` (see [`parse_date_bound`]); an empty range
    /// is a slip (the bounds swapped), not a question.
    pub fn new(
        from: Option<&str>,
        to: Option<&str>,
        actor: Option<String>,
    ) -> Result<Self, CliError> {
        let f = TimelineFilter {
            from: from.map(|s| parse_date_bound(s, false)).transpose()?,
            to: to.map(|s| parse_date_bound(s, true)).transpose()?,
            actor,
            references: false,
        };
        if let (Some(a), Some(b)) = (f.from, f.to)
            && a > b
        {
            return Err(CliError::EmptyRange {
                from: from.unwrap_or_default().into(),
                to: to.unwrap_or_default().into(),
            });
        }
        Ok(f)
    }

    /// The filter on `c`: the actor `--actor` names (the best match).
    pub fn on(&self, c: &Corpus) -> Result<EventFilter, CliError> {
        let actor = match &self.actor {
            Some(n) => Some(query::find_actor(c, n).ok_or_else(|| CliError::NoActor(n.clone()))?),
            None => None,
        };
        Ok(EventFilter {
            from: self.from,
            to: self.to,
            actor,
            references: self.references,
        })
    }
}

/// A date label (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or a week, quarter, half
/// or season: `2024-W18`, `2024-Q3`, `2024-H1`, `2024-SU`), read as the
/// first day of its period or (`end`) the last. Single-digit months and
/// days are taken too (`2025-4-5`).
pub fn parse_date_bound(s: &str, end: bool) -> Result<NaiveDate, CliError> {
    let bound = |v: DateValue| if end { v.end() } else { v.start };
    if let Ok(v) = s.parse::<DateValue>() {
        return Ok(bound(v));
    }
    let bad = || CliError::NotADate(s.to_string());
    let parts: Vec<&str> = s.trim().split('-').collect();
    if !parts[0].is_empty() && parts[0].len() != 4 && parts[0].bytes().all(|b| b.is_ascii_digit()) {
        return Err(CliError::ShortYear {
            given: s.to_string(),
            digits: parts[0].len(),
        });
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let v = match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?).map(DateValue::day),
        [y, m] => DateValue::month(num(y)? as i32, num(m)?),
        _ => None,
    };
    v.map(bound).ok_or_else(bad)
}

/// The one actor `name` means, or an error: none matches, or several match
/// equally well (listed, so the user can pick one by a fuller name) rather
/// than one picked for them.
pub fn one_actor(c: &Corpus, name: &str) -> Result<ActorId, CliError> {
    const LISTED: usize = 12;
    match query::actors_matching(c, name).as_slice() {
        [] => Err(CliError::NoActor(name.to_string())),
        [id] => Ok(*id),
        ids => {
            let mut msg = format!(
                "'{name}' matches {} actors; give one of these names:",
                ids.len()
            );
            for &id in ids.iter().take(LISTED) {
                let a = c.actor(id);
                let _ = write!(
                    msg,
                    "\n  {} ({}, {} mention{})",
                    sanitize_line(&a.name),
                    a.kind.as_str(),
                    a.mention_count,
                    if a.mention_count == 1 { "" } else { "s" }
                );
            }
            if ids.len() > LISTED {
                let _ = write!(msg, "\n  … and {} more", ids.len() - LISTED);
            }
            Err(CliError::AmbiguousActor(msg))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds_take_every_label_and_loose_numbers() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(parse_date_bound("2025-04", false).unwrap(), d("2025-04-01"));
        assert_eq!(parse_date_bound("2025-04", true).unwrap(), d("2025-04-30"));
        assert_eq!(parse_date_bound("2024", true).unwrap(), d("2024-12-31"));
        assert_eq!(parse_date_bound("2024-q3", false).unwrap(), d("2024-07-01"));
        assert_eq!(parse_date_bound("2025-4-5", true).unwrap(), d("2025-04-05"));
        assert!(matches!(
            parse_date_bound("25-04-01", false),
            Err(CliError::ShortYear { digits: 2, .. })
        ));
        assert!(matches!(
            parse_date_bound("2025-13", false),
            Err(CliError::NotADate(_))
        ));
        assert!(matches!(
            parse_date_bound("april", false),
            Err(CliError::NotADate(_))
        ));
    }

    #[test]
    fn swapped_bounds_are_an_error_naming_both() {
        let e = TimelineFilter::new(Some("2025-05"), Some("2025-04"), None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "--from 2025-05 is after --to 2025-04: no date is in that range"
        );
    }
}
