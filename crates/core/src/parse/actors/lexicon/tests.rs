//! Tests of the lexicon: the shipped assets parse, and the one-lookup
//! word facts agree with the tables they summarise.

use super::*;

#[test]
fn shipped_lexicons_parse() {
    let lx = &*LEXICON;
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
    let lx = &*LEXICON;
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
    let lx = &*LEXICON;
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
    let lx = &*LEXICON;
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
