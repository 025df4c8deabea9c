//! The actors stage alone, three times over a corpus (cleaned and segmented
//! first, untimed), for profiling it: `valgrind --tool=callgrind` gives
//! instruction counts that do not depend on how busy the machine is.
//!
//!   cargo build --profile profiling --example actors_only
//!   valgrind --tool=callgrind target/profiling/examples/actors_only target/bench-corpus/1000

use dateline::parse::{actors, blocks, segment};
use std::path::PathBuf;
fn main() {
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (files, _) = dateline::ingest::load(&paths, None);
    let prepped: Vec<(String, Vec<dateline::model::Span>)> = files
        .into_iter()
        .map(|f| {
            let c = blocks::classify(&knowledge.page, &f.text);
            let s = segment::sentences(&knowledge.abbreviations, &f.text, &c.body);
            (f.text, s)
        })
        .collect();
    let lexicon = actors::Lexicon::builtin();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..3 {
        for (text, s) in &prepped {
            n += actors::extract(&lexicon, text, s).mentions.len();
        }
    }
    let mb: usize = prepped.iter().map(|p| p.0.len()).sum();
    println!(
        "{n} {:.1} MB/s",
        3.0 * mb as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
}
