//! Keeps the user's place saved on every way out but a panic: the normal
//! one (`q`, a signal the main loop sees), an error in the main loop, and a
//! signal while the terminal is gone, when the main loop may never run
//! again and the signal watchdog exits for it ([`Keeper::last_words`]).
//! For that last case the keeper holds a recent snapshot (a quarter of a
//! second old at most, once the keys stop) that the watchdog can save from
//! its own thread.

use super::app::AppState;
use super::session;
use crate::model::Corpus;
use crate::state::{CorpusKey, LoadError, SavedState, Store};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The least time between two snapshots for the watchdog: a snapshot walks
/// the read marks, so a held key must not take one per frame.
pub const CHECKPOINT_EVERY: Duration = Duration::from_millis(250);

pub struct Keeper {
    pub key: CorpusKey,
    /// None when there is nowhere to keep state (no `HOME`).
    store: Option<Store>,
    /// The snapshot the watchdog saves; None once the main loop has saved.
    latest: Arc<Mutex<Option<SavedState>>>,
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
    /// refreshes the watchdog's snapshot when something changed, at most
    /// every [`CHECKPOINT_EVERY`] (so a burst of keys costs a few snapshots,
    /// and the last of them is caught on the next turn after the burst; the
    /// loop turns at least every 250 ms).
    pub fn checkpoint(&mut self, s: &AppState, c: &Corpus, changed: bool) {
        if !c.articles.is_empty() {
            self.checkpoint_with(changed, |key| session::snapshot(s, c, key));
        }
    }

    /// [`checkpoint`](Self::checkpoint) of the state `saved` gives (while
    /// an early corpus is shown, what it would lose is added back).
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
        }
    }

    /// The final save. It writes holding the watchdog's lock, so the
    /// watchdog neither saves an older snapshot over it nor exits in the
    /// middle of it.
    ///
    /// An empty corpus (a folder unmounted or emptied under `--watch`) is
    /// not saved: there is no place in it, and saving would forget the one
    /// the user will want back.
    pub fn save(&self, s: &AppState, c: &Corpus) -> Result<(), String> {
        if c.articles.is_empty() {
            self.forget_checkpoint();
            return Ok(());
        }
        self.save_state(&session::snapshot(s, c, &self.key))
    }

    /// The watchdog has nothing to save: the main loop has saved, or chosen
    /// not to.
    fn forget_checkpoint(&self) {
        *self.latest.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// [`save`](Self::save) of a state already made (see
    /// [`checkpoint_with`](Self::checkpoint_with)).
    pub fn save_state(&self, saved: &SavedState) -> Result<(), String> {
        let Some(store) = &self.store else {
            return Ok(());
        };
        let mut g = self.latest.lock().unwrap_or_else(|e| e.into_inner());
        *g = None;
        store.save(saved)
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
