//! Where the article is: each unit is rated as prose or not by shallow
//! features (size, stop-word density, patterns, copies), the uncertain
//! ones are re-rated from their neighbours, and the main region is the
//! run of units with the highest total worth (prose adds, everything else
//! costs), found in one pass.

use super::furniture::Pattern;
use super::lines::{Kind, Line, Unit};

/// Below this size (words) a unit is short.
const SHORT: u32 = 10;
/// From this size a prose-dense unit is good on its own.
const LONG: u32 = 25;
/// Stop-word density of running prose in the page's language.
const DENSE: f32 = 0.28;
/// Fewest words of a line shown twice that is a paragraph (a card's
/// summary), not a headline.
const COPIED_PARAGRAPH_WORDS: u32 = 20;

/// Fewest short summaries shown twice that make a carousel (counting both
/// copies of each).
const CAROUSEL: usize = 6;

/// Stop-word density below which a long unit is not prose.
const THIN: f32 = 0.16;

/// The stop-word density of a unit; CJK text has no spaces to count words
/// by, so its sentence punctuation stands in.
fn density(u: &Unit, lines: &[Line]) -> f32 {
    if u.cjk > 0 && u.cjk >= u.words {
        let punct = lines[u.lines()]
            .iter()
            .any(|l| l.text.contains(['。', '、', '．', '！', '？']) || l.ends_sentence);
        return if punct { 0.35 } else { 0.1 };
    }
    if u.words == 0 {
        return 0.0;
    }
    u.stops as f32 / u.words as f32
}

/// Rates each unit on its own. On a page with no prose at all, short
/// sentences are the prose (a brief, a notice).
pub fn kinds(units: &[Unit], lines: &[Line]) -> Vec<Kind> {
    let mut kinds = rate(units, lines);
    // Paragraphs the page shows twice are a carousel or a digest of other
    // stories, unless they are all its prose (an article saved twice).
    // Summaries short enough to have a headline key count by their copies
    // when there are several (one is a standfirst or a share text).
    let short_copy = |u: &Unit| {
        let l = &lines[u.first];
        u.single() && l.copies > 1 && l.words >= COPIED_PARAGRAPH_WORDS
    };
    let carousel = units
        .iter()
        .filter(|u| short_copy(u))
        .take(CAROUSEL)
        .count()
        == CAROUSEL;
    let copied = |u: &Unit| lines[u.first].long_copy || (carousel && short_copy(u));
    if units
        .iter()
        .zip(&kinds)
        .any(|(u, &k)| k == Kind::Good && !copied(u))
    {
        for (k, u) in kinds.iter_mut().zip(units) {
            if copied(u) {
                *k = Kind::Bad;
            }
        }
    }
    if !kinds
        .iter()
        .any(|k| matches!(k, Kind::Good | Kind::NearGood))
    {
        for (k, u) in kinds.iter_mut().zip(units) {
            if *k == Kind::Short && u.words > 3 && lines[u.last].ends_sentence {
                *k = Kind::NearGood;
            }
        }
    }
    kinds
}

fn rate(units: &[Unit], lines: &[Line]) -> Vec<Kind> {
    units
        .iter()
        .map(|u| {
            let first = &lines[u.first];
            if u.single() && first.pattern != Pattern::None {
                return Kind::Bad;
            }
            let size = u.size();
            if size < SHORT {
                return Kind::Short;
            }
            let d = density(u, lines);
            let ends = lines[u.last].ends_sentence;
            if d >= DENSE {
                if size >= LONG {
                    Kind::Good
                } else if ends || size >= 18 {
                    Kind::NearGood
                } else {
                    Kind::Short
                }
            } else if d >= THIN {
                if ends || size >= LONG {
                    Kind::NearGood
                } else {
                    Kind::Short
                }
            } else {
                Kind::Bad
            }
        })
        .collect()
}

