//! dateline: a terminal browser for news articles.
//!
//! Three crates: `dateline-core` (crates/core: model, reading, parsing,
//! queries, output rows, the user's files), `dateline-tui` (crates/tui: the
//! terminal interface over the core) and this one, the command line (`args`,
//! `cli`, the progress line) and `main`. The core's and the TUI's modules
//! are re-exported here under their old paths, so `dateline::model` and
//! `dateline::tui` name the same things for the binary, the tests and the
//! benches.

pub mod args;
#[cfg(test)]
mod boundaries;
pub mod cli;
pub mod progress;
pub mod suggest;

pub use dateline_core::{
    config, index, ingest, knowledge, load, model, numfmt, open, output, parse, query, state,
    stats, text, warning,
};
pub use dateline_tui as tui;
