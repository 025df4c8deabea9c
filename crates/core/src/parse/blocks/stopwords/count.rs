//! Counting a line's words and, per language, its stop words: one pass
//! over the line's bytes, most words read eight bytes at a time.

use super::bytes::{ALNUM, is_space, load8, run_end};
use super::lanes::{CHUNK_BYTES, Found};
use super::{KEEP, LANGUAGES, StopWords, lookup, lookup_in};

/// What [`count_words`] reads of a line besides its stop words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// Words, as `split_whitespace` counts them.
    pub words: u32,
    /// Whether the line holds a byte from 0xE3 to 0xEF: the lead bytes of
    /// the CJK and Hangul chars (see [`super::super::lines::is_cjk`]), so
    /// that only such lines are read by chars for them. Every byte outside
    /// ASCII is in a run that [`count_run`] reads, which tells it.
    pub cjk_lead: bool,
}

/// Words (as `split_whitespace` counts them) of a line and, for each
/// language, how many of them are its stop words: one pass over the bytes.
/// An ASCII word of up to fifteen bytes followed by a space or the line's
/// end (nearly every word) is read from two eight-byte loads: its end,
/// whether it is ASCII, its end bytes and its key all come from those
/// numbers, and one closing punctuation mark ("said,") is dropped there.
/// Any other run of non-space bytes is read by [`count_run`]. The hits go
/// into `hits` after each [`CHUNK_BYTES`] of the line, not word by word.
pub fn count_words(table: &StopWords, line: &str, hits: &mut [u16; LANGUAGES]) -> Counted {
    let b = line.as_bytes();
    let mut count = Count {
        words: 0,
        found: Found::default(),
        cjk_lead: false,
    };
    let mut i = 0;
    while i < b.len() {
        let stop = b.len().min(i + CHUNK_BYTES);
        while i < stop {
            i = count_next(table, line, i, &mut count, hits);
        }
        count.found.flush(hits);
    }
    Counted {
        words: count.words,
        cjk_lead: count.cjk_lead,
    }
}

/// Counts what starts at `i` in `line` (a space, a word, a run of
/// non-space bytes) and returns where the next thing starts.
#[inline(always)]
fn count_next(
    table: &StopWords,
    line: &str,
    i: usize,
    count: &mut Count,
    hits: &mut [u16; LANGUAGES],
) -> usize {
    let b = line.as_bytes();
    let (x, y) = match b.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        // Most words: sixteen bytes are left, read without a test of where
        // the line ends.
        Some(w) => {
            let (lo, hi) = w.split_at(8);
            let mut eight = [0u8; 8];
            eight.copy_from_slice(lo);
            let x = u64::from_le_bytes(eight);
            eight.copy_from_slice(hi);
            (x, u64::from_le_bytes(eight))
        }
        None if i + 8 < b.len() => (load8(b, i), load8(b, i + 8)),
        None => (load8(b, i), 0),
    };
    // The lowest byte under 0x21 or outside ASCII is found exactly (flags
    // above it may be false); past the line's end the bytes read as zero.
    let low = (x.wrapping_sub(0x21 * ONES) | x) & HIGH_BITS;
    let k = if low != 0 {
        (low.trailing_zeros() / 8) as usize
    } else {
        let low = (y.wrapping_sub(0x21 * ONES) | y) & HIGH_BITS;
        8 + (low.trailing_zeros() / 8) as usize
    };
    if k == 0 {
        if is_space(b[i]) {
            return i + 1;
        }
    } else if k < 16 {
        let end = i + k;
        // An ASCII run that stops at a space or at the line's end.
        let stops = b.get(end).is_none_or(|&c| c < 0x21 && SPACES >> c & 1 != 0);
        let (keep_low, keep_high) = KEEP[k];
        let (lo, hi) = (x & keep_low, y & keep_high);
        if stops {
            count.words += 1;
            let last = b[end - 1];
            let mask = if !ALNUM[usize::from(lo as u8)] {
                lookup_in(table, b, i, end)
            } else if ALNUM[usize::from(last)] {
                table.get_packed(lo, hi, k)
            } else if last != b'\'' && ALNUM[usize::from(b[end - 2])] {
                // One mark closes the word ("said,", "year."): what
                // trimming it leaves.
                let (keep_low, keep_high) = KEEP[k - 1];
                table.get_packed(lo & keep_low, hi & keep_high, k - 1)
            } else {
                lookup_in(table, b, i, end)
            };
            if let Some(mask) = mask {
                count.found.add(mask);
            }
            // Past the space that ends the word.
            return end + 1;
        }
    }
    count_run(line, i, table, count, hits)
}

