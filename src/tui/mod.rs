//! The terminal UI: an article list, a reader and a timeline over one parsed
//! [`Corpus`]. Input becomes an [`app::Action`] through the key registry in
//! [`keys`]; [`app::update`] applies it; [`draw`] renders state + corpus.
//!
//! The terminal is restored on every way out: normal return and errors (the
//! [`TerminalGuard`]'s `Drop`), panics (a hook that restores before the
//! message is printed), and SIGINT/SIGTERM/SIGHUP/SIGQUIT (the signal's
//! number in an atomic the loop polls; the process then exits with 128 plus
//! it, by convention).
//!
//! The user's place is restored from the state file on start and saved on
//! every way out but a panic ([`session`], [`crate::state`]); `--watch`
//! swaps in a re-parsed corpus keeping that place ([`watch`]). A large
//! corpus shows an early part of itself while the rest loads, and the full
//! one is swapped in the same way ([`loader`]).

pub mod app;
pub mod bench;
pub mod bindings;
pub mod derived;
#[cfg(unix)]
pub mod guardian;
pub mod help;
pub mod keeper;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod list;
pub mod loader;
pub mod loading;
pub mod nav;
pub mod page;
pub mod picker;
pub mod reader;
pub mod session;
pub mod settings;
pub mod status;
pub mod theme;
pub mod timeline;
pub mod update;
pub mod watch;
pub mod wrap;

use crate::model::Corpus;
use app::{Action, AppState, Overlay};
use ratatui::Frame;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// Draws one frame. Takes `&mut` only to bring the reader's wrap cache and
/// scroll up to date with the real size.
pub fn draw(f: &mut Frame, s: &mut AppState, c: &Corpus) {
    let area = f.area();
    if s.layout.area != area {
        s.layout = layout::compute(area, s.focus);
        s.list_into_view(c);
        timeline::scroll_into_view(s, c);
    }
    s.sync_reader(c);
    let theme = s.theme;
    if let Overlay::Help { scroll } = &mut s.overlay {
        *scroll = (*scroll).min(help::max_scroll(&theme, &s.keymap, area));
    }
    let s = &*s;
    let l = s.layout;
    if let Some(r) = l.list {
        list::render(f, s, c, r);
    }
    if let Some(r) = l.reader {
        reader::render(f, s, c, r);
    }
    if let Some(r) = l.timeline {
        timeline::render(f, s, c, r);
    }
    match &s.overlay {
        Overlay::Help { scroll } => help::render(f, &s.theme, &s.keymap, *scroll, area),
        Overlay::Picker(p) => picker::render(f, p, c, &s.theme, area),
        _ => {}
    }
    if let Some(r) = l.status {
        status::render(f, s, c, r);
    }
}

/// Translates a terminal event into an action (None: nothing to do).
pub fn action_for_event(s: &AppState, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            s.keymap.action_for(k, status::context(s))
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                col: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                col: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        _ => None,
    }
}

/// Applies one terminal event; true when something may have changed.
///
/// A terminal sends Esc followed quickly by a key as that key with Alt, and
/// no binding uses Alt, so Alt+key is read as Esc, then the key: typing
/// `Esc /` fast opens the search instead of doing nothing.
pub fn handle_event(s: &mut AppState, c: &Corpus, ev: &Event) -> bool {
    if let Event::Paste(text) = ev {
        return paste(s, c, text);
    }
    if let Event::Key(k) = ev
        && k.kind == KeyEventKind::Press
        && k.modifiers.contains(event::KeyModifiers::ALT)
    {
        app::update(s, c, Action::Escape);
        let mut plain = *k;
        plain.modifiers.remove(event::KeyModifiers::ALT);
        if let Some(a) = action_for_event(s, &Event::Key(plain)) {
            app::update(s, c, a);
        }
        return true;
    }
    match action_for_event(s, ev) {
        Some(a) => {
            app::update(s, c, a);
            true
        }
        None => false,
    }
}

/// The most of a paste a prompt takes: as much as it holds.
const PASTE_MAX_CHARS: usize = 200;

