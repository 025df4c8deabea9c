//! One article's hits grouped into its local entities: a surname or a lone
//! given name joins the full name it abbreviates, lexicon entities join by
//! entry, and each entity's kind is decided from its mentions' evidence.
//! The tables live in the thread's scratch from one article to the next.

use super::*;

/// The grouping's tables that own their keys, kept (cleared) from one
/// article to the next rather than built and dropped for each.
#[derive(Default)]
pub(super) struct GroupScratch {
    by_lexicon: FxMap<u32, u32>,
    by_key: form_keys::FormKeys,
    /// Full names by the hash of their surname: the first with each hash,
    /// the rest chained through [`FullName::next`] in order of appearance
    /// (a hash may hold more than one surname, which `same_person` tells
    /// apart). No list per surname, and no key copied.
    full_by_surname: FxMap<u64, u32>,
    /// The article's full names, in the order of their entities.
    full: Vec<FullName>,
    /// Tables by hit and by entity, and the key buffers: filled for each
    /// article in the buffers of the one before (a dozen allocations per
    /// article were a sixth of the grouping's cost).
    entity_of: Vec<Option<u32>>,
    ev_so_far: Vec<Evidence>,
    last_at: Vec<Option<usize>>,
    next_hit: Vec<u32>,
    upcoming: Vec<u32>,
    last_form: Vec<u32>,
    last_role: Vec<u32>,
    role_before: Vec<u32>,
    key_buf: String,
    sk_buf: String,
    /// Name words' skeletons, kept for the articles after this one.
    words: Words,
}

/// A full name of the article being grouped, as a node of its surname's
/// chain in [`GroupScratch::full`].
struct FullName {
    entity: u32,
    parts: NameParts,
    /// The next full name with the same surname hash, or [`NO_HIT`].
    next: u32,
}

/// `idx` as kept in [`LocalEntity`]; None only for an index no lexicon has.
fn lexicon_ref(idx: u32) -> Option<NonZeroU32> {
    NonZeroU32::new(idx.checked_add(1)?)
}

