//! The word knowledge the actor scanner uses: the bundled `assets/` and
//! the user's own actors, as one value built at start and handed to the
//! stage (it is [`crate::parse::knowledge::Knowledge::actors`]), so two lexicons
//! in one process find different actors and no global decides which.
//!
//! Everything here is general data (roles, countries, organisations, stop
//! words) that a user can extend; none of it names the people of a corpus.
//! Keys are folded with [`key_of`] so lookups ignore case and accents.

use crate::model::ActorKind;
use std::sync::Arc;

const ROLES: &str = include_str!("../../../../../assets/actors/roles.txt");
const PLACES: &str = include_str!("../../../../../assets/actors/places.txt");
const ORGS: &str = include_str!("../../../../../assets/actors/organisations.txt");
const WORDS: &str = include_str!("../../../../../assets/actors/words.txt");
const GIVEN_NAMES: &str = include_str!("../../../../../assets/actors/given_names.txt");
const USER: &str = include_str!("../../../../../assets/actors.toml");

/// One role phrase from `roles.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleEntry {
    /// Normalised head ("spokesperson" for "spokesman"); empty for honorifics.
    pub head: Arc<str>,
    pub domain: Option<Arc<str>>,
    pub leader: bool,
    pub title: bool,
    pub honorific: bool,
    pub capital: bool,
    pub noref: bool,
    pub generic: bool,
    pub counterpart: bool,
}

/// A named place or organisation (or a user's actor) the text may mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub canonical: String,
    pub kind: ActorKind,
    /// The country this is or belongs to: "Russia" for the Kremlin, the
    /// country itself for a country. Gives a role its nationality.
    pub country: Option<Arc<str>>,
    /// A country (not a city or region).
    pub is_country: bool,
    /// From the user's `actors.toml`: wins over any other reading.
    pub user: bool,
    pub role: Option<String>,
}

/// Where a phrase of one or more words leads.
#[derive(Debug, Clone)]
struct Phrase<T> {
    value: T,
    /// All letters upper case in the lexicon ("US", "WHO"): the text must
    /// write it so too, or "Who"/"us" would match.
    caps: bool,
}

/// What the scanner asks of every word, found with one lookup rather than
/// one per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordFacts {
    /// Longest role or entity phrase (in words) starting with this word;
    /// 0 for none. Two bytes, not a word's eight: the table of facts is
    /// read for every token, and the smaller its entries the more of it
    /// stays in cache (no piece of a sentence holds 65,535 words, so the
    /// saturated value never cuts a phrase short).
    pub max_words: u16,
    /// Alone, a role phrase ([`alone::ROLE`]) and/or an entity name
    /// ([`alone::ENTITY`]): a one-word phrase is looked up only then.
    pub alone: u8,
    /// In `stop`.
    pub stop: bool,
    /// In `particles`.
    pub particle: bool,
    /// The word classes ([`class`]) the word is in, a bit each: asked of
    /// the words around every name, and known with the one lookup.
    pub classes: u16,
}

/// Bits of [`WordFacts::alone`].
pub mod alone {
    pub const ROLE: u8 = 1;
    pub const ENTITY: u8 = 1 << 1;
}

/// Bits of [`WordFacts::classes`], each for the table of the same name.
pub mod class {
    pub const SPEECH_VERB: u16 = 1;
    pub const ORG_HEAD: u16 = 1 << 1;
    pub const PLACE_HEAD: u16 = 1 << 2;
    pub const EVENT_HEAD: u16 = 1 << 3;
    pub const ORG_NOUN_AFTER: u16 = 1 << 4;
    pub const PLACE_NOUN_AFTER: u16 = 1 << 5;
    pub const PLACE_PREPOSITION: u16 = 1 << 6;
    pub const PLACE_OF_NOUN: u16 = 1 << 7;
    pub const DETERMINER: u16 = 1 << 8;
    pub const ROLE_MODIFIER: u16 = 1 << 9;
    /// A key of `domains`.
    pub const DOMAIN: u16 = 1 << 10;
    /// A key of `adjectives`.
    pub const ADJECTIVE: u16 = 1 << 11;
    /// A common given name (`given_names.txt`).
    pub const GIVEN_NAME: u16 = 1 << 12;
    pub const ORG_OPENER: u16 = 1 << 13;
    pub const EVENT_OPENER: u16 = 1 << 14;
    pub const ORG_NOUN_BEFORE: u16 = 1 << 15;
}

