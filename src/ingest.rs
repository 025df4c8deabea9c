//! Files and folders to decoded text. A bad file is a warning that names it;
//! the rest still loads. Corpus files are only ever read.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Files larger than this are skipped with a warning: a news article is a few
/// kilobytes, and a 100 MB file is a mistake we should not hold in memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// One decoded file ready for parsing.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    /// Per-file notes that do not stop it loading (e.g. decoded as Windows-1252).
    pub warnings: Vec<String>,
}

/// The bundled default corpus, compiled in so `dateline` works from any folder.
pub const BUNDLED_SEEDS: &[(&str, &str)] = &[
    (
        "seeds/000_f42632eceeb0ad01.txt",
        include_str!("../seeds/000_f42632eceeb0ad01.txt"),
    ),
    (
        "seeds/001_447bd63e341bbe2f.txt",
        include_str!("../seeds/001_447bd63e341bbe2f.txt"),
    ),
    (
        "seeds/002_42dcb12507c43768.txt",
        include_str!("../seeds/002_42dcb12507c43768.txt"),
    ),
    (
        "seeds/003_73fb9169c3d82bdc.txt",
        include_str!("../seeds/003_73fb9169c3d82bdc.txt"),
    ),
    (
        "seeds/004_af035b4125f12b3c.txt",
        include_str!("../seeds/004_af035b4125f12b3c.txt"),
    ),
];

pub fn bundled() -> Vec<Loaded> {
    BUNDLED_SEEDS
        .iter()
        .map(|(p, t)| Loaded {
            path: PathBuf::from(p),
            text: (*t).to_string(),
            warnings: Vec::new(),
        })
        .collect()
}

/// Expands files and folders (recursively) into a sorted, de-duplicated list
/// of regular files. Missing paths, unreadable folders and symlink loops
/// become warnings.
pub fn collect_files(paths: &[PathBuf], warnings: &mut Vec<String>) -> Vec<PathBuf> {
    let mut seen_files = HashSet::new();
    let mut seen_dirs = HashSet::new();
    let mut out = Vec::new();
    for p in paths {
        let mut found = Vec::new();
        walk(p, &mut found, &mut seen_dirs, warnings);
        found.sort();
        for f in found {
            let key = fs::canonicalize(&f).unwrap_or_else(|_| f.clone());
            if seen_files.insert(key) {
                out.push(f);
            }
        }
    }
    out
}

fn walk(
    p: &Path,
    out: &mut Vec<PathBuf>,
    seen_dirs: &mut HashSet<PathBuf>,
    warnings: &mut Vec<String>,
) {
    let meta = match fs::metadata(p) {
        Ok(m) => m,
        Err(e) => {
            warnings.push(format!("{}: {}", p.display(), describe_io(&e)));
            return;
        }
    };
    if meta.is_file() {
        out.push(p.to_path_buf());
        return;
    }
    if !meta.is_dir() {
        warnings.push(format!(
            "{}: not a regular file or folder, skipped",
            p.display()
        ));
        return;
    }
    let canon = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    if !seen_dirs.insert(canon) {
        // A folder reached twice: given twice, or a symlink loop.
        return;
    }
    let entries = match fs::read_dir(p) {
        Ok(e) => e,
        Err(e) => {
            warnings.push(format!("{}: {}", p.display(), describe_io(&e)));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    for c in children {
        let hidden = c
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if !hidden {
            walk(&c, out, seen_dirs, warnings);
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

/// Reads and decodes one file; `Err` is the warning to show instead.
pub fn read_file(path: &Path) -> Result<Loaded, String> {
    let name = path.display();
    let len = fs::metadata(path)
        .map_err(|e| format!("{name}: {}", describe_io(&e)))?
        .len();
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "{name}: {} MB is larger than the {} MB limit for one article, skipped",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let bytes = fs::read(path).map_err(|e| format!("{name}: {}", describe_io(&e)))?;
    let (text, warning) = decode(&bytes).map_err(|why| format!("{name}: {why}"))?;
    Ok(Loaded {
        path: path.to_path_buf(),
        text,
        warnings: warning
            .map(|w| format!("{name}: {w}"))
            .into_iter()
            .collect(),
    })
}

/// Bytes to text. UTF-8 (BOM optional), UTF-16 with a BOM, otherwise
/// Windows-1252 with a warning. `Err` for empty or binary content.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if bytes.is_empty() {
        return Err("empty file, skipped".into());
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = (enc != encoding_rs::UTF_8)
            .then(|| format!("decoded as {} (byte-order mark)", enc.name()));
        let warning = if had_errors {
            Some(format!("invalid {} sequences replaced", enc.name()))
        } else {
            warning
        };
        return finish(text.into_owned(), warning);
    }
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes), skipped".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => finish(s.to_string(), None),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            finish(
                text.into_owned(),
                Some("not valid UTF-8, decoded as Windows-1252".into()),
            )
        }
    }
}

fn finish(text: String, warning: Option<String>) -> Result<(String, Option<String>), String> {
    if text.contains('\0') {
        return Err("binary file (contains NUL characters), skipped".into());
    }
    if text.trim().is_empty() {
        return Err("empty file (only white space), skipped".into());
    }
    Ok((text, warning))
}

/// Loads every path; returns the decoded files in a stable order and the
/// warnings for what was skipped. No paths means the bundled seeds.
pub fn load(paths: &[PathBuf]) -> (Vec<Loaded>, Vec<String>) {
    if paths.is_empty() {
        return (bundled(), Vec::new());
    }
    use rayon::prelude::*;
    let mut warnings = Vec::new();
    let files = collect_files(paths, &mut warnings);
    // Reading is parallel too: on a cold cache 100k small files are latency-bound.
    let results: Vec<Result<Loaded, String>> = files.par_iter().map(|f| read_file(f)).collect();
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
        assert!(decode(b"ab\0cd").unwrap_err().contains("binary"));
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"  \n\n ").unwrap_err().contains("empty"));
    }

    #[test]
    fn missing_path_is_a_warning_naming_it() {
        let mut w = Vec::new();
        let files = collect_files(&[PathBuf::from("/no/such/dateline/path")], &mut w);
        assert!(files.is_empty());
        assert!(w[0].contains("/no/such/dateline/path") && w[0].contains("no such file"));
    }

    #[test]
    fn bundled_seeds_are_all_there() {
        assert_eq!(bundled().len(), 5);
        assert!(bundled().iter().all(|l| !l.text.is_empty()));
    }
}
