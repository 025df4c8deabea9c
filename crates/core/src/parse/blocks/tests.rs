//! Unit tests of the block classifier on small made-up pages.

use super::*;

fn texts<'a>(raw: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|s| s.text(raw)).collect()
}

fn class_of(c: &Cleaned, raw: &str, line: &str) -> BlockClass {
    c.blocks
        .iter()
        .find(|b| b.span.text(raw) == line)
        .unwrap_or_else(|| panic!("no block {line:?}"))
        .class
}

pub(super) const PAGE: &str = "3 hours ago 5\n\nHarbour board approves new ferry route to the islands\n\n- Advertisement -\n\nThe harbour board on Monday approved a ferry route that will link the islands to the mainland, after a year of talks with the three towns on the coast.\n\nThe route opens in June, the board said in a statement, and the first boats will carry both cars and people from the old quay.\n\nSource link\n\nRelated Posts\n\nCity council delays vote on parking fees\n\nCity council delays vote on parking fees\n\nThe council said it needs more time.\n\nLocal bakery wins national award\n";

#[test]
fn title_body_and_teasers_on_a_made_up_page() {
    let c = classify(PageKnowledge::builtin_for_tests(), PAGE);
    assert_eq!(
        c.title.map(|s| s.text(PAGE)),
        Some("Harbour board approves new ferry route to the islands")
    );
    let body = texts(PAGE, &c.body);
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(body[0].starts_with("The harbour board on Monday"));
    assert_eq!(
        texts(PAGE, &c.teasers),
        [
            "City council delays vote on parking fees",
            "Local bakery wins national award"
        ]
    );
    assert_eq!(
        class_of(&c, PAGE, "- Advertisement -"),
        BlockClass::Furniture
    );
}

#[test]
fn lines_where_the_text_flows_are_one_paragraph() {
    let raw = "Ferry news\n\nThe harbour board said on Monday that it had\napproved\n a new route to the islands, which\nwill open in June after a year of talks with the towns on the coast.\nA second paragraph follows here, and it is also long enough to count as prose for the page.\n";
    let c = classify(PageKnowledge::builtin_for_tests(), raw);
    let body = texts(raw, &c.body);
    assert_eq!(body.len(), 2, "{body:?}");
    assert!(body[0].ends_with("on the coast."));
}

#[test]
fn pages_without_prose_lose_nothing() {
    let raw =
        "Menu\nHome\nNews list\nOne headline about the ferry\nAnother headline about the bakery\n";
    let c = classify(PageKnowledge::builtin_for_tests(), raw);
    assert_eq!(c.blocks.len(), 5);
    assert!(!c.body.is_empty());
}

#[test]
fn empty_and_blank_pages() {
    assert_eq!(
        classify(PageKnowledge::builtin_for_tests(), ""),
        Cleaned::default()
    );
    assert!(
        classify(PageKnowledge::builtin_for_tests(), "\n  \n\t\n")
            .blocks
            .is_empty()
    );
}

#[test]
fn a_page_of_one_headline_like_line_is_all_body() {
    for raw in [
        "Ferry service resumes on Tuesday.\n",
        "Friday the fair.\n\n- Advertisement -\n",
    ] {
        let c = classify(PageKnowledge::builtin_for_tests(), raw);
        assert_eq!(c.title, None, "{raw:?}");
        assert_eq!(
            texts(raw, &c.body),
            [raw.lines().next().unwrap()],
            "{raw:?}"
        );
    }
    // With an article under it, the headline stays the title.
    let c = classify(PageKnowledge::builtin_for_tests(), PAGE);
    assert!(c.title.is_some());
}

/// A wire document: nothing of a web page around it, one sentence a line.
const WIRE: &str = "SAILING - HARBOUR CUP RESULTS AFTER THE FIRST DAY.\nPORT ELVAN 2031-06-02\nTomas Quill of Norland led the Harbour Cup after the first day of racing on Monday, three points ahead of Ana Reyes.\nLeading positions after the first day:\n1. Tomas Quill (Norland) 12 points\n2. Ana Reyes (Tessel) 15 points\n3. Peder Vik (Norland) 19 points\nStandings after two of five races\nQuill said the wind had dropped before the last race and that he had been lucky to finish at all.\nThe second day's races start at noon.\nTeam event\nNorland 31 points\nTessel 40 points\nResults compiled by the Harbour Cup race office\n";

#[test]
fn a_wire_document_is_kept_whole_after_its_first_paragraph() {
    let c = classify(PageKnowledge::builtin_for_tests(), WIRE);
    assert_eq!(
        c.title.map(|s| s.text(WIRE)),
        Some("SAILING - HARBOUR CUP RESULTS AFTER THE FIRST DAY.")
    );
    let body = texts(WIRE, &c.body).join("\n");
    for line in WIRE.lines().skip(2) {
        assert!(body.contains(line), "{line:?} not in the body");
    }
    assert_eq!(
        class_of(&c, WIRE, "2. Ana Reyes (Tessel) 15 points"),
        BlockClass::List
    );
    assert_eq!(
        class_of(&c, WIRE, "PORT ELVAN 2031-06-02"),
        BlockClass::Dateline
    );
}

#[test]
fn a_repeated_headline_written_as_sentences_is_the_title() {
    let raw = "Menu\n\nSubscribe\n\nHarbour Fares Rise Again. Why Riders Should Not Worry Yet.\n\nBy Maren Halvorsen\n\nJune 2, 2031\n\nThe harbour board raised ferry fares on Monday for the second time this year, saying that fuel and the new winter boats had cost more than it planned for.\n\nRiders who buy a season pass will pay the same as before, the board said, and the island towns will get a discount for schoolchildren.\n\nHarbour Fares Rise Again. Why Riders Should Not Worry Yet.\n";
    let c = classify(PageKnowledge::builtin_for_tests(), raw);
    assert_eq!(
        c.title.map(|s| s.text(raw)),
        Some("Harbour Fares Rise Again. Why Riders Should Not Worry Yet.")
    );
}

