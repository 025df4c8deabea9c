//! `update` tests for searching and for following an actor (the picker,
//! stepping through mentions, the filter), without a terminal, on the
//! hand-made corpus of `tui_update`.

use crate::tui_common::*;
use crate::tui_update::{run, setup, typed};
use dateline::tui::action::Action;
use dateline::tui::app::{AppState, HitMode, Overlay};
use dateline::tui::status::follow_label;
use dateline::tui::update::update;

#[test]
fn search_is_smart_case_and_steps_across_articles() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "truce");
    update(&mut s, &c, Action::Submit);
    assert_eq!(s.hit_mode, HitMode::Search);
    let hit = s.search.as_ref().unwrap().hit.unwrap();
    assert_eq!(hit.article, 1);
    update(&mut s, &c, Action::NextHit);
    let hit2 = s.search.as_ref().unwrap().hit.unwrap();
    assert_eq!(hit2.article, 1);
    assert!(hit2.span.start > hit.span.start);
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(s.search.as_ref().unwrap().hit.unwrap(), hit);
    // Upper case makes it case-sensitive: "Truce" is nowhere.
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "Truce");
    update(&mut s, &c, Action::Submit);
    assert!(s.message.as_ref().is_some_and(|m| m.error));
    // Crossing articles: "Putin" from article 0 reaches article 1.
    update(&mut s, &c, Action::Top);
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "putin");
    update(&mut s, &c, Action::Submit);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..6 {
        seen.insert(s.search.as_ref().unwrap().hit.unwrap().article);
        update(&mut s, &c, Action::NextHit);
    }
    assert_eq!(seen.len(), 3, "matches in all three articles");
}

#[test]
fn invalid_regex_is_a_message_not_a_crash() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "(unclosed[");
    update(&mut s, &c, Action::Submit);
    assert!(
        s.message
            .as_ref()
            .is_some_and(|m| m.error && m.text.contains("invalid regex"))
    );
    assert!(
        matches!(s.overlay, Overlay::Prompt { .. }),
        "prompt stays open to fix it"
    );
}

#[test]
fn picker_follows_and_n_steps_across_articles() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::OpenPicker);
    let Overlay::Picker(p) = &s.overlay else {
        panic!("no picker")
    };
    assert_eq!(p.matches[0], PUTIN, "most mentioned first");
    typed(&mut s, &c, "rubi");
    let Overlay::Picker(p) = &s.overlay else {
        panic!("no picker")
    };
    assert_eq!(p.selected_actor(), Some(RUBIO));
    run(
        &mut s,
        &c,
        &[
            Action::InputClear,
            Action::Down,
            Action::Up,
            Action::PageDown,
            Action::PageUp,
        ],
    );
    typed(&mut s, &c, "putn");
    update(&mut s, &c, Action::InputBackspace);
    typed(&mut s, &c, "n");
    update(&mut s, &c, Action::Submit);
    assert!(matches!(s.overlay, Overlay::None));
    assert_eq!(follow_label(&s, &c).unwrap(), "Vladimir Putin 1/5");
    let mut articles = vec![s.current.unwrap()];
    for i in 2..=5 {
        update(&mut s, &c, Action::NextHit);
        assert_eq!(
            follow_label(&s, &c).unwrap(),
            format!("Vladimir Putin {i}/5")
        );
        articles.push(s.current.unwrap());
    }
    assert_eq!(articles, [0, 0, 1, 1, 2], "reading order across articles");
    let e = s.reader.doc.entities[s.reader.entity.unwrap()];
    assert_eq!(e.span.text(&c.article(2).raw), "Putin");
    update(&mut s, &c, Action::NextHit);
    assert_eq!(follow_label(&s, &c).unwrap(), "Vladimir Putin 1/5", "wraps");
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(follow_label(&s, &c).unwrap(), "Vladimir Putin 5/5");
}

#[test]
fn far_mention_scrolls_the_reader() {
    let (mut s, c) = setup();
    s.follow_actor(&c, PUTIN, Some(3));
    assert_eq!(s.current, Some(1));
    assert!(
        s.reader.scroll > 0,
        "the late mention is scrolled into view"
    );
}

