//! The one loop: messages in, [`update`], effects out, a frame drawn.
//!
//! ```text
//!   terminal input ─┐                         ┌─> SpawnLoad, StartWatch,
//!   loader, watch  ─┼─> Host::next ─> Msg ─> update(&mut App) ─> Effect ─┤   Save, Suspend, Quit
//!   signals, ticks ─┘        ^                     │                     └─> Host::perform ─┐
//!                            │                     v                                        │
//!                            │             draw(&App) on Terminal<B>       follow-up Msgs <─┘
//!                            └──────────────── next turn
//! ```
//!
//! The loop is generic over the ratatui backend and over the [`Host`] that
//! supplies messages and carries out effects: the real one reads the
//! terminal, the loader and the watcher ([`super::host`]); a test's replays
//! a script onto a `TestBackend`.

use super::live::{self, App, Effect, Msg, update};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use std::collections::VecDeque;
use std::io;
use std::time::{Duration, Instant};

/// The longest the loop takes input without drawing: a held key or a burst
/// of resizes costs one frame, and a burst that keeps coming is drawn this
/// often.
pub const DRAIN_FOR: Duration = Duration::from_millis(50);

/// Where messages come from and effects go.
pub trait Host {
    /// The next message, waiting at most `wait` for one; None: nothing came.
    fn next(&mut self, wait: Duration) -> io::Result<Option<Msg>>;

    /// Whether more input is already waiting (so the frame can wait for it).
    fn input_waiting(&mut self) -> io::Result<bool> {
        Ok(false)
    }

    /// Carries out `effect`; what it returns goes back through `update`.
    fn perform<B: Backend>(
        &mut self,
        effect: Effect,
        terminal: &mut Terminal<B>,
    ) -> io::Result<Vec<Msg>>;

    /// A frame of `app` was just drawn: this is what is on the screen.
    fn drawn(&mut self, _app: &App, _screen: &Buffer) -> io::Result<()> {
        Ok(())
    }

    /// The end of every turn, `drew` when a frame was drawn in it (for
    /// checkpoints of the place).
    fn turned(&mut self, _app: &App, _drew: bool) {}
}

/// A backend's error as an I/O error (its message kept).
pub fn backend_error<E: std::error::Error>(e: E) -> io::Error {
    io::Error::other(e.to_string())
}

/// Whether `msg` is the user's input (what a burst is made of).
fn is_input(msg: &Msg) -> bool {
    matches!(
        msg,
        Msg::Key(_) | Msg::Mouse(_) | Msg::Paste(_) | Msg::Resize { .. } | Msg::Action(_)
    )
}

/// Runs the session until an [`Effect::Quit`]: starts it, then draws,
/// waits for a message, updates, and carries out the effects, turn after
/// turn. Errors are the terminal's (or the host's); the session's state is
/// left as it was for the caller to save.
pub fn run_loop<B: Backend, H: Host>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    host: &mut H,
) -> io::Result<()> {
    let size = terminal.size().map_err(backend_error)?;
    let mut queue = VecDeque::from([
        Msg::Resize {
            width: size.width,
            height: size.height,
        },
        Msg::Start,
    ]);
    let mut burst: Option<Instant> = None;
    loop {
        let mut quitting = false;
        while let Some(msg) = queue.pop_front() {
            for effect in update(app, msg) {
                quitting |= effect == Effect::Quit;
                queue.extend(host.perform(effect, terminal)?);
            }
        }
        if quitting {
            return Ok(());
        }
        let holding =
            app.dirty && burst.is_some_and(|t| t.elapsed() < DRAIN_FOR) && host.input_waiting()?;
        let mut drew = false;
        if app.dirty && !holding {
            let size = terminal.size().map_err(backend_error)?;
            if (size.width, size.height) != app.size() {
                let resize = Msg::Resize {
                    width: size.width,
                    height: size.height,
                };
                for effect in update(app, resize) {
                    queue.extend(host.perform(effect, terminal)?);
                }
            }
            let frame = terminal
                .draw(|f| live::draw(f, app))
                .map_err(backend_error)?;
            host.drawn(app, frame.buffer)?;
            app.dirty = false;
            drew = true;
            burst = None;
        }
        host.turned(app, drew);
        let wait = if holding {
            Duration::ZERO
        } else {
            app.tick_every()
        };
        let msg = host.next(wait)?.unwrap_or(Msg::Tick);
        if is_input(&msg) {
            burst.get_or_insert_with(Instant::now);
        }
        queue.push_back(msg);
    }
}
