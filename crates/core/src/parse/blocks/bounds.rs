//! Where the article region starts and ends once it is found: past a
//! standfirst and its byline, over closing sentences and lists that belong
//! to it, short of other stories' cards and the page's footer.

use super::furniture::Pattern;
use super::lines::Kind;
use super::lines::{Line, Unit};
use super::{flow, is_headline, roles, shape, title};

/// The region's start without a standfirst: when its first paragraph is
/// followed by a byline or a date stamp before the next paragraph
/// (headline, standfirst, byline, article), the article starts after them.
pub fn skip_standfirst(
    units: &[Unit],
    kinds: &[Kind],
    lines: &[Line],
    first: usize,
    last: usize,
) -> usize {
    let prose = |i: usize| matches!(kinds[i], Kind::Good | Kind::NearGood);
    if !prose(first) {
        return first;
    }
    let Some(next) = (first + 1..=last).find(|&i| prose(i)) else {
        return first;
    };
    let byline_between = (first + 1..next).any(|i| {
        let l = &lines[units[i].first];
        units[i].single()
            && !roles::is_live_stamp(l.text)
            && (roles::is_byline(l.text, l.words) || roles::is_stamp(l.text, l.words))
    });
    // A banner above the page's headline: the paragraph, menus or buttons,
    // then the headline, then the article. A sentence split around links
    // (one element per line) is no headline.
    let headline_between = next - first >= 3
        && (first + 1..next).any(|i| {
            let l = &lines[units[i].first];
            units[i].single()
                && l.words >= 4
                && title::qualifies(l)
                && !flow::flows_on(lines, units, i, units[i].first)
        });
    let byline_between = byline_between || headline_between;
    let paragraphs_after = (next..=last).filter(|&i| prose(i)).count();
    if byline_between && paragraphs_after >= 2 {
        next
    } else {
        first
    }
}

/// A list that closes the article (tour dates, results, a numbered list of
/// products), which costs more than it adds as prose: items with a list
/// number or bullet, or with figures in them, right after the region (one
/// heading line may introduce them). Two items at least; stops at the
/// first line that is not one.
/// `last` moved over the short one-line sentences right after it.
pub fn extend_over_closing_sentences(units: &[Unit], lines: &[Line], last: usize) -> usize {
    let mut e = last;
    while e + 1 < units.len() && {
        let (u, l) = (&units[e + 1], &lines[units[e + 1].first]);
        u.single() && l.pattern == Pattern::None && l.words >= 3 && l.ends_sentence
    } {
        e += 1;
    }
    e
}

pub fn extend_over_list(units: &[Unit], lines: &[Line], last: usize) -> usize {
    // An item may carry its link on the line under it ("2) Tide Lamp" /
    // "https://…").
    let with_link = |u: &Unit| {
        let l = &lines[u.last];
        u.last == u.first + 1
            && l.words == 1
            && (l.text.starts_with("http://") || l.text.starts_with("https://"))
    };
    let item = |i: usize| {
        let u = &units[i];
        let l = &lines[u.first];
        (u.single() || with_link(u))
            && l.pattern == Pattern::None
            && u.size() <= 40
            && (l.has_prefix() || l.text.bytes().any(|b| b.is_ascii_digit()))
            && !(l.words <= 4 && roles::is_stamp(l.text, l.words))
    };
    let mut end = last;
    let mut items = 0;
    let mut i = last + 1;
    if i < units.len() && !item(i) && i + 1 < units.len() && item(i + 1) {
        let l = &lines[units[i].first];
        if units[i].single() && l.pattern == Pattern::None && l.words <= 8 && !l.ends_sentence {
            i += 1;
        }
    }
    while i < units.len() && item(i) {
        items += 1;
        end = i;
        i += 1;
    }
    if items >= 2 { end } else { last }
}

/// A list just above the article's first paragraph (key points), perhaps
/// under a line ending in a colon: two bulleted or numbered items at least.
pub fn extend_back_over_list(units: &[Unit], lines: &[Line], first: usize) -> usize {
    let item = |i: usize| {
        let u = &units[i];
        let l = &lines[u.first];
        u.single() && l.pattern == Pattern::None && l.has_prefix() && u.size() <= 40
    };
    let mut start = first;
    let mut i = first;
    while i > 0 && item(i - 1) {
        i -= 1;
    }
    if first - i >= 2 {
        start = i;
        if i > 0 && units[i - 1].single() && lines[units[i - 1].first].text.ends_with(':') {
            start = i - 1;
        }
    }
    start
}

/// Fewest words in another story's headline at the article's end; a
/// closing subhead of the article is shorter.
pub const TEASER_HEADLINE_WORDS: u32 = 8;

/// Fewest words of a paragraph that is no card's summary.
const SECTION_WORDS: u32 = 60;

/// The region's end without the teaser cards it swallowed: a long headline
/// followed by a single paragraph (another story's summary) and perhaps
/// some short lines, at the very end of the region. Cards are cut from
/// the end while at least two paragraphs remain before them.
pub fn trim_teaser_cards(
    units: &[Unit],
    kinds: &[Kind],
    lines: &[Line],
    first: usize,
    mut last: usize,
) -> usize {
    let truncated = |i: usize| {
        let l = &lines[units[i].first];
        units[i].single() && shape::is_truncated_headline(l.text, l.words)
    };
    let prose = |i: usize| matches!(kinds[i], Kind::Good | Kind::NearGood) && !truncated(i);
    let furniture = |i: usize| units[i].single() && lines[units[i].first].pattern != Pattern::None;
    // A headline of few stop words (a product name, a price) heads a card
    // only below another card or below a footer label ("Read next").
    let mut cards = 0;
    let footer_above = (first..=last)
        .find(|&i| units[i].single() && lines[units[i].first].pattern == Pattern::Footer);
    loop {
        // The last paragraph of the region, and the line before it.
        let Some(p) = (first..=last).rev().find(|&i| prose(i)) else {
            return last;
        };
        let Some(h) = (first..p).rev().find(|&i| !furniture(i)) else {
            return last;
        };
        let u = &units[h];
        let l = &lines[u.first];
        let headline = u.single()
            && ((kinds[h] == Kind::Short
                || kinds[h] == Kind::Bad && (cards > 0 || footer_above.is_some_and(|f| f < h)))
                && l.words >= TEASER_HEADLINE_WORDS
                && is_headline(l, l.text)
                || truncated(h));
        // A paragraph longer than any card's summary under a headline is a
        // section of the article (a list of deals, each with its write-up),
        // unless the headline is cut short or a footer label is above it.
        let section =
            units[p].size() >= SECTION_WORDS && !truncated(h) && footer_above.is_none_or(|f| f > h);
        let paragraphs_before = (first..h).filter(|&i| prose(i)).count();
        if !headline || section || paragraphs_before < 2 {
            return cut_at_footer(units, lines, first, last, &prose);
        }
        last = (first..h).rev().find(|&i| !furniture(i)).unwrap_or(first);
        cards += 1;
    }
}

/// The region's end before its last footer label ("Read next", "Related")
/// when no paragraph of prose follows the label: what is under it is the
/// page's, not the article's.
fn cut_at_footer(
    units: &[Unit],
    lines: &[Line],
    first: usize,
    last: usize,
    prose: &dyn Fn(usize) -> bool,
) -> usize {
    let footer = |i: usize| units[i].single() && lines[units[i].first].pattern == Pattern::Footer;
    for i in (first + 1..=last).rev() {
        if prose(i) {
            return last;
        }
        if footer(i) {
            return (first..i).rev().find(|&j| prose(j)).unwrap_or(last);
        }
    }
    last
}
