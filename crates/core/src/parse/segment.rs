//! Sentences as byte spans inside body paragraphs.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (plus any closing quotes
//! or brackets) followed by white space and a capital, a digit or an opening
//! quote. A full stop after a known abbreviation (`assets/abbreviations.txt`),
//! a single initial ("J.") or a dotted acronym ("U.S.") does not end one.
//!
//! A run of text longer than [`MAX_SENTENCE`] bytes without a sentence end
//! is not prose (a page whose full stops were lost, a table flattened to one
//! line): it is cut into pieces of at most that size, at a clause break
//! where there is one, so the work later stages do per sentence (and the
//! actors an event links) stays bounded however long the article is.

use crate::hash::FxSet;
use crate::model::Span;
use std::sync::LazyLock;

/// The words whose full stop ends no sentence ("Dr.", "Jan."): part of
/// what the parser knows ([`crate::parse::knowledge::Knowledge`]), given to
/// [`sentences`].
pub struct Abbreviations {
    words: FxSet<&'static str>,
}

impl Abbreviations {
    /// The bundled list (`assets/abbreviations.txt`).
    pub fn builtin() -> Abbreviations {
        Self::from_text(include_str!("../../../../assets/abbreviations.txt"))
    }

    /// The list in `text`: one abbreviation a line, `#` opening a comment.
    fn from_text(text: &'static str) -> Abbreviations {
        Abbreviations {
            words: text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
        }
    }

    /// The bundled list, one value for every unit test that splits
    /// sentences.
    #[cfg(test)]
    pub(crate) fn builtin_for_tests() -> &'static Abbreviations {
        static BUILTIN: LazyLock<Abbreviations> = LazyLock::new(Abbreviations::builtin);
        &BUILTIN
    }
}

/// The search for '…' (the only terminal outside ASCII), built once: the
/// free `memmem::find` builds its searcher on every call, which costs more
/// than searching a paragraph.
static ELLIPSIS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("…".as_bytes()));

/// The longest sentence, in bytes: far above any sentence of prose.
pub const MAX_SENTENCE: usize = 1_000;

const CLOSERS: [char; 8] = ['"', '\'', '”', '’', ')', ']', '»', '*'];
const OPENERS: [char; 6] = ['"', '“', '‘', '\'', '(', '['];

/// Splits each paragraph into sentences, a full stop after one of
/// `abbreviations` ending none; every sentence lies inside its paragraph
/// and has no surrounding white space.
pub fn sentences(abbreviations: &Abbreviations, raw: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len() * 3);
    for &p in paragraphs {
        let text = p.text(raw);
        let base = p.start as usize;
        let mut start = 0;
        boundaries(abbreviations, text, |end| {
            push_capped(&mut out, text, base, start, end);
            start = end;
        });
        push_capped(&mut out, text, base, start, text.len());
    }
    out
}

/// Pushes `text[start..end]` as one sentence, or as pieces of at most
/// [`MAX_SENTENCE`] bytes when it is longer.
fn push_capped(out: &mut Vec<Span>, text: &str, base: usize, mut start: usize, end: usize) {
    while end - start > MAX_SENTENCE {
        let cut = cut_point(text, start);
        push_trimmed(out, text, base, start, start + cut);
        start += cut;
    }
    push_trimmed(out, text, base, start, end);
}

