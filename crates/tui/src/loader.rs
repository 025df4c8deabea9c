//! Filling in: on a large corpus the three panes appear as soon as an early
//! part of it is parsed, and the full corpus is swapped in when it is ready.
//!
//! The loader thread ([`load`], through the core's [`dateline_core::load::Loader`])
//! parses the first [`PARTIAL_FILES`] files in load order (a tenth of the
//! files, when that is fewer) on their own and sends that corpus, then
//! parses every file (the early ones again: the corpus-level steps — the
//! folder's year, actor merging, indices — need all articles at once) and
//! sends the full corpus. So the early part costs at
//! most a tenth more parsing, 2% at 100,000 files. A corpus of no more than
//! twice [`PARTIAL_FILES`] loads straight to the full corpus, as before.
//! The shared [`Progress`] counters count only the full load, so the status
//! bar can say how far it has got.
//!
//! The session ([`super::live`]) swaps the full corpus in with [`swap_in`],
//! keeping the user's place as a `--watch` reload does, or — when the user
//! has not moved yet ([`Fill::moved`]) — putting them where the state file
//! says, against the full corpus this time (the remembered article may not
//! be in the early part).
//! While the early part is shown, nothing is saved until the user acts, and
//! then the state file's read marks are added back ([`Fill::to_save`]): the
//! early part's marks and place alone would forget the rest of the corpus.

use super::app::AppState;
use super::session;
use super::settings::Settings;
use dateline_core::knowledge::Knowledge;
use dateline_core::model::{Corpus, WhyEmpty};
use dateline_core::numfmt::thousands;
use dateline_core::parse::Progress;
use dateline_core::state::{CorpusKey, SavedState};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};

/// How many files the early corpus has at most: few enough to show at
/// once, and re-parsing them in the full load costs 2% of a 100,000-file
/// load. `DATELINE_PARTIAL_FILES` overrides it (0 turns filling in off).
pub const PARTIAL_FILES: usize = 2_000;

/// What the loader thread sends.
pub enum Msg {
    /// An early part of the corpus, shown while the rest loads.
    Partial(Box<Corpus>),
    /// The whole corpus: the last message.
    Full(Box<Corpus>),
}

/// [`PARTIAL_FILES`], or what `DATELINE_PARTIAL_FILES` says.
pub fn partial_files() -> usize {
    std::env::var("DATELINE_PARTIAL_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(PARTIAL_FILES)
}

/// Loads `paths` (none: the bundled seeds) with `knowledge`, sending an early corpus of the
/// first `partial` files (at most a tenth of them) first when there are
/// more than twice as many, then the full one; stops early once `send`
/// returns false (nobody listening). Counts the full load into `progress`.
pub fn load(
    paths: &[PathBuf],
    knowledge: &Arc<Knowledge>,
    progress: &Progress,
    partial: usize,
    send: &mut dyn FnMut(Msg) -> bool,
) {
    // The mention index is built here, off the interface's thread, so
    // following an actor never waits for it.
    let full = dateline_core::load::Loader::new(paths)
        .knowledge(Arc::clone(knowledge))
        .progress(progress)
        .early_part(partial)
        .load_early_first(|early| {
            early.mentions_by_actor();
            send(Msg::Partial(Box::new(early)))
        });
    if let Some(full) = full {
        full.mentions_by_actor();
        send(Msg::Full(Box::new(full)));
    }
}

/// What a panic off the main thread said (loading runs on its own thread
/// and rayon's), for the status bar and for after exit: printing it at once
/// would write over the screen, and the session can go on without it.
static PANIC: Mutex<Option<String>> = Mutex::new(None);

/// For the panic hook: keeps the (first) message of a panic off the main
/// thread.
pub fn note_panic(info: &std::panic::PanicHookInfo) {
    let what = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into());
    let at = info
        .location()
        .map(|l| format!(" at {}:{}", l.file(), l.line()))
        .unwrap_or_default();
    if let Ok(mut p) = PANIC.lock() {
        p.get_or_insert(format!("{what}{at}"));
    }
}

