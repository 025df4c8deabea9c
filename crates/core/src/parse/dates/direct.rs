//! The groups of the commonest date families read off the match in code.
//!
//! Once the union pattern has found a match and its family, the family's
//! own regex reads its groups with a backtracking search over the family's
//! automaton, costlier than finding the match. For the families below, the
//! match's text alone settles where each group lies: the words are read in
//! the order the pattern tries them (an optional modifier first, then the
//! date), each piece checked against the same word lists, and the pieces
//! must cover the match exactly. Anything else (a match with a non-ASCII
//! byte, where the patterns' Unicode white space and case folding would
//! need reading, a word list with a word of other than ASCII letters, a
//! match shaped otherwise) is left to the family's regex.

use super::TimeWords;
use super::lexicon::Lexicon;
use crate::hash::FxMap;
use regex_automata::PatternID;
use regex_automata::util::captures::Captures as GroupSlots;
use regex_automata::util::primitives::NonMaxUsize;

/// A family whose groups are read here, by its group-name stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direct {
    Iso,
    Numeric,
    MonthFirst,
    DayFirst,
    MonthYear,
    Relative,
    Ago,
    Weekday,
    FiscalYear,
    Month,
}

impl Direct {
    /// The family of a group-name stem, when its groups are read here.
    pub(super) fn of_stem(stem: &str) -> Option<Direct> {
        Some(match stem {
            "iso" => Direct::Iso,
            "num" => Direct::Numeric,
            "mf" => Direct::MonthFirst,
            "df" => Direct::DayFirst,
            "my" => Direct::MonthYear,
            "rel" => Direct::Relative,
            "ago" => Direct::Ago,
            "wd" => Direct::Weekday,
            "fy" => Direct::FiscalYear,
            "cm" => Direct::Month,
            _ => return None,
        })
    }

    /// The family's group names, in the order [`read`] gives their spans.
    pub(super) fn group_names(self) -> &'static [&'static str] {
        match self {
            Direct::Iso => &["iso_y", "iso_m", "iso_d"],
            Direct::Numeric => &["num_a", "num_s1", "num_b", "num_s2", "num_y"],
            Direct::MonthFirst => &["mf_mod", "mf_core", "mf_wd", "mf_m", "mf_d", "mf_y"],
            Direct::DayFirst => &["df_mod", "df_core", "df_wd", "df_d", "df_m", "df_y"],
            Direct::MonthYear => &["my_mod", "my_core", "my_m", "my_y", "my_rel"],
            Direct::Relative => &["rel_mod", "rel_core", "rel"],
            Direct::Ago => &["ago_core", "ago_n", "ago_u", "ago_w"],
            Direct::Weekday => &["wd_mod", "wd_core", "wd_dir", "wd", "wd_part"],
            Direct::FiscalYear => &["fy_core", "fy_y"],
            Direct::Month => &["cm_mod", "cm_core", "cm_m"],
        }
    }
}

/// A group's span, if it took part in the match.
type Span = Option<(usize, usize)>;

/// The spans of a family's groups, in [`Direct::group_names`] order.
type Spans = [Span; 6];

/// The words the families are read with, each list usable here only when
/// all its words are ASCII letters alone (what the readers assume).
pub(super) struct Words {
    /// Month forms as written, each with whether it is a full name (an
    /// abbreviation may take a dot).
    months: Option<FxMap<String, bool>>,
    weekdays: Option<Vec<String>>,
    /// Lowercase.
    modifiers: Option<Vec<String>>,
    day_parts: Option<Vec<String>>,
    /// Number words and ago units: one word each.
    ago_words: bool,
}

fn letters_only(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphabetic()))
}

