//! What one match of the date regex names: its [`Form`], read from the
//! groups that matched, or None when the words around it say it is no
//! date (a bare month that is a name, a day the month does not have).

use super::super::groups::{Groups, Name, g, month_of, num};
use super::super::holiday;
use super::super::lexicon::{RelativePhrase, Unit, normalise};
use super::super::period::period_of;
use super::super::tense::word_before;
use super::super::years::{spelled_year, the_year_in_context, year_in_context};
use super::{
    Direction, Form, TimeWords, direction_of, valid_day_month, weekday_agrees, weekday_of,
};
use chrono::NaiveDate;

/// Interprets one match; None rejects it. Returns the form and where the
/// date proper (after any modifier) starts in `text`.
pub(super) fn form_of(
    tw: &TimeWords,
    caps: &Groups,
    text: &str,
    whole_start: usize,
) -> Option<(Form, usize)> {
    let core = |name: Name| caps.name(name).map(|m| m.start());
    if caps.may_have("iso") && caps.name(g::ISO_Y).is_some() {
        let d = NaiveDate::from_ymd_opt(
            num(caps, g::ISO_Y)? as i32,
            num(caps, g::ISO_M)? as u32,
            num(caps, g::ISO_D)? as u32,
        )?;
        return Some((Form::Full(d), whole_start));
    }
    if caps.may_have("num") && caps.name(g::NUM_Y).is_some() {
        if caps.name(g::NUM_S1)?.as_str() != caps.name(g::NUM_S2)?.as_str() {
            return None;
        }
        let (a, b) = (num(caps, g::NUM_A)? as u32, num(caps, g::NUM_B)? as u32);
        // Day-first and month-first orders both occur; only take a date
        // when just one reading is valid, or both give the same day.
        let (day, month) = match (a > 12, b > 12) {
            (true, false) => (a, b),
            (false, true) => (b, a),
            (false, false) if a == b => (a, b),
            _ => return None,
        };
        let d = NaiveDate::from_ymd_opt(num(caps, g::NUM_Y)? as i32, month, day)?;
        return Some((Form::Full(d), whole_start));
    }
    for (stem, m, d, y, wd, c) in [
        ("mf", g::MF_M, g::MF_D, g::MF_Y, g::MF_WD, g::MF_CORE),
        ("df", g::DF_M, g::DF_D, g::DF_Y, g::DF_WD, g::DF_CORE),
    ] {
        if !caps.may_have(stem) || caps.name(m).is_none() {
            continue;
        }
        let month = month_of(tw, caps, m)?;
        let day = num(caps, d)? as u32;
        let form = match num(caps, y) {
            Some(year) => {
                let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
                if !weekday_agrees(tw, caps, wd, date) {
                    return None;
                }
                Form::Full(date)
            }
            None if valid_day_month(month, day) => Form::DayMonth { month, day },
            None => return None,
        };
        return Some((form, core(c)?));
    }
    if ["pq", "qq", "pr", "ss", "fy"]
        .iter()
        .any(|s| caps.may_have(s))
        && let Some(found) = period_of(tw, caps, text)
    {
        return found;
    }
    if caps.may_have("my") && caps.name(g::MY_M).is_some() {
        let month = month_of(tw, caps, g::MY_M)?;
        let form = match num(caps, g::MY_Y) {
            Some(year) => Form::MonthYear {
                year: year as i32,
                month,
            },
            None => Form::MonthRelYear {
                month,
                offset: match direction_of(caps, g::MY_REL) {
                    Direction::Last => -1,
                    Direction::Next => 1,
                    Direction::ByTense => 0,
                },
            },
        };
        return Some((form, core(g::MY_CORE)?));
    }
    if caps.may_have("rm") && caps.name(g::RM_M).is_some() {
        let form = Form::MonthRel {
            month: month_of(tw, caps, g::RM_M)?,
            dir: direction_of(caps, g::RM_REL),
        };
        return Some((form, core(g::RM_CORE)?));
    }
    if caps.may_have("rel")
        && let Some(rel) = caps.name(g::REL)
    {
        let phrase = tw.lexicon.relative.get(&normalise(rel.as_str()))?;
        return Some((Form::Relative(*phrase), core(g::REL_CORE)?));
    }
    if caps.may_have("ago") && caps.name(g::AGO_U).is_some() {
        let n_text = caps.name(g::AGO_N)?.as_str();
        let n = match n_text.parse::<i32>() {
            Ok(n) => n,
            Err(_) => *tw.lexicon.number_words.get(&n_text.to_lowercase())?,
        };
        let unit: Unit = *tw
            .lexicon
            .ago_units
            .get(&caps.name(g::AGO_U)?.as_str().to_lowercase())?;
        // "three years later" counts from the narrative's last date, never
        // from the day of writing; "two days ago" from the day of writing.
        let ago = caps
            .name(g::AGO_W)
            .is_none_or(|w| w.as_str().eq_ignore_ascii_case("ago"));
        let later = caps
            .name(g::AGO_W)
            .is_some_and(|w| w.as_str().eq_ignore_ascii_case("later"));
        let phrase = RelativePhrase {
            unit,
            offset: if later { n } else { n.saturating_neg() },
            anaphoric: !ago,
            narrative: !ago,
        };
        return Some((Form::Relative(phrase), core(g::AGO_CORE)?));
    }
    if caps.may_have("wd") && caps.name(g::WD).is_some() {
        let form = Form::Weekday {
            weekday: weekday_of(tw, caps, g::WD)?,
            dir: direction_of(caps, g::WD_DIR),
        };
        return Some((form, core(g::WD_CORE)?));
    }
    if caps.may_have("ty")
        && let Some(y) = caps.name(g::TY_CORE)
    {
        // "for the year", "the first nine months of the year": the year
        // being reported on, the anchor's (or the sentence's stated day's).
        let phrase = RelativePhrase {
            unit: Unit::Year,
            offset: 0,
            anaphoric: true,
            narrative: false,
        };
        return the_year_in_context(tw, text, y.start(), y.end())
            .then_some((Form::Relative(phrase), y.start()));
    }
    if caps.may_have("cm")
        && let Some(m) = caps.name(g::CM_M)
    {
        let start = core(g::CM_CORE)?;
        if caps.name(g::CM_MOD).is_none() && !bare_month_in_context(tw, text, start, m.end()) {
            return None;
        }
        return Some((
            Form::Month {
                month: month_of(tw, caps, g::CM_M)?,
            },
            start,
        ));
    }
    if caps.may_have("yr")
        && let Some(y) = caps.name(g::YR)
    {
        return year_in_context(tw, text, y.start(), y.end())
            .map(|year| (Form::Year(year), y.start()));
    }
    if caps.may_have("sy")
        && let Some(core) = caps.name(g::SY_CORE)
    {
        return spelled_year(tw, caps, text, core.end()).map(|form| (form, core.start()));
    }
    if caps.may_have("hd")
        && let Some(h) = caps.name(g::HD)
    {
        let rest = caps.name(g::HD_CORE)?;
        // "Easter Island", "Christmas Carol": part of another name.
        let next = text.get(rest.end()..)?.trim_start_matches([' ', '\t']);
        if next.starts_with(char::is_uppercase) {
            return None;
        }
        let form = Form::Holiday {
            rule: *tw.lexicon.holidays.get(&holiday::key(h.as_str()))?,
            year: num(caps, g::HD_Y).and_then(|y| i32::try_from(y).ok()),
            dir: direction_of(caps, g::HD_DIR),
            week: caps.name(g::HD_WEEK).is_some(),
        };
        return Some((form, rest.start()));
    }
    if caps.may_have("rf")
        && let Some(r) = caps.name(g::RF_CORE)
    {
        // "Now, he says ...": a sentence opened by "Now," turns the
        // discourse, it does not point at the present.
        let opens = text
            .get(..r.start())?
            .trim_start_matches(|c: char| c.is_whitespace() || "\"'“‘`".contains(c))
            .is_empty();
        if opens && r.as_str().eq_ignore_ascii_case("now") && text.get(r.end()..)?.starts_with(',')
        {
            return None;
        }
        let reference = tw.lexicon.references.get(&normalise(r.as_str()))?;
        return Some((Form::Reference(*reference), r.start()));
    }
    None
}