/// All lexicons, parsed once. The tables the scanner asks of its words
/// are [`WordMap`]s; none is iterated where the order could show.
pub struct Lexicon {
    /// This value's own number ([`crate::parse::value_id::next_id`]): the
    /// scanner's per-thread buffers hold references into the lexicon they
    /// were last used with, and are emptied when another one comes.
    id: u64,
    roles: WordMap<String, RoleEntry>,
    entities: WordMap<String, Phrase<u32>>,
    pub entity_list: Vec<Entity>,
    /// Folded nationality adjective or demonym -> country canonical name.
    adjectives: WordMap<String, Arc<str>>,
    /// Longest phrase (in words) per first word, for roles and entities.
    max_words: WordMap<String, usize>,
    /// The first two words of every phrase of two or more, by
    /// [`pair_key`]: a word that opens some phrase is looked up with the
    /// words after it only when the next word can follow it ("the" opens
    /// a few names, and precedes thousands of other words).
    pairs: WordSet<u64>,
    /// `max_words`, `stop` and `particles` of each word in any of them.
    facts: WordMap<String, WordFacts>,
    /// `facts` of the words of up to fifteen bytes, by [`word_key`]:
    /// nearly all words, asked of a table of numbers.
    word_facts: WordTable<WordFacts>,
    /// The words a lower-case word must be to need its facts at once: the
    /// first words of role phrases, and particles (a lower-case word
    /// opens no entity, which needs a capital). Any other lower-case
    /// word's facts are asked only if something reads them.
    lower_openers: ByEnds,
    pub stop: WordSet<String>,
    pub particles: WordSet<String>,
    pub particle_prefixes: Vec<String>,
    /// The last byte of each particle prefix, and the longest prefix's
    /// length: a word none of whose first `prefix_reach` bytes ends a
    /// prefix starts with none, which one pass over a few bytes tells
    /// (most name words) instead of a comparison per prefix.
    prefix_ends: [bool; 256],
    prefix_reach: usize,
    pub speech_verbs: WordSet<String>,
    pub org_heads: WordSet<String>,
    pub place_heads: WordSet<String>,
    pub event_heads: WordSet<String>,
    pub org_nouns_after: WordSet<String>,
    pub org_nouns_before: WordSet<String>,
    pub place_nouns_after: WordSet<String>,
    pub place_prepositions: WordSet<String>,
    pub place_of_nouns: WordSet<String>,
    pub determiners: WordSet<String>,
    pub role_modifiers: WordSet<String>,
    pub given_names: WordSet<String>,
    pub org_openers: WordSet<String>,
    pub event_openers: WordSet<String>,
    pub domains: WordMap<String, Arc<str>>,
    /// Abbreviations of states and provinces ("Calif.", "N.J."), folded
    /// and [`undotted`]: asked only after a comma, so no class of facts.
    pub region_abbreviations: WordSet<String>,
    /// User aliases of people: folded alias -> entity index.
    pub user_people: FxMap<String, u32>,
}

use super::word_hash::{ByEnds, WordMap, WordSet, WordTable, word_key, word_key_at};
pub use crate::hash::{FxMap, FxSet};
pub use assets::undotted;
use assets::{is_caps, lines, sections};
pub use keys::key_of;
use keys::{fact, pair_key};