impl Words {
    /// The word lists of `lx` that the readers here can use.
    pub(super) fn of(lx: &Lexicon) -> Words {
        let month_keys: Vec<&str> = lx.months.keys().map(String::as_str).collect();
        let weekdays: Vec<&str> = lx.weekdays.keys().map(String::as_str).collect();
        let modifiers: Vec<&str> = lx.modifiers.iter().map(String::as_str).collect();
        let parts: Vec<&str> = lx.day_parts.iter().map(String::as_str).collect();
        let ago: Vec<&str> = lx
            .number_words
            .keys()
            .chain(lx.ago_units.keys())
            .map(String::as_str)
            .collect();
        let lower = |v: &[&str]| v.iter().map(|w| w.to_ascii_lowercase()).collect();
        Words {
            months: letters_only(&month_keys).then(|| {
                lx.months
                    .keys()
                    .map(|m| (m.clone(), lx.full_months.contains(m)))
                    .collect()
            }),
            weekdays: letters_only(&weekdays)
                .then(|| weekdays.iter().map(|w| w.to_string()).collect()),
            modifiers: letters_only(&modifiers).then(|| lower(&modifiers)),
            day_parts: letters_only(&parts).then(|| lower(&parts)),
            ago_words: ago
                .iter()
                .all(|w| !w.is_empty() && !w.chars().any(char::is_whitespace)),
        }
    }
}

/// Fills `slots` with the groups of the `family` match at `start..end` of
/// `text`; false (and `slots` left as they were) when the match is not one
/// these readers take, for the family's regex to read.
pub(super) fn read(
    tw: &TimeWords,
    family: Direct,
    indices: &[usize],
    text: &str,
    start: usize,
    end: usize,
    slots: &mut GroupSlots,
) -> bool {
    let Some(t) = text.as_bytes().get(..end) else {
        return false;
    };
    if !t.get(start..).is_some_and(<[u8]>::is_ascii) {
        return false;
    }
    let Some(spans) = spans(tw, family, t, start, end) else {
        return false;
    };
    slots.set_pattern(Some(PatternID::ZERO));
    let all = slots.slots_mut();
    all.fill(None);
    let mut put = |group: usize, (s, e): (usize, usize)| {
        if let Some(pair) = all.get_mut(group * 2..group * 2 + 2) {
            pair[0] = NonMaxUsize::new(s);
            pair[1] = NonMaxUsize::new(e);
        }
    };
    put(0, (start, end));
    for (&group, span) in indices.iter().zip(spans) {
        if let Some(span) = span {
            put(group, span);
        }
    }
    true
}

fn spans(tw: &TimeWords, family: Direct, t: &[u8], start: usize, end: usize) -> Option<Spans> {
    let mut out: Spans = [None; 6];
    match family {
        Direct::Iso => {
            (end == start + 10).then_some(())?;
            out[0] = Some((start, start + 4));
            out[1] = Some((start + 5, start + 7));
            out[2] = Some((start + 8, end));
        }
        Direct::Numeric => {
            let a = digits(t, start, 2)?;
            let b = digits(t, a + 1, 2)?;
            (end == b + 5 && digits(t, b + 1, 4) == Some(end)).then_some(())?;
            out[0] = Some((start, a));
            out[1] = Some((a, a + 1));
            out[2] = Some((a + 1, b));
            out[3] = Some((b, b + 1));
            out[4] = Some((b + 1, end));
        }
        Direct::FiscalYear => {
            out[0] = Some((start, end));
            out[1] = Some((end.checked_sub(4)?, end));
        }
        Direct::Ago => {
            tw.direct.ago_words.then_some(())?;
            // Three words between white space: a number (digits or a
            // word), a unit, "ago" or its like.
            let n = token_end(t, start);
            let u = skip_spaces(t, n);
            let u_end = token_end(t, u);
            let w = skip_spaces(t, u_end);
            (n > start && u > n && u_end > u && w > u_end && token_end(t, w) == end)
                .then_some(())?;
            out = [
                Some((start, end)),
                Some((start, n)),
                Some((u, u_end)),
                Some((w, end)),
                None,
                None,
            ];
        }
        Direct::MonthFirst => with_modifier(tw, t, start, end, &mut out, month_first)?,
        Direct::DayFirst => with_modifier(tw, t, start, end, &mut out, day_first)?,
        Direct::MonthYear => with_modifier(tw, t, start, end, &mut out, month_year)?,
        Direct::Relative => with_modifier(tw, t, start, end, &mut out, relative)?,
        Direct::Weekday => with_modifier(tw, t, start, end, &mut out, weekday)?,
        Direct::Month => with_modifier(tw, t, start, end, &mut out, bare_month)?,
    }
    Some(out)
}

