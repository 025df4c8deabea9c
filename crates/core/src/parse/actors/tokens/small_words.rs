//! Words of small ASCII letters, most of a sentence's words, told from one
//! sixteen-byte load: the tokenizer's fast paths, apart from its general
//! loop in the module above.

use super::{ALNUM, Shape, Token, word_end};

/// Pushes the plain lower-case words that follow from `p` (just after a
/// word and the single space that ended it), each ended by one space, as
/// most of a sentence's words are; returns where the general loop goes on
/// (the first byte no such word opens on). Such a word is pushed as the
/// general loop would push it (no sentence opens there, after a word and
/// one space), with only its end to find: none of the loop's other
/// questions (white space, shape, what ends it) is asked of it.
#[inline(always)]
pub(super) fn lower_run(bytes: &[u8], mut p: usize, out: &mut Vec<Token>) -> usize {
    while bytes.get(p).is_some_and(u8::is_ascii_lowercase) {
        // Most such words are small letters and then a space, within
        // sixteen bytes: told from one load, the word's end from the first
        // byte that is no small letter.
        if let Some(end) = spaced_lower_word(bytes, p) {
            out.push(lower_word(p, end));
            p = end + 1;
            continue;
        }
        let (end, after) = word_end(bytes, p);
        // What ends a word that opens on a small letter (see the general
        // loop): any ASCII byte but a hyphen or an apostrophe, which may
        // join it to more.
        if !after.is_none_or(|c| c.is_ascii() && c != b'-' && c != b'\'') {
            break;
        }
        out.push(lower_word(p, end));
        if after != Some(b' ') {
            return end;
        }
        p = end + 1;
    }
    p
}

/// The token of a plain lower-case ASCII word from `start` to `end` that
/// opens no sentence: what the general loop pushes for it.
#[inline(always)]
fn lower_word(start: usize, end: usize) -> Token {
    Token {
        start,
        end,
        shape: Shape::Lower,
        possessive: false,
        initial: false,
        glued: false,
        ascii: true,
    }
}

/// The end of the word at `p` when the sixteen bytes from `p` hold all
/// of it, in small ASCII letters only, and the space that ends it: the
/// end [`word_end`] would find (a space is no letter or digit), told from
/// one load. None otherwise (the caller asks [`word_end`]).
#[inline(always)]
pub(super) fn spaced_lower_word(bytes: &[u8], p: usize) -> Option<usize> {
    let chunk = bytes.get(p..).and_then(<[u8]>::first_chunk::<16>)?;
    let (other, spaces) = not_small_letters(chunk);
    let k = other.trailing_zeros();
    (k < 16 && spaces >> k & 1 != 0).then_some(p + k as usize)
}

/// The end of the word at `p` (which opens on an ASCII letter or digit)
/// and the byte there, when the sixteen bytes from `p` hold all of it,
/// nothing but small letters after its first byte, and the byte that ends
/// it: what [`word_end`] finds, told from one load. None otherwise.
#[inline(always)]
pub(super) fn small_tail_word_end(bytes: &[u8], p: usize) -> Option<(usize, u8)> {
    let chunk = bytes.get(p..).and_then(<[u8]>::first_chunk::<16>)?;
    let (other, _) = not_small_letters(chunk);
    let k = (other & !1).trailing_zeros() as usize;
    let c = *chunk.get(k)?;
    (!ALNUM[usize::from(c)]).then_some((p + k, c))
}

/// The shape of an ASCII word of `len` bytes that opens on letter or digit
/// `first`, small letters after it: what [`ascii_word_shape`] says of it
/// (undashed), without reading it again.
#[inline(always)]
pub(super) fn small_tail_shape(first: u8, len: usize) -> Shape {
    if first.is_ascii_lowercase() {
        Shape::Lower
    } else if first.is_ascii_digit() {
        Shape::Number
    } else if len >= 2 {
        Shape::Cap
    } else {
        Shape::Letter
    }
}

/// A bit per byte of `chunk` that is no small ASCII letter, and a bit per
/// byte that is a space (SSE2, which every x86-64 processor has).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn not_small_letters(chunk: &[u8; 16]) -> (u32, u32) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_set1_epi8,
        _mm_sub_epi8,
    };
    // SAFETY: SSE2 is part of x86-64, and the load reads the sixteen
    // bytes of `chunk` (unaligned loads are allowed).
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        // A small letter is at most 25 above `a` (any other byte wraps
        // round to more).
        let d = _mm_sub_epi8(v, _mm_set1_epi8(b'a' as i8));
        let small = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(25)), d);
        let spaces = _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8));
        (
            !(_mm_movemask_epi8(small) as u32) & 0xffff,
            _mm_movemask_epi8(spaces) as u32,
        )
    }
}

/// [`not_small_letters`] a byte at a time, elsewhere.
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn not_small_letters(chunk: &[u8; 16]) -> (u32, u32) {
    let (mut other, mut spaces) = (0, 0);
    for (i, &b) in chunk.iter().enumerate() {
        other |= u32::from(!b.is_ascii_lowercase()) << i;
        spaces |= u32::from(b == b' ') << i;
    }
    (other, spaces)
}
