//! The real binary run as a user would: commands, errors, exit status, escapes, config, special files.
//! One test binary per part (not one per file) so the suite links fewer times.

mod bad_inputs;
#[path = "../cli_common/mod.rs"]
mod cli_common;
mod cli_first_run;
mod cli_meta;
mod cli_progress;
mod config;
mod config_cli;
mod dated_names;
mod escapes;
mod exit_status;
mod export;
mod gold_articles;
mod hostile_inputs;
mod odd_text;
mod references;
mod special_files;
mod state_cli;
#[path = "../tui_common/mod.rs"]
mod tui_common;
