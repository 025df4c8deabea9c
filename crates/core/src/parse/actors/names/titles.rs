//! Titles, appositives and role references: the role words around a name
//! ("Kremlin spokesman X", "X, the deputy head of ...", "the Secretary").
//! Continues [`Scan`](super::Scan) over the same tagged tokens.

use super::{DASHES, RefHit, Run, Scan, SentenceHits, Tag};
use crate::parse::actors::lexicon::{RoleEntry, class};
use crate::parse::actors::roles::RoleDesc;

impl<'a> Scan<'_, 'a> {
    /// The role tag that ends at token `i`: (start, entry).
    pub(super) fn role_ending_at(&self, i: usize) -> Option<(usize, &'a RoleEntry)> {
        let s = self.tag_start(i);
        match self.tags.get(s) {
            Some(Tag::Role(len, e)) if s + len - 1 == i => Some((s, *e)),
            _ => None,
        }
    }

    /// Walks left from `from` over the words a title may carry before its
    /// head (nationality, country, organisation, modifiers, a possessor),
    /// filling `desc`. Returns the first token index of the title and the
    /// runs it swallowed. `capital_head`: unknown capitalised words may be
    /// modifiers ("Deputy Harbour Commissioner").
    pub(super) fn modifiers_left(
        &self,
        from: usize,
        capital_head: bool,
        desc: &mut RoleDesc,
        swallowed: &mut Vec<usize>,
    ) -> usize {
        let mut start = from + 1;
        let mut q = from as isize;
        while q >= 0 {
            let i = q as usize;
            if !self.is_word(i) {
                break;
            }
            let s = self.tag_start(i);
            match self.tags[s] {
                Tag::Adj(c) => {
                    desc.nat.get_or_insert_with(|| std::sync::Arc::clone(c));
                    start = s;
                }
                Tag::Ent(_, idx) => {
                    let e = &self.lx.entity_list[idx as usize];
                    if let Some(c) = &e.country {
                        desc.nat.get_or_insert_with(|| c.clone());
                    }
                    start = s;
                    if self.toks[i].possessive {
                        break;
                    }
                }
                Tag::None if self.toks[i].possessive => {
                    if let Some(r) = self.run_ending_at(i) {
                        desc.possessor = Some(r as u32);
                    }
                    break;
                }
                Tag::None | Tag::Stop => {
                    if let Some(d) = self.domain(i) {
                        desc.domain.get_or_insert_with(|| d.clone());
                        start = s;
                    } else if self.is(i, class::ROLE_MODIFIER) {
                        start = s;
                    } else if capital_head && self.toks[i].is_capital() && !self.facts(i).stop {
                        if let Some(r) = self.run_ending_at(i) {
                            swallowed.push(r);
                            let f = self.runs[r].first;
                            start = f;
                            q = f as isize - 1;
                            continue;
                        }
                        break;
                    } else {
                        break;
                    }
                }
                Tag::Role(_, e) if !e.honorific => {
                    // "Deputy Prime Minister", "acting President": keep going.
                    start = s;
                }
                _ => break,
            }
            q = s as isize - 1;
        }
        start
    }

    pub(super) fn desc_for(&self, e: &RoleEntry) -> RoleDesc {
        RoleDesc {
            head: e.head.clone(),
            domain: e.domain.clone(),
            leader: e.leader,
            ..Default::default()
        }
    }

    pub(super) fn finish(desc: &mut RoleDesc, e: &RoleEntry) {
        desc.leader = e.leader && desc.domain.is_none();
    }

    /// A title right before the name starting at token `first`.
    pub(super) fn title_before(
        &self,
        first: usize,
        swallowed: &mut Vec<usize>,
    ) -> Option<(usize, usize, &'a RoleEntry, RoleDesc)> {
        let mut p = first.checked_sub(1)?;
        if self.is_punct(p, &DASHES) {
            p = p.checked_sub(1)?;
        }
        self.title_ending_at(p, swallowed)
    }

    /// A title whose role head ends at token `p`: (role start token, first
    /// title token, entry, desc).
    pub(super) fn title_ending_at(
        &self,
        p: usize,
        swallowed: &mut Vec<usize>,
    ) -> Option<(usize, usize, &'a RoleEntry, RoleDesc)> {
        let (s, e) = self.role_ending_at(p)?;
        if e.capital && !self.toks[s].is_capital() || self.used[s] {
            return None;
        }
        let mut desc = self.desc_for(e);
        let mut start = if s == 0 {
            0
        } else {
            self.modifiers_left(s - 1, self.toks[s].is_capital(), &mut desc, swallowed)
        };
        // "Taoiseach – or Prime Minister – Name": one title.
        if start >= 3
            && self.key(start - 1) == "or"
            && self.is_punct(start - 2, &DASHES)
            && let Some((s2, e2)) = self.role_ending_at(start - 3)
        {
            let mut d2 = self.desc_for(e2);
            let st2 = if s2 == 0 {
                0
            } else {
                self.modifiers_left(s2 - 1, true, &mut d2, swallowed)
            };
            if desc.nat.is_none() {
                desc.nat = d2.nat;
            }
            start = st2;
        }
        Self::finish(&mut desc, e);
        Some((s, start.min(s), e, desc))
    }

    /// "Title Complement Name": a run opening with portfolio words after
    /// "for"/"of" belongs partly to the title ("Minister for Europe and
    /// Foreign Affairs Ola Berg"). Returns how many leading words belong to
    /// the title and the token where its role head ends.
    pub(super) fn complement(&self, r: &Run) -> Option<(usize, usize)> {
        let mut k = r.first;
        while k < r.last && (self.is(k, class::DOMAIN) || self.key(k) == "affairs") {
            k += 1;
        }
        let lead = k - r.first;
        if lead == 0 {
            return None;
        }
        let mut q = r.first;
        let mut joined = false;
        while q > 0 {
            q -= 1;
            if !self.is_word(q) {
                return None;
            }
            let s = self.tag_start(q);
            match self.tags[s] {
                Tag::Role(..) if joined => return Some((lead, q)),
                Tag::Ent(..) | Tag::Adj(_) => q = s,
                _ if matches!(self.key(q), "for" | "of" | "and" | "the") => joined = true,
                _ => return None,
            }
        }
        None
    }

    /// "Role-phrase, Name": the role just before a comma before the run.
    pub(super) fn appositive_before(
        &self,
        r: &Run,
    ) -> Option<(usize, usize, &'a RoleEntry, RoleDesc)> {
        let comma = r.first.checked_sub(1)?;
        if !self.is_punct(comma, &[',']) {
            return None;
        }
        let after = r.last + 1;
        let closes = after >= self.toks.len()
            || self.is_punct(after, &[',', '.', ';', ')', '\u{201d}', '"', ':']);
        if !closes || self.toks[r.last].possessive {
            return None;
        }
        let lo = comma.saturating_sub(8);
        let mut j = comma;
        while j > lo {
            j -= 1;
            if !self.is_word(j) {
                return None;
            }
            if let Some((s, e)) = self.role_ending_at(j) {
                if self.used[s] || e.honorific || e.capital && !self.toks[s].is_capital() {
                    return None;
                }
                let mut desc = self.desc_for(e);
                let mut sw = Vec::new();
                let start = self.modifiers_left(s.wrapping_sub(1), false, &mut desc, &mut sw);
                // The complement may carry the nationality: "head of X's army".
                for k in j + 1..comma {
                    if let Tag::Ent(_, idx) = self.tags[self.tag_start(k)]
                        && let Some(c) = &self.lx.entity_list[idx as usize].country
                    {
                        desc.nat.get_or_insert_with(|| c.clone());
                    }
                }
                Self::finish(&mut desc, e);
                return Some((s, start.min(s), e, desc));
            }
            let k = self.key(j);
            let ok = matches!(k, "of" | "for" | "the" | "and")
                || self.toks[j].is_capital()
                || self.toks[j].possessive
                || self.is(j, class::ROLE_MODIFIER | class::DOMAIN)
                || matches!(self.tags[self.tag_start(j)], Tag::Ent(..) | Tag::Adj(_));
            if !ok {
                return None;
            }
        }
        None
    }

    /// "Name, [the|Country's|X's] modifiers role": the role after the comma.
    pub(super) fn appositive_after(
        &self,
        r: &Run,
    ) -> Option<(usize, usize, &'a RoleEntry, RoleDesc)> {
        if self.toks[r.last].possessive || !self.is_punct(r.last + 1, &[',']) {
            return None;
        }
        let n = self.toks.len();
        let mut k = r.last + 2;
        let from = k;
        let lim = (k + 12).min(n);
        while k < lim {
            if !self.is_word(k) {
                return None;
            }
            let s = self.tag_start(k);
            if let Tag::Role(len, e) = self.tags[s] {
                let end = s + len - 1;
                if self.nameish(end + 1) {
                    // A title of another name: fine only as a possessor
                    // ("Ola Berg, President Ivo Tamm's envoy").
                    let ri = self.run_ending_from(end + 1)?;
                    let run = self.runs[ri];
                    if run.first != end + 1 || !self.toks[run.last].possessive {
                        return None;
                    }
                    k = run.last + 1;
                    continue;
                }
                if e.honorific || e.capital && !self.toks[s].is_capital() {
                    return None;
                }
                let mut desc = self.desc_for(e);
                let mut sw = Vec::new();
                self.modifiers_left(s.wrapping_sub(1), false, &mut desc, &mut sw);
                for q in from..s {
                    if let Tag::Ent(_, idx) = self.tags[self.tag_start(q)]
                        && let Some(c) = &self.lx.entity_list[idx as usize].country
                    {
                        desc.nat.get_or_insert_with(|| c.clone());
                    }
                }
                // "the head of the Sylvanian army": a nationality after "of".
                let mut q = end + 1;
                while q < n && q < end + 6 && self.is_word(q) {
                    if let Tag::Adj(c) = self.tags[q] {
                        desc.nat.get_or_insert_with(|| std::sync::Arc::clone(c));
                    }
                    q += 1;
                }
                Self::finish(&mut desc, e);
                let first = (from..s)
                    .find(|&q| !self.is(q, class::DETERMINER) && !matches!(self.key(q), "a" | "an"))
                    .unwrap_or(s);
                return Some((s, first, e, desc));
            }
            let key = self.key(k);
            let ok = self.is(k, class::DETERMINER)
                || matches!(key, "a" | "an")
                || self.toks[k].is_capital()
                || self.toks[k].possessive
                || self.is(k, class::ROLE_MODIFIER | class::DOMAIN)
                || matches!(self.tags[s], Tag::Ent(..) | Tag::Adj(_));
            if !ok {
                return None;
            }
            k = match self.tags[s] {
                Tag::Ent(len, _) => s + len,
                _ => k + 1,
            };
        }
        None
    }
}

