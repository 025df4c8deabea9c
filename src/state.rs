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
        Ok(Some(saved))
    }

    /// Writes `state` atomically: a temporary file in the same folder,
    /// flushed to disk, then renamed over the old one, so a crash or a full
    /// disk leaves the old state or the new one, never half of either.
    ///
    /// Read marks are never lost: under a lock shared with other instances
    /// on the same corpus, the marks already in the file are kept alongside
    /// `state`'s (a file of a folder that is missing now, a mark another
    /// instance saved meanwhile). The place itself is the last saver's.
    pub fn save(&self, state: &SavedState) -> Result<(), String> {
        let fail = |what: &str, e: std::io::Error| {
            format!(
                "could not save state to {}: {what}: {e}",
                self.path.display()
            )
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        // Private: the file lists what the user has been reading.
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(dir)
            .map_err(|e| fail("creating the folder", e))?;
        let _lock = lock(dir);
        let merged;
        let state = match self.load().map(|s| s.map(|s| only_in(s.read, &state.read))) {
            Ok(Some(more)) if !more.is_empty() => {
                merged = with_read_marks_of(state, more);
                &merged
            }
            _ => state,
        };
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
            serde_json::to_writer(&mut out, state)?;
            out.flush()?;
            out.get_ref().sync_all()?;
            fs::rename(&tmp, &self.path)
        })();
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(fail("writing", e));
        }
        // The rename itself is durable once the folder is flushed (best effort:
        // not every file system lets a folder be opened for that).
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// `state` with `more` read marks added (sorted, without repeats).
fn with_read_marks_of(state: &SavedState, more: Vec<String>) -> SavedState {
    let mut read = more;
    read.extend(state.read.iter().cloned());
    read.sort_unstable();
    read.dedup();
    SavedState {
        version: state.version,
        corpus: state.corpus.clone(),
        focus: state.focus.clone(),
        article: state.article.clone(),
        reader_top: state.reader_top,
        event: state.event.clone(),
        follow: state.follow.clone(),
        read,
        sort_by_file: state.sort_by_file,
        config_sort_by_file: state.config_sort_by_file,
    }
}

