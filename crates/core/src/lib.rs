//! dateline's core: everything that is neither the terminal nor the command
//! line.
//!
//! `load` is the one loading pipeline: `ingest` reads files, `parse` turns
//! each into a [`model::Article`] and the corpus into indices. `query`
//! answers questions of the model and `output` turns it into typed rows and
//! renders them. `config` and `state` read and write the user's own files
//! (settings, remembered places and marks) that both front ends share; the
//! parser never names them. This crate depends on no terminal crate: the
//! compiler keeps the boundary.

pub mod config;
pub mod date_text;
pub(crate) mod hash;
pub mod index;
pub mod ingest;
pub mod load;
pub mod model;
pub mod numfmt;
pub mod output;
pub mod parse;
pub use parse::knowledge;
pub mod query;
pub mod state;
pub mod stats;
#[cfg(feature = "test-support")]
pub mod testing;
pub mod text;
pub mod warning;

use std::path::PathBuf;

/// Loads and parses `paths` (no paths: the bundled seeds); see
/// [`load::Loader`] for progress and an early part.
pub fn open(paths: &[PathBuf]) -> model::Corpus {
    load::Loader::new(paths).load()
}
