//! Finds the article in a whole scraped page: every non-empty line gets a
//! class (title, body, subhead, list, dateline, byline, caption, teaser,
//! furniture). Chooses spans; never edits text.
//!
//! A page copied from a browser holds menus, banners, captions, bylines and
//! lists of other stories around the article. Without a DOM the shallow
//! features of each line still tell them apart, as boilerpipe and jusText
//! showed: its size, its density of stop words, sentence punctuation,
//! patterns of known widgets (`assets/furniture.toml`), copies elsewhere on
//! the page. The steps:
//!
//! 1. lines that flow into each other (one element per line) are joined
//!    into units ([`lines`]);
//! 2. each unit is rated as prose or not, the uncertain ones from their
//!    neighbours, and the main region is the run of units with the highest
//!    total worth ([`region`]);
//! 3. inside the region short lines are subheads, list items, bylines,
//!    captions or the wire place line ([`roles`]); outside it, headline-like
//!    lines after the article are teasers; the title is the headline-like
//!    line nearest above the region ([`title`]).

mod assemble;
mod bounds;
mod dedup;
mod flow;
mod furniture;
mod known;
mod lines;
mod page_words;
mod place;
mod region;
mod roles;
mod shape;
mod stopwords;
mod title;
mod topic;
pub mod user_furniture;

pub use known::PageKnowledge;
pub use shape::{card_glue, ends_like_sentence};

/// Whether `line` reads as a date stamp ("Published 11:34 PM EST Nov 19,
/// 2019", "Updated 3 March 2026"): a date or a time with little else.
pub fn is_stamp_line(line: &str) -> bool {
    let line = line.trim();
    roles::is_stamp(line, line.split_whitespace().count() as u32)
}

/// What a line says of itself, with no page around it: furniture by its
/// pattern (or no letter or digit at all), a caption or a photo credit, a
/// byline or a date stamp; None for a line that may be the article's. For
/// text an extractor already took from a page's article, where the page's
/// layout that [`classify`] reads is gone.
pub fn line_role(k: &PageKnowledge, line: &str) -> Option<BlockClass> {
    let line = line.trim();
    let words = line.split_whitespace().count() as u32;
    if furniture::pattern_of(k.furniture(), line) != Pattern::None
        || !line.chars().any(char::is_alphanumeric)
    {
        Some(BlockClass::Furniture)
    } else if words <= 30 && roles::is_caption(line) {
        Some(BlockClass::Caption)
    } else if roles::is_byline(line, words) || roles::is_stamp(line, words) {
        Some(BlockClass::Byline)
    } else {
        None
    }
}

use crate::model::{Block, BlockClass, PageWarning, Span};
use assemble::{assemble, warnings};
use bounds::{
    extend_back_over_list, extend_over_closing_sentences, extend_over_list, skip_standfirst,
    trim_teaser_cards,
};
use furniture::Pattern;
use lines::Kind;
use lines::{Line, Unit};

/// What the classifier found on a page: spans of the raw text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub title: Option<Span>,
    /// Body paragraphs in order: each from the start of its first line to
    /// the end of its last (lines where the text flows are one paragraph).
    pub body: Vec<Span>,
    /// Non-empty lines that are neither body nor title, in order.
    pub boilerplate: Vec<Span>,
    /// Headlines of other stories, deduplicated, in order of first appearance.
    pub teasers: Vec<Span>,
    /// Every non-empty line with its class.
    pub blocks: Vec<Block>,
    pub warnings: Vec<PageWarning>,
    /// The page's language writes its nouns with a capital (German): a
    /// capitalised phrase there is no sign of a name.
    pub nouns_capitalised: bool,
}

impl Cleaned {
    /// Boilerplate lines that come before the first body paragraph: where a
    /// masthead date or a byline sits.
    pub fn header(&self) -> impl Iterator<Item = Span> + '_ {
        let body_start = self.body.first().map_or(u32::MAX, |s| s.start);
        self.boilerplate
            .iter()
            .copied()
            .filter(move |s| s.start < body_start)
    }
}

/// Gives back this thread's line-search caches and page buffers (see
/// [`crate::parse::release_thread_scratch`]).
pub fn release_thread_scratch() {
    furniture::release_caches();
    lines::release();
    page_words::release();
    title::release();
    topic::release();
}

