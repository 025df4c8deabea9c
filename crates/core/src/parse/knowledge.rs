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
const USER_FILES: [UserFile; 4] = [
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
struct UserFile {
    /// Its file name, in the config file's folder.
    name: &'static str,
    /// What one of its entries is called ("actor").
    entry: &'static str,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Loaded;

    /// A folder holding the given user files.
    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    const PAGE: &str = "Quay plan\n\nTide times at Brask are posted on the harbour wall each morning by the quay staff.\n\nOrla Venn told Harbour Light that the quay opens on Harbour Day 2031.\n\nThe Velmora Board agreed.\n";

    /// What parsing [`PAGE`] with `knowledge` finds: the body's lines, the
    /// source, the dated events and the actors' names.
    fn read(knowledge: &Knowledge) -> (Vec<String>, Option<String>, Vec<String>, Vec<String>) {
        let c = crate::parse::build_corpus(
            knowledge,
            vec![Loaded::plain("quay.txt", PAGE)],
            Vec::new(),
            None,
        );
        let a = &c.articles[0];
        let body = a
            .body
            .iter()
            .map(|s| a.raw[s.range()].to_string())
            .collect();
        let dates = a.times.iter().map(|t| format!("{:?}", t.value)).collect();
        let actors = c
            .actors
            .iter()
            .map(|x| format!("{} ({:?})", x.name, x.kind))
            .collect();
        (body, a.source.clone(), dates, actors)
    }

    const USER_FILES_TEXT: [(&str, &str); 4] = [
        (
            "actors.toml",
            "[[actor]]\nname = \"Velmora Board\"\nkind = \"organisation\"\n",
        ),
        ("time_words.txt", "[holidays]\nHarbour Day | 06-21\n"),
        ("furniture.toml", "[line]\npatterns = ['^tide times at ']\n"),
        ("publishers.toml", "names = [\"Harbour Light\"]\n"),
    ];

    #[test]
    fn two_values_in_one_process_parse_differently_in_either_order() {
        let dir = folder(&USER_FILES_TEXT);
        let builtin = read(&Knowledge::builtin());
        let (knowledge, said) = Knowledge::with_user_files(dir.path()).unwrap();
        let user = read(&knowledge);
        // Each user file changes what is found, and the bundled value
        // built after them has not learnt any of it.
        assert_ne!(builtin.0, user.0, "furniture");
        assert_ne!(builtin.1, user.1, "publishers");
        assert_ne!(builtin.2, user.2, "time words");
        assert_ne!(builtin.3, user.3, "actors");
        assert_eq!(read(&Knowledge::builtin()), builtin);
        assert_eq!(read(&knowledge), user);
        let said: Vec<String> = said.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 4, "{said:?}");
        assert!(said[0].ends_with("actors.toml: ok (1 actor)"), "{said:?}");
        assert!(
            said[1].ends_with("time_words.txt: ok (1 entry)"),
            "{said:?}"
        );
    }

    #[test]
    fn a_malformed_user_file_is_an_error_naming_the_file_and_the_line() {
        let dir = folder(&[(
            "furniture.toml",
            "[line]\npatterns = [\n  '^tide (times']\n",
        )]);
        let e = Knowledge::with_user_files(dir.path())
            .err()
            .unwrap()
            .to_string();
        let at = dir.path().join("furniture.toml").display().to_string();
        assert!(
            e.starts_with(&format!(
                "{at}:3: the pattern '^tide (times' does not compile"
            )),
            "{e}"
        );
        let dir = folder(&[(
            "actors.toml",
            "[[actor]]\nname = \"Velmora Board\"\nkind = \"ship\"\n",
        )]);
        let e = Knowledge::with_user_files(dir.path())
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.contains("actors.toml: actor \"Velmora Board\": unknown kind \"ship\""),
            "{e}"
        );
    }

    #[test]
    fn a_user_file_that_cannot_be_read_is_an_error_and_none_is_no_change() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("publishers.toml")).unwrap();
        let e = Knowledge::with_user_files(dir.path()).err().unwrap();
        assert!(matches!(e, KnowledgeError::Read { .. }), "{e}");
        let empty = tempfile::tempdir().unwrap();
        let (k, said) = Knowledge::with_user_files(empty.path()).unwrap();
        assert!(said.is_empty());
        assert_eq!(read(&k), read(&Knowledge::builtin()));
    }
}
