//! Cheap context cues around a date: is its clause about the future, is its
//! sentence a past statement, what word comes right before it.
//!
//! A clause is the text between punctuation that separates reported speech
//! and asides (commas, semicolons, colons, dashes, quotes, brackets): "He
//! will travel, officials said on Tuesday" has a future clause and a past one.

use super::lexicon::LEXICON;
use crate::hash::FxMap;
use past::{DETERMINERS, PastReading, is_past_verb, past_cue, past_verb_end};
pub use past::{has_narrated_past_cue, has_past_cue};
use std::borrow::Cow;
use std::sync::LazyLock;

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '—' | '–' | '"' | '“' | '”' | '(' | ')' | '!' | '?'
    )
}

/// How far (in bytes) context is looked for on each side of a date: a
/// sentence longer than this is not prose, and the bound keeps a huge line
/// with many dates linear.
pub const CONTEXT_RADIUS: usize = 400;

/// `start..end` widened by [`CONTEXT_RADIUS`] on each side, on char boundaries.
pub fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut ws = start.saturating_sub(CONTEXT_RADIUS).min(text.len());
    while !text.is_char_boundary(ws) {
        ws += 1;
    }
    let mut we = end.saturating_add(CONTEXT_RADIUS).min(text.len());
    while !text.is_char_boundary(we) {
        we -= 1;
    }
    (ws.min(start), we.max(end.min(text.len())))
}

/// The byte range of the clause around `start..end` inside `text` (at most
/// [`CONTEXT_RADIUS`] bytes either side).
pub fn clause_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (ws, we) = window(text, start, end);
    let bytes = text.as_bytes();
    let before = bytes.get(ws..start).unwrap_or(&[]);
    let cs = (0..before.len())
        .rev()
        .find_map(|i| break_ending_at(before, i))
        .map_or(ws, |after_break| ws + after_break);
    let after = bytes.get(end..we).unwrap_or(&[]);
    let ce = (0..after.len())
        .find(|&i| break_starting_at(after, i))
        .map_or(we, |i| end + i);
    (cs, ce.max(cs))
}

/// Whether the last byte of `c` (a continuation byte) ends one of the
/// three-byte clause breaks, which all start `E2 80`: '–' '—' '“' '”'.
fn ends_wide_break(last: u8) -> bool {
    matches!(last, 0x93 | 0x94 | 0x9C | 0x9D)
}

/// Where the clause break whose last byte is `bytes[i]` ends (`i + 1`), if
/// that byte ends one; [`is_clause_break`] read on UTF-8 bytes.
fn break_ending_at(bytes: &[u8], i: usize) -> Option<usize> {
    let b = bytes[i];
    let ends = if b.is_ascii() {
        is_clause_break(char::from(b))
    } else {
        ends_wide_break(b) && i >= 2 && bytes[i - 2..i] == [0xE2, 0x80]
    };
    ends.then_some(i + 1)
}

/// Whether a clause break starts at `bytes[i]`.
fn break_starting_at(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    if b.is_ascii() {
        return is_clause_break(char::from(b));
    }
    b == 0xE2
        && bytes.get(i + 1) == Some(&0x80)
        && bytes.get(i + 2).copied().is_some_and(ends_wide_break)
}

/// Whether lowercasing `text` changes ASCII letters only: then a word's
/// lowercase form is its ASCII lowercase form, and words can be compared
/// in place without building a lowercase copy.
fn lowercase_is_ascii(text: &str) -> bool {
    text.is_ascii()
        || text.chars().all(|c| {
            c.is_ascii() || {
                let mut l = c.to_lowercase();
                l.next() == Some(c) && l.next().is_none()
            }
        })
}

fn is_cue_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Whether `word` ends with `suffix`, ASCII letters compared without case.
fn ends_with_ignore_ascii_case(word: &str, suffix: &str) -> bool {
    let (w, s) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s)
}

/// Whether an ASCII byte is part of a cue word ([`is_cue_char`] on ASCII).
const fn is_ascii_cue_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\''
}

