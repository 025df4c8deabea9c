//! Remembered state between TUI sessions: one small JSON file per corpus in
//! `$XDG_STATE_HOME/dateline/` (or `~/.local/state/dateline/`), never in the
//! corpus folder (corpus files are only ever read).
//!
//! Everything in a [`SavedState`] names things by stable identity — an
//! article by its file, an event by (file, byte offset), an actor by its
//! canonical name — never by index, so a corpus that changed between runs
//! (or under `--watch`) still restores sensibly. Turning a TUI's state into a
//! `SavedState` and back lives in `tui::session`; this module only knows
//! files, so it is testable without a terminal.
//!
//! A state file that is missing is a fresh start; one that is unreadable,
//! corrupt, truncated, of another version or for another corpus is a
//! warning *and* a fresh start, never a failure.

pub mod marks;
pub mod report;

use marks::Absences;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Bumped when the file's meaning changes; other versions are ignored (with
/// a warning) rather than half-understood.
pub const VERSION: u32 = 1;

/// The corpus key stored for the bundled seeds (which have no folder).
pub const BUNDLED_KEY: &str = "<bundled seeds>";

/// A state file larger than this is not ours to read (100k read marks with
/// long paths are a few MB).
const MAX_STATE_BYTES: u64 = 64 * 1024 * 1024;

/// What is remembered of one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    pub version: u32,
    /// The corpus this is for: canonical paths, sorted (or [`BUNDLED_KEY`]).
    /// Checked on load, so a hash collision in the file name cannot restore
    /// another corpus's place.
    pub corpus: Vec<String>,
    /// `"list"`, `"reader"` or `"timeline"`.
    #[serde(default)]
    pub focus: Option<String>,
    /// The selected article's identity (see [`CorpusKey::article_id`]).
    #[serde(default)]
    pub article: Option<String>,
    /// The byte of the selected article's raw text at the top of the reader.
    #[serde(default)]
    pub reader_top: u32,
    /// The event under the timeline cursor.
    #[serde(default)]
    pub event: Option<Place>,
    /// The followed actor.
    #[serde(default)]
    pub follow: Option<FollowRef>,
    /// Articles opened, by identity.
    #[serde(default)]
    pub read: Vec<String>,
    /// The list in file order rather than by date.
    #[serde(default)]
    pub sort_by_file: bool,
    /// The config file's order when this was saved (`sort = "file"`): when
    /// the config has changed since, its new order wins over the saved one.
    /// Missing (files from before it was kept): the saved order holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_sort_by_file: Option<bool>,
}

/// A place in one article: an event (the date's first byte, or for a
/// publication marker the title's) or a mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub file: String,
    pub start: u32,
    /// The article's publication marker rather than a date in its text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub publication: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowRef {
    /// The actor's canonical name.
    pub name: String,
    /// The mention `n`/`N` last stopped at.
    #[serde(default)]
    pub mention: Option<Place>,
}

/// Which corpus a session is over, and how its article paths become stable
/// identities: each PATH the user gave, as given and canonicalised.
///
/// Article paths are kept as given (`news/a.txt`), which depends on the
/// folder dateline was started from; their identity replaces the given root
/// with its canonical form (`/home/u/news/a.txt`), so `dateline news` and
/// `dateline ~/news` share one state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusKey {
    roots: Vec<(PathBuf, PathBuf)>,
}

impl CorpusKey {
    /// The key for `paths` as given on the command line (none: the seeds).
    pub fn for_paths(paths: &[PathBuf]) -> Self {
        let roots = paths
            .iter()
            .map(|p| {
                let canon = fs::canonicalize(p)
                    .or_else(|_| std::path::absolute(p))
                    .unwrap_or_else(|_| p.clone());
                (p.clone(), canon)
            })
            .collect();
        CorpusKey { roots }
    }

    /// The canonical roots, sorted and de-duplicated: what the state file
    /// stores and its name hashes.
    pub fn names(&self) -> Vec<String> {
        if self.roots.is_empty() {
            return vec![BUNDLED_KEY.to_string()];
        }
        let mut v: Vec<String> = self.roots.iter().map(|(_, c)| identity(c)).collect();
        v.sort();
        v.dedup();
        v
    }

    /// The state file's name: a stable hash of [`Self::names`].
    pub fn file_name(&self) -> String {
        if self.roots.is_empty() {
            return "seeds.json".to_string();
        }
        format!(
            "corpus-{:016x}.json",
            crate::hash::stable(self.names().join("\n").as_bytes())
        )
    }

    /// An article path's identity: its root replaced by the canonical root.
    pub fn article_id(&self, path: &Path) -> String {
        for (given, canon) in &self.roots {
            if let Ok(rest) = path.strip_prefix(given) {
                let full = if rest.as_os_str().is_empty() {
                    canon.clone()
                } else {
                    canon.join(rest)
                };
                return identity(&full);
            }
        }
        identity(path)
    }
}

