//! Finding temporal-expression candidates in one sentence: a single regex
//! pass (one alternation, one named group per family), then checks a regex
//! cannot express cheaply (context words, quantities, calendar validity).
//!
//! Nothing here needs an anchor: a candidate says what was written, the
//! resolver decides what it means.

use super::TimeWords;
use super::direct;
use super::discourse;
pub use super::form::{Candidate, Direction, Form, PeriodKind, YearRef};
use super::groups::{Groups, Name, g};
use super::modifier::next_match;
use super::patterns::with_caches;
use super::tense::{clause_is_future_in, narrates_past_knowing, word_before};
use crate::model::Span;
use asked::{Asked, tense_matters};
use chrono::{NaiveDate, Weekday};
use context::Context;
use form_of::form_of;
use regex_automata::util::captures::Captures as GroupSlots;
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Anchored, Input, PatternID};
use std::borrow::Cow;

/// Every candidate in `raw[sentence]` by the time words `tw`, in text
/// order, pushed onto `out` (an article's sentences fill one list, not a
/// list each). `index` is the sentence's position, recorded on each
/// candidate.
#[inline(never)]
pub fn find_in_sentence_into(
    tw: &TimeWords,
    raw: &str,
    sentence: Span,
    index: u32,
    out: &mut Vec<Candidate>,
) {
    find_asking_into(tw, raw, sentence, index, Asked::Read, out);
}

/// [`find_in_sentence_into`] in an article whose publication date is
/// known (stated on the page): its candidates are resolved against that
/// date, and the publication date is not inferred from them.
#[inline(never)]
pub fn find_in_anchored_sentence_into(
    tw: &TimeWords,
    raw: &str,
    sentence: Span,
    index: u32,
    out: &mut Vec<Candidate>,
) {
    find_asking_into(tw, raw, sentence, index, Asked::Anchored, out);
}

/// [`find_in_sentence_into`] as a list of its own, for the tests.
#[cfg(test)]
pub(crate) fn find_in_sentence(
    tw: &TimeWords,
    raw: &str,
    sentence: Span,
    index: u32,
) -> Vec<Candidate> {
    find_asking(tw, raw, sentence, index, Asked::Read)
}

/// [`find_in_anchored_sentence_into`] as a list of its own, for the tests.
#[cfg(test)]
pub(crate) fn find_in_anchored_sentence(
    tw: &TimeWords,
    raw: &str,
    sentence: Span,
    index: u32,
) -> Vec<Candidate> {
    find_asking(tw, raw, sentence, index, Asked::Anchored)
}

/// The candidates of a sentence, answering the tense questions `asked`.
#[cfg(test)]
fn find_asking(
    tw: &TimeWords,
    raw: &str,
    sentence: Span,
    index: u32,
    asked: Asked,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    find_asking_into(tw, raw, sentence, index, asked, &mut out);
    out
}

/// The candidates of a sentence, answering the tense questions `asked`,
/// pushed onto `out`.
fn find_asking_into(
    tw: &TimeWords,
    raw: &str,
    sentence: Span,
    index: u32,
    asked: Asked,
    out: &mut Vec<Candidate>,
) {
    let Some(text) = raw.get(sentence.range()) else {
        return;
    };
    let base = sentence.start as usize;
    let split = tw.split();
    with_caches(tw, |caches| {
        let mut at = 0;
        while at <= text.len() {
            let Some((start, end, i)) = next_match(split, caches, text, at) else {
                break;
            };
            // No family matches the empty string; step past one anyway so
            // the loop always ends.
            at = if end > start {
                end
            } else {
                let next = text.get(end..).and_then(|t| t.chars().next());
                end + next.map_or(1, char::len_utf8)
            };
            let (cache, slots) = &mut caches.each[i];
            if split.whole[i] {
                whole_match_groups(slots, start, end);
            } else if let Some((family, indices)) = &split.direct[i]
                && direct::read(tw, *family, indices, text, start, end, slots)
            {
                // Read in code, as the family's regex would.
            } else {
                let family = split.family(i);
                let cache = cache.get_or_insert_with(|| family.create_cache());
                let on_match = Input::new(text).span(start..end).anchored(Anchored::Yes);
                family.search_captures_with(cache, &on_match, slots);
            }
            let caps = if slots.get_match().map(|g| g.range()) == Some(start..end) {
                Groups::Family(text, slots, &split.ids[i], &split.prefixes[i])
            } else {
                match tw.pattern().captures_at(text, start) {
                    Some(c) => Groups::Whole(c),
                    None => continue,
                }
            };
            // A family may read one character past its date to see that the
            // date ends there ("the year" but not "the year-ago"); that
            // character is no part of it.
            let end = caps.name(g::TY_TAIL).map_or(end, |t| t.start());
            if let Some((form, future, stated_past, told_past)) =
                judge(tw, text, &caps, start, end, asked)
            {
                let candidate = Candidate {
                    span: Span::new(base + start, base + end),
                    form,
                    sentence: index,
                    future,
                    stated_past,
                    told_past,
                };
                out.push(candidate);
                if let Some((range, form)) = discourse::listed_second_day(text, end, form) {
                    out.push(Candidate {
                        span: Span::new(base + range.start, base + range.end),
                        form,
                        ..candidate
                    });
                }
            }
        }
    });
}