/// Whether the char at byte `pos` of `text` is part of a cue word, and its
/// length; None at the end. ASCII is read by byte.
fn cue_char_at(text: &str, pos: usize) -> Option<(bool, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b.is_ascii() {
        return Some((is_ascii_cue_byte(b), 1));
    }
    let c = text.get(pos..)?.chars().next()?;
    Some((is_cue_char(c), c.len_utf8()))
}

/// The words of a text as cues are matched on: `text.split(|c|
/// !is_cue_char(c))` without the empty pieces.
#[derive(Clone)]
struct CueWords<'t> {
    text: &'t str,
    pos: usize,
}

impl<'t> Iterator for CueWords<'t> {
    type Item = &'t str;
    fn next(&mut self) -> Option<&'t str> {
        while let Some((false, n)) = cue_char_at(self.text, self.pos) {
            self.pos += n;
        }
        let start = self.pos;
        while let Some((true, n)) = cue_char_at(self.text, self.pos) {
            self.pos += n;
        }
        self.text.get(start..self.pos).filter(|w| !w.is_empty())
    }
}

/// `[future_cues]` sorted for matching word by word.
struct FutureCues {
    /// Contractions ("'ll"): a word that ends with one is a cue.
    suffixes: Vec<&'static str>,
    /// Words and word sequences ("will", "is expected to").
    phrases: Vec<&'static [String]>,
    /// The phrases by their first word (ASCII-lowercased), so that a word
    /// is compared only with the phrases it opens.
    by_first_word: FxMap<String, Vec<usize>>,
    /// Which (ASCII-lowercased) last bytes a contraction can end with.
    last: [bool; 256],
    /// By (ASCII-lowercased) first byte, a bit for each length a phrase's
    /// first word has (the top bit for 31 and longer).
    first_lens: [u32; 256],
}

impl FutureCues {
    /// Whether `w` could be a cue or start one, by its last byte (a
    /// contraction's) or by its first byte and length (a phrase's): most
    /// words are ruled out here.
    #[inline]
    fn may_start(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return false;
        };
        self.last[usize::from(last.to_ascii_lowercase())]
            || self.first_lens[usize::from(first.to_ascii_lowercase())] & length_bit(w) != 0
    }
}

/// A word's length as a bit of [`FutureCues::first_lens`].
fn length_bit(w: &str) -> u32 {
    1 << w.len().min(31)
}

static FUTURE_CUES: LazyLock<FutureCues> = LazyLock::new(|| {
    let mut cues = FutureCues {
        suffixes: Vec::new(),
        phrases: Vec::new(),
        by_first_word: FxMap::default(),
        last: [false; 256],
        first_lens: [0; 256],
    };
    for cue in &LEXICON.future_cues {
        match cue.as_slice() {
            [one] if one.starts_with('\'') || one.starts_with('’') => {
                if let Some(&b) = one.as_bytes().last() {
                    cues.last[usize::from(b.to_ascii_lowercase())] = true;
                }
                cues.suffixes.push(one);
            }
            [first, ..] => {
                if let Some(&b) = first.as_bytes().first() {
                    cues.first_lens[usize::from(b.to_ascii_lowercase())] |= length_bit(first);
                }
                cues.by_first_word
                    .entry(first.to_ascii_lowercase())
                    .or_default()
                    .push(cues.phrases.len());
                cues.phrases.push(cue);
            }
            [] => {}
        }
    }
    cues
});

/// Whether a cue from `[future_cues]` occurs in `text`.
pub fn has_future_cue(text: &str) -> bool {
    if let Some(found) = future_cue_in_place(text) {
        return found;
    }
    if !lowercase_is_ascii(text) {
        return has_future_cue_lowered(text);
    }
    // The words of `text` in place: case-folded they are the words of its
    // lowercase copy, so this agrees with [`has_future_cue_lowered`].
    let cues = &*FUTURE_CUES;
    let mut words = CueWords { text, pos: 0 };
    while let Some(w) = words.next() {
        if is_cue_at(cues, w, &words) {
            return true;
        }
    }
    false
}

