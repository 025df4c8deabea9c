//! The TUI's whole session driven by scripted messages through the real
//! loop (`runtime::run_loop`) on a `TestBackend`: the loading screen, the
//! first fill-in (early corpus, then the full one), a `--watch` reload, a
//! failed load, quitting and signals during a load, a resize, Ctrl-Z. What
//! the session asks for (load, watch, save, suspend, quit) is recorded
//! instead of done, and every frame is kept to look at.

use dateline::model::Corpus;
use dateline::parse::Progress;
use dateline::state::{CorpusKey, SavedState, VERSION};
use dateline::tui::action::{Action, Pane};
use dateline::tui::live::{App, Effect, Exit, Msg, Phase};
use dateline::tui::loader;
use dateline::tui::runtime::{Host, run_loop};
use dateline::tui::settings::Settings;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::VecDeque;
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// A host that replays a script and records the rest.
#[derive(Default)]
struct Script {
    script: VecDeque<Msg>,
    effects: Vec<Effect>,
    frames: Vec<Frame>,
}

/// A frame as drawn.
struct Frame {
    /// The phase's name.
    phase: String,
    text: String,
    /// The file the reader showed.
    file: Option<String>,
}

impl Host for Script {
    fn next(&mut self, _wait: Duration) -> io::Result<Option<Msg>> {
        match self.script.pop_front() {
            Some(m) => Ok(Some(m)),
            None => Err(io::Error::other("the script ran out before a quit")),
        }
    }

    fn perform<B: Backend>(&mut self, e: Effect, _t: &mut Terminal<B>) -> io::Result<Vec<Msg>> {
        let resumed = e == Effect::Suspend;
        self.effects.push(e);
        Ok(if resumed { vec![Msg::Resumed] } else { vec![] })
    }

    fn drawn(&mut self, app: &App, screen: &Buffer) -> io::Result<()> {
        let phase = format!("{:?}", app.phase);
        let phase = phase.split('(').next().unwrap_or_default().to_string();
        let mut text = String::new();
        for y in 0..screen.area.height {
            for x in 0..screen.area.width {
                text.push_str(screen[(x, y)].symbol());
            }
            text.push('\n');
        }
        let file = app.view.as_ref().and_then(|v| {
            let a = v.corpus.articles.get(v.state.current? as usize)?;
            Some(a.path.file_name()?.to_string_lossy().into_owned())
        });
        self.frames.push(Frame { phase, text, file });
        Ok(())
    }
}

impl Script {
    /// The last frame drawn.
    fn last(&self) -> &str {
        &self.frames.last().expect("a frame").text
    }

    /// The phases frames were drawn in, each once in a row.
    fn phases(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.frames.iter().map(|f| f.phase.as_str()).collect();
        v.dedup();
        v
    }

    /// The saves asked for.
    fn saves(&self) -> Vec<&Option<SavedState>> {
        self.effects
            .iter()
            .filter_map(|e| match e {
                Effect::Save(s) => Some(s),
                _ => None,
            })
            .collect()
    }
}

/// Runs `app` through `script` on a `w`×`h` test terminal.
fn run(app: &mut App, script: Vec<Msg>, w: u16, h: u16) -> (Script, io::Result<()>) {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut host = Script {
        script: script.into(),
        ..Script::default()
    };
    let result = run_loop(&mut t, app, &mut host);
    (host, result)
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// A folder of `n` articles (the bundled seeds over and over) as 00.txt,
/// 01.txt..., so load order is file-name order.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dateline::ingest::BUNDLED_SEEDS;
    for i in 0..n {
        let text = seeds[i % seeds.len()].1;
        std::fs::write(dir.path().join(format!("{i:02}.txt")), text).unwrap();
    }
    dir
}