/// Words and stop-word hits counted so far in a line.
struct Count {
    words: u32,
    found: Found,
    /// A byte from 0xE3 to 0xEF was read (see [`Counted::cjk_lead`]).
    cjk_lead: bool,
}

/// Counts the run of non-space bytes that starts at `start` (a byte that
/// is no ASCII space) and returns where it ends. An ASCII run is one word;
/// a run that holds other bytes (a curly quote, an accent, a space from
/// outside ASCII) is split and looked up by chars, its hits flushed into
/// `hits` as often as a chunk's (such a run may be longer than one).
/// Apart from the loop over words, which keeps its numbers in registers.
#[cold]
#[inline(never)]
fn count_run(
    line: &str,
    start: usize,
    table: &StopWords,
    count: &mut Count,
    hits: &mut [u16; LANGUAGES],
) -> usize {
    let b = line.as_bytes();
    let (i, high) = run_end(b, start);
    if high {
        count.cjk_lead |= b[start..i].iter().any(|c| (0xE3..=0xEF).contains(c));
    }
    if !high {
        count.words += 1;
        let len = i - start;
        let mask = if ALNUM[usize::from(b[start])] && ALNUM[usize::from(b[i - 1])] {
            if len > table.longest_ascii {
                None
            } else {
                table.get_ascii(b, start, len)
            }
        } else {
            lookup_in(table, b, start, i)
        };
        if let Some(mask) = mask {
            count.found.add(mask);
        }
    } else if !has_wide_space(&line[start..i]) {
        // One word with curly quotes, dashes or accents in it: most runs
        // outside ASCII, looked up without splitting them by chars.
        count.words += 1;
        if let Some(mask) = lookup(table, &line[start..i]) {
            count.found.add(mask);
        }
    } else {
        // ASCII spaces end runs at char boundaries.
        for (n, w) in line[start..i].split_whitespace().enumerate() {
            count.words += 1;
            if let Some(mask) = lookup(table, w) {
                count.found.add(mask);
            }
            if n % (CHUNK_BYTES / 2) == CHUNK_BYTES / 2 - 1 {
                count.found.flush(hits);
            }
        }
    }
    i
}

/// Whether `run` holds a space from outside ASCII (a char that
/// `split_whitespace` splits at): only the lead bytes C2 (U+0085, U+00A0),
/// E1 (U+1680), E2 (U+2000 to U+205F) and E3 (U+3000) start one, so the
/// chars are decoded at those bytes alone.
fn has_wide_space(run: &str) -> bool {
    run.bytes().enumerate().any(|(at, c)| {
        matches!(c, 0xC2 | 0xE1..=0xE3)
            && run
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_whitespace)
    })
}

/// The ASCII spaces among the bytes under 0x21, as bits.
const SPACES: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << 0x0B | 1 << 0x0C | 1 << b'\r';

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

#[cfg(test)]
mod tests {
    use super::super::tests::{count_words, lookup, lookup_chars_only};
    use super::LANGUAGES;

    /// `count_words` on `line` gives the words `split_whitespace` gives,
    /// and per language the stop words `lookup` finds char by char.
    fn counts_as_split_whitespace_and_lookup(line: &str) {
        counts_as_split_whitespace_and(line, lookup_chars_only);
    }