impl Lexicon {
    /// The word tables each of which a bit of [`WordFacts::classes`]
    /// stands for.
    fn class_tables(&self) -> [(&WordSet<String>, u16); 14] {
        [
            (&self.speech_verbs, class::SPEECH_VERB),
            (&self.org_heads, class::ORG_HEAD),
            (&self.place_heads, class::PLACE_HEAD),
            (&self.event_heads, class::EVENT_HEAD),
            (&self.org_nouns_after, class::ORG_NOUN_AFTER),
            (&self.org_nouns_before, class::ORG_NOUN_BEFORE),
            (&self.place_nouns_after, class::PLACE_NOUN_AFTER),
            (&self.place_prepositions, class::PLACE_PREPOSITION),
            (&self.place_of_nouns, class::PLACE_OF_NOUN),
            (&self.determiners, class::DETERMINER),
            (&self.role_modifiers, class::ROLE_MODIFIER),
            (&self.given_names, class::GIVEN_NAME),
            (&self.org_openers, class::ORG_OPENER),
            (&self.event_openers, class::EVENT_OPENER),
        ]
    }

    /// The bundled lexicons (`assets/actors/` and `assets/actors.toml`).
    pub fn builtin() -> Lexicon {
        Self::from_texts(ROLES, PLACES, ORGS, WORDS, USER)
    }

    /// The bundled lexicons plus the user's actors file (its text), and
    /// how many actors that names; or what is wrong with it and on which
    /// line ("3: ..."), never a silent skip.
    pub fn with_user(text: &str) -> Result<(Lexicon, usize), String> {
        let n = super::user_actors::parse(text)?.actor.len();
        // Both files are only [[actor]] tables: one after the other they
        // read as one.
        let lx = Self::from_texts(ROLES, PLACES, ORGS, WORDS, &format!("{USER}\n{text}"));
        Ok((lx, n))
    }