/// The panic noted off the main thread, once.
pub fn take_panic() -> Option<String> {
    PANIC.lock().ok().and_then(|mut p| p.take())
}

/// Runs [`load`] on its own thread. The thread is abandoned, not joined, when
/// the session ends first: it stops at its next message.
pub fn spawn(
    paths: Vec<PathBuf>,
    knowledge: Arc<Knowledge>,
    progress: Arc<Progress>,
) -> Receiver<Msg> {
    let (tx, rx) = mpsc::channel();
    let partial = partial_files();
    // For the terminal tests only (see `test_hooks`): the full load waits,
    // after the early corpus is sent, until this file exists, so a test sees
    // the early corpus for as long as it needs on any machine; or it panics.
    let hold = super::test_hooks::var("DATELINE_TEST_HOLD_FULL_LOAD").map(PathBuf::from);
    let panic = super::test_hooks::is("DATELINE_TEST_PANIC", "loader");
    let spawned = std::thread::Builder::new().spawn(move || {
        load(&paths, &knowledge, &progress, partial, &mut |m| {
            let early = matches!(m, Msg::Partial(_));
            let listening = tx.send(m).is_ok();
            while early && listening && hold.as_ref().is_some_and(|h| !h.exists()) {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            if early && panic {
                // On one of rayon's threads, as a panic in a parse would be.
                rayon::join(
                    || panic!("DATELINE_TEST_PANIC=loader: the full load panics, as asked"),
                    || (),
                );
            }
            listening
        });
    });
    if let Err(e) = spawned
        && let Ok(mut p) = PANIC.lock()
    {
        *p = Some(format!("no thread to load on ({e})"));
    }
    rx
}

/// The status bar while the full corpus loads, `shown` articles on screen:
/// `loading: 45,120 of 100,000 files parsed — showing 2,000`.
pub fn status_text(p: &Progress, shown: usize) -> String {
    let files = thousands(p.files.load(Ordering::Relaxed));
    let shown = thousands(shown);
    if p.indexing.load(Ordering::Relaxed) {
        return format!("loading: {files} files parsed, indexing — showing {shown}");
    }
    let parsed = thousands(p.parsed.load(Ordering::Relaxed));
    format!("loading: {parsed} of {files} files parsed — showing {shown}")
}

/// What the status bar says when a load ends with no article, or None
/// when there is one.
pub fn empty_text(c: &Corpus) -> Option<&'static str> {
    c.why_empty().map(|why| match why {
        WhyEmpty::NothingToRead => "no files to read here (hidden files and folders are skipped)",
        WhyEmpty::EveryFileFailed => "no articles could be loaded: W lists why",
    })
}

/// The message once the full corpus is in: `loaded 100,000 articles`.
pub fn done_text(articles: usize) -> String {
    let s = if articles == 1 { "" } else { "s" };
    format!("loaded {} article{s}", thousands(articles))
}

/// The state for the `full` corpus replacing the early `partial` one shown
/// in `old`. When the user has `moved` since the early corpus appeared,
/// their place is kept as a reload keeps it ([`session::reload`]), and the
/// read marks `remembered` (the state file) has of articles the early
/// corpus lacked are added back. Otherwise the place is what opening on the
/// full corpus would have given: the `remembered` one (with the read marks
/// made meanwhile). An open help or prompt, a search, the actor filter and
/// the raw/clean reader carry over either way.
pub fn swap_in(
    old: &AppState,
    partial: &Corpus,
    full: &Corpus,
    key: &CorpusKey,
    remembered: Option<&SavedState>,
    moved: bool,
) -> AppState {
    if moved {
        let saved = early_state(session::snapshot(old, partial, key), remembered, true);
        return session::reload_from(old, partial, full, key, saved);
    }
    let area = old.layout.area;
    let settings = Settings {
        keymap: old.keymap.clone(),
        theme: old.theme,
        sort_by_file: old.config_sort_by_file,
    };
    let mut s = AppState::with_settings(full, area.width, area.height, settings);
    s.reader.raw = old.reader.raw;
    s.reader.folds.all_open = old.reader.folds.all_open;
    if let Some(r) = remembered {
        session::restore(&mut s, full, key, r);
    }
    // And the read marks made on the early corpus: none is lost.
    let read: HashSet<&Path> = old
        .read
        .iter()
        .filter_map(|&id| partial.articles.get(id as usize))
        .map(|a| a.path.as_path())
        .collect();
    if !read.is_empty() {
        let ids = full
            .articles
            .iter()
            .filter(|a| read.contains(a.path.as_path()));
        s.read.extend(ids.map(|a| a.id));
    }
    session::carry_view(old, &mut s, full);
    s
}

