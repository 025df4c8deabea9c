use super::future::{has_future_cue_lowered, lowercase_is_ascii};
use super::*;
use crate::parse::dates::builtin_for_tests as tw;

/// Every substring of `whole` cut at char boundaries (the empty ones too).
fn substrings(whole: &str) -> impl Iterator<Item = &str> {
    let cuts: Vec<usize> = (0..=whole.len())
        .filter(|&i| whole.is_char_boundary(i))
        .collect();
    let pairs: Vec<(usize, usize)> = cuts
        .iter()
        .flat_map(|&a| cuts.iter().filter(move |&&b| b >= a).map(move |&b| (a, b)))
        .collect();
    pairs.into_iter().map(move |(a, b)| &whole[a..b])
}

#[test]
fn clause_stops_at_commas_and_quotes() {
    let t = "He will travel, officials said on Tuesday.";
    let s = t.find("Tuesday").unwrap();
    let (cs, ce) = clause_around(t, s, s + 7);
    assert_eq!(&t[cs..ce], " officials said on Tuesday.");
    assert!(!clause_is_future(tw(), t, s, s + 7));
    let t = "Jones is expected to meet Lee in Oslo on Friday.";
    let s = t.find("Friday").unwrap();
    assert!(clause_is_future(tw(), t, s, s + 6));
}

#[test]
fn context_is_bounded_and_on_char_boundaries() {
    let t = format!("{}Friday{}", "é".repeat(1000), "ü".repeat(1000));
    let s = t.find("Friday").unwrap();
    let (ws, we) = window(&t, s, s + 6);
    assert!(t.is_char_boundary(ws) && t.is_char_boundary(we));
    assert!(s - ws <= CONTEXT_RADIUS && we - (s + 6) <= CONTEXT_RADIUS);
    let (cs, ce) = clause_around(&t, s, s + 6);
    assert!(cs >= ws && ce <= we);
    assert_eq!(window("ab", 0, 2), (0, 2));
}

#[test]
fn a_past_verb_next_to_the_date_governs_it() {
    let t = "The envoy on Sunday said the upcoming week would be crucial.";
    let s = t.find("Sunday").unwrap();
    assert!(adjacent_past_verb(tw(), t, s, s + 6));
    let t = "He said on Friday the talks will resume";
    let s = t.find("Friday").unwrap();
    assert!(adjacent_past_verb(tw(), t, s, s + 6));
    let t = "The talks will resume on Friday";
    let s = t.find("Friday").unwrap();
    assert!(!adjacent_past_verb(tw(), t, s, s + 6));
    let t = "The dividend will be paid Dec. 14 to holders";
    let s = t.find("Dec.").unwrap();
    assert!(!adjacent_past_verb(tw(), t, s, s + 6));
    assert!(clause_is_future(tw(), t, s, s + 6));
    let t = "The dividend was paid Dec. 14";
    let s = t.find("Dec.").unwrap();
    assert!(adjacent_past_verb(tw(), t, s, s + 6));
}

#[test]
fn reporting_verbs_date_the_report_not_the_event() {
    // Said far from the date: the redemption is not told as past.
    let t = "Zentrix Ltd. said it is calling for a redemption on Dec. 7 of its preferred shares";
    let s = t.find("Dec.").unwrap();
    assert!(!told_as_past(tw(), t, s, s + 6));
    // Said governing the date, or a narrating verb: past.
    let t = "Zentrix said on Dec. 7 that sales rose";
    let s = t.find("Dec.").unwrap();
    assert!(told_as_past(tw(), t, s, s + 6));
    let t = "Mira Olsen said the plant closed on Dec. 7";
    let s = t.find("Dec.").unwrap();
    assert!(told_as_past(tw(), t, s, s + 6));
    // A date of an infinitive after the past verb is not told as past.
    let t = "Brandt said he summoned Ada Quill to testify before the panel on Feb. 10";
    let s = t.find("Feb.").unwrap();
    assert!(!told_as_past(tw(), t, s, s + 7));
    let t = "Ada Quill flew to the capital on Feb. 10";
    let s = t.find("Feb.").unwrap();
    assert!(told_as_past(tw(), t, s, s + 7));
    // An "-ed" word after a determiner is an adjective.
    assert!(!has_narrated_past_cue(
        tw(),
        "the proposed merger is on track"
    ));
    assert!(has_narrated_past_cue(tw(), "the board proposed a merger"));
    assert!(has_past_cue(tw(), "officials said so"));
    assert!(!has_narrated_past_cue(tw(), "officials said so"));
}