/// The path's stable text (see [`crate::text::path_text`]).
fn identity(path: &Path) -> String {
    crate::text::path_text(path).into_owned()
}

/// Where state files live: `$XDG_STATE_HOME/dateline`, or
/// `$HOME/.local/state/dateline`. None when neither is set (state is then
/// simply not kept).
pub fn state_dir() -> Option<PathBuf> {
    crate::config::xdg_dir_from_env("XDG_STATE_HOME", ".local/state")
}

/// One corpus's state file.
#[derive(Debug, Clone)]
pub struct Store {
    pub path: PathBuf,
    pub key: CorpusKey,
}

impl Store {
    /// The store for `key` in [`state_dir`]; None when there is nowhere to keep it.
    pub fn locate(key: CorpusKey) -> Option<Self> {
        state_dir().map(|d| Self::in_dir(&d, key))
    }

    pub fn in_dir(dir: &Path, key: CorpusKey) -> Self {
        Store {
            path: dir.join(key.file_name()),
            key,
        }
    }

    /// Reads the saved state. `Ok(None)`: nothing saved yet. `Err`: what
    /// to warn about; the caller starts fresh.
    pub fn load(&self) -> Result<Option<SavedState>, LoadError> {
        Ok(self.load_with_absences()?.map(|(saved, _)| saved))
    }

    /// [`Self::load`] with since when each mark's file has been missing.
    fn load_with_absences(&self) -> Result<Option<(SavedState, Absences)>, LoadError> {
        let fail = |why: String| LoadError {
            path: self.path.clone(),
            why,
        };
        // Not blocking on a FIFO, nor reading a link to `/dev/zero` forever.
        let bytes = match crate::ingest::guarded::read_regular(&self.path, MAX_STATE_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::ingest::guarded::ReadError::Io(e))
                if e.kind() == std::io::ErrorKind::NotFound =>
            {
                return Ok(None);
            }
            Err(crate::ingest::guarded::ReadError::TooLarge(size)) => {
                let mb = size.map_or(String::new(), |n| format!("{} MB ", n / (1024 * 1024)));
                return Err(fail(format!("{mb}is too large")));
            }
            Err(e) => return Err(fail(e.to_string())),
        };
        let saved = parse(&bytes).map_err(fail)?;
        if saved.corpus != self.key.names() {
            let other = saved.corpus.join(", ");
            return Err(fail(format!("for another corpus ({other})")));
        }
        Ok(Some((saved, marks::absences(&bytes))))
    }

    /// Writes `state` atomically: a temporary file in the same folder,
    /// flushed to disk, then renamed over the old one, so a crash or a full
    /// disk leaves the old state or the new one, never half of either.
    ///
    /// Read marks are never lost: under a lock shared with other instances
    /// on the same corpus, the marks already in the file are kept alongside
    /// `state`'s (a file of a folder that is missing now, a mark another
    /// instance saved meanwhile), until a mark's file has been missing for
    /// [`marks::PRUNE_AFTER`]. The place itself is the last saver's.
    pub fn save(&self, state: &SavedState) -> Result<(), String> {
        let dir = self.prepare_dir()?;
        let _lock = lock(&dir);
        let on_disk = self.load_with_absences().ok().flatten();
        let (merged, absent) = marks::merge(state, on_disk, marks::now(), marks::file_gone);
        self.write(&dir, merged.as_ref().unwrap_or(state), &absent)
    }

    /// Drops the read marks of files that `present` (the corpus's files
    /// now, by identity) lacks, at the user's request; returns them. Under
    /// the lock, so an instance saving meanwhile is not undone.
    pub fn prune(&self, present: &crate::hash::FxSet<String>) -> Result<Vec<String>, String> {
        let dir = self.prepare_dir()?;
        let _lock = lock(&dir);
        let Some((mut saved, _)) = self.load_with_absences().map_err(|e| e.to_string())? else {
            return Ok(Vec::new());
        };
        let gone: crate::hash::FxSet<String> = marks::not_present(&saved.read, present)
            .into_iter()
            .map(str::to_string)
            .collect();
        if gone.is_empty() {
            return Ok(Vec::new());
        }
        saved.read.retain(|m| !gone.contains(m));
        self.write(&dir, &saved, &Absences::new())?;
        let mut gone: Vec<String> = gone.into_iter().collect();
        gone.sort_unstable();
        Ok(gone)
    }

    /// What the state file holds for the marks: all of them, and those of
    /// files `present` lacks with since when a save has found them missing.
    pub fn marks(
        &self,
        present: &crate::hash::FxSet<String>,
    ) -> Result<Option<MarksSummary>, LoadError> {
        let Some((saved, dates)) = self.load_with_absences()? else {
            return Ok(None);
        };
        let absent = marks::not_present(&saved.read, present)
            .into_iter()
            .map(|m| (m.to_string(), dates.get(m).copied()))
            .collect();
        Ok(Some(MarksSummary {
            read: saved.read.len(),
            absent,
        }))
    }

    /// The state folder, created (private: the file lists what the user
    /// has been reading) if need be.
    fn prepare_dir(&self) -> Result<PathBuf, String> {
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(&dir)
            .map_err(|e| self.failed("creating the folder", e))?;
        Ok(dir)
    }

    fn failed(&self, what: &str, e: std::io::Error) -> String {
        let path = self.path.display();
        format!("could not save state to {path}: {what}: {e}")
    }

    /// Writes `state` and `absent` into a temporary of `dir`, then renames it
    /// over the state file.
    fn write(&self, dir: &Path, state: &SavedState, absent: &Absences) -> Result<(), String> {
        let file_name = self
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("state");
        let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
        let written = (|| {
            let f = create_private(&tmp)?;
            // Written as it is encoded: no second copy of a large state.
            let mut out = std::io::BufWriter::new(f);
            let on_disk = marks::Written {
                state,
                absent_since: absent,
            };
            serde_json::to_writer(&mut out, &on_disk)?;
            out.flush()?;
            out.get_ref().sync_all()?;
            fs::rename(&tmp, &self.path)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(self.failed("writing", e));
        }
        // The rename itself is durable once the folder is flushed (best effort:
        // not every file system lets a folder be opened for that).
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The read marks a state file holds, for `dateline state`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarksSummary {
    /// How many marks.
    pub read: usize,
    /// The marks of files not in the corpus now, each with since when
    /// (seconds since 1970) saves have found it missing, when one has.
    pub absent: Vec<(String, Option<u64>)>,
}

/// Creates `path` for writing, readable by its owner only. Exclusively: a
/// symlink planted there is removed, never followed, and so is a file left
/// by a crash (the name has the pid in it).
fn create_private(path: &Path) -> std::io::Result<fs::File> {
    let open = || {
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        options.open(path)
    };
    match open() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            open()
        }
        r => r,
    }
}

