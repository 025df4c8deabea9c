//! The user's config file: where it lives, what it may contain, and errors
//! that name the file and the line.
//!
//! `$XDG_CONFIG_HOME/dateline/config.toml` (else `~/.config/dateline/
//! config.toml`, or `--config FILE`). A missing file means the defaults; a
//! file that is there but wrong is an error before anything else runs, so a
//! typo never silently does nothing.
//!
//! This module only turns TOML into plain data that remembers where each
//! value stood ([`Spanned`]). What a key name, an action name or a colour
//! means is the TUI's business (`tui::settings` checks them and reports
//! through [`Config::error_at`]); like the model and the parser, this module
//! knows nothing of the terminal.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
pub use toml::Spanned;

/// A config file larger than this is refused: it is a mistake, not a config.
const MAX_BYTES: u64 = 1 << 20;

/// The article list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Date,
    File,
}

/// The file's schema. Every table denies unknown fields, so a misspelt
/// setting is an error naming its line.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub sort: Option<Spanned<Sort>>,
    /// Paths opened when the command line gives none.
    pub corpus: Option<Spanned<Strings>>,
    /// Style name -> colours. Names are checked by the TUI's theme.
    #[serde(default)]
    pub theme: BTreeMap<Spanned<String>, Spanned<Colours>>,
    /// Context name -> action name -> keys. Names are checked by the TUI.
    #[serde(default)]
    pub keys: BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<Strings>>>,
}

/// The colours of one style; unset ones keep the default.
#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table like { fg = \"red\", bg = \"none\", plain = true }"
)]
pub struct Colours {
    pub fg: Option<Spanned<String>>,
    pub bg: Option<Spanned<String>>,
    /// No bold, underline or the like: with `fg` and `bg` "none", text in
    /// this style looks like the text around it (a highlight switched off).
    pub plain: Option<bool>,
}

/// One string or a list of them (`"j"` or `["j", "down"]`), each with its
/// place in the file when it has one of its own.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Strings(pub Vec<(String, Option<Range<usize>>)>);

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Strings;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Strings, E> {
                Ok(Strings(vec![(s.to_string(), None)]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Strings, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<Spanned<String>>()? {
                    let span = s.span();
                    out.push((s.into_inner(), Some(span)));
                }
                Ok(Strings(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A bad config file: which file, which line (when known), what is wrong.
/// Shown as `FILE:LINE: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.file.display(), self.message),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A parsed config file (or the defaults), with what it takes to point at
/// a line in it.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it was read from; None when no file was read.
    pub path: Option<PathBuf>,
    text: String,
    pub file: File,
}

impl Config {
    /// No file: every setting at its default.
    pub fn defaults() -> Config {
        Config::default()
    }

    /// Parses `text` as the file at `path` (which is only used for
    /// messages and for resolving relative corpus paths).
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        // Some editors start a file with a byte-order mark; TOML does not.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file: File = toml::from_str(text).map_err(|e| ConfigError {
            file: path.to_path_buf(),
            line: e.span().map(|s| line_of(text, s.start)),
            message: e.message().trim().to_string(),
        })?;
        let cfg = Config {
            path: Some(path.to_path_buf()),
            text: text.to_string(),
            file,
        };
        // An empty path would be the config file's own folder.
        if let Some(c) = &cfg.file.corpus
            && let Some((_, at)) = c.get_ref().0.iter().find(|(p, _)| p.trim().is_empty())
        {
            return Err(cfg.error_at(
                Some(at.clone().unwrap_or(c.span())),
                "corpus: an empty path; name a file or folder (\"~/news\"), or leave corpus \
                 out for the bundled seeds",
            ));
        }
        Ok(cfg)
    }

    /// Reads the file at `path`. A missing file is the defaults unless
    /// `required` (the user named it with `--config`).
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError {
            file: path.to_path_buf(),
            line: None,
            message,
        };
        // Not blocking on a FIFO, nor reading a link to `/dev/zero` forever.
        let bytes = match crate::ingest::guarded::read_regular(path, MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::ingest::guarded::ReadError::Io(e))
                if e.kind() == std::io::ErrorKind::NotFound && !required =>
            {
                return Ok(Config::defaults());
            }
            Err(crate::ingest::guarded::ReadError::TooLarge(size)) => {
                let size = size.map_or(String::new(), |n| format!("is {n} bytes; "));
                return Err(err(format!("{size}a config file is at most 1 MB")));
            }
            Err(e @ crate::ingest::guarded::ReadError::Folder) => return Err(err(e.to_string())),
            Err(e) => return Err(err(format!("cannot read it: {e}"))),
        };
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            ConfigError {
                file: path.to_path_buf(),
                line: Some(line_of(&String::from_utf8_lossy(e.as_bytes()), at)),
                message: "not UTF-8 text".into(),
            }
        })?;
        Config::parse(path, &text)
    }

    /// An error about the value at `span` of this file.
    pub fn error_at(&self, span: Option<Range<usize>>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("config.toml")),
            line: span.map(|s| line_of(&self.text, s.start)),
            message: message.into(),
        }
    }

    pub fn sort(&self) -> Sort {
        self.file.sort.as_ref().map_or(Sort::Date, |s| *s.get_ref())
    }

    /// The configured default corpus, `~` expanded and relative paths taken
    /// from the config file's folder; empty when none is set (the bundled
    /// seeds).
    pub fn corpus(&self) -> Vec<PathBuf> {
        let Some(c) = &self.file.corpus else {
            return Vec::new();
        };
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let base = self.path.as_deref().and_then(Path::parent);
        c.get_ref()
            .0
            .iter()
            .map(|(p, _)| resolve(p, home.as_deref(), base))
            .collect()
    }
}

