//! `dateline stats`: what a corpus holds and what loading it cost (printed
//! as `output::rows::StatsRow`). The benchmark script reads its figures;
//! the plain read of the same files is the floor the pipeline is compared
//! with, measured in the same process.

use crate::ingest;
use crate::model::Corpus;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

pub struct Stats {
    pub files: usize,
    pub bytes: u64,
    /// Seconds for a plain parallel read of every file (no decoding, no parsing).
    pub read_floor_s: f64,
    /// Seconds for the whole pipeline as the TUI and CLI run it: find the
    /// files, read, decode, parse, merge and index.
    pub pipeline_s: f64,
    /// Peak resident memory of the process, when the OS tells it.
    pub peak_rss_bytes: Option<u64>,
    pub corpus: Corpus,
}

/// Loads `paths` with `knowledge` as every command does, counting into `progress` (for the
/// CLI's progress line), and times it beside a plain read of the same files.
pub fn measure(
    paths: &[PathBuf],
    knowledge: &std::sync::Arc<crate::parse::knowledge::Knowledge>,
    progress: &crate::parse::Progress,
) -> Stats {
    let mut w = Vec::new();
    let files = if paths.is_empty() {
        Vec::new()
    } else {
        ingest::collect_files(paths, &mut w)
    };
    let t = Instant::now();
    let bytes: u64 = files
        .par_iter()
        .map(|f| {
            // An archive is read whatever its size (a record at a time).
            if ingest::warc::is_archive(f) {
                std::fs::read(f).map_or(0, |b| b.len() as u64)
            } else {
                ingest::guarded::read_regular(f, ingest::MAX_FILE_BYTES)
                    .map_or(0, |b| b.len() as u64)
            }
        })
        .sum();
    let read_floor_s = t.elapsed().as_secs_f64();
    drop(files);
    let t = Instant::now();
    let corpus = crate::load::Loader::new(paths)
        .knowledge(std::sync::Arc::clone(knowledge))
        .progress(progress)
        .load();
    let pipeline_s = t.elapsed().as_secs_f64();
    let bytes = if paths.is_empty() {
        corpus.articles.iter().map(|a| a.raw.len() as u64).sum()
    } else {
        bytes
    };
    Stats {
        files: corpus.articles.len(),
        bytes,
        read_floor_s,
        pipeline_s,
        peak_rss_bytes: peak_rss(),
        corpus,
    }
}

/// VmHWM from /proc/self/status (Linux); None elsewhere.
pub fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
