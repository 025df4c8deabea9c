//! Non-interactive subcommands: JSON for tools and tests, tables for people.
//! JSON shapes are the contract in DESIGN.md.

use crate::model::{Article, Corpus, Event, TimeExpr};
use crate::query;
use crate::text::sanitize_line;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthChar;

/// A failure the user must see; the binary prints it and exits non-zero.
#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_paragraph_over_several_lines_is_one_line() {
        assert_eq!(
            super::one_line("led to\nwidespread problems\n last week"),
            "led to widespread problems last week"
        );
        assert_eq!(super::one_line("one line"), "one line");
    }

    #[test]
    fn fit_cuts_to_cells_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("exactly10!", 10), "exactly10!");
        assert_eq!(fit("much too long", 6), "much …");
        assert_eq!(fit("日本語のテキスト", 7), "日本語…");
        assert_eq!(fit("a\x1b[2Jb", 20), "a\u{241b}[2Jb");
    }
}

#[derive(Debug)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn article_json(a: &Article) -> Value {
    let p = &a.published;
    json!({
        "id": a.id,
        "file": a.path.display().to_string(),
        "title": a.title.map(|s| a.text(s)),
        "source": a.source,
        "url": a.url,
        "published": {
            "date": p.value.map(|v| v.label()),
            "precision": p.value.map(|v| v.precision.as_str()),
            "basis": p.basis.as_str(),
            "reason": match &p.basis { crate::model::Basis::Inferred(r) => Some(r.as_str()), _ => None },
            "assumed_year": p.value.is_some_and(|v| v.assumed_year),
        },
        "body": a.body.iter().map(|s| one_line(a.text(*s))).collect::<Vec<_>>(),
        "teasers": a.teasers.iter().map(|s| a.text(*s)).collect::<Vec<_>>(),
        "blocks": a.blocks.iter().map(|b| json!({
            "start": b.span.start,
            "end": b.span.end,
            "class": b.class.as_str(),
        })).collect::<Vec<_>>(),
        "warnings": a.warnings.iter().cloned()
            .chain(a.page_warnings.iter().map(|w| w.message()))
            .collect::<Vec<_>>(),
    })
}

/// A paragraph that runs over several lines of the page, as one line: each
/// line break (with the spaces around it) reads as one space.
fn one_line(p: &str) -> std::borrow::Cow<'_, str> {
    if !p.contains('\n') {
        return p.into();
    }
    p.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .into()
}

pub fn articles_json(c: &Corpus) -> Value {
    Value::Array(c.articles.iter().map(article_json).collect())
}

/// The readable article list, by date or (`by_file`, the config file's
/// `sort = "file"`) in file order.
pub fn articles_table(c: &Corpus, by_file: bool) -> String {
    let mut out = String::new();
    let file_order: Vec<_> = c.articles.iter().map(|a| a.id).collect();
    let order = if by_file {
        &file_order
    } else {
        &c.articles_by_date
    };
    for &id in order {
        let a = c.article(id);
        let _ = writeln!(
            out,
            "{:<12} {:<22} {}",
            published_label(a),
            fit(a.source.as_deref().unwrap_or("-"), 22),
            fit(a.title_text(), 100)
        );
        let _ = writeln!(
            out,
            "{:<12} {} · {} · {} · {} · {}",
            "",
            sanitize_line(&a.file_name()),
            count(a.body.len(), "paragraph"),
            count(a.times.len(), "date"),
            count(a.mentions.len(), "mention"),
            count(a.teasers.len(), "teaser")
        );
        if let Some(url) = &a.url {
            let _ = writeln!(out, "{:<12} {}", "", sanitize_line(url));
        }
    }
    out
}

/// "1 teaser", "3 teasers".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The publication date as the list shows it: `?` suffix when inferred,
/// `unknown` when none.
pub fn published_label(a: &Article) -> String {
    match (&a.published.value, &a.published.basis) {
        (Some(v), crate::model::Basis::Inferred(_)) => format!("{}?", v.label()),
        (Some(v), _) => v.label(),
        (None, _) => "unknown".into(),
    }
}

fn time_row(c: &Corpus, a: &Article, t: &TimeExpr, actors: &[u32]) -> Value {
    let sentence = a
        .sentences
        .get(t.sentence as usize)
        .map_or("", |s| a.text(*s));
    json!({
        "date": t.value.map(|v| v.label()),
        "precision": t.value.map_or("unknown", |v| v.precision.as_str()),
        "assumed_year": t.value.is_some_and(|v| v.assumed_year),
        "file": a.path.display().to_string(),
        "text": a.text(t.span),
        "start": t.span.start,
        "end": t.span.end,
        "kind": t.kind.as_str(),
        "sentence": sentence,
        "actors": actors.iter().map(|&id| c.actor(id).name.as_str()).collect::<Vec<_>>(),
        "url": a.url,
    })
}

pub struct TimelineFilter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub actor: Option<String>,
}

/// Resolved expressions in date order, then (with no date filter) the
/// unresolved ones with `date: null`.
pub fn timeline_rows(c: &Corpus, f: &TimelineFilter) -> Result<Vec<Value>, CliError> {
    let actor = match &f.actor {
        Some(n) => Some(
            query::find_actor(c, n).ok_or_else(|| CliError(format!("no actor matches '{n}'")))?,
        ),
        None => None,
    };
    let mut rows: Vec<Value> = query::events_in(c, f.from, f.to, actor)
        .filter_map(|e: &Event| {
            let a = c.article(e.article);
            let t = a.times.get(e.time? as usize)?;
            Some(time_row(c, a, t, &e.actors))
        })
        .collect();
    if f.from.is_none() && f.to.is_none() {
        for a in &c.articles {
            for t in a.times.iter().filter(|t| t.value.is_none()) {
                let mut ids: Vec<u32> = a
                    .mentions
                    .iter()
                    .filter(|m| m.sentence == t.sentence)
                    .map(|m| m.actor)
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                if actor.is_none_or(|x| ids.contains(&x)) {
                    rows.push(time_row(c, a, t, &ids));
                }
            }
        }
    }
    Ok(rows)
}

