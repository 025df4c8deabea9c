//! What went wrong with one file (or one record of an archive) while the
//! rest loaded: a typed value, so a program can tell a skipped file from a
//! note about one that loaded, and every output words it the same way.

use std::path::PathBuf;

/// One load warning: the file it is about and what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file (or `archive.warc.gz#N` record, or folder) it is about.
    pub path: PathBuf,
    pub kind: WarningKind,
}

/// What happened to a file. [`WarningKind::skipped`] tells the ones that
/// kept the file out of the corpus from notes about a file that loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WarningKind {
    /// Given on the command line (or met in a folder) but neither a regular
    /// file nor a folder.
    #[error("not a regular file or folder, skipped")]
    NotFileOrFolder,
    /// A path or folder that could not be listed: the system's reason.
    #[error("{0}")]
    Unlisted(String),
    /// A file that could not be read (gone, not regular any more, a read
    /// that blocked): why.
    #[error("{0}, skipped")]
    Unreadable(String),
    /// Over the limit for one article: its size in bytes when known, and
    /// the limit.
    #[error("{}larger than the {} MB limit for one article, skipped",
        .size.map_or(String::new(), |n| format!("{} MB is ", n / (1024 * 1024))),
        .limit / (1024 * 1024))]
    TooLarge { size: Option<u64>, limit: u64 },
    #[error("empty file, skipped")]
    Empty,
    #[error("empty file (only white space), skipped")]
    Blank,
    /// NUL bytes in the file (or NUL characters once decoded).
    #[error("binary file (contains NUL {}), skipped", if *.0 { "characters" } else { "bytes" })]
    Binary(bool),
    /// Loaded, but not as UTF-8: how it was decoded and why.
    #[error("{0}")]
    Decoded(String),
    #[error("HTML page with no text, skipped")]
    HtmlNoText,
    /// Loaded, but the HTML extractor found no article (why): the body is
    /// chosen from the page's visible text.
    #[error(
        "HTML extraction found no article ({0}); the body is chosen from the page's visible text"
    )]
    HtmlFallback(String),
    /// Loaded, but elements nest deeper than this: read as tag-stripped text.
    #[error("elements nested over {0} deep, read as tag-stripped text; the body is chosen from it")]
    HtmlTooDeep(usize),
    /// Loaded, but the crawler cut the page short (the archive's reason).
    #[error("the crawler cut this page short ({0})")]
    Truncated(String),
    /// Records of an archive that were skipped or could not be read.
    #[error("{0}")]
    Archive(String),
}

impl WarningKind {
    /// Whether the file (or record) was left out of the corpus.
    pub fn skipped(&self) -> bool {
        !matches!(
            self,
            WarningKind::Decoded(_)
                | WarningKind::HtmlFallback(_)
                | WarningKind::HtmlTooDeep(_)
                | WarningKind::Truncated(_)
        )
    }
}

impl Warning {
    pub fn new(path: impl Into<PathBuf>, kind: WarningKind) -> Self {
        Warning {
            path: path.into(),
            kind,
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", crate::text::path_text(&self.path), self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_names_its_file_then_says_what_happened() {
        let w = Warning::new(
            "news/a.txt",
            WarningKind::TooLarge {
                size: Some(20 << 20),
                limit: 16 << 20,
            },
        );
        assert_eq!(
            w.to_string(),
            "news/a.txt: 20 MB is larger than the 16 MB limit for one article, skipped"
        );
        assert!(w.kind.skipped());
        let note = Warning::new("b.txt", WarningKind::Decoded("not valid UTF-8".into()));
        assert_eq!(note.to_string(), "b.txt: not valid UTF-8");
        assert!(!note.kind.skipped());
        assert_eq!(
            WarningKind::Binary(false).to_string(),
            "binary file (contains NUL bytes), skipped"
        );
    }
}
