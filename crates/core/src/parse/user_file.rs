//! Reading a user's knowledge file (`actors.toml`, `furniture.toml`,
//! `publishers.toml` beside the config file): TOML into a checked struct,
//! and mistakes said as "line: what", the form every command prints after
//! the file's name.

/// `text` read as TOML into `T`, or the parser's complaint as "line: what"
/// (just "what" when it names no place).
pub(crate) fn read_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e: toml::de::Error| {
        let message = e.message().trim().to_string();
        match e.span() {
            Some(s) => format!("{}: {message}", line_of(text, s.start)),
            None => message,
        }
    })
}

/// "N: " for the first line of `text` that holds `needle`, or nothing when
/// none does (a value written with escapes): the prefix of a mistake found
/// in a value after the file was read.
pub(crate) fn line_prefix(text: &str, needle: &str) -> String {
    text.find(needle)
        .map_or(String::new(), |i| format!("{}: ", line_of(text, i)))
}

/// The 1-based line of byte `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Pier {
        #[allow(dead_code)]
        name: String,
    }

    #[test]
    fn a_mistake_names_its_line_and_a_value_is_found_by_its_text() {
        let e = read_toml::<Pier>("# the pier\nname = \"Brask\"\nlength = 3\n").unwrap_err();
        assert!(e.starts_with("3: ") && e.contains("length"), "{e}");
        assert!(read_toml::<Pier>("name = \"Brask\"\n").is_ok());
        assert_eq!(line_prefix("a\nb\nc = 'x*'\n", "x*"), "3: ");
        assert_eq!(line_prefix("a\n", "zz"), "");
    }
}
