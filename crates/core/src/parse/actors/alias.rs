//! When two name forms mean the same actor: normalised comparison of name
//! parts, tolerant of transliteration ("Kovalenskyy"/"Kovalensky",
//! "Sergei"/"Sergey") and small misspellings, strict about different first
//! names ("Ivo Tamm" is not "Ola Tamm").

use super::lexicon::Lexicon;
pub use words::Words;

mod words;

/// A word reduced to a spelling-tolerant key: case and accents folded,
/// glued particles ("al-") and dots dropped, y/i and w/v merged, doubled
/// letters collapsed. "Kovalenskyy" and "Kovalensky" both give "kovalenski".
#[cfg(test)]
pub fn skeleton(word: &str, lx: &Lexicon) -> String {
    let mut out = String::new();
    skeleton_into(word, lx, &mut out);
    out
}

/// [`skeleton`] appended to `out`, so that a caller asking for many keys
/// (every lone word of an article) reuses one buffer.
pub fn skeleton_into(word: &str, lx: &Lexicon, out: &mut String) {
    // A short ASCII word is folded (lowered) on the stack: this runs for
    // every word of every name form.
    let mut buf = [0u8; LOWER_BUF];
    match lower_ascii_bytes(word, &mut buf) {
        Some(k) => skeleton_of_ascii(k, lx, out),
        None => skeleton_of_lower(&crate::text::fold(word), lx, out),
    }
}

/// [`skeleton_into`] of `word`, a short ASCII word's asked of `words`
/// (what the grouping of an article calls for each lone word it has not
/// seen).
pub fn skeleton_known(word: &str, lx: &Lexicon, words: &mut Words, out: &mut String) {
    match words.get(word.as_bytes(), lx) {
        Some((_, sk)) => out.push_str(sk),
        None => skeleton_into(word, lx, out),
    }
}

/// `w` without the particle prefix it opens with ("al-"), if any and if
/// something is left after it: the bytes of the prefix are whole chars,
/// so a `str`'s rest is one too.
fn without_prefix<'w>(w: &'w [u8], lx: &Lexicon) -> &'w [u8] {
    // Most words hold no byte that ends a prefix: none is compared.
    if !lx.may_have_prefix(w) {
        return w;
    }
    for p in &lx.particle_prefixes {
        // The first and last bytes rule out most prefixes without a
        // comparison call ("al-" is not at the start of "alexander").
        let pb = p.as_bytes();
        if pb.first().is_some_and(|b| w.first() != Some(b))
            || pb.last().is_some_and(|b| w.get(pb.len() - 1) != Some(b))
        {
            continue;
        }
        if let Some(rest) = w.strip_prefix(pb)
            && !rest.is_empty()
        {
            return rest;
        }
    }
    w
}

/// [`skeleton_of_lower`] of an ASCII word already lowered, over its bytes:
/// most names are ASCII, and this runs for every word of every name form
/// (no `str` to make of the lowered copy, which would check its bytes).
fn skeleton_of_ascii(lowered: &[u8], lx: &Lexicon, out: &mut String) {
    let b = without_prefix(lowered, lx);
    // A word that fits is made on the stack and appended at once: a
    // `String` push per byte checked the room and the char's width each.
    let mut buf = [0u8; SKELETON_BUF];
    if b.len() <= SKELETON_BUF {
        let n = skeleton_bytes(b, &mut buf);
        if let Some(sk) = buf.get(..n).and_then(|k| std::str::from_utf8(k).ok()) {
            out.push_str(sk);
        }
        return;
    }
    skeleton_by_push(b, out);
}

/// The longest word [`skeleton_of_ascii`] makes on the stack.
const SKELETON_BUF: usize = 64;

/// The skeleton of `b` (lowered ASCII, prefix dropped) written to the
/// start of `buf`, which is at least as long: its length. Never longer
/// than `b`.
fn skeleton_bytes(b: &[u8], buf: &mut [u8; SKELETON_BUF]) -> usize {
    let mut n = 0;
    each_skeleton_byte(b, |c| {
        if let Some(d) = buf.get_mut(n) {
            *d = c;
            n += 1;
        }
    });
    n
}

/// [`skeleton_bytes`] appended to `out` a char at a time, for a word of
/// any length (`b` lowered ASCII, prefix dropped).
fn skeleton_by_push(b: &[u8], out: &mut String) {
    out.reserve(b.len());
    each_skeleton_byte(b, |c| out.push(char::from(c)));
}

