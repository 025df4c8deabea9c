//! The real [`Host`]: messages from the terminal, the loader thread, the
//! `--watch` thread and the signal flags; effects carried out on the real
//! terminal, the file system and the process.

use super::keeper::Keeper;
use super::live::{App, Effect, Msg, Phase};
use super::runtime::Host;
use super::{loader, watch};
use dateline_core::knowledge::Knowledge;
use dateline_core::parse::Progress;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

/// The session's outside world.
pub struct TermHost {
    paths: Vec<PathBuf>,
    /// What the parser knows, for the load and every reload.
    knowledge: Arc<Knowledge>,
    progress: Arc<Progress>,
    pub keeper: Keeper,
    /// The loader's messages, until the whole corpus (or its failure) came.
    loads: Option<Receiver<loader::Msg>>,
    /// Whether anything has come from the loader yet.
    shown: bool,
    watch: Option<watch::Watch>,
    /// A stop signal's number, set by its handler.
    stop: Arc<AtomicUsize>,
    /// SIGTSTP came.
    suspend: Arc<AtomicBool>,
    queue: VecDeque<Msg>,
    started: Instant,
    /// What `bench/run.sh` is told, once each.
    reported: Reported,
    /// `DATELINE_TEST_PANIC=1` (see `test_hooks`): panic after the first frame.
    test_panic: bool,
}

#[derive(Default)]
struct Reported {
    first_frame: bool,
    list: bool,
    full: bool,
}

impl TermHost {
    pub fn new(
        paths: Vec<PathBuf>,
        knowledge: Arc<Knowledge>,
        progress: Arc<Progress>,
        keeper: Keeper,
        stop: Arc<AtomicUsize>,
        suspend: Arc<AtomicBool>,
        started: Instant,
    ) -> Self {
        TermHost {
            paths,
            knowledge,
            progress,
            keeper,
            loads: None,
            shown: false,
            watch: None,
            stop,
            suspend,
            queue: VecDeque::new(),
            started,
            reported: Reported::default(),
            test_panic: super::test_hooks::is("DATELINE_TEST_PANIC", "1"),
        }
    }

    /// A message from the loader, waiting up to `wait` for one.
    fn poll_loader(&mut self, wait: Duration) -> Option<Msg> {
        let rx = self.loads.as_ref()?;
        let got = if wait.is_zero() {
            rx.try_recv().map_err(|e| match e {
                TryRecvError::Empty => RecvTimeoutError::Timeout,
                TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            })
        } else {
            rx.recv_timeout(wait)
        };
        match got {
            Ok(loader::Msg::Partial(c)) => {
                self.shown = true;
                Some(Msg::EarlyCorpus(c))
            }
            Ok(loader::Msg::Full(c)) => {
                self.loads = None;
                self.shown = true;
                Some(Msg::FullCorpus(c))
            }
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                self.loads = None;
                let why = loader::take_panic().unwrap_or_else(|| "the loader stopped".into());
                Some(Msg::LoadFailed(why))
            }
        }
    }
}

/// A terminal event as a message (None: one the session has no use for).
fn msg_for(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) => Some(Msg::Key(k)),
        Event::Mouse(m) => Some(Msg::Mouse(m)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(width, height) => Some(Msg::Resize { width, height }),
        Event::FocusGained | Event::FocusLost => None,
    }
}

/// Whether input is waiting. Not a zero timeout: crossterm's /dev/tty
/// source answers a zero timeout without looking, so a millisecond it is.
fn input_waiting() -> io::Result<bool> {
    event::poll(Duration::from_millis(1))
}

