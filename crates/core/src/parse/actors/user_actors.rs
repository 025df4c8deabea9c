//! The user's own actors: `actors.toml` beside the config file, in the
//! format of `assets/actors.toml` (canonical names, kinds, aliases, roles).
//! Read at start and added to the built-in file's in the lexicon
//! ([`super::Lexicon::with_user`]); a mistake in it is an error naming its
//! line, never a silent skip.

use crate::model::ActorKind;

#[derive(serde::Deserialize, Default, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct UserFile {
    #[serde(default)]
    pub actor: Vec<UserActor>,
}

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub(super) struct UserActor {
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub role: Option<String>,
}

/// Reads `text` as an actors file: the actors it names, or what is wrong
/// and on which line.
pub(super) fn parse(text: &str) -> Result<UserFile, String> {
    let file: UserFile = crate::parse::user_file::read_toml(text)?;
    for a in &file.actor {
        if a.name.trim().is_empty() {
            return Err("an [[actor]] has an empty name".into());
        }
        if let Some(k) = &a.kind
            && ActorKind::parse(k).is_none()
        {
            return Err(format!(
                "actor \"{}\": unknown kind \"{k}\"; use person, organisation or place",
                a.name
            ));
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_file_names_its_actors() {
        let f = parse(
            "[[actor]]\nname = \"Varga Lund\"\nkind = \"organisation\"\naliases = [\"VL\"]\n\n[[actor]]\nname = \"Orla Venn\"\n",
        )
        .unwrap();
        assert_eq!(f.actor.len(), 2);
        assert_eq!(parse("# nothing yet\n").unwrap().actor.len(), 0);
    }

    #[test]
    fn mistakes_are_errors_naming_the_line() {
        let e = parse("[[actor]]\nname = \"Orla Venn\"\nnmae = \"x\"\n").unwrap_err();
        assert!(e.starts_with("3: ") && e.contains("nmae"), "{e}");
        let e = parse("[[actor]]\nname = \"Orla Venn\"\nkind = \"ship\"\n").unwrap_err();
        assert!(e.contains("unknown kind \"ship\""), "{e}");
        let e = parse("[[actor]]\nname = \n").unwrap_err();
        assert!(e.starts_with("2: "), "{e}");
        let e = parse("[[actor]]\nkind = \"place\"\n").unwrap_err();
        assert!(e.contains("name"), "{e}");
        assert!(parse("[[actor]]\nname = \" \"\n").is_err());
    }
}
