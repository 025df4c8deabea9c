//! Where the pipeline's time and memory go: each per-article stage timed on
//! one thread over a corpus, then the parallel parse and the corpus-level
//! steps, and the live heap (counted by a wrapping allocator) after each,
//! over the corpus bytes. One figure per line; `bench/run.sh` prints them.
//! Also the allocations each stage makes per article, and the whole
//! `parse_article` on one thread beside the sum of its named stages (the
//! difference is what joins them and keeping every result).
//! The counting allocator costs an atomic add per allocation, which makes
//! allocation-heavy stages (actors) look a little slower here than in
//! `dateline stats`.
//!
//!   cargo run --release --example stage_times -- target/bench-corpus/10000

use dateline::parse::{self, actors, blocks, dates, meta, segment};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes, so the figures below say what the model holds
/// apart from what the allocator keeps in reserve.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Calls to allocate or grow a block: each is a trip into malloc.
static CALLS: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Ordering::Relaxed) + l.size();
        PEAK.fetch_max(n, Ordering::Relaxed);
        CALLS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        let n = LIVE.fetch_add(new_size, Ordering::Relaxed) + new_size;
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        PEAK.fetch_max(n, Ordering::Relaxed);
        CALLS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(p, l, new_size) }
    }
}
#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let knowledge = dateline::knowledge::Knowledge::shared_builtin();
    // The folder walk on its own (median of 5), then the walk and the reads.
    let mut walks: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(dateline::ingest::collect_files(&paths, &mut Vec::new()));
            t.elapsed()
        })
        .collect();
    walks.sort();
    let t = Instant::now();
    let (files, warnings) = dateline::ingest::load(&paths, None);
    let load = t.elapsed();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let mut stage = [Duration::ZERO; 5];
    let mut calls = [0usize; 5];
    let names = ["clean", "meta", "segment", "dates", "actors"];
    for f in &files {
        let text = &f.text;
        let (t, c) = (Instant::now(), CALLS.load(Ordering::Relaxed));
        let cleaned = blocks::classify(&knowledge.page, text);
        stage[0] += t.elapsed();
        calls[0] += CALLS.load(Ordering::Relaxed) - c;
        let (t, c) = (Instant::now(), CALLS.load(Ordering::Relaxed));
        let explicit = meta::explicit_published(knowledge.time_words.full_dates(), text, &cleaned);
        let _ = std::hint::black_box(meta::source(
            &knowledge.publishers,
            &knowledge.actors,
            text,
            &cleaned,
        ));
        stage[1] += t.elapsed();
        calls[1] += CALLS.load(Ordering::Relaxed) - c;
        let (t, c) = (Instant::now(), CALLS.load(Ordering::Relaxed));
        let sentences = segment::sentences(&knowledge.abbreviations, text, &cleaned.body);
        stage[2] += t.elapsed();
        calls[2] += CALLS.load(Ordering::Relaxed) - c;
        let (t, c) = (Instant::now(), CALLS.load(Ordering::Relaxed));
        let _ = std::hint::black_box(dates::analyse(
            &knowledge.time_words,
            text,
            &sentences,
            &explicit,
        ));
        stage[3] += t.elapsed();
        calls[3] += CALLS.load(Ordering::Relaxed) - c;
        let (t, c) = (Instant::now(), CALLS.load(Ordering::Relaxed));
        let _ = std::hint::black_box(actors::extract(&knowledge.actors, text, &sentences));
        stage[4] += t.elapsed();
        calls[4] += CALLS.load(Ordering::Relaxed) - c;
    }
    // The whole per-article parse on this thread, over copies of the files:
    // the named stages above plus what joins them.
    let copies = files.clone();
    let (t, c) = (Instant::now(), CALLS.load(Ordering::Relaxed));
    let one: Vec<_> = copies
        .into_iter()
        .enumerate()
        .map(|(i, l)| parse::parse_article(&knowledge, i as u32, l))
        .collect();
    let parse_one = t.elapsed();
    let parse_calls = CALLS.load(Ordering::Relaxed) - c;
    drop(one);
    // The copies are not the pipeline's: the peak is counted from here.
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
    let mb = bytes as f64 / 1e6;
    println!("walk_s {:.3}", walks[2].as_secs_f64());
    println!("load_s {:.3}", load.as_secs_f64());
    heap("after_load", bytes);
    for (n, d) in names.iter().zip(stage) {
        println!("stage_{n}_mb_per_s_one_thread {:.1}", mb / d.as_secs_f64());
    }
    let per_article = |n: usize| n as f64 / files.len().max(1) as f64;
    for (n, c) in names.iter().zip(calls) {
        println!("stage_{n}_allocs_per_article {:.1}", per_article(c));
    }
    let stage_sum: Duration = stage.iter().sum();
    println!("stages_one_thread_s {:.3}", stage_sum.as_secs_f64());
    println!("parse_one_thread_s {:.3}", parse_one.as_secs_f64());
    println!("parse_allocs_per_article {:.1}", per_article(parse_calls));
    use rayon::prelude::*;
    let t = Instant::now();
    let parsed: Vec<_> = files
        .into_par_iter()
        .enumerate()
        .map(|(i, l)| parse::parse_article(&knowledge, i as u32, l))
        .collect();
    heap("after_parse", bytes);
    println!("parse_all_cores_s {:.3}", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut articles = Vec::new();
    let mut locals = Vec::new();
    let mut unanchored = Vec::new();
    for p in parsed {
        articles.push(p.article);
        locals.push(p.actors);
        unanchored.push(p.unanchored_dates);
    }
    dates::assume_folder_year_with(&mut articles, &unanchored);
    println!("folder_year_s {:.3}", t.elapsed().as_secs_f64());
    // The load numbers and packs each article's actors on the parse's
    // threads as it arrives; only the merge of the packed lists follows
    // the parse. Timed apart, so merge_actors_s is the load's tail alone.
    let t = Instant::now();
    let mut interned = actors::Interned::default();
    let list = locals
        .into_iter()
        .zip(&articles)
        .map(|(found, a)| interned.local(found, &a.raw))
        .collect();
    println!("pack_actors_one_thread_s {:.3}", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let actors = actors::merge_locals(
        &knowledge.actors,
        &mut articles,
        actors::Locals { list, interned },
    );
    heap("after_merge", bytes);
    println!("merge_actors_s {:.3}", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let corpus = dateline::index::build(articles, actors, warnings);
    println!("index_s {:.3}", t.elapsed().as_secs_f64());
    heap("after_index", bytes);
    std::hint::black_box(corpus);
    println!(
        "peak_heap_over_corpus_bytes {:.2}",
        PEAK.load(Ordering::Relaxed) as f64 / bytes.max(1) as f64
    );
}

/// The live heap now, over the corpus bytes: what the model holds at this
/// step, apart from what the allocator keeps in reserve.
fn heap(when: &str, bytes: usize) {
    println!(
        "live_heap_{when}_over_corpus_bytes {:.2}",
        LIVE.load(Ordering::Relaxed) as f64 / bytes.max(1) as f64
    );
}
