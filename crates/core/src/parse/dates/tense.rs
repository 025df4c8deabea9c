//! Cheap context cues around a date: is its clause about the future, is its
//! sentence a past statement, what word comes right before it.
//!
//! A clause is the text between punctuation that separates reported speech
//! and asides (commas, semicolons, colons, dashes, quotes, brackets): "He
//! will travel, officials said on Tuesday" has a future clause and a past one.

use super::TimeWords;
use super::lexicon::Lexicon;
use future::FutureCues;
pub use future::has_future_cue;
use past::{PastReading, PastWords, is_past_verb, past_cue, past_verb_end};
pub use past::{has_narrated_past_cue, has_past_cue};
use std::borrow::Cow;

/// The words the tense reading looks up, sorted and hashed from a
/// lexicon's lists.
pub(super) struct TenseWords {
    future: FutureCues,
    past: PastWords,
}

impl TenseWords {
    pub(super) fn of(lx: &Lexicon) -> TenseWords {
        TenseWords {
            future: FutureCues::of(lx),
            past: PastWords::of(lx),
        }
    }
}

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
    // Most bytes are ruled out by a table before the break is read.
    let cs = (0..before.len())
        .rev()
        .filter(|&i| MAY_END_BREAK[usize::from(before[i])])
        .find_map(|i| break_ending_at(before, i))
        .map_or(ws, |after_break| ws + after_break);
    let after = bytes.get(end..we).unwrap_or(&[]);
    let ce = (0..after.len())
        .filter(|&i| MAY_START_BREAK[usize::from(after[i])])
        .find(|&i| break_starting_at(after, i))
        .map_or(we, |i| end + i);
    (cs, ce.max(cs))
}

/// The bytes that may end a clause break (an ASCII break, or the last
/// byte of a wide one) and that may start one (an ASCII break, or 0xE2).
static MAY_END_BREAK: [bool; 256] = break_bytes(false);
static MAY_START_BREAK: [bool; 256] = break_bytes(true);

const fn break_bytes(starting: bool) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = if b < 128 {
            matches!(
                b as u8,
                b',' | b';' | b':' | b'"' | b'(' | b')' | b'!' | b'?'
            )
        } else if starting {
            b == 0xE2
        } else {
            ends_wide_break(b as u8)
        };
        b += 1;
    }
    table
}

/// Whether the last byte of `c` (a continuation byte) ends one of the
/// three-byte clause breaks, which all start `E2 80`: '–' '—' '“' '”'.
const fn ends_wide_break(last: u8) -> bool {
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

fn is_cue_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Whether an ASCII byte is part of a cue word ([`is_cue_char`] on ASCII).
const fn is_ascii_cue_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\''
}

/// Whether the char at byte `pos` of `text` is part of a cue word, and its
/// length; None at the end. ASCII is read by byte.
#[inline]
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

/// Whether the clause around `start..end` of `text` speaks of the future.
///
/// The tense cue nearest the date decides: "will begin the process ...
/// since he was rescued in late November" tells November as past, "On
/// Tuesday, the league plans to ..." (a date fronted in a clause of its
/// own reads with the next one) as future, "On Tuesday, he said the plant
/// will close" as past.
pub fn clause_is_future(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    clause_is_future_in(tw, text, start, end, clause_around(text, start, end))
}