/// Whether a month name alone at `start..end` of `text` names a month: after
/// a word of `[month_context]` ("in March"), after "for" ("the figures for
/// January"), or modifying a noun after a determiner ("the October vote", "a
/// June agreement") or as a possessive ("to December's figures"). A
/// capitalised word right after it makes it part of a name ("for June
/// Carter", "the March Hare"), and "for May" is as often the surname.
fn bare_month_in_context(tw: &TimeWords, text: &str, start: usize, end: usize) -> bool {
    let before = word_before(text, start);
    let before = before.trim_end_matches('-');
    if tw.lexicon.month_context.iter().any(|w| w == before) {
        return true;
    }
    let rest = text.get(end..).unwrap_or("");
    let (possessive, rest) = match rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")) {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let next = rest.trim_start_matches([' ', '\t']);
    let spaced = next.len() < rest.len();
    let noun_follows = spaced && next.starts_with(|c: char| c.is_lowercase());
    let name_follows = spaced && next.starts_with(char::is_uppercase);
    if possessive {
        // Mid-sentence, after a lowercase word: not a person's "June's".
        let after_word = text
            .get(..start)
            .map(str::trim_end)
            .and_then(|t| t.chars().next_back())
            .is_some_and(char::is_lowercase);
        return after_word && noun_follows;
    }
    if before == "for" {
        return !name_follows && text.get(start..end) != Some("May");
    }
    tw.lexicon.determiners.iter().any(|w| w == before) && noun_follows
}
