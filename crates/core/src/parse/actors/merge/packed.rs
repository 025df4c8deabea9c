//! One article's local actors as merging keeps them: every list in one
//! allocation of variable-length numbers, read back in order.
//!
//! Every article's findings are held at once from its parse to the merge,
//! at the top of a load's memory. As fixed-width records in five lists a
//! mention cost 16 bytes and an entity 12, with five allocations and list
//! headers per article; most of those numbers are small (an offset from
//! the mention before, a name a few bytes long, one of a few entities), so
//! written as LEB128 they take a byte or two each. Merging reads each list
//! front to back, never at random.

use crate::model::{ActorKind, Span};
use crate::parse::actors::LocalMention;

/// A local entity as merging reads it: its name form, kind, whether it is
/// weak and its lexicon entry. The evidence that decided its kind is not
/// kept: a large corpus holds millions of these until merging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entity {
    /// The form merging compares by, numbered in the load's `Interned`
    /// (the empty form for a lexicon entity, which is compared by entry).
    pub form: FormId,
    /// Index into the lexicon's entities, or [`Entity::NO_LEXICON`].
    lexicon: u32,
    pub kind: Option<ActorKind>,
    pub weak: bool,
}

impl Entity {
    /// No lexicon entry.
    pub const NO_LEXICON: u32 = u32::MAX;

    /// An entity of form `form`, lexicon entry `lexicon` (u32::MAX for
    /// none), kind `kind`, weak or not.
    pub fn new(form: FormId, lexicon: u32, kind: Option<ActorKind>, weak: bool) -> Self {
        Entity {
            form,
            lexicon,
            kind,
            weak,
        }
    }

    /// The lexicon entry as kept: u32::MAX for none.
    pub fn lexicon_code(&self) -> u32 {
        self.lexicon
    }

    /// Index into the lexicon's entities, when the entity is one.
    pub fn lexicon(&self) -> Option<u32> {
        (self.lexicon != Self::NO_LEXICON).then_some(self.lexicon)
    }
}

/// A role's number in the load's `Interned`.
pub type RoleId = u32;

/// A name form's number in the load's `Interned`.
pub type FormId = u32;

/// A role reference to resolve at corpus level ("the Russian president"),
/// its role numbered in the load's `Interned`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref {
    pub span: Span,
    pub sentence: u32,
    /// `possessor` = local entity index.
    pub desc: RoleId,
}

