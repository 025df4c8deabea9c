//! Each short ASCII word's skeleton and whether it is a particle, worked
//! out once and kept by a thread from one article to the next: the
//! grouping asks them of every word of every name form an article has
//! not named before, and the same names' words recur from article to
//! article (a lookup of the word as a number is a fraction of lowering
//! it, asking the lexicon about it and making its skeleton).

use super::{LOWER_BUF, skeleton_of_ascii};
use crate::hash::FxMap;
use crate::parse::actors::lexicon::Lexicon;
use crate::parse::actors::word_hash::word_key;

/// The words known so far, as written (case kept), each with where its
/// skeleton is in `skeletons`. Good for one lexicon: the owner drops it
/// with the buffers it keeps for another.
#[derive(Default)]
pub struct Words {
    known: FxMap<u128, Known>,
    /// Every known word's skeleton, end to end.
    skeletons: String,
}

#[derive(Clone, Copy)]
struct Known {
    at: u32,
    len: u32,
    particle: bool,
}

/// Past this many words the table starts again: a thread holds a few
/// hundred kilobytes at most, however varied the names of a corpus.
const KEEP: usize = 1 << 14;

impl Words {
    /// Whether ASCII word `w` (as written, not empty) is a particle, and
    /// its skeleton: what [`super::NameParts::of`] and
    /// [`super::skeleton_into`] work out for it. None for a word that is
    /// not ASCII or is longer than fifteen bytes (the caller takes the
    /// general path).
    #[inline]
    pub fn get(&mut self, w: &[u8], lx: &Lexicon) -> Option<(bool, &str)> {
        let key = word_key(w)?;
        let k = match self.known.get(&key) {
            Some(&k) => k,
            None => self.learn(key, w, lx)?,
        };
        let sk = self
            .skeletons
            .get(k.at as usize..(k.at + k.len) as usize)
            .unwrap_or("");
        Some((k.particle, sk))
    }

    /// Works out `w`'s facts (key `key`) and keeps them.
    #[cold]
    fn learn(&mut self, key: u128, w: &[u8], lx: &Lexicon) -> Option<Known> {
        if !w.is_ascii() {
            return None;
        }
        if self.known.len() >= KEEP {
            self.known.clear();
            self.skeletons.clear();
        }
        // Lowered in a buffer of sixteen bytes or more from the word's
        // start, as the lexicon's one-load lookup reads it.
        let mut buf = [0u8; LOWER_BUF];
        let low = buf.get_mut(..w.len())?;
        for (d, &c) in low.iter_mut().zip(w) {
            *d = c.to_ascii_lowercase();
        }
        let particle = lx.facts_at(&buf, 0, w.len()).particle;
        let at = self.skeletons.len();
        skeleton_of_ascii(&buf[..w.len()], lx, &mut self.skeletons);
        let k = Known {
            at: u32::try_from(at).ok()?,
            len: u32::try_from(self.skeletons.len() - at).ok()?,
            particle,
        };
        self.known.insert(key, k);
        Some(k)
    }
}
