use super::*;

/// The tokenizer as it was before [`tokenize_into`] walked bytes: one
/// `(offset, char)` per char, indexed. Kept to check the fast path.
fn reference_tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
    // Sized up front: `char_indices` cannot say how many chars there are,
    // and growing this Vec by doubling was a third of the scanner's time.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let mut i = 0;
    // Whether the next word opens a sentence or a quotation.
    let mut opens = true;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            let prev_space = i == 0 || at(i - 1).is_some_and(char::is_whitespace);
            let next_word = at(i + 1).is_some_and(is_word_char);
            if matches!(c, '.' | '!' | '?' | ':' | ';')
                || (is_opening_quote(c) && prev_space && next_word)
            {
                opens = true;
            }
            out.push(Token {
                start: off(i),
                end: off(i + 1),
                shape: Shape::Punct(c),
                possessive: false,
                initial: false,
                glued: false,
                ascii: c.is_ascii(),
            });
            i += 1;
            continue;
        }
        // A word: letters and digits, joined by inner hyphens, apostrophes and
        // the dots of abbreviations.
        let start = i;
        let mut seg_start = i;
        let mut glued = false;
        let mut possessive = false;
        let mut end_core: Option<usize> = None;
        while i < n {
            let c = chars[i].1;
            if is_word_char(c) {
                i += 1;
                continue;
            }
            let next = at(i + 1);
            let next_is_word = next.is_some_and(is_word_char);
            if c == '.' {
                let seg = &text[off(seg_start)..off(i)];
                let mut seg_chars = seg.chars();
                let single_cap =
                    seg_chars.next().is_some_and(char::is_uppercase) && seg_chars.next().is_none();
                if single_cap {
                    i += 1;
                    if next_is_word && next.is_some_and(char::is_uppercase) {
                        seg_start = i;
                        continue;
                    }
                    // "U.S.-proposed": a dotted abbreviation glued to a word.
                    if at(i) == Some('-') && at(i + 1).is_some_and(is_word_char) {
                        glued = at(i + 1).is_some_and(char::is_lowercase);
                        i += 1;
                        seg_start = i;
                        continue;
                    }
                    break;
                }
                if seg_start == start && DOTTED_WORDS.contains(&seg) && !next_is_word {
                    i += 1;
                }
                break;
            }
            if c == '-' && next_is_word {
                glued = next.is_some_and(char::is_lowercase);
                i += 1;
                seg_start = i;
                continue;
            }
            if APOSTROPHES.contains(&c) {
                let after = at(i + 2);
                if matches!(next, Some('s' | 'S')) && !after.is_some_and(is_word_char) {
                    possessive = true;
                    end_core = Some(off(i));
                    i += 2;
                    break;
                }
                if next_is_word {
                    i += 1;
                    seg_start = i;
                    continue;
                }
                // "leaders'": a plural possessive.
                if chars[i - 1].1 == 's' {
                    possessive = true;
                    end_core = Some(off(i));
                    i += 1;
                }
                break;
            }
            break;
        }
        let word_end = end_core.unwrap_or(off(i));
        let word = &text[off(start)..word_end];
        let shape = shape_of(word, true);
        // A capitalised head glued to a lower-case tail is an adjective,
        // unless the head is a particle prefix ("al-Assad" starts lower case).
        let glued = glued && matches!(shape, Shape::Cap | Shape::Upper);
        out.push(Token {
            start: off(start),
            end: word_end,
            shape,
            possessive,
            initial: opens,
            glued,
            ascii: word.is_ascii(),
        });
        opens = false;
    }
    out
}

#[test]
fn byte_walk_agrees_with_the_char_by_char_tokenizer() {
    let fixed = [
        "Quellwater's plan and Varga\u{2019}s aide met the leaders' envoy",
        "U.S. envoy J.D. Orr met Jean-Noel Dupuis in St. Ives; U.S.-proposed plan",
        "Micheál Nørgaard and Şimşek, al-Rashid",
        "Varga left. Then \u{201c}Tomas, stop!\u{201d} she said",
        "É.-x Ü.Ö. É's Zoë\u{2019} naïve-Ärger \u{2014} (Ørsted) [«Łódź»]",
        "e\u{0301}te\u{0301} Ａ.Ｂ. x's's s' s\u{2019} ''s -- .- A.-",
        // Full stops after small words, digits, initials and abbreviations.
        "talks failed. etc. 3.5 velmar.org x.Y 2. Gen. Orr W. Tamm Mr.Orr a.b.c.",
    ];
    // Pseudo-random mixes of the characters the scanner treats apart.
    let alphabet: Vec<char> = "aAsSzZ09 .'-\u{2019}\u{201c}\u{201d}(,!?:;\u{e9}\u{c9}\u{f8}\u{15e}\u{301}\u{2014}\u{a0}\n\u{ab}\t\r\u{b}\u{c}\u{2009}\u{200b}\u{2028}\u{2026}"
        .chars()
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut mixed = Vec::new();
    for _ in 0..3000 {
        let mut s = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        for _ in 0..(seed % 24) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        mixed.push(s);
    }
    for s in fixed
        .iter()
        .copied()
        .chain(mixed.iter().map(String::as_str))
    {
        assert_eq!(tokenize(s), reference_tokenize(s), "{s:?}");
    }
}

