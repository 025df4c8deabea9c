//! The CLI's progress line: while a command loads a large corpus, one line
//! on stderr says how far it has got —
//! `dateline: reading 12,345/100,000 files… parsing 4,000/100,000` —
//! redrawn in place at most ten times a second and erased when the load
//! ends, so warnings and output that follow start on a clean line.
//!
//! Only when stderr is a terminal: piped or redirected, stderr carries
//! nothing but warnings and errors. Loads that finish within
//! [`DEFAULT_AFTER`] show nothing at all, so small corpora do not flicker.

use crate::parse::Progress;
use std::io::{IsTerminal, Write};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// How long a load runs before the line appears. `DATELINE_PROGRESS_AFTER_MS`
/// overrides it (tests set 0 to show the line at once).
pub const DEFAULT_AFTER: Duration = Duration::from_millis(250);
/// Time between redraws.
pub const TICK: Duration = Duration::from_millis(100);

/// Runs `load`, showing its progress on stderr when stderr is a terminal.
pub fn while_loading<T>(load: impl FnOnce(&Progress) -> T) -> T {
    let progress = Progress::default();
    if !std::io::stderr().is_terminal() {
        return load(&progress);
    }
    let after = std::env::var("DATELINE_PROGRESS_AFTER_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(DEFAULT_AFTER, Duration::from_millis);
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = mpsc::channel::<()>();
        let p = &progress;
        scope.spawn(move || show(p, &done_rx, after));
        let out = load(&progress);
        // Dropping the sender wakes the drawing thread; the scope waits for
        // it to erase its line before anything else is printed.
        drop(done_tx);
        out
    })
}

/// Draws until `done` is disconnected, then erases the line.
fn show(p: &Progress, done: &mpsc::Receiver<()>, after: Duration) {
    if done.recv_timeout(after) != Err(RecvTimeoutError::Timeout) {
        return;
    }
    let mut err = std::io::stderr().lock();
    let mut shown = String::new();
    loop {
        let l = fit(&line(p), width());
        if l != shown {
            let _ = write!(err, "\r\x1b[K{l}");
            let _ = err.flush();
            shown = l;
        }
        if done.recv_timeout(TICK) != Err(RecvTimeoutError::Timeout) {
            break;
        }
    }
    let _ = write!(err, "\r\x1b[K");
    let _ = err.flush();
}

/// The terminal's width in columns, asked on every redraw (the window may
/// be resized while a load runs); 80 when it cannot be told (a
/// pseudo-terminal nobody sized says 0).
fn width() -> usize {
    match ratatui::crossterm::terminal::size() {
        Ok((w, _)) if w > 0 => usize::from(w),
        _ => 80,
    }
}

/// `line` cut to fit one row of a `width`-column terminal, with a column to
/// spare: a line that wrapped would leave its first row behind at every
/// redraw, since `\r` and erase-line only reach the row the cursor is on.
pub fn fit(line: &str, width: usize) -> String {
    let room = width.saturating_sub(1).max(1);
    if line.chars().count() <= room {
        return line.to_string();
    }
    let mut out: String = line.chars().take(room - 1).collect();
    out.truncate(out.trim_end_matches([' ', '…']).len());
    out.push('…');
    out
}

/// The progress line for the counters as they are now.
pub fn line(p: &Progress) -> String {
    let files = p.files.load(Ordering::Relaxed);
    let read = p.read.load(Ordering::Relaxed);
    let parsed = p.parsed.load(Ordering::Relaxed);
    if p.indexing.load(Ordering::Relaxed) {
        format!("dateline: {} articles parsed, indexing…", thousands(parsed))
    } else if files == 0 {
        "dateline: finding files…".to_string()
    } else {
        let total = thousands(files);
        format!(
            "dateline: reading {}/{total} files… parsing {}/{total}",
            thousands(read),
            thousands(parsed)
        )
    }
}

pub use crate::numfmt::thousands;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_follows_the_phases() {
        let p = Progress::default();
        assert_eq!(line(&p), "dateline: finding files…");
        p.files.store(100_000, Ordering::Relaxed);
        p.read.store(12_345, Ordering::Relaxed);
        assert_eq!(
            line(&p),
            "dateline: reading 12,345/100,000 files… parsing 0/100,000"
        );
        p.read.store(100_000, Ordering::Relaxed);
        p.parsed.store(4_000, Ordering::Relaxed);
        assert!(line(&p).ends_with("parsing 4,000/100,000"));
        p.indexing.store(true, Ordering::Relaxed);
        assert_eq!(line(&p), "dateline: 4,000 articles parsed, indexing…");
    }

    #[test]
    fn a_line_is_cut_to_the_terminal_width() {
        let l = "dateline: reading 1,547/10,000 files… parsing 1,544/10,000";
        assert_eq!(fit(l, 120), l);
        assert_eq!(fit(l, l.chars().count() + 1), l);
        let cut = fit(l, 30);
        assert_eq!(cut.chars().count(), 29);
        assert_eq!(cut, "dateline: reading 1,547/10,0…");
        assert_eq!(fit(l, 39), "dateline: reading 1,547/10,000 files…");
        assert_eq!(fit(l, 0), "…");
    }

    #[test]
    fn the_work_runs_and_returns_its_value() {
        assert_eq!(while_loading(|p| p.files.load(Ordering::Relaxed) + 7), 7);
    }
}
