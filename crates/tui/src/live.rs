//! The running session as one value, changed in one place.
//!
//! Everything that happens to a TUI session — a key, a click, a resize, the
//! early or the full corpus arriving from the loader, a `--watch` reload, a
//! failed load, a tick of the clock, a signal — is a [`Msg`], and [`update`]
//! is the only function that changes the session ([`App`]) in answer. What
//! the session needs done outside itself (start loading, start watching,
//! save the place, suspend, quit) it asks for as [`Effect`]s, which the loop
//! ([`super::runtime`]) runs; drawing ([`draw`]) only reads. So every flow —
//! the first fill-in, a reload, a failed load, quitting during a load — can
//! be driven by scripted messages on a `TestBackend`.
//!
//! Where the session is is one [`Phase`], not loose flags, and every corpus
//! comes in through one function ([`App::take_corpus`]) that keeps the
//! user's place.

use super::action::Action;
use super::app::AppState;
use super::keys::Ctx;
use super::loader::{self, Fill};
use super::settings::Settings;
use super::{input, loading, session};
use dateline_core::model::Corpus;
use dateline_core::numfmt::thousands;
use dateline_core::parse::Progress;
use dateline_core::state::{CorpusKey, SavedState};
use dateline_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent, MouseEvent};
use std::sync::Arc;
use std::time::Duration;

/// Everything that can happen to a session.
#[derive(Debug)]
pub enum Msg {
    /// The loop has begun: time to start loading.
    Start,
    /// A key as the terminal sent it (the keymap reads it in context).
    Key(KeyEvent),
    /// A mouse event as the terminal sent it.
    Mouse(MouseEvent),
    /// A bracketed paste.
    Paste(String),
    /// The terminal's size, at start and whenever it changes.
    Resize { width: u16, height: u16 },
    /// An action as such (scripts and tests; keys arrive as [`Msg::Key`]).
    Action(Action),
    /// An early part of the corpus, to show while the rest loads.
    EarlyCorpus(Box<Corpus>),
    /// The whole corpus.
    FullCorpus(Box<Corpus>),
    /// `--watch` saw files change and is re-parsing.
    Reloading,
    /// `--watch` re-parsed the corpus.
    Reloaded(Box<Corpus>),
    /// The loader stopped (a panic) before sending the whole corpus.
    LoadFailed(String),
    /// An effect could not be carried out (no watch, no save): the message.
    EffectFailed(String),
    /// Time passed with nothing else happening.
    Tick,
    /// A signal that ends the session (its number).
    Signal(i32),
    /// Ctrl-Z from outside (SIGTSTP).
    Suspend,
    /// Back after a suspend: everything is drawn again.
    Resumed,
}

/// What the session asks the loop to do for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Load the corpus in the background, sending what comes as messages.
    SpawnLoad,
    /// Watch the corpus's files and reload on change (`--watch`).
    StartWatch,
    /// Save this place to the state file; None: nothing to save now (and
    /// the watchdog's last checkpoint is not to be saved either).
    Save(Option<SavedState>),
    /// Stop the job as Ctrl-Z does, until `fg`.
    Suspend,
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Run the user's pager (or editor) on this file with the terminal
    /// given back, then redraw.
    Open {
        path: std::path::PathBuf,
        editor: bool,
    },
    /// End the loop.
    Quit,
}

/// How far the corpus has come.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Nothing parsed yet: the loading screen.
    Loading,
    /// An early part of the corpus is shown while the rest loads.
    Filling(Fill),
    /// The full load failed after the early part came: it is all there is.
    PartLoaded(Fill),
    /// The whole corpus is shown.
    Ready,
    /// Loading failed before anything could be shown: the session ends
    /// with this error.
    Failed(String),
}

/// Why the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The quit key (or Esc / Ctrl-c on the loading screen).
    Quit,
    /// A signal, by number.
    Signal(i32),
    /// The load failed with nothing to show.
    LoadFailed,
}

