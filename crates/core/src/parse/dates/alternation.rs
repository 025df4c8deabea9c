//! Word lists as regex alternations, factored into a trie.
//!
//! "today|tonight|tomorrow" is written "to(?:day|night|morrow)": the same
//! language and the same preference (leftmost-first) among the words, with
//! one path per shared prefix instead of one per word. The date pattern's
//! automaton then carries far fewer states at each word start (fewer to
//! build for the lazy DFA, fewer branches for the capture search).
//!
//! Why the preference is kept: the words are ordered longest first, and
//! only words whose next chars can never match the same input char (they
//! differ, and not only in case) are regrouped; among those, at most one
//! can match at any position, so their order does not matter. A level whose
//! words differ only in case there ("Now" and "now", which `(?i)` matches
//! alike), and any list with a non-ASCII word, is written out word by word.

/// One step of a word: a char, or the white space between two words
/// (written `\s+`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Char(char),
    Space,
}

/// A regex alternation of `words`, longest first so that "Sept" wins over
/// "Sep" and "the upcoming week" over shorter phrases; words' inner white
/// space matches any run of white space.
pub fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = words.into_iter().collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v.dedup();
    let phrases: Vec<Vec<Step>> = v.iter().map(|w| steps(w)).collect();
    let refs: Vec<&[Step]> = phrases.iter().map(Vec::as_slice).collect();
    if v.iter().all(|w| w.is_ascii()) {
        factored(&refs)
    } else {
        plain(&refs)
    }
}

fn steps(word: &str) -> Vec<Step> {
    let mut out = Vec::with_capacity(word.len());
    for (i, w) in word.split_whitespace().enumerate() {
        if i > 0 {
            out.push(Step::Space);
        }
        out.extend(w.chars().map(Step::Char));
    }
    out
}

fn write_steps(steps: &[Step], out: &mut String) {
    for s in steps {
        match s {
            Step::Char(c) => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
            Step::Space => out.push_str(r"\s+"),
        }
    }
}

/// The phrases one by one, in their order.
fn plain(phrases: &[&[Step]]) -> String {
    let mut out = String::new();
    for (i, p) in phrases.iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        write_steps(p, &mut out);
    }
    out
}

/// Whether two first steps can never match the same input char, in any
/// case mode.
fn exclusive(a: Step, b: Step) -> bool {
    match (a, b) {
        (Step::Char(x), Step::Char(y)) => !x.eq_ignore_ascii_case(&y),
        (Step::Space, Step::Space) => false,
        // A word's chars are never white space.
        _ => true,
    }
}

/// The phrases (longest first) as one alternation, sharing their common
/// prefixes.
fn factored(phrases: &[&[Step]]) -> String {
    // The first steps, in the order they first occur.
    let mut firsts: Vec<Step> = Vec::new();
    for p in phrases {
        if let Some(&s) = p.first()
            && !firsts.contains(&s)
        {
            firsts.push(s);
        }
    }
    let all_exclusive = firsts
        .iter()
        .enumerate()
        .all(|(i, &a)| firsts[i + 1..].iter().all(|&b| exclusive(a, b)));
    // An empty phrase (the shared prefix alone) matches wherever the
    // others do: it must stay last, where the longest-first order put it.
    let empties_last = phrases
        .iter()
        .skip_while(|p| !p.is_empty())
        .all(|p| p.is_empty());
    if !all_exclusive || !empties_last {
        return plain(phrases);
    }
    let mut out = String::new();
    let mut alternatives = 0;
    for &first in &firsts {
        let rests: Vec<&[Step]> = phrases
            .iter()
            .filter(|p| p.first() == Some(&first))
            .map(|p| &p[1..])
            .collect();
        if alternatives > 0 {
            out.push('|');
        }
        alternatives += 1;
        write_steps(&[first], &mut out);
        let one_way_on = rests
            .iter()
            .all(|r| r.first() == rests[0].first() && !r.is_empty());
        if let [rest] = rests.as_slice() {
            write_steps(rest, &mut out);
        } else if one_way_on {
            // One alternative the next step too: no group needed.
            out.push_str(&factored(&rests));
        } else {
            out.push_str("(?:");
            out.push_str(&factored(&rests));
            out.push(')');
        }
    }
    for _ in phrases.iter().filter(|p| p.is_empty()) {
        if alternatives > 0 {
            out.push('|');
        }
        alternatives += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::alternation;
    use regex::Regex;

    /// The alternation written word by word, as before factoring.
    fn word_by_word(words: &[&str]) -> String {
        let mut v = words.to_vec();
        v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        v.dedup();
        v.iter()
            .map(|w| {
                w.split_whitespace()
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+")
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn longer_forms_win() {
        let re = Regex::new(&format!("^(?:{})", alternation(["Sep", "Sept"]))).unwrap();
        assert_eq!(re.find("Sept.").unwrap().as_str(), "Sept");
        assert_eq!(re.find("Sep.").unwrap().as_str(), "Sep");
        assert_eq!(alternation(["this week"]), r"this\s+week");
    }

    #[test]
    fn shared_prefixes_are_written_once() {
        assert_eq!(
            alternation(["today", "tonight", "tomorrow"]),
            "to(?:morrow|night|day)"
        );
        // Case variants may not be regrouped: "(?i)" matches them alike.
        assert_eq!(alternation(["Now", "now"]), "Now|now");
    }

    /// The factored alternation finds the very matches (and groups) the
    /// word-by-word one finds, with and without case folding, on text
    /// made of the words' own pieces.
    #[test]
    fn factoring_keeps_every_match() {
        let lists: [&[&str]; 5] = [
            &[
                "the next day",
                "the day before",
                "the following day",
                "that day",
                "that same day",
                "the same day",
                "today",
                "tonight",
                "this morning",
                "last week",
                "last weekend",
                "the year before",
                "year-end",
                "year end",
                "year's end",
            ],
            &[
                "a", "an", "one", "two", "twelve", "twenty", "ten", "three", "thirty",
            ],
            &["Sept", "Sep", "September", "Mar", "March", "May"],
            &[
                "now",
                "Now",
                "right now",
                "Right now",
                "nowadays",
                "Nowadays",
            ],
            &["early", "earlier", "late", "later"],
        ];
        let text = "The next day, that same day and the same  day; today tonight \
            this morning. Last weekend last week, the year before year-end year end \
            year's end. a an one two twelve twenty ten three thirty tenth. Sept Sep \
            September Mar March May Mayday. Now right now Right  now nowadays. \
            Early earlier later late lately. THE NEXT DAY thirtyish";
        for words in lists {
            for flags in ["", "(?i)"] {
                let wrap = |alt: String| {
                    Regex::new(&format!(r"{flags}(?-u:\b)(?P<w>{alt})(?-u:\b)")).unwrap()
                };
                let (factored, plain) = (
                    wrap(alternation(words.iter().copied())),
                    wrap(word_by_word(words)),
                );
                let found = |re: &Regex| -> Vec<(usize, usize)> {
                    re.captures_iter(text)
                        .map(|c| {
                            (
                                c["w"].as_ptr() as usize - text.as_ptr() as usize,
                                c["w"].len(),
                            )
                        })
                        .collect()
                };
                assert_eq!(found(&factored), found(&plain), "{words:?} {flags}");
                assert!(!found(&plain).is_empty(), "{words:?} {flags}");
            }
        }
    }
}
