//! What one article leaves for merging: the actor stage's findings with
//! each local entity cut to what merging reads of it, and each name form
//! and role given as its number in a table every article shares.

use super::super::roles::RoleDesc;
use super::super::{ArticleActors, LocalEntity, LocalMention};
use crate::hash::FxMap;
use crate::model::{ActorKind, Span};

/// A local entity as merging reads it: its name form, kind, whether it is
/// weak and its lexicon entry. The evidence that decided its kind is not
/// kept: a large corpus holds millions of these until merging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entity {
    /// The form merging compares by, numbered in the load's [`Interned`]
    /// (the empty form for a lexicon entity, which is compared by entry).
    pub form: FormId,
    /// Index into the lexicon's entities, or [`Entity::NO_LEXICON`].
    lexicon: u32,
    pub kind: Option<ActorKind>,
    pub weak: bool,
}

impl Entity {
    const NO_LEXICON: u32 = u32::MAX;

    /// Index into the lexicon's entities, when the entity is one.
    pub fn lexicon(&self) -> Option<u32> {
        (self.lexicon != Self::NO_LEXICON).then_some(self.lexicon)
    }
}

/// A role's number in an [`Interned`].
pub type RoleId = u32;

/// A name form's number in an [`Interned`].
pub type FormId = u32;

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
    fn role_id(&mut self, role: RoleDesc) -> RoleId {
        if let Some(&id) = self.role_ids.get(&role) {
            return id;
        }
        let id = self.roles.len() as RoleId;
        self.roles.push(role.clone());
        self.role_ids.insert(role, id);
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

    /// Every name form, in the order of their numbers.
    pub fn forms(&self) -> &[Box<str>] {
        &self.forms
    }

    /// One article's findings for merging, its name forms (read from its
    /// text `raw`) and roles numbered in this table.
    pub fn local(&mut self, found: ArticleActors, raw: &str) -> Local {
        let ArticleActors {
            entities,
            mentions,
            refs,
            roles,
            role_texts,
        } = found;
        Local {
            entities: entities.iter().map(|e| self.entity(e, raw)).collect(),
            mentions,
            refs: refs
                .into_iter()
                .map(|r| Ref {
                    span: r.span,
                    sentence: r.sentence,
                    desc: self.role_id(r.desc),
                })
                .collect(),
            roles: roles
                .into_iter()
                .map(|(e, r)| (e, self.role_id(r)))
                .collect(),
            role_texts,
        }
    }

    fn entity(&mut self, e: &LocalEntity, raw: &str) -> Entity {
        let form = match e.lexicon() {
            Some(_) => "",
            None => e.name.text(raw),
        };
        Entity {
            form: self.form_id(form),
            lexicon: e.lexicon().unwrap_or(Entity::NO_LEXICON),
            kind: e.kind,
            weak: e.weak,
        }
    }
}

/// A role reference to resolve at corpus level ("the Russian president"),
/// its role numbered in the load's [`Interned`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref {
    pub span: Span,
    pub sentence: u32,
    /// `possessor` = local entity index.
    pub desc: RoleId,
}

/// One article's actors before merging: its entities (compact), mentions,
/// role references, roles and role texts as the actor stage found them.
#[derive(Debug, Default)]
pub struct Local {
    pub entities: Vec<Entity>,
    /// In reading order.
    pub mentions: Vec<LocalMention>,
    pub refs: Vec<Ref>,
    /// Roles by entity index (sorted; each entity's in order of
    /// appearance); `possessor` = local entity index.
    pub roles: Vec<(u32, RoleId)>,
    /// Where those titles are written, by entity index like `roles`.
    pub role_texts: Vec<(u32, Span)>,
}

impl Local {
    /// The roles of local entity `e`.
    pub fn roles_of<'a>(
        &'a self,
        e: usize,
        table: &'a Interned,
    ) -> impl Iterator<Item = &'a RoleDesc> + 'a {
        let from = self.roles.partition_point(|(x, _)| (*x as usize) < e);
        let to = self.roles.partition_point(|(x, _)| (*x as usize) <= e);
        self.roles[from..to].iter().map(|&(_, r)| table.role(r))
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
        assert_eq!(
            local.entities[0],
            Entity {
                form: 0,
                lexicon: Entity::NO_LEXICON,
                kind: Some(ActorKind::Place),
                weak: true,
            }
        );
        assert_eq!(local.entities[0].lexicon(), None);
        // One number for one form, whichever entity has it.
        let forms: Vec<&str> = local
            .entities
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
        // "mayor" once; "clerk" of no one and "clerk" of entity 0 differ.
        assert_eq!(table.roles.len(), 3);
        assert_eq!(a.roles[0].1, b.roles[0].1);
        assert_ne!(a.roles[1].1, b.roles[1].1);
        assert_eq!(a.refs[0].desc, a.roles[0].1);
        assert_eq!((a.refs[0].span, a.refs[0].sentence), (Span::new(4, 13), 2));
        let of = |l: &Local, e| -> Vec<RoleDesc> { l.roles_of(e, &table).cloned().collect() };
        assert_eq!(of(&b, 1), [role("clerk", Some(0))]);
        assert_eq!(of(&a, 0), [role("mayor", None)]);
        assert!(of(&a, 2).is_empty());
    }
}