thread_local! {
    /// The room [`Local::pack`] writes an article's lists in before they
    /// are copied out at their size.
    static ROOM: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The most room a thread keeps for packing: a larger article's is made
/// for it alone.
const KEEP_ROOM: usize = 1 << 16;

/// The lists of one article, counts first (see [`Local::pack`]).
#[derive(Debug, Default)]
pub struct Local {
    bytes: Box<[u8]>,
}

/// The lists a [`Local`] holds, in the order they are written.
#[derive(Clone, Copy)]
enum List {
    Entities,
    Mentions,
    Refs,
    Roles,
    RoleTexts,
}

const LISTS: usize = 5;

/// Where each list starts and how many entries it has.
struct Header {
    counts: [usize; LISTS],
    starts: [usize; LISTS],
}

impl Local {
    /// Packs one article's lists: its entities, mentions (in reading
    /// order), role references, roles and role texts (both by entity).
    pub fn pack(
        entities: &[Entity],
        mentions: &[LocalMention],
        refs: &[Ref],
        roles: &[(u32, RoleId)],
        role_texts: &[(u32, Span)],
    ) -> Local {
        // Room for the most the lists can take (ten bytes a number), so
        // writing checks no capacity; the unused rest is never kept. The
        // room is the thread's, kept from one article to the next: a
        // zeroed allocation of it per article was a third of packing.
        let numbers = 2 * entities.len()
            + 4 * mentions.len()
            + 4 * refs.len()
            + 2 * roles.len()
            + 3 * role_texts.len();
        // No number at all: every list is empty.
        if numbers == 0 {
            return Local::default();
        }
        let need = MAX_BYTES * numbers + entities.len();
        if need > KEEP_ROOM {
            return pack_in(
                &mut vec![0u8; need],
                entities,
                mentions,
                refs,
                roles,
                role_texts,
            );
        }
        ROOM.with(|cell| match cell.try_borrow_mut() {
            Ok(mut room) => {
                // Grown (and zeroed) only past what an article before
                // needed: the bytes left there are written over first.
                if room.len() < need {
                    room.resize(need, 0);
                }
                pack_in(
                    &mut room[..need],
                    entities,
                    mentions,
                    refs,
                    roles,
                    role_texts,
                )
            }
            // Not reached (nothing here re-enters), but never a panic.
            Err(_) => pack_in(
                &mut vec![0u8; need],
                entities,
                mentions,
                refs,
                roles,
                role_texts,
            ),
        })
    }

    fn header(&self) -> Header {
        let mut r = Reader::new(&self.bytes);
        let mut counts = [0; LISTS];
        for c in &mut counts {
            *c = r.next() as usize;
        }
        let mut lens = [0; LISTS - 1];
        for l in &mut lens {
            *l = r.next() as usize;
        }
        let mut starts = [r.at; LISTS];
        for i in 1..LISTS {
            starts[i] = starts[i - 1].saturating_add(lens[i - 1]);
        }
        Header { counts, starts }
    }

    /// A reader at the start of `list`, and how many entries it has.
    fn list(&self, list: List) -> (Reader<'_>, usize) {
        let h = self.header();
        let i = list as usize;
        let mut r = Reader::new(&self.bytes);
        r.at = h.starts[i];
        (r, h.counts[i])
    }

    /// How many entries `list` has: the header's counts come first.
    fn count(&self, list: List) -> usize {
        let mut r = Reader::new(&self.bytes);
        for _ in 0..list as usize {
            r.next();
        }
        r.next() as usize
    }

    pub fn entity_count(&self) -> usize {
        self.count(List::Entities)
    }

    pub fn mention_count(&self) -> usize {
        self.count(List::Mentions)
    }

    pub fn ref_count(&self) -> usize {
        self.count(List::Refs)
    }

    /// The local entities, by index.
    pub fn entities(&self) -> impl ExactSizeIterator<Item = Entity> + '_ {
        let (mut r, n) = self.list(List::Entities);
        (0..n).map(move |_| {
            let form = r.next() as FormId;
            let lexicon = (r.next() as u32).wrapping_sub(1);
            let flags = r.byte();
            Entity::new(form, lexicon, kind_of(flags & 3), flags & 4 != 0)
        })
    }

    /// The mentions, in reading order.
    pub fn mentions(&self) -> impl Iterator<Item = LocalMention> + '_ {
        let (mut r, n) = self.list(List::Mentions);
        let (mut at, mut sentence) = (0, 0i64);
        (0..n).map(move |_| {
            let span = r.span(&mut at);
            let entity = r.next() as u32;
            sentence = sentence.wrapping_add(unzigzag(r.next()));
            LocalMention {
                span,
                entity,
                sentence: sentence as u32,
            }
        })
    }

    /// The role references, in reading order.
    pub fn refs(&self) -> impl Iterator<Item = Ref> + '_ {
        let (mut r, n) = self.list(List::Refs);
        let (mut at, mut sentence) = (0, 0i64);
        (0..n).map(move |_| {
            let span = r.span(&mut at);
            sentence = sentence.wrapping_add(unzigzag(r.next()));
            Ref {
                span,
                sentence: sentence as u32,
                desc: r.next() as RoleId,
            }
        })
    }

    /// Roles by entity index (sorted; each entity's in order of
    /// appearance); `possessor` = local entity index.
    pub fn roles(&self) -> impl Iterator<Item = (u32, RoleId)> + '_ {
        let (mut r, n) = self.list(List::Roles);
        (0..n).map(move |_| (r.next() as u32, r.next() as RoleId))
    }

    /// Where those titles are written, by entity index like `roles`.
    pub fn role_texts(&self) -> impl Iterator<Item = (u32, Span)> + '_ {
        let (mut r, n) = self.list(List::RoleTexts);
        let mut at = 0;
        (0..n).map(move |_| {
            let e = r.next() as u32;
            (e, r.span(&mut at))
        })
    }
}