#[test]
fn general_punctuation_holds_no_word_char() {
    for c in GENERAL_PUNCTUATION {
        assert!(
            !(c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)),
            "{c:?}"
        );
    }
}

#[test]
fn the_sweep_table_is_ascii_alphanumeric() {
    for b in 0..=255u8 {
        assert_eq!(ALNUM[usize::from(b)], b.is_ascii_alphanumeric(), "{b}");
    }
}

#[test]
fn ascii_shapes_agree_with_the_general_rule() {
    for w in [
        "Halvorsen",
        "US",
        "W.",
        "L",
        "nato",
        "2025",
        "al-Assad",
        "bin-Salman",
        "Jean-Noel",
        "U.S.",
        "x-ray",
        "JD",
        "'",
        "-",
    ] {
        let general = general_shape_of(w);
        assert_eq!(ascii_shape_of(w.as_bytes()), general, "{w}");
    }
}

fn words(s: &str) -> Vec<(&str, Shape, bool)> {
    tokenize(s)
        .into_iter()
        .filter(Token::is_word)
        .map(|t| (&s[t.start..t.end], t.shape, t.possessive))
        .collect()
}

#[test]
fn possessives_lose_their_s_with_either_apostrophe() {
    let w = words("Quellwater's plan and Varga\u{2019}s aide met the leaders' envoy");
    assert_eq!(w[0], ("Quellwater", Shape::Cap, true));
    assert_eq!(w[3], ("Varga", Shape::Cap, true));
    assert_eq!(w[7], ("leaders", Shape::Lower, true));
}

#[test]
fn abbreviations_hyphens_and_initials() {
    let w = words("U.S. envoy J.D. Orr met Jean-Noel Dupuis in St. Ives; U.S.-proposed plan");
    assert_eq!(w[0], ("U.S.", Shape::Upper, false));
    assert_eq!(w[2].0, "J.D.");
    assert_eq!(w[5], ("Jean-Noel", Shape::Cap, false));
    assert_eq!(w[8].0, "St.");
    let glued = tokenize("U.S.-proposed").into_iter().next().unwrap();
    assert!(glued.glued);
}

#[test]
fn diacritics_stay_inside_names() {
    let w = words("Micheál Nørgaard and Şimşek, al-Rashid");
    assert_eq!(w[0], ("Micheál", Shape::Cap, false));
    assert_eq!(w[1].0, "Nørgaard");
    assert_eq!(w[3].0, "Şimşek");
    assert_eq!(w[4], ("al-Rashid", Shape::Cap, false));
}

#[test]
fn sentence_and_quote_openers_are_marked() {
    let t = tokenize("Varga left. Then \u{201c}Tomas, stop!\u{201d} she said");
    let initial: Vec<bool> = t
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.initial)
        .collect();
    assert_eq!(initial, vec![true, false, true, true, false, true, false]);
}

#[test]
fn odd_input_never_panics() {
    for s in [
        "",
        "'",
        "’s",
        "-",
        "A.",
        "a'",
        "É.",
        "\u{0301}x",
        "..--''",
        "x's's",
    ] {
        let _ = tokenize(s);
    }
}

#[test]
fn the_word_sweep_ends_at_the_first_byte_that_is_no_ascii_letter_or_digit() {
    // Every byte value at every place of a run, and runs of every length.
    for b in 0..=255u8 {
        for at in 0..20 {
            for len in at..21 {
                let mut bytes: Vec<u8> = b"aZ09mzAQ7kxyzBCDqrstu"[..len].to_vec();
                if at < len {
                    bytes[at] = b;
                }
                let expected = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len());
                assert_eq!(
                    super::ascii_run_end(&bytes, 0),
                    expected,
                    "{b} at {at} of {len}"
                );
                if len > 0 {
                    let from_one = bytes[1..]
                        .iter()
                        .position(|c| !c.is_ascii_alphanumeric())
                        .map_or(bytes.len(), |p| p + 1);
                    assert_eq!(super::ascii_run_end(&bytes, 1), from_one);
                }
            }
        }
    }
    assert_eq!(super::ascii_run_end(b"abc", 5), 5);
}