/// The view over the corpus it is a view of.
#[derive(Debug)]
pub struct View {
    pub state: AppState,
    pub corpus: Corpus,
}

/// A TUI session.
pub struct App {
    pub phase: Phase,
    /// None until the first corpus has come.
    pub view: Option<View>,
    /// For the first view; later views keep the session's own.
    settings: Settings,
    /// Names the corpus's files in the state file.
    pub key: CorpusKey,
    /// What the state file remembered as the session began.
    remembered: Option<SavedState>,
    /// A bad state file, to say in the status bar once there is one.
    state_problem: Option<String>,
    /// The loader's counters, for the loading screen and the status bar.
    progress: Arc<Progress>,
    /// `--watch`: watch once the whole corpus is in.
    watch: bool,
    /// The terminal's size as last reported.
    size: (u16, u16),
    /// The loading screen's quit key.
    quit_label: String,
    no_color: bool,
    /// Problems to print after exit.
    pub notes: Vec<String>,
    /// Set once the session is ending.
    pub exit: Option<Exit>,
    /// Something changed since the last frame.
    pub dirty: bool,
}

impl App {
    /// A session about to load the corpus named by `key` with `settings`,
    /// `remembered` being what the state file says (`Err`: a bad state
    /// file, as a short message for the status bar and a long one for
    /// after exit); `progress` is what the loader will count into.
    pub fn new(
        settings: Settings,
        key: CorpusKey,
        remembered: Result<Option<SavedState>, (String, String)>,
        progress: Arc<Progress>,
        watch: bool,
    ) -> Self {
        let mut notes = Vec::new();
        let (remembered, state_problem) = match remembered {
            Ok(r) => (r, None),
            Err((short, long)) => {
                notes.push(long);
                (None, Some(short))
            }
        };
        App {
            phase: Phase::Loading,
            view: None,
            quit_label: settings.keymap.label(Ctx::Global, Action::Quit),
            no_color: super::theme::no_color(),
            settings,
            key,
            remembered,
            state_problem,
            progress,
            watch,
            size: (80, 24),
            notes,
            exit: None,
            dirty: true,
        }
    }

    /// The terminal's size as the session knows it.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// How long the loop waits for a message before a [`Msg::Tick`]: the
    /// loading screen's bar moves often, the fill-in's status bar and a
    /// watched corpus less, and a settled session ticks only to keep its
    /// checkpoint fresh ([`super::keeper`]).
    pub fn tick_every(&self) -> Duration {
        Duration::from_millis(match self.phase {
            Phase::Loading => 40,
            Phase::Filling(_) => 100,
            _ if self.watch => 100,
            _ => 250,
        })
    }

    /// What to save if the session ended now (None: nothing — the loading
    /// screen, an empty corpus, or an early corpus the user has not acted
    /// on, which would only repeat the state file).
    pub fn to_save(&self) -> Option<SavedState> {
        let v = self.view.as_ref()?;
        match &self.phase {
            Phase::Ready if !v.corpus.articles.is_empty() => {
                Some(session::snapshot(&v.state, &v.corpus, &self.key))
            }
            Phase::Filling(f) | Phase::PartLoaded(f) if f.acted => {
                Some(f.to_save(&v.state, &v.corpus, &self.key, self.remembered.as_ref()))
            }
            _ => None,
        }
    }

    /// Whether [`App::to_save`] has something, without building it.
    pub fn keeps_place(&self) -> bool {
        match (&self.view, &self.phase) {
            (Some(v), Phase::Ready) => !v.corpus.articles.is_empty(),
            (Some(_), Phase::Filling(f) | Phase::PartLoaded(f)) => f.acted,
            _ => false,
        }
    }

