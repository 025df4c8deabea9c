//! What each merged actor is called and titled: its name forms with their
//! counts, its roles and the texts of its titles, each in order of first
//! appearance.
//!
//! Gathered in parallel over articles, because one pass in reading order
//! over every mention was the largest serial step left in merging. Each
//! piece of work tallies into maps keyed by (actor, thing) that keep where
//! the thing was first seen; the pieces are added up, and sorting by that
//! place gives exactly the lists the one serial pass would have built.

use super::super::roles::RoleDesc;
use super::assigned::{Assigned, actor_of, to_global};
use super::local::{Interned, Local, RoleId};
use crate::hash::FxMap;
use crate::model::Article;
use rayon::prelude::*;
use std::hash::Hash;

/// Where something was first seen: the article, then its place in that
/// article's list (mentions, roles or role texts).
type Seen = (u32, u32);

/// (actor, thing) -> (first seen, count).
pub(super) type Tally<K> = FxMap<(usize, K), (Seen, u32)>;

/// One actor's lists, in order of first appearance.
#[derive(Debug, Default, PartialEq)]
pub struct Gathered {
    /// Every surface form with its mentions.
    pub forms: Vec<(String, u32)>,
    /// The first `cap` distinct roles.
    pub roles: Vec<RoleDesc>,
    /// The first `cap` distinct title texts, each with all its occurrences.
    pub role_texts: Vec<(String, u32)>,
}

/// The roles and role texts of each of `actors` actors, given which actor
/// each local entity became (`global`), cut to the first `cap` distinct
/// ones; the forms are tallied later, with the mentions (see
/// [`count_forms`]).
///
/// Roles and role texts are tallied one after the other, each tally's
/// maps freed before the next is made: this step runs while the parse's
/// results are all still held, and several sets of maps at once (two or
/// more per thread while they are added up) were the top of a load's
/// memory.
pub fn gather_roles(
    articles: &[Article],
    locals: &[Local],
    interned: &Interned,
    global: &Assigned,
    actors: usize,
    cap: usize,
) -> Vec<Gathered> {
    let mut out: Vec<Gathered> = (0..actors).map(|_| Gathered::default()).collect();
    // A role is counted by numbers, not by a copy of its words: its
    // number with whose it is left out, and whose it is as a global actor.
    let unowned = Unowned::of(interned);
    let roles = tally(articles, locals, |t, a, _, l| {
        let global = global.of(a as usize);
        for (k, (e, r)) in l.roles().enumerate() {
            if let Some(g) = actor_of(global, e) {
                let possessor = to_global(global, interned.role(r).possessor);
                count(t, (g, (unowned.number(r), possessor)), (a, k as u32));
            }
        }
    });
    for (g, (number, possessor), _) in in_order(roles, cap) {
        if let Some(o) = out.get_mut(g) {
            let mut role = interned.role(unowned.example(number)).clone();
            role.possessor = possessor;
            o.roles.push(role);
        }
    }
    let role_texts = tally(articles, locals, |t, a, article, l| {
        let global = global.of(a as usize);
        let raw = article.raw.as_str();
        for (k, (e, span)) in l.role_texts().enumerate() {
            if let Some(g) = actor_of(global, e) {
                count(t, (g, span.text(raw)), (a, k as u32));
            }
        }
    });
    for (g, text, n) in in_order(role_texts, cap) {
        if let Some(o) = out.get_mut(g) {
            o.role_texts.push((text.to_string(), n));
        }
    }
    out
}

/// The roles of a load numbered with whose they are left out: two roles
/// that differ only in their possessor (a local entity, which may become
/// the same global actor in two articles or different ones) share a
/// number, so a role with its possessor made global is told by that
/// number and the global possessor.
struct Unowned {
    /// By role number: its number without a possessor.
    numbers: Vec<u32>,
    /// By number without a possessor: a role that has it.
    examples: Vec<RoleId>,
}

impl Unowned {
    fn of(interned: &Interned) -> Self {
        let mut seen: FxMap<RoleDesc, u32> = FxMap::default();
        let mut examples = Vec::new();
        let numbers = (0..interned.role_count() as RoleId)
            .map(|id| {
                let role = RoleDesc {
                    possessor: None,
                    ..interned.role(id).clone()
                };
                *seen.entry(role).or_insert_with(|| {
                    examples.push(id);
                    (examples.len() - 1) as u32
                })
            })
            .collect();
        Unowned { numbers, examples }
    }

    /// Role `id`'s number without its possessor.
    fn number(&self, id: RoleId) -> u32 {
        self.numbers.get(id as usize).copied().unwrap_or(u32::MAX)
    }

    /// A role whose number without its possessor is `number`.
    fn example(&self, number: u32) -> RoleId {
        self.examples.get(number as usize).copied().unwrap_or(0)
    }
}

