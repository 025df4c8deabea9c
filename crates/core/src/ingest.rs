//! Files and folders to decoded text. A bad file is a warning that names it;
//! the rest still loads. Corpus files are only ever read.

pub mod guarded;
pub mod html;
pub mod warc;

use crate::hash::FxSet;
use crate::warning::{Warning, WarningKind};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Files larger than this are skipped with a warning: a news article is a few
/// kilobytes, and a 100 MB file is a mistake we should not hold in memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// One decoded file ready for parsing.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    /// Per-file notes that do not stop it loading (e.g. decoded as Windows-1252).
    pub warnings: Vec<Warning>,
    /// For an HTML page: what its markup said, as spans of `text` (which is
    /// then the extracted article, not the markup).
    pub page: Option<Box<html::Page>>,
}

impl Loaded {
    /// A plain-text article read without a note: the bundled seeds, and
    /// the pages tests and benchmarks make.
    pub fn plain(path: impl Into<PathBuf>, text: impl Into<String>) -> Loaded {
        Loaded {
            path: path.into(),
            text: text.into(),
            warnings: Vec::new(),
            page: None,
        }
    }
}

/// The HTML source of the page an article was read from, decoded, for the
/// reader's raw view: the file itself, or record N of an archive for an
/// article named `crawl.warc.gz#N`. None when the article is not an HTML
/// page or its source cannot be read again.
pub fn page_source(path: &Path) -> Option<String> {
    let meta = std::fs::metadata(path);
    if meta.as_ref().is_ok_and(|m| m.is_file()) {
        if meta.ok()?.len() > MAX_FILE_BYTES {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        return html::is_html(path, &bytes).then(|| html::decode(&bytes, None).0);
    }
    let name = path.to_str()?;
    let (archive, n) = name.rsplit_once('#')?;
    let archive = Path::new(archive);
    let n: usize = n.parse().ok()?;
    if !warc::is_archive(archive) {
        return None;
    }
    let (bytes, charset) = warc::record_payload(archive, n)?;
    Some(html::decode(&bytes, charset.as_deref()).0)
}

/// The bundled default corpus, compiled in so `dateline` works from any folder.
pub const BUNDLED_SEEDS: &[(&str, &str)] = &[
    (
        "seeds/000_f42632eceeb0ad01.txt",
        include_str!("../../../seeds/000_f42632eceeb0ad01.txt"),
    ),
    (
        "seeds/001_447bd63e341bbe2f.txt",
        include_str!("../../../seeds/001_447bd63e341bbe2f.txt"),
    ),
    (
        "seeds/002_42dcb12507c43768.txt",
        include_str!("../../../seeds/002_42dcb12507c43768.txt"),
    ),
    (
        "seeds/003_73fb9169c3d82bdc.txt",
        include_str!("../../../seeds/003_73fb9169c3d82bdc.txt"),
    ),
    (
        "seeds/004_af035b4125f12b3c.txt",
        include_str!("../../../seeds/004_af035b4125f12b3c.txt"),
    ),
];

pub fn bundled() -> Vec<Loaded> {
    BUNDLED_SEEDS
        .iter()
        .map(|(p, t)| Loaded::plain(*p, *t))
        .collect()
}

/// Expands files and folders (recursively) into a sorted, de-duplicated list
/// of regular files. Missing paths, unreadable folders and symlink loops
/// become warnings.
pub fn collect_files(paths: &[PathBuf], warnings: &mut Vec<Warning>) -> Vec<PathBuf> {
    let mut seen_dirs = FxSet::default();
    let mut folders = Vec::new();
    let mut found = Vec::new();
    for p in paths {
        // In order already: the walk lists each folder sorted by name and
        // goes depth first, which is the order of the paths compared
        // component by component.
        walk(p, None, &mut found, &mut folders, &mut seen_dirs, warnings);
    }
    // Files listed as plain files in folders walked once each cannot
    // repeat: only a file given by its path or through a symlink can be
    // one found before, and only then are the files compared.
    if found.iter().all(|f| matches!(f.key, Key::Listed(_))) {
        return found.into_iter().map(|f| f.path).collect();
    }
    let mut seen_files = FxSet::default();
    let mut out = Vec::new();
    for f in found {
        let key = match f.key {
            Key::Listed(folder) => match f.path.file_name() {
                Some(name) => folders[folder].join(name),
                None => f.path.clone(),
            },
            Key::Own(key) => key,
        };
        if seen_files.insert(key) {
            out.push(f.path);
        }
    }
    out
}

/// A file found by [`walk`], with the identity it is de-duplicated by.
struct Found {
    path: PathBuf,
    key: Key,
}

/// The canonical path a found file is de-duplicated by.
enum Key {
    /// A plain file listed in a folder: the folder's canonical path (by
    /// its place in the walk's list) plus the file's name, which costs one
    /// `canonicalize` per folder rather than one per file, and is put
    /// together only when some file may repeat.
    Listed(usize),
    /// A file given by its path or reached through a symlink,
    /// canonicalised itself.
    Own(PathBuf),
}

/// `p` and what is below it. `listed_canon` is given when the folder
/// listing `p` was found in called it a plain (not symlinked) folder: its
/// canonical path, the folder's own joined with the name, which spares a
/// `stat` and a `canonicalize` (whose cost grows with the depth, so one
/// per folder made a deep tree cubic). Each folder listed is added to
/// `folders` with its canonical path.
fn walk(
    p: &Path,
    listed_canon: Option<PathBuf>,
    out: &mut Vec<Found>,
    folders: &mut Vec<PathBuf>,
    seen_dirs: &mut FxSet<PathBuf>,
    warnings: &mut Vec<Warning>,
) {
    if listed_canon.is_none() {
        match fs::metadata(p) {
            Ok(m) if m.is_file() => {
                let key = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                out.push(Found {
                    path: p.to_path_buf(),
                    key: Key::Own(key),
                });
                return;
            }
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                warnings.push(Warning::new(p, WarningKind::NotFileOrFolder));
                return;
            }
            Err(e) => {
                warnings.push(Warning::new(p, WarningKind::Unlisted(describe_io(&e))));
                return;
            }
        }
    }
    let canon =
        listed_canon.unwrap_or_else(|| fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()));
    if !seen_dirs.insert(canon.clone()) {
        // A folder reached twice: given twice, or a symlink loop.
        return;
    }
    let entries = match fs::read_dir(p) {
        Ok(e) => e,
        Err(e) => {
            warnings.push(Warning::new(p, WarningKind::Unlisted(describe_io(&e))));
            return;
        }
    };
    let mut children: Vec<(PathBuf, Option<fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .collect();
    // Siblings share their folder's path, so their paths compared as bytes
    // order them as their names do, without splitting either into parts.
    children.sort_unstable_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    let folder = folders.len();
    folders.push(canon);
    for (c, ft) in children {
        let Some(name) = c.file_name() else { continue };
        if name.as_encoded_bytes().starts_with(b".") {
            continue; // hidden
        }
        if ft.is_some_and(|t| t.is_file()) {
            // A plain file, the common case: no second copy of its path.
            out.push(Found {
                path: c,
                key: Key::Listed(folder),
            });
        } else {
            // Symlinks and unknown types are followed with a full `stat`.
            let listed_canon = ft
                .is_some_and(|t| t.is_dir())
                .then(|| folders[folder].join(name));
            walk(&c, listed_canon, out, folders, seen_dirs, warnings);
        }
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads and decodes one file; `Err` is the warning to show instead. A
/// file that is not (or no longer) a regular file, or whose read blocks, is
/// skipped with a warning: see [`guarded`].
pub fn read_file(path: PathBuf) -> Result<Loaded, Warning> {
    let bytes = guarded::read_regular(&path, MAX_FILE_BYTES);
    decode_read(path, bytes)
}

/// [`read_file`], with what the files read before it on this thread in
/// the same load showed (see [`guarded::Nearby`]).
pub fn read_file_with(path: PathBuf, nearby: &mut guarded::Nearby) -> Result<Loaded, Warning> {
    let bytes = guarded::read_regular_with(&path, MAX_FILE_BYTES, nearby);
    decode_read(path, bytes)
}

/// The file at `path` from what reading it gave.
fn decode_read(
    path: PathBuf,
    bytes: Result<Vec<u8>, guarded::ReadError>,
) -> Result<Loaded, Warning> {
    let bytes = bytes.map_err(|e| {
        let kind = match e {
            guarded::ReadError::TooLarge(size) => WarningKind::TooLarge {
                size,
                limit: MAX_FILE_BYTES,
            },
            e => WarningKind::Unreadable(e.to_string()),
        };
        Warning::new(&path, kind)
    })?;
    if html::is_html(&path, &bytes) {
        return html::load(path, &bytes, None);
    }
    let (text, note) = decode_owned(bytes).map_err(|kind| Warning::new(&path, kind))?;
    Ok(Loaded {
        warnings: note
            .map(|n| Warning::new(&path, WarningKind::Decoded(n)))
            .into_iter()
            .collect(),
        path,
        text,
        page: None,
    })
}

/// Bytes to text. UTF-8 (BOM optional), UTF-16 with a BOM, otherwise
/// Windows-1252 with a note on how it was decoded. `Err` for empty or
/// binary content.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), WarningKind> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] taking the bytes, so valid UTF-8 (nearly every file) becomes
/// the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Option<String>), WarningKind> {
    if bytes.is_empty() {
        return Err(WarningKind::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = (enc != encoding_rs::UTF_8)
            .then(|| format!("decoded as {} (byte-order mark)", enc.name()));
        let warning = if had_errors {
            Some(format!("invalid {} sequences replaced", enc.name()))
        } else {
            warning
        };
        return finish(text.into_owned(), warning, true);
    }
    if bytes.contains(&0) {
        return Err(WarningKind::Binary(false));
    }
    // No NUL byte, so no NUL char in the text the bytes decode to.
    match String::from_utf8(bytes) {
        Ok(s) => finish(s, None, false),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
            finish(
                text.into_owned(),
                Some("not valid UTF-8, decoded as Windows-1252".into()),
                false,
            )
        }
    }
}

/// The decoded text, unless it is binary or blank; `may_hold_nul` when
/// the bytes were not already seen to hold no NUL (a pass over the text
/// saved for nearly every file).
fn finish(
    text: String,
    note: Option<String>,
    may_hold_nul: bool,
) -> Result<(String, Option<String>), WarningKind> {
    if may_hold_nul && text.contains('\0') {
        return Err(WarningKind::Binary(true));
    }
    if text.trim().is_empty() {
        return Err(WarningKind::Blank);
    }
    Ok((text, note))
}

/// Where reading counts how far it has got: files found, files read. The
/// loader's progress (`parse::Progress`) lends its two reading counters, so
/// reading needs nothing from the parser that comes after it.
#[derive(Clone, Copy)]
pub struct Counts<'a> {
    pub files: &'a AtomicUsize,
    pub read: &'a AtomicUsize,
}

