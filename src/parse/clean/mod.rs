//! Separates the article body from page furniture. Chooses spans; never
//! edits text.
//!
//! Scraped pages share a shape whatever the site: a header (clock, weather,
//! masthead date, the headline, ads), the article as a run of prose
//! paragraphs, then a footer that lists other stories. The patterns in
//! `assets/furniture.toml` name the widgets; structure does the rest: the
//! headline is the first short line without sentence punctuation, the body
//! is the run of prose after it, and a headline-like line that is not
//! followed by at least two prose paragraphs starts the list of other
//! stories (whose headlines become teasers).

use crate::model::{Block, BlockClass, PageWarning, Span};
use regex_automata::Input;
use regex_automata::meta::{Cache, Regex};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What cleaning found on a page: spans of the raw text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub title: Option<Span>,
    /// Body paragraphs (trimmed non-empty lines), in order.
    pub body: Vec<Span>,
    /// Non-empty lines that are furniture, in order.
    pub boilerplate: Vec<Span>,
    /// Headlines of other stories, deduplicated, in order of first appearance.
    pub teasers: Vec<Span>,
    /// Every non-empty line with its class.
    pub blocks: Vec<Block>,
    pub warnings: Vec<PageWarning>,
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

#[derive(Deserialize)]
struct PatternList {
    patterns: Vec<String>,
}

#[derive(Deserialize)]
struct FurnitureFile {
    line: PatternList,
    footer: PatternList,
    prefix: PatternList,
}

struct Furniture {
    /// The line patterns as (at most) two alternations: those that can
    /// only match at the start of a line, whose search gives up after a few
    /// bytes, and the others, which are read to the end of every line. A
    /// line is furniture when either matches.
    line: Vec<Regex>,
    footer: Regex,
    /// The junk-prefix patterns, tried in order.
    prefix: Vec<Regex>,
    /// The prefix patterns as one alternation, when each of them can only
    /// match at the start of a line: the first pattern that matches is then
    /// what the alternation matches, found in one search instead of one per
    /// pattern.
    prefix_any: Option<Regex>,
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("furniture patterns compile")
}

/// Whether every match of `pattern` must start where the search starts:
/// what `thompson::NFA::is_always_start_anchored` says, read from the
/// pattern's syntax instead of a compiled NFA (most of cleaning's set-up).
fn always_anchored(pattern: &str) -> bool {
    regex_syntax::parse(pattern).is_ok_and(|hir| {
        hir.properties()
            .look_set_prefix()
            .contains(regex_syntax::hir::Look::Start)
    })
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    let file: FurnitureFile = toml::from_str(include_str!("../../../assets/furniture.toml"))
        .expect("assets/furniture.toml is valid TOML (checked by a unit test)");
    // One alternation, not a RegexSet: only "any match" is needed, and a set's
    // all-matches search is ~100x slower on these patterns.
    let join = |ps: &[String]| {
        let alt: Vec<String> = ps.iter().map(|p| format!("(?:{p})")).collect();
        alt.join("|")
    };
    let prefixes = &file.prefix.patterns;
    Furniture {
        line: {
            let (start, anywhere): (Vec<String>, Vec<String>) = file
                .line
                .patterns
                .iter()
                .cloned()
                .partition(|p| always_anchored(p));
            [start, anywhere]
                .iter()
                .filter(|ps| !ps.is_empty())
                .map(|ps| compile(&format!("(?i:{})", join(ps))))
                .collect()
        },
        footer: compile(&format!("(?i:{})", join(&file.footer.patterns))),
        prefix: prefixes.iter().map(|p| compile(p)).collect(),
        prefix_any: (!prefixes.is_empty() && prefixes.iter().all(|p| always_anchored(p)))
            .then(|| compile(&join(prefixes))),
    }
});

/// Search caches for [`FURNITURE`], one set per thread: a regex's own cache
/// pool serves only its first thread quickly.
struct Caches {
    line: Vec<Cache>,
    footer: Cache,
    prefix: Vec<Cache>,
    prefix_any: Option<Cache>,
}

thread_local! {
    static CACHES: RefCell<Caches> = RefCell::new(Caches {
        line: FURNITURE.line.iter().map(Regex::create_cache).collect(),
        footer: FURNITURE.footer.create_cache(),
        prefix: FURNITURE.prefix.iter().map(Regex::create_cache).collect(),
        prefix_any: FURNITURE.prefix_any.as_ref().map(Regex::create_cache),
    });
}

