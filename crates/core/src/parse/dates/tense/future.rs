//! Future cues in a date's context (`[future_cues]`): whether a text
//! holds one, read word by word in place, or on a lowercase copy when
//! lowercasing changes more than ASCII letters.

use super::super::TimeWords;
use super::super::lexicon::Lexicon;
use super::{CueWords, cue_char_at, is_ascii_cue_byte, is_cue_char};
use crate::hash::FxMap;

/// `[future_cues]` sorted for matching word by word.
pub(in crate::parse::dates) struct FutureCues {
    /// Contractions ("'ll"): a word that ends with one is a cue.
    suffixes: Vec<String>,
    /// Words and word sequences ("will", "is expected to").
    phrases: Vec<Vec<String>>,
    /// The phrases by their first word (ASCII-lowercased), so that a word
    /// is compared only with the phrases it opens.
    by_first_word: FxMap<String, Vec<usize>>,
    /// Which (ASCII-lowercased) last bytes a contraction can end with.
    last: [bool; 256],
    /// By (ASCII-lowercased) first and last letter, a bit for each length
    /// a phrase's first word with those letters has (the top bit for 31
    /// and longer).
    shapes: [u32; 26 * 26],
    /// By (ASCII-lowercased) first byte, the same for a phrase's first
    /// word that does not open and end with an ASCII letter.
    first_lens: [u32; 256],
    /// How many words after its first a cue may read: its other words,
    /// and at least one (the word after "next").
    reach: usize,
    /// Rules out texts that hold no cue ([`Screen`]); None when the cues
    /// have words it cannot read, and then every text is read.
    screen: Option<Screen>,
}

impl FutureCues {
    /// Whether `w` could be a cue or start one: it ends with a
    /// contraction, or has the first and last letter and the length of a
    /// phrase's first word. Most words are ruled out here.
    #[inline]
    fn may_start(&self, w: &str) -> bool {
        let Some(&last) = w.as_bytes().last() else {
            return false;
        };
        (self.last[usize::from(last.to_ascii_lowercase())]
            && self
                .suffixes
                .iter()
                .any(|s| ends_with_ignore_ascii_case(w, s)))
            || self.may_open_phrase(w)
    }

    /// Whether `w` has the shape (first and last letter, length) of a
    /// phrase's first word: a word equal to it without ASCII case has.
    #[inline]
    fn may_open_phrase(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return false;
        };
        match shape_slot(first, last) {
            Some(slot) => self.shapes[slot] & length_bit(w) != 0,
            None => self.first_lens[usize::from(first.to_ascii_lowercase())] & length_bit(w) != 0,
        }
    }
}

/// The slot of [`FutureCues::shapes`] for a word opening with `first` and
/// ending with `last`, when both are ASCII letters.
fn shape_slot(first: u8, last: u8) -> Option<usize> {
    let (f, l) = (first.to_ascii_lowercase(), last.to_ascii_lowercase());
    (f.is_ascii_lowercase() && l.is_ascii_lowercase())
        .then(|| usize::from(f - b'a') * 26 + usize::from(l - b'a'))
}

/// A word's length as a bit of [`FutureCues::first_lens`].
fn length_bit(w: &str) -> u32 {
    1 << w.len().min(31)
}

impl FutureCues {
    pub(super) fn of(lx: &Lexicon) -> FutureCues {
        let mut cues = FutureCues {
            suffixes: Vec::new(),
            phrases: Vec::new(),
            by_first_word: FxMap::default(),
            last: [false; 256],
            shapes: [0; 26 * 26],
            first_lens: [0; 256],
            reach: 1,
            screen: Screen::of(lx),
        };
        for cue in &lx.future_cues {
            match cue.as_slice() {
                [one] if one.starts_with('\'') || one.starts_with('’') => {
                    if let Some(&b) = one.as_bytes().last() {
                        cues.last[usize::from(b.to_ascii_lowercase())] = true;
                    }
                    cues.suffixes.push(one.clone());
                }
                [first, ..] => {
                    let b = first.as_bytes();
                    if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                        match shape_slot(f, l) {
                            Some(slot) => cues.shapes[slot] |= length_bit(first),
                            None => {
                                cues.first_lens[usize::from(f.to_ascii_lowercase())] |=
                                    length_bit(first)
                            }
                        }
                    }
                    cues.reach = cues.reach.max(cue.len() - 1);
                    cues.by_first_word
                        .entry(first.to_ascii_lowercase())
                        .or_default()
                        .push(cues.phrases.len());
                    cues.phrases.push(cue.clone());
                }
                [] => {}
            }
        }
        cues
    }
}

