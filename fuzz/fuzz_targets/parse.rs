//! The whole pipeline on arbitrary bytes: decode, clean, segment, dates,
//! actors, indices. Any panic is a bug; so is a span off a char boundary.
#![no_main]

use dateline::ingest::{Loaded, decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = decode(data) else { return };
    let loaded = Loaded { path: "fuzz.txt".into(), text, warnings: Vec::new() };
    let corpus = dateline::parse::build_corpus(&dateline::knowledge::Knowledge::shared_builtin(), vec![loaded], Vec::new(), None);
    for a in &corpus.articles {
        let spans = a.body.iter().chain(&a.sentences).chain(&a.boilerplate).chain(&a.teasers).copied()
            .chain(a.times.iter().map(|t| t.span))
            .chain(a.mentions.iter().map(|m| m.span))
            .chain(a.title);
        for s in spans {
            assert!(a.raw.get(s.range()).is_some(), "bad span {s:?}");
        }
    }
});
