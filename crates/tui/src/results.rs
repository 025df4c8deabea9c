//! The search across the whole corpus: how many matches there are (titles
//! and bodies, empty matches never counted, so a pattern like `x*` is "no
//! match" and nothing else) and the list of them (`S`), a row per match
//! with its article, from which Enter jumps to the match.

use super::action::Action;
use super::app::{AppState, Overlay, Pending};
pub use super::matches::{Match, ResultsState, rows_for};
use super::theme::Theme;
use dateline_core::model::{Article, Corpus, Span};
use dateline_core::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Paragraph;

/// The most matches counted or listed: past it the count says "at least".
pub const COUNT_MAX: usize = 100_000;

/// The text a search looks at in `a`: its headline (when the body does not
/// hold it), then its paragraphs.
fn searched(a: &Article) -> impl Iterator<Item = (Span, bool)> + '_ {
    let title = a
        .title
        .filter(|t| !a.body.iter().any(|p| p.contains(*t)))
        .map(|t| (t, true));
    title.into_iter().chain(a.body.iter().map(|&p| (p, false)))
}

/// Every non-empty match of `re` in `a`, headline first.
pub fn matches_in<'a>(a: &'a Article, re: &'a regex::Regex) -> impl Iterator<Item = Match> + 'a {
    searched(a).flat_map(move |(part, in_title)| {
        re.find_iter(part.text(&a.raw))
            .filter(|m| !m.as_str().is_empty())
            .map(move |m| Match {
                article: a.id,
                span: Span::new(
                    part.start as usize + m.start(),
                    part.start as usize + m.end(),
                ),
                in_title,
            })
    })
}

/// Matches in the corpus and the number of articles they are in, counting
/// at most [`COUNT_MAX`] matches.
pub fn count(c: &Corpus, re: &regex::Regex) -> (usize, usize) {
    let (mut total, mut articles) = (0, 0);
    for a in &c.articles {
        let n = matches_in(a, re).take(COUNT_MAX - total).count();
        total += n;
        articles += usize::from(n > 0);
        if total >= COUNT_MAX {
            break;
        }
    }
    (total, articles)
}

/// "234 in 40 articles", "at least 100,000 in 812 articles".
pub fn count_label(total: usize, articles: usize) -> String {
    let least = if total >= COUNT_MAX { "at least " } else { "" };
    let s = if articles == 1 { "" } else { "s" };
    format!("{least}{total} in {articles} article{s}")
}

impl AppState {
    /// Opens the list of the search's matches, in list order, starting at
    /// the current article's first.
    pub(super) fn open_results(&mut self, c: &Corpus) {
        let Some(search) = &self.search else {
            let key = self
                .keymap
                .label(super::keys::Ctx::Global, Action::PromptSearch);
            self.say(format!("no search to list: {key} searches"));
            return;
        };
        let mut rows = Vec::new();
        for &id in self.list_order(c) {
            let Some(a) = c.articles.get(id as usize) else {
                continue;
            };
            rows.extend(matches_in(a, &search.regex).take(COUNT_MAX - rows.len()));
            if rows.len() >= COUNT_MAX {
                break;
            }
        }
        let selected = self
            .current
            .and_then(|cur| rows.iter().position(|m| m.article == cur))
            .unwrap_or(0);
        let mut r = ResultsState {
            rows,
            selected,
            top: 0,
        };
        r.keep_in_view(rows_for(self.layout.area));
        self.overlay = Overlay::Results(r);
    }

    /// Goes to the chosen match: its article in the reader at the match.
    pub(super) fn go_match(&mut self, c: &Corpus, m: Match) {
        self.push_jump(c);
        self.select_article(c, m.article);
        self.sync_timeline_to_article(c);
        self.reader.pending = Some(if m.in_title {
            Pending::Top(0)
        } else {
            Pending::Show(m.span.start)
        });
        self.set_focus(super::action::Pane::Reader);
        self.read.insert(m.article);
        if let Some(s) = &mut self.search
            && !m.in_title
        {
            s.hit = Some(dateline_core::query::Hit {
                article: m.article,
                span: m.span,
            });
        }
    }
}

/// Some words of `a` around `span`, on one line, at most `width` wide.
fn snippet(a: &Article, span: Span, width: usize) -> String {
    let raw = &a.raw;
    let before = raw.get(..span.start as usize).unwrap_or("");
    let from = before
        .char_indices()
        .rev()
        .take(30)
        .last()
        .map_or(span.start as usize, |(i, _)| i);
    let text = raw.get(from..).unwrap_or("");
    let line: String = text.chars().take(width * 2).collect();
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    dateline_core::text::fit(&sanitize_line(&line), width)
}

/// A centred box: `headline · …words around the match…` per row.
pub fn render(
    f: &mut Frame,
    r: &ResultsState,
    c: &Corpus,
    pattern: &str,
    theme: &Theme,
    area: Rect,
) {
    let w = area.width.saturating_sub(4).clamp(1, 110);
    let h = (rows_for(area) as u16 + 2)
        .min(area.height.saturating_sub(1))
        .max(1);
    let least = if r.rows.len() >= COUNT_MAX { "≥" } else { "" };
    let title = format!(
        " /{} · {least}{} matches · Enter goes · Esc closes ",
        sanitize_line(pattern),
        r.rows.len()
    );
    let inner = super::overlay::framed(f, area, w, h, &title, theme);
    let iw = inner.width as usize;
    let head_w = (iw / 3).clamp(1, 40);
    let mut lines = Vec::new();
    for (i, m) in r
        .rows
        .iter()
        .enumerate()
        .skip(r.top)
        .take(inner.height as usize)
    {
        let Some(a) = c.articles.get(m.article as usize) else {
            continue;
        };
        let style = if i == r.selected {
            theme.cursor
        } else {
            Style::default()
        };
        let head = super::event_rows::short_title(a, head_w);
        let pad = head_w.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
        let where_ = if m.in_title { "title" } else { "" };
        let rest_w = iw.saturating_sub(head_w + 3 + where_.len());
        let text = format!(
            "{head}{} · {where_}{}",
            " ".repeat(pad),
            snippet(a, m.span, rest_w)
        );
        let row = dateline_core::text::fit(&text, iw);
        let fill = iw.saturating_sub(unicode_width::UnicodeWidthStr::width(row.as_str()));
        lines.push(Line::from(vec![
            TextSpan::styled(row, style),
            TextSpan::styled(" ".repeat(if i == r.selected { fill } else { 0 }), style),
        ]));
    }
    if r.rows.is_empty() {
        lines.push(Line::from(TextSpan::styled("no match", theme.dim)));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
