//! Cheap context cues around a date: is its clause about the future, is its
//! sentence a past statement, what word comes right before it.
//!
//! A clause is the text between punctuation that separates reported speech
//! and asides (commas, semicolons, colons, dashes, quotes, brackets): "He
//! will travel, officials said on Tuesday" has a future clause and a past one.

use super::lexicon::LEXICON;

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '—' | '–' | '"' | '“' | '”' | '(' | ')' | '!' | '?'
    )
}

/// The byte range of the clause around `start..end` inside `text`.
pub fn clause_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let before = text.get(..start).unwrap_or("");
    let cs = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = text.get(end..).unwrap_or("");
    let ce = after
        .char_indices()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(text.len(), |(i, _)| end + i);
    (cs, ce.max(cs))
}

/// Lowercase words of `text`; apostrophes stay inside words ("they’ll").
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a cue from `[future_cues]` occurs in `text`.
pub fn has_future_cue(text: &str) -> bool {
    let ws = words(text);
    LEXICON.future_cues.iter().any(|cue| match cue.as_slice() {
        [one] if one.starts_with('\'') || one.starts_with('’') => {
            ws.iter().any(|w| w.ends_with(one.as_str()))
        }
        cue if !cue.is_empty() => ws.windows(cue.len()).any(|win| win == cue),
        _ => false,
    })
}

/// Whether the clause around `start..end` of `text` speaks of the future.
pub fn clause_is_future(text: &str, start: usize, end: usize) -> bool {
    let (cs, ce) = clause_around(text, start, end);
    // The date itself is not a cue ("next" in "next Friday" is handled by
    // the weekday's own direction word).
    let before = text.get(cs..start).unwrap_or("");
    let after = text.get(end..ce).unwrap_or("");
    has_future_cue(before) || has_future_cue(after)
}

/// Whether `text` contains a past-tense verb: a listed irregular one, or a
/// lowercase word ending in "-ed" that is not a known exception.
pub fn has_past_cue(text: &str) -> bool {
    let lx = &*LEXICON;
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            let lower_ascii = w.bytes().all(|b| b.is_ascii_lowercase());
            (lower_ascii && lx.past_verbs.iter().any(|p| p == w))
                || (lower_ascii
                    && w.len() > 4
                    && w.ends_with("ed")
                    && !lx.not_past_ed.iter().any(|p| p == w))
        })
}

/// The word right before byte `pos` of `text` (lowercase), skipping spaces.
pub fn word_before(text: &str, pos: usize) -> String {
    let before = text.get(..pos).unwrap_or("").trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    before.get(start..).unwrap_or("").to_lowercase()
}

/// The word right after byte `pos` of `text` (lowercase), skipping spaces.
pub fn word_after(text: &str, pos: usize) -> String {
    let after = text.get(pos..).unwrap_or("").trim_start();
    let end = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    after.get(..end).unwrap_or("").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_stops_at_commas_and_quotes() {
        let t = "He will travel, officials said on Tuesday.";
        let s = t.find("Tuesday").unwrap();
        let (cs, ce) = clause_around(t, s, s + 7);
        assert_eq!(&t[cs..ce], " officials said on Tuesday.");
        assert!(!clause_is_future(t, s, s + 7));
        let t = "Witkoff is expected to meet Putin in Moscow on Friday.";
        let s = t.find("Friday").unwrap();
        assert!(clause_is_future(t, s, s + 6));
    }

    #[test]
    fn contracted_will_is_future() {
        assert!(has_future_cue("they’ll meet"));
        assert!(has_future_cue("we'll see"));
        assert!(!has_future_cue("we met"));
    }

    #[test]
    fn past_cues() {
        assert!(has_past_cue("Bruce said on April 28."));
        assert!(has_past_cue("Putin announced a truce"));
        assert!(!has_past_cue(
            "Russia holds grandiose military parades on May 9"
        ));
        assert!(!has_past_cue("The United Nations needs speed"));
    }

    #[test]
    fn neighbour_words() {
        let t = "Russia’s 2014 annexation";
        let p = t.find("2014").unwrap();
        assert_eq!(word_before(t, p), "russia’s");
        assert_eq!(word_after(t, p + 4), "annexation");
        assert_eq!(word_before(t, 0), "");
        assert_eq!(word_after(t, t.len()), "");
    }
}
