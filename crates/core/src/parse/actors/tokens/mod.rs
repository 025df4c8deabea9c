//! Splits a sentence into word and punctuation tokens with byte offsets,
//! marking the shapes a name scanner needs: capitalised words, capitals-only
//! acronyms, dotted abbreviations, possessives, sentence openers.
//!
//! A hand-written scanner over `char_indices`: one pass, no regex, so
//! non-ASCII names (Micheál, Nørgaard, Şimşek) cost no more than ASCII ones.

mod small_words;
#[cfg(test)]
use small_words::spaced_lower_word;
use small_words::{lower_run, small_tail_shape, small_tail_word_end};

/// What a token looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// First letter upper case, some lower case after: "Halvorsen", "Jean-Noel".
    Cap,
    /// Two or more letters, none lower case: "US", "NATO", "JD", "U.S.".
    Upper,
    /// One capital letter, with or without a dot: "W.", "L".
    Letter,
    /// Starts with a lower-case letter.
    Lower,
    /// Starts with a digit.
    Number,
    /// Anything else, one character: `,` `“` `–` `(`.
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the text the tokens came from.
    pub start: usize,
    /// End of the word without a possessive `'s`/`’s`.
    pub end: usize,
    pub shape: Shape,
    /// Ended in `'s`/`’s` (or a bare `'` after an `s`).
    pub possessive: bool,
    /// Opens a sentence or a quotation, where capitals prove nothing.
    pub initial: bool,
    /// A lower-case part was glued on with a hyphen ("Kremlin-friendly"),
    /// and is the word's last: the word is an adjective even though it
    /// starts with a capital.
    pub glued: bool,
    /// Every byte of the token (the word without its possessive) is
    /// ASCII: its key is its own bytes lowered, with nothing to fold.
    pub ascii: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        !matches!(self.shape, Shape::Punct(_))
    }
    /// Capitalised, capitals-only or an initial: could be part of a name.
    pub fn is_capital(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper | Shape::Letter)
    }
}

const APOSTROPHES: [char; 2] = ['\'', '\u{2019}'];
/// Abbreviations that keep their full stop ("St. Petersburg", "Gen. Smith").
const DOTTED_WORDS: [&str; 18] = [
    "St", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof", "Jr", "Sr",
    "Capt", "Maj", "Adm", "Rev",
];

/// Unicode's General Punctuation block.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206f}';

/// `u8::is_ascii_alphanumeric` as a table: the word sweep reads one entry
/// per byte instead of testing three ranges.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits at `from` in `bytes`.
/// Eight bytes at a time ([`alnum_bytes`]): the end of a word is the
/// first byte of its eight that is no letter or digit, found with no
/// branch per byte (a loop over the bytes mispredicted its exit at the end
/// of nearly every word, words being of every length).
#[inline]
fn ascii_run_end(bytes: &[u8], from: usize) -> usize {
    let mut p = from;
    while let Some(chunk) = bytes.get(p..).and_then(<[u8]>::first_chunk::<8>) {
        let not_alnum = !alnum_bytes(u64::from_le_bytes(*chunk)) & HIGH_BITS;
        if not_alnum != 0 {
            return p + (not_alnum.trailing_zeros() / 8) as usize;
        }
        p += 8;
    }
    ascii_run_end_bytewise(bytes, p)
}

/// The end of the run of ASCII letters and digits that opens at `p` (a
/// letter or digit) in `bytes`, and the byte there (none at the end of
/// `bytes`). A run that ends within the eight bytes from `p` (most words)
/// is read from one load, the byte that ends it too; a longer one is swept
/// on from the ninth byte. Inlined into both loops that ask (out of
/// line, its two results went through memory).
#[inline(always)]
fn word_end(bytes: &[u8], p: usize) -> (usize, Option<u8>) {
    let end = match bytes.get(p..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) => {
            let v = u64::from_le_bytes(*chunk);
            let not_alnum = !alnum_bytes(v) & HIGH_BITS;
            if not_alnum != 0 {
                let k = not_alnum.trailing_zeros() / 8;
                return (p + k as usize, Some((v >> (8 * k)) as u8));
            }
            ascii_run_end(bytes, p + 8)
        }
        None => ascii_run_end(bytes, p + 1),
    };
    (end, bytes.get(end).copied())
}

