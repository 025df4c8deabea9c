//! Reading the lexicon's asset files: their lines, their sections, and
//! which names are written in capitals.

use std::collections::HashMap;

/// Whether a name is written in capitals ("US", "WHO"): two letters or
/// more, none lower case.
pub(super) fn is_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(|c| c.is_lowercase())
}

/// Lines of a section-less file without comments and blanks.
pub(super) fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// `[section]` -> its lines.
pub(super) fn sections(text: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut current = String::new();
    for l in lines(text) {
        if let Some(name) = l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            current = name.trim().to_string();
            out.entry(current.clone()).or_default();
        } else {
            out.entry(current.clone()).or_default().push(l.to_string());
        }
    }
    out
}

/// A folded abbreviation without its full stops ("n.j." -> "nj"), as
/// [`super::Lexicon::region_abbreviations`] holds it.
pub fn undotted(k: &str) -> String {
    k.chars().filter(|&c| c != '.').collect()
}
