//! Shapes of the short lines that sit around and inside an article: a wire
//! place line, a byline, a photo caption or credit, a date stamp. Each is a
//! pure test of one line's text.

use regex::Regex;
use std::sync::LazyLock;

/// "By Jane Doe", "Written by", "Von Anna Berg", "di Marco Rossi",
/// "Posted by admin", "Jane Doe, Staff Writer".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written |posted |reported |photos? |text |words )?by|von|di|por|par|door|av|af)\s*:?\s+\S|^by$|^(?:additional )?(?:reporting|writing|editing) by(?-u:\b)|(?:^|,\s*|\s)(?:staff writer|staff reporter|correspondent|contributor|editor|reporter|columnist)$",
    )
    .expect("byline pattern compiles")
});

/// A caption or credit: "(Jane Doe / Agency)", "Photo: …", "Image credit",
/// "… (AP Photo/Jane Doe)", "Getty Images", "Credit: …". The shapes in
/// brackets are read in code ([`in_brackets`], [`ends_on_credit`]): counted
/// as repeats of a Unicode class they were most of the pattern's states.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:photo|image|picture)s?\s*:\s*\p{Lu}|^(?:photo|image|picture|video|graphic|illustration|credit|source|foto|bild)s?(?:\s+(?:credit|by|courtesy))?\s*[:|]|(?:getty images|shutterstock|istock|ap photo|afp photo|reuters/|/ reuters|/ ap|/ afp|courtesy of|photograph:|photo credit)|^©|\((?:left|right|center|centre|l|r|c|top|bottom|pictured|file)\)|\s(?-i:AP|AFP|EPA)$|\[(?:(?:file|photo|image|picture)s?\s*:[^\]]*|ap|afp|epa|reuters|getty images)\]$",
    )
    .expect("caption pattern compiles")
});

/// A date or time standing alone: "Nov. 19, 2019", "5:50 PM", "2h ago",
/// "18 NOV 2019", "Updated 14 hours ago", "21/06/2014", "Published 7:07 PM
/// EST Nov 19, 2019", "- Nov. 18th 2019 12:12 pm PT".
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[-–—•|]\s*)?(?:(?:updated|published|posted|last updated|modified)\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+[0-9]{4})?|^(?:(?:updated|published|posted)\s*:?\s*)?[0-9]{1,4}[./-][0-9]{1,2}[./-][0-9]{1,4}|^(?:(?:updated|published|posted)\s*:?\s*)?[0-9]{1,2}[:.][0-9]{2}\s*(?:am|pm|[a-z]{2,4})?(?-u:\b)|^[0-9]+\s*(?:s|m|h|d|mins?|hrs?|hours?|days?)\s+ago$|^[0-9]{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{4}",
    )
    .expect("stamp pattern compiles")
});

/// A live blog's entry stamp at the start of a line: "14.05 BST", "09:45",
/// "2h ago".
static LIVE_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[0-9]{1,2}[:.][0-9]{2}(?:\s*(?:am|pm|[A-Z]{2,4}))?|[0-9]+\s*(?:m|h|mins?|hrs?)\s+ago)$",
    )
    .expect("live stamp pattern compiles")
});

/// "LISBON, Portugal (AP) —", "OSLO, June 3 (Reuters) -", "BRUSSELS
/// 1996-08-22", "WASHINGTON —": a place in capitals, perhaps a region, a
/// date or an agency, then a dash (or a date), and nothing else
/// ([`super::place`]).
pub fn is_dateline(s: &str) -> bool {
    s.len() <= 80 && may_be_dateline(s) && super::place::is_place_line(s)
}

/// What every place line shows without a regex: a capital, then a second
/// capital or a space, dot or apostrophe, and a dash, a colon or a digit
/// (a date's) at the end. Nearly every line fails here.
fn may_be_dateline(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(a), Some(b), Some(z)) = (chars.next(), chars.next(), s.chars().next_back()) else {
        return false;
    };
    a.is_uppercase()
        && (b.is_uppercase() || matches!(b, ' ' | '.' | '\'' | '’' | '-'))
        && (matches!(z, '—' | '–' | '-' | ':') || z.is_ascii_digit())
}

