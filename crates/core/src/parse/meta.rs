//! Article metadata: the publisher (source) and an explicit publication date.
//!
//! Both are taken only where the page states them. The date comes from the
//! header (a `date YYYY-MM-DD` stamp, a masthead like "Friday, April 25,
//! 2025", a "Published …" line) or a dateline ("KYIV, April 25, 2025 —").
//! The source comes from a publisher card or byline, an agency tag, or a
//! self-reference ("told the BBC"); inference from other evidence belongs to
//! the dates stage.

use super::actors::Lexicon;
use super::blocks::{Cleaned, card_glue};
use crate::date_text::FullDates;
use crate::model::{Basis, DateValue, Published, Span};
use regex::Regex;
use serde::Deserialize;
use std::sync::{LazyLock, OnceLock};

pub mod user_publishers;

#[derive(Deserialize)]
struct PublishersFile {
    names: Vec<String>,
    name_endings: Vec<String>,
}

/// The publishers an article's source is recognised by: the bundled lists
/// (`assets/publishers.toml`), then the user's own (see
/// [`user_publishers`]). Part of what the parser knows
/// ([`crate::parse::knowledge::Knowledge`]), given to [`source`]. The lists are
/// built on first use; the user's file is checked when the value is made.
pub struct Publishers {
    user: Option<user_publishers::UserPublishers>,
    lists: OnceLock<Lists>,
}

/// The publishers' names and name endings, as [`source`] reads them.
struct Lists {
    names: Vec<String>,
    name_endings: Vec<String>,
    /// Whether every name can be matched as [`self_reference`] does: none
    /// is empty or opens with white space (which the white space before it
    /// could give back).
    names_read_by_hand: bool,
    /// The self-reference as a regex, built on first use: what
    /// [`self_reference`] finds by hand, kept for names it cannot read
    /// that way.
    told: OnceLock<Regex>,
}

impl Publishers {
    /// The bundled lists alone.
    pub fn builtin() -> Publishers {
        Publishers {
            user: None,
            lists: OnceLock::new(),
        }
    }

    /// The bundled lists plus the user's `publishers.toml` (its text),
    /// with how many names and endings that holds; or what is wrong with
    /// it, as "LINE: what".
    pub fn with_user(text: &str) -> Result<(Publishers, usize), String> {
        let user = user_publishers::parse(text)?;
        let n = user.names.len() + user.name_endings.len();
        let value = Publishers {
            user: Some(user),
            lists: OnceLock::new(),
        };
        Ok((value, n))
    }

    /// The lists, built on first use.
    fn lists(&self) -> &Lists {
        self.lists.get_or_init(|| Lists::with(self.user.as_ref()))
    }
}

impl Lists {
    fn with(user: Option<&user_publishers::UserPublishers>) -> Lists {
        let mut file: PublishersFile =
            toml::from_str(include_str!("../../../../assets/publishers.toml"))
                .expect("assets/publishers.toml is valid (unit-tested)");
        if let Some(user) = user {
            file.names.extend_from_slice(&user.names);
            file.name_endings.extend_from_slice(&user.name_endings);
        }
        Lists {
            names_read_by_hand: file
                .names
                .iter()
                .all(|n| n.chars().next().is_some_and(|c| !c.is_whitespace())),
            names: file.names,
            name_endings: file.name_endings,
            told: OnceLock::new(),
        }
    }

    /// The self-reference pattern over these names.
    fn told(&self) -> &Regex {
        self.told.get_or_init(|| {
            let names = self
                .names
                .iter()
                .map(|n| regex::escape(n))
                .collect::<Vec<_>>()
                .join("|");
            Regex::new(&format!(
                r"(?-u:\b)(?:told|said to|speaking to|in an interview with)\s+(?:the\s+)?({names})(?-u:\b)"
            ))
            .expect("self-reference pattern compiles")
        })
    }
}

/// An all-caps place at the start of the first paragraph: "KYIV, " or
/// "PARIS (AFP) — ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Z .'’-]{2,40}(?:\s*\([^)]{1,30}\))?\s*[,—–-]")
        .expect("dateline pattern compiles")
});

static AGENCY_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()]{2,40})\)").expect("agency tag pattern compiles"));

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^by\s+[^,|/]{3,60}\s*[,|/]\s*(.{2,60})$").expect("byline pattern compiles")
});

