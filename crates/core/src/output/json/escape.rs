//! JSON strings written as serde_json escapes them (C0 controls, `"` and
//! `\`), with the chars [`super::invisible_at`] names, which can reorder or
//! drive what a terminal shows, as `\uXXXX` too.
//!
//! serde_json looks at every byte of a string through a table; sentences
//! are most of what `timeline --json` writes, so here a string is scanned
//! sixteen bytes at a time for the few bytes that need a look (`"`, `\`,
//! C0 controls, and the lead bytes C2 and E2), and the runs between them
//! are copied whole.

/// Appends `s` as a JSON string, escaped as serde_json escapes it (C0
/// controls, `"` and `\`), and the chars [`super::invisible_at`] names as
/// `\uXXXX`.
pub(super) fn push_string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut from = 0;
    let mut i = 0;
    while let Some(at) = next_to_look_at(bytes, i) {
        let b = bytes[at];
        let (escape, len): (&[u8], usize) = match b {
            b'"' => (b"\\\"", 1),
            b'\\' => (b"\\\\", 1),
            b'\n' => (b"\\n", 1),
            b'\t' => (b"\\t", 1),
            b'\r' => (b"\\r", 1),
            0x08 => (b"\\b", 1),
            0x0c => (b"\\f", 1),
            0x00..=0x1f => (&[], 1),
            _ => match super::invisible_at(&bytes[at..]) {
                Some(c) => (&[], c.len_utf8()),
                None => {
                    i = at + 1;
                    continue;
                }
            },
        };
        out.extend_from_slice(&bytes[from..at]);
        if escape.is_empty() {
            let code = if b < 0x20 {
                u32::from(b)
            } else {
                super::invisible_at(&bytes[at..]).map_or(0, u32::from)
            };
            push_unicode_escape(out, code);
        } else {
            out.extend_from_slice(escape);
        }
        from = at + len;
        i = from;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

/// `\u` and four lower-case hex digits, as serde_json writes them.
fn push_unicode_escape(out: &mut Vec<u8>, code: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[(code >> shift) as usize & 0xf]);
    }
}

/// Whether byte `b` needs a look: `"`, `\`, a C0 control, or a lead byte
/// (C2, E2) of a char that may be [`super::invisible_at`].
fn to_look_at(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\' || b == 0xc2 || b == 0xe2
}

/// The first byte at or after `i` that [`to_look_at`] names.
fn next_to_look_at(bytes: &[u8], i: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    let i = match sixteen_at_a_time(bytes, i) {
        Ok(found) => return Some(found),
        Err(rest) => rest,
    };
    bytes
        .get(i..)?
        .iter()
        .position(|&b| to_look_at(b))
        .map(|k| i + k)
}

/// [`next_to_look_at`] sixteen bytes at a time (SSE2, which every x86-64
/// processor has): `Ok` with the byte found, or `Err` with the string's
/// length when there is none. The last bytes, fewer than sixteen (all of a
/// key or a date), are read from a copy padded with spaces.
#[cfg(target_arch = "x86_64")]
fn sixteen_at_a_time(bytes: &[u8], mut i: usize) -> Result<usize, usize> {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let splat = |b: u8| {
        // SAFETY: SSE2 is part of x86-64.
        unsafe { _mm_set1_epi8(b as i8) }
    };
    let (controls, quote, backslash, lead_bits, lead) = (
        splat(0x1f),
        splat(b'"'),
        splat(b'\\'),
        splat(0x20),
        splat(0xe2),
    );
    let found_in = |chunk: &[u8; 16]| {
        // SAFETY: SSE2 is part of x86-64, and the load reads the sixteen
        // bytes of `chunk` (unaligned loads are allowed).
        unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            // At most 0x1f: a control; C2 or E2: E2 once bit 0x20 is set.
            let control = _mm_cmpeq_epi8(_mm_min_epu8(v, controls), v);
            let syntax = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
            let lead = _mm_cmpeq_epi8(_mm_or_si128(v, lead_bits), lead);
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(control, syntax), lead))
        }
    };
    loop {
        let mask = match bytes.get(i..i + 16) {
            Some(chunk) => found_in(chunk.try_into().map_err(|_| bytes.len())?),
            None => {
                let rest = bytes.get(i..).unwrap_or_default();
                if rest.is_empty() {
                    return Err(bytes.len());
                }
                let mut padded = [b' '; 16];
                padded[..rest.len()].copy_from_slice(rest);
                match found_in(&padded) {
                    0 => return Err(bytes.len()),
                    mask => mask,
                }
            }
        };
        if mask != 0 {
            return Ok(i + mask.trailing_zeros() as usize);
        }
        i += 16;
    }
}

#[cfg(test)]
mod tests {
    use super::super::reference;
    use super::push_string;

    fn printed(s: &str) -> String {
        let mut out = Vec::new();
        push_string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    fn same_as_reference(s: &str) {
        let want = String::from_utf8(reference::print(s, 0)).unwrap();
        assert_eq!(printed(s), want);
    }

    #[test]
    fn every_char_at_every_place_in_a_word_is_written_as_the_reference_writes_it() {
        let mut buf = [0u8; 4];
        let chars = (0..=0x10ffffu32).filter_map(char::from_u32);
        for c in chars {
            // Near the start of a string for every char; at every place in
            // a sixteen-byte load, and at the end, for the ones a string
            // mostly holds (and every escaped one).
            let common = (c as u32) < 0x3000;
            let places: &[usize] = if common {
                &[0, 1, 2, 7, 8, 9, 14, 15, 16, 17, 31]
            } else {
                &[0, 14]
            };
            for &n in places {
                let s = format!("{}{}q", "x".repeat(n), c.encode_utf8(&mut buf));
                let want = String::from_utf8(reference::print(&s, 0)).unwrap();
                assert_eq!(printed(&s), want, "{:04x} after {n}", c as u32);
            }
        }
    }

    #[test]
    fn runs_of_escapes_and_long_plain_runs_are_written_as_the_reference_writes_them() {
        for s in [
            "",
            "\"",
            "\\\\\"\"\n\n\t\r\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            "Ria Tolvan said \"no\" \u{2014} twice\u{2019}s \u{85}\u{202e}\u{2069}.",
            "\u{c2}\u{e2}\u{e9}\u{20ac}\u{2028}\u{2029}\u{200b}",
            &"a plain sentence of some length, ".repeat(20),
            &"\u{202a}x\"".repeat(9),
        ] {
            same_as_reference(s);
        }
    }
}
