//! Rows as pretty-printed JSON, written as they come: an array is opened,
//! each row serialized straight into the writer, and closed, so no row and
//! no text of the whole array is held.

use serde::{Serialize, Serializer as _};
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Writes `rows` as one JSON array (then a line break) into `out`.
pub fn write_array<T: Serialize>(
    out: &mut dyn Write,
    rows: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Visible::default());
    ser.collect_seq(rows)?;
    out.write_all(b"\n")
}

/// Writes one value as JSON (then a line break) into `out`.
pub fn write_value<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Visible::default());
    value.serialize(&mut ser)?;
    out.write_all(b"\n")
}

/// serde_json's pretty printer, with the characters that can reorder or
/// drive what shows the text (C1 controls, bidi overrides and isolates)
/// written as `\uXXXX`, as serde_json writes C0 controls. JSON's own syntax
/// is ASCII, so they occur only inside strings, and the text stays valid
/// JSON of the same values.
#[derive(Default)]
pub struct Visible<'a>(PrettyFormatter<'a>);

/// Whether `c` is written escaped.
fn invisible(c: char) -> bool {
    matches!(c as u32, 0x80..=0x9f | 0x202a..=0x202e | 0x2066..=0x2069)
}

impl Formatter for Visible<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every such character starts with byte C2 or E2: most fragments
        // have neither and go out whole.
        if !fragment.bytes().any(|b| b == 0xc2 || b == 0xe2) {
            return w.write_all(fragment.as_bytes());
        }
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if invisible(c) {
                w.write_all(&fragment.as_bytes()[from..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                from = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[from..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}
