//! Role references ("the Russian president", "his counterpart")
//! resolved, one article at a time, against the roles each person holds
//! in that article (else anywhere in the corpus).

use super::super::roles::{RoleDesc, unique_counterpart, unique_holder};
use super::Pending;
use super::assigned::{actor_of, to_global};
use super::local::{Interned, Local};
use crate::hash::FxMap;
use crate::model::{ActorKind, Mention, MentionKind, MentionPlace};

/// Adds to `mentions` (article `l`'s named mentions, with global actors)
/// each of its role references that one person fits, unless a person's
/// name is written there already; `global` says which actor each of its
/// entities became.
pub(super) fn resolve(
    l: &Local,
    global: &[u32],
    interned: &Interned,
    actors: &[Pending],
    mentions: &mut Vec<Mention>,
) {
    // Most articles have none: nothing to gather roles for.
    if l.ref_count() == 0 {
        return;
    }
    // Roles each person holds in this article (else anywhere): every
    // person has an entry, and the roles (in entity order) fill them.
    let person = |e: u32| actor_of(global, e).filter(|&g| actors[g].kind == ActorKind::Person);
    let mut local_roles: FxMap<u32, Vec<RoleDesc>> = FxMap::default();
    for i in 0..global.len() {
        if let Some(g) = person(i as u32) {
            local_roles.entry(g as u32).or_default();
        }
    }
    for (e, r) in l.roles() {
        if let Some(g) = person(e) {
            let mut r = interned.role(r).clone();
            r.possessor = to_global(global, r.possessor);
            local_roles.entry(g as u32).or_default().push(r);
        }
    }
    let roles_of = |g: u32| -> &[RoleDesc] {
        match local_roles.get(&g) {
            Some(v) if !v.is_empty() => v,
            _ => &actors[g as usize].roles,
        }
    };
    let mut persons: Vec<u32> = local_roles.keys().copied().collect();
    persons.sort_unstable();
    let mut by_start = false;
    for r in l.refs() {
        let mut want = interned.role(r.desc).clone();
        want.possessor = to_global(global, want.possessor);
        let is_person = |m: &&Mention| actors[m.actor as usize].kind == ActorKind::Person;
        let got = if want.counterpart {
            let subject = mentions
                .iter()
                .filter(|m| m.sentence == r.sentence && m.span.end <= r.span.start)
                .filter(is_person)
                .max_by_key(|m| m.span.start)
                .map(|m| m.actor);
            subject.and_then(|s| {
                unique_counterpart(
                    roles_of(s),
                    want.nat.as_deref(),
                    persons
                        .iter()
                        .filter(|&&p| p != s)
                        .map(|&p| (p, roles_of(p))),
                )
            })
        } else if want.generic {
            let before: Vec<u32> = mentions
                .iter()
                .filter(|m| m.sentence == r.sentence && m.span.end <= r.span.start)
                .filter(is_person)
                .map(|m| m.actor)
                .collect();
            unique_holder(&want, before.iter().map(|&p| (p, roles_of(p))))
        } else {
            unique_holder(
                &want,
                persons
                    .iter()
                    .filter(|&&p| Some(p) != want.possessor)
                    .map(|&p| (p, roles_of(p))),
            )
        };
        if let Some(g) = got {
            let clash = mentions.iter().any(|m| {
                m.span.overlaps(r.span) && actors[m.actor as usize].kind == ActorKind::Person
            });
            if !clash {
                let role = Mention {
                    span: r.span,
                    actor: g,
                    kind: MentionKind::Role,
                    sentence: r.sentence,
                    place: MentionPlace::Body,
                };
                add_by_start(mentions, role, &mut by_start);
            }
        }
    }
}

/// Adds `m` to `mentions` and leaves them stably sorted by start, as
/// pushing it and sorting would: the first time by sorting (the named
/// mentions may be in another order), after that (`sorted` set) by putting
/// it after every mention that starts no later, without a sort.
fn add_by_start(mentions: &mut Vec<Mention>, m: Mention, sorted: &mut bool) {
    if *sorted {
        let at = mentions.partition_point(|x| x.span.start <= m.span.start);
        mentions.insert(at, m);
    } else {
        mentions.push(m);
        mentions.sort_by_key(|x| x.span.start);
        *sorted = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn adding_in_order_is_pushing_and_sorting_stably() {
        let m = |start: u32, end: u32, actor: u32| Mention {
            span: Span { start, end },
            actor,
            kind: MentionKind::Name,
            sentence: 0,
            place: MentionPlace::Body,
        };
        // Named mentions out of order with equal starts, then role
        // mentions before, between, on and after them.
        let named = vec![m(30, 34, 0), m(10, 14, 1), m(30, 31, 2), m(20, 22, 3)];
        let (mut fast, mut slow) = (named.clone(), named);
        let mut sorted = false;
        for (i, start) in [25, 30, 5, 30, 99, 10].into_iter().enumerate() {
            let role = m(start, start + 3, 10 + i as u32);
            add_by_start(&mut fast, role.clone(), &mut sorted);
            slow.push(role);
            slow.sort_by_key(|x| x.span.start);
            assert_eq!(fast, slow);
        }
    }
}
