//! The optional modifier of a date ("early March", "late on Friday",
//! "mid-2019"), read around a match of the families' union rather than by
//! it.
//!
//! Seven families may open with the modifier. Left in the union, its seven
//! copies sit at every position the automaton may start a match, and every
//! state the lazy DFA builds carries them; read here, the union matches the
//! date proper and a modifier next to it is checked in code. The result is
//! the union's own: where the whole pattern would have matched from a
//! modifier, the families that take one are run anchored there.

use super::patterns::{Caches, Families};
use regex_automata::{Anchored, Input};

/// The first match in `text` at or after `at`, as the families with their
/// modifiers would find it: its start, end and family.
pub(super) fn next_match(
    split: &Families,
    caches: &mut Caches,
    text: &str,
    at: usize,
) -> Option<(usize, usize, usize)> {
    let (start, end, family) = union_match(split, caches, text, at)?;
    if split.modified.is_empty() {
        return Some((start, end, family));
    }
    // A modifier ending where the match starts: no family matched before
    // it, so the whole pattern's match (if any) starts at the modifier.
    let before = &text[at..start];
    let last = before.trim_end().bytes().next_back();
    let before = match last {
        Some(b) if split.modifier_ends[usize::from(b)] => modifiers_before(split, before),
        _ => [None, None],
    };
    if let Some(p) = before.into_iter().flatten().next() {
        // The family found takes it, ending where it ends: a family before
        // it in order would have matched here too. Unless the match opens
        // with "on", which the modifier may have taken.
        if split.modified.contains(&family) && !opens_with_on(&text[start..]) {
            return Some((at + p, end, family));
        }
        // Otherwise a later family may take it, or none: the families that
        // take one decide.
        for p in before.into_iter().flatten() {
            if let Some(found) = with_modifier_at(split, caches, text, at + p) {
                return Some(found);
            }
        }
    }
    // A modifier opening the match ("later this week" is also the
    // modifier "later" and "this week"): the family first in order wins,
    // and a family prefers to take its modifier.
    if text
        .as_bytes()
        .get(start)
        .is_some_and(|&b| split.modifier_opens[usize::from(b)])
        && opens_with_modifier(split, &text[start..])
        && let Some(found) = with_modifier_at(split, caches, text, start)
        && found.2 <= family
    {
        return Some(found);
    }
    Some((start, end, family))
}

/// The first match of the families' union (without the modifier) in
/// `text` at or after `at`: its start, end and family. Searched from the
/// places a match may start; by the union's regex where that search cannot
/// be made.
fn union_match(
    split: &Families,
    caches: &mut Caches,
    text: &str,
    at: usize,
) -> Option<(usize, usize, usize)> {
    if let (Some(starts), Some(cache)) = (&split.starts, &mut caches.starts)
        && let Ok(found) = starts.find(cache, text.as_bytes(), at)
    {
        return found;
    }
    let any = split.any();
    let cache = caches.any.get_or_insert_with(|| any.create_cache());
    let m = any.search_with(cache, &Input::new(text).span(at..text.len()))?;
    Some((m.start(), m.end(), m.pattern().as_usize()))
}

/// Where a modifier that ends at the end of `before` may start, leftmost
/// first: a word of `[modifiers]`, white space, "on" and white space; the
/// word and white space alone; or "mid-" and any white space. (Which
/// family takes it, if any, the families' regex decides.)
fn modifiers_before(split: &Families, before: &str) -> [Option<usize>; 2] {
    let trimmed = before.trim_end();
    if let Some(dash) = trimmed.strip_suffix('-') {
        return [
            ends_with_ignoring_case(dash, "mid").then(|| dash.len() - 3),
            None,
        ];
    }
    if trimmed.len() == before.len() {
        return [None, None];
    }
    let with_on = trimmed
        .len()
        .checked_sub(2)
        .filter(|&on| {
            trimmed.as_bytes()[on..].eq_ignore_ascii_case(b"on")
                && trimmed[..on].ends_with(char::is_whitespace)
        })
        .and_then(|on| word_ending(split, trimmed[..on].trim_end()));
    [with_on, word_ending(split, trimmed)]
}

/// Where the longest word of `[modifiers]` that ends `text` starts.
fn word_ending(split: &Families, text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let last = b.last()?.to_ascii_lowercase();
    split
        .modifier_words
        .iter()
        .filter(|w| {
            w.last() == Some(&last)
                && b.len() >= w.len()
                && b[b.len() - w.len()..].eq_ignore_ascii_case(w)
        })
        .map(|w| b.len() - w.len())
        .min()
}

/// Whether `rest` opens with the word "on".
fn opens_with_on(rest: &str) -> bool {
    rest.as_bytes()
        .get(..2)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"on"))
}

/// Whether `rest` opens with a word of `[modifiers]` or "mid".
fn opens_with_modifier(split: &Families, rest: &str) -> bool {
    let b = rest.as_bytes();
    let opens = |w: &[u8]| b.len() >= w.len() && b[..w.len()].eq_ignore_ascii_case(w);
    opens(b"mid") || split.modifier_words.iter().any(|w| opens(w))
}

fn ends_with_ignoring_case(text: &str, word: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= word.len() && b[b.len() - word.len()..].eq_ignore_ascii_case(word.as_bytes())
}

/// The match of a family that may take the modifier, anchored at `p`.
fn with_modifier_at(
    split: &Families,
    caches: &mut Caches,
    text: &str,
    p: usize,
) -> Option<(usize, usize, usize)> {
    let regex = split.with_modifier();
    let cache = caches
        .with_modifier
        .get_or_insert_with(|| regex.create_cache());
    let input = Input::new(text).span(p..text.len()).anchored(Anchored::Yes);
    let m = regex.search_with(cache, &input)?;
    Some((m.start(), m.end(), split.modified[m.pattern().as_usize()]))
}

/// Every match in `text`, in order, as [`next_match`] gives them to
/// `find_in_sentence`'s loop: (start, end, family). For the tests that
/// compare the union's matches with other readings.
#[cfg(test)]
pub(super) fn all_matches(words: &super::TimeWords, text: &str) -> Vec<(usize, usize, usize)> {
    super::patterns::with_caches(words, |caches| {
        let split = words.split();
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(found) = next_match(split, caches, text, at) {
            out.push(found);
            // No family matches the empty string.
            at = found.1.max(found.0 + 1);
        }
        out
    })
}

#[cfg(test)]
mod tests;