/// [`ascii_run_end`] a byte at a time: the last few bytes of a text, and
/// what the test compares the fast path with.
fn ascii_run_end_bytewise(bytes: &[u8], from: usize) -> usize {
    let Some(rest) = bytes.get(from..) else {
        return from;
    };
    // Over an iterator, not by index: no bounds check per byte.
    let mut it = rest.iter();
    let before = it.len();
    while let Some(&b) = it.next() {
        if !ALNUM[usize::from(b)] {
            return from + (before - it.len() - 1);
        }
    }
    from + before
}

/// The top bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a `u64`.
const fn each(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The top bit of each byte of `v` that is an ASCII letter or digit,
/// the other bits clear. Each byte's low seven bits are compared with the
/// ranges by adding to them what carries into the top bit exactly at a
/// range's ends (no sum reaches the next byte); a byte with its top bit
/// set is no ASCII at all.
#[inline]
fn alnum_bytes(v: u64) -> u64 {
    let x = v & !HIGH_BITS;
    // Upper case folded onto lower case: `x | 0x20` is a small letter
    // exactly when `x` is a letter (and no other byte lands in a..z).
    let y = x | each(0x20);
    let digit = x.wrapping_add(each(0x80 - b'0')) & !x.wrapping_add(each(0x7f - b'9'));
    let letter = y.wrapping_add(each(0x80 - b'a')) & !y.wrapping_add(each(0x7f - b'z'));
    (digit | letter) & !v & HIGH_BITS
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if GENERAL_PUNCTUATION.contains(&c) {
        // Curly quotes, dashes, ellipses: most of the non-ASCII chars in
        // news text, and none a letter, digit or mark (see the test), so
        // not looked up in Unicode's tables.
        return false;
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{2018}' | '\'' | '\u{ab}' | '(' | '['
    )
}

/// The char at byte offset `p` (a char boundary), if any. ASCII, most of
/// the text, is read as a byte; only other chars are decoded.
fn char_at(text: &str, p: usize) -> Option<char> {
    match text.as_bytes().get(p) {
        None => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(p..).and_then(|t| t.chars().next()),
    }
}

/// Byte offset just past the char at `p` (or `p` at the end of the text).
fn after(text: &str, p: usize) -> usize {
    p + char_at(text, p).map_or(0, char::len_utf8)
}

/// Tokens of `text`; offsets are relative to `text`.
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into a buffer the caller reuses (cleared first).
///
/// Walks byte offsets and decodes a char only where one is needed, rather
/// than collecting every `(offset, char)` first: that vector, as large as
/// the sentence, and the per-char work around it were the scanner's
/// largest single cost. Runs of ASCII letters and digits, most of any
/// word, are skipped a byte at a time, and ASCII white space and word
/// ends are told from the byte alone. Not inlined into the scan: on its
/// own the loop keeps its state and constants in registers, where inside
/// the scan's one large body it reloaded them from the stack per word.
#[inline(never)]
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    out.reserve(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let len = text.len();
    let mut p = 0;
    // Whether the next word opens a sentence or a quotation.
    let mut opens = true;
    while p < len {
        let b = bytes[p];
        // ASCII white space, most of what lies between tokens, undecoded
        // (what `char::is_whitespace` says of ASCII).
        if matches!(b, b' ' | b'\t'..=b'\r') {
            p += 1;
            continue;
        }
        // Most words are ASCII letters and digits ended by a space or by
        // punctuation that joins nothing: such a word is swept and pushed
        // here, with no char decoded. Any other word is read from its
        // start by the general loop below.
        if ALNUM[usize::from(b)] {
            // The word's end and the byte there (none at the end of the
            // text); `tail`: small letters after its first byte, all of it
            // within one load (most words), which tells its shape too.
            let (end, after, tail) = match small_tail_word_end(bytes, p) {
                Some((end, c)) => (end, Some(c), true),
                None => {
                    let (end, after) = word_end(bytes, p);
                    (end, after, false)
                }
            };
            // A full stop ends a word that opens on a small letter or a
            // digit as the general loop would end it: only an initial ("W.")
            // or an abbreviation that keeps its stop ("Gen.") opens on a
            // capital.
            let ends_here = after.is_none_or(|c| {
                c.is_ascii() && !matches!(c, b'.' | b'-' | b'\'')
                    || c == b'.' && !b.is_ascii_uppercase()
            });
            if ends_here {
                let shape = if tail {
                    small_tail_shape(b, end - p)
                } else {
                    ascii_word_shape(&bytes[p..end], false)
                };
                out.push(Token {
                    start: p,
                    end,
                    shape,
                    possessive: false,
                    initial: opens,
                    glued: false,
                    ascii: true,
                });
                opens = false;
                // Most words end at a single space: stepped over here, not
                // by another turn of the loop (white space makes no token).
                // The plain lower-case words after that space are pushed
                // by a loop of their own.
                p = if after == Some(b' ') {
                    lower_run(bytes, end + 1, out)
                } else {
                    end
                };
                continue;
            }
        }
        let Some(c) = char_at(text, p) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            p += cl;
            continue;
        }
        if !is_word_char(c) {
            // Asked only of an opening quote (most punctuation is not one).
            let prev_space = || {
                p == 0
                    || text
                        .get(..p)
                        .and_then(|t| t.chars().next_back())
                        .is_some_and(char::is_whitespace)
            };
            let next_word = || char_at(text, p + cl).is_some_and(is_word_char);
            if matches!(c, '.' | '!' | '?' | ':' | ';')
                || (is_opening_quote(c) && prev_space() && next_word())
            {
                opens = true;
            }
            out.push(Token {
                start: p,
                end: p + cl,
                shape: Shape::Punct(c),
                possessive: false,
                initial: false,
                glued: false,
                ascii: c.is_ascii(),
            });
            p += cl;
            continue;
        }
        // A word: letters and digits, joined by inner hyphens, apostrophes and
        // the dots of abbreviations.
        let start = p;
        let mut seg_start = p;
        let mut glued = false;
        let mut possessive = false;
        // A hyphen joins two parts: only then does the shape look for one.
        let mut dashed = false;
        // No char but ASCII in the word so far (most words): its shape is
        // then read from bytes.
        let mut ascii_only = true;
        let mut end_core: Option<usize> = None;
        while p < len {
            // ASCII letters and digits in one sweep.
            p = ascii_run_end(bytes, p);
            if p == len {
                break;
            }
            // Any other ASCII char but the joiners below ends the word:
            // decided from the byte, most words ending in a space.
            if bytes[p].is_ascii() && !matches!(bytes[p], b'.' | b'-' | b'\'') {
                break;
            }
            let Some(c) = char_at(text, p) else { break };
            let cl = c.len_utf8();
            if is_word_char(c) {
                ascii_only &= cl == 1;
                p += cl;
                continue;
            }
            let next = char_at(text, p + cl);
            let next_is_word = next.is_some_and(is_word_char);
            if c == '.' {
                let seg = &text[seg_start..p];
                let mut seg_chars = seg.chars();
                let single_cap =
                    seg_chars.next().is_some_and(char::is_uppercase) && seg_chars.next().is_none();
                if single_cap {
                    p += cl;
                    if next_is_word && next.is_some_and(char::is_uppercase) {
                        seg_start = p;
                        continue;
                    }
                    // "U.S.-proposed": a dotted abbreviation glued to a word.
                    let after_dash = char_at(text, p + 1);
                    if char_at(text, p) == Some('-') && after_dash.is_some_and(is_word_char) {
                        glued = after_dash.is_some_and(char::is_lowercase);
                        dashed = true;
                        p += 1;
                        seg_start = p;
                        continue;
                    }
                    break;
                }
                if seg_start == start && DOTTED_WORDS.contains(&seg) && !next_is_word {
                    p += cl;
                }
                break;
            }
            if c == '-' && next_is_word {
                // The last part decides: "Inzamam-ul-Haq" and
                // "Weston-super-Mare" are names, "Velm-based" is not.
                glued = next.is_some_and(char::is_lowercase);
                dashed = true;
                p += cl;
                seg_start = p;
                continue;
            }
            if APOSTROPHES.contains(&c) {
                let after_next = char_at(text, after(text, p + cl));
                if matches!(next, Some('s' | 'S')) && !after_next.is_some_and(is_word_char) {
                    possessive = true;
                    end_core = Some(p);
                    p += cl + 1;
                    break;
                }
                if next_is_word {
                    ascii_only &= cl == 1;
                    p += cl;
                    seg_start = p;
                    continue;
                }
                // "leaders'": a plural possessive. The word has at least one
                // char before `p`; a byte `s` cannot be part of another char.
                if bytes[p - 1] == b's' {
                    possessive = true;
                    end_core = Some(p);
                    p += cl;
                }
                break;
            }
            break;
        }
        let word_end = end_core.unwrap_or(p);
        let shape = match bytes.get(start..word_end) {
            Some(w) if ascii_only && !w.is_empty() => ascii_word_shape(w, dashed),
            _ => shape_of(text.get(start..word_end).unwrap_or(""), dashed),
        };
        // A capitalised head glued to a lower-case tail is an adjective,
        // unless the head is a particle prefix ("al-Assad" starts lower case).
        let glued = glued && matches!(shape, Shape::Cap | Shape::Upper);
        out.push(Token {
            start,
            end: word_end,
            shape,
            possessive,
            initial: opens,
            glued,
            ascii: ascii_only,
        });
        opens = false;
    }
}

