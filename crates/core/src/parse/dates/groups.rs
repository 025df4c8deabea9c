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
    /// A family's own regex (the usual case), with its group names.
    Family(&'t str, &'a GroupSlots, &'a GroupNames, &'a str),
    /// The whole pattern, should a family's regex ever disagree with `any`.
    Whole(regex::Captures<'t>),
}

impl<'t> Groups<'_, 't> {
    pub(super) fn name(&self, name: &str) -> Option<Group<'t>> {
        match self {
            Groups::Family(text, slots, names, prefix) => {
                if !prefix.is_empty() && !has_stem(name, prefix) {
                    return None;
                }
                let span = slots.get_group(names.get(name)?)?;
                Some(Group {
                    start: span.start,
                    text: text.get(span.range())?,
                })
            }
            Groups::Whole(caps) => caps.name(name).map(|m| Group {
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

/// Whether the group name `name` has the stem `prefix` ("mf" of "mf_core"
/// and of "mf"), compared byte by byte: the names are a few bytes long,
/// and most asked for differ in their first.
#[inline]
fn has_stem(name: &str, prefix: &str) -> bool {
    let (n, p) = (name.as_bytes(), prefix.as_bytes());
    n.len() >= p.len()
        && n.iter().zip(p).all(|(a, b)| a == b)
        && n.get(p.len()).is_none_or(|&b| b == b'_')
}

pub(super) fn num(caps: &Groups, name: &str) -> Option<i64> {
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

pub(super) fn month_of(tw: &TimeWords, caps: &Groups, name: &str) -> Option<u32> {
    let s = caps.name(name)?.as_str().trim_end_matches('.');
    tw.lexicon.months.get(s).copied()
}

#[cfg(test)]
mod tests {
    use super::{GroupNames, has_stem, leading_number};
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
    fn a_stem_is_the_whole_name_or_its_part_before_an_underscore() {
        for (name, stem, has) in [
            ("mf_core", "mf", true),
            ("mf", "mf", true),
            ("mfx", "mf", false),
            ("m", "mf", false),
            ("df_core", "mf", false),
            ("rel_core", "rel", true),
            ("rm_m", "rel", false),
        ] {
            assert_eq!(has_stem(name, stem), has, "{name} {stem}");
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
