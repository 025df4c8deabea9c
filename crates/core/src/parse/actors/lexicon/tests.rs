//! Tests of the lexicon: the shipped assets parse, and the one-lookup
//! word facts agree with the tables they summarise.

use super::*;

#[test]
fn shipped_lexicons_parse() {
    let lx = Lexicon::builtin_for_tests();
    assert_eq!(
        lx.role("secretary of state").unwrap().domain.as_deref(),
        Some("foreign")
    );
    assert!(lx.role("pope").unwrap().title);
    assert!(lx.role("mr").unwrap().honorific);
    assert_eq!(lx.adjective("russian").map(|c| &**c), Some("Russia"));
    assert_eq!(
        lx.entity("kremlin", false).unwrap().1.country.as_deref(),
        Some("Russia")
    );
    assert!(lx.stop.contains("thursday"));
    assert!(lx.particles.contains("von"));
    assert!(lx.max_words("secretary") >= 3);
}

#[test]
fn word_facts_agree_with_the_tables() {
    let lx = Lexicon::builtin_for_tests();
    for w in ["thursday", "von", "secretary", "de", "the", "varga", ""] {
        let f = lx.facts(w);
        assert_eq!(usize::from(f.max_words), lx.max_words(w), "{w}");
        assert_eq!(f.stop, lx.stop.contains(w), "{w}");
        assert_eq!(f.particle, lx.particles.contains(w), "{w}");
    }
    for w in lx
        .stop
        .iter()
        .chain(&lx.particles)
        .chain(lx.max_words.keys())
    {
        let f = lx.facts(w);
        assert_eq!(usize::from(f.max_words), lx.max_words(w), "{w}");
        assert_eq!(f.stop, lx.stop.contains(w), "{w}");
        assert_eq!(f.particle, lx.particles.contains(w), "{w}");
    }
    let tables = lx.class_tables();
    let words: Vec<&String> = tables
        .iter()
        .flat_map(|(t, _)| t.iter())
        .chain(lx.domains.keys())
        .chain(lx.adjectives.keys())
        .chain(lx.stop.iter())
        .collect();
    for w in words
        .iter()
        .map(|w| w.as_str())
        .chain(["said", "bank", "the", "varga", ""])
    {
        let f = lx.facts(w);
        for (t, bit) in tables {
            assert_eq!(f.classes & bit != 0, t.contains(w), "{w} {bit}");
        }
        assert_eq!(
            f.classes & class::DOMAIN != 0,
            lx.domains.contains_key(w),
            "{w}"
        );
        assert_eq!(
            f.classes & class::ADJECTIVE != 0,
            lx.adjective(w).is_some(),
            "{w}"
        );
    }
}

#[test]
fn pairs_know_every_phrase_opening() {
    let lx = Lexicon::builtin_for_tests();
    for k in lx.roles.keys().chain(lx.entities.keys()) {
        let mut w = k.split(' ');
        if let (Some(a), Some(b)) = (w.next(), w.next()) {
            assert!(lx.may_pair(a, b), "{k}");
        }
    }
    for k in lx.roles.keys().filter(|k| !k.contains(' ')) {
        assert!(lx.facts(k).alone & alone::ROLE != 0, "{k}");
    }
    for k in lx.entities.keys().filter(|k| !k.contains(' ')) {
        assert!(lx.facts(k).alone & alone::ENTITY != 0, "{k}");
    }
    assert_eq!(lx.facts("varga").alone, 0);
    assert!(lx.may_pair("secretary", "of"));
    assert!(!lx.may_pair("secretary", "varga"));
}

#[test]
fn capitals_only_aliases_need_capitals() {
    let lx = Lexicon::builtin_for_tests();
    assert!(lx.entity("us", true).is_some());
    assert!(lx.entity("us", false).is_none());
    assert!(lx.entity("who", false).is_none());
}

#[test]
fn user_file_adds_people_and_bad_file_adds_nothing() {
    let user = "[[actor]]\nname = \"Orla Quint\"\naliases = [\"O. Quint\"]\n";
    let lx = Lexicon::from_texts("", "", "", "", user);
    let (_, e) = lx.entity("o. quint", false).unwrap();
    assert_eq!(e.canonical, "Orla Quint");
    assert!(lx.user_people.contains_key("orla quint"));
    let lx = Lexicon::from_texts("", "", "", "", "[[actor]\nname=");
    assert!(lx.entity_list.is_empty());
}

