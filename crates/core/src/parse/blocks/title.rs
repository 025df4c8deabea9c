//! The headline: the headline-like line nearest above the main region,
//! never a nav line, a date, a byline, a caption, a banner or an agency
//! name. A line set apart by blank lines, of headline length, and copied
//! elsewhere on the page ("Headline | Site") ranks higher; distance costs.

use super::flow;
use super::furniture::Pattern;
use super::lines::{Kind, Line, RESERVED_LINES, Unit};
use super::roles;
use super::shape::{self, card_glue};
use super::stopwords::StopWords;
use super::topic::Topic;
use contest::{Contender, Steps};

mod contest;

/// How many lines above the region are searched.
const WINDOW: usize = 40;
/// How far above the region a headline on the article's topic is searched
/// (past a gallery, a car finder, a block of share buttons).
const FAR_WINDOW: usize = 160;
/// Fewest words of a headline that a name under it is the byline of (a
/// menu item of two words is no headline).
const HEADLINE_WORDS: u32 = 4;
/// Headline-like lines in a row that make a list.
const LIST_RUN: usize = 3;
/// Most words of a headline written as sentences ("Fares fall. Islanders
/// are not convinced."), where a standfirst runs longer.
const SENTENCE_HEADLINE_WORDS: u32 = 15;

