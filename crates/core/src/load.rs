//! Loading a corpus, the one pipeline every front end uses: the CLI's
//! commands, `stats`, the TUI's loader thread (with an early part first)
//! and its `--watch` reloads. A [`Loader`] says what to load and how to
//! report on it; [`Loader::load`] walks the folders, reads and parses the
//! files in one parallel pass and builds the corpus.

use crate::model::Corpus;
use crate::parse::Progress;
use crate::parse::knowledge::Knowledge;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// What to load and how: the paths (none: the bundled seeds), what the
/// parser knows (the bundled knowledge unless given), the counters to
/// report into, and whether an early part is handed over first.
///
/// ```no_run
/// # use dateline_core::load::Loader;
/// # use dateline_core::parse::Progress;
/// let progress = Progress::default();
/// let corpus = Loader::new(&["news/".into()]).progress(&progress).load();
/// ```
pub struct Loader<'a> {
    paths: &'a [PathBuf],
    /// None: the bundled knowledge, built (once per process) only when
    /// the load starts, not when a caller's value replaces it.
    knowledge: Option<Arc<Knowledge>>,
    progress: Option<&'a Progress>,
    early_files: usize,
}

impl<'a> Loader<'a> {
    pub fn new(paths: &'a [PathBuf]) -> Self {
        Loader {
            paths,
            knowledge: None,
            progress: None,
            early_files: 0,
        }
    }

    /// Parses with `knowledge` (the user's files added, say) instead of
    /// the bundled knowledge alone.
    pub fn knowledge(mut self, knowledge: Arc<Knowledge>) -> Self {
        self.knowledge = Some(knowledge);
        self
    }

    /// Counts the load into `progress` (for a loading screen or line).
    pub fn progress(mut self, progress: &'a Progress) -> Self {
        self.progress = Some(progress);
        self
    }

    /// Parses the first `files` files (a tenth of them, when that is
    /// fewer) on their own first and hands that corpus to
    /// [`Loader::load_early_first`]'s callback, when there are more than
    /// twice as many files: a large corpus can be shown before it is all
    /// parsed. The early files are parsed again in the full load (the
    /// corpus-level steps need every article at once); the progress
    /// counters count only the full load. 0 (the default): no early part.
    pub fn early_part(mut self, files: usize) -> Self {
        self.early_files = files;
        self
    }

    /// The whole corpus.
    pub fn load(self) -> Corpus {
        // Always Some: only a callback that says no stops the load.
        self.load_early_first(|_| true).unwrap_or_default()
    }

    /// The whole corpus, after handing the early part (see
    /// [`Loader::early_part`]) to `early`; None when `early` returns false
    /// (nobody wants the rest).
    pub fn load_early_first(self, mut early: impl FnMut(Corpus) -> bool) -> Option<Corpus> {
        let quiet = Progress::default();
        let progress = self.progress.unwrap_or(&quiet);
        let knowledge = self.knowledge.unwrap_or_else(Knowledge::shared_builtin);
        crate::parse::warm_up(&knowledge);
        let knowledge = &*knowledge;
        if self.paths.is_empty() {
            let counts = crate::ingest::Counts {
                files: &progress.files,
                read: &progress.read,
            };
            let (files, warnings) = crate::ingest::load(self.paths, Some(counts));
            return Some(crate::parse::build_corpus(
                knowledge,
                files,
                warnings,
                Some(progress),
            ));
        }
        let mut warnings = Vec::new();
        let files = crate::ingest::collect_files(self.paths, &mut warnings);
        progress.files.store(files.len(), Ordering::Relaxed);
        let first = self.early_files.min(files.len() / 10);
        if first > 0 && files.len() > self.early_files.saturating_mul(2) {
            let part = crate::parse::read_and_build_corpus(
                knowledge,
                files[..first].to_vec(),
                warnings.clone(),
                &Progress::default(),
            );
            if !early(part) {
                return None;
            }
        }
        Some(crate::parse::read_and_build_corpus(
            knowledge, files, warnings, progress,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..files {
            std::fs::write(
                dir.path().join(format!("{i:03}.txt")),
                format!("Ferry note {i}\n\nThe ferry to Brask sailed on 4 March 2026.\n"),
            )
            .unwrap();
        }
        dir
    }

    #[test]
    fn no_paths_load_the_seeds_and_count_them() {
        let progress = Progress::default();
        let c = Loader::new(&[]).progress(&progress).load();
        assert!(!c.articles.is_empty());
        assert_eq!(progress.files.load(Ordering::Relaxed), c.articles.len());
        assert_eq!(progress.parsed.load(Ordering::Relaxed), c.articles.len());
    }

    #[test]
    fn an_early_part_comes_first_and_only_the_full_load_is_counted() {
        let dir = folder(40);
        let progress = Progress::default();
        let mut early = Vec::new();
        let full = Loader::new(&[dir.path().to_path_buf()])
            .progress(&progress)
            .early_part(3)
            .load_early_first(|c| {
                early.push(c.articles.len());
                true
            })
            .unwrap();
        assert_eq!(early, [3]);
        assert_eq!(full.articles.len(), 40);
        assert_eq!(progress.parsed.load(Ordering::Relaxed), 40);
    }

    #[test]
    fn a_small_corpus_has_no_early_part_and_a_refused_one_stops_the_load() {
        let small = folder(6);
        let paths = [small.path().to_path_buf()];
        let mut calls = 0;
        let full = Loader::new(&paths).early_part(3).load_early_first(|_| {
            calls += 1;
            true
        });
        assert_eq!((calls, full.map(|c| c.articles.len())), (0, Some(6)));
        let large = folder(40);
        let paths = [large.path().to_path_buf()];
        assert!(
            Loader::new(&paths)
                .early_part(3)
                .load_early_first(|_| false)
                .is_none()
        );
    }
}
