//! Who wrote or photographed a story, told apart from who is in it: a
//! person named only in bylines is its author, one named only in a
//! caption's credit ("Photo: Ana Reyes", "(Harbour Wire/Ana Reyes)") took
//! the picture. Anyone also named in the story itself keeps the role the
//! story gives them.

use crate::model::{ActorKind, Article, Mention, MentionPlace};

use crate::model::{AUTHOR_ROLE as AUTHOR, PHOTO_CREDIT_ROLE as PHOTO_CREDIT};

const STORY: u8 = 1;
const BYLINE: u8 = 2;
const CREDIT: u8 = 4;

/// What each actor's mentions say of it, as flags by actor id.
pub fn places(articles: &[Article], actors: usize) -> Vec<u8> {
    let mut seen = vec![0u8; actors];
    for a in articles {
        for m in &a.mentions {
            if let Some(f) = seen.get_mut(m.actor as usize) {
                *f |= flag(a, m);
            }
        }
    }
    seen
}

fn flag(a: &Article, m: &Mention) -> u8 {
    match m.place {
        MentionPlace::Byline => BYLINE,
        MentionPlace::Caption if is_credit(a, m) => CREDIT,
        _ => STORY,
    }
}

/// The role `flags` (from [`places`]) give a person of kind `kind`: author
/// or photo credit when the story itself never names them.
pub fn role(kind: ActorKind, flags: u8) -> Option<&'static str> {
    if kind != ActorKind::Person || flags & STORY != 0 {
        None
    } else if flags & BYLINE != 0 {
        Some(AUTHOR)
    } else if flags & CREDIT != 0 {
        Some(PHOTO_CREDIT)
    } else {
        None
    }
}

/// Whether a caption mention is the picture's credit: what comes before it
/// on its line ends in a credit's mark ("Photo:", "Agency/", "by", "©",
/// an opening bracket).
fn is_credit(a: &Article, m: &Mention) -> bool {
    let Some(line) = a.block_at(m.span.start) else {
        return false;
    };
    let before = a
        .raw
        .get(line.span.start as usize..m.span.start as usize)
        .unwrap_or("")
        .trim_end();
    credit_lead(before)
}

/// Whether `before` (the caption up to a name) ends as a credit does.
fn credit_lead(before: &str) -> bool {
    if before.ends_with([':', '/', '(', '©', '|']) {
        return true;
    }
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "by" | "credit" | "photo" | "photos" | "photograph" | "photographer" | "picture"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_is_what_follows_a_credit_mark() {
        for lead in [
            "Photo:",
            "(Harbour Wire /",
            "Picture by",
            "©",
            "The new quay at dawn. Photographer",
        ] {
            assert!(credit_lead(lead), "{lead}");
        }
        for lead in ["", "Mayor", "The mayor Ilse Marrow and", "Workers greet"] {
            assert!(!credit_lead(lead), "{lead}");
        }
    }

    #[test]
    fn only_people_never_named_in_the_story_are_authors_or_credits() {
        assert_eq!(role(ActorKind::Person, BYLINE), Some(AUTHOR));
        assert_eq!(role(ActorKind::Person, CREDIT), Some(PHOTO_CREDIT));
        assert_eq!(role(ActorKind::Person, BYLINE | CREDIT), Some(AUTHOR));
        assert_eq!(role(ActorKind::Person, BYLINE | STORY), None);
        assert_eq!(role(ActorKind::Organisation, BYLINE), None);
        assert_eq!(role(ActorKind::Person, 0), None);
    }
}
