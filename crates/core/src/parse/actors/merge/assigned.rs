//! Which corpus actor each article's local entities became: the one
//! answer every later step of merging reads (forms, roles, mentions).

use super::local::Local;

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
            n += l.entities.len();
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

    pub(super) fn get(&self, a: usize, e: usize) -> Option<usize> {
        actor_of(self.of(a), e as u32)
    }

    pub(super) fn set(&mut self, a: usize, e: usize, g: usize) {
        if let Some(x) = self
            .starts
            .get(a)
            .and_then(|&from| self.actor.get_mut(from + e))
        {
            *x = g as u32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::local::Interned;
    use super::*;
    use crate::parse::actors::{ArticleActors, LocalEntity};

    #[test]
    fn each_article_reads_only_its_own_entities_and_unset_ones_are_none() {
        let with = |n: usize| {
            Interned::default().local(
                ArticleActors {
                    entities: vec![LocalEntity::default(); n],
                    ..ArticleActors::default()
                },
                "",
            )
        };
        let mut assigned = Assigned::new(&[with(2), with(0), with(3)]);
        assigned.set(0, 1, 7);
        assigned.set(2, 0, 4);
        assert_eq!(assigned.get(0, 1), Some(7));
        assert_eq!(assigned.get(0, 0), None);
        assert_eq!(assigned.get(2, 0), Some(4));
        assert_eq!(assigned.of(1), &[] as &[u32]);
        assert_eq!(assigned.of(2).len(), 3);
        assert_eq!(to_global(assigned.of(2), Some(0)), Some(4));
        assert_eq!(to_global(assigned.of(2), Some(9)), None);
        // An article past the end has no entities.
        assert_eq!(assigned.get(5, 0), None);
    }
}