/// The early (first 3 files) and the full corpus of `dir`, as the loader
/// sends them.
fn early_and_full(dir: &Path) -> (Box<Corpus>, Box<Corpus>) {
    let mut got = Vec::new();
    loader::load(
        &[dir.to_path_buf()],
        &dateline::knowledge::Knowledge::shared_builtin(),
        &Progress::default(),
        3,
        &mut |m| {
            got.push(m);
            true
        },
    );
    match (got.remove(0), got.remove(0)) {
        (loader::Msg::Partial(p), loader::Msg::Full(f)) => (p, f),
        _ => panic!("early first, full last"),
    }
}

fn full(dir: &Path) -> Box<Corpus> {
    Box::new(dateline::open(&[dir.to_path_buf()]))
}

/// A session over `dir`, remembering `remembered`.
fn app(dir: &Path, remembered: Option<SavedState>, watch: bool) -> App {
    let key = CorpusKey::for_paths(&[dir.to_path_buf()]);
    App::new(
        Settings::default(),
        key,
        Ok(remembered),
        Arc::new(Progress::default()),
        watch,
    )
}

/// A state file for `dir`: reading `article` in the reader, these marked read.
fn remembered(dir: &Path, article: &str, read: &[&str]) -> SavedState {
    let key = CorpusKey::for_paths(&[dir.to_path_buf()]);
    let id = |n: &str| key.article_id(&dir.join(n));
    SavedState {
        version: VERSION,
        corpus: key.names(),
        focus: Some("reader".into()),
        article: Some(id(article)),
        read: read.iter().map(|n| id(n)).collect(),
        ..SavedState::default()
    }
}

#[test]
fn the_first_fill_in_shows_the_early_part_then_the_remembered_place_in_the_full_corpus() {
    let dir = folder(40);
    let (early, full) = early_and_full(dir.path());
    let saved = remembered(dir.path(), "07.txt", &["08.txt"]);
    let mut app = app(dir.path(), Some(saved.clone()), true);
    let script = vec![
        Msg::Tick,
        Msg::EarlyCorpus(early),
        Msg::Tick,
        Msg::FullCorpus(full),
        key('q'),
    ];
    let (host, result) = run(&mut app, script, 120, 40);
    result.unwrap();
    assert_eq!(
        host.effects.first(),
        Some(&Effect::SpawnLoad),
        "loading starts first"
    );
    assert_eq!(host.phases(), ["Loading", "Filling", "Ready"]);
    let loading = &host.frames[0].text;
    assert!(loading.contains("dateline · loading"), "{loading}");
    let filling = &host
        .frames
        .iter()
        .find(|f| f.phase == "Filling")
        .unwrap()
        .text;
    assert!(
        filling.contains("Articles 1/3"),
        "the early part: {filling}"
    );
    assert!(
        filling.contains("showing 3"),
        "says it is loading: {filling}"
    );
    let ready = host.last();
    assert!(ready.contains("Articles"), "{ready}");
    assert!(ready.contains("/40"), "the full corpus: {ready}");
    assert!(ready.contains("loaded 40 articles"), "{ready}");
    // The remembered article was not in the early part: found in the full one.
    assert!(ready.contains("07.txt"), "{ready}");
    assert_eq!(host.frames.last().unwrap().file.as_deref(), Some("07.txt"));
    // Watching starts once the whole corpus is in, not before.
    let watch_at = host.effects.iter().position(|e| *e == Effect::StartWatch);
    assert_eq!(watch_at, Some(1), "{:?}", host.effects);
    // Quitting saves the place, with the state file's read marks.
    assert_eq!(app.exit, Some(Exit::Quit));
    assert_eq!(host.effects.last(), Some(&Effect::Quit));
    let saves = host.saves();
    let Some(Some(out)) = saves.first() else {
        panic!("a save: {:?}", host.effects)
    };
    assert_eq!(out.article, saved.article);
    assert!(out.read.contains(&saved.read[0]));
}