/// A bracketed paste: typed into an open prompt or the actor picker (on one
/// line, control characters left out), and otherwise ignored — pasted text
/// is never taken for keys. True when something changed.
fn paste(s: &mut AppState, c: &Corpus, text: &str) -> bool {
    let ctx = status::context(s);
    if !matches!(ctx, keys::Ctx::Prompt | keys::Ctx::Picker) {
        return false;
    }
    let chars = text
        .chars()
        .map(|ch| if ch.is_whitespace() { ' ' } else { ch })
        .filter(|ch| !ch.is_control())
        .take(PASTE_MAX_CHARS);
    for ch in chars {
        app::update(s, c, Action::Input(ch));
    }
    true
}

/// Whether input is waiting. Not a zero timeout: crossterm's /dev/tty
/// source answers a zero timeout without looking, so a millisecond it is.
fn input_waiting() -> io::Result<bool> {
    event::poll(Duration::from_millis(1))
}

/// Puts the terminal back: leave the alternate screen, stop mouse reporting
/// and bracketed paste, show the cursor, leave raw mode. Safe to call more
/// than once.
fn restore_terminal() {
    let mut out = io::stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Owns the terminal's raw/alternate/mouse state; dropping it restores the
/// terminal, so `?` and early returns cannot leave it broken.
pub struct TerminalGuard;

impl TerminalGuard {
    pub fn enter() -> io::Result<Self> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        enter_screen()?;
        Ok(guard)
    }
}

/// The screen modes a session runs in (raw mode aside): entered at the start
/// and again after a suspend.
fn enter_screen() -> io::Result<()> {
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// What a TUI session leaves to say on the normal screen once it is over.
pub struct Outcome {
    /// Load warnings (bad files) and state-file or watch problems: shown
    /// after the alternate screen is gone, where they stay readable.
    pub warnings: Vec<String>,
    /// The signal that ended the session (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
    pub signal: Option<i32>,
    /// Loading the corpus failed in the background (the early part was
    /// shown instead): the exit status says so.
    pub load_failed: bool,
}

impl Outcome {
    /// The exit status by convention: 128 plus the signal's number after a
    /// signal, 1 after a failed load, else 0.
    pub fn exit_status(&self) -> u8 {
        match self.signal {
            Some(sig) => u8::try_from(128 + sig).unwrap_or(1),
            None => u8::from(self.load_failed),
        }
    }
}

/// The signals that end a session like `q` does (SIGQUIT too: no core dump
/// and no broken terminal).
const STOP_SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
];

/// The signal flagged in `stop`, if any.
fn stopped_by(stop: &AtomicUsize) -> Option<i32> {
    match stop.load(Ordering::Relaxed) {
        0 => None,
        sig => i32::try_from(sig).ok(),
    }
}

/// How a TUI session runs, beyond what it shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Reload when files in the corpus change (`--watch`).
    pub watch: bool,
}

