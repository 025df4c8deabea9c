//! People, organisations and places: mentions per article, then merged
//! across the corpus into actors.
//!
//! Per article ([`extract`], pure, run in parallel): each sentence is scanned
//! for names, lexicon entities, titles and role references (`names`); name
//! forms are grouped into local entities (a surname or a lone first name
//! joins the full name it abbreviates, `alias`), and each entity's kind is
//! decided from the evidence its mentions carry.
//!
//! Per corpus ([`merge`]): local entities become global actors by bucketed,
//! spelling-tolerant comparison, then role references are resolved against
//! the roles each actor holds (`roles`).

mod alias;
mod credits;
mod form_keys;
mod group;
mod lexicon;
mod lower_words;
mod merge;
mod names;
mod namesakes;
mod pieces;
mod roles;
mod tokens;
mod untitled;
mod user_actors;
mod word_hash;

pub use lexicon::Lexicon;
pub use merge::{DistinctTally, Interned, Local, Locals, merge, merge_locals, merge_tallied};

use crate::hash::FxMap;
use crate::model::{ActorKind, Span};
use alias::{NameParts, Words, same_person, skeleton_known};
use group::{GroupScratch, group};
use lower_words::LowerWords;
use names::Evidence;
use namesakes::{named, nearest_before};
use pieces::{MAX_SENTENCE_BYTES, pieces};
use roles::RoleDesc;
use std::cell::RefCell;
use std::num::NonZeroU32;

/// One actor as a single article sees it.
#[derive(Debug, Clone, Default)]
pub struct LocalEntity {
    /// The form merging compares by: of the distinct surface forms in order
    /// of first appearance, the last with the most words. A span, not a
    /// copy: a large corpus holds millions of these until merging.
    pub name: Span,
    /// None: no evidence of any kind; kept only if it matches a known actor.
    pub kind: Option<ActorKind>,
    pub ev: Evidence,
    /// Index into the lexicon's entities (place, organisation, user actor),
    /// plus one: a zero never is one, so the option costs no extra word in
    /// an entity a large corpus holds millions of until merging.
    lexicon: Option<NonZeroU32>,
    /// Every mention was weak (a lone capital with nothing to back it).
    pub weak: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalMention {
    pub span: Span,
    pub entity: u32,
    pub sentence: u32,
}

/// A role reference to resolve at corpus level ("the Russian president").
#[derive(Debug, Clone, PartialEq)]
pub struct LocalRef {
    pub span: Span,
    pub sentence: u32,
    /// `possessor` = local entity index.
    pub desc: RoleDesc,
}

/// What one article says about actors before cross-article merging.
#[derive(Debug, Clone, Default)]
pub struct ArticleActors {
    pub entities: Vec<LocalEntity>,
    /// In reading order.
    pub mentions: Vec<LocalMention>,
    pub refs: Vec<LocalRef>,
    /// Roles from titles and appositives, by entity index (sorted; each
    /// entity's in order of appearance); `possessor` = local entity index.
    /// Kept beside the entities, not in them: most entities have none, and
    /// a large corpus holds millions of entities until merging.
    pub roles: Vec<(u32, RoleDesc)>,
    /// Where those titles are written ("Deputy Harbour Commissioner"), by
    /// entity index like `roles`.
    pub role_texts: Vec<(u32, Span)>,
}

impl LocalEntity {
    /// Index into the lexicon's entities, when the entity is one.
    pub fn lexicon(&self) -> Option<u32> {
        self.lexicon.map(|i| i.get() - 1)
    }
}

impl ArticleActors {
    /// The roles of local entity `e`.
    pub fn roles_of(&self, e: usize) -> impl Iterator<Item = &RoleDesc> {
        of_entity(&self.roles, e).iter().map(|(_, r)| r)
    }
    /// Where the titles of local entity `e` are written.
    pub fn role_texts_of(&self, e: usize) -> impl Iterator<Item = Span> + '_ {
        of_entity(&self.role_texts, e).iter().map(|(_, s)| *s)
    }
}

/// The run of `v` (sorted by entity) that belongs to entity `e`.
fn of_entity<T>(v: &[(u32, T)], e: usize) -> &[(u32, T)] {
    let from = v.partition_point(|(x, _)| (*x as usize) < e);
    let to = v.partition_point(|(x, _)| (*x as usize) <= e);
    &v[from..to]
}

/// Finds the actors of one article, searching only inside `sentences`,
/// with what `lx` knows.
pub fn extract(lx: &Lexicon, raw: &str, sentences: &[Span]) -> ArticleActors {
    extract_beyond_body(lx, raw, sentences, sentences.len(), false, None)
}

