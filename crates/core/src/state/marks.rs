//! Read marks of files that are not there now. A drive offline, a folder
//! moved away for a moment, a sync in progress: the marks of what is missing
//! are kept through every save, and so are the marks another instance saved
//! meanwhile. A mark goes only once its file has been missing for
//! [`PRUNE_AFTER`], or when the user asks (`dateline state --prune`).
//!
//! The state file keeps, beside the marks, since when each mark's file has
//! been missing (`absent_since`, seconds since 1970): the first save that
//! found it gone starts the clock, a save that finds it back stops it.
//! Pure functions of the saved state and a way to tell a gone file; the
//! store reads and writes.

use super::SavedState;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// How long a read mark's file must have been missing before a save drops
/// the mark: longer than a drive is usually left unplugged or a sync takes.
pub const PRUNE_AFTER: Duration = Duration::from_secs(90 * 24 * 60 * 60);

/// Since when (seconds since 1970) each mark's file has been missing.
pub type Absences = BTreeMap<String, u64>;

/// What the state file holds beside a [`SavedState`]. Read on its own, so
/// the saved state itself (and the files of older versions, which lack it)
/// reads as before.
#[derive(Debug, Default, Deserialize)]
struct AbsencesOnly {
    #[serde(default)]
    absent_since: Absences,
}

/// The absences a state file's `bytes` record (none when it has none or is
/// not a state file: its marks then have no dates, and the clock starts
/// from the next save).
pub fn absences(bytes: &[u8]) -> Absences {
    serde_json::from_slice::<AbsencesOnly>(bytes)
        .map(|a| a.absent_since)
        .unwrap_or_default()
}

/// A state as written: the saved state and, when there are any, the dates
/// of the marks whose files are missing.
#[derive(Serialize)]
pub struct Written<'a> {
    #[serde(flatten)]
    pub state: &'a SavedState,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub absent_since: &'a Absences,
}

/// What a save writes when the session's `state` meets the file on disk
/// (`on_disk`: its state and absences): the session's place, its read marks
/// (of files it has: present), and every mark of the file it lacks — those
/// of files that are `gone` dated (the date on disk, else `now`) and
/// dropped once gone for [`PRUNE_AFTER`], the others (another instance's)
/// kept as they are. `None` for the state: `state` is written unchanged.
pub fn merge(
    state: &SavedState,
    on_disk: Option<(SavedState, Absences)>,
    now: u64,
    gone: impl Fn(&str) -> bool,
) -> (Option<SavedState>, Absences) {
    let mut absent = Absences::new();
    let Some((disk, dates)) = on_disk else {
        return (None, absent);
    };
    let have: crate::hash::FxSet<&str> = state.read.iter().map(String::as_str).collect();
    let mut more = Vec::new();
    for mark in disk.read {
        if have.contains(mark.as_str()) {
            continue;
        }
        if gone(&mark) {
            let since = dates.get(&mark).copied().unwrap_or(now);
            if now.saturating_sub(since) >= PRUNE_AFTER.as_secs() {
                continue;
            }
            absent.insert(mark.clone(), since);
        }
        more.push(mark);
    }
    if more.is_empty() {
        return (None, absent);
    }
    (Some(with_read_marks_of(state, more)), absent)
}

/// `state` with `more` read marks added (sorted, without repeats).
fn with_read_marks_of(state: &SavedState, more: Vec<String>) -> SavedState {
    let mut read = more;
    read.extend(state.read.iter().cloned());
    read.sort_unstable();
    read.dedup();
    SavedState {
        version: state.version,
        corpus: state.corpus.clone(),
        focus: state.focus.clone(),
        article: state.article.clone(),
        reader_top: state.reader_top,
        event: state.event.clone(),
        follow: state.follow.clone(),
        read,
        sort_by_file: state.sort_by_file,
        config_sort_by_file: state.config_sort_by_file,
    }
}

/// Whether the file a read mark names is missing: nothing at that path
/// (nor, for a record of a web archive, `archive.warc#3`, at the archive's).
/// Anything but "no such file" (no permission, an I/O error) is not proof
/// that it is gone, and counts as there.
pub fn file_gone(mark: &str) -> bool {
    let missing = |p: &str| {
        std::fs::metadata(p).is_err_and(|e| {
            matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            )
        })
    };
    missing(mark) && record_archive(mark).is_none_or(missing)
}

/// The archive a record's mark (`archive.warc#3`) is in.
pub fn record_archive(mark: &str) -> Option<&str> {
    let (archive, n) = mark.rsplit_once('#')?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(archive)
}

