//! Lexicon tags over a tokenised sentence: roles ("Foreign Minister"),
//! places and organisations, nationality adjectives and stop words, each
//! multi-word phrase marked on its first token and covering the rest.
//! Continues [`Scan`](super::Scan); names are found afterwards among the
//! tokens left untagged.

use super::super::lexicon::{Entity, alone, class, key_of};
use super::{Scan, Shape, Tag};

impl<'a> Scan<'_, 'a> {
    /// Marks lexicon roles, entities, adjectives and stop words.
    pub(super) fn tag(&mut self) {
        let lx = self.lx;
        let n = self.toks.len();
        let mut i = 0;
        // The phrase buffers taken out of the scratch and put back at the
        // end (not the whole scratch, whose emptied copy would be dropped).
        let mut phrase = std::mem::take(&mut self.spare.phrase);
        let mut ends = std::mem::take(&mut self.spare.ends);
        self.spare.marked.clear();
        let taggable = std::mem::take(&mut self.spare.taggable);
        let mut next = taggable.iter().map(|&k| k as usize).peekable();
        loop {
            // Only a word that may take a tag is visited (the rest keep
            // none): the next at or after `i`.
            while next.next_if(|&k| k < i).is_some() {}
            let Some(k) = next.next() else { break };
            i = k;
            let t = self.toks[i];
            if !t.is_word() {
                i += 1;
                continue;
            }
            if t.glued {
                // "Kremlin-friendly": an adjective, but it may name an entity.
                let w = self.word(i);
                let head = w.split('-').next().unwrap_or(w);
                let caps = !head.chars().any(char::is_lowercase);
                self.tags[i] = match lx.entity(&key_of(head), caps) {
                    Some((idx, _)) => {
                        self.spare.marked.push(i as u32);
                        Tag::Ent(1, idx)
                    }
                    None => Tag::Stop,
                };
                i += 1;
                continue;
            }
            let mut maxw = usize::from(self.facts(i).max_words);
            // A longer phrase needs the next word to be able to follow
            // this one: most words that open a phrase ("the") are followed
            // by a word no phrase has there.
            if maxw > 1
                && (t.possessive
                    || !self.is_word(i + 1)
                    || !lx.may_pair(self.key(i), self.key(i + 1)))
            {
                maxw = 1;
            }
            let alone_bits = self.facts(i).alone;
            if maxw == 1 && alone_bits == 0 {
                maxw = 0;
            }
            let mut best: Option<(usize, Tag<'a>)> = None;
            if maxw > 0 {
                // Each longer phrase extends the last, so one buffer and the
                // length of each prefix do.
                phrase.clear();
                ends.clear();
                if maxw == 1 {
                    // One word (most openers, once the next word rules out
                    // a longer phrase): its key is the phrase, not copied.
                    ends.push((i, 0));
                } else {
                    let mut j = i;
                    while j < n && ends.len() < maxw && self.toks[j].is_word() {
                        if !phrase.is_empty() {
                            phrase.push(' ');
                        }
                        phrase.push_str(self.key(j));
                        ends.push((j, phrase.len()));
                        if self.toks[j].possessive {
                            break;
                        }
                        j += 1;
                    }
                }
                for &(j, ph_len) in ends.iter().rev() {
                    let ph = if maxw == 1 {
                        self.key(i)
                    } else {
                        &phrase[..ph_len]
                    };
                    let len = j - i + 1;
                    // The word alone is looked up only if some phrase is
                    // that word.
                    if len == 1 && alone_bits == 0 {
                        break;
                    }
                    // Read only for a phrase that may be an entity.
                    let caps = || {
                        self.toks[i..=j]
                            .iter()
                            .all(|t| matches!(t.shape, Shape::Upper | Shape::Letter))
                    };
                    if (len > 1 || alone_bits & alone::ENTITY != 0)
                        && (t.is_capital() && self.toks[j].is_capital()
                            || t.is_capital() && len > 1)
                        && let Some((idx, ent)) = lx.entity(ph, caps())
                        && !(len == 1 && self.surname_after_given_name(i, ent))
                    {
                        best = Some((len, Tag::Ent(len, idx)));
                        break;
                    }
                    if (len > 1 || alone_bits & alone::ROLE != 0)
                        && let Some(r) = lx.role(ph)
                    {
                        if r.capital && !t.is_capital() {
                            continue;
                        }
                        best = Some((len, Tag::Role(len, r)));
                        break;
                    }
                }
            }
            if let Some((len, tag)) = best {
                self.tags[i] = tag;
                self.spare.marked.push(i as u32);
                for k in i + 1..i + len {
                    self.tags[k] = Tag::Covered(i);
                }
                i += len;
                continue;
            }
            if t.is_capital() {
                let k = self.key(i);
                if let Some(c) = self.adjective(i, k) {
                    self.tags[i] = Tag::Adj(c);
                } else if self.facts(i).stop {
                    self.tags[i] = Tag::Stop;
                }
            }
            i += 1;
        }
        self.spare.phrase = phrase;
        self.spare.ends = ends;
        self.spare.taggable = taggable;
    }

    /// A one-word city or region right after a known given name is that
    /// person's surname ("Ann Sydney", "Ray Durham"), not the place.
    fn surname_after_given_name(&self, i: usize, ent: &Entity) -> bool {
        i > 0
            && !ent.is_country
            && !ent.user
            && ent.kind == crate::model::ActorKind::Place
            && self.toks[i - 1].shape == Shape::Cap
            && matches!(self.tags[i - 1], Tag::None)
            && self.is(i - 1, class::GIVEN_NAME)
    }
}