/// [`has_future_cue`] read in place, its words found byte by byte (the
/// words [`CueWords`] yields); None when `text` holds a char that
/// lowercasing changes beyond ASCII, which needs the lowercase copy.
fn future_cue_in_place(text: &str) -> Option<bool> {
    let cues = &*FUTURE_CUES;
    let bytes = text.as_bytes();
    let mut found = false;
    let mut word_start = None;
    let mut i = 0;
    while i <= bytes.len() {
        // Whether the char at `i` is part of a word, and its length (the
        // end of the text ends a word).
        let (in_word, n) = match bytes.get(i) {
            None => (false, 1),
            Some(&b) if b.is_ascii() => (ASCII_CUE_BYTES[usize::from(b)], 1),
            Some(_) => {
                let c = text.get(i..)?.chars().next()?;
                let mut lower = c.to_lowercase();
                if lower.next() != Some(c) || lower.next().is_some() {
                    return None;
                }
                (is_cue_char(c), c.len_utf8())
            }
        };
        match (in_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                word_start = None;
                // Once a cue is found, only the rest of the text's chars
                // still need reading: one that lowercasing changes sends
                // the whole text to the copy.
                if !found {
                    let w = &text[start..i];
                    found = cues.may_start(w) && is_cue_at(cues, w, &CueWords { text, pos: i });
                    if found && text.is_ascii() {
                        return Some(true);
                    }
                }
            }
            _ => {}
        }
        i += n;
    }
    Some(found)
}

/// [`is_ascii_cue_byte`] of every byte below 128, looked up.
static ASCII_CUE_BYTES: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = is_ascii_cue_byte(b as u8);
        b += 1;
    }
    table
};

/// Whether the word `w`, followed by the words `after` yields, is a cue or
/// starts one.
#[inline]
fn is_cue_at(cues: &FutureCues, w: &str, after: &CueWords) -> bool {
    let last = w.as_bytes().last().map_or(0, u8::to_ascii_lowercase);
    if cues.last[usize::from(last)]
        && cues
            .suffixes
            .iter()
            .any(|s| ends_with_ignore_ascii_case(w, s))
    {
        return true;
    }
    // "next to the embassy" is a place, not a time.
    if w.eq_ignore_ascii_case("next")
        && after
            .clone()
            .next()
            .is_some_and(|n| n.eq_ignore_ascii_case("to"))
    {
        return false;
    }
    let first = usize::from(w.as_bytes().first().map_or(0, u8::to_ascii_lowercase));
    if cues.first_lens[first] & length_bit(w) == 0 {
        return false;
    }
    let Some(opened) = with_ascii_lowercase(w, |lower| cues.by_first_word.get(lower)) else {
        return false;
    };
    // The words after `w`, read once for all the phrases that open with
    // it ("is" opens several).
    let mut following: Option<[Option<&str>; FOLLOWING_READ]> = None;
    opened.iter().any(|&k| match cues.phrases[k] {
        [_] => true,
        [_, rest @ ..] => {
            if rest.len() > FOLLOWING_READ {
                let mut next = after.clone();
                return rest
                    .iter()
                    .all(|c| next.next().is_some_and(|n| n.eq_ignore_ascii_case(c)));
            }
            let words = following.get_or_insert_with(|| {
                let mut next = after.clone();
                std::array::from_fn(|_| next.next())
            });
            rest.iter()
                .zip(words.iter())
                .all(|(c, n)| n.is_some_and(|n| n.eq_ignore_ascii_case(c)))
        }
        [] => false,
    })
}

/// `f` of `word` with its ASCII letters lowercased: a short word in a
/// buffer on the stack, a longer one in a copy.
fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // Lowercasing ASCII letters keeps UTF-8 valid.
            f(std::str::from_utf8(lower).unwrap_or(""))
        }
        None => f(&word.to_ascii_lowercase()),
    }
}

