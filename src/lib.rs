//! dateline: a terminal browser for news articles.
//!
//! `ingest` reads files, `parse` turns each into an [`model::Article`] and the
//! corpus into indices, `query` answers questions of the model, `cli` prints
//! it and `tui` shows it. Only `tui` knows about the terminal.

pub mod args;
pub mod assets;
pub mod cli;
pub mod export;
pub mod index;
pub mod ingest;
pub mod model;
pub mod parse;
pub mod query;
pub mod stats;
pub mod text;
pub mod tui;

use std::path::PathBuf;

/// Loads and parses `paths` (no paths: the bundled seeds).
pub fn open(paths: &[PathBuf]) -> model::Corpus {
    let (files, warnings) = ingest::load(paths);
    parse::build_corpus(files, warnings)
}
