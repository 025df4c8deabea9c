//! Past-tense verbs in a date's context: which words are past-tense verbs
//! (`[past_verbs]`, or "-ed" words not in `[not_past_ed]`), which of them a
//! reading counts, and where the first or last one in a text ends.

use super::super::TimeWords;
use super::super::lexicon::Lexicon;
use crate::hash::FxSet;

/// `[past_verbs]`, `[not_past_ed]`, `[reporting_verbs]` and
/// `[determiners]` as sets: every word of a context window is looked up.
pub(in crate::parse::dates) struct PastWords {
    past: FxSet<Box<str>>,
    not_past: FxSet<Box<str>>,
    reporting: FxSet<Box<str>>,
    pub(super) determiners: FxSet<Box<str>>,
    /// By a past verb's first and last letter, a bit for its length (the
    /// top bit for 31 and longer): most words fail this before any hashing.
    shapes: [u32; 26 * 26],
}

/// The slot and bit of a lowercase ASCII word's shape in [`PastWords::shapes`].
fn shape_of(w: &[u8]) -> Option<(usize, u32)> {
    let (&first, &last) = (w.first()?, w.last()?);
    if !first.is_ascii_lowercase() || !last.is_ascii_lowercase() {
        return None;
    }
    let slot = usize::from(first - b'a') * 26 + usize::from(last - b'a');
    Some((slot, 1 << w.len().min(31)))
}

impl PastWords {
    pub(super) fn of(lx: &Lexicon) -> PastWords {
        let mut shapes = [0; 26 * 26];
        for (slot, bit) in lx.past_verbs.iter().filter_map(|v| shape_of(v.as_bytes())) {
            shapes[slot] |= bit;
        }
        let set = |words: &[String]| words.iter().map(|w| w.as_str().into()).collect();
        PastWords {
            past: set(&lx.past_verbs),
            not_past: set(&lx.not_past_ed),
            reporting: set(&lx.reporting_verbs),
            determiners: set(&lx.determiners),
            shapes,
        }
    }
}

/// Whether `w` has a listed past verb's shape or the "-ed" ending: what
/// every past verb has ([`is_past_verb`]), tested in the loops over a
/// text's words before any lookup.
#[inline]
pub(super) fn may_be_past_verb(words: &PastWords, w: &str) -> bool {
    let shaped = shape_of(w.as_bytes()).is_some_and(|(slot, bit)| words.shapes[slot] & bit != 0);
    shaped || (w.len() > 4 && w.ends_with("ed"))
}

pub(super) fn is_past_verb(tw: &TimeWords, w: &str) -> bool {
    let words = &tw.tense.past;
    // The cheap tests first: a listed verb's shape, or the "-ed" ending.
    let shaped = shape_of(w.as_bytes()).is_some_and(|(slot, bit)| words.shapes[slot] & bit != 0);
    let ed = w.len() > 4 && w.ends_with("ed");
    (shaped || ed)
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && ((shaped && words.past.contains(w)) || (ed && !words.not_past.contains(w)))
}

/// Whether `text` contains a past-tense verb: a listed irregular one, or a
/// lowercase word ending in "-ed" that is not a known exception.
pub fn has_past_cue(tw: &TimeWords, text: &str) -> bool {
    past_cue(tw, text, PastReading::Any)
}

/// Whether `text` contains a past-tense verb that is not a reporting verb
/// ("said", "announced"): what tells the events themselves as past.
pub fn has_narrated_past_cue(tw: &TimeWords, text: &str) -> bool {
    past_cue(tw, text, PastReading::Narrated)
}

/// Which past-tense verbs [`past_cue`] counts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum PastReading {
    /// Every one.
    Any,
    /// Not reporting verbs, not adjectives ("the proposed merger").
    Narrated,
    /// Not participles after "be" or "have" ("will be paid", "has
    /// agreed"), not adjectives: a verb that puts its own clause in the past.
    Finite,
}

pub(super) fn past_cue(tw: &TimeWords, text: &str, reading: PastReading) -> bool {
    past_verb_end(tw, text, reading, false).is_some()
}

/// Whether the char at byte `i` of `text` is alphanumeric, and its length.
/// ASCII is read by byte; only a non-ASCII byte needs its char decoded.
#[inline]
fn alnum_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        text.get(i..)
            .and_then(|t| t.chars().next())
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
    }
}

/// Whether the char that ends at byte `i` of `text` is alphanumeric, and
/// its length: [`alnum_at`] read backwards.
#[inline]
fn alnum_before(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i - 1];
    if b.is_ascii() {
        (b.is_ascii_alphanumeric(), 1)
    } else {
        text.get(..i)
            .and_then(|t| t.chars().next_back())
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
    }
}

/// Whether `word` (which follows `previous`) is a past-tense verb that
/// `reading` counts. Most words fail the first two tests, read in the
/// caller's loop.
#[inline]
pub(super) fn counts_as_past(
    tw: &TimeWords,
    word: &str,
    previous: &str,
    reading: PastReading,
) -> bool {
    word.as_bytes()[0].is_ascii_lowercase()
        && may_be_past_verb(&tw.tense.past, word)
        && counts_as_past_read(tw, word, previous, reading)
}