/// [`Local::pack`] with `room` to write the lists in, as long as the most
/// they can take.
fn pack_in(
    room: &mut [u8],
    entities: &[Entity],
    mentions: &[LocalMention],
    refs: &[Ref],
    roles: &[(u32, RoleId)],
    role_texts: &[(u32, Span)],
) -> Local {
    let counts = [
        entities.len(),
        mentions.len(),
        refs.len(),
        roles.len(),
        role_texts.len(),
    ];
    let mut body = Writer::new(room);
    let mut ends = [0; LISTS];
    for e in entities {
        body.put(u64::from(e.form));
        // No lexicon entry (u32::MAX) wraps to zero.
        body.put(u64::from(e.lexicon_code().wrapping_add(1)));
        body.byte(kind_code(e.kind) | (u8::from(e.weak) << 2));
    }
    ends[0] = body.n;
    let (mut at, mut sentence) = (0, 0);
    for m in mentions {
        body.span(&mut at, m.span);
        body.put(u64::from(m.entity));
        body.put(zigzag(i64::from(m.sentence) - sentence));
        sentence = i64::from(m.sentence);
    }
    ends[1] = body.n;
    let (mut at, mut sentence) = (0, 0);
    for r in refs {
        body.span(&mut at, r.span);
        body.put(zigzag(i64::from(r.sentence) - sentence));
        sentence = i64::from(r.sentence);
        body.put(u64::from(r.desc));
    }
    ends[2] = body.n;
    for &(e, r) in roles {
        body.put(u64::from(e));
        body.put(u64::from(r));
    }
    ends[3] = body.n;
    let mut at = 0;
    for &(e, span) in role_texts {
        body.put(u64::from(e));
        body.span(&mut at, span);
    }
    ends[4] = body.n;
    let body = body.written();
    // Counts, then the lengths of all lists but the last (which runs
    // to the end).
    let mut head_room = [0u8; MAX_BYTES * (2 * LISTS - 1)];
    let mut head = Writer::new(&mut head_room);
    for n in counts {
        head.put(n as u64);
    }
    let mut from = 0;
    for &end in &ends[..LISTS - 1] {
        head.put((end - from) as u64);
        from = end;
    }
    let head = head.written();
    let mut bytes = Vec::with_capacity(head.len() + body.len());
    bytes.extend_from_slice(head);
    bytes.extend_from_slice(body);
    Local {
        bytes: bytes.into_boxed_slice(),
    }
}

fn kind_code(kind: Option<ActorKind>) -> u8 {
    match kind {
        None => 0,
        Some(ActorKind::Person) => 1,
        Some(ActorKind::Organisation) => 2,
        Some(ActorKind::Place) => 3,
    }
}

fn kind_of(code: u8) -> Option<ActorKind> {
    match code {
        1 => Some(ActorKind::Person),
        2 => Some(ActorKind::Organisation),
        3 => Some(ActorKind::Place),
        _ => None,
    }
}

/// The most bytes a number takes as LEB128 (64 bits, seven a byte).
const MAX_BYTES: usize = 10;

/// Writes numbers as LEB128 (seven bits a byte, low first, the top bit
/// set on every byte but the last) into room sized for them beforehand.
struct Writer<'a> {
    room: &'a mut [u8],
    /// Bytes written so far.
    n: usize,
}

impl<'a> Writer<'a> {
    fn new(room: &'a mut [u8]) -> Self {
        Writer { room, n: 0 }
    }

    /// One byte; past the room (never, as sized) it is dropped, not a
    /// panic.
    #[inline]
    fn byte(&mut self, b: u8) {
        if let Some(x) = self.room.get_mut(self.n) {
            *x = b;
        }
        self.n += 1;
    }

    #[inline]
    fn put(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.byte(v as u8 | 0x80);
            v >>= 7;
        }
        self.byte(v as u8);
    }

    /// `span` as its start's distance from `at` (the previous start) and
    /// its length, each signed, so any order and any span reads back.
    #[inline]
    fn span(&mut self, at: &mut i64, span: Span) {
        let start = i64::from(span.start);
        self.put(zigzag(start - *at));
        self.put(zigzag(i64::from(span.end) - start));
        *at = start;
    }

    /// What was written.
    fn written(self) -> &'a [u8] {
        let n = self.n.min(self.room.len());
        &self.room[..n]
    }
}

