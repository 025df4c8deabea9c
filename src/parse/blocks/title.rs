//! The headline: the headline-like line nearest above the main region,
//! never a nav line, a date, a byline, a caption, a banner or an agency
//! name. A line set apart by blank lines, of headline length, and copied
//! elsewhere on the page ("Headline | Site") ranks higher; distance costs.

use super::furniture::Pattern;
use super::lines::{Line, Unit};
use super::region::Kind;
use super::roles;
use super::shape::{self, card_glue};

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
    // A line rated prose is a paragraph or a standfirst, not a headline.
    let unit_of = |i: usize| units.partition_point(|u| u.first <= i).saturating_sub(1);
    let is_prose = |i: usize| matches!(kinds[unit_of(i)], Kind::Good | Kind::NearGood);
    // The region may open on the headline itself: a short line rated good
    // from its neighbours, or a headline written as a sentence that the
    // page repeats or heads with a byline or a date.
    let start_line = units[first].first;
    let mut end = start_line;
    if has_region && units[first].single() {
        let l = &lines[start_line];
        let marked = l.copies > 1 || head_of(lines, start_line, &is_prose).is_some();
        if (opens_on_headline && qualifies(l)) || (marked && qualifies_marked(l)) {
            end = start_line + 1;
        }
    }
    if !has_region {
        end = lines.len().min(WINDOW);
    }
    let lo = end.saturating_sub(WINDOW);
    let mut best: Option<(f32, usize)> = None;
    // The byline or date under the nearest headed candidate: the article's.
    let mut article_head: Option<usize> = None;
    for i in (lo..end).rev() {
        let l = &lines[i];
        let head = head_of(lines, i, &is_prose);
        let opening = i == start_line && end == start_line + 1;
        // A headline written as sentences is taken where the page marks
        // it: repeated, or in capitals with a byline or date under it.
        let marked = l.copies > 1 || (head.is_some() && shape::is_title_case(l.text));
        let allowed = qualifies(l) || ((marked || opening) && qualifies_marked(l));
        // A line rated prose is a paragraph or a standfirst, unless it
        // opens the region or the page repeats it.
        if !allowed || (is_prose(i) && !opening && l.copies <= 1) {
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
        // The article's own head (headline, perhaps a dek, then a byline
        // or date) is the nearest one above it; cards of other stories
        // further up have heads too.
        // A name over a date is the byline block itself.
        let name = l.words <= 3 && roles::is_bare_name(l.text);
        if let Some(h) = head.filter(|_| !name) {
            let h = *article_head.get_or_insert(h);
            score += if head == Some(h) { 6.0 } else { 2.0 };
        }
        if l.has_prefix() {
            score -= 2.0;
        }
        // A wire headline in capitals ends on a full stop and is no sentence.
        if l.ends_sentence && !l.text.ends_with(['?', '!']) && !in_capitals(l) {
            score -= 4.0;
        }
        if name {
            score -= 3.0;
        }
        score -= 0.3 * distance as f32;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    best.filter(|&(s, _)| s > 0.0).map(|(_, i)| i)
}

/// Lines looked at under a headline for its byline or date.
const HEAD_LINES: usize = 4;

/// The line of a byline, a date stamp or a bare name among the few lines
/// under line `i`, with at most one paragraph (a standfirst) before it: the
/// head of an article (or of a card).
fn head_of(lines: &[Line], i: usize, is_prose: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut paragraphs = 0;
    (i + 1..lines.len().min(i + 1 + HEAD_LINES))
        .take_while(|&j| {
            paragraphs += usize::from(is_prose(j));
            paragraphs <= 1
        })
        .find(|&j| {
            let l = &lines[j];
            // A time alone stamps a live blog's entry, not an article.
            (roles::is_stamp(l.text, l.words) && !roles::is_live_stamp(l.text))
                || (l.pattern == Pattern::None
                    && (roles::is_byline(l.text, l.words)
                        || (l.words <= 4 && roles::is_bare_name(l.text))))
        })
}

/// Whether `next` is the same unit as `l` (the text flows on).
fn continues(l: &Line, next: &Line) -> bool {
    next.text.chars().next().is_some_and(char::is_lowercase) && !l.ends_sentence
}

/// Whether a line can be a headline at all.
pub fn qualifies(l: &Line) -> bool {
    qualifies_as(l, false)
}

/// [`qualifies`] for a line the page marks as a headline (a copy of it
/// elsewhere, a byline or date under it): a headline written as one or two
/// sentences ("Shares fall. Why nobody worries.") is allowed.
fn qualifies_marked(l: &Line) -> bool {
    qualifies_as(l, true)
}

fn qualifies_as(l: &Line, marked: bool) -> bool {
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
    if l.ends_sentence && l.words > if marked { 20 } else { 12 } && !text.ends_with(['?', '!']) {
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
        || is_menu(text)
        || text.contains("://")
        || text.starts_with("www."))
}

/// Whether a line of a few words or more is written in capitals.
fn in_capitals(l: &Line) -> bool {
    l.words >= 4
        && !l.text.chars().any(char::is_lowercase)
        && l.text.chars().any(char::is_uppercase)
}

/// A menu bar: three or more short items split by `|` or `·` ("Home | World
/// | Sport"), where a headline with its site's name has one split.
fn is_menu(text: &str) -> bool {
    if !text.contains(['|', '·']) {
        return false;
    }
    let mut items = 0;
    for item in text.split(['|', '·']) {
        if item.split_whitespace().count() > 3 {
            return false;
        }
        items += 1;
    }
    items >= 3
}

#[cfg(test)]
mod tests {
    use super::is_menu;

    #[test]
    fn menu_bars_are_told_from_headlines_with_their_site() {
        assert!(is_menu("Home | World | Business | Sport"));
        assert!(is_menu("News · Local · Weather"));
        assert!(!is_menu("Ferry fares rise again | Harbour Courier"));
        assert!(!is_menu(
            "Council votes | Budget passes after a long night of talks | Courier"
        ));
    }
}