/// How many words after a cue's first [`is_cue_at`] reads at once: the
/// longest cues of `[future_cues]` have three words; a longer one reads
/// its own.
const FOLLOWING_READ: usize = 2;

/// [`has_future_cue`] on a lowercase copy of `text`: for text whose
/// lowercase form changes more than ASCII letters.
fn has_future_cue_lowered(text: &str) -> bool {
    let lower = text.to_lowercase();
    let ws: Vec<&str> = lower
        .split(|c: char| !is_cue_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let next_to = |i: usize| ws[i] == "next" && ws.get(i + 1) == Some(&"to");
    LEXICON.future_cues.iter().any(|cue| match cue.as_slice() {
        [one] if one.starts_with('\'') || one.starts_with('’') => {
            ws.iter().any(|w| w.ends_with(one.as_str()))
        }
        cue if !cue.is_empty() => ws
            .windows(cue.len())
            .enumerate()
            .any(|(i, win)| win == cue && !next_to(i)),
        _ => false,
    })
}

/// Whether the clause around `start..end` of `text` speaks of the future.
///
/// The tense cue nearest the date decides: "will begin the process ...
/// since he was rescued in late November" tells November as past, "On
/// Tuesday, the league plans to ..." (a date fronted in a clause of its
/// own reads with the next one) as future, "On Tuesday, he said the plant
/// will close" as past.
pub fn clause_is_future(text: &str, start: usize, end: usize) -> bool {
    clause_is_future_in(text, start, end, clause_around(text, start, end))
}

/// [`clause_is_future`] with the clause around the date
/// ([`clause_around`]) already known.
pub fn clause_is_future_in(text: &str, start: usize, end: usize, clause: (usize, usize)) -> bool {
    let (cs, mut ce) = clause;
    // The date itself is not a cue ("next" in "next Friday" is handled by
    // the weekday's own direction word).
    let before = text.get(cs..start).unwrap_or("");
    let fronted = CueWords {
        text: before,
        pos: 0,
    }
    .take(2)
    .count()
        <= 1
        && !text
            .get(end..ce)
            .unwrap_or("")
            .chars()
            .any(char::is_alphanumeric);
    if fronted && text.get(ce..).is_some_and(|t| t.starts_with(',')) {
        ce = clause_around(text, ce + 1, ce + 1).1;
    }
    let after = text.get(end..ce).unwrap_or("");
    // "issued a statement Friday saying the pact will last": a verb told
    // in the past before the date governs it, and a future cue after the
    // date belongs to what follows.
    // The cue after the date first: most clauses have none, and the past
    // verb before it is the dearer test.
    future_cue_nearest_before(before)
        || (future_cue_nearest_after(after) && !narrated_past_before(before))
}

/// Byte ranges of the words of `text` (as [`CueWords`] splits them).
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let base = text.as_ptr() as usize;
    CueWords { text, pos: 0 }
        .map(|w| {
            let s = w.as_ptr() as usize - base;
            (s, s + w.len())
        })
        .collect()
}

/// Whether `before` (the clause up to the date) has a future cue with no
/// past-tense verb of its own between it and the date.
fn future_cue_nearest_before(before: &str) -> bool {
    if !has_future_cue(before) {
        return false;
    }
    let words = word_ranges(before);
    let Some(cue_start) = words
        .iter()
        .rev()
        .map(|&(s, _)| s)
        .find(|&s| has_future_cue(before.get(s..).unwrap_or("")))
    else {
        return false;
    };
    let cue_end = words
        .iter()
        .map(|&(_, e)| e)
        .find(|&e| e > cue_start && has_future_cue(before.get(cue_start..e).unwrap_or("")))
        .unwrap_or(before.len());
    !past_cue(before.get(cue_end..).unwrap_or(""), PastReading::Finite)
}