/// Classifies every line of `raw` and finds title, body and teasers, with
/// what `k` knows of furniture and stop words.
pub fn classify(k: &PageKnowledge, raw: &str) -> Cleaned {
    let (lines, lang) = lines::split(k, raw);
    let mut out = Cleaned {
        nouns_capitalised: lang.capitalises_nouns(),
        ..Cleaned::default()
    };
    if lines.is_empty() {
        lines::give_back(lines, Vec::new());
        return out;
    }
    let units = lines::units(k.stop_words(), &lines, lang);
    let mut kinds = region::kinds(&units, &lines);
    region::mark_link_runs(&mut kinds, &units, &lines);
    let good = region::smooth(&kinds);
    let mut worths: Vec<f32> = units
        .iter()
        .zip(&kinds)
        .zip(&good)
        .map(|((u, &k), &g)| region::worth(u, k, g, &lines))
        .collect();
    let stamps: Vec<bool> = units
        .iter()
        .map(|u| u.single() && roles::is_live_stamp(lines[u.first].text))
        .collect();
    region::credit_openings(&mut worths, &units, &kinds, &lines);
    let unfenced = worths.clone();
    // The article is above the readers' comments when there is prose there;
    // a series of comments does not make the article's paragraphs cards.
    let above = region::comments_start(&units, &lines).unwrap_or(units.len());
    let openers = region::sentence_openers(&units, &lines);
    region::fence_isolated(
        &mut worths[..above],
        &kinds[..above],
        &stamps[..above],
        &openers[..above],
    );
    region::fence_isolated(
        &mut worths[above..],
        &kinds[above..],
        &stamps[above..],
        &openers[above..],
    );
    // When the fenced paragraphs are all the prose there is, they are it.
    let run = region::best_run(&worths[..above])
        .or_else(|| region::best_run(&unfenced[..above]))
        .or_else(|| region::best_run(&worths))
        .or_else(|| region::best_run(&unfenced));
    let mut classes = vec![BlockClass::Furniture; units.len()];
    let (mut first, mut last) = match run {
        Some((s, e)) => {
            let s = skip_standfirst(&units, &kinds, &lines, s, e);
            // Short lines rated good from below (a label, a heading over
            // the first paragraph) do not open the article.
            let run_start = s;
            let mut s = (s..=e)
                .find(|&i| matches!(kinds[i], Kind::Good | Kind::NearGood))
                .unwrap_or(s);
            // The start of a sentence split around links (one element per
            // line) opens it with the paragraph it runs into.
            while s > run_start && openers[s - 1] {
                s -= 1;
            }
            // A lead-in sentence ending on a colon right above the first
            // paragraph opens the article with it.
            if s > 0 && region::is_lead_in(&units[s - 1], &lines) {
                s -= 1;
            }
            let mut e = trim_teaser_cards(&units, &kinds, &lines, s, e);
            // A headline over a byline or a date stamp at the region's end
            // is the first card of other stories, not a closing subhead.
            while e > s && kinds[e] == Kind::Short && units[e].single() && {
                let l = &lines[units[e].first];
                is_headline(l, l.text)
                    && units.get(e + 1).is_some_and(|n| {
                        let nl = &lines[n.first];
                        n.single()
                            && (roles::is_byline(nl.text, nl.words)
                                || roles::is_stamp(nl.text, nl.words))
                    })
            } {
                e -= 1;
            }
            // Short sentences closing the article ("Okonjo declined to
            // comment."), before or after a list that ends it, are its last
            // lines.
            let e = extend_over_closing_sentences(&units, &lines, e);
            let after_list = extend_over_list(&units, &lines, e);
            let e = if after_list > e {
                extend_over_closing_sentences(&units, &lines, after_list)
            } else {
                e
            };
            (extend_back_over_list(&units, &lines, s), e)
        }
        // No prose at all (a list page, one huge unpunctuated line): keep
        // every line no pattern names, so nothing is lost.
        None => (0, units.len() - 1),
    };
    let title_idx = title::find(
        k.stop_words(),
        &lines,
        &units,
        &kinds,
        first,
        run.is_some(),
        units[first].single() && kinds[first] == Kind::Short,
    );
    // A headline found a few lines into the region (under a fact check's
    // claim) opens the article: the claim above it is the page's.
    if let Some(t) = title_idx
        && t > units[first].first
        && t < units[last].first
    {
        let tu = units.partition_point(|u| u.first <= t) - 1;
        first = (tu + 1..=last)
            .find(|&i| matches!(kinds[i], Kind::Good | Kind::NearGood))
            .unwrap_or(first);
    }
    // A document with nothing of a page around it, no widget, banner or
    // footer line anywhere (a wire story, a plain article file): every line
    // after its first paragraph is the article's, the short ones classified
    // in place (results tables, closing lines), except a publisher card.
    let bare = run.is_some() && lines.iter().all(|l| l.pattern == Pattern::None);
    let region_end = last;
    if bare {
        last = if run.is_some_and(|(_, e)| e < above) {
            above - 1
        } else {
            units.len() - 1
        };
    }
    let card_after = |ui: usize| {
        bare && ui > region_end
            && units[ui].single()
            && card_glue(lines[units[ui].first].text).is_some()
    };
    let title_key = title_idx.map(|i| lines[i].key).filter(|&k| k != 0);
    let title_text = title_idx.map(|i| lines[i].content_text(raw));
    // A copy of the title, or the page's title line ("Headline | Site").
    let is_title_copy = |u: &Unit| {
        let l = &lines[u.first];
        u.single()
            && (title_key.is_some_and(|k| l.key == k)
                || title_text.is_some_and(|t| {
                    l.text.len() > t.len()
                        && l.text
                            .get(..t.len())
                            .is_some_and(|h| h.eq_ignore_ascii_case(t))
                        && l.text[t.len()..]
                            .trim_start()
                            .starts_with(['|', '-', '–', '—', ':', '·'])
                }))
    };
    // A copy of the standfirst right under the title (the page repeats it
    // as a share text or over the first paragraph) is the dek again.
    let dek_key = title_idx
        .and_then(|t| lines.get(t + 1))
        .filter(|l| l.ends_sentence && l.copies > 1)
        .map(|l| l.key)
        .filter(|&k| k != 0);
    let is_dek_copy = |u: &Unit| u.single() && dek_key.is_some_and(|k| lines[u.first].key == k);
    // Headlines under a "Trending" or "Most popular" label are other
    // stories wherever they sit; a paragraph ends the label's list.
    let mut under_label = false;
    for ui in 0..units.len() {
        let u = &units[ui];
        let l = &lines[u.first];
        let labelled = under_label
            && u.single()
            && l.pattern == Pattern::None
            && kinds[ui] != Kind::Good
            && is_headline(l, l.text);
        classes[ui] = if title_idx.is_some_and(|t| u.lines().contains(&t)) || is_title_copy(u) {
            BlockClass::Title
        } else if labelled {
            BlockClass::Teaser
        } else if is_dek_copy(u) || card_after(ui) {
            BlockClass::Furniture
        } else if (first..=last).contains(&ui) {
            if run.is_some() {
                inside(ui, &units, &kinds, &lines, first, last)
            } else if l.pattern == Pattern::None {
                BlockClass::Body
            } else {
                BlockClass::Furniture
            }
        } else {
            outside(u, &lines, ui > last)
        };
        if u.single() && l.pattern == Pattern::Footer {
            under_label = true;
        } else if !(labelled || u.single() && l.pattern == Pattern::Furniture) {
            under_label = false;
        }
    }
    // A place line or a subhead just above the region opens the article.
    if run.is_some() && first > 0 {
        let u = &units[first - 1];
        if classes[first - 1] == BlockClass::Furniture
            && u.single()
            && roles::is_dateline(lines[u.first].text)
        {
            classes[first - 1] = BlockClass::Dateline;
        }
    }
    // A name alone on a line just under the headline is its byline (a wire
    // story's "Ilse Marrow" between the headline and the place line).
    if let Some(t) = title_idx
        && let Some(tu) = units.iter().position(|u| u.lines().contains(&t))
    {
        for ui in tu + 1..(tu + 1 + BYLINE_LINES).min(units.len()) {
            let (u, l) = (&units[ui], &lines[units[ui].first]);
            if classes[ui].is_body() {
                break;
            }
            if classes[ui] == BlockClass::Furniture
                && u.single()
                && l.pattern == Pattern::None
                && l.words <= 4
                && roles::is_bare_name(l.text)
            {
                classes[ui] = BlockClass::Byline;
            }
        }
    }
    // A page whose one piece of text is headline-like (a one-sentence note,
    // a lone line) is all body: a title over nothing would leave the
    // article empty.
    let title_idx = match title_idx {
        Some(t) if !classes.iter().any(|c| c.is_body()) => {
            if let Some(ui) = units.iter().position(|u| u.lines().contains(&t)) {
                classes[ui] = BlockClass::Body;
            }
            None
        }
        t => t,
    };
    assemble(raw, &lines, &units, &classes, title_idx, &mut out);
    // Readers' comments are not prose the article could have missed.
    out.warnings = warnings(&out, &units[..above], &kinds, &classes);
    lines::give_back(lines, units);
    out
}

