use crate::parse::dates::builtin_for_tests as tw;
use regex_automata::Input;

/// Dates of every family, and near misses, in odd company: at the text's
/// start and end, inside longer words, after a line break, a carriage
/// return, a non-ASCII letter or quote, with digits and hyphens around.
const SAMPLES: [&str; 24] = [
    "On March 3, 2021 the board met; by 2021-03-04 it had voted.",
    "2019 was calm.\nMonday came, then 12/05/2020 and 3.4.2019.",
    "Q3 2020, H1 and the first quarter of next year; the fiscal year 2022.",
    "Late on Friday, early March, mid-2019 and later this week, the 5th of May.",
    "yesterday\r\ntomorrow morning, three weeks ago, 12 days later.",
    "Lundström said “next Tuesday” — née Marchetti — février 2020.",
    "the year-ago quarter, the year. The year ended; this past summer.",
    "Christmas Eve 2028, last Thanksgiving, Easter week, New Year's Day.",
    "nineteen ninety-six, January nineteen ninety-seven, the year two thousand.",
    "Right now, nowadays, at the moment, these days, currently, recently.",
    "xMarch Mayday Junebug 20199 120 2-3 Sept. Sep Dec.15 Oct.",
    "spring of 2020, autumn, this winter, FISCAL 2021, Fiscal Year 2023.",
    "last month, next year, this week, the past year, earlier this year.",
    "10 October, 1 Jan 2024, Jan 1st, 2024, Wednesday, 7 June 2023",
    "the same period, the corresponding quarter a year ago, last year's quarter.",
    "in the 1990s, 1800, 1899-12-31, 2100, 2099, 19th, 31st",
    "ſpring, the Kelvin \u{212a}, a café on Monday; Ünter May 4.",
    "\"This Week\" and ‘Next Year in Tarn’ were shown on Sunday night.",
    "since March, until Tuesday, by March, each Thursday, every July.",
    "twenty-one, two thousand people, three years ago, a decade later.",
    "year-end, by year's end, the full year, the current year.",
    "MONDAY, march, DECEMBER 25, monday morning, Mon., Tues",
    "-2020- (2021) [March] {Friday} 'May' 2019's 2020’s",
    "",
];

/// The first match by the union's regex, as the search from the places a
/// match may start must find it.
fn by_regex(text: &str, at: usize) -> Option<(usize, usize, usize)> {
    let m = tw()
        .split()
        .any()
        .find(Input::new(text).span(at..text.len()))?;
    Some((m.start(), m.end(), m.pattern().as_usize()))
}

#[test]
fn finds_what_the_unions_regex_finds() {
    let starts = tw()
        .split()
        .starts
        .as_ref()
        .expect("the lazy DFA takes the union");
    let mut cache = starts.create_cache();
    let mut seen = 0;
    let joined = SAMPLES.join(" ");
    for text in SAMPLES.iter().copied().chain([joined.as_str()]) {
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let found = starts.find(&mut cache, text.as_bytes(), at);
            assert_eq!(found, Ok(by_regex(text, at)), "{text:?} from {at}");
            seen += usize::from(found.is_ok_and(|f| f.is_some_and(|(s, _, _)| s == at)));
        }
    }
    assert!(seen > 200, "{seen}");
}

/// The table of opening places is the automaton's: a place it rules out
/// starts no match of the union's regex.
#[test]
fn ruled_out_places_start_no_match() {
    let any = tw().split().any();
    let starts = tw()
        .split()
        .starts
        .as_ref()
        .expect("the lazy DFA takes the union");
    for text in SAMPLES {
        for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let anchored = Input::new(text)
                .span(at..text.len())
                .anchored(regex_automata::Anchored::Yes);
            if any.find(anchored).is_some() {
                assert!(starts.may_start(text.as_bytes(), at), "{text:?} at {at}");
            }
        }
    }
}

/// The places found sixteen bytes at a time are those the table allows,
/// read one by one: over every text and every place to start from,
/// with letters beyond ASCII and texts of every length.
#[test]
fn places_found_are_the_tables() {
    let starts = tw()
        .split()
        .starts
        .as_ref()
        .expect("the lazy DFA takes the union");
    assert!(starts.opens_after_word_byte_only);
    let joined = SAMPLES.join("");
    let odd = [
        "xſpring",
        "aſ",
        "ſ",
        "a b",
        " 1",
        "ab",
        "a",
        "é March",
        "xx\u{212a}",
    ];
    for text in SAMPLES.iter().copied().chain(odd).chain([joined.as_str()]) {
        let bytes = text.as_bytes();
        for len in [
            bytes.len(),
            bytes.len().saturating_sub(1),
            bytes.len().min(17),
        ] {
            let bytes = &bytes[..len];
            for from in 1..=bytes.len() + 1 {
                let one_by_one =
                    (from..bytes.len()).find(|&q| starts.opens(bytes[q - 1], bytes[q]));
                assert_eq!(
                    starts.next_opening(bytes, from),
                    one_by_one,
                    "{text:?} from {from}"
                );
            }
        }
    }
}
