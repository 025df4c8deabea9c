//! Kinds from the words around a name and from the lexicon: firms named
//! after people, religious honorifics and two-word demonyms.

use super::*;

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
    let (arts, actors) = run(&[
        "Sister Maren Olsk, 52, and Brother Tiago Velmaro, 28, were freed on Monday.",
    ]);
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
