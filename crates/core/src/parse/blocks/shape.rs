//! Shapes of one line of text: word counts, sentence ends, headline shape,
//! keys that compare two copies of a headline. Pure functions of a line.

/// The most words a line can have and still be read as a headline: past
/// this, how many more it has changes nothing.
pub const MAX_HEADLINE_WORDS: usize = 30;

/// `s.split_whitespace().count()` when that is at most `cap`, else some
/// number above `cap`: a line is counted only as far as the test that asks
/// needs. Bytes are read one by one and a char is decoded only where one of
/// the non-ASCII spaces (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000)
/// can start: every line is counted, and decoding each char was a large
/// part of classifying it.
pub fn word_count(s: &str, cap: usize) -> usize {
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
pub fn is_question_headline(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’'])
        .ends_with(['?', '!'])
        && s.chars().next().is_some_and(char::is_uppercase)
        && (3..=15).contains(&word_count(s, 15))
}

/// "Shares Fall After the Report. Why Nobody Worries.": most words of four
/// letters or more start with a capital, the way many sites set headlines
/// (and not paragraphs or standfirsts).
pub fn is_title_case(s: &str) -> bool {
    if s.is_ascii() {
        ascii_title_case(s.as_bytes())
    } else {
        chars_title_case(s)
    }
}

/// [`is_title_case`] read by chars, for any text.
fn chars_title_case(s: &str) -> bool {
    let (mut long, mut capital) = (0, 0);
    for w in s.split_whitespace() {
        let mut letters = w.chars().skip_while(|c| !c.is_alphabetic());
        let Some(first) = letters.next() else {
            continue;
        };
        if 1 + letters.take_while(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            capital += usize::from(first.is_uppercase());
        }
    }
    long >= 3 && capital * 10 >= long * 7
}

/// [`is_title_case`] of an ASCII line, over its bytes: the same words (runs
/// between ASCII whitespace, the vertical tab included, as
/// `split_whitespace` splits) and the same letters.
fn ascii_title_case(b: &[u8]) -> bool {
    let (mut long, mut capital) = (0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        // Past the spaces and whatever else comes before the word's first
        // letter.
        while i < b.len() && !b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let Some(&first) = b.get(i) else {
            break;
        };
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i - start >= 4 {
            long += 1;
            capital += usize::from(first.is_ascii_uppercase());
        }
        // The rest of the word does not count.
        while i < b.len() && !matches!(b[i], b' ' | b'\t'..=b'\r') {
            i += 1;
        }
    }
    long >= 3 && capital * 10 >= long * 7
}

/// "Ferry fares to rise again next spr…", "Council delays vote on
/// parking...": another story's headline cut short by a card widget, the
/// ellipsis glued to the cut word. A sentence trailing off in an article
/// ("which is …") has a space before its ellipsis.
pub fn is_truncated_headline(s: &str, words: u32) -> bool {
    let Some(head) = s.strip_suffix("...").or_else(|| s.strip_suffix('…')) else {
        return false;
    };
    (3..=16).contains(&words)
        && head.chars().next_back().is_some_and(char::is_alphanumeric)
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !head.contains(". ")
}

/// Whether the first letter or digit of `s` can open a headline: a
/// capital, a digit, or a letter of a script without case (Arabic, Hebrew,
/// Devanagari, Thai, Han), which opens one as a capital does.
pub fn opens_like_headline(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase())
}

/// A line of headline length that opens like one and does not trail off
/// on a comma or a dash. Its words (as `split_whitespace` counts them, or past
/// [`MAX_HEADLINE_WORDS`] as many as it likes) come from `words`, asked
/// last: a line's own count, or [`word_count`] of a part of it.
pub fn looks_like_headline(s: &str, words: impl FnOnce() -> usize) -> bool {
    if s.ends_with([',', ';', ':', '-', '–', '—']) {
        return false;
    }
    opens_like_headline(s) && (3..=MAX_HEADLINE_WORDS).contains(&words())
}

