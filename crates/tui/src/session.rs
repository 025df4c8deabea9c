//! The user's place as stable identities, and back: what the state file
//! remembers between sessions and what `--watch` keeps across a reload.
//!
//! [`snapshot`] turns ids and indices (which change whenever the corpus
//! does) into file paths, byte offsets and canonical names; [`restore`]
//! finds them again in whatever corpus is loaded now, and quietly skips what
//! is gone. Pure functions of state and corpus: no terminal, no files.

use super::action::Pane;
use super::app::{AppState, Follow, HitMode, Overlay, Pending, Search};
use dateline_core::model::{ActorId, ArticleId, Corpus};
use dateline_core::state::{CorpusKey, FollowRef, Place, SavedState, VERSION};
use std::collections::HashMap;

/// Corpus event `ev` as (file, first byte of its date or, for a publication
/// marker, of its title).
fn event_place(c: &Corpus, key: &CorpusKey, ev: usize) -> Option<Place> {
    let e = c.events.get(ev)?;
    let a = c.articles.get(e.article as usize)?;
    let start = match e.time {
        Some(t) => a.times.get(t as usize)?.span.start,
        None => e.sentence.start,
    };
    Some(Place {
        file: key.article_id(&a.path),
        start,
        publication: e.time.is_none(),
    })
}

/// The followed actor's `pos`-th mention as (file, first byte).
fn mention_place(c: &Corpus, key: &CorpusKey, actor: ActorId, pos: usize) -> Option<Place> {
    let m = c.mentions_by_actor().get(actor as usize)?.get(pos)?;
    let a = c.articles.get(m.article as usize)?;
    Some(Place {
        file: key.article_id(&a.path),
        start: a.mentions.get(m.mention as usize)?.span.start,
        publication: false,
    })
}

/// What to remember of `s` over `c`.
pub fn snapshot(s: &AppState, c: &Corpus, key: &CorpusKey) -> SavedState {
    let path_of = |id: ArticleId| c.articles.get(id as usize).map(|a| key.article_id(&a.path));
    let mut read: Vec<String> = s.read.iter().filter_map(|&id| path_of(id)).collect();
    read.extend(s.read_elsewhere.iter().cloned());
    read.sort_unstable();
    read.dedup();
    SavedState {
        version: VERSION,
        corpus: key.names(),
        focus: Some(s.focus.id().to_string()),
        article: s.current.and_then(path_of),
        reader_top: if s.current.is_some() {
            s.reader_top_byte()
        } else {
            0
        },
        event: s
            .event_at(c, s.timeline.cursor)
            .and_then(|e| event_place(c, key, e)),
        follow: s.follow.and_then(|f| {
            Some(FollowRef {
                name: c.actors.get(f.actor as usize)?.name.clone(),
                mention: f.pos.and_then(|p| mention_place(c, key, f.actor, p)),
            })
        }),
        read,
        sort_by_file: s.sort_by_file,
        config_sort_by_file: Some(s.config_sort_by_file),
    }
}

/// Puts `s` (fresh from `AppState::new` over `c`) where `saved` says, as far
/// as `c` still has those things: a vanished article leaves the selection
/// where it was (and the reader unfocused: it would show an article the user
/// did not choose, and a focused reader marks what it shows read), a
/// vanished event falls back to the nearest one in the same article, a
/// vanished actor is no longer followed.
pub fn restore(s: &mut AppState, c: &Corpus, key: &CorpusKey, saved: &SavedState) {
    let ids: HashMap<String, ArticleId> = c
        .articles
        .iter()
        .map(|a| (key.article_id(&a.path), a.id))
        .collect();
    s.read
        .extend(saved.read.iter().filter_map(|p| ids.get(p).copied()));
    // The saved order, unless the config file's `sort` changed since.
    let config_same = saved
        .config_sort_by_file
        .is_none_or(|c| c == s.config_sort_by_file);
    if config_same && saved.sort_by_file != s.sort_by_file {
        s.sort_by_file = saved.sort_by_file;
        s.list_top = 0;
    }
    if let Some(f) = &saved.follow
        && let Some(actor) = actor_named(c, &f.name)
    {
        let pos = f
            .mention
            .as_ref()
            .and_then(|m| find_mention(c, &ids, actor, m));
        s.follow = Some(Follow { actor, pos });
        s.hit_mode = HitMode::Follow;
    }
    let article = saved.article.as_ref().and_then(|p| ids.get(p)).copied();
    if let Some(id) = article {
        s.select_article(c, id);
        s.sync_timeline_to_article(c);
        s.reader.pending = Some(Pending::Top(saved.reader_top));
    }
    if let Some(ev) = saved.event.as_ref().and_then(|p| find_event(s, c, &ids, p)) {
        let n = s.event_count(c);
        s.timeline.cursor = s.event_pos(ev).min(n.saturating_sub(1));
        super::timeline::scroll_into_view(s, c);
    }
    // The reader would show another article than the one saved.
    let other = saved.article.is_some() && article.is_none() && s.current.is_some();
    if let Some(p) = saved.focus.as_deref().and_then(Pane::from_id)
        && !(other && p == Pane::Reader)
    {
        s.set_focus(p);
    }
    s.list_into_view(c);
    s.sync_reader(c);
}

