//! Hits from a tagged sentence: lexicon entities as they are, and each name
//! run with the kind evidence of its context (head words, titles and
//! appositives, prepositions, "said", coordination). Continues
//! [`Scan`](super::Scan) over the same tagged tokens.

use super::{Evidence, Hit, ROMAN, Scan, SentenceHits, Shape, Tag};
use crate::model::ActorKind;
use crate::parse::actors::lexicon::{class, undotted};

impl Scan<'_, '_> {
    /// Turns the runs and lexicon entities of the sentence into hits
    /// (kind evidence, titles, appositives), sorted by start.
    pub(super) fn emit(&mut self, headline: bool, out: &mut SentenceHits) {
        // Lexicon entities first: they are decisive and independent of names.
        // Then names, with the run each came from; sorted by start below.
        let mut all = std::mem::take(&mut self.spare.all);
        all.clear();
        for &i in &self.spare.marked {
            let i = i as usize;
            if let Tag::Ent(len, idx) = self.tags[i] {
                let last = i + len - 1;
                let end = if self.toks[i].glued {
                    let w = self.word(i);
                    self.abs(i) + w.find('-').unwrap_or(w.len())
                } else {
                    self.abs_end(last)
                };
                all.push((
                    None,
                    Hit {
                        start: self.abs(i),
                        end,
                        words: len,
                        entity: Some(idx),
                        ev: Evidence::default(),
                        weak: false,
                        roles: Vec::new(),
                    },
                ));
            }
        }
        // Previous run's kind evidence, for coordination ("Velmar and Ostrova").
        let mut prev: Option<(usize, Evidence)> = None;
        let teams = self.results_line();
        for ri in 0..self.runs.len() {
            let mut r = self.runs[ri];
            if r.consumed {
                continue;
            }
            if r.caps {
                all.push((Some(ri), self.caps_hit(r.first)));
                prev = None;
                continue;
            }
            let mut ev = Evidence::default();
            let mut roles = Vec::new();
            let mut name_start = None;
            let mut swallowed = Vec::new();
            // The last token of the title (its complement, when it has one).
            let mut title_end_tok = None;
            // A head word ("Premier League", "Velm Bank") makes a body, not
            // a person, whatever title-like word comes before it.
            let headed = self.is(
                r.last,
                class::ORG_HEAD | class::PLACE_HEAD | class::EVENT_HEAD,
            );
            let found = if headed {
                None
            } else {
                match self.complement(&r) {
                    Some((lead, rend)) => {
                        let t = self.title_ending_at(rend, &mut swallowed);
                        if t.is_some() {
                            title_end_tok = Some(r.first + lead - 1);
                            r.first += lead;
                        }
                        t.map(|t| (t, true))
                    }
                    None => self
                        .title_before(r.first, &mut swallowed)
                        .map(|t| (t, true)),
                }
                .or_else(|| self.appositive_before(&r).map(|t| (t, false)))
                .or_else(|| self.appositive_after(&r).map(|t| (t, false)))
            };
            if let Some(((s, start, e, mut desc), is_title)) = found {
                ev.person += 3;
                if !e.honorific {
                    let role_end = match self.tags[s] {
                        Tag::Role(len, _) => s + len - 1,
                        _ => s,
                    };
                    if let Some(te) = title_end_tok {
                        for k in role_end + 1..=te {
                            if let Some(d) = self.domain(k) {
                                desc.domain.get_or_insert_with(|| d.clone());
                            }
                        }
                        desc.leader = e.leader && desc.domain.is_none();
                    }
                    let end = self.abs_end(title_end_tok.unwrap_or(role_end));
                    roles.push((desc, (self.abs(start), end.max(self.abs(start)))));
                }
                if is_title && e.title {
                    name_start = Some(self.abs(s));
                }
                self.mark_used(s);
                // Roles inside the title ("Taoiseach – or Prime Minister")
                // are part of it, not references.
                for k in start..s {
                    if matches!(self.tags[k], Tag::Role(..)) {
                        self.mark_used(k);
                    }
                }
                for w in swallowed {
                    self.runs[w].consumed = true;
                }
                // A title and an appositive both: "magnate Ola Berg, the
                // chairman of ...".
                if is_title && let Some((s2, start2, e2, d2)) = self.appositive_after(&r) {
                    if !e2.honorific {
                        let end2 = match self.tags[s2] {
                            Tag::Role(len, _) => s2 + len - 1,
                            _ => s2,
                        };
                        roles.push((d2, (self.abs(start2), self.abs_end(end2))));
                    }
                    self.mark_used(s2);
                }
            }
            let words = (r.first..=r.last).filter(|&k| !self.is_particle(k)).count();
            // The last real word decides heads ("World War II" -> "war").
            let mut lastw = r.last;
            while lastw > r.first && ROMAN.contains(&self.key(lastw)) {
                lastw -= 1;
            }
            if self.is(lastw, class::EVENT_HEAD) && ev.person == 0
                || words >= 2 && self.is(r.first, class::EVENT_OPENER) && ev.person < 3
            {
                continue;
            }
            // "FC Velmar", "Dynamo Ostrova": a club, whatever follows.
            if words >= 2 && self.is(r.first, class::ORG_OPENER) && ev.person < 3 {
                ev.org += 4;
            }
            // A results or standings line: "Velmar 2 Ostrova United 1".
            if teams && self.int_after(r.last, 2) && ev.person < 3 {
                ev.org += 3;
            }
            // A scorer ("Brask 25th", "Brask (25th)"), a batsman or bowler
            // ("c Brask b Pellin", "Pellin 3-0-17-0"): a player.
            if self.player_context(r.first, r.last) {
                ev.person += 3;
            }
            // A head word outweighs a name's shape and a "said" after it
            // ("analysts at Velm Bank said").
            if self.is(lastw, class::ORG_HEAD) && ev.person == 0 {
                ev.org += 4;
            } else if self.is(lastw, class::PLACE_HEAD) && ev.person == 0 {
                ev.place += 4;
            }
            // "Menlo Park, Calif.", "Eau Claire, Wisconsin": a town, then
            // the state, province or country it lies in. A given name
            // opening it makes it a person's ("Ivo Brask, Sylvania").
            if ev.person == 0
                && !self.toks[r.last].possessive
                && !self.is(r.first, class::GIVEN_NAME)
                && self.region_after(r.last)
            {
                ev.place += 3;
            }
            // "Velm & Brask", "Ostrova Perkins & Co": partners of a firm.
            if ev.person < 3 && self.firm_partner(r.first, r.last) {
                ev.org += 4;
            }
            if words > 4 && ev.org + ev.place == 0 && ev.person == 0 {
                continue;
            }
            // "the Velm Group": people rarely take an article, bodies do. A
            // lone word after "the" followed by more lower-case words may be
            // a description ("the Dutchman said") or a modifier ("the Varga
            // government"), so it only counts when nothing lower-case follows.
            let after_the = r.first > 0 && self.key(r.first - 1) == "the" && ev.person < 3;
            if after_the
                && (words >= 2
                    || !self
                        .toks
                        .get(r.last + 1)
                        .is_some_and(|t| t.shape == Shape::Lower))
            {
                ev.org += 2;
            }
            // A known given name opens it: a person, unless a head word or
            // the context says otherwise ("Haruto Nakamura", "Ann").
            if self.is(r.first, class::GIVEN_NAME) && ev.org + ev.place < 4 {
                if words >= 2 {
                    ev.person += 2;
                } else if !self.toks[r.first].initial && !headline {
                    ev.person += 1;
                }
            }
            let acronym = r.first == r.last && self.is_acronym(r.first);
            if acronym {
                ev.org += 2;
            } else if words >= 2 && !headline {
                ev.person += 1;
            }
            let possessive = self.toks[r.last].possessive;
            if !possessive {
                let next = r.last + 1;
                if !after_the && self.is_word(next) && self.is(next, class::SPEECH_VERB) {
                    ev.person += 2;
                }
                for k in next..(next + 2).min(self.toks.len()) {
                    if !self.is_word(k) || self.toks[k].shape != Shape::Lower {
                        break;
                    }
                    if self.is(k, class::ORG_NOUN_AFTER) {
                        ev.org += 2;
                    }
                    if self.is(k, class::PLACE_NOUN_AFTER) {
                        ev.place += 2;
                    }
                }
                // "investment bank Velm Brothers said": the noun outweighs
                // the "said"; only a title makes it a person.
                if roles.is_empty()
                    && r.first > 0
                    && self.toks[r.first - 1].shape == Shape::Lower
                    && self.is(r.first - 1, class::ORG_NOUN_BEFORE)
                {
                    ev.org += 5;
                }
                if roles.is_empty() && r.first > 0 && ev.person < 3 {
                    if self.is(r.first - 1, class::PLACE_PREPOSITION) {
                        ev.place += 2;
                    }
                    if self.key(r.first - 1) == "of"
                        && r.first >= 2
                        && self.is(r.first - 2, class::PLACE_OF_NOUN)
                    {
                        ev.place += 3;
                    }
                }
            }
            // Coordination: "the cities of Ostrova and Velm".
            if let Some((plast, pev)) = prev
                && (r.first >= 2
                    && plast == r.first - 2
                    && matches!(self.key(r.first - 1), "and" | "or")
                    || plast + 2 == r.first && self.is_punct(r.first - 1, &[',']))
            {
                // A list of people: "Ivo Brask, Lars Pellin, Ugo Tarrant".
                if pev.person >= 2
                    && pev.person > pev.place
                    && pev.person > pev.org
                    && ev.org + ev.place == 0
                {
                    ev.person += 2;
                }
                if pev.place > pev.person && ev.person < 3 {
                    ev.place += 2;
                }
                if pev.org > pev.person && ev.person < 3 {
                    ev.org += 2;
                }
            }
            // A name that is a whole quotation is the title of a work, a
            // slogan or a nickname ("Velmar Dawn", the film): no person
            // unless a title or an appositive says so.
            if words >= 2 && roles.is_empty() && self.whole_quotation(r.first, r.last) {
                ev = Evidence::default();
            }
            prev = Some((r.last, ev));
            let single = words == 1;
            let initial = self.toks[r.first].initial;
            let weak = ev == Evidence::default()
                || single && initial && ev.person < 3 && ev.org + ev.place < 2
                || headline && ev.person < 2;
            let start = name_start.unwrap_or_else(|| self.abs(r.first));
            all.push((
                Some(ri),
                Hit {
                    start,
                    end: self.abs_end(r.last),
                    words,
                    entity: None,
                    ev,
                    weak,
                    roles,
                },
            ));
        }
        // Possessors point at runs; make them point at hits of this sentence.
        all.sort_by_key(|(_, h)| h.start);
        let mut run_to_hit = std::mem::take(&mut *self.run_hits);
        run_to_hit.clear();
        run_to_hit.extend(
            all.iter()
                .enumerate()
                .filter_map(|(hi, (ri, _))| ri.map(|r| (r, hi))),
        );
        let map = |p: u32| {
            run_to_hit
                .iter()
                .find(|(r, _)| *r == p as usize)
                .map(|(_, h)| *h as u32)
        };
        for (_, h) in &mut all {
            for (d, _) in &mut h.roles {
                d.possessor = d.possessor.and_then(map);
            }
        }
        *self.run_hits = run_to_hit;
        out.hits.extend(all.drain(..).map(|(_, h)| h));
        self.spare.all = all;
    }

