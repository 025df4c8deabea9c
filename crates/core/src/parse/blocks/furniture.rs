//! The furniture patterns of `assets/furniture.toml` (and the user's own
//! `furniture.toml`, see `user_furniture.rs`): widget labels, ad
//! slots, prompts and the markers after which a page lists other stories.
//! One feature of a line among others; the classifier decides.

use regex_automata::Input;
use regex_automata::meta::Regex;
use regex_syntax::hir::Hir;
use serde::Deserialize;
use std::cell::RefCell;
use std::sync::OnceLock;

mod search;

use search::{Search, SearchCache};

/// What the patterns say about one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// A widget, ad or prompt.
    Furniture,
    /// A marker after which the article is usually over ("Related stories").
    Footer,
    None,
}

/// Which of `f`'s patterns match `line` (a trimmed line).
pub fn pattern_of(f: &Furniture, line: &str) -> Pattern {
    pattern_with(f, line, None)
}

/// [`pattern_of`] for a line whose plain-word patterns were searched for
/// in the whole page ([`page_words`]): `holds_word` says whether one is
/// in it.
pub fn pattern_given_words(f: &Furniture, line: &str, holds_word: bool) -> Pattern {
    pattern_with(f, line, Some(holds_word))
}

/// `f`'s patterns that are plain words, as one search of the page with
/// its ASCII letters lowered (see [`super::page_words`]).
pub fn page_words(f: &Furniture) -> Option<&Regex> {
    f.words.literals.as_ref()
}

fn pattern_with(f: &Furniture, line: &str, holds_word: Option<bool>) -> Pattern {
    with_caches(f, |c| {
        if f.footer.is_match(&mut c.footer, line) {
            Pattern::Footer
        } else if f
            .line
            .iter()
            .zip(&mut c.line)
            .any(|(re, cache)| re.is_match(cache, line))
            || holds_word.unwrap_or_else(|| f.words.holds(line, &mut c.lowered))
        {
            Pattern::Furniture
        } else {
            Pattern::None
        }
    })
}

#[derive(Deserialize)]
struct PatternList {
    patterns: Vec<String>,
}

#[derive(Deserialize)]
struct FurnitureFile {
    line: PatternList,
    footer: PatternList,
    prefix: PatternList,
}

/// The furniture patterns, compiled: the bundled ones, then any of the
/// user's. Part of the page knowledge ([`super::PageKnowledge`]), which
/// the cleaner is given.
pub struct Furniture {
    /// Which value this is: this thread's search caches ([`CACHES`]) are
    /// for the value whose id they carry.
    id: u64,
    /// The line patterns as (at most) two alternations: those that can
    /// only match at the start of a line, whose search gives up after a few
    /// bytes, and the others, which are read to the end of every line. A
    /// line is furniture when either matches.
    line: Vec<Search>,
    /// The line patterns that are plain words ("newsletter"), which `line`
    /// leaves out.
    words: Words,
    footer: Search,
    /// The junk-prefix patterns, tried in order (compiled only where
    /// `prefix_each` is needed).
    prefix: Vec<String>,
    /// The junk-prefix patterns one by one, for a list that is not all
    /// anchored (else the alternation finds what they find): compiled on
    /// first use.
    prefix_each: OnceLock<Vec<Regex>>,
    /// The prefix patterns as one alternation, when each of them can only
    /// match at the start of a line: the first pattern that matches is then
    /// what the alternation matches, found in one search instead of one per
    /// pattern.
    prefix_any: Option<Search>,
}

/// A pattern's syntax, parsed once for the regex and its openings.
fn parse(pattern: &str) -> Hir {
    regex_syntax::parse(pattern).expect("furniture patterns compile")
}

/// What `Regex::new` builds from the pattern `hir` was parsed from.
fn compile(hir: &Hir) -> Regex {
    Regex::builder()
        .build_from_hir(hir)
        .expect("furniture patterns compile")
}

/// The patterns `ps` as one case-insensitive alternation, in their order:
/// what parsing `(?i:(?:p1)|(?:p2)|…)` gives, from each pattern's own
/// syntax (read once, where the anchoring of each is read too).
fn alternation_of(ps: Vec<Hir>) -> Hir {
    if ps.is_empty() {
        parse("(?i:)")
    } else {
        Hir::alternation(ps)
    }
}

/// One pattern's syntax as it is read inside `(?i:…)`.
fn parse_folded(pattern: &str) -> Hir {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(&format!("(?:{pattern})"))
        .expect("furniture patterns compile")
}