/// The first full date written in `text`, the page's text at `span`, as
/// the publication date the page states there.
pub fn stated_in(dates: &FullDates, span: Span, text: &str) -> Option<Published> {
    dates.find(text).map(|(d, r)| Published {
        value: Some(DateValue::day(d)),
        basis: Basis::Explicit,
        span: Some(Span::new(
            span.start as usize + r.start,
            span.start as usize + r.end,
        )),
    })
}

/// The publication date the page states, or `Unknown`.
pub fn explicit_published(dates: &FullDates, raw: &str, cleaned: &Cleaned) -> Published {
    for line in cleaned.header() {
        if let Some(p) = stated_in(dates, line, line.text(raw)) {
            return p;
        }
    }
    if let Some(&first) = cleaned.body.first() {
        let text = first.text(raw);
        if let Some(m) = DATELINE.find(text) {
            let head_end = (m.end() + 40).min(text.len());
            let head_end = (head_end..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            if let Some(p) = stated_in(dates, first, &text[..head_end]) {
                return p;
            }
        }
    }
    Published::default()
}

/// A publisher's name glued to its author or desk ("The Velmar
/// PostIrena Kovac", "The Velmar PostThe Velmar Post news desk"): the
/// left reads as a name (each word capitalised but for linking words, no
/// digits or symbols, not a byline) and the right is a person's name that
/// opens on a known given name, or the publisher again. A brand written in
/// camel case ("ShopRite", "WordPress") or a sign-up line glued to a link
/// splits the same way, and fails these.
fn publisher_card(actors: &Lexicon, left: &str, right: &str) -> bool {
    const LINKING: [&str; 10] = ["of", "the", "and", "&", "de", "la", "le", "du", "di", "del"];
    let words: Vec<&str> = left.split_whitespace().collect();
    let left_is_name = words.len() >= 2
        && !words[0].eq_ignore_ascii_case("by")
        && words.iter().all(|w| {
            LINKING.contains(w)
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        });
    if !left_is_name {
        return false;
    }
    if right.starts_with(left) {
        return true;
    }
    let names: Vec<&str> = right.split_whitespace().collect();
    (2..=4).contains(&names.len())
        && names.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && actors.is_given_name(names[0])
}

fn is_publisher_name(publishers: &Lists, s: &str) -> bool {
    let s = s.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    publishers.names.iter().any(|n| n == s)
        || ((2..=6).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            && words
                .last()
                .is_some_and(|w| publishers.name_endings.iter().any(|e| e == w)))
}

/// Whether `text` opens with "by" in any case, as [`BYLINE`] needs.
fn opens_with_by(text: &str) -> bool {
    text.as_bytes()
        .get(..2)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"by"))
        && BYLINE.is_match(text)
}

/// The publisher, where the text reveals it, by the `publishers` known (and
/// the given names `actors` knows, for a card that names its author).
pub fn source(
    publishers: &Publishers,
    actors: &Lexicon,
    raw: &str,
    cleaned: &Cleaned,
) -> Option<String> {
    let publishers = publishers.lists();
    // A publisher card glued to its author ("The Daily HeraldJane Doe"), or a
    // byline ("By Jane Doe, The Daily Herald"), or "The X news desk".
    for &line in &cleaned.boilerplate {
        let text = line.text(raw);
        if let Some(glue) = card_glue(text) {
            let (left, right) = (text[..glue].trim(), text[glue..].trim());
            if is_publisher_name(publishers, left) || publisher_card(actors, left, right) {
                return Some(left.to_string());
            }
        }
        // `is_match` first: `captures` allocates its slots on every call;
        // and the pattern is run only on a line that opens "by" (in any
        // case: no other char folds to 'b' or 'y').
        if let Some(c) = opens_with_by(text).then(|| BYLINE.captures(text)).flatten() {
            let who = c[1].trim();
            if is_publisher_name(publishers, who) {
                return Some(who.to_string());
            }
        }
        if let Some(desk) = text.strip_suffix(" news desk")
            && (is_publisher_name(publishers, desk) || desk.starts_with("The "))
        {
            return Some(desk.to_string());
        }
    }
    // An agency tag in the dateline: "PARIS (AFP) —".
    if let Some(&first) = cleaned.body.first() {
        // Its first 80 chars, in place.
        let text = first.text(raw);
        let head = &text[..text.char_indices().nth(80).map_or(text.len(), |(i, _)| i)];
        if let Some(c) = AGENCY_TAG.captures(head)
            && publishers.names.iter().any(|n| n == &c[1])
        {
            return Some(c[1].to_string());
        }
    }
    // A self-reference in the body: "a source told the BBC".
    if !may_refer_to_itself(raw, &cleaned.body) {
        return None;
    }
    cleaned
        .body
        .iter()
        .find_map(|&p| self_reference(publishers, p.text(raw)))
        .map(str::to_string)
}