/// Groups hits (in sentence order) into local entities (alias resolution
/// inside one article); takes the references out of `refs`.
pub(super) fn group(
    raw: &str,
    hits: &[(u32, names::Hit)],
    refs: &mut Vec<(u32, names::RefHit, usize)>,
    body: u32,
    lx: &Lexicon,
    gs: &mut GroupScratch,
) -> ArticleActors {
    // Sized once from the hits (every hit becomes a mention, and no more
    // entities or keys than hits), not grown and rehashed as they come.
    let mut out = ArticleActors {
        entities: Vec::with_capacity(hits.len()),
        mentions: Vec::with_capacity(hits.len()),
        refs: Vec::with_capacity(refs.len()),
        ..ArticleActors::default()
    };
    let GroupScratch {
        by_lexicon,
        by_key,
        full_by_surname,
        full,
        entity_of,
        ev_so_far,
        last_at,
        next_hit,
        upcoming,
        last_form,
        last_role,
        role_before,
        key_buf,
        sk_buf,
        words,
    } = gs;
    refill(entity_of, hits.len(), None);
    reset(by_lexicon);
    by_key.reset(hits.len());
    reset(full_by_surname);
    if full.capacity() > 1024 {
        *full = Vec::new();
    } else {
        full.clear();
    }
    // A form's folded key, in one buffer (`key_buf`): copied into the map
    // only when new (most forms repeat one already seen).
    // Full names by surname: two forms are one person only when their
    // surnames agree, so a new form is compared only with those.
    let text_of = |h: &names::Hit| raw.get(h.start..h.end).unwrap_or("");
    let new_entity = |out: &mut ArticleActors, lexicon: Option<u32>| {
        out.entities.push(LocalEntity {
            lexicon: lexicon.and_then(lexicon_ref),
            weak: true,
            ..Default::default()
        });
        (out.entities.len() - 1) as u32
    };
    // Lexicon entities and full names first, so that surnames find them
    // wherever they appear.
    for (i, (_, h)) in hits.iter().enumerate() {
        if let Some(idx) = h.entity {
            let e = *by_lexicon
                .entry(idx)
                .or_insert_with(|| new_entity(&mut out, Some(idx)));
            entity_of[i] = Some(e);
        } else if h.words >= 2 {
            let t = text_of(h);
            let key = fold_into(key_buf, t);
            let seen = by_key.seek(key);
            let e = if let Ok(e) = seen {
                e
            } else {
                let parts = NameParts::of_known(t, lx, words);
                let hash = form_keys::hash_of(parts.surname());
                // The first full name with this surname hash that is the
                // same person, else the chain's last node (to link a new
                // one after).
                let mut found = None;
                let mut last = None;
                let mut at = full_by_surname.get(&hash).copied().unwrap_or(NO_HIT);
                while let Some(f) = full.get(at as usize) {
                    if same_person(&f.parts, &parts) && f.parts.len() >= 2 {
                        found = Some(f.entity);
                        break;
                    }
                    last = Some(at as usize);
                    at = f.next;
                }
                let e = found.unwrap_or_else(|| {
                    let e = new_entity(&mut out, None);
                    let node = full.len() as u32;
                    match last {
                        Some(l) => full[l].next = node,
                        None => {
                            full_by_surname.insert(hash, node);
                        }
                    }
                    full.push(FullName {
                        entity: e,
                        parts,
                        next: NO_HIT,
                    });
                    e
                });
                if let Err(unseen) = seen {
                    by_key.add(key_buf, unseen, e);
                }
                e
            };
            entity_of[i] = Some(e);
        }
    }
    // Person-like full names by surname and by first name. The evidence of
    // every entity so far is summed in one pass over the hits, not one pass
    // per full name (that was quadratic in a long article).
    refill(ev_so_far, out.entities.len(), Evidence::default());
    for (i, (_, h)) in hits.iter().enumerate() {
        if let Some(e) = entity_of[i] {
            let ev = &mut ev_so_far[e as usize];
            ev.person += h.ev.person;
            ev.place += h.ev.place;
            ev.org += h.ev.org;
        }
    }
    let person_like = |e: u32| {
        let ev = ev_so_far[e as usize];
        ev.person > 0 && ev.person >= ev.place && ev.person >= ev.org
    };
    // Person-like full names by surname and by given name, each list in
    // order of first appearance (the order of the entities).
    // Sorted (stably) by the name, so that each name's entities are one
    // run, in order: two lists, not a map with a list per name.
    let mut by_surname: Vec<namesakes::Named> = Vec::with_capacity(full.len());
    let mut by_given: Vec<namesakes::Named> = Vec::with_capacity(full.len());
    for f in full.iter().filter(|f| person_like(f.entity)) {
        by_surname.push(namesakes::entry(f.parts.surname(), f.entity));
        if f.parts.len() >= 2 {
            by_given.push(namesakes::entry(f.parts.given(), f.entity));
        }
    }
    // Entities grow in the order of `full`, so ordering equal names by
    // entity is the stable order, got without the stable sort's buffer.
    namesakes::sort(&mut by_surname);
    namesakes::sort(&mut by_given);
    // Where each entity was last mentioned before the hit at hand, and the
    // next of its hits grouped so far (full names and lexicon entities), for
    // a surname that several people share: each such hit links to the next
    // hit of its entity, and `upcoming` has each entity's next one still
    // ahead (flat lists, not a list per entity).
    refill(last_at, out.entities.len(), None);
    // The skeleton of the lone word at hand goes in one buffer for all
    // (`sk_buf`).
    refill(next_hit, hits.len(), NO_HIT);
    refill(upcoming, out.entities.len(), NO_HIT);
    for (i, e) in entity_of.iter().enumerate().rev() {
        if let Some(e) = e {
            next_hit[i] = upcoming[*e as usize];
            upcoming[*e as usize] = i as u32;
        }
    }
    for i in 0..hits.len() {
        if let Some(e) = entity_of[i] {
            let e = e as usize;
            if let Some(at) = last_at.get_mut(e) {
                *at = Some(hits[i].1.start);
            }
            if let Some(next) = upcoming.get_mut(e) {
                *next = next_hit[i];
            }
            continue;
        }
        let h = &hits[i].1;
        let t = text_of(h);
        let unseen = match by_key.seek(fold_into(key_buf, t)) {
            Ok(e) => {
                entity_of[i] = Some(e);
                continue;
            }
            Err(unseen) => unseen,
        };
        sk_buf.clear();
        skeleton_known(t, lx, words, sk_buf);
        let sk = &*sk_buf;
        let leans_person = h.ev.person >= h.ev.place && h.ev.person >= h.ev.org;
        let mut found = None;
        if leans_person && !sk.is_empty() {
            found = match named(&by_surname, sk) {
                [] => None,
                [(_, _, one)] => Some(*one),
                many => nearest_before(many, h.start, hits, last_at, upcoming),
            };
            if found.is_none()
                && let [(_, _, one)] = named(&by_given, sk)
            {
                found = Some(*one);
            }
        }
        // A word of a capitals line names someone the article writes in
        // mixed case, or nobody: it never becomes an actor of its own (nor
        // joins another article's through merging).
        if found.is_none() && h.weak && h.words == 1 && !t.chars().any(char::is_lowercase) {
            continue;
        }
        // Outside the body (a headline, a byline) a lone word the body
        // does not name is no actor of its own either, unless its context
        // makes it a person (a scorer's "Brask 25th", a title).
        if found.is_none() && h.words == 1 && hits[i].0 >= body && h.ev.person < 3 {
            continue;
        }
        let e = found.unwrap_or_else(|| new_entity(&mut out, None));
        by_key.add(key_buf, unseen, e);
        entity_of[i] = Some(e);
        let e = e as usize;
        if e >= last_at.len() {
            last_at.resize(e + 1, None);
        }
        last_at[e] = Some(h.start);
    }
    // Sentence-local hit index -> entity, for possessors. The hits are in
    // sentence order, so a sentence's first is found by bisection.
    let possessor_entity = |si: u32, p: Option<u32>| -> Option<u32> {
        let first = hits.partition_point(|(s, _)| *s < si);
        if hits.get(first).is_none_or(|(s, _)| *s != si) {
            return None;
        }
        entity_of.get(first + p? as usize).copied().flatten()
    };
    // Distinct forms per entity, only while grouping, chained through one
    // flat list (`last_form` has each entity's newest, each form the one
    // before) rather than kept in a list per entity (an allocation each).
    // Roles in flat lists too, put in entity order (stably) at the end.
    const NO_FORM: u32 = u32::MAX;
    refill(last_form, out.entities.len(), NO_FORM);
    let mut forms: Vec<(&str, u32)> = Vec::with_capacity(hits.len());
    let mut roles: Vec<(u32, RoleDesc)> = Vec::new();
    // Each entity's roles so far are told apart by comparing them, chained
    // like the forms (`last_role` has each entity's newest, `role_before`
    // each role the one before): an entity holds a handful, where hashing
    // every role's words into a set cost more than the comparisons. An
    // entity with more than `ROLE_WALK` roles is asked of a set of every
    // role instead, made the first time (so no article costs time
    // quadratic in its roles).
    refill(last_role, out.entities.len(), NO_FORM);
    refill(role_before, 0, NO_FORM);
    let mut role_set: Option<crate::hash::FxSet<(u32, RoleDesc)>> = None;
    let mut role_texts: Vec<(u32, Span)> = Vec::new();
    for (i, (si, h)) in hits.iter().enumerate() {
        let Some(e) = entity_of[i] else { continue };
        let t = raw.get(h.start..h.end).unwrap_or("");
        let ent = &mut out.entities[e as usize];
        let mut f = last_form[e as usize];
        while let Some(&(ft, before)) = forms.get(f as usize)
            && ft != t
        {
            f = before;
        }
        if f == NO_FORM {
            let first = last_form[e as usize] == NO_FORM;
            forms.push((t, last_form[e as usize]));
            last_form[e as usize] = (forms.len() - 1) as u32;
            if first || word_count(t) >= word_count(ent.name.text(raw)) {
                ent.name = Span::new(h.start, h.end);
            }
        }
        ent.weak &= h.weak;
        ent.ev.person += h.ev.person;
        ent.ev.place += h.ev.place;
        ent.ev.org += h.ev.org;
        for (r, (a, b)) in &h.roles {
            let r = RoleDesc {
                possessor: possessor_entity(*si, r.possessor),
                ..r.clone()
            };
            let held = held_in_chain(roles.as_slice(), role_before, last_role[e as usize], &r)
                .unwrap_or_else(|| {
                    role_set
                        .get_or_insert_with(|| roles.iter().cloned().collect())
                        .contains(&(e, r.clone()))
                });
            if !held {
                if let Some(set) = &mut role_set {
                    set.insert((e, r.clone()));
                }
                role_before.push(last_role[e as usize]);
                last_role[e as usize] = roles.len() as u32;
                roles.push((e, r));
            }
            if raw.get(*a..*b).is_some() {
                role_texts.push((e, Span::new(*a, *b)));
            }
        }
        out.mentions.push(LocalMention {
            span: Span::new(h.start, h.end),
            entity: e,
            sentence: *si,
        });
    }
    for ent in &mut out.entities {
        ent.kind = match ent.lexicon() {
            Some(idx) => lx.entity_list.get(idx as usize).map(|e| e.kind),
            None => kind_of(ent.ev),
        };
        if ent.lexicon.is_some() {
            ent.weak = false;
        }
    }
    for (si, r, first_hit) in refs.drain(..) {
        let mut desc = r.desc;
        desc.possessor = desc
            .possessor
            .and_then(|p| entity_of.get(first_hit + p as usize).copied().flatten());
        out.refs.push(LocalRef {
            span: Span::new(r.start, r.end),
            sentence: si,
            desc,
        });
    }
    // Hits come in sentence order, so the mentions mostly are in order.
    if !out.mentions.is_sorted_by_key(|m| m.span.start) {
        out.mentions.sort_by_key(|m| m.span.start);
    }
    roles.sort_by_key(|(e, _)| *e);
    role_texts.sort_by_key(|(e, _)| *e);
    out.roles = roles;
    out.role_texts = role_texts;
    // Not shrunk: the load packs these at once (`Interned::local`) and
    // drops them.
    out
}