/// The skeleton's rules over ASCII bytes, one kept byte at a time to
/// `keep`: "ph" reads as "f", "y" as "i", "w" as "v", dots, apostrophes
/// and hyphens are dropped, and a byte repeating the one before is kept
/// once (as [`skeleton_of_lower`] does over chars).
#[inline]
fn each_skeleton_byte(b: &[u8], mut keep: impl FnMut(u8)) {
    let mut prev = 0u8;
    let mut i = 0;
    while i < b.len() {
        let mut c = b[i];
        i += 1;
        if c == b'p' && b.get(i) == Some(&b'h') {
            c = b'f';
            i += 1;
        }
        let c = match c {
            b'y' => b'i',
            b'w' => b'v',
            b'.' | b'\'' | b'-' => continue,
            c => c,
        };
        if c != prev {
            keep(c);
        }
        prev = c;
    }
}

/// The skeleton of a word already folded (`text::fold`), appended to `out`.
fn skeleton_of_lower(lowered: &str, lx: &Lexicon, out: &mut String) {
    if lowered.is_ascii() {
        skeleton_of_ascii(lowered.as_bytes(), lx, out);
        return;
    }
    let rest = without_prefix(lowered.as_bytes(), lx);
    let w = lowered.get(lowered.len() - rest.len()..).unwrap_or(lowered);
    skeleton_by_chars(w, out);
}

/// The skeleton's rules over the chars of `w` (folded, prefix dropped),
/// appended to `out`: the general path, for a word with a char outside
/// ASCII.
fn skeleton_by_chars(w: &str, out: &mut String) {
    out.reserve(w.len());
    let mut prev = '\0';
    // Over the chars as they come: no vector of them.
    let mut chars = w.chars().peekable();
    while let Some(mut c) = chars.next() {
        if c == 'p' && chars.peek() == Some(&'h') {
            c = 'f';
            chars.next();
        }
        let c = match c {
            'y' => 'i',
            'w' => 'v',
            '.' | '\'' | '-' => continue,
            c => c,
        };
        if c != prev {
            out.push(c);
        }
        prev = c;
    }
}

/// The stack buffer a short ASCII word is lowered in.
const LOWER_BUF: usize = 32;

/// Whether a name word, lower-cased, is a particle ("von", "de"). A short
/// ASCII word is lowered in a buffer on the stack: this runs for every word
/// of every full name, and a `String` each time was most of its cost.
fn is_particle(w: &str, lx: &Lexicon) -> bool {
    let mut buf = [0u8; 24];
    match lower_ascii_bytes(w, &mut buf) {
        Some(k) => lx.facts_of_bytes(k).particle,
        None => lx.facts(&w.to_lowercase()).particle,
    }
}

/// `w` in ASCII lower case, in `buf`, when `w` is ASCII and fits (what
/// both `fold` and `to_lowercase` give for it); None otherwise.
#[cfg(test)]
fn lower_ascii<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    std::str::from_utf8(lower_ascii_bytes(w, buf)?).ok()
}

/// [`lower_ascii`]'s bytes, for callers that read them as bytes (no
/// `str` made of them, which would check them again).
fn lower_ascii_bytes<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let b = buf.get_mut(..w.len())?;
    // Copied, lowered and checked in one pass over the bytes.
    let mut ascii = true;
    for (d, &s) in b.iter_mut().zip(w.as_bytes()) {
        ascii &= s.is_ascii();
        *d = s.to_ascii_lowercase();
    }
    ascii.then_some(&*b)
}

/// A person's name split into comparable parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    /// Skeletons of the words, particles left out, joined by single spaces:
    /// one allocation per name rather than one per word.
    joined: String,
    /// How many words.
    count: u32,
    /// Where the first word (the given name) ends in `joined`.
    first_end: u32,
    /// Where the last word (the surname) starts in `joined`: names are
    /// compared surname first, many times over in merging.
    last_at: u32,
}

/// A [`NameParts`] being made, a word at a time.
struct PartsBuilder {
    joined: String,
    count: u32,
    first_end: usize,
    last_at: usize,
}

impl PartsBuilder {
    fn new(room: usize) -> Self {
        PartsBuilder {
            joined: String::with_capacity(room),
            count: 0,
            first_end: 0,
            last_at: 0,
        }
    }