/// The marks of `on_disk` that `read` lacks: usually none (one instance,
/// every file there), and then nothing is copied.
fn only_in(on_disk: Vec<String>, read: &[String]) -> Vec<String> {
    let have: crate::hash::FxSet<&str> = read.iter().map(String::as_str).collect();
    on_disk
        .into_iter()
        .filter(|r| !have.contains(r.as_str()))
        .collect()
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
mod tests {
    use super::*;

    fn key(dir: &Path) -> CorpusKey {
        CorpusKey::for_paths(&[dir.to_path_buf()])
    }

    fn sample(k: &CorpusKey) -> SavedState {
        SavedState {
            version: VERSION,
            corpus: k.names(),
            focus: Some("timeline".into()),
            article: Some("/x/a.txt".into()),
            reader_top: 120,
            event: Some(Place {
                file: "/x/a.txt".into(),
                start: 40,
                publication: false,
            }),
            follow: Some(FollowRef {
                name: "Anna Varga".into(),
                mention: None,
            }),
            read: vec!["/x/a.txt".into()],
            sort_by_file: false,
            config_sort_by_file: Some(false),
        }
    }

    #[test]
    fn save_then_load_round_trips_and_leaves_no_temp_file() {
        let corpus = tempfile::tempdir().unwrap();
        let states = tempfile::tempdir().unwrap();
        let store = Store::in_dir(&states.path().join("dateline"), key(corpus.path()));
        assert_eq!(store.load(), Ok(None), "nothing saved yet is a fresh start");
        let s = sample(&store.key);
        store.save(&s).unwrap();
        assert_eq!(store.load(), Ok(Some(s.clone())));
        let mut s2 = s;
        s2.reader_top = 7;
        store.save(&s2).unwrap();
        assert_eq!(store.load(), Ok(Some(s2)));
        let files: Vec<_> = fs::read_dir(store.path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(files.len(), 1, "only the state file: {files:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&store.path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "readable by others: {mode:o}");
        }
        assert!(
            fs::read_dir(corpus.path()).unwrap().next().is_none(),
            "corpus untouched"
        );
    }

    #[test]
    fn bad_files_are_warnings_not_failures() {
        let corpus = tempfile::tempdir().unwrap();
        let states = tempfile::tempdir().unwrap();
        let store = Store::in_dir(states.path(), key(corpus.path()));
        let good = serde_json::to_string(&sample(&store.key)).unwrap();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("not valid JSON", b"\x00\xffgarbage".to_vec()),
            ("truncated", good.as_bytes()[..good.len() / 2].to_vec()),
            ("truncated", Vec::new()),
            (
                "version 99",
                good.replace("\"version\":1", "\"version\":99").into_bytes(),
            ),
            ("no version", b"[1,2,3]".to_vec()),
            (
                "unexpected contents",
                good.replace("\"reader_top\":120", "\"reader_top\":-5")
                    .into_bytes(),
            ),
            (
                "another corpus",
                good.replace(&store.key.names()[0], "/elsewhere")
                    .into_bytes(),
            ),
        ];
        for (why, bytes) in cases {
            fs::write(&store.path, &bytes).unwrap();
            let err = store.load().unwrap_err();
            let (long, short) = (err.to_string(), err.short());
            assert!(
                long.contains(why) && long.contains("starting fresh"),
                "{why}: {long}"
            );
            assert!(long.contains(&*store.path.to_string_lossy()), "{long}");
            let dir = states.path().to_string_lossy();
            assert!(short.contains(why) && !short.contains(&*dir), "{short}");
        }
        // A folder where the file should be: unreadable, still only a warning.
        fs::remove_file(&store.path).unwrap();
        fs::create_dir(&store.path).unwrap();
        assert!(store.load().is_err());
        assert!(store.save(&sample(&store.key)).is_err());
    }

    #[test]
    fn one_key_however_the_corpus_is_named() {
        let corpus = tempfile::tempdir().unwrap();
        let sub = corpus.path().join("news");
        fs::create_dir(&sub).unwrap();
        let direct = CorpusKey::for_paths(std::slice::from_ref(&sub));
        let dotted = CorpusKey::for_paths(&[sub.join("../news/.")]);
        assert_eq!(direct.names(), dotted.names());
        assert_eq!(direct.file_name(), dotted.file_name());
        assert_eq!(
            direct.article_id(&sub.join("a.txt")),
            dotted.article_id(&sub.join("../news/./a.txt"))
        );
        let other = CorpusKey::for_paths(&[corpus.path().to_path_buf()]);
        assert_ne!(direct.file_name(), other.file_name());
        let seeds = CorpusKey::for_paths(&[]);
        assert_eq!(seeds.file_name(), "seeds.json");
        assert_eq!(seeds.names(), vec![BUNDLED_KEY.to_string()]);
        assert_eq!(
            seeds.article_id(Path::new("seeds/000.txt")),
            "seeds/000.txt"
        );
    }

    #[test]
    fn read_marks_of_files_absent_now_survive_a_save() {
        let corpus = tempfile::tempdir().unwrap();
        let states = tempfile::tempdir().unwrap();
        let store = Store::in_dir(states.path(), key(corpus.path()));
        let mut s = sample(&store.key);
        s.read = vec!["/c/away/b.txt".into(), "/c/here/a.txt".into()];
        store.save(&s).unwrap();
        // A session with the subfolder `away` missing knows only `here`.
        s.read = vec!["/c/here/a.txt".into(), "/c/here/c.txt".into()];
        s.reader_top = 9;
        store.save(&s).unwrap();
        let saved = store.load().unwrap().unwrap();
        assert_eq!(
            saved.read,
            ["/c/away/b.txt", "/c/here/a.txt", "/c/here/c.txt"]
        );
        assert_eq!(saved.reader_top, 9, "the place is the last save's");
    }

    #[test]
    fn two_instances_quitting_in_turn_keep_both_sets_of_marks() {
        let corpus = tempfile::tempdir().unwrap();
        let states = tempfile::tempdir().unwrap();
        let one = Store::in_dir(states.path(), key(corpus.path()));
        let two = Store::in_dir(states.path(), key(corpus.path()));
        let mut first = sample(&one.key);
        first.read = vec!["/c/x.txt".into()];
        let mut second = sample(&two.key);
        second.read = vec!["/c/z.txt".into()];
        second.article = Some("/c/z.txt".into());
        // Both opened before either saved; both quit.
        let threads = [(one, first), (two, second)]
            .map(|(store, s)| std::thread::spawn(move || store.save(&s).unwrap()));
        threads.into_iter().for_each(|t| t.join().unwrap());
        let saved = Store::in_dir(states.path(), key(corpus.path()))
            .load()
            .unwrap()
            .unwrap();
        assert_eq!(saved.read, ["/c/x.txt", "/c/z.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_planted_as_the_temporary_is_not_followed() {
        let corpus = tempfile::tempdir().unwrap();
        let states = tempfile::tempdir().unwrap();
        let store = Store::in_dir(states.path(), key(corpus.path()));
        let victim = corpus.path().join("victim.txt");
        fs::write(&victim, "keep me").unwrap();
        let name = store.path.file_name().unwrap().to_str().unwrap();
        let tmp = states
            .path()
            .join(format!(".{name}.{}.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &tmp).unwrap();
        store.save(&sample(&store.key)).unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(store.load().unwrap(), Some(sample(&store.key)));
        assert!(!tmp.exists() && fs::symlink_metadata(&tmp).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn names_differing_only_in_bytes_that_are_not_utf8_are_two_identities() {
        use std::os::unix::ffi::OsStrExt;
        let k = CorpusKey::for_paths(&[]);
        let a = Path::new(std::ffi::OsStr::from_bytes(b"seeds/caf\xe9.txt"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"seeds/caf\xe8.txt"));
        assert_eq!(k.article_id(a), "seeds/caf\\xE9.txt");
        assert_ne!(k.article_id(a), k.article_id(b));
        assert_eq!(k.article_id(Path::new("seeds/café.txt")), "seeds/café.txt");
    }

    #[test]
    fn hash_is_stable() {
        // Changing it would orphan every user's state files.
        assert_eq!(crate::hash::stable(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(crate::hash::stable(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