/// Every group of `slots` set to `start..end`: what a family whose groups
/// all span the whole match would read there.
pub(super) fn whole_match_groups(slots: &mut GroupSlots, start: usize, end: usize) {
    slots.set_pattern(Some(PatternID::ZERO));
    for (i, slot) in slots.slots_mut().iter_mut().enumerate() {
        *slot = NonMaxUsize::new(if i % 2 == 0 { start } else { end });
    }
}

/// What the match at `start..end` of `text` says: its form, whether its
/// clause is future, whether it is stated as past ("on" a past verb) and
/// whether it is told as past; None rejects it. With [`Asked::Read`] a
/// question no later stage reads for the form is not asked, and its answer
/// is false.
fn judge(
    tw: &TimeWords,
    text: &str,
    caps: &Groups,
    start: usize,
    end: usize,
    asked: Asked,
) -> Option<(Form, bool, bool, bool)> {
    let (form, core_start) = form_of(tw, caps, text, start)?;
    let context = Context::new(tw, text, start, end);
    if recurs(form, &context)
        || discourse::recurs_by_plural_part(tw, form, &text[end..])
        || is_generic_today(tw, text, start, end)
        || discourse::today_names_no_day(tw, text, start, end)
        || is_quoted_title(form, text, start, end)
    {
        return None;
    }
    if matches!(form, Form::DayMonth { .. } | Form::Month { .. })
        && followed_by_unread_year(&text[end..])
    {
        return None;
    }
    let after_on = if core_start == start {
        context.word_before() == "on"
    } else {
        word_before(text, core_start) == "on"
    };
    // Reading the clause costs more than the rest of the match: do it only
    // where the value or the inference reads it. Whether a date is told as
    // past is read only for some forms, and a date "on" a past verb needs
    // its clause's tense only to know that.
    let reads_past = asked.reads_past(form);
    let reads_tense = after_on && reads_past || tense_matters(form);
    let day_or_month = matches!(form, Form::DayMonth { .. } | Form::Month { .. });
    // "since March" looks back whatever the clause goes on to say; only a
    // form whose tense or past telling is read needs to know.
    let since = (reads_tense || day_or_month) && governed_by_since(&context);
    // Whether a past verb governs the date directly, once it is known.
    let mut adjacent = None;
    let future = reads_tense
        && !since
        && !names_a_reported_day(form, &text[end..])
        && !*adjacent.insert(context.adjacent_past_verb())
        && (clause_is_future_in(tw, text, start, end, context.clause())
            || after_future_preposition(&context));
    // "He was last seen Nov. 3": a yearless day or month in a clause told
    // as past lies before the day of writing.
    let stated_past = after_on && reads_past && !future && context.told_as_past(adjacent);
    let told_past = stated_past
        || since && day_or_month
        || !future
            && day_or_month
            && narrates_past_knowing(
                tw,
                text,
                start,
                end,
                context.word_before(),
                context.adjacent_past_verb(),
                context.clause(),
            );
    Some((form, future, stated_past, told_past))
}

/// Whether a yearless day or month runs on into a four-digit number the
/// year pattern did not take ("31 December 9999", "June 5, 1650"): its
/// year is written but out of range, so no year may be borrowed for it.
fn followed_by_unread_year(after: &str) -> bool {
    let rest = after.strip_prefix(',').unwrap_or(after);
    let digits = rest.trim_start_matches([' ', '\u{a0}']);
    if digits.len() == rest.len() {
        return false;
    }
    let n = digits.bytes().take_while(u8::is_ascii_digit).count();
    n == 4 && !digits[n..].starts_with(|c: char| c.is_alphanumeric())
}

/// "Wednesday's ruling", "after Friday's vote": a weekday in the
/// possessive names a day whose event the text already reports, so the
/// future tense of its clause ("will appeal Wednesday's ruling") is not its
/// own. "next Friday's" keeps its direction word.
fn names_a_reported_day(form: Form, after: &str) -> bool {
    matches!(
        form,
        Form::Weekday {
            dir: Direction::ByTense,
            ..
        }
    ) && (after.starts_with("'s") || after.starts_with("’s"))
}

