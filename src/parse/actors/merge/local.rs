//! What one article leaves for merging: the actor stage's findings with
//! each local entity cut to what merging reads of it.

use super::super::{ArticleActors, LocalEntity};
use crate::model::{ActorKind, Span};

/// A local entity as merging reads it: its name, kind, whether it is weak
/// and its lexicon entry. The evidence that decided its kind is not kept:
/// a large corpus holds millions of these until merging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    pub name: Span,
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

impl From<&LocalEntity> for Entity {
    fn from(e: &LocalEntity) -> Self {
        Entity {
            name: e.name,
            lexicon: e.lexicon().unwrap_or(Self::NO_LEXICON),
            kind: e.kind,
            weak: e.weak,
        }
    }
}

/// One article's actors before merging: its entities (compact), and its
/// mentions, role references and roles as the actor stage found them
/// (with no entities of their own: those are in `entities`).
#[derive(Debug, Default)]
pub struct Local {
    pub entities: Vec<Entity>,
    pub found: ArticleActors,
}

impl From<ArticleActors> for Local {
    fn from(mut found: ArticleActors) -> Self {
        let entities = found.entities.iter().map(Entity::from).collect();
        found.entities = Vec::new();
        Local { entities, found }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entity_keeps_what_merging_reads_and_the_stage_list_is_emptied() {
        let found = ArticleActors {
            entities: vec![LocalEntity {
                name: Span::new(3, 9),
                kind: Some(ActorKind::Place),
                weak: true,
                ..LocalEntity::default()
            }],
            ..ArticleActors::default()
        };
        let local = Local::from(found);
        assert!(local.found.entities.is_empty());
        assert_eq!(
            local.entities,
            [Entity {
                name: Span::new(3, 9),
                lexicon: Entity::NO_LEXICON,
                kind: Some(ActorKind::Place),
                weak: true,
            }]
        );
        assert_eq!(local.entities[0].lexicon(), None);
        assert_eq!(std::mem::size_of::<Entity>(), 16);
    }
}
