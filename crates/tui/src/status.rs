//! The status bar: the pane in focus (and which of three, when only one
//! fits), the prompt being typed, a message, the followed actor's place
//! ("Halvorsen 3/17"), the search, how far a load has got while an early part
//! of the corpus is shown, and key hints from the registry.

use super::action::Action;
use super::app::{AppState, HitMode, Overlay, PromptKind};
use super::keys::Ctx;
use dateline_core::model::Corpus;
use dateline_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The context the keys currently act in.
pub fn context(s: &AppState) -> Ctx {
    match &s.overlay {
        Overlay::None => Ctx::of_pane(s.focus),
        Overlay::Help { .. } | Overlay::Warnings { .. } => Ctx::Help,
        Overlay::Picker(_) | Overlay::Results(_) => Ctx::Picker,
        Overlay::Prompt { .. } => Ctx::Prompt,
    }
}

/// "Halvorsen 3/17" for the followed actor.
pub fn follow_label(s: &AppState, c: &Corpus) -> Option<String> {
    let f = s.follow?;
    let actor = c.actors.get(f.actor as usize)?;
    let total = c
        .mentions_by_actor()
        .get(f.actor as usize)
        .map_or(0, Vec::len);
    let pos = f.pos.map_or("-".to_string(), |p| (p + 1).to_string());
    Some(format!("{} {pos}/{total}", sanitize_line(&actor.name)))
}

pub fn render(f: &mut Frame, s: &AppState, c: &Corpus, r: Rect) {
    let t = &s.theme;
    let w = r.width as usize;
    let mut left: Vec<Span> = Vec::new();
    if let Overlay::Prompt { kind, input } = &s.overlay {
        let p = match kind {
            PromptKind::Date => "date: ",
            PromptKind::Search => "/",
        };
        left.push(Span::styled(p, t.key));
        left.push(Span::raw(sanitize_line(input).into_owned()));
        left.push(Span::styled("▏", t.key));
        if input.is_empty() && s.message.is_none() {
            let examples = match kind {
                PromptKind::Date => format!(" e.g. {}", super::nav::JUMP_EXAMPLES),
                PromptKind::Search => {
                    " a regex over article bodies; lower case matches any case".to_string()
                }
            };
            left.push(Span::styled(examples, t.dim));
        }
        if let Some(m) = &s.message {
            left.push(Span::styled(format!("  {}", m.text), t.error));
        }
    } else {
        let pane = if s.layout.zoomed {
            format!(" {} (zoomed) ", s.focus.title())
        } else if s.layout.single {
            format!(" [{}/3 {}] ", s.focus.number(), s.focus.title())
        } else {
            format!(" {} ", s.focus.title())
        };
        left.push(Span::styled(pane, t.title));
        let mut parts = Vec::new();
        let km = &s.keymap;
        let step = format!(
            " ({}/{})",
            km.label(Ctx::Global, Action::NextHit),
            km.label(Ctx::Global, Action::PrevHit)
        );
        if let Some(l) = follow_label(s, c) {
            let on = if s.hit_mode == HitMode::Follow {
                step.as_str()
            } else {
                ""
            };
            parts.push(format!("{l}{on}"));
        }
        if let Some(search) = &s.search {
            let on = if s.hit_mode == HitMode::Search {
                step.as_str()
            } else {
                ""
            };
            // Matches in the article on screen, and which one is current.
            let (count, at) = s
                .current
                .and_then(|id| c.articles.get(id as usize))
                .map(|a| {
                    let hit = search
                        .hit
                        .filter(|h| h.article == a.id)
                        .map(|h| h.span.start);
                    let starts = a.body.iter().flat_map(|p| {
                        search
                            .regex
                            .find_iter(p.text(&a.raw))
                            .filter(|m| !m.as_str().is_empty())
                            .take(10_000)
                            .map(move |m| p.start as usize + m.start())
                    });
                    starts.fold((0usize, None), |(n, at), st| {
                        let at = at.or((Some(st as u32) == hit).then_some(n + 1));
                        (n + 1, at)
                    })
                })
                .unwrap_or((0, None));
            let count = match at {
                Some(i) => format!("{i}/{count}"),
                None => count.to_string(),
            };
            parts.push(format!(
                "/{} {count} here of {}{on}",
                sanitize_line(&search.pattern),
                super::results::count_label(search.total, search.articles)
            ));
        }
        if s.filter.is_some() {
            parts.push(format!(
                "filtered ({} clears)",
                km.label(Ctx::Global, Action::Escape)
            ));
        }
        if !parts.is_empty() {
            left.push(Span::raw(format!(" {} ", parts.join(" · "))));
        }
        // The open article's page warnings, while it is read.
        if s.focus == super::action::Pane::Reader
            && let Some(a) = s.current.and_then(|id| c.articles.get(id as usize))
            && !a.page_warnings.is_empty()
        {
            let what: Vec<String> = a.page_warnings.iter().map(|w| w.message()).collect();
            left.push(Span::styled(format!(" ! {} ", what.join("; ")), t.warning));
        }
        if let Some(m) = &s.message {
            let style = if m.error { t.error } else { t.title };
            left.push(Span::styled(format!(" {}", m.text), style));
        }
        if s.derived.warning_count > 0 {
            let n = s.derived.warning_count;
            let key = km.label(Ctx::Global, Action::ShowWarnings);
            let what = if n == 1 { "warning" } else { "warnings" };
            left.push(Span::styled(format!(" {n} {what} ({key}) "), t.warning));
        }
        if let Some(l) = &s.loading {
            left.push(Span::styled(format!(" {l}"), t.dim));
        }
    }
    let used: usize = left.iter().map(|sp| sp.width()).sum();
    // `? help` and `q quit` stay when the bar is narrow; the others drop
    // from the end of the list first.
    let hints = s.keymap.hints(context(s));
    let essential = |h: &str| matches!(h, "help" | "quit");
    let item = |k: &str, h: &str| format!("{k} {h}  ");
    let kept: usize = hints
        .iter()
        .filter(|(_, h)| essential(h))
        .map(|(k, h)| item(k, h).chars().count())
        .sum();
    let mut room = w.saturating_sub(used + 2 + kept);
    let mut hint = String::new();
    for (k, h) in &hints {
        let it = item(k, h);
        let n = it.chars().count();
        if essential(h) {
            if used + hint.chars().count() + n <= w {
                hint.push_str(&it);
            }
        } else if n <= room {
            room -= n;
            hint.push_str(&it);
        } else {
            room = 0;
        }
    }
    let pad = w.saturating_sub(used + unicode_width::UnicodeWidthStr::width(hint.as_str()));
    left.push(Span::raw(" ".repeat(pad)));
    left.push(Span::styled(hint, t.dim));
    let line = Line::from(left).style(t.status);
    f.render_widget(Paragraph::new(line), r);
}
