//! Rows as pretty-printed JSON, written as they come: an array is opened,
//! rows are serialized a batch at a time (each batch's rows on every core,
//! each into its own buffer) and written in order, and the array closed, so
//! no more than a batch of rows is ever held.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// How many rows are serialized side by side before they are written: enough
/// to keep every core busy, few enough that the buffers stay small.
const BATCH: usize = 1024;

/// How many rows one buffer holds within a batch.
const PER_BUFFER: usize = 32;

/// Writes `rows` as one JSON array (then a line break) into `out`: the same
/// text serde_json's pretty printer writes for the whole array at once,
/// with [`Visible`]'s escapes.
pub fn write_array<T: Serialize + Sync>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    write_batched(out, rows, |row, ser| row.serialize(ser))
}

/// [`write_array`] of the rows `row` makes of `sources`, made where they
/// are serialized (on every core), in the order of `sources`.
pub fn write_array_of<S: Sync, T: Serialize>(
    out: &mut dyn Write,
    sources: impl IntoIterator<Item = S>,
    row: impl Fn(&S) -> T + Sync,
) -> io::Result<()> {
    write_batched(out, sources, |source, ser| row(source).serialize(ser))
}

/// A row's printer: into its batch's buffer, one level deep.
type RowSerializer<'b> = serde_json::Serializer<&'b mut Vec<u8>, Visible>;

/// The array of what `write` prints of each of `items`, a batch at a time.
fn write_batched<S: Sync>(
    out: &mut dyn Write,
    items: impl IntoIterator<Item = S>,
    write: impl Fn(&S, &mut RowSerializer<'_>) -> serde_json::Result<()> + Sync,
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
        let buffers: Vec<io::Result<Vec<u8>>> = batch
            .par_chunks(PER_BUFFER)
            .map(|chunk| {
                let mut buf = Vec::new();
                for item in chunk {
                    buf.extend_from_slice(b",\n  ");
                    let mut ser = serde_json::Serializer::with_formatter(&mut buf, Visible::at(1));
                    write(item, &mut ser)?;
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
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Visible::at(0));
    value.serialize(&mut ser)?;
    out.write_all(b"\n")
}

/// serde_json's pretty printer, with the characters that can reorder or
/// drive what shows the text (C1 controls, bidi overrides and isolates)
/// written as `\uXXXX`, as serde_json writes C0 controls. JSON's own syntax
/// is ASCII, so they occur only inside strings, and the text stays valid
/// JSON of the same values.
pub struct Visible {
    /// How deep in arrays and objects the writer is.
    depth: usize,
    /// Whether the array or object just closed had anything in it.
    has_value: bool,
}

impl Visible {
    /// A printer for a value written `depth` levels deep (0: on its own).
    pub fn at(depth: usize) -> Self {
        Visible {
            depth,
            has_value: false,
        }
    }
}

/// The line break and two spaces a level before a value or key.
fn new_line<W: ?Sized + Write>(w: &mut W, first: bool, depth: usize) -> io::Result<()> {
    w.write_all(if first { b"\n" } else { b",\n" })?;
    indent(w, depth)
}

fn indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    let mut n = depth * 2;
    while n > 0 {
        let k = n.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

/// The end of an array or object: on a line of its own when it held
/// anything, right after its opening bracket when empty.
fn close<W: ?Sized + Write>(f: &mut Visible, w: &mut W, bracket: &[u8]) -> io::Result<()> {
    f.depth -= 1;
    if f.has_value {
        w.write_all(b"\n")?;
        indent(w, f.depth)?;
    }
    w.write_all(bracket)
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

impl Formatter for Visible {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every such character starts with byte C2 or E2 (lead bytes, so
        // char boundaries): only the bytes at those are looked at.
        let bytes = fragment.as_bytes();
        // Keys, dates, paths: most fragments are ASCII, checked a word at
        // a time, with no search set up for them.
        if fragment.is_ascii() {
            return w.write_all(bytes);
        }
        let mut from = 0;
        for i in memchr::memchr2_iter(0xc2, 0xe2, bytes) {
            if let Some(c) = invisible_at(&bytes[i..]) {
                w.write_all(&bytes[from..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                from = i + c.len_utf8();
            }
        }
        w.write_all(&bytes[from..])
    }

    // The layout of serde_json's `PrettyFormatter` (two spaces a level),
    // kept here so that a value can start at any depth.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        close(self, w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, first, self.depth)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        close(self, w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        new_line(w, first, self.depth)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
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