#[test]
fn filter_to_followed_actor_and_escape_clears() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::ToggleFilter);
    assert!(s.filter.is_none(), "nothing followed yet");
    s.follow_actor(&c, RUBIO, None);
    update(&mut s, &c, Action::ToggleFilter);
    let f = s.filter.as_ref().unwrap();
    assert_eq!(f.articles, [0]);
    assert!(
        f.events
            .iter()
            .all(|&e| c.actors_of(&c.events[e as usize]).contains(&RUBIO))
    );
    assert_eq!(s.list_order(&c), [0]);
    update(&mut s, &c, Action::Escape);
    assert!(s.filter.is_none());
    update(&mut s, &c, Action::ToggleFilter);
    update(&mut s, &c, Action::ToggleFilter);
    assert!(s.filter.is_none());
}

#[test]
fn escape_clears_search_and_input_outside_prompt_is_ignored() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "truce");
    update(&mut s, &c, Action::Submit);
    update(&mut s, &c, Action::Escape);
    assert!(s.search.is_none());
    run(
        &mut s,
        &c,
        &[
            Action::Input('x'),
            Action::InputBackspace,
            Action::InputClear,
            Action::Submit,
        ],
    );
    assert!(!s.quit);
}

/// The hit after the last is the first again, and the one before the first
/// is the last: `n` and `N` go round the whole list, and a pattern with one
/// hit stays on it.
#[test]
fn search_wraps_around_both_ways() {
    let (mut s, c) = setup();
    update(&mut s, &c, Action::Top);
    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "putin");
    update(&mut s, &c, Action::Submit);
    let hit = |s: &AppState| s.search.as_ref().unwrap().hit.unwrap();
    let first = hit(&s);
    let mut forward = vec![first];
    loop {
        update(&mut s, &c, Action::NextHit);
        if hit(&s) == first {
            break;
        }
        forward.push(hit(&s));
        assert!(forward.len() < 50, "never came back round");
    }
    assert!(forward.len() >= 4, "hits in every article: {forward:?}");
    let mut distinct = forward.clone();
    distinct.sort_by_key(|h| (h.article, h.span.start));
    distinct.dedup();
    assert_eq!(distinct.len(), forward.len(), "each hit once a round");
    // Backwards: the same hits in the opposite order, the last one first.
    let mut backward = vec![first];
    for _ in 1..forward.len() {
        update(&mut s, &c, Action::PrevHit);
        backward.push(hit(&s));
    }
    backward[1..].reverse();
    assert_eq!(backward, forward);
    update(&mut s, &c, Action::PrevHit);
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(
        hit(&s),
        *forward.last().unwrap(),
        "before the first: the last"
    );

    update(&mut s, &c, Action::PromptSearch);
    typed(&mut s, &c, "annexed");
    update(&mut s, &c, Action::Submit);
    let only = hit(&s);
    update(&mut s, &c, Action::NextHit);
    assert_eq!(hit(&s), only);
    update(&mut s, &c, Action::PrevHit);
    assert_eq!(hit(&s), only);
    assert!(s.message.as_ref().is_none_or(|m| !m.error));
}

/// A remembered actor is found by its canonical name: exactly first, then
/// ignoring case; never by an alias or part of a name (that is how a user
/// types, not what the state file keeps).
#[test]
fn a_remembered_actor_is_found_exactly_then_ignoring_case_and_no_further() {
    use dateline::tui::session::actor_named;
    let mut c = corpus();
    assert_eq!(actor_named(&c, "Vladimir Putin"), Some(PUTIN));
    assert_eq!(actor_named(&c, "vladimir PUTIN"), Some(PUTIN));
    assert_eq!(actor_named(&c, "Putin"), None, "an alias is not the name");
    assert_eq!(actor_named(&c, "Vladimir"), None, "nor is a part of it");
    assert_eq!(actor_named(&c, ""), None);
    // Two actors told apart by case only: the exact one wins.
    let mut twin = c.actors[KREMLIN as usize].clone();
    twin.id = c.actors.len() as u32;
    twin.name = "KREMLIN".into();
    c.actors.push(twin);
    assert_eq!(actor_named(&c, "KREMLIN"), Some(c.actors.len() as u32 - 1));
    assert_eq!(actor_named(&c, "Kremlin"), Some(KREMLIN));
    assert_eq!(actor_named(&c, "kremlin"), Some(KREMLIN), "the first by id");
}
