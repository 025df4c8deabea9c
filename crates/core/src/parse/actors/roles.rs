//! Roles: what a title or appositive says a person is, and which person a
//! role reference ("the Secretary", "Russia's president", "his Russian
//! counterpart") points to.
//!
//! A reference resolves only when exactly one candidate holds a matching
//! role; anything ambiguous stays unresolved, because a wrong link is worse
//! than none when a user follows an actor.

use std::sync::Arc;

/// A role as the text describes it, normalised for comparison.
/// The words are shared with the lexicon (`Arc`), not copied: a large
/// corpus holds a role for every titled mention until merging.
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct RoleDesc {
    /// Normalised head ("spokesperson", "president", "minister").
    pub head: Arc<str>,
    /// Portfolio ("foreign", "defence"), from the phrase or its words.
    pub domain: Option<Arc<str>>,
    /// Country the role belongs to (from "Russian", "Russia's", "Kremlin").
    pub nat: Option<Arc<str>>,
    /// Heads a country or body ("president", "prime minister"), with no
    /// portfolio: a "military chief" is no leader.
    pub leader: bool,
    /// A loose leader word in a reference ("the Kremlin chief", "the Russian
    /// leader"): matches any leader of that country.
    pub any_leader: bool,
    /// "the Russian official": only a matching person named earlier in the
    /// same sentence.
    pub generic: bool,
    /// "his counterpart": same portfolio as the person it belongs to.
    pub counterpart: bool,
    /// Whose role it is ("Varga's chief of staff"): an index whose meaning
    /// depends on the stage (hit in a sentence, local entity, global actor).
    pub possessor: Option<u32>,
}

impl RoleDesc {
    /// Whether someone holding `self` fits the reference `wanted`.
    pub fn fits(&self, wanted: &RoleDesc) -> bool {
        if wanted.any_leader {
            return self.leader && wanted.nat.is_some() && self.nat == wanted.nat;
        }
        if wanted.generic {
            return wanted.nat.is_some() && self.nat == wanted.nat;
        }
        self.head == wanted.head
            && (wanted.domain.is_none() || self.domain == wanted.domain)
            && (wanted.nat.is_none() || self.nat == wanted.nat)
            && (wanted.possessor.is_none()
                || self.possessor.is_none()
                || self.possessor == wanted.possessor)
    }

    /// Whether `self` (a candidate) is a counterpart of `subject` from the
    /// country `nat`: same portfolio (or both leaders), other country.
    pub fn counterpart_of(&self, subject: &RoleDesc, nat: Option<&str>) -> bool {
        let same_job = match (&self.domain, &subject.domain) {
            (Some(a), Some(b)) => a == b,
            (None, None) => self.leader && subject.leader,
            _ => false,
        };
        same_job && nat.is_some() && self.nat.as_deref() == nat && subject.nat.as_deref() != nat
    }
}

/// The one candidate whose roles fit `wanted`; `None` when none or several do.
/// Candidates are (id, roles); an id may appear more than once.
pub fn unique_holder<'a>(
    wanted: &RoleDesc,
    candidates: impl IntoIterator<Item = (u32, &'a [RoleDesc])>,
) -> Option<u32> {
    let mut found: Option<u32> = None;
    for (id, roles) in candidates {
        if roles.iter().any(|r| r.fits(wanted)) {
            match found {
                Some(f) if f != id => return None,
                _ => found = Some(id),
            }
        }
    }
    found
}

/// The one candidate that is a counterpart of `subject` from `nat`.
pub fn unique_counterpart<'a>(
    subject: &[RoleDesc],
    nat: Option<&str>,
    candidates: impl IntoIterator<Item = (u32, &'a [RoleDesc])>,
) -> Option<u32> {
    let mut found: Option<u32> = None;
    for (id, roles) in candidates {
        if roles
            .iter()
            .any(|r| subject.iter().any(|s| r.counterpart_of(s, nat)))
        {
            match found {
                Some(f) if f != id => return None,
                _ => found = Some(id),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(head: &str, nat: Option<&str>, domain: Option<&str>, leader: bool) -> RoleDesc {
        RoleDesc {
            head: head.into(),
            nat: nat.map(Into::into),
            domain: domain.map(Into::into),
            leader,
            ..Default::default()
        }
    }

    #[test]
    fn nationality_picks_one_president() {
        let a = [role("president", Some("Freedonia"), None, true)];
        let b = [role("president", Some("Sylvania"), None, true)];
        let want = role("president", Some("Sylvania"), None, false);
        assert_eq!(unique_holder(&want, [(1, &a[..]), (2, &b[..])]), Some(2));
        let any = role("president", None, None, false);
        assert_eq!(unique_holder(&any, [(1, &a[..]), (2, &b[..])]), None);
    }

    #[test]
    fn loose_leader_word_needs_a_leader_of_that_country() {
        let pres = [role("president", Some("Sylvania"), None, true)];
        let spy = [role("chief", Some("Sylvania"), Some("intelligence"), false)];
        let want = RoleDesc {
            any_leader: true,
            nat: Some("Sylvania".into()),
            ..Default::default()
        };
        assert_eq!(
            unique_holder(&want, [(1, &pres[..]), (2, &spy[..])]),
            Some(1)
        );
    }

    #[test]
    fn counterparts_share_a_portfolio_across_countries() {
        let sec = [role("secretary", Some("Freedonia"), Some("foreign"), false)];
        let min = [role("minister", Some("Sylvania"), Some("foreign"), false)];
        let def = [role("minister", Some("Sylvania"), Some("defence"), false)];
        let got = unique_counterpart(&sec, Some("Sylvania"), [(2, &min[..]), (3, &def[..])]);
        assert_eq!(got, Some(2));
        let adviser = [role("adviser", Some("Freedonia"), Some("security"), false)];
        assert_eq!(
            unique_counterpart(&adviser, Some("Sylvania"), [(2, &min[..]), (3, &def[..])]),
            None
        );
    }

    #[test]
    fn possessor_must_agree_when_both_known() {
        let mut cos = role("chief of staff", None, None, false);
        cos.possessor = Some(7);
        let mut want = role("chief of staff", None, None, false);
        want.possessor = Some(7);
        assert!(cos.fits(&want));
        want.possessor = Some(8);
        assert!(!cos.fits(&want));
    }
}