#[test]
fn future_cues_in_the_clause() {
    for t in [
        "Talks are set to resume Monday",
        "The team planned to leave on Thursday",
        "The dividend is payable Jan. 2",
        "They could arrive as soon as Tuesday",
        "He would be travelling Thursday",
        "International Women's Day is this coming Sunday",
    ] {
        let s = t.rfind(' ').unwrap() + 1;
        assert!(clause_is_future(tw(), t, s, t.len()), "{t}");
    }
    // A place, not a time.
    let t = "A car exploded next to the embassy on Friday";
    let s = t.find("Friday").unwrap();
    assert!(!clause_is_future(tw(), t, s, s + 6));
    assert!(!has_future_cue(tw(), "next to it"));
    assert!(has_future_cue(tw(), "next week"));
    assert!(!has_future_cue_lowered(tw(), "NEXT TO IT"));
}

#[test]
fn the_tense_cue_nearest_the_date_decides() {
    let future = |t: &str, date: &str| {
        let s = t.find(date).unwrap();
        clause_is_future(tw(), t, s, s + date.len())
    };
    let t = "Aid workers will start the process to house the family who have lived here since they were rescued in late November";
    assert!(!future(t, "November"));
    assert!(future(
        "The agency will decide in late November",
        "November"
    ));
    assert!(future(
        "The two firms are expected to merge in April",
        "April"
    ));
    assert!(future("The dividend will be paid in March", "March"));
    // A fronted date reads with the clause that follows it.
    assert!(future(
        "On Tuesday, the Lakeside Tenants League plans to hold a rally.",
        "Tuesday"
    ));
    assert!(!future(
        "On Tuesday, the mayor said the depot will close.",
        "Tuesday"
    ));
    assert!(!future(
        "On Tuesday, the Lakeside Tenants League held a rally.",
        "Tuesday"
    ));
    assert!(!future(
        "On Friday, the council planned to pay the bills.",
        "Friday"
    ));
    assert!(future(
        "Fans planned a vigil on Saturday and were planning to march on Monday.",
        "Saturday"
    ));
    // A verb told in the past before the date governs it; the future cue
    // after the date belongs to what follows.
    assert!(!future(
        "The two mayors signed a joint letter Friday saying the bridge will reopen.",
        "Friday"
    ));
    assert!(!future(
        "The Harbor Rovers left Friday and will play in Tamsworth.",
        "Friday"
    ));
    // With no past verb before it, the cue after the date still counts.
    assert!(future(
        "The Harbor Rovers on Friday will play in Tamsworth.",
        "Friday"
    ));
    assert!(future(
        "The Harbor Rovers left Tamsworth and will play Friday.",
        "Friday"
    ));
    // "unspecified" is no verb: the clause stays future.
    assert!(future(
        "The dividend would be paid on a still unspecified date in January",
        "January"
    ));
}

#[test]
fn contracted_will_is_future() {
    assert!(has_future_cue(tw(), "they’ll meet"));
    assert!(has_future_cue(tw(), "we'll see"));
    assert!(!has_future_cue(tw(), "we met"));
}

