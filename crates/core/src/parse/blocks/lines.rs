//! The page as lines with their shallow features, and the units that join
//! lines where the text flows across a line break (one element per line:
//! a link on its own line splits a sentence, "led to" / "widespread
//! problems" / " last week when…").

use super::dedup::{dedup_key_hash, key_front};
use super::furniture::{self, Pattern, pattern_given_words, pattern_of, prefix_len};
use super::shape::{MAX_HEADLINE_BYTES, MAX_HEADLINE_WORDS, ends_like_sentence};
use super::stopwords::{self, Language, StopWords};
use super::{page_words, roles};
use crate::model::Span;
use scratch::{SCRATCH, SplitScratch};
pub use scratch::{give_back, release};

mod scratch;

/// One non-empty line of the page and what can be read off it alone.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The trimmed line.
    pub span: Span,
    /// The line after any junk prefix (date stamp, CMS leak, list number).
    pub content: Span,
    pub text: &'a str,
    /// A blank line (or the page's start) comes before it.
    pub blank_before: bool,
    /// Whitespace-separated words.
    pub words: u32,
    /// Stop words of the page's language among the words.
    pub stops: u32,
    /// CJK and Hangul characters: those scripts are read by characters.
    pub cjk: u32,
    pub pattern: Pattern,
    pub ends_sentence: bool,
    /// How many lines of the page share this line's headline key (letters
    /// and digits, lowercased); 1 when it is unique or too long to be a
    /// headline.
    pub copies: u32,
    /// The line's headline key, 0 when it has none: lines share it when
    /// they share their headline key. The key's hash ([`Line::key_hash`],
    /// an odd number) where another line's key may be the same; where none
    /// can be, an even number no other line has.
    pub key: u64,
    /// A line too long for a headline that the page holds twice or more (a
    /// carousel of story summaries shown at the top and again at the foot).
    pub long_copy: bool,
    /// The line holds a word of photo captions and credits, or the page
    /// was not searched for them (see [`roles::may_be_caption`]).
    pub caption_word: bool,
}

impl Line<'_> {
    /// Words, with a CJK line counted as one word per two characters.
    pub fn size(&self) -> u32 {
        self.words.max(self.cjk / 2)
    }
    /// Mostly CJK or Hangul characters.
    pub fn is_cjk(&self) -> bool {
        self.cjk > 0 && self.cjk >= self.words
    }
    pub fn has_prefix(&self) -> bool {
        self.content.start != self.span.start
    }
    pub fn content_text<'r>(&self, raw: &'r str) -> &'r str {
        self.content.text(raw)
    }
    /// The hash of the line's headline key ([`dedup_key_hash`] of its
    /// content), whether or not [`Line::key`] holds it.
    pub fn key_hash(&self) -> u64 {
        if self.key & 1 == 1 {
            self.key
        } else {
            dedup_key_hash(&self.text[(self.content.start - self.span.start) as usize..])
        }
    }
    /// [`roles::is_caption`] of the line's text or of its content (`text`
    /// is one of them), not read for a line with no mark of one.
    pub fn is_caption(&self, text: &str) -> bool {
        let content = &self.text[(self.content.start - self.span.start) as usize..];
        roles::may_be_caption(self.text, content, self.caption_word) && roles::is_caption(text)
    }
}