#[test]
fn a_reload_keeps_the_place_and_says_what_changed() {
    let dir = folder(12);
    let mut app = app(dir.path(), None, true);
    let before = full(dir.path());
    let seed = dateline::ingest::BUNDLED_SEEDS[0].1;
    std::fs::write(dir.path().join("zz.txt"), seed).unwrap();
    let after = full(dir.path());
    let script = vec![
        Msg::FullCorpus(before),
        Msg::Action(Action::Focus(Pane::List)),
        Msg::Action(Action::Down),
        Msg::Action(Action::Down),
        Msg::Action(Action::Activate),
        Msg::Reloading,
        Msg::Reloaded(after),
        key('q'),
    ];
    let (host, result) = run(&mut app, script, 100, 30);
    result.unwrap();
    let reloading = host
        .frames
        .iter()
        .find(|f| f.text.contains("reloading…"))
        .expect("says it is reloading");
    let chosen = reloading.file.clone().expect("an article");
    let last = host.frames.last().unwrap();
    assert!(
        last.text.contains("reloaded: 13 articles (+1)"),
        "says what changed: {}",
        last.text
    );
    assert_eq!(last.file.as_ref(), Some(&chosen), "the place is kept");
    assert_eq!(app.view.as_ref().unwrap().state.focus, Pane::Reader);
    assert_eq!(app.view.as_ref().unwrap().corpus.articles.len(), 13);
    assert_eq!(app.phase, Phase::Ready);
    let Some(Some(out)) = host.saves().first().copied() else {
        panic!("a save: {:?}", host.effects)
    };
    let key = CorpusKey::for_paths(&[dir.path().to_path_buf()]);
    assert_eq!(out.article, Some(key.article_id(&dir.path().join(&chosen))));
}

#[test]
fn a_failed_full_load_keeps_the_early_part_and_says_so() {
    let dir = folder(40);
    let (early, _) = early_and_full(dir.path());
    let saved = remembered(dir.path(), "07.txt", &["08.txt"]);
    let mut app = app(dir.path(), Some(saved.clone()), true);
    let script = vec![
        Msg::EarlyCorpus(early),
        Msg::LoadFailed("the parser fell over".into()),
        Msg::Tick,
        Msg::Action(Action::Focus(Pane::List)),
        Msg::Action(Action::Activate),
        key('q'),
    ];
    let (host, result) = run(&mut app, script, 120, 40);
    result.unwrap();
    assert!(matches!(app.phase, Phase::PartLoaded(_)), "{:?}", app.phase);
    let failed = host
        .frames
        .iter()
        .find(|f| f.phase == "PartLoaded")
        .expect("a frame after the failure");
    assert!(
        failed
            .text
            .contains("loading failed, showing the first 3 files: the parser fell over"),
        "{}",
        failed.text
    );
    assert!(!failed.text.contains("showing 3"), "no longer loading");
    assert!(
        app.notes
            .contains(&"loading the corpus failed: the parser fell over".to_string()),
        "said after exit too: {:?}",
        app.notes
    );
    assert!(
        !host.effects.contains(&Effect::StartWatch),
        "no watch on a part of the corpus"
    );
    // The user acted on the early part: saved, with the state file's marks.
    let Some(Some(out)) = host.saves().first().copied() else {
        panic!("a save: {:?}", host.effects)
    };
    assert!(out.read.contains(&saved.read[0]), "{:?}", out.read);
    assert!(out.read.len() >= 2, "and the one opened: {:?}", out.read);
}

#[test]
fn a_load_failing_before_anything_is_shown_ends_the_session() {
    let dir = folder(3);
    let mut app = app(dir.path(), None, false);
    let script = vec![Msg::Tick, Msg::LoadFailed("no thread to load on".into())];
    let (host, result) = run(&mut app, script, 80, 24);
    result.unwrap();
    assert_eq!(app.exit, Some(Exit::LoadFailed));
    assert_eq!(
        app.phase,
        Phase::Failed("loading the corpus failed: no thread to load on".into())
    );
    assert_eq!(
        host.effects,
        [Effect::SpawnLoad, Effect::Save(None), Effect::Quit]
    );
}

