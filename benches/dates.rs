//! Throughput of the temporal-expression stage over the seed texts,
//! repeated to about 1 MB. Cleaning and segmentation run once, outside the
//! measurement; only `dates::analyse` is timed.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::model::{Published, Span};
use dateline::parse::{blocks, dates, segment};
use std::hint::black_box;
use std::path::Path;

/// (raw text, sentence spans) for each seed, repeated to about `target` bytes.
fn inputs(target: usize) -> (Vec<(String, Vec<Span>)>, u64) {
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let raw = std::fs::read_to_string(&path).expect("seed is UTF-8");
        let cleaned = blocks::classify(&knowledge.page, &raw);
        let sentences = segment::sentences(&knowledge.abbreviations, &raw, &cleaned.body);
        seeds.push((raw, sentences));
    }
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < target {
        for (raw, sentences) in &seeds {
            bytes += raw.len();
            out.push((raw.clone(), sentences.clone()));
        }
    }
    (out, bytes as u64)
}

fn bench_dates(c: &mut Criterion) {
    let (articles, bytes) = inputs(1 << 20);
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20);
    let unknown = Published::default();
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    let tw = &knowledge.time_words;
    group.bench_function("analyse_seeds_1MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for (raw, sentences) in &articles {
                let (_, times) = dates::analyse(tw, black_box(raw), black_box(sentences), &unknown);
                n += times.len();
            }
            n
        })
    });
    group.bench_function("analyse_with_year_seeds_1MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for (raw, sentences) in &articles {
                let (_, times) = dates::analyse_with_year(
                    tw,
                    black_box(raw),
                    black_box(sentences),
                    &unknown,
                    Some(2025),
                );
                n += times.len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench_dates);
criterion_main!(benches);
