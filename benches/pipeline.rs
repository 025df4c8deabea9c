//! Throughput of the parse stages, of the whole per-article pipeline and of
//! the whole corpus build, in bytes of article text per second, over the seed
//! articles. `bench/run.sh` measures the same at 1k-100k articles.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::ingest;
use dateline::parse::{self, blocks, meta, segment};
use std::hint::black_box;

fn seeds() -> Vec<String> {
    ingest::bundled().into_iter().map(|l| l.text).collect()
}

fn stages(c: &mut Criterion) {
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    let texts = seeds();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("clean", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| blocks::classify(&knowledge.page, black_box(t)).body.len())
                .sum::<usize>()
        })
    });
    let cleaned: Vec<_> = texts
        .iter()
        .map(|t| blocks::classify(&knowledge.page, t))
        .collect();
    g.bench_function("meta", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&cleaned)
                .map(|(t, c)| {
                    meta::explicit_published(knowledge.time_words.full_dates(), black_box(t), c)
                        .span
                        .is_some() as usize
                        + meta::source(&knowledge.publishers, &knowledge.actors, t, c).is_some()
                            as usize
                })
                .sum::<usize>()
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&cleaned)
                .map(|(t, c)| {
                    segment::sentences(&knowledge.abbreviations, black_box(t), &c.body).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("whole_article", |b| {
        b.iter(|| {
            ingest::bundled()
                .into_iter()
                .enumerate()
                .map(|(i, l)| {
                    parse::parse_article(
                        &dateline::knowledge::Knowledge::shared_builtin(),
                        i as u32,
                        l,
                    )
                    .article
                    .sentences
                    .len()
                })
                .sum::<usize>()
        })
    });
    // The whole pipeline as `dateline` runs it: every article, then the
    // corpus steps (the folder's year, actor merging, indices).
    g.bench_function("whole_corpus", |b| {
        b.iter(|| {
            parse::build_corpus(
                &dateline::knowledge::Knowledge::shared_builtin(),
                ingest::bundled(),
                Vec::new(),
                None,
            )
            .events
            .len()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