/// `map` emptied for the next article: cleared, keeping its table, unless
/// a large article grew it past what most need (clearing costs the table's
/// size, which small articles after it should not pay).
fn reset<K, V>(map: &mut FxMap<K, V>) {
    const KEEP: usize = 1024;
    if map.capacity() > KEEP {
        *map = FxMap::default();
    } else {
        map.clear();
    }
}

/// `v` emptied and filled with `n` copies of `x`, in the buffer it had
/// unless a large article grew it past what most need (each thread keeps
/// its buffers from one article to the next).
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    const KEEP: usize = 4096;
    if v.capacity() > KEEP {
        *v = Vec::new();
    } else {
        v.clear();
    }
    v.resize(n, x);
}

/// `t` folded (`text::fold`) into `buf`: ASCII lowered in place, with no
/// `String` of its own.
fn fold_into<'b>(buf: &'b mut String, t: &str) -> &'b str {
    buf.clear();
    if t.is_ascii() {
        buf.push_str(t);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&crate::text::fold(t));
    }
    buf
}

/// How many words `f` holds (`split_whitespace().count()`); an ASCII form
/// counted over its bytes (white space as `char::is_whitespace` says).
pub(super) fn word_count(f: &str) -> usize {
    if !f.is_ascii() {
        return f.split_whitespace().count();
    }
    let (mut n, mut in_word) = (0, false);
    for b in f.as_bytes() {
        let word = !matches!(b, b' ' | b'\t'..=b'\r');
        n += usize::from(word && !in_word);
        in_word = word;
    }
    n
}