/// Opens the TUI at once on a loading screen, loads and parses `paths` in
/// the background (no paths: the bundled seeds), restores the remembered
/// place, then runs with `settings` (keys, theme, order from the config
/// file) until quit or a signal and saves the place. On a large corpus the
/// panes show an early part of it while the rest loads ([`loader`]).
pub fn run(
    paths: Vec<std::path::PathBuf>,
    settings: settings::Settings,
    opts: Options,
) -> io::Result<Outcome> {
    let keeper = keeper::Keeper::new(&paths);
    let watch_paths = paths.clone();
    let started = std::time::Instant::now();
    let stop = Arc::new(AtomicUsize::new(0));
    for sig in STOP_SIGNALS {
        signal_hook::flag::register_usize(sig, Arc::clone(&stop), sig as usize)?;
    }
    // Ctrl-Z is a key in raw mode; SIGTSTP is the same from outside.
    let suspend = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&suspend))?;
    exit_on_signal_watchdog(
        Arc::clone(&stop),
        keeper.last_words(),
        keeper.periodic_save(),
    );
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A panic off the main thread (loading in the background): the
        // session goes on with what it has, and says so (`Live::fill_in`,
        // and after exit).
        if std::thread::current().name() != Some("main") {
            loader::note_panic(info);
            return;
        }
        restore_terminal();
        previous(info);
    }));
    let _guard = TerminalGuard::enter()?;
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    let mut terminal = ratatui::Terminal::new(backend)?;
    terminal.clear()?;

    let progress = Arc::new(crate::parse::Progress::default());
    let rx = loader::spawn(paths, Arc::clone(&progress));
    let no_color = settings::no_color();
    let quit_label = settings.keymap.label(keys::Ctx::Global, Action::Quit);
    let mut first_frame = true;
    let first = loop {
        terminal.draw(|f| loading::render(f, &progress, no_color, &quit_label))?;
        if first_frame {
            first_frame = false;
            report_first_frame(started);
        }
        match rx.recv_timeout(Duration::from_millis(40)) {
            Ok(m) => break m,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                let why = loader::take_panic().unwrap_or_else(|| "the loader stopped".into());
                return Err(io::Error::other(format!(
                    "loading the corpus failed: {why}"
                )));
            }
        }
        if suspend.swap(false, Ordering::Relaxed) {
            suspend_job(&mut terminal)?;
        }
        if stopped_by(&stop).is_some() || quit_requested(&settings.keymap, &suspend)? {
            return Ok(Outcome {
                warnings: Vec::new(),
                signal: stopped_by(&stop),
                load_failed: false,
            });
        }
    };
    let (corpus, is_early) = match first {
        loader::Msg::Partial(c) => (*c, true),
        loader::Msg::Full(c) => (*c, false),
    };
    let size = terminal.size()?;
    let mut state = AppState::with_settings(&corpus, size.width, size.height, settings);
    // State and watch problems: in the status bar now, and after exit.
    let mut notes = Vec::new();
    let remembered = keeper.load().unwrap_or_else(|e| {
        state.complain(crate::text::sanitize_line(&e.short()).into_owned());
        notes.push(e.to_string());
        None
    });
    // Against the early corpus too: the place shows at once when it is there.
    if let Some(saved) = &remembered {
        session::restore(&mut state, &corpus, &keeper.key, saved);
    }
    let mut live = Live {
        state,
        corpus,
        keeper,
        watch: None,
        watch_paths: opts.watch.then_some(watch_paths),
        filling: is_early.then(|| loader::Filling::new(rx, progress, remembered)),
        notes,
        started,
    };
    if live.filling.is_none() {
        live.start_watch();
    }
    let result = main_loop(&mut terminal, &mut live, &stop, &suspend);
    // Saved even when the loop failed (a terminal gone mid-session). From
    // an early corpus only once the user has acted, and with what it lacks
    // added back from the state file, so nothing is forgotten.
    let saved = match &live.filling {
        None => live.keeper.save(&live.state, &live.corpus),
        Some(f) if f.acted => {
            let saved = f.to_save(&live.state, &live.corpus, &live.keeper.key);
            live.keeper.save_state(&saved)
        }
        Some(_) => Ok(()),
    };
    if let Err(e) = saved {
        live.notes.push(e);
    }
    if let Some(why) = loader::take_panic() {
        live.notes.push(format!("a background task failed: {why}"));
    }
    result?;
    let warnings = live
        .corpus
        .warnings
        .iter()
        .chain(live.corpus.articles.iter().flat_map(|a| &a.warnings))
        .chain(&live.notes)
        .cloned()
        .collect();
    Ok(Outcome {
        warnings,
        signal: stopped_by(&stop),
        load_failed: live.filling.as_ref().is_some_and(|f| f.failed),
    })
}

type Term = ratatui::Terminal<ratatui::backend::CrosstermBackend<io::Stdout>>;

/// A running session: what the main loop works on.
struct Live {
    state: AppState,
    corpus: Corpus,
    keeper: keeper::Keeper,
    watch: Option<watch::Watch>,
    /// `--watch` asked for these paths; the watch starts once the full
    /// corpus is in.
    watch_paths: Option<Vec<std::path::PathBuf>>,
    /// Some while an early part of the corpus is shown.
    filling: Option<loader::Filling>,
    /// Problems to print after exit.
    notes: Vec<String>,
    started: std::time::Instant,
}

impl Live {
    fn start_watch(&mut self) {
        let Some(paths) = self.watch_paths.take() else {
            return;
        };
        match watch::start(&paths) {
            Ok(w) => self.watch = Some(w),
            Err(e) => {
                self.state
                    .complain(crate::text::sanitize_line(&e).into_owned());
                self.notes.push(e);
            }
        }
    }

