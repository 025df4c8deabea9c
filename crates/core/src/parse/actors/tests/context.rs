//! Kinds from the words around a name: a town before its state, the
//! partners of a firm, firms named after people, religious honorifics and
//! two-word demonyms.

use super::*;
use crate::parse::actors::names;

/// The evidence the scanner gives the name `name` of sentence `text`.
fn evidence(text: &str, name: &str) -> names::Evidence {
    let s = names::scan(text, 0, lx(), &|_| false);
    s.hits
        .iter()
        .find(|h| &text[h.start..h.end] == name)
        .unwrap_or_else(|| panic!("no hit {name} in {text}"))
        .ev
}

#[test]
fn a_town_before_its_state_or_country_is_a_place() {
    let (arts, actors) = run(&[
        "The fund is run by Quarry Partners of Velmont Park, Calif., its founder said.\n\
         Frost was reported at Dorrin Falls, Alberta.\n\
         Snow fell on Kessing Ford, N.J.\n\
         VELMAR 2024-05-01\n\
         Tarn Hollow, Texas 2024-05-01\n\
         Hugo Valdane said the harvest was late.",
    ]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert_eq!(people, ["Hugo Valdane"]);
    for town in [
        "Velmont Park",
        "Dorrin Falls",
        "Kessing Ford",
        "Tarn Hollow",
    ] {
        assert_eq!(actor(&actors, town).kind, ActorKind::Place, "{town}");
    }
}

#[test]
fn a_name_before_a_country_stays_a_person_when_more_says_so() {
    // A given name opens it: a person from there.
    assert_eq!(
        evidence("Hugo Valdane, Kenya, won the race.", "Hugo Valdane").place,
        0
    );
    // A time after the country: a result's athlete.
    assert_eq!(evidence("2. Reknes, Norway, 3:32.01", "Reknes").place, 0);
    // No full stop after a state's abbreviation: no abbreviation.
    assert_eq!(
        evidence("They met Orvik Tamsin, Ark of the fund.", "Orvik Tamsin").place,
        0
    );
    // A title makes a person wherever they come from.
    let ev = evidence("Mayor Orvik Tamsin, Texas, said no.", "Orvik Tamsin");
    assert_eq!(ev.place, 0);
    assert!(ev.person >= 3);
}

#[test]
fn the_partners_of_a_firm_are_an_organisation() {
    let (arts, actors) = run(&["Brask Quist & Pellin said it would cut its forecast.\n\
         The unit was sold to Halvard Dorne & Co. last year.\n\
         Lead manager is Velm Harlow and Co Inc.\n\
         Tomas Reknes and Hugo Valdane said the deal was done."]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert_eq!(people, ["Hugo Valdane", "Tomas Reknes"]);
    let orgs = names_of(&arts, &actors, ActorKind::Organisation);
    for firm in ["Brask Quist", "Pellin", "Halvard Dorne", "Velm Harlow"] {
        assert!(orgs.iter().any(|o| o == firm), "{firm} not in {orgs:?}");
    }
}

#[test]
fn firms_named_after_people_are_known_organisations() {
    let (arts, actors) = run(&["Analysts at Kidder Peabody said shares would rise."]);
    assert!(names_of(&arts, &actors, ActorKind::Person).is_empty());
    assert_eq!(
        actor(&actors, "Kidder Peabody").kind,
        ActorKind::Organisation
    );
}

#[test]
fn sister_and_brother_before_a_name_are_honorifics() {
    let (arts, actors) =
        run(&["Sister Maren Olsk, 52, and Brother Tiago Velmaro, 28, were freed on Monday."]);
    let people = names_of(&arts, &actors, ActorKind::Person);
    assert_eq!(people, ["Maren Olsk", "Tiago Velmaro"]);
}

#[test]
fn two_word_demonyms_are_not_people() {
    let people = people_in(
        "A Costa Rican court freed Sierra Leonean rebels and a Puerto Rican girl.\n\
         Most Montserratians wanted to stay, Ilse Marrow said.",
    );
    assert_eq!(people, ["Ilse Marrow"]);
}
