//! The user's own publishers: `publishers.toml` beside the config file, in
//! the format of `assets/publishers.toml` (`names`, `name_endings`, either
//! optional). A local paper the bundled list does not know ("told Harbour
//! Light") becomes an article's source without a rebuild. Read at start
//! into the parser's knowledge ([`super::Publishers::with_user`]), after
//! the bundled lists; a mistake is an error naming its line, never a
//! silent skip.

use crate::parse::user_file::{line_prefix, read_toml};
use serde::Deserialize;

#[derive(Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct UserPublishers {
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub name_endings: Vec<String>,
}

/// Reads `text` as a publishers file, or says what is wrong and on which
/// line. A blank name, or an ending of more than one word (an ending is
/// the last word of a name), is a mistake.
pub(super) fn parse(text: &str) -> Result<UserPublishers, String> {
    let file: UserPublishers = read_toml(text)?;
    let at = |needle: &str| line_prefix(text, needle);
    if let Some(_blank) = file.names.iter().find(|n| n.trim().is_empty()) {
        return Err(format!("{}a publisher's name is blank", at("names")));
    }
    if let Some(e) = file
        .name_endings
        .iter()
        .find(|e| e.trim().is_empty() || e.trim().contains(char::is_whitespace))
    {
        return Err(format!(
            "{}the name ending \"{e}\" is not one word",
            at(&format!("\"{e}\""))
        ));
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_holds_names_and_endings_each_optional() {
        let f =
            parse("# local papers\nnames = [\"Harbour Light\", \"Velmora Courier\"]\n").unwrap();
        assert_eq!(f.names, ["Harbour Light", "Velmora Courier"]);
        assert!(f.name_endings.is_empty());
        let f = parse("name_endings = [\"Lantern\"]\n").unwrap();
        assert_eq!(f.name_endings, ["Lantern"]);
        assert!(parse("").unwrap().names.is_empty());
    }

    #[test]
    fn mistakes_are_errors_naming_the_line() {
        let e = parse("names = [\"Harbour Light\"]\nendings = [\"Lantern\"]\n").unwrap_err();
        assert!(e.starts_with("2: ") && e.contains("endings"), "{e}");
        let e = parse("# papers\nnames = [\"Harbour Light\", \" \"]\n").unwrap_err();
        assert!(e.starts_with("2: ") && e.contains("blank"), "{e}");
        let e = parse("names = []\nname_endings = [\n  \"Evening Lamp\"]\n").unwrap_err();
        assert!(e.starts_with("3: ") && e.contains("not one word"), "{e}");
        let e = parse("names = \"Harbour Light\"\n").unwrap_err();
        assert!(e.starts_with("1: "), "{e}");
    }
}
