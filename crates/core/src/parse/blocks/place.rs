//! The shape of a wire place line ("LISBON, Portugal (AP) —"), read as a
//! row of bounded runs of char classes: the lines that the pattern
//!
//! `^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,\s*[\p{L} .]{2,30})?(?:,?\s*\p{Lu}[a-z]{2,8}\.? [0-9]{1,2})?(?:\s*\([\p{L} .&/-]{1,30}\))?\s*(?:[—–-]+|:|[0-9]{4}-[0-9]{2}-[0-9]{2})$`
//!
//! matches. Written as a regex, each counted repeat of a Unicode class is a
//! copy of that class's automaton, thirty times over: a large automaton
//! built at start-up and a large cache in every thread that ran it. Here
//! each part of the pattern maps the set of char positions where it can
//! start to the set where it can end, one bit per position.

use regex::Regex;
use std::sync::LazyLock;

/// Letters (`\p{L}`) and capital letters (`\p{Lu}`) outside ASCII: general
/// categories, which `char`'s methods do not tell.
static LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{L}$").expect("letter class compiles"));
static CAPITAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}$").expect("capital class compiles"));

/// Char positions 0..=n of a line, one bit each.
type At = u128;

/// The most chars a line read here may hold (a bit for each position).
const MAX_CHARS: usize = 127;

/// Each class of the pattern as the positions of the chars in it.
#[derive(Default)]
struct Classes {
    capital: At,
    letter: At,
    space: At,
    white: At,
    dot: At,
    comma: At,
    apostrophe: At,
    hyphen: At,
    dash: At,
    ampersand: At,
    slash: At,
    open: At,
    close: At,
    colon: At,
    lower_ascii: At,
    digit: At,
}

impl Classes {
    fn of(s: &str) -> Classes {
        let mut k = Classes::default();
        let mut buf = [0u8; 4];
        for (p, c) in s.chars().enumerate() {
            let bit: At = 1 << p;
            let (capital, letter) = if c.is_ascii() {
                (c.is_ascii_uppercase(), c.is_ascii_alphabetic())
            } else {
                let one = &*c.encode_utf8(&mut buf);
                (CAPITAL.is_match(one), LETTER.is_match(one))
            };
            let set = |class: &mut At, yes: bool| {
                if yes {
                    *class |= bit;
                }
            };
            set(&mut k.capital, capital);
            set(&mut k.letter, letter);
            set(&mut k.white, c.is_whitespace());
            set(&mut k.lower_ascii, c.is_ascii_lowercase());
            set(&mut k.digit, c.is_ascii_digit());
            let class = match c {
                ' ' => &mut k.space,
                '.' => &mut k.dot,
                ',' => &mut k.comma,
                '\'' | '’' => &mut k.apostrophe,
                '-' => &mut k.hyphen,
                '—' | '–' => &mut k.dash,
                '&' => &mut k.ampersand,
                '/' => &mut k.slash,
                '(' => &mut k.open,
                ')' => &mut k.close,
                ':' => &mut k.colon,
                _ => continue,
            };
            *class |= bit;
        }
        k
    }
}

/// The positions reached from `from` by one char of `class`.
fn one(from: At, class: At) -> At {
    (from & class) << 1
}

/// The positions reached from `from` by `min..=max` chars of `class`.
fn run(from: At, class: At, min: usize, max: usize) -> At {
    let mut reached = if min == 0 { from } else { 0 };
    let mut at = from;
    for k in 1..=max {
        at = one(at, class);
        if at == 0 {
            break;
        }
        if k >= min {
            reached |= at;
        }
    }
    reached
}

/// The positions reached from `from` by any number of chars of `class`.
fn any(from: At, class: At) -> At {
    run(from, class, 0, MAX_CHARS)
}