/// The actor whose canonical name is `name` (as the state file keeps it):
/// exactly, else ignoring case (a re-parse may settle on another
/// capitalisation). Not [`dateline_core::query::find_actor`], which reads what a
/// user types (aliases, loose spellings, parts of names): a remembered
/// actor is the same one or none.
pub fn actor_named(c: &Corpus, name: &str) -> Option<ActorId> {
    c.actors
        .iter()
        .find(|a| a.name == name)
        .or_else(|| {
            let lower = name.to_lowercase();
            c.actors.iter().find(|a| a.name.to_lowercase() == lower)
        })
        .map(|a| a.id)
}

fn find_mention(
    c: &Corpus,
    ids: &HashMap<String, ArticleId>,
    actor: ActorId,
    m: &Place,
) -> Option<usize> {
    let article = *ids.get(&m.file)?;
    let a = c.articles.get(article as usize)?;
    c.mentions_by_actor()
        .get(actor as usize)?
        .iter()
        .position(|r| {
            r.article == article
                && a.mentions
                    .get(r.mention as usize)
                    .is_some_and(|x| x.span.start == m.start)
        })
}

/// The corpus event at `p`, else the same kind of event of that article
/// nearest to it.
fn find_event(
    s: &AppState,
    c: &Corpus,
    ids: &HashMap<String, ArticleId>,
    p: &Place,
) -> Option<usize> {
    let article = *ids.get(&p.file)?;
    let evs = s.derived.article_events.get(article as usize)?;
    let a = c.articles.get(article as usize)?;
    let start_of = |ev: u32| -> Option<(bool, u32)> {
        let e = c.events.get(ev as usize)?;
        let start = match e.time {
            Some(t) => a.times.get(t as usize)?.span.start,
            None => e.sentence.start,
        };
        Some((e.time.is_none(), start))
    };
    evs.iter()
        .filter_map(|&ev| Some((ev, start_of(ev)?)))
        .min_by_key(|&(_, (publication, start))| {
            (publication != p.publication, start.abs_diff(p.start))
        })
        .map(|(ev, _)| ev as usize)
}

/// What changed between two loads, for the status bar: `+1`, `-2`,
/// `3 changed`, or `no change`.
pub fn changes(old: &Corpus, new: &Corpus) -> String {
    let before: HashMap<&std::path::Path, &str> = old
        .articles
        .iter()
        .map(|a| (a.path.as_path(), a.raw.as_str()))
        .collect();
    let (mut added, mut changed) = (0, 0);
    for a in &new.articles {
        match before.get(a.path.as_path()) {
            None => added += 1,
            Some(&raw) if raw != a.raw => changed += 1,
            Some(_) => {}
        }
    }
    let removed = old.articles.len() + added - new.articles.len();
    let mut parts = Vec::new();
    if added > 0 {
        parts.push(format!("+{added}"));
    }
    if removed > 0 {
        parts.push(format!("-{removed}"));
    }
    if changed > 0 {
        parts.push(format!("{changed} changed"));
    }
    if parts.is_empty() {
        "no change".to_string()
    } else {
        parts.join(", ")
    }
}