#[test]
fn quitting_on_the_loading_screen_takes_the_quit_key_esc_or_ctrl_c_and_nothing_else() {
    let dir = folder(3);
    let ctrl_c = Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let esc = Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    for quit in [key('q'), esc, ctrl_c] {
        let mut app = app(dir.path(), None, false);
        let script = vec![
            key('j'),
            Msg::Paste("q".into()),
            Msg::Action(Action::Down),
            Msg::Tick,
            quit,
        ];
        let (host, result) = run(&mut app, script, 80, 24);
        result.unwrap();
        assert_eq!(app.exit, Some(Exit::Quit));
        assert_eq!(app.phase, Phase::Loading);
        assert_eq!(
            host.effects,
            [Effect::SpawnLoad, Effect::Save(None), Effect::Quit],
            "nothing to save on the loading screen"
        );
        assert!(host.frames.iter().all(|f| f.phase == "Loading"));
    }
    let mut app = app(dir.path(), None, false);
    let (host, result) = run(&mut app, vec![Msg::Tick, Msg::Signal(15)], 80, 24);
    result.unwrap();
    assert_eq!(app.exit, Some(Exit::Signal(15)));
    assert_eq!(host.effects.last(), Some(&Effect::Quit));
}

/// Quitting while the rest loads: looking straight away saves nothing (the
/// state file stays as it was); having acted saves the place with every
/// read mark the state file had.
#[test]
fn quitting_during_the_fill_in_saves_only_once_the_user_has_acted() {
    let dir = folder(40);
    let saved = remembered(dir.path(), "07.txt", &["08.txt", "09.txt"]);
    let (early, _) = early_and_full(dir.path());
    let mut app1 = app(dir.path(), Some(saved.clone()), false);
    let script = vec![Msg::EarlyCorpus(early), Msg::Tick, key('q')];
    let (host, result) = run(&mut app1, script, 120, 40);
    result.unwrap();
    assert_eq!(host.saves(), [&None], "{:?}", host.effects);
    assert!(matches!(app1.phase, Phase::Filling(_)));

    let (early, _) = early_and_full(dir.path());
    let mut app2 = app(dir.path(), Some(saved.clone()), false);
    let script = vec![
        Msg::EarlyCorpus(early),
        Msg::Action(Action::Focus(Pane::List)),
        Msg::Action(Action::Top),
        Msg::Action(Action::Activate),
        Msg::Signal(1),
    ];
    let (host, result) = run(&mut app2, script, 120, 40);
    result.unwrap();
    assert_eq!(app2.exit, Some(Exit::Signal(1)));
    let Some(Some(out)) = host.saves().first().copied() else {
        panic!("a save: {:?}", host.effects)
    };
    for r in &saved.read {
        assert!(out.read.contains(r), "{r} kept: {:?}", out.read);
    }
    assert_eq!(out.read.len(), 3, "and the one opened: {:?}", out.read);
    assert_ne!(out.article, saved.article, "moved: the new place");
}

