//! The JSON printer every JSON output goes through: serde's data model
//! written as serde_json's pretty printer writes it (two spaces a level),
//! with the characters that can drive a terminal escaped (see
//! [`super::invisible_at`]).
//!
//! Why not serde_json's own `Serializer` with a custom `Formatter`: its
//! string escaping cannot be replaced (see [`super::escape`]), and a
//! formatter can only add a second pass over each run it is given. The
//! tests hold the text to serde_json's with the old formatter
//! ([`super::reference`]).

use serde::ser::{self, Serialize};

/// What a printer fails with: only a value serde's model cannot write as
/// JSON (a map key that is no string or number) fails; writing into
/// memory does not.
pub type Error = serde_json::Error;

/// Writes one value, as deep in the output as `depth` levels (its nested
/// lines are indented from there), onto the end of `out`.
pub fn print<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    depth: usize,
    value: &T,
) -> Result<(), Error> {
    value.serialize(&mut Printer { out, depth })
}

/// A value being written: where to, and how deep in the output.
pub struct Printer<'a> {
    out: &'a mut Vec<u8>,
    depth: usize,
}

impl<'a> Printer<'a> {
    /// The line break before an element or key, and its indent.
    fn new_line(&mut self, first: bool) {
        self.out
            .extend_from_slice(if first { b"\n" } else { b",\n" });
        self.indent();
    }

    fn indent(&mut self) {
        const SPACES: &[u8] = &[b' '; 64];
        let mut n = self.depth * 2;
        while n > 0 {
            let k = n.min(SPACES.len());
            self.out.extend_from_slice(&SPACES[..k]);
            n -= k;
        }
    }

    /// Opens an array or object: `[` or `{`.
    fn open<'p>(&'p mut self, bracket: u8) -> Compound<'p, 'a> {
        self.depth += 1;
        self.out.push(bracket);
        Compound {
            p: self,
            first: true,
        }
    }

    /// A whole number in decimal, without the formatting machinery (every
    /// row has offsets and counts).
    fn unsigned(&mut self, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    fn wide(&mut self, n: impl std::fmt::Display) {
        use std::io::Write;
        // Writing into memory cannot fail.
        let _ = write!(self.out, "{n}");
    }

    /// A float as serde_json writes it (shortest round trip; `null` when
    /// not finite).
    fn float<F: Serialize>(&mut self, f: F) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, &f)
    }
}

/// An array or object being written.
pub struct Compound<'p, 'a> {
    p: &'p mut Printer<'a>,
    /// No element or key written yet.
    first: bool,
}

impl<'p, 'a> Compound<'p, 'a> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.p.new_line(self.first);
        self.first = false;
        value.serialize(&mut *self.p)
    }

    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.p.new_line(self.first);
        self.first = false;
        push_key(self.p.out, key)?;
        self.p.out.extend_from_slice(b": ");
        Ok(())
    }

    /// Closes with `bracket`: on a line of its own when anything is in it.
    /// Gives back the printer (a variant's object closes after it).
    fn close(self, bracket: u8) -> &'p mut Printer<'a> {
        let p = self.p;
        p.depth -= 1;
        if !self.first {
            p.out.push(b'\n');
            p.indent();
        }
        p.out.push(bracket);
        p
    }
}