    /// Every corpus comes in here — the first one (early or whole), the
    /// whole one after the early part, a `--watch` reload — and the user's
    /// place comes with it: the state file's for the first, the place they
    /// were at (or, not having moved, the state file's) for the whole one
    /// after the early part, and where they were for a reload.
    pub fn take_corpus(&mut self, new: Corpus) {
        let state = match self.view.take() {
            None => {
                let (w, h) = self.size;
                let mut s = AppState::with_settings(&new, w, h, self.settings.clone());
                if let Some(short) = self.state_problem.take() {
                    s.complain(sanitize_line(&short).into_owned());
                }
                if let Some(saved) = &self.remembered {
                    session::restore(&mut s, &new, &self.key, saved);
                }
                s
            }
            Some(old) => match &self.phase {
                Phase::Filling(f) | Phase::PartLoaded(f) => loader::swap_in(
                    &old.state,
                    &old.corpus,
                    &new,
                    &self.key,
                    self.remembered.as_ref(),
                    f.moved(&old.state, &old.corpus, &self.key),
                ),
                _ => session::reload(&old.state, &old.corpus, &new, &self.key),
            },
        };
        self.view = Some(View { state, corpus: new });
        self.dirty = true;
    }

    /// The session ends: the place saved (when there is one), the loop told.
    fn leave(&mut self, why: Exit) -> Vec<Effect> {
        self.exit = Some(why);
        vec![Effect::Save(self.to_save()), Effect::Quit]
    }

    /// Entering [`Phase::Ready`]: watching starts if asked for.
    fn ready(&mut self) -> Vec<Effect> {
        self.phase = Phase::Ready;
        if self.watch {
            vec![Effect::StartWatch]
        } else {
            Vec::new()
        }
    }

    /// The status bar's loading line while the early corpus is shown.
    fn loading_text(&mut self) {
        if let Some(v) = &mut self.view {
            let text = loader::status_text(&self.progress, v.corpus.articles.len());
            if v.state.loading.as_ref() != Some(&text) {
                v.state.loading = Some(text);
                self.dirty = true;
            }
        }
    }

    /// Says `text` in the status bar (as a complaint when `error`) and,
    /// when there is no view to say it in yet, after exit.
    fn tell(&mut self, text: &str, error: bool) {
        match &mut self.view {
            Some(v) if error => v.state.complain(sanitize_line(text).into_owned()),
            Some(v) => v.state.say(sanitize_line(text).into_owned()),
            None => {}
        }
        self.dirty = true;
    }

    /// Input to the view: through the keymap into [`super::update::update`].
    fn input(&mut self, ev: &Event) -> Vec<Effect> {
        let Some(v) = &mut self.view else {
            if let Event::Key(k) = ev
                && input::leaves_the_loading_screen(&self.settings.keymap, k)
            {
                return self.leave(Exit::Quit);
            }
            return Vec::new();
        };
        let changed = input::handle_event(&mut v.state, &v.corpus, ev);
        if v.state.quit {
            // Quitting is not acting: a quit straight away saves nothing.
            return self.leave(Exit::Quit);
        }
        let asked = requested(&mut v.state);
        if changed {
            self.dirty = true;
            if let Phase::Filling(f) | Phase::PartLoaded(f) = &mut self.phase {
                if matches!(ev, Event::Resize(..)) {
                    f.resized(&v.state, &v.corpus, &self.key);
                } else {
                    f.acted = true;
                }
            }
        }
        asked
    }
}

/// What the view asked of the outside world, as effects.
fn requested(s: &mut super::app::AppState) -> Vec<Effect> {
    s.requests
        .drain(..)
        .map(|r| match r {
            super::app::Request::Copy(text) => Effect::Copy(text),
            super::app::Request::Open { path, editor } => Effect::Open { path, editor },
        })
        .collect()
}

