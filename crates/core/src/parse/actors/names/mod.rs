//! Finds actor candidates in one sentence: capitalised name sequences (with
//! particles, initials, hyphens, possessives), lexicon places and
//! organisations, the titles and appositives that give a person a role, and
//! role references ("the Secretary") left for later resolution.
//!
//! Pure: text in, hits out. Kinds are not decided here, only the evidence
//! for each (see [`Evidence`]); `mod.rs` sums it per entity.

mod caps;
mod emit;
mod keys;
mod tag;
mod titles;

use super::lexicon::{Lexicon, RoleEntry, class};
use super::roles::RoleDesc;
use super::tokens::{Shape, Token, tokenize_into};
use keys::{KeyFacts, fill_keys};
use std::cell::Cell;

/// Points for each kind, from context. Lexicon entities skip this.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub person: i32,
    pub place: i32,
    pub org: i32,
}

/// One name (or lexicon entity) in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Byte span of the name core in the article (possessive excluded).
    pub start: usize,
    pub end: usize,
    /// Name words, particles not counted.
    pub words: usize,
    /// A lexicon entity (place, organisation or user actor).
    pub entity: Option<u32>,
    pub ev: Evidence,
    /// No evidence of its own: kept only if it matches a known name.
    pub weak: bool,
    /// Roles from a title and/or an appositive, each with the byte span of
    /// the words that gave it.
    pub roles: Vec<(RoleDesc, (usize, usize))>,
}

/// A role reference awaiting resolution ("the Russian president").
#[derive(Debug, Clone, PartialEq)]
pub struct RefHit {
    pub start: usize,
    pub end: usize,
    /// `possessor` is an index into the sentence's hits.
    pub desc: RoleDesc,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceHits {
    pub hits: Vec<Hit>,
    pub refs: Vec<RefHit>,
}

#[derive(Debug, Clone, Copy)]
enum Tag<'a> {
    None,
    /// Never part of a name: function words, months, adjectives in compounds.
    Stop,
    /// A nationality adjective or demonym; the country it names.
    Adj(&'a std::sync::Arc<str>),
    Role(usize, &'a RoleEntry),
    /// Lexicon entity: word count, index.
    Ent(usize, u32),
    /// Inside a multi-word role or entity that starts at this index.
    Covered(usize),
}

#[derive(Debug, Clone, Copy)]
struct Run {
    first: usize,
    last: usize,
    consumed: bool,
    /// A word of an ALL-CAPS line, where capitals prove nothing.
    caps: bool,
}

/// The sentence being scanned. `'t`: the text, and the article's scratch
/// whose buffers the scan borrows (not moves in and out: the moves of a
/// struct this size were copies for every sentence); `'a`: the lexicon.
struct Scan<'t, 'a> {
    text: &'t str,
    base: usize,
    lx: &'a Lexicon,
    toks: &'t mut Vec<Token>,
    /// Folded word keys, all in one buffer (`key_at` has each token's
    /// range; empty for punctuation): the sentence in ASCII lower case,
    /// then the keys of words with other chars. No allocation per word.
    key_buf: &'t mut String,
    /// and the lexicon facts of that key (all false for punctuation).
    /// Cells: the facts a word's lookup was left for (see
    /// [`KeyFacts`]) are kept there once looked up.
    key_at: &'t [Cell<KeyFacts>],
    tags: &'t mut Vec<Tag<'a>>,
    /// Role tokens already used as a title or appositive.
    used: &'t mut Vec<bool>,
    /// In order of their last tokens (each run ends after the one before;
    /// [`Scan::run_ending_at`] finds one by its last token).
    runs: &'t mut Vec<Run>,
    /// (run, hit) pairs once hits are emitted, for possessors.
    run_hits: &'t mut Vec<(usize, usize)>,
    /// The sentence is written in capitals (see `caps`).
    caps_line: bool,
    /// The rest of the scratch, for `tag` and `emit`.
    spare: &'t mut Spare,
}

/// Buffers the sentences of one article share, so that scanning a sentence
/// allocates next to nothing: each is cleared, not freed, between
/// sentences. Small allocations per sentence (about fifteen) were a sixth
/// of the scanner's time.
#[derive(Default)]
pub struct Scratch<'a> {
    toks: Vec<Token>,
    key_buf: String,
    key_at: Vec<KeyFacts>,
    tags: Vec<Tag<'a>>,
    used: Vec<bool>,
    runs: Vec<Run>,
    run_hits: Vec<(usize, usize)>,
    spare: Spare,
}

impl Scratch<'_> {
    /// The same buffers, for scans with another lexicon (or none yet): the
    /// tags, the one buffer that refers into a lexicon, are emptied and
    /// keep their room, so a thread can keep its scratch between articles
    /// without holding on to the lexicon they were read with.
    pub fn rebind<'b>(self) -> Scratch<'b> {
        let Scratch {
            toks,
            key_buf,
            key_at,
            mut tags,
            used,
            runs,
            run_hits,
            spare,
        } = self;
        tags.clear();
        Scratch {
            toks,
            key_buf,
            key_at,
            // Emptied, then collected in place: the same allocation (the
            // two types differ only in a lifetime), with nothing to map.
            tags: tags.into_iter().map(|_| Tag::None).collect(),
            used,
            runs,
            run_hits,
            spare,
        }
    }