    /// A player's name from the tokens around it (`first..=last`): an
    /// ordinal after it, bare or in brackets ("Brask 25th", "Brask (25th)"),
    /// bowling figures ("3-0-17-0"), or a scorecard's lower-case "c", "b",
    /// "st", "lbw" just before or after it.
    fn player_context(&self, first: usize, last: usize) -> bool {
        let ordinal = |j: usize| {
            self.toks.get(j).is_some_and(|t| t.shape == Shape::Number) && {
                let w = self.word(j);
                let digits = w.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0 && digits <= 3 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
            }
        };
        let figures = |j: usize| {
            self.toks.get(j).is_some_and(|t| t.shape == Shape::Number)
                && self.word(j).split('-').count() == 4
                && self
                    .word(j)
                    .split('-')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        };
        let scorecard = |j: usize| {
            self.toks.get(j).is_some_and(|t| t.shape == Shape::Lower)
                && matches!(self.key(j), "c" | "b" | "st" | "lbw")
        };
        let next = last + 1;
        ordinal(next)
            || self.is_punct(next, &['(']) && ordinal(next + 1)
            || figures(next)
            || scorecard(next)
            || first > 0 && scorecard(first - 1)
    }

    /// Whether a comma after token `last` opens the state, province or
    /// country a town lies in ("Menlo Park, Calif.", "San Jose, Costa
    /// Rica 2024-05-01"), which ends the sentence or its clause. A number
    /// after it and its comma is a result's (a time, a score): "Brask,
    /// Sylvania, 3:32.01" names an athlete.
    fn region_after(&self, last: usize) -> bool {
        if !self.is_punct(last + 1, &[',']) {
            return false;
        }
        let k = last + 2;
        if !self.toks.get(k).is_some_and(|t| t.is_capital()) {
            return false;
        }
        let end = match self.tags[k] {
            Tag::Ent(len, idx) if self.lx.entity_list[idx as usize].kind == ActorKind::Place => {
                k + len - 1
            }
            Tag::None | Tag::Stop => {
                let key = self.key(k);
                let dotted = key.contains('.');
                // Written with its full stop: "Calif." (the stop a token
                // of its own) or "N.J.".
                if !(dotted || self.is_punct(k + 1, &['.']))
                    || !self
                        .lx
                        .region_abbreviations
                        .contains(undotted(key).as_str())
                {
                    return false;
                }
                k
            }
            _ => return false,
        };
        if self.toks[end].possessive {
            return false;
        }
        match self.toks.get(end + 1).map(|t| t.shape) {
            None | Some(Shape::Punct('.' | ';' | ')')) => true,
            Some(Shape::Punct(',')) => self
                .toks
                .get(end + 2)
                .is_none_or(|t| t.shape != Shape::Number),
            // A dateline's date: "2024-05-01".
            Some(Shape::Number) => {
                let w = self.word(end + 1);
                w.len() == 10 && w.bytes().filter(|&b| b == b'-').count() == 2
            }
            _ => false,
        }
    }

