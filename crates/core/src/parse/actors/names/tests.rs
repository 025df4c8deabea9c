//! Scanner behaviour on single made-up sentences.

use super::*;

fn hits(text: &str) -> SentenceHits {
    scan(text, 0, Lexicon::builtin_for_tests(), &|_| false)
}

/// Non-weak names (not lexicon entities) as text.
fn names(text: &str) -> Vec<String> {
    hits(text)
        .hits
        .iter()
        .filter(|h| h.entity.is_none() && !h.weak)
        .map(|h| text[h.start..h.end].to_string())
        .collect()
}

#[test]
fn title_gives_person_role_and_nationality() {
    let t = "Kremlin spokesman Ola Berg said no.";
    let s = hits(t);
    let h = s
        .hits
        .iter()
        .find(|h| &t[h.start..h.end] == "Ola Berg")
        .unwrap();
    let (role, (a, b)) = &h.roles[0];
    assert_eq!(&*role.head, "spokesperson");
    assert_eq!(role.nat.as_deref(), Some("Russia"));
    assert_eq!(&t[*a..*b], "Kremlin spokesman");
    assert!(h.ev.person >= 3);
    assert!(
        s.hits
            .iter()
            .any(|h| &t[h.start..h.end] == "Kremlin" && h.entity.is_some())
    );
    assert!(s.refs.is_empty(), "a title is not a reference");
}

#[test]
fn appositives_after_and_before_give_roles() {
    let t = "Ola Berg, Norway\u{2019}s foreign minister, said so.";
    let s = hits(t);
    let h = s
        .hits
        .iter()
        .find(|h| &t[h.start..h.end] == "Ola Berg")
        .unwrap();
    assert_eq!(h.roles[0].0.domain.as_deref(), Some("foreign"));
    assert_eq!(h.roles[0].0.nat.as_deref(), Some("Norway"));
    assert!(s.refs.is_empty());

    let t = "The delegation was led by the mayor's aide, Ivo Tamm.";
    let s = hits(t);
    let h = s
        .hits
        .iter()
        .find(|h| &t[h.start..h.end] == "Ivo Tamm")
        .unwrap();
    assert_eq!(&*h.roles[0].0.head, "aide");
}

#[test]
fn title_with_complement_and_dash_chain() {
    let t = "He met Minister for Europe and Foreign Affairs Jean Dupont today.";
    assert_eq!(names(t), ["Jean Dupont"]);
    let s = hits(t);
    assert_eq!(
        s.hits.iter().find(|h| h.entity.is_none()).unwrap().roles[0]
            .0
            .domain
            .as_deref(),
        Some("foreign")
    );

    let t = "Speaking beside Ireland\u{2019}s Taoiseach \u{2013} or Prime Minister \u{2013} Aoife Ní Bhriain today.";
    assert_eq!(names(t), ["Aoife Ní Bhriain"]);
    assert!(hits(t).refs.is_empty());
}

#[test]
fn role_references_need_a_determiner_or_possessor() {
    let t =
        "Later the Secretary told his Norwegian counterpart that Norway\u{2019}s president agreed.";
    let s = hits(t);
    let refs: Vec<&str> = s.refs.iter().map(|r| &t[r.start..r.end]).collect();
    assert_eq!(
        refs,
        [
            "the Secretary",
            "his Norwegian counterpart",
            "Norway\u{2019}s president"
        ]
    );
    assert!(s.refs[1].desc.counterpart);
    assert_eq!(s.refs[2].desc.nat.as_deref(), Some("Norway"));
    // An indefinite description names no one; "head" alone is no reference.
    let t = "A senior Norwegian official said the head of the unit would head home.";
    assert!(hits(t).refs.is_empty());
}

#[test]
fn capitals_that_are_not_names() {
    for t in [
        "On Monday the Norwegian delegation left in March.",
        "Officials said nothing.",
        "However, Clashes continued.",
        "The World War II memorial and Victory in Europe Day were marked.",
    ] {
        assert!(names(t).is_empty(), "{t}: {:?}", names(t));
    }
}

#[test]
fn sentence_opening_common_word_is_trimmed_from_a_name() {
    let t = "Following Ivo Tamm's visit, talks resumed.";
    let found = scan(t, 0, Lexicon::builtin_for_tests(), &|k| k == "following");
    let texts: Vec<&str> = found.hits.iter().map(|h| &t[h.start..h.end]).collect();
    assert_eq!(texts, ["Ivo Tamm"]);
}

#[test]
fn glued_adjectives_are_not_names_but_may_name_entities() {
    let t = "A Kremlin-friendly outlet praised the Ostrava-born Ivo Tamm.";
    let s = hits(t);
    let texts: Vec<&str> = s.hits.iter().map(|h| &t[h.start..h.end]).collect();
    assert_eq!(texts, ["Kremlin", "Ivo Tamm"]);
}

#[test]
fn descriptions_after_the_and_head_words_are_not_people() {
    // "The Norseman said": a description, not a name.
    assert!(names("Later the Norseman said he was pleased.").is_empty());
    let t = "Analysts at Velmora Bank said growth would slow.";
    let s = hits(t);
    let h = s
        .hits
        .iter()
        .find(|h| &t[h.start..h.end] == "Velmora Bank")
        .unwrap();
    assert!(h.ev.org > h.ev.person, "{:?}", h.ev);
    // Capitals-only common words are no organisations.
    let t = "Output rose while GDP fell.";
    assert!(!hits(t).hits.iter().any(|h| &t[h.start..h.end] == "GDP"));
}