/// Applies one message to the session; what it returns is for the loop to
/// do. The only place the session changes.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Start => vec![Effect::SpawnLoad],
        Msg::Tick => {
            match app.phase {
                Phase::Loading => app.dirty = true,
                Phase::Filling(_) => app.loading_text(),
                _ => {}
            }
            Vec::new()
        }
        Msg::Signal(sig) => app.leave(Exit::Signal(sig)),
        Msg::Suspend => vec![Effect::Suspend],
        Msg::Key(k) if input::is_ctrl_z(&k) => vec![Effect::Suspend],
        Msg::Resumed => {
            app.dirty = true;
            Vec::new()
        }
        Msg::Resize { width, height } => {
            app.size = (width, height);
            app.dirty = true;
            app.input(&Event::Resize(width, height))
        }
        Msg::Key(k) => app.input(&Event::Key(k)),
        Msg::Mouse(m) => app.input(&Event::Mouse(m)),
        Msg::Paste(text) => app.input(&Event::Paste(text)),
        Msg::Action(a) => {
            let Some(v) = &mut app.view else {
                return match a {
                    Action::Quit | Action::Escape => app.leave(Exit::Quit),
                    _ => Vec::new(),
                };
            };
            super::update::update(&mut v.state, &v.corpus, a);
            app.dirty = true;
            if v.state.quit {
                return app.leave(Exit::Quit);
            }
            let asked = requested(&mut v.state);
            if let Phase::Filling(f) | Phase::PartLoaded(f) = &mut app.phase
                && !matches!(a, Action::Resize { .. })
            {
                f.acted = true;
            }
            asked
        }
        Msg::EarlyCorpus(c) => {
            if app.phase != Phase::Loading {
                return Vec::new();
            }
            app.take_corpus(*c);
            if let Some(v) = &app.view {
                app.phase = Phase::Filling(Fill::new(&v.state, &v.corpus, &app.key));
            }
            app.loading_text();
            Vec::new()
        }
        Msg::FullCorpus(c) => match app.phase {
            Phase::Loading => {
                let empty = loader::empty_text(&c);
                app.take_corpus(*c);
                if let Some(why) = empty {
                    app.tell(why, true);
                }
                app.ready()
            }
            Phase::Filling(_) => {
                app.take_corpus(*c);
                let n = app.view.as_ref().map_or(0, |v| v.corpus.articles.len());
                app.tell(&loader::done_text(n), false);
                app.ready()
            }
            _ => Vec::new(),
        },
        Msg::Reloading => {
            if app.phase == Phase::Ready {
                app.tell("reloading…", false);
            }
            Vec::new()
        }
        Msg::Reloaded(new) => {
            if app.phase != Phase::Ready {
                return Vec::new();
            }
            let changes = app
                .view
                .as_ref()
                .map(|v| session::changes(&v.corpus, &new))
                .unwrap_or_default();
            app.take_corpus(*new);
            let n = app.view.as_ref().map_or(0, |v| v.corpus.articles.len());
            let s = if n == 1 { "" } else { "s" };
            let text = format!("reloaded: {} article{s} ({changes})", thousands(n));
            app.tell(&text, false);
            Vec::new()
        }
        Msg::LoadFailed(why) => match std::mem::replace(&mut app.phase, Phase::Ready) {
            Phase::Loading => {
                app.phase = Phase::Failed(format!("loading the corpus failed: {why}"));
                app.leave(Exit::LoadFailed)
            }
            // The early corpus stays, and is saved as it would be on a
            // quit during the load: nothing the state file has is lost.
            Phase::Filling(f) => {
                app.phase = Phase::PartLoaded(f);
                let shown = app.view.as_ref().map_or(0, |v| v.corpus.articles.len());
                if let Some(v) = &mut app.view {
                    v.state.loading = None;
                }
                let text = format!(
                    "loading failed, showing the first {} files: {why}",
                    thousands(shown)
                );
                app.tell(&text, true);
                app.notes.push(format!("loading the corpus failed: {why}"));
                Vec::new()
            }
            other => {
                app.phase = other;
                Vec::new()
            }
        },
        Msg::EffectFailed(why) => {
            app.tell(&why, true);
            app.notes.push(why);
            Vec::new()
        }
    }
}

/// Draws the session: the loading screen until there is a corpus, then the
/// panes. Reads only.
pub fn draw(f: &mut Frame, app: &App) {
    match &app.view {
        None => loading::render(f, &app.progress, app.no_color, &app.quit_label),
        Some(v) => super::draw(f, &v.state, &v.corpus),
    }
}
