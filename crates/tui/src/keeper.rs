//! Keeps the user's place saved on every way out but a panic: the normal
//! one (`q`, a signal the main loop sees), an error in the main loop, and a
//! signal while the terminal is gone, when the main loop may never run
//! again and the signal watchdog exits for it ([`Keeper::last_words`]).
//! For that last case the keeper holds a recent snapshot (a quarter of a
//! second old at most, once the keys stop) that the watchdog can save from
//! its own thread.

use dateline_core::state::{CorpusKey, LoadError, SavedState, Store};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The least time between two snapshots for the watchdog: a snapshot walks
/// the read marks, so a held key must not take one per frame.
pub const CHECKPOINT_EVERY: Duration = Duration::from_millis(250);

/// How often the place is written to disk while a session runs, when it
/// has changed: what a process killed outright (SIGKILL) loses at most.
pub const SAVE_EVERY: Duration = Duration::from_secs(5);

pub struct Keeper {
    pub key: CorpusKey,
    /// None when there is nowhere to keep state (no `HOME`).
    store: Option<Store>,
    /// The snapshot the watchdog saves; None once the main loop has saved.
    latest: Arc<Mutex<Option<SavedState>>>,
    /// Counts the snapshots taken, so a periodic save knows whether the
    /// latest one is already on disk.
    taken: Arc<AtomicU64>,
    last: Option<Instant>,
    /// Something changed since the last checkpoint.
    stale: bool,
}

impl Keeper {
    /// The keeper for the corpus at `paths` (as given on the command line).
    pub fn new(paths: &[PathBuf]) -> Self {
        let key = CorpusKey::for_paths(paths);
        Keeper {
            store: Store::locate(key.clone()),
            key,
            latest: Arc::default(),
            taken: Arc::default(),
            last: None,
            stale: true,
        }
    }

    /// What the state file says (None: nothing remembered, or nowhere to
    /// keep it); `Err` is the warning for a bad file.
    pub fn load(&self) -> Result<Option<SavedState>, LoadError> {
        Ok(self.store.as_ref().map(Store::load).transpose()?.flatten())
    }

    /// Once per turn of the main loop, `changed` when a frame was drawn:
    /// refreshes the watchdog's snapshot with what `saved` gives when
    /// something changed, at most every [`CHECKPOINT_EVERY`] (so a burst of
    /// keys costs a few snapshots, and the last of them is caught on the
    /// next turn after the burst; the loop turns at least every 250 ms).
    pub fn checkpoint_with(&mut self, changed: bool, saved: impl FnOnce(&CorpusKey) -> SavedState) {
        self.stale |= changed;
        if !self.stale
            || self.store.is_none()
            || self.last.is_some_and(|t| t.elapsed() < CHECKPOINT_EVERY)
        {
            return;
        }
        self.last = Some(Instant::now());
        self.stale = false;
        if let Ok(mut g) = self.latest.lock() {
            *g = Some(saved(&self.key));
            self.taken.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The watchdog has nothing to save: the main loop has saved, or chosen
    /// not to.
    pub fn forget_checkpoint(&self) {
        *self.latest.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// The final save. It writes holding the watchdog's lock, so the
    /// watchdog neither saves an older snapshot over it nor exits in the
    /// middle of it. (An empty corpus — a folder unmounted or emptied under
    /// `--watch` — is not saved: the session asks to forget the checkpoint
    /// instead, keeping the place the user will want back.)
    pub fn save_state(&self, saved: &SavedState) -> Result<(), String> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        let mut g = self.latest.lock().unwrap_or_else(|e| e.into_inner());
        *g = None;
        store.save(saved)
    }

    /// For the signal watchdog, every [`SAVE_EVERY`] while the session
    /// runs: writes the last checkpoint when it is newer than the last one
    /// written, keeping it for the last words. Under the lock, so it never
    /// writes an older state over the main loop's final save.
    pub fn periodic_save(&self) -> impl FnMut() + Send + 'static {
        let (store, latest) = (self.store.clone(), Arc::clone(&self.latest));
        let taken = Arc::clone(&self.taken);
        let mut written = 0;
        move || {
            let g = latest.lock().unwrap_or_else(|e| e.into_inner());
            let now = taken.load(Ordering::Relaxed);
            if let (Some(store), Some(saved)) = (&store, g.as_ref())
                && now != written
                && store.save(saved).is_ok()
            {
                written = now;
            }
        }
    }

    /// For the signal watchdog: saves the last checkpoint unless the main
    /// loop has saved since.
    pub fn last_words(&self) -> impl FnOnce() + Send + 'static {
        let (store, latest) = (self.store.clone(), Arc::clone(&self.latest));
        move || {
            let mut g = latest.lock().unwrap_or_else(|e| e.into_inner());
            if let (Some(store), Some(saved)) = (store, g.take()) {
                let _ = store.save(&saved);
            }
        }
    }
}
