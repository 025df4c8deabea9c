//! The families' union searched from the places a date may start.
//!
//! Searched unanchored, the union's automaton carries the opening of every
//! family in every state it builds (the search may start a match at any
//! byte), so each new state costs a walk over all those openings, and each
//! match's start is found by a second, reverse search. Every family opens
//! with a word boundary and a few given bytes, so most places can start no
//! match: a table says, from the byte before a place and the byte at it,
//! whether one may start there (and which state the union's lazy DFA is in
//! after that byte), and only there is the automaton walked on, anchored.
//! The first place holding a match holds the leftmost match, and the
//! anchored walk finds the end the unanchored search would (the same
//! automaton, the same leftmost-first preference between the families).
//!
//! A place follows a byte that is no word byte, or (the long s) holds one
//! beyond ASCII: such places are found sixteen bytes at a time, and a walk
//! costs no search set-up, since places are as many as words.

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::start;
use regex_automata::{Anchored, PatternID};
use regex_syntax::hir::Hir;

/// The union's forward automaton, searched anchored, and the places it may
/// start a match.
pub(super) struct Starts {
    dfa: DFA,
    /// `after[before][at]`: the state a match starting with the byte `at`
    /// after the byte `before` is in, as `first` holds it (dead where no
    /// match may start).
    after: Box<[[LazyStateID; 256]; 256]>,
    /// Which start state each look-behind takes (index 256: none, the
    /// text's start), as an index into `first`.
    row_of: [u8; 257],
    /// For each start state, the state each byte leads to from it, as
    /// `warm` holds them (and each clone of it until it is cleared).
    first: Vec<[LazyStateID; 256]>,
    /// A cache holding the start states and their first transitions, which
    /// each thread's cache starts from, and how often it was cleared.
    warm: Cache,
    warm_clears: usize,
    /// Whether no ASCII byte after a word byte opens a match (every family
    /// opens with a word boundary before an ASCII word byte): then only the
    /// places after the other bytes, and the bytes beyond ASCII, are looked
    /// at.
    opens_after_word_byte_only: bool,
}

impl Starts {
    /// The union of `trees` (one pattern each, earlier ones preferred), or
    /// None when the lazy DFA cannot take it (a Unicode word boundary).
    pub(super) fn new(trees: &[&Hir]) -> Option<Starts> {
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many_from_hir(trees)
            .ok()?;
        let dfa = DFA::builder().build_from_nfa(nfa).ok()?;
        let mut warm = dfa.create_cache();
        // The first transitions, worked out per start state (look-behinds
        // the automaton does not tell apart share one) and per byte class.
        let mut starts: Vec<LazyStateID> = Vec::new();
        let mut row_of = [0u8; 257];
        for (i, row) in row_of.iter_mut().enumerate() {
            let before = u8::try_from(i).ok();
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(before);
            let sid = dfa.start_state(&mut warm, &config).ok()?;
            let index = match starts.iter().position(|&s| s == sid) {
                Some(k) => k,
                None => {
                    starts.push(sid);
                    starts.len() - 1
                }
            };
            *row = u8::try_from(index).ok()?;
        }
        let classes = dfa.byte_classes();
        let mut first = Vec::with_capacity(starts.len());
        for &sid in &starts {
            let mut by_class = [sid; 256];
            for rep in classes.representatives(..) {
                if let Some(b) = rep.as_u8() {
                    by_class[usize::from(classes.get(b))] =
                        dfa.next_state(&mut warm, sid, b).ok()?;
                }
            }
            let mut row = [sid; 256];
            for (b, to) in row.iter_mut().enumerate() {
                *to = by_class[usize::from(classes.get(b as u8))];
            }
            first.push(row);
        }
        // Building a transition may clear the cache, and with it the ids
        // read before: then nothing is kept but the automaton.
        if warm.clear_count() != 0 {
            return None;
        }
        let mut after = Box::new([first[0]; 256]);
        for (before, row) in after.iter_mut().enumerate() {
            *row = first[usize::from(row_of[before])];
        }
        let opens_after_word_byte_only = (0..=255u8)
            .filter(|&b| b.is_ascii_alphanumeric() || b == b'_')
            .all(|b| after[usize::from(b)][..128].iter().all(|s| s.is_dead()));
        Some(Starts {
            opens_after_word_byte_only,
            dfa,
            after,
            row_of,
            first,
            warm,
            warm_clears: 0,
        })
    }

    /// A cache for [`Starts::find`], one per thread.
    pub(super) fn create_cache(&self) -> Cache {
        self.warm.clone()
    }

