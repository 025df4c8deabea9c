use clap::{CommandFactory, Parser};
use dateline::args::{Cli, Command, EventFilter};
use dateline::cli::{self, CliError};
use dateline::config::{self, Config};
use dateline::knowledge::{Knowledge, UserFileRead};
use dateline::model::{Corpus, WhyEmpty};
use dateline::tui::settings::{self, Settings};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    pad_heap();
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dateline: error: {}", shown(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

/// The longest error message printed, in chars: one quoting an enormous
/// value (a config line of a megabyte) is cut, not echoed whole.
const MAX_MESSAGE_CHARS: usize = 1_000;

/// An error message for stderr: values quoted from the command line or a
/// file are shown with control characters made visible (`␛]0;…`), line
/// breaks kept (a message that lists choices has one per line), and an
/// enormous one is cut.
fn shown(message: &str) -> String {
    let visible = dateline::text::sanitize(message);
    match visible.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}… (cut)", &visible[..cut]),
        None => visible.into_owned(),
    }
}

/// Asks glibc to grow (and keep) each thread's heap in steps of 16 MB. The
/// parser's threads allocate and free an article's worth at a time, and
/// by default glibc grew and shrank their heaps a few pages at a time, one
/// `mprotect` call each, about one per article. Untouched pages of the
/// padding cost no memory.
fn pad_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning value of the allocator; it is
    // called before any thread that allocates is started.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

/// The corpus a command prints from. It lives until the process ends: a
/// command exits right after printing, and freeing every article and index
/// one at a time is work the user would wait for while the system takes
/// the memory back whole.
fn load(paths: &[PathBuf], knowledge: &Arc<Knowledge>) -> Result<&'static Corpus, CliError> {
    let corpus = dateline::progress::while_loading(|p| {
        dateline::load::Loader::new(paths)
            .knowledge(Arc::clone(knowledge))
            .progress(p)
            .load()
    });
    print_warnings(&corpus);
    match corpus.why_empty() {
        None => {}
        Some(WhyEmpty::NothingToRead) if !paths.is_empty() => {
            let shown: Vec<String> = paths
                .iter()
                .map(|p| dateline::text::path_text(p).into_owned())
                .collect();
            return Err(CliError::NoFiles(shown.join(", ")));
        }
        Some(_) => return Err(CliError::NoArticles),
    }
    Ok(Box::leak(Box::new(corpus)))
}

/// The load's warnings (files skipped, bad encodings) on stderr, one line
/// each, made safe to show.
fn print_warnings(corpus: &Corpus) {
    let article_warnings = corpus.articles.iter().flat_map(|a| &a.warnings);
    for w in corpus.warnings.iter().chain(article_warnings) {
        eprintln!(
            "dateline: warning: {}",
            dateline::text::sanitize_line(&w.to_string())
        );
    }
}

