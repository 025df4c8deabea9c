//! An article about people no data file knows: names, aliases, titles and
//! role references must all come from the general rules.

use dateline::model::{ActorKind, Corpus, MentionKind};
use std::path::PathBuf;

const ARTICLE: &str = "Harbour dispute deepens in Velmora

Deputy Harbour Commissioner Ilse Varkonyi-Brandt said on Tuesday that the port of Ostrava Nova would close to foreign ships.
Shipping magnate Tomasz Quellwater, the chairman of the Quellwater Line, called the decision reckless.
\u{201c}We will not be bullied,\u{201d} Varkonyi-Brandt told reporters in Velmora.
The commissioner added that talks with Quellwater\u{2019}s company had failed twice.
Quellwater's lawyers said they would appeal, and Tomasz is expected to meet Mayor Petra Okonjo-Ilves on Friday.
Okonjo-Ilves declined to comment.
";

fn corpus() -> Corpus {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("made_up.txt");
    std::fs::write(&path, ARTICLE).expect("write");
    let c = dateline::open(&[PathBuf::from(&path)]);
    drop(dir);
    c
}

fn surfaces(c: &Corpus, name: &str) -> Vec<(String, MentionKind)> {
    let a = &c.articles[0];
    a.mentions
        .iter()
        .filter(|m| c.actor(m.actor).name == name)
        .map(|m| (a.text(m.span).to_string(), m.kind))
        .collect()
}

#[test]
fn made_up_people_aliases_and_roles_are_found() {
    let c = corpus();
    let people: Vec<&str> = c
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| a.name.as_str())
        .collect();
    for want in [
        "Ilse Varkonyi-Brandt",
        "Tomasz Quellwater",
        "Petra Okonjo-Ilves",
    ] {
        assert!(people.contains(&want), "{want} missing from {people:?}");
    }
    assert_eq!(people.len(), 3, "only the three people: {people:?}");

    let ilse = surfaces(&c, "Ilse Varkonyi-Brandt");
    assert_eq!(
        ilse,
        vec![
            ("Ilse Varkonyi-Brandt".to_string(), MentionKind::Name),
            ("Varkonyi-Brandt".to_string(), MentionKind::Name),
            ("The commissioner".to_string(), MentionKind::Role),
        ]
    );
    let tomasz = surfaces(&c, "Tomasz Quellwater");
    let forms: Vec<&str> = tomasz.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        forms,
        ["Tomasz Quellwater", "Quellwater", "Quellwater", "Tomasz"],
        "full name, possessives (curly and straight) and the lone first name"
    );
    let okonjo = surfaces(&c, "Petra Okonjo-Ilves");
    assert_eq!(okonjo.len(), 2);

    let role = |n: &str| {
        c.actors
            .iter()
            .find(|a| a.name == n)
            .and_then(|a| a.role.clone())
    };
    assert_eq!(
        role("Ilse Varkonyi-Brandt").as_deref(),
        Some("Deputy Harbour Commissioner")
    );
    assert_eq!(role("Petra Okonjo-Ilves").as_deref(), Some("Mayor"));
    assert!(
        role("Tomasz Quellwater").is_some_and(|r| r.contains("magnate") || r.contains("chairman")),
        "role from the title or the appositive"
    );
}

#[test]
fn made_up_places_are_places_and_headline_words_are_not_actors() {
    let c = corpus();
    let kind = |n: &str| c.actors.iter().find(|a| a.name == n).map(|a| a.kind);
    assert_eq!(kind("Velmora"), Some(ActorKind::Place));
    for not in ["Harbour", "Shipping", "Tuesday", "Friday", "Deputy", "The"] {
        assert!(kind(not).is_none(), "{not} must not be an actor");
    }
}

#[test]
fn cli_finds_the_made_up_actor_by_any_alias() {
    let c = corpus();
    for q in ["varkonyi-brandt", "ILSE VARKONYI-BRANDT", "Varkonyi-Brandt"] {
        let id = dateline::query::find_actor(&c, q).expect("found");
        assert_eq!(c.actor(id).name, "Ilse Varkonyi-Brandt");
    }
}
