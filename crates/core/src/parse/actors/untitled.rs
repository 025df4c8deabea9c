//! A person's name without the title written in front of it: "King Tomas"
//! is also called "Tomas", "Patriarch Ilse Marrow" is "Ilse Marrow". Titles
//! that are part of the name ("Pope Ilse") stay in the form the text gives;
//! the bare name is an alias beside it, so a later "Tomas" or another
//! article's "Tomas" finds the same person.

use super::lexicon::{Lexicon, key_of};

/// Longest title looked for at the start of a name, in words.
const MAX_TITLE_WORDS: usize = 3;

/// `form` without the role or title words that open it ("King", "Vice
/// President", "Rev."), when a capitalised name remains; None otherwise.
pub fn without_title<'f>(form: &'f str, lx: &Lexicon) -> Option<&'f str> {
    let starts: Vec<usize> = form
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || form[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    for n in (1..=MAX_TITLE_WORDS.min(starts.len().saturating_sub(1))).rev() {
        let title = form[..starts[n]].trim_end();
        if lx.role(&key_of(title)).is_some() {
            let rest = &form[starts[n]..];
            return rest
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                .then_some(rest);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_come_off_and_names_stay() {
        let lx = Lexicon::builtin_for_tests();
        assert_eq!(without_title("King Tomas", lx), Some("Tomas"));
        assert_eq!(
            without_title("Patriarch Ilse Marrow", lx),
            Some("Ilse Marrow")
        );
        assert_eq!(
            without_title("Vice President Ode Lind", lx),
            Some("Ode Lind")
        );
        assert_eq!(without_title("Mr. Ode Lind", lx), Some("Ode Lind"));
        // No title, a title alone, or nothing a name after it.
        assert_eq!(without_title("Ilse Marrow", lx), None);
        assert_eq!(without_title("King", lx), None);
        assert_eq!(without_title("Queen of the harbour", lx), None);
    }
}
