//! The real binary in a real terminal (tmux): signals, marks, session, fill-in.
//! One test binary per part (not one per file) so the suite links fewer times.

mod tmux;
mod tmux_blocks;
#[path = "../tmux_common/mod.rs"]
mod tmux_common;
mod tmux_fill;
mod tmux_habits;
mod tmux_marks;
mod tmux_session;
mod tmux_signals;
mod tmux_timeline;
