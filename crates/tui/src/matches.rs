//! The list of search matches as data: which rows, which is selected, how
//! a key moves in it. Drawing and searching are in `results`; this part
//! is what the view state holds, so it names nothing that holds it.

use super::action::Action;
use dateline_core::model::{ArticleId, Span};
use ratatui::layout::Rect;

/// One match: its article, its bytes, and whether it is in the headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub article: ArticleId,
    pub span: Span,
    pub in_title: bool,
}

/// The open list of matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsState {
    pub rows: Vec<Match>,
    pub selected: usize,
    pub top: usize,
}

/// Rows of the list on a screen of `area` (kept in step with `render`).
pub fn rows_for(area: Rect) -> usize {
    (area.height as usize * 4 / 5).saturating_sub(2).max(1)
}

impl ResultsState {
    pub(super) fn keep_in_view(&mut self, rows: usize) {
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + rows {
            self.top = self.selected + 1 - rows;
        }
    }

    /// A move in the list (`j`/`k` typed here move too); the chosen match
    /// on Enter.
    pub fn update(&mut self, action: Action, area: Rect) -> Option<Match> {
        let last = self.rows.len().saturating_sub(1);
        let page = rows_for(area);
        match action {
            Action::Down | Action::Input('j') => self.selected = (self.selected + 1).min(last),
            Action::Up | Action::Input('k') => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected = (self.selected + page).min(last),
            Action::PageUp => self.selected = self.selected.saturating_sub(page),
            Action::Input('g') => self.selected = 0,
            Action::Input('G') => self.selected = last,
            Action::Submit => return self.rows.get(self.selected).copied(),
            _ => {}
        }
        self.keep_in_view(page);
        None
    }
}
