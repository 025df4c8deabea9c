//! The furniture patterns of `assets/furniture.toml`: widget labels, ad
//! slots, prompts and the markers after which a page lists other stories.
//! One feature of a line among others; the classifier decides.

use regex_automata::Input;
use regex_automata::meta::{Cache, Regex};
use serde::Deserialize;
use std::cell::RefCell;
use std::sync::LazyLock;

/// What the patterns say about one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// A widget, ad or prompt.
    Furniture,
    /// A marker after which the article is usually over ("Related stories").
    Footer,
    None,
}

/// Which patterns match `line` (a trimmed line).
pub fn pattern_of(line: &str) -> Pattern {
    let f = &*FURNITURE;
    CACHES.with_borrow_mut(|c| {
        if is_match(&f.footer, &mut c.footer, line) {
            Pattern::Footer
        } else if f
            .line
            .iter()
            .zip(&mut c.line)
            .any(|(re, cache)| is_match(re, cache, line))
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

struct Furniture {
    /// The line patterns as (at most) two alternations: those that can
    /// only match at the start of a line, whose search gives up after a few
    /// bytes, and the others, which are read to the end of every line. A
    /// line is furniture when either matches.
    line: Vec<Regex>,
    footer: Regex,
    /// The junk-prefix patterns, tried in order.
    prefix: Vec<Regex>,
    /// The prefix patterns as one alternation, when each of them can only
    /// match at the start of a line: the first pattern that matches is then
    /// what the alternation matches, found in one search instead of one per
    /// pattern.
    prefix_any: Option<Regex>,
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("furniture patterns compile")
}

/// Whether every match of `pattern` must start where the search starts:
/// what `thompson::NFA::is_always_start_anchored` says, read from the
/// pattern's syntax instead of a compiled NFA (most of cleaning's set-up).
fn always_anchored(pattern: &str) -> bool {
    regex_syntax::parse(pattern).is_ok_and(|hir| {
        hir.properties()
            .look_set_prefix()
            .contains(regex_syntax::hir::Look::Start)
    })
}

static FURNITURE: LazyLock<Furniture> = LazyLock::new(|| {
    let file: FurnitureFile = toml::from_str(include_str!("../../../assets/furniture.toml"))
        .expect("assets/furniture.toml is valid TOML (checked by a unit test)");
    // One alternation, not a RegexSet: only "any match" is needed, and a set's
    // all-matches search is ~100x slower on these patterns.
    let join = |ps: &[String]| {
        let alt: Vec<String> = ps.iter().map(|p| format!("(?:{p})")).collect();
        alt.join("|")
    };
    let prefixes = &file.prefix.patterns;
    Furniture {
        line: {
            let (start, anywhere): (Vec<String>, Vec<String>) = file
                .line
                .patterns
                .iter()
                .cloned()
                .partition(|p| always_anchored(p));
            [start, anywhere]
                .iter()
                .filter(|ps| !ps.is_empty())
                .map(|ps| compile(&format!("(?i:{})", join(ps))))
                .collect()
        },
        footer: compile(&format!("(?i:{})", join(&file.footer.patterns))),
        prefix: prefixes.iter().map(|p| compile(p)).collect(),
        prefix_any: (!prefixes.is_empty() && prefixes.iter().all(|p| always_anchored(p)))
            .then(|| compile(&join(prefixes))),
    }
});

/// Search caches for [`FURNITURE`], one set per thread: a regex's own cache
/// pool serves only its first thread quickly.
struct Caches {
    line: Vec<Cache>,
    footer: Cache,
    prefix: Vec<Cache>,
    prefix_any: Option<Cache>,
}

thread_local! {
    static CACHES: RefCell<Caches> = RefCell::new(Caches {
        line: FURNITURE.line.iter().map(Regex::create_cache).collect(),
        footer: FURNITURE.footer.create_cache(),
        prefix: FURNITURE.prefix.iter().map(Regex::create_cache).collect(),
        prefix_any: FURNITURE.prefix_any.as_ref().map(Regex::create_cache),
    });
}

fn is_match(re: &Regex, cache: &mut Cache, text: &str) -> bool {
    re.search_half_with(cache, &Input::new(text).earliest(true))
        .is_some()
}

/// Bytes of junk before the real text of a line (repeated prefixes allowed).
pub fn prefix_len(line: &str) -> usize {
    CACHES.with_borrow_mut(|c| prefix_len_with(line, c, true))
}

/// [`prefix_len`]; `joined` allows the one-search alternation.
fn prefix_len_with(line: &str, c: &mut Caches, joined: bool) -> usize {
    let f = &*FURNITURE;
    let mut at = 0;
    for _ in 0..3 {
        let rest = &line[at..];
        let found = match (&f.prefix_any, &mut c.prefix_any) {
            (Some(re), Some(cache)) if joined => re.search_with(cache, &Input::new(rest)),
            _ => f
                .prefix
                .iter()
                .zip(&mut c.prefix)
                .find_map(|(re, cache)| re.search_with(cache, &Input::new(rest))),
        };
        match found {
            Some(m) if m.end() > 0 && m.end() < rest.len() => at += m.end(),
            _ => break,
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_prefixes_find_what_the_list_finds() {
        assert!(always_anchored("^a|^b") && !always_anchored("^a|b"));
        CACHES.with_borrow_mut(|c| {
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
                    prefix_len_with(line, c, true),
                    prefix_len_with(line, c, false),
                    "{line:?}"
                );
            }
        });
    }

    fn is_furniture(line: &str) -> bool {
        FURNITURE.line.iter().any(|r| r.is_match(line))
    }

    #[test]
    fn furniture_file_parses_and_compiles() {
        assert!(
            is_furniture("- Advertisement -")
                && is_furniture("Subscribe to our newsletter")
                && FURNITURE.footer.is_match("Related Posts")
                && !is_furniture("The council voted on the plan.")
                && FURNITURE.line.len() == 2
                && FURNITURE.prefix_any.is_some()
        );
    }

    #[test]
    fn anchoring_read_from_syntax_agrees_with_the_compiled_pattern() {
        use regex_automata::nfa::thompson::NFA;
        let file: FurnitureFile =
            toml::from_str(include_str!("../../../assets/furniture.toml")).unwrap();
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