/// Splits the page into trimmed non-empty lines with their features, and
/// finds the page's language for stop words.
pub fn split<'a>(k: &super::PageKnowledge, raw: &'a str) -> (Vec<Line<'a>>, Language) {
    let furniture = k.furniture();
    let stop_words = k.stop_words();
    // Sized once for the most lines the page can have (a lone CR ends a
    // line too, rarely), up to a bound that a page of blank lines cannot
    // make large: growing them line by line copied each several times.
    let most_lines = (memchr::memchr_iter(b'\n', raw.as_bytes()).count() + 1).min(RESERVED_LINES);
    // The page's working tables, grown by an earlier page of this thread.
    let mut scratch = SCRATCH.take();
    let mut out: Vec<Line<'a>> = std::mem::take(&mut scratch.lines);
    out.reserve(most_lines);
    let SplitScratch {
        lines: _,
        units: _,
        hits,
        fronts,
        line_fronts,
        long_keys,
        keys,
    } = &mut scratch;
    hits.reserve(most_lines);
    let mut totals = [0usize; stopwords::LANGUAGES];
    let mut blank = true;
    // Lines by the fronts of their headline keys: only those whose fronts
    // another line shares have their keys hashed whole.
    fronts.reserve(most_lines);
    line_fronts.reserve(most_lines);
    // Furniture words and caption words, searched for once in the page
    // (unless a char outside ASCII could match a letter of one).
    let (mut furniture_words, mut caption_words) = if page_words::has_folding(raw) {
        (None, None)
    } else {
        page_words::in_lowered(raw, |lowered| {
            (
                Some(page_words::Found::of(
                    lowered,
                    furniture::page_words(furniture),
                )),
                Some(page_words::Found::of(
                    lowered,
                    roles::CAPTION_WORDS.as_ref(),
                )),
            )
        })
    };
    for (pos, line) in crate::text::raw_lines(raw) {
        let (lead, trimmed) = trim(line);
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        let start = pos + lead;
        let span = Span::new(start, start + trimmed.len());
        let prefix = prefix_len(furniture, trimmed);
        let content = Span::new(start + prefix, start + trimmed.len());
        let mut cjk = 0;
        let mut line_hits = [0u16; stopwords::LANGUAGES];
        let counted = stopwords::count_words(stop_words, trimmed, &mut line_hits);
        let words = counted.words;
        // Every char `is_cjk` counts is written with a lead byte from E3 to
        // EF; most lines (curly quotes and dashes are E2) have none and are
        // not decoded.
        if counted.cjk_lead {
            cjk = trimmed.chars().filter(|&c| is_cjk(c)).count() as u32;
        }
        for (t, h) in totals.iter_mut().zip(line_hits) {
            *t += h as usize;
        }
        hits.push(line_hits);
        let text_key = &trimmed[prefix..];
        let line_key_front =
            if text_key.len() <= MAX_HEADLINE_BYTES && words as usize <= MAX_HEADLINE_WORDS {
                key_front(text_key)
            } else {
                None
            };
        // An even number of this line alone until its fronts are counted.
        let key = line_key_front.map_or(0, |_| (out.len() as u64 + 1) << 1);
        if let Some(f) = line_key_front {
            *fronts.entry(f).or_insert(0) += 1;
            line_fronts.push(f);
        } else {
            line_fronts.push(0);
            if words as usize > MAX_HEADLINE_WORDS {
                *long_keys.entry(long_line_hash(trimmed)).or_insert(0) += 1;
            }
        }
        out.push(Line {
            span,
            content,
            text: trimmed,
            blank_before: blank,
            words,
            stops: 0,
            cjk,
            pattern: match &mut furniture_words {
                // A word inside the content is inside the line.
                Some(found) => {
                    let holds = found.within(span.start as usize, span.end as usize);
                    match pattern_given_words(furniture, trimmed, holds) {
                        Pattern::None if prefix > 0 => pattern_given_words(
                            furniture,
                            &trimmed[prefix..],
                            holds && found.within(content.start as usize, content.end as usize),
                        ),
                        p => p,
                    }
                }
                None => match pattern_of(furniture, trimmed) {
                    Pattern::None if prefix > 0 => pattern_of(furniture, &trimmed[prefix..]),
                    p => p,
                },
            },
            ends_sentence: ends_like_sentence(trimmed),
            copies: 1,
            key,
            long_copy: false,
            caption_word: caption_words
                .as_mut()
                .is_none_or(|found| found.within(span.start as usize, span.end as usize)),
        });
        blank = false;
    }
    let lang = stopwords::choose(&totals);
    // Keys hashed whole where two lines' keys may be the same.
    for (l, f) in out.iter_mut().zip(line_fronts.iter()) {
        if l.key != 0 && fronts.get(f).is_some_and(|&n| n > 1) {
            l.key = l.key_hash();
            *keys.entry(l.key).or_insert(0) += 1;
        }
    }
    for (l, h) in out.iter_mut().zip(hits.iter()) {
        l.stops = h[lang.index()] as u32;
        if l.key & 1 == 1 {
            l.copies = keys.get(&l.key).copied().unwrap_or(1);
        } else if !long_keys.is_empty() && l.words as usize > MAX_HEADLINE_WORDS {
            l.long_copy = long_keys
                .get(&long_line_hash(l.text))
                .is_some_and(|&n| n > 1);
        }
    }
    scratch.clear();
    SCRATCH.set(scratch);
    (out, lang)
}

/// `line.trim()`, and how many bytes it trims from the front: ASCII
/// white space is stepped over by bytes, and only an end where a char
/// outside ASCII is left goes to the char-wise trim (nearly every line
/// starts and ends in ASCII).
fn trim(line: &str) -> (usize, &str) {
    let ascii_space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let b = line.as_bytes();
    let mut lead = b.iter().position(|c| !ascii_space(c)).unwrap_or(b.len());
    if b.get(lead).is_some_and(|c| !c.is_ascii()) {
        lead = line.len() - line.trim_start().len();
    }
    let rest = &line[lead..];
    let r = rest.as_bytes();
    let mut end = r.iter().rposition(|c| !ascii_space(c)).map_or(0, |i| i + 1);
    if end > 0 && !r[end - 1].is_ascii() {
        end = rest.trim_end().len();
    }
    (lead, &rest[..end])
}

