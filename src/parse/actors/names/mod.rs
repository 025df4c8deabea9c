//! Finds actor candidates in one sentence: capitalised name sequences (with
//! particles, initials, hyphens, possessives), lexicon places and
//! organisations, the titles and appositives that give a person a role, and
//! role references ("the Secretary") left for later resolution.
//!
//! Pure: text in, hits out. Kinds are not decided here, only the evidence
//! for each (see [`Evidence`]); `mod.rs` sums it per entity.

mod titles;

use super::lexicon::{Lexicon, RoleEntry, key_of};
use super::roles::RoleDesc;
use super::tokens::{Shape, Token, tokenize};

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
}

/// The sentence being scanned.
struct Scan<'a> {
    text: &'a str,
    base: usize,
    lx: &'a Lexicon,
    toks: Vec<Token>,
    /// Folded word keys, all in one buffer (`key_at` has each token's
    /// range; empty for punctuation): one allocation per sentence, not
    /// one per capitalised word.
    key_buf: String,
    key_at: Vec<(u32, u32)>,
    tags: Vec<Tag<'a>>,
    /// Role tokens already used as a title or appositive.
    used: Vec<bool>,
    runs: Vec<Run>,
    /// run index by last token
    run_at_last: Vec<Option<usize>>,
    /// (run, hit) pairs once hits are emitted, for possessors.
    run_hits: Vec<(usize, usize)>,
}

const DASHES: [char; 3] = ['\u{2013}', '\u{2014}', '-'];
const ROMAN: [&str; 8] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"];

/// Scans one sentence. `text` is the sentence, `base` its offset in the
/// article; `seen_lowercase` says whether a folded word also occurs in lower
/// case elsewhere in the article (so a capital at a sentence start is just
/// grammar).
pub fn scan(
    text: &str,
    base: usize,
    lx: &Lexicon,
    seen_lowercase: &dyn Fn(&str) -> bool,
) -> SentenceHits {
    let toks = tokenize(text);
    let mut key_buf = String::with_capacity(text.len());
    let key_at: Vec<(u32, u32)> = toks
        .iter()
        .map(|t| {
            let from = key_buf.len() as u32;
            if t.is_word() {
                let w = &text[t.start..t.end];
                if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_whitespace()) {
                    // What `key_of` gives for one ASCII word, without a String.
                    key_buf.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else {
                    key_buf.push_str(&key_of(w));
                }
            }
            (from, key_buf.len() as u32)
        })
        .collect();
    let n = toks.len();
    let mut s = Scan {
        text,
        base,
        lx,
        toks,
        key_buf,
        key_at,
        tags: vec![Tag::None; n],
        used: vec![false; n],
        runs: Vec::new(),
        run_at_last: vec![None; n],
        run_hits: Vec::new(),
    };
    s.tag();
    s.find_runs(seen_lowercase);
    let headline = s.is_headline();
    let mut out = SentenceHits::default();
    s.emit(headline, &mut out);
    s.find_refs(&mut out);
    out
}

impl<'a> Scan<'a> {
    fn word(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    fn key(&self, i: usize) -> &str {
        self.key_at
            .get(i)
            .and_then(|&(a, b)| self.key_buf.get(a as usize..b as usize))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_word)
    }