    /// `count_words` on `line` gives the words `split_whitespace` gives,
    /// whether it holds a CJK lead byte, and per language the stop words
    /// `look_up` finds in each word.
    fn counts_as_split_whitespace_and(line: &str, look_up: fn(&str) -> Option<u8>) {
        let mut hits = [0u16; LANGUAGES];
        let counted = count_words(line, &mut hits);
        assert_eq!(
            counted.words as usize,
            line.split_whitespace().count(),
            "{line:?}"
        );
        let cjk_lead = line.bytes().any(|c| (0xE3..=0xEF).contains(&c));
        assert_eq!(counted.cjk_lead, cjk_lead, "{line:?}");
        let mut want = [0u16; LANGUAGES];
        for w in line.split_whitespace() {
            for (l, h) in want.iter_mut().enumerate() {
                *h += u16::from(look_up(w).is_some_and(|m| m & (1 << l) != 0));
            }
        }
        assert_eq!(hits, want, "{line:?}");
    }

    #[test]
    fn lines_count_as_split_whitespace_and_lookup_do() {
        for line in [
            "The ferry left (at noon) and THE crew's 'own' boat\u{b}did not.",
            "“The” crew’s ’own’ DÉJÀ über\u{a0}die Fähre\u{3000}und — das",
            "Ünd\u{2003}",
            "  ",
            "one",
            "\"Of\" -- a\tb,,  ' ''",
        ] {
            counts_as_split_whitespace_and_lookup(line);
        }
    }

    #[test]
    fn generated_lines_count_as_split_whitespace_and_lookup_do() {
        let pieces = [
            "the",
            " ",
            "THE",
            "\u{1}",
            "and",
            "\t",
            "harbourmasters",
            "\u{1f}",
            "’",
            "dé",
            "\u{a0}",
            "(of)",
            "  ",
            "wasn't",
            "\u{b}",
            "ÜBER",
            "\u{3000}",
            ",",
            "x",
            "über",
            "the,",
            "Harbour.",
            "of'",
            "shouldn't.",
            "abcdefghijklmnop",
            "ferrymen",
            "th@",
            "_",
            "[a]",
            "^",
            "—",
            "“",
            "”",
            "Russia’s",
            "港口",
            "한국",
        ];
        for seed in 0..600usize {
            let line = crate::parse::blocks::scrambled_line(&pieces, seed, 10 + seed % 90);
            counts_as_split_whitespace_and_lookup(&line);
        }
    }

    /// The count reads a word as ASCII only up to its first byte under
    /// 0x21 or outside ASCII: words that run on into such a byte (a curly
    /// quote, an accent, a CJK char, a space from outside ASCII, a control
    /// char) count as the per-word reading (`split_whitespace`, then
    /// `lookup` of each word) counts them.
    #[test]
    fn words_running_into_bytes_outside_ascii_count_as_read_word_by_word() {
        let pieces = [
            "the",
            " ",
            "of’",
            "\t",
            "and”",
            "“The",
            "\r\n",
            "déjà",
            "was\u{a0}of",
            "über\u{2003}",
            "港the",
            "the港",
            "a\u{85}",
            "\u{c}",
            "\u{7f}",
            "\0",
            "on\u{1}",
            "fifteen-letters",
            "sixteen-letters!",
            "seventeen-letters",
            "Ölberg",
            "ça",
            "und—die",
            "“",
            "’s",
            "the\u{301}",
            "theɐ",
            "ofठ",
            "\u{3000}",
            "한",
            "dans l’eau",
            "THE,",
            "it.”",
            "  ",
        ];
        for seed in 0..2000usize {
            let line = crate::parse::blocks::scrambled_line(&pieces, seed, 1 + seed % 160);
            // The product's own per-word lookup, not the char-by-char one.
            counts_as_split_whitespace_and(&line, lookup);
        }
    }

    #[test]
    fn wide_spaces_are_the_chars_outside_ascii_that_split_words() {
        let mut buf = [0u8; 4];
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let run = format!("a{}b", c.encode_utf8(&mut buf));
            assert_eq!(super::has_wide_space(&run), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn hits_saturate_on_a_huge_line() {
        let line = "the ".repeat(1_100_000);
        let mut hits = [0u16; LANGUAGES];
        assert_eq!(count_words(&line, &mut hits).words, 1_100_000);
        let mask = lookup("the").unwrap();
        for (l, h) in hits.iter().enumerate() {
            let want = if mask & (1 << l) != 0 { u16::MAX } else { 0 };
            assert_eq!(*h, want);
        }
    }
}
