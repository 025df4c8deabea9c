//! `--watch`: re-parse the corpus in the background when its files are
//! added, changed or removed, and hand the new corpus to the session
//! (`live::Msg::Reloaded`), which swaps it in keeping the user's place
//! (`live::App::take_corpus`, `session::reload`).
//!
//! A burst of file events (an editor saving, `cp -r`, `git checkout`) is
//! one reload: after the first event the thread waits until the folder has
//! been quiet for [`QUIET`] (at most [`MAX_WAIT`], so a folder that never
//! stops changing still reloads). Events for files the corpus would never
//! load — hidden files and folders, like editor swap files — and mere reads
//! (our own re-parse opens every file) are ignored.

use dateline_core::knowledge::Knowledge;
use dateline_core::model::Corpus;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before a reload.
pub const QUIET: Duration = Duration::from_millis(200);
/// The longest a reload waits for quiet after the first event.
pub const MAX_WAIT: Duration = Duration::from_secs(2);

/// What the watcher tells the main loop.
pub enum Reload {
    /// Files changed; re-parsing has begun (for a "reloading…" message).
    Started,
    /// The re-parsed corpus.
    Done(Box<Corpus>),
}

/// A running watch; dropping it stops watching and ends its thread.
pub struct Watch {
    rx: Receiver<Reload>,
    _watcher: notify::RecommendedWatcher,
}

impl Watch {
    /// Messages that have arrived since the last call, without waiting.
    pub fn pending(&self) -> Vec<Reload> {
        self.rx.try_iter().collect()
    }
}

/// What a given PATH is watched as.
#[derive(Debug, Clone)]
enum Root {
    /// A folder: everything below it that is not hidden.
    Dir(PathBuf),
    /// One file (its folder is watched, since editors replace files by renaming).
    File(PathBuf),
}

/// True when a change at `path` can change the corpus loaded from `roots`.
fn relevant(path: &Path, roots: &[Root]) -> bool {
    roots.iter().any(|r| match r {
        Root::File(f) => path == f,
        Root::Dir(d) => path.strip_prefix(d).is_ok_and(|rest| {
            !rest
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        }),
    })
}

/// Starts watching `paths` (as given on the command line) and re-parsing
/// them on change. `Err` is the message to show when nothing can be watched.
pub fn start(paths: &[PathBuf], knowledge: &Arc<Knowledge>) -> Result<Watch, String> {
    if paths.is_empty() {
        return Err("--watch: the bundled seeds are built in, nothing to watch".into());
    }
    let mut roots = Vec::new();
    for p in paths {
        match std::fs::canonicalize(p) {
            Ok(c) if c.is_dir() => roots.push(Root::Dir(c)),
            Ok(c) => roots.push(Root::File(c)),
            Err(_) => {} // Already a load warning; nothing there to watch.
        }
    }
    if roots.is_empty() {
        return Err("--watch: none of the paths exists, nothing to watch".into());
    }
    let (ev_tx, ev_rx) = mpsc::channel::<()>();
    let filter_roots = roots.clone();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        let mutating = !matches!(ev.kind, EventKind::Access(_));
        if mutating && ev.paths.iter().any(|p| relevant(p, &filter_roots)) {
            let _ = ev_tx.send(());
        }
    })
    .map_err(|e| format!("--watch: cannot watch files: {e}"))?;
    for r in &roots {
        let (path, mode) = match r {
            Root::Dir(d) => (d.as_path(), RecursiveMode::Recursive),
            Root::File(f) => (f.parent().unwrap_or(f), RecursiveMode::NonRecursive),
        };
        watcher
            .watch(path, mode)
            .map_err(|e| format!("--watch: cannot watch {}: {e}", path.display()))?;
    }
    let (tx, rx) = mpsc::channel();
    let paths = paths.to_vec();
    let knowledge = Arc::clone(knowledge);
    std::thread::spawn(move || {
        // Ends when the watcher (and with it the event sender) is dropped.
        while ev_rx.recv().is_ok() {
            let first = Instant::now();
            loop {
                match ev_rx.recv_timeout(QUIET) {
                    Ok(()) if first.elapsed() < MAX_WAIT => {}
                    Ok(()) | Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            if tx.send(Reload::Started).is_err() {
                return;
            }
            let corpus = dateline_core::load::Loader::new(&paths)
                .knowledge(Arc::clone(&knowledge))
                .load();
            // Built on this thread, not the interface's (see `loader::load`).
            corpus.mentions_by_actor();
            if tx.send(Reload::Done(Box::new(corpus))).is_err() {
                return;
            }
        }
    });
    Ok(Watch {
        rx,
        _watcher: watcher,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_files_and_other_folders_are_not_relevant() {
        let roots = [
            Root::Dir(PathBuf::from("/news")),
            Root::File(PathBuf::from("/one/a.txt")),
        ];
        assert!(relevant(Path::new("/news/x.txt"), &roots));
        assert!(relevant(Path::new("/news/sub/x.txt"), &roots));
        assert!(relevant(Path::new("/news"), &roots), "the folder itself");
        assert!(!relevant(Path::new("/news/.x.txt.swp"), &roots));
        assert!(!relevant(Path::new("/news/.git/index"), &roots));
        assert!(!relevant(Path::new("/newsroom/x.txt"), &roots));
        assert!(relevant(Path::new("/one/a.txt"), &roots));
        assert!(
            !relevant(Path::new("/one/b.txt"), &roots),
            "a sibling of a watched file"
        );
    }

    #[test]
    fn nothing_to_watch_is_an_error_message() {
        assert!(
            start(&[], &Knowledge::shared_builtin())
                .err()
                .unwrap()
                .contains("bundled seeds")
        );
        let missing = start(
            &[PathBuf::from("/no/such/dateline/dir")],
            &Knowledge::shared_builtin(),
        );
        assert!(missing.err().unwrap().contains("nothing to watch"));
    }

    #[test]
    fn a_burst_of_changes_is_one_reload_and_hidden_files_none() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Harbour board approves new ferry route\n\nThe harbour board approved a ferry route on Monday, officials said.\n";
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let w = start(&[dir.path().to_path_buf()], &Knowledge::shared_builtin()).unwrap();
        let wait_done = |limit: Duration| -> Option<Box<Corpus>> {
            let t = Instant::now();
            while t.elapsed() < limit {
                for m in w.pending() {
                    if let Reload::Done(c) = m {
                        return Some(c);
                    }
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            None
        };
        std::fs::write(dir.path().join(".hidden.swp"), "x").unwrap();
        assert!(wait_done(QUIET * 3).is_none(), "a hidden file reloaded");
        for i in 0..5 {
            std::fs::write(dir.path().join(format!("b{i}.txt")), text).unwrap();
        }
        let c = wait_done(Duration::from_secs(10)).expect("a reload");
        assert_eq!(c.articles.len(), 6);
        assert!(wait_done(QUIET * 3).is_none(), "one burst, one reload");
    }
}