/// The marks of `read` whose files `present` lacks (a record's archive
/// being there counts), for a prune the user asked for.
pub fn not_present<'a>(read: &'a [String], present: &crate::hash::FxSet<String>) -> Vec<&'a str> {
    read.iter()
        .map(String::as_str)
        .filter(|m| !present.contains(*m) && record_archive(m).is_none_or(|a| !present.contains(a)))
        .collect()
}

/// Seconds since 1970, now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: u64 = 24 * 60 * 60;

    fn with_read(read: &[&str]) -> SavedState {
        SavedState {
            version: super::super::VERSION,
            read: read.iter().map(|s| s.to_string()).collect(),
            ..SavedState::default()
        }
    }

    #[test]
    fn marks_missing_now_are_kept_and_dated_and_another_instances_are_kept_undated() {
        let session = with_read(&["/c/here/a.txt"]);
        let disk = with_read(&["/c/away/b.txt", "/c/here/a.txt", "/c/here/z.txt"]);
        let now = 1_000 * DAY;
        let (merged, absent) = merge(&session, Some((disk, Absences::new())), now, |m| {
            m.starts_with("/c/away/")
        });
        let merged = merged.expect("marks added");
        assert_eq!(
            merged.read,
            ["/c/away/b.txt", "/c/here/a.txt", "/c/here/z.txt"]
        );
        assert_eq!(absent, Absences::from([("/c/away/b.txt".into(), now)]));
    }

    #[test]
    fn a_mark_gone_for_long_is_pruned_and_one_gone_a_while_is_not() {
        let session = with_read(&["/c/here/a.txt"]);
        let disk = with_read(&["/c/old/b.txt", "/c/recent/c.txt", "/c/here/a.txt"]);
        let now = 1_000 * DAY;
        let dates = Absences::from([
            ("/c/old/b.txt".into(), now - PRUNE_AFTER.as_secs()),
            ("/c/recent/c.txt".into(), now - PRUNE_AFTER.as_secs() + DAY),
        ]);
        let (merged, absent) = merge(&session, Some((disk, dates)), now, |m| !m.contains("here"));
        assert_eq!(merged.unwrap().read, ["/c/here/a.txt", "/c/recent/c.txt"]);
        assert_eq!(
            absent,
            Absences::from([("/c/recent/c.txt".into(), now - PRUNE_AFTER.as_secs() + DAY)])
        );
    }

    #[test]
    fn a_file_back_loses_its_date_and_a_mark_the_session_has_needs_no_merge() {
        let old = 5 * DAY;
        let dates = Absences::from([("/c/b.txt".into(), old), ("/c/a.txt".into(), old)]);
        let disk = with_read(&["/c/a.txt", "/c/b.txt"]);
        // b.txt is back but this session has not read it: kept, undated.
        let session = with_read(&["/c/a.txt"]);
        let (merged, absent) = merge(
            &session,
            Some((disk.clone(), dates.clone())),
            1_000 * DAY,
            |_| false,
        );
        assert_eq!(merged.unwrap().read, ["/c/a.txt", "/c/b.txt"]);
        assert!(absent.is_empty(), "{absent:?}");
        // Every mark in the session: the state is written as it is.
        let (merged, absent) = merge(&disk, Some((disk.clone(), dates)), 1_000 * DAY, |_| true);
        assert!(merged.is_none() && absent.is_empty());
    }

    #[test]
    fn absences_are_read_beside_the_state_and_missing_in_older_files() {
        let state = with_read(&["/c/b.txt"]);
        let dates = Absences::from([("/c/b.txt".into(), 77)]);
        let bytes = serde_json::to_vec(&Written {
            state: &state,
            absent_since: &dates,
        })
        .unwrap();
        assert_eq!(absences(&bytes), dates);
        assert_eq!(super::super::parse(&bytes).unwrap(), state);
        let plain = serde_json::to_vec(&state).unwrap();
        assert!(absences(&plain).is_empty());
        assert!(!String::from_utf8(plain).unwrap().contains("absent_since"));
    }

    #[test]
    fn a_record_counts_as_there_while_its_archive_is() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("news.warc");
        std::fs::write(&archive, "x").unwrap();
        let archive = archive.to_str().unwrap();
        assert!(!file_gone(archive));
        assert!(!file_gone(&format!("{archive}#12")));
        assert!(file_gone(&format!("{archive}x#12")));
        assert!(file_gone(&format!("{archive}/under/a.txt")), "not a folder");
        assert_eq!(record_archive("a#b#7"), Some("a#b"));
        assert_eq!(record_archive("a#b"), None);
        assert_eq!(record_archive("a#"), None);
        let present: crate::hash::FxSet<String> = [archive.to_string()].into_iter().collect();
        let read = [format!("{archive}#3"), "/elsewhere/a.txt".to_string()];
        assert_eq!(not_present(&read, &present), ["/elsewhere/a.txt"]);
    }
}