/// A line like `The Daily TimesJane Doe`: a publisher card glued to an
/// author, the way card widgets lose their layout in a scrape. Returns the
/// byte offset of the glue (lowercase letter directly followed by an
/// uppercase one after at least three lowercase letters).
pub fn card_glue(s: &str) -> Option<usize> {
    // Glue needs a lowercase letter right before an uppercase one: most
    // ASCII lines have none, and are not read char by char.
    if s.is_ascii() && !has_case_step(s.as_bytes()) {
        return None;
    }
    // More than ten words: an eleventh is enough to know, however long
    // the line. Words are counted as `split_whitespace` counts them, in
    // the same pass that looks for the glue.
    let mut words = 0;
    let mut in_word = false;
    let mut glue = None;
    // One bit per char read, newest lowest, set for a lowercase letter.
    let mut lowers = 0u32;
    let mut i = 0;
    while let Some(&b) = s.as_bytes().get(i) {
        // ASCII by its byte's kind; a char is decoded only outside ASCII.
        let (kind, len) = if b.is_ascii() {
            (ASCII_KIND[usize::from(b)], 1)
        } else {
            let c = s.get(i..)?.chars().next()?;
            let kind = if c.is_uppercase() {
                UPPER
            } else if c.is_lowercase() {
                LOWER
            } else if c.is_whitespace() {
                SPACE
            } else {
                0
            };
            (kind, c.len_utf8())
        };
        let space = kind == SPACE;
        if !space && !in_word {
            words += 1;
            if words > 10 {
                return None;
            }
        }
        in_word = !space;
        // An uppercase letter right after at least three lowercase ones.
        if kind == UPPER && lowers & 0b111 == 0b111 && glue.is_none() {
            glue = Some(i);
        }
        lowers = (lowers << 1) | u32::from(kind == LOWER);
        i += len;
    }
    glue
}

/// Whether an ASCII lowercase letter is directly followed by an uppercase
/// one in `b` (ASCII): eight bytes tested at once, each step one byte back
/// so that no pair is split.
fn has_case_step(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes of `x` (all under 0x80) from `lo` to `hi`, as their top bits.
    fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        let from = x.wrapping_add(u64::from(0x80 - lo) * ONES);
        let past = x.wrapping_add(u64::from(0x80 - hi - 1) * ONES);
        from & !past & (0x80 * ONES)
    }
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        if (in_range(x, b'a', b'z') << 8) & in_range(x, b'A', b'Z') != 0 {
            return true;
        }
        i += 7;
    }
    b[i..]
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// What [`card_glue`] reads of a char: one of these or none (no char is
/// both a letter and a space).
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const SPACE: u8 = 3;

/// Each ASCII byte's kind for [`card_glue`].
const ASCII_KIND: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Longest line (bytes) that can be a title or a teaser: 30 words of
/// headline leave room to spare. Longer lines get no dedup key.
pub const MAX_HEADLINE_BYTES: usize = 400;