    fn is_punct(&self, i: usize, cs: &[char]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.shape, Shape::Punct(c) if cs.contains(&c)))
    }

    /// Marks lexicon roles, entities, adjectives and stop words.
    fn tag(&mut self) {
        let lx = self.lx;
        let n = self.toks.len();
        let mut i = 0;
        let mut phrase = String::new();
        let mut ends: Vec<(usize, usize)> = Vec::new();
        while i < n {
            let t = self.toks[i];
            if !t.is_word() {
                i += 1;
                continue;
            }
            if t.glued {
                // "Kremlin-friendly": an adjective, but it may name an entity.
                let w = self.word(i);
                let head = w.split('-').next().unwrap_or(w);
                let caps = !head.chars().any(char::is_lowercase);
                self.tags[i] = match lx.entity(&key_of(head), caps) {
                    Some((idx, _)) => Tag::Ent(1, idx),
                    None => Tag::Stop,
                };
                i += 1;
                continue;
            }
            let maxw = lx.max_words(self.key(i));
            let mut best: Option<(usize, Tag<'a>)> = None;
            if maxw > 0 {
                // Each longer phrase extends the last, so one buffer and the
                // length of each prefix do.
                phrase.clear();
                ends.clear();
                let mut j = i;
                while j < n && ends.len() < maxw && self.toks[j].is_word() {
                    if !phrase.is_empty() {
                        phrase.push(' ');
                    }
                    phrase.push_str(self.key(j));
                    ends.push((j, phrase.len()));
                    if self.toks[j].possessive {
                        break;
                    }
                    j += 1;
                }
                for &(j, ph_len) in ends.iter().rev() {
                    let ph = &phrase[..ph_len];
                    let len = j - i + 1;
                    let caps = self.toks[i..=j]
                        .iter()
                        .all(|t| matches!(t.shape, Shape::Upper | Shape::Letter));
                    if (t.is_capital() && self.toks[j].is_capital() || t.is_capital() && len > 1)
                        && let Some((idx, _)) = lx.entity(ph, caps)
                    {
                        best = Some((len, Tag::Ent(len, idx)));
                        break;
                    }
                    if let Some(r) = lx.role(ph) {
                        if r.capital && !t.is_capital() {
                            continue;
                        }
                        best = Some((len, Tag::Role(len, r)));
                        break;
                    }
                }
            }
            if let Some((len, tag)) = best {
                self.tags[i] = tag;
                for k in i + 1..i + len {
                    self.tags[k] = Tag::Covered(i);
                }
                i += len;
                continue;
            }
            if t.is_capital() {
                let k = self.key(i);
                if let Some(c) = lx.adjective(k) {
                    self.tags[i] = Tag::Adj(c);
                } else if lx.stop.contains(k) {
                    self.tags[i] = Tag::Stop;
                }
            }
            i += 1;
        }
    }

    /// Start index of the multi-word tag covering `i`.
    fn tag_start(&self, i: usize) -> usize {
        match self.tags.get(i) {
            Some(Tag::Covered(s)) => *s,
            _ => i,
        }
    }

    fn is_particle(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.shape == Shape::Lower)
            && self.lx.particles.contains(self.key(i))
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
            && self
                .toks
                .get(i + 1)
                .is_some_and(|n| n.shape == Shape::Cap && matches!(self.tags[i + 1], Tag::None))
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
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let starts =
                self.nameish(i) || self.is_particle(i) && self.particles_then_name(i).is_some();
            if !starts {
                if self.is_acronym(i) {
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
                    break;
                }
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
    }

    fn push_run(&mut self, first: usize, last: usize) {
        self.run_at_last[last] = Some(self.runs.len());
        self.runs.push(Run {
            first,
            last,
            consumed: false,
        });
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
        // "-ly" are left out: Mohamed, Reed, Kelly, Emily are names.
        let suffixed = k.len() > 5 && k.ends_with("ing");
        suffixed || self.lx.stop.contains(k) || seen_lowercase(k)
    }

    /// Title Case: every word capitalised but the short function words a
    /// headline leaves small. Capitals there prove nothing.
    fn is_headline(&self) -> bool {
        const SMALL: [&str; 16] = [
            "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "as", "vs",
            "with", "from",
        ];
        let mut caps = 0;
        for (i, t) in self.toks.iter().enumerate() {
            match t.shape {
                Shape::Lower if !SMALL.contains(&self.key(i)) && !self.is_particle(i) => {
                    return false;
                }
                Shape::Cap if !t.initial && self.word(i).chars().count() >= 4 => caps += 1,
                _ => {}
            }
        }
        caps >= 4
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

    fn emit(&mut self, headline: bool, out: &mut SentenceHits) {
        let lx = self.lx;
        // Lexicon entities first: they are decisive and independent of names.
        let mut ents: Vec<(usize, Hit)> = Vec::new();
        for i in 0..self.toks.len() {
            if let Tag::Ent(len, idx) = self.tags[i] {
                let last = i + len - 1;
                let end = if self.toks[i].glued {
                    let w = self.word(i);
                    self.abs(i) + w.find('-').unwrap_or(w.len())
                } else {
                    self.abs_end(last)
                };
                ents.push((
                    i,
                    Hit {
                        start: self.abs(i),
                        end,
                        words: len,
                        entity: Some(idx),
                        ev: Evidence::default(),
                        weak: false,
                        roles: Vec::new(),
                    },
                ));
            }
        }
        let mut names: Vec<(usize, Hit)> = Vec::new();
        // Previous run's kind evidence, for coordination ("Sumy and Ostrova").
        let mut prev: Option<(usize, Evidence)> = None;
        for ri in 0..self.runs.len() {
            let mut r = self.runs[ri];
            if r.consumed {
                continue;
            }
            let mut ev = Evidence::default();
            let mut roles = Vec::new();
            let mut name_start = None;
            let mut swallowed = Vec::new();
            // The last token of the title (its complement, when it has one).
            let mut title_end_tok = None;
            // A head word ("Premier League", "Velm Bank") makes a body, not
            // a person, whatever title-like word comes before it.
            let head = self.key(r.last);
            let headed = lx.org_heads.contains(head)
                || lx.place_heads.contains(head)
                || lx.event_heads.contains(head);
            let found = if headed {
                None
            } else {
                match self.complement(&r) {
                    Some((lead, rend)) => {
                        let t = self.title_ending_at(rend, &mut swallowed);
                        if t.is_some() {
                            title_end_tok = Some(r.first + lead - 1);
                            r.first += lead;
                        }
                        t.map(|t| (t, true))
                    }
                    None => self
                        .title_before(r.first, &mut swallowed)
                        .map(|t| (t, true)),
                }
                .or_else(|| self.appositive_before(&r).map(|t| (t, false)))
                .or_else(|| self.appositive_after(&r).map(|t| (t, false)))
            };
            if let Some(((s, start, e, mut desc), is_title)) = found {
                ev.person += 3;
                if !e.honorific {
                    let role_end = match self.tags[s] {
                        Tag::Role(len, _) => s + len - 1,
                        _ => s,
                    };
                    if let Some(te) = title_end_tok {
                        for k in role_end + 1..=te {
                            if let Some(d) = lx.domains.get(self.key(k)) {
                                desc.domain.get_or_insert_with(|| d.clone());
                            }
                        }
                        desc.leader = e.leader && desc.domain.is_none();
                    }
                    let end = self.abs_end(title_end_tok.unwrap_or(role_end));
                    roles.push((desc, (self.abs(start), end.max(self.abs(start)))));
                }
                if is_title && e.title {
                    name_start = Some(self.abs(s));
                }
                self.mark_used(s);
                // Roles inside the title ("Taoiseach – or Prime Minister")
                // are part of it, not references.
                for k in start..s {
                    if matches!(self.tags[k], Tag::Role(..)) {
                        self.mark_used(k);
                    }
                }
                for w in swallowed {
                    self.runs[w].consumed = true;
                }
                // A title and an appositive both: "magnate Ola Berg, the
                // chairman of ...".
                if is_title && let Some((s2, start2, e2, d2)) = self.appositive_after(&r) {
                    if !e2.honorific {
                        let end2 = match self.tags[s2] {
                            Tag::Role(len, _) => s2 + len - 1,
                            _ => s2,
                        };
                        roles.push((d2, (self.abs(start2), self.abs_end(end2))));
                    }
                    self.mark_used(s2);
                }
            }
            let words = (r.first..=r.last).filter(|&k| !self.is_particle(k)).count();
            // The last real word decides heads ("World War II" -> "war").
            let mut lastw = r.last;
            while lastw > r.first && ROMAN.contains(&self.key(lastw)) {
                lastw -= 1;
            }
            let lk = self.key(lastw);
            if lx.event_heads.contains(lk) && ev.person == 0 {
                continue;
            }
            // A head word outweighs a name's shape and a "said" after it
            // ("analysts at Velm Bank said").
            if lx.org_heads.contains(lk) && ev.person == 0 {
                ev.org += 4;
            } else if lx.place_heads.contains(lk) && ev.person == 0 {
                ev.place += 4;
            }
            if words > 4 && ev.org + ev.place == 0 && ev.person == 0 {
                continue;
            }
            // "the Velm Group": people rarely take an article, bodies do. A
            // lone word after "the" followed by more lower-case words may be
            // a description ("the Dutchman said") or a modifier ("the Varga
            // government"), so it only counts when nothing lower-case follows.
            let after_the = r.first > 0 && self.key(r.first - 1) == "the" && ev.person < 3;
            if after_the
                && (words >= 2
                    || !self
                        .toks
                        .get(r.last + 1)
                        .is_some_and(|t| t.shape == Shape::Lower))
            {
                ev.org += 2;
            }
            let acronym = r.first == r.last && self.is_acronym(r.first);
            if acronym {
                ev.org += 2;
            } else if words >= 2 && !headline {
                ev.person += 1;
            }
            let possessive = self.toks[r.last].possessive;
            if !possessive {
                let next = r.last + 1;
                if !after_the && self.is_word(next) && lx.speech_verbs.contains(self.key(next)) {
                    ev.person += 2;
                }
                for k in next..(next + 2).min(self.toks.len()) {
                    if !self.is_word(k) || self.toks[k].shape != Shape::Lower {
                        break;
                    }
                    if lx.org_nouns_after.contains(self.key(k)) {
                        ev.org += 2;
                    }
                    if lx.place_nouns_after.contains(self.key(k)) {
                        ev.place += 2;
                    }
                }
                if roles.is_empty() && r.first > 0 && ev.person < 3 {
                    let pk = self.key(r.first - 1);
                    if lx.place_prepositions.contains(pk) {
                        ev.place += 2;
                    }
                    if pk == "of"
                        && r.first >= 2
                        && lx.place_of_nouns.contains(self.key(r.first - 2))
                    {
                        ev.place += 3;
                    }
                }
            }
            // Coordination: "the cities of Ostrova and Velm".
            if let Some((plast, pev)) = prev
                && (r.first >= 2
                    && plast == r.first - 2
                    && matches!(self.key(r.first - 1), "and" | "or")
                    || plast + 2 == r.first && self.is_punct(r.first - 1, &[',']))
            {
                if pev.place > pev.person && ev.person < 3 {
                    ev.place += 2;
                }
                if pev.org > pev.person && ev.person < 3 {
                    ev.org += 2;
                }
            }
            prev = Some((r.last, ev));
            let single = words == 1;
            let initial = self.toks[r.first].initial;
            let weak = ev == Evidence::default()
                || single && initial && ev.person < 3 && ev.org + ev.place < 2
                || headline && ev.person < 3;
            let start = name_start.unwrap_or_else(|| self.abs(r.first));
            names.push((
                ri,
                Hit {
                    start,
                    end: self.abs_end(r.last),
                    words,
                    entity: None,
                    ev,
                    weak,
                    roles,
                },
            ));
        }
        // Possessors point at runs; make them point at hits of this sentence.
        let mut all: Vec<(Option<usize>, Hit)> = ents
            .into_iter()
            .map(|(_, h)| (None, h))
            .chain(names.into_iter().map(|(ri, h)| (Some(ri), h)))
            .collect();
        all.sort_by_key(|(_, h)| h.start);
        let run_to_hit: Vec<(usize, usize)> = all
            .iter()
            .enumerate()
            .filter_map(|(hi, (ri, _))| ri.map(|r| (r, hi)))
            .collect();
        let map = |p: u32| {
            run_to_hit
                .iter()
                .find(|(r, _)| *r == p as usize)
                .map(|(_, h)| *h as u32)
        };
        for (_, h) in &mut all {
            for (d, _) in &mut h.roles {
                d.possessor = d.possessor.and_then(map);
            }
        }
        self.run_hits = run_to_hit;
        out.hits = all.into_iter().map(|(_, h)| h).collect();
    }
}

#[cfg(test)]
mod tests;
