//! The distinct local entities of a load, in order of first appearance,
//! each with the mentions of all its copies.
//!
//! Where merging places an entity depends only on the entity's fields
//! (form, kind, weak, lexicon entry) and on what was placed before it:
//! every copy of one entity lands where its first copy did. So placing
//! runs once per distinct entity, in the order their first copies appear,
//! which is the order the articles' entities would be read one by one.
//! Finding the distinct entities and counting their mentions is work per
//! article, done in parallel; only the placing is serial, and it is as
//! long as the list of names, not the list of entities.

use super::local::{Entity, Local};
use crate::hash::FxMap;
use rayon::prelude::*;

/// Where an entity was first seen: its article, then its index there.
type Seen = (u32, u32);

/// The distinct entities of some articles, each with where it was first
/// seen and the mentions of all its copies: added to an article at a time
/// (in any order), added up, then put in order of first sight.
#[derive(Debug, Default)]
pub struct Tally {
    seen: FxMap<Entity, (Seen, u32)>,
    /// Mentions by entity of the article being added (kept for the next).
    mentions: Vec<u32>,
}

impl Tally {
    /// Adds article `a`: its `entities` (by index) and the entity of each
    /// of its mentions.
    pub fn add(
        &mut self,
        a: u32,
        entities: impl ExactSizeIterator<Item = Entity>,
        mentions: impl Iterator<Item = u32>,
    ) {
        self.mentions.clear();
        self.mentions.resize(entities.len(), 0);
        for e in mentions {
            if let Some(c) = self.mentions.get_mut(e as usize) {
                *c += 1;
            }
        }
        for (i, (e, &n)) in entities.zip(&self.mentions).enumerate() {
            let at = (a, i as u32);
            let x = self.seen.entry(e).or_insert((at, 0));
            x.0 = x.0.min(at);
            x.1 += n;
        }
    }

    /// Two tallies added up (the smaller into the larger): the earlier
    /// sighting stays, mentions add.
    pub fn added(x: Tally, y: Tally) -> Tally {
        let (mut into, from) = if x.seen.len() < y.seen.len() {
            (y, x)
        } else {
            (x, y)
        };
        for (e, (at, n)) in from.seen {
            let x = into.seen.entry(e).or_insert((at, 0));
            x.0 = x.0.min(at);
            x.1 += n;
        }
        into
    }

    /// Each distinct entity with its mentions, in the order their first
    /// copies appear.
    pub fn in_order(self) -> Vec<(Entity, u32)> {
        let mut list: Vec<(Seen, Entity, u32)> = self
            .seen
            .into_iter()
            .map(|(e, (at, n))| (at, e, n))
            .collect();
        // Each first sighting is one place: the sort is total.
        list.sort_unstable_by_key(|&(at, _, _)| at);
        list.into_iter().map(|(_, e, n)| (e, n)).collect()
    }
}

/// Each distinct entity with its mentions (those of every copy), in the
/// order their first copies appear.
pub(super) fn in_order(locals: &[Local]) -> Vec<(Entity, u32)> {
    locals
        .par_iter()
        .enumerate()
        // One piece per thread (none under 2048 articles): each keeps a
        // map until they are added up, so few are held at once.
        .with_min_len(
            locals
                .len()
                .div_ceil(rayon::current_num_threads())
                .max(2048),
        )
        .fold(Tally::default, |mut t, (a, l)| {
            t.add(a as u32, l.entities(), l.mentions().map(|m| m.entity));
            t
        })
        .reduce(Tally::default, Tally::added)
        .in_order()
}

#[cfg(test)]
mod tests {
    use super::super::local::Interned;
    use super::*;
    use crate::model::{ActorKind, Span};
    use crate::parse::actors::{ArticleActors, LocalEntity, LocalMention};

    fn local(table: &mut Interned, raw: &str, names: &[(usize, usize)], mentions: &[u32]) -> Local {
        let found = ArticleActors {
            entities: names
                .iter()
                .map(|&(at, len)| LocalEntity {
                    name: Span::new(at, at + len),
                    kind: Some(ActorKind::Person),
                    ..LocalEntity::default()
                })
                .collect(),
            mentions: mentions
                .iter()
                .map(|&entity| LocalMention {
                    span: Span::default(),
                    entity,
                    sentence: 0,
                })
                .collect(),
            ..ArticleActors::default()
        };
        table.local(found, raw)
    }

    #[test]
    fn distinct_entities_come_in_order_of_first_sight_with_every_copys_mentions() {
        let mut table = Interned::default();
        let raw = "Ana Varga met Ode Lind";
        let locals = vec![
            // Ode Lind, Ana Varga; Ode twice.
            local(&mut table, raw, &[(14, 8), (0, 9)], &[0, 1, 0]),
            // Ana Varga again, once.
            local(&mut table, raw, &[(0, 9)], &[0]),
            local(&mut table, raw, &[], &[]),
        ];
        let forms: Vec<(String, u32)> = in_order(&locals)
            .into_iter()
            .map(|(e, n)| (table.forms()[e.form as usize].to_string(), n))
            .collect();
        assert_eq!(
            forms,
            [("Ode Lind".to_string(), 2), ("Ana Varga".to_string(), 2)]
        );
    }

    #[test]
    fn tallies_made_piece_by_piece_in_any_order_give_the_pass_over_every_local() {
        let mut table = Interned::default();
        let raw = "Ana Varga met Ode Lind and Ivo Sand";
        let names: [&[(usize, usize)]; 5] = [
            &[(14, 8), (0, 9)],
            &[],
            &[(0, 9), (27, 8)],
            &[(27, 8), (14, 8), (0, 9)],
            &[(14, 8)],
        ];
        let mentions: [&[u32]; 5] = [&[0, 1, 0], &[], &[1, 0, 9], &[2, 2, 1, 0], &[0]];
        let locals: Vec<Local> = names
            .iter()
            .zip(mentions)
            .map(|(n, m)| local(&mut table, raw, n, m))
            .collect();
        let general = in_order(&locals);
        // Two pieces, each seeing its articles in a shuffled order, with
        // slots spaced out (as failed files leave gaps).
        let mut pieces = [Tally::default(), Tally::default()];
        for a in [3, 0, 4, 2, 1] {
            let l = &locals[a];
            pieces[a % 2].add(10 * a as u32, l.entities(), l.mentions().map(|m| m.entity));
        }
        let [x, y] = pieces;
        assert_eq!(Tally::added(x, y).in_order(), general);
        assert_eq!(general.len(), 3);
    }
}
