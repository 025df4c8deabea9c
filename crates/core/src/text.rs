//! Making file text safe to show. Text from files never reaches the terminal
//! as control characters or escape sequences: every string a widget or a CLI
//! table prints goes through [`sanitize`].

use std::borrow::Cow;
use std::ffi::OsStr;
use std::path::Path;

/// A file's raw lines, each with the byte offset it starts at. A line
/// ends at `\n`, at `\r\n`, or at a lone `\r` (files from old Mac
/// programs have nothing else), so such a file is lines, not one long line.
/// The parser, the raw view and the outputs all cut lines here.
pub fn raw_lines(raw: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = raw.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > bytes.len() {
            return None;
        }
        let from = start;
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[from..]) {
            Some(i) if bytes[from + i] == b'\r' && bytes.get(from + i + 1) == Some(&b'\n') => {
                (from + i, from + i + 2)
            }
            Some(i) => (from + i, from + i + 1),
            None => (bytes.len(), bytes.len() + 1),
        };
        start = next;
        // Line ends are ASCII, so both ends are char boundaries.
        Some((from, &raw[from..end]))
    })
}

/// A path as text that keeps apart names differing only in bytes that are
/// not UTF-8: each such byte is written `\xNN` (a lossy conversion would
/// make them all U+FFFD, and two files one). A UTF-8 path is itself. Every
/// place a path is shown, written to JSON or CSV, or hashed for an
/// iCalendar UID or the state file uses this, so one file is one name.
pub fn path_text(path: &Path) -> Cow<'_, str> {
    os_text(path.as_os_str())
}

/// [`path_text`] for one path component (a file name).
pub fn os_text(s: &OsStr) -> Cow<'_, str> {
    let bytes = s.as_encoded_bytes();
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    Cow::Owned(out)
}

/// Replaces what could drive a terminal with visible, harmless stand-ins:
/// C0 controls become Unicode control pictures (ESC -> `␛`), C1 controls and
/// DEL become `�`-style escapes, bidi overrides and zero-width characters
/// become `⟨U+XXXX⟩`, and a tab becomes spaces to the next multiple of 4.
/// A zero-width joiner or non-joiner inside a word is shown as itself:
/// Persian, Indic scripts and emoji need them there.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0usize;
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let after = chars.peek().copied();
        let before = prev.replace(c);
        match c {
            '\t' => {
                let n = 4 - col % 4;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
                continue;
            }
            '\n' => {
                out.push('\n');
                col = 0;
                continue;
            }
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('\u{2421}'),
            '\u{200c}' | '\u{200d}' if in_word(before) && in_word(after) => out.push(c),
            c if needs_escape(c) => out.push_str(&format!("\u{27e8}U+{:04X}\u{27e9}", c as u32)),
            c => out.push(c),
        }
        col += 1;
    }
    Cow::Owned(out)
}

/// Like [`sanitize`] but for one line: newlines become `␤` too.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    let s2 = sanitize(s);
    if s2.contains('\n') {
        Cow::Owned(s2.replace('\n', "\u{2424}"))
    } else {
        s2
    }
}

/// `s` cut to at most `width` terminal cells, ending in `…` when it had to
/// cut; nothing at width 0. The one cut every table column and pane uses.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Case- and accent-insensitive form of a name, for matching what a user
/// types against actor names and aliases ("erdogan" finds "Erdoğan").
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if s.is_ascii() {
        // NFKD and the replacements below leave ASCII as it is.
        return s.to_ascii_lowercase();
    }
    if s.chars()
        .all(|c| c.is_ascii() || matches!(c, '\u{2019}' | '\u{2018}'))
    {
        // ASCII with curly apostrophes ("Halvorsen’s"): common in news, and
        // not worth a normalisation pass.
        return s
            .chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' => '\'',
                c => c.to_ascii_lowercase(),
            })
            .collect();
    }
    s.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            'ø' => 'o',
            'ł' => 'l',
            'ı' => 'i',
            'æ' => 'a',
            'đ' => 'd',
            c => c,
        })
        .collect()
}

/// Whether `c` is part of a word, for a joiner beside it.
fn in_word(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_whitespace() && !needs_escape(c))
}

fn needs_escape(c: char) -> bool {
    let u = c as u32;
    u < 0x20 && c != '\n'
        || (0x7f..=0x9f).contains(&u)
        || matches!(u, 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2069 | 0xfeff | 0xfff9..=0xfffb)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_end_at_lf_crlf_or_a_lone_cr() {
        let raw = "one\r\ntwo\rthree\n\nfour";
        let got: Vec<(usize, &str)> = super::raw_lines(raw).collect();
        assert_eq!(
            got,
            vec![(0, "one"), (5, "two"), (9, "three"), (15, ""), (16, "four")]
        );
        assert_eq!(super::raw_lines("").collect::<Vec<_>>(), vec![(0, "")]);
        assert_eq!(
            super::raw_lines("a\n").collect::<Vec<_>>(),
            vec![(0, "a"), (2, "")]
        );
    }

    use super::*;

    #[test]
    fn joiners_inside_words_are_kept_and_shown_elsewhere() {
        // Persian "mi-ravam" with a non-joiner, an emoji family with joiners.
        let persian = "\u{645}\u{6cc}\u{200c}\u{631}\u{648}\u{645}";
        assert_eq!(sanitize(persian), persian);
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(sanitize(family), family);
        assert_eq!(sanitize("a \u{200d}b"), "a \u{27e8}U+200D\u{27e9}b");
        assert_eq!(sanitize("ab\u{200c}"), "ab\u{27e8}U+200C\u{27e9}");
        assert!(sanitize("a\u{200d}\u{202e}b").contains("U+200D"));
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            sanitize("Kyiv \u{2019}s \u{2014} ok"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_and_controls_become_visible() {
        let s = sanitize("a\x1b[2Jb\x07c\u{9b}d\u{202e}e\rf\x08");
        assert!(
            !s.chars()
                .any(|c| (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)))
        );
        assert!(s.contains('\u{241b}') && s.contains("U+202E") && s.contains("U+009B"));
    }

    #[test]
    fn fold_ignores_case_and_accents() {
        assert_eq!(fold("Halvorsen\u{2019}s ‘Deal"), "halvorsen's 'deal");
        assert_eq!(fold("Kyiv"), "kyiv");
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("NØRGAARD"), "norgaard");
        assert_eq!(fold("Micheál"), "micheal");
    }

    #[test]
    fn tabs_expand_to_four_columns() {
        assert_eq!(sanitize("ab\tc"), "ab  c");
    }
}
