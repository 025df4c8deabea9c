//! [`update`]: the one function that applies an [`Action`] to the view
//! state, overlay first (help, picker, prompt), then the focused pane, and
//! then brings the panes back in step.

use super::action::{Action, Pane};
use super::app::{AppState, HitMode, Overlay, Pending, PromptKind, ReaderState, TimelineState};
use super::derived::Derived;
use super::layout;
use super::picker::{Choice, PickerState};
use super::settings::Settings;
use dateline_core::model::Corpus;
use ratatui::layout::Rect;
use std::collections::HashSet;

/// Applies one action. The only place view state changes.
pub fn update(s: &mut AppState, c: &Corpus, action: Action) {
    if !matches!(action, Action::Resize { .. }) {
        s.message = None;
    }
    match &mut s.overlay {
        Overlay::Help { scroll } => {
            match action {
                Action::Down => {
                    let max = super::help::max_scroll(&s.theme, &s.keymap, s.layout.area);
                    *scroll = scroll.saturating_add(1).min(max);
                }
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Escape | Action::ToggleHelp => s.overlay = Overlay::None,
                Action::Quit => s.quit = true,
                Action::Resize { width, height } => resize(s, c, width, height),
                _ => {}
            }
            return finish(s, c);
        }
        Overlay::Picker(p) => {
            match action {
                Action::Submit => {
                    let chosen = p.choice();
                    s.overlay = Overlay::None;
                    match chosen {
                        Some(Choice::Actor(a)) => s.follow_actor(c, a, None),
                        Some(Choice::Unfollow) => {
                            s.unfollow(c);
                        }
                        None => {}
                    }
                }
                Action::Escape => s.overlay = Overlay::None,
                Action::Resize { width, height } => resize(s, c, width, height),
                Action::Click { .. } | Action::Wheel { .. } => {}
                other => {
                    let rows = super::picker::rows_for(s.layout.area);
                    p.update(c, &s.derived, other, rows)
                }
            }
            return finish(s, c);
        }
        Overlay::Warnings { scroll } => {
            match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Escape | Action::ToggleHelp | Action::ShowWarnings => {
                    s.overlay = Overlay::None
                }
                Action::Quit => s.quit = true,
                Action::Resize { width, height } => resize(s, c, width, height),
                _ => {}
            }
            if let Overlay::Warnings { scroll } = &mut s.overlay {
                *scroll = (*scroll).min(super::warnings::max_scroll(c, s.layout.area));
            }
            return finish(s, c);
        }
        Overlay::Results(r) => {
            match action {
                Action::Escape => s.overlay = Overlay::None,
                Action::Quit => s.quit = true,
                Action::Resize { width, height } => resize(s, c, width, height),
                other => {
                    if let Some(m) = r.update(other, s.layout.area) {
                        s.overlay = Overlay::None;
                        s.go_match(c, m);
                    }
                }
            }
            return finish(s, c);
        }
        Overlay::Prompt { kind, input } => {
            match action {
                Action::Input(ch) if input.chars().count() < 200 => input.push(ch),
                Action::InputBackspace => {
                    input.pop();
                }
                Action::InputClear => input.clear(),
                Action::Escape => s.overlay = Overlay::None,
                Action::Submit => {
                    let (kind, input) = (*kind, std::mem::take(input));
                    s.overlay = Overlay::None;
                    match kind {
                        PromptKind::Date => s.submit_date(c, input),
                        PromptKind::Search => s.submit_search(c, input),
                    }
                }
                Action::Resize { width, height } => resize(s, c, width, height),
                _ => {}
            }
            return finish(s, c);
        }
        Overlay::None => {}
    }
    match action {
        Action::Quit => s.quit = true,
        Action::FocusNext | Action::FocusPrev => {
            let i = Pane::ALL.iter().position(|&p| p == s.focus).unwrap_or(0);
            let step = if action == Action::FocusNext { 1 } else { 2 };
            s.set_focus(Pane::ALL[(i + step) % 3]);
        }
        Action::Focus(p) => s.set_focus(p),
        Action::Down
        | Action::Up
        | Action::HalfDown
        | Action::HalfUp
        | Action::PageDown
        | Action::PageUp => {
            let rows = match s.focus {
                Pane::List => s.layout.list_items(),
                Pane::Reader => s.layout.reader_rows(),
                Pane::Timeline => s.layout.timeline_rows(),
            } as isize;
            let delta = match action {
                Action::Down => 1,
                Action::Up => -1,
                Action::HalfDown => (rows / 2).max(1),
                Action::HalfUp => -(rows / 2).max(1),
                Action::PageDown => rows.saturating_sub(1).max(1),
                _ => -rows.saturating_sub(1).max(1),
            };
            super::nav::move_by(s, c, s.focus, delta);
        }
        Action::Top => super::nav::move_by(s, c, s.focus, isize::MIN / 2),
        Action::Bottom => super::nav::move_by(s, c, s.focus, isize::MAX / 2),
        Action::Activate => match s.focus {
            Pane::List => {
                if let Some(id) = s.current {
                    s.read.insert(id);
                }
                s.set_focus(Pane::Reader);
            }
            Pane::Reader => super::reader::activate_entity(s, c),
            Pane::Timeline => super::timeline::open_event(s, c),
        },
        Action::PrevEntity | Action::NextEntity => {
            super::reader::step_entity(s, c, action == Action::NextEntity)
        }
        Action::PrevDay | Action::NextDay | Action::PrevMonth | Action::NextMonth => {
            super::timeline::step_date(s, c, action)
        }
        Action::PromptDate => {
            s.overlay = Overlay::Prompt {
                kind: PromptKind::Date,
                input: String::new(),
            }
        }
        Action::PromptSearch => {
            s.overlay = Overlay::Prompt {
                kind: PromptKind::Search,
                input: String::new(),
            }
        }
        Action::OpenPicker => {
            if c.actors.is_empty() {
                s.say("no actors were found in these articles");
            } else {
                let following = s.follow.map(|f| f.actor);
                s.overlay = Overlay::Picker(PickerState::new(c, &s.derived, following));
            }
        }
        Action::NextHit => s.step_hit(c, true),
        Action::PrevHit => s.step_hit(c, false),
        Action::SearchResults => s.open_results(c),
        Action::ShowWarnings => {
            if s.derived.warning_count == 0 {
                s.say("no warnings: every file was read");
            } else {
                s.overlay = Overlay::Warnings { scroll: 0 };
            }
        }
        Action::NextUnread => s.step_unread(c, true),
        Action::PrevUnread => s.step_unread(c, false),
        Action::Copy => s.copy_selected(c),
        Action::OpenPager => s.open_file(c, false),
        Action::OpenEditor => s.open_file(c, true),
        Action::ToggleFilter => s.toggle_filter(c),
        Action::ToggleRaw => {
            // A page's source has other offsets than its text: leaving it
            // goes back to the top.
            let top = if s.reader.doc.source.is_some() {
                0
            } else {
                s.reader_top_byte()
            };
            s.reader.raw = !s.reader.raw;
            s.reader.pending = Some(Pending::Top(top));
            s.say(if s.reader.raw {
                "raw file"
            } else {
                "clean text"
            });
        }
        Action::ToggleHidden => super::reader::toggle_hidden(s, None),
        Action::ToggleAllHidden => super::reader::toggle_all_hidden(s),
        Action::ToggleSort => {
            s.sort_by_file = !s.sort_by_file;
            if let Some(f) = &mut s.filter {
                let mut arts = std::mem::take(&mut f.articles);
                let (file, rank) = (s.sort_by_file, &s.derived.date_rank);
                arts.sort_by_key(|&a| {
                    if file {
                        a
                    } else {
                        rank.get(a as usize).copied().unwrap_or(0)
                    }
                });
                if let Some(f) = &mut s.filter {
                    f.articles = arts;
                }
            }
            s.list_top = 0;
            s.list_into_view(c);
            s.say(if s.sort_by_file {
                "sorted by file"
            } else {
                "sorted by date"
            });
        }
        Action::ToggleZoom => {
            s.zoom = !s.zoom;
            s.set_focus(s.focus);
            super::timeline::scroll_into_view(s, c);
            let key = s.keymap.label(super::keys::Ctx::Global, Action::ToggleZoom);
            s.say(if s.zoom {
                format!("{} alone ({key} shows every pane)", s.focus.title())
            } else {
                "every pane".to_string()
            });
        }
        Action::Back => s.back(c),
        Action::Forward => s.forward(c),
        Action::ToggleHelp => s.overlay = Overlay::Help { scroll: 0 },
        Action::Escape => {
            if s.filter.is_some() {
                s.toggle_filter(c);
            } else if s.search.take().is_some() {
                s.hit_mode = HitMode::Follow;
                s.say("search cleared");
            } else {
                s.unfollow(c);
            }
        }
        Action::Click { col, row } => super::nav::click(s, c, col, row),
        Action::Wheel { col, row, down } => {
            if let Some(p) = s.layout.pane_at(col, row) {
                super::nav::move_by(s, c, p, if down { 3 } else { -3 });
            }
        }
        Action::Resize { width, height } => resize(s, c, width, height),
        Action::Input(_) | Action::InputBackspace | Action::InputClear | Action::Submit => {}
    }
    finish(s, c)
}