    /// The room the tags have (a test asks that rebinding keeps it).
    #[cfg(test)]
    pub fn tags_capacity(&self) -> usize {
        self.tags.capacity()
    }
}

/// Scratch that holds no lexicon references.
#[derive(Default)]
struct Spare {
    /// Multi-word phrase being looked up in `tag`, and its prefix ends.
    phrase: String,
    ends: Vec<(usize, usize)>,
    /// Hits of `emit` before sorting, with the run each name came from.
    all: Vec<(Option<usize>, Hit)>,
    /// The tokens `tag` marked as a lexicon entity or a role, in order:
    /// `emit` and `find_refs` visit these, not every token again.
    marked: Vec<u32>,
    /// The words `tag` may tag, in order: capitalised ones and those that
    /// open some lexicon phrase. Any other word (most of them) `tag`
    /// leaves as it is, so it does not visit them.
    taggable: Vec<u32>,
    /// The tokens a name run may open on, in order: capitalised words and
    /// lower-case particles. `find_runs` steps over any other token
    /// (lower-case words, numbers, punctuation) without looking, so it
    /// visits only these.
    nameable: Vec<u32>,
}

const DASHES: [char; 3] = ['\u{2013}', '\u{2014}', '-'];
/// Short words that end compound adjectives after a hyphen ("Velm-run",
/// "Brask-era"): such a word is no syllable of a name.
const COMPOUND_TAILS: [&str; 24] = [
    "run", "born", "made", "built", "like", "style", "wide", "free", "era", "type", "only", "held",
    "won", "bound", "rich", "size", "level", "class", "proof", "old", "long", "area", "zone",
    "led",
];
const ROMAN: [&str; 8] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"];

/// Scans one sentence. `text` is the sentence, `base` its offset in the
/// article; `seen_lowercase` says whether a folded word also occurs in lower
/// case elsewhere in the article (so a capital at a sentence start is just
/// grammar).
#[cfg(test)]
pub fn scan(
    text: &str,
    base: usize,
    lx: &Lexicon,
    seen_lowercase: &dyn Fn(&str) -> bool,
) -> SentenceHits {
    let mut out = SentenceHits::default();
    scan_with(
        text,
        base,
        lx,
        seen_lowercase,
        Capitals::default(),
        &mut Scratch::default(),
        &mut out,
    );
    out
}

/// What a capital letter says in the article's language.
#[derive(Debug, Clone, Copy, Default)]
pub struct Capitals {
    /// Every noun is written with one (German): capitals are no sign of a
    /// name, so each sentence is read as a headline is.
    pub nouns_capitalised: bool,
    /// The sentence is the page's headline: read as one, however few
    /// capitalised words it has.
    pub headline: bool,
}

/// [`scan`] with buffers shared across sentences, into `out` (cleared
/// first).
pub fn scan_with<'a>(
    text: &str,
    base: usize,
    lx: &'a Lexicon,
    seen_lowercase: &dyn Fn(&str) -> bool,
    capitals: Capitals,
    scratch: &mut Scratch<'a>,
    out: &mut SentenceHits,
) {
    let sentence = Sentence {
        text,
        base,
        seen_lowercase,
        capitals,
    };
    scan_deferring::<true>(&sentence, lx, scratch, out);
}

/// One sentence to scan, as [`scan_with`] is given it.
struct Sentence<'s> {
    text: &'s str,
    base: usize,
    seen_lowercase: &'s dyn Fn(&str) -> bool,
    capitals: Capitals,
}