    /// The first match in `text` starting at or after `at`: its start, end
    /// and pattern. Err when the automaton gives up (it has no byte to quit
    /// on, and its cache no limit on clearing, so it does not).
    pub(super) fn find(
        &self,
        cache: &mut Cache,
        text: &[u8],
        at: usize,
    ) -> Result<Option<(usize, usize, usize)>, ()> {
        if self.may_start(text, at)
            && let Some((end, pattern)) = self.anchored_at(cache, text, at)?
        {
            return Ok(Some((at, end, pattern.as_usize())));
        }
        #[cfg(target_arch = "x86_64")]
        if self.opens_after_word_byte_only {
            return self.find_after_separators(cache, text, at + 1);
        }
        for p in at + 1..text.len() {
            if self.opens(text[p - 1], text[p])
                && let Some((end, pattern)) = self.anchored_at(cache, text, p)?
            {
                return Ok(Some((p, end, pattern.as_usize())));
            }
        }
        Ok(None)
    }

    /// The first place at or after `from` (at least 1) where a match may
    /// start, by the byte there and the one before it. For the tests: the
    /// search reads the places in [`Starts::find_after_separators`].
    #[cfg(test)]
    fn next_opening(&self, text: &[u8], from: usize) -> Option<usize> {
        let mut found = None;
        #[cfg(target_arch = "x86_64")]
        if self.opens_after_word_byte_only {
            self.each_place(text, from, |q| {
                let opens = self.opens(text[q - 1], text[q]);
                if opens {
                    found = Some(q);
                }
                Ok::<bool, ()>(opens)
            })
            .ok()?;
            return found;
        }
        (from..text.len()).find(|&q| self.opens(text[q - 1], text[q]))
    }

    /// [`Starts::find`] from `from` on (at least 1), when a match may
    /// open only after a byte that is no word byte (ASCII letter, digit or
    /// underscore), or with a byte beyond ASCII (the long s a family's
    /// ignored case admits).
    #[cfg(target_arch = "x86_64")]
    fn find_after_separators(
        &self,
        cache: &mut Cache,
        text: &[u8],
        from: usize,
    ) -> Result<Option<(usize, usize, usize)>, ()> {
        let mut found = None;
        self.each_place(text, from, |p| {
            let sid = self.after[usize::from(text[p - 1])][usize::from(text[p])];
            if sid.is_dead() {
                return Ok(false);
            }
            // The table's state serves while the cache holds the warm one's.
            let m = if cache.clear_count() == self.warm_clears {
                self.walk(cache, text, p, sid)?
            } else {
                self.anchored_at(cache, text, p)?
            };
            found = m.map(|(end, pattern)| (p, end, pattern.as_usize()));
            Ok(found.is_some())
        })?;
        Ok(found)
    }

    /// Calls `stop` with each place at or after `from` (at least 1) that
    /// follows a byte that is no word byte or holds a byte beyond ASCII,
    /// in order, until it says to stop. Those places are found sixteen at a
    /// time (SSE2, which every x86-64 processor has).
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn each_place<E>(
        &self,
        text: &[u8],
        from: usize,
        mut stop: impl FnMut(usize) -> Result<bool, E>,
    ) -> Result<(), E> {
        use std::arch::x86_64::{
            __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_loadu_si128,
            _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        };
        let splat = |b: u8| {
            // SAFETY: SSE2 is part of x86-64.
            unsafe { _mm_set1_epi8(b as i8) }
        };
        let (below_digits, above_digits, case_bit, below_letters, above_letters, underscore) = (
            splat(b'0' - 1),
            splat(b'9' + 1),
            splat(0x20),
            splat(b'a' - 1),
            splat(b'z' + 1),
            splat(b'_'),
        );
        // Bit j set when place j of the chunk is one: the byte before it
        // (byte j of `before`) is no word byte, or its own byte (byte j of
        // `at`) is beyond ASCII. Compared as signed bytes: those of 0x80
        // and above are negative, below both ranges of word bytes.
        let places = |before: &[u8; 16], at: &[u8; 16]| {
            // SAFETY: SSE2 is part of x86-64, and the loads read the
            // sixteen bytes of each array (unaligned loads are allowed).
            unsafe {
                let v = _mm_loadu_si128(before.as_ptr().cast::<__m128i>());
                let digit = _mm_and_si128(
                    _mm_cmpgt_epi8(v, below_digits),
                    _mm_cmpgt_epi8(above_digits, v),
                );
                let folded = _mm_or_si128(v, case_bit);
                let letter = _mm_and_si128(
                    _mm_cmpgt_epi8(folded, below_letters),
                    _mm_cmpgt_epi8(above_letters, folded),
                );
                let word = _mm_or_si128(_mm_or_si128(digit, letter), _mm_cmpeq_epi8(v, underscore));
                let beyond_ascii =
                    _mm_movemask_epi8(_mm_loadu_si128(at.as_ptr().cast::<__m128i>()));
                (!(_mm_movemask_epi8(word) as u32) | beyond_ascii as u32) & 0xffff
            }
        };
        let n = text.len();
        let mut i = from;
        while i < n {
            let mut found = match (text.get(i - 1..i + 15), text.get(i..i + 16)) {
                (Some(before), Some(at)) => match (before.try_into(), at.try_into()) {
                    (Ok(before), Ok(at)) => places(before, at),
                    _ => return Ok(()),
                },
                _ => {
                    // Padded with ASCII letters: no place among them is one.
                    let mut padded = [b'a'; 17];
                    padded[..n - i + 1].copy_from_slice(&text[i - 1..]);
                    let (before, at) = (&padded[..16], &padded[1..]);
                    match (before.try_into(), at.try_into()) {
                        (Ok(before), Ok(at)) => places(before, at),
                        _ => return Ok(()),
                    }
                }
            };
            while found != 0 {
                let q = i + found.trailing_zeros() as usize;
                if q >= n || stop(q)? {
                    return Ok(());
                }
                found &= found - 1;
            }
            i += 16;
        }
        Ok(())
    }

