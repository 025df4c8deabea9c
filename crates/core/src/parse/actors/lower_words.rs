//! Whether a word occurs in lower case anywhere in an article's sentences:
//! a capital that opens a sentence on such a word is grammar, not a name.
//! Answered in time linear in the article, however often it is asked.

use crate::model::Span;

/// Which words of an article's sentences occur in lower case, asked for the
/// keys of sentence-initial capitals. The first questions search the text
/// (most articles ask a few); past a budget proportional to the text, every
/// word is put in a set once, so that an article costs time linear in its
/// size however many capitals open its sentences.
pub struct LowerWords<'r> {
    raw: &'r str,
    sentences: &'r [Span],
    /// The stretch of text that holds every sentence.
    body: &'r str,
    pub(super) searches_left: std::cell::Cell<u32>,
    set: std::cell::OnceCell<crate::hash::FxSet<&'r str>>,
}

/// Searches of the whole text allowed before the set is built.
const LOWER_SEARCHES: u32 = 16;
/// The longest key the set holds (longer keys are not words).
const LOWER_KEY_BYTES: usize = 64;

impl<'r> LowerWords<'r> {
    pub fn new(raw: &'r str, sentences: &'r [Span]) -> Self {
        let from = sentences
            .iter()
            .map(|s| s.start as usize)
            .min()
            .unwrap_or(0);
        let to = sentences.iter().map(|s| s.end as usize).max().unwrap_or(0);
        LowerWords {
            raw,
            sentences,
            body: raw.get(from..to).unwrap_or(raw),
            searches_left: std::cell::Cell::new(LOWER_SEARCHES),
            set: std::cell::OnceCell::new(),
        }
    }

    /// Whether `k` occurs in a sentence with no letter or digit on either
    /// side.
    pub fn contains(&self, k: &str) -> bool {
        if k.is_empty() || k.len() > LOWER_KEY_BYTES {
            return false;
        }
        if let Some(set) = self.set.get() {
            return set.contains(k);
        }
        let left = self.searches_left.get();
        if left == 0 {
            return self.set.get_or_init(|| self.build()).contains(k);
        }
        self.searches_left.set(left - 1);
        // Most keys (names) are nowhere in lower case, which one search of
        // the whole stretch tells, before the exact search by sentence.
        self.body.contains(k)
            && self.sentences.iter().any(|s| {
                let t = s.text(self.raw);
                t.match_indices(k).any(|(i, _)| {
                    let before = t[..i].chars().next_back();
                    let after = t[i + k.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
    }

    /// Every stretch of a sentence that the search above could match for a
    /// key: inside a run of letters, digits and the marks that join words
    /// (`.` `-` `'` `’`), each piece from a char with no letter or digit
    /// before it to a char with none after it, up to the longest key.
    fn build(&self) -> crate::hash::FxSet<&'r str> {
        let mut set = crate::hash::FxSet::default();
        let joins = |c: char| matches!(c, '.' | '-' | '\'' | '\u{2019}');
        for s in self.sentences {
            let t = s.text(self.raw);
            let mut starts: Vec<usize> = Vec::new();
            let mut prev: Option<char> = None;
            let mut chars = t.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let next = chars.peek().map(|&(_, n)| n);
                if !(c.is_alphanumeric() || joins(c)) {
                    starts.clear();
                    prev = Some(c);
                    continue;
                }
                if c.is_alphanumeric() && !prev.is_some_and(char::is_alphanumeric) {
                    starts.push(i);
                }
                let end = i + c.len_utf8();
                starts.retain(|&a| end - a <= LOWER_KEY_BYTES);
                if !next.is_some_and(char::is_alphanumeric) {
                    for &a in &starts {
                        if let Some(w) = t.get(a..end) {
                            set.insert(w);
                        }
                    }
                }
                prev = Some(c);
            }
        }
        set
    }
}
