//! Eight bytes at a time: where a word of a line ends, whether it holds a
//! byte outside ASCII, and ASCII case folding in one number, for the
//! stop-word count that reads every word of every line.

/// ASCII capitals to lower case in eight bytes at once (every byte below
/// 0x80, so no sum carries into the next byte).
pub(super) fn lower_ascii(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let from_a = x.wrapping_add((0x80 - u64::from(b'A')) * ONES);
    let past_z = x.wrapping_add((0x80 - u64::from(b'Z') - 1) * ONES);
    let upper = from_a & !past_z & (0x80 * ONES);
    x | (upper >> 2)
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Eight bytes of `b` from `i` as a number, zero past its end.
#[inline]
pub(super) fn load8(b: &[u8], i: usize) -> u64 {
    match b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        Some(eight) => u64::from_le_bytes(eight),
        None => load8_near_end(b, i),
    }
}

/// [`load8`] where fewer than eight bytes are left: apart, so that the
/// common load is one instruction (joined, the two copies compiled to one
/// call of `memcpy` for every word).
#[cold]
#[inline(never)]
fn load8_near_end(b: &[u8], i: usize) -> u64 {
    let mut eight = [0u8; 8];
    if b.len() >= 8 {
        let off = b.len() - 8;
        eight.copy_from_slice(&b[off..]);
        return u64::from_le_bytes(eight) >> (8 * (i - off));
    }
    eight[..b.len() - i].copy_from_slice(&b[i..]);
    u64::from_le_bytes(eight)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The end of the run of non-space bytes from `i` (the next ASCII space or
/// the line's end), and whether the run holds a byte outside ASCII. Eight
/// bytes are read at once: the lowest byte under 0x21 in them is found
/// exactly (flags above it may be false), then checked for a space.
pub(super) fn run_end(b: &[u8], mut i: usize) -> (usize, bool) {
    let mut high = 0u64;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        let low = x.wrapping_sub(0x21 * ONES) & !x & HIGH_BITS;
        if low == 0 {
            high |= x;
            i += 8;
            continue;
        }
        let k = (low.trailing_zeros() / 8) as usize;
        high |= x & ((1u64 << (8 * k)) - 1);
        if is_space(b[i + k]) {
            return (i + k, high & HIGH_BITS != 0);
        }
        // A control char that is no space is part of the run.
        i += k + 1;
    }
    let mut high = high & HIGH_BITS != 0;
    while let Some(&c) = b.get(i).filter(|&&c| !is_space(c)) {
        high |= !c.is_ascii();
        i += 1;
    }
    (i, high)
}

/// Where `token` (not all ASCII) is left by [`super::lookup`]'s trim:
/// punctuation other than apostrophes off both ends, then apostrophes
/// (straight or curly). Read as bytes where the ends hold ASCII and
/// general punctuation (U+2000 to U+206F: dashes, curly quotes), which
/// holds no letter or digit; None where another char sits at an end.
pub(super) fn trim_token(b: &[u8]) -> Option<(usize, usize)> {
    let (mut lo, mut hi) = (0, b.len());
    while lo < hi {
        let c = b[lo];
        if c.is_ascii() {
            if ALNUM[usize::from(c)] || c == b'\'' {
                break;
            }
            lo += 1;
        } else if is_general_punctuation(b, lo) {
            if is_curly_apostrophe(b, lo) {
                break;
            }
            lo += 3;
        } else {
            return None;
        }
    }
    while hi > lo {
        let c = b[hi - 1];
        if c.is_ascii() {
            if ALNUM[usize::from(c)] || c == b'\'' {
                break;
            }
            hi -= 1;
        } else if hi >= lo + 3 && is_general_punctuation(b, hi - 3) {
            if is_curly_apostrophe(b, hi - 3) {
                break;
            }
            hi -= 3;
        } else {
            return None;
        }
    }
    loop {
        if lo < hi && b[lo] == b'\'' {
            lo += 1;
        } else if hi >= lo + 3 && is_curly_apostrophe(b, lo) {
            lo += 3;
        } else {
            break;
        }
    }
    loop {
        if hi > lo && b[hi - 1] == b'\'' {
            hi -= 1;
        } else if hi >= lo + 3 && is_curly_apostrophe(b, hi - 3) {
            hi -= 3;
        } else {
            break;
        }
    }
    Some((lo, hi))
}

/// A char of U+2000 to U+206F starts at `b[i]` (no continuation byte is
/// 0xE2, so a 0xE2 starts a char of three bytes).
fn is_general_punctuation(b: &[u8], i: usize) -> bool {
    b[i] == 0xE2
        && b.get(i + 1..i + 3)
            .is_some_and(|c| c[0] == 0x80 || (c[0] == 0x81 && c[1] <= 0xAF))
}

/// A curly apostrophe (U+2019) starts at `b[i]`.
fn is_curly_apostrophe(b: &[u8], i: usize) -> bool {
    b.get(i..i + 3) == Some("\u{2019}".as_bytes())
}

/// The stop-word key of `t` when it holds only ASCII and curly
/// apostrophes (at most sixteen bytes once they are straight): lowered,
/// each curly apostrophe a straight one.
pub(super) fn lower_with_apostrophes(t: &[u8]) -> Option<u128> {
    let mut key = [0u8; 16];
    let (mut i, mut n) = (0, 0);
    while i < t.len() {
        let c = t[i];
        let (byte, width) = if c.is_ascii() {
            (c.to_ascii_lowercase(), 1)
        } else if is_curly_apostrophe(t, i) {
            (b'\'', 3)
        } else {
            return None;
        };
        *key.get_mut(n)? = byte;
        n += 1;
        i += width;
    }
    Some(u128::from_le_bytes(key))
}

/// Letters and digits among the bytes.
pub(super) const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_fold_case_and_runs_end_at_the_next_space() {
        assert_eq!(
            lower_ascii(u64::from_le_bytes(*b"AZaz@[09")),
            u64::from_le_bytes(*b"azaz@[09")
        );
        let line = "ferryman’s harbour\tnext";
        assert_eq!(run_end(line.as_bytes(), 0), (line.find(' ').unwrap(), true));
        let tab = line.find('\t').unwrap();
        assert_eq!(run_end(line.as_bytes(), tab - 7), (tab, false));
        assert_eq!(load8(b"abc", 1), u64::from_le_bytes(*b"bc\0\0\0\0\0\0"));
        assert!(is_space(b'\t') && !is_space(b'a') && ALNUM[usize::from(b'7')]);
    }
}
