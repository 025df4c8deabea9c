//! The words an article is about: a headline shares its content words with
//! the article's opening paragraphs, where a menu item, a share button or
//! another story's headline shares few or none. Words are folded (case,
//! a plural or possessive "s", endings past six letters) so that
//! "Hibernating astronauts" meets "hibernation" and "astronaut"; CJK and
//! Hangul text, which has no spaces to split words by, is read as pairs of
//! characters.

use super::lines::{Line, Unit, is_cjk};
use super::stopwords::{self, StopWords};

/// Words of the opening paragraphs read for the article's topic.
const SAMPLE_WORDS: u32 = 400;

/// Letters kept of a folded word: the stem that endings do not change.
const STEM_CHARS: usize = 6;

/// The article's opening paragraphs, lowercased, where a headline's
/// words are looked up as the start of a word.
#[derive(Debug, Default)]
pub struct Topic {
    text: String,
}

thread_local! {
    /// The last topic's text, kept for the next page's topic to grow into
    /// (most pages build one, a few kilobytes long).
    static SPARE_TEXT: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// Most bytes of a topic's text kept for the next page.
const SPARE_BYTES: usize = 1 << 16;

/// Gives back this thread's spare topic text.
pub fn release() {
    SPARE_TEXT.take();
}

impl Drop for Topic {
    fn drop(&mut self) {
        let text = std::mem::take(&mut self.text);
        if text.capacity() > 0 && text.capacity() <= SPARE_BYTES {
            SPARE_TEXT.set(text);
        }
    }
}

/// How much of a line's content is the article's topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overlap {
    /// Content words (or character pairs) of the line found in the topic.
    pub shared: u32,
    /// Content words (or character pairs) of the line.
    pub total: u32,
}

impl Overlap {
    /// The share of the line's content words that are the topic's.
    pub fn share(self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.shared as f32 / self.total as f32
        }
    }
}

/// A line's content words as the topic reads them (see [`each_stem_by_chars`]),
/// a word twice in the line counted once, so that they can be looked up
/// in the topic one at a time.
#[derive(Debug, Default)]
pub struct Stems {
    text: String,
    ends: Vec<usize>,
}

/// Stems remembered for finding a word twice in a line: later ones are
/// not compared.
const SEEN: usize = 24;

impl Stems {
    pub fn of(stop: &StopWords, text: &str) -> Self {
        // Sized once: a stem is no longer than its word.
        let mut stems = Stems {
            text: String::with_capacity(text.len()),
            ends: Vec::with_capacity(16),
        };
        if text.is_ascii() {
            stems.push_ascii(stop, text);
        } else {
            stems.push_by_chars(stop, text);
        }
        stems
    }

    /// [`Stems::of`] any text, read by chars.
    fn push_by_chars(&mut self, stop: &StopWords, text: &str) {
        let mut seen = [[0u8; 16]; SEEN];
        each_stem_by_chars(stop, text, |stem| {
            // A word twice in a headline counts once.
            let n = self.len().min(seen.len());
            let mut key = [0u8; 16];
            let len = stem.len().min(16);
            key[..len].copy_from_slice(&stem.as_bytes()[..len]);
            if seen[..n].contains(&key) {
                return;
            }
            if n < seen.len() {
                seen[n] = key;
            }
            self.text.push_str(stem);
            self.ends.push(self.text.len());
        });
    }

    /// [`Stems::of`] an ASCII text, whose stems (at most [`STEM_CHARS`]
    /// bytes, none of them NUL) are compared as one number each.
    fn push_ascii(&mut self, stop: &StopWords, text: &str) {
        let mut seen = [0u64; SEEN];
        each_ascii_stem(stop, text, &mut |stem: &[u8]| {
            let n = self.len().min(SEEN);
            let mut key = [0u8; 8];
            key[..stem.len()].copy_from_slice(stem);
            let key = u64::from_le_bytes(key);
            if seen[..n].contains(&key) {
                return;
            }
            if n < SEEN {
                seen[n] = key;
            }
            self.text.extend(stem.iter().map(|&b| char::from(b)));
            self.ends.push(self.text.len());
        });
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The `k`th stem.
    pub fn get(&self, k: usize) -> &str {
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.text[start..self.ends[k]]
    }
}

impl Topic {
    /// The topic of the prose units from `first` on (`prose` says which
    /// units are prose), up to a few hundred words.
    pub fn of(lines: &[Line], units: &[Unit], first: usize, prose: &dyn Fn(usize) -> bool) -> Self {
        let mut text = SPARE_TEXT.take();
        text.clear();
        let mut words = 0;
        for ui in (first..units.len()).filter(|&ui| prose(ui)) {
            for l in &lines[units[ui].lines()] {
                push_lower(&mut text, l.text);
                text.push(' ');
            }
            words += units[ui].size();
            if words >= SAMPLE_WORDS {
                break;
            }
        }
        Topic { text }
    }