pub fn is_byline(s: &str, words: u32) -> bool {
    words <= 14 && may_be_byline(s) && BYLINE.is_match(s)
}

/// What every line [`BYLINE`] matches shows without it: it opens on the
/// first two letters of one of its opening words ("by", "von", "written",
/// "additional"…) or ends on a role ("staff writer", "correspondent"…),
/// ASCII case ignored. Of the chars outside ASCII only the long s matches
/// a letter of these words case-insensitively: a line ending on one goes
/// to the pattern.
fn may_be_byline(s: &str) -> bool {
    const OPENINGS: [&[u8; 2]; 15] = [
        b"by", b"vo", b"di", b"po", b"pa", b"do", b"av", b"af", b"wr", b"ph", b"te", b"wo", b"ad",
        b"re", b"ed",
    ];
    const ROLES: [&str; 6] = [
        "writer",
        "reporter",
        "correspondent",
        "contributor",
        "editor",
        "columnist",
    ];
    let b = s.as_bytes();
    if let [x, y, ..] = b
        && OPENINGS.contains(&&[x.to_ascii_lowercase(), y.to_ascii_lowercase()])
    {
        return true;
    }
    let tail = &b[b.len().saturating_sub(16)..];
    !tail.is_ascii()
        || ROLES.iter().any(|r| {
            tail.len() >= r.len() && tail[tail.len() - r.len()..].eq_ignore_ascii_case(r.as_bytes())
        })
}

/// Lowercase words one of which every line [`CAPTION`] matches holds
/// unless it has a mark [`may_be_caption`] reads (an opening word, a
/// bracket, a slash, an agency at its end): "photo", "image", "pictur(e)",
/// "getty", "(i/shutter)stock", "courtesy". Searched for in the whole page
/// at once (see [`super::page_words`]).
pub static CAPTION_WORDS: LazyLock<Option<regex_automata::meta::Regex>> = LazyLock::new(|| {
    super::page_words::literals(&["photo", "image", "pictur", "getty", "stock", "courtesy"])
});

/// False only for a line (`text`, and `content` after its junk prefix)
/// that [`is_caption`] cannot be true of, nor of its content: it holds no
/// caption word (`holds_word`, searched for in the page), no bracket or
/// slash ("(left)", "(Name / Agency)", "Name / Reuters"), does not end on
/// an agency ("… AP") or a bracket, and neither it nor its content opens
/// on a credit's word or "©".
pub fn may_be_caption(text: &str, content: &str, holds_word: bool) -> bool {
    fn opens(s: &str) -> bool {
        if s.starts_with('©') {
            return true;
        }
        let Some(head) = s.as_bytes().get(..4) else {
            return false;
        };
        let mut four = [0u8; 4];
        four.copy_from_slice(head);
        four.make_ascii_lowercase();
        [
            b"phot", b"imag", b"pict", b"vide", b"grap", b"illu", b"cred", b"sour", b"foto",
            b"bild",
        ]
        .contains(&&four)
    }
    holds_word
        || text.ends_with(['P', 'A', ']'])
        || opens(text)
        || opens(content)
        || memchr::memchr2(b'(', b'/', text.as_bytes()).is_some()
}

pub fn is_caption(s: &str) -> bool {
    in_brackets(s) || ends_on_credit(s) || CAPTION.is_match(s)
}

/// "(Jane Doe / Harbour Wire)": the whole line in brackets, 2 to 80 chars
/// inside (`^\(.{2,80}\)$`).
fn in_brackets(s: &str) -> bool {
    s.strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .is_some_and(|inner| (2..=80).contains(&inner.chars().count()) && !inner.contains('\n'))
}