/// Most lines [`split`] makes room for at once, and most lines the
/// classifier's per-thread tables keep room for between pages.
pub(super) const RESERVED_LINES: usize = 4096;

/// A long line's identity for finding its copies: its length and its first
/// and last bytes, so that no long line is read whole twice.
fn long_line_hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let b = s.as_bytes();
    let mut h = rustc_hash::FxHasher::default();
    b.len().hash(&mut h);
    b[..b.len().min(64)].hash(&mut h);
    b[b.len().saturating_sub(32)..].hash(&mut h);
    h.finish()
}

/// Han, kana and Hangul: scripts written without spaces between words (or,
/// for Hangul, with long words), measured by characters.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// A unit's rating, in the spirit of jusText's good / near-good / short /
/// bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Running prose.
    Good,
    /// Prose-like but short or thin: decided by its neighbours.
    NearGood,
    /// Too short to tell: decided by its neighbours.
    Short,
    /// Not prose: a pattern, a link list, a tag cloud.
    Bad,
}

/// Consecutive lines read as one paragraph: `lines[first..=last]`.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub first: usize,
    pub last: usize,
    pub words: u32,
    pub stops: u32,
    pub cjk: u32,
}

impl Unit {
    pub fn size(&self) -> u32 {
        self.words.max(self.cjk / 2)
    }
    pub fn lines(&self) -> std::ops::RangeInclusive<usize> {
        self.first..=self.last
    }
    pub fn single(&self) -> bool {
        self.first == self.last
    }
}

/// Groups lines into units: a line joins the one before it when no blank
/// line separates them and the text visibly flows on (the second starts in
/// lowercase or with closing punctuation, or the first stops on an opener,
/// a comma or a function word).
pub fn units(stop: &StopWords, lines: &[Line], lang: Language) -> Vec<Unit> {
    let mut out: Vec<Unit> = SCRATCH.with(|s| {
        let mut scratch = s.take();
        let units = std::mem::take(&mut scratch.units);
        s.set(scratch);
        units
    });
    out.clear();
    out.reserve(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let joins = i > 0 && !l.blank_before && flows(stop, &lines[i - 1], l, lang);
        match out.last_mut() {
            Some(u) if joins => {
                u.last = i;
                u.words += l.words;
                u.stops += l.stops;
                u.cjk += l.cjk;
            }
            _ => out.push(Unit {
                first: i,
                last: i,
                words: l.words,
                stops: l.stops,
                cjk: l.cjk,
            }),
        }
    }
    out
}

