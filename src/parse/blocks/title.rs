//! The headline: the headline-like line nearest above the main region,
//! never a nav line, a date, a byline, a caption, a banner or an agency
//! name. A line set apart by blank lines, of headline length, and copied
//! elsewhere on the page ("Headline | Site") ranks higher; distance costs.

use super::furniture::Pattern;
use super::lines::{Line, Unit};
use super::region::Kind;
use super::roles;
use super::shape::card_glue;

/// How many lines above the region are searched.
const WINDOW: usize = 40;

/// The line index of the title, if any line qualifies. `first` is the
/// region's first unit; `has_region` is false when the page has no prose.
pub fn find(
    lines: &[Line],
    units: &[Unit],
    kinds: &[Kind],
    first: usize,
    has_region: bool,
    opens_on_headline: bool,
) -> Option<usize> {
    // The region may open on the headline itself (a short line rated good
    // from its neighbours): it is searched too.
    let start_line = units[first].first;
    let mut end = start_line;
    if has_region && opens_on_headline && qualifies(&lines[start_line]) {
        end = start_line + 1;
    }
    if !has_region {
        end = lines.len().min(WINDOW);
    }
    let lo = end.saturating_sub(WINDOW);
    // A line rated prose is a paragraph or a standfirst, not a headline.
    let is_prose = |i: usize| {
        let u = units.partition_point(|u| u.first <= i).saturating_sub(1);
        matches!(kinds[u], Kind::Good | Kind::NearGood)
    };
    let mut best: Option<(f32, usize)> = None;
    for i in (lo..end).rev() {
        let l = &lines[i];
        if !qualifies(l) || is_prose(i) {
            continue;
        }
        let unit_single = !lines
            .get(i + 1)
            .is_some_and(|n| !n.blank_before && continues(l, n));
        if !unit_single {
            continue;
        }
        // Without a region the headline is the first that qualifies.
        let distance = if has_region { end - i } else { i };
        let mut score = l.size().min(12) as f32;
        let blank_after = lines.get(i + 1).is_none_or(|n| n.blank_before);
        if l.blank_before && blank_after {
            score += 3.0;
        }
        if l.copies > 1 {
            score += 2.0;
        }
        if l.has_prefix() {
            score -= 2.0;
        }
        if l.ends_sentence && !l.text.ends_with(['?', '!']) {
            score -= 4.0;
        }
        if l.words <= 3 && roles::is_bare_name(l.text) {
            score -= 3.0;
        }
        score -= 0.3 * distance as f32;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.filter(|&(s, _)| s > 0.0).map(|(_, i)| i)
}

/// Whether `next` is the same unit as `l` (the text flows on).
fn continues(l: &Line, next: &Line) -> bool {
    next.text.chars().next().is_some_and(char::is_lowercase) && !l.ends_sentence
}

/// Whether a line can be a headline at all.
pub fn qualifies(l: &Line) -> bool {
    if l.pattern != Pattern::None {
        return false;
    }
    let text = &l.text[(l.content.start - l.span.start) as usize..];
    let size = if l.is_cjk() { l.cjk / 3 } else { l.words };
    if !(2..=30).contains(&size) || l.text.len() > 300 {
        return false;
    }
    if text.ends_with([',', ';', ':', '-', '–', '—', '|', '/']) {
        return false;
    }
    // A sentence of some length is a standfirst or a paragraph.
    if l.ends_sentence && l.words > 12 && !text.ends_with(['?', '!']) {
        return false;
    }
    let first = text.chars().find(|c| c.is_alphanumeric());
    let capital =
        first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || super::lines::is_cjk(c));
    if !capital {
        return false;
    }
    // A section label: a few words in capitals.
    if l.words <= 3 && !text.chars().any(char::is_lowercase) && !l.is_cjk() {
        return false;
    }
    !(roles::is_caption(text)
        || roles::is_byline(text, l.words)
        || roles::is_stamp(text, l.words)
        || roles::is_dateline(text)
        || card_glue(text).is_some()
        || text.contains("://")
        || text.starts_with("www."))
}