/// Whether a paragraph of `body` may hold a self-reference: every one
/// opens with a cue of [`SELF_REFERENCE_CUES`], and most bodies hold
/// none. One search over the text from the first paragraph's start to
/// the last one's end (which holds every paragraph) tells, in place of a
/// search per paragraph; false only when it finds no cue there.
fn may_refer_to_itself(raw: &str, body: &[Span]) -> bool {
    let covering = body
        .iter()
        .map(|p| p.range())
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end));
    match covering.and_then(|r| raw.get(r)) {
        Some(text) => SELF_REFERENCE_CUE.is_match(text),
        // No paragraph, or spans off the text: read them one by one.
        None => !body.is_empty(),
    }
}

/// The words that open a self-reference, each followed by white space,
/// an optional "the" and a publisher's name.
const SELF_REFERENCE_CUES: [&str; 4] = ["told", "said to", "speaking to", "in an interview with"];

/// The cues alone: a few literals, which the regex crate searches for
/// without an automaton, and builds in a fraction of the time of
/// [`Lists::told`].
static SELF_REFERENCE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&SELF_REFERENCE_CUES.join("|")).expect("self-reference cues compile")
});

/// The publisher a self-reference in `text` names ("a source told the
/// BBC"): the match of [`Lists::told`] read without building it. The leftmost cue
/// (at a word start) that a name follows wins; after the cue, white space,
/// then "the" and white space if a name follows them, else a name right
/// away; the first listed name that ends at a word end.
fn self_reference<'t>(publishers: &Lists, text: &'t str) -> Option<&'t str> {
    if !publishers.names_read_by_hand {
        return publishers
            .told()
            .captures(text)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str());
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    // One cue at a time from its start on: a cue that fails may hold the
    // start of the next ("said told").
    while let Some(m) = SELF_REFERENCE_CUE.find_at(text, from) {
        let at = m.start();
        if (at == 0 || !is_ascii_word_byte(bytes[at - 1]))
            && let Some(name) = named_after(publishers, text, m.end())
        {
            return Some(name);
        }
        from = at + 1;
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

/// The publisher named from byte `pos` of `text` on: white space, an
/// optional "the" with white space, a listed name ending at a word end.
fn named_after<'t>(publishers: &Lists, text: &'t str, pos: usize) -> Option<&'t str> {
    let rest = text.get(pos..)?;
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        return None;
    }
    if let Some(after_the) = after_space.strip_prefix("the") {
        let name_start = after_the.trim_start();
        if name_start.len() < after_the.len()
            && let Some(name) = name_at(publishers, name_start)
        {
            return Some(name);
        }
    }
    name_at(publishers, after_space)
}

/// The first listed publisher's name `t` opens with, ending at a word end.
fn name_at<'t>(publishers: &Lists, t: &'t str) -> Option<&'t str> {
    publishers
        .names
        .iter()
        .find(|n| t.starts_with(n.as_str()) && word_boundary_at(t, n.len()))
        .map(|n| &t[..n.len()])
}

/// Whether `t` has an ASCII word boundary at byte `at`, as `(?-u:\b)`
/// reads it: a word byte on one side only.
fn word_boundary_at(t: &str, at: usize) -> bool {
    let b = t.as_bytes();
    let before = at.checked_sub(1).is_some_and(|i| is_ascii_word_byte(b[i]));
    let after = b.get(at).is_some_and(|&c| is_ascii_word_byte(c));
    before != after
}

fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::knowledge::Knowledge;

    fn clean(raw: &str) -> Cleaned {
        crate::parse::blocks::classify(&Knowledge::shared_builtin().page, raw)
    }

    fn source(raw: &str, cleaned: &Cleaned) -> Option<String> {
        let k = Knowledge::shared_builtin();
        super::source(&k.publishers, &k.actors, raw, cleaned)
    }

    #[test]
    fn only_a_line_opening_by_is_a_byline() {
        for (line, byline) in [
            ("By Ana Petrov, The Velmar Post", true),
            ("BY ANA PETROV | THE VELMAR POST", true),
            ("bY Ana Petrov / Velmar Post", true),
            ("Story by Ana Petrov, The Velmar Post", false),
            ("B", false),
            ("", false),
            ("Bylines, and other matters", false),
        ] {
            assert_eq!(opens_with_by(line), byline, "{line}");
            assert_eq!(opens_with_by(line), BYLINE.is_match(line), "{line}");
        }
    }

    #[test]
    fn self_references_read_by_hand_match_the_pattern() {
        let k = Knowledge::shared_builtin();
        let p = k.publishers.lists();
        for text in [
            "A source told the BBC that talks resumed.",
            "A source told BBC News on Friday.",
            "He said to the Guardian and told Reuters later.",
            "She was speaking to  the\tAssociated Press in May.",
            "in an interview with AFP, he said",
            "foretold the BBC",
            "told theBBC",
            "told the BBCs",
            "told the the BBC",
            "told\u{a0}Reuters.",
            "told the Times of Israel",
            "told The Times",
            "told",
            "said to be told AP",
            "Told the BBC",
            "told_Reuters and told AP",
            "told the BBC News",
            "he said told AP",
            "retold the BBC, then told Reuters",
        ] {
            let by_pattern = p.told().captures(text).map(|c| c[1].to_string());
            assert_eq!(
                self_reference(p, text).map(str::to_string),
                by_pattern,
                "{text}"
            );
        }
        assert_eq!(
            self_reference(p, "A source told the BBC News desk"),
            Some("BBC")
        );
    }

    #[test]
    fn bodies_without_a_cue_are_ruled_out_as_each_paragraph_would_be() {
        let k = Knowledge::shared_builtin();
        let p = k.publishers.lists();
        let page = |paragraphs: &[&str]| {
            let mut raw = String::from("<html><body><h1>Harbour talks</h1>\n");
            for para in paragraphs {
                raw.push_str(&format!("<p>{para}</p>\n"));
            }
            raw.push_str("</body></html>\n");
            raw
        };
        for paragraphs in [
            vec!["The council met on Friday.", "Talks resumed later."],
            vec!["The council met on Friday.", "A source told the BBC."],
            vec!["A source told Reuters.", "Nothing else."],
            vec!["She was speaking to the Associated Press in May."],
            vec!["He retold the story.", "It was said to be late."],
            vec!["One paragraph, no cue at all, but a long one that goes on."],
            vec![],
        ] {
            let raw = page(&paragraphs);
            let cleaned = clean(&raw);
            let each = cleaned
                .body
                .iter()
                .find_map(|&b| self_reference(p, b.text(&raw)));
            let cue_in_one = cleaned
                .body
                .iter()
                .any(|b| SELF_REFERENCE_CUE.is_match(b.text(&raw)));
            assert_eq!(
                may_refer_to_itself(&raw, &cleaned.body),
                cue_in_one,
                "{paragraphs:?}"
            );
            if !cue_in_one {
                assert_eq!(each, None, "{paragraphs:?}");
            }
        }
        assert!(!may_refer_to_itself("told", &[]));
        assert!(may_refer_to_itself("ab", &[Span::new(1, 9)]));
    }

    #[test]
    fn two_values_attribute_the_same_page_differently_in_either_order() {
        let raw = "Ferry fares rise again\n\nA harbour official told Quillon Lantern that fares would rise in May.\n\nThe board met on Monday and agreed on the new fares.\n";
        let (publishers, n) = Publishers::with_user("names = [\"Quillon Lantern\"]\n").unwrap();
        assert_eq!(n, 1);
        let user = Knowledge {
            publishers,
            ..Knowledge::builtin()
        };
        let builtin = Knowledge::builtin();
        let cleaned = clean(raw);
        for _ in 0..2 {
            assert_eq!(
                super::source(&builtin.publishers, &builtin.actors, raw, &cleaned),
                None
            );
            assert_eq!(
                super::source(&user.publishers, &user.actors, raw, &cleaned).as_deref(),
                Some("Quillon Lantern")
            );
        }
        for _ in 0..2 {
            assert_eq!(
                super::source(&user.publishers, &user.actors, raw, &cleaned).as_deref(),
                Some("Quillon Lantern")
            );
            assert_eq!(
                super::source(&builtin.publishers, &builtin.actors, raw, &cleaned),
                None
            );
        }
    }

    #[test]
    fn a_malformed_user_file_is_an_error_naming_its_line() {
        let e = Publishers::with_user("# papers\nnames = [\"Harbour Light\", \" \"]\n")
            .err()
            .unwrap();
        assert!(e.starts_with("2: ") && e.contains("blank"), "{e}");
        let e = Publishers::with_user("names = []\nendings = [\"Lamp\"]\n")
            .err()
            .unwrap();
        assert!(e.starts_with("2: ") && e.contains("endings"), "{e}");
    }

    #[test]
    fn assets_parse() {
        assert!(!Publishers::builtin().lists().names.is_empty());
    }

    #[test]
    fn masthead_date_is_explicit() {
        let raw = "12 C\nLisbon\nMonday, March 3, 2025\n\nHarbour strike ends after three weeks\n\nDock workers returned to work on Monday after a deal was reached.\n";
        let c = clean(raw);
        let p = explicit_published(FullDates::bundled(), raw, &c);
        assert_eq!(p.basis, Basis::Explicit);
        assert_eq!(p.value.unwrap().label(), "2025-03-03");
        assert_eq!(p.span.unwrap().text(raw), "Monday, March 3, 2025");
    }

    #[test]
    fn dateline_date_is_explicit_but_body_dates_are_not() {
        let raw = "Floods close mountain pass\n\nOSLO, June 3, 2024 (Reuters) - Floods closed the pass on Monday.\n";
        let p = explicit_published(FullDates::bundled(), raw, &clean(raw));
        assert_eq!(p.value.unwrap().label(), "2024-06-03");
        let raw2 = "Floods close mountain pass\n\nFloods that began on June 3, 2024 closed the pass, officials said.\n";
        assert_eq!(
            explicit_published(FullDates::bundled(), raw2, &clean(raw2)).basis,
            Basis::Unknown
        );
    }

    #[test]
    fn source_from_card_byline_agency_and_self_reference() {
        let card = "Talks resume\n\nNegotiators met again on Friday after a week.\n\nExplainer: what the talks are\n\nThe Lakeside GazetteJane Doe\n";
        assert_eq!(
            source(card, &clean(card)).as_deref(),
            Some("The Lakeside Gazette")
        );
        let byline = "Talks resume in the capital city\n\nBy Jane Doe, The Lakeside Gazette\n\nNegotiators met again on Friday after a week.\n";
        assert_eq!(
            source(byline, &clean(byline)).as_deref(),
            Some("The Lakeside Gazette")
        );
        let agency = "Talks resume in the capital city\n\nPARIS (AFP) - Negotiators met again on Friday after a week.\n";
        assert_eq!(source(agency, &clean(agency)).as_deref(), Some("AFP"));
        let told = "Talks resume in the capital city\n\nA source told the BBC that negotiators met on Friday.\n";
        assert_eq!(source(told, &clean(told)).as_deref(), Some("BBC"));
        let none = "Talks resume in the capital city\n\nA source told Quillon Marr that negotiators met.\n";
        assert_eq!(source(none, &clean(none)), None);
    }

    #[test]
    fn camel_case_brands_and_glued_links_are_no_publisher_card() {
        let page = |foot: &str| {
            format!(
                "Ferry timetable changes\n\nThe harbour board moved the first ferry to seven on Monday, a week after the vote.\n\n{foot}\n"
            )
        };
        for foot in [
            "Using QuayKit Smart Locks in Velmar 2.1",
            "Local FerryMart shops get new timetables",
            "Sign up for ourNewsletter.",
            "Download Premium HarbourPress Themes Free",
            "By Ilse MarrowStaff Writer",
            "Share on Quay",
        ] {
            let raw = page(foot);
            assert_eq!(source(&raw, &clean(&raw)), None, "{foot}");
        }
        // The publisher again after its card, and a known given name.
        let raw = page("The Velmar PostThe Velmar Post news desk");
        assert_eq!(
            source(&raw, &clean(&raw)).as_deref(),
            Some("The Velmar Post")
        );
        let raw = page("Harbour Weekly ReviewAnna Quellmark");
        assert_eq!(
            source(&raw, &clean(&raw)).as_deref(),
            Some("Harbour Weekly Review")
        );
    }
}