/// How far after `start` to cut a piece that is too long: after the last
/// clause break (`,` `;` `:` then white space) in the second half of the
/// next [`MAX_SENTENCE`] bytes, else after the last white space there, else
/// at the last char boundary within the cap. The piece, trimmed, is at most
/// the cap, and a cut is never in the first half, so cutting is linear.
fn cut_point(text: &str, start: usize) -> usize {
    let half = MAX_SENTENCE / 2;
    // One byte past the cap: a break whose white space is that byte still
    // leaves a piece within the cap once trimmed.
    let tail = &text.as_bytes()[start + half..=start + MAX_SENTENCE];
    let clause = tail
        .windows(2)
        .rposition(|w| matches!(w[0], b',' | b';' | b':') && w[1].is_ascii_whitespace());
    if let Some(i) = clause {
        return half + i + 2;
    }
    if let Some(i) = tail.iter().rposition(u8::is_ascii_whitespace) {
        return half + i + 1;
    }
    (1..=MAX_SENTENCE)
        .rev()
        .find(|&i| text.is_char_boundary(start + i))
        .unwrap_or(MAX_SENTENCE)
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, base: usize, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = base + start + lead;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

/// The char starting at byte `pos` of `text`, if any.
fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn is_terminal(c: &char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Byte position after the run of chars from `pos` on that satisfy `keep`,
/// and how many chars the run has.
fn skip_while(text: &str, mut pos: usize, keep: impl Fn(&char) -> bool) -> (usize, usize) {
    let mut n = 0;
    while let Some(c) = char_at(text, pos).filter(&keep) {
        pos += c.len_utf8();
        n += 1;
    }
    (pos, n)
}

/// Gives `on_end` the byte offset (within `text`) just after each sentence
/// end, in order: as they are found, with no list of them made.
///
/// Jumps from one terminal to the next (a vectorised byte search), decoding
/// chars only around them: a paragraph is mostly letters between them.
fn boundaries(abbreviations: &Abbreviations, text: &str, mut on_end: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The next '…' (the only terminal outside ASCII) at or after `i`.
    let finder = &*ELLIPSIS;
    let mut ellipsis = finder.find(bytes);
    while i < bytes.len() {
        if ellipsis.is_some_and(|e| e < i) {
            ellipsis = bytes
                .get(i..)
                .and_then(|rest| finder.find(rest))
                .map(|e| i + e);
        }
        let stop = bytes
            .get(i..)
            .and_then(|rest| memchr::memchr3(b'.', b'!', b'?', rest))
            .map(|k| i + k);
        i = match (stop, ellipsis) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        let Some(c) = char_at(text, i).filter(is_terminal) else {
            i += 1;
            continue;
        };
        let at = i;
        // The run of terminal punctuation, then closing quotes and brackets.
        let (j, run) = skip_while(text, i, is_terminal);
        let single_stop = run == 1 && c == '.';
        let (j, _) = skip_while(text, j, |c| CLOSERS.contains(c));
        let end = j;
        let (k, _) = skip_while(text, j, |c| c.is_whitespace());
        let starts = |c: char| c.is_uppercase() || c.is_ascii_digit();
        let followed_by_start = k > j
            && char_at(text, k).is_some_and(|n| {
                starts(n)
                    || (OPENERS.contains(&n) && char_at(text, k + n.len_utf8()).is_some_and(starts))
            });
        if followed_by_start && !(single_stop && is_abbreviation(abbreviations, &text[..at + 1])) {
            on_end(end);
        }
        i = j;
    }
}

/// Whether the word ending at the end of `before` (which ends with `.`) is an
/// abbreviation, an initial or a dotted acronym rather than a sentence end.
fn is_abbreviation(abbreviations: &Abbreviations, before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || OPENERS.contains(&c) || c == '—' || c == '–')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if abbreviations.words.contains(word) {
        return true;
    }
    let stem = &word[..word.len() - 1];
    let mut chars = stem.chars();
    // "J." — a single capital initial.
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // "U.S.", "e.g.", "a.m." — letters separated by dots.
    stem.contains('.')
        && stem
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let spans = sentences(
            Abbreviations::builtin_for_tests(),
            text,
            &[Span::new(0, text.len())],
        );
        spans.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("The vote passed. Critics objected! Why? Nobody knows."),
            [
                "The vote passed.",
                "Critics objected!",
                "Why?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_acronyms_do_not_split() {
        assert_eq!(
            split("The U.S. Secretary met Mr. Quill in St. Albans. Then J. R. Moss spoke."),
            [
                "The U.S. Secretary met Mr. Quill in St. Albans.",
                "Then J. R. Moss spoke."
            ]
        );
        assert_eq!(
            split("It starts at 9 a.m. Tuesday and costs 4.5 euros."),
            ["It starts at 9 a.m. Tuesday and costs 4.5 euros."]
        );
    }

    #[test]
    fn two_lists_in_one_process_split_differently_in_either_order() {
        let text = "The ferry left at noon, said Capt. Orrin Vale of the harbour.";
        let whole = [Span::new(0, text.len())];
        let made_up = Abbreviations::from_text("# ours\nCapt.\n");
        let bundled_without = Abbreviations::from_text("Dr.\n");
        for _ in 0..2 {
            assert_eq!(sentences(&bundled_without, text, &whole).len(), 2);
            assert_eq!(sentences(&made_up, text, &whole).len(), 1);
        }
        for _ in 0..2 {
            assert_eq!(sentences(&made_up, text, &whole).len(), 1);
            assert_eq!(sentences(&bundled_without, text, &whole).len(), 2);
        }
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("“But a deal means nothing,” he said. “This is serious.” Officials agreed."),
            [
                "“But a deal means nothing,” he said.",
                "“This is serious.”",
                "Officials agreed."
            ]
        );
        assert_eq!(
            split("\"We value lives. That’s why we wait,\" she said."),
            ["\"We value lives.", "That’s why we wait,\" she said."]
        );
    }

    #[test]
    fn ellipses_and_dashes() {
        assert_eq!(
            split("Sign the deal... We are close — very close. Done"),
            ["Sign the deal...", "We are close — very close.", "Done"]
        );
        assert_eq!(
            split("We must act... to end this."),
            ["We must act... to end this."]
        );
    }

    #[test]
    fn runs_are_skipped_by_bytes() {
        assert_eq!(skip_while("…!? x", 0, is_terminal), (5, 3));
        assert_eq!(skip_while("ab", 2, is_terminal), (2, 0));
        assert_eq!(char_at("a…", 1), Some('…'));
        assert_eq!(char_at("a…", 2), None);
        assert_eq!(
            split("Ende… „Neu“ beginnt. Ça va."),
            ["Ende… „Neu“ beginnt.", "Ça va."]
        );
        // Terminals after and between multi-byte chars, ellipses before,
        // between and after the ASCII ones.
        assert_eq!(
            split("Zoë’s café closed… Then “Øl” won! Why… Eh? Done…"),
            [
                "Zoë’s café closed…",
                "Then “Øl” won!",
                "Why…",
                "Eh?",
                "Done…"
            ]
        );
    }

    #[test]
    fn a_run_without_sentence_ends_is_cut_at_clause_breaks() {
        let clause = "Vella Onsgard met Tomas Briel on 3 May 2021";
        let text = vec![clause; 200].join(", and ");
        let pieces = split(&text);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE));
        // Cut after a comma, never inside a clause.
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.ends_with(',')));
        assert_eq!(pieces.concat().len() + pieces.len() - 1, text.len());
    }

    #[test]
    fn a_run_without_spaces_is_cut_on_char_boundaries() {
        let text = "ж".repeat(3 * MAX_SENTENCE);
        let pieces = split(&text);
        assert!(
            pieces
                .iter()
                .all(|p| !p.is_empty() && p.len() <= MAX_SENTENCE)
        );
        assert_eq!(pieces.concat(), text);
        let spaced = "word ".repeat(MAX_SENTENCE);
        assert!(split(&spaced).iter().all(|p| p.len() <= MAX_SENTENCE));
    }

    #[test]
    fn a_long_sentence_of_prose_is_kept_whole() {
        let s = format!(
            "{}.",
            "The council met again in the harbour hall".repeat(20)
        );
        assert!(s.len() < MAX_SENTENCE);
        assert_eq!(split(&s), [s.as_str()]);
    }

    #[test]
    fn sentences_stay_inside_their_paragraphs() {
        let raw = "First para. Two.\nSecond para here.";
        let s = sentences(
            Abbreviations::builtin_for_tests(),
            raw,
            &[Span::new(0, 16), Span::new(17, raw.len())],
        );
        assert_eq!(s.len(), 3);
        assert!(
            s.iter()
                .all(|x| x.end as usize <= raw.len() && raw.is_char_boundary(x.start as usize))
        );
    }
}
