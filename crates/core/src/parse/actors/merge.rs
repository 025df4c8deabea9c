//! Corpus level: local entities become global actors, role references are
//! resolved, and each article's `mentions` are filled.
//!
//! Near-linear: people are bucketed by surname skeleton, places and
//! organisations by key and a short prefix, so no two actors are compared
//! unless they could be one.

mod assigned;
mod distinct;
mod forms;
mod local;
mod packed;
mod refs;

use super::alias::{NameParts, same_person, same_place};
use super::lexicon::{FxMap, Lexicon};
use super::roles::RoleDesc;
use super::{ArticleActors, credits, untitled};
use crate::model::{Actor, ActorKind, Article, Mention, MentionKind, MentionPlace};
use assigned::{Assigned, actor_of};
pub use distinct::Tally as DistinctTally;
use local::Entity;
pub use local::{Interned, Local, Locals};
use rayon::prelude::*;

/// A global actor while merging.
struct Pending {
    kind: ActorKind,
    lexicon: Option<u32>,
    /// Surface form -> mentions, in order of first appearance.
    forms: Vec<(String, u32)>,
    roles: Vec<RoleDesc>,
    role_texts: Vec<(String, u32)>,
    /// The fullest name seen, for comparisons.
    parts: Option<NameParts>,
    mentions: u32,
}

/// At most this many distinct roles are kept per actor: enough for the
/// jobs a person holds, bounded for actors mentioned 100,000 times.
const MAX_ROLES: usize = 16;

/// The fewest articles a piece of the mention pass takes, however few the
/// articles: coarse enough that few tallies of forms are made and added
/// up.
const FORM_PIECE: usize = 256;

#[derive(Default)]
struct Index {
    actors: Vec<Pending>,
    lexicon: FxMap<u32, usize>,
    /// People with a full name, by surname skeleton.
    by_surname: FxMap<String, Vec<usize>>,
    /// People known by one word only, by its skeleton.
    single: FxMap<String, usize>,
    /// Places and organisations by skeleton key, one map per kind (so a
    /// lookup borrows the key instead of building a `(kind, String)`).
    by_key: [FxMap<String, usize>; 3],
    /// Places and organisations by kind and key prefix, for near spellings.
    by_prefix: FxMap<(ActorKind, String), Vec<usize>>,
}

/// Which of [`Index::by_key`]'s maps holds `kind`.
fn slot(kind: ActorKind) -> usize {
    match kind {
        ActorKind::Person => 0,
        ActorKind::Organisation => 1,
        ActorKind::Place => 2,
    }
}

fn key_parts(form: &str, lx: &Lexicon) -> (String, NameParts) {
    let parts = NameParts::of(form, lx);
    (parts.joined().to_string(), parts)
}

/// Each name form's comparison key and name parts, by form number. The
/// same few thousand names recur across a large corpus (1,115 distinct
/// forms in 2.2 million entities at 100,000 articles): each is worked out
/// once, for every entity that has it.
fn keys_by_form(interned: &Interned, lx: &Lexicon) -> Vec<(String, NameParts)> {
    interned
        .forms()
        .par_iter()
        .map(|form| key_parts(form, lx))
        .collect()
}

impl Index {
    fn new_actor(&mut self, kind: ActorKind, parts: Option<NameParts>) -> usize {
        self.actors.push(Pending {
            kind,
            lexicon: None,
            forms: Vec::new(),
            roles: Vec::new(),
            role_texts: Vec::new(),
            parts,
            mentions: 0,
        });
        self.actors.len() - 1
    }

    /// Mentions so far, to pick the dominant of several namesakes: the
    /// most mentioned (the later made on a tie), if it has at least twice
    /// the mentions of the next.
    fn dominant(&self, cands: &[usize]) -> Option<usize> {
        let mut first: Option<(u32, usize)> = None;
        let mut second: Option<(u32, usize)> = None;
        for &c in cands {
            let x = (self.actors[c].mentions, c);
            if first.is_none_or(|f| x > f) {
                second = first;
                first = Some(x);
            } else if second.is_none_or(|s| x > s) {
                second = Some(x);
            }
        }
        match (first, second) {
            (None, _) => None,
            (Some(a), None) => Some(a.1),
            (Some(a), Some(b)) => (a.0 >= 2 * b.0.max(1)).then_some(a.1),
        }
    }