/// The line index of the title, if any line qualifies. `first` is the
/// region's first unit; `has_region` is false when the page has no prose.
pub fn find(
    stop: &StopWords,
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
    // Whether each line is an article's head, read once per line: the
    // lines under a candidate are asked about for each of the few above.
    let mut scratch = SCRATCH.take();
    let FindScratch {
        known_heads,
        may_be,
        heads,
        run_end,
        run_start,
    } = &mut scratch;
    known_heads.resize(lines.len(), HeadRead::Unread);
    if has_region && units[first].single() {
        let l = &lines[start_line];
        let marked = l.copies > 1 || head_of(lines, start_line, &is_prose, known_heads).is_some();
        if (marked || (opens_on_headline && !long_sentence(l, false))) && qualifies_marked(l) {
            end = start_line + 1;
        }
    }
    // The article's own head may sit a few lines into the region, under a
    // quoted claim and its speaker (a fact check: the claim, "— Name on
    // date", then the headline over its byline): such a headline is a
    // candidate too.
    if has_region && end <= start_line + 1 {
        let top = (start_line + 1..(start_line + CLAIM_LINES).min(lines.len() - 1))
            .find(|&i| headline_over_byline(&lines[i], &lines[i + 1]));
        if let Some(i) = top {
            end = i + 1;
        }
    }
    if !has_region {
        end = lines.len().min(WINDOW);
    }
    // Built at the first candidate: most lines never need it.
    let topic = std::cell::OnceCell::new();
    let topic = || {
        topic.get_or_init(|| {
            if has_region {
                Topic::of(lines, units, first, &|ui| {
                    matches!(kinds[ui], Kind::Good | Kind::NearGood)
                })
            } else {
                Topic::default()
            }
        })
    };
    let near = end.saturating_sub(WINDOW);
    let lo = if has_region {
        end.saturating_sub(FAR_WINDOW)
    } else {
        near
    };
    // Lines that may be headlines, and the head (byline or date) under each.
    may_be.extend((lo..end).map(|i| qualifies_marked(&lines[i])));
    heads.extend((lo..end).map(|i| {
        if may_be[i - lo] {
            head_of(lines, i, &is_prose, known_heads)
        } else {
            None
        }
    }));
    let head_at = |i: usize| {
        if i >= lo && i < end {
            heads[i - lo]
        } else {
            None
        }
    };
    // Another story's card (headline over its own date) followed right
    // after its date by the next card: a list of stories.
    let card_in_series =
        |i: usize| head_at(i).is_some_and(|h| (h + 1..=h + 2).any(|j| head_at(j).is_some()));
    // (Without a sentence's end, `qualifies` is `qualifies_marked`.)
    let headline_like = |i: usize| {
        let l = &lines[i];
        l.words >= HEADLINE_WORDS && !l.ends_sentence && may_be[i - lo]
    };
    // The last line of the run of headline-like lines each line is in.
    run_end.resize(end - lo, 0);
    run_start.resize(end - lo, 0);
    let mut i = lo;
    while i < end {
        let mut j = i;
        while j < end && headline_like(j) {
            j += 1;
        }
        run_end[i - lo..j - lo].fill(j.saturating_sub(1));
        run_start[i - lo..j - lo].fill(i);
        i = j + 1;
    }
    // A run of headline-like lines is a list of stories or buttons (a
    // headline and its dek make two).
    let in_list =
        |i: usize| headline_like(i) && run_end[i - lo] + 1 - run_start[i - lo] >= LIST_RUN;
    // A sentence right under a headline with the same byline or date under
    // both is the headline's standfirst, and so is its copy further down
    // (the first paragraph, a share text).
    let is_standfirst = |i: usize| {
        let l = &lines[i];
        head_at(i).is_some()
            && l.ends_sentence
            && !l.text.ends_with(['?', '!'])
            && !in_capitals(l)
            && i > lo
            && headline_like(i - 1)
            && !in_list(i - 1)
            && head_at(i - 1) == head_at(i)
    };
    let standfirst_keys: Vec<u64> = (lo..end)
        .filter(|&i| lines[i].key != 0 && is_standfirst(i))
        .map(|i| lines[i].key)
        .collect();
    // The lines that pass every test, nearest first, with their scores
    // known up to the topic's part.
    let mut contenders: Vec<Contender> = Vec::new();
    // The byline or date under the nearest headed candidate: the article's.
    let mut article_head: Option<usize> = None;
    for i in (lo..end).rev() {
        let l = &lines[i];
        if !may_be[i - lo] {
            continue;
        }
        // Worked out only for a line that needs it: most candidates fail
        // the cheaper checks below first.
        let overlap = std::cell::OnceCell::new();
        let on_topic = || *overlap.get_or_init(|| topic().overlap(stop, content(l)));
        // Far above the region only a headline on the article's topic.
        let strongly = || {
            let o = on_topic();
            o.shared >= 3 && o.share() >= 0.5
        };
        if i < near && !strongly() {
            continue;
        }
        // Inside a list of headlines the byline or date under the list is
        // the head of its last item only.
        let head =
            head_at(i).filter(|&h| !(in_list(i) && run_end[i - lo] > i && h > run_end[i - lo]));
        let opening = i == start_line && end == start_line + 1;
        // A headline written as sentences is taken where the page marks
        // it: repeated, or in capitals with a byline or date under it.
        // Read once for the line, by whichever test asks first.
        let title_case = std::cell::OnceCell::new();
        let title_case = || *title_case.get_or_init(|| shape::is_title_case(l.text));
        let marked = l.copies > 1 || (head.is_some() && title_case());
        // So is a short one on the article's topic with a byline or date
        // under it.
        // `may_be` holds: `qualifies` asks only for the shorter sentence.
        let allowed = marked
            || opening
            || !long_sentence(l, false)
            || (head.is_some() && sentence_headline(lines, i) && strongly());
        // A line rated prose is a paragraph or a standfirst, unless it
        // opens the region or the page repeats it, or it is a long
        // headline on the article's topic with a byline or date under it.
        // So is a question or a headline without a sentence's end over
        // an author's name and a date: the head of an article, whatever
        // its words.
        let long_headline = || {
            head.is_some_and(|h| {
                (!l.ends_sentence || l.text.ends_with('?') || sentence_headline(lines, i))
                    && (strongly()
                        || (!l.ends_sentence || l.text.ends_with('?')) && dated_author(lines, h))
            })
        };
        if !allowed || (is_prose(i) && !opening && l.copies <= 1 && !long_headline()) {
            continue;
        }
        let standfirst = is_standfirst(i) || (l.key != 0 && standfirst_keys.contains(&l.key));
        if standfirst {
            continue;
        }
        // The line after a lone "By" is the author's name, whatever its
        // shape ("Jane Doe | Harbour Media for Courier.com"). A short line
        // inside a list of labels is one of the article's tags.
        if flow::flows_on(lines, units, unit_of(i), i)
            || in_label_list(lines, i)
            || i.checked_sub(1).is_some_and(|p| is_lone_by(&lines[p]))
        {
            continue;
        }
        // Without a region the headline is the first that qualifies.
        let distance = if has_region { end - i } else { i };
        let base = l.size().min(12) as f32;
        // A name over a date is the byline block itself; over a byline it
        // is a headline in capitals.
        // A line of three long capitalised words over a byline further
        // down (past a photo credit, a section label, a date) is a
        // headline: the byline names the author.
        let name = l.words <= 3
            && roles::is_bare_name(l.text)
            && !head.is_some_and(|h| roles::is_byline(lines[h].text, lines[h].words))
            && !(title_case() && byline_under(lines, i));
        // Under a byline and over its date: the author's box (a
        // publication's name, a job title), not a headline; a label of a
        // few words under a date is a tag.
        let in_byline_box = head.is_some()
            && (i.saturating_sub(HEAD_LINES - 1)..i).any(|j| {
                let b = &lines[j];
                roles::is_byline(b.text, b.words)
                    || (l.words <= HEADLINE_WORDS && roles::is_stamp(b.text, b.words))
            });
        // The name under a headline above it is its byline.
        let names_above = (i.saturating_sub(HEAD_LINES)..i)
            .any(|k| head_at(k) == Some(i) && lines[k].words >= HEADLINE_WORDS);
        let listed = in_list(i) || card_in_series(i);
        let blank_after = lines.get(i + 1).is_none_or(|n| n.blank_before);
        // The article's own head (headline, perhaps a dek, then a byline
        // or date) is the nearest one above it; cards of other stories
        // further up have heads too.
        let head_bonus = head.filter(|_| !name).map(|h| {
            let h = *article_head.get_or_insert(h);
            if head == Some(h) { 8.0 } else { 2.0 }
        });
        let steps = Steps {
            listed,
            demoted: in_byline_box || names_above,
            title_case: title_case(),
            set_apart: l.blank_before && blank_after,
            copied: l.copies > 1,
            head_bonus,
            prefixed: l.has_prefix(),
            // A wire headline in capitals ends on a full stop and is no
            // sentence.
            sentence_end: l.ends_sentence && !l.text.ends_with(['?', '!']) && !in_capitals(l),
            name,
            distance,
        };
        // A standfirst sentence tells the article's topic too, at half
        // weight.
        let sentence = l.ends_sentence && !title_case();
        contenders.push(Contender {
            line: i,
            base,
            weight: if sentence { 0.5 } else { 1.0 },
            steps,
            overlap: if name { None } else { overlap.get().copied() },
        });
    }
    let title = contest::decide(stop, &contenders, &|i| content(&lines[i]), &topic);
    scratch.clear();
    SCRATCH.set(scratch);
    title
}

