//! Which corpus actor each article's local entities became: the one
//! answer every later step of merging reads (forms, roles, mentions).

use super::local::{Entity, Local};
use rayon::prelude::*;

/// A possessor given as a local entity index, as the global actor that
/// entity became (None when it became none).
pub(super) fn to_global(global: &[u32], local: Option<u32>) -> Option<u32> {
    local.and_then(|le| actor_of(global, le)).map(|g| g as u32)
}

/// The global actor local entity `e` became, given one article's part of
/// [`Assigned`].
pub(super) fn actor_of(global: &[u32], e: u32) -> Option<usize> {
    global
        .get(e as usize)
        .filter(|&&g| g != Assigned::NONE)
        .map(|&g| g as usize)
}

/// Which global actor each local entity became, every article's in one
/// list (`starts[a]..starts[a + 1]` is article `a`'s): a few bytes per
/// entity and no list per article, for the millions of entities a large
/// corpus has.
pub(super) struct Assigned {
    starts: Vec<usize>,
    actor: Vec<u32>,
}

impl Assigned {
    /// An entity that became no actor.
    const NONE: u32 = u32::MAX;

    pub(super) fn new(locals: &[Local]) -> Self {
        let mut starts = Vec::with_capacity(locals.len() + 1);
        let mut n = 0;
        starts.push(0);
        for l in locals {
            n += l.entity_count();
            starts.push(n);
        }
        Assigned {
            starts,
            actor: vec![Self::NONE; n],
        }
    }

    /// Article `a`'s entities, each as [`actor_of`] reads it.
    pub(super) fn of(&self, a: usize) -> &[u32] {
        match (self.starts.get(a), self.starts.get(a + 1)) {
            (Some(&from), Some(&to)) => &self.actor[from..to],
            _ => &[],
        }
    }

    /// Every article's entities at once, in parallel: `actor(e)` is the
    /// actor entity `e` became.
    pub(super) fn fill(
        &mut self,
        locals: &[Local],
        actor: impl Fn(&Entity) -> Option<usize> + Sync,
    ) {
        let mut pieces: Vec<&mut [u32]> = Vec::with_capacity(locals.len());
        let mut rest = self.actor.as_mut_slice();
        for l in locals {
            let (piece, tail) = rest.split_at_mut(l.entity_count().min(rest.len()));
            pieces.push(piece);
            rest = tail;
        }
        pieces.into_par_iter().zip(locals).for_each(|(piece, l)| {
            for (slot, e) in piece.iter_mut().zip(l.entities()) {
                *slot = actor(&e).map_or(Self::NONE, |g| g as u32);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::local::Interned;
    use super::*;
    use crate::model::Span;
    use crate::parse::actors::{ArticleActors, LocalEntity};

    #[test]
    fn each_article_reads_only_its_own_entities_and_unplaced_ones_are_none() {
        let mut table = Interned::default();
        let mut with = |names: &[&str]| {
            let raw = names.join(" ");
            let mut at = 0;
            let entities = names
                .iter()
                .map(|n| {
                    let e = LocalEntity {
                        name: Span::new(at, at + n.len()),
                        ..LocalEntity::default()
                    };
                    at += n.len() + 1;
                    e
                })
                .collect();
            table.local(
                ArticleActors {
                    entities,
                    ..ArticleActors::default()
                },
                &raw,
            )
        };
        let locals = [
            with(&["Varga", "Lind"]),
            with(&[]),
            with(&["Lind", "Quill", "Varga"]),
        ];
        let mut assigned = Assigned::new(&locals);
        // Forms are numbered as first met: Varga 0, Lind 1, Quill 2.
        assigned.fill(&locals, |e| (e.form != 2).then_some(7 + e.form as usize));
        assert_eq!(assigned.of(0), &[7, 8]);
        assert_eq!(assigned.of(1), &[] as &[u32]);
        assert_eq!(actor_of(assigned.of(2), 0), Some(8));
        assert_eq!(actor_of(assigned.of(2), 1), None);
        assert_eq!(to_global(assigned.of(2), Some(2)), Some(7));
        assert_eq!(to_global(assigned.of(2), Some(9)), None);
        // An article past the end has no entities.
        assert_eq!(assigned.of(5), &[] as &[u32]);
    }
}
