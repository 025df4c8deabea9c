//! The actor picker: fuzzy match (nucleo-matcher, smart case, accents
//! folded) over names and aliases; empty query lists actors by mentions.

use super::action::Action;
use super::derived::Derived;
use dateline_core::model::{ActorId, Corpus};
use dateline_core::text::sanitize_line;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub struct PickerState {
    pub query: String,
    pub matches: Vec<ActorId>,
    /// The followed actor: a first row "stop following" while the query is
    /// empty.
    pub following: Option<ActorId>,
    /// Index into the rows: the unfollow row (when shown), then `matches`.
    pub selected: usize,
    pub top: usize,
    matcher: Matcher,
}

/// What Enter in the picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Actor(ActorId),
    Unfollow,
}

impl std::fmt::Debug for PickerState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PickerState")
            .field("query", &self.query)
            .field("matches", &self.matches.len())
            .field("selected", &self.selected)
            .finish()
    }
}

/// Rows of actors the picker shows on a screen of `area`: most of its
/// height (kept in step with `render`).
pub fn rows_for(area: Rect) -> usize {
    (area.height as usize * 4 / 5).saturating_sub(3).max(1)
}

impl PickerState {
    pub fn new(c: &Corpus, d: &Derived, following: Option<ActorId>) -> Self {
        let mut p = PickerState {
            query: String::new(),
            matches: Vec::new(),
            following,
            selected: 0,
            top: 0,
            matcher: Matcher::new(Config::DEFAULT),
        };
        p.refilter(c, d);
        p
    }

    /// Whether the first row is "stop following".
    pub fn unfollow_row(&self) -> bool {
        self.following.is_some() && self.query.trim().is_empty()
    }

    fn row_count(&self) -> usize {
        self.matches.len() + usize::from(self.unfollow_row())
    }

    pub fn choice(&self) -> Option<Choice> {
        let skip = usize::from(self.unfollow_row());
        if self.selected < skip {
            return Some(Choice::Unfollow);
        }
        self.matches
            .get(self.selected - skip)
            .copied()
            .map(Choice::Actor)
    }

    /// The highlighted actor (None on the unfollow row).
    pub fn selected_actor(&self) -> Option<ActorId> {
        match self.choice()? {
            Choice::Actor(a) => Some(a),
            Choice::Unfollow => None,
        }
    }

    /// Scores every actor against the query: best name-or-alias score first,
    /// then most mentioned.
    pub fn refilter(&mut self, c: &Corpus, d: &Derived) {
        // The first actor, not the unfollow row above it: Enter on opening
        // follows as before.
        self.selected = usize::from(self.unfollow_row());
        self.top = 0;
        if self.query.trim().is_empty() {
            self.matches = d.actors_by_mentions.clone();
            return;
        }
        let pattern = Pattern::parse(&self.query, CaseMatching::Smart, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, u32, ActorId)> = c
            .actors
            .iter()
            .filter_map(|a| {
                let best = std::iter::once(&a.name)
                    .chain(a.aliases.iter())
                    .filter_map(|s| pattern.score(Utf32Str::new(s, &mut buf), &mut self.matcher))
                    .max()?;
                Some((best, a.mention_count, a.id))
            })
            .collect();
        scored.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        self.matches = scored.into_iter().map(|(_, _, id)| id).collect();
    }

    /// Typing and moving; `rows` is how many the screen shows.
    pub fn update(&mut self, c: &Corpus, d: &Derived, action: Action, rows: usize) {
        let n = self.row_count();
        match action {
            Action::Input(ch) if self.query.chars().count() < 100 => {
                self.query.push(ch);
                self.refilter(c, d);
            }
            Action::InputBackspace => {
                self.query.pop();
                self.refilter(c, d);
            }
            Action::InputClear => {
                self.query.clear();
                self.refilter(c, d);
            }
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected = (self.selected + rows).min(n.saturating_sub(1)),
            Action::PageUp => self.selected = self.selected.saturating_sub(rows),
            _ => {}
        }
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + rows {
            self.top = self.selected + 1 - rows;
        }
    }
}

/// A centred box: query line, then `name  kind  mentions  aliases` rows.
pub fn render(f: &mut Frame, p: &PickerState, c: &Corpus, theme: &super::theme::Theme, area: Rect) {
    let w = area.width.saturating_sub(4).clamp(1, 80);
    // As tall as the screen allows, or as the actors need.
    let need = c.actors.len() + usize::from(p.following.is_some());
    let h = (rows_for(area).min(need.max(1)) as u16 + 3)
        .min(area.height.saturating_sub(1))
        .max(1);
    let title = format!(" Follow an actor ({}) ", p.matches.len());
    let inner = super::overlay::framed(f, area, w, h, &title, theme);
    let iw = inner.width as usize;
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", theme.key),
        Span::raw(dateline_core::text::fit(
            &sanitize_line(&p.query),
            iw.saturating_sub(3),
        )),
        Span::styled("▏", theme.key),
    ])];
    let rows = (inner.height as usize).saturating_sub(1);
    let skip = usize::from(p.unfollow_row());
    if p.unfollow_row() && p.top == 0 {
        let name = p
            .following
            .and_then(|id| c.actors.get(id as usize))
            .map_or_else(String::new, |a| sanitize_line(&a.name).into_owned());
        let style = if p.selected == 0 {
            theme.cursor
        } else {
            theme.dim
        };
        let row = dateline_core::text::fit(&format!("× stop following {name}"), iw);
        let pad = iw.saturating_sub(unicode_width::UnicodeWidthStr::width(row.as_str()));
        lines.push(Line::from(vec![
            Span::styled(row, style),
            Span::styled(" ".repeat(if p.selected == 0 { pad } else { 0 }), style),
        ]));
    }
    let first = p.top.saturating_sub(skip);
    let shown = rows.saturating_sub(usize::from(p.unfollow_row() && p.top == 0));
    for (i, &id) in p.matches.iter().enumerate().skip(first).take(shown) {
        let i = i + skip;
        let Some(a) = c.actors.get(id as usize) else {
            continue;
        };
        let style = if i == p.selected {
            theme.cursor
        } else {
            Style::default()
        };
        let aliases: Vec<String> = a
            .aliases
            .iter()
            .filter(|x| **x != a.name)
            .take(4)
            .map(|x| sanitize_line(x).into_owned())
            .collect();
        let name = dateline_core::text::fit(&sanitize_line(&a.name), 28);
        let text = format!(
            "{name:<28} {:<6} {:>5}  ",
            match a.kind {
                dateline_core::model::ActorKind::Person if a.is_credit() => "credit",
                dateline_core::model::ActorKind::Person => "person",
                dateline_core::model::ActorKind::Organisation => "org",
                dateline_core::model::ActorKind::Place => "place",
            },
            a.mention_count
        );
        let rest = aliases.join(", ");
        let row = dateline_core::text::fit(&format!("{text}{rest}"), iw);
        let pad = iw.saturating_sub(unicode_width::UnicodeWidthStr::width(row.as_str()));
        lines.push(Line::from(vec![
            Span::styled(row, style),
            Span::styled(" ".repeat(if i == p.selected { pad } else { 0 }), style),
        ]));
    }
    if p.matches.is_empty() {
        lines.push(Line::from(Span::styled("no actor matches", theme.dim)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
