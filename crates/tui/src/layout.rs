//! Where the panes go for a terminal size. Pure, so `update` can know page
//! sizes before anything is drawn and mouse clicks can be mapped back.

use super::action::Pane;
use ratatui::layout::Rect;

/// Below this many columns or rows only one pane is shown at a time.
pub const SINGLE_PANE_WIDTH: u16 = 60;
pub const SINGLE_PANE_HEIGHT: u16 = 15;
/// From this width the three panes sit side by side.
pub const THREE_COLUMNS_WIDTH: u16 = 110;

/// Pane rectangles (outer, with border) and the sizes the panes draw into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Layout {
    pub area: Rect,
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub timeline: Option<Rect>,
    pub status: Option<Rect>,
    /// One pane at a time (small terminal, or zoomed).
    pub single: bool,
    /// The focused pane fills the screen because the user asked (zoom).
    pub zoomed: bool,
    /// Lines the reader's headline wraps to (the reader sets it for the
    /// article it shows; its header is these plus a metadata line).
    pub reader_title_lines: u16,
}

impl Layout {
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Timeline => self.timeline,
        }
    }
    pub fn visible(&self, pane: Pane) -> bool {
        self.rect(pane).is_some_and(|r| !r.is_empty())
    }
    /// The pane under a screen position.
    pub fn pane_at(&self, col: u16, row: u16) -> Option<Pane> {
        let pos = ratatui::layout::Position { x: col, y: row };
        [Pane::List, Pane::Reader, Pane::Timeline]
            .into_iter()
            .find(|&p| self.rect(p).is_some_and(|r| r.contains(pos)))
    }
    /// Columns the reader wraps its text to.
    pub fn reader_width(&self) -> u16 {
        self.reader.map_or(80, |r| inner(r).width.max(1))
    }
    /// Body rows of the reader (below its title and metadata header).
    pub fn reader_rows(&self) -> usize {
        self.reader.map_or(20, |r| {
            reader_parts(r, self.reader_title_lines).1.height as usize
        })
    }
    /// Articles the list shows at once (two rows each).
    pub fn list_items(&self) -> usize {
        self.list
            .map_or(10, |r| (inner(r).height as usize / 2).max(1))
    }
    /// Rows of the timeline under its density strip.
    pub fn timeline_rows(&self) -> usize {
        self.timeline
            .map_or(20, |r| timeline_parts(r).1.height as usize)
    }
}

/// Whether a pane of this size gets a border: not when it would eat the pane.
pub fn bordered(r: Rect) -> bool {
    r.width >= 12 && r.height >= 4
}

/// The area inside a pane's border.
pub fn inner(r: Rect) -> Rect {
    if bordered(r) {
        Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
    } else {
        r
    }
}

/// The reader's (header, body) areas: the headline (`title_lines` long when
/// there is room, else one line) and a metadata line above the text.
pub fn reader_parts(r: Rect, title_lines: u16) -> (Rect, Rect) {
    let i = inner(r);
    let head = if i.height >= 8 + title_lines {
        title_lines.max(1) + 1
    } else if i.height >= 6 {
        2
    } else {
        0
    };
    (
        Rect::new(i.x, i.y, i.width, head),
        Rect::new(i.x, i.y + head, i.width, i.height - head),
    )
}

/// The timeline's (density strip, rows) areas.
pub fn timeline_parts(r: Rect) -> (Rect, Rect) {
    let i = inner(r);
    let strip = if i.height >= 8 { 2 } else { 0 };
    (
        Rect::new(i.x, i.y, i.width, strip),
        Rect::new(i.x, i.y + strip, i.width, i.height - strip),
    )
}

/// The layout for a terminal of `area`, with `focus` the pane shown when only
/// one fits or when `zoom` asks for it alone.
pub fn compute(area: Rect, focus: Pane, zoom: bool) -> Layout {
    let mut l = Layout {
        area,
        ..Layout::default()
    };
    if area.is_empty() {
        return l;
    }
    let body_h = area.height.saturating_sub(1);
    l.status = Some(Rect::new(area.x, area.y + body_h, area.width, 1));
    let body = Rect::new(area.x, area.y, area.width, body_h);
    if body.is_empty() {
        return l;
    }
    let small = area.width < SINGLE_PANE_WIDTH || area.height < SINGLE_PANE_HEIGHT;
    if small || zoom {
        l.single = true;
        l.zoomed = zoom && !small;
        match focus {
            Pane::List => l.list = Some(body),
            Pane::Reader => l.reader = Some(body),
            Pane::Timeline => l.timeline = Some(body),
        }
        return l;
    }
    if area.width >= THREE_COLUMNS_WIDTH {
        let w = body.width;
        let lw = w * 28 / 100;
        let tw = w * 32 / 100;
        let rw = w - lw - tw;
        l.list = Some(Rect::new(body.x, body.y, lw, body.height));
        l.reader = Some(Rect::new(body.x + lw, body.y, rw, body.height));
        l.timeline = Some(Rect::new(body.x + lw + rw, body.y, tw, body.height));
    } else {
        let lw = body.width * 42 / 100;
        let lh = body.height * 2 / 5;
        l.list = Some(Rect::new(body.x, body.y, lw, lh));
        l.timeline = Some(Rect::new(body.x, body.y + lh, lw, body.height - lh));
        l.reader = Some(Rect::new(body.x + lw, body.y, body.width - lw, body.height));
    }
    l
}
