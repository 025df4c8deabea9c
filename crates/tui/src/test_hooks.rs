//! Hooks the terminal tests use to make a run hold still or fail on cue:
//! `DATELINE_TEST_HOLD_FULL_LOAD=<file>` holds the full load until the file
//! exists, `DATELINE_TEST_PANIC=1` panics after the first frame and
//! `DATELINE_TEST_PANIC=loader` panics in the full load.
//!
//! They are read only in a build with the `test-hooks` feature (`./test.sh`
//! turns it on); a normal build reads no such variable, so nothing in a
//! user's environment can make the product hang or panic on purpose.

use std::ffi::OsString;

/// The hook variable `name`, when hooks are compiled in and it is set.
pub fn var(name: &str) -> Option<OsString> {
    if cfg!(feature = "test-hooks") {
        std::env::var_os(name)
    } else {
        None
    }
}

/// Whether the hook variable `name` is set to `value`.
pub fn is(name: &str, value: &str) -> bool {
    var(name).is_some_and(|v| v == value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hooks_are_read_only_with_the_feature() {
        // The variable is set in this process; whether it is seen depends on
        // the build alone.
        // SAFETY: set before any thread of this test reads the environment;
        // no other test reads this name.
        unsafe { std::env::set_var("DATELINE_TEST_HOOK_PROBE", "on") };
        assert_eq!(
            super::is("DATELINE_TEST_HOOK_PROBE", "on"),
            cfg!(feature = "test-hooks")
        );
    }
}
