//! What one article leaves for merging: the actor stage's findings with
//! each local entity cut to what merging reads of it, and each name form
//! and role given as its number in a table every article shares.

use super::super::roles::RoleDesc;
use super::super::{ArticleActors, LocalEntity};
pub use super::packed::{Entity, FormId, Local, Ref, RoleId};
use crate::hash::FxMap;

/// Every distinct role (with its possessor as a local entity index) and
/// every distinct name form the articles of one load name, each once. The
/// same few thousand names and few hundred titles recur across a large
/// corpus: numbered, an article's entities and roles hold no strings of
/// their own until merging, and merging works out each form's comparison
/// key once.
#[derive(Debug, Default)]
pub struct Interned {
    role_ids: FxMap<RoleDesc, RoleId>,
    roles: Vec<RoleDesc>,
    form_ids: FxMap<Box<str>, FormId>,
    forms: Vec<Box<str>>,
}

impl Interned {
    /// The number of `role`, given it when new.
    fn role_id(&mut self, role: &RoleDesc) -> RoleId {
        if let Some(&id) = self.role_ids.get(role) {
            return id;
        }
        let id = self.roles.len() as RoleId;
        self.roles.push(role.clone());
        self.role_ids.insert(role.clone(), id);
        id
    }

    /// The number of name form `form`, given it when new.
    fn form_id(&mut self, form: &str) -> FormId {
        if let Some(&id) = self.form_ids.get(form) {
            return id;
        }
        let id = self.forms.len() as FormId;
        self.forms.push(form.into());
        self.form_ids.insert(form.into(), id);
        id
    }

    /// The role numbered `id`.
    pub fn role(&self, id: RoleId) -> &RoleDesc {
        &self.roles[id as usize]
    }

    /// How many distinct roles there are (numbered from 0).
    pub fn role_count(&self) -> usize {
        self.roles.len()
    }

    /// Every name form, in the order of their numbers.
    pub fn forms(&self) -> &[Box<str>] {
        &self.forms
    }

    /// One article's findings for merging, its name forms (read from its
    /// text `raw`) and roles numbered in this table.
    pub fn local(&mut self, found: ArticleActors, raw: &str) -> Local {
        self.number(&found, raw).pack(&found)
    }

    /// The numbers of one article's name forms (read from its text `raw`)
    /// and roles in this table, giving new ones theirs: all of
    /// [`Interned::local`] that needs the table, so that a table shared
    /// by threads is held only that long.
    pub fn number(&mut self, found: &ArticleActors, raw: &str) -> Numbered {
        Numbered {
            entities: found.entities.iter().map(|e| self.entity(e, raw)).collect(),
            refs: found
                .refs
                .iter()
                .map(|r| Ref {
                    span: r.span,
                    sentence: r.sentence,
                    desc: self.role_id(&r.desc),
                })
                .collect(),
            roles: found
                .roles
                .iter()
                .map(|(e, r)| (*e, self.role_id(r)))
                .collect(),
        }
    }

    fn entity(&mut self, e: &LocalEntity, raw: &str) -> Entity {
        let form = match e.lexicon() {
            Some(_) => "",
            None => e.name.text(raw),
        };
        Entity::new(
            self.form_id(form),
            e.lexicon().unwrap_or(Entity::NO_LEXICON),
            e.kind,
            e.weak,
        )
    }
}

/// One article's entities, role references and roles with their forms and
/// roles numbered in an [`Interned`]: what [`Numbered::pack`] makes a
/// [`Local`] of.
#[derive(Debug, Default)]
pub struct Numbered {
    entities: Vec<Entity>,
    refs: Vec<Ref>,
    roles: Vec<(u32, RoleId)>,
}

impl Numbered {
    /// The article's entities, by index, with their forms numbered.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The article's [`Local`]: these numbers with the rest of `found`.
    pub fn pack(&self, found: &ArticleActors) -> Local {
        Local::pack(
            &self.entities,
            &found.mentions,
            &self.refs,
            &self.roles,
            &found.role_texts,
        )
    }
}

/// Every article's findings and the table their forms and roles are
/// numbered in: what merging takes.
#[derive(Debug, Default)]
pub struct Locals {
    pub list: Vec<Local>,
    pub interned: Interned,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Span};
    use crate::parse::actors::LocalRef;

    fn role(head: &str, possessor: Option<u32>) -> RoleDesc {
        RoleDesc {
            head: head.into(),
            possessor,
            ..RoleDesc::default()
        }
    }

    #[test]
    fn an_entity_keeps_what_merging_reads() {
        let place = |at: usize, len: usize| LocalEntity {
            name: Span::new(at, at + len),
            kind: Some(ActorKind::Place),
            weak: true,
            ..LocalEntity::default()
        };
        let found = ArticleActors {
            entities: vec![place(3, 6), place(28, 6), place(16, 7)],
            ..ArticleActors::default()
        };
        let mut table = Interned::default();
        let local = table.local(found, "At Velmar pier, Ostrova and Velmar met.");
        let entities: Vec<Entity> = local.entities().collect();
        assert_eq!(
            entities[0],
            Entity::new(0, Entity::NO_LEXICON, Some(ActorKind::Place), true)
        );
        assert_eq!(entities[0].lexicon(), None);
        // One number for one form, whichever entity has it.
        let forms: Vec<&str> = entities
            .iter()
            .map(|e| &*table.forms()[e.form as usize])
            .collect();
        assert_eq!(forms, ["Velmar", "Velmar", "Ostrova"]);
        assert_eq!(table.forms().len(), 2);
        assert_eq!(std::mem::size_of::<Entity>(), 12);
    }

    #[test]
    fn equal_roles_of_two_articles_share_one_number_and_read_back_whole() {
        let found = |possessor| ArticleActors {
            roles: vec![(0, role("mayor", None)), (1, role("clerk", possessor))],
            refs: vec![LocalRef {
                span: Span::new(4, 13),
                sentence: 2,
                desc: role("mayor", None),
            }],
            ..ArticleActors::default()
        };
        let mut table = Interned::default();
        let a = table.local(found(None), "");
        let b = table.local(found(Some(0)), "");
        let (a_roles, b_roles): (Vec<_>, Vec<_>) = (a.roles().collect(), b.roles().collect());
        let a_refs: Vec<Ref> = a.refs().collect();
        // "mayor" once; "clerk" of no one and "clerk" of entity 0 differ.
        assert_eq!(table.roles.len(), 3);
        assert_eq!(a_roles[0].1, b_roles[0].1);
        assert_ne!(a_roles[1].1, b_roles[1].1);
        assert_eq!(a_refs[0].desc, a_roles[0].1);
        assert_eq!((a_refs[0].span, a_refs[0].sentence), (Span::new(4, 13), 2));
        let of = |l: &Local, e: u32| -> Vec<RoleDesc> {
            l.roles()
                .filter(|&(x, _)| x == e)
                .map(|(_, r)| table.role(r).clone())
                .collect()
        };
        assert_eq!(of(&b, 1), [role("clerk", Some(0))]);
        assert_eq!(of(&a, 0), [role("mayor", None)]);
        assert!(of(&a, 2).is_empty());
    }
}
