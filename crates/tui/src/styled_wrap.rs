//! Word-wrapping text made of styled pieces (a sentence with its date
//! highlighted), and cutting a styled line to a width with an ellipsis.

use super::wrap;
use ratatui::style::Style;

/// One line as (text, style) pieces.
pub type Segs = Vec<(String, Style)>;

/// Cuts the last line so it ends in `…` within `room`.
pub fn end_with_ellipsis(lines: &mut [Segs], room: usize, style: Style) {
    if let Some(l) = lines.last_mut() {
        *l = fit_spans(l, room, true);
        if l.is_empty() {
            l.push(("…".into(), style));
        }
    }
}

/// `spans` within `width` columns; with `ellipsis`, ending in `…`.
pub fn fit_spans(spans: &[(String, Style)], width: usize, ellipsis: bool) -> Segs {
    let limit = if ellipsis {
        width.saturating_sub(1)
    } else {
        width
    };
    let mut out: Segs = Vec::new();
    let mut used = 0;
    'outer: for (text, st) in spans {
        let mut piece = String::new();
        for ch in text.chars() {
            let w = wrap::char_width(ch);
            if used + w > limit {
                if !piece.is_empty() {
                    out.push((piece, *st));
                }
                break 'outer;
            }
            used += w;
            piece.push(ch);
        }
        if !piece.is_empty() {
            out.push((piece, *st));
        }
    }
    if ellipsis && width > 0 {
        while out.last().is_some_and(|(x, _)| x.ends_with(' ')) {
            if let Some((x, _)) = out.last_mut() {
                x.pop();
                if x.is_empty() {
                    out.pop();
                }
            }
        }
        let st = out.last().map_or(Style::default(), |(_, st)| *st);
        out.push(("…".into(), st));
    }
    out
}

/// Word-wraps styled text to `width` columns: breaks at spaces, a word
/// wider than the line is broken where it must be, no line starts with the
/// space it was broken at. Each line is a list of (text, style).
pub fn wrap_styled(segs: &[(String, Style)], width: usize) -> Vec<Segs> {
    let width = width.max(1);
    let mut lines: Vec<Vec<(char, Style)>> = Vec::new();
    let mut cur: Vec<(char, Style)> = Vec::new();
    let mut cur_w = 0usize;
    // Index in `cur` of the last space.
    let mut last_space: Option<usize> = None;
    for (text, st) in segs {
        for ch in text.chars() {
            let w = wrap::char_width(ch);
            if ch == ' ' {
                if cur.is_empty() {
                    continue;
                }
                last_space = Some(cur.len());
            }
            if cur_w + w > width {
                if ch == ' ' {
                    lines.push(std::mem::take(&mut cur));
                    cur_w = 0;
                    last_space = None;
                    continue;
                }
                match last_space {
                    Some(i) if i > 0 => {
                        let rest = cur.split_off(i + 1);
                        let mut head = std::mem::replace(&mut cur, rest);
                        head.pop();
                        lines.push(head);
                    }
                    _ => lines.push(std::mem::take(&mut cur)),
                }
                cur_w = cur.iter().map(|(c, _)| wrap::char_width(*c)).sum();
                last_space = None;
            }
            cur.push((ch, *st));
            cur_w += w;
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
        .into_iter()
        .map(|l| {
            let mut out: Segs = Vec::new();
            for (ch, st) in l {
                match out.last_mut() {
                    Some((x, s0)) if *s0 == st => x.push(ch),
                    _ => out.push((ch.to_string(), st)),
                }
            }
            while out.last().is_some_and(|(x, _)| x.ends_with(' ')) {
                if let Some((x, _)) = out.last_mut() {
                    x.pop();
                    if x.is_empty() {
                        out.pop();
                    }
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn plain(lines: &[Segs]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(x, _)| x.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let segs = vec![
            ("Talks resumed on ".to_string(), Style::default()),
            ("3 May 2031".to_string(), bold),
            (" in Velmora.".to_string(), Style::default()),
        ];
        let lines = wrap_styled(&segs, 14);
        assert_eq!(
            plain(&lines),
            ["Talks resumed", "on 3 May 2031", "in Velmora."]
        );
        assert!(
            lines[1]
                .iter()
                .any(|(x, st)| x == "3 May 2031" && *st == bold)
        );
        for l in plain(&lines) {
            assert!(l.width() <= 14 && !l.starts_with(' ') && !l.ends_with(' '));
        }
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        let lines = wrap_styled(&[("abcdefghij klm".into(), Style::default())], 4);
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij", "klm"]);
        assert_eq!(plain(&wrap_styled(&[], 4)), [""]);
        assert_eq!(
            plain(&wrap_styled(&[("x".into(), Style::default())], 0)),
            ["x"]
        );
    }
}