    /// While filling in: the status bar's progress, and the full corpus
    /// swapped in once it has come. True when something changed.
    fn fill_in(&mut self) -> io::Result<bool> {
        let Some(f) = &mut self.filling else {
            return Ok(false);
        };
        if f.failed {
            return Ok(false);
        }
        match f.poll() {
            loader::Poll::Loading => {
                let text = f.status(self.corpus.articles.len());
                let changed = self.state.loading.as_ref() != Some(&text);
                self.state.loading = Some(text);
                Ok(changed)
            }
            loader::Poll::Full(new) => {
                self.state = loader::swap_in(
                    &self.state,
                    &self.corpus,
                    &new,
                    &self.keeper.key,
                    f.remembered.as_ref(),
                    f.moved(&self.state, &self.corpus, &self.keeper.key),
                );
                self.corpus = *new;
                self.filling = None;
                self.state
                    .say(loader::done_text(self.corpus.articles.len()));
                self.start_watch();
                Ok(true)
            }
            // The early corpus stays, and is saved as it would be on a
            // quit during the load: nothing the state file has is lost.
            loader::Poll::Failed => {
                f.failed = true;
                let shown = crate::numfmt::thousands(self.corpus.articles.len());
                let why = loader::take_panic().unwrap_or_else(|| "the loader stopped".into());
                self.state.loading = None;
                self.state.complain(
                    crate::text::sanitize_line(&format!(
                        "loading failed, showing the first {shown} files: {why}"
                    ))
                    .into_owned(),
                );
                self.notes.push(format!("loading the corpus failed: {why}"));
                Ok(true)
            }
        }
    }
}

/// Draws, reads keys and swaps in the full corpus and reloads until `q` or
/// a signal.
fn main_loop(
    terminal: &mut Term,
    live: &mut Live,
    stop: &AtomicUsize,
    suspend: &AtomicBool,
) -> io::Result<()> {
    let test_panic = std::env::var("DATELINE_TEST_PANIC").is_ok_and(|v| v == "1");
    let mut dirty = true;
    // The first frame of the list, and of the full corpus, not yet drawn.
    let (mut report_list, mut report_full) = (true, true);
    while !live.state.quit && stopped_by(stop).is_none() {
        if suspend.swap(false, Ordering::Relaxed) {
            suspend_job(terminal)?;
            dirty = true;
        }
        // Before drawing: the first frame already says what is loading, and
        // the full corpus is drawn the turn it comes.
        if live.filling.is_some() {
            dirty |= live.fill_in()?;
        }
        let drew = dirty;
        if dirty {
            let Live {
                state,
                corpus,
                keeper,
                filling,
                ..
            } = &mut *live;
            terminal.draw(|f| draw(f, state, corpus))?;
            dirty = false;
            if let Some(f) = filling {
                f.drawn(state, corpus, &keeper.key);
            }
            if std::mem::take(&mut report_list) {
                loader::report("list_ms", live.started);
            }
            if report_full && live.filling.is_none() {
                report_full = false;
                loader::report("full_ms", live.started);
            }
            if test_panic {
                panic!("DATELINE_TEST_PANIC: panicking after the first frame, as asked");
            }
        }
        match &live.filling {
            None => live.keeper.checkpoint(&live.state, &live.corpus, drew),
            // An early corpus: what the final save would save (see `run`).
            Some(f) if f.acted => {
                let (state, corpus) = (&live.state, &live.corpus);
                live.keeper
                    .checkpoint_with(drew, |key| f.to_save(state, corpus, key));
            }
            Some(_) => {}
        }
        let Live {
            state,
            corpus,
            keeper,
            watch,
            ..
        } = &mut *live;
        for msg in watch
            .as_ref()
            .map(watch::Watch::pending)
            .unwrap_or_default()
        {
            match msg {
                watch::Reload::Started => state.say("reloading…"),
                watch::Reload::Done(new) => {
                    let changes = session::changes(corpus, &new);
                    *state = session::reload(state, corpus, &new, &keeper.key);
                    *corpus = *new;
                    let n = corpus.articles.len();
                    let s = if n == 1 { "" } else { "s" };
                    let n_text = crate::numfmt::thousands(n);
                    state.say(format!("reloaded: {n_text} article{s} ({changes})"));
                }
            }
            dirty = true;
        }
        let wait = if watch.is_some() || live.filling.is_some() {
            100
        } else {
            250
        };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        // Drain what is queued so a held key or a burst of resizes costs one
        // frame; a burst that keeps coming is drawn every DRAIN_FOR.
        let draining = std::time::Instant::now();
        loop {
            let ev = event::read()?;
            if is_ctrl_z(&ev) {
                suspend.store(true, Ordering::Relaxed);
                break;
            }
            let changed = handle_event(&mut live.state, &live.corpus, &ev);
            // Quitting is not acting: a quit straight away saves nothing.
            if changed
                && !live.state.quit
                && let Some(f) = &mut live.filling
            {
                if matches!(ev, Event::Resize(..)) {
                    f.resized();
                } else {
                    f.acted = true;
                }
            }
            dirty |= changed;
            if live.state.quit
                || draining.elapsed() > DRAIN_FOR
                || stopped_by(stop).is_some()
                || !input_waiting()?
            {
                break;
            }
        }
    }
    Ok(())
}