pub fn punctuation(s: &str) -> usize {
    s.chars()
        .filter(|c| !c.is_alphanumeric() && !c.is_whitespace())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_headlines_cut_short_but_not_sentences_trailing_off() {
        assert!(is_truncated_headline(
            "Council delays vote on parking fees after shop owners comp...",
            10
        ));
        assert!(is_truncated_headline(
            "Ferry fares to rise again next spr…",
            6
        ));
        assert!(!is_truncated_headline("And the mayor said, which is …", 7));
        assert!(!is_truncated_headline("The board met. Then it voted...", 6));
        assert!(!is_truncated_headline(
            "Council delays vote on parking fees",
            6
        ));
    }

    #[test]
    fn headlines_in_scripts_without_case_look_like_headlines() {
        assert!(looks_like_headline(
            "افتتاح پل تازه در شهر ولمورا",
            || word_count("افتتاح پل تازه در شهر ولمورا", MAX_HEADLINE_WORDS)
        ));
        assert!(looks_like_headline(
            "גשר חדש נפתח בעיר ולמורה",
            || word_count("גשר חדש נפתח בעיר ולמורה", MAX_HEADLINE_WORDS)
        ));
        assert!(looks_like_headline("Velmora opens its new bridge", || {
            word_count("Velmora opens its new bridge", MAX_HEADLINE_WORDS)
        }));
        assert!(!looks_like_headline(
            "and then the new bridge opened",
            || word_count("and then the new bridge opened", MAX_HEADLINE_WORDS)
        ));
    }

    #[test]
    fn word_counts_agree_with_split_whitespace() {
        for t in [
            "",
            "  ",
            "one",
            " a  b\tc\u{0b}d\u{0c}e\r\nf ",
            "non\u{a0}breaking\u{2009}thin\u{3000}ideographic\u{85}nel",
            "“Quoted” — dash é ü",
        ] {
            assert_eq!(word_count(t, 30), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn word_counts_agree_with_split_whitespace_on_mixed_text() {
        // Wide spaces next to wide letters and ASCII, in many orders.
        let pieces = [
            "ab", " ", "\u{3000}", "é", "\u{a0}", "“x”", "\u{2009}", "\t", "—",
        ];
        for seed in 0..400usize {
            let t = super::super::scrambled_line(&pieces, seed, 20 + seed % 180);
            assert_eq!(
                word_count(&t, usize::MAX),
                t.split_whitespace().count(),
                "{t:?}"
            );
        }
    }

    #[test]
    fn word_counts_stop_only_above_the_cap() {
        let ascii: String = (0..400).map(|i| format!("w{i} ")).collect();
        let wide: String = (0..400).map(|i| format!("é{i}\u{a0}")).collect();
        for text in [ascii, wide] {
            for n in [0, 1, 29, 30, 31, 45, 200, 400] {
                let t: String = text.split_inclusive([' ', '\u{a0}']).take(n).collect();
                let got = word_count(&t, 30);
                if n <= 30 {
                    assert_eq!(got, n, "{t:?}");
                } else {
                    assert!(got > 30, "{n} words counted as {got}");
                }
            }
        }
    }

    #[test]
    fn card_glue_finds_publisher_author_joins_only() {
        assert_eq!(
            card_glue("The Daily HeraldJane Doe"),
            Some("The Daily Herald".len())
        );
        assert_eq!(card_glue("Meeting with McDonald and DeSantis"), None);
        assert_eq!(card_glue("plain text"), None);
        assert_eq!(card_glue("Le Monde ÉditionsÉlise Dupré"), Some(18));
        assert_eq!(card_glue("Straße"), None);
        // Words apart by a space from outside ASCII count as two.
        let spaced = |n: usize| vec!["Herald"; n].join("\u{a0}") + "Jane Doe";
        assert!(card_glue(&spaced(9)).is_some());
        assert_eq!(card_glue(&spaced(10)), None, "eleven words");
        let words = |n: usize| vec!["one"; n].join(" ") + " The Daily HeraldJane Doe";
        assert!(card_glue(&words(6)).is_some());
        assert_eq!(card_glue(&words(7)), None, "eleven words");
    }

    #[test]
    fn case_steps_are_found_wherever_they_sit() {
        let by_pairs = |s: &str| {
            s.as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        };
        let pieces = ["ab", "C", " ", "z", "Z", "@", "[", "`", "{", "a", "A", "0"];
        for seed in 0..2000usize {
            let s = super::super::scrambled_line(&pieces, seed, seed % 40);
            assert_eq!(has_case_step(s.as_bytes()), by_pairs(&s), "{s:?}");
        }
    }

    #[test]
    fn no_char_is_two_of_the_kinds_card_glue_reads() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let kinds = [c.is_uppercase(), c.is_lowercase(), c.is_whitespace()];
            assert!(kinds.iter().filter(|&&k| k).count() <= 1, "{c:?}");
        }
    }

    #[test]
    fn title_case_lines() {
        assert!(is_title_case(
            "Harbour Ferry Fares Rise Again. Why Riders Should Not Panic."
        ));
        assert!(!is_title_case(
            "Harbour ferry fares rise again, and riders are not amused."
        ));
        assert!(!is_title_case("The Big One"), "too few long words");
        for s in [
            "Shares Fall After the Report. Why Nobody Worries.",
            "\"Ferry\" (Fares) Rise-Again 2031's Best\u{b}Crossings\u{c}Here",
            "123 456 Harbour.Board Votes x1y2 Ferry",
            "  Ferry\tFares\rRise\nTonight ",
            "ferry fares rise tonight",
            "Ferry FARES rise tonight; ABCD Efgh ijkl",
            "",
            "...",
        ] {
            assert_eq!(ascii_title_case(s.as_bytes()), chars_title_case(s), "{s:?}");
        }
    }

    #[test]
    fn sentence_endings() {
        assert!(ends_like_sentence("He said it was “positive.”"));
        assert!(ends_like_sentence("“the need to end the war now,”"));
        assert!(!ends_like_sentence("Who was the architect of the plan"));
    }
}
