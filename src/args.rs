//! The command line, defined once: parsing, `--help`, shell completions and
//! the man page all come from these types.

use crate::model::ActorKind;
use crate::output::export::Format;
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
(default ~/.local/state/dateline/); delete a file there to forget it. Read marks
of files that are missing are kept; `dateline state --prune` forgets them.")]
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
    /// Only events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY, or a
    /// quarter, half or season: 2025-Q2, 2025-H1, 2025-SU/FA/WI/SP).
    #[arg(long)]
    pub from: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY, or a
    /// quarter, half or season: 2025-Q2, 2025-H1, 2025-SU/FA/WI/SP).
    #[arg(long)]
    pub to: Option<String>,
    /// Only events whose sentence mentions this actor (any alias, any case or accents).
    #[arg(long)]
    pub actor: Option<String>,
    /// Also list the references to the present, past or future ("now",
    /// "recently", "in the future"), with TimeML's value (PRESENT_REF,
    /// PAST_REF, FUTURE_REF) as their date: they name no date, so the
    /// timeline leaves them out unless asked.
    #[arg(long)]
    pub references: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List articles: title, source, publication date, clean body, teasers.
    Articles {
        /// Files or folders of article text; none = the config file's corpus, else the seeds.
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Every dated statement across the corpus, in date order.
    Timeline {
        /// Files or folders of article text; none = the config file's corpus, else the seeds.
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: EventFilter,
    },
    /// People, organisations and places, most mentioned first.
    Actors {
        /// Files or folders of article text; none = the config file's corpus, else the seeds.
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// person, organisation or place
        #[arg(long, value_parser = kind_parser(), ignore_case = true)]
        kind: Option<ActorKind>,
    },
    /// Every mention of one actor (NAME matches any alias, ignoring case and accents).
    Mentions {
        /// The actor: any of its names, in any case, with or without accents.
        name: String,
        /// Files or folders of article text; none = the config file's corpus, else the seeds.
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write the timeline as JSON, CSV, Markdown or iCalendar to stdout.
    Export {
        /// Files or folders of article text; none = the config file's corpus, else the seeds.
        paths: Vec<PathBuf>,
        /// json (the timeline rows), csv (RFC 4180), md (Markdown, under
        /// date headings) or ics (iCalendar, RFC 5545: all-day events).
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[command(flatten)]
        filter: EventFilter,
        /// ics: keep month-, quarter-, season-, half- and year-long events
        /// too (by default a calendar gets the events of a day or a week).
        #[arg(long)]
        all_precisions: bool,
    },
    /// What the corpus holds and what loading it cost (time, MB/s, memory).
    Stats {
        /// Files or folders of article text; none = the config file's corpus, else the seeds.
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// What the TUI remembers of a corpus: its state file and the read
    /// marks of files not in the corpus now (kept in case a drive is
    /// offline; each is forgotten once missing for 90 days).
    State {
        /// Files or folders of article text; none = the config file's corpus, else the seeds.
        paths: Vec<PathBuf>,
        /// Forget now the read marks of files not in the corpus (refused
        /// while a PATH is missing: its marks would all go).
        #[arg(long)]
        prune: bool,
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
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout: `dateline man > dateline.1`.
    Man,
}

/// `--kind`: the three kinds (and the spellings `ActorKind::parse` also
/// takes), listed so that help and shell completion offer them.
fn kind_parser() -> impl clap::builder::TypedValueParser<Value = ActorKind> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new([
        PossibleValue::new("person").aliases(["people", "per"]),
        PossibleValue::new("organisation").aliases(["organization", "org"]),
        PossibleValue::new("place").aliases(["location", "loc"]),
    ])
    // Every spelling listed above is one `ActorKind::parse` reads.
    .map(|s| ActorKind::parse(&s).unwrap_or(ActorKind::Place))
}

/// The man page, all in one: clap_mangen's page for `dateline` would point
/// at a `dateline-COMMAND(1)` page per command that nothing installs, so
/// each command's synopsis and options come inline under COMMANDS, followed
/// by the examples from `--help`, the files dateline reads and writes, and
/// its environment.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    use clap::CommandFactory;
    use clap_mangen::Man;
    type Render = fn(&Man, &mut dyn std::io::Write) -> std::io::Result<()>;
    // Each part of clap_mangen's output repeats the roff preamble, which
    // the page wants once; `heading` (when given) is dropped too.
    fn part(man: &Man, render: Render, heading: Option<&str>) -> std::io::Result<String> {
        let mut buf = Vec::new();
        render(man, &mut buf)?;
        let drop = heading.map(|h| format!(".SH {h}"));
        Ok(String::from_utf8_lossy(&buf)
            .lines()
            .filter(|l| !l.starts_with(".ie \\n(.g") && !l.starts_with(".el .ds Aq"))
            .filter(|l| Some(*l) != drop.as_deref())
            .map(|l| format!("{l}\n"))
            .collect())
    }
    let mut cmd = Cli::command();
    cmd.build();
    let top = Man::new(cmd.clone());
    let mut out = Vec::new();
    top.render_title(&mut out)?; // with the preamble
    let sections: [Render; 4] = [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    for render in sections {
        out.extend_from_slice(part(&top, render, None)?.as_bytes());
    }
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let name = format!("dateline {}", sub.get_name());
        // --help and the global --config are listed once, at the top.
        let sub = sub
            .clone()
            .bin_name(&name)
            .mut_arg("help", |a| a.hide(true))
            .mut_arg("config", |a| a.hide(true));
        let man = Man::new(sub);
        out.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        out.extend_from_slice(
            part(&man, Man::render_synopsis_section, Some("SYNOPSIS"))?.as_bytes(),
        );
        out.extend_from_slice(b".PP\n");
        out.extend_from_slice(
            part(&man, Man::render_description_section, Some("DESCRIPTION"))?.as_bytes(),
        );
        out.extend_from_slice(part(&man, Man::render_options_section, Some("OPTIONS"))?.as_bytes());
    }
    // The examples of `--help` (its closing note on state is under FILES).
    let extra = part(&top, Man::render_extra_section, Some("EXTRA"))?;
    out.extend_from_slice(b".SH EXAMPLES\n.nf\n");
    for l in extra
        .lines()
        .skip_while(|l| *l != "Examples:")
        .skip(1)
        .take_while(|l| !l.is_empty())
    {
        out.extend_from_slice(l.trim_start().as_bytes());
        out.push(b'\n');
    }
    out.extend_from_slice(b".fi\n");
    out.extend_from_slice(MAN_FILES.as_bytes());
    out.extend_from_slice(part(&top, Man::render_version_section, None)?.as_bytes());
    Ok(out)
}

/// FILES and ENVIRONMENT, in roff.
const MAN_FILES: &str = r#".SH FILES
.TP
\fI$XDG_CONFIG_HOME/dateline/config.toml\fR (else \fI~/.config/dateline/config.toml\fR)
Keys, theme colours, the default sort and the default corpus.
\fBdateline config \-\-default\fR prints a commented file with every setting;
\fBdateline config\fR checks it. A bad file is an error naming its line (keys
and colours only the TUI reads are a warning for the other commands).
.TP
\fI$XDG_STATE_HOME/dateline/\fR (else \fI~/.local/state/dateline/\fR)
The place the TUI was left at in each corpus (focused pane, article, reader
scroll, timeline cursor, followed actor, read marks, list order): one JSON
file per corpus, \fIseeds.json\fR for the bundled seeds. Delete a file to
forget that corpus. A corrupt file is a warning and a fresh start. The read
marks of files that are missing (a drive offline, a folder moved) are kept
until missing for 90 days; \fBdateline state\fR lists them and
\fBdateline state \-\-prune\fR forgets them now.
.SH ENVIRONMENT
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_STATE_HOME\fR, \fBHOME\fR
Where the config file and the state files are (see FILES).
.TP
\fBNO_COLOR\fR
When set and not empty, the TUI uses no colours, whatever the config file says.
"#;
