//! The user's own furniture patterns: `furniture.toml` beside the config
//! file, in the format of `assets/furniture.toml` (any of its `[line]`,
//! `[footer]` and `[prefix]` lists). A site whose widgets leak into the body
//! is fixed there without a rebuild. Read at start into the page knowledge
//! ([`super::PageKnowledge::with_user`]), after the bundled patterns; a
//! mistake is an error naming its line, never a silent skip.

use crate::parse::user_file::{line_prefix, read_toml};
use serde::Deserialize;

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct UserFurniture {
    #[serde(default)]
    pub line: Patterns,
    #[serde(default)]
    pub footer: Patterns,
    #[serde(default)]
    pub prefix: Patterns,
}

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct Patterns {
    #[serde(default)]
    pub patterns: Vec<String>,
}

/// Reads `text` as a furniture file: its patterns, or what is wrong and on
/// which line. Each pattern must compile as the cleaner compiles it
/// (case-insensitively), and none may match an empty line: such a pattern
/// would make every line of every page furniture.
pub(super) fn parse(text: &str) -> Result<UserFurniture, String> {
    let file: UserFurniture = read_toml(text)?;
    let all = [&file.line, &file.footer, &file.prefix];
    for p in all.iter().flat_map(|l| &l.patterns) {
        // The pattern's own line when its text is there as written (a
        // literal string); else the file's first line that holds it.
        let at = line_prefix(text, p);
        let re = regex_automata::meta::Regex::new(&format!("(?i:{p})")).map_err(|e| {
            // The syntax error's last line says what is wrong ("error:
            // unclosed group"); the build error alone says only which
            // pattern failed.
            let why = e
                .syntax_error()
                .map_or_else(|| e.to_string(), ToString::to_string);
            let why = why.lines().last().unwrap_or("").trim();
            let why = why.strip_prefix("error: ").unwrap_or(why);
            format!("{at}the pattern '{p}' does not compile: {why}")
        })?;
        if re.is_match("") {
            return Err(format!(
                "{at}the pattern '{p}' matches an empty line, so it would make every line furniture"
            ));
        }
    }
    Ok(file)
}

impl UserFurniture {
    /// How many patterns the file holds.
    pub(super) fn len(&self) -> usize {
        self.line.patterns.len() + self.footer.patterns.len() + self.prefix.patterns.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_holds_its_patterns_in_any_of_the_three_lists() {
        let f = parse(
            "# the Harbour Courier's widgets\n[line]\npatterns = ['^tide table$', 'ferry times']\n\n[footer]\npatterns = ['^more from the quay$']\n",
        )
        .unwrap();
        assert_eq!(f.line.patterns, ["^tide table$", "ferry times"]);
        assert_eq!(f.footer.patterns.len(), 1);
        assert!(f.prefix.patterns.is_empty());
        assert!(parse("# nothing yet\n").unwrap().line.patterns.is_empty());
    }

    #[test]
    fn mistakes_are_errors_naming_the_line() {
        let e = parse("[line]\npatterns = ['ok']\n[sidebar]\npatterns = []\n").unwrap_err();
        assert!(e.starts_with("3: ") && e.contains("sidebar"), "{e}");
        let e = parse("[line]\npatterns = ['fine',\n  '^(unclosed']\n").unwrap_err();
        assert!(
            e.starts_with("3: ") && e.ends_with("does not compile: unclosed group"),
            "{e}"
        );
        let e = parse("[prefix]\npatterns = [\n  'x*']\n").unwrap_err();
        assert!(e.starts_with("3: ") && e.contains("empty line"), "{e}");
        let e = parse("[line]\npaterns = ['a']\n").unwrap_err();
        assert!(e.starts_with("2: ") && e.contains("paterns"), "{e}");
    }
}