impl Host for TermHost {
    fn next(&mut self, wait: Duration) -> io::Result<Option<Msg>> {
        if let Some(m) = self.queue.pop_front() {
            return Ok(Some(m));
        }
        if let Some(sig) = super::stopped_by(&self.stop) {
            return Ok(Some(Msg::Signal(sig)));
        }
        if self.suspend.swap(false, Ordering::Relaxed) {
            return Ok(Some(Msg::Suspend));
        }
        // Nothing shown yet: wait on the loader, so the panes come the
        // moment it sends; the keys are looked at between waits.
        let on_loader = if self.shown { Duration::ZERO } else { wait };
        if let Some(m) = self.poll_loader(on_loader) {
            return Ok(Some(m));
        }
        if let Some(w) = &self.watch {
            self.queue.extend(w.pending().into_iter().map(|r| match r {
                watch::Reload::Started => Msg::Reloading,
                watch::Reload::Done(c) => Msg::Reloaded(c),
            }));
            if let Some(m) = self.queue.pop_front() {
                return Ok(Some(m));
            }
        }
        let ready = if self.shown {
            event::poll(wait.max(Duration::from_millis(1)))?
        } else {
            input_waiting()?
        };
        Ok(if ready { msg_for(event::read()?) } else { None })
    }

    fn input_waiting(&mut self) -> io::Result<bool> {
        input_waiting()
    }

    fn perform<B: Backend>(
        &mut self,
        effect: Effect,
        terminal: &mut Terminal<B>,
    ) -> io::Result<Vec<Msg>> {
        match effect {
            Effect::SpawnLoad => {
                self.loads = Some(loader::spawn(
                    self.paths.clone(),
                    Arc::clone(&self.knowledge),
                    Arc::clone(&self.progress),
                ));
            }
            Effect::StartWatch => match watch::start(&self.paths, &self.knowledge) {
                Ok(w) => self.watch = Some(w),
                Err(e) => return Ok(vec![Msg::EffectFailed(e)]),
            },
            Effect::Save(Some(saved)) => {
                if let Err(e) = self.keeper.save_state(&saved) {
                    return Ok(vec![Msg::EffectFailed(e)]);
                }
            }
            Effect::Save(None) => self.keeper.forget_checkpoint(),
            Effect::Suspend => {
                if super::suspend_job()? {
                    terminal.clear().map_err(super::runtime::backend_error)?;
                    return Ok(vec![Msg::Resumed]);
                }
            }
            Effect::Copy(text) => {
                use std::io::Write;
                let mut out = io::stdout();
                out.write_all(super::habits::osc52(&text).as_bytes())?;
                out.flush()?;
            }
            Effect::Open { path, editor } => {
                let suspended = self.suspend.load(Ordering::Relaxed);
                let said = super::run_outside(&path, editor, &self.stop)?;
                // A Ctrl-Z typed in the pager was the pager's.
                if !suspended {
                    self.suspend.store(false, Ordering::Relaxed);
                }
                terminal.clear().map_err(super::runtime::backend_error)?;
                let mut back = vec![Msg::Resumed];
                if let Some(why) = said {
                    back.push(Msg::EffectFailed(why));
                }
                return Ok(back);
            }
            Effect::Quit => {
                // Nobody listens any more: the loader stops at its next
                // message, the watch with its thread.
                self.loads = None;
                self.watch = None;
            }
        }
        Ok(Vec::new())
    }

    fn drawn(&mut self, app: &App, _screen: &Buffer) -> io::Result<()> {
        if !std::mem::replace(&mut self.reported.first_frame, true) {
            super::report_first_frame(self.started);
        }
        if app.view.is_none() {
            return Ok(());
        }
        if !std::mem::replace(&mut self.reported.list, true) {
            loader::report("list_ms", self.started);
        }
        if app.phase == Phase::Ready && !std::mem::replace(&mut self.reported.full, true) {
            loader::report("full_ms", self.started);
        }
        if self.test_panic {
            panic!("DATELINE_TEST_PANIC: panicking after the first frame, as asked");
        }
        Ok(())
    }

    fn turned(&mut self, app: &App, drew: bool) {
        if app.keeps_place() {
            self.keeper
                .checkpoint_with(drew, |_| app.to_save().unwrap_or_default());
        }
    }
}