    fn place_or_org(
        &mut self,
        kind: ActorKind,
        key: &str,
        parts: &NameParts,
        create: bool,
    ) -> Option<usize> {
        if let Some(&g) = self.by_key[slot(kind)].get(key) {
            return Some(g);
        }
        let bucket_key = (kind, key.chars().take(3).collect::<String>());
        let bucket = self.by_prefix.entry(bucket_key.clone()).or_default();
        let found = bucket.iter().copied().find(|&g| {
            self.actors[g].lexicon.is_none()
                && self.actors[g]
                    .parts
                    .as_ref()
                    .is_some_and(|p| same_place(p, parts))
        });
        let g = match found {
            Some(g) => g,
            None if create => {
                let g = self.new_actor(kind, Some(parts.clone()));
                self.by_prefix.entry(bucket_key).or_default().push(g);
                g
            }
            None => return None,
        };
        self.by_key[slot(kind)].insert(key.to_string(), g);
        Some(g)
    }

    /// The actor a strong local entity belongs to (created when new).
    fn place_entity(
        &mut self,
        e: &Entity,
        keyed: &(String, NameParts),
        lx: &Lexicon,
        singles: bool,
    ) -> Option<usize> {
        if let Some(idx) = e.lexicon() {
            if singles {
                return None;
            }
            let ent = &lx.entity_list[idx as usize];
            let g = match self.lexicon.get(&idx) {
                Some(&g) => g,
                None => {
                    let g = self.new_actor(ent.kind, None);
                    self.actors[g].lexicon = Some(idx);
                    self.lexicon.insert(idx, g);
                    g
                }
            };
            return Some(g);
        }
        let kind = e.kind?;
        let (key, parts) = keyed;
        if key.is_empty() {
            return None;
        }
        match kind {
            ActorKind::Person if parts.len() >= 2 => {
                if singles {
                    return None;
                }
                let surname = parts.surname().to_string();
                let bucket = self.by_surname.entry(surname.clone()).or_default();
                let found = bucket.iter().copied().find(|&g| {
                    self.actors[g]
                        .parts
                        .as_ref()
                        .is_some_and(|p| same_person(p, parts))
                });
                Some(found.unwrap_or_else(|| {
                    let g = self.new_actor(kind, Some(parts.clone()));
                    self.by_surname.entry(surname).or_default().push(g);
                    g
                }))
            }
            ActorKind::Person => {
                if !singles {
                    return None;
                }
                Some(self.person_single(key, true).unwrap_or(0))
            }
            _ => {
                if singles != (parts.len() == 1) {
                    return None;
                }
                self.place_or_org(kind, key, parts, true)
            }
        }
    }

    /// A person known by one word: the full-named person with that surname
    /// (the dominant one among namesakes), else a one-word actor.
    fn person_single(&mut self, word: &str, create: bool) -> Option<usize> {
        if let Some(c) = self.by_surname.get(word)
            && let Some(g) = self.dominant(c)
        {
            return Some(g);
        }
        if let Some(&g) = self.single.get(word) {
            return Some(g);
        }
        if !create {
            return None;
        }
        let g = self.new_actor(ActorKind::Person, Some(NameParts::single(word)));
        self.single.insert(word.to_string(), g);
        Some(g)
    }

    /// A weak entity joins an actor only when its name is already known.
    fn known(&mut self, keyed: &(String, NameParts)) -> Option<usize> {
        let (key, parts) = keyed;
        if key.is_empty() {
            return None;
        }
        if parts.len() >= 2 {
            let bucket = self.by_surname.get(parts.surname())?;
            return bucket.iter().copied().find(|&g| {
                self.actors[g]
                    .parts
                    .as_ref()
                    .is_some_and(|p| same_person(p, parts))
            });
        }
        // A lone word with no evidence of its own ("Sheffield 3", "Power
        // rises") is not taken for another article's person: one word may
        // name a club, a city or a common thing as well as a surname.
        self.single
            .get(key)
            .copied()
            .or_else(|| self.by_key[slot(ActorKind::Place)].get(key).copied())
            .or_else(|| self.by_key[slot(ActorKind::Organisation)].get(key).copied())
    }
}

