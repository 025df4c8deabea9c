//! Years outside a full date: a bare number read as a year only in a date
//! context, and years written out in words.

use super::TimeWords;
use super::form::Form;
use super::groups::{Groups, Name, g, month_of};
use super::tense::{word_after, word_before};

/// A year written out: "nineteen ninety-six", "January nineteen
/// ninety-seven", "the year two thousand". "two thousand" alone is a count
/// unless "the year" or a month comes before it, or it ends a phrase after
/// a year's context word ("by two thousand.").
pub(super) fn spelled_year(tw: &TimeWords, caps: &Groups, text: &str, end: usize) -> Option<Form> {
    let word = |name: Name| -> Option<i32> {
        let w = caps.name(name)?.as_str().to_lowercase();
        tw.lexicon.number_words.get(&w).copied()
    };
    let year = match caps.name(g::SY_C) {
        Some(c) => {
            let century = if c.as_str().eq_ignore_ascii_case("nineteen") {
                1900
            } else {
                2000
            };
            century
                + word(g::SY_TEEN).unwrap_or_else(|| {
                    word(g::SY_TENS).unwrap_or(0) + word(g::SY_UNIT).unwrap_or(0)
                })
        }
        None => {
            let start = caps.name(g::SY_K)?.start();
            let ends_phrase = !text
                .get(end..)?
                .trim_start()
                .starts_with(char::is_alphanumeric);
            let in_context = tw
                .lexicon
                .year_context
                .iter()
                .any(|w| *w == word_before(text, start));
            let named = caps.name(g::SY_THE).is_some() || caps.name(g::SY_M).is_some();
            if !(named || (ends_phrase && in_context)) {
                return None;
            }
            2000 + word(g::SY_UNIT2).unwrap_or(0)
        }
    };
    match caps.name(g::SY_M) {
        Some(_) => Some(Form::MonthYear {
            year,
            month: month_of(tw, caps, g::SY_M)?,
        }),
        None => Some(Form::Year(year)),
    }
}

/// A bare number is a year only in a date context ("in 2014", "the 2022
/// talks", "Ruritania's 2014 annexation") and not when it counts something.
pub(super) fn year_in_context(tw: &TimeWords, text: &str, start: usize, end: usize) -> Option<i32> {
    let lx = &tw.lexicon;
    let year: i32 = text.get(start..end)?.parse().ok()?;
    let prev_char = text.get(..start)?.chars().next_back();
    let after_prefix = prev_char == Some('-')
        && matches!(
            word_before(text, start).trim_end_matches('-'),
            "mid" | "post" | "pre"
        );
    if after_prefix || in_year_range(text, start, end, year) {
        return Some(year);
    }
    if matches!(
        prev_char,
        Some('$' | '€' | '£' | '#' | '-' | '/' | '.' | ',')
    ) {
        return None;
    }
    let mut next = text.get(end..)?.chars();
    match (next.next(), next.next()) {
        (Some('%'), _) => return None,
        (Some('.' | ',' | ':'), Some(c)) if c.is_ascii_digit() => return None,
        _ => {}
    }
    let following = word_after(text, end);
    let singular = following.strip_suffix('s').unwrap_or(&following);
    if lx
        .quantity_nouns
        .iter()
        .any(|q| *q == following || q == singular)
    {
        return None;
    }
    let before = word_before(text, start);
    let before = before.trim_end_matches('-');
    let possessive = before.ends_with("'s") || before.ends_with("’s") || before.ends_with("s'");
    let context = lx.year_context.iter().any(|w| w == before);
    // A determiner before a year that modifies a noun: "a 1996 law", "its
    // 1988 recapitalization", "that 2019 tour" (counts were rejected above).
    let modifier = lx.year_determiners.iter().any(|w| w == before)
        && following.chars().next().is_some_and(char::is_alphabetic);
    // "his unsuccessful 1996 campaign", "its failed 1991 bid": a possessive
    // or demonstrative, one adjective, the year and its noun ("an estimated
    // 2000 residents" counts, so "a", "an" and "the" do not take part).
    let adjective_modifier = before.bytes().all(|b| b.is_ascii_lowercase())
        && !before.is_empty()
        && text
            .get(end..)?
            .trim_start()
            .starts_with(|c: char| c.is_ascii_lowercase())
        && {
            let adjective_start = text
                .get(..start)?
                .trim_end()
                .len()
                .saturating_sub(before.len());
            let det = word_before(text, adjective_start);
            !matches!(&*det, "a" | "an" | "the") && lx.year_determiners.iter().any(|w| *w == det)
        };
    // The second year of a range or list: "between 1991 and 1993", "from
    // 1991 to 1997", "in 2003, 2005 and 2009", "both 1990 and 1991".
    let listed = follows_a_year(text.get(..start)?);
    let of_head = before == "of" && {
        let of_pos = text.get(..start)?.trim_end().len().saturating_sub(2);
        lx.of_heads.iter().any(|h| *h == word_before(text, of_pos))
    };
    let to_head = before == "to" && {
        let to_pos = text.get(..start)?.trim_end().len().saturating_sub(2);
        lx.to_heads.iter().any(|h| *h == word_before(text, to_pos))
    };
    (possessive || context || of_head || to_head || modifier || adjective_modifier || listed)
        .then_some(year)
}

