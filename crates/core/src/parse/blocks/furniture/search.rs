//! One furniture pattern (an alternation of the file's patterns) and how a
//! line is searched for it. A pattern whose every match starts at the
//! line's start is searched by a lazy DFA anchored there, forward only:
//! the match's start is the line's, so the general regex's set-up for a
//! search, and its compiling (a forward and a reverse automaton, literal
//! prefilters), buy nothing on lines of a few dozen bytes that nearly all
//! fail within their first word. The same DFA tells which two-byte
//! openings can match at all ([`Openings`]).

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache as DfaCache, DFA};
use regex_automata::meta::{Cache as MetaCache, Regex};
use regex_automata::nfa::thompson::Compiler;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::Hir;
use std::sync::OnceLock;

/// A compiled furniture pattern.
pub(super) struct Search {
    /// The anchored DFA, when the pattern is anchored and one could be
    /// built (a Unicode word boundary cannot be).
    dfa: Option<DFA>,
    /// Which lines can match at all, by their first two bytes.
    pub(super) opens: Openings,
    /// The pattern, for the general regex.
    hir: Hir,
    /// The general regex: compiled where there is no DFA, or on the first
    /// search the DFA cannot finish (the default DFA never quits nor gives
    /// up, so in practice never).
    meta: OnceLock<Regex>,
}

/// One thread's search caches for one [`Search`], made on first use.
#[derive(Default)]
pub(super) struct SearchCache {
    dfa: Option<DfaCache>,
    meta: Option<MetaCache>,
    /// The DFA's anchored start state, with the cache's clear count when
    /// it was read: a state of the cache until the cache is cleared.
    start: Option<(usize, LazyStateID)>,
}

impl Search {
    pub(super) fn new(hir: Hir) -> Search {
        let dfa = super::hir_anchored(&hir)
            .then(|| {
                let nfa = Compiler::new().build_from_hir(&hir).ok()?;
                DFA::builder().build_from_nfa(nfa).ok()
            })
            .flatten();
        Search {
            opens: Openings {
                bits: dfa.as_ref().and_then(Openings::read),
            },
            dfa,
            hir,
            meta: OnceLock::new(),
        }
    }

    fn meta(&self) -> &Regex {
        self.meta.get_or_init(|| super::compile(&self.hir))
    }

    /// Whether the pattern matches `line`.
    pub(super) fn is_match(&self, cache: &mut SearchCache, line: &str) -> bool {
        if !self.opens.may_open(line) {
            return false;
        }
        self.end(cache, line, true).is_some()
    }

    /// The end of the pattern's leftmost-first match in `line` when it
    /// starts at the line's start (the only place an anchored pattern's
    /// match can start); for a pattern that is not anchored, the end of its
    /// first match wherever it starts.
    pub(super) fn match_end(&self, cache: &mut SearchCache, line: &str) -> Option<usize> {
        if !self.opens.may_open(line) {
            return None;
        }
        self.end(cache, line, false)
    }

    fn end(&self, cache: &mut SearchCache, line: &str, earliest: bool) -> Option<usize> {
        if let Some(dfa) = &self.dfa {
            let c = cache.dfa.get_or_insert_with(|| dfa.create_cache());
            if let Some(found) = walk(dfa, c, &mut cache.start, line.as_bytes(), earliest) {
                return found;
            }
        }
        self.meta_end(cache, line, earliest)
    }

    /// [`Self::end`] by the general regex.
    fn meta_end(&self, cache: &mut SearchCache, line: &str, earliest: bool) -> Option<usize> {
        let re = self.meta();
        let c = cache.meta.get_or_insert_with(|| re.create_cache());
        let input = Input::new(line).earliest(earliest);
        if earliest {
            re.search_half_with(c, &input).map(|m| m.offset())
        } else {
            re.search_with(c, &input).map(|m| m.end())
        }
    }
}