/// Merges per-article actors (`found[a]` names those of `articles[a]`,
/// found with `lx`) into corpus actors and fills each article's
/// `mentions` with global actor ids.
pub fn merge(lx: &Lexicon, articles: &mut [Article], found: Vec<ArticleActors>) -> Vec<Actor> {
    let mut interned = Interned::default();
    let list = found
        .into_iter()
        .enumerate()
        .map(|(a, f)| interned.local(f, articles.get(a).map_or("", |art| &art.raw)))
        .collect();
    merge_locals(lx, articles, Locals { list, interned })
}

/// [`merge`] of findings already made [`Local`] as their articles were
/// parsed.
pub fn merge_locals(lx: &Lexicon, articles: &mut [Article], locals: Locals) -> Vec<Actor> {
    merge_tallied(lx, articles, locals, None)
}

/// [`merge_locals`], given the distinct entities when they were tallied
/// as the articles were parsed (article by article in the parse's
/// threads, while each article's entities are at hand) instead of by a
/// pass over every [`Local`] after the parse.
pub fn merge_tallied(
    lx: &Lexicon,
    articles: &mut [Article],
    locals: Locals,
    distinct: Option<DistinctTally>,
) -> Vec<Actor> {
    let Locals {
        list: locals,
        interned,
    } = locals;
    let mut ix = Index::default();
    let keys = keys_by_form(&interned, lx);
    let keyed = |e: &Entity| &keys[e.form as usize];
    // Pass 1: lexicon entities and full names; pass 2: one-word names with
    // evidence; pass 3: weak names that match something known. Each pass
    // places an entity by its fields and what is known so far: each
    // distinct entity once, in order of first appearance (see
    // `distinct`), stands for all its copies. Pass 2 weighs mention
    // counts; for a one-word name they change only as that word is
    // placed, so its first copy decides for the rest too.
    let distinct = match distinct {
        Some(tally) => tally.in_order(),
        None => distinct::in_order(&locals),
    };
    let mut placed: Vec<Option<usize>> = vec![None; distinct.len()];
    for pass in 0..3 {
        for ((e, mentions), at) in distinct.iter().zip(placed.iter_mut()) {
            if at.is_some() {
                continue;
            }
            let g = match pass {
                0 if !e.weak => ix.place_entity(e, keyed(e), lx, false),
                1 if !e.weak => ix.place_entity(e, keyed(e), lx, true),
                2 if e.lexicon().is_none() => ix.known(keyed(e)),
                _ => None,
            };
            if let Some(g) = g {
                ix.actors[g].mentions += mentions;
                *at = Some(g);
            }
        }
    }
    let actor: FxMap<Entity, usize> = distinct
        .iter()
        .zip(&placed)
        .filter_map(|((e, _), g)| Some((*e, (*g)?)))
        .collect();
    drop(distinct);
    drop(placed);
    let mut global = Assigned::new(&locals);
    global.fill(&locals, |e| actor.get(e).copied());
    drop(actor);
    drop(keys);
    // Roles and role texts. (Kinds are set when an actor is made; forms
    // are counted with the mentions below.)
    let gathered = forms::gather_roles(
        articles,
        &locals,
        &interned,
        &global,
        ix.actors.len(),
        MAX_ROLES,
    );
    for (p, g) in ix.actors.iter_mut().zip(gathered) {
        p.roles = g.roles;
        p.role_texts = g.role_texts;
    }
    // Mentions, then role references resolved against the roles held: each
    // article on its own, so in parallel, and the forms of its mentions
    // counted while its local actors and text are at hand. Each article's
    // local actors are freed as soon as its mentions are built, which
    // keeps the peak down.
    let piece = (articles.len() / (8 * rayon::current_num_threads()).max(1)).max(FORM_PIECE);
    let tallied = articles
        .par_iter_mut()
        .zip(locals.into_par_iter())
        .enumerate()
        // Pieces of at least an eighth of a thread's share (and 256
        // articles): each keeps a map of the forms it saw until they are
        // added up, and the threads still share the work evenly.
        .with_min_len(piece)
        .fold(forms::FormTally::default, |mut t, (a, (article, l))| {
            let global = global.of(a);
            // Room for every mention and every resolved reference, so the
            // list the article keeps has no spare capacity.
            let mut mentions: Vec<Mention> = Vec::with_capacity(l.mention_count() + l.ref_count());
            mentions.extend(l.mentions().filter_map(|m| {
                Some(Mention {
                    span: m.span,
                    actor: actor_of(global, m.entity)? as u32,
                    kind: MentionKind::Name,
                    sentence: m.sentence,
                    place: MentionPlace::Body,
                })
            }));
            refs::resolve(&l, global, &interned, &ix.actors, &mut mentions);
            // Names come in reading order: most articles' lists are sorted.
            if !mentions.is_sorted_by_key(|m| (m.span.start, m.span.end)) {
                mentions.sort_by_key(|m| (m.span.start, m.span.end));
            }
            place_outside(article, &mut mentions);
            article.mentions = mentions.into();
            let article: &Article = article;
            forms::count_forms(&mut t, a as u32, &article.raw, &l, global);
            t
        })
        .reduce(forms::FormTally::default, forms::added);
    for (g, form, n) in forms::forms_in_order(tallied) {
        if let Some(p) = ix.actors.get_mut(g) {
            p.forms.push((form.to_string(), n));
        }
    }
    // Each piece of the articles flags what its mentions say; the flags
    // add up by OR.
    let actors = ix.actors.len();
    let places = articles
        .par_chunks(
            articles
                .len()
                .div_ceil(rayon::current_num_threads())
                .max(1024),
        )
        .map(|piece| credits::places(piece, actors))
        .reduce(Vec::new, |x, y| {
            if x.len() < y.len() {
                or_into(y, &x)
            } else {
                or_into(x, &y)
            }
        });
    ix.actors
        .into_iter()
        .enumerate()
        .map(|(id, p)| {
            let mut actor = finish(id, p, lx);
            if actor.role.is_none() {
                let flags = places.get(id).copied().unwrap_or(0);
                actor.role = credits::role(actor.kind, flags).map(str::to_string);
            }
            actor
        })
        .collect()
}

