//! Key latency for `bench/run.sh` (`dateline tui-bench PATH`): the time of
//! one `update` plus one full render at 120×40, median of many, per key.
//! Rendering goes to ratatui's TestBackend, so terminal I/O is not counted.

use super::action::{Action, Pane};
use super::app::AppState;
use super::update::update;
use dateline_core::model::Corpus;
use ratatui::{Terminal, backend::TestBackend};
use std::time::Instant;

/// (label, action) pairs a user presses most: moving in each pane.
fn keys() -> Vec<(&'static str, Action)> {
    vec![
        ("list_down", Action::Down),
        ("list_up", Action::Up),
        ("list_page_down", Action::PageDown),
        ("focus_reader", Action::Focus(Pane::Reader)),
        ("reader_down", Action::Down),
        ("reader_next_entity", Action::NextEntity),
        ("reader_toggle_hidden", Action::ToggleHidden),
        ("reader_toggle_all_hidden", Action::ToggleAllHidden),
        ("focus_timeline", Action::Focus(Pane::Timeline)),
        ("timeline_down", Action::Down),
        ("timeline_next_day", Action::NextDay),
        ("timeline_next_month", Action::NextMonth),
        ("timeline_bottom", Action::Bottom),
        ("timeline_top", Action::Top),
        ("focus_list", Action::Focus(Pane::List)),
    ]
}

/// Median nanoseconds of update+render for each key, and over all keys.
pub fn key_latency(corpus: &Corpus, rounds: usize) -> (Vec<(&'static str, u64)>, u64) {
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let mut state = AppState::new(corpus, 120, 40);
    term.draw(|f| super::draw(f, &state, corpus)).expect("draw");
    let keys = keys();
    let mut samples: Vec<Vec<u64>> = vec![Vec::with_capacity(rounds); keys.len()];
    for _ in 0..rounds {
        for (i, (_, action)) in keys.iter().enumerate() {
            let t = Instant::now();
            update(&mut state, corpus, *action);
            term.draw(|f| super::draw(f, &state, corpus)).expect("draw");
            samples[i].push(t.elapsed().as_nanos() as u64);
        }
    }
    let mut all: Vec<u64> = samples.iter().flatten().copied().collect();
    let per_key = keys
        .iter()
        .zip(&mut samples)
        .map(|((name, _), s)| (*name, median(s)))
        .collect();
    (per_key, median(&mut all))
}

fn median(v: &mut [u64]) -> u64 {
    if v.is_empty() {
        return 0;
    }
    v.sort_unstable();
    v[v.len() / 2]
}
