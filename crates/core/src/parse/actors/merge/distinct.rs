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

/// Each distinct entity with its mentions (those of every copy), in the
/// order their first copies appear.
pub(super) fn in_order(locals: &[Local]) -> Vec<(Entity, u32)> {
    let seen: FxMap<Entity, (Seen, u32)> = locals
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
        // Each piece counts an article's mentions by entity in one buffer
        // it keeps for the next article.
        .fold(
            || (FxMap::default(), Vec::new()),
            |(mut t, mut mentions): (FxMap<Entity, (Seen, u32)>, Vec<u32>), (a, l)| {
                mentions.clear();
                mentions.resize(l.entity_count(), 0);
                for m in l.mentions() {
                    if let Some(c) = mentions.get_mut(m.entity as usize) {
                        *c += 1;
                    }
                }
                for (i, (e, &n)) in l.entities().zip(&mentions).enumerate() {
                    let at = (a as u32, i as u32);
                    let x = t.entry(e).or_insert((at, 0));
                    x.0 = x.0.min(at);
                    x.1 += n;
                }
                (t, mentions)
            },
        )
        .map(|(t, _)| t)
        .reduce(FxMap::default, |x, y| {
            let (mut into, from) = if x.len() < y.len() { (y, x) } else { (x, y) };
            for (e, (at, n)) in from {
                let x = into.entry(e).or_insert((at, 0));
                x.0 = x.0.min(at);
                x.1 += n;
            }
            into
        });
    let mut list: Vec<(Seen, Entity, u32)> =
        seen.into_iter().map(|(e, (at, n))| (at, e, n)).collect();
    // Each first sighting is one place: the sort is total.
    list.sort_unstable_by_key(|&(at, _, _)| at);
    list.into_iter().map(|(_, e, n)| (e, n)).collect()
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
}