/// [`counts_as_past`] of a word that may be a past verb.
#[inline(never)]
pub(super) fn counts_as_past_read(
    tw: &TimeWords,
    word: &str,
    previous: &str,
    reading: PastReading,
) -> bool {
    let words = &tw.tense.past;
    // "its proposed merger": an "-ed" word after a determiner is an
    // adjective.
    let adjective = || {
        !words.past.contains(word) && with_lowercase(previous, |p| words.determiners.contains(p))
    };
    let skipped = || match reading {
        PastReading::Any => false,
        PastReading::Narrated => words.reporting.contains(word) || adjective(),
        PastReading::Finite => {
            adjective()
                || with_lowercase(previous, |p| {
                    matches!(p, "be" | "been" | "being" | "have" | "has")
                })
        }
    };
    word.as_bytes()[0].is_ascii_lowercase() && is_past_verb(tw, word) && !skipped()
}

/// `f` of `word` lowercased: a short ASCII word in a buffer on the stack,
/// any other through `str::to_lowercase`.
fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(std::str::from_utf8(lower).unwrap_or(""))
        }
        _ => f(&word.to_lowercase()),
    }
}

/// Where the first (or, with `last`, the last) past-tense verb of `text`
/// that `reading` counts ends. The words are those of
/// `text.split(|c| !c.is_alphanumeric())`; the last is looked for from the
/// end, so that the usual case reads only the words after it.
pub(super) fn past_verb_end(
    tw: &TimeWords,
    text: &str,
    reading: PastReading,
    last: bool,
) -> Option<usize> {
    if text.is_ascii() {
        return ascii_past_verb_end(tw, text, reading, last);
    }
    if last {
        return last_past_verb_end(tw, text, reading);
    }
    let bytes = text.as_bytes();
    // Whether the char at `i` is alphanumeric, and its length: an ASCII
    // byte read in place (in the loops themselves, which a call per byte
    // would slow), another char decoded.
    let mut i = 0;
    let mut previous = "";
    while let Some(&b) = bytes.get(i) {
        let (is_alnum, n) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            alnum_at(text, i)
        };
        if !is_alnum {
            i += n;
            continue;
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (is_alnum, n) = alnum_at(text, i);
                if !is_alnum {
                    break;
                }
                i += n;
            }
        }
        let word = text.get(start..i).unwrap_or("");
        // A past verb opens with a lowercase ASCII letter.
        if bytes[start].is_ascii_lowercase() && counts_as_past(tw, word, previous, reading) {
            return Some(i);
        }
        previous = word;
    }
    None
}

/// [`past_verb_end`] on ASCII text, whose words are runs of ASCII letters
/// and digits, read byte by byte.
fn ascii_past_verb_end(
    tw: &TimeWords,
    text: &str,
    reading: PastReading,
    last: bool,
) -> Option<usize> {
    let b = text.as_bytes();
    let word = |s: usize, e: usize| text.get(s..e).unwrap_or("");
    if last {
        // The word that ends before byte `i`, as `start..end`.
        let word_before = |mut i: usize| -> Option<(usize, usize)> {
            while i > 0 && !b[i - 1].is_ascii_alphanumeric() {
                i -= 1;
            }
            let end = i;
            while i > 0 && b[i - 1].is_ascii_alphanumeric() {
                i -= 1;
            }
            (i < end).then_some((i, end))
        };
        let mut current = word_before(b.len());
        while let Some((start, end)) = current {
            let previous = word_before(start);
            // A past verb opens with a lowercase letter: most words are
            // ruled out before their previous word is read.
            if b[start].is_ascii_lowercase() {
                let previous_word = previous.map_or("", |(s, e)| word(s, e));
                if counts_as_past(tw, word(start, end), previous_word, reading) {
                    return Some(end);
                }
            }
            current = previous;
        }
        return None;
    }
    let mut i = 0;
    let mut previous = "";
    while i < b.len() {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let w = word(start, i);
        if b[start].is_ascii_lowercase() && counts_as_past(tw, w, previous, reading) {
            return Some(i);
        }
        previous = w;
    }
    None
}

/// [`past_verb_end`] of the last verb: words are read from the end, each
/// judged once the word before it is known.
fn last_past_verb_end(tw: &TimeWords, text: &str, reading: PastReading) -> Option<usize> {
    // The word that ends before byte `i`, as `start..end`; None when no
    // word is left.
    let word_before = |mut i: usize| -> Option<(usize, usize)> {
        while i > 0 {
            let (alnum, n) = alnum_before(text, i);
            if alnum {
                break;
            }
            i -= n;
        }
        let end = i;
        while i > 0 {
            let (alnum, n) = alnum_before(text, i);
            if !alnum {
                break;
            }
            i -= n;
        }
        (i < end).then_some((i, end))
    };
    let mut current = word_before(text.len());
    while let Some((start, end)) = current {
        let previous = word_before(start);
        // A past verb opens with a lowercase ASCII letter.
        if text.as_bytes()[start].is_ascii_lowercase() {
            let word = text.get(start..end).unwrap_or("");
            let previous_word = previous.map_or("", |(s, e)| text.get(s..e).unwrap_or(""));
            if counts_as_past(tw, word, previous_word, reading) {
                return Some(end);
            }
        }
        current = previous;
    }
    None
}