/// A scraped wire story: a menu bar and a banner above a headline in
/// capitals that ends on a full stop, results, a closing sentence.
const WIRE_PAGE: &str = "Home | World | Business | Sport\nAccept cookies to continue\nROWING - VELLMAR WINS SINGLE SCULLS AT LAKE ORSA REGATTA.\nLAKE ORSA, Norland 2031-07-14\nInes Vellmar of Norland won the single sculls on Sunday, two seconds ahead of Kasper Ode, after leading from the first marker.\nVellmar said she had trained on the lake since March and would race again in the autumn series.\nLeading results:\n1. Ines Vellmar (Norland) 7:21.4\n2. Kasper Ode (Tessel) 7:23.5\nRelated stories\nHarbour Cup postponed by storm\n";

#[test]
fn a_capitals_headline_with_a_full_stop_beats_the_menu_bar() {
    let c = classify(PageKnowledge::builtin_for_tests(), WIRE_PAGE);
    assert_eq!(
        c.title.map(|s| s.text(WIRE_PAGE)),
        Some("ROWING - VELLMAR WINS SINGLE SCULLS AT LAKE ORSA REGATTA.")
    );
}

#[test]
fn a_short_sentence_after_the_closing_list_is_still_the_article() {
    let raw = "Menu\n\nSubscribe now\n\nLake regatta ends in a tie for first place\n\nTwo crews from Norland shared first place at the lake regatta on Sunday after the judges could not split them at the line, the race office said.\n\nThe crews had been level for most of the last lap, and both asked for the tie to stand rather than race again in the dark.\n\nFinal standings:\n\n1. Norland Blue 14 points\n\n1. Norland Red 14 points\n\n3. Tessel 19 points\n\nThe next regatta is on Tuesday.\n\nRelated stories\n\nHarbour Cup postponed by storm\n";
    let c = classify(PageKnowledge::builtin_for_tests(), raw);
    let body = texts(raw, &c.body).join("\n");
    assert!(body.contains("3. Tessel 19 points"), "{body}");
    assert!(body.contains("The next regatta is on Tuesday."), "{body}");
    assert!(!body.contains("Related stories"), "{body}");
}

#[test]
fn a_name_alone_under_a_wire_headline_is_its_byline() {
    let page = "Ferry strike ends after two weeks in Ostrova\n\
        Maren Halvorsen\n\
        OSTROVA 2025-06-03\n\
        The ferry crews of Ostrova went back to work on Tuesday after the union and the port agreed on pay.\n\
        The union said the deal would be put to a vote of its members next week.\n\
        Ferries ran late all day as crews returned to the quay.\n";
    let c = classify(PageKnowledge::builtin_for_tests(), page);
    let class_of = |s: &str| {
        c.blocks
            .iter()
            .find(|b| b.span.text(page) == s)
            .map(|b| b.class)
    };
    assert_eq!(class_of("Maren Halvorsen"), Some(BlockClass::Byline));
    assert_eq!(class_of("OSTROVA 2025-06-03"), Some(BlockClass::Dateline));
    // A line that is no name stays what it was.
    let page2 = page.replace("Maren Halvorsen", "Share this story");
    let c2 = classify(PageKnowledge::builtin_for_tests(), &page2);
    assert!(
        c2.blocks
            .iter()
            .all(|b| b.span.text(&page2) != "Share this story" || b.class != BlockClass::Byline)
    );
}

#[test]
fn a_teaser_with_a_label_glued_before_it_is_a_copy() {
    for (copy, headline) in [
        (
            "WORLD Ferry crews walk out over the winter timetable",
            "Ferry crews walk out over the winter timetable",
        ),
        (
            "MEINUNG Fährleute streiken wegen des Winterfahrplans",
            "Fährleute streiken wegen des Winterfahrplans",
        ),
    ] {
        let raw = PAGE.replace(
            "Local bakery wins national award",
            &format!("{copy}\n\nLocal bakery wins national award\n\n{headline}"),
        );
        let c = classify(PageKnowledge::builtin_for_tests(), &raw);
        let teasers = texts(&raw, &c.teasers);
        assert!(
            teasers.contains(&headline)
                && teasers.contains(&"Local bakery wins national award")
                && !teasers.contains(&copy),
            "{teasers:?}"
        );
    }
}

#[test]
fn a_page_classifies_the_same_after_other_pages_on_its_thread() {
    // The working tables a thread keeps from page to page (lines, units,
    // key counts, the title finder's tables) start each page empty.
    let longer = format!("{PAGE}\n{PAGE}\nFerry fares\n\nFerry fares\n\n{PAGE}");
    let pages = [
        PAGE,
        longer.as_str(),
        "Ferry vote\n\nThe board met. It voted.\n",
        "",
        PAGE,
    ];
    let k = PageKnowledge::builtin_for_tests();
    let fresh: Vec<Cleaned> = pages
        .iter()
        .map(|p| std::thread::scope(|s| s.spawn(|| classify(k, p)).join().unwrap()))
        .collect();
    for _ in 0..2 {
        for (p, want) in pages.iter().zip(&fresh) {
            assert_eq!(&classify(k, p), want, "{p:?}");
        }
    }
    release_thread_scratch();
    assert_eq!(classify(k, PAGE), fresh[0]);
}