fn is_match(re: &Regex, cache: &mut Cache, text: &str) -> bool {
    re.search_half_with(cache, &Input::new(text).earliest(true))
        .is_some()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A widget, ad or prompt: boilerplate wherever it is.
    Furniture,
    /// A marker after which the article is over.
    Footer,
    /// A paragraph of sentences.
    Prose,
    /// A short line with no sentence punctuation: a title or a teaser.
    Headline,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// The trimmed line.
    span: Span,
    /// The line after any junk prefix (date stamp, CMS leak, list number).
    content: Span,
    text: &'a str,
    class: Class,
}

impl<'a> Line<'a> {
    fn content_text(&self, raw: &'a str) -> &'a str {
        self.content.text(raw)
    }
    fn has_prefix(&self) -> bool {
        self.content.start != self.span.start
    }
}

/// Splits the page into trimmed non-empty lines and classifies each.
fn lines(raw: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in raw.split('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            let span = Span::new(start, start + trimmed.len());
            let prefix = prefix_len(trimmed);
            let content = Span::new(start + prefix, start + trimmed.len());
            let class = classify(trimmed, &trimmed[prefix..]);
            out.push(Line {
                span,
                content,
                text: trimmed,
                class,
            });
        }
        pos += line.len() + 1;
    }
    out
}

/// Bytes of junk before the real text of a line (repeated prefixes allowed).
fn prefix_len(line: &str) -> usize {
    CACHES.with_borrow_mut(|c| prefix_len_with(line, c, true))
}

/// [`prefix_len`]; `joined` allows the one-search alternation.
fn prefix_len_with(line: &str, c: &mut Caches, joined: bool) -> usize {
    let f = &*FURNITURE;
    let mut at = 0;
    for _ in 0..3 {
        let rest = &line[at..];
        let found = match (&f.prefix_any, &mut c.prefix_any) {
            (Some(re), Some(cache)) if joined => re.search_with(cache, &Input::new(rest)),
            _ => f
                .prefix
                .iter()
                .zip(&mut c.prefix)
                .find_map(|(re, cache)| re.search_with(cache, &Input::new(rest))),
        };
        match found {
            Some(m) if m.end() > 0 && m.end() < rest.len() => at += m.end(),
            _ => break,
        }
    }
    at
}

fn classify(line: &str, content: &str) -> Class {
    let f = &*FURNITURE;
    let (footer, furniture) = CACHES.with_borrow_mut(|c| {
        let footer = is_match(&f.footer, &mut c.footer, line);
        let furniture = !footer
            && f.line
                .iter()
                .zip(&mut c.line)
                .any(|(re, cache)| is_match(re, cache, line));
        (footer, furniture)
    });
    if footer {
        return Class::Footer;
    }
    if furniture {
        return Class::Furniture;
    }
    // Words are counted only as far as each test needs, after its cheaper
    // checks: a paragraph that ends like a sentence is prose at its fourth.
    if is_question_headline(content) {
        return Class::Headline;
    }
    if ends_like_sentence(content) && word_count(content, 3) > 3 {
        return Class::Prose;
    }
    if looks_like_headline(content) {
        return Class::Headline;
    }
    Class::Other
}

/// The most words a line can have and still be read as a headline: past
/// this, how many more it has changes nothing.
const MAX_HEADLINE_WORDS: usize = 30;

/// `s.split_whitespace().count()` when that is at most `cap`, else some
/// number above `cap`: a line is counted only as far as the test that asks
/// needs. Bytes are read one by one and a char is decoded only where one of
/// the non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000)
/// can start: every line is counted, and decoding each char was a large
/// part of classifying it.
fn word_count(s: &str, cap: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while let Some(&b) = bytes.get(i) {
        let (space, len) = match b {
            b' ' | b'\t'..=b'\r' => (true, 1),
            0xC2 | 0xE1..=0xE3 => match s.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => (false, 1),
            },
            // Any other byte, ASCII or within a char, is part of a word.
            _ => (false, 1),
        };
        if !space && !in_word {
            words += 1;
            if words > cap {
                break;
            }
        }
        in_word = !space;
        i += len;
    }
    words
}

/// A sentence ends in `.`, `!`, `?` or an ellipsis, perhaps followed by
/// closing quotes or brackets (`…now,” he said.`, `…situation.”`).
pub fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*']);
    t.ends_with(['.', '!', '?', '…']) || (t.len() < s.len() && t.ends_with([',', ':']))
}

/// "Is this the end of the ceasefire?": a short capitalised line ending in
/// `?` or `!` reads as a headline, not as a paragraph.
fn is_question_headline(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’'])
        .ends_with(['?', '!'])
        && s.chars().next().is_some_and(char::is_uppercase)
        && (3..=15).contains(&word_count(s, 15))
}

