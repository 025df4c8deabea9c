//! What the cleaner knows besides the page: the furniture patterns (the
//! bundled ones and the user's) and the stop words. One value, given to
//! [`super::classify`] and the other entry points, so two values in one
//! process clean the same page differently and nothing the cleaner reads
//! from `assets/` is a global.

use super::furniture::Furniture;
use super::stopwords::StopWords;
use super::user_furniture::UserFurniture;
use std::sync::OnceLock;

/// The page cleaner's knowledge: a part of [`crate::parse::knowledge::Knowledge`].
/// The automata and the table are built on first use (a value that is
/// made and never cleans a page costs next to nothing); the user's
/// patterns are checked when it is made.
pub struct PageKnowledge {
    user: Option<UserFurniture>,
    furniture: OnceLock<Furniture>,
    stop_words: OnceLock<StopWords>,
}

impl PageKnowledge {
    /// The bundled patterns and words (`assets/furniture.toml`,
    /// `assets/stopwords.txt`).
    pub fn builtin() -> PageKnowledge {
        PageKnowledge {
            user: None,
            furniture: OnceLock::new(),
            stop_words: OnceLock::new(),
        }
    }

    /// The bundled knowledge plus the user's `furniture.toml` (its text),
    /// with how many patterns that holds; or what is wrong with it, as
    /// "LINE: what".
    pub fn with_user(furniture: &str) -> Result<(PageKnowledge, usize), String> {
        let user = super::user_furniture::parse(furniture)?;
        let n = user.len();
        let value = PageKnowledge {
            user: Some(user),
            furniture: OnceLock::new(),
            stop_words: OnceLock::new(),
        };
        Ok((value, n))
    }

    /// The furniture patterns, compiled.
    pub(super) fn furniture(&self) -> &Furniture {
        self.furniture
            .get_or_init(|| Furniture::with(self.user.as_ref()))
    }

    /// The stop words.
    pub(super) fn stop_words(&self) -> &StopWords {
        self.stop_words.get_or_init(StopWords::builtin)
    }

    /// The bundled knowledge, one value for every unit test of the cleaner.
    #[cfg(test)]
    pub(crate) fn builtin_for_tests() -> &'static PageKnowledge {
        static BUILTIN: std::sync::LazyLock<PageKnowledge> =
            std::sync::LazyLock::new(PageKnowledge::builtin);
        &BUILTIN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockClass;

    /// A page whose one odd line only a user's pattern names.
    const PAGE: &str = "Harbour board approves new ferry route\n\nThe harbour board of Velmora approved a new ferry route on Monday, after a long debate among its members about the fares.\n\nTide table for Velmora\n\nThe route opens in May and will carry up to four hundred people a day between the two piers, the board said.\n";

    const USER: &str = "[line]\npatterns = ['^tide table for']\n";

    fn tide_class(k: &PageKnowledge) -> BlockClass {
        let c = super::super::classify(k, PAGE);
        let at = PAGE.find("Tide table").map(|i| i as u32);
        c.blocks
            .iter()
            .find(|b| Some(b.span.start) == at)
            .map(|b| b.class)
            .unwrap_or(BlockClass::Body)
    }

    #[test]
    fn two_values_clean_the_same_page_differently_in_either_order() {
        let (user, n) = PageKnowledge::with_user(USER).unwrap();
        assert_eq!(n, 1);
        let builtin = PageKnowledge::builtin();
        // Each order, twice on one thread: the search caches of one value
        // are never used with the other's.
        for _ in 0..2 {
            assert_eq!(tide_class(&builtin), BlockClass::Subhead);
            assert_eq!(tide_class(&user), BlockClass::Furniture);
        }
        for _ in 0..2 {
            assert_eq!(tide_class(&user), BlockClass::Furniture);
            assert_eq!(tide_class(&builtin), BlockClass::Subhead);
        }
        assert_eq!(
            super::super::line_role(&user, "Tide table for Velmora"),
            Some(BlockClass::Furniture)
        );
        assert_eq!(
            super::super::line_role(&builtin, "Tide table for Velmora"),
            None
        );
    }

    #[test]
    fn a_malformed_user_file_is_an_error_naming_its_line() {
        let e = PageKnowledge::with_user("[line]\npatterns = ['ok',\n  '^(unclosed']\n")
            .err()
            .unwrap();
        assert!(
            e.starts_with("3: ") && e.contains("does not compile"),
            "{e}"
        );
        let e = PageKnowledge::with_user("[sidebar]\npatterns = []\n")
            .err()
            .unwrap();
        assert!(e.starts_with("1: ") && e.contains("sidebar"), "{e}");
    }
}