/// The tables [`find`] fills for the lines it reads, kept empty for the
/// thread's next page instead of allocated again.
#[derive(Default)]
struct FindScratch {
    known_heads: Vec<HeadRead>,
    may_be: Vec<bool>,
    heads: Vec<Option<usize>>,
    run_end: Vec<usize>,
    run_start: Vec<usize>,
}

impl FindScratch {
    fn clear(&mut self) {
        if self.known_heads.capacity() > RESERVED_LINES {
            *self = FindScratch::default();
        }
        self.known_heads.clear();
        self.may_be.clear();
        self.heads.clear();
        self.run_end.clear();
        self.run_start.clear();
    }
}

thread_local! {
    static SCRATCH: std::cell::Cell<FindScratch> = std::cell::Cell::new(FindScratch::default());
}

/// Gives back this thread's tables for finding titles.
pub fn release() {
    SCRATCH.take();
}

/// Lines looked at under a headline for its byline or date.
const HEAD_LINES: usize = 4;

/// Lines into the region where the article's own head may sit.
const CLAIM_LINES: usize = 6;

/// A headline (a question or a line with no sentence's end) with a byline
/// right under it: a short one ("By", "By Ana Reyes") or one with a date.
fn headline_over_byline(l: &Line, next: &Line) -> bool {
    l.words >= HEADLINE_WORDS
        && (!l.ends_sentence || l.text.ends_with('?'))
        && qualifies_marked(l)
        && next.pattern == Pattern::None
        && roles::is_byline(next.text, next.words)
        && (next.words <= 6 || next.text.bytes().any(|b| b.is_ascii_digit()))
}