    /// How many of `text`'s content words are in the topic.
    pub fn overlap(&self, stop: &StopWords, text: &str) -> Overlap {
        let stems = Stems::of(stop, text);
        Overlap {
            shared: (0..stems.len()).filter(|&k| self.has(stems.get(k))).count() as u32,
            total: stems.len() as u32,
        }
    }

    /// Whether a content word's stem (one of [`Stems`]) is in the topic.
    pub fn has(&self, stem: &str) -> bool {
        self.starts_a_word(stem)
    }

    /// Whether some word of the topic starts with `stem` (a CJK pair may
    /// sit anywhere). Matches are found as `str::match_indices` finds them
    /// (leftmost, not overlapping), by `memchr`'s vectorised search: this
    /// runs for every word of every headline candidate.
    fn starts_a_word(&self, stem: &str) -> bool {
        if stem.is_empty() {
            // `match_indices` matches the empty stem at the text's start.
            return true;
        }
        let cjk = stem.chars().any(is_cjk);
        // A match of a non-empty stem starts at a char boundary: UTF-8
        // never starts a char with a continuation byte.
        any_match(self.text.as_bytes(), stem.as_bytes(), |at| {
            cjk || self.text.get(..at).is_some_and(|before| {
                before
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        })
    }
}

/// Whether `test` holds at one of the places where the non-empty `needle`
/// is found in `haystack`, leftmost first and not overlapping (as
/// `memmem::find_iter` finds them). With AVX2 the search is `memchr`'s
/// packed-pair finder alone: building the general `memmem` finder for a
/// stem of a few bytes costs about half of searching a topic with it.
fn any_match(haystack: &[u8], needle: &[u8], mut test: impl FnMut(usize) -> bool) -> bool {
    #[cfg(target_arch = "x86_64")]
    if let Some(finder) = memchr::arch::x86_64::avx2::packedpair::Finder::new(needle) {
        let mut from = 0;
        while let Some(rest) = haystack.get(from..) {
            // The vectorised search needs a haystack a few vectors long.
            let found = if rest.len() >= finder.min_haystack_len() {
                finder.find(rest, needle)
            } else {
                rest.windows(needle.len()).position(|w| w == needle)
            };
            let Some(at) = found else {
                return false;
            };
            if test(from + at) {
                return true;
            }
            from += at + needle.len();
        }
        return false;
    }
    memchr::memmem::find_iter(haystack, needle).any(test)
}

/// Appends `s` lowercased, with curly apostrophes made straight. ASCII
/// runs are copied and lowered in place; only the other chars are mapped
/// one by one, so a paragraph with a few curly quotes builds no copies.
fn push_lower(out: &mut String, s: &str) {
    let start = out.len();
    let mut rest = s;
    loop {
        let ascii = ascii_prefix(rest.as_bytes());
        let at = out.len();
        out.push_str(&rest[..ascii]);
        out[at..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            return;
        };
        rest = &rest[c.len_utf8()..];
        match c {
            '’' => out.push('\''),
            // A capital sigma lowers by its place in the word: the whole
            // text goes through `str::to_lowercase`, which knows it.
            'Σ' => {
                out.truncate(start);
                out.push_str(&s.to_lowercase().replace('’', "'"));
                return;
            }
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// How many bytes from the start of `b` are ASCII: eight bytes are tested
/// at once.
fn ascii_prefix(b: &[u8]) -> usize {
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let high = u64::from_le_bytes(eight) & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + b[i..]
        .iter()
        .position(|c| !c.is_ascii())
        .unwrap_or(b.len() - i)
}

/// Calls `f` with the stem of each content word of `text`, lowercased:
/// words split at anything that is not a letter, a digit or an
/// apostrophe, stop words and words under three characters dropped, a
/// final "'s" or "s" dropped, then the first few letters; runs of CJK
/// characters give one stem per pair. Read by chars, for any text.
fn each_stem_by_chars(stop: &StopWords, text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let word = word.trim_matches(['\'', '’']);
        if word.is_empty() {
            continue;
        }
        if word.chars().any(is_cjk) {
            let mut prev: Option<char> = None;
            for c in word.chars() {
                if !is_cjk(c) {
                    prev = None;
                    continue;
                }
                if let Some(p) = prev {
                    buf.clear();
                    buf.push(p);
                    buf.push(c);
                    f(&buf);
                }
                prev = Some(c);
            }
            continue;
        }
        if word.chars().nth(2).is_none() || stopwords::lookup(stop, word).is_some() {
            continue;
        }
        buf.clear();
        push_lower(&mut buf, word);
        let mut stem = buf.strip_suffix("'s").unwrap_or(&buf);
        if stem.chars().nth(3).is_some() && stem.ends_with('s') {
            stem = &stem[..stem.len() - 1];
        }
        let cut = stem
            .char_indices()
            .nth(STEM_CHARS)
            .map_or(stem.len(), |(i, _)| i);
        f(&stem[..cut]);
    }
}

/// The bytes of an ASCII word for [`each_ascii_stem`]: letters, digits
/// and the apostrophe, by one load each.
static IN_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'\'';
        b += 1;
    }
    t
};

/// [`each_stem_by_chars`] for ASCII text, read over bytes: only the word's first
/// few letters and its end are lowered. A word (letters, digits and
/// apostrophes, apostrophes trimmed) is looked up where it lies in the
/// text: with a letter or digit at both ends, it is what [`stopwords::lookup`]
/// reads of it.
fn each_ascii_stem(stop: &StopWords, text: &str, f: &mut impl FnMut(&[u8])) {
    let in_word = |b: u8| IN_WORD[usize::from(b)];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !in_word(bytes[i]) {
            i += 1;
            continue;
        }
        let (mut start, mut end) = (i, i);
        while end < bytes.len() && in_word(bytes[end]) {
            end += 1;
        }
        i = end;
        while start < end && bytes[start] == b'\'' {
            start += 1;
        }
        while end > start && bytes[end - 1] == b'\'' {
            end -= 1;
        }
        if end - start < 3 || stopwords::lookup_in(stop, bytes, start, end).is_some() {
            continue;
        }
        let w = &bytes[start..end];
        let mut len = w.len();
        if w[len - 2] == b'\'' && w[len - 1].eq_ignore_ascii_case(&b's') {
            len -= 2;
        }
        if len >= 4 && w[len - 1].eq_ignore_ascii_case(&b's') {
            len -= 1;
        }
        let cut = len.min(STEM_CHARS);
        let mut stem = [0u8; STEM_CHARS];
        for (s, c) in stem.iter_mut().zip(&w[..cut]) {
            *s = c.to_ascii_lowercase();
        }
        f(&stem[..cut]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop() -> &'static StopWords {
        super::super::PageKnowledge::builtin_for_tests().stop_words()
    }

    #[test]
    fn lowering_in_runs_gives_what_the_whole_string_lowering_gives() {
        for text in [
            "Plain ASCII Words",
            "Müller’s “Quote” — ÉTÉ",
            "İstanbul ODYSSEUS ΟΔΥΣΣΕΥΣ Σ ΟΔΥΣ",
            "’Tis",
            "",
            "ÀB’C’",
        ] {
            let mut fast = String::from("kept ");
            push_lower(&mut fast, text);
            let slow = format!("kept {}", text.to_lowercase().replace('’', "'"));
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    fn topic_of(text: &str) -> Topic {
        let mut t = String::new();
        push_lower(&mut t, text);
        Topic { text: t }
    }

    #[test]
    fn a_headline_shares_the_opening_paragraphs_words() {
        let topic = topic_of(
            "Harbour pilots in Velmora went on strike on Monday, leaving three \
             ferries idle at the quay while the port board met the union.",
        );
        let headline = topic.overlap(stop(), "Velmora harbour pilots strike, ferries idle");
        assert_eq!((headline.shared, headline.total), (6, 6));
        let menu = topic.overlap(stop(), "Click to email this to a friend");
        assert_eq!(menu.shared, 0);
        assert!(headline.share() > 0.8 && menu.share() == 0.0);
    }

    #[test]
    fn endings_plurals_and_possessives_fold_together() {
        let topic = topic_of("The hibernation of an astronaut's crew.");
        let o = topic.overlap(stop(), "Hibernating Astronauts");
        assert_eq!((o.shared, o.total), (2, 2));
    }

    #[test]
    fn a_stem_must_start_a_word() {
        let topic = topic_of("The crew walked toward the quay.");
        assert_eq!(topic.overlap(stop(), "Ward closes").shared, 0);
    }

    #[test]
    fn cjk_text_is_read_by_character_pairs() {
        let topic = topic_of("港口の新しい渡し船が来週から運航する。");
        let o = topic.overlap(stop(), "新しい渡し船");
        assert_eq!(o.total, 5);
        assert_eq!(o.shared, 5);
        assert_eq!(topic.overlap(stop(), "天気予報").shared, 0);
    }

    #[test]
    fn a_stem_is_found_as_match_indices_finds_it() {
        // The search the vectorised one replaced, kept here as the oracle.
        fn by_match_indices(topic: &Topic, stem: &str) -> bool {
            let cjk = stem.chars().any(is_cjk);
            topic.text.match_indices(stem).any(|(at, _)| {
                cjk || topic.text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        }
        let topic = topic_of("xa'a'a'a ölçek straße o'brien 港口の新しい渡し船 bus buses");
        for stem in [
            "a'a'a", "a'a", "ölçek", "lçek", "straße", "aße", "o'brie", "brien", "港口", "しい",
            "bus", "use", "buse", "x", "", "q",
        ] {
            assert_eq!(
                topic.starts_a_word(stem),
                by_match_indices(&topic, stem),
                "{stem}"
            );
        }
        assert!(topic.starts_a_word("brien") && !topic.starts_a_word("rien"));
    }

    #[test]
    fn matches_are_found_as_find_iter_finds_them() {
        let long = "ab ".repeat(40) + "abab xab abc";
        for (hay, needle) in [
            ("a'a'a'a'a", "a'a"),
            ("ababab", "abab"),
            (long.as_str(), "ab"),
            (long.as_str(), "abc"),
            (long.as_str(), "xyz"),
            ("short", "longer than it"),
            ("x", "x"),
        ] {
            let mut fast = Vec::new();
            any_match(hay.as_bytes(), needle.as_bytes(), |at| {
                fast.push(at);
                false
            });
            let slow: Vec<usize> = memchr::memmem::find_iter(hay.as_bytes(), needle).collect();
            assert_eq!(fast, slow, "{hay:?} {needle:?}");
            let found = any_match(hay.as_bytes(), needle.as_bytes(), |_| true);
            assert_eq!(found, !slow.is_empty());
        }
    }

    #[test]
    fn ascii_prefixes_end_at_the_first_byte_outside_ascii() {
        for s in [
            "",
            "abc",
            "abcdefgh",
            "abcdefghé",
            "é",
            "abcdefghijklmnop—x",
            "ab’cdefghijk",
        ] {
            let want = s.bytes().position(|b| !b.is_ascii()).unwrap_or(s.len());
            assert_eq!(ascii_prefix(s.as_bytes()), want, "{s:?}");
        }
    }

    #[test]
    fn ascii_stems_are_the_stems_read_by_chars() {
        for text in [
            "Harbour pilots' strike: Velmora's ferries IDLE, buses and bus stops",
            "'Tis O'Brien's ab's x's ab''s abcs ABCS Abc'S tHE 2031 isn't",
            "a-b--c  ''' 's s's ssss Masses",
            "",
        ] {
            let mut fast = Vec::new();
            each_ascii_stem(stop(), text, &mut |s: &[u8]| {
                fast.push(String::from_utf8(s.to_vec()).unwrap())
            });
            let mut slow = Vec::new();
            each_stem_by_chars(stop(), text, |s| slow.push(s.to_string()));
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn ascii_lines_have_the_stems_read_by_chars() {
        let words = [
            "Ferry",
            "fares",
            "rise,",
            "ferry",
            "FARES",
            "o'brien's",
            "'tis",
            "bus",
            "buses",
            "abc's",
            "2031",
            "the",
            "and",
            "harbourmasters",
            "x",
            "''",
            "a-b",
            "Velmora's",
            "pilots'",
        ];
        for seed in 0..400usize {
            let mut line = String::new();
            for (i, word) in super::super::scrambled(&words, seed)
                .take(seed % 40)
                .enumerate()
            {
                line.push_str(word);
                line.push(if (seed + i) % 7 == 0 { ',' } else { ' ' });
            }
            let fast = Stems::of(stop(), &line);
            let mut slow = Stems::default();
            slow.push_by_chars(stop(), &line);
            assert_eq!((fast.text, fast.ends), (slow.text, slow.ends), "{line:?}");
        }
    }

    #[test]
    fn a_line_s_stems_count_a_repeated_word_once() {
        let stems = Stems::of(stop(), "Ferry fares rise, ferry fares fall");
        let all: Vec<&str> = (0..stems.len()).map(|k| stems.get(k)).collect();
        assert_eq!(all, ["ferry", "fare", "rise", "fall"]);
    }

    #[test]
    fn stop_words_and_short_words_carry_no_topic() {
        assert_eq!(topic_of("").overlap(stop(), "to be or not to be").total, 0);
    }
}