/// The class of a unit inside the main region.
fn inside(
    ui: usize,
    units: &[Unit],
    kinds: &[Kind],
    lines: &[Line],
    first: usize,
    last: usize,
) -> BlockClass {
    let u = &units[ui];
    let l = &lines[u.first];
    let text = l.text;
    if u.single() && roles::is_live_stamp(text) {
        return BlockClass::Subhead;
    }
    if u.single() && l.pattern != Pattern::None {
        return BlockClass::Furniture;
    }
    // A separator ("* * *", "###"): no letters, nothing to read.
    if !text.chars().any(char::is_alphanumeric) {
        return BlockClass::Furniture;
    }
    let size = u.size();
    if size <= 30 && l.is_caption(text) {
        return BlockClass::Caption;
    }
    // Dated lines one after another below the first paragraph are a list
    // (tour dates, results), not bylines.
    let prose = |j: usize| matches!(kinds[j], Kind::Good | Kind::NearGood);
    let listed = |j: usize| {
        (first..=last).contains(&j)
            && !prose(j)
            && units[j].single()
            && lines[units[j].first]
                .text
                .bytes()
                .any(|b| b.is_ascii_digit())
    };
    if u.single()
        && (ui > 0 && listed(ui - 1) || listed(ui + 1))
        && listed(ui)
        && (first..ui).any(prose)
    {
        return BlockClass::List;
    }
    if u.single() && (roles::is_byline(text, l.words) || roles::is_stamp(text, l.words)) {
        return BlockClass::Byline;
    }
    if u.single() && roles::is_dateline(text) {
        return BlockClass::Dateline;
    }
    match kinds[ui] {
        Kind::Good | Kind::NearGood => BlockClass::Body,
        Kind::Short | Kind::Bad => {
            if u.single() && l.copies > 1 && size < SHORT_COPY {
                return BlockClass::Furniture;
            }
            if kinds[ui] == Kind::Bad && size > 40 {
                return BlockClass::Furniture;
            }
            let shortish = |j: usize| {
                (first..=last).contains(&j)
                    && matches!(kinds[j], Kind::Short | Kind::Bad)
                    && !roles::is_live_stamp(lines[units[j].first].text)
            };
            if l.has_prefix() || (ui > 0 && shortish(ui - 1)) || shortish(ui + 1) {
                BlockClass::List
            } else if shape::looks_like_headline(text, || l.words as usize)
                || (l.words <= 8
                    && !l.ends_sentence
                    && text.chars().next().is_some_and(char::is_uppercase))
                || text.ends_with(':')
                || shape::is_question_headline(text)
            {
                BlockClass::Subhead
            } else {
                BlockClass::Body
            }
        }
    }
}