/// A core reader: the groups after the modifier and core (`out[2..]`) of
/// the date at `k..end`, or None.
type Core = fn(&TimeWords, &[u8], usize, usize, &mut Spans) -> Option<()>;

/// `(?P<mod>{modifier})?(?P<core>...)`: the modifier taken first when the
/// core reads after it, as the pattern prefers; `out[0]` the modifier,
/// `out[1]` the core.
fn with_modifier(
    tw: &TimeWords,
    t: &[u8],
    start: usize,
    end: usize,
    out: &mut Spans,
    core: Core,
) -> Option<()> {
    let modifiers = tw.direct.modifiers.as_ref()?;
    let try_core = |k: usize, out: &mut Spans| {
        let mut spans: Spans = [None; 6];
        core(tw, t, k, end, &mut spans)?;
        spans[1] = Some((k, end));
        *out = spans;
        Some(())
    };
    // `(?i:words)(?:\s+(?i:on))?\s+`: a word, "on" if the core reads after
    // it, white space.
    let w = word_end(t, start);
    if w > start
        && t.get(w).copied().is_some_and(is_space)
        && modifiers
            .iter()
            .any(|m| m.as_bytes().eq_ignore_ascii_case(&t[start..w]))
    {
        let p = skip_spaces(t, w);
        let on = word_end(t, p);
        if t[p..on].eq_ignore_ascii_case(b"on") && t.get(on).copied().is_some_and(is_space) {
            let k = skip_spaces(t, on);
            if try_core(k, out).is_some() {
                out[0] = Some((start, k));
                return Some(());
            }
        }
        if try_core(p, out).is_some() {
            out[0] = Some((start, p));
            return Some(());
        }
    }
    // `(?i:mid)-\s*`.
    if t.get(start..start + 4)
        .is_some_and(|m| m.eq_ignore_ascii_case(b"mid-"))
    {
        let k = skip_spaces(t, start + 4);
        if try_core(k, out).is_some() {
            out[0] = Some((start, k));
            return Some(());
        }
    }
    try_core(start, out)
}

/// `{b}(?:(?P<wd>{weekday}),?\s+)?`: where the date goes on after an
/// optional weekday, and the weekday's span. Both readings are given, the
/// weekday's first.
fn leading_weekday(tw: &TimeWords, t: &[u8], k: usize) -> Option<(usize, (usize, usize))> {
    let w = word_end(t, k);
    if !is_weekday(tw, &t[k..w]) {
        return None;
    }
    let comma = if t.get(w) == Some(&b',') { w + 1 } else { w };
    let next = skip_spaces(t, comma);
    (next > comma).then_some((next, (k, w)))
}

/// `{month}`: a month form, an abbreviation with its dot if one follows.
fn month_at(tw: &TimeWords, t: &[u8], k: usize) -> Option<usize> {
    let w = word_end(t, k);
    let full = *tw
        .direct
        .months
        .as_ref()?
        .get(std::str::from_utf8(&t[k..w]).ok()?)?;
    Some(if !full && t.get(w) == Some(&b'.') {
        w + 1
    } else {
        w
    })
}

/// `{DAY}` at `k`: one or two digits and an ordinal suffix if the match
/// holds one.
fn day_at(t: &[u8], k: usize, end: usize) -> Option<usize> {
    let d = digits(t, k, 2)?;
    let suffix = t.get(d..d + 2).filter(|_| d + 2 <= end);
    Some(match suffix {
        Some(b"st" | b"nd" | b"rd" | b"th") => d + 2,
        _ => d,
    })
}