/// Whether `s` is a place line (the whole of it matches the pattern
/// above). Lines of more than [`MAX_CHARS`] chars are not read: callers
/// ask only of lines of 80 bytes or less.
pub fn is_place_line(s: &str) -> bool {
    let n = s.chars().count();
    if n > MAX_CHARS {
        return false;
    }
    let k = Classes::of(s);
    // `^\p{Lu}[\p{Lu} .'’-]{1,30}`
    let mut at = one(1, k.capital);
    at = run(
        at,
        k.capital | k.space | k.dot | k.apostrophe | k.hyphen,
        1,
        30,
    );
    // `(?:,\s*[\p{L} .]{2,30})?`
    at |= run(
        any(one(at, k.comma), k.white),
        k.letter | k.space | k.dot,
        2,
        30,
    );
    // `(?:,?\s*\p{Lu}[a-z]{2,8}\.? [0-9]{1,2})?`
    let month = run(
        one(any(at | one(at, k.comma), k.white), k.capital),
        k.lower_ascii,
        2,
        8,
    );
    at |= run(one(month | one(month, k.dot), k.space), k.digit, 1, 2);
    // `(?:\s*\([\p{L} .&/-]{1,30}\))?`
    let agency = run(
        one(any(at, k.white), k.open),
        k.letter | k.space | k.dot | k.ampersand | k.slash | k.hyphen,
        1,
        30,
    );
    at |= one(agency, k.close);
    // `\s*(?:[—–-]+|:|[0-9]{4}-[0-9]{2}-[0-9]{2})$`
    at = any(at, k.white);
    let date = run(
        one(
            run(one(run(at, k.digit, 4, 4), k.hyphen), k.digit, 2, 2),
            k.hyphen,
        ),
        k.digit,
        2,
        2,
    );
    let end = run(at, k.dash | k.hyphen, 1, MAX_CHARS) | one(at, k.colon) | date;
    end & (1 << n) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern as a regex: the definition the code is checked against.
    fn by_regex(s: &str) -> bool {
        static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^\p{Lu}[\p{Lu} .'’-]{1,30}(?:,\s*[\p{L} .]{2,30})?(?:,?\s*\p{Lu}[a-z]{2,8}\.? [0-9]{1,2})?(?:\s*\([\p{L} .&/-]{1,30}\))?\s*(?:[—–-]+|:|[0-9]{4}-[0-9]{2}-[0-9]{2})$",
            )
            .unwrap()
        });
        WHOLE.is_match(s)
    }

    #[test]
    fn place_lines_are_what_the_pattern_matches() {
        for s in [
            "LISBON, Portugal (AP) —",
            "OSLO, June 3 (Reuters) -",
            "BRUSSELS 1996-08-22",
            "WASHINGTON —",
            "SAN TELMO (Wire Service) —",
            "ÉVORA, Alentejo —",
            "VELMORA:",
            "Harbour board approves new ferry",
            "NEWS",
            "The mayor said —",
        ] {
            assert_eq!(is_place_line(s), by_regex(s), "{s:?}");
        }
        assert!(is_place_line("LISBON, Portugal (AP) —") && !is_place_line("NEWS"));
    }

    #[test]
    fn generated_lines_agree_with_the_pattern() {
        let pieces = [
            "OSLO",
            "É",
            "A",
            " ",
            ",",
            ", ",
            "Portugal",
            "élan",
            "June 3",
            "Jun. 12",
            " (AP)",
            "(Wire & Co/Desk)",
            " —",
            "–",
            "-",
            ":",
            "1996-08-22",
            "1996-8-22",
            "’",
            "'",
            ".",
            "\u{a0}",
            "x",
            "7",
            "Σ",
            "ǅ",
            "(",
            ")",
            "ab",
            "ONE TWO",
        ];
        let mut checked = 0;
        for seed in 0..20_000usize {
            let mut s = String::new();
            let mut k = seed;
            let len = 2 + seed % 14;
            for _ in 0..len {
                s.push_str(pieces[k % pieces.len()]);
                k = k.wrapping_mul(7919).wrapping_add(13) % 100_003;
            }
            if s.len() > 80 {
                continue;
            }
            assert_eq!(is_place_line(&s), by_regex(&s), "{s:?}");
            checked += 1;
        }
        assert!(checked > 10_000);
    }

    #[test]
    fn counted_runs_stop_at_their_bounds() {
        for n in [1, 2, 29, 30, 31, 40] {
            for s in [
                format!("O{} —", "S".repeat(n)),
                format!("OS, {} —", "é".repeat(n)),
                format!("OS (AP{}) —", "x".repeat(n.saturating_sub(2))),
                format!("OS June {} —", "1".repeat(n.min(4))),
                format!("OS J{} 3 —", "u".repeat(n.min(10))),
                format!("OS {}", "—".repeat(n)),
            ] {
                if s.len() <= 80 {
                    assert_eq!(is_place_line(&s), by_regex(&s), "{s:?}");
                }
            }
        }
    }
}