/// [`extract`] where only the first `body` sentences are the article's
/// body and the rest are its headline, bylines and captions: a lone word
/// there is an actor only when the body names it too (a headline opens
/// on capitals: "Harbour dispute deepens"). On a page whose language
/// capitalises nouns (`nouns_capitalised`), every sentence is read the
/// way a headline is: capitals alone prove no name. So is the page's
/// headline (`title`) however short: "Harbour Deal Signed" names no one.
pub fn extract_beyond_body(
    lx: &Lexicon,
    raw: &str,
    sentences: &[Span],
    body: usize,
    nouns_capitalised: bool,
    title: Option<Span>,
) -> ArticleActors {
    let text = Text {
        raw,
        sentences,
        body,
        nouns_capitalised,
        title,
    };
    SCRATCH.with(|cell| {
        let Ok(mut kept) = cell.try_borrow_mut() else {
            // Not reached (nothing here re-enters), but never a panic.
            return extract_with(&text, lx, &mut Scratch::default());
        };
        let (id, kept) = &mut *kept;
        // Buffers last used with another lexicon are not reused.
        let mut scratch = if *id == Some(lx.id()) {
            std::mem::take(kept).rebind()
        } else {
            Scratch::default()
        };
        let out = extract_with(&text, lx, &mut scratch);
        *kept = scratch.rebind();
        *id = Some(lx.id());
        out
    })
}

thread_local! {
    /// The scan's buffers, kept by each thread from one article to the
    /// next (regrowing them for every article was most of the scan's
    /// remaining allocations), with the id of the lexicon they were last
    /// used with. Kept rebound to no lexicon: they refer into none
    /// between articles.
    static SCRATCH: RefCell<(Option<u64>, Scratch<'static>)> = RefCell::default();
}

/// Gives back this thread's scan buffers (see
/// [`crate::parse::release_thread_scratch`]).
pub fn release_thread_scratch() {
    SCRATCH.with(|cell| {
        if let Ok(mut scratch) = cell.try_borrow_mut() {
            *scratch = Default::default();
        }
    });
}

/// The buffers of one article: the scan's, and the hits and references of
/// all its sentences (regrown for every article, they were a tenth of the
/// grouping's cost).
#[derive(Default)]
struct Scratch<'a> {
    names: names::Scratch<'a>,
    found: names::SentenceHits,
    hits: Vec<(u32, names::Hit)>,
    refs: Vec<(u32, names::RefHit, usize)>,
    group: GroupScratch,
}

impl Scratch<'_> {
    /// The same buffers, for another lexicon (see [`names::Scratch::rebind`]).
    fn rebind<'b>(self) -> Scratch<'b> {
        Scratch {
            names: self.names.rebind(),
            found: self.found,
            hits: self.hits,
            refs: self.refs,
            group: self.group,
        }
    }
}

/// The article [`extract_beyond_body`] reads, as it was given.
struct Text<'t> {
    raw: &'t str,
    sentences: &'t [Span],
    body: usize,
    nouns_capitalised: bool,
    title: Option<Span>,
}

fn extract_with<'a>(text: &Text<'_>, lx: &'a Lexicon, scratch: &mut Scratch<'a>) -> ArticleActors {
    let &Text {
        raw,
        sentences,
        body,
        nouns_capitalised,
        title,
    } = text;
    // Whether a folded word also occurs in lower case: a capital at a
    // sentence start on such a word is grammar, not a name.
    let lower = LowerWords::new(raw, sentences);
    let seen = |k: &str| lower.contains(k);
    let Scratch {
        names: ns,
        found,
        hits,
        refs,
        group: gs,
    } = scratch;
    hits.clear();
    refs.clear();
    for (si, s) in sentences.iter().enumerate() {
        let Some(text) = raw.get(s.range()) else {
            continue;
        };
        // A "sentence" longer than prose ever is (a table or a list run
        // together) is scanned piece by piece, so that no sentence costs
        // more than a bounded amount of work per byte.
        let headline = title.is_some_and(|t| t.start <= s.start && s.end <= t.end);
        for (from, piece) in pieces(text, MAX_SENTENCE_BYTES) {
            let nouns = names::Capitals {
                nouns_capitalised,
                headline,
            };
            names::scan_with(piece, s.start as usize + from, lx, &seen, nouns, ns, found);
            let first_hit = hits.len();
            hits.extend(found.hits.drain(..).map(|h| (si as u32, h)));
            refs.extend(found.refs.drain(..).map(|r| (si as u32, r, first_hit)));
        }
    }
    let out = group(raw, hits, refs, body as u32, lx, gs);
    hits.clear();
    out
}

#[cfg(test)]
mod tests;
