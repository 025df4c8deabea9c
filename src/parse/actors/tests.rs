//! Behaviour of the whole actors stage on made-up text.

use super::*;
use crate::model::{Article, MentionKind};

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
        locals.push(extract(t, &sentences));
        arts.push(Article {
            id: i as u32,
            raw: t.to_string(),
            sentences,
            ..Default::default()
        });
    }
    let actors = merge(&mut arts, locals);
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