impl Scan<'_, '_> {
    /// Role references: a role phrase after "the"/"his"/a possessive that
    /// names no one directly ("the spokesperson", "Sylvania's president").
    pub(super) fn find_refs(&self, out: &mut SentenceHits) {
        for &s in &self.spare.marked {
            let s = s as usize;
            let Tag::Role(len, e) = self.tags[s] else {
                continue;
            };
            if self.used[s] || e.honorific || e.capital && !self.toks[s].is_capital() {
                continue;
            }
            let end = s + len - 1;
            if self.nameish(end + 1) || self.particles_then_name(end + 1).is_some() {
                continue;
            }
            let mut desc = self.desc_for(e);
            let mut sw = Vec::new();
            let start = if s == 0 {
                0
            } else {
                self.modifiers_left(s - 1, false, &mut desc, &mut sw)
            };
            let possessive_ent = start < s
                && matches!(self.tags[start], Tag::Ent(l, _) if self.toks[start + l - 1].possessive);
            let span_start = if desc.possessor.is_some() || possessive_ent {
                start
            } else if start > 0 && self.is_word(start - 1) && self.is(start - 1, class::DETERMINER)
            {
                start - 1
            } else {
                continue;
            };
            // "the president of Sylvania"
            if self.key(end + 1) == "of"
                && let Some(Tag::Ent(_, idx)) = self.tags.get(end + 2)
                && let Some(c) = &self.lx.entity_list[*idx as usize].country
            {
                desc.nat.get_or_insert_with(|| c.clone());
            }
            Self::finish(&mut desc, e);
            if e.generic {
                if desc.nat.is_none() {
                    continue;
                }
                desc.generic = true;
            } else if e.noref {
                if !(e.leader && desc.nat.is_some() && desc.domain.is_none()) {
                    continue;
                }
                desc.any_leader = true;
            }
            desc.counterpart = e.counterpart;
            desc.possessor = desc.possessor.and_then(|p| {
                self.run_hits
                    .iter()
                    .find(|(r, _)| *r == p as usize)
                    .map(|(_, h)| *h as u32)
            });
            out.refs.push(RefHit {
                start: self.abs(span_start),
                end: self.abs_end(end),
                desc,
            });
        }
    }
}