/// "… (AP Photo/Jane Doe)": the line ends on brackets holding a slash with
/// 2 to 60 chars on each side and no other bracket
/// (`\([^()]{2,60}/[^()]{2,60}\)$`).
fn ends_on_credit(s: &str) -> bool {
    let Some(head) = s.strip_suffix(')') else {
        return false;
    };
    // The bracket that opens it is the last bracket before the end.
    let Some(open) = head
        .rfind(['(', ')'])
        .filter(|&i| head.as_bytes()[i] == b'(')
    else {
        return false;
    };
    let inner = &head[open + 1..];
    let n = inner.chars().count();
    inner
        .chars()
        .enumerate()
        .any(|(j, c)| c == '/' && (2..=60).contains(&j) && (2..=60).contains(&(n - j - 1)))
}

/// A date, a time or a "posted" stamp with little else on the line.
pub fn is_stamp(s: &str, words: u32) -> bool {
    words <= 12 && may_be_stamp(s) && STAMP.is_match(s)
}

/// What every line [`STAMP`] matches shows without it: it opens on a
/// digit, a dash, a bullet or a bar, or on the first three letters of a
/// stamp's word, a weekday or a month (ASCII case ignored). The long s
/// matches "s" case-insensitively: a line with a char outside ASCII among
/// its first three goes to the pattern.
fn may_be_stamp(s: &str) -> bool {
    const WORDS: [&[u8; 3]; 24] = [
        b"upd", b"pub", b"pos", b"las", b"mod", b"mon", b"tue", b"wed", b"thu", b"fri", b"sat",
        b"sun", b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct",
        b"nov", b"dec",
    ];
    let b = s.as_bytes();
    match b {
        [c, ..] if !c.is_ascii_alphabetic() => {
            !c.is_ascii() || c.is_ascii_digit() || matches!(c, b'-' | b'|')
        }
        [x, y, z, ..] => {
            !b[..3].is_ascii()
                || WORDS.contains(&&[
                    x.to_ascii_lowercase(),
                    y.to_ascii_lowercase(),
                    z.to_ascii_lowercase(),
                ])
        }
        _ => false,
    }
}

pub fn is_live_stamp(s: &str) -> bool {
    // Every live stamp opens on a digit.
    s.len() <= 20 && s.as_bytes().first().is_some_and(u8::is_ascii_digit) && LIVE_STAMP.is_match(s)
}

/// A reader's comment header: "Ana Reyes on May 3, 2031 at 4:10 pm said:",
/// or "Ana Reyes says:" over a date stamp (`next`). A line that only ends
/// in "said:" ("The mayor said:") introduces a quote in an article, so a
/// date must be on the line or under it.
pub fn is_comment_header(s: &str, words: u32, next: Option<(&str, u32)>) -> bool {
    let Some(head) = s.strip_suffix(':').map(str::trim_end).and_then(|h| {
        ["said", "says", "wrote", "writes"]
            .iter()
            .find_map(|v| h.strip_suffix(v))
    }) else {
        return false;
    };
    words <= 16
        && head.ends_with(' ')
        && s.chars().next().is_some_and(char::is_alphabetic)
        && (head.bytes().any(|b| b.is_ascii_digit()) || next.is_some_and(|(n, w)| is_stamp(n, w)))
}

/// "Maren Halvorsen", "Tomas Quill and Ana Reyes": a name alone on a line
/// (2 to 5 capitalised words, maybe joined by "and"), the shape of a bare
/// byline under a wire headline.
pub fn is_bare_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            matches!(*w, "and" | "&" | "de" | "van" | "von" | "da")
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
        })
        && !words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
        && !NOT_NAME_START.contains(&words[0])
}