    /// Adds word `w` of an ASCII name (not empty): lowered on the stack and
    /// looked up there, with no copy for the lookup's key. A word too long
    /// for the buffer takes the general path.
    fn ascii_word(&mut self, w: &[u8], lx: &Lexicon) {
        let mut buf = [0u8; LOWER_BUF];
        let Some(low) = buf.get_mut(..w.len()) else {
            if let Ok(w) = std::str::from_utf8(w) {
                self.word(w, lx);
            }
            return;
        };
        for (d, &c) in low.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        let (from, at) = self.open();
        // The buffer holds sixteen bytes or more from the word's start.
        if !lx.facts_at(&buf, 0, w.len()).particle {
            skeleton_of_ascii(&buf[..w.len()], lx, &mut self.joined);
        }
        self.close(from, at, true);
    }

    /// Adds word `w` of any name (what `split_whitespace` gives).
    fn word(&mut self, w: &str, lx: &Lexicon) {
        // An ASCII word is lowered once, for the particle test and its
        // skeleton both.
        let mut buf = [0u8; LOWER_BUF];
        let (from, at) = self.open();
        match lower_ascii_bytes(w, &mut buf) {
            // A particle by the word's facts: a lookup of numbers, not
            // a string hashed.
            Some(k) if lx.facts_of_bytes(k).particle => {}
            Some(k) => skeleton_of_ascii(k, lx, &mut self.joined),
            None if is_particle(w, lx) => {}
            None => skeleton_into(w, lx, &mut self.joined),
        }
        self.close(from, at, w.is_ascii());
    }

    /// Opens a word: its separator, and where the word starts.
    fn open(&mut self) -> (usize, usize) {
        let from = self.joined.len();
        if from > 0 {
            self.joined.push(' ');
        }
        (from, self.joined.len())
    }

    /// Closes the word opened at `(from, at)`: dropped if nothing was
    /// written (a particle, or a word with nothing left), counted otherwise.
    fn close(&mut self, from: usize, at: usize, ascii: bool) {
        let joined = &mut self.joined;
        if joined.len() == at {
            joined.truncate(from);
            return;
        }
        // Only a folded non-ASCII word can hold a space (a compatibility
        // decomposition): an ASCII word's skeleton is never searched.
        if !ascii && joined[at..].contains(' ') {
            let word = joined[at..].replace(' ', SPACE_IN_WORD);
            joined.truncate(at);
            joined.push_str(&word);
        }
        if self.count == 0 {
            self.first_end = joined.len();
        }
        self.count += 1;
        self.last_at = at;
    }

    fn finish(self) -> NameParts {
        // Offsets past 4 GB (never a name) fall back to the whole string.
        NameParts {
            count: self.count,
            first_end: u32::try_from(self.first_end).unwrap_or(u32::MAX),
            last_at: u32::try_from(self.last_at).unwrap_or(0),
            joined: self.joined,
        }
    }
}

/// What stands for a space inside one word's skeleton (a compatibility
/// decomposition can give one), so that spaces only ever separate words.
const SPACE_IN_WORD: &str = "\u{0}";

impl NameParts {
    pub fn of(name: &str, lx: &Lexicon) -> NameParts {
        let mut b = PartsBuilder::new(name.len());
        if name.is_ascii() {
            // Most names: split and lowered over their bytes, with no char
            // decoded (`split_whitespace` decodes every char).
            for w in name.as_bytes().split(|c| matches!(c, b' ' | b'\t'..=b'\r')) {
                if !w.is_empty() {
                    b.ascii_word(w, lx);
                }
            }
        } else {
            for w in name.split_whitespace() {
                b.word(w, lx);
            }
        }
        b.finish()
    }

    /// [`NameParts::of`], each short ASCII word's facts asked of `words`.
    pub fn of_known(name: &str, lx: &Lexicon, words: &mut Words) -> NameParts {
        if !name.is_ascii() {
            return NameParts::of(name, lx);
        }
        let mut b = PartsBuilder::new(name.len());
        for w in name.as_bytes().split(|c| matches!(c, b' ' | b'\t'..=b'\r')) {
            if w.is_empty() {
                continue;
            }
            match words.get(w, lx) {
                Some((particle, sk)) => {
                    let (from, at) = b.open();
                    if !particle {
                        b.joined.push_str(sk);
                    }
                    b.close(from, at, true);
                }
                None => b.ascii_word(w, lx),
            }
        }
        b.finish()
    }