/// A session on the early corpus (`now`) as a state to keep: its place if
/// the user has `moved`, else the `remembered` one, and the read marks of
/// both, so nothing the early corpus lacks is forgotten.
fn early_state(now: SavedState, remembered: Option<&SavedState>, moved: bool) -> SavedState {
    let Some(r) = remembered else {
        return now;
    };
    let (mut saved, more) = if moved {
        (now, r.read.clone())
    } else {
        (r.clone(), now.read)
    };
    saved.read.extend(more);
    saved.read.sort();
    saved.read.dedup();
    saved
}

/// The place in `s` without the read marks, for [`Fill::moved`].
fn place(s: &AppState, c: &Corpus, key: &CorpusKey) -> SavedState {
    SavedState {
        read: Vec::new(),
        ..session::snapshot(s, c, key)
    }
}

/// The session's bookkeeping while the early corpus is shown (see
/// [`super::live::Phase::Filling`]): the place it opened at, to tell a move
/// of the user's from looking around, and whether they have acted at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    /// The place as the early corpus was first shown, without read marks.
    start: SavedState,
    /// The user has acted (anything but a resize) since then.
    pub acted: bool,
}

impl Fill {
    /// The early corpus `c` has just come in, shown with `s`.
    pub fn new(s: &AppState, c: &Corpus, key: &CorpusKey) -> Self {
        Fill {
            start: place(s, c, key),
            acted: false,
        }
    }

    /// The terminal was resized: before the user has acted, the place to
    /// tell moving from is taken again (re-wrapping can move the reader's
    /// top line, which is no move of the user's).
    pub fn resized(&mut self, s: &AppState, c: &Corpus, key: &CorpusKey) {
        if !self.acted {
            self.start = place(s, c, key);
        }
    }

    /// Whether the user has moved since the early corpus `c` was first
    /// shown: acted, and the place is not what it was. Opening help, typing
    /// a prompt or a search without a hit is not moving; a resize alone
    /// (which may re-wrap the reader) never is. Read marks are no place
    /// (any key marks the article in a focused reader read) and are kept
    /// either way.
    pub fn moved(&self, s: &AppState, c: &Corpus, key: &CorpusKey) -> bool {
        self.acted && self.start != place(s, c, key)
    }

    /// What to keep of a session on the early corpus `c` shown in `s` (on
    /// a quit, a signal, or the watchdog's checkpoint): the `remembered`
    /// read marks and, unless the user has moved, its place, plus the read
    /// marks made since. Nothing the early corpus lacks is forgotten.
    pub fn to_save(
        &self,
        s: &AppState,
        c: &Corpus,
        key: &CorpusKey,
        remembered: Option<&SavedState>,
    ) -> SavedState {
        let now = session::snapshot(s, c, key);
        early_state(now, remembered, self.moved(s, c, key))
    }
}

/// For measuring (`bench/run.sh`, or by hand): with
/// `DATELINE_LOAD_REPORT=FILE`, appends `WHAT MS` to FILE — the milliseconds
/// from `started` to the first frame of the list (`list_ms`) and to the
/// first frame of the full corpus (`full_ms`).
pub fn report(what: &str, started: std::time::Instant) {
    use std::io::Write;
    if let Some(path) = std::env::var_os("DATELINE_LOAD_REPORT")
        && let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
    {
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        let _ = writeln!(f, "{what} {ms:.1}");
    }
}