/// "departs each Thursday", "marches every July": a weekday or month
/// after "each" or "every" recurs; it is no one day or month.
fn recurs(form: Form, context: &Context) -> bool {
    matches!(
        form,
        Form::Weekday {
            dir: Direction::ByTense,
            ..
        } | Form::Month { .. }
    ) && matches!(context.word_before(), "each" | "every")
}

/// `"This Week,"`, `"Next Year in Tarn"`: a relative phrase of two or more
/// capitalized words right after an opening quote is a title (a show, a
/// book), not a time.
fn is_quoted_title(form: Form, text: &str, start: usize, end: usize) -> bool {
    let Form::Relative(_) = form else {
        return false;
    };
    let quoted = text
        .get(..start)
        .and_then(|t| t.chars().next_back())
        .is_some_and(|c| matches!(c, '"' | '“' | '`' | '‘'));
    if !quoted {
        return false;
    }
    let words: Vec<&str> = text
        .get(start..end)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// "today's world", "today's youth": "today's" before a noun of
/// `[generic_today_heads]` (next word, or the one after it) means the
/// present age, not the day of writing.
fn is_generic_today(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    let Some(after) = text
        .get(end..)
        .and_then(|t| t.strip_prefix("'s").or_else(|| t.strip_prefix("’s")))
    else {
        return false;
    };
    if !text
        .get(start..end)
        .is_some_and(|t| t.eq_ignore_ascii_case("today"))
    {
        return false;
    }
    let heads = &tw.lexicon.generic_today_heads;
    after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| heads.iter().any(|h| h.eq_ignore_ascii_case(w)))
}

/// "until Tuesday", "by March": a date after a word of
/// `[future_prepositions]`, in a sentence not told in the past tense.
fn after_future_preposition(context: &Context) -> bool {
    let before = context.word_before();
    let lx = &context.tw.lexicon;
    lx.future_prepositions.iter().any(|p| *p == before)
        && (!context.told_as_past(None)
            || right_after_deferral(context.tw, context.text, context.start, before))
}

/// "postponed until Tuesday", "was delayed until March": a verb of
/// `[deferral_verbs]` right before the preposition moves the event to a
/// day after its own, past though it is.
/// "since March", "since shortly after the Oct. 23 attack": whether the
/// word "since" governs the date at `start`, with only words of
/// `[since_fillers]` between them. Such a date lies before the day of
/// writing.
fn governed_by_since(context: &Context) -> bool {
    let text = context.text;
    let mut pos = context.start;
    for i in 0..4 {
        let word = if i == 0 {
            Cow::Borrowed(context.word_before())
        } else {
            word_before(text, pos)
        };
        if word == "since" {
            return true;
        }
        if !context.tw.lexicon.since_fillers.iter().any(|f| *f == word) {
            return false;
        }
        // The fillers are ASCII: the lowercased word is as long as the text's.
        pos = text[..pos].trim_end().len() - word.len();
    }
    false
}

fn right_after_deferral(tw: &TimeWords, text: &str, start: usize, preposition: &str) -> bool {
    let at = text
        .get(..start)
        .unwrap_or("")
        .trim_end()
        .len()
        .saturating_sub(preposition.len());
    let verb = word_before(text, at);
    tw.lexicon.deferral_verbs.iter().any(|v| *v == verb)
}

fn weekday_of(tw: &TimeWords, caps: &Groups, name: Name) -> Option<Weekday> {
    let n = *tw.lexicon.weekdays.get(caps.name(name)?.as_str())?;
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    })
}

fn direction_of(caps: &Groups, name: Name) -> Direction {
    match caps.name(name).map(|m| m.as_str()) {
        Some(w) if w.eq_ignore_ascii_case("last") => Direction::Last,
        Some(w) if w.eq_ignore_ascii_case("next") => Direction::Next,
        _ => Direction::ByTense,
    }
}

/// A day and month that exist in some year (Feb 29 included).
fn valid_day_month(month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(2000, month, day).is_some()
}

/// A weekday prefix must agree with the date it names.
fn weekday_agrees(tw: &TimeWords, caps: &Groups, name: Name, date: NaiveDate) -> bool {
    use chrono::Datelike;
    weekday_of(tw, caps, name).is_none_or(|w| w == date.weekday())
}

mod asked;
mod context;
mod form_of;
#[cfg(test)]
pub(super) mod tests;
