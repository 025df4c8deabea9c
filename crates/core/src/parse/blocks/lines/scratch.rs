//! The tables [`split`](super::split) and [`units`](super::units) work
//! with, kept from page to page of a thread.

use super::{Line, RESERVED_LINES, Unit};
use crate::hash::FxMap;
use crate::parse::blocks::stopwords;

/// What [`split`](super::split) works with while it reads a page and then
/// drops: kept for the thread's next page instead of allocated again
/// (tables sized for every line of a page are most of the classifier's
/// large allocations).
#[derive(Default)]
pub(super) struct SplitScratch {
    /// The room of the lines and units [`split`](super::split) and
    /// [`units`](super::units) hand out, given back by [`give_back`].
    pub(super) lines: Vec<Line<'static>>,
    pub(super) units: Vec<Unit>,
    pub(super) hits: Vec<[u16; stopwords::LANGUAGES]>,
    pub(super) fronts: FxMap<u64, u32>,
    pub(super) line_fronts: Vec<u64>,
    pub(super) long_keys: FxMap<u64, u32>,
    pub(super) keys: FxMap<u64, u32>,
}

impl SplitScratch {
    /// Empty, the room of a page of up to [`RESERVED_LINES`] lines kept.
    pub(super) fn clear(&mut self) {
        if self.line_fronts.capacity() > RESERVED_LINES || self.lines.capacity() > RESERVED_LINES {
            *self = SplitScratch::default();
        }
        self.lines.clear();
        self.units.clear();
        self.hits.clear();
        self.fronts.clear();
        self.line_fronts.clear();
        self.long_keys.clear();
        self.keys.clear();
    }
}

thread_local! {
    pub(super) static SCRATCH: std::cell::Cell<SplitScratch> = std::cell::Cell::new(SplitScratch::default());
}

/// Gives back this thread's tables for splitting pages.
pub fn release() {
    SCRATCH.take();
}

/// Keeps the room of a page's lines and units for the thread's next page
/// ([`split`](super::split) and [`units`](super::units) take it).
pub fn give_back(mut lines: Vec<Line>, mut units: Vec<Unit>) {
    lines.clear();
    // The same layout: collecting the empty list keeps its allocation.
    let lines: Vec<Line<'static>> = lines
        .into_iter()
        .map(|_| unreachable!("the list is empty"))
        .collect();
    units.clear();
    let mut scratch = SCRATCH.take();
    if lines.capacity() > scratch.lines.capacity() {
        scratch.lines = lines;
    }
    if units.capacity() > scratch.units.capacity() {
        scratch.units = units;
    }
    scratch.clear();
    SCRATCH.set(scratch);
}