/// Whether the year at `start..end` of `text` is one end of a span of years
/// written with a hyphen or dash ("2011-2012", "over 1991–1993"): the later
/// year within fifty of the earlier, and neither glued to other digits or
/// codes ("555-2012", "A-2011-2012").
fn in_year_range(text: &str, start: usize, end: usize, year: i32) -> bool {
    let (before, after) = (
        text.get(..start).unwrap_or(""),
        text.get(end..).unwrap_or(""),
    );
    let glued = |s: &str| s.ends_with(|c: char| c.is_alphanumeric() || "-–/$.".contains(c));
    let dash = |s: &'_ str| -> Option<usize> {
        s.chars()
            .next()
            .filter(|c| matches!(c, '-' | '–'))
            .map(char::len_utf8)
    };
    let fits = |earlier: i32, later: i32| earlier < later && later - earlier <= 50;
    // This year opens the span: a dash and four digits that end there.
    let later = dash(after).and_then(|n| {
        let rest = after.get(n..)?;
        let digits = rest.get(..4)?;
        let ends = !rest.get(4..)?.starts_with(|c: char| c.is_alphanumeric());
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some(())
            .filter(|()| ends)
            .and_then(|()| digits.parse::<i32>().ok())
    });
    if later.is_some_and(|l| fits(year, l)) && !glued(before) {
        return true;
    }
    // This year closes it: four digits and a dash right before.
    let Some(dash_len) = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '–'))
        .map(char::len_utf8)
    else {
        return false;
    };
    let head = &before[..before.len() - dash_len];
    let Some(split) = head
        .len()
        .checked_sub(4)
        .filter(|&i| head.is_char_boundary(i))
    else {
        return false;
    };
    let (rest, digits) = head.split_at(split);
    digits.bytes().all(|b| b.is_ascii_digit())
        && !glued(rest)
        && digits.parse::<i32>().is_ok_and(|e| fits(e, year))
}

/// Whether "the year" at `start..end` of `text` is the year being reported
/// on: after "for" or a head of `[of_heads]` and "of" ("for the year,", "the
/// first nine months of the year."), and closing its phrase. "the year
/// ended June 30", "the year he left" and "throughout the year" name a span
/// or another year, and stay out.
pub(super) fn the_year_in_context(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    let lx = &tw.lexicon;
    let before = word_before(text, start);
    let context = before == "for"
        || before == "of" && {
            let of_pos = text
                .get(..start)
                .unwrap_or("")
                .trim_end()
                .len()
                .saturating_sub(2);
            lx.of_heads.iter().any(|h| *h == word_before(text, of_pos))
        };
    let rest = text.get(end..).unwrap_or("").trim_start();
    let closes = rest.is_empty()
        || rest.starts_with(['.', ',', ';', ':', '!', '?', ')', '"', '\'', '”', '’'])
        || matches!(&*word_after(text, end), "and" | "but" | "so")
        || closes_on_a_figure(rest);
    context && closes
}

/// "a high for the year of $42": a figure for the year follows it. (The
/// year "ended Sept. 30" is a span of twelve months, not a date.)
fn closes_on_a_figure(rest: &str) -> bool {
    rest.strip_prefix("of")
        .filter(|r| r.starts_with(' '))
        .map(str::trim_start)
        .is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '#'))
        })
}

/// Whether `before` ends with a year and a list or range word: "1991 and ",
/// "1991 to ", "2003, ", "1991 through ", or a space in a row of years
/// ("1996 1995", a table's column heads). A row of figures is no list:
/// in "21 14 0 7 2009 1844" the number before "2009" is no year, so
/// neither four-digit figure is one.
pub(super) fn follows_a_year(before: &str) -> bool {
    let t = before.trim_end();
    let worded = ["and", "to", "or", "through", "until"]
        .iter()
        .find_map(|w| {
            t.strip_suffix(w)
                .filter(|r| r.ends_with(|c: char| c.is_whitespace() || c == ','))
        });
    let t = worded.unwrap_or(t).trim_end();
    let unjoined = t.trim_end_matches(',');
    let spaced_only = worded.is_none() && unjoined.len() == t.len();
    let t = unjoined.trim_end();
    let Some((head, year)) = t.len().checked_sub(4).and_then(|i| t.split_at_checked(i)) else {
        return false;
    };
    let glued = head.ends_with(|c: char| c.is_alphanumeric() || c == '$' || c == '.');
    if glued || !is_year_figure(year) {
        return false;
    }
    // A space alone joins years only where the figure before is no
    // other kind of number.
    let previous = head
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let in_row_of_figures = !previous.is_empty()
        && previous.bytes().all(|b| b.is_ascii_digit())
        && !is_year_figure(previous);
    !(spaced_only && in_row_of_figures)
}

/// Four digits that read as a year of the range a bare year may name.
fn is_year_figure(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<i32>().is_ok_and(|y| (1800..=2099).contains(&y))
}

#[cfg(test)]
mod tests;
