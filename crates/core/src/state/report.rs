//! What `dateline state` says: where a corpus's state file is, how many
//! read marks it keeps and which are of files not in the corpus now (kept,
//! in case a drive is offline or a sync is half done), and what
//! `--prune` forgot. Text only; the store does the reading and writing.

use super::marks::PRUNE_AFTER;
use super::{CorpusKey, MarksSummary};
use crate::hash::FxSet;
use crate::text::sanitize_line;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// At most this many marks are listed by name; the rest are counted.
const LISTED: usize = 20;

/// The identities of the corpus's files now: every file under `paths` as
/// [`crate::ingest::collect_files`] finds them (none: the bundled seeds).
pub fn present(key: &CorpusKey, paths: &[PathBuf]) -> FxSet<String> {
    if paths.is_empty() {
        return crate::ingest::bundled()
            .iter()
            .map(|l| key.article_id(&l.path))
            .collect();
    }
    let mut warnings = Vec::new();
    crate::ingest::collect_files(paths, &mut warnings)
        .iter()
        .map(|p| key.article_id(p))
        .collect()
}

/// The first of `paths` that is not there now: a prune would forget every
/// mark under it, which is what a drive offline looks like.
pub fn missing_root(paths: &[PathBuf]) -> Option<&Path> {
    paths
        .iter()
        .find(|p| std::fs::metadata(p).is_err())
        .map(PathBuf::as_path)
}

/// The report on the state file at `file`: `summary` of its marks (None:
/// nothing saved yet).
pub fn summary_text(file: &Path, summary: Option<&MarksSummary>) -> String {
    let mut out = format!(
        "state file: {}\n",
        sanitize_line(&file.display().to_string())
    );
    let Some(s) = summary else {
        out.push_str("nothing saved for this corpus yet\n");
        return out;
    };
    let _ = write!(out, "read marks: {}", s.read);
    if s.absent.is_empty() {
        out.push_str(", all of files in the corpus\n");
        return out;
    }
    let _ = writeln!(out, ", {} of files not in the corpus now:", s.absent.len());
    let names = s.absent.iter().map(|(mark, since)| match since {
        Some(t) => format!("{} (missing since {})", sanitize_line(mark), day(*t)),
        None => sanitize_line(mark).into_owned(),
    });
    list(&mut out, names, s.absent.len());
    let days = PRUNE_AFTER.as_secs() / (24 * 60 * 60);
    let _ = writeln!(
        out,
        "each is forgotten once missing for {days} days; `dateline state --prune` forgets them now"
    );
    out
}

/// The report on a prune that forgot `pruned` of the state file at `file`.
pub fn pruned_text(file: &Path, pruned: &[String]) -> String {
    let mut out = format!(
        "state file: {}\n",
        sanitize_line(&file.display().to_string())
    );
    if pruned.is_empty() {
        out.push_str("no read marks of files missing from the corpus: nothing to forget\n");
        return out;
    }
    let s = if pruned.len() == 1 { "" } else { "s" };
    let _ = writeln!(
        out,
        "forgot {} read mark{s} of files not in the corpus now:",
        pruned.len()
    );
    list(
        &mut out,
        pruned.iter().map(|m| sanitize_line(m).into_owned()),
        pruned.len(),
    );
    out
}

/// `names`, one a line, the first [`LISTED`] of `total`.
fn list(out: &mut String, names: impl Iterator<Item = String>, total: usize) {
    for name in names.take(LISTED) {
        let _ = writeln!(out, "  {name}");
    }
    if total > LISTED {
        let _ = writeln!(out, "  … and {} more", total - LISTED);
    }
}

/// Seconds since 1970 as a day, `2026-12-06`.
fn day(t: u64) -> String {
    i64::try_from(t)
        .ok()
        .and_then(|t| chrono::DateTime::from_timestamp(t, 0))
        .map_or_else(|| "?".to_string(), |d| d.date_naive().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_lists_missing_marks_with_their_dates_and_cuts_a_long_list() {
        let file = Path::new("/s/corpus-1.json");
        assert_eq!(
            summary_text(file, None),
            "state file: /s/corpus-1.json\nnothing saved for this corpus yet\n"
        );
        let some = MarksSummary {
            read: 3,
            absent: vec![
                ("/c/a\u{1b}.txt".into(), Some(86_400 * 365)),
                ("/c/b.txt".into(), None),
            ],
        };
        let text = summary_text(file, Some(&some));
        assert!(
            text.contains("read marks: 3, 2 of files not in the corpus now:\n"),
            "{text}"
        );
        assert!(
            text.contains("  /c/a␛.txt (missing since 1971-01-01)\n  /c/b.txt\n"),
            "{text}"
        );
        assert!(text.contains("--prune"), "{text}");
        let many: Vec<String> = (0..25).map(|i| format!("/c/{i}.txt")).collect();
        let text = pruned_text(file, &many);
        assert!(text.contains("forgot 25 read marks"), "{text}");
        assert!(text.contains("  /c/19.txt\n  … and 5 more\n"), "{text}");
        assert!(!text.contains("/c/20.txt"), "{text}");
        assert!(pruned_text(file, &[]).contains("nothing to forget"));
    }
}
