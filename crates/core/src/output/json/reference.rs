//! The printer JSON output used before [`super::printer`]: serde_json's
//! pretty printer with a formatter that escapes the characters
//! [`super::invisible_at`] names. Kept for the tests, which hold the
//! printer's text to it byte for byte.

use super::invisible_at;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// `value` as the reference printer writes it, `depth` levels deep.
pub fn print<T: serde::Serialize + ?Sized>(value: &T, depth: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Visible::at(depth));
    value.serialize(&mut ser).unwrap();
    out
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
