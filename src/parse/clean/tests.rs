//! Unit tests of the cleaning stage.

use super::*;

fn texts<'a>(raw: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|s| s.text(raw)).collect()
}

const PAGE: &str = "3 hours ago 5\n\nHarbour board approves new ferry route to the islands\n\n- Advertisement -\n\nThe harbour board on Monday approved a ferry route that will link the islands to the mainland.\n\nThe route opens in June, the board said in a statement.\n\nSource link\n\nRelated Posts\n\nCity council delays vote on parking fees\n\nCity council delays vote on parking fees\n\nThe council said it needs more time.\n\nLocal bakery wins national award\n";

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

#[test]
fn word_counts_agree_with_split_whitespace() {
    for t in [
        "",
        "  ",
        "one",
        " a  b\tc\u{0b}d\u{0c}e\r\nf ",
        "non\u{a0}breaking\u{2009}thin\u{3000}ideographic\u{85}nel",
        "“Quoted” — dash é ü",
    ] {
        assert_eq!(word_count(t, 30), t.split_whitespace().count(), "{t:?}");
    }
}

#[test]
fn word_counts_agree_with_split_whitespace_on_mixed_text() {
    // Wide spaces next to wide letters and ASCII, in many orders.
    let pieces = [
        "ab", " ", "\u{3000}", "é", "\u{a0}", "“x”", "\u{2009}", "\t", "—",
    ];
    for seed in 0..400usize {
        let mut t = String::new();
        let mut k = seed;
        while t.len() < 20 + seed % 180 {
            t.push_str(pieces[k % pieces.len()]);
            k = k.wrapping_mul(31).wrapping_add(7) % 1009;
        }
        assert_eq!(
            word_count(&t, usize::MAX),
            t.split_whitespace().count(),
            "{t:?}"
        );
    }
}

#[test]
fn word_counts_stop_only_above_the_cap() {
    let ascii: String = (0..400).map(|i| format!("w{i} ")).collect();
    let wide: String = (0..400).map(|i| format!("é{i}\u{a0}")).collect();
    for text in [ascii, wide] {
        for n in [0, 1, 29, 30, 31, 45, 200, 400] {
            let t: String = text.split_inclusive([' ', '\u{a0}']).take(n).collect();
            let got = word_count(&t, 30);
            if n <= 30 {
                assert_eq!(got, n, "{t:?}");
            } else {
                assert!(got > 30, "{n} words counted as {got}");
            }
        }
    }
}

