//! The TUI in a TestBackend: rendering, keys, the message loop, fill-in, session, soak.
//! One test binary per part (not one per file) so the suite links fewer times.

mod fill_in;
mod habits;
mod session;
mod tui_blocks;
#[path = "../tui_common/mod.rs"]
mod tui_common;
mod tui_input;
mod tui_loop;
mod tui_paste;
mod tui_render;
mod tui_search;
mod tui_soak;
mod tui_timeline;
mod tui_update;