/// A resize while the early part is shown is no move: the remembered place
/// still wins when the full corpus comes. Ctrl-Z suspends and everything is
/// drawn again after.
#[test]
fn resizing_and_suspending_are_not_moving() {
    let dir = folder(40);
    let saved = remembered(dir.path(), "07.txt", &[]);
    let (early, full) = early_and_full(dir.path());
    let mut app = app(dir.path(), Some(saved), false);
    let ctrl_z = Msg::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
    let script = vec![
        Msg::EarlyCorpus(early),
        Msg::Resize {
            width: 90,
            height: 30,
        },
        ctrl_z,
        Msg::Suspend,
    ];
    // The script runs out mid-session, leaving the session to look at.
    let (host, result) = run(&mut app, script, 120, 40);
    assert!(result.is_err());
    let Phase::Filling(fill) = &app.phase else {
        panic!("{:?}", app.phase)
    };
    assert!(!fill.acted, "a resize, a suspend: no action");
    let suspends = host.effects.iter().filter(|e| **e == Effect::Suspend);
    assert_eq!(suspends.count(), 2, "Ctrl-Z and SIGTSTP");
    let drawn = host.frames.len();
    assert!(drawn >= 3, "drawn again after each resume: {drawn} frames");
    // The terminal did not change size: the loop puts the layout back.
    let area = app.view.as_ref().unwrap().state.layout.area;
    assert_eq!((area.width, area.height), (120, 40));
    assert_eq!(app.size(), (120, 40));

    let (host, result) = run(&mut app, vec![Msg::FullCorpus(full), key('q')], 120, 40);
    result.unwrap();
    assert_eq!(host.frames.last().unwrap().file.as_deref(), Some("07.txt"));
}

#[test]
fn a_watch_that_cannot_start_is_said_in_the_status_bar_and_after_exit() {
    let dir = folder(3);
    let mut app = app(dir.path(), None, true);
    let why = "--watch: cannot watch files: too many";
    let script = vec![
        Msg::FullCorpus(full(dir.path())),
        Msg::EffectFailed(why.into()),
        key('q'),
    ];
    let (host, result) = run(&mut app, script, 120, 40);
    result.unwrap();
    assert!(host.last().contains(why), "{}", host.last());
    assert_eq!(app.notes, [why]);
}

/// A burst of keys already waiting is taken before the next frame: a held
/// key costs one frame, not one per key (and the last key's screen is the
/// one drawn).
#[test]
fn keys_already_waiting_are_drawn_once() {
    struct Burst(Script);
    impl Host for Burst {
        fn next(&mut self, wait: Duration) -> io::Result<Option<Msg>> {
            self.0.next(wait)
        }
        fn input_waiting(&mut self) -> io::Result<bool> {
            Ok(matches!(self.0.script.front(), Some(Msg::Action(_))))
        }
        fn perform<B: Backend>(&mut self, e: Effect, t: &mut Terminal<B>) -> io::Result<Vec<Msg>> {
            self.0.perform(e, t)
        }
        fn drawn(&mut self, app: &App, screen: &Buffer) -> io::Result<()> {
            self.0.drawn(app, screen)
        }
    }
    let dir = folder(30);
    let mut app = app(dir.path(), None, false);
    let mut script = vec![Msg::FullCorpus(full(dir.path())), Msg::Tick];
    script.extend((0..20).map(|_| Msg::Action(Action::Down)));
    script.extend([Msg::Tick, key('q')]);
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut host = Burst(Script {
        script: script.into(),
        ..Script::default()
    });
    run_loop(&mut t, &mut app, &mut host).unwrap();
    let frames = &host.0.frames;
    assert!(
        frames.len() <= 4,
        "the loading screen, the list, the burst: {} frames",
        frames.len()
    );
    assert!(
        frames.last().unwrap().text.contains("Articles 21/30"),
        "{}",
        frames.last().unwrap().text
    );
}

#[test]
fn a_load_with_no_article_says_why_in_the_status_bar() {
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(
        empty.path().join(".hidden.txt"),
        "Quay reopens\n\nIt did.\n",
    )
    .unwrap();
    let failed = tempfile::tempdir().unwrap();
    std::fs::write(failed.path().join("blob.bin"), b"\x7fELF\0\0binary").unwrap();
    for (dir, why) in [
        (empty.path(), "no files to read here"),
        (failed.path(), "no articles could be loaded: W lists why"),
    ] {
        let mut app = app(dir, None, false);
        let (host, result) = run(
            &mut app,
            vec![Msg::FullCorpus(full(dir)), key('q')],
            120,
            40,
        );
        result.unwrap();
        assert!(host.last().contains(why), "{}", host.last());
        assert!(host.last().contains("2 Reader"), "{}", host.last());
    }
}
