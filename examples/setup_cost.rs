//! What each stage costs the first time it runs in a process (compiling its
//! patterns, loading its lexicons), measured one stage after another on a
//! tiny text, then again warm.
//!
//!   cargo run --release --example setup_cost
use dateline::model::Span;
use dateline::parse::{actors, blocks, dates, meta, segment};
use std::time::Instant;

fn main() {
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    const SAMPLE: &str = "Warm Up\n\nOn Monday, March 2, 2026, Jane Doe said it will rain.\n";
    let whole = [Span::new(0, SAMPLE.len())];
    // Built in the cold round's actors time, as the lexicon's first use was.
    let mut lexicon = None;
    for round in ["cold", "warm"] {
        let t = Instant::now();
        let c = blocks::classify(&knowledge.page, SAMPLE);
        let t_clean = t.elapsed();
        let t = Instant::now();
        let e = meta::explicit_published(knowledge.time_words.full_dates(), SAMPLE, &c);
        let _ = meta::source(&knowledge.publishers, &knowledge.actors, SAMPLE, &c);
        let t_meta = t.elapsed();
        let t = Instant::now();
        let s = segment::sentences(&knowledge.abbreviations, SAMPLE, &whole);
        let t_seg = t.elapsed();
        let t = Instant::now();
        let _ = dates::analyse(
            &dateline::knowledge::Knowledge::shared_builtin().time_words,
            SAMPLE,
            &s,
            &e,
        );
        let t_dates = t.elapsed();
        let t = Instant::now();
        let lx = lexicon.get_or_insert_with(actors::Lexicon::builtin);
        let _ = actors::extract(lx, SAMPLE, &s);
        let t_actors = t.elapsed();
        println!(
            "{round}: clean {:.2} ms, meta {:.2}, segment {:.2}, dates {:.2}, actors {:.2}",
            t_clean.as_secs_f64() * 1e3,
            t_meta.as_secs_f64() * 1e3,
            t_seg.as_secs_f64() * 1e3,
            t_dates.as_secs_f64() * 1e3,
            t_actors.as_secs_f64() * 1e3
        );
    }
}
