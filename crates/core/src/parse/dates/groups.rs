//! The named groups of one date match, whichever regex read them, and the
//! small readers every stage uses on them (numbers, month names).

use super::TimeWords;
use regex_automata::util::captures::Captures as GroupSlots;

/// A family's group names and their indices, looked up by name.
///
/// A family has a few groups (at most about fifteen), and each match is
/// asked for several names: comparing a name with a short list costs less
/// than hashing it for a map.
#[derive(Debug, Clone, Default)]
pub(super) struct GroupNames(Vec<(Box<str>, usize)>);

impl GroupNames {
    /// The index of the group named `name`.
    #[inline]
    pub(super) fn get(&self, name: &str) -> Option<usize> {
        self.0
            .iter()
            .find(|(n, _)| n.len() == name.len() && n.as_bytes() == name.as_bytes())
            .map(|&(_, i)| i)
    }

    /// The names, in no particular order.
    pub(super) fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(n, _)| &**n)
    }
}

/// A group name the families' patterns give, as a number: the code asks a
/// match for its groups by these, and each family holds a table from them
/// to its own group indices, so a lookup costs no comparing of names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Name(u8);

macro_rules! group_names {
    ($($id:ident = $text:literal,)*) => {
        /// The group names of [`super::patterns::families`].
        pub(super) mod g {
            use super::Name;
            // Every group the patterns write has its number, read or not.
            #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
            #[repr(u8)]
            enum Index {
                $($id,)*
            }
            $(#[allow(dead_code)]
            pub(in super::super) const $id: Name = Name(Index::$id as u8);)*
            /// Each name's text, at its number.
            pub(in super::super) const TEXT: &[&str] = &[$($text,)*];
        }
    };
}

group_names! {
        ISO_Y = "iso_y",
        ISO_M = "iso_m",
        ISO_D = "iso_d",
        NUM_A = "num_a",
        NUM_S1 = "num_s1",
        NUM_B = "num_b",
        NUM_S2 = "num_s2",
        NUM_Y = "num_y",
        MF_MOD = "mf_mod",
        MF_CORE = "mf_core",
        MF_WD = "mf_wd",
        MF_M = "mf_m",
        MF_D = "mf_d",
        MF_Y = "mf_y",
        DF_MOD = "df_mod",
        DF_CORE = "df_core",
        DF_WD = "df_wd",
        DF_D = "df_d",
        DF_M = "df_m",
        DF_Y = "df_y",
        PQ_MOD = "pq_mod",
        PQ_CORE = "pq_core",
        PQ_DET = "pq_det",
        PQ_BACK = "pq_back",
        PQ_Y1 = "pq_y1",
        PQ_REL = "pq_rel",
        PQ_FIS = "pq_fis",
        PQ_ORD = "pq_ord",
        PQ_UNIT = "pq_unit",
        PQ_Y2 = "pq_y2",
        PQ_REL2 = "pq_rel2",
        PQ_Y3 = "pq_y3",
        QQ_CORE = "qq_core",
        QQ_Y1 = "qq_y1",
        QQ = "qq",
        QQ_Y2 = "qq_y2",
        PR_CORE = "pr_core",
        PR_Y = "pr_y",
        PR_MOD = "pr_mod",
        PR_MOD2 = "pr_mod2",
        PR_REL = "pr_rel",
        PR_YA = "pr_ya",
        PR_UNIT = "pr_unit",
        PR_BACK = "pr_back",
        SS_CORE = "ss_core",
        SS_DET = "ss_det",
        SS = "ss",
        SS_Y1 = "ss_y1",
        SS_Y2 = "ss_y2",
        FY_CORE = "fy_core",
        FY_Y = "fy_y",
        MY_MOD = "my_mod",
        MY_CORE = "my_core",
        MY_M = "my_m",
        MY_Y = "my_y",
        MY_REL = "my_rel",
        RM_CORE = "rm_core",
        RM_REL = "rm_rel",
        RM_M = "rm_m",
        REL_MOD = "rel_mod",
        REL_CORE = "rel_core",
        REL = "rel",
        AGO_CORE = "ago_core",
        AGO_N = "ago_n",
        AGO_U = "ago_u",
        AGO_W = "ago_w",
        WD_MOD = "wd_mod",
        WD_CORE = "wd_core",
        WD_DIR = "wd_dir",
        WD = "wd",
        WD_PART = "wd_part",
        SY_CORE = "sy_core",
        SY_M = "sy_m",
        SY_THE = "sy_the",
        SY_C = "sy_c",
        SY_TENS = "sy_tens",
        SY_UNIT = "sy_unit",
        SY_TEEN = "sy_teen",
        SY_K = "sy_k",
        SY_UNIT2 = "sy_unit2",
        TY_CORE = "ty_core",
        TY_TAIL = "ty_tail",
        CM_MOD = "cm_mod",
        CM_CORE = "cm_core",
        CM_M = "cm_m",
        HD_CORE = "hd_core",
        HD_DIR = "hd_dir",
        HD = "hd",
        HD_WEEK = "hd_week",
        HD_Y = "hd_y",
        YR_CORE = "yr_core",
        YR = "yr",
        RF_CORE = "rf_core",
}

impl Name {
    /// The name as the patterns write it.
    pub(super) fn as_str(self) -> &'static str {
        g::TEXT[usize::from(self.0)]
    }

    /// The name written `text`, if the patterns give one.
    #[cfg(test)]
    pub(super) fn of(text: &str) -> Option<Name> {
        g::TEXT
            .iter()
            .position(|t| *t == text)
            .and_then(|i| u8::try_from(i).ok())
            .map(Name)
    }
}

/// Which group of a family each [`Name`] is (its index, or [`NO_GROUP`]).
pub(super) type GroupIds = Box<[u8]>;