/// Loads every path; returns the decoded files in a stable order and the
/// warnings for what was skipped. No paths means the bundled seeds. Counts
/// files found and read into `progress` when given.
pub fn load(paths: &[PathBuf], progress: Option<Counts>) -> (Vec<Loaded>, Vec<Warning>) {
    use rayon::prelude::*;
    let (files_found, files_read) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let progress = progress.unwrap_or(Counts {
        files: &files_found,
        read: &files_read,
    });
    if paths.is_empty() {
        let b = bundled();
        progress.files.store(b.len(), Ordering::Relaxed);
        progress.read.store(b.len(), Ordering::Relaxed);
        return (b, Vec::new());
    }
    let mut warnings = Vec::new();
    let files = collect_files(paths, &mut warnings);
    progress.files.store(files.len(), Ordering::Relaxed);
    // Reading is parallel too: on a cold cache 100k small files are latency-bound.
    let results: Vec<Result<Loaded, Warning>> = files
        .into_par_iter()
        .flat_map_iter(|f| {
            let r: Vec<Result<Loaded, Warning>> = if warc::is_archive(&f) {
                warc::records(&f).map_or_else(|w| vec![Err(w)], Iterator::collect)
            } else {
                vec![read_file(f)]
            };
            progress.read.fetch_add(1, Ordering::Relaxed);
            r
        })
        .collect();
    let mut loaded = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(l) => loaded.push(l),
            Err(w) => warnings.push(w),
        }
    }
    (loaded, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_come_in_path_order_however_folders_and_names_interleave() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a/z.txt",
            "a/b/c.txt",
            "a-b.txt",
            "a.txt",
            "B/x.txt",
            "a0/y.txt",
            "é.txt",
            "Z.txt",
            "a/b-c/d.txt",
            "a/b.txt",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "text").unwrap();
        }
        let got = collect_files(&[root.to_path_buf()], &mut Vec::new());
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(got.len(), 10);
        assert_eq!(got, sorted);
    }

    #[test]
    fn a_deep_tree_is_walked_and_its_files_keyed_by_their_canonical_paths() {
        let dir = tempfile::tempdir().unwrap();
        let mut deep = dir.path().to_path_buf();
        for _ in 0..200 {
            deep.push("d");
        }
        fs::create_dir_all(&deep).unwrap();
        fs::write(deep.join("a.txt"), "text").unwrap();
        // The same file through a symlinked folder is found once.
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path().join("d/d"), dir.path().join("link")).unwrap();
        let got = collect_files(&[dir.path().to_path_buf()], &mut Vec::new());
        assert_eq!(got, [deep.join("a.txt")]);
    }

    #[test]
    fn a_file_given_again_or_through_a_symlink_is_found_once_where_first_met() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("news/old")).unwrap();
        for f in ["news/a.txt", "news/old/b.txt", "news/c.txt"] {
            fs::write(root.join(f), "text").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("news/c.txt"), root.join("news/0-link.txt")).unwrap();
        let got = collect_files(
            &[root.join("news/old/b.txt"), root.join("news")],
            &mut Vec::new(),
        );
        let mut want = vec![root.join("news/old/b.txt")];
        #[cfg(unix)]
        want.push(root.join("news/0-link.txt"));
        want.push(root.join("news/a.txt"));
        #[cfg(not(unix))]
        want.push(root.join("news/c.txt"));
        assert_eq!(got, want);
        // Plain files only, a folder given twice: walked once.
        let old = root.join("news/old");
        let plain = collect_files(&[old.clone(), old.clone()], &mut Vec::new());
        assert_eq!(plain, [old.join("b.txt")]);
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"hello").unwrap(), ("hello".into(), None));
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap().0, "hello");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Kyiv \u{2019}25".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let (t, w) = decode(&b).unwrap();
        assert_eq!(t, "Kyiv \u{2019}25");
        assert!(w.unwrap().contains("UTF-16LE"));
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let (t, w) = decode(b"caf\xE9 \x93quoted\x94").unwrap();
        assert_eq!(t, "caf\u{e9} \u{201c}quoted\u{201d}");
        assert!(w.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(
            decode(b"ab\0cd")
                .unwrap_err()
                .to_string()
                .contains("binary")
        );
        assert!(decode(b"").unwrap_err().to_string().contains("empty"));
        assert!(
            decode(b"  \n\n ")
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
    }

    #[test]
    fn missing_path_is_a_warning_naming_it() {
        let mut w = Vec::new();
        let files = collect_files(&[PathBuf::from("/no/such/dateline/path")], &mut w);
        assert!(files.is_empty());
        let w = w[0].to_string();
        assert!(w.contains("/no/such/dateline/path") && w.contains("no such file"));
    }

    #[test]
    fn bundled_seeds_are_all_there() {
        assert_eq!(bundled().len(), 5);
        assert!(bundled().iter().all(|l| !l.text.is_empty()));
    }
}