/// The actors named in one made-up article, read and merged with `lx`.
fn actors_found(lx: &Lexicon, text: &str) -> Vec<(String, ActorKind)> {
    use crate::model::{Article, Span};
    let sentences = vec![Span::new(0, text.len())];
    let found = crate::parse::actors::extract(lx, text, &sentences);
    let mut arts = vec![Article {
        raw: text.to_string(),
        sentences: sentences.into(),
        ..Default::default()
    }];
    crate::parse::actors::merge(lx, &mut arts, vec![found])
        .into_iter()
        .map(|a| (a.name, a.kind))
        .collect()
}

#[test]
fn two_lexicons_in_one_process_find_their_own_actors() {
    let user = "[[actor]]\nname = \"Maren Quist\"\naliases = [\"Quisty\"]\n";
    let (own, n) = Lexicon::with_user(user).unwrap();
    assert_eq!(n, 1);
    let builtin = Lexicon::builtin_for_tests();
    let text = "Later Quisty told reporters the ferry from Velmora was late.";
    let maren = ("Maren Quist".to_string(), ActorKind::Person);
    // Each order, on one thread (whose buffers pass from one to the other).
    let before = actors_found(builtin, text);
    let with_own = actors_found(&own, text);
    let after = actors_found(builtin, text);
    assert!(with_own.contains(&maren), "{with_own:?}");
    assert!(!before.contains(&maren), "{before:?}");
    assert_eq!(before, after);
    assert_eq!(with_own, actors_found(&own, text));
    // The other stages' question too: the user's file names no given name.
    assert!(builtin.is_given_name("Maria") && own.is_given_name("maría"));
    assert!(!own.is_given_name("Quisty"));
}

#[test]
fn a_malformed_user_file_is_an_error_naming_its_line() {
    let e = Lexicon::with_user("[[actor]]\nname = \"Orla Venn\"\nnmae = \"x\"\n")
        .err()
        .unwrap();
    assert!(e.starts_with("3: ") && e.contains("nmae"), "{e}");
    let e = Lexicon::with_user("[[actor]]\nname = \"Orla Venn\"\nkind = \"ship\"\n")
        .err()
        .unwrap();
    assert!(e.contains("unknown kind \"ship\""), "{e}");
    assert_eq!(Lexicon::with_user("# none yet\n").map(|(_, n)| n), Ok(0));
}

#[test]
fn facts_read_from_a_padded_sentence_are_the_facts_of_the_map() {
    // Every word the lexicon knows, and words it does not, of every
    // length: the table of numbers (and the padded read the scanner
    // uses) give what the map of strings holds.
    let lx = Lexicon::builtin_for_tests();
    let unknown = [
        "varga",
        "",
        "x",
        "abcdefghijklmno",
        "abcdefghijklmnop",
        "internationalisation",
    ];
    let words: Vec<&str> = lx.facts.keys().map(String::as_str).chain(unknown).collect();
    for w in words {
        let want = lx.facts.get(w).copied().unwrap_or_default();
        assert_eq!(lx.facts(w), want, "{w}");
        let padded = format!("the {w}                ");
        assert_eq!(lx.facts_at(padded.as_bytes(), 4, w.len()), want, "{w}");
    }
}

#[test]
fn every_lower_case_word_that_needs_its_facts_at_once_is_let_through() {
    let lx = Lexicon::builtin_for_tests();
    for k in lx.roles.keys().filter_map(|k| k.split(' ').next()) {
        assert!(lx.lower_may_open(k.as_bytes()), "{k}");
    }
    for k in &lx.particles {
        assert!(lx.lower_may_open(k.as_bytes()), "{k}");
    }
    // Most other words are ruled out.
    let common = ["said", "that", "and", "with", "would", "talks", "troops"];
    let through: Vec<&&str> = common
        .iter()
        .filter(|w| lx.lower_may_open(w.as_bytes()))
        .collect();
    assert!(through.is_empty(), "{through:?}");
}
