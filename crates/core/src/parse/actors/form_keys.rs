//! Folded name forms to the local entity each names, for the grouping of
//! one article: the forms kept in one string, not a `String` each (an
//! allocation and a free for every distinct form of every article).

use crate::hash::FxMap;
use std::hash::BuildHasher;

#[derive(Default)]
pub struct FormKeys {
    /// Every form, end to end.
    text: String,
    /// A form's hash to its newest entry with that hash.
    newest: FxMap<u64, u32>,
    /// Each form's span in `text`, its entity, and the entry before it
    /// with the same hash (`NONE` for none).
    entries: Vec<Entry>,
}

struct Entry {
    start: usize,
    end: usize,
    entity: u32,
    before: u32,
}

const NONE: u32 = u32::MAX;

/// The hash of a form [`FormKeys::seek`] did not find.
#[derive(Clone, Copy)]
pub struct Unseen(u64);

/// Past this many bytes of forms, an emptied table gives its memory back:
/// one long article should not hold it for every small one after.
const KEEP_BYTES: usize = 1 << 16;

/// The table hash of `s`, as a key that owns nothing.
pub fn hash_of(s: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(s)
}

impl FormKeys {
    /// Emptied for the next article, room made for about `forms` forms.
    pub fn reset(&mut self, forms: usize) {
        if self.text.capacity() > KEEP_BYTES || self.newest.capacity() > 1024 {
            *self = FormKeys::default();
        } else {
            self.text.clear();
            self.newest.clear();
            self.entries.clear();
        }
        self.newest.reserve(forms);
    }

    /// The entity `form` names, if it has been seen.
    #[cfg(test)]
    pub fn get(&self, form: &str) -> Option<u32> {
        self.seek(form).ok()
    }

    /// The entity `form` names, or else its hash, for [`FormKeys::add`] to
    /// record it by without hashing and searching for it again.
    pub fn seek(&self, form: &str) -> Result<u32, Unseen> {
        let h = hash_of(form);
        match self.find(form, h) {
            Some(i) => Ok(self.entries[i as usize].entity),
            None => Err(Unseen(h)),
        }
    }

    /// Records that `form`, which [`FormKeys::seek`] did not find (nothing
    /// recorded since), names `entity`.
    pub fn add(&mut self, form: &str, Unseen(h): Unseen, entity: u32) {
        self.push(form, h, entity);
    }

    /// Records that `form` names `entity` (replacing what it named before).
    #[cfg(test)]
    pub fn insert(&mut self, form: &str, entity: u32) {
        let h = hash_of(form);
        if let Some(i) = self.find(form, h) {
            self.entries[i as usize].entity = entity;
            return;
        }
        self.push(form, h, entity);
    }

    /// A new entry for `form` (hash `h`), which the table does not hold.
    fn push(&mut self, form: &str, h: u64, entity: u32) {
        let start = self.text.len();
        self.text.push_str(form);
        let before = self.newest.get(&h).copied().unwrap_or(NONE);
        let Ok(i) = u32::try_from(self.entries.len()) else {
            // Past four billion forms (never one article): not kept.
            self.text.truncate(start);
            return;
        };
        self.entries.push(Entry {
            start,
            end: self.text.len(),
            entity,
            before,
        });
        self.newest.insert(h, i);
    }

    fn find(&self, form: &str, h: u64) -> Option<u32> {
        let mut i = *self.newest.get(&h)?;
        while let Some(e) = self.entries.get(i as usize) {
            if self.text.get(e.start..e.end) == Some(form) {
                return Some(i);
            }
            i = e.before;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_find_their_entity() {
        let mut k = FormKeys::default();
        k.reset(4);
        k.insert("ivo tamm", 0);
        k.insert("tamm", 0);
        k.insert("ola berg", 1);
        assert_eq!(k.get("ivo tamm"), Some(0));
        assert_eq!(k.get("tamm"), Some(0));
        assert_eq!(k.get("ola berg"), Some(1));
        assert_eq!(k.get("ola"), None);
        assert_eq!(k.get(""), None);
        k.insert("tamm", 2);
        assert_eq!(k.get("tamm"), Some(2));
        k.reset(0);
        assert_eq!(k.get("tamm"), None);
    }

    #[test]
    fn an_unseen_form_is_added_by_the_hash_its_search_found() {
        let mut k = FormKeys::default();
        k.reset(2);
        let Err(unseen) = k.seek("ivo tamm") else {
            panic!("an empty table holds no form");
        };
        k.add("ivo tamm", unseen, 3);
        assert_eq!(k.seek("ivo tamm").ok(), Some(3));
        assert!(k.seek("ivo").is_err());
        // Added after a form with a different text: both kept.
        let Err(unseen) = k.seek("tamm") else {
            panic!("not added yet");
        };
        k.add("tamm", unseen, 3);
        assert_eq!(k.get("tamm"), Some(3));
        assert_eq!(k.get("ivo tamm"), Some(3));
    }

    #[test]
    fn many_forms_stay_apart() {
        let mut k = FormKeys::default();
        k.reset(0);
        let forms: Vec<String> = (0..5000).map(|i| format!("form {i}")).collect();
        for (i, f) in forms.iter().enumerate() {
            k.insert(f, i as u32);
        }
        for (i, f) in forms.iter().enumerate() {
            assert_eq!(k.get(f), Some(i as u32));
        }
        // A long article's table is given back, not kept for the next.
        k.reset(0);
        assert!(k.text.capacity() <= KEEP_BYTES);
        assert_eq!(k.get("form 1"), None);
    }
}