/// `(?:,?\s+(?P<y>{YEAR}))?` from `k` to `end`: None if absent, Err if the
/// rest is shaped otherwise.
fn trailing_year(t: &[u8], k: usize, end: usize) -> Result<Span, ()> {
    if k == end {
        return Ok(None);
    }
    let comma = if t.get(k) == Some(&b',') { k + 1 } else { k };
    let y = skip_spaces(t, comma);
    if y > comma && digits(t, y, 4) == Some(end) && end == y + 4 {
        Ok(Some((y, end)))
    } else {
        Err(())
    }
}

/// mf: `(?:weekday,?\s+)?{month}\s+{DAY}(?:,?\s+{YEAR})?`.
fn month_first(tw: &TimeWords, t: &[u8], k: usize, end: usize, out: &mut Spans) -> Option<()> {
    let read = |m: usize, out: &mut Spans| {
        let m_end = month_at(tw, t, m)?;
        let d = skip_spaces(t, m_end);
        (d > m_end).then_some(())?;
        let d_end = day_at(t, d, end)?;
        let y = trailing_year(t, d_end, end).ok()?;
        out[3] = Some((m, m_end));
        out[4] = Some((d, d_end));
        out[5] = y;
        Some(())
    };
    after_any_weekday(tw, t, k, out, read)
}

/// df: `(?:weekday,?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{month}(?:,?\s+{YEAR})?`.
fn day_first(tw: &TimeWords, t: &[u8], k: usize, end: usize, out: &mut Spans) -> Option<()> {
    let read = |p: usize, out: &mut Spans| {
        let after_the = skip_spaces(t, p + 3);
        let d = if t.get(p..p + 3) == Some(b"the") && after_the > p + 3 {
            after_the
        } else {
            p
        };
        let d_end = day_at(t, d, end)?;
        let s = skip_spaces(t, d_end);
        (s > d_end).then_some(())?;
        let of_end = word_end(t, s);
        let after_of = skip_spaces(t, of_end);
        let month = |m: usize| {
            let m_end = month_at(tw, t, m)?;
            let y = trailing_year(t, m_end, end).ok()?;
            Some((m, m_end, y))
        };
        let (m, m_end, y) = (t[s..of_end] == *b"of" && after_of > of_end)
            .then(|| month(after_of))
            .flatten()
            .or_else(|| month(s))?;
        out[3] = Some((d, d_end));
        out[4] = Some((m, m_end));
        out[5] = y;
        Some(())
    };
    // "the" before the day is optional: the day itself may stand at `k`.
    after_any_weekday(tw, t, k, out, read)
}

/// `read` at the date after a weekday opening at `k` (the weekday then in
/// `out[2]`), else at `k` itself: the weekday is optional.
fn after_any_weekday(
    tw: &TimeWords,
    t: &[u8],
    k: usize,
    out: &mut Spans,
    read: impl Fn(usize, &mut Spans) -> Option<()>,
) -> Option<()> {
    if let Some((p, wd)) = leading_weekday(tw, t, k)
        && read(p, out).is_some()
    {
        out[2] = Some(wd);
        return Some(());
    }
    read(k, out)
}

/// my: `{month}(?:,?\s+{YEAR}|\s+(?i:last|this|next)\s+(?i:year){b})`;
/// `out[2..5]` the month, the year, the direction word.
fn month_year(tw: &TimeWords, t: &[u8], k: usize, end: usize, out: &mut Spans) -> Option<()> {
    let m_end = month_at(tw, t, k)?;
    out[2] = Some((k, m_end));
    if let Ok(Some(y)) = trailing_year(t, m_end, end) {
        out[3] = Some(y);
        return Some(());
    }
    let r = skip_spaces(t, m_end);
    let r_end = word_end(t, r);
    let y = skip_spaces(t, r_end);
    let direction = &t[r..r_end];
    let ok = r > m_end
        && y > r_end
        && [&b"last"[..], b"this", b"next"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(direction))
        && word_end(t, y) == end
        && t[y..end].eq_ignore_ascii_case(b"year");
    ok.then_some(())?;
    out[4] = Some((r, r_end));
    Some(())
}