/// The shape of a word; `dashed`: it may hold a hyphen (false: it holds
/// none, so a lower-case word needs no search for one).
fn shape_of(word: &str, dashed: bool) -> Shape {
    if word.is_empty() {
        return Shape::Punct(' ');
    }
    if word.is_ascii() {
        return ascii_word_shape(word.as_bytes(), dashed);
    }
    general_shape_of(word)
}

/// [`shape_of`] for an ASCII word (not empty).
fn ascii_word_shape(w: &[u8], dashed: bool) -> Shape {
    if !dashed && w[0].is_ascii_lowercase() {
        return Shape::Lower;
    }
    ascii_shape_of(w)
}

/// [`shape_of`] for any word, char by char (`word` is not empty).
fn general_shape_of(word: &str) -> Shape {
    let Some(first) = word.chars().next() else {
        return Shape::Punct(' ');
    };
    if first.is_numeric() {
        return Shape::Number;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let has_lower = word.chars().any(char::is_lowercase);
    if first.is_uppercase() {
        if letters == 1 {
            Shape::Letter
        } else if has_lower {
            Shape::Cap
        } else {
            Shape::Upper
        }
    } else if first.is_lowercase() {
        // "al-Assad", "bin-Salman": a particle glued to a capitalised name.
        match word.split_once('-') {
            Some((_, rest)) if rest.chars().next().is_some_and(char::is_uppercase) => Shape::Cap,
            _ => Shape::Lower,
        }
    } else {
        Shape::Punct(first)
    }
}

/// [`shape_of`] for an ASCII word, over bytes, and only for a capital
/// (the letters and lower case of other words decide nothing).
fn ascii_shape_of(w: &[u8]) -> Shape {
    let first = w[0];
    if first.is_ascii_digit() {
        return Shape::Number;
    }
    if first.is_ascii_uppercase() {
        upper_first_shape(w.get(1..).unwrap_or_default())
    } else if first.is_ascii_lowercase() {
        match w.iter().position(|&b| b == b'-') {
            Some(i) if w.get(i + 1).is_some_and(u8::is_ascii_uppercase) => Shape::Cap,
            _ => Shape::Lower,
        }
    } else {
        Shape::Punct(char::from(first))
    }
}

/// The shape of an ASCII word that opens on a capital, from the bytes
/// after it (`rest`). A small letter among them makes it capitalised (it
/// is a second letter, the capital the first), which "Halvorsen" shows at
/// its second byte; with none, one more letter makes it capitals-only
/// ("NATO", "U.S."), and no other letter a lone initial ("W.").
fn upper_first_shape(rest: &[u8]) -> Shape {
    if rest.iter().any(u8::is_ascii_lowercase) {
        Shape::Cap
    } else if rest.iter().any(u8::is_ascii_alphabetic) {
        Shape::Upper
    } else {
        Shape::Letter
    }
}

#[cfg(test)]
mod tests;