fn looks_like_headline(s: &str) -> bool {
    if s.ends_with([',', ';', ':', '-', '–', '—']) {
        return false;
    }
    let first = s.chars().find(|c| c.is_alphanumeric());
    first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && (3..=MAX_HEADLINE_WORDS).contains(&word_count(s, MAX_HEADLINE_WORDS))
}

/// A line like `The Daily TimesJane Doe`: a publisher card glued to an
/// author, the way card widgets lose their layout in a scrape. Returns the
/// byte offset of the glue (lowercase letter directly followed by an
/// uppercase one after at least three lowercase letters).
pub fn card_glue(s: &str) -> Option<usize> {
    // More than ten words: an eleventh is enough to know, however long
    // the line.
    if s.split_whitespace().nth(10).is_some() {
        return None;
    }
    let mut lower_run = 0;
    let mut prev_lower = false;
    let mut i = 0;
    while let Some(&b) = s.as_bytes().get(i) {
        // ASCII letters by byte; a char is decoded only outside ASCII.
        let (upper, lower, len) = if b.is_ascii() {
            (b.is_ascii_uppercase(), b.is_ascii_lowercase(), 1)
        } else {
            let c = s.get(i..)?.chars().next()?;
            (c.is_uppercase(), c.is_lowercase(), c.len_utf8())
        };
        if upper && prev_lower && lower_run >= 3 {
            return Some(i);
        }
        prev_lower = lower;
        lower_run = if prev_lower { lower_run + 1 } else { 0 };
        i += len;
    }
    None
}

/// Letters and digits only, lowercased: two copies of a headline that differ
/// in punctuation (an alt-text or slug copy) get the same key.
fn dedup_key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // ASCII runs byte by byte: nearly all of a line, and far cheaper
        // than decoding every char.
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        for b in rest[..ascii].bytes() {
            if b.is_ascii_alphanumeric() {
                k.push(char::from(b.to_ascii_lowercase()));
            }
        }
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            if c.is_alphanumeric() {
                k.extend(c.to_lowercase());
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    k
}

/// Whether `dedup_key(s) == key`, without building the key: most lines
/// differ from the title within a few letters.
fn has_dedup_key(s: &str, key: &str) -> bool {
    let mut want = key.chars();
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .all(|c| want.next() == Some(c))
        && want.next().is_none()
}

/// Longest line (bytes) that can be a title or a teaser: 30 words of
/// headline leave room to spare. Longer lines get no dedup key.
const MAX_HEADLINE_BYTES: usize = 400;

fn is_prose_like(l: &Line) -> bool {
    l.class == Class::Prose
}