/// Holds the lock on the state folder `dir` (the folder: the state file
/// itself is replaced on every save, and a lock file beside it would be one
/// more file there) until dropped. Waits at most [`LOCK_WAIT`] for another
/// instance's save; without a lock (a file system without locks, or one
/// that takes too long) it saves anyway.
fn lock(dir: &Path) -> Option<fs::File> {
    let folder = fs::File::open(dir).ok()?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let started = std::time::Instant::now();
        loop {
            // SAFETY: flock on a descriptor this function owns.
            if unsafe { libc::flock(folder.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
                return Some(folder);
            }
            if started.elapsed() > LOCK_WAIT {
                return None;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
    #[cfg(not(unix))]
    Some(folder)
}

/// How long a save waits for another instance's.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// A state file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    /// What is wrong with it: `truncated`, `version 2, ...`.
    pub why: String,
}

impl LoadError {
    /// The warning with only the file's name, for a status bar.
    pub fn short(&self) -> String {
        let name = self.path.file_name().unwrap_or_default().to_string_lossy();
        format!("state file {name}: {}; starting fresh", self.why)
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        write!(f, "state file {path}: {}; starting fresh", self.why)
    }
}

/// Decodes a state file, explaining what is wrong with a bad one.
pub fn parse(bytes: &[u8]) -> Result<SavedState, String> {
    // The version first, so a newer file says so instead of "missing field";
    // read on its own (the rest skipped, not built), so a large file is not
    // held twice over as a tree of values.
    #[derive(Deserialize)]
    struct Version {
        version: Option<serde_json::Value>,
    }
    let syntax = |e: serde_json::Error| {
        if e.is_eof() {
            "truncated".to_string()
        } else {
            format!("not valid JSON ({e})")
        }
    };
    if bytes.trim_ascii_start().first() != Some(&b'{') {
        serde_json::from_slice::<serde::de::IgnoredAny>(bytes).map_err(syntax)?;
        return Err("no version: not a dateline state file".into());
    }
    let v: Version = serde_json::from_slice(bytes).map_err(syntax)?;
    match v.version.as_ref().and_then(serde_json::Value::as_u64) {
        Some(n) if n == u64::from(VERSION) => {}
        Some(n) => {
            return Err(format!(
                "version {n}, this dateline reads version {VERSION}"
            ));
        }
        None => return Err("no version: not a dateline state file".into()),
    }
    serde_json::from_slice(bytes).map_err(|e| format!("unexpected contents ({e})"))
}

#[cfg(test)]
mod tests;