impl<'p, 'a> ser::Serializer for &'p mut Printer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'p, 'a>;
    type SerializeTuple = Compound<'p, 'a>;
    type SerializeTupleStruct = Compound<'p, 'a>;
    type SerializeTupleVariant = Compound<'p, 'a>;
    type SerializeMap = Compound<'p, 'a>;
    type SerializeStruct = Compound<'p, 'a>;
    type SerializeStructVariant = Compound<'p, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.out.push(b'-');
        }
        self.unsigned(v.unsigned_abs());
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.wide(v);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.unsigned(v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.wide(v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.float(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        super::escape::push_string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(b'[');
        for b in v {
            seq.element(b)?;
        }
        seq.close(b']');
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut object = self.open(b'{');
        object.key(variant)?;
        value.serialize(&mut *object.p)?;
        object.close(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'p, 'a>, Error> {
        Ok(self.open(b'['))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'p, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'p, 'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'p, 'a>, Error> {
        variant_then(self, variant, b'[')
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'p, 'a>, Error> {
        Ok(self.open(b'{'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'p, 'a>, Error> {
        Ok(self.open(b'{'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'p, 'a>, Error> {
        variant_then(self, variant, b'{')
    }
}

/// `{"variant": ` and then an open array or object (`bracket`) whose
/// compound, when closed, also closes the outer object (see
/// [`ser::SerializeTupleVariant::end`]).
fn variant_then<'p, 'a>(
    p: &'p mut Printer<'a>,
    variant: &str,
    bracket: u8,
) -> Result<Compound<'p, 'a>, Error> {
    p.depth += 1;
    p.out.push(b'{');
    p.new_line(true);
    super::escape::push_string(p.out, variant);
    p.out.extend_from_slice(b": ");
    Ok(p.open(bracket))
}

/// Closes the outer object [`variant_then`] opened.
fn close_variant(p: &mut Printer<'_>) {
    p.depth -= 1;
    p.out.push(b'\n');
    p.indent();
    p.out.push(b'}');
}

/// The three ways serde hands over an array's elements, each written as
/// one element of it and closed with `]`.
macro_rules! array_of_elements {
    ($($serde_trait:ident :: $add:ident),*) => {$(
        impl ser::$serde_trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close(b']');
                Ok(())
            }
        }
    )*};
}

array_of_elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field
);

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        close_variant(self.close(b']'));
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.p)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.p.new_line(self.first);
        self.first = false;
        super::escape::push_string(self.p.out, key);
        self.p.out.extend_from_slice(b": ");
        value.serialize(&mut *self.p)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        close_variant(self.close(b'}'));
        Ok(())
    }
}

/// A map's key: a string as it is; a number or a boolean in quotes, as
/// serde_json writes them; anything else is refused, as serde_json refuses
/// it.
fn push_key<T: Serialize + ?Sized>(out: &mut Vec<u8>, key: &T) -> Result<(), Error> {
    let mut written = Vec::new();
    print(&mut written, 0, key)?;
    match written.first() {
        Some(b'"') => out.extend_from_slice(&written),
        Some(b'-' | b'0'..=b'9' | b't' | b'f') => {
            out.push(b'"');
            out.extend_from_slice(&written);
            out.push(b'"');
        }
        _ => return Err(ser::Error::custom("key must be a string")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::reference;
    use super::print;
    use serde::Serialize;
    use std::collections::BTreeMap;

    fn printed<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
        let mut out = Vec::new();
        print(&mut out, depth, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn same_as_reference<T: Serialize + ?Sized>(value: &T) {
        for depth in [0, 1, 3] {
            let want = String::from_utf8(reference::print(value, depth)).unwrap();
            assert_eq!(printed(value, depth), want, "depth {depth}");
        }
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Wrapped(u8);

    #[derive(Serialize)]
    struct Pair(i32, &'static str);

    #[derive(Serialize)]
    enum Shape {
        Dot,
        Label(&'static str),
        Pair(u8, Vec<u8>),
        NoPair(),
        Boxed { w: f64, h: Option<f32> },
        Empty {},
    }

    #[derive(Serialize)]
    struct Row {
        id: u32,
        big: i128,
        small: i8,
        ratio: f64,
        tiny: f32,
        flag: bool,
        letter: char,
        none: Option<&'static str>,
        unit: (),
        unit_struct: Unit,
        wrapped: Wrapped,
        pair: Pair,
        shapes: Vec<Shape>,
        empty: Vec<u32>,
        nested: Vec<Vec<u32>>,
        bytes: serde_bytes_like::Bytes,
        by_name: BTreeMap<&'static str, Vec<u32>>,
        by_number: BTreeMap<i64, &'static str>,
        by_flag: BTreeMap<bool, u8>,
        empty_map: BTreeMap<String, u8>,
    }

    /// Bytes written through `serialize_bytes` (a `Vec<u8>` is a sequence).
    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn every_shape_of_serde_s_model_is_written_as_the_reference_writes_it() {
        let row = Row {
            id: 7,
            big: -170_141_183_460_469_231_731_687_303_715_884_105_728,
            small: -8,
            ratio: 2.874_340_573_689,
            tiny: 0.1,
            flag: true,
            letter: '\u{85}',
            none: None,
            unit: (),
            unit_struct: Unit,
            wrapped: Wrapped(3),
            pair: Pair(-1, "Brask"),
            shapes: vec![
                Shape::Dot,
                Shape::Label("quay"),
                Shape::Pair(1, vec![2, 3]),
                Shape::Pair(0, vec![]),
                Shape::NoPair(),
                Shape::Boxed {
                    w: 1e300,
                    h: Some(f32::NAN),
                },
                Shape::Boxed {
                    w: f64::INFINITY,
                    h: None,
                },
                Shape::Empty {},
            ],
            empty: vec![],
            nested: vec![vec![], vec![1], vec![]],
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
            by_name: BTreeMap::from([("a\"b", vec![1]), ("c", vec![])]),
            by_number: BTreeMap::from([(-3, "minus"), (40, "forty")]),
            by_flag: BTreeMap::from([(false, 0), (true, 1)]),
            empty_map: BTreeMap::new(),
        };
        same_as_reference(&row);
        same_as_reference(&vec![Shape::Dot]);
        same_as_reference(&Shape::Label("alone"));
        same_as_reference(&[i64::MIN, -10, -1, 0, 9, 10, 99, 100, i64::MAX]);
        same_as_reference(&[0, 1, 19, 20, u64::MAX / 10, u64::MAX]);
        same_as_reference(&[i128::MIN, i128::MAX]);
        same_as_reference(&(
            u128::MAX,
            u8::MAX,
            i8::MIN,
            u16::MAX,
            i16::MIN,
            u32::MAX,
            i32::MIN,
        ));
        same_as_reference(&serde_json::json!({"k": [1.5, null, {"x": []}], "e": {}}));
    }

    #[test]
    fn a_map_key_that_is_no_string_number_or_flag_is_refused_as_serde_json_refuses_it() {
        let map = BTreeMap::from([(vec![1u8], 2u8)]);
        assert!(print(&mut Vec::new(), 0, &map).is_err());
        assert!(serde_json::to_string(&map).is_err());
    }
}
