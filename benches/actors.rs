//! Throughput of the actors stage (per-article extraction plus the corpus
//! merge) over the seed articles, repeated to about 1 MB.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::model::{Article, Span};
use dateline::parse::{actors, blocks, segment};
use std::hint::black_box;

/// (raw text, sentences) for the seeds repeated to at least `target` bytes.
fn corpus(target: usize) -> Vec<(String, Vec<Span>)> {
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    let mut seeds: Vec<(String, Vec<Span>)> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("seeds")
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths {
        let raw = std::fs::read_to_string(&p).expect("seed text");
        let cleaned = blocks::classify(&knowledge.page, &raw);
        let sentences = segment::sentences(&knowledge.abbreviations, &raw, &cleaned.body);
        seeds.push((raw, sentences));
    }
    let mut out = Vec::new();
    let mut size = 0;
    while size < target && !seeds.is_empty() {
        for s in &seeds {
            size += s.0.len();
            out.push(s.clone());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = corpus(1 << 20);
    let lexicon = actors::Lexicon::builtin();
    let lx = &lexicon;
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let mut g = c.benchmark_group("actors");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("extract", |b| {
        b.iter(|| {
            for (raw, sentences) in &docs {
                black_box(actors::extract(lx, raw, sentences));
            }
        })
    });
    g.bench_function("extract+merge", |b| {
        b.iter(|| {
            let mut arts: Vec<Article> = docs
                .iter()
                .enumerate()
                .map(|(i, (raw, sentences))| Article {
                    id: i as u32,
                    raw: raw.clone(),
                    sentences: sentences.clone().into(),
                    ..Default::default()
                })
                .collect();
            let locals: Vec<_> = docs
                .iter()
                .map(|(raw, sentences)| actors::extract(lx, raw, sentences))
                .collect();
            black_box(actors::merge(lx, &mut arts, locals));
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