/// [`scan_with`]; `DEFER`: whether the lookup of a lower-case word's
/// facts may wait until they are asked (see [`KeyFacts`]), which
/// the scan does, or is made for every word, which a test compares it
/// with.
fn scan_deferring<'a, const DEFER: bool>(
    sentence: &Sentence<'_>,
    lx: &'a Lexicon,
    scratch: &mut Scratch<'a>,
    out: &mut SentenceHits,
) {
    let &Sentence {
        text,
        base,
        seen_lowercase,
        capitals,
    } = sentence;
    out.hits.clear();
    out.refs.clear();
    let Scratch {
        toks,
        key_buf,
        key_at,
        tags,
        used,
        runs,
        run_hits,
        spare,
    } = scratch;
    tokenize_into(text, toks);
    fill_keys::<DEFER>(text, lx, toks, key_buf, key_at, spare);
    let n = toks.len();
    tags.clear();
    tags.resize(n, Tag::None);
    used.clear();
    used.resize(n, false);
    runs.clear();
    run_hits.clear();
    let mut s = Scan {
        text,
        base,
        lx,
        toks,
        key_buf,
        key_at: Cell::from_mut(key_at.as_mut_slice()).as_slice_of_cells(),
        tags,
        used,
        runs,
        run_hits,
        caps_line: false,
        spare,
    };
    s.tag();
    s.find_runs(seen_lowercase);
    let headline = capitals.nouns_capitalised || capitals.headline || s.is_headline();
    s.emit(headline, out);
    s.find_refs(out);
}