    /// The bundled lexicon, one value for every test that calls the
    /// stage's functions directly.
    #[cfg(test)]
    pub(crate) fn builtin_for_tests() -> &'static Lexicon {
        static BUILTIN: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::builtin);
        &BUILTIN
    }

    /// This value's number, unique in the process.
    pub(super) fn id(&self) -> u64 {
        self.id
    }

    /// Whether `word` is a common given name (`assets/actors/given_names.txt`,
    /// case and accents folded): other stages ask it to tell a person's
    /// name from other capitalised words.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(key_of(word).as_str())
    }

    /// Builds a lexicon from the text of each asset (tests pass their own).
    pub fn from_texts(roles: &str, places: &str, orgs: &str, words: &str, user: &str) -> Lexicon {
        let mut lx = Lexicon {
            id: crate::parse::value_id::next_id(),
            roles: WordMap::default(),
            entities: WordMap::default(),
            entity_list: Vec::new(),
            adjectives: WordMap::default(),
            max_words: WordMap::default(),
            pairs: WordSet::default(),
            facts: WordMap::default(),
            word_facts: WordTable::new([]),
            lower_openers: ByEnds::new([]),
            stop: WordSet::default(),
            particles: WordSet::default(),
            particle_prefixes: Vec::new(),
            prefix_ends: [false; 256],
            prefix_reach: 0,
            speech_verbs: WordSet::default(),
            org_heads: WordSet::default(),
            place_heads: WordSet::default(),
            event_heads: WordSet::default(),
            org_nouns_after: WordSet::default(),
            org_nouns_before: WordSet::default(),
            place_nouns_after: WordSet::default(),
            place_prepositions: WordSet::default(),
            place_of_nouns: WordSet::default(),
            determiners: WordSet::default(),
            role_modifiers: WordSet::default(),
            given_names: WordSet::default(),
            org_openers: WordSet::default(),
            event_openers: WordSet::default(),
            domains: WordMap::default(),
            region_abbreviations: WordSet::default(),
            user_people: FxMap::default(),
        };
        lx.load_user(user);
        for l in lines(roles) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            let Some(&phrase) = f.first() else { continue };
            let flags: Vec<&str> = f
                .get(3)
                .map_or(Vec::new(), |s| s.split_whitespace().collect());
            let has = |x: &str| flags.contains(&x);
            let entry = RoleEntry {
                head: f.get(1).map_or_else(|| Arc::from(""), |s| Arc::from(*s)),
                domain: f.get(2).filter(|s| !s.is_empty()).map(|s| Arc::from(*s)),
                leader: has("leader"),
                title: has("title"),
                honorific: has("honorific"),
                capital: has("capital"),
                noref: has("noref"),
                generic: has("generic"),
                counterpart: has("counterpart"),
            };
            let key = key_of(phrase);
            lx.note_words(&key);
            lx.roles.entry(key).or_insert(entry);
        }
        for l in lines(places) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            if f.len() < 2 {
                continue;
            }
            let canonical = f[1].to_string();
            let is_country = f[0] == "country";
            let idx = lx.entity_list.len() as u32;
            lx.entity_list.push(Entity {
                canonical: canonical.clone(),
                kind: ActorKind::Place,
                country: is_country.then(|| Arc::from(canonical.as_str())),
                is_country,
                user: false,
                role: None,
            });
            lx.add_entity_name(&canonical, idx);
            for a in f.get(2).into_iter().flat_map(|s| s.split(',')) {
                lx.add_entity_name(a.trim(), idx);
            }
            let country: Arc<str> = Arc::from(canonical.as_str());
            for a in f.get(3).into_iter().flat_map(|s| s.split(',')) {
                let a = a.trim();
                if !a.is_empty() {
                    lx.adjectives
                        .entry(key_of(a))
                        .or_insert_with(|| Arc::clone(&country));
                }
            }
        }
        for l in lines(orgs) {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            let Some(&canonical) = f.first() else {
                continue;
            };
            let idx = lx.entity_list.len() as u32;
            lx.entity_list.push(Entity {
                canonical: canonical.to_string(),
                kind: ActorKind::Organisation,
                country: f.get(2).filter(|s| !s.is_empty()).map(|s| Arc::from(*s)),
                is_country: false,
                user: false,
                role: None,
            });
            lx.add_entity_name(canonical, idx);
            for a in f.get(1).into_iter().flat_map(|s| s.split(',')) {
                lx.add_entity_name(a.trim(), idx);
            }
        }
        let mut sec = sections(words);
        // A section's lines, once (a second ask finds none).
        let mut take = |name: &str| -> Vec<&str> {
            sec.iter_mut()
                .find(|(n, _)| *n == name)
                .map(|(_, lines)| std::mem::take(lines))
                .unwrap_or_default()
        };
        // The keys of a section, in file order.
        let mut keys = |name: &str| -> Vec<String> { take(name).into_iter().map(key_of).collect() };
        // Tried in turn, and the first that fits is dropped: in the order
        // an FxSet of them iterates (built just so), as they always were.
        lx.particle_prefixes = keys("particle-prefixes")
            .into_iter()
            .collect::<FxSet<String>>()
            .into_iter()
            .collect();
        for p in &lx.particle_prefixes {
            if let Some(&b) = p.as_bytes().last() {
                lx.prefix_ends[usize::from(b)] = true;
            }
            lx.prefix_reach = lx.prefix_reach.max(p.len());
        }
        let mut set = |name: &str| -> WordSet<String> { keys(name).into_iter().collect() };
        lx.stop = set("stop");
        lx.particles = set("particles");
        lx.speech_verbs = set("speech-verbs");
        lx.org_heads = set("org-heads");
        lx.place_heads = set("place-heads");
        lx.event_heads = set("event-heads");
        lx.org_nouns_after = set("org-nouns-after");
        lx.org_nouns_before = set("org-nouns-before");
        lx.place_nouns_after = set("place-nouns-after");
        lx.place_prepositions = set("place-prepositions");
        lx.place_of_nouns = set("place-of-nouns");
        lx.determiners = set("determiners");
        lx.role_modifiers = set("role-modifiers");
        lx.org_openers = set("org-openers");
        lx.event_openers = set("event-openers");
        lx.region_abbreviations = keys("region-abbreviations")
            .iter()
            .map(|k| undotted(k))
            .collect();
        lx.given_names = lines(GIVEN_NAMES)
            .flat_map(str::split_whitespace)
            .map(key_of)
            .collect();
        for l in take("domains") {
            if let Some((w, d)) = l.split_once('|') {
                lx.domains.insert(key_of(w.trim()), Arc::from(d.trim()));
            }
        }
        // Room for every word at once (most are in one table only): no
        // growing by doubling, each step moving every word again.
        let room = lx.max_words.len()
            + lx.stop.len()
            + lx.particles.len()
            + lx.class_tables()
                .iter()
                .map(|(set, _)| set.len())
                .sum::<usize>()
            + lx.domains.len()
            + lx.adjectives.len();
        let mut facts = WordMap::with_capacity_and_hasher(room, Default::default());
        for (w, &m) in &lx.max_words {
            fact(&mut facts, w).max_words = u16::try_from(m).unwrap_or(u16::MAX);
        }
        for w in lx.roles.keys().filter(|k| !k.contains(' ')) {
            fact(&mut facts, w).alone |= alone::ROLE;
        }
        for w in lx.entities.keys().filter(|k| !k.contains(' ')) {
            fact(&mut facts, w).alone |= alone::ENTITY;
        }
        for w in &lx.stop {
            fact(&mut facts, w).stop = true;
        }
        for w in &lx.particles {
            fact(&mut facts, w).particle = true;
        }
        for (set, bit) in lx.class_tables() {
            for w in set {
                fact(&mut facts, w).classes |= bit;
            }
        }
        for w in lx.domains.keys() {
            fact(&mut facts, w).classes |= class::DOMAIN;
        }
        for w in lx.adjectives.keys() {
            fact(&mut facts, w).classes |= class::ADJECTIVE;
        }
        lx.facts = facts;
        lx.word_facts = WordTable::new(
            lx.facts
                .iter()
                .filter_map(|(w, f)| Some((word_key(w.as_bytes())?, *f))),
        );
        let openers = lx.roles.keys().filter_map(|k| k.split(' ').next());
        lx.lower_openers = ByEnds::new(
            openers
                .chain(lx.particles.iter().map(String::as_str))
                .map(str::as_bytes),
        );
        lx
    }

    /// Adds the actors of an actors file (the built-in one, then the
    /// user's): checked before it gets here, so a file that does not read
    /// adds nothing.
    fn load_user(&mut self, text: &str) {
        let file = super::user_actors::parse(text).unwrap_or_default();
        for a in file.actor {
            let kind = a
                .kind
                .as_deref()
                .and_then(ActorKind::parse)
                .unwrap_or(ActorKind::Person);
            let idx = self.entity_list.len() as u32;
            self.entity_list.push(Entity {
                canonical: a.name.clone(),
                kind,
                country: None,
                is_country: false,
                user: true,
                role: a.role,
            });
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                if kind == ActorKind::Person {
                    self.user_people.insert(key_of(n), idx);
                }
                self.add_entity_name(n, idx);
            }
        }
    }

    fn note_words(&mut self, key: &str) {
        let mut words = key.split(' ');
        let first = words.next().unwrap_or("");
        let mut n = 1;
        if let Some(second) = words.next() {
            self.pairs.insert(pair_key(first, second));
            n += 1 + words.count();
        }
        match self.max_words.get_mut(first) {
            Some(m) => *m = (*m).max(n),
            None => {
                self.max_words.insert(first.to_string(), n);
            }
        }
    }

    fn add_entity_name(&mut self, name: &str, idx: u32) {
        if name.is_empty() {
            return;
        }
        let key = key_of(name);
        self.note_words(&key);
        self.entities.entry(key).or_insert(Phrase {
            value: idx,
            caps: is_caps(name),
        });
    }

    /// The longest phrase (in words) any role or entity starting with this
    /// folded word has; 0 when none starts with it. The scanner reads it
    /// from [`Lexicon::facts`].
    #[cfg(test)]
    pub fn max_words(&self, first: &str) -> usize {
        self.max_words.get(first).copied().unwrap_or(0)
    }

    /// [`WordFacts`] of a folded word (all false and 0 for an unknown one).
    #[inline]
    pub fn facts(&self, key: &str) -> WordFacts {
        self.facts_of_bytes(key.as_bytes())
    }

    /// [`Lexicon::facts`] of a folded word's bytes (a `str`'s): a word of
    /// up to fifteen bytes (nearly all) is looked up as a number, with no
    /// string hashed or compared.
    #[inline]
    pub fn facts_of_bytes(&self, key: &[u8]) -> WordFacts {
        match word_key(key) {
            Some(k) => self.word_facts.get(k),
            None => self.long_facts(key),
        }
    }

    /// [`Lexicon::facts_of_bytes`] of the `n` bytes at `at` in `padded`,
    /// which holds at least sixteen bytes from `at`: the scanner's lowered
    /// sentence, padded. Read in one load, with no branch on the word's
    /// length (see [`word_key_at`]). Always inlined: it runs for every
    /// word, in a loop that does little else.
    #[inline(always)]
    pub fn facts_at(&self, padded: &[u8], at: usize, n: usize) -> WordFacts {
        match word_key_at(padded, at, n) {
            Some(k) => self.word_facts.get(k),
            None => self.facts_of_bytes(padded.get(at..at + n).unwrap_or_default()),
        }
    }

    /// The facts of a word too long for [`word_key`], asked of the map.
    #[cold]
    fn long_facts(&self, key: &[u8]) -> WordFacts {
        std::str::from_utf8(key)
            .ok()
            .and_then(|k| self.facts.get(k).copied())
            .unwrap_or_default()
    }

    /// Whether a lower-case word with folded key `key` may open a role
    /// phrase or be a particle: false only when it does neither, and then
    /// the scanner looks its facts up only if it needs them.
    #[inline(always)]
    pub fn lower_may_open(&self, key: &[u8]) -> bool {
        self.lower_openers.may_hold(key)
    }

    /// Whether some role or entity phrase opens with folded words `first`
    /// then `second` (false positives possible, never false negatives).
    #[inline]
    pub fn may_pair(&self, first: &str, second: &str) -> bool {
        self.pairs.contains(&pair_key(first, second))
    }

    /// Whether folded word `w` may start with a particle prefix ("al-"):
    /// false only when it starts with none.
    #[inline]
    pub fn may_have_prefix(&self, w: &[u8]) -> bool {
        w.iter()
            .take(self.prefix_reach)
            .any(|&b| self.prefix_ends[usize::from(b)])
    }

    pub fn role(&self, key: &str) -> Option<&RoleEntry> {
        self.roles.get(key)
    }

    /// The entity a folded phrase names; `caps` says whether the text wrote
    /// it all in capitals.
    pub fn entity(&self, key: &str, caps: bool) -> Option<(u32, &Entity)> {
        let p = self.entities.get(key)?;
        if p.caps && !caps {
            return None;
        }
        Some((p.value, &self.entity_list[p.value as usize]))
    }

    /// The country a nationality adjective or demonym belongs to.
    pub fn adjective(&self, key: &str) -> Option<&Arc<str>> {
        self.adjectives.get(key)
    }
}

mod assets;
mod keys;
#[cfg(test)]
mod tests;
