//! Which of several people an article names the same way a lone word
//! means: the persons of one article listed by surname or given name, and
//! of those sharing one, the nearest mentioned before the word.

use super::{form_keys, names};

/// A name with its hash ([`form_keys::hash_of`]) and an entity: the
/// lists are ordered by hash first, so that finding a name compares
/// numbers, and only the run's ends compare strings.
pub type Named<'k> = (u64, &'k str, u32);

/// `(name, entity)` as listed in [`named`]'s lists.
pub fn entry(name: &str, entity: u32) -> Named<'_> {
    (form_keys::hash_of(name), name, entity)
}

/// The order of [`named`]'s lists: by hash, name, then entity (which, for
/// the entries of one name, is their order of first appearance).
pub fn sort(v: &mut [Named<'_>]) {
    v.sort_unstable();
}

/// The run of `v` (sorted by [`sort`]) whose name is `name`.
pub fn named<'v, 'k>(v: &'v [Named<'k>], name: &str) -> &'v [Named<'k>] {
    let h = form_keys::hash_of(name);
    let from = v.partition_point(|&(kh, k, _)| (kh, k) < (h, name));
    let len = v[from..].partition_point(|&(kh, k, _)| kh == h && k == name);
    &v[from..from + len]
}

/// Of several entities sharing a surname, the one mentioned last before
/// `pos` (else the first after it). `last_at` has each entity's last
/// mention so far, `upcoming` the index of its next hit still to come.
pub fn nearest_before(
    cands: &[Named<'_>],
    pos: usize,
    hits: &[(u32, names::Hit)],
    last_at: &[Option<usize>],
    upcoming: &[u32],
) -> Option<u32> {
    let mut best: Option<(usize, u32)> = None;
    let mut after: Option<(usize, u32)> = None;
    for &(_, _, e) in cands {
        if let Some(at) = last_at.get(e as usize).copied().flatten()
            && at < pos
            && best.is_none_or(|(p, _)| at > p)
        {
            best = Some((at, e));
        }
        let next = upcoming
            .get(e as usize)
            .and_then(|&i| hits.get(i as usize))
            .map(|(_, h)| h.start);
        if let Some(at) = next
            && at >= pos
            && after.is_none_or(|(p, _)| at < p)
        {
            after = Some((at, e));
        }
    }
    best.or(after).map(|(_, e)| e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_names_run_holds_its_entities_in_order_as_a_filter_would() {
        let names = [
            "tam", "berg", "", "tam", "lind", "berg", "tam", "tamm", "ta",
        ];
        let mut v: Vec<Named> = names
            .iter()
            .enumerate()
            .map(|(e, n)| entry(n, e as u32))
            .collect();
        sort(&mut v);
        for name in names.iter().chain(&["nobody", "t", "tamm "]) {
            let want: Vec<u32> = (0..names.len() as u32)
                .filter(|&e| names[e as usize] == *name)
                .collect();
            let got: Vec<u32> = named(&v, name).iter().map(|&(_, _, e)| e).collect();
            assert_eq!(got, want, "{name:?}");
        }
    }
}
