//! Behaviour of the whole actors stage on made-up text.

use super::*;
use crate::model::{Article, MentionKind};

/// The builtin lexicon the stage reads with.
fn lx() -> &'static Lexicon {
    Lexicon::builtin_for_tests()
}

/// Runs extract + merge over articles given as one sentence per line.
fn run(texts: &[&str]) -> (Vec<Article>, Vec<crate::model::Actor>) {
    let mut arts = Vec::new();
    let mut locals = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        let mut sentences = Vec::new();
        let mut pos = 0;
        for line in t.split('\n') {
            if !line.trim().is_empty() {
                sentences.push(Span::new(pos, pos + line.len()));
            }
            pos += line.len() + 1;
        }
        locals.push(extract(lx(), t, &sentences));
        arts.push(Article {
            id: i as u32,
            raw: t.to_string(),
            sentences: sentences.into(),
            ..Default::default()
        });
    }
    let actors = merge(lx(), &mut arts, locals);
    (arts, actors)
}

fn surfaces(a: &Article, actors: &[crate::model::Actor], name: &str) -> Vec<String> {
    a.mentions
        .iter()
        .filter(|m| actors[m.actor as usize].name == name)
        .map(|m| a.text(m.span).to_string())
        .collect()
}

fn actor<'a>(actors: &'a [crate::model::Actor], name: &str) -> &'a crate::model::Actor {
    actors.iter().find(|a| a.name == name).unwrap_or_else(|| {
        panic!(
            "no actor {name}: {:?}",
            actors.iter().map(|a| &a.name).collect::<Vec<_>>()
        )
    })
}

#[test]
fn titles_and_surnames() {
    let (arts, actors) =
        run(&["Sylvanian Foreign Minister Ivo Tamm met reporters.\nTamm said the talks failed."]);
    let tamm = actor(&actors, "Ivo Tamm");
    assert_eq!(tamm.kind, ActorKind::Person);
    assert_eq!(tamm.role.as_deref(), Some("Sylvanian Foreign Minister"));
    assert_eq!(
        surfaces(&arts[0], &actors, "Ivo Tamm"),
        ["Ivo Tamm", "Tamm"]
    );
}

