//! The corpus from its files: every article parsed on every core, then the
//! corpus-level steps that need them all (the folder's year, actor
//! merging, indices).

use super::knowledge::Knowledge;
use super::parts::{Parts, remove_slots};
use super::{Parsed, Progress, actors, dates, parse_article, release_thread_scratch};
use crate::ingest::Loaded;
use crate::model::{ArticleId, Corpus};
use crate::warning::Warning;
use rayon::prelude::*;
use std::sync::atomic::Ordering;

/// Parses every file (in parallel) and builds the corpus with its indices,
/// counting parsed articles into `progress` when given. Front ends load
/// through [`crate::load::Loader`]; this is for texts already in memory.
pub fn build_corpus(
    knowledge: &Knowledge,
    files: Vec<Loaded>,
    warnings: Vec<Warning>,
    progress: Option<&Progress>,
) -> Corpus {
    let quiet = Progress::default();
    let progress = progress.unwrap_or(&quiet);
    let mut parts = Parts::default();
    parts.extend_parallel(files.into_par_iter().map(|l| {
        let r = parse_article(knowledge, 0, l);
        progress.parsed.fetch_add(1, Ordering::Relaxed);
        Ok(r)
    }));
    finish_corpus(knowledge, parts, warnings, progress)
}

/// Reads and parses `files` in one parallel pass, so each text is parsed
/// while it is still in cache and reading overlaps parsing. A file that
/// cannot be read is a warning; ids follow the order of `files`. Each path
/// moves into its article (or warning), so the list is not held twice
/// while the corpus is built.
pub fn read_and_build_corpus(
    knowledge: &Knowledge,
    files: Vec<std::path::PathBuf>,
    warnings: Vec<Warning>,
    progress: &Progress,
) -> Corpus {
    use crate::ingest::{guarded::Nearby, warc};
    let mut parts = Parts::default();
    // Runs of plain files in parallel, each archive streamed between them.
    let mut run = Vec::new();
    let mut files = files.into_iter();
    loop {
        let next = match files.next() {
            Some(f) if !warc::is_archive(&f) => {
                run.push(f);
                continue;
            }
            next => next,
        };
        let run = std::mem::take(&mut run).into_par_iter();
        parts.extend_parallel(run.map_init(Nearby::default, |nearby, f| {
            let r = crate::ingest::read_file_with(f, nearby);
            progress.read.fetch_add(1, Ordering::Relaxed);
            let r = r.map(|l| parse_article(knowledge, 0, l));
            // Only what became an article counts as parsed: "N articles
            // parsed" must not count the files skipped with a warning.
            if r.is_ok() {
                progress.parsed.fetch_add(1, Ordering::Relaxed);
            }
            r
        }));
        match next {
            Some(archive) => read_archive(knowledge, &archive, &mut parts, progress),
            None => break,
        }
    }
    rayon::broadcast(|_| release_thread_scratch());
    finish_corpus(knowledge, parts, warnings, progress)
}

/// Parses an archive's records as they are read, on every core, keeping
/// the archive's order; memory holds the records being parsed, not the
/// archive. Each record counts as a file found and read.
fn read_archive(
    knowledge: &Knowledge,
    archive: &std::path::Path,
    parts: &mut Parts,
    progress: &Progress,
) {
    let records = match crate::ingest::warc::records(archive) {
        Ok(r) => r,
        Err(w) => {
            progress.read.fetch_add(1, Ordering::Relaxed);
            parts.push(Err(w));
            return;
        }
    };
    let mut parsed: Vec<(usize, Result<Parsed, Warning>)> = records
        .enumerate()
        .par_bridge()
        .map(|(i, r)| {
            // The archive was counted as one file: its first record is it.
            if i > 0 {
                progress.files.fetch_add(1, Ordering::Relaxed);
            }
            progress.read.fetch_add(1, Ordering::Relaxed);
            let r = r.map(|l| parse_article(knowledge, 0, l));
            if r.is_ok() {
                progress.parsed.fetch_add(1, Ordering::Relaxed);
            }
            (i, r)
        })
        .collect();
    parsed.sort_unstable_by_key(|(i, _)| *i);
    for (_, r) in parsed {
        parts.push(r);
    }
}

/// The corpus-level steps: the folder's year, actor merging, indices. A file
/// that failed is a warning here; ids count the articles that parsed.
fn finish_corpus(
    knowledge: &Knowledge,
    parts: Parts,
    mut warnings: Vec<Warning>,
    progress: &Progress,
) -> Corpus {
    progress.indexing.store(true, Ordering::Relaxed);
    let Parts {
        lists: (mut articles, (mut locals, mut unanchored)),
        interned,
        tallies,
        failed,
        warnings: failures,
    } = parts;
    remove_slots(&mut articles, &failed);
    remove_slots(&mut locals, &failed);
    remove_slots(&mut unanchored, &failed);
    warnings.extend(failures);
    for (id, a) in articles.iter_mut().enumerate() {
        a.id = id as ArticleId;
    }
    dates::assume_folder_year_with(&mut articles, &unanchored);
    drop(unanchored);
    let locals = actors::Locals {
        list: locals,
        interned: interned
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    };
    // Slots count failed files too; in order all the same.
    let distinct = tallies
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_par_iter()
        .reduce(actors::DistinctTally::default, actors::DistinctTally::added);
    let actors = actors::merge_tallied(&knowledge.actors, &mut articles, locals, Some(distinct));
    crate::index::build(articles, actors, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_fails_between_two_is_a_warning_and_ids_stay_consecutive() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, body: &[u8]| std::fs::write(dir.path().join(name), body).unwrap();
        write(
            "a.txt",
            b"Ferry to Brask\n\nThe ferry sailed on 4 March 2026.\n",
        );
        write("b.txt", b"bin\0ary");
        write(
            "c.txt",
            b"Quay reopens\n\nThe quay opened on 5 March 2026.\n",
        );
        let files: Vec<_> = ["a.txt", "b.txt", "c.txt"]
            .iter()
            .map(|n| dir.path().join(n))
            .collect();
        let c = read_and_build_corpus(
            &crate::parse::knowledge::Knowledge::shared_builtin(),
            files,
            Vec::new(),
            &Progress::default(),
        );
        let titles: Vec<(ArticleId, &str)> =
            c.articles.iter().map(|a| (a.id, a.title_text())).collect();
        assert_eq!(titles, [(0, "Ferry to Brask"), (1, "Quay reopens")]);
        assert_eq!(c.warnings.len(), 1);
        assert!(c.warnings[0].path.ends_with("b.txt"));
    }
}
