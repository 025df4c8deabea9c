//! Whether a line's sentence runs on past the line: a headline ends where
//! its line does, a paragraph split over lines (or around a link) does not.

use super::lines::{Line, Unit};
use super::roles;

/// Whether the sentence of line `i` goes on past it: its unit runs on,
/// the next line starts in lower case (a byline's "by" aside), or, one
/// element per line, a short link sits between it and a line that goes on
/// in lower case or with punctuation ("Shares of the retailer" / "Harbour
/// Stores" / "fell on Monday.").
pub(super) fn flows_on(lines: &[Line], units: &[Unit], unit: usize, i: usize) -> bool {
    let l = &lines[i];
    if l.ends_sentence {
        return false;
    }
    let byline_next = lines
        .get(i + 1)
        .is_some_and(|n| roles::is_byline(n.text, n.words));
    if units[unit].first == i && !units[unit].single() && !byline_next {
        return true;
    }
    let goes_on = |n: &Line| {
        n.text
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | '.'))
            && !roles::is_byline(n.text, n.words)
            && !roles::is_stamp(n.text, n.words)
    };
    match (lines.get(i + 1), lines.get(i + 2)) {
        (Some(n), _) if goes_on(n) => !n.blank_before,
        // A continuation of two words ("and another") only with no blank
        // line around the link: lines set apart are a new paragraph.
        (Some(link), Some(n)) => {
            link.words <= 4
                && !link.ends_sentence
                && goes_on(n)
                && (n.words >= 3 || (n.words == 2 && !link.blank_before && !n.blank_before))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::lines;
    use super::flows_on;

    /// Whether line `i` of `raw` (non-empty lines) runs on past itself.
    fn runs_on(raw: &str, i: usize) -> bool {
        let k = super::super::PageKnowledge::builtin_for_tests();
        let (ls, lang) = lines::split(k, raw);
        let us = lines::units(k.stop_words(), &ls, lang);
        let unit = us.partition_point(|u| u.first <= i) - 1;
        flows_on(&ls, &us, unit, i)
    }

    #[test]
    fn a_sentence_split_around_a_link_is_no_headline() {
        let split = "Shares of the island ferry operator\n\nTarn Lines\n\nfell in early trading on Monday.\n";
        assert!(runs_on(split, 0));
        let joined = "Ferry fares rise as the winter\nstorms keep ships in port.\n";
        assert!(runs_on(joined, 0));
        let headline = "Tarn Lines shares fall after a weak winter\n\nBy\n\nAna Reyes\n";
        assert!(!runs_on(headline, 0));
        let over_byline = "Ferry crews freed from a sandbank\nby Ilse Varga\n";
        assert!(!runs_on(over_byline, 0));
        let short_tail =
            "Some gifts I never tire of, like\nHarbour Vouchers\nand another\nSeaLamp\n";
        assert!(runs_on(short_tail, 0));
        let apart = "Several sources dispute the ferry claims\n\nIn a\n\njoint statement\n";
        assert!(!runs_on(apart, 0));
    }
}