/// Lines looked at under the headline for a bare name that is its byline.
const BYLINE_LINES: usize = 2;

/// Copies of a line this short are page widgets, not article text.
const SHORT_COPY: u32 = 8;

/// The class of a unit outside the main region: the shapes that belong to
/// an article page, else furniture; after the article, headline-like lines
/// are other stories.
fn outside(u: &Unit, lines: &[Line], after: bool) -> BlockClass {
    let l = &lines[u.first];
    if u.single() && l.pattern != Pattern::None {
        return BlockClass::Furniture;
    }
    let text = l.text;
    if u.size() <= 30 && l.is_caption(text) {
        return BlockClass::Caption;
    }
    if u.single() && (roles::is_byline(text, l.words) || roles::is_stamp(text, l.words)) {
        return BlockClass::Byline;
    }
    if u.single() && is_headline(l, text) && after {
        return BlockClass::Teaser;
    }
    BlockClass::Furniture
}

/// A short line with no sentence punctuation, or a short question: the
/// shape of a headline.
fn is_headline(l: &Line, text: &str) -> bool {
    let content = &text[(l.content.start - l.span.start) as usize..];
    shape::is_question_headline(content)
        || (!(l.ends_sentence && l.words > 3)
            && shape::looks_like_headline(content, || {
                if l.has_prefix() {
                    shape::word_count(content, shape::MAX_HEADLINE_WORDS)
                } else {
                    l.words as usize
                }
            })
            && card_glue(text).is_none())
}

#[cfg(test)]
mod tests;

/// `pieces` in an order scrambled by `seed`, without end: what the tests
/// build lines of, to compare a fast path with the general one over many
/// shapes of text.
#[cfg(test)]
fn scrambled<'a>(pieces: &'a [&'a str], seed: usize) -> impl Iterator<Item = &'a str> + 'a {
    let mut k = seed;
    std::iter::from_fn(move || {
        let piece = pieces[k % pieces.len()];
        k = k.wrapping_mul(31).wrapping_add(7) % 1009;
        Some(piece)
    })
}

/// A line of [`scrambled`] pieces at least `len` bytes long.
#[cfg(test)]
fn scrambled_line(pieces: &[&str], seed: usize, len: usize) -> String {
    let mut line = String::new();
    for piece in scrambled(pieces, seed) {
        if line.len() >= len {
            break;
        }
        line.push_str(piece);
    }
    line
}