/// A byte automaton, built once and shared, that finds in a text the first
/// word of a cue as a whole word without ASCII case, a word ending with a
/// contraction's apostrophe and letters ("'ll", "’" read as "'"), or a
/// non-ASCII char other than "’". Most clauses hold none of these: such a
/// text is read in place ([`lowercase_is_ascii`]) and holds no cue, so it
/// need not be read word by word.
pub(in crate::parse::dates) struct Screen {
    /// The next state by state and byte: [`Screen::FOUND`] when the text
    /// may hold a cue, [`Screen::WIDE`] on 0xE2, which may open "’".
    next: Vec<[u8; 256]>,
    /// Whether the word read up to a state is a cue's first word or ends
    /// with a contraction.
    whole: Vec<bool>,
}

impl Screen {
    /// At the start of a word.
    const START: u8 = 0;
    /// Inside a word that can be no cue's first word.
    const IN_WORD: u8 = 1;
    /// Just after an apostrophe inside a word.
    const APOSTROPHE: u8 = 2;
    const FOUND: u8 = u8::MAX;
    const WIDE: u8 = u8::MAX - 1;

    /// None when a cue has a word the screen cannot tell (an apostrophe
    /// inside a word, a contraction with more than letters after it).
    fn of(lx: &Lexicon) -> Option<Screen> {
        let mut screen = Screen {
            next: Vec::new(),
            whole: Vec::new(),
        };
        for _ in 0..3 {
            screen.add_state()?;
        }
        for cue in &lx.future_cues {
            let (word, from) = match cue.as_slice() {
                [one] if one.starts_with('\'') || one.starts_with('’') => {
                    let tail = one.get(one.chars().next()?.len_utf8()..)?;
                    if !tail.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        return None;
                    }
                    (tail, Self::APOSTROPHE)
                }
                [first, ..] if first.contains(['\'', '’']) => return None,
                // A word with another char than ASCII letters and digits
                // matches no word of a text the screen reads to the end:
                // other ASCII chars part words, other non-ASCII chars are
                // found.
                [first, ..] if !first.bytes().all(|b| b.is_ascii_alphanumeric()) => continue,
                [first, ..] => (first.as_str(), Self::START),
                [] => continue,
            };
            let mut state = from;
            for b in word.bytes().map(|b| b.to_ascii_lowercase()) {
                let s = usize::from(state);
                state = match screen.next[s][usize::from(b)] {
                    Self::IN_WORD => {
                        let new = screen.add_state()?;
                        screen.next[s][usize::from(b)] = new;
                        screen.next[s][usize::from(b.to_ascii_uppercase())] = new;
                        new
                    }
                    known => known,
                };
            }
            screen.whole[usize::from(state)] = true;
        }
        // A whole word's end is found.
        for (next, _) in screen
            .next
            .iter_mut()
            .zip(&screen.whole)
            .filter(|(_, w)| **w)
        {
            for (b, n) in next.iter_mut().enumerate().take(128) {
                if !ASCII_CUE_BYTES[b] {
                    *n = Self::FOUND;
                }
            }
        }
        Some(screen)
    }

    /// A new state inside a word: word bytes lead to [`Self::IN_WORD`]
    /// (an apostrophe to [`Self::APOSTROPHE`]), gaps to [`Self::START`].
    fn add_state(&mut self) -> Option<u8> {
        let id = u8::try_from(self.whole.len())
            .ok()
            .filter(|&id| id < Self::WIDE)?;
        self.whole.push(false);
        self.next.push(std::array::from_fn(|b| match b as u8 {
            b'\'' => Self::APOSTROPHE,
            0xE2 => Self::WIDE,
            b if !b.is_ascii() => Self::FOUND,
            b if b.is_ascii_alphanumeric() => Self::IN_WORD,
            _ => Self::START,
        }));
        Some(id)
    }

    /// Whether `text` may hold a cue: false only when it holds none.
    #[inline]
    fn may_hold(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut state = Self::START;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match self.next[usize::from(state)][usize::from(b)] {
                Self::FOUND => return true,
                Self::WIDE => {
                    if bytes.get(i + 1..i + 3) != Some(&[0x80, 0x99]) {
                        return true;
                    }
                    state = Self::APOSTROPHE;
                    i += 3;
                }
                next => {
                    state = next;
                    i += 1;
                }
            }
        }
        self.whole[usize::from(state)]
    }
}

