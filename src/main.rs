use clap::{Parser, Subcommand};
use dateline::{cli, model::ActorKind};
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal browser for news articles: an article list, a reader, and a
/// timeline of every dated event; jump to a date, follow an actor.
#[derive(Parser)]
#[command(name = "dateline", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "Examples:
  dateline                         open the TUI on the bundled seed articles
  dateline ~/news                  open the TUI on a folder of article text files
  dateline articles ~/news --json  list articles as JSON
  dateline timeline --from 2025-04 --to 2025-04-30 --actor putin
  dateline actors --kind person
  dateline mentions zelensky")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files or folders of article text (read recursively); none = the bundled seeds.
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// List articles: title, source, publication date, clean body, teasers.
    Articles {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Every dated statement across the corpus, in date order.
    Timeline {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
        #[arg(long)]
        from: Option<String>,
        /// Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
        #[arg(long)]
        to: Option<String>,
        /// Only events whose sentence mentions this actor (any alias).
        #[arg(long)]
        actor: Option<String>,
    },
    /// People, organisations and places, most mentioned first.
    Actors {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
        /// person, organisation or place
        #[arg(long, value_parser = parse_kind)]
        kind: Option<ActorKind>,
    },
    /// Every mention of one actor (NAME matches any alias, ignoring case and accents).
    Mentions {
        name: String,
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// What the corpus holds and what loading it cost (time, MB/s, memory).
    Stats {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

fn parse_kind(s: &str) -> Result<ActorKind, String> {
    ActorKind::parse(s)
        .ok_or_else(|| format!("'{s}' is not a kind: use person, organisation or place"))
}

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(paths: &[PathBuf]) -> Result<dateline::model::Corpus, cli::CliError> {
    let corpus = dateline::open(paths);
    for w in &corpus.warnings {
        eprintln!("dateline: warning: {}", dateline::text::sanitize_line(w));
    }
    for a in &corpus.articles {
        for w in &a.warnings {
            eprintln!("dateline: warning: {}", dateline::text::sanitize_line(w));
        }
    }
    if corpus.articles.is_empty() {
        return Err(cli::CliError("no articles could be loaded".into()));
    }
    Ok(corpus)
}

fn print_json(v: &serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

fn run(args: Cli) -> Result<(), cli::CliError> {
    match args.command {
        None => {
            let corpus = load(&args.paths)?;
            dateline::tui::run(corpus).map_err(|e| cli::CliError(format!("terminal: {e}")))
        }
        Some(Command::Articles { paths, json }) => {
            let c = load(&paths)?;
            if json {
                print_json(&cli::articles_json(&c));
            } else {
                print!("{}", cli::articles_table(&c));
            }
            Ok(())
        }
        Some(Command::Timeline {
            paths,
            json,
            from,
            to,
            actor,
        }) => {
            let filter = cli::TimelineFilter {
                from: from
                    .as_deref()
                    .map(|s| cli::parse_date_bound(s, false))
                    .transpose()?,
                to: to
                    .as_deref()
                    .map(|s| cli::parse_date_bound(s, true))
                    .transpose()?,
                actor,
            };
            let c = load(&paths)?;
            let rows = cli::timeline_rows(&c, &filter)?;
            if json {
                print_json(&serde_json::Value::Array(rows));
            } else {
                print!("{}", cli::timeline_table(&rows));
            }
            Ok(())
        }
        Some(Command::Actors { paths, json, kind }) => {
            let c = load(&paths)?;
            let v = cli::actors_json(&c, kind);
            if json {
                print_json(&v);
            } else {
                print!("{}", cli::actors_table(&v));
            }
            Ok(())
        }
        Some(Command::Stats { paths, json }) => {
            let s = dateline::stats::measure(&paths);
            let v = s.to_json();
            if json {
                print_json(&v);
            } else if let Some(o) = v.as_object() {
                for (k, val) in o {
                    println!("{k:<26} {val}");
                }
            }
            Ok(())
        }
        Some(Command::Mentions { name, paths, json }) => {
            let c = load(&paths)?;
            let v = cli::mentions_json(&c, &name)?;
            if json {
                print_json(&v);
            } else {
                print!("{}", cli::mentions_table(&v));
            }
            Ok(())
        }
    }
}