/// Whether `after` (the clause after the date) has a future cue before any
/// past-tense verb.
fn future_cue_nearest_after(after: &str) -> bool {
    if !has_future_cue(after) {
        return false;
    }
    let words = word_ranges(after);
    let Some(cue_end) = words
        .iter()
        .map(|&(_, e)| e)
        .find(|&e| has_future_cue(after.get(..e).unwrap_or("")))
    else {
        return false;
    };
    let cue_start = words
        .iter()
        .rev()
        .map(|&(s, _)| s)
        .find(|&s| s < cue_end && has_future_cue(after.get(s..cue_end).unwrap_or("")))
        .unwrap_or(0);
    // "were planning to": the auxiliary belongs to the cue; "planned to"
    // is a plan told as past.
    let mut head = after.get(..cue_start).unwrap_or("").trim_end();
    if let Some(&(s, e)) = words.iter().rev().find(|&&(_, e)| e <= head.len())
        && e == head.len()
        && matches!(
            head.get(s..e).map(str::to_ascii_lowercase).as_deref(),
            Some("was" | "were")
        )
    {
        head = head.get(..s).unwrap_or("");
    }
    !past_cue(head, PastReading::Any)
        && !past_cue(
            after.get(cue_start..cue_end).unwrap_or(""),
            PastReading::Any,
        )
}

/// Whether the date at `start..end` of `text` is told as past: a past-tense
/// verb near it that narrates ("the plant closed"), a reporting verb after
/// it ("Lee, on May 9, announced a truce") or one governing it directly
/// ("said on Friday"). A reporting verb before it introduces what is
/// reported: "Lee said the vote is on May 9" dates the saying, not the vote.
pub fn told_as_past(text: &str, start: usize, end: usize) -> bool {
    told_as_past_knowing(text, start, end, None)
}

/// [`told_as_past`] where whether a past verb governs the date directly
/// ([`adjacent_past_verb`]) may be known already: when it does, the
/// context need not be read.
pub fn told_as_past_knowing(text: &str, start: usize, end: usize, adjacent: Option<bool>) -> bool {
    if adjacent == Some(true) {
        return true;
    }
    let (ws, we) = window(text, start, end);
    let before = text.get(ws..start).unwrap_or("");
    // "subpoenaed him to testify on Feb. 10": the date is the
    // infinitive's, which may come after the past verb.
    let narrated_before = past_verb_end(before, PastReading::Narrated, true)
        .is_some_and(|e| !has_infinitive(before.get(e..).unwrap_or("")));
    narrated_before
        || has_past_cue(text.get(end..we).unwrap_or(""))
        || adjacent.is_none() && adjacent_past_verb(text, start, end)
}

/// Whether the clause around the date at `start..end` narrates it as past:
/// a past-tense verb governing it ("was last seen Nov. 3"), or one of the
/// clause's own narrating verbs ("changed its year in December", "on the
/// night of Oct. 23 as he stood"). Stricter than [`told_as_past`]: a
/// reporting verb dates the report, a participle after a present or
/// infinitive auxiliary ("is expected", "have gathered", "to be completed")
/// or a verb of `[planning_verbs]` tells nothing of when the event was, and
/// a date after "by" or "until" is a deadline.
pub fn narrates_past(text: &str, start: usize, end: usize) -> bool {
    narrates_past_knowing(
        text,
        start,
        end,
        &word_before(text, start),
        adjacent_past_verb(text, start, end),
        clause_around(text, start, end),
    )
}

/// [`narrates_past`] with the word before the date ([`word_before`]),
/// whether a past verb governs it ([`adjacent_past_verb`]) and its clause
/// ([`clause_around`]) already known.
pub fn narrates_past_knowing(
    text: &str,
    start: usize,
    end: usize,
    before_word: &str,
    adjacent: bool,
    clause: (usize, usize),
) -> bool {
    if LEXICON
        .future_prepositions
        .iter()
        .any(|p| *p == before_word)
    {
        return false;
    }
    if adjacent {
        return true;
    }
    let (cs, ce) = clause;
    let before = text.get(cs..start).unwrap_or("");
    narrated_past_before(before) || has_narrated_past_cue(text.get(end..ce).unwrap_or(""))
}

