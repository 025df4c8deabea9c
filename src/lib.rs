//! dateline: a terminal browser for news articles.
//!
//! `load` is the one loading pipeline: `ingest` reads files, `parse` turns
//! each into an [`model::Article`] and the corpus into indices. `query`
//! answers questions of the model, `output` turns it into typed rows and
//! renders them, `cli` runs the commands and `tui` shows it. Only `tui`
//! knows about the terminal.

pub mod args;
#[cfg(test)]
mod boundaries;
pub mod cli;
pub mod config;
pub(crate) mod date_text;
pub(crate) mod hash;
pub mod index;
pub mod ingest;
pub mod load;
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

/// Loads and parses `paths` (no paths: the bundled seeds); see
/// [`load::Loader`] for progress and an early part.
pub fn open(paths: &[PathBuf]) -> model::Corpus {
    load::Loader::new(paths).load()
}