/// Each surface form an actor's mentions are written in: (actor, form) ->
/// (first seen, mentions).
pub(super) type FormTally<'a> = Tally<&'a str>;

/// Counts the forms of article `a`'s mentions (its text `raw`, its local
/// actors `l`, which actor each entity became `global`) into `t`. Done
/// while the article's mentions are built, so its local actors and text
/// are read once for both.
pub(super) fn count_forms<'a>(
    t: &mut FormTally<'a>,
    a: u32,
    raw: &'a str,
    l: &Local,
    global: &[u32],
) {
    for (k, m) in l.mentions().enumerate() {
        if let Some(g) = actor_of(global, m.entity) {
            count(t, (g, m.span.text(raw)), (a, k as u32));
        }
    }
}

/// Two pieces' tallies added up (the smaller into the larger, which then
/// grows least; the sum is the same either way round).
pub(super) fn added<K: Hash + Eq>(x: Tally<K>, y: Tally<K>) -> Tally<K> {
    let (mut into, from) = if x.len() < y.len() { (y, x) } else { (x, y) };
    add(&mut into, from);
    into
}

/// Each actor's forms with their mentions, in order of first appearance:
/// (actor, form, mentions).
pub(super) fn forms_in_order(t: FormTally<'_>) -> impl Iterator<Item = (usize, &str, u32)> {
    in_order(t, usize::MAX)
}

/// One tally over every article in parallel: `visit` counts what one
/// article (its number, the article, its local actors) shows into a map.
fn tally<'a, K, F>(articles: &'a [Article], locals: &'a [Local], visit: F) -> Tally<K>
where
    K: Hash + Eq + Send,
    F: Fn(&mut Tally<K>, u32, &'a Article, &'a Local) + Sync,
{
    articles
        .par_iter()
        .zip(locals)
        .enumerate()
        // One piece per thread (and none under 2048 articles): each keeps
        // a map of what it saw until they are added up, so fewer pieces
        // mean less adding up and fewer maps held at once.
        .with_min_len(
            articles
                .len()
                .div_ceil(rayon::current_num_threads())
                .max(2048),
        )
        .fold(Tally::default, |mut t, (a, (article, l))| {
            visit(&mut t, a as u32, article, l);
            t
        })
        .reduce(Tally::default, added)
}

/// One more sighting of `key` at `seen` (pieces see articles in order, so
/// the first insert is the earliest).
fn count<K: Hash + Eq>(t: &mut Tally<K>, key: (usize, K), seen: Seen) {
    t.entry(key).or_insert((seen, 0)).1 += 1;
}

/// Adds tally `from` into `into`: counts add, the earlier sighting stays.
fn add<K: Hash + Eq>(into: &mut Tally<K>, from: Tally<K>) {
    for (k, (seen, n)) in from {
        let e = into.entry(k).or_insert((seen, 0));
        e.0 = e.0.min(seen);
        e.1 += n;
    }
}

/// (actor, thing, count) by actor, then first sighting; at most `cap` per
/// actor. Sightings are distinct for one actor (one place holds one thing).
fn in_order<K>(t: Tally<K>, cap: usize) -> impl Iterator<Item = (usize, K, u32)> {
    let mut v: Vec<((usize, K), (Seen, u32))> = t.into_iter().collect();
    v.sort_unstable_by_key(|((g, _), (seen, _))| (*g, *seen));
    let mut kept = 0;
    let mut last = usize::MAX;
    v.into_iter().filter_map(move |((g, k), (_, n))| {
        if g != last {
            last = g;
            kept = 0;
        }
        kept += 1;
        (kept <= cap).then_some((g, k, n))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_up_keeps_the_earliest_sighting_and_all_counts() {
        let mut x: Tally<&str> = FxMap::default();
        count(&mut x, (0, "Smith"), (3, 0));
        count(&mut x, (0, "Smith"), (3, 4));
        let mut y: Tally<&str> = FxMap::default();
        count(&mut y, (0, "Smith"), (1, 2));
        count(&mut y, (0, "Jane Smith"), (2, 0));
        add(&mut x, y);
        let order: Vec<_> = in_order(x, usize::MAX).collect();
        assert_eq!(order, vec![(0, "Smith", 3), (0, "Jane Smith", 1)]);
    }

    #[test]
    fn the_cap_keeps_the_first_distinct_per_actor() {
        let mut t: Tally<&str> = FxMap::default();
        for (k, w) in ["a", "b", "c", "a"].iter().enumerate() {
            count(&mut t, (1, w), (0, k as u32));
        }
        count(&mut t, (2, "z"), (0, 9));
        let order: Vec<_> = in_order(t, 2).collect();
        assert_eq!(order, vec![(1, "a", 2), (1, "b", 1), (2, "z", 1)]);
    }
}