/// `~/x` is under `home`; a relative path is under `base`.
fn resolve(p: &str, home: Option<&Path>, base: Option<&Path>) -> PathBuf {
    if let (Some(rest), Some(home)) = (p.strip_prefix("~/"), home) {
        return home.join(rest);
    }
    if let (true, Some(home)) = (p == "~", home) {
        return home.to_path_buf();
    }
    let path = PathBuf::from(p);
    match base {
        Some(b) if path.is_relative() => b.join(path),
        _ => path,
    }
}

/// The 1-based line of byte `at` in `text`.
pub fn line_of(text: &str, at: usize) -> usize {
    let end = at.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Where the config file is looked for, given `$XDG_CONFIG_HOME` and
/// `$HOME`. None: neither is usable, so only the defaults apply.
pub fn location(xdg_config_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
    xdg_dir(xdg_config_home, home, ".config").map(|d| d.join("config.toml"))
}

/// [`location`] from this process's environment.
pub fn default_location() -> Option<PathBuf> {
    xdg_dir_from_env("XDG_CONFIG_HOME", ".config").map(|d| d.join("config.toml"))
}

/// dateline's folder of one XDG base directory: `$XDG_..._HOME/dateline`
/// (given as `xdg`), else `$HOME/<fallback>/dateline`. A relative or empty
/// value is ignored, as the XDG spec says. None when neither is usable.
/// The config file and the state files are both found through it.
pub fn xdg_dir(xdg: Option<&Path>, home: Option<&Path>, fallback: &str) -> Option<PathBuf> {
    let usable = |p: &&Path| p.is_absolute();
    xdg.filter(usable)
        .map(Path::to_path_buf)
        .or_else(|| home.filter(usable).map(|h| h.join(fallback)))
        .map(|d| d.join("dateline"))
}

/// [`xdg_dir`] with `var` and `HOME` read from the environment.
pub fn xdg_dir_from_env(var: &str, fallback: &str) -> Option<PathBuf> {
    let xdg = std::env::var_os(var).map(PathBuf::from);
    let home = std::env::var_os("HOME").map(PathBuf::from);
    xdg_dir(xdg.as_deref(), home.as_deref(), fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("config.toml"), text)
    }

    #[test]
    fn state_files_are_found_the_same_way_under_their_own_variable() {
        let d = |x: Option<&str>, h: Option<&str>| {
            xdg_dir(x.map(Path::new), h.map(Path::new), ".local/state")
                .map(|p| p.display().to_string())
        };
        assert_eq!(d(Some("/s"), Some("/h")).as_deref(), Some("/s/dateline"));
        assert_eq!(
            d(Some("rel"), Some("/h")).as_deref(),
            Some("/h/.local/state/dateline")
        );
        assert_eq!(d(Some(""), None), None);
    }

    #[test]
    fn location_prefers_an_absolute_xdg_config_home() {
        let p = |x: Option<&str>, h: Option<&str>| {
            location(x.map(Path::new), h.map(Path::new)).map(|p| p.display().to_string())
        };
        assert_eq!(
            p(Some("/x"), Some("/h")).as_deref(),
            Some("/x/dateline/config.toml")
        );
        assert_eq!(
            p(None, Some("/h")).as_deref(),
            Some("/h/.config/dateline/config.toml")
        );
        assert_eq!(
            p(Some("rel"), Some("/h")).as_deref(),
            Some("/h/.config/dateline/config.toml")
        );
        assert_eq!(p(Some(""), None), None);
        assert_eq!(p(None, None), None);
    }

    #[test]
    fn empty_file_is_the_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c.sort(), Sort::Date);
        assert!(c.corpus().is_empty());
        assert!(c.file.keys.is_empty() && c.file.theme.is_empty());
    }

    #[test]
    fn syntax_error_names_its_line() {
        let e = parse("sort = \"date\"\n\n[keys.list\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().starts_with("config.toml:3: "), "{e}");
    }

    #[test]
    fn unknown_field_and_bad_sort_name_their_lines() {
        let e = parse("\nsrot = \"file\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("srot"), "{e}");
        let e = parse("sort = \"name\"\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(
            e.message.contains("name") && e.message.contains("file"),
            "{e}"
        );
        let e = parse("[theme]\ndate = { fg = \"red\", colour = \"x\" }\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("colour"), "{e}");
        let e = parse("[theme]\ndate = \"red\"\n").unwrap_err();
        assert!(e.message.contains("{ fg = "), "{e}");
    }

    #[test]
    fn strings_keep_their_own_spans() {
        let text = "[keys.list]\nactivate = [\n  \"enter\",\n  \"o\",\n]\n";
        let c = parse(text).unwrap();
        let list = c.file.keys.get("list").unwrap();
        let keys = list.get("activate").unwrap();
        let lines: Vec<usize> = keys
            .get_ref()
            .0
            .iter()
            .map(|(_, s)| line_of(text, s.clone().unwrap().start))
            .collect();
        assert_eq!(lines, [3, 4]);
        assert!(parse("[keys.list]\nactivate = 3\n").is_err());
    }

    #[test]
    fn corpus_paths_resolve_home_and_the_config_folder() {
        let home = Some(Path::new("/home/u"));
        let base = Some(Path::new("/etc/dl"));
        assert_eq!(resolve("~/news", home, base), PathBuf::from("/home/u/news"));
        assert_eq!(resolve("news", home, base), PathBuf::from("/etc/dl/news"));
        assert_eq!(resolve("/abs", home, base), PathBuf::from("/abs"));
        let c = Config::parse(Path::new("/etc/dl/config.toml"), "corpus = \"a\"").unwrap();
        assert_eq!(c.corpus(), [PathBuf::from("/etc/dl/a")]);
    }

    #[test]
    fn missing_file_is_defaults_unless_required() {
        let dir = std::env::temp_dir().join(format!("dateline-cfg-missing-{}", std::process::id()));
        let p = dir.join("nope.toml");
        assert!(Config::load(&p, false).unwrap().path.is_none());
        let e = Config::load(&p, true).unwrap_err();
        assert!(e.to_string().contains("nope.toml"), "{e}");
    }

    #[test]
    fn an_empty_corpus_path_is_an_error_naming_its_line() {
        let e = parse("sort = \"file\"\ncorpus = \"\"\n").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("empty path"), "{e}");
        let e = parse("corpus = [\n  \"~/news\",\n  \" \",\n]\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(parse("corpus = []\n").unwrap().corpus().is_empty());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(
            parse("\u{feff}sort = \"file\"\n").unwrap().sort(),
            Sort::File
        );
    }

    #[test]
    fn line_of_counts_from_one_and_clamps() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
