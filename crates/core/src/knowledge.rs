//! What the parser knows, as one value: the lexicons, time words, page
//! furniture, stop words, abbreviations and publishers every stage reads,
//! from the bundled `assets/` and the user's own files beside the config
//! file. Built once at start and handed to the parser (through
//! [`crate::load::Loader::knowledge`]), so two values in one process parse
//! differently and a test can give its own; nothing the parser reads from
//! `assets/` is a global.
//!
//! A user file with a mistake is an error naming the file and the line
//! ([`KnowledgeError`]), never a silent skip.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};

/// Everything the parse stages read besides the text.
pub struct Knowledge {
    /// The page cleaner's furniture patterns and stop words.
    pub page: crate::parse::blocks::PageKnowledge,
    /// The abbreviations whose full stop ends no sentence.
    pub abbreviations: crate::parse::segment::Abbreviations,
    /// The publishers an article's source is recognised by.
    pub publishers: crate::parse::meta::Publishers,
    /// What the actor stage knows: roles, places, organisations, its word
    /// classes, and the user's actors.
    pub actors: crate::parse::actors::Lexicon,
    /// What the date stage knows: month, weekday and holiday names,
    /// relative phrases, tense cues, and the matchers built from them.
    pub time_words: crate::parse::dates::TimeWords,
}

/// The user's files, by name, that add to the bundled knowledge, and what
/// one entry of each is called (for `dateline config`'s report).
pub const USER_FILES: [UserFile; 4] = [
    UserFile {
        name: "actors.toml",
        entry: "actor",
    },
    UserFile {
        name: "time_words.txt",
        entry: "entry",
    },
    UserFile {
        name: "furniture.toml",
        entry: "pattern",
    },
    UserFile {
        name: "publishers.toml",
        entry: "name",
    },
];

/// One kind of user file.
#[derive(Debug, Clone, Copy)]
pub struct UserFile {
    /// Its file name, in the config file's folder.
    pub name: &'static str,
    /// What one of its entries is called ("actor").
    pub entry: &'static str,
}

/// A user file that was read and added: where, and how many entries.
#[derive(Debug, Clone)]
pub struct UserFileRead {
    pub path: PathBuf,
    pub entries: usize,
    pub entry: &'static str,
}

impl std::fmt::Display for UserFileRead {
    /// "PATH: ok (3 actors)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let plural = match (self.entries, self.entry) {
            (1, e) => e.to_string(),
            (_, "entry") => "entries".to_string(),
            (_, e) => format!("{e}s"),
        };
        write!(f, "{}: ok ({} {plural})", self.path.display(), self.entries)
    }
}

/// Why the user's files could not be added.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// The file is there but could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file was read and has a mistake; `why` starts with its line
    /// number ("3: ...") when that is known.
    #[error("{}{}{why}", path.display(), if why.starts_with(|c: char| c.is_ascii_digit()) { ":" } else { ": " })]
    Malformed { path: PathBuf, why: String },
}

impl Knowledge {
    /// The bundled knowledge (`assets/`) alone.
    pub fn builtin() -> Knowledge {
        Knowledge {
            page: crate::parse::blocks::PageKnowledge::builtin(),
            abbreviations: crate::parse::segment::Abbreviations::builtin(),
            publishers: crate::parse::meta::Publishers::builtin(),
            actors: crate::parse::actors::Lexicon::builtin(),
            time_words: crate::parse::dates::TimeWords::builtin(),
        }
    }

    /// The bundled knowledge, built on first use and shared: what a
    /// [`crate::load::Loader`] parses with unless given another.
    pub fn shared_builtin() -> Arc<Knowledge> {
        static SHARED: LazyLock<Arc<Knowledge>> = LazyLock::new(|| Arc::new(Knowledge::builtin()));
        Arc::clone(&SHARED)
    }

    /// The bundled knowledge plus the user's files in `folder` (those of
    /// [`USER_FILES`] that are there), with what was read of each; the
    /// first mistake found stops it.
    pub fn with_user_files(
        folder: &Path,
    ) -> Result<(Knowledge, Vec<UserFileRead>), KnowledgeError> {
        let mut read = Vec::new();
        let mut texts: [Option<String>; USER_FILES.len()] = Default::default();
        for (file, text) in USER_FILES.iter().zip(&mut texts) {
            let path = folder.join(file.name);
            match std::fs::read_to_string(&path) {
                Ok(t) => *text = Some(t),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(KnowledgeError::Read { path, source }),
            }
        }
        let [actors, time_words, furniture, publishers] = texts;
        use crate::parse::{
            actors::Lexicon, blocks::PageKnowledge, dates::TimeWords, meta::Publishers,
            segment::Abbreviations,
        };
        let actors = part(
            folder,
            &mut read,
            0,
            actors,
            Lexicon::builtin,
            Lexicon::with_user,
        )?;
        let time_words = part(
            folder,
            &mut read,
            1,
            time_words,
            TimeWords::builtin,
            TimeWords::with_user,
        )?;
        let page = part(
            folder,
            &mut read,
            2,
            furniture,
            PageKnowledge::builtin,
            PageKnowledge::with_user,
        )?;
        let publishers = part(
            folder,
            &mut read,
            3,
            publishers,
            Publishers::builtin,
            Publishers::with_user,
        )?;
        let knowledge = Knowledge {
            page,
            abbreviations: Abbreviations::builtin(),
            publishers,
            actors,
            time_words,
        };
        Ok((knowledge, read))
    }
}

/// One part of the knowledge: built from the bundled files and the user's
/// file `i` (its text) when there is one, which is then recorded in
/// `read`; else the bundled part alone.
fn part<T>(
    folder: &Path,
    read: &mut Vec<UserFileRead>,
    i: usize,
    text: Option<String>,
    builtin: fn() -> T,
    with_user: fn(&str) -> Result<(T, usize), String>,
) -> Result<T, KnowledgeError> {
    let Some(text) = text else {
        return Ok(builtin());
    };
    let path = folder.join(USER_FILES[i].name);
    match with_user(&text) {
        Ok((value, entries)) => {
            read.push(UserFileRead {
                path,
                entries,
                entry: USER_FILES[i].entry,
            });
            Ok(value)
        }
        Err(why) => Err(KnowledgeError::Malformed { path, why }),
    }
}

/// A number no other value has had in this process: a stage that keeps
/// per-thread scratch for a value's automata (regex caches) keys it by
/// this, so scratch made for one value is never used with another's.
pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