/// [`clause_is_future`] with the clause around the date
/// ([`clause_around`]) already known.
pub fn clause_is_future_in(
    tw: &TimeWords,
    text: &str,
    start: usize,
    end: usize,
    clause: (usize, usize),
) -> bool {
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
    future_cue_nearest_before(tw, before)
        || (future_cue_nearest_after(tw, after) && !narrated_past_before(tw, before))
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
fn future_cue_nearest_before(tw: &TimeWords, before: &str) -> bool {
    // The cue nearest the date: where the last part of `before` holding a
    // cue starts, read in one pass when the words are read in place.
    if !tw.tense.future.may_hold(before) {
        return false;
    }
    let words;
    let cue_start = if future::lowercase_is_ascii(before) {
        let Some(s) = future::last_cue_start(tw, before) else {
            return false;
        };
        words = word_ranges(before);
        s
    } else {
        if !has_future_cue(tw, before) {
            return false;
        }
        words = word_ranges(before);
        let Some(s) = words
            .iter()
            .rev()
            .map(|&(s, _)| s)
            .find(|&s| has_future_cue(tw, before.get(s..).unwrap_or("")))
        else {
            return false;
        };
        s
    };
    let cue_end = words
        .iter()
        .map(|&(_, e)| e)
        .find(|&e| e > cue_start && has_future_cue(tw, before.get(cue_start..e).unwrap_or("")))
        .unwrap_or(before.len());
    !past_cue(tw, before.get(cue_end..).unwrap_or(""), PastReading::Finite)
}

/// Whether `after` (the clause after the date) has a future cue before any
/// past-tense verb.
fn future_cue_nearest_after(tw: &TimeWords, after: &str) -> bool {
    if !tw.tense.future.may_hold(after) || !has_future_cue(tw, after) {
        return false;
    }
    let words = word_ranges(after);
    let first_cue = if future::lowercase_is_ascii(after) {
        future::first_cue_end(tw, after, &words)
    } else {
        words
            .iter()
            .map(|&(_, e)| e)
            .find(|&e| has_future_cue(tw, after.get(..e).unwrap_or("")))
    };
    let Some(cue_end) = first_cue else {
        return false;
    };
    let cue_start = words
        .iter()
        .rev()
        .map(|&(s, _)| s)
        .find(|&s| s < cue_end && has_future_cue(tw, after.get(s..cue_end).unwrap_or("")))
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
    !past_cue(tw, head, PastReading::Any)
        && !past_cue(
            tw,
            after.get(cue_start..cue_end).unwrap_or(""),
            PastReading::Any,
        )
}

/// Whether the date at `start..end` of `text` is told as past: a past-tense
/// verb near it that narrates ("the plant closed"), a reporting verb after
/// it ("Lee, on May 9, announced a truce") or one governing it directly
/// ("said on Friday"). A reporting verb before it introduces what is
/// reported: "Lee said the vote is on May 9" dates the saying, not the vote.
pub fn told_as_past(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    told_as_past_knowing(tw, text, start, end, None)
}

/// [`told_as_past`] where whether a past verb governs the date directly
/// ([`adjacent_past_verb`]) may be known already: when it does, the
/// context need not be read.
pub fn told_as_past_knowing(
    tw: &TimeWords,
    text: &str,
    start: usize,
    end: usize,
    adjacent: Option<bool>,
) -> bool {
    if adjacent == Some(true) {
        return true;
    }
    let (ws, we) = window(text, start, end);
    let before = text.get(ws..start).unwrap_or("");
    // "subpoenaed him to testify on Feb. 10": the date is the
    // infinitive's, which may come after the past verb.
    let narrated_before = past_verb_end(tw, before, PastReading::Narrated, true)
        .is_some_and(|e| !has_infinitive(tw, before.get(e..).unwrap_or("")));
    narrated_before
        || has_past_cue(tw, text.get(end..we).unwrap_or(""))
        || adjacent.is_none() && adjacent_past_verb(tw, text, start, end)
}

/// Whether the clause around the date at `start..end` narrates it as past:
/// a past-tense verb governing it ("was last seen Nov. 3"), or one of the
/// clause's own narrating verbs ("changed its year in December", "on the
/// night of Oct. 23 as he stood"). Stricter than [`told_as_past`]: a
/// reporting verb dates the report, a participle after a present or
/// infinitive auxiliary ("is expected", "have gathered", "to be completed")
/// or a verb of `[planning_verbs]` tells nothing of when the event was, and
/// a date after "by" or "until" is a deadline.
pub fn narrates_past(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    narrates_past_knowing(
        tw,
        text,
        start,
        end,
        &word_before(text, start),
        adjacent_past_verb(tw, text, start, end),
        clause_around(text, start, end),
    )
}

/// [`narrates_past`] with the word before the date ([`word_before`]),
/// whether a past verb governs it ([`adjacent_past_verb`]) and its clause
/// ([`clause_around`]) already known.
pub fn narrates_past_knowing(
    tw: &TimeWords,
    text: &str,
    start: usize,
    end: usize,
    before_word: &str,
    adjacent: bool,
    clause: (usize, usize),
) -> bool {
    if tw
        .lexicon
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
    narrated_past_before(tw, before) || has_narrated_past_cue(tw, text.get(end..ce).unwrap_or(""))
}

/// Whether the last past-tense verb of `before` (a clause up to a date)
/// narrates: not a reporting verb, not a verb of `[planning_verbs]`, not a
/// participle after a present or infinitive auxiliary, and with no
/// infinitive between it and the date, whose time it would not tell.
fn narrated_past_before(tw: &TimeWords, before: &str) -> bool {
    past_verb_end(tw, before, PastReading::Narrated, true).is_some_and(|e| {
        let verb = word_before(before, e);
        let auxiliary = word_before(before, e.saturating_sub(verb.len()));
        !has_infinitive(tw, before.get(e..).unwrap_or(""))
            && !tw.lexicon.planning_verbs.iter().any(|p| *p == verb)
            && !matches!(
                &*auxiliary,
                "is" | "are" | "am" | "be" | "been" | "being" | "has" | "have" | "to"
            )
    })
}

/// Whether `text` has "to" before a lowercase word that is no determiner:
/// an infinitive ("to testify"), whose time may lie after the verb's.
fn has_infinitive(tw: &TimeWords, text: &str) -> bool {
    // "to" in any case: a text without its two bytes side by side has none.
    let to = |w: &[u8]| w[0] | 0x20 == b't' && w[1] | 0x20 == b'o';
    text.as_bytes().windows(2).any(to) && has_infinitive_read(tw, text)
}

/// [`has_infinitive`] read word by word.
fn has_infinitive_read(tw: &TimeWords, text: &str) -> bool {
    let determiners = &tw.tense.past.determiners;
    let mut words = CueWords { text, pos: 0 };
    let mut previous_to = false;
    for w in words.by_ref() {
        if previous_to && w.bytes().all(|b| b.is_ascii_lowercase()) && !determiners.contains(w) {
            return true;
        }
        previous_to = w.eq_ignore_ascii_case("to");
    }
    false
}

/// Whether a past-tense verb governs the date directly: "said on Friday",
/// "met Friday", "on Sunday said". Such a date is past even when the clause
/// goes on to report a future ("... said the upcoming week will ...").
pub fn adjacent_past_verb(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    adjacent_past_verb_after(tw, text, start, end, &word_before(text, start))
}

/// [`adjacent_past_verb`] with the word right before the date
/// ([`word_before`] at `start`) already known.
pub fn adjacent_past_verb_after(
    tw: &TimeWords,
    text: &str,
    start: usize,
    end: usize,
    before_date: &str,
) -> bool {
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
    (is_past_verb(tw, &before) && !participle()) || is_past_verb(tw, &word_after(text, end))
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

mod future;
mod past;

#[cfg(test)]
mod tests;