/// In [`GroupIds`], a name the family has no group of.
const NO_GROUP: u8 = u8::MAX;

impl GroupNames {
    /// This family's [`GroupIds`].
    pub(super) fn ids(&self) -> GroupIds {
        g::TEXT
            .iter()
            .map(|t| {
                self.get(t)
                    .and_then(|i| u8::try_from(i).ok())
                    .filter(|&i| i != NO_GROUP)
                    .unwrap_or(NO_GROUP)
            })
            .collect()
    }
}

impl<'n> FromIterator<(&'n str, usize)> for GroupNames {
    fn from_iter<I: IntoIterator<Item = (&'n str, usize)>>(iter: I) -> Self {
        let mut names: Vec<(Box<str>, usize)> = Vec::new();
        for (name, i) in iter {
            // As a map would: a later entry of a name replaces the earlier.
            match names.iter_mut().find(|(n, _)| **n == *name) {
                Some(entry) => entry.1 = i,
                None => names.push((name.into(), i)),
            }
        }
        GroupNames(names)
    }
}

/// One group of a match: where it starts and what it says.
#[derive(Debug, Clone, Copy)]
pub(super) struct Group<'t> {
    start: usize,
    text: &'t str,
}

impl<'t> Group<'t> {
    pub(super) fn start(&self) -> usize {
        self.start
    }
    pub(super) fn end(&self) -> usize {
        self.start + self.text.len()
    }
    pub(super) fn as_str(&self) -> &'t str {
        self.text
    }
}

/// The named groups of one match, from whichever regex read them.
pub(super) enum Groups<'a, 't> {
    /// A family's own regex (the usual case), with its group indices and
    /// the stem its group names share.
    Family(&'t str, &'a GroupSlots, &'a [u8], &'a str),
    /// The whole pattern, should a family's regex ever disagree with `any`.
    Whole(regex::Captures<'t>),
}

impl<'t> Groups<'_, 't> {
    #[inline]
    pub(super) fn name(&self, name: Name) -> Option<Group<'t>> {
        match self {
            Groups::Family(text, slots, ids, _) => {
                let i = *ids.get(usize::from(name.0))?;
                if i == NO_GROUP {
                    return None;
                }
                let span = slots.get_group(usize::from(i))?;
                Some(Group {
                    start: span.start,
                    text: text.get(span.range())?,
                })
            }
            Groups::Whole(caps) => caps.name(name.as_str()).map(|m| Group {
                start: m.start(),
                text: m.as_str(),
            }),
        }
    }
}

impl Groups<'_, '_> {
    /// Whether the match may have groups of the stem `stem` ("mf" for
    /// "mf_m"): false only when it is a family's whose every group has
    /// another stem, for which [`Groups::name`] of any such group is None.
    /// Asking this first spares the lookups of the other families' groups.
    #[inline]
    pub(super) fn may_have(&self, stem: &str) -> bool {
        match self {
            Groups::Family(_, _, _, prefix) => prefix.is_empty() || *prefix == stem,
            Groups::Whole(_) => true,
        }
    }
}

pub(super) fn num(caps: &Groups, name: Name) -> Option<i64> {
    leading_number(caps.name(name)?.as_str())
}

/// The number the leading ASCII digits of `s` spell ("17th" -> 17); None
/// without digits or on overflow, as `str::parse` on those digits gives.
fn leading_number(s: &str) -> Option<i64> {
    let mut n: Option<i64> = None;
    for d in s.bytes().take_while(u8::is_ascii_digit) {
        n = Some(
            n.unwrap_or(0)
                .checked_mul(10)?
                .checked_add(i64::from(d - b'0'))?,
        );
    }
    n
}

pub(super) fn month_of(tw: &TimeWords, caps: &Groups, name: Name) -> Option<u32> {
    let s = caps.name(name)?.as_str().trim_end_matches('.');
    tw.lexicon.months.get(s).copied()
}

#[cfg(test)]
mod tests {
    use super::{GroupNames, Name, g, leading_number};
    use crate::hash::FxMap;

    #[test]
    fn group_names_answer_as_a_map_of_them() {
        let pairs = [
            ("mf_core", 1),
            ("mf_m", 2),
            ("mf", 3),
            ("mf_d", 4),
            ("mf_m", 5),
        ];
        let names: GroupNames = pairs.iter().copied().collect();
        let map: FxMap<&str, usize> = pairs.iter().copied().collect();
        for name in ["mf_core", "mf_m", "mf", "mf_d", "mf_y", "", "m", "mf_core_"] {
            assert_eq!(names.get(name), map.get(name).copied(), "{name}");
        }
        let mut keys: Vec<&str> = names.keys().collect();
        keys.sort_unstable();
        assert_eq!(keys, ["mf", "mf_core", "mf_d", "mf_m"]);
    }

    #[test]
    fn every_name_is_a_group_of_the_pattern_once() {
        let groups: Vec<&str> = crate::parse::dates::builtin_for_tests()
            .pattern()
            .capture_names()
            .flatten()
            .collect();
        for (i, text) in g::TEXT.iter().enumerate() {
            assert!(groups.contains(text), "{text}");
            assert_eq!(Name::of(text).map(Name::as_str), Some(*text));
            assert!(!g::TEXT[..i].contains(text), "{text}");
        }
    }

    #[test]
    fn leading_numbers_parse_like_str_parse() {
        for s in [
            "17th",
            "2025",
            "09",
            "0",
            "x1",
            "",
            "1.5",
            "99999999999999999999",
            "3rd",
        ] {
            let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
            assert_eq!(leading_number(s), digits.parse::<i64>().ok(), "{s:?}");
        }
    }
}
