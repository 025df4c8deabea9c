//! Which of several people an article names the same way a lone word
//! means: the persons of one article listed by surname or given name, and
//! of those sharing one, the nearest mentioned before the word.

use super::names;

/// The run of `v` (sorted by name) whose name is `name`.
pub fn named<'v, 'k>(v: &'v [(&'k str, u32)], name: &str) -> &'v [(&'k str, u32)] {
    let from = v.partition_point(|(k, _)| *k < name);
    let len = v[from..].partition_point(|(k, _)| *k == name);
    &v[from..from + len]
}

/// Of several entities sharing a surname, the one mentioned last before
/// `pos` (else the first after it). `last_at` has each entity's last
/// mention so far, `upcoming` the index of its next hit still to come.
pub fn nearest_before(
    cands: &[(&str, u32)],
    pos: usize,
    hits: &[(u32, names::Hit)],
    last_at: &[Option<usize>],
    upcoming: &[u32],
) -> Option<u32> {
    let mut best: Option<(usize, u32)> = None;
    let mut after: Option<(usize, u32)> = None;
    for &(_, e) in cands {
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