impl FutureCues {
    /// Whether `text` may hold a cue: false only when it holds none
    /// ([`Screen`]).
    #[inline]
    pub(super) fn may_hold(&self, text: &str) -> bool {
        self.screen.as_ref().is_none_or(|s| s.may_hold(text))
    }
}

/// Whether a cue from `[future_cues]` occurs in `text`.
pub fn has_future_cue(tw: &TimeWords, text: &str) -> bool {
    let cues = &tw.tense.future;
    if let Some(found) = future_cue_in_place(cues, text) {
        return found;
    }
    if !lowercase_is_ascii(text) {
        return has_future_cue_lowered(tw, text);
    }
    // The words of `text` in place: case-folded they are the words of its
    // lowercase copy, so this agrees with [`has_future_cue_lowered`].
    let mut words = CueWords { text, pos: 0 };
    while let Some(w) = words.next() {
        if is_cue_at(cues, w, &words) {
            return true;
        }
    }
    false
}

/// Where the last word of `text` that is a future cue there starts: the
/// largest word start `s` with `has_future_cue(&text[s..])`, read in one
/// pass instead of once per start. A word's cue is read on the words after
/// it, which are the same in `text` as in any part of it opening at or
/// before the word. Only for text whose lowercase changes ASCII letters
/// alone ([`lowercase_is_ascii`]), which [`has_future_cue`] reads in place;
/// the words are found as [`future_cue_in_place`] finds them.
pub(super) fn last_cue_start(tw: &TimeWords, text: &str) -> Option<usize> {
    let cues = &tw.tense.future;
    let bytes = text.as_bytes();
    let in_word = |i: usize| -> (bool, usize) {
        match bytes[i] {
            b if b.is_ascii() => (ASCII_CUE_BYTES[usize::from(b)], 1),
            _ => cue_char_at(text, i).unwrap_or((false, 1)),
        }
    };
    let mut last = None;
    let mut i = 0;
    while i < bytes.len() {
        let (word, n) = in_word(i);
        if !word {
            i += n;
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let (word, n) = in_word(i);
            if !word {
                break;
            }
            i += n;
        }
        let w = &text[start..i];
        if cues.may_start(w) && is_cue_at(cues, w, &CueWords { text, pos: i }) {
            last = Some(start);
        }
    }
    last
}

/// The end of the first of the words `ranges` of `text` (its words, as
/// [`CueWords`] splits it) with `has_future_cue(&text[..end])`, read in
/// one pass instead of once per end: a word's cue in `text[..end]` is
/// read on the words after it up to `end`, so at each end only the words
/// a cue reaches back over are read again. Only for text whose lowercase
/// changes ASCII letters alone ([`lowercase_is_ascii`]).
pub(super) fn first_cue_end(
    tw: &TimeWords,
    text: &str,
    ranges: &[(usize, usize)],
) -> Option<usize> {
    let cues = &tw.tense.future;
    ranges.iter().enumerate().find_map(|(j, &(_, end))| {
        let head = text.get(..end)?;
        ranges[j.saturating_sub(cues.reach)..=j]
            .iter()
            .any(|&(s, e)| {
                let w = head.get(s..e).unwrap_or("");
                cues.may_start(w) && is_cue_at(cues, w, &CueWords { text: head, pos: e })
            })
            .then_some(end)
    })
}