/// How many of an entity's roles [`held_in_chain`] compares before the
/// caller asks a set of every role instead.
const ROLE_WALK: usize = 16;

/// Whether `role` is among an entity's roles, chained from its newest at
/// `at` through `role_before`; None when the chain is longer than
/// [`ROLE_WALK`].
fn held_in_chain(
    roles: &[(u32, RoleDesc)],
    role_before: &[u32],
    mut at: u32,
    role: &RoleDesc,
) -> Option<bool> {
    for _ in 0..ROLE_WALK {
        match roles.get(at as usize) {
            None => return Some(false),
            Some((_, held)) if held == role => return Some(true),
            Some(_) => at = role_before[at as usize],
        }
    }
    None
}

/// No hit: the end of an entity's chain of hits (and of a surname's chain
/// of full names).
const NO_HIT: u32 = u32::MAX;

/// The kind the evidence points to; None when there is none.
fn kind_of(ev: Evidence) -> Option<ActorKind> {
    let best = ev.person.max(ev.place).max(ev.org);
    if best <= 0 {
        None
    } else if ev.person == best {
        Some(ActorKind::Person)
    } else if ev.place == best {
        Some(ActorKind::Place)
    } else {
        Some(ActorKind::Organisation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// One person named in every sentence, with a role each time: `heads`
    /// gives the role's head word per sentence.
    fn roles_grouped(heads: &[usize]) -> Vec<String> {
        let raw = "Ivo Tamm. ".repeat(heads.len());
        let hits: Vec<(u32, names::Hit)> = heads
            .iter()
            .enumerate()
            .map(|(k, head)| {
                let at = k * 10;
                let role = RoleDesc {
                    head: Arc::from(format!("head{head}")),
                    ..RoleDesc::default()
                };
                let hit = names::Hit {
                    start: at,
                    end: at + 8,
                    words: 2,
                    entity: None,
                    ev: Evidence {
                        person: 3,
                        ..Evidence::default()
                    },
                    weak: false,
                    roles: vec![(role, (at, at + 3))],
                };
                (k as u32, hit)
            })
            .collect();
        let out = group(
            &raw,
            &hits,
            &mut Vec::new(),
            heads.len() as u32,
            Lexicon::builtin_for_tests(),
            &mut GroupScratch::default(),
        );
        assert_eq!(out.entities.len(), 1);
        out.roles_of(0).map(|r| r.head.to_string()).collect()
    }

    #[test]
    fn an_entitys_roles_are_each_kept_once_in_order_of_appearance() {
        // A few roles, repeated: found by walking the entity's roles.
        let few = [1, 2, 1, 3, 2, 2, 1];
        assert_eq!(roles_grouped(&few), ["head1", "head2", "head3"]);
        // More roles than a walk takes (then a set of them is asked), each
        // repeated later: still each once, in order.
        let many: Vec<usize> = (0..3).flat_map(|_| 0..ROLE_WALK_OF_TEST).collect();
        let want: Vec<String> = (0..ROLE_WALK_OF_TEST).map(|h| format!("head{h}")).collect();
        assert_eq!(roles_grouped(&many), want);
    }

    /// Past the length of a walk along one entity's roles.
    const ROLE_WALK_OF_TEST: usize = 40;
}