/// Link lists: three or more short single lines in a row with no blank
/// line between them and no sentence punctuation (a menu, a "most popular"
/// box) are not prose, whatever their neighbours. Only where the page
/// marks paragraphs with blank lines does this say anything.
pub fn mark_link_runs(kinds: &mut [Kind], units: &[Unit], lines: &[Line]) {
    let blank_share = lines.iter().filter(|l| l.blank_before).count() * 10;
    if blank_share > lines.len() * 7 {
        return;
    }
    let linky: Vec<bool> = units
        .iter()
        .zip(kinds.iter())
        .map(|(u, &k)| {
            u.single()
                && k == Kind::Short
                && !lines[u.first].ends_sentence
                && !lines[u.first].has_prefix()
        })
        .collect();
    let linky = |i: usize| linky[i];
    let mut i = 0;
    while i < units.len() {
        if !linky(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < units.len() && linky(j) && !lines[units[j].first].blank_before {
            j += 1;
        }
        if j - i >= 3 {
            kinds[i..j].fill(Kind::Bad);
        }
        i = j;
    }
}

/// jusText's context step: a short unit between good ones is good, between
/// bad ones bad; a near-good unit is good unless both sides are bad.
/// Neighbours are the nearest good or bad units (the page's edges count
/// as bad). Two sweeps, linear.
pub fn smooth(kinds: &[Kind]) -> Vec<bool> {
    let n = kinds.len();
    // Nearest good/bad neighbour on each side, skipping short and near-good.
    let mut prev_gb = vec![Kind::Bad; n];
    let mut next_gb = vec![Kind::Bad; n];
    // Nearest non-short neighbour on each side (near-good counts).
    let mut prev_ns = vec![Kind::Bad; n];
    let mut next_ns = vec![Kind::Bad; n];
    let (mut gb, mut ns) = (Kind::Bad, Kind::Bad);
    for i in 0..n {
        prev_gb[i] = gb;
        prev_ns[i] = ns;
        if matches!(kinds[i], Kind::Good | Kind::Bad) {
            gb = kinds[i];
        }
        if kinds[i] != Kind::Short {
            ns = kinds[i];
        }
    }
    let (mut gb, mut ns) = (Kind::Bad, Kind::Bad);
    for i in (0..n).rev() {
        next_gb[i] = gb;
        next_ns[i] = ns;
        if matches!(kinds[i], Kind::Good | Kind::Bad) {
            gb = kinds[i];
        }
        if kinds[i] != Kind::Short {
            ns = kinds[i];
        }
    }
    (0..n)
        .map(|i| match kinds[i] {
            Kind::Good => true,
            Kind::Bad => false,
            Kind::NearGood => !(prev_gb[i] == Kind::Bad && next_gb[i] == Kind::Bad),
            Kind::Short => match (prev_gb[i], next_gb[i]) {
                (Kind::Good, Kind::Good) => true,
                (Kind::Bad, Kind::Bad) => false,
                (Kind::Bad, _) => next_ns[i] == Kind::NearGood,
                (_, Kind::Bad) => prev_ns[i] == Kind::NearGood,
                _ => false,
            },
        })
        .collect()
}

/// What a unit adds to (or costs) a region that contains it.
pub fn worth(u: &Unit, kind: Kind, good: bool, lines: &[Line]) -> f32 {
    let first = &lines[u.first];
    let size = u.size() as f32;
    if u.single() && first.pattern == Pattern::Footer {
        return -25.0;
    }
    if u.single() && first.pattern == Pattern::Furniture {
        return -2.0;
    }
    let copied = u.single() && first.copies > 1;
    match (kind, good) {
        (Kind::Good, _) => size,
        (Kind::NearGood, true) => size * 0.7,
        (Kind::NearGood, false) => size * 0.2 - 1.0,
        (Kind::Short, true) if !copied => 0.5,
        (Kind::Short, _) if copied => -4.0 - size,
        (Kind::Short, _) => -1.5,
        (Kind::Bad, _) => -(size * 0.5).clamp(2.0, 30.0),
    }
}

/// Prose units fenced by short lines on both sides (two or more before and
/// after): the summary of a teaser card (label, headline, source, summary)
/// or a comment (name, date, text, "Reply"), when several follow each
/// other. An article's paragraphs come in runs, with at most a subhead or
/// a caption between them. Their worth drops to a small cost.
/// `openers` marks the start of a sentence that a link on its own line
/// splits ("Today only, the yard offers" / "Tessel Lamps" / ". Shipping
/// is free…"): part of the paragraph after it, so no fence.
pub fn fence_isolated(worths: &mut [f32], kinds: &[Kind], stamps: &[bool], openers: &[bool]) {
    let n = kinds.len();
    let prose = |k: Kind| matches!(k, Kind::Good | Kind::NearGood);
    // Non-prose units right before each unit (capped), then right after.
    let mut before = vec![0u8; n];
    let mut run = 0u8;
    for i in 0..n {
        before[i] = run;
        run = if prose(kinds[i]) {
            0
        } else if openers[i] {
            run
        } else {
            run.saturating_add(1).min(3)
        };
    }
    let mut fenced = vec![false; n];
    let mut run = 0u8;
    for i in (0..n).rev() {
        // A live blog's entries are stamped: they are the article.
        let stamped = (i.saturating_sub(before[i] as usize)..i).any(|j| stamps[j]);
        fenced[i] = prose(kinds[i]) && before[i] >= 2 && run >= 2 && !stamped;
        run = if prose(kinds[i]) {
            0
        } else if openers[i] {
            run
        } else {
            run.saturating_add(1).min(3)
        };
    }
    // Cards and comments come in series: a lone fenced paragraph (the
    // first one under a byline and a caption) is the article's.
    let mut last_fenced: Option<usize> = None;
    let mut series = vec![false; n];
    for i in 0..n {
        if fenced[i] {
            if let Some(j) = last_fenced
                && i - j <= CARD_SPACING
            {
                series[i] = true;
                series[j] = true;
            }
            last_fenced = Some(i);
        }
    }
    for (w, _) in worths.iter_mut().zip(&series).filter(|(_, s)| **s) {
        *w = w.min(-1.0);
    }
}

/// Units that open a sentence a link splits, one element per line: no
/// sentence's end, a last word in lower case, and the next unit right
/// under it (no blank line) running on over a line break itself (the
/// link, then the sentence going on).
pub fn sentence_openers(units: &[Unit], lines: &[Line]) -> Vec<bool> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let l = &lines[u.last];
            !l.ends_sentence
                && units
                    .get(i + 1)
                    .is_some_and(|n| !n.single() && !lines[n.first].blank_before)
                && l.text
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.chars().all(char::is_lowercase))
        })
        .collect()
}