/// Whether every match of `pattern` must start where the search starts:
/// what `thompson::NFA::is_always_start_anchored` says, read from the
/// pattern's syntax instead of a compiled NFA (most of cleaning's set-up).
#[cfg(test)]
fn always_anchored(pattern: &str) -> bool {
    regex_syntax::parse(pattern).is_ok_and(|hir| hir_anchored(&hir))
}

fn hir_anchored(hir: &Hir) -> bool {
    hir.properties()
        .look_set_prefix()
        .contains(regex_syntax::hir::Look::Start)
}

impl Furniture {
    /// The bundled patterns (`assets/furniture.toml`), then the user's (see [`super::user_furniture`]).
    pub(super) fn with(user: Option<&super::user_furniture::UserFurniture>) -> Furniture {
        let mut file: FurnitureFile =
            toml::from_str(include_str!("../../../../../assets/furniture.toml"))
                .expect("assets/furniture.toml is valid TOML (checked by a unit test)");
        if let Some(user) = user {
            file.line.patterns.extend_from_slice(&user.line.patterns);
            file.footer
                .patterns
                .extend_from_slice(&user.footer.patterns);
            file.prefix
                .patterns
                .extend_from_slice(&user.prefix.patterns);
        }
        Self::compile_file(file)
    }

    fn compile_file(file: FurnitureFile) -> Furniture {
        // One alternation, not a RegexSet: only "any match" is needed, and a
        // set's all-matches search is ~100x slower on these patterns.
        let join = |ps: &[String]| {
            let alt: Vec<String> = ps.iter().map(|p| format!("(?:{p})")).collect();
            alt.join("|")
        };
        let prefixes = &file.prefix.patterns;
        let (words, patterns): (Vec<String>, Vec<String>) = file
            .line
            .patterns
            .iter()
            .cloned()
            .partition(|p| Words::is_plain(p));
        // Each pattern's syntax is read once: for its anchoring, then as a
        // part of its alternation.
        let (start, anywhere): (Vec<Hir>, Vec<Hir>) = patterns
            .iter()
            .map(|p| parse_folded(p))
            .partition(hir_anchored);
        let line: Vec<Hir> = [start, anywhere]
            .into_iter()
            .filter(|ps| !ps.is_empty())
            .map(alternation_of)
            .collect();
        let footer = alternation_of(
            file.footer
                .patterns
                .iter()
                .map(|p| parse_folded(p))
                .collect(),
        );
        // An alternation is anchored when each of its patterns is.
        let prefix_any =
            Some(parse(&join(prefixes))).filter(|hir| !prefixes.is_empty() && hir_anchored(hir));
        Furniture {
            id: crate::parse::value_id::next_id(),
            line: line.into_iter().map(Search::new).collect(),
            words: Words::new(&words, &join),
            footer: Search::new(footer),
            prefix: prefixes.clone(),
            prefix_each: OnceLock::new(),
            prefix_any: prefix_any.map(Search::new),
        }
    }

    /// The junk-prefix patterns one by one.
    fn prefix_each(&self) -> &[Regex] {
        self.prefix_each.get_or_init(|| {
            self.prefix
                .iter()
                .map(|p| Regex::new(p).expect("furniture patterns compile"))
                .collect()
        })
    }
}

/// Search caches for one [`Furniture`] value, one set per thread: a
/// regex's own cache pool serves only its first thread quickly.
struct Caches {
    /// The id of the value whose regexes these caches are for.
    id: u64,
    line: Vec<SearchCache>,
    footer: SearchCache,
    prefix_any: SearchCache,
    /// A line with its ASCII letters lowered, for [`Words::holds`].
    lowered: Vec<u8>,
}

impl Caches {
    fn new(f: &Furniture) -> Self {
        Caches {
            id: f.id,
            line: f.line.iter().map(|_| SearchCache::default()).collect(),
            footer: SearchCache::default(),
            prefix_any: SearchCache::default(),
            lowered: Vec::new(),
        }
    }
}

thread_local! {
    /// None until this thread searches (again after a release); made
    /// again when a search is for another value than they were made for.
    static CACHES: RefCell<Option<Caches>> = const { RefCell::new(None) };
}

/// `body` with this thread's search caches for `f`.
fn with_caches<R>(f: &Furniture, body: impl FnOnce(&mut Caches) -> R) -> R {
    CACHES.with_borrow_mut(|c| {
        let c = match c {
            Some(c) if c.id == f.id => c,
            slot => slot.insert(Caches::new(f)),
        };
        body(c)
    })
}