/// Separates title, body, boilerplate and teasers.
pub fn clean(raw: &str) -> Cleaned {
    let lines = lines(raw);
    let mut out = Cleaned::default();
    if lines.is_empty() {
        return out;
    }
    let title_idx = find_title(&lines);
    // Short lines only have a key. Title copies are found by comparing a
    // line with the title's key in place; teasers build their own keys.
    let key_of = |i: usize| {
        let l = &lines[i];
        (l.content.len() <= MAX_HEADLINE_BYTES).then(|| dedup_key(l.content_text(raw)))
    };
    let title_key = title_idx.and_then(key_of).filter(|k| !k.is_empty());
    let is_title_copy = |i: usize| {
        title_key.as_deref().is_some_and(|k| {
            let l = &lines[i];
            l.content.len() <= MAX_HEADLINE_BYTES && has_dedup_key(l.content_text(raw), k)
        })
    };
    out.title = title_idx.map(|i| lines[i].content);

    let search_from = title_idx.map_or(0, |i| i + 1);
    let body_start = (search_from..lines.len())
        .find(|&i| is_prose_like(&lines[i]) && !is_title_copy(i))
        .or_else(|| {
            // No prose at all (a list page, one huge unpunctuated line): keep
            // every line that is not furniture so nothing is lost.
            (search_from..lines.len())
                .find(|&i| matches!(lines[i].class, Class::Other | Class::Headline))
        });
    let Some(body_start) = body_start else {
        for (i, l) in lines.iter().enumerate() {
            let class = if Some(i) == title_idx {
                BlockClass::Title
            } else {
                out.boilerplate.push(l.span);
                BlockClass::Furniture
            };
            out.blocks.push(Block {
                span: l.span,
                class,
            });
        }
        out.warnings = warnings(&out, &lines);
        return out;
    };
    let no_prose = !is_prose_like(&lines[body_start]);
    let mut body_end = body_start; // inclusive
    let mut i = body_start;
    while i < lines.len() {
        let l = &lines[i];
        match l.class {
            Class::Footer => break,
            Class::Furniture => {}
            _ if is_title_copy(i) => {}
            Class::Prose => body_end = i,
            _ if no_prose => body_end = i,
            Class::Headline | Class::Other => {
                if prose_run_after(&lines, i) >= 2
                    || (l.class == Class::Other && prose_run_after(&lines, i) >= 1)
                {
                    body_end = i;
                } else {
                    break;
                }
            }
        }
        i += 1;
    }
    let mut teaser_keys: HashMap<String, usize> = HashMap::new();
    let mut teasers: Vec<(String, Span)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if Some(i) == title_idx {
            out.blocks.push(Block {
                span: l.span,
                class: BlockClass::Title,
            });
            continue;
        }
        let in_body = (body_start..=body_end).contains(&i)
            && !matches!(l.class, Class::Furniture | Class::Footer)
            && !is_title_copy(i);
        if in_body {
            out.body.push(l.span);
            out.blocks.push(Block {
                span: l.span,
                class: BlockClass::Body,
            });
            continue;
        }
        out.boilerplate.push(l.span);
        let teaser_like = i > body_end
            && l.class == Class::Headline
            && !is_title_copy(i)
            && card_glue(l.text).is_none();
        out.blocks.push(Block {
            span: l.span,
            class: if teaser_like {
                BlockClass::Teaser
            } else {
                BlockClass::Furniture
            },
        });
        if i > body_end
            && l.class == Class::Headline
            && !is_title_copy(i)
            && card_glue(l.text).is_none()
            && let Some(key) = key_of(i)
        {
            let content = l.content_text(raw);
            match teaser_keys.get(&key) {
                Some(&k) => {
                    // Prefer the copy that kept its punctuation.
                    if punctuation(content) > punctuation(teasers[k].1.text(raw)) {
                        teasers[k].1 = l.content;
                    }
                }
                None => {
                    teaser_keys.insert(key.clone(), teasers.len());
                    teasers.push((key, l.content));
                }
            }
        }
    }
    // A section label or list number glued before a headline ("WORLD Heavy
    // metals…") leaves a copy whose key ends with another teaser's key.
    let keys: Vec<String> = teasers.iter().map(|(k, _)| k.clone()).collect();
    out.teasers = teasers
        .into_iter()
        .filter(|(k, _)| {
            !keys.iter().any(|other| {
                other.len() >= 12 && other.len() < k.len() && k.ends_with(other.as_str())
            })
        })
        .map(|(_, s)| s)
        .collect();
    out.warnings = warnings(&out, &lines);
    out
}

/// Below this share of the page's prose words, the body is flagged.
const SMALL_BODY_PERCENT: usize = 40;

/// What to doubt about the split: no title, or a body that holds a small
/// share of the page's prose.
fn warnings(out: &Cleaned, lines: &[Line]) -> Vec<PageWarning> {
    let mut w = Vec::new();
    if out.title.is_none() {
        w.push(PageWarning::NoTitle);
    }
    let words = |l: &Line| l.text.split_whitespace().count();
    let prose: usize = lines
        .iter()
        .filter(|l| l.class == Class::Prose)
        .map(words)
        .sum();
    let in_body: usize = lines
        .iter()
        .filter(|l| l.class == Class::Prose && out.body.binary_search(&l.span).is_ok())
        .map(words)
        .sum();
    if prose > 0 && in_body * 100 < prose * SMALL_BODY_PERCENT {
        w.push(PageWarning::SmallBody {
            percent: (in_body * 100 / prose) as u8,
        });
    }
    w
}

fn punctuation(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .count()
}

/// How many prose lines follow line `i` before anything else (furniture
/// lines in between are skipped).
fn prose_run_after(lines: &[Line], i: usize) -> usize {
    lines[i + 1..]
        .iter()
        .filter(|l| l.class != Class::Furniture)
        .take_while(|l| l.class == Class::Prose)
        .count()
}

/// The headline: the first standalone headline-like line before the prose;
/// a copy behind a junk prefix only when no standalone copy exists. Chosen
/// by what a line is, not where it is, so cleaning stays idempotent.
fn find_title(lines: &[Line]) -> Option<usize> {
    let first_prose = lines
        .iter()
        .position(|l| l.class == Class::Prose)
        .unwrap_or(lines.len());
    let window = first_prose.min(12);
    let candidates: Vec<usize> = (0..window)
        .filter(|&i| lines[i].class == Class::Headline)
        .collect();
    if let Some(&i) = candidates.iter().find(|&&i| !lines[i].has_prefix()) {
        return Some(i);
    }
    candidates.first().copied()
}

#[cfg(test)]
mod tests;
