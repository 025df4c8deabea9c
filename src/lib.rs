//! dateline: a terminal browser for news articles.
//!
//! `ingest` reads files, `parse` turns each into an [`model::Article`] and the
//! corpus into indices, `query` answers questions of the model, `output` turns
//! it into typed rows and renders them, `cli` runs the commands and `tui`
//! shows it. Only `tui` knows about the terminal.

pub mod args;
#[cfg(test)]
mod boundaries;
pub mod cli;
pub mod config;
pub(crate) mod date_text;
pub(crate) mod hash;
pub mod index;
pub mod ingest;
pub mod model;
pub mod numfmt;
pub mod output;
pub mod parse;
pub mod progress;
pub mod query;
pub mod state;
pub mod stats;
pub mod suggest;
pub mod text;
pub mod tui;
pub mod warning;

use std::path::PathBuf;

/// Loads and parses `paths` (no paths: the bundled seeds).
pub fn open(paths: &[PathBuf]) -> model::Corpus {
    open_with_progress(paths, &parse::Progress::default())
}

/// [`open`], reporting how far it has got into `progress` (for a loading
/// screen on a large corpus).
pub fn open_with_progress(paths: &[PathBuf], progress: &parse::Progress) -> model::Corpus {
    parse::warm_up();
    if paths.is_empty() {
        let counts = ingest::Counts {
            files: &progress.files,
            read: &progress.read,
        };
        let (files, warnings) = ingest::load_with_progress(paths, counts);
        return parse::build_corpus_with_progress(files, warnings, progress);
    }
    let mut warnings = Vec::new();
    let files = ingest::collect_files(paths, &mut warnings);
    progress
        .files
        .store(files.len(), std::sync::atomic::Ordering::Relaxed);
    parse::read_and_build_corpus(&files, warnings, progress)
}