/// `into` with each of `from`'s flags added.
fn or_into(mut into: Vec<u8>, from: &[u8]) -> Vec<u8> {
    for (x, y) in into.iter_mut().zip(from) {
        *x |= y;
    }
    into
}

/// The actor stage read the article's outside sentences after its body
/// sentences: a mention past the body's count is in one of those, and is
/// given that index and the place of its line.
fn place_outside(article: &Article, mentions: &mut [Mention]) {
    let body = article.sentences.len() as u32;
    for m in mentions.iter_mut().filter(|m| m.sentence >= body) {
        m.sentence -= body;
        m.place = article
            .block_at(m.span.start)
            .and_then(|b| MentionPlace::of_class(b.class))
            .filter(|p| *p != MentionPlace::Body)
            .unwrap_or(MentionPlace::Headline);
    }
}

/// The public actor: canonical name (lexicon name, else the most mentioned
/// of the fullest forms), aliases, most frequent role text.
fn finish(id: usize, p: Pending, lx: &Lexicon) -> Actor {
    let lex = p.lexicon.map(|i| &lx.entity_list[i as usize]);
    let words = |f: &str| f.split_whitespace().count();
    let most = p.forms.iter().map(|(f, _)| words(f)).max().unwrap_or(0);
    let name = match lex {
        Some(e) => e.canonical.clone(),
        None => p
            .forms
            .iter()
            .filter(|(f, _)| words(f) == most)
            .fold(None::<&(String, u32)>, |best, x| match best {
                Some(b) if b.1 >= x.1 => Some(b),
                _ => Some(x),
            })
            .map_or_else(String::new, |(f, _)| f.clone()),
    };
    let mut aliases = vec![name.clone()];
    for (f, _) in &p.forms {
        if !aliases.contains(f) {
            aliases.push(f.clone());
        }
    }
    // "King Tomas" is also "Tomas": the name without its title.
    if p.kind == ActorKind::Person && lex.is_none() {
        for i in 0..aliases.len() {
            if let Some(bare) = untitled::without_title(&aliases[i], lx)
                && !aliases.iter().any(|a| a == bare)
            {
                aliases.push(bare.to_string());
            }
        }
    }
    let role = lex.and_then(|e| e.role.clone()).or_else(|| {
        p.role_texts
            .iter()
            .fold(None::<&(String, u32)>, |best, x| match best {
                Some(b) if b.1 >= x.1 => Some(b),
                _ => Some(x),
            })
            .map(|(t, _)| t.clone())
    });
    Actor {
        id: id as u32,
        name,
        kind: p.kind,
        role,
        aliases,
        mention_count: 0,
    }
}