#[test]
fn word_ends_found_eight_bytes_at_a_time_are_the_bytewise_ones() {
    // Every byte value as the end of a run, at every place in and around
    // an eight-byte chunk, and texts of words of every length.
    for b in 0..=255u8 {
        assert_eq!(alnum_bytes(each(b)) != 0, ALNUM[usize::from(b)], "{b}");
        for at in 0..20 {
            let mut bytes = b"Abc9xyzQ".repeat(3);
            bytes[at] = b;
            for from in 0..bytes.len() {
                assert_eq!(
                    ascii_run_end(&bytes, from),
                    ascii_run_end_bytewise(&bytes, from),
                    "{b} {at} {from}"
                );
            }
        }
    }
    let text = "Ivo Brask-Tamm, 42, said: \u{201c}Nørgaard’s U.S. deal\u{201d} a b cd efghijklmnopqrstu 123456789 Zz@[`{/:";
    let bytes = text.as_bytes();
    for from in 0..=bytes.len() + 1 {
        assert_eq!(
            ascii_run_end(bytes, from),
            ascii_run_end_bytewise(bytes, from),
            "{from}"
        );
    }
}

#[test]
fn small_words_told_from_one_load_end_where_the_sweep_says() {
    // Every byte value at every place of a run of small words, each word
    // asked about from its first letter: a word told from one load ends
    // at a space, where the sweep ends it.
    for b in 0..=255u8 {
        for at in 0..24 {
            let mut bytes = b"ab cde fghi jk lmnop q rs tuvwxyzab cd".to_vec();
            bytes[at] = b;
            for p in (0..bytes.len()).filter(|&p| bytes[p].is_ascii_lowercase()) {
                if let Some(end) = spaced_lower_word(&bytes, p) {
                    assert_eq!(word_end(&bytes, p), (end, Some(b' ')), "{b} {at} {p}");
                }
            }
            // The same of a word that opens on any letter or digit, with
            // its shape.
            bytes[0] = b'Q';
            bytes[7] = b'7';
            for p in (0..bytes.len()).filter(|&p| ALNUM[usize::from(bytes[p])]) {
                if let Some((end, c)) = small_tail_word_end(&bytes, p) {
                    assert_eq!(word_end(&bytes, p), (end, Some(c)), "{b} {at} {p}");
                    assert_eq!(
                        small_tail_shape(bytes[p], end - p),
                        ascii_word_shape(&bytes[p..end], false),
                        "{b} {at} {p}"
                    );
                }
            }
        }
    }
    // Runs of small words, long and short, between other tokens: the
    // same tokens as the char-by-char tokenizer's.
    for s in [
        "Tamm said on the day that it was not so, and then left the harbour at dawn",
        "Velm: a b c d e f g h i j k l m n o p q r s t u v w x y z.",
        "the harbourmasters association said notwithstanding it all Brask",
        "on a cold day in the old town, the vote was held; Orr's aide won",
        "it was the mid-term vote e\u{301}te\u{301} and the naïve one it's the",
    ] {
        assert_eq!(tokenize(s), reference_tokenize(s), "{s:?}");
    }
}

#[test]
fn word_ends_read_from_one_load_are_the_sweeps() {
    // Every byte value ending a run at every place in and past the first
    // chunk, and a text whose words are of every length.
    for b in 0..=255u8 {
        for at in 1..20 {
            let mut bytes = b"Abc9xyzQ".repeat(3);
            bytes[at] = b;
            for p in (0..at).filter(|&p| ALNUM[usize::from(bytes[p])]) {
                let end = ascii_run_end_bytewise(&bytes, p + 1);
                assert_eq!(
                    word_end(&bytes, p),
                    (end, bytes.get(end).copied()),
                    "{b} {at} {p}"
                );
            }
        }
    }
    let text = "Ivo Brask-Tamm, 42, said a b cd efghijklmnopqrstu 123456789 Zz@[`{/: ok";
    let bytes = text.as_bytes();
    for p in (0..bytes.len()).filter(|&p| ALNUM[usize::from(bytes[p])]) {
        let end = ascii_run_end_bytewise(bytes, p + 1);
        assert_eq!(word_end(bytes, p), (end, bytes.get(end).copied()), "{p}");
    }
}

#[test]
fn a_word_is_glued_only_when_its_last_part_is_lower_case() {
    for (w, glued) in [
        ("Velm-based", true),
        ("Ostrova-led", true),
        ("Ivo-ul-Tamm", false),
        ("Kessing-on-Sea", false),
        ("Tarn-le-Brask-run", true),
        ("U.S.-proposed", true),
    ] {
        let t = tokenize(w).into_iter().next().unwrap();
        assert_eq!(t.glued, glued, "{w}");
    }
}
