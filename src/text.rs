//! Making file text safe to show. Text from files never reaches the terminal
//! as control characters or escape sequences: every string a widget or a CLI
//! table prints goes through [`sanitize`].

use std::borrow::Cow;

/// Replaces what could drive a terminal with visible, harmless stand-ins:
/// C0 controls become Unicode control pictures (ESC -> `␛`), C1 controls and
/// DEL become `�`-style escapes, bidi overrides and zero-width characters
/// become `⟨U+XXXX⟩`, and a tab becomes spaces to the next multiple of 4.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0usize;
    for c in s.chars() {
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

fn needs_escape(c: char) -> bool {
    let u = c as u32;
    u < 0x20 && c != '\n'
        || (0x7f..=0x9f).contains(&u)
        || matches!(u, 0x200b..=0x200f | 0x202a..=0x202e | 0x2060..=0x2069 | 0xfeff | 0xfff9..=0xfffb)
}

#[cfg(test)]
mod tests {
    use super::*;

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