/// The end of the leftmost-first match of `dfa` (an anchored pattern's)
/// that starts at the start of `hay`, or of the first match seen when
/// `earliest`: what `DFA::try_search_fwd` finds with the search anchored,
/// by the DFA's transitions alone, without that search's set-up for a
/// start anywhere, a prefilter and look-behind (most lines die within a
/// few bytes, where the set-up was most of the cost). The outer None when
/// the DFA cannot finish the search (it quits or its cache fails). The
/// start state is looked up once per clearing of the cache (`start`), and a
/// known transition out of an untagged state is read straight from the
/// cache's table: most lines die within their first word.
fn walk(
    dfa: &DFA,
    cache: &mut DfaCache,
    start: &mut Option<(usize, LazyStateID)>,
    hay: &[u8],
    earliest: bool,
) -> Option<Option<usize>> {
    let mut sid = match *start {
        Some((clears, sid)) if clears == cache.clear_count() => sid,
        _ => {
            let config = regex_automata::util::start::Config::new().anchored(Anchored::Yes);
            let sid = dfa.start_state(cache, &config).ok()?;
            *start = Some((cache.clear_count(), sid));
            sid
        }
    };
    let mut found = None;
    // A DFA reports a match one byte late: the state entered on the byte
    // at `at` is a match when a match ends at `at`.
    for (at, &b) in hay.iter().enumerate() {
        if !sid.is_tagged() {
            // SAFETY: `sid` is a state of this cache as it is now: the
            // start state read since the cache's last clearing, or a state
            // `next_state` returned or a known transition led to since,
            // with no clearing in between (only `next_state` and
            // `start_state` clear, and they return a state of the cache
            // they cleared).
            let next = unsafe { dfa.next_state_untagged_unchecked(cache, sid, b) };
            // Most steps: a known state that is no match, dead end or quit.
            if !next.is_tagged() {
                sid = next;
                continue;
            }
            if !next.is_unknown() {
                sid = next;
            } else {
                sid = dfa.next_state(cache, sid, b).ok()?;
            }
        } else {
            sid = dfa.next_state(cache, sid, b).ok()?;
        }
        if sid.is_tagged() {
            if sid.is_match() {
                found = Some(at);
                if earliest {
                    return Some(found);
                }
            } else if sid.is_dead() {
                return Some(found);
            } else if sid.is_quit() {
                return None;
            }
        }
    }
    sid = dfa.next_eoi_state(cache, sid).ok()?;
    if sid.is_match() {
        found = Some(hay.len());
    } else if sid.is_quit() {
        return None;
    }
    Some(found)
}

/// The two-byte openings (ASCII) with which a line can match a pattern that
/// only matches at the line's start: most lines are ruled out by a bit
/// test instead of a regex search. Read from the pattern's own automaton,
/// so the furniture file can change freely.
pub(super) struct Openings {
    /// Bit `a * 128 + b`: a line starting with bytes `a`, `b` may match.
    /// None for a pattern that can match anywhere (every line may match).
    pub(super) bits: Option<Box<[u64; 256]>>,
}

impl Openings {
    /// The openings of the anchored pattern whose lazy DFA is `dfa`.
    fn read(dfa: &DFA) -> Option<Box<[u64; 256]>> {
        let mut cache = dfa.create_cache();
        let start = dfa
            .start_state_forward(&mut cache, &Input::new("").anchored(Anchored::Yes))
            .ok()?;
        let classes = dfa.byte_classes();
        let mut bits = Box::new([0u64; 256]);
        // Bytes of one class lead to the same state: each row (the second
        // bytes after a first) and each entry of a row is worked out once
        // per class.
        let mut rows: [Option<[u64; 2]>; 256] = [None; 256];
        for a in 0..128u8 {
            let class_a = usize::from(classes.get(a));
            if let Some(row) = rows[class_a] {
                bits[usize::from(a) * 2..usize::from(a) * 2 + 2].copy_from_slice(&row);
                continue;
            }
            let s1 = dfa.next_state(&mut cache, start, a).ok()?;
            if s1.is_quit() || s1.is_unknown() {
                return None;
            }
            let mut row = [0u64; 2];
            if !s1.is_dead() {
                let mut opens: [Option<bool>; 256] = [None; 256];
                for b in 0..128u8 {
                    let class_b = usize::from(classes.get(b));
                    let open = match opens[class_b] {
                        Some(open) => open,
                        None => {
                            let s2 = dfa.next_state(&mut cache, s1, b).ok()?;
                            if s2.is_quit() || s2.is_unknown() {
                                return None;
                            }
                            // A match is reported one byte late: a state
                            // that is a match, or any state not dead, may
                            // lead to one.
                            let open = s1.is_match() || s2.is_match() || !s2.is_dead();
                            opens[class_b] = Some(open);
                            open
                        }
                    };
                    if open {
                        row[usize::from(b) / 64] |= 1 << (b % 64);
                    }
                }
            }
            rows[class_a] = Some(row);
            bits[usize::from(a) * 2..usize::from(a) * 2 + 2].copy_from_slice(&row);
        }
        Some(bits)
    }