    /// Whether the name `first..=last` is one partner of a firm's name:
    /// joined by an ampersand to a capitalised word ("Velm & Brask"), or
    /// followed by "& Co" or "and Co" (an organisation's head word).
    fn firm_partner(&self, first: usize, last: usize) -> bool {
        let capital = |j: usize| self.toks.get(j).is_some_and(|t| t.is_capital());
        let amp_after = self.is_punct(last + 1, &['&']);
        amp_after && capital(last + 2)
            || first >= 2 && self.is_punct(first - 1, &['&']) && capital(first - 2)
            || (amp_after || self.is_word(last + 1) && self.key(last + 1) == "and")
                && capital(last + 2)
                && self.is(last + 2, class::ORG_HEAD)
    }

    /// Whether tokens `first..=last` are all a quotation holds: a quote
    /// mark before, and one after (or after a full stop or comma).
    fn whole_quotation(&self, first: usize, last: usize) -> bool {
        const OPEN: [char; 2] = ['"', '\u{201c}'];
        const CLOSE: [char; 2] = ['"', '\u{201d}'];
        first > 0
            && self.is_punct(first - 1, &OPEN)
            && (self.is_punct(last + 1, &CLOSE)
                || self.is_punct(last + 1, &['.', ',']) && self.is_punct(last + 2, &CLOSE))
    }