/// Whether `next` continues the text of `prev` on a new line.
fn flows(stop: &StopWords, prev: &Line, next: &Line, lang: Language) -> bool {
    if prev.pattern != Pattern::None || next.pattern != Pattern::None {
        return false;
    }
    let Some(first) = next.text.chars().next() else {
        return false;
    };
    let Some(last) = prev.text.chars().next_back() else {
        return false;
    };
    if first.is_lowercase() || matches!(first, '.' | ',' | ';' | ':' | ')' | ']' | '”' | '’' | '%')
    {
        // A lowercase menu item after another is not a sentence going on.
        return prev.words + next.words > 3 || !prev.ends_sentence;
    }
    if prev.ends_sentence {
        return false;
    }
    if matches!(last, '(' | '[' | ',' | '“' | '‘' | '-' | '–' | '—' | '/') {
        return true;
    }
    if first == '(' && prev.words <= 4 {
        return true;
    }
    if prev.is_cjk() && next.is_cjk() {
        return prev.cjk >= 15 || next.cjk >= 15;
    }
    // "…said the" / "Prime Minister": the first line stops on a function word.
    let last_word = prev.text.split_whitespace().next_back().unwrap_or("");
    // A word in capitals is not a function word: "09:14 AM" ends a stamp.
    let capitals = last_word.len() >= 2 && last_word.bytes().all(|b| b.is_ascii_uppercase());
    // A headline set in title case capitalises its function words too
    // ("Deals Are Live, Including Watches and More"): it ends there.
    let headline_end =
        last_word.starts_with(|c: char| c.is_uppercase()) && super::shape::is_title_case(prev.text);
    prev.words >= 2 && !capitals && !headline_end && stopwords::is_stop(stop, last_word, lang)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_trimmed_as_str_trim_trims_them() {
        let pieces = [
            " ", "\t", "\u{b}", "\u{c}", "\u{a0}", "\u{3000}", "\u{2003}", "\u{85}", "\u{1f}", "a",
            "é", "\u{1680}", "x y", "’", "",
        ];
        for seed in 0..2000usize {
            let line: String = super::super::scrambled(&pieces, seed)
                .take(seed % 9)
                .collect();
            let (lead, trimmed) = super::trim(&line);
            assert_eq!(trimmed, line.trim(), "{line:?}");
            assert_eq!(lead, line.len() - line.trim_start().len(), "{line:?}");
        }
    }

    #[test]
    fn a_file_with_lone_cr_line_ends_is_lines() {
        let (lines, _) = super::split(
            super::super::PageKnowledge::builtin_for_tests(),
            "Ferry vote\rThe board met.\r\rIt voted.\r",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Ferry vote", "The board met.", "It voted."]);
        assert!(lines[2].blank_before && !lines[1].blank_before);
    }

    #[test]
    fn every_caption_has_the_mark_of_one() {
        let captions = [
            "The quay at dawn. Photos: Ana Reyes",
            "IMAGE credit: harbour board",
            "Video by | Tomas Quill",
            "ILLUSTRATION: Ana Reyes",
            "Source: Harbour Wire",
            "Bild: Ilse Marrow",
            "The ferry at the quay (Getty Images)",
            "Ferry crew at work. SHUTTERSTOCK",
            "Harbour lights, iStock",
            "The quay, AP Photo",
            "The quay, courtesy of the board",
            "Reuters/Ana Reyes",
            "Ana Reyes / AP",
            "© Harbour Board 2031",
            "The mayor (left) at the quay",
            "The mayor at the quay AP",
            "The mayor at the quay [File: Ana Reyes]",
            "1. Source: Harbour Wire",
            "date 2031-05-03 Photos: Ana Reyes",
        ];
        let prose = [
            "The ferry left the quay at dawn.",
            "Harbour board votes",
            "Aa",
        ];
        let raw = captions.join("\n\n") + "\n" + &prose.join("\n");
        let (lines, _) = super::split(super::super::PageKnowledge::builtin_for_tests(), &raw);
        assert_eq!(lines.len(), captions.len() + prose.len());
        for l in &lines {
            let content = &l.text[(l.content.start - l.span.start) as usize..];
            let caption = super::roles::is_caption(l.text) || super::roles::is_caption(content);
            assert!(
                l.is_caption(l.text) == super::roles::is_caption(l.text),
                "{:?}",
                l.text
            );
            assert!(
                l.is_caption(content) == super::roles::is_caption(content),
                "{:?}",
                l.text
            );
            assert_eq!(caption, captions.contains(&l.text), "{:?}", l.text);
        }
        // Plain prose is ruled out without the pattern.
        assert!(lines[captions.len()..].iter().all(|l| {
            let content = &l.text[(l.content.start - l.span.start) as usize..];
            !super::roles::may_be_caption(l.text, content, l.caption_word)
        }));
    }

    #[test]
    fn copies_are_counted_as_the_whole_keys_count_them() {
        use super::super::dedup::dedup_key_hash;
        let raw = "Ferry vote delayed\n\nFERRY VOTE: delayed!\nFerry vote delays\n\
                   Ferry route delayed\n1. Ferry vote delayed\nÄrger über die Fähre\n\
                   ärger ÜBER die fähre\n— * —\nVote\nvote.\nFerry vote, delayed again\n";
        let (lines, _) = super::split(super::super::PageKnowledge::builtin_for_tests(), raw);
        let key = |l: &super::Line| {
            let content = &l.text[(l.content.start - l.span.start) as usize..];
            dedup_key_hash(content)
        };
        for l in &lines {
            let want = lines.iter().filter(|m| key(m) == key(l)).count() as u32;
            let want = if key(l) == 0 { 1 } else { want };
            assert_eq!(l.copies, want, "{:?}", l.text);
            assert_eq!(l.key == 0, key(l) == 0, "{:?}", l.text);
            assert_eq!(l.key_hash(), key(l), "{:?}", l.text);
            for m in &lines {
                if l.key != 0 && m.key != 0 {
                    assert_eq!(
                        l.key == m.key,
                        key(l) == key(m),
                        "{:?} {:?}",
                        l.text,
                        m.text
                    );
                }
            }
        }
        assert_eq!(lines[0].copies, 3);
    }

    fn unit_count(raw: &str) -> usize {
        let (lines, lang) = super::split(super::super::PageKnowledge::builtin_for_tests(), raw);
        super::units(
            super::super::PageKnowledge::builtin_for_tests().stop_words(),
            &lines,
            lang,
        )
        .len()
    }

    #[test]
    fn a_title_case_headline_ending_on_a_function_word_ends_there() {
        let headline =
            "Ferry Fares Fall, Including Night Crossings and More\nWinter Timetable Starts Early\n";
        assert_eq!(unit_count(headline), 2);
        let sentence = "Passengers who had booked the crossings said the\nHarbour Board should pay them back.\n";
        assert_eq!(unit_count(sentence), 1);
    }
}