/// rel: a phrase of `[relative]`, ignoring case, any white space between
/// its words.
fn relative(tw: &TimeWords, t: &[u8], k: usize, end: usize, out: &mut Spans) -> Option<()> {
    let mut key = String::with_capacity(end.saturating_sub(k));
    let mut space = false;
    for &b in t.get(k..end)? {
        if is_space(b) {
            space = true;
            continue;
        }
        if space && !key.is_empty() {
            key.push(' ');
        }
        space = false;
        key.push(char::from(b.to_ascii_lowercase()));
    }
    // The phrase starts and ends with a word char of the match.
    (!key.is_empty() && t.get(k).copied().is_some_and(|b| !is_space(b))).then_some(())?;
    tw.lexicon.relative.contains_key(&key).then_some(())?;
    out[2] = Some((k, end));
    Some(())
}

/// wd: `(?:(?i:last|next|this)\s+)?{weekday}(?:\s+(?i:{parts}){b})?`.
fn weekday(tw: &TimeWords, t: &[u8], k: usize, end: usize, out: &mut Spans) -> Option<()> {
    let w = word_end(t, k);
    let after = skip_spaces(t, w);
    let first = &t[k..w];
    let (day, dir) = if [&b"last"[..], b"next", b"this"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(first))
        && after > w
        && is_weekday(tw, &t[after..word_end(t, after)])
    {
        (after, Some((k, w)))
    } else {
        (k, None)
    };
    let day_end = word_end(t, day);
    is_weekday(tw, &t[day..day_end]).then_some(())?;
    out[2] = dir;
    out[3] = Some((day, day_end));
    if day_end == end {
        return Some(());
    }
    let p = skip_spaces(t, day_end);
    let parts = tw.direct.day_parts.as_ref()?;
    let ok = p > day_end
        && word_end(t, p) == end
        && parts
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(&t[p..end]));
    ok.then_some(())?;
    out[4] = Some((p, end));
    Some(())
}

/// cm: a full month name alone.
fn bare_month(tw: &TimeWords, t: &[u8], k: usize, end: usize, out: &mut Spans) -> Option<()> {
    let full = *tw
        .direct
        .months
        .as_ref()?
        .get(std::str::from_utf8(t.get(k..end)?).ok()?)?;
    full.then_some(())?;
    out[2] = Some((k, end));
    Some(())
}

fn is_weekday(tw: &TimeWords, word: &[u8]) -> bool {
    tw.direct
        .weekdays
        .as_ref()
        .is_some_and(|w| w.iter().any(|d| d.as_bytes() == word))
}

/// `\s` within ASCII text.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

fn skip_spaces(t: &[u8], mut i: usize) -> usize {
    while t.get(i).copied().is_some_and(is_space) {
        i += 1;
    }
    i
}

/// The end of the run of ASCII letters at `i` (`i` itself if none).
fn word_end(t: &[u8], mut i: usize) -> usize {
    while t.get(i).is_some_and(u8::is_ascii_alphabetic) {
        i += 1;
    }
    i
}

/// The end of the run of non-white-space bytes at `i`.
fn token_end(t: &[u8], mut i: usize) -> usize {
    while t.get(i).is_some_and(|&b| !is_space(b)) {
        i += 1;
    }
    i
}

/// The end of one to `most` ASCII digits at `i`, None if there are none
/// or more.
fn digits(t: &[u8], i: usize, most: usize) -> Option<usize> {
    let n = t
        .get(i..)?
        .iter()
        .take(most + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=most).contains(&n).then_some(i + n)
}

#[cfg(test)]
mod tests;