    /// Whether token `i + 1` is a whole number of at most `digits` digits
    /// (a score, not a year, a time or an ordinal).
    fn int_after(&self, i: usize, digits: usize) -> bool {
        let j = i + 1;
        self.toks.get(j).is_some_and(|t| {
            t.shape == Shape::Number && {
                let w = self.word(j);
                w.len() <= digits && w.bytes().all(|b| b.is_ascii_digit())
            }
        })
    }

    /// A line of a results table or a standings table: no lower-case word
    /// but small ones, and two names each followed by a score ("Velmar 2
    /// Ostrova 1"), or one followed by five or more small numbers ("Velmar
    /// 3 1 2 0 7 4 5"). Names in such a line are teams; a player's line
    /// has words ("beat"), times ("19.66") or totals of three digits.
    fn results_line(&self) -> bool {
        if self
            .toks
            .iter()
            .enumerate()
            .any(|(i, t)| t.shape == Shape::Lower && !self.is_particle(i) && self.key(i) != "v")
        {
            return false;
        }
        // A score is one digit, and nothing but another name follows it
        // (a golfer's rounds and a batsman's runs have two or more).
        let scored = self
            .runs
            .iter()
            .filter(|r| self.int_after(r.last, 1) && !self.int_after(r.last + 1, 3))
            .count();
        if scored >= 2 {
            return true;
        }
        self.runs.first().is_some_and(|r| {
            let mut n = 0;
            let mut k = r.last;
            while self.int_after(k, 2) {
                n += 1;
                k += 1;
            }
            n >= 5 && k + 1 == self.toks.len()
        })
    }
}