/// The line of a byline, a date stamp or a bare name among the few lines
/// under line `i`, with at most one paragraph (a standfirst) before it: the
/// head of an article (or of a card).
/// `known` holds what is known of each line (see [`HeadRead`]).
fn head_of(
    lines: &[Line],
    i: usize,
    is_prose: &dyn Fn(usize) -> bool,
    known: &mut [HeadRead],
) -> Option<usize> {
    let mut paragraphs = 0;
    for j in i + 1..lines.len().min(i + 1 + HEAD_LINES) {
        paragraphs += usize::from(is_prose(j));
        if paragraphs > 1 {
            break;
        }
        if known[j] == HeadRead::Unread {
            known[j] = if is_head(&lines[j]) {
                HeadRead::Head
            } else {
                HeadRead::NoHead
            };
        }
        if known[j] == HeadRead::Head {
            return Some(j);
        }
    }
    None
}

/// What is known of a line being the head of an article.
#[derive(Clone, Copy, PartialEq, Eq)]
enum HeadRead {
    Unread,
    Head,
    NoHead,
}

/// A byline, a date stamp or a bare name: the head of an article.
fn is_head(l: &Line) -> bool {
    // A time alone stamps a live blog's entry, not an article.
    (roles::is_stamp(l.text, l.words) && !roles::is_live_stamp(l.text))
        || (l.pattern == Pattern::None
            && (roles::is_byline(l.text, l.words) || (l.words <= 4 && roles::is_bare_name(l.text))))
}

/// Whether line `h` is an author's name (a byline or a bare name) with a
/// date stamp right under it.
fn dated_author(lines: &[Line], h: usize) -> bool {
    let b = &lines[h];
    (roles::is_byline(b.text, b.words) || (b.words <= 4 && roles::is_bare_name(b.text)))
        && lines
            .iter()
            .skip(h + 1)
            .take(2)
            .any(|n| roles::is_stamp(n.text, n.words))
}

/// Lines looked at under a short headline for a byline past its photo
/// credit, section label and date.
const BYLINE_REACH: usize = 6;

/// A sentence short enough for a headline and with no photo credit under
/// it (a caption's sentence has one).
fn sentence_headline(lines: &[Line], i: usize) -> bool {
    lines[i].words <= SENTENCE_HEADLINE_WORDS
        && !lines.get(i + 1).is_some_and(|n| n.is_caption(n.text))
}

/// Whether a byline (with no furniture pattern) is among the few lines
/// under line `i`.
fn byline_under(lines: &[Line], i: usize) -> bool {
    lines
        .iter()
        .skip(i + 1)
        .take(BYLINE_REACH)
        .any(|l| l.pattern == Pattern::None && roles::is_byline(l.text, l.words))
}

/// Most words of an item in a list of tags or sections.
const LABEL_WORDS: u32 = 4;

/// A label: a few words with no sentence's end that are not a byline, a
/// date or a photo credit ("©" / "Reuters" under a headline).
fn is_label(l: &Line) -> bool {
    l.words <= LABEL_WORDS
        && !l.ends_sentence
        && l.text.chars().any(char::is_alphabetic)
        && !l.is_caption(l.text)
        && !roles::is_byline(l.text, l.words)
        && !roles::is_stamp(l.text, l.words)
}

/// Whether line `i` is a short item inside a list of labels (the tags
/// under an article's byline: "Markets" / "Solar Panel Makers" / "Policy"
/// / "Grid"): labels on both sides of it and a third next to those. A
/// short headline under a menu has a byline (maybe a bare name), a date, a
/// photo credit in capitals or a dek under it instead.
fn in_label_list(lines: &[Line], i: usize) -> bool {
    let label = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_some_and(is_label);
    let after = lines.get(i + 1).is_some_and(|n| {
        is_label(n) && !roles::is_bare_name(n.text) && n.text.chars().any(char::is_lowercase)
    });
    lines[i].words <= LABEL_WORDS
        && !lines[i].ends_sentence
        && after
        && label(i.checked_sub(1))
        && (label(i.checked_sub(2)) || label(Some(i + 2)))
}

