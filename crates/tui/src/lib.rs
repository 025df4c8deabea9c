//! The terminal UI: an article list, a reader and a timeline over one parsed
//! [`Corpus`]. The session is one value ([`live::App`]) changed by one
//! function ([`live::update`]) from one message at a time — keys, mouse,
//! resizes, the corpus arriving (early part, whole, reloaded), a failed
//! load, ticks, signals — in one loop ([`runtime::run_loop`]) that carries
//! out what `update` asks for (load, watch, save, suspend, quit) through a
//! [`runtime::Host`] and then draws; drawing only reads. Within the panes,
//! a key becomes an [`action::Action`] through the keymap ([`input`]) and
//! [`update::update`] applies it.
//!
//! The terminal is restored on every way out: normal return and errors (the
//! [`TerminalGuard`]'s `Drop`), panics (a hook that restores before the
//! message is printed), and SIGINT/SIGTERM/SIGHUP/SIGQUIT (the signal's
//! number in an atomic the loop polls; the process then exits with 128 plus
//! it, by convention).
//!
//! The user's place is restored from the state file on start and saved on
//! every way out but a panic ([`session`], [`dateline_core::state`], [`keeper`]);
//! `--watch` swaps in a re-parsed corpus keeping that place ([`watch`]). A
//! large corpus shows an early part of itself while the rest loads, and the
//! full one is swapped in the same way ([`loader`]).

pub mod action;
pub mod app;
pub mod bench;
pub mod bindings;
pub mod derived;
pub mod doc;
pub mod event_rows;
#[cfg(unix)]
pub mod guardian;
pub mod habits;
pub mod help;
pub mod host;
pub mod input;
pub mod keeper;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod list;
pub mod live;
pub mod loader;
pub mod loading;
pub mod matches;
pub mod nav;
pub mod overlay;
pub mod page;
pub mod picker;
pub mod reader;
pub mod results;
pub mod runtime;
pub mod session;
pub mod settings;
pub mod status;
pub mod strip;
pub mod styled_wrap;
pub mod test_hooks;
pub mod theme;
pub mod timeline;
pub mod update;
pub mod warnings;
pub mod watch;
pub mod wrap;

use app::{AppState, Overlay};
use dateline_core::model::Corpus;
use ratatui::Frame;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

pub use input::{action_for_event, handle_event};

/// Draws the panes of `s` over `c`. Reads only: the state is brought up to
/// date with the terminal's size by [`update::update`] (a resize) beforehand.
pub fn draw(f: &mut Frame, s: &AppState, c: &Corpus) {
    let area = f.area();
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
        Overlay::Warnings { scroll } => warnings::render(f, c, &s.theme, *scroll, area),
        Overlay::Results(r) => {
            let pattern = s.search.as_ref().map_or("", |x| x.pattern.as_str());
            results::render(f, r, c, pattern, &s.theme, area)
        }
        _ => {}
    }
    if let Some(r) = l.status {
        status::render(f, s, c, r);
    }
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
pub(crate) fn stopped_by(stop: &AtomicUsize) -> Option<i32> {
    match stop.load(Ordering::Relaxed) {
        0 => None,
        sig => i32::try_from(sig).ok(),
    }
}

/// How a TUI session runs, beyond what it shows.
#[derive(Clone)]
pub struct Options {
    /// Reload when files in the corpus change (`--watch`).
    pub watch: bool,
    /// What the parser knows, for the load and every reload.
    pub knowledge: Arc<dateline_core::knowledge::Knowledge>,
}

impl Default for Options {
    /// No watching; the bundled knowledge.
    fn default() -> Self {
        Options {
            watch: false,
            knowledge: dateline_core::knowledge::Knowledge::shared_builtin(),
        }
    }
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
        // session goes on with what it has, and says so (`Msg::LoadFailed`,
        // and after exit).
        if std::thread::current().name() != Some("main") {
            loader::note_panic(info);
            return;
        }
        restore_terminal();
        previous(info);
    }));
    // State problems: in the status bar once there is one, and after exit.
    let remembered = keeper.load().map_err(|e| (e.short(), e.to_string()));
    let progress = Arc::new(dateline_core::parse::Progress::default());
    let mut app = live::App::new(
        settings,
        keeper.key.clone(),
        remembered,
        Arc::clone(&progress),
        opts.watch,
    );
    let mut host = host::TermHost::new(
        paths,
        opts.knowledge,
        progress,
        keeper,
        Arc::clone(&stop),
        suspend,
        started,
    );
    let _guard = TerminalGuard::enter()?;
    let backend = ratatui::backend::CrosstermBackend::new(io::stdout());
    let mut terminal = ratatui::Terminal::new(backend)?;
    terminal.clear()?;
    let result = runtime::run_loop(&mut terminal, &mut app, &mut host);
    // Saved even when the loop failed (a terminal gone mid-session); on a
    // quit or a signal the session has saved already.
    if app.exit.is_none() {
        match app.to_save() {
            Some(saved) => {
                if let Err(e) = host.keeper.save_state(&saved) {
                    app.notes.push(e);
                }
            }
            None => host.keeper.forget_checkpoint(),
        }
    }
    if let Some(why) = loader::take_panic() {
        app.notes.push(format!("a background task failed: {why}"));
    }
    result?;
    if let live::Phase::Failed(why) = &app.phase {
        return Err(io::Error::other(why.clone()));
    }
    let mut warnings = Vec::new();
    if let Some(v) = &app.view {
        let c = &v.corpus;
        let articles = c.articles.iter().flat_map(|a| &a.warnings);
        warnings.extend(c.warnings.iter().chain(articles).map(ToString::to_string));
    }
    warnings.append(&mut app.notes);
    Ok(Outcome {
        warnings,
        signal: match app.exit {
            Some(live::Exit::Signal(sig)) => Some(sig),
            _ => stopped_by(&stop),
        },
        load_failed: matches!(app.phase, live::Phase::PartLoaded(_)),
    })
}