/// A sentence that introduces the paragraph under it and ends on a colon
/// ("The Courier said in an editorial on Thursday:", "Here is what the
/// council decided:"): the article's first line, not the page's. One line
/// reading as prose (six words or more, three of them stop words, opening
/// on a capital), named by no furniture pattern.
pub fn is_lead_in(u: &Unit, lines: &[Line]) -> bool {
    let l = &lines[u.first];
    u.single()
        && l.pattern == Pattern::None
        && !l.has_prefix()
        && l.text.ends_with(':')
        && l.words >= 6
        && l.stops >= 3
        && l.text.chars().next().is_some_and(char::is_uppercase)
}

/// Where a readers' comments section starts: the first of two or more
/// comment headers on the page. Readers' prose under it is never the
/// article, however long it runs.
pub fn comments_start(units: &[Unit], lines: &[Line]) -> Option<usize> {
    let mut first = None;
    let mut count = 0;
    for (i, u) in units.iter().enumerate() {
        if !lines[u.last].text.ends_with(':') || u.words > 16 {
            continue;
        }
        // One element per line splits the header ("Ana Reyes", "on", the
        // date, "said:"): the unit's lines read as one.
        let joined;
        let text = if u.single() {
            lines[u.first].text
        } else {
            joined = lines[u.lines()]
                .iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
                .join(" ");
            joined.as_str()
        };
        let next = lines.get(u.last + 1).map(|n| (n.text, n.words));
        if super::roles::is_comment_header(text, u.words, next) {
            first.get_or_insert(i);
            count += 1;
            if count >= 2 {
                return first;
            }
        }
    }
    None
}

/// Prose that opens an article under its headline and a byline or date
/// stamp (headline, "By …", date, paragraph): the anchor a reader looks
/// for. Its worth is raised so that a short article outweighs a longer
/// block of page text (a contact notice, a disclaimer) elsewhere.
pub fn credit_openings(worths: &mut [f32], units: &[Unit], kinds: &[Kind], lines: &[Line]) {
    let prose = |k: Kind| matches!(k, Kind::Good | Kind::NearGood);
    for i in 1..units.len() {
        if !prose(kinds[i]) || prose(kinds[i - 1]) {
            continue;
        }
        let mut stamped = false;
        let mut j = i;
        while j > 0 && i - j < OPENING_LINES {
            let u = &units[j - 1];
            let l = &lines[u.first];
            if !u.single() || prose(kinds[j - 1]) {
                break;
            }
            if super::roles::is_byline(l.text, l.words) || super::roles::is_stamp(l.text, l.words) {
                stamped = true;
                j -= 1;
            } else {
                break;
            }
        }
        if stamped && j > 0 && units[j - 1].single() && {
            let l = &lines[units[j - 1].first];
            l.words >= 4 && super::title::qualifies(l)
        } {
            worths[i] += OPENING_CREDIT;
        }
    }
}

/// Most byline and stamp lines between a headline and its first paragraph.
const OPENING_LINES: usize = 3;
/// What an article's opening under its headline and byline adds, in words.
const OPENING_CREDIT: f32 = 40.0;

/// Most units from one card's summary to the next.
const CARD_SPACING: usize = 7;

/// The run of units with the highest total worth (Kadane), as an
/// inclusive range of unit indices; None when nothing is worth anything.
pub fn best_run(worths: &[f32]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0;
    let mut start = 0;
    for (i, &w) in worths.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_units_take_their_neighbours_side() {
        use Kind::*;
        let k = [Bad, Good, Short, Good, Short, Bad, NearGood, Short, Bad];
        assert_eq!(
            smooth(&k),
            [false, true, true, true, false, false, false, false, false]
        );
    }

    #[test]
    fn the_best_run_skips_costly_edges_and_bridges_cheap_gaps() {
        assert_eq!(
            best_run(&[-5.0, 10.0, -2.0, 12.0, -30.0, 8.0]),
            Some((1, 3))
        );
        assert_eq!(best_run(&[-1.0, -2.0]), None);
    }
}