/// A line that is only the word "By" (or "By:", "Author:"), its name on the
/// next line.
fn is_lone_by(l: &Line) -> bool {
    let t = l.text.trim_end_matches(':').trim_end();
    ["by", "author", "authors", "written by"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// Whether a line can be a headline at all: [`qualifies_marked`] with the
/// shorter limit on a sentence's words.
pub fn qualifies(l: &Line) -> bool {
    !long_sentence(l, false) && qualifies_marked(l)
}

/// A sentence of some length is a standfirst or a paragraph; a headline the
/// page marks as one may run longer.
fn long_sentence(l: &Line, marked: bool) -> bool {
    l.ends_sentence && l.words > if marked { 20 } else { 12 } && !content(l).ends_with(['?', '!'])
}

/// [`qualifies`] for a line the page marks as a headline (a copy of it
/// elsewhere, a byline or date under it): a headline written as one or two
/// sentences ("Shares fall. Why nobody worries.") is allowed. Every line
/// that qualifies qualifies marked.
fn qualifies_marked(l: &Line) -> bool {
    if l.pattern != Pattern::None {
        return false;
    }
    let text = content(l);
    let size = if l.is_cjk() { l.cjk / 3 } else { l.words };
    if !(2..=30).contains(&size) || l.text.len() > 300 {
        return false;
    }
    if text.ends_with([',', ';', ':', '-', '–', '—', '|', '/']) {
        return false;
    }
    if long_sentence(l, true) {
        return false;
    }
    // "— Ana Reyes on May 3, 2031": an attribution under a quote.
    if text.starts_with(['—', '–']) {
        return false;
    }
    if !shape::opens_like_headline(text) {
        return false;
    }
    // A section label: a few words in capitals (a script without case has
    // none).
    let caseless = || {
        text.chars()
            .any(|c| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase())
    };
    if l.words <= 3 && !text.chars().any(char::is_lowercase) && !caseless() {
        return false;
    }
    !(l.is_caption(text)
        || roles::is_byline(text, l.words)
        || roles::is_stamp(text, l.words)
        || roles::is_dateline(text)
        // A publisher glued to an author's name ("The Daily TimesJane
        // Doe"), not a brand written in camel case ("PolitiFact's guide…").
        || card_glue(text).is_some_and(|g| text[g..].split_whitespace().count() <= 3)
        || is_menu(text)
        || text.contains("://")
        || text.starts_with("www."))
}

/// A line's text after any junk prefix (a date stamp, a list number).
fn content<'a>(l: &Line<'a>) -> &'a str {
    &l.text[(l.content.start - l.span.start) as usize..]
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
    // A '·' is written C2 B7: a line with neither byte has neither split.
    if memchr::memchr2(b'|', 0xB7, text.as_bytes()).is_none() || !text.contains(['|', '·']) {
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
    use super::super::lines;
    use super::{in_label_list, is_lone_by, is_menu};

    /// Whether line `i` of `raw` (non-empty lines) is an item of a list of
    /// labels.
    fn label_item(raw: &str, i: usize) -> bool {
        let (ls, _) = lines::split(super::super::PageKnowledge::builtin_for_tests(), raw);
        in_label_list(&ls, i)
    }

    #[test]
    fn a_tag_among_tags_is_told_from_a_short_headline() {
        let tags = "Ilse Varga\nMarkets\nBlades & Upstream Manufacturing\nPolicy\nNorth Sound\n";
        assert!(label_item(tags, 2));
        let over_name = "Home\nNews\nFerry Route Approved\nAna Reyes\nMay 3, 2031\n";
        assert!(!label_item(over_name, 2));
        let over_credit = "Video\nSearch\nRoyal Ferry Arrogance\n©\nCOURIER / POOL\nColumnists\n";
        assert!(!label_item(over_credit, 2));
        let over_dek = "Home\nNews\nFerries Return\nThe first boat left at dawn.\n";
        assert!(!label_item(over_dek, 2));
    }

    #[test]
    fn an_author_label_is_a_lone_by() {
        let (ls, _) = lines::split(
            super::super::PageKnowledge::builtin_for_tests(),
            "Author:\nBy\nWritten by\nAuthority\n",
        );
        assert!(is_lone_by(&ls[0]) && is_lone_by(&ls[1]) && is_lone_by(&ls[2]));
        assert!(!is_lone_by(&ls[3]));
    }

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