    /// [`NameParts::of`] word by word as `split_whitespace` gives them, for
    /// any name: what the test compares the ASCII path with.
    #[cfg(test)]
    fn of_by_chars(name: &str, lx: &Lexicon) -> NameParts {
        let mut b = PartsBuilder::new(name.len());
        for w in name.split_whitespace() {
            b.word(w, lx);
        }
        b.finish()
    }

    /// A one-word name whose skeleton is `word`.
    pub fn single(word: &str) -> NameParts {
        NameParts {
            joined: word.replace(' ', SPACE_IN_WORD),
            count: u32::from(!word.is_empty()),
            first_end: u32::try_from(word.len()).unwrap_or(u32::MAX),
            last_at: 0,
        }
    }
    /// The words' skeletons, in order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.joined.split(' ').filter(|w| !w.is_empty())
    }
    /// How many words.
    pub fn len(&self) -> usize {
        self.count as usize
    }
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    /// The skeletons joined by single spaces.
    pub fn joined(&self) -> &str {
        &self.joined
    }
    pub fn surname(&self) -> &str {
        self.joined.get(self.last_at as usize..).unwrap_or("")
    }
    pub fn given(&self) -> &str {
        let end = (self.first_end as usize).min(self.joined.len());
        self.joined.get(..end).unwrap_or("")
    }
    /// The words between the given name and the surname, joined by spaces.
    fn middle(&self) -> &str {
        let from = self.first_end as usize + 1;
        let to = (self.last_at as usize).saturating_sub(1);
        self.joined.get(from..to).unwrap_or("")
    }
}

/// Levenshtein distance, giving up (returning `cap + 1`) past `cap`.
pub fn edit_distance(a: &str, b: &str, cap: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > cap {
        return cap + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            best = best.min(cur[j]);
        }
        if best > cap {
            return cap + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Two spellings of one given name: equal, an initial of the other, or a
/// small misspelling that keeps the first letter ("Volodomyr"/"Volodymyr").
pub fn same_given(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (fa, fb) = (a.chars().next(), b.chars().next());
    if fa != fb || fa.is_none() {
        return false;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la <= 2 || lb <= 2 {
        // Initials: "jd" against "james", or "j" against "jan".
        return true;
    }
    let short = la.min(lb);
    // One letter in five or more; more would let "Vladimir" meet "Volodymyr".
    let allowed = usize::from(short >= 5);
    allowed > 0 && edit_distance(a, b, allowed) <= allowed
}

/// Whether two full names (two or more words each) are one person: the same
/// surname, and given names that agree, or one name's given name among the
/// other's middle names ("Tayyip Erdem" and "Recep Tayyip Erdem").
pub fn same_person(a: &NameParts, b: &NameParts) -> bool {
    if a.is_empty() || b.is_empty() || a.surname() != b.surname() {
        return false;
    }
    let (la, lb) = (a.len(), b.len());
    if la < 2 || lb < 2 {
        return true;
    }
    if same_given(a.given(), b.given()) {
        return true;
    }
    // Of the other's words before its surname, its given name differs
    // (just tested), so only its middle names are left to look among.
    let inner = |x: &NameParts, y: &NameParts| {
        let given = x.given();
        y.count >= 3 && y.middle().split(' ').any(|w| w == given)
    };
    inner(a, b) || inner(b, a)
}

/// Two spellings of one place or organisation: same word count, one word
/// apart by a single letter, long enough that this is no coincidence
/// ("Kryvyi Rih"/"Kryvyi Rig", never "Iran"/"Iraq").
pub fn same_place(a: &NameParts, b: &NameParts) -> bool {
    let n = a.len();
    if n != b.len() || n == 0 {
        return false;
    }
    let total: usize = a.words().map(|w| w.chars().count()).sum::<usize>() + n;
    if total < 9 {
        return a == b;
    }
    let mut diffs = 0;
    for (x, y) in a.words().zip(b.words()) {
        if x != y {
            if x.chars().next() != y.chars().next() || edit_distance(x, y, 1) > 1 {
                return false;
            }
            diffs += 1;
        }
    }
    diffs <= 1
}

#[cfg(test)]
mod tests;