pub fn timeline_table(rows: &[Value]) -> String {
    let mut out = String::new();
    for r in rows {
        let date = r["date"].as_str().unwrap_or("(unresolved)");
        let _ = writeln!(
            out,
            "{:<12} {:<24} {}",
            date,
            fit(r["text"].as_str().unwrap_or(""), 24),
            fit(r["sentence"].as_str().unwrap_or(""), 90)
        );
    }
    out
}

pub fn actors_json(c: &Corpus, kind: Option<crate::model::ActorKind>) -> Value {
    let mut list: Vec<_> = c
        .actors
        .iter()
        .filter(|a| kind.is_none_or(|k| a.kind == k))
        .collect();
    list.sort_by(|a, b| {
        b.mention_count
            .cmp(&a.mention_count)
            .then(a.name.cmp(&b.name))
    });
    Value::Array(
        list.into_iter()
            .map(|a| {
                let mut files: Vec<String> = c.mentions_by_actor[a.id as usize]
                    .iter()
                    .map(|m| c.article(m.article).path.display().to_string())
                    .collect();
                files.dedup();
                json!({
                    "name": a.name,
                    "kind": a.kind.as_str(),
                    "role": a.role,
                    "aliases": a.aliases,
                    "mentions": a.mention_count,
                    "files": files,
                })
            })
            .collect(),
    )
}

pub fn actors_table(v: &Value) -> String {
    let mut out = String::new();
    for a in v.as_array().into_iter().flatten() {
        let aliases: Vec<&str> = a["aliases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str())
            .collect();
        let _ = writeln!(
            out,
            "{:>4}  {:<13} {:<28} {}",
            a["mentions"],
            a["kind"].as_str().unwrap_or(""),
            fit(a["name"].as_str().unwrap_or(""), 28),
            fit(&aliases.join(", "), 70)
        );
    }
    out
}

pub fn mentions_json(c: &Corpus, name: &str) -> Result<Value, CliError> {
    let id = one_actor(c, name)?;
    Ok(Value::Array(
        c.mentions_by_actor[id as usize]
            .iter()
            .map(|r| {
                let a = c.article(r.article);
                let m = &a.mentions[r.mention as usize];
                json!({
                    "file": a.path.display().to_string(),
                    "start": m.span.start,
                    "end": m.span.end,
                    "surface": a.text(m.span),
                    "sentence": a.sentences.get(m.sentence as usize).map_or("", |s| a.text(*s)),
                })
            })
            .collect(),
    ))
}

pub fn mentions_table(v: &Value) -> String {
    let mut out = String::new();
    for m in v.as_array().into_iter().flatten() {
        let file = m["file"].as_str().unwrap_or("");
        let file = file.rsplit('/').next().unwrap_or(file);
        let _ = writeln!(
            out,
            "{:<28} {:<24} {}",
            fit(file, 28),
            fit(m["surface"].as_str().unwrap_or(""), 24),
            fit(m["sentence"].as_str().unwrap_or(""), 90)
        );
    }
    out
}

/// Sanitised and cut to `width` terminal cells, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    let s = sanitize_line(s);
    if s.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() <= width {
        return s.into_owned();
    }
    // Too wide: keep what fits in width - 1 cells, then the ellipsis.
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = ch.width().unwrap_or(0);
        if w + cw > width.saturating_sub(1) {
            break;
        }
        w += cw;
        out.push(ch);
    }
    out.push('…');
    out
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (or a quarter, half or season label:
/// `2024-Q3`, `2024-H1`, `2024-SU`); `end` picks the last day of the period.
pub fn parse_date_bound(s: &str, end: bool) -> Result<NaiveDate, CliError> {
    if let Some(v) = crate::model::DateValue::from_label(&s.trim().to_uppercase()) {
        return Ok(if end { v.end() } else { v.start });
    }
    let bad = || {
        CliError(format!(
            "'{s}' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"
        ))
    };
    let parts: Vec<&str> = s.trim().split('-').collect();
    if !parts[0].is_empty() && parts[0].len() != 4 && parts[0].bytes().all(|b| b.is_ascii_digit()) {
        return Err(CliError(format!(
            "'{s}' has a {}-digit year: write the year in full (YYYY-MM-DD, YYYY-MM or YYYY)",
            parts[0].len()
        )));
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
    let d = match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(num(y)? as i32, num(m)?, num(d)?),
        [y, m] => {
            let v = crate::model::DateValue::month(num(y)? as i32, num(m)?).ok_or_else(bad)?;
            Some(if end { v.end() } else { v.start })
        }
        [y] => {
            let v = crate::model::DateValue::year(num(y)? as i32).ok_or_else(bad)?;
            Some(if end { v.end() } else { v.start })
        }
        _ => None,
    };
    d.ok_or_else(bad)
}

/// The one actor `name` means, or an error: none matches, or several match
/// equally well (listed, so the user can pick one by a fuller name) rather
/// than one picked for them.
pub fn one_actor(c: &Corpus, name: &str) -> Result<crate::model::ActorId, CliError> {
    const LISTED: usize = 12;
    match query::actors_matching(c, name).as_slice() {
        [] => Err(CliError(format!("no actor matches '{name}'"))),
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
            Err(CliError(msg))
        }
    }
}
