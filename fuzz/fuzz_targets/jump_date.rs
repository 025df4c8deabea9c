//! The jump-to-date input line on arbitrary text: never panics, and what it
//! accepts is a real calendar value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, i16)| {
    let (input, year) = data;
    if let Some(v) = dateline::query::parse_jump_date(input, year as i32) {
        assert!(v.start <= v.end());
        let _ = v.label();
    }
});