#[test]
fn future_cues_agree_with_a_lowercase_copy() {
    for t in [
        "They WILL meet",
        "Talks Are Expected To resume",
        "Talks are expected",
        "WE’LL see",
        "İstanbul will host",
        "ÉLYSÉE SAYS IT IS TO DECIDE",
        "Straße plans to",
        "nothing here",
        "",
    ] {
        assert_eq!(
            has_future_cue(tw(), t),
            has_future_cue_lowered(tw(), t),
            "{t:?}"
        );
    }
    assert!(lowercase_is_ascii("Kyiv’s “deal” — é"));
    let t = "we’ll — don't,stop 3rd-é ";
    let words: Vec<&str> = CueWords { text: t, pos: 0 }.collect();
    let split: Vec<&str> = t
        .split(|c| !is_cue_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(words, split);
    assert!(!lowercase_is_ascii("Élysée"));
}

#[test]
fn neighbour_words_are_borrowed_when_already_lowercase() {
    assert!(matches!(
        word_before("said on Friday", 8),
        Cow::Borrowed("on")
    ));
    assert_eq!(word_after("on Friday", 2), "friday");
    assert_eq!(word_after("on ÉTÉ", 2), "été");
}

#[test]
fn past_cues() {
    assert!(has_past_cue(tw(), "Kim said on April 28."));
    assert!(has_past_cue(tw(), "Lee announced a truce"));
    assert!(!has_past_cue(
        tw(),
        "Ruritania holds grandiose military parades on May 9"
    ));
    assert!(!has_past_cue(tw(), "The United Nations needs speed"));
    assert!(has_past_cue(
        tw(),
        "Ministers, who MET twice, finally agreed."
    ));
    assert!(!has_past_cue(tw(), "Ministers Agreed"));
    assert!(has_past_cue(tw(), "Le ministre a parlé; they announced it"));
    assert!(!has_past_cue(tw(), "Le ministre a parlé"));
}

#[test]
fn neighbour_words() {
    let t = "Ruritania’s 2014 annexation";
    let p = t.find("2014").unwrap();
    assert_eq!(word_before(t, p), "ruritania’s");
    assert_eq!(word_after(t, p + 4), "annexation");
    assert_eq!(word_before(t, 0), "");
    assert_eq!(word_after(t, t.len()), "");
}

#[test]
fn the_last_past_verb_is_the_one_a_forward_reading_ends_on() {
    // Every word judged after the one before it, front to back: the last
    // that counts is what the backward search must find.
    let forward = |text: &str, reading: PastReading| {
        let mut previous = "";
        let mut found = None;
        let base = text.as_ptr() as usize;
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if past::counts_as_past(tw(), w, previous, reading) {
                found = Some(w.as_ptr() as usize - base + w.len());
            }
            previous = w;
        }
        found
    };
    for text in [
        "",
        "   ",
        "The mayor visited the plant and opened a wing",
        "Ms. Ruvalo said the proposed merger collapsed — talks stalled",
        "its proposed plan, the announced cuts",
        "will be paid, has agreed, been rejected",
        "Éléonore walked to Zürich and crossed the bridge",
        "naïve claimed ünïcode stopped",
        "opened",
        "x opened y",
        "closed—reopened",
        "42 signed 17",
    ] {
        for reading in [PastReading::Any, PastReading::Narrated, PastReading::Finite] {
            assert_eq!(
                past_verb_end(tw(), text, reading, true),
                forward(text, reading),
                "{text:?}"
            );
        }
    }
}

#[test]
fn clause_breaks_read_on_bytes_are_the_break_chars() {
    // Every char that breaks a clause, and look-alikes that do not (other
    // chars whose UTF-8 ends in the same byte or starts E2 80).
    for (sep, breaks) in [
        ("—", true),
        ("–", true),
        ("“", true),
        ("”", true),
        (";", true),
        ("‘", false),
        ("’", false),
        ("…", false),
        ("ē", false),
        ("┓", false),
    ] {
        let t = format!("one two{sep}three Friday four{sep}five");
        let s = t.find("Friday").unwrap();
        let (cs, ce) = clause_around(&t, s, s + 6);
        let want = if breaks {
            " three Friday four".trim_start().to_string()
        } else {
            t.clone()
        };
        assert_eq!(t[cs..ce].trim_start(), want, "{sep}");
    }
}

#[test]
fn cue_words_found_by_their_starts_agree_with_reading_every_word() {
    for text in [
        "",
        "This is his island, as it was",
        "The firm plans to open; Willa will",
        "Shillings were paid. They'll see",
        "THEY’LL SEE, it Is Expected To rain",
        "the shop next to the bank",
        "next to nothing, then Next",
        "whose planned route is set",
        "setting the schedule, as soon as",
        "as early as Tuesday",
        "effectively payable-later",
        "no later than noon",
        "nowill isn't a word",
    ] {
        assert_eq!(
            has_future_cue(tw(), text),
            has_future_cue_lowered(tw(), text),
            "{text:?}"
        );
    }
}