fn names_of(arts: &[Article], actors: &[crate::model::Actor], kind: ActorKind) -> Vec<String> {
    let mut v: Vec<String> = arts
        .iter()
        .flat_map(|a| a.mentions.iter())
        .filter(|m| actors[m.actor as usize].kind == kind)
        .map(|m| actors[m.actor as usize].name.clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn name_shapes_particles_initials_hyphens_diacritics() {
    let (arts, actors) = run(&[
        "Commission President Ursula von der Lehn met JD Quint and Jean-Marc Ødegård-Ruiz in Oslo.\nLater Micheál Ó Briain joined them, said al-Rashid's aide Omar al-Rashid.",
    ]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    for want in [
        "Ursula von der Lehn",
        "JD Quint",
        "Jean-Marc Ødegård-Ruiz",
        "Micheál Ó Briain",
        "Omar al-Rashid",
    ] {
        assert!(people.iter().any(|p| p == want), "{want} not in {people:?}");
    }
    assert_eq!(actor(&actors, "Oslo").kind, ActorKind::Place);
}

#[test]
fn possessives_with_either_apostrophe_are_name_mentions() {
    let (arts, actors) = run(&[
        "Envoy Pia Lindqvist arrived.\nLindqvist's plane was late and Lindqvist\u{2019}s aides waited.",
    ]);
    assert_eq!(
        surfaces(&arts[0], &actors, "Pia Lindqvist"),
        ["Pia Lindqvist", "Lindqvist", "Lindqvist"]
    );
}

#[test]
fn sentence_openers_months_weekdays_and_adjectives_are_not_actors() {
    let (arts, actors) = run(&[
        "Officials said on Monday that Norwegian troops had left.\nClashes continued in March, and Meanwhile nothing changed.\nFollowing the vote, Analysts were surprised.",
    ]);
    let all: Vec<&str> = arts[0]
        .mentions
        .iter()
        .map(|m| actors[m.actor as usize].name.as_str())
        .collect();
    assert!(all.is_empty(), "no actors expected, got {all:?}");
}

#[test]
fn headline_case_sentences_give_no_new_people() {
    let (arts, actors) =
        run(&["Rainbow Harvest Festival Draws Record Crowds To Velm Valley Again"]);
    assert!(names_of(&arts, &actors, ActorKind::Person).is_empty());
}

/// The people `extract_beyond_body` finds in `text`, its first line the
/// page's headline and the rest its body, one sentence per line.
fn people_under_headline(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        sentences.push(Span::new(pos, pos + line.len()));
        pos += line.len() + 1;
    }
    let title = sentences[0];
    let body: Vec<Span> = sentences[1..].to_vec();
    let mut all = body.clone();
    all.push(title);
    let local = extract_beyond_body(lx(), text, &all, body.len(), false, Some(title));
    let mut arts = vec![Article {
        raw: text.to_string(),
        sentences: body.into(),
        outside: vec![title].into(),
        ..Default::default()
    }];
    let actors = merge(lx(), &mut arts, vec![local]);
    names_of(&arts, &actors, ActorKind::Person)
}

#[test]
fn a_short_title_case_headline_names_no_one_without_evidence() {
    let body = "The harbour board said on Monday that work would start in May.";
    for headline in [
        "Harbour Deal Signed",
        "Ferry Strike Ends",
        "Council Vote Delayed Again",
    ] {
        let people = people_under_headline(&format!("{headline}\n{body}"));
        assert!(people.is_empty(), "{headline}: {people:?}");
    }
    // A person the headline names with a given name, or whom the body
    // names, is still a person.
    let people =
        people_under_headline("Orla Venn Wins Harbour Seat\nOrla Venn won the seat on Monday.");
    assert_eq!(people, ["Orla Venn"]);
}

#[test]
fn spelling_variants_merge_across_articles() {
    let (_, actors) = run(&[
        "Foreign Minister Sergei Orlov spoke.\nOrlov said no.",
        "Sergey Orlov, the Ruritanian envoy, left.",
        "President Volodymyr Tammsaare spoke.",
        "President Volodomyr Tammsaare and President Volodymyr Tammsaarre spoke.",
    ]);
    let orlov = actor(&actors, "Sergei Orlov");
    assert!(
        orlov.aliases.iter().any(|a| a == "Sergey Orlov"),
        "{:?}",
        orlov.aliases
    );
    let t = actors
        .iter()
        .filter(|a| a.aliases.iter().any(|x| x.contains("Tammsaar")))
        .count();
    assert_eq!(t, 1, "one Tammsaare");
}

#[test]
fn shared_first_or_surnames_stay_apart() {
    let (arts, actors) = run(&[
        "President Vladimir Kask met his aide, Vladimir Medin.\nKask said little.",
        "Ola Berg and Ivo Berg are brothers.",
        "Critics wrote to President Vladimir Kask.\n\u{201c}Vladimir, stop!\u{201d} they said.",
    ]);
    assert_ne!(
        actor(&actors, "Vladimir Kask").id,
        actor(&actors, "Vladimir Medin").id
    );
    assert_ne!(actor(&actors, "Ola Berg").id, actor(&actors, "Ivo Berg").id);
    // A lone first name with one bearer in the article is that person.
    assert_eq!(
        surfaces(&arts[2], &actors, "Vladimir Kask"),
        ["Vladimir Kask", "Vladimir"]
    );
    // With two Vladimirs in the article, "Kask" still finds the right one.
    assert_eq!(
        surfaces(&arts[0], &actors, "Vladimir Kask"),
        ["Vladimir Kask", "Kask"]
    );
}

#[test]
fn role_references_resolve_to_the_one_holder() {
    let (arts, actors) = run(&[
        "Chilean President Rosa Amaral met Norwegian President Ivar Dahl.\nThe Norwegian president said the talks went well.\nNorway\u{2019}s president left early, the spokesperson said.",
    ]);
    let dahl = surfaces(&arts[0], &actors, "Ivar Dahl");
    assert_eq!(
        dahl,
        [
            "Ivar Dahl",
            "The Norwegian president",
            "Norway\u{2019}s president"
        ]
    );
    assert!(arts[0].mentions.iter().any(|m| m.kind == MentionKind::Role));
    // Nobody is a spokesperson here: no mention for "the spokesperson".
    assert!(
        !arts[0]
            .mentions
            .iter()
            .any(|m| arts[0].text(m.span) == "the spokesperson")
    );
}

#[test]
fn ambiguous_role_references_stay_unresolved() {
    let (arts, _) = run(&[
        "President Rosa Amaral met President Ivar Dahl.\nThe president said the talks went well.",
    ]);
    assert!(!arts[0].mentions.iter().any(|m| m.kind == MentionKind::Role));
}

#[test]
fn counterparts_and_generic_officials() {
    let (arts, actors) = run(&[
        "Chilean Foreign Minister Rosa Amaral and Norwegian Defence Minister Ivar Dahl met Norwegian Foreign Minister Kari Lunde.\nAmaral told her Norwegian counterpart that Lunde was right.\nAmaral spoke to Dahl at the Norwegian official's request.",
    ]);
    assert_eq!(
        surfaces(&arts[0], &actors, "Kari Lunde"),
        ["Kari Lunde", "her Norwegian counterpart", "Lunde"]
    );
    assert_eq!(
        surfaces(&arts[0], &actors, "Ivar Dahl"),
        ["Ivar Dahl", "Dahl", "the Norwegian official"]
    );
}

#[test]
fn places_and_organisations_from_context() {
    let (arts, actors) = run(&[
        "A drone hit the city of Ostrovka and Velmograd, near Balkovo.\nThe ZKT network and the Velm Group said Gorski Trust would pay.",
    ]);
    let places = names_of(&arts, &actors, ActorKind::Place);
    for p in ["Ostrovka", "Velmograd", "Balkovo"] {
        assert!(places.iter().any(|x| x == p), "{p} not in {places:?}");
    }
    let orgs = names_of(&arts, &actors, ActorKind::Organisation);
    for o in ["ZKT", "Velm Group", "Gorski Trust"] {
        assert!(orgs.iter().any(|x| x == o), "{o} not in {orgs:?}");
    }
    assert!(names_of(&arts, &actors, ActorKind::Person).is_empty());
}

#[test]
fn odd_text_never_panics() {
    let odd = [
        "",
        "'s",
        "A",
        "The the The",
        "\u{201c}\u{201d}",
        "Mr.",
        "von der",
        "Ola Berg, ",
        ", the president",
        "Ola Berg's, the",
        "– or Prime Minister –",
        "U.S.-",
        "x-Y-z al- al-",
        "\u{0301}\u{0301}Á",
        "President",
        "the Russian president's",
    ];
    for t in odd {
        let _ = run(&[t]);
    }
    // Spans out of range or off char boundaries are skipped, not panicked on.
    let raw = "Ølav Berg";
    let _ = extract(lx(), raw, &[Span::new(1, 4), Span::new(0, 100)]);
}

#[test]
fn lower_words_set_agrees_with_search() {
    let raw = "Dawn broke over Velmar. the dawn patrol left.\nWell-known names: o'neil, u.s. aid, Marta.\nMarta said dawn-raid talks ended.";
    let mut sentences = Vec::new();
    let mut pos = 0;
    for line in raw.split('\n') {
        sentences.push(Span::new(pos, pos + line.len()));
        pos += line.len() + 1;
    }
    let searched = LowerWords::new(raw, &sentences);
    let indexed = LowerWords::new(raw, &sentences);
    indexed.searches_left.set(0);
    for k in [
        "dawn",
        "patrol",
        "well",
        "known",
        "o'neil",
        "u.s.",
        "aid",
        "marta",
        "raid",
        "dawn-raid",
        "velmar",
        "talk",
        "ended",
        "",
    ] {
        assert_eq!(searched.contains(k), indexed.contains(k), "{k:?}");
    }
    assert!(indexed.contains("dawn"));
    assert!(!indexed.contains("marta"));
}

#[test]
fn a_long_run_of_names_is_found_piece_by_piece() {
    // One "sentence" far longer than prose: each name is still found.
    let mut text = String::new();
    for i in 0..2000 {
        text.push_str(&format!("Delegate Aino Virta{} spoke, ", i % 7));
    }
    let sentences = [Span::new(0, text.len())];
    let found = extract(lx(), &text, &sentences);
    assert!(found.mentions.len() >= 1500, "{}", found.mentions.len());
}

fn people_in(text: &str) -> Vec<String> {
    let (arts, actors) = run(&[text]);
    names_of(&arts, &actors, ActorKind::Person)
}

#[test]
fn a_known_given_name_makes_a_person_of_an_unknown_name() {
    let people = people_in(
        "The parcel was left at Haruto Okabe yesterday.\nThe girl, identified only as Greta, was found at the port.\nThe cup went to a crew at Kenji Tamsin's yard.",
    );
    for want in ["Haruto Okabe", "Greta", "Kenji Tamsin"] {
        assert!(people.iter().any(|p| p == want), "{want} not in {people:?}");
    }
    // A headline's capitals with no given name stay unproven.
    let people = people_in("Velmar Harbour Plans Bring Ostrova Protest\nNothing else.");
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn storms_cups_and_number_words_are_not_people() {
    let people = people_in(
        "Storm Agnes hit the coast on Monday.\nThe Stanley Cup final was moved.\nTwo officials said the Velmar Open would go ahead.\nVeterans of World War Two marched.",
    );
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn products_and_their_editions_are_not_people() {
    let text = "Buyers queued for the Quellphone Pro in Velmar on Monday, Ilse Marrow said.\nThe Harbourbox Mini sold out, and the Ostrova Founder's Edition came with a Harbourbox controller.\nThe Velmar Channel showed the queue.";
    let (arts, actors) = run(&[text]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert_eq!(people, ["Ilse Marrow"]);
    let orgs = names_of(&arts, &actors, ActorKind::Organisation);
    assert!(orgs.iter().any(|o| o == "Velmar Channel"), "{orgs:?}");
}

#[test]
fn clubs_results_and_standings_lines_are_teams_not_people() {
    let people = people_in(
        "Ostrova Rovers 2 Velm Harbour 1\nBrandvik Athletic 3 1 2 0 7 4 5\nFC Kelso beat Dynamo Orvik on Sunday.\n-- Velmar Newsroom +44 171 542 7658",
    );
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn players_in_score_lists_stay_people() {
    let people = people_in(
        "66 Tomas Reknes, Hugo Valdane (Norland)\nKell Ostrava 2 (Ivo Brask 25th, Lars Pellin 60th) Orvik 1\nArno Kestel (Velmar) beat Ugo Tarrant 6-3 6-4",
    );
    for want in [
        "Tomas Reknes",
        "Hugo Valdane",
        "Ivo Brask",
        "Lars Pellin",
        "Arno Kestel",
        "Ugo Tarrant",
    ] {
        assert!(people.iter().any(|p| p == want), "{want} not in {people:?}");
    }
}

#[test]
fn a_city_after_a_given_name_is_a_surname() {
    let (arts, actors) = run(&["Ann Sydney told reporters she would stay in Sydney."]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert_eq!(people, ["Ann Sydney"]);
    assert_eq!(actor(&actors, "Sydney").kind, ActorKind::Place);
}

#[test]
fn line_ups_scorers_and_scorecards_are_people() {
    let people = people_in(
        "Defenders - Oskar Brandvik, Tiago Velmaro, Ugo Tarrant, Dimo Kestel.\nKell Ostrava 2 (Brask 25th, Pellin (60th)) Orvik 1\nArno Kestel c Horvath b Lindqvist 35\nVarga 3-0-17-0, Moreau 2-1-9-0",
    );
    for want in [
        "Oskar Brandvik",
        "Tiago Velmaro",
        "Ugo Tarrant",
        "Dimo Kestel",
        "Brask",
        "Pellin",
        "Horvath",
        "Lindqvist",
        "Varga",
        "Moreau",
    ] {
        assert!(people.iter().any(|p| p == want), "{want} not in {people:?}");
    }
}

#[test]
fn a_golfers_rounds_are_not_a_results_line() {
    let people = people_in("283 Tomas Reknes 72 69 74 68, Hugo Valdane 72 70 73 68");
    for want in ["Tomas Reknes", "Hugo Valdane"] {
        assert!(people.iter().any(|p| p == want), "{want} not in {people:?}");
    }
}

#[test]
fn a_lone_word_with_no_evidence_is_not_another_articles_person() {
    let (arts, actors) = run(&[
        "Envoy Dana Power arrived in Velm on Monday.\nPower said the talks would go on.",
        "Power prices rose sharply.\nHolm 3 Brandvik 1",
    ]);
    assert_eq!(
        surfaces(&arts[0], &actors, "Dana Power"),
        ["Dana Power", "Power"]
    );
    assert!(surfaces(&arts[1], &actors, "Dana Power").is_empty());
}

#[test]
fn articles_saints_and_ethnic_adjectives_do_not_open_a_persons_name() {
    let people = people_in(
        "Le Velmarois reported that St Orvik beat Red Kestrel.\nChechen fighters and Tamil groups met.",
    );
    assert!(people.is_empty(), "{people:?}");
}

/// The names of people in `actors`, sorted.
fn people(actors: &[crate::model::Actor]) -> Vec<&str> {
    let mut v: Vec<&str> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    v.sort_unstable();
    v
}

#[test]
fn ranks_and_honorifics_are_roles_not_part_of_the_name() {
    let (_, actors) = run(&["Doctor Ravel Ondimba said the ward was full.\n\
         Senior Sergeant Tomas Verlin said the boat was found.\n\
         Monsignor Aurel Vintila visited the camp."]);
    assert_eq!(
        people(&actors),
        ["Aurel Vintila", "Ravel Ondimba", "Tomas Verlin"]
    );
    assert_eq!(
        actor(&actors, "Tomas Verlin").role.as_deref(),
        Some("Senior Sergeant")
    );
    // A rank only in capitals: "inspector" in lower case is no title.
    let (_, actors) = run(&["The inspector Tomas Verlin said the boat was found."]);
    assert_eq!(people(&actors), ["Tomas Verlin"]);
}

#[test]
fn sentence_openers_are_not_glued_to_names() {
    let (_, actors) = run(&["Although Dravic scored first, the visitors lost.\n\
         Regrettably Ivo Brask has left the club.\n\
         Lawyer Cesare dal Monte told the court he would appeal."]);
    let names = people(&actors);
    assert!(names.contains(&"Ivo Brask"), "{names:?}");
    assert!(names.contains(&"Cesare dal Monte"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("Although") || n.starts_with("Regrettably")),
        "{names:?}"
    );
    // A name of that shape is still a name: "Beverly" is a given name.
    let (_, actors) = run(&["Beverly Okafor chaired the meeting on Tuesday."]);
    assert_eq!(people(&actors), ["Beverly Okafor"]);
}

#[test]
fn a_capitals_headline_names_only_people_met_in_mixed_case() {
    let (arts, actors) = run(&["MORETTI RETURNS FOR ITALY AFTER INJURY.\n\
         Paolo Moretti played for Italy on Sunday."]);
    assert_eq!(people(&actors), ["Paolo Moretti"]);
    assert_eq!(
        surfaces(&arts[0], &actors, "Paolo Moretti"),
        ["MORETTI", "Paolo Moretti"]
    );
    // Headline words are never actors of any kind.
    for word in ["RETURNS", "INJURY", "Returns", "Injury"] {
        assert!(!actors.iter().any(|a| a.name == word), "{word}");
    }
    // Without the name in mixed case, a capitals word is nobody.
    let (_, actors) = run(&["SOCCER - VELMAR BEAT OSTROVA 2-1."]);
    assert_eq!(people(&actors), Vec::<&str>::new());
}

#[test]
fn a_company_noun_before_a_name_makes_it_an_organisation() {
    let (arts, actors) = run(&[
        "Traders said investment bank Velmor Quist cut its forecast.\n\
         The consulting firm Ostrava Brandt said costs rose.\n\
         Analyst Tomas Quill said shares fell.",
    ]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert!(people.contains(&"Tomas Quill".to_string()), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("Quist")), "{people:?}");
    assert!(!people.iter().any(|p| p.contains("Brandt")), "{people:?}");
    // A title still makes a person: "bank chairman Ilse Marrow".
    let (arts, actors) = run(&["The bank chairman Ilse Marrow said rates would stay."]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert!(people.contains(&"Ilse Marrow".to_string()), "{people:?}");
}

#[test]
fn a_titled_name_is_also_known_without_its_title() {
    let (_, actors) = run(&["King Oskarin left Velmar on Friday for a visit.\n\
         Lt. Ode Lind said the boat ran out of fuel."]);
    let king = actor(&actors, "King Oskarin");
    assert!(king.aliases.iter().any(|a| a == "Oskarin"), "{king:?}");
    let lind = actors
        .iter()
        .find(|a| a.aliases.iter().any(|x| x == "Ode Lind"))
        .expect("Ode Lind");
    assert_eq!(lind.kind, ActorKind::Person);
    assert!(
        !lind.aliases.iter().any(|a| a.starts_with("Lt")),
        "{lind:?}"
    );
}

#[test]
fn firms_bodies_and_illnesses_by_their_last_word_are_not_people() {
    let (arts, actors) = run(&["Brandt Quist Partners said it would sell the unit.\n\
         The Velmar Observatory said the quake was small.\n\
         Doctors said Halvard Disease was rare.\n\
         Tomas Quill said the sale was done."]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert_eq!(people, ["Tomas Quill"]);
}

#[test]
fn a_form_has_as_many_words_as_white_space_splits_it_into() {
    for f in [
        "",
        " ",
        "Ivo",
        "Ivo Brask",
        "  Ivo \t Brask\n",
        "Ivo\u{b}Brask\u{c}Tamm\r",
        "Jean-Noel  de la Tour ",
        "Micheál Ó Sé",
        "Ivo\u{a0}Brask",
        "Ivo\u{1f}Brask",
    ] {
        assert_eq!(group::word_count(f), f.split_whitespace().count(), "{f:?}");
    }
}

mod context;