/// A signed number as an unsigned one, small either side of zero.
#[inline]
fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

#[inline]
fn unzigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// Reads numbers written by a [`Writer`]; past the end every number is
/// zero.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    #[inline]
    fn byte(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// The next number: most are under 128, one byte read inline.
    #[inline]
    fn next(&mut self) -> u64 {
        match self.bytes.get(self.at) {
            Some(&b) if b < 0x80 => {
                self.at += 1;
                u64::from(b)
            }
            _ => self.next_long(),
        }
    }

    fn next_long(&mut self) -> u64 {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.byte();
            if shift < 64 {
                v |= u64::from(b & 0x7f) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 {
                return v;
            }
        }
    }

    /// A span written by [`Writer::span`] after one starting at `at`.
    #[inline]
    fn span(&mut self, at: &mut i64) -> Span {
        let start = at.wrapping_add(unzigzag(self.next()));
        let end = start.wrapping_add(unzigzag(self.next()));
        *at = start;
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: u32, end: u32, entity: u32, sentence: u32) -> LocalMention {
        LocalMention {
            span: Span { start, end },
            entity,
            sentence,
        }
    }

    #[test]
    fn every_list_reads_back_as_written() {
        let entities = [
            Entity::new(0, u32::MAX, Some(ActorKind::Person), true),
            Entity::new(70_000, 5, None, false),
            Entity::new(3, 0, Some(ActorKind::Place), false),
            Entity::new(
                u32::MAX - 1,
                u32::MAX - 1,
                Some(ActorKind::Organisation),
                true,
            ),
        ];
        // Out of order, far apart, empty, and sentences going back (the
        // headline's mentions come first in reading order, numbered after
        // the body's sentences).
        let mentions = [
            mention(5, 9, 0, 40),
            mention(200, 208, 3, 0),
            mention(150, 150, 1, 7),
            mention(u32::MAX - 3, u32::MAX, 2, u32::MAX),
        ];
        let refs = [
            Ref {
                span: Span { start: 12, end: 30 },
                sentence: 2,
                desc: 9,
            },
            Ref {
                span: Span { start: 10, end: 11 },
                sentence: 1,
                desc: 300,
            },
        ];
        let roles = [(0, 4), (0, 1), (3, 128)];
        let role_texts = [
            (0, Span { start: 90, end: 99 }),
            (3, Span { start: 7, end: 20 }),
        ];
        let l = Local::pack(&entities, &mentions, &refs, &roles, &role_texts);
        assert_eq!(l.entities().collect::<Vec<_>>(), entities);
        assert_eq!(l.mentions().collect::<Vec<_>>(), mentions);
        assert_eq!(l.refs().collect::<Vec<_>>(), refs);
        assert_eq!(l.roles().collect::<Vec<_>>(), roles);
        assert_eq!(l.role_texts().collect::<Vec<_>>(), role_texts);
        assert_eq!(
            (l.entity_count(), l.mention_count(), l.ref_count()),
            (4, 4, 2)
        );
    }

    #[test]
    fn small_numbers_take_a_byte_and_nothing_takes_no_allocation() {
        let entities = [Entity::new(1, u32::MAX, Some(ActorKind::Person), false)];
        let mentions = [mention(40, 45, 0, 0), mention(52, 57, 0, 1)];
        let l = Local::pack(&entities, &mentions, &[], &[], &[]);
        // Nine header numbers, three per entity, four per mention.
        assert_eq!(l.bytes.len(), 9 + 3 + 2 * 4);
        let empty = Local::pack(&[], &[], &[], &[], &[]);
        assert!(empty.bytes.is_empty());
        assert_eq!(empty.entity_count(), 0);
        assert_eq!(empty.mentions().count(), 0);
    }

    #[test]
    fn a_cut_short_list_reads_as_zeros_without_a_panic() {
        let mentions = [mention(300, 310, 2, 4)];
        let mut l = Local::pack(&[], &mentions, &[], &[], &[]);
        let cut = l.bytes.len() - 2;
        l.bytes = l.bytes[..cut].into();
        assert_eq!(l.mentions().count(), 1);
        let mut all = vec![0x80u8; 20];
        all.push(1);
        l.bytes = all.into();
        let _ = l.entity_count();
        let _ = l.roles().count();
    }
}