/// A new terminal size: the panes laid out again, the list's and the
/// timeline's cursors kept in view, and an open help scrolled no further
/// than its end (here, so that drawing never changes state).
fn resize(s: &mut AppState, c: &Corpus, width: u16, height: u16) {
    let title_lines = s.layout.reader_title_lines;
    s.layout = layout::compute(Rect::new(0, 0, width, height), s.focus, s.zoom);
    s.layout.reader_title_lines = title_lines;
    s.list_into_view(c);
    super::timeline::scroll_into_view(s, c);
    let area = s.layout.area;
    if let Overlay::Help { scroll } = &mut s.overlay {
        *scroll = (*scroll).min(super::help::max_scroll(&s.theme, &s.keymap, area));
    }
}

fn finish(s: &mut AppState, c: &Corpus) {
    s.sync_reader(c);
    s.list_into_view(c);
    if s.focus == Pane::Reader
        && let Some(id) = s.current
    {
        s.read.insert(id);
    }
}

/// The first view state is built here, beside [`update`], because like every
/// update it ends with the panes in step (timeline at the current article,
/// reader wrapped), which takes the panes' own code.
impl AppState {
    /// State for `corpus` as drawn on a `width`×`height` terminal (the size
    /// only matters until the first frame reports the real one), with the
    /// default settings.
    pub fn new(corpus: &Corpus, width: u16, height: u16) -> Self {
        AppState::with_settings(corpus, width, height, Settings::default())
    }

    /// [`AppState::new`] with the keys, theme and order of a config file.
    pub fn with_settings(corpus: &Corpus, width: u16, height: u16, settings: Settings) -> Self {
        let derived = Derived::new(corpus);
        let current = if settings.sort_by_file {
            derived.file_order.first().copied()
        } else {
            corpus.articles_by_date.first().copied()
        };
        let mut s = AppState {
            focus: Pane::List,
            overlay: Overlay::None,
            sort_by_file: settings.sort_by_file,
            config_sort_by_file: settings.sort_by_file,
            filter: None,
            current,
            list_top: 0,
            timeline: TimelineState::default(),
            reader: ReaderState::default(),
            follow: None,
            search: None,
            hit_mode: HitMode::Follow,
            jumps: Vec::new(),
            jump_pos: 0,
            read: HashSet::new(),
            read_elsewhere: Vec::new(),
            message: None,
            loading: None,
            quit: false,
            theme: settings.theme,
            keymap: settings.keymap,
            layout: layout::compute(Rect::new(0, 0, width, height), Pane::List, false),
            zoom: false,
            derived,
            requests: Vec::new(),
        };
        s.sync_timeline_to_article(corpus);
        s.sync_reader(corpus);
        s
    }
}