impl<'a> Scan<'_, 'a> {
    fn word(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The portfolio token `i` names ("foreign"), if any.
    fn domain(&self, i: usize) -> Option<&'a std::sync::Arc<str>> {
        let lx = self.lx;
        self.is(i, class::DOMAIN)
            .then(|| lx.domains.get(self.key(i)))
            .flatten()
    }

    /// The country of nationality adjective `k`, token `i`'s key.
    fn adjective(&self, i: usize, k: &str) -> Option<&'a std::sync::Arc<str>> {
        let lx = self.lx;
        self.is(i, class::ADJECTIVE)
            .then(|| lx.adjective(k))
            .flatten()
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    fn is_punct(&self, i: usize, cs: &[char]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.shape, Shape::Punct(c) if cs.contains(&c)))
    }

    /// Start index of the multi-word tag covering `i`.
    fn tag_start(&self, i: usize) -> usize {
        match self.tags.get(i) {
            Some(Tag::Covered(s)) => *s,
            _ => i,
        }
    }

    /// Initials: "JD", "J.D.", "W." before a capitalised word.
    fn is_initials(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let w = self.word(i);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let dotted = w.ends_with('.');
        matches!(t.shape, Shape::Upper | Shape::Letter)
            && (letters <= 2 || dotted && letters <= 3)
            && !t.possessive
            && (self.untagged_cap(i + 1)
                // "F.W. de Klerk": a particle, then the name.
                || self.is_particle(i + 1) && self.untagged_cap(i + 2))
    }

    /// Token `i` is a capitalised word with no tag.
    fn untagged_cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|n| n.shape == Shape::Cap && matches!(self.tags[i], Tag::None))
    }

    /// Could be a word of a name (untagged, capitalised, not an adjective).
    fn nameish(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if !matches!(self.tags[i], Tag::None) || t.glued {
            return false;
        }
        match t.shape {
            Shape::Cap => true,
            Shape::Upper | Shape::Letter => self.is_initials(i),
            _ => false,
        }
    }

    /// A stand-alone acronym ("BBC"): an organisation unless it is a roman
    /// numeral or a stop word in capitals.
    fn is_acronym(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.shape == Shape::Upper
            && matches!(self.tags[i], Tag::None)
            && !t.glued
            && !self.is_initials(i)
            && !ROMAN.contains(&self.key(i))
    }

    fn find_runs(&mut self, seen_lowercase: &dyn Fn(&str) -> bool) {
        self.caps_line = self.is_caps_line();
        let nameable = std::mem::take(&mut self.spare.nameable);
        let mut next = nameable.iter().map(|&k| k as usize).peekable();
        let mut i = 0;
        loop {
            // The next token at or after `i` that a run may open on.
            while next.next_if(|&k| k < i).is_some() {}
            let Some(k) = next.next() else { break };
            i = k;
            if self.caps_line && self.caps_word(i) {
                self.push_run(i, i);
                if let Some(r) = self.runs.last_mut() {
                    r.caps = true;
                }
                i += 1;
                continue;
            }
            // Plain lower-case words, numbers and punctuation (most tokens)
            // are neither name, particle nor acronym: not in `nameable`.
            let starts =
                self.nameish(i) || self.is_particle(i) && self.particles_then_name(i).is_some();
            if !starts {
                // The shape first: most tokens are not capitals-only, and
                // `is_acronym` is not inlined.
                if self.toks[i].shape == Shape::Upper && self.is_acronym(i) {
                    self.push_run(i, i);
                }
                i += 1;
                continue;
            }
            let mut last = i;
            loop {
                if self.toks[last].possessive {
                    break;
                }
                let j = last + 1;
                if self.nameish(j) {
                    last = j;
                } else if let Some(k) = self.particles_then_name(j) {
                    last = k;
                } else {
                    // "Banharn Silpa-archa", "Lee Ki-choo": a name's last
                    // word of two syllables, the second in lower case.
                    if self.name_syllables(j) {
                        last = j;
                    }
                    break;
                }
            }
            // "Jerzy L.", "Dieter U": a given name and the initial of a
            // surname the report withholds.
            if last == i && self.withheld_surname(last) {
                last += 1;
            }
            let mut first = i;
            // A capital that only opens the sentence: "Following Varga's..."
            while first < last
                && self.toks[first].initial
                && self.is_common_word(first, seen_lowercase)
            {
                first += 1;
                while first < last && self.is_particle(first) {
                    first += 1;
                }
            }
            if self.toks[first].shape == Shape::Cap || first == last || self.is_initials(first) {
                self.push_run(first, last);
            }
            i = last + 1;
        }
        self.spare.nameable = nameable;
    }

    /// Whether token `j`, right after a name word, is a last name of two
    /// syllables joined by a hyphen, the second in lower case ("Silpa-archa",
    /// "Ki-choo"): not a compound adjective ("Velm-based", "Brask-led",
    /// "Ostrova-style"), whose tail is a participle or a word of
    /// [`COMPOUND_TAILS`].
    fn name_syllables(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return false;
        };
        if !t.glued || t.shape != Shape::Cap || t.possessive || !matches!(self.tags[j], Tag::Stop) {
            return false;
        }
        let w = self.word(j);
        let mut parts = w.split('-');
        let (Some(_), Some(tail), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        (2..=5).contains(&tail.len())
            && tail.bytes().all(|b| b.is_ascii_lowercase())
            && !tail.ends_with("ed")
            && !tail.ends_with("en")
            && !tail.ends_with("ing")
            && !COMPOUND_TAILS.contains(&tail)
    }

    /// Whether token `i`, a given name, is followed by one capital letter
    /// that opens no further name: a surname's initial ("Pietro T.,").
    /// The pronoun "I" and the article "A" are no initials undotted.
    fn withheld_surname(&self, i: usize) -> bool {
        let next = i + 1;
        // The rare letter first: most names are followed by none.
        self.toks
            .get(next)
            .is_some_and(|t| t.shape == Shape::Letter)
            && self.toks[i].shape == Shape::Cap
            && !self.toks[i].possessive
            && self.is(i, class::GIVEN_NAME)
            && matches!(self.tags[next], Tag::None)
            && !matches!(self.word(next), "I" | "A")
            && !self.toks.get(next + 1).is_some_and(Token::is_capital)
    }

    fn push_run(&mut self, first: usize, last: usize) {
        self.runs.push(Run {
            first,
            last,
            consumed: false,
            caps: false,
        });
    }

    /// The run whose last token is `i`, if any: runs end in order, so it is
    /// found by bisection (no table as long as the sentence to fill).
    fn run_ending_at(&self, i: usize) -> Option<usize> {
        let r = self.runs.partition_point(|r| r.last < i);
        self.runs.get(r).is_some_and(|x| x.last == i).then_some(r)
    }

    /// The first run that ends at or after token `i`.
    fn run_ending_from(&self, i: usize) -> Option<usize> {
        let r = self.runs.partition_point(|r| r.last < i);
        (r < self.runs.len()).then_some(r)
    }

    /// `i` starts particles ("von der") followed by a name word: its index.
    fn particles_then_name(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.is_particle(j) {
            j += 1;
        }
        (j > i && self.nameish(j)).then_some(j)
    }

    fn is_common_word(&self, i: usize, seen_lowercase: &dyn Fn(&str) -> bool) -> bool {
        let k = self.key(i);
        // Participles open sentences ("Addressing Varga..."); "-ed" and
        // short "-ly" words are left out: Mohamed, Reed, Kelly, Emily are
        // names.
        // A long "-ly" word that is no given name is a sentence adverb
        // ("Regrettably Ivo has...").
        let suffixed = k.len() > 5 && k.ends_with("ing")
            || k.len() >= 8 && k.ends_with("ly") && !self.is(i, class::GIVEN_NAME);
        suffixed || self.facts(i).stop || seen_lowercase(k)
    }

    fn abs(&self, i: usize) -> usize {
        self.base + self.toks[i].start
    }
    fn abs_end(&self, i: usize) -> usize {
        self.base + self.toks[i].end
    }

    fn mark_used(&mut self, s: usize) {
        let s = self.tag_start(s);
        if let Tag::Role(len, _) = self.tags[s] {
            for k in s..s + len {
                self.used[k] = true;
            }
        }
    }
}

#[cfg(test)]
mod tests;