#[test]
fn the_break_tables_hold_every_break_byte() {
    use super::{MAY_END_BREAK, MAY_START_BREAK, is_clause_break};
    for b in 0u8..128 {
        let ascii = is_clause_break(char::from(b));
        assert_eq!(MAY_END_BREAK[usize::from(b)], ascii, "{b}");
        assert_eq!(MAY_START_BREAK[usize::from(b)], ascii, "{b}");
    }
    for c in ['—', '–', '“', '”'] {
        let mut buf = [0; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        assert!(MAY_START_BREAK[usize::from(bytes[0])], "{c}");
        assert!(MAY_END_BREAK[usize::from(bytes[bytes.len() - 1])], "{c}");
    }
}

#[test]
fn infinitives_found_only_where_to_is_written() {
    for text in [
        "",
        "t",
        "to",
        " to testify",
        "subpoenaed him to testify",
        "TO TESTIFY",
        "wanted To go",
        "went to the court",
        "tomorrow onto today",
        "ordered them tO appear",
        "voted to—delay",
        "asked to Ünïcode to be heard",
        "too late to stop",
    ] {
        assert_eq!(
            has_infinitive(tw(), text),
            has_infinitive_read(tw(), text),
            "{text:?}"
        );
    }
}

#[test]
fn past_verbs_are_counted_the_same_with_the_shape_test_first() {
    let lx = &tw().lexicon;
    let listed = lx
        .past_verbs
        .iter()
        .chain(&lx.not_past_ed)
        .chain(&lx.reporting_verbs)
        .chain(&lx.determiners)
        .map(String::as_str);
    let others = [
        "opened",
        "Opened",
        "bed",
        "red",
        "seed",
        "need",
        "ed",
        "fed",
        "led",
        "closedown",
        "stopped",
        "naïved",
        "a",
        "x",
        "said",
        "Said",
        "proposed",
        "be",
        "has",
        "been",
        "42",
        "sailed",
        "ünïcode",
    ];
    let words: Vec<&str> = listed.chain(others).collect();
    for word in &words {
        if past::is_past_verb(tw(), word) {
            assert!(past::may_be_past_verb(&tw().tense.past, word), "{word}");
        }
        for previous in ["", "the", "its", "be", "has", "The", "x", "ünï"] {
            for reading in [PastReading::Any, PastReading::Narrated, PastReading::Finite] {
                assert_eq!(
                    past::counts_as_past(tw(), word, previous, reading),
                    past::counts_as_past_read(tw(), word, previous, reading),
                    "{word} after {previous:?}"
                );
            }
        }
    }
}

#[test]
fn cue_bounds_read_in_one_pass_are_those_read_part_by_part() {
    let texts = [
        "the council will vote and the mayor plans to resign",
        "The office next to the court will reopen; it is expected to close as soon as May",
        "Next to the dam, he'll stay, no later than the vote, as early as dawn",
        "is to, are to be paid, set to rise — intends to act, upcoming coming",
        "planned to, WILL, Will, café will, naïve plans to stay, you’ll see",
        "x next to y next z is due to",
        "nothing here at all",
        "",
    ];
    for text in texts.into_iter().flat_map(substrings) {
        if !lowercase_is_ascii(text) {
            continue;
        }
        let words = word_ranges(text);
        let last = words
            .iter()
            .rev()
            .map(|&(s, _)| s)
            .find(|&s| has_future_cue(tw(), &text[s..]));
        assert_eq!(future::last_cue_start(tw(), text), last, "{text:?}");
        let first = words
            .iter()
            .map(|&(_, e)| e)
            .find(|&e| has_future_cue(tw(), &text[..e]));
        assert_eq!(future::first_cue_end(tw(), text, &words), first, "{text:?}");
    }
}

#[test]
fn the_screen_passes_every_text_holding_a_cue() {
    let cues = &tw().tense.future;
    let texts = [
        "the council will vote and the mayor plans to resign",
        "The office next to the court; it Is Expected To close as soon as May",
        "Next to the dam, he'll stay, no later than the vote, as early as dawn",
        "planned to, WILL, café will, naïve plans to stay, you’ll see",
        "Kyiv’s “deal” — signed … in a hurry",
        "İstanbul WİLL host",
        "the firm said its shares rose",
        "Rivera met Okafor at the harbour",
        "",
    ];
    for text in texts.into_iter().flat_map(substrings) {
        if has_future_cue(tw(), text) {
            assert!(cues.may_hold(text), "{text:?}");
        }
    }
    // Clauses with no word a cue opens with and no char that lowercasing
    // changes beyond ASCII are ruled out.
    assert!(!cues.may_hold("the firm said its shares rose"));
    assert!(!cues.may_hold("Kyiv’s deal signed in a hurry"));
    assert!(!cues.may_hold("Lee’llama will"[..13].trim_end()));
    assert!(cues.may_hold("Kyiv’s “deal”"));
    assert!(cues.may_hold("Lee’ll"));
    assert!(cues.may_hold("AS"));
    assert!(!cues.may_hold("Shillings, nowill, willow and isle-of-man"));
    assert!(cues.may_hold("Élysée"));
    assert!(cues.may_hold("we WILL"));
}