/// Whether the last past-tense verb of `before` (a clause up to a date)
/// narrates: not a reporting verb, not a verb of `[planning_verbs]`, not a
/// participle after a present or infinitive auxiliary, and with no
/// infinitive between it and the date, whose time it would not tell.
fn narrated_past_before(before: &str) -> bool {
    past_verb_end(before, PastReading::Narrated, true).is_some_and(|e| {
        let verb = word_before(before, e);
        let auxiliary = word_before(before, e.saturating_sub(verb.len()));
        !has_infinitive(before.get(e..).unwrap_or(""))
            && !LEXICON.planning_verbs.iter().any(|p| *p == verb)
            && !matches!(
                &*auxiliary,
                "is" | "are" | "am" | "be" | "been" | "being" | "has" | "have" | "to"
            )
    })
}

/// Whether `text` has "to" before a lowercase word that is no determiner:
/// an infinitive ("to testify"), whose time may lie after the verb's.
fn has_infinitive(text: &str) -> bool {
    let mut words = CueWords { text, pos: 0 };
    let mut previous_to = false;
    for w in words.by_ref() {
        if previous_to && w.bytes().all(|b| b.is_ascii_lowercase()) && !DETERMINERS.contains(w) {
            return true;
        }
        previous_to = w.eq_ignore_ascii_case("to");
    }
    false
}

/// Whether a past-tense verb governs the date directly: "said on Friday",
/// "met Friday", "on Sunday said". Such a date is past even when the clause
/// goes on to report a future ("... said the upcoming week will ...").
pub fn adjacent_past_verb(text: &str, start: usize, end: usize) -> bool {
    adjacent_past_verb_after(text, start, end, &word_before(text, start))
}

/// [`adjacent_past_verb`] with the word right before the date
/// ([`word_before`] at `start`) already known.
pub fn adjacent_past_verb_after(text: &str, start: usize, end: usize, before_date: &str) -> bool {
    let word_start = |pos: usize| text.get(..pos).unwrap_or("").trim_end().len();
    let mut verb_end = start;
    if before_date == "on" {
        verb_end = word_start(start).saturating_sub(2);
    }
    let before = word_before(text, verb_end);
    // "will be paid Dec. 14": a participle after "be" is no past statement.
    let participle = || {
        let verb_start = word_start(verb_end).saturating_sub(before.len());
        matches!(
            word_before(text, verb_start).as_ref(),
            "be" | "been" | "being"
        )
    };
    (is_past_verb(&before) && !participle()) || is_past_verb(&word_after(text, end))
}

/// `s` lowercased, borrowed when it has no uppercase letter to change
/// (the common case: context words are mostly lowercase ASCII).
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// The word right before byte `pos` of `text` (lowercase), skipping spaces.
pub fn word_before(text: &str, pos: usize) -> Cow<'_, str> {
    let before = text.get(..pos).unwrap_or("").trim_end();
    // ASCII word bytes by byte; chars are decoded only from the first
    // non-ASCII byte on.
    let bytes = before.as_bytes();
    let mut ascii_start = bytes.len();
    while ascii_start > 0
        && matches!(bytes[ascii_start - 1], b'\'' | b'-' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z')
    {
        ascii_start -= 1;
    }
    let start = if ascii_start > 0 && !bytes[ascii_start - 1].is_ascii() {
        before
            .get(..ascii_start)
            .unwrap_or("")
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8())
    } else {
        ascii_start
    };
    lowercase(before.get(start..).unwrap_or(""))
}

/// The word right after byte `pos` of `text` (lowercase), skipping spaces.
pub fn word_after(text: &str, pos: usize) -> Cow<'_, str> {
    let after = text.get(pos..).unwrap_or("").trim_start();
    let end = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    lowercase(after.get(..end).unwrap_or(""))
}

mod past;

#[cfg(test)]
mod tests;