#[test]
fn dedup_keys_compare_in_place() {
    for (a, b) in [
        ("City council delays vote", "city-council: delays VOTE!"),
        ("Élysée talks", "ÉLYSÉE TALKS"),
        ("Straße", "STRASSE"),
        ("İstanbul", "istanbul"),
        ("", "—"),
        ("ab", "abc"),
    ] {
        let (ka, kb) = (dedup_key(a), dedup_key(b));
        assert!(has_dedup_key(a, &ka) && has_dedup_key(b, &kb));
        assert_eq!(has_dedup_key(a, &kb), ka == kb, "{a:?} {b:?}");
        assert_eq!(has_dedup_key(b, &ka), ka == kb, "{a:?} {b:?}");
    }
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
fn title_body_and_teasers_on_a_made_up_page() {
    let c = clean(PAGE);
    assert_eq!(
        c.title.unwrap().text(PAGE),
        "Harbour board approves new ferry route to the islands"
    );
    assert_eq!(
        texts(PAGE, &c.body),
        [
            "The harbour board on Monday approved a ferry route that will link the islands to the mainland.",
            "The route opens in June, the board said in a statement."
        ]
    );
    assert_eq!(
        texts(PAGE, &c.teasers),
        [
            "City council delays vote on parking fees",
            "Local bakery wins national award"
        ]
    );
    assert!(texts(PAGE, &c.boilerplate).contains(&"3 hours ago 5"));
    assert!(texts(PAGE, &c.boilerplate).contains(&"- Advertisement -"));
}

#[test]
fn every_non_empty_line_is_exactly_one_thing() {
    let c = clean(PAGE);
    let n = PAGE.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(
        c.body.len() + c.boilerplate.len() + c.title.iter().count(),
        n
    );
}

#[test]
fn a_subheading_followed_by_prose_stays_in_the_body() {
    let raw = "Mayor unveils budget for next year\n\nThe mayor presented the budget to the council on Tuesday evening.\n\nWhat changes for residents\n\nProperty taxes rise by two percent under the plan.\n\nBus fares stay the same, the mayor said.\n\nRead more\n";
    let c = clean(raw);
    assert_eq!(c.body.len(), 4);
    assert!(texts(raw, &c.body).contains(&"What changes for residents"));
}

#[test]
fn a_headline_with_one_excerpt_after_the_prose_is_a_teaser_card() {
    let raw = "Talks resume in the capital\n\nNegotiators met again on Friday after a week of silence.\n\nBoth sides called the meeting useful, officials said.\n\nExplainer: what the talks are about\n\nThe negotiations began last year and have stalled twice since then.\n\nThe Daily HeraldJane Doe\n";
    let c = clean(raw);
    assert_eq!(c.body.len(), 2);
    assert_eq!(
        texts(raw, &c.teasers),
        ["Explainer: what the talks are about"]
    );
    assert!(texts(raw, &c.boilerplate).contains(&"The Daily HeraldJane Doe"));
}

#[test]
fn prefixed_and_stripped_teaser_copies_collapse_to_the_punctuated_one() {
    let raw = "Storm hits the northern coast\n\nA storm hit the coast on Sunday, cutting power to thousands of homes.\n\nIt was the strongest storm in a decade, forecasters said.\n\nLATEST NEWS\n\n1. Minister says port not for sale\n\nMinister says port 'not for sale'\n\nSPORTS Referees to wear cameras at the cup\n\nReferees to wear cameras at the cup\n";
    let c = clean(raw);
    assert_eq!(
        texts(raw, &c.teasers),
        [
            "Minister says port 'not for sale'",
            "Referees to wear cameras at the cup"
        ]
    );
}

#[test]
fn a_prefixed_title_copy_yields_to_the_standalone_one() {
    let raw = " date 2024-02-01 Council votes on bridge repair plan \n\nCouncil votes on bridge repair plan\n\nCouncil votes on bridge repair plan\nThe council voted on Thursday to repair the old bridge before winter.\n";
    let c = clean(raw);
    assert_eq!(
        c.title.unwrap(),
        Span::new(
            raw.find("\nCouncil").unwrap() + 1,
            raw.find("\nCouncil").unwrap() + 36
        )
    );
    assert_eq!(c.body.len(), 1);
    assert_eq!(c.boilerplate.len(), 2);
}

#[test]
fn pages_without_prose_lose_nothing() {
    let raw = "one two three four five six seven eight nine ten eleven twelve thirteen";
    let c = clean(raw);
    assert_eq!(
        c.title.iter().count() + c.body.len() + c.boilerplate.len(),
        1
    );
    assert!(clean("").body.is_empty());
    assert!(clean("\n\n  \n").title.is_none());
}

#[test]
fn card_glue_finds_publisher_author_joins_only() {
    assert_eq!(
        card_glue("The Daily HeraldJane Doe"),
        Some("The Daily Herald".len())
    );
    assert_eq!(card_glue("Meeting with McDonald and DeSantis"), None);
    assert_eq!(card_glue("plain text"), None);
    assert_eq!(card_glue("Le Monde ÉditionsÉlise Dupré"), Some(18));
    assert_eq!(card_glue("Straße"), None);
    let words = |n: usize| vec!["one"; n].join(" ") + " The Daily HeraldJane Doe";
    assert!(card_glue(&words(6)).is_some());
    assert_eq!(card_glue(&words(7)), None, "eleven words");
}

#[test]
fn sentence_endings() {
    assert!(ends_like_sentence("He said it was “positive.”"));
    assert!(ends_like_sentence("“the need to end the war now,”"));
    assert!(!ends_like_sentence("Who was the architect of the plan"));
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