    /// Whether a match may start with the byte `at` after the byte `before`.
    #[inline(always)]
    pub(super) fn opens(&self, before: u8, at: u8) -> bool {
        !self.after[usize::from(before)][usize::from(at)].is_dead()
    }

    /// Whether a match may start at `p` in `text`, by the byte there and
    /// the one before it.
    pub(super) fn may_start(&self, text: &[u8], p: usize) -> bool {
        let Some(&b) = text.get(p) else {
            return false;
        };
        let row = p.checked_sub(1).map_or(256, |i| usize::from(text[i]));
        !self.first[usize::from(self.row_of[row])][usize::from(b)].is_dead()
    }

    /// The match starting at `p` (a place [`Starts::may_start`] allows),
    /// if any: its end and pattern, as the lazy DFA's own forward search
    /// reads them (a match is seen one byte late, and the last one before
    /// the automaton dies is the leftmost-first one).
    #[inline(always)]
    fn anchored_at(
        &self,
        cache: &mut Cache,
        text: &[u8],
        p: usize,
    ) -> Result<Option<(usize, PatternID)>, ()> {
        let dfa = &self.dfa;
        // The first transition from the table while the cache still holds
        // the warm one's states.
        let sid = if cache.clear_count() == self.warm_clears {
            match p.checked_sub(1) {
                Some(i) => self.after[usize::from(text[i])][usize::from(text[p])],
                None => self.first[usize::from(self.row_of[256])][usize::from(text[p])],
            }
        } else {
            let config = start::Config::new()
                .anchored(Anchored::Yes)
                .look_behind(p.checked_sub(1).map(|i| text[i]));
            let sid = dfa.start_state(cache, &config).map_err(|_| ())?;
            dfa.next_state(cache, sid, text[p]).map_err(|_| ())?
        };
        self.walk(cache, text, p, sid)
    }

    /// [`Starts::anchored_at`] from `sid`, the state after the byte at `p`
    /// (a state of `cache` as it is now).
    #[inline(always)]
    fn walk(
        &self,
        cache: &mut Cache,
        text: &[u8],
        p: usize,
        mut sid: LazyStateID,
    ) -> Result<Option<(usize, PatternID)>, ()> {
        let dfa = &self.dfa;
        let mut found = None;
        let mut at = p;
        loop {
            if sid.is_tagged() {
                if sid.is_dead() {
                    return Ok(found);
                } else if sid.is_match() {
                    found = Some((at, dfa.match_pattern(cache, sid, 0)));
                } else if sid.is_quit() {
                    return Err(());
                }
            }
            at += 1;
            let Some(&b) = text.get(at) else {
                break;
            };
            // A known transition from an untagged state is read without
            // the checks (and the cache borrowed mutably) building one needs.
            let next = if sid.is_tagged() {
                None
            } else {
                // SAFETY: `sid` is a state of this cache as it is now: it
                // came from the table (used only while the cache has not
                // been cleared since it was cloned from the warm one, which
                // built the table's states), from `next_state` on this
                // cache, or from a known transition out of such a state,
                // with no clearing since (only `next_state` clears, and it
                // returns a state of the cleared cache).
                let next = unsafe { dfa.next_state_untagged_unchecked(cache, sid, b) };
                Some(next).filter(|n| !n.is_unknown())
            };
            sid = match next {
                Some(next) => next,
                None => dfa.next_state(cache, sid, b).map_err(|_| ())?,
            };
        }
        sid = dfa.next_eoi_state(cache, sid).map_err(|_| ())?;
        if sid.is_match() {
            found = Some((text.len(), dfa.match_pattern(cache, sid, 0)));
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests;