/// Gives back this thread's search caches, grown while parsing (see
/// [`crate::parse::release_thread_scratch`]).
pub(super) fn release_caches() {
    CACHES.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            *c = None;
        }
    });
}

/// Furniture patterns that are plain words, matched case-insensitively
/// anywhere in a line. Each is searched as bytes in the line with its ASCII
/// letters lowered, where the regex would decode every char of every line:
/// the same matches, as only two chars outside ASCII fold to an ASCII
/// letter (the long s to "s", the Kelvin sign to "k"), and a line holding
/// one of them goes to the regex.
struct Words {
    finders: Vec<memchr::memmem::Finder<'static>>,
    /// The long s and the Kelvin sign, searched as bytes.
    folding: [memchr::memmem::Finder<'static>; 2],
    /// The same words as one case-insensitive alternation (the regex is
    /// compiled on first use: only a line with a char that folds to an
    /// ASCII letter needs it).
    pattern: Option<String>,
    regex: OnceLock<Regex>,
    /// The same words as they are (lowercase), for a lowered page.
    literals: Option<Regex>,
}

impl Words {
    /// Lowercase ASCII letters, digits and underscores only: a pattern that
    /// matches itself and its case variants.
    fn is_plain(pattern: &str) -> bool {
        !pattern.is_empty()
            && pattern
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }

    fn new(words: &[String], join: &dyn Fn(&[String]) -> String) -> Words {
        Words {
            finders: words
                .iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
                .collect(),
            folding: ["\u{17F}", "\u{212A}"]
                .map(|c| memchr::memmem::Finder::new(c.as_bytes()).into_owned()),
            pattern: (!words.is_empty()).then(|| format!("(?i:{})", join(words))),
            regex: OnceLock::new(),
            literals: super::page_words::literals(
                &words.iter().map(String::as_str).collect::<Vec<_>>(),
            ),
        }
    }