/// The longest the main loop takes input without drawing.
const DRAIN_FOR: Duration = Duration::from_millis(50);

/// Ctrl-Z, which raw mode delivers as a key instead of a signal.
fn is_ctrl_z(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.code == event::KeyCode::Char('z')
        && k.modifiers == event::KeyModifiers::CONTROL)
}

/// Suspends the job as Ctrl-Z in a shell does: the terminal restored, the
/// whole process group stopped (the guardian with it, so the shell sees the
/// job stopped); once continued (`fg`), raw mode, the alternate screen and
/// the mouse back on and everything redrawn. Where no shell could continue
/// the job (the session's own leader: `exec dateline`), it is not stopped.
fn suspend_job(terminal: &mut Term) -> io::Result<()> {
    #[cfg(unix)]
    {
        // SAFETY: getpgrp/getsid only ask; kill(0, SIGSTOP) stops our own
        // process group.
        let (group, session) = unsafe { (libc::getpgrp(), libc::getsid(0)) };
        if group == session {
            return Ok(());
        }
        restore_terminal();
        unsafe { libc::kill(0, libc::SIGSTOP) };
        enable_raw_mode()?;
        enter_screen()?;
        terminal.clear()?;
    }
    #[cfg(not(unix))]
    let _ = terminal;
    Ok(())
}

/// Once a signal is flagged, the main loop normally sees it within one poll
/// and leaves cleanly. But when the terminal itself is gone (a closed tmux
/// pane, a dropped ssh session) crossterm 0.29's reader spins on `read() = 0`
/// and never returns, so this thread restores what it can and exits instead
/// of leaving a process burning a core forever — saving the place first
/// (`last_words`), unless the main loop got to do that itself — with the
/// status the signal calls for.
///
/// Until then it also saves the place every [`keeper::SAVE_EVERY`] when it
/// has changed (`periodic_save`), so a process killed outright (SIGKILL, the
/// OOM killer) loses little.
fn exit_on_signal_watchdog(
    stop: Arc<AtomicUsize>,
    last_words: impl FnOnce() + Send + 'static,
    mut periodic_save: impl FnMut() + Send + 'static,
) {
    std::thread::spawn(move || {
        let mut since_save = std::time::Instant::now();
        let sig = loop {
            if let Some(sig) = stopped_by(&stop) {
                break sig;
            }
            std::thread::sleep(Duration::from_millis(100));
            if since_save.elapsed() >= keeper::SAVE_EVERY {
                since_save = std::time::Instant::now();
                periodic_save();
            }
        };
        std::thread::sleep(Duration::from_millis(500));
        last_words();
        restore_terminal();
        std::process::exit(128 + sig);
    });
}

/// During loading only the quit and Esc keys (and Ctrl-c, always) mean
/// anything: leave.
/// Ctrl-Z flags `suspend`, as in the main loop.
fn quit_requested(keymap: &keymap::Keymap, suspend: &AtomicBool) -> io::Result<bool> {
    while input_waiting()? {
        let ev = event::read()?;
        if is_ctrl_z(&ev) {
            suspend.store(true, Ordering::Relaxed);
            return Ok(false);
        }
        if let Event::Key(k) = ev
            && k.kind == KeyEventKind::Press
            && (matches!(
                keymap.action_for(&k, keys::Ctx::Global),
                Some(Action::Quit | Action::Escape)
            ) || (k.code == event::KeyCode::Char('c')
                && k.modifiers.contains(event::KeyModifiers::CONTROL)))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// For `bench/run.sh`: with `DATELINE_FIRST_FRAME_REPORT=FILE`, write the
/// milliseconds from start to the first frame into FILE.
fn report_first_frame(started: std::time::Instant) {
    if let Some(path) = std::env::var_os("DATELINE_FIRST_FRAME_REPORT") {
        let _ = std::fs::write(
            path,
            format!("{:.2}\n", started.elapsed().as_secs_f64() * 1000.0),
        );
    }
}