/// First words of a capitalised label or headline, never of a name ("The
/// Harbour Clock", "How It Works").
const NOT_NAME_START: [&str; 14] = [
    "The", "A", "An", "This", "That", "How", "Why", "What", "When", "Where", "Who", "Our", "Your",
    "My",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_ruled_out_before_a_pattern_do_not_match_it() {
        let heads = [
            "", "b", "x", "9", "-", "|", "“", "ſ", "\u{212A}", "é", "•", "—", "(", " ", "B", "V",
            "Re", "te",
        ];
        let bodies = [
            "y Ana Reyes",
            "on Ilse Marrow",
            "at 4:10",
            "0:45",
            "un 3, 2031",
            "ov 3",
            "",
        ];
        let tails = [
            "",
            " staff writer",
            ", correspondent",
            " editor",
            " columniſt",
            "r",
            "t",
            ".",
            " REPORTER",
            ",Contributor",
            " Columnist",
        ];
        let mut lines: Vec<String> = Vec::new();
        for h in heads {
            for b in bodies {
                for t in tails {
                    lines.push(format!("{h}{b}{t}"));
                }
            }
        }
        for word in [
            "updated",
            "published",
            "posted",
            "last updated",
            "modified",
            "Monday",
            "tue",
            "WED",
            "thu",
            "fri",
            "sat",
            "sun",
            "jan",
            "feb",
            "mar",
            "apr",
            "may",
            "jun",
            "jul",
            "aug",
            "sep",
            "oct",
            "nov",
            "dec",
            "poſted",
            "ſat",
            "ſep",
        ] {
            lines.push(format!("{word} Nov 3, 2031"));
            lines.push(format!("{word} 3 2031"));
            lines.push(format!("{word}: 10:45 pm"));
        }
        for opener in [
            "by",
            "von",
            "di",
            "por",
            "par",
            "door",
            "av",
            "af",
            "written by",
            "posted by",
            "reported by",
            "photos by",
            "text by",
            "words by",
            "additional reporting by",
            "writing by",
            "editing by",
        ] {
            lines.push(format!("{opener} Ana Reyes"));
            lines.push(format!("{}: Ana Reyes", opener.to_uppercase()));
        }
        for c in (0u8..128).map(char::from) {
            lines.push(format!("{c}y Ana Reyes"));
            lines.push(format!("B{c} Ana Reyes"));
            lines.push(format!("{c}ritten by Ana"));
            lines.push(format!("{c}ov. 3, 2031"));
            lines.push(format!("S{c}p 3, 2031"));
            lines.push(format!("Tu{c} 3 Nov 2031"));
            lines.push(format!("{c}"));
            lines.push(format!("{c}9:45 pm"));
        }
        let words = |l: &str| l.split_whitespace().count() as u32;
        for l in &lines {
            assert_eq!(
                is_byline(l, words(l)),
                words(l) <= 14 && BYLINE.is_match(l),
                "{l:?}"
            );
            assert_eq!(
                is_stamp(l, words(l)),
                words(l) <= 12 && STAMP.is_match(l),
                "{l:?}"
            );
            assert_eq!(
                is_live_stamp(l),
                l.len() <= 20 && LIVE_STAMP.is_match(l),
                "{l:?}"
            );
        }
        assert!(is_byline("By Ana Reyes", 3) && is_byline("Ana Reyes, staff writer", 4));
        assert!(is_byline("EDITING BY: Ana Reyes", 4) && is_byline("Von Ilse Marrow", 3));
        assert!(is_stamp("Nov. 3, 2031", 3) && is_live_stamp("09:45"));
        assert!(is_stamp("Updated: 10:45 pm", 3) && is_stamp("ſat Nov 3, 2031", 4));
    }

    #[test]
    fn wire_place_lines() {
        for s in [
            "LISBON, Portugal (AP) —",
            "OSLO, June 3 (Reuters) -",
            "BRUSSELS 1996-08-22",
            "WASHINGTON —",
            "SAN TELMO (Wire Service) —",
        ] {
            assert!(is_dateline(s), "{s}");
        }
        for s in [
            "Harbour board approves new ferry",
            "NEWS",
            "The mayor said —",
        ] {
            assert!(!is_dateline(s), "{s}");
        }
    }

    #[test]
    fn captions_read_in_code_are_what_the_whole_pattern_read() {
        let whole = Regex::new(
            r"(?i)^\(.{2,80}\)$|\([^()]{2,60}/[^()]{2,60}\)$|(?-u:\b)(?:photo|image|picture)s?\s*:\s*\p{Lu}|^(?:photo|image|picture|video|graphic|illustration|credit|source|foto|bild)s?(?:\s+(?:credit|by|courtesy))?\s*[:|]|(?:getty images|shutterstock|istock|ap photo|afp photo|reuters/|/ reuters|/ ap|/ afp|courtesy of|photograph:|photo credit)|^©|\((?:left|right|center|centre|l|r|c|top|bottom|pictured|file)\)|\s(?-i:AP|AFP|EPA)$|\[(?:(?:file|photo|image|picture)s?\s*:[^\]]*|ap|afp|epa|reuters|getty images)\]$",
        )
        .unwrap();
        let mut lines = vec![
            "(Ana Reyes / Harbour Wire)".to_string(),
            "()".into(),
            "(x)".into(),
            "(xy)".into(),
            "(".into(),
            ")".into(),
            "The quay at dawn (Ana Reyes/Harbour Wire)".into(),
            "The quay (at dawn) (ab/cd)".into(),
            "The quay (ab/c)".into(),
            "The quay (a/cd)".into(),
            "The quay ((ab/cd)".into(),
            "The quay (ab/cd))".into(),
            "The quay ab/cd)".into(),
            "The quay (ab/cd/ef/gh)".into(),
            "The quay (ö/ü/é/à)".into(),
            "The quay (Ånä Réyès/Härbour Wíre)".into(),
            "(first line\nsecond line)".into(),
        ];
        for n in [58, 59, 60, 61, 62, 78, 79, 80, 81, 82] {
            lines.push(format!("({})", "é".repeat(n)));
            lines.push(format!("Quay ({}/ab)", "é".repeat(n)));
            lines.push(format!("Quay (ab/{})", "ö".repeat(n)));
            lines.push(format!(
                "Quay ({}/{})",
                "x/".repeat(n / 2),
                "y".repeat(n % 7)
            ));
        }
        for l in &lines {
            assert_eq!(is_caption(l), whole.is_match(l), "{l:?}");
        }
    }

    #[test]
    fn bylines_captions_and_stamps() {
        assert!(is_byline("By Maren Halvorsen", 3));
        assert!(is_byline("Tomas Quill, Staff Writer", 4));
        assert!(!is_byline("Bystanders watched the ferry leave.", 5));
        assert!(is_caption("(Ana Reyes / Harbour Wire)"));
        assert!(is_caption("Photo: Tomas Quill"));
        assert!(!is_caption(
            "The ferry left at noon (local time) on Monday."
        ));
        assert!(is_stamp("Nov. 19, 2019", 3));
        assert!(is_stamp("5:50 PM", 2));
        assert!(is_stamp("Updated 21/06/2014", 2));
        assert!(!is_stamp(
            "The council met on Nov. 19 to vote on the plan and more",
            13
        ));
        assert!(is_live_stamp("14.05 BST") && is_live_stamp("09:45") && is_live_stamp("2h ago"));
        assert!(is_bare_name("Maren Halvorsen") && !is_bare_name("The harbour board"));
        assert!(!is_bare_name("WORLD NEWS"));
        assert!(!is_bare_name("The Harbour Clock") && !is_bare_name("How It Works"));
        assert!(is_comment_header(
            "Lena Fisk on March 5, 2031 at 9:12 am said:",
            10,
            None
        ));
        assert!(is_comment_header(
            "Lena Fisk says:",
            3,
            Some(("March 5, 2031 at 9:12 am", 6))
        ));
        assert!(!is_comment_header(
            "The mayor said:",
            3,
            Some(("We will open the quay.", 5))
        ));
        assert!(is_stamp("Published 7:07 PM EST Nov 19, 2019", 7));
        assert!(is_stamp("- Nov. 18th 2019 12:12 pm PT", 7));
        assert!(is_stamp(
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
            8
        ));
        assert!(!is_stamp("September 2018 open thread", 4));
        assert!(is_caption(
            "Mayor Ana Reyes (left) and her deputy at the quay AP"
        ));
        assert!(is_caption(
            "Ferries idle at the quay in Velmora [File: Harbour Wire]"
        ));
        assert!(!is_caption("Harbour board approves new ferry [Updated]"));
    }
}