/// Suspends the job as Ctrl-Z in a shell does: the terminal restored, the
/// whole process group stopped (the guardian with it, so the shell sees the
/// job stopped); once continued (`fg`), raw mode, the alternate screen and
/// the mouse back on, and true: everything is to be drawn again. Where no
/// shell could continue the job (the session's own leader: `exec
/// dateline`), it is not stopped.
fn suspend_job() -> io::Result<bool> {
    #[cfg(unix)]
    {
        // SAFETY: getpgrp/getsid only ask; kill(0, SIGSTOP) stops our own
        // process group.
        let (group, session) = unsafe { (libc::getpgrp(), libc::getsid(0)) };
        if group == session {
            return Ok(false);
        }
        restore_terminal();
        unsafe { libc::kill(0, libc::SIGSTOP) };
        enable_raw_mode()?;
        enter_screen()?;
        Ok(true)
    }
    #[cfg(not(unix))]
    Ok(false)
}

/// Set while the user's pager or editor has the terminal: a Ctrl-C or
/// Ctrl-\ typed there reaches our process group too, but it is the
/// pager's, so the watchdog leaves the session alone until it is back.
static OUTSIDE: AtomicBool = AtomicBool::new(false);

/// Runs `$PAGER` (or `$EDITOR`; `less`, `vi` when unset) on `path` with the
/// terminal given back (cooked mode, the normal screen, no mouse), then
/// takes it again. The program is run by `sh -c` so that a value with
/// options (`less -R`) works; the path goes in as `$1`, never into the
/// command line. Some(why) when it could not run or failed.
pub(crate) fn run_outside(
    path: &std::path::Path,
    editor: bool,
    stop: &AtomicUsize,
) -> io::Result<Option<String>> {
    let (var, fallback) = if editor {
        ("EDITOR", "vi")
    } else {
        ("PAGER", "less")
    };
    let program = std::env::var(var)
        .ok()
        .filter(|p| !p.trim().is_empty())
        .unwrap_or_else(|| fallback.to_string());
    let stopped_before = stop.load(Ordering::Relaxed);
    OUTSIDE.store(true, Ordering::Relaxed);
    restore_terminal();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{program} \"$1\""))
        .arg("dateline")
        .arg(path)
        .status();
    let back = enable_raw_mode().and_then(|()| enter_screen());
    // An interrupt typed in the pager was the pager's.
    #[cfg(unix)]
    if stopped_before == 0 {
        let _ = stop.compare_exchange(
            libc::SIGINT as usize,
            0,
            Ordering::Relaxed,
            Ordering::Relaxed,
        );
        let _ = stop.compare_exchange(
            libc::SIGQUIT as usize,
            0,
            Ordering::Relaxed,
            Ordering::Relaxed,
        );
    }
    OUTSIDE.store(false, Ordering::Relaxed);
    back?;
    let shown = dateline_core::text::sanitize_line(&program).into_owned();
    Ok(match status {
        Ok(st) if st.success() => None,
        Ok(st) => Some(format!("{var} ({shown}) ended with {st}")),
        Err(e) => Some(format!("could not run {var} ({shown}): {e}")),
    })
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
            if let Some(sig) = stopped_by(&stop)
                && !OUTSIDE.load(Ordering::Relaxed)
            {
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

/// For `bench/run.sh`: with `DATELINE_FIRST_FRAME_REPORT=FILE`, write the
/// milliseconds from start to the first frame into FILE.
pub(crate) fn report_first_frame(started: std::time::Instant) {
    if let Some(path) = std::env::var_os("DATELINE_FIRST_FRAME_REPORT") {
        let _ = std::fs::write(
            path,
            format!("{:.2}\n", started.elapsed().as_secs_f64() * 1000.0),
        );
    }
}
