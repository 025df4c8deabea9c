//! What parsing leaves for the corpus-level steps, gathered as the
//! articles are parsed in parallel.

use super::{Parsed, actors, dates};
use crate::model::Article;
use crate::warning::Warning;
use rayon::prelude::*;
use std::sync::Mutex;

/// Each article, the actors it names, its unanchored dates: one entry
/// per article in each list, nested in pairs as parallel unzipping fills
/// them.
type Lists = (
    Vec<Article>,
    (Vec<actors::Local>, Vec<Option<Vec<dates::Candidate>>>),
);

/// What parsing leaves for the corpus-level steps, one entry per article
/// in lists side by side: parallel parsing writes each list in place, so
/// no list of whole [`Parsed`] results is held and then split (a second
/// copy of every article's fields at the peak of a load).
#[derive(Default)]
pub(super) struct Parts {
    /// The articles, the actors each found, its unanchored dates.
    pub(super) lists: Lists,
    /// The actors' name forms and roles, each once for the whole load.
    pub(super) interned: Mutex<actors::Interned>,
    /// The distinct entities of the articles, tallied as each is parsed,
    /// one tally per piece of the parallel work: what merging would
    /// otherwise gather in a pass over every article's [`actors::Local`]
    /// after the parse, on data long out of the cache.
    pub(super) tallies: Mutex<Vec<actors::DistinctTally>>,
    /// Entries that stand for a file that failed (ascending): removed
    /// before the corpus-level steps.
    pub(super) failed: Vec<usize>,
    /// Why each file failed, in file order.
    pub(super) warnings: Vec<Warning>,
}

impl Parts {
    /// Adds the results of `run` in its order, in place.
    pub(super) fn extend_parallel(
        &mut self,
        run: impl IndexedParallelIterator<Item = Result<Parsed, Warning>>,
    ) {
        let offset = self.lists.0.len();
        let failed = Mutex::new(Vec::new());
        let interned = &self.interned;
        let tallies = &self.tallies;
        let piece = || Piece {
            tally: actors::DistinctTally::default(),
            into: tallies,
        };
        self.lists
            .par_extend(run.enumerate().map_init(piece, |piece, (i, r)| match r {
                Ok(p) => {
                    // The shared table is held only to number forms and
                    // roles; tallying and packing run outside it.
                    let numbered = lock(interned).number(&p.actors, &p.article.raw);
                    piece.tally.add(
                        (offset + i) as u32,
                        numbered.entities().iter().copied(),
                        p.actors.mentions.iter().map(|m| m.entity),
                    );
                    (p.article, (numbered.pack(&p.actors), p.unanchored_dates))
                }
                Err(w) => {
                    lock(&failed).push((offset + i, w));
                    Default::default()
                }
            }));
        let mut failed = failed.into_inner().unwrap_or_default();
        failed.sort_unstable_by_key(|(i, _)| *i);
        for (i, w) in failed {
            self.failed.push(i);
            self.warnings.push(w);
        }
    }

    /// Adds one result after the others.
    pub(super) fn push(&mut self, r: Result<Parsed, Warning>) {
        match r {
            Ok(p) => {
                let numbered = lock(&self.interned).number(&p.actors, &p.article.raw);
                let mut tallies = lock(&self.tallies);
                if tallies.is_empty() {
                    tallies.push(actors::DistinctTally::default());
                }
                if let Some(t) = tallies.last_mut() {
                    t.add(
                        self.lists.0.len() as u32,
                        numbered.entities().iter().copied(),
                        p.actors.mentions.iter().map(|m| m.entity),
                    );
                }
                drop(tallies);
                let local = numbered.pack(&p.actors);
                self.lists.0.push(p.article);
                self.lists.1.0.push(local);
                self.lists.1.1.push(p.unanchored_dates);
            }
            Err(w) => self.warnings.push(w),
        }
    }
}

/// One piece of the parallel work's tally of distinct entities: handed
/// to the shared list when the piece is done.
struct Piece<'a> {
    tally: actors::DistinctTally,
    into: &'a Mutex<Vec<actors::DistinctTally>>,
}

impl Drop for Piece<'_> {
    fn drop(&mut self) {
        let tally = std::mem::take(&mut self.tally);
        lock(self.into).push(tally);
    }
}

/// What `m` guards, also after a panic elsewhere left it poisoned.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// `v` without the entries at `slots` (ascending).
pub(super) fn remove_slots<T>(v: &mut Vec<T>, slots: &[usize]) {
    if slots.is_empty() {
        return;
    }
    let (mut i, mut next) = (0, slots.iter().peekable());
    v.retain(|_| {
        let gone = next.next_if_eq(&&i).is_some();
        i += 1;
        !gone
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_slots_keeps_the_rest_in_order() {
        let mut v: Vec<u32> = (0..8).collect();
        remove_slots(&mut v, &[0, 3, 7]);
        assert_eq!(v, [1, 2, 4, 5, 6]);
        remove_slots(&mut v, &[]);
        assert_eq!(v, [1, 2, 4, 5, 6]);
    }
}
