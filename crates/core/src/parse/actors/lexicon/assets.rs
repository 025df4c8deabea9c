//! Reading the lexicon's asset files: their lines, their sections, and
//! which names are written in capitals.

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

/// The `[section]`s of a file, each with its lines, in file order (a name
/// met again adds to the first): borrowed, and looked up by name in a
/// short list (a file has a score of them).
pub(super) fn sections(text: &str) -> Vec<(&str, Vec<&str>)> {
    let mut out: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut current = 0;
    for l in lines(text) {
        let (name, line) = match l.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            Some(name) => (name.trim(), None),
            None if out.is_empty() => ("", Some(l)),
            None => {
                out[current].1.push(l);
                continue;
            }
        };
        current = match out.iter().position(|(n, _)| *n == name) {
            Some(i) => i,
            None => {
                out.push((name, Vec::new()));
                out.len() - 1
            }
        };
        out[current].1.extend(line);
    }
    out
}

/// A folded abbreviation without its full stops ("n.j." -> "nj"), as
/// [`super::Lexicon::region_abbreviations`] holds it.
pub fn undotted(k: &str) -> String {
    k.chars().filter(|&c| c != '.').collect()
}
