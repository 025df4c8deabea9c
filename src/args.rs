//! The command line, defined once: parsing, `--help`, shell completions and
//! the man page all come from these types.

use crate::export::Format;
use crate::model::ActorKind;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// A terminal browser for news articles: an article list, a reader, and a
/// timeline of every dated event; jump to a date, follow an actor.
#[derive(Parser, Debug)]
// `--config FILE` may come before a command (`dateline --config F articles`),
// so top-level PATHs cannot conflict with commands as clap would have it;
// main refuses PATHs before a command instead.
#[command(name = "dateline", version, subcommand_precedence_over_arg = true)]
#[command(override_usage = "dateline [OPTIONS] [PATHS]...\n       dateline [OPTIONS] <COMMAND>")]
#[command(after_help = "Examples:
  dateline                          open the TUI on the bundled seed articles
  dateline ~/news                   open the TUI on a folder of article text files
  dateline --watch ~/news           ... and reload when files there change
  dateline articles ~/news --json   list articles as JSON
  dateline timeline --from 2025-04 --to 2025-04-30 --actor putin
  dateline actors --kind person
  dateline mentions zelensky
  dateline export ~/news --format ics > news.ics
  dateline config --default > ~/.config/dateline/config.toml
  dateline completions bash > /etc/bash_completion.d/dateline

The TUI remembers your place in each corpus in $XDG_STATE_HOME/dateline/
(default ~/.local/state/dateline/); delete a file there to forget it.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders of article text (read recursively); none = the
    /// config file's corpus, else the bundled seeds.
    pub paths: Vec<PathBuf>,
    /// Read settings from FILE instead of $XDG_CONFIG_HOME/dateline/config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// TUI: reload when files in PATH are added, changed or removed, keeping your place.
    #[arg(long)]
    pub watch: bool,
}

/// Which events: a date range and an actor.
#[derive(Args, Debug, Clone, Default)]
pub struct EventFilter {
    /// Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub from: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub to: Option<String>,
    /// Only events whose sentence mentions this actor (any alias, any case or accents).
    #[arg(long)]
    pub actor: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
        #[command(flatten)]
        filter: EventFilter,
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
    /// Write the timeline as JSON, CSV, Markdown or iCalendar to stdout.
    Export {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[command(flatten)]
        filter: EventFilter,
    },
    /// What the corpus holds and what loading it cost (time, MB/s, memory).
    Stats {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Key latency at this corpus size, for bench/run.sh (not for users).
    #[command(hide = true)]
    TuiBench {
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "200")]
        rounds: usize,
    },
    /// Check the config file, or print where it is read from or the default one.
    Config {
        /// Print a commented config file with every setting at its default.
        #[arg(long = "default", conflicts_with = "path")]
        print_default: bool,
        /// Print the path the config file is read from.
        #[arg(long)]
        path: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to stdout: `dateline man > dateline.1`.
    Man,
}

fn parse_kind(s: &str) -> Result<ActorKind, String> {
    ActorKind::parse(s)
        .ok_or_else(|| format!("'{s}' is not a kind: use person, organisation or place"))
}
