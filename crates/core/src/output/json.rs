//! Rows as pretty-printed JSON, written as they come: an array is opened,
//! rows are serialized a batch at a time (each batch's rows on every core,
//! each into its own buffer) and written in order, and the array closed, so
//! no more than a batch of rows is ever held.

mod escape;
mod printer;
#[cfg(test)]
mod reference;

use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// How many rows are serialized side by side before they are written: enough
/// to keep every core busy, few enough that the buffers stay small.
const BATCH: usize = 1024;

/// How many rows one buffer holds within a batch.
const PER_BUFFER: usize = 32;

/// Writes `rows` as one JSON array (then a line break) into `out`: the same
/// text serde_json's pretty printer writes for the whole array at once,
/// with the [`printer`]'s escapes.
pub fn write_array<T: Serialize + Sync>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    write_batched(out, rows, |row, buf| printer::print(buf, 1, row))
}

/// [`write_array`] of the rows `row` makes of `sources`, made where they
/// are serialized (on every core), in the order of `sources`.
pub fn write_array_of<S: Sync, T: Serialize>(
    out: &mut dyn Write,
    sources: impl IntoIterator<Item = S>,
    row: impl Fn(&S) -> T + Sync,
) -> io::Result<()> {
    write_batched(out, sources, |source, buf| {
        printer::print(buf, 1, &row(source))
    })
}

/// The array of what `write` prints of each of `items`, a batch at a time.
fn write_batched<S: Sync>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = S>,
    write: impl Fn(&S, &mut Vec<u8>) -> Result<(), printer::Error> + Sync,
) -> io::Result<()> {
    let mut items = items.into_iter();
    let mut batch: Vec<S> = Vec::with_capacity(BATCH);
    let mut any = false;
    out.write_all(b"[")?;
    loop {
        batch.extend(items.by_ref().take(BATCH));
        if batch.is_empty() {
            break;
        }
        // Every row is written after ",\n" and its indent; the array's
        // first row has no comma.
        let buffers: Vec<Result<Vec<u8>, printer::Error>> = batch
            .par_chunks(PER_BUFFER)
            .map(|chunk| {
                let mut buf = Vec::new();
                for item in chunk {
                    buf.extend_from_slice(b",\n  ");
                    write(item, &mut buf)?;
                }
                Ok(buf)
            })
            .collect();
        batch.clear();
        for buf in buffers {
            let buf = buf?;
            out.write_all(if any { &buf } else { &buf[1..] })?;
            any = true;
        }
    }
    out.write_all(if any { b"\n]\n" } else { b"]\n" })
}

/// Writes one value as JSON (then a line break) into `out`.
pub fn write_value<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut buf = Vec::new();
    printer::print(&mut buf, 0, value)?;
    buf.push(b'\n');
    out.write_all(&buf)
}

/// Whether `c` is written escaped: the rule [`invisible_at`] reads from a
/// char's bytes, as a test checks for every char.
#[cfg(test)]
fn invisible(c: char) -> bool {
    matches!(c as u32, 0x80..=0x9f | 0x202a..=0x202e | 0x2066..=0x2069)
}

/// The [`invisible`] char whose UTF-8 starts at `bytes[0]`, told from its
/// bytes without decoding: C1 controls are C2 80..9F, the bidi overrides
/// E2 80 AA..AE and the isolates E2 81 A6..A9. Curly quotes and dashes
/// (E2 80 ..) are most of the lead bytes a string holds.
fn invisible_at(bytes: &[u8]) -> Option<char> {
    let code = match *bytes {
        [0xc2, b @ 0x80..=0x9f, ..] => u32::from(b) - 0x80 + 0x80,
        [0xe2, 0x80, b @ 0xaa..=0xae, ..] => u32::from(b) - 0xaa + 0x202a,
        [0xe2, 0x81, b @ 0xa6..=0xa9, ..] => u32::from(b) - 0xa6 + 0x2066,
        _ => return None,
    };
    char::from_u32(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn written(rows: &[serde_json::Value]) -> String {
        let mut out = Vec::new();
        write_array(&mut out, rows.iter()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_array_in_batches_is_the_text_serde_json_prints_whole() {
        // Rows of every shape (empty and nested arrays and objects), more of
        // them than one batch holds, and a batch's worth exactly.
        let row = |i: usize| {
            json!({
                "n": i,
                "empty_list": [],
                "empty_map": {},
                "nested": [i, {"inner": [], "deeper": [[], {"k": "Ria Tolvan"}]}],
                "text": format!("row {i}"),
                "none": null,
            })
        };
        for n in [1, 2, PER_BUFFER, BATCH, BATCH + 1, 2 * BATCH + 7] {
            let rows: Vec<_> = (0..n).map(row).collect();
            let whole = serde_json::to_string_pretty(&rows).unwrap() + "\n";
            assert_eq!(written(&rows), whole, "{n} rows");
        }
        assert_eq!(written(&[]), "[]\n");
        let mut one = Vec::new();
        write_value(&mut one, &row(3)).unwrap();
        assert_eq!(
            String::from_utf8(one).unwrap(),
            serde_json::to_string_pretty(&row(3)).unwrap() + "\n"
        );
    }

    #[test]
    fn the_bytes_of_every_char_say_what_the_char_says() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let found = invisible_at(bytes);
            assert_eq!(found.is_some(), invisible(c), "{:04x}", c as u32);
            assert!(found.is_none_or(|f| f == c), "{:04x}", c as u32);
        }
    }

    #[test]
    fn only_the_chars_that_drive_a_terminal_are_escaped_among_curly_quotes() {
        let mut out = Vec::new();
        let text = "\u{201c}Ria\u{201d} \u{2014} a\u{85}b\u{202e}c\u{2066}d \u{a0}\u{e9}\u{2019}";
        write_value(&mut out, &text).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"\u{201c}Ria\u{201d} \u{2014} a\\u0085b\\u202ec\\u2066d \u{a0}\u{e9}\u{2019}\"\n"
        );
    }
}