/// The state for a freshly re-parsed corpus `new`, keeping everything of
/// `old` (over `old_c`) that can be found again: the place and read marks
/// (as the state file would), plus what a session only keeps in memory —
/// raw/clean reader, the search, the actor filter, an open help or prompt,
/// and each article's reader place. The jump list and an open actor picker
/// hold corpus indices and are dropped.
///
/// The read marks of articles `new` lacks are kept aside
/// ([`AppState::read_elsewhere`]): a folder moved away for a moment takes
/// none of its marks with it.
pub fn reload(old: &AppState, old_c: &Corpus, new: &Corpus, key: &CorpusKey) -> AppState {
    let saved = snapshot(old, old_c, key);
    let marks = saved.read.clone();
    let mut s = reload_from(old, old_c, new, key, saved);
    let here: std::collections::HashSet<String> = new
        .articles
        .iter()
        .map(|a| key.article_id(&a.path))
        .collect();
    s.read_elsewhere = marks.into_iter().filter(|m| !here.contains(m)).collect();
    s
}

/// [`reload`] with the place and read marks taken from `saved` (a
/// [`snapshot`] of `old`, perhaps with more added) rather than from `old`.
pub fn reload_from(
    old: &AppState,
    old_c: &Corpus,
    new: &Corpus,
    key: &CorpusKey,
    mut saved: SavedState,
) -> AppState {
    let ids: HashMap<String, ArticleId> = new
        .articles
        .iter()
        .map(|a| (key.article_id(&a.path), a.id))
        .collect();
    // The selected article was removed: its neighbour in the list, not the top.
    if saved.article.as_ref().is_some_and(|p| !ids.contains_key(p)) {
        saved.article = neighbour(old, old_c, &ids, key);
        saved.reader_top = 0;
    }
    let area = old.layout.area;
    // The session's keys, theme and order carry over; only the corpus is new.
    let settings = super::settings::Settings {
        keymap: old.keymap.clone(),
        theme: old.theme,
        sort_by_file: old.sort_by_file,
    };
    let mut s = AppState::with_settings(new, area.width, area.height, settings);
    s.config_sort_by_file = old.config_sort_by_file;
    s.reader.raw = old.reader.raw;
    s.reader.folds.all_open = old.reader.folds.all_open;
    restore(&mut s, new, key, &saved);
    for (&id, &top) in &old.reader.places {
        if let Some(a) = old_c.articles.get(id as usize)
            && let Some(&nid) = ids.get(&key.article_id(&a.path))
        {
            s.reader.places.insert(nid, top);
        }
    }
    carry_view(old, &mut s, new);
    s
}

/// What of `old` is neither the place nor in the state file, onto `s` over
/// `new`: the search, the actor filter (when the actor is followed in `s`),
/// an open help or prompt. (The raw/clean reader is for the caller to set
/// before restoring the place, which depends on it.)
pub fn carry_view(old: &AppState, s: &mut AppState, new: &Corpus) {
    if let Some(old_search) = &old.search
        && let Ok(regex) = dateline_core::query::search_regex(&old_search.pattern)
    {
        let (total, articles) = super::results::count(new, &regex);
        s.search = Some(Search {
            pattern: old_search.pattern.clone(),
            regex,
            hit: None,
            total,
            articles,
        });
        s.hit_mode = old.hit_mode;
    }
    if old.filter.is_some() && s.follow.is_some() {
        s.toggle_filter(new);
    }
    s.overlay = match &old.overlay {
        Overlay::Help { scroll } => Overlay::Help { scroll: *scroll },
        Overlay::Prompt { kind, input } => Overlay::Prompt {
            kind: *kind,
            input: input.clone(),
        },
        Overlay::Picker(_) | Overlay::Results(_) | Overlay::Warnings { .. } | Overlay::None => {
            Overlay::None
        }
    };
    s.sync_reader(new);
}

/// The article nearest the selected one in the old list that `ids` (the
/// new corpus) still has: the next one, else the one before.
fn neighbour(
    old: &AppState,
    old_c: &Corpus,
    ids: &HashMap<String, ArticleId>,
    key: &CorpusKey,
) -> Option<String> {
    let order = old.list_order(old_c);
    let at = order.iter().position(|&id| Some(id) == old.current)?;
    order[at + 1..]
        .iter()
        .chain(order[..at].iter().rev())
        .filter_map(|&id| old_c.articles.get(id as usize))
        .map(|a| key.article_id(&a.path))
        .find(|p| ids.contains_key(p))
}
