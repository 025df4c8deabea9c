//! Sentences longer than prose ever is (a table or a list run together),
//! cut at white space into pieces the name scanner reads one at a time, so
//! that no sentence costs more than a bounded amount of work per byte.

/// The longest stretch of text scanned as one sentence; a longer sentence
/// is cut at white space into pieces of at most this size.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// `text` cut into pieces of at most about `max` bytes, each ending at white
/// space where there is some, with each piece's offset in `text`.
pub fn pieces(text: &str, max: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from >= text.len() {
            return None;
        }
        let rest = &text[from..];
        let mut cut = if rest.len() <= max {
            rest.len()
        } else {
            let mut end = max;
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            // The last white space in the window, else the window itself.
            rest[..end]
                .rfind(char::is_whitespace)
                .filter(|&i| i > max / 2)
                .unwrap_or(end)
        };
        if cut == 0 {
            // A char wider than `max`: never an empty piece.
            cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
        }
        let piece = (from, &rest[..cut]);
        from += cut;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cut_long_sentences_at_spaces_and_keep_every_byte() {
        let text = "Aino Virta met Oskar Lind. ".repeat(400);
        let mut joined = String::new();
        for (from, piece) in pieces(&text, 100) {
            assert!(piece.len() <= 100);
            assert_eq!(&text[from..from + piece.len()], piece);
            joined.push_str(piece);
        }
        assert_eq!(joined, text);
        // A word longer than the limit, and wide chars, still come out whole.
        let long = "ß".repeat(300);
        let all: String = pieces(&long, 7).map(|(_, p)| p).collect();
        assert_eq!(all, long);
    }
}