/// [`has_future_cue`] read in place, its words found byte by byte (the
/// words [`CueWords`] yields); None when `text` holds a char that
/// lowercasing changes beyond ASCII, which needs the lowercase copy.
///
/// The gaps between words and the words themselves are each run through
/// in a loop of their own: a byte is looked up once, and only a word's end
/// stops the reading to judge it.
fn future_cue_in_place(cues: &FutureCues, text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut found = false;
    let mut i = 0;
    loop {
        // Up to the next word's first char.
        let start = loop {
            match bytes.get(i) {
                None => break None,
                Some(&b) if b.is_ascii() => {
                    if ASCII_CUE_BYTES[usize::from(b)] {
                        break Some(i);
                    }
                    i += 1;
                }
                Some(_) => {
                    let (in_word, n) = char_in_place(text, i)?;
                    if in_word {
                        break Some(i);
                    }
                    i += n;
                }
            }
        };
        let Some(start) = start else {
            return Some(found);
        };
        // Up to the end of the word.
        loop {
            match bytes.get(i) {
                None => break,
                Some(&b) if b.is_ascii() => {
                    if !ASCII_CUE_BYTES[usize::from(b)] {
                        break;
                    }
                    i += 1;
                }
                Some(_) => {
                    let (in_word, n) = char_in_place(text, i)?;
                    if !in_word {
                        break;
                    }
                    i += n;
                }
            }
        }
        // Once a cue is found, only the rest of the text's chars still
        // need reading: one that lowercasing changes sends the whole text
        // to the copy.
        if !found {
            let w = &text[start..i];
            found = cues.may_start(w) && is_cue_at(cues, w, &CueWords { text, pos: i });
            if found && text.is_ascii() {
                return Some(true);
            }
        }
    }
}

/// Whether the non-ASCII char at byte `i` of `text` is part of a word, and
/// its length; None when lowercasing changes it.
fn char_in_place(text: &str, i: usize) -> Option<(bool, usize)> {
    let c = text.get(i..)?.chars().next()?;
    let mut lower = c.to_lowercase();
    if lower.next() != Some(c) || lower.next().is_some() {
        return None;
    }
    Some((is_cue_char(c), c.len_utf8()))
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
    if !cues.may_open_phrase(w) {
        return false;
    }
    let Some(opened) = with_ascii_lowercase(w, |lower| cues.by_first_word.get(lower)) else {
        return false;
    };
    // The words after `w`, read once for all the phrases that open with
    // it ("is" opens several).
    let mut following: Option<[Option<&str>; FOLLOWING_READ]> = None;
    opened.iter().any(|&k| match cues.phrases[k].as_slice() {
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
pub(super) fn has_future_cue_lowered(tw: &TimeWords, text: &str) -> bool {
    let lower = text.to_lowercase();
    let ws: Vec<&str> = lower
        .split(|c: char| !is_cue_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let next_to = |i: usize| ws[i] == "next" && ws.get(i + 1) == Some(&"to");
    tw.lexicon
        .future_cues
        .iter()
        .any(|cue| match cue.as_slice() {
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

/// Whether lowercasing `text` changes ASCII letters only: then a word's
/// lowercase form is its ASCII lowercase form, and words can be compared
/// in place without building a lowercase copy.
pub(super) fn lowercase_is_ascii(text: &str) -> bool {
    text.is_ascii()
        || text.chars().all(|c| {
            c.is_ascii() || {
                let mut l = c.to_lowercase();
                l.next() == Some(c) && l.next().is_none()
            }
        })
}

/// Whether `word` ends with `suffix`, ASCII letters compared without case.
fn ends_with_ignore_ascii_case(word: &str, suffix: &str) -> bool {
    let (w, s) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s)
}