/// Whether standard output was closed when the process started
/// (`dateline export >&-`). Rust's runtime opens `/dev/null` in place of a
/// closed standard descriptor before `main`, after which every write
/// succeeds and the output is lost without a word, so this is read earlier,
/// from the loader's list of constructors.
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK_STDOUT_AT_START: extern "C" fn() = {
    extern "C" fn check() {
        // SAFETY: F_GETFD only asks whether descriptor 1 is open.
        if unsafe { libc::fcntl(1, libc::F_GETFD) } == -1 {
            STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    check
};

/// Runs `write` on a buffered standard output; a reader that went away
/// (`| head`) is a normal end, not an error. Output with nowhere to go
/// (standard output closed) is an error, said before anything runs.
fn write_out(
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<(), CliError>,
) -> Result<(), CliError> {
    use std::io::Write;
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(CliError::StdoutClosed);
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| Ok(out.flush()?)) {
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// Writes a command's whole output, already made (see [`write_out`]).
fn emit(text: impl AsRef<[u8]>) -> Result<(), CliError> {
    write_out(|out| Ok(out.write_all(text.as_ref())?))
}

fn filter(f: &EventFilter) -> Result<cli::TimelineFilter, CliError> {
    let mut t = cli::TimelineFilter::new(f.from.as_deref(), f.to.as_deref(), f.actor.clone())?;
    t.references = f.references;
    Ok(t)
}

/// Reads the config file (`--config FILE`, else the default location;
/// missing there is fine), before anything else runs. Its keys and theme
/// are the TUI's to read ([`tui_settings`]): a command reads only the sort
/// order and the corpus, so a bad `[keys]` table never stops one.
fn load_config(explicit: Option<&Path>) -> Result<Config, CliError> {
    match explicit
        .map(Path::to_path_buf)
        .or_else(config::default_location)
    {
        Some(p) => Config::load(&p, explicit.is_some()),
        None => Ok(Config::defaults()),
    }
    .map_err(config_error)
}

/// What the parser knows: the bundled knowledge plus the user's own files
/// beside the config file (`--config FILE`, else the default location),
/// those that are there, with what was read of each. A mistake in one
/// stops dateline, naming the file and the line.
fn load_knowledge(
    explicit: Option<&Path>,
) -> Result<(Arc<Knowledge>, Vec<UserFileRead>), CliError> {
    let folder = explicit
        .map(Path::to_path_buf)
        .or_else(config::default_location)
        .and_then(|config| config.parent().map(Path::to_path_buf));
    let Some(folder) = folder else {
        return Ok((Knowledge::shared_builtin(), Vec::new()));
    };
    let (knowledge, read) = Knowledge::with_user_files(&folder)
        .map_err(|e| CliError::Other(dateline::text::sanitize_line(&e.to_string()).into_owned()))?;
    Ok((Arc::new(knowledge), read))
}

/// The TUI's keys, theme and sort order from `cfg`, checked.
fn tui_settings(cfg: &Config) -> Result<Settings, CliError> {
    Settings::from_config(cfg).map_err(config_error)
}

/// A config error for stderr: names and values quoted from the file are
/// shown with control characters made visible.
fn config_error(e: config::ConfigError) -> CliError {
    CliError::Other(dateline::text::sanitize_line(&e.to_string()).into_owned())
}

/// `dateline config [--default | --path]`.
fn config_command(
    explicit: Option<&Path>,
    print_default: bool,
    path: bool,
) -> Result<(), CliError> {
    if print_default {
        return emit(settings::default_config_text());
    }
    let location = explicit
        .map(Path::to_path_buf)
        .or_else(config::default_location);
    let Some(location) = location else {
        return if path {
            Err("no config location: neither XDG_CONFIG_HOME nor HOME is set".into())
        } else {
            emit("no config location (XDG_CONFIG_HOME and HOME are unset): using the defaults\n")
        };
    };
    if path {
        return emit(format!("{}\n", location.display()));
    }
    let cfg = load_config(explicit)?;
    tui_settings(&cfg)?;
    let (_, user_files) = load_knowledge(explicit)?;
    let user_files: String = user_files.iter().map(|f| format!("{f}\n")).collect();
    // Well-formed, but what it points at may not be there (yet).
    for p in cfg.corpus() {
        if std::fs::metadata(&p).is_err() {
            eprintln!(
                "dateline: warning: corpus: no such file or folder: {}",
                dateline::text::sanitize_line(&p.display().to_string())
            );
        }
    }
    let config = match cfg.path {
        Some(p) => format!("{}: ok\n", p.display()),
        None => format!("{}: not found; using the defaults\n", location.display()),
    };
    emit(config + &user_files)
}

/// `dateline state [--prune]`: the corpus's state file and its marks of
/// files not there now, or (`prune`) those marks forgotten.
fn state_command(paths: &[PathBuf], prune: bool) -> Result<String, CliError> {
    use dateline::state::{CorpusKey, Store, report};
    let key = CorpusKey::for_paths(paths);
    let Some(store) = Store::locate(key.clone()) else {
        return Err("no state is kept: neither XDG_STATE_HOME nor HOME is set".into());
    };
    let present = report::present(&key, paths);
    if !prune {
        let summary = store.marks(&present).map_err(|e| e.to_string())?;
        return Ok(report::summary_text(&store.path, summary.as_ref()));
    }
    if let Some(p) = report::missing_root(paths) {
        let p = shown(&p.display().to_string());
        return Err(format!(
            "{p} is not there now: pruning would forget every read mark under it; \
             prune once it is back"
        )
        .into());
    }
    let pruned = store.prune(&present)?;
    Ok(report::pruned_text(&store.path, &pruned))
}

/// An error when none of `paths` is there, naming the config file they
/// came from, if they did.
fn all_missing(paths: &[PathBuf], config_file: Option<&Path>) -> Result<(), CliError> {
    if paths.is_empty() || paths.iter().any(|p| std::fs::metadata(p).is_ok()) {
        return Ok(());
    }
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let whose = config_file.map_or_else(String::new, |f| {
        format!(" (the corpus set in {})", f.display())
    });
    Err(format!("no such file or folder: {}{whose}", names.join(", ")).into())
}

fn run(args: Cli) -> Result<ExitCode, CliError> {
    if args.watch && args.command.is_some() {
        return Err(
            "--watch is for the TUI (dateline --watch PATH...); a command runs once".into(),
        );
    }
    let explicit = args.config.as_deref();
    let (cfg, knowledge) = match &args.command {
        Some(Command::Config {
            print_default,
            path,
        }) => return config_command(explicit, *print_default, *path).map(|()| ExitCode::SUCCESS),
        // Neither reads a config file nor parses anything.
        Some(Command::Completions { shell }) => {
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "dateline", &mut buf);
            return emit(buf).map(|()| ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            return emit(
                dateline::args::man_page()
                    .map_err(|e| CliError::Other(format!("writing the man page: {e}")))?,
            )
            .map(|()| ExitCode::SUCCESS);
        }
        _ => {
            let cfg = load_config(explicit)?;
            let (knowledge, _) = load_knowledge(explicit)?;
            // Kept until the process ends, as the corpus is (see `load`).
            std::mem::forget(Arc::clone(&knowledge));
            // What the TUI would refuse is said, and stops only the TUI.
            if args.command.is_some()
                && let Err(e) = tui_settings(&cfg)
            {
                let e = shown(&e.to_string());
                eprintln!("dateline: warning: {e} (the TUI will not start until it is fixed)");
            }
            (cfg, knowledge)
        }
    };
    // No PATH on the command line: the config file's corpus (empty: the
    // seeds), which must be there.
    let or_config = |paths: Vec<PathBuf>| -> Result<Vec<PathBuf>, CliError> {
        if !paths.is_empty() {
            return Ok(paths);
        }
        let paths = cfg.corpus();
        all_missing(&paths, cfg.path.as_deref())?;
        Ok(paths)
    };
    let by_file = cfg.sort() == config::Sort::File;
    if args.command.is_some() && !args.paths.is_empty() {
        return Err("PATHs go after the command: dateline articles PATH...".into());
    }
    let Some(command) = args.command else {
        let settings = tui_settings(&cfg)?;
        if let Some(e) = dateline::suggest::unknown_command(&args.paths) {
            return Err(e.into());
        }
        let named = !args.paths.is_empty();
        let paths = or_config(args.paths)?;
        if named {
            all_missing(&paths, None)?;
        }
        if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            return Err(
                "the TUI needs a terminal, and stdout is piped or redirected; \
                 to print the corpus use a command, e.g. dateline articles | head"
                    .into(),
            );
        }
        // The TUI in a child whose parent restores the terminal if it dies.
        #[cfg(unix)]
        if let dateline::tui::guardian::Role::Exited(code) = dateline::tui::guardian::guard() {
            return Ok(ExitCode::from(code));
        }
        let outcome = dateline::tui::run(
            paths,
            settings,
            dateline::tui::Options {
                watch: args.watch,
                knowledge,
            },
        )
        .map_err(|e| CliError::Other(format!("terminal: {e}")))?;
        for w in &outcome.warnings {
            eprintln!("dateline: warning: {}", dateline::text::sanitize_line(w));
        }
        return Ok(ExitCode::from(outcome.exit_status()));
    };
    let done = match command {
        Command::Articles { paths, json } => {
            let c = load(&or_config(paths)?, &knowledge)?;
            write_out(|out| Ok(cli::articles(c, json, by_file, out)?))
        }
        Command::Timeline {
            paths,
            json,
            filter: f,
        } => {
            let f = filter(&f)?;
            let c = load(&or_config(paths)?, &knowledge)?;
            let f = f.on(c)?;
            let text = cli::Text::for_stdout();
            write_out(|out| Ok(cli::timeline(c, f, json, text, out)?))
        }
        Command::Actors { paths, json, kind } => {
            let c = load(&or_config(paths)?, &knowledge)?;
            write_out(|out| Ok(cli::actors(c, kind, json, out)?))
        }
        Command::Mentions { name, paths, json } => {
            let c = load(&or_config(paths)?, &knowledge)?;
            let text = cli::Text::for_stdout();
            write_out(|out| cli::mentions(c, &name, json, text, out))
        }
        Command::Export {
            paths,
            format,
            filter: f,
            all_precisions,
        } => {
            let f = filter(&f)?;
            let c = load(&or_config(paths)?, &knowledge)?;
            let f = f.on(c)?;
            write_out(|out| cli::export(c, f, format, all_precisions, out))
        }
        Command::Stats { paths, json } => {
            let paths = or_config(paths)?;
            let stats = dateline::progress::while_loading(|p| {
                dateline::stats::measure(&paths, &knowledge, p)
            });
            // What was skipped is said, as every command says it: figures
            // over a mistyped folder are zeros, not a success to trust.
            print_warnings(&stats.corpus);
            let row = dateline::output::rows::StatsRow::new(&stats);
            write_out(|out| {
                Ok(if json {
                    dateline::output::json::write_value(out, &row)
                } else {
                    dateline::output::table::stats(out, &row)
                }?)
            })
        }
        Command::State { paths, prune } => {
            let paths = or_config(paths)?;
            emit(state_command(&paths, prune)?)
        }
        Command::TuiBench { paths, rounds } => {
            let c = load(&or_config(paths)?, &knowledge)?;
            let t = std::time::Instant::now();
            let (per_key, all) = dateline::tui::bench::key_latency(c, rounds);
            let mut out = format!("key_update_render_ms_median {:.3}\n", all as f64 / 1e6);
            for (name, ns) in per_key {
                out.push_str(&format!("key_{name}_ms {:.3}\n", ns as f64 / 1e6));
            }
            out.push_str(&format!(
                "tui_bench_total_s {:.2}\n",
                t.elapsed().as_secs_f64()
            ));
            emit(out)
        }
        // Answered above.
        Command::Config { .. } | Command::Completions { .. } | Command::Man => Ok(()),
    };
    done.map(|()| ExitCode::SUCCESS)
}
