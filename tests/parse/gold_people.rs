//! People in the seed articles against the hand-made gold
//! (`tests/seeds.gold.json`, see the gold README "How a test should match a
//! mention"): a parser person mention is correct when its span overlaps a
//! gold mention (name or role anaphor) of the same person, the parser actor
//! being mapped to the gold person most of its mentions overlap.

use dateline::model::{ActorKind, Corpus};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

struct GoldMention {
    person: String,
    start: u32,
    end: u32,
    name: bool,
}

fn gold() -> Vec<Value> {
    let text = std::fs::read_to_string("tests/seeds.gold.json").expect("gold file");
    serde_json::from_str::<Value>(&text)
        .expect("gold json")
        .as_array()
        .expect("array")
        .clone()
}

fn gold_mentions(rec: &Value) -> Vec<GoldMention> {
    let mut out = Vec::new();
    for p in rec["people"].as_array().into_iter().flatten() {
        let id = p["id"].as_str().unwrap_or("").to_string();
        for m in p["mentions"].as_array().into_iter().flatten() {
            out.push(GoldMention {
                person: id.clone(),
                start: m["byte_start"].as_u64().unwrap_or(0) as u32,
                end: m["byte_end"].as_u64().unwrap_or(0) as u32,
                name: m["kind"] == "name",
            });
        }
    }
    out
}

fn corpus() -> Corpus {
    dateline::open(&[PathBuf::from("seeds")])
}

/// Parser actor -> gold person, by majority of overlapping mentions.
fn mapping(c: &Corpus, gold: &[Value]) -> HashMap<u32, String> {
    let mut votes: HashMap<u32, HashMap<String, u32>> = HashMap::new();
    for a in &c.articles {
        let Some(rec) = gold.iter().find(|g| g["file"] == a.file_name().as_str()) else {
            continue;
        };
        let gm = gold_mentions(rec);
        for m in &a.mentions {
            for g in gm
                .iter()
                .filter(|g| g.start < m.span.end && m.span.start < g.end)
            {
                *votes
                    .entry(m.actor)
                    .or_default()
                    .entry(g.person.clone())
                    .or_default() += 1;
            }
        }
    }
    votes
        .into_iter()
        .filter_map(|(a, v)| v.into_iter().max_by_key(|(_, n)| *n).map(|(p, _)| (a, p)))
        .collect()
}

#[test]
fn people_precision_and_recall() {
    let c = corpus();
    let gold = gold();
    let map = mapping(&c, &gold);
    let (mut tp, mut found) = (0usize, 0usize);
    let (mut hit, mut total) = (0usize, 0usize);
    let mut misses = Vec::new();
    let mut wrong = Vec::new();
    for a in &c.articles {
        let Some(rec) = gold.iter().find(|g| g["file"] == a.file_name().as_str()) else {
            continue;
        };
        let gm = gold_mentions(rec);
        let persons: Vec<_> = a
            .mentions
            .iter()
            .filter(|m| c.actor(m.actor).kind == ActorKind::Person)
            .collect();
        for m in &persons {
            found += 1;
            let ok = map.get(&m.actor).is_some_and(|p| {
                gm.iter()
                    .any(|g| &g.person == p && g.start < m.span.end && m.span.start < g.end)
            });
            if ok {
                tp += 1;
            } else {
                wrong.push(format!(
                    "{} {:?} {}",
                    a.file_name(),
                    a.text(m.span),
                    c.actor(m.actor).name
                ));
            }
        }
        for g in &gm {
            total += 1;
            let ok = persons.iter().any(|m| {
                map.get(&m.actor) == Some(&g.person) && g.start < m.span.end && m.span.start < g.end
            });
            if ok {
                hit += 1;
            } else {
                let text = a.raw.get(g.start as usize..g.end as usize).unwrap_or("");
                misses.push(format!("{} {:?} ({})", a.file_name(), text, g.person));
            }
        }
    }
    let precision = tp as f64 / found.max(1) as f64;
    let recall = hit as f64 / total.max(1) as f64;
    println!("people precision {precision:.3} ({tp}/{found}), recall {recall:.3} ({hit}/{total})");
    println!("wrong: {wrong:#?}");
    println!("missed: {misses:#?}");
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
}

#[test]
fn every_gold_person_is_one_actor() {
    let c = corpus();
    let gold = gold();
    let mut actors_of: HashMap<String, HashSet<u32>> = HashMap::new();
    for a in &c.articles {
        let Some(rec) = gold.iter().find(|g| g["file"] == a.file_name().as_str()) else {
            continue;
        };
        for g in gold_mentions(rec).iter().filter(|g| g.name) {
            for m in a
                .mentions
                .iter()
                .filter(|m| g.start < m.span.end && m.span.start < g.end)
            {
                if c.actor(m.actor).kind == ActorKind::Person {
                    actors_of
                        .entry(g.person.clone())
                        .or_default()
                        .insert(m.actor);
                }
            }
        }
    }
    let mut split = Vec::new();
    for rec in &gold {
        for p in rec["people"].as_array().into_iter().flatten() {
            let id = p["id"].as_str().unwrap_or("");
            let n = actors_of.get(id).map_or(0, HashSet::len);
            if n != 1 {
                split.push(format!("{id}: {n} actors"));
            }
        }
    }
    split.sort();
    split.dedup();
    assert!(
        split.is_empty(),
        "gold people not merged into one actor: {split:?}"
    );
    // And every name form is an alias of that actor.
    for rec in &gold {
        for p in rec["people"].as_array().into_iter().flatten() {
            let id = p["id"].as_str().unwrap_or("");
            let Some(&actor) = actors_of.get(id).and_then(|s| s.iter().next()) else {
                continue;
            };
            let aliases = &c.actor(actor).aliases;
            for f in p["name_forms"].as_array().into_iter().flatten() {
                let f = f.as_str().unwrap_or("");
                assert!(
                    aliases.iter().any(|a| a == f),
                    "{id}: form {f:?} not among aliases {aliases:?}"
                );
            }
        }
    }
}

#[test]
fn boilerplate_people_are_not_reported() {
    let c = corpus();
    let gold = gold();
    let article_people: HashSet<String> = gold
        .iter()
        .flat_map(|r| r["people"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p["name"].as_str().map(str::to_string))
        .collect();
    for a in &c.articles {
        let Some(rec) = gold.iter().find(|g| g["file"] == a.file_name().as_str()) else {
            continue;
        };
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(a.raw.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        for bp in rec["boilerplate_people"].as_array().into_iter().flatten() {
            for line in bp["lines"].as_array().into_iter().flatten() {
                let l = line.as_u64().unwrap_or(0) as usize;
                let (s, e) = (
                    line_starts.get(l.wrapping_sub(1)).copied().unwrap_or(0),
                    line_starts.get(l).copied().unwrap_or(a.raw.len()),
                );
                for m in &a.mentions {
                    assert!(
                        !(m.span.start as usize >= s && (m.span.end as usize) <= e),
                        "{}: mention {:?} on boilerplate line {l}",
                        a.file_name(),
                        a.text(m.span)
                    );
                }
            }
            let name = bp["name"].as_str().unwrap_or("");
            if !article_people.contains(name) {
                assert!(
                    !c.actors
                        .iter()
                        .any(|x| x.aliases.iter().any(|al| al == name)),
                    "boilerplate person {name} reported as an actor"
                );
            }
        }
    }
}
