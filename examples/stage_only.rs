//! One per-article stage alone (clean, meta, segment or dates), three times
//! over a corpus with its inputs prepared first, for profiling it:
//! `valgrind --tool=callgrind` gives instruction counts that do not depend
//! on how busy the machine is. (`actors_only` does the same for actors.)
//!
//!   cargo build --profile profiling --example stage_only
//!   valgrind --tool=callgrind target/profiling/examples/stage_only dates target/bench-corpus/1000

use dateline::parse::{blocks, dates, meta, segment};
use std::hint::black_box;
use std::path::PathBuf;

fn main() {
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    let mut args = std::env::args_os().skip(1);
    let stage = args
        .next()
        .and_then(|s| s.into_string().ok())
        .unwrap_or_default();
    let paths: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let (files, _) = dateline::ingest::load(&paths, None);
    let prepped: Vec<_> = files
        .into_iter()
        .map(|f| {
            let c = blocks::classify(&knowledge.page, &f.text);
            let e = meta::explicit_published(knowledge.time_words.full_dates(), &f.text, &c);
            let s = segment::sentences(&knowledge.abbreviations, &f.text, &c.body);
            (f.text, c, e, s)
        })
        .collect();
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    let t = std::time::Instant::now();
    for _ in 0..3 {
        for (text, cleaned, explicit, sentences) in &prepped {
            match stage.as_str() {
                "clean" => drop(black_box(blocks::classify(&knowledge.page, text))),
                "meta" => {
                    black_box(meta::explicit_published(
                        knowledge.time_words.full_dates(),
                        text,
                        cleaned,
                    ));
                    black_box(meta::source(
                        &knowledge.publishers,
                        &knowledge.actors,
                        text,
                        cleaned,
                    ));
                }
                "segment" => drop(black_box(segment::sentences(
                    &knowledge.abbreviations,
                    text,
                    &cleaned.body,
                ))),
                "dates" => drop(black_box(dates::analyse(
                    &knowledge.time_words,
                    text,
                    sentences,
                    explicit,
                ))),
                _ => {
                    eprintln!("usage: stage_only clean|meta|segment|dates PATH...");
                    std::process::exit(2);
                }
            }
        }
    }
    let mb: usize = prepped.iter().map(|p| p.0.len()).sum();
    println!(
        "{stage} {:.1} MB/s",
        3.0 * mb as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
}