#[test]
fn names_ending_like_participles_survive_a_sentence_start() {
    assert_eq!(names("Mohamed Salih scored twice."), ["Mohamed Salih"]);
    assert!(
        names("Addressing Velm Harbour, she left.")
            .iter()
            .all(|n| n != "Addressing Velm Harbour")
    );
}

#[test]
fn head_words_beat_title_like_words() {
    let t = "The Premier League said it would review the decision.";
    let s = hits(t);
    assert!(
        s.hits
            .iter()
            .all(|h| h.ev.org > h.ev.person && h.roles.is_empty()),
        "{:?}",
        s.hits
    );
}

#[test]
fn rebound_scratch_keeps_its_room() {
    let mut scratch = Scratch::default();
    let mut out = SentenceHits::default();
    let t = "Ivo Tamm met the Norwegian delegation in Ostrava on Monday.";
    let lx = Lexicon::builtin_for_tests();
    scan_with(
        t,
        0,
        lx,
        &|_| false,
        Capitals::default(),
        &mut scratch,
        &mut out,
    );
    let room = scratch.tags_capacity();
    assert!(room > 0);
    let scratch: Scratch<'static> = scratch.rebind();
    assert_eq!(scratch.tags_capacity(), room);
}

#[test]
fn deferring_the_facts_of_lower_case_words_finds_the_same() {
    let lx = Lexicon::builtin_for_tests();
    let text = "The foreign minister said on Monday that Ursula von der Leyen \
        met the prime minister. Kremlin spokesman Ola Berg, a former \
        general, told reporters the president of France was in Paris. \
        \"It was good,\" said the Russian president's chief of staff, \
        Ivo Tamm. Bashar al-Assad and the secretary of state spoke. \
        MORETTI RETURNS FOR ITALY. Harbour Deal Signed In Talks With \
        Velmar. The new defence secretary, Ann Sydney, visited the \
        united states and the european union with the head of the \
        central bank. Velmar 2 Ostrova 1. the de facto leader of the \
        rebels, commander Abu Omar, was seen. Regrettably Ivo has left.";
    let seen = |k: &str| ["the", "it"].contains(&k);
    for capitals in [
        Capitals::default(),
        Capitals {
            nouns_capitalised: true,
            headline: false,
        },
    ] {
        let mut want = SentenceHits::default();
        let mut got = SentenceHits::default();
        // Pieces cut at commas too, each with fresh buffers; then whole
        // sentences, with the buffers of the one before.
        let cuts: [(&[char], usize, bool); 2] = [(&['.', ','], 7, false), (&['.'], 0, true)];
        for (ends, base, reuse) in cuts {
            let mut scratch = Scratch::default();
            for piece in text.split_inclusive(ends) {
                let sentence = Sentence {
                    text: piece,
                    base,
                    seen_lowercase: &seen,
                    capitals,
                };
                scan_deferring::<false>(&sentence, lx, &mut Scratch::default(), &mut want);
                if !reuse {
                    scratch = Scratch::default();
                }
                scan_deferring::<true>(&sentence, lx, &mut scratch, &mut got);
                assert_eq!(got, want, "{piece}");
            }
        }
    }
}

#[test]
fn hyphenated_names_are_names_and_compound_adjectives_are_not() {
    assert_eq!(
        names("Prime Minister Anond Silpa-orcha spoke on Monday."),
        ["Anond Silpa-orcha"]
    );
    assert_eq!(
        names("He met deputy minister Pak Ki-soon in Paris."),
        ["Pak Ki-soon"]
    );
    assert_eq!(
        names("Tariq Inzam-ul-Hadi made 40 runs."),
        ["Tariq Inzam-ul-Hadi"]
    );
    // A compound adjective after a name is no part of it.
    for t in [
        "Officials of the Ivo Tamm-led coalition met.",
        "A Hugo Valdane-backed plan failed.",
        "The Ilse Marrow-era reforms ended.",
        "The Tomas Reknes-owned yard closed.",
    ] {
        let found = names(t);
        assert!(found.iter().all(|n| !n.contains('-')), "{t}: {found:?}");
    }
}

#[test]
fn a_given_name_with_a_withheld_surname_keeps_its_initial() {
    assert_eq!(
        names("The man, named only as Pietro V., told police."),
        ["Pietro V."]
    );
    assert_eq!(
        names("The clerk Dieter K and a driver were held."),
        ["Dieter K"]
    );
    // A middle initial still joins the surname after it.
    assert_eq!(
        names("They named him as Pietro V. Orsolan."),
        ["Pietro V. Orsolan"]
    );
    // The pronoun is no initial.
    assert!(
        names("Then Pietro I think left.")
            .iter()
            .all(|n| n != "Pietro I")
    );
}

#[test]
fn initials_before_a_particle_open_the_name() {
    assert_eq!(
        names("Former leader J.W. van Tamm spoke."),
        ["J.W. van Tamm"]
    );
}

#[test]
fn a_name_that_is_a_whole_quotation_is_no_person() {
    let s = hits("Sales were the best since the film \"Velmar Dawn\".");
    let h = s.hits.iter().find(|h| h.entity.is_none()).unwrap();
    assert!(h.weak);
    // Nor with a known given name.
    assert!(names("He starred in \u{201c}Hugo Valdane\u{201d}, a comedy.").is_empty());
    // A title still makes a person.
    assert_eq!(
        names("They quoted \"Senator Ilse Marrow\" as saying so."),
        ["Ilse Marrow"]
    );
    // A name inside a longer quotation is read as usual.
    assert_eq!(names("\"Ivo Tamm said no,\" she said."), ["Ivo Tamm"]);
}