    /// Whether one of the words is in `line` (`lowered` is a buffer).
    fn holds(&self, line: &str, lowered: &mut Vec<u8>) -> bool {
        let Some(pattern) = &self.pattern else {
            return false;
        };
        let b = line.as_bytes();
        if !b.is_ascii() && self.folding.iter().any(|f| f.find(b).is_some()) {
            let regex = self.regex.get_or_init(|| compile(&parse(pattern)));
            return regex.is_match(Input::new(line).earliest(true));
        }
        lowered.clear();
        lowered.extend_from_slice(line.as_bytes());
        lowered.make_ascii_lowercase();
        self.finders.iter().any(|f| f.find(lowered).is_some())
    }
}

/// Bytes of junk before the real text of a line (repeated prefixes
/// allowed), by `f`'s prefix patterns.
pub fn prefix_len(f: &Furniture, line: &str) -> usize {
    with_caches(f, |c| prefix_len_with(f, line, c, true))
}

/// [`prefix_len`]; `joined` allows the one-search alternation.
fn prefix_len_with(f: &Furniture, line: &str, c: &mut Caches, joined: bool) -> usize {
    let mut at = 0;
    for _ in 0..3 {
        let rest = &line[at..];
        let found = match &f.prefix_any {
            Some(re) if joined => re.match_end(&mut c.prefix_any, rest),
            _ => f
                .prefix_each()
                .iter()
                .find_map(|re| re.search(&Input::new(rest)))
                .map(|m| m.end()),
        };
        match found {
            Some(end) if end > 0 && end < rest.len() => at += end,
            _ => break,
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> &'static Furniture {
        super::super::PageKnowledge::builtin_for_tests().furniture()
    }

    #[test]
    fn joined_prefixes_find_what_the_list_finds() {
        assert!(always_anchored("^a|^b") && !always_anchored("^a|b"));
        let f = builtin();
        with_caches(f, |c| {
            for line in [
                "date 2025-04-17 Harbour board approves route",
                "1. date 2025-04-17 2) • Headline here",
                "article?.meta.title() Headline",
                "- 3. Headline",
                "12) ",
                "No prefix at all",
                "",
            ] {
                assert_eq!(
                    prefix_len_with(f, line, c, true),
                    prefix_len_with(f, line, c, false),
                    "{line:?}"
                );
            }
        });
    }

    #[test]
    fn openings_rule_out_only_lines_that_cannot_match() {
        let f = builtin();
        let prefix = f.prefix_any.as_ref().unwrap();
        assert!(f.footer.opens.bits.is_some() && prefix.opens.bits.is_some());
        assert!(f.line[0].opens.bits.is_some());
        assert!(f.line[1..].iter().all(|s| s.opens.bits.is_none()));
        with_caches(f, |c| {
            // The patterns' own openings are tested with them (search.rs).
            for l in search::SAMPLE_LINES {
                assert_eq!(
                    prefix_len_with(f, l, c, true),
                    prefix_len_with(f, l, c, false),
                    "{l:?}"
                );
            }
        });
        assert!(!f.footer.opens.may_open("In the harbour"));
    }

    fn is_furniture(line: &str) -> bool {
        builtin()
            .line
            .iter()
            .any(|r| r.is_match(&mut search::SearchCache::default(), line))
            || builtin().words.holds(line, &mut Vec::new())
    }

    #[test]
    fn furniture_file_parses_and_compiles() {
        assert!(
            is_furniture("- Advertisement -")
                && is_furniture("Subscribe to our newsletter")
                && builtin()
                    .footer
                    .is_match(&mut search::SearchCache::default(), "Related Posts")
                && !is_furniture("The council voted on the plan.")
                && builtin().line.len() == 1
                && builtin().words.finders.len() == 2
                && builtin().prefix_any.is_some()
        );
    }

    #[test]
    fn plain_words_match_where_their_regex_does() {
        // Outside ASCII only the long s and the Kelvin sign fold to what a
        // plain word holds.
        let plain = Regex::new("(?i)[a-z0-9_]").unwrap();
        let folding: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| plain.is_match(&*c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, ['\u{17F}', '\u{212A}']);
        let words = &builtin().words;
        let regex = compile(&parse(words.pattern.as_ref().unwrap()));
        for line in [
            "Sign up for our NEWSLETTER today",
            "Our News\u{AD}letter",
            "Get the “Newsletter” — free",
            "Get the Newsle\u{17F}ter",
            "Get the NEW\u{17F}LETTER and the ſpot_img",
            "\u{212A}elvin spot_IMG",
            "Spot img and news letter",
            "Ünd newsletters",
            "",
        ] {
            assert_eq!(
                words.holds(line, &mut Vec::new()),
                regex.is_match(line),
                "{line:?}"
            );
        }
        assert!(Words::is_plain("spot_img") && !Words::is_plain("^ad$"));
    }

    #[test]
    fn alternations_built_from_parts_are_what_their_joined_text_parses_to() {
        let join = |ps: &[&str]| {
            let alt: Vec<String> = ps.iter().map(|p| format!("(?:{p})")).collect();
            format!("(?i:{})", alt.join("|"))
        };
        let file: FurnitureFile =
            toml::from_str(include_str!("../../../../../assets/furniture.toml")).unwrap();
        let line: Vec<&str> = file.line.patterns.iter().map(String::as_str).collect();
        let footer: Vec<&str> = file.footer.patterns.iter().map(String::as_str).collect();
        let odd = [
            "a|b",
            "^x(?-i:Y)z",
            "(?i)q",
            "[a-c]|[d-f]",
            "ab|ac",
            "a",
            "(?-u:\\b)x\\b",
            "x*",
            "",
        ];
        let mut lists: Vec<Vec<&str>> = vec![line.clone(), footer, odd.to_vec(), vec![]];
        lists.extend(odd.iter().map(|p| vec![*p]));
        let (start, anywhere): (Vec<&str>, Vec<&str>) =
            line.iter().partition(|p| always_anchored(p));
        lists.push(start);
        lists.push(anywhere);
        for ps in lists {
            let parts = ps.iter().map(|p| parse_folded(p)).collect();
            assert_eq!(alternation_of(parts), parse(&join(&ps)), "{ps:?}");
            for p in &ps {
                assert_eq!(hir_anchored(&parse_folded(p)), always_anchored(p), "{p}");
            }
        }
    }

    #[test]
    fn anchoring_read_from_syntax_agrees_with_the_compiled_pattern() {
        use regex_automata::nfa::thompson::NFA;
        let file: FurnitureFile =
            toml::from_str(include_str!("../../../../../assets/furniture.toml")).unwrap();
        let patterns = file
            .line
            .patterns
            .iter()
            .chain(&file.footer.patterns)
            .chain(&file.prefix.patterns)
            .map(String::as_str)
            .chain([
                "^x", "x", "(?m)^x", "^a|b", "^a|^b", "(?:^)?x", r"\Ax", "$x",
            ]);
        let mut anchored = 0;
        for p in patterns {
            let nfa = NFA::new(p).unwrap().is_always_start_anchored();
            assert_eq!(always_anchored(p), nfa, "{p}");
            anchored += usize::from(nfa);
        }
        assert!(anchored > 3, "some patterns are anchored");
    }
}
