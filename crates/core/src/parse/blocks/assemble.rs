//! The classifier's answer put together from each unit's class: the
//! blocks, body paragraphs, boilerplate and deduplicated teasers of
//! [`Cleaned`], and the warnings about the split.

use super::Cleaned;
use super::dedup;
use super::lines::{Kind, Line, Unit};
use super::shape;
use crate::hash::FxMap;
use crate::model::{Block, BlockClass, PageWarning, Span};

/// Fills `out` from the classes: blocks, body paragraphs, boilerplate and
/// the deduplicated teasers after the article.
pub(super) fn assemble(
    raw: &str,
    lines: &[Line],
    units: &[Unit],
    classes: &[BlockClass],
    title_idx: Option<usize>,
    out: &mut Cleaned,
) {
    out.title = title_idx.map(|i| lines[i].content);
    out.blocks.reserve_exact(lines.len());
    // Sized once: grown push by push they were copied several times.
    let (mut body, mut boilerplate) = (0, 0);
    for (u, class) in units.iter().zip(classes) {
        if class.is_body() {
            body += 1;
        } else {
            boilerplate += u.lines().filter(|&i| Some(i) != title_idx).count();
        }
    }
    out.body.reserve_exact(body);
    out.boilerplate.reserve_exact(boilerplate);
    let last_body = classes.iter().rposition(|c| c.is_body()).unwrap_or(0);
    // Teasers by the hash of their key.
    let mut teaser_keys: FxMap<u64, usize> = FxMap::default();
    let mut teasers: Vec<Span> = Vec::new();
    for (ui, (u, &class)) in units.iter().zip(classes).enumerate() {
        for (i, l) in lines[u.lines()].iter().enumerate() {
            out.blocks.push(Block {
                span: l.span,
                class,
            });
            // Copies of the title stay in the boilerplate: a date stamp may
            // sit in front of one.
            if !class.is_body() && Some(u.first + i) != title_idx {
                out.boilerplate.push(l.span);
            }
        }
        if class.is_body() {
            out.body.push(Span::new(
                lines[u.first].span.start as usize,
                lines[u.last].span.end as usize,
            ));
        }
        if class == BlockClass::Teaser && ui > last_body {
            let l = &lines[u.first];
            let content = l.content_text(raw);
            let hash = l.key_hash();
            match teaser_keys.get(&hash) {
                Some(&k) => {
                    // Prefer the copy that kept its punctuation.
                    if shape::punctuation(content) > shape::punctuation(teasers[k].text(raw)) {
                        teasers[k] = l.content;
                    }
                }
                None => {
                    teaser_keys.insert(hash, teasers.len());
                    teasers.push(l.content);
                }
            }
        }
    }
    out.teasers = dedup::without_glued_copies(raw, teasers);
}

/// Below this share of the page's prose words, the body is flagged.
const SMALL_BODY_PERCENT: u32 = 40;

/// What to doubt about the split: no title, or a body that holds a small
/// share of the page's prose.
pub(super) fn warnings(
    out: &Cleaned,
    units: &[Unit],
    kinds: &[Kind],
    classes: &[BlockClass],
) -> Vec<PageWarning> {
    let mut w = Vec::new();
    if out.title.is_none() {
        w.push(PageWarning::NoTitle);
    }
    let (mut prose, mut in_body) = (0u32, 0u32);
    for ((u, &k), &c) in units.iter().zip(kinds).zip(classes) {
        if k == Kind::Good {
            prose += u.size();
            if c.is_body() {
                in_body += u.size();
            }
        }
    }
    if prose > 0 && in_body * 100 < prose * SMALL_BODY_PERCENT {
        w.push(PageWarning::SmallBody {
            percent: (in_body * 100 / prose) as u8,
        });
    }
    w
}

#[cfg(test)]
mod tests {
    use super::super::{PageKnowledge, classify};
    use super::*;

    #[test]
    fn every_non_empty_line_is_exactly_one_block() {
        let c = classify(
            PageKnowledge::builtin_for_tests(),
            super::super::tests::PAGE,
        );
        let page = super::super::tests::PAGE;
        let lines: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let blocks: Vec<&str> = c.blocks.iter().map(|b| b.span.text(page)).collect();
        assert_eq!(blocks, lines);
        // Every block is in the body, the boilerplate or the title.
        let kept = c.body.len() + c.boilerplate.len() + usize::from(c.title.is_some());
        assert!(kept <= blocks.len() && !c.body.is_empty());
    }

    #[test]
    fn a_body_with_a_small_share_of_the_prose_is_flagged() {
        let unit = |i: usize, words: u32| Unit {
            first: i,
            last: i,
            words,
            stops: words / 3,
            cjk: 0,
        };
        let units = [unit(0, 30), unit(1, 70), unit(2, 400)];
        let kinds = [Kind::Good, Kind::Good, Kind::Bad];
        let mut out = Cleaned::default();
        let flagged =
            |out: &Cleaned, classes: &[BlockClass]| warnings(out, &units, &kinds, classes);
        let (body, furniture) = (BlockClass::Body, BlockClass::Furniture);
        assert_eq!(
            flagged(&out, &[body, furniture, furniture]),
            [PageWarning::NoTitle, PageWarning::SmallBody { percent: 30 }]
        );
        assert_eq!(
            flagged(&out, &[body, body, furniture]),
            [PageWarning::NoTitle]
        );
        out.title = Some(Span::new(0, 1));
        assert_eq!(flagged(&out, &[furniture, body, body]), []);
    }
}
