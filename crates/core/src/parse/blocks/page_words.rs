//! Words searched for once in the whole page instead of in each line: the
//! furniture patterns that are plain words ("newsletter") and the words
//! every photo caption or credit holds. A line holds such a word when one
//! is found inside its span; most pages hold none, so most lines are ruled
//! out by one vectorised search of the page per word.

use regex_automata::meta::Regex;

/// Words found in a page (ASCII case ignored), by where they start.
#[derive(Debug, Default)]
pub struct Found {
    /// Where each match starts, ascending.
    starts: Vec<u32>,
    /// The first entry of `starts` not before the last line asked about.
    cursor: usize,
}

impl Found {
    /// Where `words` (a case-sensitive alternation of lowercase literals
    /// with no whitespace, see [`literals`]) match in `lowered` (the page
    /// with its ASCII letters lowered). Two words may overlap: a match
    /// hides another only inside its own line, which holds a word either
    /// way.
    pub fn of(lowered: &[u8], words: Option<&Regex>) -> Found {
        let starts = words.map_or_else(Vec::new, |re| {
            re.find_iter(lowered).map(|m| m.start() as u32).collect()
        });
        Found { starts, cursor: 0 }
    }

    /// Whether a match starts in `start..end`. Lines are asked about in
    /// page order (a line starting before the last one asked about starts
    /// the search over).
    pub fn within(&mut self, start: usize, end: usize) -> bool {
        if self
            .cursor
            .checked_sub(1)
            .is_some_and(|p| self.starts[p] as usize >= start)
        {
            self.cursor = 0;
        }
        while self
            .starts
            .get(self.cursor)
            .is_some_and(|&s| (s as usize) < start)
        {
            self.cursor += 1;
        }
        self.starts
            .get(self.cursor)
            .is_some_and(|&s| (s as usize) < end)
    }
}

thread_local! {
    /// The last page lowered, kept for the next page to be lowered into.
    static LOWERED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Most bytes of a lowered page kept for the next page.
const SPARE_BYTES: usize = 1 << 20;

/// `f` of the page with its ASCII letters lowered (the same length, so a
/// match is where it is in the page).
pub fn in_lowered<R>(raw: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    LOWERED.with_borrow_mut(|buf| {
        lower_into(raw, buf);
        let r = f(buf);
        if buf.capacity() > SPARE_BYTES {
            *buf = Vec::new();
        }
        r
    })
}

/// Gives back this thread's lowered page.
pub fn release() {
    LOWERED.with_borrow_mut(|buf| *buf = Vec::new());
}

fn lower_into(raw: &str, buf: &mut Vec<u8>) {
    buf.clear();
    buf.extend_from_slice(raw.as_bytes());
    buf.make_ascii_lowercase();
}

/// One search for any of `words` (lowercase ASCII, no whitespace) as
/// they are: a vectorised search for several literals at once.
pub fn literals(words: &[&str]) -> Option<Regex> {
    if words.is_empty() {
        return None;
    }
    let alt: Vec<String> = words.iter().map(|w| regex_syntax::escape(w)).collect();
    Some(Regex::new(&alt.join("|")).expect("escaped literals compile"))
}

/// Whether the page holds a char outside ASCII that a case-insensitive
/// pattern matches for an ASCII letter (the long s for "s", the Kelvin
/// sign for "k"): then words are not searched as bytes. One search for
/// their last bytes (BF, AA), each checked against the bytes before it,
/// where a search for each char read the page twice.
pub fn has_folding(raw: &str) -> bool {
    let b = raw.as_bytes();
    !b.is_ascii()
        && memchr::memchr2_iter(0xBF, 0xAA, b).any(|i| {
            let before = &b[..i];
            if b[i] == 0xBF {
                before.ends_with(&[0xC5])
            } else {
                before.ends_with(&[0xE2, 0x84])
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_in_the_lines_that_hold_them() {
        let raw = "Join our NEWSLETTER\nA ferry\nspot_img here (x)\n";
        let mut buf = Vec::new();
        lower_into(raw, &mut buf);
        let words = literals(&["newsletter", "spot_img", "(x"]);
        let mut found = Found::of(&buf, words.as_ref());
        assert!(found.within(0, 19));
        assert!(!found.within(20, 27));
        assert!(found.within(28, 45) && !found.within(29, 36) && found.within(36, 45));
        // Asked again from the start.
        assert!(found.within(0, 19) && !found.within(5, 9));
        assert!(!has_folding(raw) && has_folding("Ferry \u{212A}"));
    }

    #[test]
    fn folding_chars_are_found_as_a_search_for_each_finds_them() {
        let pieces = [
            "a", " ", "\u{17F}", "\u{212A}", "\u{BF}", "\u{AA}", "\u{15F}", "\u{2104}", "\u{20AA}",
            "\u{17E}", "\u{212B}", "ê", "’", "ſt", "\n",
        ];
        for seed in 0..3000usize {
            let page: String = super::super::scrambled(&pieces, seed)
                .take(seed % 11)
                .collect();
            let b = page.as_bytes();
            let want = !b.is_ascii()
                && (memchr::memmem::find(b, "\u{17F}".as_bytes()).is_some()
                    || memchr::memmem::find(b, "\u{212A}".as_bytes()).is_some());
            assert_eq!(has_folding(&page), want, "{page:?}");
        }
    }

    #[test]
    fn only_two_chars_outside_ascii_fold_to_an_ascii_letter() {
        let letter = regex::Regex::new("(?i)^[a-z]$").unwrap();
        let mut buf = [0u8; 4];
        let folding: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| letter.is_match(c.encode_utf8(&mut buf)))
            .collect();
        assert_eq!(folding, ['\u{17F}', '\u{212A}']);
    }
}