    /// False only when no match can start this line.
    pub(super) fn may_open(&self, line: &str) -> bool {
        let Some(bits) = &self.bits else {
            return true;
        };
        match line.as_bytes() {
            [a, b, ..] if a.is_ascii() && b.is_ascii() => {
                let bit = usize::from(*a) * 128 + usize::from(*b);
                bits[bit / 64] & (1 << (bit % 64)) != 0
            }
            _ => true,
        }
    }
}

/// Lines for the patterns of the furniture file and a few others, for
/// the tests here and in the furniture module.
#[cfg(test)]
pub(super) const SAMPLE_LINES: [&str; 30] = [
    "Related Posts",
    "related",
    "Read more: the full story",
    "The council voted on the plan.",
    "- Advertisement -",
    "Advertisement",
    "ad",
    "Friday, April 25, 2025",
    "25 April 2025",
    "2025-04-25",
    "Share",
    "x",
    "X | twitter",
    "12) Headline",
    "1. Item",
    "• bullet",
    "date 2025-04-17 Harbour board",
    "a.b.c() Headline",
    "article?.meta.title() Headline",
    "In the harbour",
    "你好",
    "関連記事",
    "ÜBER uns",
    "Straße. Weg. Platz. x",
    "İstanbul",
    "copyright ©",
    "tags: a, b",
    "Updated 3 March 2026 10:31 GMT",
    "6 hours ago 2",
    "",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The DFA's ends are the general regex's, for the end of the
    /// leftmost-first match and for any match at all.
    #[test]
    fn the_anchored_dfa_finds_what_the_regex_finds() {
        let f = crate::parse::blocks::PageKnowledge::builtin_for_tests().furniture();
        let mut searches: Vec<&Search> = f.line.iter().chain([&f.footer]).collect();
        searches.extend(f.prefix_any.as_ref());
        let extra: Vec<Search> = ["^(?i:ab|a)", "^(?:x*)", r"^\w+\.", "^a|^b", "b"]
            .iter()
            .map(|p| Search::new(super::super::parse(p)))
            .collect();
        searches.extend(&extra);
        let mut with_dfa = 0;
        for s in searches {
            with_dfa += usize::from(s.dfa.is_some());
            let mut cache = SearchCache::default();
            for line in SAMPLE_LINES {
                for earliest in [true, false] {
                    let end = s.end(&mut cache, line, earliest);
                    if let Some(dfa) = &s.dfa {
                        let input = Input::new(line).anchored(Anchored::Yes).earliest(earliest);
                        let mut c = dfa.create_cache();
                        let searched = dfa.try_search_fwd(&mut c, &input).unwrap();
                        assert_eq!(end, searched.map(|m| m.offset()), "{line:?}");
                    }
                    let want = s.meta_end(&mut cache, line, earliest);
                    if earliest {
                        assert_eq!(end.is_some(), want.is_some(), "{line:?}");
                    } else {
                        assert_eq!(end, want, "{line:?}");
                    }
                }
                if s.is_match(&mut cache, line) || s.match_end(&mut cache, line).is_some() {
                    assert!(s.opens.may_open(line), "{line:?}");
                }
                assert_eq!(
                    s.is_match(&mut cache, line),
                    s.meta_end(&mut cache, line, true).is_some(),
                    "{line:?}"
                );
            }
        }
        assert!(with_dfa >= 5, "{with_dfa}");
        assert!(extra[4].dfa.is_none() && extra[4].opens.bits.is_none());
    }
}
